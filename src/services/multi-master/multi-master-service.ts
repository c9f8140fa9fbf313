import { DomainError } from '../../engines/runtime/domain-error.js';
import type { VirtualClock } from '../../engines/runtime/index.js';
import type { CreateGroupInput, MultiMasterEngine, SiteInput } from '../../engines/multi-master/multi-master-engine.js';
import type { GroupSettings } from '../../engines/multi-master/group-catalog.js';
import type { ConvergencePayload } from '../../engines/multi-master/events.js';
import type { RowWrite } from '../../engines/replication/wal-record.js';
import { pageOf, type Page } from '../platform/list-query.js';
import type { OperationContext } from '../platform/operation-context.js';
import { creationOf, type OperationRunner } from '../platform/operation-runner.js';
import { awaitOutcome } from '../platform/outcome-wait.js';
import { convergenceOf, groupOf, quorumStatusOf, readOf, siteOf, statisticsOf, writeOf, type MultiMasterGroup, type MultiMasterSite, type MultiMasterStatistics, type QuorumStatusView, type ReadView, type WriteView } from './multi-master-shapes.js';
import type { AntiEntropyReport } from '../../engines/multi-master/multi-master-engine.js';

export interface MultiMasterServiceDeps {
  engine: MultiMasterEngine;
  runner: OperationRunner;
  clock: VirtualClock;
  /** Whether the cluster clock moves on its own (a quorum write waits for its outcome then). */
  clockRuns(): boolean;
}

export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface ReplicateRequest {
  groupId: string;
  mode: 'WRITE' | 'READ' | 'PUSH' | 'ANTI_ENTROPY';
  siteId?: string;
  writes?: RowWrite[];
  rows?: { table: string; key: string }[];
  siteIds?: string[];
}

export interface ReplicateResult {
  groupId: string;
  mode: ReplicateRequest['mode'];
  write: WriteView | null;
  read: ReadView | null;
  push: { changesSent: number } | null;
  antiEntropy: { pairs: AntiEntropyReport['pairs'][number][]; skippedSiteIds: string[] } | null;
}

const TARGET = 'multi-master.group';

/**
 * Multi-master groups, sites, quorum writes and reads, shipping, anti-entropy, quorum status,
 * convergence and statistics (/api/v1/advanced-replication/multi-master and its aliases).
 */
export class MultiMasterService {
  constructor(private readonly deps: MultiMasterServiceDeps) {}

  listGroups(context: OperationContext, operationId: string, query: PageQuery): Page<MultiMasterGroup> {
    return this.deps.runner.read(context, operationId, () => {
      const groups = this.deps.engine.groups().map((group) => groupOf(this.deps.engine, group.groupId));
      return pageOf(groups, { sortBy: 'groupId', limit: query.limit, offset: query.offset });
    });
  }

  getGroup(context: OperationContext, operationId: string, groupId: string): MultiMasterGroup {
    return this.deps.runner.read(context, operationId, () => groupOf(this.deps.engine, groupId));
  }

  createGroup(context: OperationContext, operationId: string, input: CreateGroupInput): Promise<MultiMasterGroup> {
    return this.deps.runner.run(context, operationId, creationOf<MultiMasterGroup>(TARGET, (group) => group.groupId, input?.groupId), () =>
      groupOf(this.deps.engine, this.deps.engine.createGroup(input).groupId),
    );
  }

  updateGroup(context: OperationContext, groupId: string, settings: GroupSettings): Promise<MultiMasterGroup> {
    return this.deps.runner.run(context, 'updateMultiMasterGroup', `${TARGET}/${groupId}`, () => {
      this.deps.engine.updateGroup(groupId, settings);
      return groupOf(this.deps.engine, groupId);
    });
  }

