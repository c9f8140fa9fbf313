import type { ClusterNodes, NodeSpec } from '../../engines/cluster/cluster-nodes.js';
import { MAX_CLUSTER_NODES } from '../../engines/cluster/cluster-nodes.js';
import { DomainError } from '../../engines/runtime/domain-error.js';
import {
  SwimGroup,
  type ConsensusChange,
  type GroupMemberView,
  type Lifecycle,
  type MemberGossipState,
  type MemberMetadata,
  type MemberState,
  type MemberStateName,
  type MemberStatePayload,
  type MembershipEventMap,
  type ObserverCounts,
  type ProbePhase,
  type SuspicionView,
  type SwimConfig,
  type SwimCounters,
} from '../../engines/membership/index.js';
import type { EventBus } from '../../engines/runtime/event-bus.js';
import type { SimulationRuntime } from '../../engines/runtime/index.js';
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';

/** Persisted record kind: the nodes an operator made leave the gossip group (key: node id). */
export const MEMBER_RECORD = 'cluster.member';

/** What `member_state_changed` names as its source. */
export const GOSSIP_EVENT_SOURCE = 'cluster.gossip';

/**
 * The protocol settings of the cluster's gossip group: memberlist's LAN defaults (1 s periods,
 * 300 ms ping timeout) suit both the realtime clock (the driver ticks every 25 ms, links take
 * 1-2 ms) and the test server's manual clock (5 nodes: a handful of messages per period). The
 * group must hold every node the cluster may have.
 */
export const CLUSTER_GOSSIP_CONFIG: Readonly<Partial<SwimConfig>> = Object.freeze({ maxMembers: MAX_CLUSTER_NODES });

/** An operator's decision about a node's gossip membership: it left, and stays left across restarts. */
interface LeftMemberRecord {
  memberId: string;
  leftAtMs: number;
}

export type MemberLifecycleName = 'JOINING' | 'ACTIVE' | 'LEAVING' | 'LEFT' | 'CRASHED' | 'JOIN_FAILED';
export type ProbePhaseName = 'DIRECT' | 'INDIRECT' | 'ACKED';

/** A member as the group sees it (the contract's Member). */
export interface Member {
  memberId: string;
  state: MemberStateName | null;
  incarnation: number;
  address: string;
  metadata: MemberMetadata;
  lastStateChange: string;
  observers: ObserverCounts;
  lifecycle: MemberLifecycleName;
}

export const MEMBER_FIELDS: readonly (keyof Member)[] = ['memberId', 'state', 'incarnation', 'address', 'metadata', 'lastStateChange', 'observers', 'lifecycle'];

