import type { ClusterNodes } from '../engines/cluster/cluster-nodes.js';
import type { ReplicationEngine } from '../engines/replication/replication-engine.js';
import type { VirtualClock } from '../engines/runtime/index.js';
import type { OperationRunner } from './operation-runner.js';

/** What every replication service reads from: the engine, the cluster's nodes, the clock and the operation runner. */
export interface ReplicationServiceDeps {
  engine: ReplicationEngine;
  nodes: ClusterNodes;
  clock: VirtualClock;
  runner: OperationRunner;
}

/** Replication as a whole: configuration, status, statistics, lag, replicas, failover and the write workload. */
export class ReplicationService {
  constructor(private readonly deps: ReplicationServiceDeps) {}
}