  deleteGroup(context: OperationContext, operationId: string, groupId: string): Promise<{ id: string; deleted: true }> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${groupId}`, () => {
      this.deps.engine.deleteGroup(groupId);
      return { id: groupId, deleted: true as const };
    });
  }

  addSite(context: OperationContext, operationId: string, groupId: string, site: SiteInput): Promise<MultiMasterGroup> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${groupId}`, () => {
      this.deps.engine.addSite(groupId, site);
      return groupOf(this.deps.engine, groupId);
    });
  }

  removeSite(context: OperationContext, operationId: string, groupId: string, siteId: string): Promise<MultiMasterGroup> {
    return this.deps.runner.run(context, operationId, `${TARGET}/${groupId}/sites/${siteId}`, () => {
      this.deps.engine.removeSite(groupId, siteId);
      return groupOf(this.deps.engine, groupId);
    });
  }

  listSites(context: OperationContext, query: PageQuery & { groupId?: string }): Page<MultiMasterSite> {
    return this.deps.runner.read(context, 'listMultiMasterSites', () => pageOf(this.deps.engine.siteViews(query.groupId).map(siteOf), { limit: query.limit, offset: query.offset }));
  }

  quorumStatus(context: OperationContext, query: PageQuery & { groupId?: string }): Page<QuorumStatusView> {
    return this.deps.runner.read(context, 'getMultiMasterQuorumStatus', () =>
      pageOf(this.groupIds(query.groupId).map((groupId) => quorumStatusOf(this.deps.engine.quorumStatus(groupId))), { limit: query.limit, offset: query.offset }),
    );
  }

  convergence(context: OperationContext, operationId: string, query: PageQuery & { groupId?: string }): Page<ConvergencePayload> {
    return this.deps.runner.read(context, operationId, () =>
      pageOf(this.groupIds(query.groupId).map((groupId) => convergenceOf(this.deps.engine.convergence(groupId), this.deps.clock.now())), { limit: query.limit, offset: query.offset }),
    );
  }

  statistics(context: OperationContext, operationId: string): MultiMasterStatistics {
    return this.deps.runner.read(context, operationId, () => statisticsOf(this.deps.engine));
  }

  /** @returns the result, and whether its outcome is in (200) or still pending (202). */
  replicate(context: OperationContext, request: ReplicateRequest): Promise<{ result: ReplicateResult; outcomeIn: boolean }> {
    return this.deps.runner.run(context, 'replicateMultiMaster', `${TARGET}/${request.groupId}`, async () => {
      const engine = this.deps.engine;
      engine.group(request.groupId);
      const base: ReplicateResult = { groupId: request.groupId, mode: request.mode, write: null, read: null, push: null, antiEntropy: null };
      switch (request.mode) {
        case 'WRITE': {
          const pending = engine.write(request.groupId, this.siteIdOf(request), request.writes ?? []);
          await awaitOutcome(this.deps, pending.settled);
          const outcome = pending.outcome();
          if (outcome.state === 'FAILED') {
            throw new DomainError('NO_QUORUM', `Write ${outcome.writeId} failed: ${outcome.reason}.`, { writeId: outcome.writeId, acknowledgedBy: [...outcome.acknowledgedBy], writeQuorum: outcome.writeQuorum });
          }
          return { result: { ...base, write: writeOf(outcome) }, outcomeIn: outcome.state === 'COMMITTED' };
        }
        case 'READ': {
          if (request.rows === undefined) throw new DomainError('UNPROCESSABLE', 'A READ names rows.', {});
          const pending = engine.read(request.groupId, this.siteIdOf(request), request.rows);
          await awaitOutcome(this.deps, pending.settled);
          const outcome = pending.outcome();
          if (outcome.state === 'FAILED') throw new DomainError('NO_QUORUM', `Read ${outcome.readId} failed: ${outcome.reason}.`, { readId: outcome.readId, answeredBy: [...outcome.answeredBy], readQuorum: outcome.readQuorum });
          return { result: { ...base, read: readOf(outcome) }, outcomeIn: outcome.state === 'COMMITTED' };
        }
        case 'PUSH':
          return { result: { ...base, push: { changesSent: engine.push(request.groupId).recordsSent } }, outcomeIn: true };
        case 'ANTI_ENTROPY': {
          const report = engine.antiEntropy(request.groupId, request.siteIds);
          return { result: { ...base, antiEntropy: { pairs: [...report.pairs], skippedSiteIds: [...report.skippedSiteIds] } }, outcomeIn: true };
        }
      }
    });
  }

  private siteIdOf(request: ReplicateRequest): string {
    if (request.siteId === undefined) throw new DomainError('UNPROCESSABLE', `A ${request.mode} names the coordinating siteId.`, {});
    return request.siteId;
  }

  private groupIds(groupId: string | undefined): string[] {
    if (groupId !== undefined) return [this.deps.engine.group(groupId).groupId];
    return this.deps.engine.groups().map((group) => group.groupId).sort();
  }
}