export interface MemberQuery {
  state?: MemberStateName;
  lifecycle?: MemberLifecycleName;
  region?: string;
  sortBy?: 'memberId' | 'state' | 'incarnation' | 'lastStateChange';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface Suspicion {
  incarnation: number;
  startedAt: string;
  deadline: string;
  confirmations: number;
  suspectors: string[];
}

export interface ObserverBelief {
  observerId: string;
  state: MemberStateName | null;
  incarnation: number | null;
  lastStateChange: string | null;
  suspicion: Suspicion | null;
}

/** A member as the group, itself and each other live member sees it (the contract's MemberStateDetail). */
export interface MemberStateDetail {
  member: Member;
  self: { lifecycle: MemberLifecycleName; incarnation: number; state: MemberStateName };
  observers: ObserverBelief[];
}

export interface MemberGossip {
  memberId: string;
  lifecycle: MemberLifecycleName;
  incarnation: number;
  protocolPeriod: number;
  nextPeriodAt: string;
  viewSize: number;
  retransmitLimit: number;
  suspicionTimeouts: MemberGossipState['suspicionTimeouts'];
  probe: { targetId: string; seq: number; phase: ProbePhaseName; startedAt: string; helpers: string[] } | null;
  piggybackQueue: { memberId: string; state: MemberStateName; incarnation: number; from: string; transmissions: number; remainingTransmissions: number }[];
  suspicions: (Suspicion & { memberId: string })[];
  pendingRelays: number;
  join: { seeds: string[]; attempts: number } | null;
  counters: SwimCounters;
}

/** The gossip protocol as it runs (the contract's GossipState). */
export interface GossipState {
  protocolPeriodMs: number;
  pingTimeoutMs: number;
  protocolPeriod: number;
  nextPeriodAt: string;
  memberCount: number;
  totals: SwimCounters;
  members: MemberGossip[];
}

export interface GossipQuery {
  memberId?: string;
  limit?: number;
  offset?: number;
}

/** A cluster node to join (back) to the gossip group (the contract's JoinMemberRequest). */
export interface JoinMemberRequest {
  memberId: string;
  metadata: MemberMetadata;
  seedId?: string;
}

export interface MembershipDeps {
  runtime: SimulationRuntime;
  nodes: ClusterNodes;
  bus: EventBus<MembershipEventMap>;
  journal: Journal;
}

/** Metadata the node's spec fields must agree with when it (re)joins. */
const NODE_METADATA_FIELDS = ['address', 'region', 'zone'] as const;

/**
 * Gossip membership (SWIM) of the cluster's nodes: one function per API operation. The group's
 * members are the cluster's nodes under the same ids, so the crash and partition faults that
 * silence a node's heartbeats silence its gossip too, and the two failure detectors can be
 * compared. Gossip state is soft: a restart rebuilds it from the nodes. What operators decided
 * (which nodes left the group) is journaled and restored.
 */
export class MembershipService {
  /** Restores the operators' decisions from the store and starts the group over the cluster's current nodes. */
  static async start(store: Store, deps: MembershipDeps, runner: OperationRunner): Promise<MembershipService> {
    const records = await store.list<LeftMemberRecord>(MEMBER_RECORD);
    return new MembershipService(deps, runner, new Set(records.map((record) => record.value.memberId)));
  }

  private readonly group: SwimGroup;
  private readonly stopObservingNodes: () => void;

  private constructor(
    private readonly deps: MembershipDeps,
    private readonly runner: OperationRunner,
    /** Nodes an operator made leave the group and that have not joined again (mirrors MEMBER_RECORD). */
    private readonly leftByOperator: Set<string>,
  ) {
    const nodes = deps.nodes.list();
    // A record outlives its node only if a removal was not journaled with it; drop it rather than keep a ghost.
    for (const memberId of leftByOperator) {
      if (!deps.nodes.has(memberId)) this.forgetLeave(memberId);
    }
    this.group = new SwimGroup(deps.runtime, {
      config: CLUSTER_GOSSIP_CONFIG,
      // The nodes' own roles: the group starts before consensus lends any node LEADER or CANDIDATE.
      members: nodes.map((node) => ({
        memberId: node.nodeId,
        metadata: { address: node.address, region: node.region, zone: node.zone, role: node.role },
        left: leftByOperator.has(node.nodeId),
      })),
    });
    this.group.onConsensusChange((change) => deps.bus.publish('member_state_changed', GOSSIP_EVENT_SOURCE, memberStatePayload(change)));
    this.stopObservingNodes = deps.nodes.observe({
      nodeJoined: (spec) => this.nodeJoined(spec),
      nodeLeft: (spec) => this.nodeLeft(spec),
      healthChanged: () => undefined,
    });
  }

  listMembers(context: OperationContext, query: MemberQuery): Page<Partial<Member>> {
    return this.runner.read(context, 'listMembers', () => {
      const byId = (query.sortBy ?? 'memberId') === 'memberId';
      // The group lists members in id order already: sort only for another field or descending.
      let members = this.group.members().map(toMember);
      if (query.region !== undefined) members = members.filter((member) => member.metadata.region === query.region);
      if (byId && query.order === 'desc') members.reverse();
      const page = pageOf(members, {
        filters: { state: query.state, lifecycle: query.lifecycle },
        sortBy: byId ? undefined : query.sortBy,
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'memberId', MEMBER_FIELDS) };
    });
  }

