import type { ClusterNodes, ClusterNodeView, AddNodeRequest, ClusterSummary } from '../../engines/cluster/cluster-nodes.js';
import type { ClusterConfig } from '../../engines/cluster/cluster-config.js';
import type { NodeStatus } from '../../engines/cluster/node-health.js';
import type { NodeRole } from '../../engines/cluster/quorum.js';
import { isoTime } from '../platform/iso-time.js';
import { pageOf, selectFields, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import type { OperationRunner } from '../platform/operation-runner.js';
import { creationOf } from '../platform/operation-runner.js';

/** A cluster node as the API shows it (the contract's ClusterNode). */
export interface ClusterNode {
  nodeId: string;
  name: string;
  address: string;
  role: NodeRole;
  status: NodeStatus;
  capacity: ClusterNodeView['capacity'];
  services: ClusterNodeView['services'];
  priority: number;
  region: string;
  zone: string;
  uptimeSeconds: number;
  lastHeartbeat: string | null;
  missedHeartbeats: number;
  joinedAt: string;
}

export const CLUSTER_NODE_FIELDS: readonly (keyof ClusterNode)[] = [
  'nodeId', 'name', 'address', 'role', 'status', 'capacity', 'services', 'priority',
  'region', 'zone', 'uptimeSeconds', 'lastHeartbeat', 'missedHeartbeats', 'joinedAt',
];

export interface ClusterNodeQuery {
  status?: NodeStatus;
  role?: NodeRole;
  region?: string;
  zone?: string;
  sortBy?: keyof ClusterNode;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface ClusterTopology {
  clusterName: string;
  state: ClusterSummary['state'];
  members: string[];
  totalNodes: number;
  healthyNodes: number;
  suspectedNodes: number;
  downNodes: number;
  voters: number;
  quorumSize: number;
  hasQuorum: boolean;
  failureTolerance: number;
  regions: { region: string; zones: { zone: string; nodeIds: string[] }[] }[];
}

export interface ClusterInfo {
  clusterId: string;
  name: string;
  state: ClusterSummary['state'];
  nodes: ClusterNode[];
  leader: ClusterNode | null;
  quorumSize: number;
  hasQuorum: boolean;
  failureTolerance: number;
  config: ClusterConfig;
  createdAt: string;
  updatedAt: string;
}

/** The cluster's nodes, topology and configuration: one function per API operation. */
export class ClusterService {
  /** The last engine list and its conversion: the engine hands out one list per cluster instant. */
  private converted: { views: readonly ClusterNodeView[]; nodes: readonly ClusterNode[] } | null = null;

  constructor(
    private readonly nodes: ClusterNodes,
    private readonly runner: OperationRunner,
  ) {}

  listNodes(context: OperationContext, query: ClusterNodeQuery): Page<Partial<ClusterNode>> {
    return this.runner.read(context, 'listClusterNodes', () => {
      // The engine lists nodes in id order already: sort only for another field or descending.
      const byId = (query.sortBy ?? 'nodeId') === 'nodeId';
      const nodes = this.currentNodes();
      const page = pageOf(byId && query.order === 'desc' ? [...nodes].reverse() : nodes, {
        filters: { status: query.status, role: query.role, region: query.region, zone: query.zone },
        sortBy: byId ? undefined : query.sortBy,
        order: query.order ?? 'asc',
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, items: selectFields(page.items, query.fields, 'nodeId', CLUSTER_NODE_FIELDS) };
    });
  }

  getNode(context: OperationContext, nodeId: string): ClusterNode {
    return this.runner.read(context, 'getClusterNode', () => toClusterNode(this.nodes.get(nodeId)));
  }

  addNode(context: OperationContext, request: AddNodeRequest): Promise<ClusterNode> {
    const target = creationOf('cluster.node', (node: ClusterNode) => node.nodeId, request.nodeId);
    return this.runner.run(context, 'addClusterNode', target, () => toClusterNode(this.nodes.add(request)));
  }

  removeNode(context: OperationContext, nodeId: string, force: boolean): Promise<ClusterNode> {
    return this.runner.run(context, 'removeClusterNode', `cluster.node/${nodeId}`, () =>
      toClusterNode(this.nodes.remove(nodeId, { force })),
    );
  }

  topology(context: OperationContext): ClusterTopology {
    return this.runner.read(context, 'getClusterTopology', () => this.currentTopology());
  }

  getConfig(context: OperationContext): ClusterConfig {
    return this.runner.read(context, 'getClusterConfig', () => this.nodes.getConfig());
  }

  /** Replaces the whole configuration (REST PUT). */
  replaceConfig(context: OperationContext, config: ClusterConfig): Promise<ClusterConfig> {
    return this.runner.run(context, 'updateClusterConfig', 'cluster.config', () => this.nodes.replaceConfig(config));
  }

  /** Changes the named settings and keeps the rest (GraphQL updateClusterConfig). */
  updateConfig(context: OperationContext, changes: Partial<ClusterConfig>): Promise<ClusterInfo> {
    return this.runner.run(context, 'updateClusterConfig', 'cluster.config', () => {
      this.nodes.replaceConfig({ ...this.nodes.getConfig(), ...changes });
      return this.currentInfo();
    });
  }

  /** The cluster as a whole (GraphQL `cluster`); reads need only a role that may list nodes. */
  info(context: OperationContext): ClusterInfo {
    return this.runner.read(context, 'getClusterTopology', () => this.currentInfo());
  }

  /** Counts for health and metrics; no caller involved. */
  summary(): ClusterSummary {
    return this.nodes.summary();
  }

  /** The API's view of every node, converted once per engine list (one per cluster instant). */
  private currentNodes(): readonly ClusterNode[] {
    const views = this.nodes.list();
    if (this.converted?.views !== views) this.converted = { views, nodes: Object.freeze(views.map(toClusterNode)) };
    return this.converted.nodes;
  }

  private currentTopology(): ClusterTopology {
    const summary = this.nodes.summary();
    const nodes = this.nodes.list();
    return {
      clusterName: summary.clusterName,
      state: summary.state,
      members: nodes.map((node) => node.nodeId),
      totalNodes: summary.totalNodes,
      healthyNodes: summary.healthyNodes,
      suspectedNodes: summary.suspectedNodes,
      downNodes: summary.downNodes,
      voters: summary.voters,
      quorumSize: summary.quorumSize,
      hasQuorum: summary.hasQuorum,
      failureTolerance: summary.failureTolerance,
      regions: placementOf(nodes),
    };
  }

  private currentInfo(): ClusterInfo {
    const summary = this.nodes.summary();
    const nodes = [...this.currentNodes()];
    const meta = this.nodes.getMeta();
    return {
      clusterId: summary.clusterName,
      name: summary.clusterName,
      state: summary.state,
      nodes,
      leader: nodes.find((node) => node.role === 'LEADER') ?? null,
      quorumSize: summary.quorumSize,
      hasQuorum: summary.hasQuorum,
      failureTolerance: summary.failureTolerance,
      config: this.nodes.getConfig(),
      createdAt: new Date(meta.createdAtMs).toISOString(),
      updatedAt: new Date(meta.updatedAtMs).toISOString(),
    };
  }
}

export function toClusterNode(view: ClusterNodeView): ClusterNode {
  return {
    nodeId: view.nodeId,
    name: view.name,
    address: view.address,
    role: view.role,
    status: view.status,
    capacity: view.capacity,
    services: view.services,
    priority: view.priority,
    region: view.region,
    zone: view.zone,
    uptimeSeconds: view.uptimeSeconds,
    lastHeartbeat: view.lastHeartbeatMs === null ? null : isoTime(view.lastHeartbeatMs),
    missedHeartbeats: view.missedHeartbeats,
    joinedAt: isoTime(view.joinedAtMs),
  };
}

function placementOf(nodes: readonly ClusterNodeView[]): ClusterTopology['regions'] {
  const regions = new Map<string, Map<string, string[]>>();
  for (const node of nodes) {
    const zones = regions.get(node.region) ?? new Map<string, string[]>();
    regions.set(node.region, zones);
    zones.set(node.zone, [...(zones.get(node.zone) ?? []), node.nodeId]);
  }
  return [...regions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, zones]) => ({
      region,
      zones: [...zones.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([zone, nodeIds]) => ({ zone, nodeIds })),
    }));
}