  getMemberState(context: OperationContext, memberId: string): MemberStateDetail {
    return this.runner.read(context, 'getMemberState', () => {
      this.requireMember(memberId);
      const view = this.group.memberState(memberId);
      return {
        member: toMember(view.member),
        self: { lifecycle: lifecycleName(view.self.lifecycle), incarnation: view.self.incarnation, state: stateName(view.self.state) },
        observers: view.observers.map((belief) => ({
          observerId: belief.observerId,
          state: belief.state === null ? null : stateName(belief.state),
          incarnation: belief.incarnation,
          lastStateChange: belief.lastStateChangeMs === null ? null : isoTime(belief.lastStateChangeMs),
          suspicion: belief.suspicion === null ? null : toSuspicion(belief.suspicion),
        })),
      };
    });
  }

  /** Each member's group-wide state and the protocol's counters summed over the members, for the metrics scrape. */
  tallies(): { states: (MemberStateName | null)[]; totals: SwimCounters } {
    return { states: this.group.members().map((member) => (member.state === null ? null : stateName(member.state))), totals: this.group.gossip().totals };
  }

  getGossipState(context: OperationContext, query: GossipQuery): GossipState {
    return this.runner.read(context, 'getGossipState', () => {
      if (query.memberId !== undefined) this.requireMember(query.memberId);
      const gossip = this.group.gossip();
      const selected = query.memberId === undefined ? gossip.members : gossip.members.filter((member) => member.memberId === query.memberId);
      const page = pageOf(selected, { limit: query.limit, offset: query.offset });
      return {
        protocolPeriodMs: gossip.protocolPeriodMs,
        pingTimeoutMs: gossip.pingTimeoutMs,
        protocolPeriod: gossip.protocolPeriod,
        nextPeriodAt: isoTime(gossip.nextPeriodMs),
        memberCount: gossip.memberCount,
        totals: gossip.totals,
        members: page.items.map(toMemberGossip),
      };
    });
  }

  /** Rejoins a cluster node that left the gossip group (or whose join failed); the rejoin undoes a persisted leave. */
  joinMember(context: OperationContext, request: JoinMemberRequest): Promise<Member> {
    return this.runner.run(context, 'joinMember', `cluster.member/${request.memberId}`, () => {
      const node = this.deps.nodes.get(request.memberId);
      const contradicted = NODE_METADATA_FIELDS.filter((field) => request.metadata[field] !== node[field]);
      if (contradicted.length > 0) {
        throw new DomainError(
          'UNPROCESSABLE',
          `The metadata of "${request.memberId}" must agree with its cluster node: ${contradicted.map((field) => `${field} is "${node[field]}"`).join(', ')}.`,
          { memberId: request.memberId, fields: Object.fromEntries(contradicted.map((field) => [field, { node: node[field], requested: request.metadata[field] }])) },
        );
      }
      if (request.seedId !== undefined) this.requireMember(request.seedId);
      const member = toMember(this.group.join(request));
      this.forgetLeave(request.memberId);
      return member;
    });
  }

  /** A graceful leave: the node stays a cluster node; the leave is persisted until it joins again. */
  leaveMember(context: OperationContext, memberId: string): Promise<Member> {
    return this.runner.run(context, 'leaveMember', `cluster.member/${memberId}`, () => {
      this.requireMember(memberId);
      const member = toMember(this.group.leave(memberId));
      this.leftByOperator.add(memberId);
      const record: LeftMemberRecord = { memberId, leftAtMs: this.deps.runtime.clock.now() };
      this.deps.journal.put(MEMBER_RECORD, memberId, record);
      return member;
    });
  }

  /** Stops following the cluster's nodes and the gossip timers (the platform is closing). */
  close(): void {
    this.stopObservingNodes();
    this.group.stop();
  }

  /** A node added to the cluster joins the gossip group through live members. */
  private nodeJoined(spec: NodeSpec): void {
    try {
      this.group.join({ memberId: spec.nodeId, metadata: { address: spec.address, region: spec.region, zone: spec.zone, role: spec.role } });
    } catch (error) {
      // The group is full (it holds left members too): the node stays outside until joinMember finds room.
      // Thrown inside the node's addition, the error would fail an addition that is already journaled.
      if (!(error instanceof DomainError)) throw error;
    }
  }

  /** A node removed from the cluster leaves gracefully and is forgotten once it has left. */
  private nodeLeft(spec: NodeSpec): void {
    if (this.group.has(spec.nodeId)) this.group.remove(spec.nodeId);
    this.forgetLeave(spec.nodeId);
  }

  private forgetLeave(memberId: string): void {
    if (!this.leftByOperator.delete(memberId)) return;
    this.deps.journal.delete(MEMBER_RECORD, memberId);
  }

  /** The contract's NOT_FOUND for a member (the engine speaks of its own `swim.member`). */
  private requireMember(memberId: string): void {
    if (!this.group.has(memberId)) {
      throw new DomainError('NOT_FOUND', `No member has id "${memberId}".`, { resource: 'cluster.member', id: memberId });
    }
  }
}

const STATE_NAMES: Readonly<Record<MemberState, MemberStateName>> = { alive: 'ALIVE', suspect: 'SUSPECT', dead: 'DEAD', left: 'LEFT' };
const LIFECYCLE_NAMES: Readonly<Record<Lifecycle, MemberLifecycleName>> = {
  joining: 'JOINING',
  active: 'ACTIVE',
  leaving: 'LEAVING',
  left: 'LEFT',
  crashed: 'CRASHED',
  'join-failed': 'JOIN_FAILED',
};
const PROBE_PHASE_NAMES: Readonly<Record<ProbePhase, ProbePhaseName>> = { direct: 'DIRECT', indirect: 'INDIRECT', acked: 'ACKED' };

function stateName(state: MemberState): MemberStateName {
  return STATE_NAMES[state];
}

function lifecycleName(lifecycle: Lifecycle): MemberLifecycleName {
  return LIFECYCLE_NAMES[lifecycle];
}

export function toMember(view: GroupMemberView): Member {
  return {
    memberId: view.memberId,
    state: view.state === null ? null : stateName(view.state),
    incarnation: view.incarnation,
    address: view.metadata.address,
    metadata: view.metadata,
    lastStateChange: isoTime(view.lastStateChangeMs),
    observers: view.observers,
    lifecycle: lifecycleName(view.lifecycle),
  };
}

function toSuspicion(suspicion: SuspicionView): Suspicion {
  return {
    incarnation: suspicion.incarnation,
    startedAt: isoTime(suspicion.startedMs),
    deadline: isoTime(suspicion.deadlineMs),
    confirmations: suspicion.confirmations,
    suspectors: suspicion.suspectors,
  };
}

function toMemberGossip(state: MemberGossipState): MemberGossip {
  return {
    memberId: state.memberId,
    lifecycle: lifecycleName(state.lifecycle),
    incarnation: state.incarnation,
    protocolPeriod: state.protocolPeriod,
    nextPeriodAt: isoTime(state.nextPeriodMs),
    viewSize: state.viewSize,
    retransmitLimit: state.retransmitLimit,
    suspicionTimeouts: state.suspicionTimeouts,
    probe:
      state.probe === null
        ? null
        : {
            targetId: state.probe.targetId,
            seq: state.probe.seq,
            phase: PROBE_PHASE_NAMES[state.probe.phase],
            startedAt: isoTime(state.probe.startedMs),
            helpers: state.probe.helpers,
          },
    piggybackQueue: state.piggybackQueue.map((entry) => ({ ...entry, state: stateName(entry.state) })),
    suspicions: state.suspicions.map((suspicion) => ({ memberId: suspicion.memberId, ...toSuspicion(suspicion) })),
    pendingRelays: state.pendingRelays,
    join: state.join,
    counters: state.counters,
  };
}

function memberStatePayload(change: ConsensusChange): MemberStatePayload {
  return {
    memberId: change.memberId,
    previousState: change.previousState === null ? null : stateName(change.previousState),
    state: change.state === null ? null : stateName(change.state),
    incarnation: change.incarnation,
    observers: change.observers,
  };
}
