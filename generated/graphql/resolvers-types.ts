import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphQLContext } from '../../src/api/graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A 64-bit integer, sent as a JSON number. */
  BigInt: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC. */
  DateTime: { input: string | Date; output: string | Date; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type AccessToken = {
  __typename?: 'AccessToken';
  expiresAt: Scalars['DateTime']['output'];
  role: Role;
  token: Scalars['String']['output'];
  tokenType: Scalars['String']['output'];
};

/** A backend to add. */
export type AddBackendInput = {
  /** host:port connections go to, unique among backends. */
  address: Scalars['String']['input'];
  /** Id to give it; default backend-N. */
  backendId?: InputMaybe<Scalars['ID']['input']>;
  /** Initial health (default HEALTHY). */
  health?: InputMaybe<InitialBackendHealth>;
  /** Connections it takes at once, 1 to 100000 (default 100). */
  maxConnections?: InputMaybe<Scalars['Int']['input']>;
  /** The cluster node serving behind it. */
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  /** Share of WEIGHTED picks, 1 to 1000 (default 1). */
  weight?: InputMaybe<Scalars['Int']['input']>;
};

/** A node to add. It starts INITIALIZING and becomes HEALTHY with its first heartbeat. */
export type AddNodeInput = {
  /** host:port, unique in the cluster. */
  address: Scalars['String']['input'];
  capacity?: InputMaybe<NodeCapacityInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Scalars['Int']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<MemberRole>;
  services?: InputMaybe<Array<NodeServiceName>>;
  zone?: InputMaybe<Scalars['String']['input']>;
};

/** A cluster node to make a standby. */
export type AddReplicaInput = {
  nodeId: Scalars['ID']['input'];
};

/** Queries that computed each aggregate function. */
export type AggregateCounts = {
  __typename?: 'AggregateCounts';
  AVG: Scalars['BigInt']['output'];
  COUNT: Scalars['BigInt']['output'];
  MAX: Scalars['BigInt']['output'];
  MIN: Scalars['BigInt']['output'];
  SUM: Scalars['BigInt']['output'];
};

/** An aggregate a parallel query computes. */
export type AggregateFunction =
  | 'AVG'
  | 'COUNT'
  | 'MAX'
  | 'MIN'
  | 'SUM';

/**
 * An alert of one source (health, replication), in the shape of a Prometheus alert: labels identify
 * it (severity left out), annotations describe it. Times are cluster time. The same alert as
 * GET /api/v1/alerts.
 */
export type Alert = {
  __typename?: 'Alert';
  /** When the condition was first reported (Prometheus activeAt). */
  activeAt: Scalars['DateTime']['output'];
  /** summary (the condition in words) and what else its source adds, sorted by name. */
  annotations: Array<AlertLabel>;
  /** When it resolved (Alertmanager endsAt); null while open. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** How long the condition must hold before the alert fires, in milliseconds of cluster time. */
  forMs: Scalars['Int']['output'];
  /** alert-N, numbered in the order alerts opened. */
  id: Scalars['ID']['output'];
  /** Every label (at most 10), sorted by name: alertname, source, severity and the source's own. */
  labels: Array<AlertLabel>;
  /** The alert name (its alertname label): a health issue type, or a replication rule's name. */
  name: Scalars['String']['output'];
  /** The highest value reported since the alert opened. */
  peakValue?: Maybe<Scalars['Float']['output']>;
  severity: AlertSeverity;
  /** The engine that raised it: health or replication (the contract's AlertSource). */
  source: Scalars['String']['output'];
  /** When it fired (Alertmanager startsAt); null while pending. */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  state: AlertState;
  /** The condition's summary annotation. */
  summary: Scalars['String']['output'];
  /** The number the condition is about, as last reported while open; null when there is none. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** A label or an annotation of an alert: a name and its value. */
export type AlertLabel = {
  __typename?: 'AlertLabel';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** The lag an alert rule watches. */
export type AlertMetric =
  /** flushLagMs. */
  | 'FLUSH_LAG_MS'
  /** lagBytes, in bytes. */
  | 'LAG_BYTES'
  /** replayLagMs. */
  | 'REPLAY_LAG_MS'
  /** writeLagMs. */
  | 'WRITE_LAG_MS';

/** How urgent an alert is, least urgent first; the same scale for every source (the seed's IssueSeverity). */
export type AlertSeverity =
  | 'CRITICAL'
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

/** Where an alert stands. */
export type AlertState =
  /** Its condition has held for forMs or longer (at once when forMs is 0). */
  | 'FIRING'
  /** Its condition has held for less than its forMs. */
  | 'PENDING'
  /** Its condition no longer holds, after it fired. A pending alert whose condition clears is discarded. */
  | 'RESOLVED';

/** An API key; its secret is shown once, at creation. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
};

/** Where the leader appended the proposed entries. */
export type AppendEntriesResponse = {
  __typename?: 'AppendEntriesResponse';
  /** The leader's commit index when it answered. */
  commitIndex: Scalars['BigInt']['output'];
  /** One result per proposed entry, in order. */
  entries: Array<AppendedEntry>;
  /** Index of the leader's last entry after the append. */
  lastIndex: Scalars['BigInt']['output'];
  /** The leader. */
  leaderId: Scalars['ID']['output'];
  /** The leader's term. */
  term: Scalars['BigInt']['output'];
};

/** Where one proposed entry went. */
export type AppendedEntry = {
  __typename?: 'AppendedEntry';
  /** Whether a quorum had already stored it when the leader answered. */
  committed: Scalars['Boolean']['output'];
  /** True when (clientId, requestId) was already in the log and nothing was appended. */
  duplicate: Scalars['Boolean']['output'];
  /** Its index in the log. */
  index: Scalars['BigInt']['output'];
  /** Its term. */
  term: Scalars['BigInt']['output'];
};

/** The last error an applier met. */
export type ApplierError = {
  __typename?: 'ApplierError';
  at: Scalars['DateTime']['output'];
  lsn: Scalars['String']['output'];
  permanent: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  xid: Scalars['Int']['output'];
};

/** Fields appliers sort by. */
export type ApplierSortField =
  | 'lagBytes'
  | 'lagMs'
  | 'queuedTransactions'
  | 'subscriptionId';

/** An applier's state (GoldenGate's process states). */
export type ApplierState =
  /** Stopped on a permanent error under onPermanentError ABEND; waits for the operator. */
  | 'ABENDED'
  /** Applying. */
  | 'RUNNING'
  /** Queues transactions but starts no batch (the subscription is disabled). */
  | 'STOPPED';

/** One subscription's applier. */
export type ApplierStatus = {
  __typename?: 'ApplierStatus';
  appliedAboveCheckpoint: Scalars['Int']['output'];
  applyParallelism: Scalars['Int']['output'];
  applyingTransactions: Scalars['Int']['output'];
  busyWorkers: Scalars['Int']['output'];
  checkpointLsn: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  lagBytes: Scalars['Int']['output'];
  lagMs: Scalars['Int']['output'];
  lagTransactions: Scalars['Int']['output'];
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<ApplierError>;
  lastReceivedEndLsn?: Maybe<Scalars['String']['output']>;
  onPermanentError: PermanentErrorPolicy;
  queuedTransactions: Scalars['Int']['output'];
  readyTransactions: Scalars['Int']['output'];
  retryingTransactions: Scalars['Int']['output'];
  state: ApplierState;
  subscriptionId: Scalars['ID']['output'];
  targetNodeId: Scalars['ID']['output'];
};

/** A recorded checkpoint: everything below checkpointLsn was applied. */
export type ApplyCheckpoint = {
  __typename?: 'ApplyCheckpoint';
  appliedAboveCheckpoint: Scalars['Int']['output'];
  checkpointLsn: Scalars['String']['output'];
  subscriptionId: Scalars['ID']['output'];
  takenAt: Scalars['DateTime']['output'];
  trigger: ApplyCheckpointTrigger;
};

/** Why a checkpoint was recorded. */
export type ApplyCheckpointTrigger =
  /** Every checkpointIntervalMs when the position moved. */
  | 'AUTO'
  /** On demand (takeApplyCheckpoint). */
  | 'MANUAL';

/** The engine-wide apply configuration. */
export type ApplyConfig = {
  __typename?: 'ApplyConfig';
  applyCostPerChangeMs: Scalars['Float']['output'];
  applyParallelism: Scalars['Int']['output'];
  batchMaxBytes: Scalars['Int']['output'];
  batchMaxTransactions: Scalars['Int']['output'];
  batchOverheadMs: Scalars['Float']['output'];
  checkpointHistoryLimit: Scalars['Int']['output'];
  checkpointIntervalMs: Scalars['Int']['output'];
  discardLimit: Scalars['Int']['output'];
  maxQueuedTransactions: Scalars['Int']['output'];
  maxRetries: Scalars['Int']['output'];
  onPermanentError: PermanentErrorPolicy;
  retryInitialBackoffMs: Scalars['Int']['output'];
  retryMaxBackoffMs: Scalars['Int']['output'];
  transactionHistoryLimit: Scalars['Int']['output'];
};

/** The fields to change; the others keep their values. */
export type ApplyConfigInput = {
  applyCostPerChangeMs?: InputMaybe<Scalars['Float']['input']>;
  applyParallelism?: InputMaybe<Scalars['Int']['input']>;
  batchMaxBytes?: InputMaybe<Scalars['Int']['input']>;
  batchMaxTransactions?: InputMaybe<Scalars['Int']['input']>;
  batchOverheadMs?: InputMaybe<Scalars['Float']['input']>;
  checkpointHistoryLimit?: InputMaybe<Scalars['Int']['input']>;
  checkpointIntervalMs?: InputMaybe<Scalars['Int']['input']>;
  discardLimit?: InputMaybe<Scalars['Int']['input']>;
  maxQueuedTransactions?: InputMaybe<Scalars['Int']['input']>;
  maxRetries?: InputMaybe<Scalars['Int']['input']>;
  onPermanentError?: InputMaybe<PermanentErrorPolicy>;
  retryInitialBackoffMs?: InputMaybe<Scalars['Int']['input']>;
  retryMaxBackoffMs?: InputMaybe<Scalars['Int']['input']>;
  transactionHistoryLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** Counters measured by the engine. */
export type ApplyStatistics = {
  __typename?: 'ApplyStatistics';
  activeMs: Scalars['Float']['output'];
  appliers: Scalars['Int']['output'];
  averageBatchTransactions: Scalars['Float']['output'];
  averageBusyWorkers: Scalars['Float']['output'];
  batchesApplied: Scalars['Int']['output'];
  changesApplied: Scalars['Int']['output'];
  dependencyWaits: Scalars['Int']['output'];
  duplicatesIgnored: Scalars['Int']['output'];
  firstAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  retries: Scalars['Int']['output'];
  transactionsApplied: Scalars['Int']['output'];
  transactionsDiscarded: Scalars['Int']['output'];
  transactionsFailed: Scalars['Int']['output'];
  transactionsPerSecond: Scalars['Float']['output'];
  transactionsSkipped: Scalars['Int']['output'];
  workerBusyMs: Scalars['Float']['output'];
};

/** A transaction in an applier. */
export type ApplyTransaction = {
  __typename?: 'ApplyTransaction';
  attempts: Scalars['Int']['output'];
  bytes: Scalars['Int']['output'];
  changeCount: Scalars['Int']['output'];
  commitLsn: Scalars['String']['output'];
  commitTime: Scalars['DateTime']['output'];
  enqueuedAt: Scalars['DateTime']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  lsn: Scalars['String']['output'];
  origin?: Maybe<Scalars['String']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: ApplyTransactionStatus;
  subscriptionId: Scalars['ID']['output'];
  waitingOn: Scalars['Int']['output'];
  xid: Scalars['Int']['output'];
};

/** Where a transaction stands in its applier. */
export type ApplyTransactionStatus =
  /** Applied. */
  | 'APPLIED'
  /** In a batch on a worker. */
  | 'APPLYING'
  /** Given up by DISCARD; its changes kept in the discard list. */
  | 'DISCARDED'
  /** A permanent error stopped the applier. */
  | 'FAILED'
  /** Waiting for an earlier transaction on the same row, or for a worker. */
  | 'QUEUED'
  /** The target could not take it now; retried after a backoff. */
  | 'RETRY_WAIT'
  /** Given up by SKIP or by the operator; recorded. */
  | 'SKIPPED';

/** One mutation, as the audit log recorded it. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  actorKeyId: Scalars['String']['output'];
  actorRole: Role;
  errorCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['BigInt']['output'];
  operationId: Scalars['String']['output'];
  outcome: AuditOutcome;
  requestId: Scalars['String']['output'];
  target: Scalars['String']['output'];
  time: Scalars['DateTime']['output'];
};

export type AuditOutcome =
  | 'FAILURE'
  | 'SUCCESS';

/** A backend's health. */
export type BackendHealth =
  /** Takes none, by an operator's decision. */
  | 'DRAINING'
  /** Takes new connections. */
  | 'HEALTHY'
  /** Takes none (its node is SUSPECTED, DOWN, or INITIALIZING before its first heartbeat). */
  | 'UNHEALTHY';

/** Fields to sort backends by. */
export type BackendSortField =
  | 'activeConnections'
  | 'averageLatencyMs'
  | 'backendId'
  | 'errors'
  | 'p99LatencyMs'
  | 'requests'
  | 'weight';

/** The initial copy of the primary's data to a new replica. */
export type BaseBackupProgress = {
  __typename?: 'BaseBackupProgress';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  copiedBytes: Scalars['BigInt']['output'];
  percent: Scalars['Float']['output'];
  startLsn: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  totalBytes: Scalars['BigInt']['output'];
};

/** A new distributed transaction (BeginDistributedTransactionRequest in the OpenAPI document). */
export type BeginDistributedTransactionInput = {
  /** Default: the replication primary, or else the first participant that accepts writes. */
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  /** Default 1000; 0 votes NO at the first conflict. */
  lockTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  participants: Array<ParticipantInput>;
  /** Default 5000. */
  prepareTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  /** Default 60000. */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** A Global Cache Service block lock mode. */
export type BlockMode =
  /** Null: not held. */
  | 'N'
  /** Shared: a read copy. */
  | 'S'
  /** Exclusive: the current, writable copy. */
  | 'X';

/** A block shipped between instances (`cache_fusion_transfer`). */
export type BlockTransferEvent = {
  __typename?: 'BlockTransferEvent';
  blockId: Scalars['String']['output'];
  bytes: Scalars['Int']['output'];
  cursor: Scalars['BigInt']['output'];
  fromInstance: Scalars['ID']['output'];
  latencyUs: Scalars['Int']['output'];
  masterInstance: Scalars['ID']['output'];
  mode: BlockMode;
  /** Sender, receiver, then the master when it is a third instance. */
  nodeIds: Array<Scalars['ID']['output']>;
  pastImageKept: Scalars['Boolean']['output'];
  scn: Scalars['BigInt']['output'];
  /** Transfers of this block since its previous event that had no event of their own (events are sampled per block). */
  suppressed: Scalars['Int']['output'];
  time: Scalars['DateTime']['output'];
  toInstance: Scalars['ID']['output'];
  transferId: Scalars['ID']['output'];
  way: TransferWay;
};

/** One RAC instance's buffer cache, measured. Counters run from the database's last open. */
export type BufferCacheStats = {
  __typename?: 'BufferCacheStats';
  /** Blocks the cache holds at most (the RAC setting bufferCacheBlocks, default 1024): past it the least recently used block not in use ages out through its master. */
  capacityBlocks: Scalars['Int']['output'];
  /** Blocks held that this instance must write back. */
  dirtyBlocks: Scalars['Int']['output'];
  /** Blocks aged out to make room (least recently used first), a dirty one written back first. */
  evictions: Scalars['BigInt']['output'];
  /** hits / (hits + misses); null before either. */
  hitRatio?: Maybe<Scalars['Float']['output']>;
  /** Reads and writes served from this cache without asking the block's master. */
  hits: Scalars['BigInt']['output'];
  /** The instance (a cluster node). */
  instanceId: Scalars['ID']['output'];
  /** Blocks read from disk because no instance held them. */
  misses: Scalars['BigInt']['output'];
  /** Past images of dirty blocks it shipped away, kept until disk has a version as new. */
  pastImages: Scalars['Int']['output'];
  status: RacInstanceStatus;
  /** Blocks another instance shipped in (Cache Fusion 2-way and 3-way transfers): neither hits nor misses. */
  transfersIn: Scalars['BigInt']['output'];
  /** Blocks held now, in S or X mode (more than capacityBlocks only while blocks are aging out). */
  usedBlocks: Scalars['Int']['output'];
};

/**
 * The buffer caches the engines keep: today RAC's, one per instance (Oracle's buffer cache, kept
 * coherent by Cache Fusion), with totals over every instance.
 */
export type BufferPoolStats = {
  __typename?: 'BufferPoolStats';
  caches: Array<BufferCacheStats>;
  capacityBlocks: Scalars['Int']['output'];
  evictions: Scalars['BigInt']['output'];
  hitRatio?: Maybe<Scalars['Float']['output']>;
  hits: Scalars['BigInt']['output'];
  misses: Scalars['BigInt']['output'];
  usedBlocks: Scalars['Int']['output'];
};

/** Cache Fusion activity: a transfer or a remaster, whichever `type` names. */
export type CacheFusionEvent = {
  __typename?: 'CacheFusionEvent';
  cursor: Scalars['BigInt']['output'];
  /** Set for resource_remastered. */
  remaster?: Maybe<RemasterEvent>;
  time: Scalars['DateTime']['output'];
  /** Set for cache_fusion_transfer. */
  transfer?: Maybe<BlockTransferEvent>;
  /** cache_fusion_transfer or resource_remastered. */
  type: Scalars['String']['output'];
};

/** One instance's buffer cache and request queue. */
export type CacheFusionInstanceStatus = {
  __typename?: 'CacheFusionInstanceStatus';
  cachedBlocks: Scalars['Int']['output'];
  dirtyBlocks: Scalars['Int']['output'];
  exclusiveBlocks: Scalars['Int']['output'];
  instanceId: Scalars['ID']['output'];
  pastImages: Scalars['Int']['output'];
  requestsQueued: Scalars['Int']['output'];
  sharedBlocks: Scalars['Int']['output'];
  status: RacInstanceStatus;
};

/** Global Cache Service counters. */
export type CacheFusionStats = {
  __typename?: 'CacheFusionStats';
  avgTransferLatencyUs: Scalars['BigInt']['output'];
  bytesTransferred: Scalars['BigInt']['output'];
  cacheHits: Scalars['BigInt']['output'];
  cacheMisses: Scalars['BigInt']['output'];
  downgrades: Scalars['BigInt']['output'];
  failedRequests: Scalars['BigInt']['output'];
  hitRatePercent: Scalars['Float']['output'];
  successfulGrants: Scalars['BigInt']['output'];
  threeWayTransfers: Scalars['BigInt']['output'];
  totalRequests: Scalars['BigInt']['output'];
  twoWayTransfers: Scalars['BigInt']['output'];
  writeBacks: Scalars['BigInt']['output'];
};

/** Cache Fusion now. */
export type CacheFusionStatus = {
  __typename?: 'CacheFusionStatus';
  blocksCached: Scalars['Int']['output'];
  dirtyBlocks: Scalars['Int']['output'];
  enqueues: EnqueueCounts;
  hitRatePercent: Scalars['Float']['output'];
  instances: Array<CacheFusionInstanceStatus>;
  lastTransferAt?: Maybe<Scalars['DateTime']['output']>;
  pastImages: Scalars['Int']['output'];
  requestsInFlight: Scalars['Int']['output'];
  requestsQueued: Scalars['Int']['output'];
  state: ClusterState;
};

/** One block shipped between instances. */
export type CacheFusionTransfer = {
  __typename?: 'CacheFusionTransfer';
  blockId: Scalars['String']['output'];
  bytes: Scalars['Int']['output'];
  completedAt: Scalars['DateTime']['output'];
  fromInstance: Scalars['ID']['output'];
  latencyUs: Scalars['Int']['output'];
  masterInstance: Scalars['ID']['output'];
  mode: BlockMode;
  pastImageKept: Scalars['Boolean']['output'];
  requestedAt: Scalars['DateTime']['output'];
  scn: Scalars['BigInt']['output'];
  tableName: Scalars['String']['output'];
  toInstance: Scalars['ID']['output'];
  transferId: Scalars['ID']['output'];
  way: TransferWay;
};

export type CacheFusionTransferSortField =
  | 'blockId'
  | 'bytes'
  | 'completedAt'
  | 'latencyUs';

/** An alert of a channel rule on one channel. */
export type ChannelAlert = {
  __typename?: 'ChannelAlert';
  alertId: Scalars['ID']['output'];
  breachStartedAt: Scalars['DateTime']['output'];
  channelId: Scalars['ID']['output'];
  firedAt?: Maybe<Scalars['DateTime']['output']>;
  kind: ChannelKind;
  message: Scalars['String']['output'];
  metric: ChannelMetric;
  peakValue: Scalars['Float']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  ruleId: Scalars['ID']['output'];
  ruleName: Scalars['String']['output'];
  severity: AlertSeverity;
  state: AlertState;
  threshold: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
};

/** A rule over a channel metric, with the channels its alerts are pending and firing on. */
export type ChannelAlertRule = {
  __typename?: 'ChannelAlertRule';
  channelId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  firingChannelIds: Array<Scalars['ID']['output']>;
  forMs: Scalars['Int']['output'];
  kind?: Maybe<ChannelKind>;
  metric: ChannelMetric;
  name: Scalars['String']['output'];
  pendingChannelIds: Array<Scalars['ID']['output']>;
  ruleId: Scalars['ID']['output'];
  severity: AlertSeverity;
  threshold: Scalars['Float']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A channel's conflicts, in total and per second. */
export type ChannelConflicts = {
  __typename?: 'ChannelConflicts';
  channelId: Scalars['ID']['output'];
  conflicts: Scalars['BigInt']['output'];
  conflictsPerSecond: Scalars['Float']['output'];
  kind: ChannelKind;
  measuredOverMs: Scalars['Int']['output'];
  state: ChannelState;
};

/** One end of a channel. */
export type ChannelEndpoint = {
  __typename?: 'ChannelEndpoint';
  datacenterId?: Maybe<Scalars['String']['output']>;
  nodeId?: Maybe<Scalars['String']['output']>;
};

/** A channel's errors, in total and per second. */
export type ChannelErrors = {
  __typename?: 'ChannelErrors';
  channelId: Scalars['ID']['output'];
  errors: Scalars['BigInt']['output'];
  errorsPerSecond: Scalars['Float']['output'];
  kind: ChannelKind;
  measuredOverMs: Scalars['Int']['output'];
  state: ChannelState;
  stateDetail: Scalars['String']['output'];
};

/** What runs a channel (see ChannelKind in the OpenAPI document). */
export type ChannelKind =
  /** A geo-replication stream between datacenters. */
  | 'GEO'
  /** A logical subscription. */
  | 'LOGICAL'
  /** A link between two sites of a multi-master group. */
  | 'MULTI_MASTER'
  /** A WAL sender to a standby. */
  | 'PHYSICAL';

/** The channels of one kind, summed. */
export type ChannelKindSummary = {
  __typename?: 'ChannelKindSummary';
  bytesPerSecond: Scalars['Float']['output'];
  channels: Scalars['Int']['output'];
  conflicts: Scalars['BigInt']['output'];
  conflictsPerSecond: Scalars['Float']['output'];
  errors: Scalars['BigInt']['output'];
  errorsPerSecond: Scalars['Float']['output'];
  kind: ChannelKind;
  maxLagBytes?: Maybe<Scalars['BigInt']['output']>;
  maxLagMs?: Maybe<Scalars['BigInt']['output']>;
  notStreaming: Scalars['Int']['output'];
  operationsPerSecond: Scalars['Float']['output'];
  streaming: Scalars['Int']['output'];
};

/** A channel's lag now. */
export type ChannelLag = {
  __typename?: 'ChannelLag';
  channelId: Scalars['ID']['output'];
  kind: ChannelKind;
  lagBytes?: Maybe<Scalars['BigInt']['output']>;
  lagMs?: Maybe<Scalars['BigInt']['output']>;
  lagOperations?: Maybe<Scalars['BigInt']['output']>;
  source: ChannelEndpoint;
  state: ChannelState;
  target: ChannelEndpoint;
};

/** A metric of a channel: lags, and rates per second over the rate window. */
export type ChannelMetric =
  | 'BYTES_PER_SECOND'
  | 'CONFLICTS_PER_SECOND'
  | 'ERRORS_PER_SECOND'
  | 'LAG_BYTES'
  | 'LAG_MS'
  | 'LAG_OPERATIONS'
  | 'OPERATIONS_PER_SECOND';

/** Rates of a channel's cumulative counters over the rate window. */
export type ChannelRates = {
  __typename?: 'ChannelRates';
  bytesPerSecond: Scalars['Float']['output'];
  conflictsPerSecond: Scalars['Float']['output'];
  errorsPerSecond: Scalars['Float']['output'];
  measuredOverMs: Scalars['Int']['output'];
  operationsPerSecond: Scalars['Float']['output'];
};

/** One measured point of a series. */
export type ChannelSeriesPoint = {
  __typename?: 'ChannelSeriesPoint';
  at: Scalars['DateTime']['output'];
  value: Scalars['Float']['output'];
};

/** A channel's state in monitoring's words (see ChannelState in the OpenAPI document). */
export type ChannelState =
  | 'CATCHING_UP'
  | 'DISCONNECTED'
  | 'FAILED'
  | 'PAUSED'
  | 'STARTING'
  | 'STREAMING';

/** Channels in each state. */
export type ChannelStateCounts = {
  __typename?: 'ChannelStateCounts';
  CATCHING_UP: Scalars['Int']['output'];
  DISCONNECTED: Scalars['Int']['output'];
  FAILED: Scalars['Int']['output'];
  PAUSED: Scalars['Int']['output'];
  STARTING: Scalars['Int']['output'];
  STREAMING: Scalars['Int']['output'];
};

/** What a channel shipped, in total and per second. */
export type ChannelThroughput = {
  __typename?: 'ChannelThroughput';
  bytesPerSecond: Scalars['Float']['output'];
  bytesShipped?: Maybe<Scalars['BigInt']['output']>;
  channelId: Scalars['ID']['output'];
  kind: ChannelKind;
  measuredOverMs: Scalars['Int']['output'];
  operationsPerSecond: Scalars['Float']['output'];
  operationsShipped?: Maybe<Scalars['BigInt']['output']>;
  state: ChannelState;
};

/** A channel's metric over a window, downsampled. */
export type ChannelTimeSeries = {
  __typename?: 'ChannelTimeSeries';
  channelId: Scalars['ID']['output'];
  metric: ChannelMetric;
  points: Array<ChannelSeriesPoint>;
  pointsInWindow: Scalars['Int']['output'];
  sampleIntervalMs: Scalars['Int']['output'];
};

/** The cluster clock. */
export type Clock = {
  __typename?: 'Clock';
  mode: ClockMode;
  now: Scalars['DateTime']['output'];
  pendingTimers: Scalars['Int']['output'];
  /** Cluster milliseconds per wall millisecond in realtime mode. */
  speed: Scalars['Float']['output'];
};

export type ClockEntry = {
  __typename?: 'ClockEntry';
  datacenterId: Scalars['String']['output'];
  lsn: Scalars['String']['output'];
  position: Scalars['BigInt']['output'];
};

export type ClockInput = {
  mode?: InputMaybe<ClockMode>;
  speed?: InputMaybe<Scalars['Float']['input']>;
};

export type ClockMode =
  | 'manual'
  | 'realtime';

/** How one vector clock relates to another. */
export type ClockOrder =
  | 'AFTER'
  | 'BEFORE'
  | 'CONCURRENT'
  | 'EQUAL';

/** Settings of the whole cluster. Timeouts are milliseconds of cluster time. */
export type ClusterConfig = {
  __typename?: 'ClusterConfig';
  autoFailover: Scalars['Boolean']['output'];
  clusterName: Scalars['String']['output'];
  electionTimeoutMs: Scalars['Int']['output'];
  failureTimeoutMs: Scalars['Int']['output'];
  geoReplication: Scalars['Boolean']['output'];
  heartbeatIntervalMs: Scalars['Int']['output'];
  minQuorumSize: Scalars['Int']['output'];
  recoveryHeartbeats: Scalars['Int']['output'];
  replicationFactor: Scalars['Int']['output'];
  suspectTimeoutMs: Scalars['Int']['output'];
};

/** Settings to change; the others keep their values. */
export type ClusterConfigInput = {
  autoFailover?: InputMaybe<Scalars['Boolean']['input']>;
  clusterName?: InputMaybe<Scalars['String']['input']>;
  electionTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  failureTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  geoReplication?: InputMaybe<Scalars['Boolean']['input']>;
  heartbeatIntervalMs?: InputMaybe<Scalars['Int']['input']>;
  minQuorumSize?: InputMaybe<Scalars['Int']['input']>;
  recoveryHeartbeats?: InputMaybe<Scalars['Int']['input']>;
  replicationFactor?: InputMaybe<Scalars['Int']['input']>;
  suspectTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** The cluster's health at a glance. */
export type ClusterHealth = {
  __typename?: 'ClusterHealth';
  /** Nodes RECOVERING. */
  activeRecoveries: Scalars['Int']['output'];
  /** Cluster time of the observation. */
  checkedAt: Scalars['DateTime']['output'];
  /** Nodes DOWN. */
  downNodes: Scalars['Int']['output'];
  /** How many more voters can fail before quorum is lost. */
  failureTolerance: Scalars['Int']['output'];
  /** Whether at least quorumSize voters are healthy. */
  hasQuorum: Scalars['Boolean']['output'];
  /** Nodes HEALTHY or RECOVERING. */
  healthyNodes: Scalars['Int']['output'];
  /** Voters HEALTHY or RECOVERING. */
  healthyVoters: Scalars['Int']['output'];
  /** OPERATIONAL, a leader elected, and no open ERROR or CRITICAL issue. */
  isHealthy: Scalars['Boolean']['output'];
  /** The open issues, most severe first. */
  issues: Array<HealthIssue>;
  /** The consensus leader; null while there is none. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** Healthy voters needed for quorum. */
  quorumSize: Scalars['Int']['output'];
  /** The cluster's condition. */
  state: ClusterState;
  /** Nodes SUSPECTED. */
  suspectedNodes: Scalars['Int']['output'];
  /** Nodes in the cluster. */
  totalNodes: Scalars['Int']['output'];
  /** Members that vote. */
  voters: Scalars['Int']['output'];
};

/** One check behind the cluster's health. */
export type ClusterHealthCheck = {
  __typename?: 'ClusterHealthCheck';
  /** Its finding, with its numbers. */
  message: Scalars['String']['output'];
  /** The check. */
  name: ClusterHealthCheckName;
  /** Its outcome. */
  outcome: HealthCheckOutcome;
};

/** The checks behind the cluster's health. */
export type ClusterHealthCheckName =
  /** At least one more voter may fail. */
  | 'FAILURE_TOLERANCE'
  /** A leader is elected. */
  | 'LEADER'
  /** Every node is HEALTHY. */
  | 'NODES'
  /** Enough healthy voters. */
  | 'QUORUM';

/** A change of the cluster's health (events cluster_state_changed, health_issue_detected, health_issue_resolved, quorum_lost, quorum_restored). */
export type ClusterHealthEvent = {
  __typename?: 'ClusterHealthEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** The health after the change. */
  health: ClusterHealth;
  /** The issue, for health_issue_detected and health_issue_resolved. */
  issue?: Maybe<HealthIssue>;
  /** The state before, for cluster_state_changed. */
  previousState?: Maybe<ClusterState>;
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** The event type. */
  type: Scalars['String']['output'];
};

/** The cluster as a whole. */
export type ClusterInfo = {
  __typename?: 'ClusterInfo';
  /** The cluster's name (one cluster per server). */
  clusterId: Scalars['ID']['output'];
  config: ClusterConfig;
  createdAt: Scalars['DateTime']['output'];
  /** How many more voters can fail before quorum is lost. */
  failureTolerance: Scalars['Int']['output'];
  hasQuorum: Scalars['Boolean']['output'];
  /** The consensus leader; null until consensus elects one. */
  leader?: Maybe<ClusterNode>;
  name: Scalars['String']['output'];
  nodes: Array<ClusterNode>;
  /** Healthy voters needed for quorum. */
  quorumSize: Scalars['Int']['output'];
  state: ClusterState;
  updatedAt: Scalars['DateTime']['output'];
};

/** The cluster's nodes as the failure detector sees them. */
export type ClusterMetrics = {
  __typename?: 'ClusterMetrics';
  downNodes: Scalars['Int']['output'];
  hasQuorum: Scalars['Boolean']['output'];
  healthyNodes: Scalars['Int']['output'];
  /** Heartbeats the control plane received since the server started. */
  heartbeatsReceived: Scalars['BigInt']['output'];
  suspectedNodes: Scalars['Int']['output'];
  totalNodes: Scalars['Int']['output'];
};

/** A database node that is a member of the cluster. */
export type ClusterNode = {
  __typename?: 'ClusterNode';
  /** host:port for cluster traffic. */
  address: Scalars['String']['output'];
  capacity: NodeCapacity;
  joinedAt: Scalars['DateTime']['output'];
  /** When the last heartbeat arrived; null before the first. */
  lastHeartbeat?: Maybe<Scalars['DateTime']['output']>;
  /** Heartbeat intervals elapsed since the last heartbeat. */
  missedHeartbeats: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  nodeId: Scalars['ID']['output'];
  /** Preference for leadership and failover targets; higher is preferred. */
  priority: Scalars['Int']['output'];
  region: Scalars['String']['output'];
  role: NodeRole;
  services: Array<NodeServiceName>;
  status: NodeStatus;
  /** Seconds since the node last started, on the cluster clock; 0 while down. */
  uptimeSeconds: Scalars['BigInt']['output'];
  zone: Scalars['String']['output'];
};

/** Fields to sort cluster nodes by. */
export type ClusterNodeSortField =
  | 'joinedAt'
  | 'lastHeartbeat'
  | 'name'
  | 'nodeId'
  | 'priority'
  | 'region'
  | 'role'
  | 'status'
  | 'uptimeSeconds'
  | 'zone';

/** Replication seen from the cluster, one row per node. */
export type ClusterReplication = {
  __typename?: 'ClusterReplication';
  currentLsn: Scalars['String']['output'];
  healthy: Scalars['Boolean']['output'];
  mode: ReplicationMode;
  nodes: Array<ClusterReplicationNode>;
  primaryNodeId?: Maybe<Scalars['ID']['output']>;
  state: ReplicationState;
  timeline: Scalars['Int']['output'];
};

/** One cluster node's part in replication. */
export type ClusterReplicationNode = {
  __typename?: 'ClusterReplicationNode';
  flushLsn?: Maybe<Scalars['String']['output']>;
  lagBytes?: Maybe<Scalars['BigInt']['output']>;
  nodeId: Scalars['ID']['output'];
  nodeStatus: NodeStatus;
  replayLsn?: Maybe<Scalars['String']['output']>;
  replicaState?: Maybe<ReplicaState>;
  role: ReplicationRole;
  syncState?: Maybe<SyncState>;
  writeLsn?: Maybe<Scalars['String']['output']>;
};

/** A shard of the default group's token ranges or of a table group, and where its copies live. */
export type ClusterShard = {
  __typename?: 'ClusterShard';
  /** Last token of its range; null when startToken is. */
  endToken?: Maybe<Scalars['BigInt']['output']>;
  /** default, or the table group the shard belongs to. */
  group: Scalars['String']['output'];
  /** When a copy last started moving. */
  lastMovedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Copies being filled. */
  pendingMoves: Array<ShardMove>;
  /** The node holding the primary; null only while no node can take it. */
  primaryNodeId?: Maybe<Scalars['ID']['output']>;
  /** Nodes holding a replica. */
  replicaNodeIds: Array<Scalars['ID']['output']>;
  /** Id of the shard: shard-N in the default group, <group>-shard-N in a table group. */
  shardId: Scalars['ID']['output'];
  /** First token of its range; null for a table group's shard whose layout does not cut the token space. */
  startToken?: Maybe<Scalars['BigInt']['output']>;
  /** Where its copies stand. */
  state: ShardState;
  /** The sharded tables colocated on the shard; empty in the default group. */
  tables: Array<Scalars['String']['output']>;
};

/** Condition of the cluster, derived from node health and quorum. */
export type ClusterState =
  | 'DEGRADED'
  | 'FORMING'
  | 'INITIALIZING'
  | 'OPERATIONAL'
  | 'RECOVERING'
  | 'SHUTTING_DOWN'
  | 'STOPPED';

/** The cluster at a glance (GET /api/v1/cluster/status). */
export type ClusterStatus = {
  __typename?: 'ClusterStatus';
  /** Name of the cluster. */
  clusterName: Scalars['String']['output'];
  /** The cluster clock when the status was read. */
  clusterTime: Scalars['DateTime']['output'];
  /** Nodes DOWN. */
  downNodes: Scalars['Int']['output'];
  /** Whether a failover is under way. */
  failoverInProgress: Scalars['Boolean']['output'];
  /** How many more voters can fail before quorum is lost. */
  failureTolerance: Scalars['Int']['output'];
  /** Whether quorum holds. */
  hasQuorum: Scalars['Boolean']['output'];
  /** Nodes HEALTHY or RECOVERING. */
  healthyNodes: Scalars['Int']['output'];
  /** Voters HEALTHY or RECOVERING. */
  healthyVoters: Scalars['Int']['output'];
  /** When the latest failover started. */
  lastFailoverAt?: Maybe<Scalars['DateTime']['output']>;
  /** The consensus leader. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** Health issues open. */
  openIssues: Scalars['Int']['output'];
  /** Healthy voters needed. */
  quorumSize: Scalars['Int']['output'];
  /** The cluster's condition. */
  state: ClusterState;
  /** When it entered that state. */
  stateSince: Scalars['DateTime']['output'];
  /** Nodes SUSPECTED. */
  suspectedNodes: Scalars['Int']['output'];
  /** The highest Raft term seen. */
  term: Scalars['BigInt']['output'];
  /** Nodes in the cluster. */
  totalNodes: Scalars['Int']['output'];
  /** Members that vote. */
  voters: Scalars['Int']['output'];
};

/** Membership, quorum and placement. */
export type ClusterTopology = {
  __typename?: 'ClusterTopology';
  clusterName: Scalars['String']['output'];
  downNodes: Scalars['Int']['output'];
  failureTolerance: Scalars['Int']['output'];
  hasQuorum: Scalars['Boolean']['output'];
  healthyNodes: Scalars['Int']['output'];
  members: Array<Scalars['ID']['output']>;
  quorumSize: Scalars['Int']['output'];
  regions: Array<RegionPlacement>;
  state: ClusterState;
  suspectedNodes: Scalars['Int']['output'];
  totalNodes: Scalars['Int']['output'];
  voters: Scalars['Int']['output'];
};

/** Raft, summarized. */
export type ClusteringConsensusStatus = {
  __typename?: 'ClusteringConsensusStatus';
  /** The leader's commit index. */
  commitIndex: Scalars['BigInt']['output'];
  /** Whether a membership change is under way. */
  configChangePending: Scalars['Boolean']['output'];
  /** Whether a quorum is reachable from the leader. */
  hasQuorum: Scalars['Boolean']['output'];
  /** The leader. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** Learners catching up. */
  learners: Scalars['Int']['output'];
  /** Votes a majority makes. */
  quorumSize: Scalars['Int']['output'];
  /** The highest term seen. */
  term: Scalars['BigInt']['output'];
  /** Voting members. */
  voters: Scalars['Int']['output'];
};

/** The coordinator, summarized. */
export type ClusteringCoordinatorStatus = {
  __typename?: 'ClusteringCoordinatorStatus';
  /** Shards ACTIVE. */
  active: Scalars['Int']['output'];
  /** The execution strategy in force. */
  executionStrategy: ExecutionStrategy;
  /** Shards MOVING. */
  moving: Scalars['Int']['output'];
  /** Shards. */
  shards: Scalars['Int']['output'];
  /** Shards UNASSIGNED. */
  unassigned: Scalars['Int']['output'];
  /** Shards UNDER_REPLICATED. */
  underReplicated: Scalars['Int']['output'];
};

/** The hash ring, summarized. */
export type ClusteringDhtStatus = {
  __typename?: 'ClusteringDhtStatus';
  /** The hash function. */
  hashFunction: HashFunctionName;
  /** Nodes on the ring. */
  nodes: Scalars['Int']['output'];
  /** Vnodes on the ring. */
  vnodes: Scalars['Int']['output'];
  /** Vnodes of a node of weight 1. */
  vnodesPerNode: Scalars['Int']['output'];
};

/** Failover, summarized. */
export type ClusteringFailoverStatus = {
  __typename?: 'ClusteringFailoverStatus';
  /** Whether failover is automatic. */
  autoFailover: Scalars['Boolean']['output'];
  /** AUTOMATIC failovers in the last hour. */
  automaticFailoversLastHour: Scalars['Int']['output'];
  /** The failover under way. */
  currentFailoverId?: Maybe<Scalars['ID']['output']>;
  /** Whether a failover is under way. */
  inProgress: Scalars['Boolean']['output'];
  /** When the latest failover started. */
  lastFailoverAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The load balancer, summarized. */
export type ClusteringLoadBalancerStatus = {
  __typename?: 'ClusteringLoadBalancerStatus';
  /** Connections open. */
  activeConnections: Scalars['Int']['output'];
  /** Backends registered. */
  backends: Scalars['Int']['output'];
  /** Backends HEALTHY. */
  healthyBackends: Scalars['Int']['output'];
  /** The strategy in force. */
  strategy: LoadBalancingStrategy;
};

/** Gossip membership, summarized. */
export type ClusteringMembershipStatus = {
  __typename?: 'ClusteringMembershipStatus';
  /** Members ALIVE. */
  alive: Scalars['Int']['output'];
  /** Members DEAD. */
  dead: Scalars['Int']['output'];
  /** Members LEFT. */
  left: Scalars['Int']['output'];
  /** Members in the group. */
  members: Scalars['Int']['output'];
  /** Protocol periods run. */
  protocolPeriod: Scalars['BigInt']['output'];
  /** Members SUSPECT. */
  suspect: Scalars['Int']['output'];
};

/** Nodes by health. */
export type ClusteringNodeCounts = {
  __typename?: 'ClusteringNodeCounts';
  /** Nodes DOWN. */
  down: Scalars['Int']['output'];
  /** Nodes HEALTHY. */
  healthy: Scalars['Int']['output'];
  /** Nodes RECOVERING. */
  recovering: Scalars['Int']['output'];
  /** Nodes SUSPECTED. */
  suspected: Scalars['Int']['output'];
  /** Nodes in the cluster. */
  total: Scalars['Int']['output'];
};

/** Each clustering subsystem in one read (GET /api/v1/clustering/status). */
export type ClusteringStatus = {
  __typename?: 'ClusteringStatus';
  /** Name of the cluster. */
  clusterName: Scalars['String']['output'];
  /** The cluster clock when the status was read. */
  clusterTime: Scalars['DateTime']['output'];
  /** Raft. */
  consensus: ClusteringConsensusStatus;
  /** The coordinator. */
  coordinator: ClusteringCoordinatorStatus;
  /** The hash ring. */
  dht: ClusteringDhtStatus;
  /** Failover. */
  failover: ClusteringFailoverStatus;
  /** The load balancer. */
  loadBalancer: ClusteringLoadBalancerStatus;
  /** Gossip membership. */
  membership: ClusteringMembershipStatus;
  /** Nodes by health. */
  nodes: ClusteringNodeCounts;
  /** The cluster's condition. */
  state: ClusterState;
};

/** One column's mask. */
export type ColumnMask = {
  __typename?: 'ColumnMask';
  column: Scalars['String']['output'];
  /** PARTIAL: characters kept at the end. */
  keepLast?: Maybe<Scalars['Int']['output']>;
  kind: MaskKind;
  /** RENAME: the column's name on the subscriber. */
  renameTo?: Maybe<Scalars['String']['output']>;
  /** CONSTANT: the value every row gets. */
  value?: Maybe<Scalars['JSON']['output']>;
};

export type ColumnMaskInput = {
  column: Scalars['String']['input'];
  keepLast?: InputMaybe<Scalars['Int']['input']>;
  kind: MaskKind;
  renameTo?: InputMaybe<Scalars['String']['input']>;
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** Commits by how their wait for the standbys ended. */
export type CommitCounts = {
  __typename?: 'CommitCounts';
  acknowledged: Scalars['BigInt']['output'];
  /** Committed on the primary, not confirmed replicated. */
  timedOut: Scalars['BigInt']['output'];
  /** Waiting now. */
  waiting: Scalars['Int']['output'];
};

/** How long acknowledged commits waited, in milliseconds. */
export type CommitWaitStatistics = {
  __typename?: 'CommitWaitStatistics';
  average?: Maybe<Scalars['Float']['output']>;
  max?: Maybe<Scalars['Int']['output']>;
  p95?: Maybe<Scalars['Int']['output']>;
};

/** Nested strategies: every combination of the levels' shards, the first level most significant. */
export type CompositeSharding = {
  __typename?: 'CompositeSharding';
  strategies: Array<ShardingStrategy>;
};

/** The model scored on past windows, against the base rate. */
export type ConflictBacktest = {
  __typename?: 'ConflictBacktest';
  baseRateBrierScore?: Maybe<Scalars['Float']['output']>;
  brierScore?: Maybe<Scalars['Float']['output']>;
  positives: Scalars['Int']['output'];
  predictions: Scalars['Int']['output'];
  skill?: Maybe<Scalars['Float']['output']>;
};

/** The backtest per level. */
export type ConflictBacktests = {
  __typename?: 'ConflictBacktests';
  keyRanges: ConflictBacktest;
  tables: ConflictBacktest;
};

/** A count under a key (type, strategy, status or table). */
export type ConflictCount = {
  __typename?: 'ConflictCount';
  conflicts: Scalars['BigInt']['output'];
  key: Scalars['String']['output'];
};

/** Conflicts detected. */
export type ConflictCounts = {
  __typename?: 'ConflictCounts';
  detected: Scalars['Int']['output'];
  resolved: Scalars['Int']['output'];
  unresolved: Scalars['Int']['output'];
};

/** A conflict detected or resolved (events conflict_detected and conflict_resolved). */
export type ConflictEvent = {
  __typename?: 'ConflictEvent';
  /** The conflict as it stood at the event. */
  conflict: ReplicationConflict;
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** conflict_detected or conflict_resolved. */
  type: Scalars['String']['output'];
};

/** A recorded conflict explained, and replayed under every other strategy. */
export type ConflictExplanation = {
  __typename?: 'ConflictExplanation';
  alternatives: Array<StrategyReplay>;
  clockOrder: ClockOrder;
  clocks: Scalars['String']['output'];
  conflictId: Scalars['ID']['output'];
  status: GroupConflictStatus;
  strategy: GroupConflictStrategy;
  why: Scalars['String']['output'];
  winner?: Maybe<GroupConflictWinner>;
};

/** The probability of a conflict in the next window, with the model's inputs and accuracy. */
export type ConflictPredictions = {
  __typename?: 'ConflictPredictions';
  backtest: ConflictBacktests;
  basis: Scalars['String']['output'];
  halfLifeWindows: Scalars['Float']['output'];
  keyRangeSeries: Array<ConflictSeriesPrediction>;
  keyRanges: Scalars['Int']['output'];
  minHistoryWindows: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  nextWindowStart: Scalars['DateTime']['output'];
  observedWindows: Scalars['Int']['output'];
  sufficientHistory: Scalars['Boolean']['output'];
  tables: Array<ConflictSeriesPrediction>;
  windowMs: Scalars['Int']['output'];
};

/** The outcome of resolving a conflict. */
export type ConflictResolution = {
  __typename?: 'ConflictResolution';
  conflict: ReplicationConflict;
  conflictId: Scalars['ID']['output'];
  resolvedAt: Scalars['DateTime']['output'];
  resolvedData?: Maybe<Scalars['JSON']['output']>;
  resolvedLsn: Scalars['String']['output'];
  strategy: ConflictResolutionStrategy;
  winner: ConflictWinner;
};

/** What the strategy was given besides the versions. */
export type ConflictResolutionContext = {
  __typename?: 'ConflictResolutionContext';
  /** Column → CRDT type. */
  columnCrdts: Scalars['JSON']['output'];
  customRow?: Maybe<Scalars['JSON']['output']>;
  sitePriority: Array<Scalars['String']['output']>;
};

/** How a conflict is resolved; the winner is written through the WAL. */
export type ConflictResolutionStrategy =
  /** Numeric fields: base + both deltas. */
  | 'CRDT_COUNTER'
  /** Per field, the later write. */
  | 'CRDT_LWW'
  /** Array fields: both sides' additions minus both sides' removals. */
  | 'CRDT_SET'
  /** A given value. */
  | 'CUSTOM'
  /** The earlier write. */
  | 'FIRST_WRITER_WINS'
  /** The later write (ties to the higher node id). */
  | 'LAST_WRITER_WINS'
  /** The side whose node comes first in the configuration's order of nodes. */
  | 'SITE_PRIORITY';

/** A prediction for a table (keyRange null) or one of its key ranges. */
export type ConflictSeriesPrediction = {
  __typename?: 'ConflictSeriesPrediction';
  keyRange?: Maybe<Scalars['Int']['output']>;
  /** Null with too little history. */
  probability?: Maybe<Scalars['Float']['output']>;
  ratePerWindow: Scalars['Float']['output'];
  recentCounts: Array<Scalars['Int']['output']>;
  tableName: Scalars['String']['output'];
  totalConflicts: Scalars['Int']['output'];
};

/** Conflicts counted since the book began, and the records kept now. */
export type ConflictStatistics = {
  __typename?: 'ConflictStatistics';
  byStatus: Array<ConflictCount>;
  byStrategy: Array<ConflictCount>;
  byTable: Array<ConflictCount>;
  byType: Array<ConflictCount>;
  capacity: Scalars['Int']['output'];
  kept: Scalars['Int']['output'];
  open: Scalars['Int']['output'];
  recorded: Scalars['BigInt']['output'];
  resolvedLater: Scalars['BigInt']['output'];
  resolvedOnArrival: Scalars['BigInt']['output'];
};

/** A strategy, its guarantees, and how many conflicts were recorded with it. */
export type ConflictStrategyInfo = {
  __typename?: 'ConflictStrategyInfo';
  conflictsRecorded: Scalars['BigInt']['output'];
  description: Scalars['String']['output'];
  guarantees: Array<Scalars['String']['output']>;
  losesWrites: Scalars['Boolean']['output'];
  needs: Array<Scalars['String']['output']>;
  strategy: GroupConflictStrategy;
};

/** What two writes to one row disagree on. */
export type ConflictType =
  | 'DELETE_CONFLICT'
  | 'INSERT_CONFLICT'
  | 'UNIQUENESS_VIOLATION'
  | 'UPDATE_CONFLICT';

/** One side's write of the row. */
export type ConflictVersion = {
  __typename?: 'ConflictVersion';
  /** The version vector: site id → writes seen. */
  clock: Scalars['JSON']['output'];
  nodeId: Scalars['String']['output'];
  /** The row; null when deleted. */
  row?: Maybe<Scalars['JSON']['output']>;
  siteId: Scalars['String']['output'];
  writtenAt: Scalars['DateTime']['output'];
};

/** Which side of a conflict won. */
export type ConflictWinner =
  /** A given value. */
  | 'CUSTOM'
  | 'LOCAL'
  /** A CRDT merge that is neither side as written. */
  | 'MERGED'
  | 'REMOTE';

/** How a connection ended. */
export type ConnectionOutcome =
  /** Cut by a forced backend removal. */
  | 'ABORTED'
  /** Released as a failure. */
  | 'ERROR'
  /** Released as a success. */
  | 'SUCCESS';

/** Fields to sort connections by. */
export type ConnectionSortField =
  | 'closedAt'
  | 'latencyMs'
  | 'openedAt';

/** Whether a connection is open. */
export type ConnectionState =
  /** Open. */
  | 'ACTIVE'
  /** Released or aborted. */
  | 'CLOSED';

export type ConsistencyCalculatorInput = {
  consistencyLevel: ConsistencyLevel;
  failedDatacenterIds?: InputMaybe<Array<Scalars['String']['input']>>;
  replicasPerDatacenter?: InputMaybe<Array<ReplicasInDatacenterInput>>;
  writerDatacenterId: Scalars['String']['input'];
};

export type ConsistencyForecast = {
  __typename?: 'ConsistencyForecast';
  basis: Scalars['String']['output'];
  failedDatacenterIds: Array<Scalars['String']['output']>;
  readsSucceed: Scalars['Boolean']['output'];
  worstCaseStalenessMs?: Maybe<Scalars['Int']['output']>;
  writesSucceed: Scalars['Boolean']['output'];
};

/** When a write counts as acknowledged (see ConsistencyLevel in the OpenAPI document). */
export type ConsistencyLevel =
  /** By a majority of all datacenters. */
  | 'Global'
  /** By its own datacenter. */
  | 'Local'
  /** By a majority of the datacenters of its region. */
  | 'Regional'
  /** By its own datacenter; a session reads only where its vector clock is covered. */
  | 'SessionConsistent'
  /** By every datacenter (linearizable). */
  | 'Strong';

/** A change of a group's agreement (event multi_master_convergence). */
export type ConvergenceEvent = {
  __typename?: 'ConvergenceEvent';
  convergence: MultiMasterConvergenceReport;
  cursor: Scalars['BigInt']['output'];
  time: Scalars['DateTime']['output'];
};

/** A group column declared (or resolved) as a CRDT. */
export type CrdtColumnUse = {
  __typename?: 'CrdtColumnUse';
  column: Scalars['String']['output'];
  groupId: Scalars['ID']['output'];
  groupKind: Scalars['String']['output'];
  tableName: Scalars['String']['output'];
};

/** A conflict-free replicated data type (see CrdtType in the OpenAPI document). */
export type CrdtType =
  | 'G_COUNTER'
  | 'G_SET'
  | 'LWW_REGISTER'
  | 'OR_SET'
  | 'PN_COUNTER'
  | 'TWO_PHASE_SET';

/** A CRDT type, its operations and merge, and where it is used. */
export type CrdtTypeInfo = {
  __typename?: 'CrdtTypeInfo';
  /** ANY, NUMBER or ARRAY: the column values it merges. */
  columnValues: Scalars['String']['output'];
  crdtType: CrdtType;
  description: Scalars['String']['output'];
  laws: Array<Scalars['String']['output']>;
  merge: Scalars['String']['output'];
  operations: Array<Scalars['String']['output']>;
  usedBy: Array<CrdtColumnUse>;
};

/** An alert rule to create. */
export type CreateAlertRuleInput = {
  /** How long the metric must stay above the threshold (default 0). */
  forMs?: InputMaybe<Scalars['Int']['input']>;
  metric: AlertMetric;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Every replica when omitted. */
  replicaId?: InputMaybe<Scalars['ID']['input']>;
  /** Default WARNING. */
  severity?: InputMaybe<AlertSeverity>;
  /** Bytes for LAG_BYTES, milliseconds otherwise. */
  threshold: Scalars['BigInt']['input'];
};

export type CreateApiKeyInput = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  role: Role;
};

/** A rule over a channel metric (see CreateChannelAlertRuleRequest). */
export type CreateChannelAlertRuleInput = {
  channelId?: InputMaybe<Scalars['ID']['input']>;
  forMs?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ChannelKind>;
  metric: ChannelMetric;
  name?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  threshold: Scalars['Float']['input'];
};

/** A snapshot to take; every field is optional (a full snapshot by default). */
export type CreateReplicationSnapshotInput = {
  label?: InputMaybe<Scalars['String']['input']>;
  /** For an incremental snapshot; default the latest completed one. */
  parentSnapshotId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<SnapshotType>;
};

/** A slot to create. */
export type CreateSlotInput = {
  /** Logical slots only; default rustydb. */
  database?: InputMaybe<Scalars['String']['input']>;
  /** Logical slots only; default pgoutput. */
  plugin?: InputMaybe<Scalars['String']['input']>;
  slotName: Scalars['String']['input'];
  slotType: SlotType;
};

/** A new API key with its secret. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  key: ApiKey;
  /** Shown only here. */
  secret: Scalars['String']['output'];
};

/** An instance of a service region: a cluster node. */
export type DatabaseInstance = {
  __typename?: 'DatabaseInstance';
  /** 0 until the connection pools exist. */
  activeConnections: Scalars['Int']['output'];
  connectionsNote: Scalars['String']['output'];
  health: HealthStatus;
  host: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lagMs: Scalars['BigInt']['output'];
  lastHealthCheck?: Maybe<Scalars['DateTime']['output']>;
  nodeStatus: Scalars['String']['output'];
  /** 0 until the connection pools exist. */
  poolSize: Scalars['Int']['output'];
  port: Scalars['Int']['output'];
  preference: InstancePreference;
  role: InstanceRole;
  running: Scalars['Boolean']['output'];
  standsFor?: Maybe<Scalars['String']['output']>;
  weight: Scalars['Int']['output'];
};

export type DatacenterNode = {
  __typename?: 'DatacenterNode';
  nodeId: Scalars['String']['output'];
  running: Scalars['Boolean']['output'];
  /** PRIMARY, STANDBY, STANDALONE or UNKNOWN. */
  writeRole: Scalars['String']['output'];
};

export type DatacenterVectorClock = {
  __typename?: 'DatacenterVectorClock';
  datacenterId: Scalars['ID']['output'];
  entries: Array<ClockEntry>;
  session?: Maybe<SessionCoverage>;
};

/** One row change decoded from the WAL. */
export type DecodedChange = {
  __typename?: 'DecodedChange';
  commitTime: Scalars['DateTime']['output'];
  endLsn: Scalars['String']['output'];
  key: Scalars['String']['output'];
  lsn: Scalars['String']['output'];
  op: DecodedChangeOp;
  origin?: Maybe<Scalars['String']['output']>;
  row?: Maybe<Scalars['JSON']['output']>;
  table: Scalars['String']['output'];
  timeline: Scalars['Int']['output'];
  xid: Scalars['Int']['output'];
};

export type DecodedChangeOp =
  | 'delete'
  | 'insert'
  | 'update';

/** The health summary, its checks, the leader and every node. */
export type DetailedClusterHealth = {
  __typename?: 'DetailedClusterHealth';
  /** The checks. */
  checks: Array<ClusterHealthCheck>;
  /** The leader. */
  leader: HealthLeader;
  /** Every node, in node-id order. */
  nodes: Array<NodeHealthDetail>;
  /** When the cluster entered its current state. */
  stateSince: Scalars['DateTime']['output'];
  /** The summary. */
  summary: ClusterHealth;
};

/** A node on the ring. */
export type DhtNode = {
  __typename?: 'DhtNode';
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Tokens (out of 2^32) its vnodes own. */
  ownedTokenCount: Scalars['BigInt']['output'];
  /** ownedTokenCount as a percentage of the token space. */
  ownershipPercent: Scalars['Float']['output'];
  /** Keys routed to it as owner. */
  routedKeys: Scalars['BigInt']['output'];
  /** Its vnodes. */
  vnodeCount: Scalars['Int']['output'];
  /** Relative capacity; it gets round(vnodesPerNode × weight) vnodes. */
  weight: Scalars['Float']['output'];
};

/** Fields to sort ring nodes by. */
export type DhtNodeSortField =
  | 'nodeId'
  | 'ownershipPercent'
  | 'routedKeys'
  | 'vnodeCount'
  | 'weight';

/** One node's share of ownership and of routed keys. */
export type DhtNodeStatistics = {
  __typename?: 'DhtNodeStatistics';
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Share of the token space it owns, in percent. */
  ownershipPercent: Scalars['Float']['output'];
  /** Its share of the routed keys, in percent. */
  routedKeyPercent: Scalars['Float']['output'];
  /** Keys routed to it. */
  routedKeys: Scalars['BigInt']['output'];
  /** Its vnodes. */
  vnodeCount: Scalars['Int']['output'];
  /** Relative capacity. */
  weight: Scalars['Float']['output'];
};

/** One vnode on the ring. */
export type DhtRingEntry = {
  __typename?: 'DhtRingEntry';
  /** Its node. */
  nodeId: Scalars['ID']['output'];
  /** Tokens it owns. */
  rangeSize: Scalars['BigInt']['output'];
  /** Its position on the ring. */
  token: Scalars['BigInt']['output'];
  /** Its index within its node. */
  vnodeIndex: Scalars['Int']['output'];
};

/** Where one key lives. */
export type DhtRoute = {
  __typename?: 'DhtRoute';
  /** The key as sent. */
  key: Scalars['String']['output'];
  /** The owner. */
  nodeId: Scalars['ID']['output'];
  /** The owner, then its replicas, walking clockwise. */
  preferenceList: Array<Scalars['ID']['output']>;
  /** The key's token. */
  token: Scalars['BigInt']['output'];
  /** The owning vnode's index within its node. */
  vnodeIndex: Scalars['Int']['output'];
  /** The owning vnode's token. */
  vnodeToken: Scalars['BigInt']['output'];
};

/** The routes of the keys, in the order sent. */
export type DhtRouteResult = {
  __typename?: 'DhtRouteResult';
  /** The hash function used. */
  hashFunction: HashFunctionName;
  /** One route per key. */
  routes: Array<DhtRoute>;
};

/** The ring's configuration and how evenly it spreads ownership and keys. */
export type DhtStatistics = {
  __typename?: 'DhtStatistics';
  /** The hash function. */
  hashFunction: HashFunctionName;
  /** Seed of MurmurHash3. */
  hashSeed: Scalars['BigInt']['output'];
  /** Tokens in the space (2^32). */
  hashSpaceSize: Scalars['BigInt']['output'];
  /** Nodes on the ring. */
  nodeCount: Scalars['Int']['output'];
  /** Per node, in node-id order. */
  nodes: Array<DhtNodeStatistics>;
  /** Spread of owned token space; null on an empty ring. */
  ownershipSpread?: Maybe<LoadSpread>;
  /** Spread of routed keys; null before any key is routed. */
  routedKeySpread?: Maybe<LoadSpread>;
  /** Keys routed since start. */
  routedKeys: Scalars['BigInt']['output'];
  /** Vnodes on the ring. */
  vnodeCount: Scalars['Int']['output'];
  /** Vnodes of a node of weight 1. */
  vnodesPerNode: Scalars['Int']['output'];
};

/** A query to plan; it is not run. */
export type DistributeQueryInput = {
  /** The coordinating node; default the node of the backend the load balancer picks (the request is then routed through it). */
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  /** READ (default) or WRITE. */
  queryType?: InputMaybe<QueryType>;
  /** Shard-key values the query is limited to. */
  shardKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The statement, carried into the plan as given. */
  sql: Scalars['String']['input'];
  /** Plan with this strategy instead of the one in force. */
  strategy?: InputMaybe<ExecutionStrategy>;
  /** A token range the query is limited to. */
  tokenRange?: InputMaybe<TokenRangeInput>;
};

/** What a commit request achieved. */
export type DistributedCommitResult = {
  __typename?: 'DistributedCommitResult';
  /** True once COMMIT is durable (the commit point). */
  committed: Scalars['Boolean']['output'];
  /** Null while the votes are still being collected. */
  decision?: Maybe<TransactionDecision>;
  onePhase: Scalars['Boolean']['output'];
  transaction: DistributedTransaction;
  transactionId: Scalars['ID']['output'];
};

/** How a distributed plan reaches the shards. */
export type DistributedPlanKind =
  /** The WHERE holds for no row; nothing is sent. */
  | 'NO_SHARD'
  /** Several shards answer; the coordinator merges. */
  | 'SCATTER_GATHER'
  /** The WHERE pins one shard, which answers the query itself. */
  | 'SINGLE_SHARD';

/** A condition on a column outside the shard key (it filters rows, not shards). */
export type DistributedQueryCondition = {
  __typename?: 'DistributedQueryCondition';
  column: Scalars['String']['output'];
  op: Scalars['String']['output'];
  /** The value compared, or the values of IN. */
  value?: Maybe<Scalars['JSON']['output']>;
  values?: Maybe<Array<Scalars['JSON']['output']>>;
};

/** An executed distributed query (a kept plan) with the actual rows and time of every fragment. */
export type DistributedQueryExecution = {
  __typename?: 'DistributedQueryExecution';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  coordinatorNodeId: Scalars['ID']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  estimatedRows: Scalars['Int']['output'];
  fragments: Array<DistributedQueryFragmentRun>;
  kind: DistributedPlanKind;
  merge?: Maybe<Scalars['String']['output']>;
  query: Scalars['String']['output'];
  queryId: Scalars['ID']['output'];
  result?: Maybe<DistributedQueryResult>;
  rowsScanned: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: DistributedQueryStatus;
  table: Scalars['String']['output'];
  topNPerShard: Scalars['Boolean']['output'];
};

/** The part of the query one shard runs on its node, as planned. */
export type DistributedQueryFragment = {
  __typename?: 'DistributedQueryFragment';
  estimatedBytes: Scalars['Int']['output'];
  estimatedMs: Scalars['Int']['output'];
  estimatedRows: Scalars['Int']['output'];
  networkHops: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  shardIndex: Scalars['Int']['output'];
  shardName: Scalars['String']['output'];
  sql: Scalars['String']['output'];
};

/** A fragment as it ran: actual rows and time. */
export type DistributedQueryFragmentRun = {
  __typename?: 'DistributedQueryFragmentRun';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  elapsedMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  estimatedBytes: Scalars['Int']['output'];
  estimatedRows: Scalars['Int']['output'];
  networkHops: Scalars['Int']['output'];
  networkMs: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  rowsReturned: Scalars['Int']['output'];
  rowsScanned: Scalars['Int']['output'];
  scanMs: Scalars['Int']['output'];
  shardIndex: Scalars['Int']['output'];
  shardName: Scalars['String']['output'];
  sql: Scalars['String']['output'];
  status: DistributedQueryStatus;
};

/** Latency percentiles of the most recent ended queries, in cluster milliseconds. */
export type DistributedQueryLatency = {
  __typename?: 'DistributedQueryLatency';
  maxMs: Scalars['Int']['output'];
  meanMs: Scalars['Float']['output'];
  p50Ms: Scalars['Int']['output'];
  p95Ms: Scalars['Int']['output'];
  p99Ms: Scalars['Int']['output'];
  samples: Scalars['Int']['output'];
};

/** How the coordinator would run a query. */
export type DistributedQueryPlan = {
  __typename?: 'DistributedQueryPlan';
  /** The coordinating node. */
  coordinatorNodeId: Scalars['ID']['output'];
  /** Nodes taking part. */
  nodeIds: Array<Scalars['ID']['output']>;
  /** The phases, in order. */
  phases: Array<QueryPhase>;
  /** Shards pruned away. */
  prunedShards: Scalars['Int']['output'];
  /** READ or WRITE. */
  queryType: QueryType;
  /** Requests sent over the network. */
  remoteRequests: Scalars['Int']['output'];
  /** The statement as sent. */
  sql: Scalars['String']['output'];
  /** The strategy planned with. */
  strategy: ExecutionStrategy;
  /** Shards the query reaches. */
  targetShardIds: Array<Scalars['ID']['output']>;
  /** Shards in the cluster. */
  totalShards: Scalars['Int']['output'];
};

/** A distributed query's merged result. */
export type DistributedQueryResult = {
  __typename?: 'DistributedQueryResult';
  columns: Array<Scalars['String']['output']>;
  rowCount: Scalars['Int']['output'];
  /** One object per result row, keyed by column name, in the query's order. */
  rows: Array<Scalars['JSON']['output']>;
};

/** Which shards the WHERE clause selects, and why. */
export type DistributedQueryRoute = {
  __typename?: 'DistributedQueryRoute';
  levels: Array<DistributedQueryRouteLevel>;
  scatter: Scalars['Boolean']['output'];
  shardNames: Array<Scalars['String']['output']>;
  singleShard: Scalars['Boolean']['output'];
  unusedConditions: Array<DistributedQueryCondition>;
};

/** A level of the table's strategy: what the WHERE selected there, and why. */
export type DistributedQueryRouteLevel = {
  __typename?: 'DistributedQueryRouteLevel';
  keyColumns: Array<Scalars['String']['output']>;
  pruned: Scalars['Boolean']['output'];
  strategy: Scalars['String']['output'];
  why: Scalars['String']['output'];
};

/** Measured since the server started (GET /api/v1/cluster/query/statistics). */
export type DistributedQueryStatistics = {
  __typename?: 'DistributedQueryStatistics';
  fragmentsExecuted: Scalars['Int']['output'];
  keptPlans: Scalars['Int']['output'];
  latency?: Maybe<DistributedQueryLatency>;
  maxKeptPlans: Scalars['Int']['output'];
  noShardQueries: Scalars['Int']['output'];
  queriesCompleted: Scalars['Int']['output'];
  queriesFailed: Scalars['Int']['output'];
  queriesRunning: Scalars['Int']['output'];
  queriesStarted: Scalars['Int']['output'];
  rowsReturned: Scalars['Int']['output'];
  rowsScanned: Scalars['Int']['output'];
  scatterGatherQueries: Scalars['Int']['output'];
  singleShardPercent: Scalars['Float']['output'];
  singleShardQueries: Scalars['Int']['output'];
};

/** Where a distributed query stands. */
export type DistributedQueryStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'RUNNING';

/** A distributed transaction (two-phase commit with presumed abort). */
export type DistributedTransaction = {
  __typename?: 'DistributedTransaction';
  begunAt: Scalars['DateTime']['output'];
  /** For a heuristic outcome: the coordinator's decision was the other one. */
  contradictsDecision: Scalars['Boolean']['output'];
  coordinatorNodeId: Scalars['ID']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decision?: Maybe<TransactionDecision>;
  durationMs: Scalars['Int']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  forgottenAt?: Maybe<Scalars['DateTime']['output']>;
  inDoubtSince?: Maybe<Scalars['DateTime']['output']>;
  lockTimeoutMs: Scalars['Int']['output'];
  /** In one phase: a single participant committed from ACTIVE. */
  onePhase: Scalars['Boolean']['output'];
  participants: Array<TransactionParticipant>;
  prepareTimeoutMs: Scalars['Int']['output'];
  preparedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it aborted, or what an operator did, in words. */
  reason?: Maybe<Scalars['String']['output']>;
  state: DistributedTransactionState;
  timeoutMs: Scalars['Int']['output'];
  transactionId: Scalars['ID']['output'];
};

/**
 * A distributed transaction event (`distributed_transaction_*`): the fields of its payload, the
 * others null (`writes` for begun; `nodeId`, `vote` and `prepareLsn` for a vote; `onePhase` and
 * `durationMs` for committed and aborted; `decision` and `contradictsDecision` for heuristic).
 */
export type DistributedTransactionEvent = {
  __typename?: 'DistributedTransactionEvent';
  contradictsDecision?: Maybe<Scalars['Boolean']['output']>;
  coordinatorNodeId?: Maybe<Scalars['ID']['output']>;
  cursor: Scalars['BigInt']['output'];
  decision?: Maybe<TransactionDecision>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** The participant that voted. */
  nodeId?: Maybe<Scalars['ID']['output']>;
  nodeIds: Array<Scalars['ID']['output']>;
  onePhase?: Maybe<Scalars['Boolean']['output']>;
  prepareLsn?: Maybe<Scalars['String']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  state: DistributedTransactionState;
  time: Scalars['DateTime']['output'];
  transactionId: Scalars['ID']['output'];
  /** distributed_transaction_begun, _prepared, _committed, _aborted, _in_doubt, _heuristic or _forgotten. */
  type: Scalars['String']['output'];
  vote?: Maybe<ParticipantVote>;
  writes?: Maybe<Scalars['Int']['output']>;
};

export type DistributedTransactionSortField =
  | 'begunAt'
  | 'durationMs'
  | 'state'
  | 'transactionId';

/** Where a distributed transaction stands (see DistributedTransactionState in the OpenAPI document). */
export type DistributedTransactionState =
  /** Every participant rolled back and acknowledged. */
  | 'ABORTED'
  /** Rolled back; telling the participants. */
  | 'ABORTING'
  /** Begun; writes applied tentatively. */
  | 'ACTIVE'
  /** Every participant committed and acknowledged. */
  | 'COMMITTED'
  /** COMMIT logged; telling the participants. */
  | 'COMMITTING'
  /** An operator committed in-doubt participants, and every outcome agrees. */
  | 'HEURISTIC_COMMIT'
  /** Some participant's outcome cannot be known. */
  | 'HEURISTIC_HAZARD'
  /** Participants ended differently. */
  | 'HEURISTIC_MIXED'
  /** An operator rolled back in-doubt participants, and every outcome agrees. */
  | 'HEURISTIC_ROLLBACK'
  /** Prepared participants cannot learn the decision (coordinator down or cut off). */
  | 'IN_DOUBT'
  /** Every participant voted YES; no decision yet. */
  | 'PREPARED'
  /** PREPARE sent; collecting votes. */
  | 'PREPARING';

/** Two-phase commit, measured by the engine. */
export type DistributedTransactionStatistics = {
  __typename?: 'DistributedTransactionStatistics';
  aborted: Scalars['Int']['output'];
  active: Scalars['Int']['output'];
  begun: Scalars['Int']['output'];
  /** The decision to the last acknowledgement. */
  commitLatency: TransactionLatency;
  committed: Scalars['Int']['output'];
  heuristic: HeuristicCounts;
  inDoubt: Scalars['Int']['output'];
  /** When the latency windows began: the server's start (they are kept in memory; the counters are stored). */
  latencySince: Scalars['DateTime']['output'];
  lockWaitLatency: TransactionLatency;
  lockWaits: LockWaitCounts;
  onePhaseCommits: Scalars['Int']['output'];
  /** PREPARE sent to the last vote. */
  prepareLatency: TransactionLatency;
  prepared: Scalars['Int']['output'];
  /** Begin to the end. */
  totalLatency: TransactionLatency;
  votes: VoteCounts;
};

/** The fault a drill injects, as a simulation fault. */
export type DrillFaultType =
  /** Stops the node. */
  | 'crash'
  /** Cuts the node off from every other node and the control plane. */
  | 'partition';

/** Outcome of a failover drill. */
export type DrillStatus =
  /** It did not. */
  | 'FAILED'
  /** The drill met its bound. */
  | 'PASSED';

/** Global Enqueue Service locks now. */
export type EnqueueCounts = {
  __typename?: 'EnqueueCounts';
  converting: Scalars['Int']['output'];
  granted: Scalars['Int']['output'];
  waiting: Scalars['Int']['output'];
};

/** A Global Enqueue Service lock mode. */
export type EnqueueMode =
  | 'S'
  | 'X';

/** An event, in the same envelope as the WebSocket streams. */
export type Event = {
  __typename?: 'Event';
  /** Increases by one per event across the cluster; resume from the last one you saw. */
  cursor: Scalars['BigInt']['output'];
  id: Scalars['ID']['output'];
  /** Depends on `type`; the payload schemas are in the OpenAPI document (EventEnvelope). */
  payload: Scalars['JSON']['output'];
  /** The engine that emitted it. */
  source: Scalars['String']['output'];
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  type: Scalars['String']['output'];
};

/** How late the API server's event loop ran its timers in one interval (node's monitorEventLoopDelay), in milliseconds. */
export type EventLoopDelay = {
  __typename?: 'EventLoopDelay';
  maxMs: Scalars['Float']['output'];
  meanMs: Scalars['Float']['output'];
  p50Ms: Scalars['Float']['output'];
  p99Ms: Scalars['Float']['output'];
};

export type EventMetrics = {
  __typename?: 'EventMetrics';
  /** Cursor of the newest persisted event. */
  lastCursor: Scalars['BigInt']['output'];
};

/** A page of events. */
export type EventPage = {
  __typename?: 'EventPage';
  events: Array<Event>;
  /** Pass as `after` to read on. */
  nextCursor: Scalars['BigInt']['output'];
};

/** How the coordinator spreads a distributed query over the shards. */
export type ExecutionStrategy =
  /** Every reachable node once; the coordinator waits for every acknowledgement. */
  | 'BROADCAST'
  /** Local copies first, the rest remotely, then merged. */
  | 'LOCAL_FIRST'
  /** Only the shards owning the shard keys or token range. */
  | 'ROUTED'
  /** Every shard in parallel, results merged at the coordinator. */
  | 'SCATTER_GATHER';

/** The execution strategy now in force and the one it replaced. */
export type ExecutionStrategyChange = {
  __typename?: 'ExecutionStrategyChange';
  /** When it took effect. */
  changedAt: Scalars['DateTime']['output'];
  /** What the new strategy does. */
  description: Scalars['String']['output'];
  /** The strategy before. */
  previousStrategy: ExecutionStrategy;
  /** The strategy now. */
  strategy: ExecutionStrategy;
};

/** How the cluster replaces a failed leader. */
export type FailoverConfig = {
  __typename?: 'FailoverConfig';
  /** Whether a failed leader is replaced automatically (the cluster configuration's autoFailover). */
  autoFailover: Scalars['Boolean']['output'];
  /** Silence from the leader before a follower campaigns, in milliseconds (the cluster configuration's electionTimeoutMs). */
  detectionTimeoutMs: Scalars['Int']['output'];
  /** Longest a failover may run before it is recorded FAILED, in milliseconds. */
  failoverTimeoutMs: Scalars['Int']['output'];
  /** Automatic failovers allowed in any sliding hour; 0 means no limit. */
  maxFailoversPerHour: Scalars['Int']['output'];
  /** How split brain is prevented. */
  splitBrainPrevention: SplitBrainPrevention;
};

/** Failover settings to change; the others keep their values. */
export type FailoverConfigInput = {
  /** Whether a failed leader is replaced automatically. */
  autoFailover?: InputMaybe<Scalars['Boolean']['input']>;
  /** Silence from the leader before a follower campaigns, in milliseconds. */
  detectionTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  /** Longest a failover may run, in milliseconds. */
  failoverTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
  /** Automatic failovers allowed per sliding hour; 0 means no limit. */
  maxFailoversPerHour?: InputMaybe<Scalars['Int']['input']>;
  /** How split brain is prevented. */
  splitBrainPrevention?: InputMaybe<SplitBrainPrevention>;
};

/** A failover started or ended (events failover_initiated and failover_completed). */
export type FailoverEvent = {
  __typename?: 'FailoverEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** The failover as it stood at the event. */
  failover: FailoverResult;
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** failover_initiated or failover_completed. */
  type: Scalars['String']['output'];
};

/** A manual failover or switchover; every field is optional. */
export type FailoverInput = {
  /** SWITCHOVER or FAILOVER; default SWITCHOVER while the leader is healthy. */
  mode?: InputMaybe<FailoverMode>;
  /** Why, for the history and the audit log. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The voter that should lead next (leadership transfer); default the most up-to-date voter with the highest priority. */
  targetNodeId?: InputMaybe<Scalars['ID']['input']>;
  /** How long it may take before it is recorded FAILED, in milliseconds; default failoverTimeoutMs. */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** How a failover started. */
export type FailoverKind =
  /** The leader failed and the voters replaced it on their own. */
  | 'AUTOMATIC'
  /** A failover test faulted the leader. */
  | 'DRILL'
  /** An operator forced an election. */
  | 'MANUAL'
  /** An operator moved leadership from a live leader to another node. */
  | 'SWITCHOVER';

/** Failovers of each kind. */
export type FailoverKindCounts = {
  __typename?: 'FailoverKindCounts';
  /** Started by the cluster. */
  AUTOMATIC: Scalars['Int']['output'];
  /** Failover tests. */
  DRILL: Scalars['Int']['output'];
  /** Forced by an operator. */
  MANUAL: Scalars['Int']['output'];
  /** Graceful handovers. */
  SWITCHOVER: Scalars['Int']['output'];
};

/** How a manual failover replaces the leader. */
export type FailoverMode =
  /** The leader is deposed and the voters elect a new one. */
  | 'FAILOVER'
  /** Graceful leadership transfer from a live leader; no committed entry is lost. */
  | 'SWITCHOVER';

/** A service's failover policy. */
export type FailoverPolicy = {
  __typename?: 'FailoverPolicy';
  autoFailover: Scalars['Boolean']['output'];
  /** Move back to the preferred instances once healthy again. */
  failback: Scalars['Boolean']['output'];
  maxRetries: Scalars['Int']['output'];
  /** Regions to fail over to, first first. */
  priorityOrder: Array<Scalars['String']['output']>;
  timeoutMs: Scalars['BigInt']['output'];
};

export type FailoverPolicyInput = {
  autoFailover?: InputMaybe<Scalars['Boolean']['input']>;
  failback?: InputMaybe<Scalars['Boolean']['input']>;
  maxRetries?: InputMaybe<Scalars['Int']['input']>;
  priorityOrder?: InputMaybe<Array<Scalars['String']['input']>>;
  timeoutMs?: InputMaybe<Scalars['BigInt']['input']>;
};

/** One failover from initiation to its end. */
export type FailoverResult = {
  __typename?: 'FailoverResult';
  /** When it ended; null while in progress. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** completedAt − initiatedAt in milliseconds; null while in progress. */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** Id of the failover, failover-N. */
  failoverId: Scalars['ID']['output'];
  /** When it started. */
  initiatedAt: Scalars['DateTime']['output'];
  /** An API key id, or failure-detector for AUTOMATIC. */
  initiatedBy: Scalars['String']['output'];
  /** How it started. */
  kind: FailoverKind;
  /** The node elected; null until one is. */
  newLeaderId?: Maybe<Scalars['ID']['output']>;
  /** The new leader's term. */
  newTerm?: Maybe<Scalars['BigInt']['output']>;
  /** The leader when it started. */
  previousLeaderId?: Maybe<Scalars['ID']['output']>;
  /** The term when it started. */
  previousTerm: Scalars['BigInt']['output'];
  /** Why it started. */
  reason: Scalars['String']['output'];
  /** Where it stands. */
  status: FailoverStatus;
  /** The node asked to lead next, if any. */
  targetNodeId?: Maybe<Scalars['ID']['output']>;
  /** Its steps, oldest first. */
  timeline: Array<FailoverTimelineStep>;
};

/** Fields to sort the failover history by. */
export type FailoverSortField =
  | 'durationMs'
  | 'failoverId'
  | 'initiatedAt';

/** Counts and durations over the recorded failover history. */
export type FailoverStatistics = {
  __typename?: 'FailoverStatistics';
  /** AUTOMATIC failovers in the last hour of cluster time. */
  automaticFailoversLastHour: Scalars['Int']['output'];
  /** Mean duration of completed failovers, in milliseconds. */
  averageDurationMs?: Maybe<Scalars['Float']['output']>;
  /** By kind. */
  byKind: FailoverKindCounts;
  /** Those that elected a new leader. */
  completed: Scalars['Int']['output'];
  /** Those that timed out. */
  failed: Scalars['Int']['output'];
  /** 1 while a failover runs. */
  inProgress: Scalars['Int']['output'];
  /** When the latest failover started. */
  lastFailoverAt?: Maybe<Scalars['DateTime']['output']>;
  /** Longest duration, in milliseconds. */
  maxDurationMs?: Maybe<Scalars['Int']['output']>;
  /** Median duration, in milliseconds. */
  p50DurationMs?: Maybe<Scalars['Int']['output']>;
  /** 95th percentile duration, in milliseconds. */
  p95DurationMs?: Maybe<Scalars['Int']['output']>;
  /** Failovers in the history. */
  total: Scalars['Int']['output'];
};

/** Where a failover stands. */
export type FailoverStatus =
  /** A new leader was elected. */
  | 'COMPLETED'
  /** No new leader within the failover timeout. */
  | 'FAILED'
  /** No new leader yet. */
  | 'IN_PROGRESS';

/** A step of a failover's timeline. */
export type FailoverStepName =
  /** The failover ended with a new leader. */
  | 'COMPLETED'
  /** A voter became candidate. */
  | 'ELECTION_STARTED'
  /** The failover ended without one. */
  | 'FAILED'
  /** Requested, or the failure noticed. */
  | 'INITIATED'
  /** A leader was elected. */
  | 'LEADER_ELECTED'
  /** The old leader stepped down or was found unreachable. */
  | 'LEADER_LOST';

/** A failover drill; every field is optional. */
export type FailoverTestInput = {
  /** The fault to inject; default crash. */
  faultType?: InputMaybe<DrillFaultType>;
  /** Heal the fault when the drill ends (default true). */
  heal?: InputMaybe<Scalars['Boolean']['input']>;
  /** The bound, in milliseconds of cluster time; default failoverTimeoutMs. */
  maxDurationMs?: InputMaybe<Scalars['Int']['input']>;
  /** The node to fault; default the leader. */
  targetNodeId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a failover drill measured, on the cluster clock. */
export type FailoverTestResult = {
  __typename?: 'FailoverTestResult';
  /** When the failure was detected. */
  detectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** detectedAt − injectedAt, in milliseconds. */
  detectionTimeMs?: Maybe<Scalars['Int']['output']>;
  /** Id of the drill, drill-N. */
  drillId: Scalars['ID']['output'];
  /** When the new leader was elected. */
  electedAt?: Maybe<Scalars['DateTime']['output']>;
  /** electedAt − detectedAt, in milliseconds. */
  electionTimeMs?: Maybe<Scalars['Int']['output']>;
  /** The DRILL failover in the history; null for a follower target. */
  failoverId?: Maybe<Scalars['ID']['output']>;
  /** Id of the simulation fault. */
  faultId: Scalars['ID']['output'];
  /** The fault injected. */
  faultType: DrillFaultType;
  /** Whether the fault was healed before the answer. */
  healed: Scalars['Boolean']['output'];
  /** When the fault was healed. */
  healedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the fault was injected. */
  injectedAt: Scalars['DateTime']['output'];
  /** The bound. */
  maxDurationMs: Scalars['Int']['output'];
  /** The leader elected after the fault, if any. */
  newLeaderId?: Maybe<Scalars['ID']['output']>;
  /** Its term. */
  newTerm?: Maybe<Scalars['BigInt']['output']>;
  /** The leader when the drill started. */
  previousLeaderId?: Maybe<Scalars['ID']['output']>;
  /** The term when the drill started. */
  previousTerm: Scalars['BigInt']['output'];
  /** PASSED when within the bound. */
  status: DrillStatus;
  /** The faulted node. */
  targetNodeId: Scalars['ID']['output'];
  /** Whether it led when faulted. */
  targetWasLeader: Scalars['Boolean']['output'];
  /** Time without a leader (or to detection, for a follower target), in milliseconds. */
  totalTimeMs?: Maybe<Scalars['Int']['output']>;
  /** Whether totalTimeMs is within the bound. */
  withinBound: Scalars['Boolean']['output'];
};

/** One step of a failover, on the cluster clock. */
export type FailoverTimelineStep = {
  __typename?: 'FailoverTimelineStep';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** What happened, in words. */
  detail: Scalars['String']['output'];
  /** The node it is about, if any. */
  nodeId?: Maybe<Scalars['ID']['output']>;
  /** What happened. */
  step: FailoverStepName;
  /** The Raft term of the step, if any. */
  term?: Maybe<Scalars['BigInt']['output']>;
};

/** An active fault; it lasts until healed. */
export type Fault = {
  __typename?: 'Fault';
  createdAt: Scalars['DateTime']['output'];
  groups: Array<Array<Scalars['ID']['output']>>;
  id: Scalars['ID']['output'];
  ms?: Maybe<Scalars['Int']['output']>;
  nodes: Array<Scalars['ID']['output']>;
  rate?: Maybe<Scalars['Float']['output']>;
  type: FaultType;
};

export type FaultInput = {
  groups?: InputMaybe<Array<Array<Scalars['ID']['input']>>>;
  ms?: InputMaybe<Scalars['Int']['input']>;
  nodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  rate?: InputMaybe<Scalars['Float']['input']>;
  type: FaultType;
};

/** Kinds of fault the simulation can inject. */
export type FaultType =
  | 'crash'
  | 'latency'
  | 'loss'
  | 'partition';

/** What a flush did. */
export type FlushResult = {
  __typename?: 'FlushResult';
  blocksInvalidated: Scalars['Int']['output'];
  blocksWritten: Scalars['Int']['output'];
  bytesWritten: Scalars['BigInt']['output'];
  flushedAt: Scalars['DateTime']['output'];
  instanceIds: Array<Scalars['ID']['output']>;
  pastImagesDiscarded: Scalars['Int']['output'];
  scn: Scalars['BigInt']['output'];
};

/** Failovers counted over the services. */
export type GdsFailoverCounts = {
  __typename?: 'GdsFailoverCounts';
  completed: Scalars['Int']['output'];
  failbacks: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  inProgress: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** One service's routing statistics. */
export type GdsServiceStatistics = {
  __typename?: 'GdsServiceStatistics';
  name: Scalars['String']['output'];
  routing: ServiceRoutingCounts;
  state: ServiceState;
};

/** Global data services statistics. */
export type GdsStatistics = {
  __typename?: 'GdsStatistics';
  failovers: GdsFailoverCounts;
  routed: Scalars['BigInt']['output'];
  services: Array<GdsServiceStatistics>;
  servicesByState: Scalars['JSON']['output'];
  totalServices: Scalars['Int']['output'];
  unrouted: Scalars['BigInt']['output'];
};

export type GeoDatacenter = {
  __typename?: 'GeoDatacenter';
  createdAt: Scalars['DateTime']['output'];
  datacenterId: Scalars['ID']['output'];
  links: Array<WanLink>;
  location: GeoLocation;
  name: Scalars['String']['output'];
  nodeIds: Array<Scalars['String']['output']>;
  nodes: Array<DatacenterNode>;
  region: Scalars['String']['output'];
  writableNodeId?: Maybe<Scalars['String']['output']>;
};

export type GeoDatacenterInput = {
  datacenterId?: InputMaybe<Scalars['String']['input']>;
  location: GeoLocationInput;
  name: Scalars['String']['input'];
  nodeIds: Array<Scalars['String']['input']>;
  region: Scalars['String']['input'];
  wanLinks?: InputMaybe<Array<WanLinkSettingInput>>;
};

export type GeoLagCell = {
  __typename?: 'GeoLagCell';
  lagMs?: Maybe<Scalars['BigInt']['output']>;
  lagOperations?: Maybe<Scalars['Int']['output']>;
  sourceDatacenterId: Scalars['String']['output'];
  streamId?: Maybe<Scalars['String']['output']>;
  targetDatacenterId: Scalars['String']['output'];
};

export type GeoLocation = {
  __typename?: 'GeoLocation';
  city: Scalars['String']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type GeoLocationInput = {
  city: Scalars['String']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

export type GeoReplicationStatistics = {
  __typename?: 'GeoReplicationStatistics';
  applyErrors: Scalars['Int']['output'];
  compressedBytes: Scalars['BigInt']['output'];
  compressionCpuMicrosPerMegabyte?: Maybe<Scalars['Float']['output']>;
  compressionRatio?: Maybe<Scalars['Float']['output']>;
  datacenterCount: Scalars['Int']['output'];
  lagMatrix: Array<GeoLagCell>;
  links: Array<WanLink>;
  maxLagMs: Scalars['BigInt']['output'];
  operationsApplied: Scalars['Int']['output'];
  rawBytes: Scalars['BigInt']['output'];
  retransmits: Scalars['Int']['output'];
  streamCount: Scalars['Int']['output'];
  streamsByState: GeoStreamsByState;
};

export type GeoStream = {
  __typename?: 'GeoStream';
  acknowledgedLsn: Scalars['String']['output'];
  appliedLsn: Scalars['String']['output'];
  applyErrors: Scalars['Int']['output'];
  batchesShipped: Scalars['Int']['output'];
  compressedBytes: Scalars['BigInt']['output'];
  compressionCpuMicrosPerMegabyte?: Maybe<Scalars['Float']['output']>;
  compressionRatio?: Maybe<Scalars['Float']['output']>;
  confirmedLsn: Scalars['String']['output'];
  consistencyLevel: ConsistencyLevel;
  createdAt: Scalars['DateTime']['output'];
  forecasts: Array<ConsistencyForecast>;
  lagBytes: Scalars['BigInt']['output'];
  lagMs: Scalars['BigInt']['output'];
  lagOperations: Scalars['Int']['output'];
  lastAckLatencyMs?: Maybe<Scalars['BigInt']['output']>;
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<Scalars['String']['output']>;
  levelHistory: Array<LevelChange>;
  maxAckLatencyMs?: Maybe<Scalars['BigInt']['output']>;
  operationsApplied: Scalars['Int']['output'];
  rawBytes: Scalars['BigInt']['output'];
  retransmits: Scalars['Int']['output'];
  skippedDeletes: Scalars['Int']['output'];
  sourceDatacenterId: Scalars['String']['output'];
  sourceLsn: Scalars['String']['output'];
  sourceNodeId: Scalars['String']['output'];
  state: GeoStreamState;
  stateReason?: Maybe<Scalars['String']['output']>;
  streamId: Scalars['ID']['output'];
  targetDatacenterId: Scalars['String']['output'];
  targetNodeId: Scalars['String']['output'];
  transactionsApplied: Scalars['Int']['output'];
  unacknowledgedOperations: Scalars['Int']['output'];
  waitingFor: Array<Scalars['String']['output']>;
};

export type GeoStreamInput = {
  consistencyLevel?: InputMaybe<ConsistencyLevel>;
  sourceDatacenterId: Scalars['String']['input'];
  targetDatacenterId: Scalars['String']['input'];
};

/** A geo stream's state. */
export type GeoStreamState =
  | 'BROKEN'
  | 'CATCHING_UP'
  | 'DISCONNECTED'
  | 'STREAMING';

export type GeoStreamsByState = {
  __typename?: 'GeoStreamsByState';
  BROKEN: Scalars['Int']['output'];
  CATCHING_UP: Scalars['Int']['output'];
  DISCONNECTED: Scalars['Int']['output'];
  STREAMING: Scalars['Int']['output'];
};

/** A global service. */
export type GlobalService = {
  __typename?: 'GlobalService';
  adminState: ServiceAdminState;
  createdAt: Scalars['DateTime']['output'];
  databaseRole: ServiceDatabaseRole;
  failoverPolicy: FailoverPolicy;
  failovers: Array<ServiceFailover>;
  lagToleranceMs?: Maybe<Scalars['BigInt']['output']>;
  loadBalancing: GlobalServiceLoadBalancing;
  locality: ServiceLocality;
  name: Scalars['String']['output'];
  regionFailover: Scalars['Boolean']['output'];
  regions: Array<ServiceRegion>;
  routing: ServiceRoutingCounts;
  state: ServiceState;
  stateReason: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A service's health. */
export type GlobalServiceHealth = {
  __typename?: 'GlobalServiceHealth';
  name: Scalars['String']['output'];
  regions: Array<ServiceRegionHealth>;
  state: ServiceState;
  stateReason: Scalars['String']['output'];
};

export type GlobalServiceInput = {
  databaseRole?: InputMaybe<ServiceDatabaseRole>;
  failoverPolicy?: InputMaybe<FailoverPolicyInput>;
  lagToleranceMs?: InputMaybe<Scalars['BigInt']['input']>;
  loadBalancing?: InputMaybe<GlobalServiceLoadBalancing>;
  locality?: InputMaybe<ServiceLocality>;
  name: Scalars['String']['input'];
  regionFailover?: InputMaybe<Scalars['Boolean']['input']>;
  regions?: InputMaybe<Array<ServiceRegionInput>>;
};

/** How a service's connections pick an instance (the load balancer's strategies and LOCALITY_AWARE). */
export type GlobalServiceLoadBalancing =
  | 'LEAST_CONNECTIONS'
  | 'LEAST_LATENCY'
  | 'LOCALITY_AWARE'
  | 'ROUND_ROBIN'
  | 'WEIGHTED';

export type GlobalServiceUpdateInput = {
  adminState?: InputMaybe<ServiceAdminState>;
  databaseRole?: InputMaybe<ServiceDatabaseRole>;
  failoverPolicy?: InputMaybe<FailoverPolicyInput>;
  lagToleranceMs?: InputMaybe<Scalars['BigInt']['input']>;
  loadBalancing?: InputMaybe<GlobalServiceLoadBalancing>;
  locality?: InputMaybe<ServiceLocality>;
  regionFailover?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A join in progress. */
export type GossipJoin = {
  __typename?: 'GossipJoin';
  /** Join requests sent so far. */
  attempts: Scalars['Int']['output'];
  /** Seeds tried in turn. */
  seeds: Array<Scalars['String']['output']>;
};

/** The probe of a protocol period. */
export type GossipProbe = {
  __typename?: 'GossipProbe';
  /** Members asked to probe indirectly. */
  helpers: Array<Scalars['String']['output']>;
  /** Where the probe stands. */
  phase: ProbePhase;
  /** Sequence number of the ping. */
  seq: Scalars['BigInt']['output'];
  /** When the ping was sent. */
  startedAt: Scalars['DateTime']['output'];
  /** The member probed. */
  targetId: Scalars['ID']['output'];
};

/** The gossip protocol as it runs. */
export type GossipState = {
  __typename?: 'GossipState';
  /** Members in the group, over all pages. */
  memberCount: Scalars['Int']['output'];
  /** The page of members' protocol state. */
  members: Array<MemberGossip>;
  /** When the next period starts. */
  nextPeriodAt: Scalars['DateTime']['output'];
  /** Wait for a direct ack, in milliseconds. */
  pingTimeoutMs: Scalars['Int']['output'];
  /** Protocol periods the group has run. */
  protocolPeriod: Scalars['BigInt']['output'];
  /** Length of a protocol period, in milliseconds. */
  protocolPeriodMs: Scalars['Int']['output'];
  /** Counters summed over every member. */
  totals: SwimCounters;
};

/** The instance that accesses a resource most. */
export type GrdAffinity = {
  __typename?: 'GrdAffinity';
  aboveThreshold: Scalars['Boolean']['output'];
  accesses: Scalars['Int']['output'];
  affinityPercent: Scalars['Float']['output'];
  instanceId: Scalars['ID']['output'];
  masterInstance: Scalars['ID']['output'];
  resourceId: Scalars['ID']['output'];
  resourceType: GrdResourceType;
  totalAccesses: Scalars['Int']['output'];
};

export type GrdAffinitySortField =
  | 'accesses'
  | 'affinityPercent'
  | 'resourceId';

/** An instance holding a resource in S or X. */
export type GrdHolder = {
  __typename?: 'GrdHolder';
  instanceId: Scalars['ID']['output'];
  /** S or X. */
  mode: Scalars['String']['output'];
};

/** The resources one instance masters. */
export type GrdMasterShare = {
  __typename?: 'GrdMasterShare';
  blockResources: Scalars['Int']['output'];
  enqueueResources: Scalars['Int']['output'];
  instanceId: Scalars['ID']['output'];
  resources: Scalars['Int']['output'];
  sharePercent: Scalars['Float']['output'];
  status: RacInstanceStatus;
};

/** A resource of the directory. */
export type GrdResource = {
  __typename?: 'GrdResource';
  accesses: Scalars['Int']['output'];
  /** Recent accesses by instance id. */
  accessesByInstance: Scalars['JSON']['output'];
  frozen: Scalars['Boolean']['output'];
  hashMaster: Scalars['ID']['output'];
  holders: Array<GrdHolder>;
  lastRemasteredAt?: Maybe<Scalars['DateTime']['output']>;
  masterInstance: Scalars['ID']['output'];
  remasterCount: Scalars['Int']['output'];
  resourceId: Scalars['ID']['output'];
  resourceType: GrdResourceType;
  waiting: Scalars['Int']['output'];
};

export type GrdResourceSortField =
  | 'accesses'
  | 'remasterCount'
  | 'resourceId'
  | 'waiting';

/** The kind of a GRD resource. */
export type GrdResourceType =
  /** A Cache Fusion block (`file:block`). */
  | 'BLOCK'
  /** A table enqueue (`TM:<table>`). */
  | 'TM'
  /** A row enqueue (`TX:<table>:<rowKey>`). */
  | 'TX';

/** Global Resource Directory counters. */
export type GrdStats = {
  __typename?: 'GrdStats';
  affinityUpdates: Scalars['BigInt']['output'];
  avgRemasterLatencyMs: Scalars['BigInt']['output'];
  loadBalances: Scalars['BigInt']['output'];
  /** Resources each instance masters, by instance id. */
  resourcesPerMaster: Scalars['JSON']['output'];
  totalRemasters: Scalars['BigInt']['output'];
  totalResources: Scalars['BigInt']['output'];
};

/** Who masters what. */
export type GrdTopology = {
  __typename?: 'GrdTopology';
  affinityThreshold: Scalars['Float']['output'];
  frozenResources: Scalars['Int']['output'];
  masters: Array<GrdMasterShare>;
  remasteredResources: Scalars['Int']['output'];
  statistics: GrdStats;
  totalResources: Scalars['Int']['output'];
};

/** A conflict between two concurrent writes of one row in a replication group. */
export type GroupConflict = {
  __typename?: 'GroupConflict';
  appliedSiteIds: Array<Scalars['String']['output']>;
  /** The row both writes were made on; null when it did not exist or is unknown. */
  base?: Maybe<Scalars['JSON']['output']>;
  conflictId: Scalars['ID']['output'];
  conflictType: ConflictType;
  context: ConflictResolutionContext;
  detectedAt: Scalars['DateTime']['output'];
  groupId: Scalars['ID']['output'];
  groupKind: Scalars['String']['output'];
  local: ConflictVersion;
  reason: Scalars['String']['output'];
  remote: ConflictVersion;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  resolvedBy?: Maybe<Scalars['String']['output']>;
  resolvedRow?: Maybe<Scalars['JSON']['output']>;
  rowKey: Scalars['String']['output'];
  siblings: Array<ConflictVersion>;
  status: GroupConflictStatus;
  strategy: GroupConflictStrategy;
  tableName: Scalars['String']['output'];
  winner?: Maybe<GroupConflictWinner>;
};

/** A resolved conflict and its explanation. */
export type GroupConflictResolution = {
  __typename?: 'GroupConflictResolution';
  conflict: GroupConflict;
  explanation: ConflictExplanation;
};

/** RESOLVED is final; PENDING waits for a row (CUSTOM); SIBLINGS keeps both versions (MULTI_VALUE). */
export type GroupConflictStatus =
  | 'PENDING'
  | 'RESOLVED'
  | 'SIBLINGS';

/** How a group conflict is resolved (see GroupConflictStrategy in the OpenAPI document). */
export type GroupConflictStrategy =
  /** Each column both sides changed merges by its CRDT. */
  | 'CRDT_PER_COLUMN'
  /** The row the operator gives. */
  | 'CUSTOM'
  /** The later write; ties to the higher site id. */
  | 'LAST_WRITER_WINS'
  /** Both versions kept as siblings until a resolution picks. */
  | 'MULTI_VALUE'
  /** The site ranked first in the group's site priority. */
  | 'SITE_PRIORITY';

/** Which version a resolution kept. */
export type GroupConflictWinner =
  | 'CUSTOM'
  | 'LOCAL'
  | 'MERGED'
  | 'REMOTE'
  | 'SIBLINGS';

/** The hash of a HASH strategy (see ShardHashFunction in the OpenAPI document). */
export type HashFunction =
  /** Shards on a consistent-hash ring (64 vnodes each): adding a shard moves about 1/n of the keys. */
  | 'CONSISTENT'
  /** The coordinator's function: MurmurHash3 seed 0, fixed by name. */
  | 'DEFAULT'
  /** FNV-1a 32-bit. */
  | 'FNV'
  /** MurmurHash3 x86_32, seed 0. */
  | 'MURMUR3';

/** Hash of keys and vnodes to tokens. */
export type HashFunctionName =
  /** FNV-1a 32-bit. */
  | 'FNV1A'
  /** MurmurHash3 x86 32-bit, seeded. */
  | 'MURMUR3';

/** Why a key went to a bucket of a HASH level. */
export type HashRouteReason = {
  __typename?: 'HashRouteReason';
  bucket: Scalars['Int']['output'];
  hashFunction: HashFunction;
  /** Unsigned 32-bit hash of the key text. */
  hashValue: Scalars['BigInt']['output'];
  keyColumns: Array<Scalars['String']['output']>;
  /** The text hashed. */
  keyText: Scalars['String']['output'];
  strategy: ShardingStrategyType;
  /** null for CONSISTENT. */
  tokenRange?: Maybe<ShardTokenRange>;
  /** CONSISTENT only: the owning vnode's token. */
  vnodeToken?: Maybe<Scalars['BigInt']['output']>;
};

/** Shards by the hash of the key columns' values. */
export type HashSharding = {
  __typename?: 'HashSharding';
  hashFunction: HashFunction;
  /** The columns hashed. */
  keyColumns: Array<Scalars['String']['output']>;
  numShards: Scalars['Int']['output'];
};

export type HealthCheck = {
  __typename?: 'HealthCheck';
  message: Scalars['String']['output'];
  name: Scalars['String']['output'];
  status: HealthStatus;
};

/** Outcome of a health check. */
export type HealthCheckOutcome =
  /** Failing. */
  | 'FAIL'
  /** Fine. */
  | 'PASS'
  /** The margin is eroding. */
  | 'WARN';

/** The part of the cluster an issue concerns. */
export type HealthComponent =
  /** Leadership. */
  | 'CONSENSUS'
  /** One node. */
  | 'NODE'
  /** Quorum and its margin. */
  | 'QUORUM';

/** A problem the health monitor detected, with its lifetime. */
export type HealthIssue = {
  __typename?: 'HealthIssue';
  /** Nodes involved. */
  affectedNodes: Array<Scalars['String']['output']>;
  /** The part of the cluster it concerns. */
  component: HealthComponent;
  /** When it was first seen (cluster clock). */
  detectedAt: Scalars['DateTime']['output'];
  /** Id of the issue, issue-N. */
  id: Scalars['ID']['output'];
  /** What is wrong, in words. */
  message: Scalars['String']['output'];
  /** The node a NODE issue is about; null otherwise. */
  nodeId?: Maybe<Scalars['ID']['output']>;
  /** Whether it has been resolved. */
  resolved: Scalars['Boolean']['output'];
  /** When it was resolved; null while open. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How bad it is. */
  severity: IssueSeverity;
  /** What it is: one of the HealthIssueType values. */
  type: Scalars['String']['output'];
  /** When its severity, message or affected nodes last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Fields to sort health issues by. */
export type HealthIssueSortField =
  | 'detectedAt'
  | 'id'
  | 'resolvedAt'
  | 'severity'
  | 'updatedAt';

/** What a health issue is. */
export type HealthIssueType =
  /** A node is DOWN. */
  | 'NODE_DOWN'
  /** A node is RECOVERING. */
  | 'NODE_RECOVERING'
  /** A node is SUSPECTED. */
  | 'NODE_SUSPECTED'
  /** One more voter failure loses quorum. */
  | 'NO_FAILURE_TOLERANCE'
  /** No consensus leader. */
  | 'NO_LEADER'
  /** Fewer healthy voters than the quorum. */
  | 'QUORUM_LOST';

/** The leader, as the health monitor sees it. */
export type HealthLeader = {
  __typename?: 'HealthLeader';
  /** The leader; null while there is none. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** When the leader was elected. */
  leaderSince?: Maybe<Scalars['DateTime']['output']>;
  /** The highest Raft term seen. */
  term: Scalars['BigInt']['output'];
};

export type HealthProbe =
  | 'FULL'
  | 'LIVENESS'
  | 'READINESS'
  | 'STARTUP';

export type HealthReport = {
  __typename?: 'HealthReport';
  checks: Array<HealthCheck>;
  startedAt: Scalars['DateTime']['output'];
  status: HealthStatus;
  uptimeSeconds: Scalars['Int']['output'];
  version: Scalars['String']['output'];
};

/** The cluster's health at one instant; recorded whenever one of these values changes. */
export type HealthSample = {
  __typename?: 'HealthSample';
  /** When the values took effect. */
  at: Scalars['DateTime']['output'];
  /** Nodes DOWN. */
  downNodes: Scalars['Int']['output'];
  /** More voters that could fail before quorum was lost. */
  failureTolerance: Scalars['Int']['output'];
  /** Whether quorum held. */
  hasQuorum: Scalars['Boolean']['output'];
  /** Nodes HEALTHY or RECOVERING. */
  healthyNodes: Scalars['Int']['output'];
  /** The leader. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** Issues open. */
  openIssues: Scalars['Int']['output'];
  /** The cluster's condition. */
  state: ClusterState;
  /** Nodes SUSPECTED. */
  suspectedNodes: Scalars['Int']['output'];
  /** Nodes in the cluster. */
  totalNodes: Scalars['Int']['output'];
};

export type HealthStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'UP';

/** A row lock a participant of an in-doubt transaction holds. */
export type HeldLock = {
  __typename?: 'HeldLock';
  key: Scalars['String']['output'];
  nodeId: Scalars['ID']['output'];
  table: Scalars['String']['output'];
};

/** Heuristic outcomes recorded, by kind, and those forgotten. */
export type HeuristicCounts = {
  __typename?: 'HeuristicCounts';
  commit: Scalars['Int']['output'];
  forgotten: Scalars['Int']['output'];
  hazard: Scalars['Int']['output'];
  mixed: Scalars['Int']['output'];
  rollback: Scalars['Int']['output'];
};

/** An operator's resolution of an in-doubt transaction. */
export type HeuristicDecision =
  | 'COMMIT'
  | 'ROLLBACK';

/** A heuristic outcome. */
export type HeuristicOutcome =
  | 'HEURISTIC_COMMIT'
  | 'HEURISTIC_HAZARD'
  | 'HEURISTIC_MIXED'
  | 'HEURISTIC_ROLLBACK';

/** What a heuristic resolution did, or what its dry run would do. */
export type InDoubtResolution = {
  __typename?: 'InDoubtResolution';
  contradictsCoordinator: Scalars['Boolean']['output'];
  coordinatorLog?: Maybe<TransactionDecision>;
  dryRun: Scalars['Boolean']['output'];
  outcome: HeuristicDecision;
  participants: Array<ParticipantResolution>;
  resultingState: DistributedTransactionState;
  transaction: DistributedTransaction;
  transactionId: Scalars['ID']['output'];
};

/** A transaction some prepared participants are in doubt about. */
export type InDoubtTransaction = {
  __typename?: 'InDoubtTransaction';
  /** Since its first PREPARE record. */
  ageMs: Scalars['Int']['output'];
  /** COMMIT when the coordinator's log holds it; null when it holds nothing (abort is presumed). */
  coordinatorLog?: Maybe<TransactionDecision>;
  coordinatorNodeId: Scalars['ID']['output'];
  coordinatorReachable: Scalars['Boolean']['output'];
  inDoubtMs: Scalars['Int']['output'];
  locks: Array<HeldLock>;
  oldestXmin?: Maybe<Scalars['BigInt']['output']>;
  transaction: DistributedTransaction;
  transactionId: Scalars['ID']['output'];
};

export type InDoubtTransactionSortField =
  | 'ageMs'
  | 'inDoubtMs'
  | 'transactionId';

/** Initial health of a new backend. */
export type InitialBackendHealth =
  /** Registered without traffic. */
  | 'DRAINING'
  /** Takes connections at once. */
  | 'HEALTHY';

/** GDSCTL -preferred or -available. */
export type InstancePreference =
  | 'AVAILABLE'
  | 'PREFERRED';

/** One recovery of a dead instance by a survivor. */
export type InstanceRecovery = {
  __typename?: 'InstanceRecovery';
  blocksRecovered: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  failedInstance: Scalars['ID']['output'];
  locksReleased: Scalars['Int']['output'];
  phase: RecoveryPhase;
  phases: Array<RecoveryPhaseTiming>;
  recoveringInstance: Scalars['ID']['output'];
  recoveryId: Scalars['ID']['output'];
  redoBytesApplied: Scalars['BigInt']['output'];
  redoBytesTotal: Scalars['BigInt']['output'];
  redoRecordsApplied: Scalars['BigInt']['output'];
  resourcesRemastered: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  trigger: RecoveryTrigger;
};

/** An instance's database role, from replication. */
export type InstanceRole =
  | 'PRIMARY'
  | 'REPLICA'
  | 'STANDBY';

/** One instance as its peers hear it. */
export type InterconnectInstanceStatus = {
  __typename?: 'InterconnectInstanceStatus';
  instanceId: Scalars['ID']['output'];
  lastHeartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  missedHeartbeats: Scalars['Int']['output'];
  reachable: Array<Scalars['ID']['output']>;
  status: RacInstanceStatus;
  suspected: Scalars['Boolean']['output'];
};

/** The latency matrix: `matrixUs[i][j]` from instanceIds[i] to instanceIds[j], null on the diagonal and for silent pairs. */
export type InterconnectLatency = {
  __typename?: 'InterconnectLatency';
  instanceIds: Array<Scalars['ID']['output']>;
  matrixUs: Array<Array<Maybe<Scalars['Int']['output']>>>;
  pairs: Array<InterconnectLatencyPair>;
};

/** Measured one-way latency of one ordered pair (null when nothing was delivered). */
export type InterconnectLatencyPair = {
  __typename?: 'InterconnectLatencyPair';
  avgLatencyUs?: Maybe<Scalars['Int']['output']>;
  fromInstance: Scalars['ID']['output'];
  maxLatencyUs?: Maybe<Scalars['Int']['output']>;
  minLatencyUs?: Maybe<Scalars['Int']['output']>;
  samples: Scalars['BigInt']['output'];
  toInstance: Scalars['ID']['output'];
};

/** What one instance sent another. */
export type InterconnectPairStats = {
  __typename?: 'InterconnectPairStats';
  bytes: Scalars['BigInt']['output'];
  failedSends: Scalars['BigInt']['output'];
  fromInstance: Scalars['ID']['output'];
  messages: Scalars['BigInt']['output'];
  toInstance: Scalars['ID']['output'];
};

/** Interconnect health. */
export type InterconnectState =
  | 'DEGRADED'
  | 'HEALTHY'
  | 'PARTITIONED';

/** Interconnect counters, from the messages sent on the simulated network. */
export type InterconnectStats = {
  __typename?: 'InterconnectStats';
  avgMessageLatencyUs: Scalars['BigInt']['output'];
  avgThroughputMbps: Scalars['Float']['output'];
  bytesReceived: Scalars['BigInt']['output'];
  bytesSent: Scalars['BigInt']['output'];
  failedSends: Scalars['BigInt']['output'];
  heartbeatFailures: Scalars['BigInt']['output'];
  messagesReceived: Scalars['BigInt']['output'];
  messagesSent: Scalars['BigInt']['output'];
  pairs: Array<InterconnectPairStats>;
};

/** Interconnect health, heartbeats and split-brain. */
export type InterconnectStatus = {
  __typename?: 'InterconnectStatus';
  evictedInstances: Array<Scalars['ID']['output']>;
  heartbeatIntervalMs: Scalars['Int']['output'];
  instances: Array<InterconnectInstanceStatus>;
  lastSplitBrainAt?: Maybe<Scalars['DateTime']['output']>;
  missedHeartbeatsToEvict: Scalars['Int']['output'];
  quorumPercentage: Scalars['Float']['output'];
  splitBrainDetected: Scalars['Boolean']['output'];
  state: InterconnectState;
};

/** How bad an issue is. */
export type IssueSeverity =
  /** Writes or leadership are stopped. */
  | 'CRITICAL'
  /** A node is lost. */
  | 'ERROR'
  /** A transition worth knowing. */
  | 'INFO'
  /** The margin is eroding. */
  | 'WARNING';

/** A cluster node to join (back) to the gossip group. */
export type JoinMemberInput = {
  /** The joining member's id, a cluster node's id. */
  memberId: Scalars['ID']['input'];
  /** Its metadata. */
  metadata: MemberMetadataInput;
  /** The active member to join through; default up to maxJoinSeeds active members. */
  seedId?: InputMaybe<Scalars['ID']['input']>;
};

/** A key range of a sharded table's shard key. */
export type KeyRange = {
  __typename?: 'KeyRange';
  fromKey?: Maybe<Scalars['JSON']['output']>;
  table: Scalars['String']['output'];
  toKey?: Maybe<Scalars['JSON']['output']>;
};

/** A key range to migrate. */
export type KeyRangeInput = {
  fromKey?: InputMaybe<Scalars['JSON']['input']>;
  table: Scalars['String']['input'];
  toKey?: InputMaybe<Scalars['JSON']['input']>;
};

/** The one shard of a key, and why. */
export type KeyRoute = {
  __typename?: 'KeyRoute';
  reasons: Array<RouteReason>;
  shardName: Scalars['String']['output'];
  shardNumber: Scalars['Int']['output'];
};

/** Latency percentiles of the requests answered in one interval, in milliseconds (null when none was answered). */
export type LatencyPercentiles = {
  __typename?: 'LatencyPercentiles';
  maxMs?: Maybe<Scalars['Float']['output']>;
  p50Ms?: Maybe<Scalars['Float']['output']>;
  p90Ms?: Maybe<Scalars['Float']['output']>;
  p99Ms?: Maybe<Scalars['Float']['output']>;
};

/** A node won a Raft election (event leader_elected). */
export type LeaderElectionEvent = {
  __typename?: 'LeaderElectionEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** From the start of its campaign to its win, in milliseconds of cluster time. */
  electionDurationMs: Scalars['Int']['output'];
  /** The new leader. */
  leaderId: Scalars['ID']['output'];
  /** The leader of the previous term, if known. */
  previousLeaderId?: Maybe<Scalars['ID']['output']>;
  /** The term it leads. */
  term: Scalars['BigInt']['output'];
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** Voters in the configuration. */
  voters: Scalars['Int']['output'];
  /** Votes it received, its own included. */
  votesReceived: Scalars['Int']['output'];
};

export type LevelChange = {
  __typename?: 'LevelChange';
  changedAt: Scalars['DateTime']['output'];
  fromLsn: Scalars['String']['output'];
  level: ConsistencyLevel;
};

/** Which buckets of one level a predicate can touch, and why. */
export type LevelSelection = {
  __typename?: 'LevelSelection';
  buckets: Array<Scalars['Int']['output']>;
  keyColumns: Array<Scalars['String']['output']>;
  matches: Array<RouteReason>;
  pruned: Scalars['Boolean']['output'];
  strategy: ShardingStrategyType;
  why: Scalars['String']['output'];
};

/** The values of one key column a shard takes. */
export type ListDefinition = {
  __typename?: 'ListDefinition';
  values: Array<Scalars['JSON']['output']>;
};

export type ListDefinitionInput = {
  values: Array<Scalars['JSON']['input']>;
};

/** Why a value went to a bucket of a LIST level. */
export type ListRouteReason = {
  __typename?: 'ListRouteReason';
  bucket: Scalars['Int']['output'];
  keyColumn: Scalars['String']['output'];
  /** null when the default shard took it. */
  listIndex?: Maybe<Scalars['Int']['output']>;
  strategy: ShardingStrategyType;
  value: Scalars['JSON']['output'];
};

/** Shards by lists of values of one column; with defaultShard one more shard takes the rest. */
export type ListSharding = {
  __typename?: 'ListSharding';
  defaultShard: Scalars['Boolean']['output'];
  keyColumns: Array<Scalars['String']['output']>;
  lists: Array<ListDefinition>;
};

/** A backend the load balancer sends connections to. */
export type LoadBalancerBackend = {
  __typename?: 'LoadBalancerBackend';
  /** Connections open to it. */
  activeConnections: Scalars['Int']['output'];
  /** host:port connections go to. */
  address: Scalars['String']['output'];
  /** Mean latency, in milliseconds. */
  averageLatencyMs?: Maybe<Scalars['Float']['output']>;
  /** Id of the backend. */
  backendId: Scalars['ID']['output'];
  /** Connections released with an outcome. */
  completedRequests: Scalars['BigInt']['output'];
  /** Connections released with ERROR. */
  errors: Scalars['BigInt']['output'];
  /** Its health. */
  health: BackendHealth;
  /** When a connection last went to it. */
  lastSelectedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Moving average of latency, in milliseconds. */
  latencyEwmaMs?: Maybe<Scalars['Float']['output']>;
  /** Connections it takes at once. */
  maxConnections: Scalars['Int']['output'];
  /** The cluster node behind it, if any. */
  nodeId?: Maybe<Scalars['ID']['output']>;
  /** 99th percentile latency over a recent window, in milliseconds. */
  p99LatencyMs?: Maybe<Scalars['Float']['output']>;
  /** Connections opened to it. */
  requests: Scalars['BigInt']['output'];
  /** Share of WEIGHTED picks. */
  weight: Scalars['Int']['output'];
};

/** A connection assigned to a backend. */
export type LoadBalancerConnection = {
  __typename?: 'LoadBalancerConnection';
  /** Its backend. */
  backendId: Scalars['ID']['output'];
  /** When it was released; null while active. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Id of the connection. */
  connectionId: Scalars['ID']['output'];
  /** Reported latency, in milliseconds. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** When it was assigned. */
  openedAt: Scalars['DateTime']['output'];
  /** How it ended; null while active. */
  outcome?: Maybe<ConnectionOutcome>;
  /** Whether it is open. */
  state: ConnectionState;
};

/** What the load balancer routed since it started. */
export type LoadBalancerStatistics = {
  __typename?: 'LoadBalancerStatistics';
  /** Connections cut by forced removals. */
  abortedConnections: Scalars['BigInt']['output'];
  /** Connections open now. */
  activeConnections: Scalars['Int']['output'];
  /** Every backend with its counters. */
  backends: Array<LoadBalancerBackend>;
  /** Connections released with SUCCESS or ERROR. */
  completedRequests: Scalars['BigInt']['output'];
  /** Connections released with ERROR. */
  errors: Scalars['BigInt']['output'];
  /** Backends HEALTHY. */
  healthyBackends: Scalars['Int']['output'];
  /** Connections refused. */
  rejectedRequests: Scalars['BigInt']['output'];
  /** The strategy in force. */
  strategy: LoadBalancingStrategy;
  /** Backends registered. */
  totalBackends: Scalars['Int']['output'];
  /** Connections assigned. */
  totalRequests: Scalars['BigInt']['output'];
};

/** The strategy now in force and the one it replaced. */
export type LoadBalancerStrategyChange = {
  __typename?: 'LoadBalancerStrategyChange';
  /** When the switch took effect. */
  changedAt: Scalars['DateTime']['output'];
  /** The strategy before. */
  previousStrategy: LoadBalancingStrategy;
  /** The strategy now. */
  strategy: LoadBalancingStrategy;
};

/** How a new connection picks a backend. */
export type LoadBalancingStrategy =
  /** The fewest active connections. */
  | 'LEAST_CONNECTIONS'
  /** The lowest recent latency. */
  | 'LEAST_LATENCY'
  /** Each backend in turn. */
  | 'ROUND_ROBIN'
  /** In proportion to weight. */
  | 'WEIGHTED';

/** How evenly load is spread relative to weight, over the nodes' load factors. */
export type LoadSpread = {
  __typename?: 'LoadSpread';
  /** Highest load factor over the mean. */
  maxOverMean: Scalars['Float']['output'];
  /** Mean load factor. */
  meanLoadFactor: Scalars['Float']['output'];
  /** Lowest load factor over the mean. */
  minOverMean: Scalars['Float']['output'];
  /** Standard deviation of the load factors. */
  standardDeviation: Scalars['Float']['output'];
  /** Population variance of the load factors. */
  variance: Scalars['Float']['output'];
};

/** A Global Enqueue Service lock event (`lock_granted`, `lock_released`, `lock_conversion`). */
export type LockEvent = {
  __typename?: 'LockEvent';
  cursor: Scalars['BigInt']['output'];
  fromMode?: Maybe<EnqueueMode>;
  lockId: Scalars['ID']['output'];
  mode: EnqueueMode;
  nodeId: Scalars['ID']['output'];
  /** REQUEST, COMMIT or RECOVERY. */
  reason: Scalars['String']['output'];
  resourceId: Scalars['ID']['output'];
  resourceType: GrdResourceType;
  time: Scalars['DateTime']['output'];
  /** lock_granted, lock_released or lock_conversion. */
  type: Scalars['String']['output'];
  waitedMs: Scalars['Int']['output'];
  waiters: Scalars['Int']['output'];
};

/** A write waiting for a row lock another transaction holds. */
export type LockWait = {
  __typename?: 'LockWait';
  /** A distributed transaction's id or an XA transaction's xid. */
  heldBy: Scalars['String']['output'];
  key: Scalars['String']['output'];
  table: Scalars['String']['output'];
  /** When it gives up (waitingSince + the lock timeout). */
  timeoutAt: Scalars['DateTime']['output'];
  waitingSince: Scalars['DateTime']['output'];
};

/** Writes that waited for a row lock. */
export type LockWaitCounts = {
  __typename?: 'LockWaitCounts';
  timedOut: Scalars['Int']['output'];
  waits: Scalars['Int']['output'];
};

/** The failing transaction a subscription is stopped on. */
export type LogicalApplyError = {
  __typename?: 'LogicalApplyError';
  at: Scalars['DateTime']['output'];
  commitLsn: Scalars['String']['output'];
  conflict?: Maybe<LogicalConflictType>;
  lsn: Scalars['String']['output'];
  message: Scalars['String']['output'];
  transient: Scalars['Boolean']['output'];
  xid: Scalars['Int']['output'];
};

/** A page of decoded changes. */
export type LogicalChanges = {
  __typename?: 'LogicalChanges';
  changes: Array<DecodedChange>;
  fromLsn: Scalars['String']['output'];
  hasMore: Scalars['Boolean']['output'];
  nextLsn: Scalars['String']['output'];
  nodeId: Scalars['String']['output'];
  scannedTransactions: Scalars['Int']['output'];
};

/** Conflicts met, per type. */
export type LogicalConflictCounts = {
  __typename?: 'LogicalConflictCounts';
  delete_missing: Scalars['Int']['output'];
  delete_origin_differs: Scalars['Int']['output'];
  insert_exists: Scalars['Int']['output'];
  update_missing: Scalars['Int']['output'];
  update_origin_differs: Scalars['Int']['output'];
};

/** What a subscription does on a conflict. */
export type LogicalConflictPolicy =
  | 'APPLY_REMOTE'
  | 'ERROR'
  | 'SKIP';

/** The policy of each conflict type. */
export type LogicalConflictResolution = {
  __typename?: 'LogicalConflictResolution';
  delete_missing: LogicalConflictPolicy;
  delete_origin_differs: LogicalConflictPolicy;
  insert_exists: LogicalConflictPolicy;
  update_missing: LogicalConflictPolicy;
  update_origin_differs: LogicalConflictPolicy;
};

export type LogicalConflictResolutionInput = {
  delete_missing?: InputMaybe<LogicalConflictPolicy>;
  delete_origin_differs?: InputMaybe<LogicalConflictPolicy>;
  insert_exists?: InputMaybe<LogicalConflictPolicy>;
  update_missing?: InputMaybe<LogicalConflictPolicy>;
  update_origin_differs?: InputMaybe<LogicalConflictPolicy>;
};

/** PostgreSQL 18's apply conflicts. */
export type LogicalConflictType =
  | 'delete_missing'
  | 'delete_origin_differs'
  | 'insert_exists'
  | 'update_missing'
  | 'update_origin_differs';

/** Whether a subscription applies changes that arrived through another subscription (any) or not (none). */
export type LogicalOriginFilter =
  | 'any'
  | 'none';

/** What a skip passed over (or would, dry). */
export type LogicalSkipResult = {
  __typename?: 'LogicalSkipResult';
  changes: Array<DecodedChange>;
  commitLsn: Scalars['String']['output'];
  dryRun: Scalars['Boolean']['output'];
  lsn: Scalars['String']['output'];
  truncated: Scalars['Boolean']['output'];
  xid: Scalars['Int']['output'];
};

export type LogicalStatistics = {
  __typename?: 'LogicalStatistics';
  appliedChanges: Scalars['BigInt']['output'];
  appliedTransactions: Scalars['BigInt']['output'];
  applyErrorCount: Scalars['Int']['output'];
  conflicts: LogicalConflictCounts;
  decodedChanges: Scalars['BigInt']['output'];
  enabledSubscriptions: Scalars['Int']['output'];
  maxLagBytes: Scalars['BigInt']['output'];
  maxLagMs: Scalars['BigInt']['output'];
  perSubscription: Array<LogicalSubscriptionStats>;
  publications: Scalars['Int']['output'];
  subscriptions: Scalars['Int']['output'];
};

/** A subscription from a publication's node to a writable node. */
export type LogicalSubscription = {
  __typename?: 'LogicalSubscription';
  checkpointLsn: Scalars['String']['output'];
  conflictResolution: LogicalConflictResolution;
  copyData: Scalars['Boolean']['output'];
  counters: LogicalSubscriptionCounters;
  createdAt: Scalars['DateTime']['output'];
  disableOnError: Scalars['Boolean']['output'];
  enabled: Scalars['Boolean']['output'];
  lagBytes: Scalars['BigInt']['output'];
  lagMs: Scalars['BigInt']['output'];
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  lastCommitTime?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<LogicalApplyError>;
  name: Scalars['String']['output'];
  origin: LogicalOriginFilter;
  originName: Scalars['String']['output'];
  publication: Scalars['String']['output'];
  /** Only in the answer to updateSubscription with skip. */
  skipResult?: Maybe<LogicalSkipResult>;
  slot?: Maybe<SubscriptionSlot>;
  slotLost: Scalars['Boolean']['output'];
  slotLostAt?: Maybe<Scalars['DateTime']['output']>;
  slotName: Scalars['String']['output'];
  sourceLsn: Scalars['String']['output'];
  sourceNodeId: Scalars['String']['output'];
  status: LogicalSubscriptionStatus;
  tables: Array<SubscriptionTableState>;
  targetNodeId: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type LogicalSubscriptionCounters = {
  __typename?: 'LogicalSubscriptionCounters';
  appliedChanges: Scalars['Int']['output'];
  appliedTransactions: Scalars['Int']['output'];
  applyErrorCount: Scalars['Int']['output'];
  conflicts: LogicalConflictCounts;
  filteredTransactions: Scalars['Int']['output'];
  skippedChanges: Scalars['Int']['output'];
  skippedTransactions: Scalars['Int']['output'];
  syncErrorCount: Scalars['Int']['output'];
};

export type LogicalSubscriptionStats = {
  __typename?: 'LogicalSubscriptionStats';
  appliedTransactions: Scalars['Int']['output'];
  applyErrorCount: Scalars['Int']['output'];
  conflicts: LogicalConflictCounts;
  lagBytes: Scalars['BigInt']['output'];
  lagMs: Scalars['BigInt']['output'];
  name: Scalars['String']['output'];
  status: LogicalSubscriptionStatus;
  syncErrorCount: Scalars['Int']['output'];
};

export type LogicalSubscriptionStatus =
  | 'CATCHING_UP'
  | 'DISABLED'
  | 'ERROR'
  | 'SLOT_LOST'
  | 'STREAMING';

/** A column transformation applied before a change leaves the source. */
export type MaskKind =
  | 'CONSTANT'
  | 'HASH'
  | 'PARTIAL'
  | 'REDACT'
  | 'RENAME';

/** A member of the gossip group, as the group as a whole sees it. */
export type Member = {
  __typename?: 'Member';
  /** host:port it listens on for gossip. */
  address: Scalars['String']['output'];
  /** The highest incarnation of it any member has seen. */
  incarnation: Scalars['BigInt']['output'];
  /** When state last changed. */
  lastStateChange: Scalars['DateTime']['output'];
  /** Its own process. */
  lifecycle: MemberLifecycle;
  /** The member's id (a cluster node's id). */
  memberId: Scalars['ID']['output'];
  /** Its gossiped metadata. */
  metadata: MemberMetadata;
  /** How many live members hold it in each state. */
  observers: ObserverCounts;
  /** The state most live members hold it in; null while no live member knows it. */
  state?: Maybe<MemberState>;
};

/** What one member is doing for the protocol right now. */
export type MemberGossip = {
  __typename?: 'MemberGossip';
  /** Its counters. */
  counters: SwimCounters;
  /** Its own incarnation. */
  incarnation: Scalars['BigInt']['output'];
  /** While JOINING, its join; null otherwise. */
  join?: Maybe<GossipJoin>;
  /** Its process. */
  lifecycle: MemberLifecycle;
  /** The member. */
  memberId: Scalars['ID']['output'];
  /** When its next period starts. */
  nextPeriodAt: Scalars['DateTime']['output'];
  /** Indirect probes it runs for others. */
  pendingRelays: Scalars['Int']['output'];
  /** Updates waiting to be piggybacked, least-sent first. */
  piggybackQueue: Array<PiggybackEntry>;
  /** The current probe; null between probes. */
  probe?: Maybe<GossipProbe>;
  /** Protocol periods it has started. */
  protocolPeriod: Scalars['BigInt']['output'];
  /** Times it piggybacks each update. */
  retransmitLimit: Scalars['Int']['output'];
  /** Bounds of its suspicion timeout. */
  suspicionTimeouts: SuspicionTimeouts;
  /** Suspicions it holds. */
  suspicions: Array<MemberSuspicion>;
  /** Entries in its view. */
  viewSize: Scalars['Int']['output'];
};

/** The member's own process. */
export type MemberLifecycle =
  /** Running. */
  | 'ACTIVE'
  /** Stopped by a fault. */
  | 'CRASHED'
  /** Asking seeds for the member list. */
  | 'JOINING'
  /** No seed answered within maxJoinAttempts protocol periods. */
  | 'JOIN_FAILED'
  /** Announcing its leave. */
  | 'LEAVING'
  /** Gone after a graceful leave. */
  | 'LEFT';

/** Where a member can be reached and what it is. */
export type MemberMetadata = {
  __typename?: 'MemberMetadata';
  /** host:port it listens on for gossip. */
  address: Scalars['String']['output'];
  /** Region it runs in. */
  region: Scalars['String']['output'];
  /** What it does in the database, free text. */
  role: Scalars['String']['output'];
  /** Availability zone within the region. */
  zone: Scalars['String']['output'];
};

/** Gossiped metadata of a joining member. */
export type MemberMetadataInput = {
  /** host:port it listens on for gossip. */
  address: Scalars['String']['input'];
  /** Region it runs in. */
  region: Scalars['String']['input'];
  /** What it does, free text. */
  role: Scalars['String']['input'];
  /** Availability zone. */
  zone: Scalars['String']['input'];
};

/** Roles an operator may choose when adding a node. */
export type MemberRole =
  | 'COORDINATOR'
  | 'FOLLOWER'
  | 'READ_ONLY'
  | 'WITNESS';

/** What a member holds about itself. */
export type MemberSelfView = {
  __typename?: 'MemberSelfView';
  /** Its own incarnation. */
  incarnation: Scalars['BigInt']['output'];
  /** Its process. */
  lifecycle: MemberLifecycle;
  /** The state it holds itself in. */
  state: MemberState;
};

/** Fields to sort members by. */
export type MemberSortField =
  | 'incarnation'
  | 'lastStateChange'
  | 'memberId'
  | 'state';

/** What members believe about a member. */
export type MemberState =
  /** Answering probes. */
  | 'ALIVE'
  /** The suspicion expired unrefuted (a failure). */
  | 'DEAD'
  /** The member announced a graceful leave. */
  | 'LEFT'
  /** A probe went unanswered; the member may refute it before its suspicion timeout. */
  | 'SUSPECT';

/** A member as the group, itself and each other live member sees it. */
export type MemberStateDetail = {
  __typename?: 'MemberStateDetail';
  /** As the group sees it. */
  member: Member;
  /** Every other live member's belief, in member-id order. */
  observers: Array<ObserverBelief>;
  /** As it sees itself. */
  self: MemberSelfView;
};

/** The group-wide state of a member changed (event member_state_changed). */
export type MemberStateEvent = {
  __typename?: 'MemberStateEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** The highest incarnation of it seen. */
  incarnation: Scalars['BigInt']['output'];
  /** The member. */
  memberId: Scalars['ID']['output'];
  /** How many live members hold it in each state now. */
  observers: ObserverCounts;
  /** The state before. */
  previousState?: Maybe<MemberState>;
  /** The state now. */
  state?: Maybe<MemberState>;
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
};

/** A suspicion a member holds, with the suspect's id. */
export type MemberSuspicion = {
  __typename?: 'MemberSuspicion';
  /** Distinct members that vouched for it. */
  confirmations: Scalars['Int']['output'];
  /** When the suspect will be declared DEAD unless refuted. */
  deadline: Scalars['DateTime']['output'];
  /** The suspect's incarnation the suspicion is about. */
  incarnation: Scalars['BigInt']['output'];
  /** The suspect. */
  memberId: Scalars['ID']['output'];
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Those members. */
  suspectors: Array<Scalars['String']['output']>;
};

/** A snapshot of the server and of the simulated cluster, every number measured: the same figures as GET /api/v1/metrics. */
export type Metrics = {
  __typename?: 'Metrics';
  cluster: ClusterMetrics;
  events: EventMetrics;
  process: ProcessMetrics;
  requests: RequestMetrics;
  runtime: RuntimeMetrics;
};

/** The move machinery's counters. */
export type MigrationStatistics = {
  __typename?: 'MigrationStatistics';
  activeMoves: Scalars['Int']['output'];
  averageCopyBytesPerSecond: Scalars['BigInt']['output'];
  averageMoveDurationMs: Scalars['BigInt']['output'];
  bytesCopied: Scalars['BigInt']['output'];
  changesReplayed: Scalars['BigInt']['output'];
  copyRateBytesPerSecond: Scalars['BigInt']['output'];
  movesCancelled: Scalars['BigInt']['output'];
  movesCompleted: Scalars['BigInt']['output'];
  movesFailed: Scalars['BigInt']['output'];
  movesStarted: Scalars['BigInt']['output'];
  rebalancesByState: WorkflowCounts;
  rowsCopied: Scalars['BigInt']['output'];
  tasksByState: WorkflowCounts;
};

/** A migration task. */
export type MigrationTask = {
  __typename?: 'MigrationTask';
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  forcedFindings: Array<Scalars['String']['output']>;
  keyRange?: Maybe<KeyRange>;
  moves: Array<PlannedShardMove>;
  progress: RebalanceStatus;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: WorkflowState;
  targetNodeId: Scalars['ID']['output'];
  taskId: Scalars['ID']['output'];
};

/** A migration task to create: a shard or a key range. */
export type MigrationTaskInput = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  keyRange?: InputMaybe<KeyRangeInput>;
  shardId?: InputMaybe<Scalars['ID']['input']>;
  start?: InputMaybe<Scalars['Boolean']['input']>;
  targetNodeId: Scalars['ID']['input'];
};

/** A page of migration tasks. */
export type MigrationTaskPage = {
  __typename?: 'MigrationTaskPage';
  hasMore: Scalars['Boolean']['output'];
  items: Array<MigrationTask>;
  limit: Scalars['Int']['output'];
  offset: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** A replication channel now, with its rates. */
export type MonitoredChannel = {
  __typename?: 'MonitoredChannel';
  bytesShipped?: Maybe<Scalars['BigInt']['output']>;
  channelId: Scalars['ID']['output'];
  conflicts: Scalars['BigInt']['output'];
  errors: Scalars['BigInt']['output'];
  kind: ChannelKind;
  lagBytes?: Maybe<Scalars['BigInt']['output']>;
  lagMs?: Maybe<Scalars['BigInt']['output']>;
  lagOperations?: Maybe<Scalars['BigInt']['output']>;
  operationsShipped?: Maybe<Scalars['BigInt']['output']>;
  rates: ChannelRates;
  source: ChannelEndpoint;
  state: ChannelState;
  stateDetail: Scalars['String']['output'];
  target: ChannelEndpoint;
};

/** Where one shard move stands (see MovePhase in the OpenAPI document). */
export type MovePhase =
  | 'CANCELLED'
  | 'CATCH_UP'
  | 'CLEANUP'
  | 'COMPLETED'
  | 'COPY'
  | 'FAILED'
  | 'PAUSED'
  | 'PENDING'
  | 'SWITCH'
  | 'VERIFY';

export type MultiMasterAntiEntropy = {
  __typename?: 'MultiMasterAntiEntropy';
  pairs: Array<MultiMasterAntiEntropyPair>;
  skippedSiteIds: Array<Scalars['ID']['output']>;
};

export type MultiMasterAntiEntropyPair = {
  __typename?: 'MultiMasterAntiEntropyPair';
  keysRepaired: Scalars['Int']['output'];
  rangesCompared: Scalars['Int']['output'];
  rangesDescended: Scalars['Int']['output'];
  siteA: Scalars['ID']['output'];
  siteB: Scalars['ID']['output'];
};

/** Two concurrent writes to one row of a group (MultiMasterConflict in the OpenAPI document). */
export type MultiMasterConflict = {
  __typename?: 'MultiMasterConflict';
  appliedSiteIds: Array<Scalars['ID']['output']>;
  conflictId: Scalars['ID']['output'];
  conflictType: ConflictType;
  detectedAt: Scalars['DateTime']['output'];
  groupId: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  local: MultiMasterConflictVersion;
  reason: Scalars['String']['output'];
  remote: MultiMasterConflictVersion;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  resolvedBy?: Maybe<Scalars['String']['output']>;
  resolvedRow?: Maybe<Scalars['JSON']['output']>;
  siblings: Array<MultiMasterConflictVersion>;
  /** RESOLVED, PENDING (CUSTOM waits for a row) or SIBLINGS (MULTI_VALUE). */
  status: Scalars['String']['output'];
  strategy: MultiMasterConflictStrategy;
  table: Scalars['String']['output'];
  /** LOCAL, REMOTE, MERGED, CUSTOM or SIBLINGS; null while PENDING. */
  winner?: Maybe<Scalars['String']['output']>;
};

/** How concurrent writes to one row are resolved (ConflictStrategy in the OpenAPI document). */
export type MultiMasterConflictStrategy =
  | 'CRDT_PER_COLUMN'
  | 'CUSTOM'
  | 'LAST_WRITER_WINS'
  | 'MULTI_VALUE'
  | 'SITE_PRIORITY';

/** One side's write of a group conflict. */
export type MultiMasterConflictVersion = {
  __typename?: 'MultiMasterConflictVersion';
  clock: Scalars['JSON']['output'];
  nodeId: Scalars['ID']['output'];
  row?: Maybe<Scalars['JSON']['output']>;
  siteId: Scalars['ID']['output'];
  writtenAt: Scalars['DateTime']['output'];
};

/** Whether a group's sites agree, and how long they took (Convergence in the OpenAPI document). */
export type MultiMasterConvergenceReport = {
  __typename?: 'MultiMasterConvergenceReport';
  agreement: Array<MultiMasterSiteAgreement>;
  converged: Scalars['Boolean']['output'];
  divergedSince?: Maybe<Scalars['DateTime']['output']>;
  groupId: Scalars['ID']['output'];
  lastConvergedAt?: Maybe<Scalars['DateTime']['output']>;
  lastConvergenceMs?: Maybe<Scalars['BigInt']['output']>;
  lastDivergenceAt?: Maybe<Scalars['DateTime']['output']>;
  p99ConvergenceMs?: Maybe<Scalars['BigInt']['output']>;
  samples: Scalars['Int']['output'];
  sinceLastDivergenceMs?: Maybe<Scalars['BigInt']['output']>;
};

export type MultiMasterCounters = {
  __typename?: 'MultiMasterCounters';
  antiEntropyRuns: Scalars['Int']['output'];
  bytesShipped: Scalars['BigInt']['output'];
  changesApplied: Scalars['Int']['output'];
  changesShipped: Scalars['Int']['output'];
  conflictsDetected: Scalars['Int']['output'];
  duplicatesSkipped: Scalars['Int']['output'];
  keysRepaired: Scalars['Int']['output'];
  readRepairs: Scalars['Int']['output'];
  readsFailed: Scalars['Int']['output'];
  readsServed: Scalars['Int']['output'];
  rowsWritten: Scalars['Int']['output'];
  writesCommitted: Scalars['Int']['output'];
  writesFailed: Scalars['Int']['output'];
};

export type MultiMasterGroupStatistics = {
  __typename?: 'MultiMasterGroupStatistics';
  converged: Scalars['Boolean']['output'];
  counters: MultiMasterCounters;
  groupId: Scalars['ID']['output'];
  runningSites: Scalars['Int']['output'];
  sites: Scalars['Int']['output'];
};

export type MultiMasterPush = {
  __typename?: 'MultiMasterPush';
  changesSent: Scalars['Int']['output'];
};

export type MultiMasterQuorumSite = {
  __typename?: 'MultiMasterQuorumSite';
  counts: Scalars['Boolean']['output'];
  datacenterId?: Maybe<Scalars['ID']['output']>;
  nodeId: Scalars['ID']['output'];
  running: Scalars['Boolean']['output'];
  siteId: Scalars['ID']['output'];
};

export type MultiMasterQuorumStatus = {
  __typename?: 'MultiMasterQuorumStatus';
  groupId: Scalars['ID']['output'];
  reachableSites: Scalars['Int']['output'];
  readQuorum: Scalars['Int']['output'];
  readQuorumReachable: Scalars['Boolean']['output'];
  sites: Array<MultiMasterQuorumSite>;
  writeQuorum: Scalars['Int']['output'];
  writeQuorumReachable: Scalars['Boolean']['output'];
};

export type MultiMasterRead = {
  __typename?: 'MultiMasterRead';
  answeredBy: Array<Scalars['ID']['output']>;
  groupId: Scalars['ID']['output'];
  readId: Scalars['ID']['output'];
  readQuorum: Scalars['Int']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  repairedSiteIds: Array<Scalars['ID']['output']>;
  rows: Array<MultiMasterReadRow>;
  siteId: Scalars['ID']['output'];
  state: Scalars['String']['output'];
};

export type MultiMasterReadRow = {
  __typename?: 'MultiMasterReadRow';
  clock: Scalars['JSON']['output'];
  dot: Scalars['String']['output'];
  key: Scalars['String']['output'];
  row?: Maybe<Scalars['JSON']['output']>;
  siblings: Array<MultiMasterSibling>;
  table: Scalars['String']['output'];
};

/** What replicateMultiMaster does. */
export type MultiMasterReplicateMode =
  | 'ANTI_ENTROPY'
  | 'PUSH'
  | 'READ'
  | 'WRITE';

/** What replicateMultiMaster did; the parts of other modes are null. */
export type MultiMasterReplicateResult = {
  __typename?: 'MultiMasterReplicateResult';
  antiEntropy?: Maybe<MultiMasterAntiEntropy>;
  groupId: Scalars['ID']['output'];
  mode: MultiMasterReplicateMode;
  push?: Maybe<MultiMasterPush>;
  read?: Maybe<MultiMasterRead>;
  write?: Maybe<MultiMasterWrite>;
};

export type MultiMasterSibling = {
  __typename?: 'MultiMasterSibling';
  atMs: Scalars['BigInt']['output'];
  dot: Scalars['String']['output'];
  originSiteId: Scalars['ID']['output'];
  row?: Maybe<Scalars['JSON']['output']>;
};

/** A site of a group: a writable node. */
export type MultiMasterSite = {
  __typename?: 'MultiMasterSite';
  addedAt: Scalars['DateTime']['output'];
  /** Hash of the site's data of the group; equal hashes mean equal data. */
  dataHash: Scalars['String']['output'];
  datacenterId?: Maybe<Scalars['ID']['output']>;
  groupId: Scalars['ID']['output'];
  nodeId: Scalars['ID']['output'];
  peers: Array<MultiMasterSitePeer>;
  priority: Scalars['Int']['output'];
  rowCount: Scalars['Int']['output'];
  running: Scalars['Boolean']['output'];
  siteId: Scalars['ID']['output'];
  writeRole: Scalars['String']['output'];
};

export type MultiMasterSiteAgreement = {
  __typename?: 'MultiMasterSiteAgreement';
  dataHash: Scalars['String']['output'];
  siteIds: Array<Scalars['ID']['output']>;
};

/** What a site has shipped to one other site. */
export type MultiMasterSitePeer = {
  __typename?: 'MultiMasterSitePeer';
  ackedLsn: Scalars['BigInt']['output'];
  bytesShipped: Scalars['BigInt']['output'];
  changesShipped: Scalars['Int']['output'];
  pendingBytes: Scalars['BigInt']['output'];
  reachable: Scalars['Boolean']['output'];
  siteId: Scalars['ID']['output'];
};

export type MultiMasterStatistics = {
  __typename?: 'MultiMasterStatistics';
  groups: Scalars['Int']['output'];
  perGroup: Array<MultiMasterGroupStatistics>;
  sites: Scalars['Int']['output'];
  totals: MultiMasterCounters;
};

export type MultiMasterWrite = {
  __typename?: 'MultiMasterWrite';
  acknowledgedBy: Array<Scalars['ID']['output']>;
  groupId: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  settledAt?: Maybe<Scalars['DateTime']['output']>;
  siteId: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
  state: Scalars['String']['output'];
  versions: Array<MultiMasterWrittenVersion>;
  writeId: Scalars['ID']['output'];
  writeQuorum: Scalars['Int']['output'];
};

export type MultiMasterWrittenVersion = {
  __typename?: 'MultiMasterWrittenVersion';
  clock: Scalars['JSON']['output'];
  dot: Scalars['String']['output'];
  key: Scalars['String']['output'];
  table: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Echoes nothing; placeholder root extended by every domain. */
  _noop?: Maybe<Scalars['Boolean']['output']>;
  addClusterNode: ClusterNode;
  /** Registers a backend. */
  addLoadBalancerBackend: LoadBalancerBackend;
  /** Adds a cluster node as a learner, promoted to voter once caught up unless autoPromote is false. */
  addRaftMember: RaftMembership;
  /** Makes a cluster node a standby of the primary. */
  addReplica: Replica;
  /** Adds an instance (POST …/regions/{regionId}/instances). */
  addServiceInstance: DatabaseInstance;
  /** Adds a region (POST …/gds/services/{name}/regions). */
  addServiceRegion: ServiceRegion;
  /** Adds a shard to a table (POST …/sharding/tables/{table}/shards). */
  addShard: Shard;
  /** Adds a site to a group. */
  addSiteToGroup: ReplicationGroup;
  /** Moves a manual clock forward, firing every timer due in between. */
  advanceClock: Clock;
  /** Places a copy of a shard on a node (PRIMARY by default). */
  assignShard: ClusterShard;
  /** Begins a distributed transaction, ACTIVE (POST /api/v1/cluster/transactions/distributed/begin). */
  beginDistributedTransaction: DistributedTransaction;
  /** Cancels a rebalance before its running move's switch (POST …/rebalance/{id}/cancel). */
  cancelShardRebalance: RebalanceStatus;
  /** Commits (preparing first from ACTIVE); committed is true once COMMIT is durable (POST …/distributed/{id}/commit). */
  commitDistributedTransaction: DistributedCommitResult;
  /** XA COMMIT, ONE PHASE with onePhase (POST …/xa/{xid}/commit and its aliases /api/v1/xa/transactions/{xid}/commit, /api/v1/replication/xa/commit). */
  commitXaTransaction: XaTransaction;
  /** Changes replication settings; the others keep their values (twin of POST /replication/configure and PUT /replication/config). */
  configureReplication: ReplicationConfig;
  createAccessToken: AccessToken;
  createApiKey: CreatedApiKey;
  /** Creates a channel alert rule (twin of POST .../monitoring/alerts and /replication/monitoring/alerts). */
  createChannelAlertRule: ChannelAlertRule;
  /** Creates a datacenter (POST /api/v1/geo-replication/datacenters). */
  createGeoDatacenter: GeoDatacenter;
  /** Creates a geo stream (POST /api/v1/geo-replication/streams). */
  createGeoStream: GeoStream;
  /** Creates a migration task (POST /api/v1/cluster/migration/tasks). */
  createMigrationTask: MigrationTask;
  /** Creates a publication (POST …/logical/publications and its aliases). */
  createPublication: Publication;
  /** Creates an alert rule. */
  createReplicationAlertRule: ReplicationAlertRule;
  /** Creates a group. */
  createReplicationGroup: ReplicationGroup;
  /** Creates a replication slot. */
  createReplicationSlot: ReplicationSlot;
  /** Starts a snapshot of the primary (IN_PROGRESS). */
  createReplicationSnapshot: ReplicationSnapshot;
  /** Creates a sharded table (POST …/sharding/tables and its aliases /api/v1/sharding/tables, /api/v1/replication/sharding/tables). */
  createShardedTable: ShardedTable;
  /** Creates a subscription: slot, initial copy, streaming (POST …/logical/subscriptions and its aliases). */
  createSubscription: LogicalSubscription;
  /** Deletes a channel alert rule and answers it as it was (twin of DELETE .../monitoring/alerts/{id}). */
  deleteChannelAlertRule: ChannelAlertRule;
  /** Deletes a datacenter; true once gone (DELETE /api/v1/geo-replication/datacenters/{id}). */
  deleteGeoDatacenter: Scalars['Boolean']['output'];
  /** Deletes a migration task, cancelling it when it runs (DELETE …/tasks/{id}). */
  deleteMigrationTask: MigrationTask;
  /** Deletes a group; true once gone. */
  deleteReplicationGroup: Scalars['Boolean']['output'];
  /** Drops a replication slot. */
  deleteReplicationSlot: Scalars['Boolean']['output'];
  /** Deletes a snapshot. */
  deleteReplicationSnapshot: Scalars['Boolean']['output'];
  /** Deletes a resource manager without live XA transactions; true once gone (DELETE …/xa/resource-managers/{name}). */
  deleteXaResourceManager: Scalars['Boolean']['output'];
  /** Disables a subscription, keeping its slot (POST …/logical/subscriptions/{name}/disable, PUT on the alias). */
  disableSubscription: LogicalSubscription;
  /** Drops a publication; true once gone (DELETE …/logical/publications/{name}). */
  dropPublication: Scalars['Boolean']['output'];
  /** Drops a sharded table; true once gone (DELETE …/sharding/tables/{table} and its alias /api/v1/sharding/tables/{name}). */
  dropShardedTable: Scalars['Boolean']['output'];
  /** Drops a subscription and its slot; true once gone (DELETE …/logical/subscriptions/{name}). */
  dropSubscription: Scalars['Boolean']['output'];
  /** Enables a subscription (POST …/logical/subscriptions/{name}/enable, PUT on the alias). */
  enableSubscription: LogicalSubscription;
  /** XA END (POST …/xa/{xid}/end and its alias /api/v1/xa/transactions/{xid}/end). */
  endXaTransaction: XaTransaction;
  /**
   * Runs a query over the shards (POST /api/v1/cluster/query/execute-parallel, and its alias
   * POST /api/v1/advanced-replication/sharding/query/execute). While the cluster clock runs it waits
   * up to 1 s of cluster time for the result; else the query comes back RUNNING: follow it with
   * distributedQueryPlan or the queryProgress subscription.
   */
  executeDistributedQuery: DistributedQueryExecution;
  /** Plans and starts a parallel query; follow it with parallelQueryStatus (POST /api/v1/rac/parallel-query/execute). */
  executeParallelQuery?: Maybe<ParallelQueryJob>;
  /** Executes a plan (POST …/rebalance/execute): the pre-flight check refuses with findings unless `force`. */
  executeRebalance: RebalanceStatus;
  /** Forgets a heuristic outcome (POST …/distributed/{id}/forget). */
  forgetHeuristicTransaction: DistributedTransaction;
  healFault: Fault;
  /** Starts the recovery of a FAILED or EVICTED instance (POST /api/v1/rac/recovery/initiate). */
  initiateRacRecovery: InstanceRecovery;
  injectFault: Fault;
  /** Rejoins a cluster node that left the gossip group (or whose join failed), through a seed, like POST /api/v1/cluster/members/join. */
  joinMember: Member;
  /** Makes a member leave the gossip group gracefully (it stays a cluster node), like DELETE /api/v1/cluster/members/{id}. */
  leaveMember: Member;
  /** Pauses a migration task. */
  pauseMigrationTask: MigrationTask;
  /** Pauses replay on a replica. */
  pauseReplica: Replica;
  /** Pauses a rebalance (POST …/rebalance/{id}/pause). */
  pauseShardRebalance: RebalanceStatus;
  /** Plans a rebalance (POST …/rebalance/plan). */
  planShardRebalance: ShardRebalancePlan;
  /** Phase one: PREPARE and the votes; PREPARING until every vote is in (POST …/distributed/{id}/prepare). */
  prepareDistributedTransaction: DistributedTransaction;
  /** XA PREPARE (POST …/xa/{xid}/prepare and its aliases /api/v1/xa/transactions/{xid}/prepare, /api/v1/replication/xa/prepare). */
  prepareXaTransaction: XaTransaction;
  /** Writes dirty blocks back and optionally drops clean ones (POST /api/v1/rac/cache-fusion/flush). */
  racFlushCache: FlushResult;
  /** Remasters one resource or all, to targetNode or back to the hash placement (POST /api/v1/rac/grd/remaster). */
  racGrdRemaster: RemasterResult;
  /** Remasters resources back to an even spread (POST /api/v1/rac/cluster/rebalance). */
  racRebalance: RebalanceResult;
  /** Proposes commands to the log through the leader. */
  raftAppendEntries: AppendEntriesResponse;
  /** Compacts a node's log (or every running member's) into a snapshot. */
  raftCreateSnapshot: SnapshotInfo;
  /** Delivers a RequestVote for candidateId to nodeId, or to every other voter. A real message: higher terms are adopted. */
  raftRequestVote: VoteResponse;
  /**
   * The seed's rebalance: plans a rebalance of `table`'s shard group that may move only its shards
   * numbered `fromShard` to `toShard` (shard names `orders_3` or numbers `3`, both included).
   */
  rebalanceShards: ShardRebalancePlan;
  /** Registers a global service (POST …/gds/services). */
  registerGlobalService: GlobalService;
  /** Registers a resource manager (POST …/xa/resource-managers and its alias /api/v1/xa/resource-managers). */
  registerXaResourceManager: XaResourceManager;
  /** Remasters every resource to nodeId (POST /api/v1/rac/grd/remaster with targetNode and no resourceId). */
  remasterGRDResources?: Maybe<Scalars['Boolean']['output']>;
  /** Remasters one resource to targetNode; true when it moved or was already there (POST /api/v1/rac/grd/remaster). */
  remasterResource: Scalars['Boolean']['output'];
  /** Removes a node; refused when it would cost the cluster its quorum, unless force is true. */
  removeClusterNode: Scalars['Boolean']['output'];
  /** Removes a service (DELETE …/gds/services/{name}). */
  removeGlobalService: GlobalService;
  /** Removes a backend; refused while it has active connections, unless force is true. */
  removeLoadBalancerBackend: Scalars['Boolean']['output'];
  /** Removes a member from the configuration; refused when it would cost quorum or the last failure tolerance, unless force is true. */
  removeRaftMember: RaftMembership;
  /** Stops a replica's stream and drops its slot; returns it REMOVED. */
  removeReplica: Replica;
  /** Removes an instance (DELETE …/instances/{instanceId}); the service after. */
  removeServiceInstance: GlobalService;
  /** Removes a region (DELETE …/regions/{regionId}); the service after. */
  removeServiceRegion: GlobalService;
  /** Removes a site from a group; true once removed. */
  removeSiteFromGroup: Scalars['Boolean']['output'];
  /** A quorum write or read, a push, or anti-entropy. */
  replicateMultiMaster: MultiMasterReplicateResult;
  /** Resolves a conflict and writes the winner through the WAL. */
  resolveConflict: ConflictResolution;
  /** Resolves a group conflict (twin of POST /geo-replication/conflicts/resolve). */
  resolveGeoReplicationConflict: MultiMasterConflict;
  /** Resolves a recorded group conflict; written to every site of its group (POST /api/v1/advanced-replication/conflicts/resolve). */
  resolveGroupConflict: GroupConflictResolution;
  /** Resolves an in-doubt transaction by hand (all participants, or nodeIds), or previews it with dryRun (POST …/distributed/{id}/resolve). */
  resolveInDoubtTransaction: InDoubtResolution;
  /** Starts restoring a snapshot; returns the restore's progress. */
  restoreReplicationSnapshot: ReplicationSnapshotProgress;
  /** Resumes a migration task. */
  resumeMigrationTask: MigrationTask;
  /** Resumes replay on a paused replica. */
  resumeReplica: Replica;
  /** Resumes a rebalance (POST …/rebalance/{id}/resume). */
  resumeShardRebalance: RebalanceStatus;
  revokeApiKey: ApiKey;
  /** Rolls back (POST …/distributed/{id}/rollback). */
  rollbackDistributedTransaction: DistributedTransaction;
  /** XA ROLLBACK (POST …/xa/{xid}/rollback and its alias /api/v1/xa/transactions/{xid}/rollback). */
  rollbackXaTransaction: XaTransaction;
  /** Routes a client and counts the decision (POST …/gds/route). */
  routeGlobalService: ServiceRouteDecision;
  setClock: Clock;
  /** Switches the strategy distributed queries are planned with. */
  setExecutionStrategy: ExecutionStrategyChange;
  /** Changes a stream's consistency level for the writes that follow (PUT /api/v1/geo-replication/streams/{id}/consistency-level). */
  setGeoStreamConsistencyLevel: GeoStream;
  /** Switches the strategy new connections are assigned by. */
  setLoadBalancerStrategy: LoadBalancerStrategyChange;
  /** Sets a shard's state as an operator may (PUT …/sharding/tables/{table}/shards/{id}/status). */
  setShardStatus: Shard;
  /** Replaces the workload's settings; ratePerSecond 0 stops it. */
  setWorkload: Workload;
  /** Makes two real conflicting writes to one row. */
  simulateReplicationConflict: ReplicationConflict;
  /** Starts a migration task (POST …/tasks/{id}/start). */
  startMigrationTask: MigrationTask;
  /** Opens the RAC database on every running instance (POST /api/v1/rac/cluster/start). */
  startRacCluster: RacClusterStatus;
  /** XA START (POST /api/v1/advanced-replication/xa/start and its aliases /api/v1/xa/transactions/start, /api/v1/replication/xa/start). */
  startXaTransaction: XaTransaction;
  /** Closes the RAC database after writing dirty blocks back; true once closed (POST /api/v1/rac/cluster/stop). */
  stopRacCluster: Scalars['Boolean']['output'];
  /** Records a MANUAL checkpoint of one applier, or of every applier (POST /api/v1/advanced-replication/apply/checkpoints). */
  takeApplyCheckpoint: Array<ApplyCheckpoint>;
  /** Runs a failover drill and returns what it measured. */
  testFailover: FailoverTestResult;
  /** Replaces the leader now: a switchover (leadership transfer, optionally to input.targetNodeId) or a forced failover. */
  triggerFailover: FailoverResult;
  /** Promotes a standby to primary. */
  triggerReplicationFailover: ReplicationFailoverResult;
  /** Changes the apply configuration (PUT /api/v1/advanced-replication/apply/config). */
  updateApplyConfig: ApplyConfig;
  /** Changes a channel alert rule (twin of PUT .../monitoring/alerts/{id}). */
  updateChannelAlertRule: ChannelAlertRule;
  updateClusterConfig: ClusterInfo;
  /** Changes failover settings; the others keep their values. */
  updateFailoverConfig: FailoverConfig;
  /** Modifies, stops or starts a service (PUT …/gds/services/{name}). */
  updateGlobalService: GlobalService;
  /** Replaces the parallel query configuration (PUT /api/v1/rac/parallel-query/config). */
  updateParallelQueryConfig: ParallelQueryConfig;
  /** Replaces a publication's definition (PUT …/logical/publications/{name}). */
  updatePublication: Publication;
  /** Replaces the recovery configuration (PUT /api/v1/rac/recovery/config). */
  updateRacRecoveryConfig: RecoveryConfig;
  /** Changes a group. */
  updateReplicationGroup: ReplicationGroup;
  /** Adds columns or renames the schema (PUT …/sharding/tables/{table}). */
  updateShardedTable: ShardedTable;
  /** Changes a subscription, or skips its failing transaction (PUT …/logical/subscriptions/{name}). */
  updateSubscription: LogicalSubscription;
  /** Writes rows, each routed by its shard key (POST …/sharding/tables/{table}/rows). */
  writeShardedRows: ShardedRowsWritten;
};


export type MutationAddClusterNodeArgs = {
  input: AddNodeInput;
};


export type MutationAddLoadBalancerBackendArgs = {
  input: AddBackendInput;
};


export type MutationAddRaftMemberArgs = {
  autoPromote?: InputMaybe<Scalars['Boolean']['input']>;
  nodeId: Scalars['ID']['input'];
};


export type MutationAddReplicaArgs = {
  input: AddReplicaInput;
};


export type MutationAddServiceInstanceArgs = {
  instance: ServiceInstanceInput;
  regionId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
};


export type MutationAddServiceRegionArgs = {
  region: ServiceRegionInput;
  service: Scalars['String']['input'];
};


export type MutationAddShardArgs = {
  shard: ShardInput;
  table: Scalars['String']['input'];
};


export type MutationAddSiteToGroupArgs = {
  groupId: Scalars['ID']['input'];
  site: SiteInfoInput;
};


export type MutationAdvanceClockArgs = {
  ms: Scalars['Int']['input'];
};


export type MutationAssignShardArgs = {
  nodeId: Scalars['ID']['input'];
  role?: InputMaybe<ShardCopyRole>;
  shardId: Scalars['ID']['input'];
};


export type MutationBeginDistributedTransactionArgs = {
  input: BeginDistributedTransactionInput;
};


export type MutationCancelShardRebalanceArgs = {
  planId: Scalars['ID']['input'];
};


export type MutationCommitDistributedTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCommitXaTransactionArgs = {
  onePhase?: InputMaybe<Scalars['Boolean']['input']>;
  xid: Scalars['String']['input'];
};


export type MutationConfigureReplicationArgs = {
  config: ReplicationConfigInput;
};


export type MutationCreateAccessTokenArgs = {
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateChannelAlertRuleArgs = {
  input: CreateChannelAlertRuleInput;
};


export type MutationCreateGeoDatacenterArgs = {
  input: GeoDatacenterInput;
};


export type MutationCreateGeoStreamArgs = {
  input: GeoStreamInput;
};


export type MutationCreateMigrationTaskArgs = {
  input: MigrationTaskInput;
};


export type MutationCreatePublicationArgs = {
  input: PublicationInput;
};


export type MutationCreateReplicationAlertRuleArgs = {
  input: CreateAlertRuleInput;
};


export type MutationCreateReplicationGroupArgs = {
  input: ReplicationGroupInput;
};


export type MutationCreateReplicationSlotArgs = {
  input: CreateSlotInput;
};


export type MutationCreateReplicationSnapshotArgs = {
  input?: InputMaybe<CreateReplicationSnapshotInput>;
};


export type MutationCreateShardedTableArgs = {
  input: ShardedTableInput;
};


export type MutationCreateSubscriptionArgs = {
  input: SubscriptionInput;
};


export type MutationDeleteChannelAlertRuleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteGeoDatacenterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMigrationTaskArgs = {
  taskId: Scalars['ID']['input'];
};


export type MutationDeleteReplicationGroupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteReplicationSlotArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteReplicationSnapshotArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteXaResourceManagerArgs = {
  name: Scalars['String']['input'];
};


export type MutationDisableSubscriptionArgs = {
  name: Scalars['String']['input'];
};


export type MutationDropPublicationArgs = {
  name: Scalars['String']['input'];
};


export type MutationDropShardedTableArgs = {
  table: Scalars['String']['input'];
};


export type MutationDropSubscriptionArgs = {
  name: Scalars['String']['input'];
};


export type MutationEnableSubscriptionArgs = {
  name: Scalars['String']['input'];
};


export type MutationEndXaTransactionArgs = {
  xid: Scalars['String']['input'];
};


export type MutationExecuteDistributedQueryArgs = {
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  query: Scalars['String']['input'];
};


export type MutationExecuteParallelQueryArgs = {
  dop?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type MutationExecuteRebalanceArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  planId: Scalars['ID']['input'];
};


export type MutationForgetHeuristicTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationHealFaultArgs = {
  id: Scalars['ID']['input'];
};


export type MutationInitiateRacRecoveryArgs = {
  instanceId: Scalars['ID']['input'];
  recoveringInstance?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationInjectFaultArgs = {
  input: FaultInput;
};


export type MutationJoinMemberArgs = {
  input: JoinMemberInput;
};


export type MutationLeaveMemberArgs = {
  memberId: Scalars['ID']['input'];
};


export type MutationPauseMigrationTaskArgs = {
  taskId: Scalars['ID']['input'];
};


export type MutationPauseReplicaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPauseShardRebalanceArgs = {
  planId: Scalars['ID']['input'];
};


export type MutationPlanShardRebalanceArgs = {
  input?: InputMaybe<RebalancePlanInput>;
};


export type MutationPrepareDistributedTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPrepareXaTransactionArgs = {
  xid: Scalars['String']['input'];
};


export type MutationRacFlushCacheArgs = {
  flushDirty?: InputMaybe<Scalars['Boolean']['input']>;
  instanceId?: InputMaybe<Scalars['ID']['input']>;
  invalidateClean?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRacGrdRemasterArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  targetNode?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRaftAppendEntriesArgs = {
  entries: Array<RaftLogEntryInput>;
};


export type MutationRaftCreateSnapshotArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRaftRequestVoteArgs = {
  candidateId: Scalars['ID']['input'];
  lastLogIndex?: InputMaybe<Scalars['BigInt']['input']>;
  lastLogTerm?: InputMaybe<Scalars['BigInt']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  term: Scalars['BigInt']['input'];
};


export type MutationRebalanceShardsArgs = {
  fromShard: Scalars['String']['input'];
  strategy?: InputMaybe<RebalanceStrategy>;
  table: Scalars['String']['input'];
  threshold?: InputMaybe<Scalars['Float']['input']>;
  toShard: Scalars['String']['input'];
};


export type MutationRegisterGlobalServiceArgs = {
  input: GlobalServiceInput;
};


export type MutationRegisterXaResourceManagerArgs = {
  input: RegisterXaResourceManagerInput;
};


export type MutationRemasterGrdResourcesArgs = {
  nodeId: Scalars['ID']['input'];
};


export type MutationRemasterResourceArgs = {
  resourceId: Scalars['ID']['input'];
  targetNode: Scalars['ID']['input'];
};


export type MutationRemoveClusterNodeArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  nodeId: Scalars['ID']['input'];
};


export type MutationRemoveGlobalServiceArgs = {
  name: Scalars['String']['input'];
};


export type MutationRemoveLoadBalancerBackendArgs = {
  backendId: Scalars['ID']['input'];
  force?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRemoveRaftMemberArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  nodeId: Scalars['ID']['input'];
};


export type MutationRemoveReplicaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveServiceInstanceArgs = {
  instanceId: Scalars['ID']['input'];
  regionId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
};


export type MutationRemoveServiceRegionArgs = {
  regionId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
};


export type MutationRemoveSiteFromGroupArgs = {
  groupId: Scalars['ID']['input'];
  siteId: Scalars['ID']['input'];
};


export type MutationReplicateMultiMasterArgs = {
  input: ReplicateMultiMasterInput;
};


export type MutationResolveConflictArgs = {
  input: ResolveConflictInput;
};


export type MutationResolveGeoReplicationConflictArgs = {
  input: ResolveMultiMasterConflictInput;
};


export type MutationResolveGroupConflictArgs = {
  input: ResolveGroupConflictInput;
};


export type MutationResolveInDoubtTransactionArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  nodeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  outcome: HeuristicDecision;
};


export type MutationRestoreReplicationSnapshotArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeMigrationTaskArgs = {
  taskId: Scalars['ID']['input'];
};


export type MutationResumeReplicaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeShardRebalanceArgs = {
  planId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackDistributedTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackXaTransactionArgs = {
  xid: Scalars['String']['input'];
};


export type MutationRouteGlobalServiceArgs = {
  input: ServiceRouteInput;
};


export type MutationSetClockArgs = {
  input: ClockInput;
};


export type MutationSetExecutionStrategyArgs = {
  strategy: ExecutionStrategy;
};


export type MutationSetGeoStreamConsistencyLevelArgs = {
  consistencyLevel: ConsistencyLevel;
  id: Scalars['ID']['input'];
};


export type MutationSetLoadBalancerStrategyArgs = {
  strategy: LoadBalancingStrategy;
};


export type MutationSetShardStatusArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  status: OperatorShardStatus;
  table: Scalars['String']['input'];
};


export type MutationSetWorkloadArgs = {
  input: WorkloadInput;
};


export type MutationSimulateReplicationConflictArgs = {
  input: SimulateConflictInput;
};


export type MutationStartMigrationTaskArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  taskId: Scalars['ID']['input'];
};


export type MutationStartXaTransactionArgs = {
  input: XaStartInput;
};


export type MutationTakeApplyCheckpointArgs = {
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationTestFailoverArgs = {
  input?: InputMaybe<FailoverTestInput>;
};


export type MutationTriggerFailoverArgs = {
  input: FailoverInput;
};


export type MutationTriggerReplicationFailoverArgs = {
  input?: InputMaybe<ReplicationFailoverInput>;
};


export type MutationUpdateApplyConfigArgs = {
  config: ApplyConfigInput;
};


export type MutationUpdateChannelAlertRuleArgs = {
  id: Scalars['ID']['input'];
  input: UpdateChannelAlertRuleInput;
};


export type MutationUpdateClusterConfigArgs = {
  config: ClusterConfigInput;
};


export type MutationUpdateFailoverConfigArgs = {
  config: FailoverConfigInput;
};


export type MutationUpdateGlobalServiceArgs = {
  input: GlobalServiceUpdateInput;
  name: Scalars['String']['input'];
};


export type MutationUpdateParallelQueryConfigArgs = {
  input: ParallelQueryConfigInput;
};


export type MutationUpdatePublicationArgs = {
  input: UpdatePublicationInput;
  name: Scalars['String']['input'];
};


export type MutationUpdateRacRecoveryConfigArgs = {
  input: RecoveryConfigInput;
};


export type MutationUpdateReplicationGroupArgs = {
  id: Scalars['ID']['input'];
  input: ReplicationGroupUpdateInput;
};


export type MutationUpdateShardedTableArgs = {
  input: UpdateShardedTableInput;
  table: Scalars['String']['input'];
};


export type MutationUpdateSubscriptionArgs = {
  input: UpdateSubscriptionInput;
  name: Scalars['String']['input'];
};


export type MutationWriteShardedRowsArgs = {
  rows: Array<Scalars['JSON']['input']>;
  table: Scalars['String']['input'];
};

/** Messages of the simulated control network. */
export type NetworkMetrics = {
  __typename?: 'NetworkMetrics';
  delivered: Scalars['BigInt']['output'];
  dropped: Scalars['BigInt']['output'];
  inFlight: Scalars['Int']['output'];
  sent: Scalars['BigInt']['output'];
};

/** Resources a node offers, from its configuration. */
export type NodeCapacity = {
  __typename?: 'NodeCapacity';
  availableMemoryGb: Scalars['Int']['output'];
  cpuCores: Scalars['Int']['output'];
  networkBandwidthMbps: Scalars['Int']['output'];
  storageCapacityGb: Scalars['Int']['output'];
  totalMemoryGb: Scalars['Int']['output'];
};

export type NodeCapacityInput = {
  availableMemoryGb: Scalars['Int']['input'];
  cpuCores: Scalars['Int']['input'];
  networkBandwidthMbps: Scalars['Int']['input'];
  storageCapacityGb: Scalars['Int']['input'];
  totalMemoryGb: Scalars['Int']['input'];
};

/** One node's health. */
export type NodeHealthDetail = {
  __typename?: 'NodeHealthDetail';
  /** Whether it leads. */
  isLeader: Scalars['Boolean']['output'];
  /** Whether it votes. */
  isVoter: Scalars['Boolean']['output'];
  /** Log entries it is behind the leader; null without a leader or while down. */
  lagEntries?: Maybe<Scalars['BigInt']['output']>;
  /** When its last heartbeat arrived. */
  lastHeartbeat?: Maybe<Scalars['DateTime']['output']>;
  /** Heartbeat intervals elapsed since then. */
  missedHeartbeats: Scalars['Int']['output'];
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Open issues that name it. */
  openIssueIds: Array<Scalars['ID']['output']>;
  /** Its consensus role; null while down. */
  raftState?: Maybe<RaftNodeState>;
  /** Its role. */
  role: NodeRole;
  /** Milliseconds of cluster time since its last heartbeat. */
  silenceMs: Scalars['Int']['output'];
  /** Its failure-detector status. */
  status: NodeStatus;
  /** When it entered its status. */
  statusSince: Scalars['DateTime']['output'];
  /** Seconds since it last started; 0 while down. */
  uptimeSeconds: Scalars['BigInt']['output'];
};

/** What a writable node holds of the planned shard groups. */
export type NodeLoad = {
  __typename?: 'NodeLoad';
  bytes: Scalars['BigInt']['output'];
  nodeId: Scalars['ID']['output'];
  rows: Scalars['BigInt']['output'];
  shards: Scalars['Int']['output'];
};

/** A role a load balancer checks a node for (Patroni's health checks). */
export type NodeProbeRole =
  /** The Raft leader. */
  | 'LEADER'
  /** The replication primary, running: it takes the writes. */
  | 'PRIMARY'
  /** The primary, or a standby that passes REPLICA. */
  | 'READ_ONLY'
  /** A running standby streaming WAL, within the lag bounds given. */
  | 'REPLICA';

/** A node's part in the cluster. LEADER and CANDIDATE are set by consensus. */
export type NodeRole =
  | 'CANDIDATE'
  | 'COORDINATOR'
  | 'FOLLOWER'
  | 'LEADER'
  | 'READ_ONLY'
  | 'WITNESS';

/** What a role probe found (GET /api/v1/cluster/nodes/{id}/probes/{role}); nothing else about the node is shown. */
export type NodeRoleProbe = {
  __typename?: 'NodeRoleProbe';
  /** A standby's replay lag in bytes; null unless replicationRole is STANDBY. */
  lagBytes?: Maybe<Scalars['BigInt']['output']>;
  /** A standby's replay lag in milliseconds; null unless replicationRole is STANDBY. */
  lagMs?: Maybe<Scalars['BigInt']['output']>;
  /** Whether the node is the Raft leader now. */
  leader: Scalars['Boolean']['output'];
  nodeId: Scalars['ID']['output'];
  /** Whether the node has the role (REST answers 200, or 503 when false). */
  passed: Scalars['Boolean']['output'];
  probe: NodeProbeRole;
  /** Why the probe failed; null when it passed. */
  reason?: Maybe<Scalars['String']['output']>;
  replicationRole: ReplicationRole;
  /** false while the node is crashed; a node that is down fails every probe. */
  running: Scalars['Boolean']['output'];
};

/** Services a node can run. */
export type NodeServiceName =
  | 'coordinator'
  | 'gateway'
  | 'query'
  | 'replication'
  | 'storage';

/** The snapshot one node took. */
export type NodeSnapshot = {
  __typename?: 'NodeSnapshot';
  /** Log entries dropped because the snapshot covers them. */
  entriesCompacted: Scalars['BigInt']['output'];
  /** The last log index the snapshot covers. */
  lastIncludedIndex: Scalars['BigInt']['output'];
  /** Term of that entry. */
  lastIncludedTerm: Scalars['BigInt']['output'];
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Size of the snapshot, in bytes. */
  sizeBytes: Scalars['BigInt']['output'];
};

/** Health as the failure detector sees it, from heartbeats. */
export type NodeStatus =
  | 'DOWN'
  | 'HEALTHY'
  | 'INITIALIZING'
  | 'RECOVERING'
  | 'SUSPECTED';

/** A node joined, left or changed status (events node_joined, node_left, node_health_change). */
export type NodeStatusEvent = {
  __typename?: 'NodeStatusEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** The node after the change; null once it left. */
  node?: Maybe<ClusterNode>;
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Its status before, for node_health_change. */
  previousStatus?: Maybe<NodeStatus>;
  /** Its status after; null once it left. */
  status?: Maybe<NodeStatus>;
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** The event type. */
  type: Scalars['String']['output'];
};

/** What one live member believes about the member. */
export type ObserverBelief = {
  __typename?: 'ObserverBelief';
  /** The incarnation its belief is about. */
  incarnation?: Maybe<Scalars['BigInt']['output']>;
  /** When its view entered that state. */
  lastStateChange?: Maybe<Scalars['DateTime']['output']>;
  /** The member holding the belief. */
  observerId: Scalars['ID']['output'];
  /** The state it holds the member in; null when it does not know it. */
  state?: Maybe<MemberState>;
  /** Its suspicion, while it holds the member SUSPECT. */
  suspicion?: Maybe<Suspicion>;
};

/** How many live members hold a member in each state. */
export type ObserverCounts = {
  __typename?: 'ObserverCounts';
  /** Holding it ALIVE. */
  alive: Scalars['Int']['output'];
  /** Holding it DEAD. */
  dead: Scalars['Int']['output'];
  /** Holding it LEFT. */
  left: Scalars['Int']['output'];
  /** Holding it SUSPECT. */
  suspect: Scalars['Int']['output'];
  /** Not knowing it. */
  unaware: Scalars['Int']['output'];
};

/** One operation's requests since the server started. */
export type OperationMetrics = {
  __typename?: 'OperationMetrics';
  /** Answered with status 400 or above. */
  errors: Scalars['BigInt']['output'];
  maxLatencyMs: Scalars['Float']['output'];
  meanLatencyMs: Scalars['Float']['output'];
  operationId: Scalars['String']['output'];
  requests: Scalars['BigInt']['output'];
};

/** The states an operator may set. */
export type OperatorShardStatus =
  | 'ACTIVE'
  | 'OFFLINE'
  | 'READ_ONLY';

/** One aggregate of a parallel query. */
export type ParallelQueryAggregate = {
  __typename?: 'ParallelQueryAggregate';
  alias: Scalars['String']['output'];
  /** Null for COUNT(*). */
  column?: Maybe<Scalars['String']['output']>;
  function: AggregateFunction;
};

/** How parallel queries are planned. */
export type ParallelQueryConfig = {
  __typename?: 'ParallelQueryConfig';
  adaptive: Scalars['Boolean']['output'];
  granuleBlocks: Scalars['Int']['output'];
  maxDop: Scalars['Int']['output'];
};

/** The whole parallel query configuration. */
export type ParallelQueryConfigInput = {
  adaptive: Scalars['Boolean']['input'];
  granuleBlocks: Scalars['Int']['input'];
  maxDop: Scalars['Int']['input'];
};

/** A parallel query started or ended (`parallel_query_started`, `parallel_query_completed`). */
export type ParallelQueryEvent = {
  __typename?: 'ParallelQueryEvent';
  /** Blocks the slaves read (0 when it starts). */
  blocksRead: Scalars['Int']['output'];
  cursor: Scalars['BigInt']['output'];
  dop: Scalars['Int']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  granules: Scalars['Int']['output'];
  /** The instances running a slave. */
  nodeIds: Array<Scalars['ID']['output']>;
  query: Scalars['String']['output'];
  queryId: Scalars['ID']['output'];
  resultRows?: Maybe<Scalars['Int']['output']>;
  status: ParallelQueryStatus;
  time: Scalars['DateTime']['output'];
  /** parallel_query_started or parallel_query_completed. */
  type: Scalars['String']['output'];
};

/** One WHERE equality. */
export type ParallelQueryFilter = {
  __typename?: 'ParallelQueryFilter';
  column: Scalars['String']['output'];
  /** A string or a number. */
  value: Scalars['JSON']['output'];
};

/** A block range one slave reads. */
export type ParallelQueryGranule = {
  __typename?: 'ParallelQueryGranule';
  blocks: Scalars['Int']['output'];
  firstBlock: Scalars['String']['output'];
  granuleId: Scalars['Int']['output'];
  instanceId: Scalars['ID']['output'];
  lastBlock: Scalars['String']['output'];
  rowsScanned: Scalars['BigInt']['output'];
  status: ParallelQueryStatus;
};

/** A parallel query with its plan, progress and, once COMPLETED, its result. */
export type ParallelQueryJob = {
  __typename?: 'ParallelQueryJob';
  blocksRead: Scalars['BigInt']['output'];
  cacheFusionTransfers: Scalars['BigInt']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  plan: ParallelQueryPlan;
  queryId: Scalars['ID']['output'];
  result?: Maybe<ParallelQueryResult>;
  rowsScanned: Scalars['BigInt']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: ParallelQueryStatus;
};

/** How a query was split over the instances. */
export type ParallelQueryPlan = {
  __typename?: 'ParallelQueryPlan';
  adaptiveReduced: Scalars['Boolean']['output'];
  aggregates: Array<ParallelQueryAggregate>;
  coordinatorInstance: Scalars['ID']['output'];
  dop: Scalars['Int']['output'];
  granules: Array<ParallelQueryGranule>;
  groupBy: Array<Scalars['String']['output']>;
  instances: Array<Scalars['ID']['output']>;
  plannedAt: Scalars['DateTime']['output'];
  query: Scalars['String']['output'];
  queryId: Scalars['ID']['output'];
  requestedDop: Scalars['Int']['output'];
  table: Scalars['String']['output'];
  where: Array<ParallelQueryFilter>;
};

export type ParallelQueryPlanSortField =
  | 'dop'
  | 'plannedAt'
  | 'queryId';

/** The merged result, equal to a serial evaluation. */
export type ParallelQueryResult = {
  __typename?: 'ParallelQueryResult';
  columns: Array<Scalars['String']['output']>;
  rowCount: Scalars['Int']['output'];
  /** One object per group, keyed by column name. */
  rows: Array<Scalars['JSON']['output']>;
};

/** Parallel query counters and the configuration in force. */
export type ParallelQueryStatistics = {
  __typename?: 'ParallelQueryStatistics';
  activeQueries: Scalars['Int']['output'];
  adaptiveReductions: Scalars['BigInt']['output'];
  avgDop: Scalars['Float']['output'];
  avgDurationMs: Scalars['Float']['output'];
  blocksRead: Scalars['BigInt']['output'];
  completedQueries: Scalars['BigInt']['output'];
  config: ParallelQueryConfig;
  failedQueries: Scalars['BigInt']['output'];
  queriesByAggregate: AggregateCounts;
  rowsScanned: Scalars['BigInt']['output'];
  totalGranules: Scalars['BigInt']['output'];
  totalQueries: Scalars['BigInt']['output'];
};

/** Where a parallel query (or one of its granules) stands. */
export type ParallelQueryStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'RUNNING';

/** One participant of a new transaction, with its writes. */
export type ParticipantInput = {
  nodeId: Scalars['ID']['input'];
  writes?: InputMaybe<Array<RowWriteInput>>;
};

/** What a resolution does (or would do) at one participant. */
export type ParticipantResolution = {
  __typename?: 'ParticipantResolution';
  action: ResolutionAction;
  locksReleased: Array<RowLock>;
  nodeId: Scalars['ID']['output'];
  /** Why NONE, in words. */
  reason?: Maybe<Scalars['String']['output']>;
  rowsWritten: Scalars['Int']['output'];
  state: ParticipantState;
};

/** Where one participant stands (see ParticipantState in the OpenAPI document). */
export type ParticipantState =
  | 'ABORTED'
  | 'ACTIVE'
  | 'COMMITTED'
  | 'HEURISTIC_COMMIT'
  | 'HEURISTIC_ROLLBACK'
  | 'IN_DOUBT'
  | 'PREPARED';

/** A participant's answer to PREPARE. */
export type ParticipantVote =
  | 'NO'
  | 'YES';

/**
 * The API server process over one interval of wall time (not cluster time): what it answered, how
 * fast, how busy its event loop and CPU were, and its memory at the end. Process figures, measured.
 */
export type PerformanceMetrics = {
  __typename?: 'PerformanceMetrics';
  /** When the interval ended (wall clock). */
  at: Scalars['DateTime']['output'];
  /** CPU time the process used (user + system) per second of the interval: 1.0 is one core busy. */
  cpuCoresUsed: Scalars['Float']['output'];
  cpuSystemSeconds: Scalars['Float']['output'];
  cpuUserSeconds: Scalars['Float']['output'];
  /** Those answered with status 400 or above. */
  errors: Scalars['Int']['output'];
  /** Null when the event loop took no sample in the interval. */
  eventLoopDelay?: Maybe<EventLoopDelay>;
  heapTotalBytes: Scalars['BigInt']['output'];
  heapUsedBytes: Scalars['BigInt']['output'];
  /** Length of the interval, in seconds of wall time. */
  intervalSeconds: Scalars['Float']['output'];
  latency: LatencyPercentiles;
  /** Requests answered in the interval (REST and GraphQL). */
  requests: Scalars['Int']['output'];
  requestsPerSecond: Scalars['Float']['output'];
  rssBytes: Scalars['BigInt']['output'];
};

/** What a permanent error does (GoldenGate's REPERROR responses). */
export type PermanentErrorPolicy =
  /** Stop the applier (ABENDED), the transaction FAILED and the checkpoint below it. */
  | 'ABEND'
  /** Give it up, keep its changes in the discard list, and go on. */
  | 'DISCARD'
  /** Give the transaction up and go on. */
  | 'SKIP';

/** An update being piggybacked on a member's messages. */
export type PiggybackEntry = {
  __typename?: 'PiggybackEntry';
  /** Who asserts it. */
  from: Scalars['String']['output'];
  /** The incarnation it is about. */
  incarnation: Scalars['BigInt']['output'];
  /** The member the update is about. */
  memberId: Scalars['ID']['output'];
  /** Times it will still be sent. */
  remainingTransmissions: Scalars['Int']['output'];
  /** The state it asserts. */
  state: MemberState;
  /** Times sent so far. */
  transmissions: Scalars['Int']['output'];
};

/** One move of a plan or task; colocated tables move together. */
export type PlannedShardMove = {
  __typename?: 'PlannedShardMove';
  bytes: Scalars['BigInt']['output'];
  estimatedDurationMs: Scalars['BigInt']['output'];
  group: Scalars['String']['output'];
  rows: Scalars['BigInt']['output'];
  shardId: Scalars['ID']['output'];
  sourceNodeId: Scalars['ID']['output'];
  tables: Array<Scalars['String']['output']>;
  targetNodeId: Scalars['ID']['output'];
};

/** Who opened a connection or a subscription (a bearer token names its key). */
export type Principal = {
  __typename?: 'Principal';
  keyId: Scalars['String']['output'];
  role: Role;
};

/** Where a member's current probe stands. */
export type ProbePhase =
  /** The target answered. */
  | 'ACKED'
  /** The target was pinged; the ping timeout runs. */
  | 'DIRECT'
  /** The direct ping timed out; helpers probe the target. */
  | 'INDIRECT';

/** The API server process. */
export type ProcessMetrics = {
  __typename?: 'ProcessMetrics';
  heapUsedBytes: Scalars['BigInt']['output'];
  rssBytes: Scalars['BigInt']['output'];
  uptimeSeconds: Scalars['Int']['output'];
};

/** A publication on a node. */
export type Publication = {
  __typename?: 'Publication';
  allTables: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  nodeId: Scalars['String']['output'];
  publish: Array<PublishOperation>;
  subscriptionCount: Scalars['Int']['output'];
  tables: Array<PublishedTable>;
  updatedAt: Scalars['DateTime']['output'];
};

export type PublicationInput = {
  allTables?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  nodeId?: InputMaybe<Scalars['String']['input']>;
  publish?: InputMaybe<Array<PublishOperation>>;
  tables?: InputMaybe<Array<PublishedTableInput>>;
};

/** An operation a publication publishes. */
export type PublishOperation =
  | 'delete'
  | 'insert'
  | 'truncate'
  | 'update';

/** A table of a publication: its row filter, column list and masks. */
export type PublishedTable = {
  __typename?: 'PublishedTable';
  columns?: Maybe<Array<Scalars['String']['output']>>;
  masks: Array<ColumnMask>;
  rowFilter?: Maybe<Scalars['String']['output']>;
  table: Scalars['String']['output'];
};

export type PublishedTableInput = {
  columns?: InputMaybe<Array<Scalars['String']['input']>>;
  masks?: InputMaybe<Array<ColumnMaskInput>>;
  rowFilter?: InputMaybe<Scalars['String']['input']>;
  table: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Queries running now (GET /api/v1/rac/parallel-query/active). */
  activeParallelQueries: Array<ParallelQueryJob>;
  /** Resolved alerts, newest resolution first (the last 500 of each source). GET /api/v1/alerts/history. */
  alertHistory: Array<Alert>;
  /** Open alerts (PENDING or FIRING; RESOLVED ones are in alertHistory), newest first. GET /api/v1/alerts. */
  alerts: Array<Alert>;
  /** Analyzes a candidate shard key over the table's rows (GET …/sharding/analyze-key). */
  analyzeShardKey: ShardKeyAnalysis;
  apiKeys: Array<ApiKey>;
  /** Version of the API server. */
  apiVersion: Scalars['String']['output'];
  /** Checkpoint history, newest first (GET /api/v1/advanced-replication/apply/checkpoints). */
  applyCheckpoints: Array<ApplyCheckpoint>;
  /** The apply configuration (GET /api/v1/advanced-replication/apply/config). */
  applyConfig: ApplyConfig;
  /** Apply statistics, of every applier or one subscription's (GET /api/v1/advanced-replication/apply/statistics). */
  applyStatistics: ApplyStatistics;
  /** Every applier's state, checkpoint and lag (GET /api/v1/advanced-replication/apply/status). */
  applyStatus: Array<ApplierStatus>;
  /** Unfinished transactions in commit order, then finished ones newest first (GET /api/v1/advanced-replication/apply/transactions). */
  applyTransactions: Array<ApplyTransaction>;
  auditEntries: Array<AuditEntry>;
  /** The buffer caches the engines keep, measured (seed 003): RAC's, one per instance. */
  bufferPoolStats?: Maybe<BufferPoolStats>;
  /** The same counters, by the name seed 003 gives them (GET /api/v1/rac/cache-fusion/statistics). */
  cacheFusionStats: CacheFusionStats;
  /** The transfer log, newest first by default (GET /api/v1/rac/cache-fusion/transfers). */
  cacheFusionTransfers: Array<CacheFusionTransfer>;
  /** The channel alert rules (twin of GET .../monitoring/alerts and /replication/monitoring/alerts). */
  channelAlertRules: Array<ChannelAlertRule>;
  /** Every channel's conflicts (twin of GET .../monitoring/conflicts). */
  channelConflicts: Array<ChannelConflicts>;
  /** Every channel's errors (twin of GET .../monitoring/errors and /replication/monitoring/errors). */
  channelErrors: Array<ChannelErrors>;
  /** Every channel's lag, worst first (twin of GET .../monitoring/lag and /replication/monitoring/lag). */
  channelLag: Array<ChannelLag>;
  /** Every channel's throughput (twin of GET .../monitoring/throughput and /replication/monitoring/throughput). */
  channelThroughput: Array<ChannelThroughput>;
  /** A channel's metric over a window, downsampled to at most maxPoints (twin of GET .../monitoring/timeseries). */
  channelTimeSeries: ChannelTimeSeries;
  clock: Clock;
  /** The cluster as a whole. */
  cluster?: Maybe<ClusterInfo>;
  clusterConfig: ClusterConfig;
  /** The cluster's health: state, quorum margin, node counts and open issues. */
  clusterHealth: ClusterHealth;
  clusterNode?: Maybe<ClusterNode>;
  /** Cluster members, filtered and paged like GET /api/v1/cluster/nodes. */
  clusterNodes: Array<ClusterNode>;
  /** Replication seen from the cluster, one row per node. */
  clusterReplication: ClusterReplication;
  /** One shard of any group, like GET /api/v1/cluster/coordinator/shards/{id}. */
  clusterShard: ClusterShard;
  /** The cluster at a glance. */
  clusterStatus: ClusterStatus;
  clusterTopology: ClusterTopology;
  /** Each clustering subsystem in one read. */
  clusteringStatus: ClusteringStatus;
  /** The CRDT types and where they are used (GET /api/v1/advanced-replication/conflicts/crdts). */
  conflictCrdts: Array<CrdtTypeInfo>;
  /** The probability of a conflict in the next window, with its basis (GET /api/v1/advanced-replication/conflicts/predictions). */
  conflictPredictions: ConflictPredictions;
  /** Conflicts by type, strategy and table (GET /api/v1/advanced-replication/conflicts/statistics). */
  conflictStatistics: ConflictStatistics;
  /** The resolution strategies and their guarantees (GET /api/v1/advanced-replication/conflicts/strategies). */
  conflictStrategies: Array<ConflictStrategyInfo>;
  /** The health summary, its checks, the leader and every node's health. */
  detailedClusterHealth: DetailedClusterHealth;
  /** Nodes on the ring. */
  dhtNodes: Array<DhtNode>;
  /** The ring's vnodes in token order. */
  dhtRing: Array<DhtRingEntry>;
  /** Ownership and routing statistics of the ring. */
  dhtStatistics: DhtStatistics;
  /** Plans how a query would be distributed, routed through the load balancer like POST /api/v1/cluster/coordinator/distribute-query; nothing is run. */
  distributeQuery: DistributedQueryPlan;
  /** One kept plan; null when not kept (GET /api/v1/cluster/query/plans/{id}). */
  distributedQueryPlan?: Maybe<DistributedQueryExecution>;
  /** Kept plans with their actuals, newest first (GET /api/v1/cluster/query/plans). */
  distributedQueryPlans: Array<DistributedQueryExecution>;
  /** Distributed query statistics (GET /api/v1/cluster/query/statistics). */
  distributedQueryStatistics: DistributedQueryStatistics;
  /** One distributed transaction; null when unknown (GET /api/v1/cluster/transactions/distributed/{id}/status). */
  distributedTransaction?: Maybe<DistributedTransaction>;
  /** Two-phase commit statistics (GET /api/v1/cluster/transactions/distributed/statistics). */
  distributedTransactionStatistics: DistributedTransactionStatistics;
  /** Distributed transactions, newest first by default (GET /api/v1/cluster/transactions/distributed). */
  distributedTransactions: Array<DistributedTransaction>;
  /** Events after a cursor, oldest first. */
  events: EventPage;
  /** The plan a query would run, without running it (POST /api/v1/cluster/query/explain). */
  explainDistributedQuery: ShardedQueryPlan;
  /** The failover configuration in force. */
  failoverConfig: FailoverConfig;
  /** The failover history, newest first by default. */
  failoverHistory: Array<FailoverResult>;
  /** Counts and durations over the failover history. */
  failoverStatistics: FailoverStatistics;
  faults: Array<Fault>;
  /** Every service's health (GET …/gds/health). */
  gdsHealth: Array<GlobalServiceHealth>;
  /** The region latency matrix (GET …/gds/latencies). */
  gdsLatencies: RegionLatencyMatrix;
  /** Every global service (seed 001's name for globalServices). */
  gdsServices: Array<GlobalService>;
  /** Statistics (GET …/gds/statistics). */
  gdsStatistics: GdsStatistics;
  /** What a consistency level survives with some datacenters failed (POST /api/v1/geo-replication/consistency-calculator). */
  geoConsistencyForecast: ConsistencyForecast;
  /** One datacenter; null when unknown (GET /api/v1/geo-replication/datacenters/{id}). */
  geoDatacenter?: Maybe<GeoDatacenter>;
  /** Datacenters (GET /api/v1/geo-replication/datacenters). */
  geoDatacenters: Array<GeoDatacenter>;
  /** Conflicts of multi-master groups, newest first (twin of GET /geo-replication/conflicts). */
  geoReplicationConflicts: Array<MultiMasterConflict>;
  /** Geo-replication statistics with the lag matrix (GET /api/v1/geo-replication/statistics). */
  geoReplicationStatistics: GeoReplicationStatistics;
  /** One geo stream's status; null when unknown (GET /api/v1/geo-replication/streams/{id}/status). */
  geoStreamStatus?: Maybe<GeoStream>;
  /** Geo streams (GET /api/v1/geo-replication/streams). */
  geoStreams: Array<GeoStream>;
  /** A datacenter's vector clock, and whether it covers a session's (GET /api/v1/geo-replication/vector-clocks/{dc}). */
  geoVectorClock: DatacenterVectorClock;
  /** One global service, or null (GET …/gds/services/{name}). */
  globalService?: Maybe<GlobalService>;
  /** A region's instances (GET …/gds/services/{serviceName}/regions/{regionId}/instances). */
  globalServiceInstances: Array<DatabaseInstance>;
  /** A service's regions (GET …/gds/services/{name}/regions). */
  globalServiceRegions: Array<ServiceRegion>;
  /** Every global service (GET /api/v1/advanced-replication/gds/services). */
  globalServices: Array<GlobalService>;
  /** The gossip protocol state; limit and offset page the members. */
  gossipState: GossipState;
  /** The strongest affinities, strongest first by default (GET /api/v1/rac/grd/affinity). */
  grdAffinity: Array<GrdAffinity>;
  /** Resources of the directory (GET /api/v1/rac/grd/resources). */
  grdResources: Array<GrdResource>;
  /** The same, by the name seed 003 gives it. */
  grdTopology: GrdTopology;
  /** A recorded group conflict explained and replayed under every other strategy; null when unknown. */
  groupConflictExplanation?: Maybe<ConflictExplanation>;
  health: HealthReport;
  /** Samples of the cluster's health over time, newest first by default. */
  healthHistory: Array<HealthSample>;
  /** Open and resolved issues, newest first by default. */
  healthIssues: Array<HealthIssue>;
  /** In-doubt transactions, longest in doubt first by default (GET /api/v1/cluster/transactions/distributed/in-doubt). */
  inDoubtTransactions: Array<InDoubtTransaction>;
  /** One backend; null when unknown. */
  loadBalancerBackend?: Maybe<LoadBalancerBackend>;
  /** Backends, filtered and paged like GET /api/v1/cluster/load-balancer/backends. */
  loadBalancerBackends: Array<LoadBalancerBackend>;
  /** Active and recently closed connections, newest first by default. */
  loadBalancerConnections: Array<LoadBalancerConnection>;
  /** What the load balancer routed since it started. */
  loadBalancerStatistics: LoadBalancerStatistics;
  /** A page of decoded changes (GET …/logical/changes). */
  logicalChanges: LogicalChanges;
  /** One publication; null when unknown (GET …/logical/publications/{name}). */
  logicalPublication?: Maybe<Publication>;
  /** Publications (GET /api/v1/advanced-replication/logical/publications and its aliases). */
  logicalPublications: Array<Publication>;
  /** Logical replication statistics (GET …/logical/statistics). */
  logicalStatistics: LogicalStatistics;
  /** One subscription; null when unknown (GET …/logical/subscriptions/{name}). */
  logicalSubscription?: Maybe<LogicalSubscription>;
  /** Subscriptions (GET …/logical/subscriptions and its aliases). */
  logicalSubscriptions: Array<LogicalSubscription>;
  /** A member as the group, itself and each observer sees it; null when unknown. */
  memberState?: Maybe<MemberStateDetail>;
  /** Members of the gossip group (the cluster's nodes; gossip state is rebuilt at start), filtered and paged like GET /api/v1/cluster/members. */
  members: Array<Member>;
  /** The same snapshot as GET /api/v1/metrics. */
  metrics: Metrics;
  /** The move machinery's statistics (GET /api/v1/cluster/migration/statistics). */
  migrationStatistics: MigrationStatistics;
  /** One migration task (GET /api/v1/cluster/migration/tasks/{id}). */
  migrationTask: MigrationTask;
  /** A migration task's progress (GET /api/v1/cluster/migration/tasks/{id}/progress). */
  migrationTaskProgress: RebalanceStatus;
  /** Migration tasks (GET /api/v1/cluster/migration/tasks). */
  migrationTasks: MigrationTaskPage;
  /** Every replication channel of every kind (twin of GET /advanced-replication/monitoring/channels). */
  monitoredChannels: Array<MonitoredChannel>;
  /** Whether each group's sites agree, and how long they took (twin of GET /advanced-replication/multi-master/convergence). */
  multiMasterConvergenceStatus: Array<MultiMasterConvergenceReport>;
  /** One group, or null. */
  multiMasterGroup?: Maybe<ReplicationGroup>;
  /** The multi-master groups (twin of GET /advanced-replication/multi-master/groups). */
  multiMasterGroups: Array<ReplicationGroup>;
  /** Whether each group's quorums are reachable now. */
  multiMasterQuorumStatus: Array<MultiMasterQuorumStatus>;
  /** Every site of every group, or of one. */
  multiMasterSites: Array<MultiMasterSite>;
  /** Multi-master counters. */
  multiMasterStatistics: MultiMasterStatistics;
  /**
   * Whether a node has a role, as GET /api/v1/cluster/nodes/{id}/probes/{role} answers it.
   * Public, like the health probes. maxLagBytes and maxLagMs bound a standby's replay lag
   * (REPLICA, and the standby part of READ_ONLY).
   */
  nodeRoleProbe: NodeRoleProbe;
  /** Plans of the queries run, newest first by default (GET /api/v1/rac/parallel-query/plans). */
  parallelQueryPlans: Array<ParallelQueryPlan>;
  /** Parallel query counters and config (GET /api/v1/rac/parallel-query/statistics and its alias /stats). */
  parallelQueryStatistics: ParallelQueryStatistics;
  /** One query, or the most recent without `queryId`; null when there is none (GET /api/v1/rac/parallel-query/status). */
  parallelQueryStatus?: Maybe<ParallelQueryJob>;
  /** Metrics in Prometheus text format. */
  prometheusMetrics: Scalars['String']['output'];
  /** Recoveries running now, oldest first (GET /api/v1/rac/recovery/active). */
  racActiveRecoveries: Array<InstanceRecovery>;
  /** Global Cache Service counters (GET /api/v1/rac/cache-fusion/stats). */
  racCacheFusionStats: CacheFusionStats;
  /** Cache Fusion now (GET /api/v1/rac/cache-fusion/status). */
  racCacheFusionStatus: CacheFusionStatus;
  /** The RAC database with its instances, statistics, the cluster's health and the RAC configuration. */
  racCluster: RacCluster;
  /** Cluster-wide statistics (GET /api/v1/rac/cluster/stats and its alias /cluster/statistics). */
  racClusterStatistics: RacStatistics;
  /** The RAC database at a glance (GET /api/v1/rac/cluster/status and its alias /api/v1/rac/status). */
  racClusterStatus: RacClusterStatus;
  /** Who masters what (GET /api/v1/rac/grd/topology). */
  racGrdTopology: GrdTopology;
  /** The instances (GET /api/v1/rac/cluster/nodes). */
  racInstances: Array<RacInstance>;
  /** The latency matrix (GET /api/v1/rac/interconnect/latency). */
  racInterconnectLatency: InterconnectLatency;
  /** Interconnect counters (GET /api/v1/rac/interconnect/stats). */
  racInterconnectStatistics: InterconnectStats;
  /** Interconnect health (GET /api/v1/rac/interconnect/status). */
  racInterconnectStatus: InterconnectStatus;
  /** The recovery configuration (GET /api/v1/rac/recovery/config). */
  racRecoveryConfig: RecoveryConfig;
  /** Ended recoveries, newest first by default (GET /api/v1/rac/recovery/history). */
  racRecoveryHistory: Array<InstanceRecovery>;
  /** Every instance's recovery state (GET /api/v1/rac/recovery/status and its alias /api/v1/rac/recovery). */
  racRecoveryStatus: Array<RecoveryStatus>;
  /** The current leader, or null fields while an election runs. */
  raftLeader: RaftLeader;
  /** Entries of a node's log (the leader's by default), oldest first, paged like GET /api/v1/cluster/raft/log/entries. */
  raftLog: Array<RaftLogEntry>;
  /** The extent of a node's log; the leader's by default. */
  raftLogSummary: RaftLogSummary;
  /** Node ids of the Raft configuration's members (voters and learners). */
  raftMembers: Array<Scalars['String']['output']>;
  /** The voting configuration with each member's replication progress. */
  raftMembership: RaftMembership;
  /** One node's consensus state; the leader's by default. */
  raftState: RaftState;
  /** One replica by id (its node's id). */
  replica?: Maybe<Replica>;
  /** The standbys of the primary. */
  replicas: Array<Replica>;
  /** Alerts of the rules (pending, firing, resolved), newest first. */
  replicationAlerts: Array<ReplicationAlert>;
  /** One WAL sender per replica. */
  replicationChannels: Array<ReplicationChannel>;
  /** The replication configuration in force. */
  replicationConfig?: Maybe<ReplicationConfig>;
  /** Replication conflicts, newest first by default. */
  replicationConflicts: Array<ReplicationConflict>;
  /** Everything a replication dashboard shows. */
  replicationDashboard: ReplicationDashboard;
  /** Every standby's lag now (or one replica's). */
  replicationLag: ReplicationLagReport;
  /** The lag time series, oldest first. */
  replicationLagHistory: Array<ReplicationLagSample>;
  /** Every channel summarized (twin of GET .../monitoring/dashboard and /replication/monitoring/dashboard). */
  replicationMonitoringDashboard: ReplicationMonitoringDashboard;
  /** One slot by name. */
  replicationSlot?: Maybe<ReplicationSlot>;
  /** Replication slots. */
  replicationSlots: Array<ReplicationSlot>;
  /** One snapshot by id. */
  replicationSnapshot?: Maybe<ReplicationSnapshot>;
  /** Progress of the latest operation (creation or restore) on a snapshot. */
  replicationSnapshotProgress?: Maybe<ReplicationSnapshotProgress>;
  /** Snapshots, newest first by default. */
  replicationSnapshots: Array<ReplicationSnapshot>;
  /** Counters of the replication engine. */
  replicationStatistics: ReplicationStatistics;
  /** Replication at a glance. */
  replicationStatus: ReplicationStatus;
  /** Routes one key or several (exactly one of key and keys) to their owner and preference list. */
  routeDhtKey: DhtRouteResult;
  /** A rebalance's progress (GET …/rebalance/{id}/progress); the newest rebalance when `planId` is absent (GET /api/v1/sharding/rebalance/status). */
  shardRebalance: RebalanceStatus;
  /** Routes a key or a predicate to shards and nodes, with the reason (POST …/sharding/query/route). */
  shardRoute: ShardRoute;
  /** A page of one shard's rows (GET …/sharding/tables/{table}/shards/{id}/rows). */
  shardRows: Array<Scalars['JSON']['output']>;
  /** One sharded table; null when unknown (GET …/sharding/tables/{table} and its alias /api/v1/sharding/tables/{name}). */
  shardedTable?: Maybe<ShardedTable>;
  /** Sharded tables (GET /api/v1/advanced-replication/sharding/tables and its alias /api/v1/sharding/tables). */
  shardedTables: Array<ShardedTable>;
  /** Sharding statistics, optionally of one table (GET …/sharding/statistics and its aliases /api/v1/replication/sharding/statistics, /api/v1/sharding/tables/{name}/stats). */
  shardingStatistics: ShardingStatistics;
  /** Every group's shards (the default group first), filtered and paged like GET /api/v1/cluster/coordinator/shards. */
  shards: Array<ClusterShard>;
  /** Nodes the failure detector holds SUSPECTED or DOWN. */
  suspectedNodes: Array<SuspectedNode>;
  /** One shard of a table, by id or name; null when unknown (GET …/sharding/tables/{table}/shards/{id}). */
  tableShard?: Maybe<Shard>;
  /** A table's shards (GET …/sharding/tables/{table}/shards and its alias /api/v1/sharding/tables/{name}/shards). */
  tableShards: Array<Shard>;
  /** The write workload on the replication primary. */
  workload: Workload;
  /** Open sockets on the streams under /api/v1/ws; a CLUSTER_VIEWER sees its own. */
  wsConnections: Array<WebSocketConnection>;
  /** The WebSocket server's status (GET /api/v1/ws/status). */
  wsStatus: WebSocketStatus;
  /** Active subscriptions over WebSocket and GraphQL; a CLUSTER_VIEWER sees its own. */
  wsSubscriptions: Array<StreamSubscription>;
  /** PREPARED XA transactions, as XA RECOVER (GET /api/v1/advanced-replication/xa/recover and its alias /api/v1/xa/recovery). */
  xaRecover: Array<XaRecoveredTransaction>;
  /** Resource managers (GET /api/v1/advanced-replication/xa/resource-managers and its alias /api/v1/xa/resource-managers). */
  xaResourceManagers: Array<XaResourceManager>;
  /** XA statistics (GET /api/v1/advanced-replication/xa/statistics). */
  xaStatistics: XaStatistics;
  /** One XA transaction; null when unknown (GET /api/v1/advanced-replication/xa/{xid}/status and its alias /api/v1/xa/transactions/{xid}). */
  xaTransaction?: Maybe<XaTransaction>;
  /** XA transactions, newest first by default (GET /api/v1/advanced-replication/xa/transactions and its alias /api/v1/xa/transactions). */
  xaTransactions: Array<XaTransaction>;
};


export type QueryActiveParallelQueriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAlertHistoryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  source?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAlertsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  source?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<AlertState>;
};


export type QueryAnalyzeShardKeyArgs = {
  hashFunction?: InputMaybe<HashFunction>;
  keyColumns: Array<Scalars['String']['input']>;
  shardCount?: InputMaybe<Scalars['Int']['input']>;
  table: Scalars['String']['input'];
};


export type QueryApiKeysArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
};


export type QueryApplyCheckpointsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
  trigger?: InputMaybe<ApplyCheckpointTrigger>;
};


export type QueryApplyStatisticsArgs = {
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryApplyStatusArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<ApplierSortField>;
  state?: InputMaybe<ApplierState>;
  targetNodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryApplyTransactionsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ApplyTransactionStatus>;
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAuditEntriesArgs = {
  actorKeyId?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  operationId?: InputMaybe<Scalars['String']['input']>;
  order?: InputMaybe<SortOrder>;
  outcome?: InputMaybe<AuditOutcome>;
};


export type QueryCacheFusionTransfersArgs = {
  blockId?: InputMaybe<Scalars['String']['input']>;
  instanceId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  mode?: InputMaybe<BlockMode>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<CacheFusionTransferSortField>;
  way?: InputMaybe<TransferWay>;
};


export type QueryChannelAlertRulesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  metric?: InputMaybe<ChannelMetric>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChannelConflictsArgs = {
  kind?: InputMaybe<ChannelKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChannelState>;
};


export type QueryChannelErrorsArgs = {
  kind?: InputMaybe<ChannelKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChannelState>;
};


export type QueryChannelLagArgs = {
  kind?: InputMaybe<ChannelKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChannelState>;
};


export type QueryChannelThroughputArgs = {
  kind?: InputMaybe<ChannelKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChannelState>;
};


export type QueryChannelTimeSeriesArgs = {
  channelId: Scalars['ID']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
  metric: ChannelMetric;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryClusterNodeArgs = {
  nodeId: Scalars['ID']['input'];
};


export type QueryClusterNodesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  region?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<NodeRole>;
  sortBy?: InputMaybe<ClusterNodeSortField>;
  status?: InputMaybe<NodeStatus>;
  zone?: InputMaybe<Scalars['String']['input']>;
};


export type QueryClusterShardArgs = {
  shardId: Scalars['ID']['input'];
};


export type QueryConflictPredictionsArgs = {
  tableName?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDhtNodesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<DhtNodeSortField>;
};


export type QueryDhtRingArgs = {
  fromToken?: InputMaybe<Scalars['BigInt']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDistributeQueryArgs = {
  input: DistributeQueryInput;
};


export type QueryDistributedQueryPlanArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDistributedQueryPlansArgs = {
  kind?: InputMaybe<DistributedPlanKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<DistributedQueryStatus>;
  table?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDistributedTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDistributedTransactionsArgs = {
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  participantNodeId?: InputMaybe<Scalars['ID']['input']>;
  sortBy?: InputMaybe<DistributedTransactionSortField>;
  state?: InputMaybe<DistributedTransactionState>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['BigInt']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryExplainDistributedQueryArgs = {
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  query: Scalars['String']['input'];
};


export type QueryFailoverHistoryArgs = {
  failoverId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<FailoverKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  sortBy?: InputMaybe<FailoverSortField>;
  status?: InputMaybe<FailoverStatus>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryFaultsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<FaultType>;
};


export type QueryGeoConsistencyForecastArgs = {
  input: ConsistencyCalculatorInput;
};


export type QueryGeoDatacenterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGeoDatacentersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryGeoReplicationConflictsArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  table?: InputMaybe<Scalars['String']['input']>;
};


export type QueryGeoStreamStatusArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGeoStreamsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<GeoStreamState>;
};


export type QueryGeoVectorClockArgs = {
  datacenterId: Scalars['ID']['input'];
  session?: InputMaybe<Scalars['String']['input']>;
};


export type QueryGlobalServiceArgs = {
  name: Scalars['String']['input'];
};


export type QueryGlobalServiceInstancesArgs = {
  regionId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
};


export type QueryGlobalServiceRegionsArgs = {
  service: Scalars['String']['input'];
};


export type QueryGlobalServicesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryGossipStateArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryGrdAffinityArgs = {
  aboveThreshold?: InputMaybe<Scalars['Boolean']['input']>;
  instanceId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<GrdAffinitySortField>;
};


export type QueryGrdResourcesArgs = {
  frozen?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  masterInstance?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  resourceType?: InputMaybe<GrdResourceType>;
  sortBy?: InputMaybe<GrdResourceSortField>;
};


export type QueryGroupConflictExplanationArgs = {
  conflictId: Scalars['ID']['input'];
};


export type QueryHealthArgs = {
  probe?: InputMaybe<HealthProbe>;
};


export type QueryHealthHistoryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  state?: InputMaybe<ClusterState>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryHealthIssuesArgs = {
  component?: InputMaybe<HealthComponent>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  resolved?: InputMaybe<Scalars['Boolean']['input']>;
  severity?: InputMaybe<IssueSeverity>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  sortBy?: InputMaybe<HealthIssueSortField>;
  type?: InputMaybe<HealthIssueType>;
};


export type QueryInDoubtTransactionsArgs = {
  coordinatorNodeId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  participantNodeId?: InputMaybe<Scalars['ID']['input']>;
  sortBy?: InputMaybe<InDoubtTransactionSortField>;
};


export type QueryLoadBalancerBackendArgs = {
  backendId: Scalars['ID']['input'];
};


export type QueryLoadBalancerBackendsArgs = {
  health?: InputMaybe<BackendHealth>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<BackendSortField>;
};


export type QueryLoadBalancerConnectionsArgs = {
  backendId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  outcome?: InputMaybe<ConnectionOutcome>;
  sortBy?: InputMaybe<ConnectionSortField>;
  state?: InputMaybe<ConnectionState>;
};


export type QueryLogicalChangesArgs = {
  fromLsn?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['String']['input']>;
  op?: InputMaybe<DecodedChangeOp>;
  publication?: InputMaybe<Scalars['String']['input']>;
  table?: InputMaybe<Scalars['String']['input']>;
};


export type QueryLogicalPublicationArgs = {
  name: Scalars['String']['input'];
};


export type QueryLogicalPublicationsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLogicalSubscriptionArgs = {
  name: Scalars['String']['input'];
};


export type QueryLogicalSubscriptionsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  publication?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<LogicalSubscriptionStatus>;
  targetNodeId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMemberStateArgs = {
  memberId: Scalars['ID']['input'];
};


export type QueryMembersArgs = {
  lifecycle?: InputMaybe<MemberLifecycle>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  region?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<MemberSortField>;
  state?: InputMaybe<MemberState>;
};


export type QueryMigrationTaskArgs = {
  taskId: Scalars['ID']['input'];
};


export type QueryMigrationTaskProgressArgs = {
  taskId: Scalars['ID']['input'];
};


export type QueryMigrationTasksArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<WorkflowState>;
  targetNodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMonitoredChannelsArgs = {
  kind?: InputMaybe<ChannelKind>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ChannelState>;
};


export type QueryMultiMasterConvergenceStatusArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMultiMasterGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMultiMasterGroupsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMultiMasterQuorumStatusArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMultiMasterSitesArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeRoleProbeArgs = {
  maxLagBytes?: InputMaybe<Scalars['BigInt']['input']>;
  maxLagMs?: InputMaybe<Scalars['BigInt']['input']>;
  nodeId: Scalars['ID']['input'];
  role: NodeProbeRole;
};


export type QueryParallelQueryPlansArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<ParallelQueryPlanSortField>;
  table?: InputMaybe<Scalars['String']['input']>;
};


export type QueryParallelQueryStatusArgs = {
  queryId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRacActiveRecoveriesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRacInstancesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<RacInstanceSortField>;
  status?: InputMaybe<RacInstanceStatus>;
};


export type QueryRacRecoveryHistoryArgs = {
  failedInstance?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  phase?: InputMaybe<RecoveryPhase>;
  sortBy?: InputMaybe<RacRecoverySortField>;
  trigger?: InputMaybe<RecoveryTrigger>;
};


export type QueryRaftLogArgs = {
  clientId?: InputMaybe<Scalars['String']['input']>;
  fromIndex?: InputMaybe<Scalars['BigInt']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  term?: InputMaybe<Scalars['BigInt']['input']>;
  toIndex?: InputMaybe<Scalars['BigInt']['input']>;
  type?: InputMaybe<RaftEntryType>;
};


export type QueryRaftLogSummaryArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRaftStateArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReplicaArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReplicasArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<ReplicaSortField>;
  state?: InputMaybe<ReplicaState>;
  syncState?: InputMaybe<SyncState>;
};


export type QueryReplicationAlertsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  replicaId?: InputMaybe<Scalars['ID']['input']>;
  ruleId?: InputMaybe<Scalars['ID']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  state?: InputMaybe<AlertState>;
};


export type QueryReplicationChannelsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<ReplicaState>;
};


export type QueryReplicationConflictsArgs = {
  conflictType?: InputMaybe<ConflictType>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  resolved?: InputMaybe<Scalars['Boolean']['input']>;
  sortBy?: InputMaybe<ReplicationConflictSortField>;
  tableName?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReplicationLagArgs = {
  replicaId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReplicationLagHistoryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  replicaId?: InputMaybe<Scalars['ID']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryReplicationSlotArgs = {
  name: Scalars['String']['input'];
};


export type QueryReplicationSlotsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  slotType?: InputMaybe<SlotType>;
  sortBy?: InputMaybe<ReplicationSlotSortField>;
  walStatus?: InputMaybe<WalStatus>;
};


export type QueryReplicationSnapshotArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReplicationSnapshotProgressArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReplicationSnapshotsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<ReplicationSnapshotSortField>;
  status?: InputMaybe<SnapshotStatus>;
  type?: InputMaybe<SnapshotType>;
};


export type QueryRouteDhtKeyArgs = {
  key?: InputMaybe<Scalars['String']['input']>;
  keys?: InputMaybe<Array<Scalars['String']['input']>>;
  replicas?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShardRebalanceArgs = {
  planId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryShardRouteArgs = {
  input: ShardRouteInput;
};


export type QueryShardRowsArgs = {
  id: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  table: Scalars['String']['input'];
};


export type QueryShardedTableArgs = {
  table: Scalars['String']['input'];
};


export type QueryShardedTablesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  shardGroup?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<ShardedTableSortField>;
  strategy?: InputMaybe<ShardingStrategyType>;
};


export type QueryShardingStatisticsArgs = {
  table?: InputMaybe<Scalars['String']['input']>;
};


export type QueryShardsArgs = {
  group?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  role?: InputMaybe<ShardCopyRole>;
  sortBy?: InputMaybe<ShardSortField>;
  state?: InputMaybe<ShardState>;
};


export type QuerySuspectedNodesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<SuspectedNodeStatus>;
};


export type QueryTableShardArgs = {
  id: Scalars['ID']['input'];
  table: Scalars['String']['input'];
};


export type QueryTableShardsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  primaryNodeId?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<TableShardSortField>;
  status?: InputMaybe<ShardStatus>;
  table: Scalars['String']['input'];
};


export type QueryWsConnectionsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  stream?: InputMaybe<Scalars['String']['input']>;
};


export type QueryWsSubscriptionsArgs = {
  connectionId?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  transport?: InputMaybe<SubscriptionTransport>;
};


export type QueryXaRecoverArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  resourceManager?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<XaRecoverSortField>;
};


export type QueryXaResourceManagersArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  sortBy?: InputMaybe<XaResourceManagerSortField>;
};


export type QueryXaTransactionArgs = {
  xid: Scalars['String']['input'];
};


export type QueryXaTransactionsArgs = {
  gtrid?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<SortOrder>;
  resourceManager?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<XaTransactionSortField>;
  state?: InputMaybe<XaState>;
};

/** One long query's progress and, once it ends, its result. */
export type QueryExecution = {
  __typename?: 'QueryExecution';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  elapsedMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  kind: QueryKind;
  progress: QueryProgressMeasure;
  query: Scalars['String']['output'];
  queryId: Scalars['ID']['output'];
  result?: Maybe<ParallelQueryResult>;
  rowsScanned: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: ParallelQueryStatus;
};

export type QueryKind =
  | 'DISTRIBUTED'
  | 'RAC_PARALLEL';

/** One phase of a plan. */
export type QueryPhase = {
  __typename?: 'QueryPhase';
  /** What happens, in words. */
  description: Scalars['String']['output'];
  /** What kind of phase. */
  name: QueryPhaseName;
  /** Position, from 1. */
  phase: Scalars['Int']['output'];
  /** Tasks run in parallel. */
  tasks: Array<QueryTask>;
};

/** A phase of a distribution plan. */
export type QueryPhaseName =
  /** The coordinator waits for every acknowledgement. */
  | 'ACKNOWLEDGE'
  /** The coordinator's node runs its part on its own copies. */
  | 'EXECUTE_LOCAL'
  /** Remote nodes run their parts in parallel. */
  | 'EXECUTE_REMOTE'
  /** The coordinator merges partial results. */
  | 'MERGE';

/** Work done of the work planned (blocks read, for a RAC parallel query; fragments ended, for a distributed query). */
export type QueryProgressMeasure = {
  __typename?: 'QueryProgressMeasure';
  done: Scalars['Int']['output'];
  percent: Scalars['Float']['output'];
  total: Scalars['Int']['output'];
  unit: Scalars['String']['output'];
};

/** What one node does in a phase. */
export type QueryTask = {
  __typename?: 'QueryTask';
  /** Which copy it uses; null when no shard is involved. */
  copyRole?: Maybe<ShardCopyRole>;
  /** Whether it runs on the coordinator's node. */
  local: Scalars['Boolean']['output'];
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** The shards it serves. */
  shardIds: Array<Scalars['ID']['output']>;
};

/** Whether a query reads or writes. */
export type QueryType =
  /** May use any copy. */
  | 'READ'
  /** Goes to each shard's primary. */
  | 'WRITE';

/** Quorum was lost or restored (events quorum_lost, quorum_restored). */
export type QuorumEvent = {
  __typename?: 'QuorumEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** More voters that can fail before quorum is lost. */
  failureTolerance: Scalars['Int']['output'];
  /** Whether quorum holds now. */
  hasQuorum: Scalars['Boolean']['output'];
  /** Voters HEALTHY or RECOVERING. */
  healthyVoters: Scalars['Int']['output'];
  /** Healthy voters needed. */
  quorumSize: Scalars['Int']['output'];
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  /** quorum_lost or quorum_restored. */
  type: Scalars['String']['output'];
  /** Voters SUSPECTED or DOWN. */
  unavailableNodeIds: Array<Scalars['ID']['output']>;
  /** Voting members. */
  voters: Scalars['Int']['output'];
};

/** The RAC database with its instances, statistics, health and configuration. */
export type RacCluster = {
  __typename?: 'RacCluster';
  clusterName: Scalars['String']['output'];
  config: RacConfig;
  /** The cluster's health (quorum and node health), as `clusterHealth` reports it. */
  health: ClusterHealth;
  /** The instances (one per cluster node). */
  nodes: Array<RacInstance>;
  /** The RAC database's state: OPERATIONAL, DEGRADED, RECOVERING or STOPPED. */
  state: ClusterState;
  statistics: RacStatistics;
};

/** The RAC database at a glance (GET /api/v1/rac/cluster/status). */
export type RacClusterStatus = {
  __typename?: 'RacClusterStatus';
  clusterName: Scalars['String']['output'];
  config: RacConfig;
  evictedInstances: Scalars['Int']['output'];
  failedInstances: Scalars['Int']['output'];
  instances: Array<RacInstanceSummary>;
  openInstances: Scalars['Int']['output'];
  openedAt?: Maybe<Scalars['DateTime']['output']>;
  recoveriesInProgress: Scalars['Int']['output'];
  scn: Scalars['BigInt']['output'];
  /** OPERATIONAL, DEGRADED, RECOVERING or STOPPED. */
  state: ClusterState;
  totalInstances: Scalars['Int']['output'];
};

/** How the RAC cluster runs. */
export type RacConfig = {
  __typename?: 'RacConfig';
  affinityMinAccesses: Scalars['Int']['output'];
  affinityThreshold: Scalars['Float']['output'];
  affinityWindow: Scalars['Int']['output'];
  autoLoadBalance: Scalars['Boolean']['output'];
  blockHeaderBytes: Scalars['Int']['output'];
  blocksPerTable: Scalars['Int']['output'];
  checkpointIntervalMs: Scalars['Int']['output'];
  clusterName: Scalars['String']['output'];
  heartbeatIntervalMs: Scalars['Int']['output'];
  missedHeartbeatsToEvict: Scalars['Int']['output'];
  quorumPercentage: Scalars['Float']['output'];
  rowsPerBlock: Scalars['Int']['output'];
  transferLogSize: Scalars['Int']['output'];
};

/** One instance with its buffer cache, mastered resources and redo thread. */
export type RacInstance = {
  __typename?: 'RacInstance';
  cachedBlocks: Scalars['Int']['output'];
  dirtyBlocks: Scalars['Int']['output'];
  enqueueLocksHeld: Scalars['Int']['output'];
  exclusiveBlocks: Scalars['Int']['output'];
  instanceId: Scalars['ID']['output'];
  lastHeartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  lastScn: Scalars['BigInt']['output'];
  masteredResources: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  pastImages: Scalars['Int']['output'];
  redoRecords: Scalars['BigInt']['output'];
  sharedBlocks: Scalars['Int']['output'];
  status: RacInstanceStatus;
  statusSince: Scalars['DateTime']['output'];
};

export type RacInstanceSortField =
  | 'cachedBlocks'
  | 'dirtyBlocks'
  | 'instanceId'
  | 'masteredResources'
  | 'redoRecords'
  | 'status';

/** A RAC instance's status (see RacInstanceStatus in the OpenAPI document). */
export type RacInstanceStatus =
  /** The database is stopped, or its node came back and it has not rejoined yet. */
  | 'CLOSED'
  /** Fenced by split-brain voting and recovered as if crashed. */
  | 'EVICTED'
  /** Its node crashed; a survivor recovers it. */
  | 'FAILED'
  /** The database is open on it; it caches blocks and serves requests. */
  | 'OPEN';

/** An instance in one line. */
export type RacInstanceSummary = {
  __typename?: 'RacInstanceSummary';
  instanceId: Scalars['ID']['output'];
  status: RacInstanceStatus;
  statusSince: Scalars['DateTime']['output'];
};

export type RacRecoverySortField =
  | 'durationMs'
  | 'recoveryId'
  | 'redoBytesApplied'
  | 'startedAt';

/** Cluster-wide RAC statistics. */
export type RacStatistics = {
  __typename?: 'RacStatistics';
  activeNodes: Scalars['Int']['output'];
  cacheFusion: CacheFusionStats;
  failedNodes: Scalars['Int']['output'];
  grd: GrdStats;
  interconnect: InterconnectStats;
  totalNodes: Scalars['Int']['output'];
  totalQueries: Scalars['BigInt']['output'];
  totalTransactions: Scalars['BigInt']['output'];
  uptimeSeconds: Scalars['BigInt']['output'];
};

/** A configuration change. */
export type RaftConfigChangeType =
  /** Adds a non-voting member. */
  | 'ADD_LEARNER'
  /** Makes a caught-up learner a voter. */
  | 'PROMOTE'
  /** Takes a member out of the configuration. */
  | 'REMOVE';

/** What a log entry carries. */
export type RaftEntryType =
  /** A client command for the state machine. */
  | 'COMMAND'
  /** A change of the voting configuration. */
  | 'CONFIG_CHANGE'
  /** The empty entry a new leader appends at the start of its term. */
  | 'NO_OP';

/** The current leader, or why there is none (GET /api/v1/cluster/raft/leader). */
export type RaftLeader = {
  __typename?: 'RaftLeader';
  /** host:port of the leader; null without a leader. */
  address?: Maybe<Scalars['String']['output']>;
  /** The leader's commit index (the highest of any running node without a leader). */
  commitIndex: Scalars['BigInt']['output'];
  /** Whether some node is campaigning right now. */
  electionInProgress: Scalars['Boolean']['output'];
  /** Index of the last entry in the leader's log; 0 without a leader. */
  lastLogIndex: Scalars['BigInt']['output'];
  /** The leader; null while none is elected. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** When the leader won its election; null without a leader. */
  leaderSince?: Maybe<Scalars['DateTime']['output']>;
  /** Votes a majority of voters makes. */
  quorumSize: Scalars['Int']['output'];
  /** The highest term any running node has seen. */
  term: Scalars['BigInt']['output'];
  /** Voting members of the configuration in force. */
  voters: Scalars['Int']['output'];
  /** Voters, the leader included, that acknowledged the leader within the last election timeout. */
  votersInContact: Scalars['Int']['output'];
};

/** One entry of the replicated log. */
export type RaftLogEntry = {
  __typename?: 'RaftLogEntry';
  /** The proposing client's id, if it sent one. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** The command as proposed, a description of a configuration change, or empty for NO_OP. */
  command: Scalars['String']['output'];
  /** Whether the entry is committed. */
  committed: Scalars['Boolean']['output'];
  /** Position in the log. */
  index: Scalars['BigInt']['output'];
  /** The client's request number, if it sent one. */
  requestId?: Maybe<Scalars['BigInt']['output']>;
  /** Term of the leader that appended it. */
  term: Scalars['BigInt']['output'];
  /** When the leader appended it (cluster clock); null for the founding configuration and a new leader's NO_OP, which carry no clock reading. */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
  /** What the entry carries. */
  type: RaftEntryType;
};

/** A command to propose to the replicated log. */
export type RaftLogEntryInput = {
  /** Identifies the proposing client; with requestId it makes a retry safe. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** The command for the state machine (1 to 4096 characters). */
  command: Scalars['String']['input'];
  /** The client's request number; an entry already in the log is not appended twice. */
  requestId?: InputMaybe<Scalars['BigInt']['input']>;
};

/** The extent of one node's log (GET /api/v1/cluster/raft/log). */
export type RaftLogSummary = {
  __typename?: 'RaftLogSummary';
  /** Highest index known committed. */
  commitIndex: Scalars['BigInt']['output'];
  /** Index of the oldest entry held; 0 for an empty log. */
  firstIndex: Scalars['BigInt']['output'];
  /** Highest index applied. */
  lastApplied: Scalars['BigInt']['output'];
  /** Index of the newest entry (the snapshot's index when every entry is folded into it); 0 for a node that has nothing. */
  lastIndex: Scalars['BigInt']['output'];
  /** Term of the newest entry. */
  lastLogTerm: Scalars['BigInt']['output'];
  /** Entries held. */
  logSize: Scalars['BigInt']['output'];
  /** The node whose log this is. */
  nodeId: Scalars['ID']['output'];
  /** UTF-8 bytes of the commands held. */
  sizeBytes: Scalars['BigInt']['output'];
  /** Last index folded into the latest snapshot. */
  snapshotIndex: Scalars['BigInt']['output'];
  /** Term of the entry at snapshotIndex. */
  snapshotTerm: Scalars['BigInt']['output'];
  /** Entries after commitIndex. */
  uncommittedEntries: Scalars['BigInt']['output'];
};

/** A member of the Raft configuration, with the leader's view of its progress. */
export type RaftMember = {
  __typename?: 'RaftMember';
  /** Whether it is within the catch-up margin (learners are promoted then). */
  caughtUp: Scalars['Boolean']['output'];
  /** Whether it is the leader. */
  isLeader: Scalars['Boolean']['output'];
  /** Entries it is behind the leader; null without a leader. */
  lagEntries?: Maybe<Scalars['BigInt']['output']>;
  /** When the leader last heard from it. */
  lastContact?: Maybe<Scalars['DateTime']['output']>;
  /** Highest index the leader knows it stores; null without a leader. */
  matchIndex?: Maybe<Scalars['BigInt']['output']>;
  /** Next index the leader will send it; null without a leader. */
  nextIndex?: Maybe<Scalars['BigInt']['output']>;
  /** The member. */
  nodeId: Scalars['ID']['output'];
  /** How the leader replicates to it; null without a leader. */
  progressState?: Maybe<RaftProgressState>;
  /** Whether the leader heard from it within the last election timeout (true for the leader itself). */
  recentActive: Scalars['Boolean']['output'];
  /** Its consensus role; null while the member is down (crashed). */
  state?: Maybe<RaftNodeState>;
  /** Whether it votes. */
  suffrage: RaftSuffrage;
};

/** The voting configuration in force (GET /api/v1/cluster/raft/members). */
export type RaftMembership = {
  __typename?: 'RaftMembership';
  /** Log index of the configuration entry in force (1 for the founding configuration); the snapshot's index once that entry is folded into a snapshot. */
  configIndex: Scalars['BigInt']['output'];
  /** The leader; null while there is none. */
  leaderId?: Maybe<Scalars['ID']['output']>;
  /** Members that do not vote yet. */
  learners: Scalars['Int']['output'];
  /** Voters and learners, in node-id order. */
  members: Array<RaftMember>;
  /** The change under way; null when none is. */
  pendingChange?: Maybe<RaftPendingChange>;
  /** Voters a majority makes. */
  quorumSize: Scalars['Int']['output'];
  /** The highest term any running member has seen. */
  term: Scalars['BigInt']['output'];
  /** Members that vote. */
  voters: Scalars['Int']['output'];
};

/** A node's consensus role. */
export type RaftNodeState =
  /** Campaigns for votes after hearing nothing from a leader for its election timeout. */
  | 'CANDIDATE'
  /** Accepts entries from the leader. */
  | 'FOLLOWER'
  /** Won a majority of votes in its term; the only node that appends to the log. */
  | 'LEADER';

/** A configuration change under way. */
export type RaftPendingChange = {
  __typename?: 'RaftPendingChange';
  /** For ADD_LEARNER, whether the learner is promoted once caught up. */
  autoPromote: Scalars['Boolean']['output'];
  /** Log index of the configuration entry; 0 while a learner waits to be promoted. */
  index: Scalars['BigInt']['output'];
  /** The node it concerns. */
  nodeId: Scalars['ID']['output'];
  /** When it was requested. */
  proposedAt: Scalars['DateTime']['output'];
  /** The kind of change. */
  type: RaftConfigChangeType;
};

/** How the leader replicates to a member (etcd raft's progress states). */
export type RaftProgressState =
  /** The leader looks for where the member's log matches, one message per heartbeat. */
  | 'PROBE'
  /** Matched; entries stream optimistically. */
  | 'REPLICATE'
  /** Too far behind: the leader sends a snapshot. */
  | 'SNAPSHOT';

/** One node's consensus state, as that node holds it (GET /api/v1/cluster/raft/state). */
export type RaftState = {
  __typename?: 'RaftState';
  /** Highest log index it knows is committed. */
  commitIndex: Scalars['BigInt']['output'];
  /** The latest term it has seen. */
  currentTerm: Scalars['BigInt']['output'];
  /** Milliseconds of cluster time since its election timer was last reset. */
  electionElapsedMs: Scalars['Int']['output'];
  /** Its current randomized election timeout, in milliseconds of cluster time. */
  electionTimeoutMs: Scalars['Int']['output'];
  /** Highest log index it has applied to its state machine. */
  lastApplied: Scalars['BigInt']['output'];
  /** When it last heard from a leader of its current term; null on the leader and before any contact. */
  lastLeaderContact?: Maybe<Scalars['DateTime']['output']>;
  /** Index of the last entry in its log. */
  lastLogIndex: Scalars['BigInt']['output'];
  /** Term of the last entry in its log. */
  lastLogTerm: Scalars['BigInt']['output'];
  /** The node it believes leads currentTerm; null while it knows of no leader. */
  leader?: Maybe<Scalars['ID']['output']>;
  /** Entries held in the log after compaction. */
  logSize: Scalars['BigInt']['output'];
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Last index in its latest snapshot; 0 when none. */
  snapshotIndex: Scalars['BigInt']['output'];
  /** Term of the entry at snapshotIndex; 0 when none. */
  snapshotTerm: Scalars['BigInt']['output'];
  /** Its consensus role. */
  state: RaftNodeState;
  /** Whether it votes. */
  suffrage: RaftSuffrage;
  /** The candidate it voted for in currentTerm; null when it has not voted in this term. */
  votedFor?: Maybe<Scalars['ID']['output']>;
  /** While CANDIDATE, the voters that granted it their vote in the campaign under way (pre-votes during the pre-vote phase), itself included. */
  votesReceived: Array<Scalars['ID']['output']>;
};

/** Whether a member votes. */
export type RaftSuffrage =
  /** Receives the log but does not vote (a newcomer catching up, or a read replica). */
  | 'LEARNER'
  /** Counts towards elections and commit quorums. */
  | 'VOTER';

/** One voter's answer to a RequestVote. */
export type RaftVote = {
  __typename?: 'RaftVote';
  /** The voter. */
  nodeId: Scalars['ID']['output'];
  /** Why it answered as it did. */
  reason: VoteDenialReason;
  /** The voter's term after handling the request; null when it did not answer. */
  term?: Maybe<Scalars['BigInt']['output']>;
  /** Whether it granted its vote. */
  voteGranted: Scalars['Boolean']['output'];
};

/** Keys from lowerBound (included) to upperBound (excluded); null is unbounded. */
export type RangeDefinition = {
  __typename?: 'RangeDefinition';
  lowerBound?: Maybe<Scalars['JSON']['output']>;
  upperBound?: Maybe<Scalars['JSON']['output']>;
};

export type RangeDefinitionInput = {
  /** null (or absent) is unbounded. */
  lowerBound?: InputMaybe<Scalars['JSON']['input']>;
  upperBound?: InputMaybe<Scalars['JSON']['input']>;
};

/** Why a value went to a bucket of a RANGE level. */
export type RangeRouteReason = {
  __typename?: 'RangeRouteReason';
  bucket: Scalars['Int']['output'];
  keyColumn: Scalars['String']['output'];
  range: RangeDefinition;
  rangeIndex: Scalars['Int']['output'];
  strategy: ShardingStrategyType;
  value: Scalars['JSON']['output'];
};

/** Shards by ranges of one column. */
export type RangeSharding = {
  __typename?: 'RangeSharding';
  keyColumns: Array<Scalars['String']['output']>;
  ranges: Array<RangeDefinition>;
};

/** What to plan (every field optional). */
export type RebalancePlanInput = {
  excludedShardIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  maxShardMoves?: InputMaybe<Scalars['Int']['input']>;
  strategy?: InputMaybe<RebalanceStrategy>;
  tables?: InputMaybe<Array<Scalars['String']['input']>>;
  threshold?: InputMaybe<Scalars['Float']['input']>;
};

/** An event of a rebalance or migration task, with its status at that moment. */
export type RebalanceProgress = {
  __typename?: 'RebalanceProgress';
  cursor: Scalars['BigInt']['output'];
  status: RebalanceStatus;
  time: Scalars['DateTime']['output'];
  /** rebalance_started, rebalance_progress, rebalance_completed (or migration_…). */
  type: Scalars['String']['output'];
};

/** What a rebalance moved. */
export type RebalanceResult = {
  __typename?: 'RebalanceResult';
  durationMs: Scalars['Int']['output'];
  imbalanceAfter: Scalars['Int']['output'];
  imbalanceBefore: Scalars['Int']['output'];
  rebalancedAt: Scalars['DateTime']['output'];
  remasteredResources: Scalars['Int']['output'];
  /** Resources each open instance masters after it, by instance id. */
  resourcesPerMaster: Scalars['JSON']['output'];
};

/** A rebalance's (or migration task's) state and progress: the seed's RebalanceStatus. */
export type RebalanceStatus = {
  __typename?: 'RebalanceStatus';
  bytesCopied: Scalars['BigInt']['output'];
  bytesRemaining: Scalars['BigInt']['output'];
  bytesTotal: Scalars['BigInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  currentMove?: Maybe<ShardMoveProgress>;
  currentMoveIndex?: Maybe<Scalars['Int']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  estimatedCompletionAt?: Maybe<Scalars['DateTime']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** REBALANCE or MIGRATION. */
  kind: Scalars['String']['output'];
  movesCompleted: Scalars['Int']['output'];
  movesTotal: Scalars['Int']['output'];
  percentComplete: Scalars['Int']['output'];
  phase?: Maybe<MovePhase>;
  rowsCopied: Scalars['BigInt']['output'];
  rowsRemaining: Scalars['BigInt']['output'];
  rowsTotal: Scalars['BigInt']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  state: WorkflowState;
};

/** What a rebalance evens (Citus's strategies): shard count, or bytes. */
export type RebalanceStrategy =
  | 'by_disk_size'
  | 'by_shard_count';

/** How instance recovery runs. */
export type RecoveryConfig = {
  __typename?: 'RecoveryConfig';
  autoRecovery: Scalars['Boolean']['output'];
  historyLimit: Scalars['Int']['output'];
  redoApplyBytesPerSecond: Scalars['Int']['output'];
  remasterResourcesPerSecond: Scalars['Int']['output'];
};

/** The whole recovery configuration. */
export type RecoveryConfigInput = {
  autoRecovery: Scalars['Boolean']['input'];
  historyLimit: Scalars['Int']['input'];
  redoApplyBytesPerSecond: Scalars['Int']['input'];
  remasterResourcesPerSecond: Scalars['Int']['input'];
};

/** An instance recovery started or ended (`instance_recovery_started`, `instance_recovery_completed`). */
export type RecoveryEvent = {
  __typename?: 'RecoveryEvent';
  blocksRecovered: Scalars['Int']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  cursor: Scalars['BigInt']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  failedInstance: Scalars['ID']['output'];
  locksReleased: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  nodeIds: Array<Scalars['ID']['output']>;
  /** DETECTED when it starts; COMPLETED or FAILED when it ends. */
  phase: RecoveryPhase;
  /** The survivor doing the work; null while none runs. */
  recoveringInstance?: Maybe<Scalars['ID']['output']>;
  recoveryId: Scalars['ID']['output'];
  redoBytesApplied: Scalars['BigInt']['output'];
  resourcesRemastered: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  time: Scalars['DateTime']['output'];
  trigger: RecoveryTrigger;
  /** instance_recovery_started or instance_recovery_completed. */
  type: Scalars['String']['output'];
};

/** The phases of instance recovery, in order (FAILED when the recovering instance died too). */
export type RecoveryPhase =
  | 'COMPLETED'
  | 'DETECTED'
  | 'FAILED'
  | 'FREEZE'
  | 'LOCK_CLEANUP'
  | 'REDO_APPLY'
  | 'REMASTER';

/** When a recovery phase ran. */
export type RecoveryPhaseTiming = {
  __typename?: 'RecoveryPhaseTiming';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  phase: RecoveryPhase;
  startedAt: Scalars['DateTime']['output'];
};

/** One instance's recovery state, with its running recovery or else its last one. */
export type RecoveryStatus = {
  __typename?: 'RecoveryStatus';
  instanceId: Scalars['ID']['output'];
  needsRecovery: Scalars['Boolean']['output'];
  recoveringInstance?: Maybe<Scalars['ID']['output']>;
  recoveryCompletedAt?: Maybe<Scalars['DateTime']['output']>;
  recoveryId?: Maybe<Scalars['ID']['output']>;
  recoveryPhase?: Maybe<RecoveryPhase>;
  recoveryStartedAt?: Maybe<Scalars['DateTime']['output']>;
  status: RacInstanceStatus;
};

/** What started an instance recovery. */
export type RecoveryTrigger =
  | 'CRASH'
  | 'EVICTION'
  | 'MANUAL';

/** One measured pair of regions. */
export type RegionLatency = {
  __typename?: 'RegionLatency';
  fromRegionId: Scalars['String']['output'];
  measuredAt?: Maybe<Scalars['DateTime']['output']>;
  probesAnswered: Scalars['BigInt']['output'];
  probesSent: Scalars['BigInt']['output'];
  reachable: Scalars['Boolean']['output'];
  roundTripMs?: Maybe<Scalars['Int']['output']>;
  toRegionId: Scalars['String']['output'];
};

/** The region × region latency matrix. */
export type RegionLatencyMatrix = {
  __typename?: 'RegionLatencyMatrix';
  cells: Array<RegionLatency>;
  regions: Array<Scalars['String']['output']>;
};

/** Nodes of one region. */
export type RegionPlacement = {
  __typename?: 'RegionPlacement';
  region: Scalars['String']['output'];
  zones: Array<ZonePlacement>;
};

/** What a region is for a service. */
export type RegionRole =
  | 'DISASTER_RECOVERY'
  | 'PRIMARY'
  | 'READ_ONLY'
  | 'STANDBY';

/** A resource manager to register. */
export type RegisterXaResourceManagerInput = {
  name: Scalars['String']['input'];
  nodeId: Scalars['ID']['input'];
};

/** A resource changed master (`resource_remastered`). */
export type RemasterEvent = {
  __typename?: 'RemasterEvent';
  cursor: Scalars['BigInt']['output'];
  fromInstance: Scalars['ID']['output'];
  /** Cluster time the move took, in milliseconds. */
  latencyMs: Scalars['Int']['output'];
  nodeIds: Array<Scalars['ID']['output']>;
  reason: RemasterReason;
  resourceId: Scalars['ID']['output'];
  resourceType: GrdResourceType;
  time: Scalars['DateTime']['output'];
  toInstance: Scalars['ID']['output'];
};

/** One resource that changed master. */
export type RemasterMove = {
  __typename?: 'RemasterMove';
  fromInstance: Scalars['ID']['output'];
  resourceId: Scalars['ID']['output'];
  toInstance: Scalars['ID']['output'];
};

/** Why a resource changed master. */
export type RemasterReason =
  | 'AFFINITY'
  | 'MANUAL'
  | 'MEMBERSHIP'
  | 'REBALANCE'
  | 'RECOVERY';

/** What a remaster moved. */
export type RemasterResult = {
  __typename?: 'RemasterResult';
  durationMs: Scalars['Int']['output'];
  /** The first 100 moves, by resource id. */
  moves: Array<RemasterMove>;
  remasteredAt: Scalars['DateTime']['output'];
  remasteredResources: Scalars['Int']['output'];
  skippedResources: Scalars['Int']['output'];
  unchangedResources: Scalars['Int']['output'];
};

/** A standby that replicates the primary. */
export type Replica = {
  __typename?: 'Replica';
  addedAt: Scalars['DateTime']['output'];
  /** Its initial copy; null for replicas present at bootstrap. */
  baseBackup?: Maybe<BaseBackupProgress>;
  flushLagMs: Scalars['BigInt']['output'];
  flushLsn: Scalars['String']['output'];
  lagBytes: Scalars['BigInt']['output'];
  lastStatusAt?: Maybe<Scalars['DateTime']['output']>;
  nodeId: Scalars['ID']['output'];
  replayLagMs: Scalars['BigInt']['output'];
  replayLsn: Scalars['String']['output'];
  /** The replica's id: its node's id. */
  replicaId: Scalars['ID']['output'];
  sentLsn: Scalars['String']['output'];
  slotName: Scalars['String']['output'];
  state: ReplicaState;
  stateReason?: Maybe<Scalars['String']['output']>;
  stateSince: Scalars['DateTime']['output'];
  syncState: SyncState;
  timeline: Scalars['Int']['output'];
  writeLagMs: Scalars['BigInt']['output'];
  writeLsn: Scalars['String']['output'];
};

/** One standby's positions and lag, as pg_stat_replication. */
export type ReplicaLag = {
  __typename?: 'ReplicaLag';
  flushLagMs: Scalars['BigInt']['output'];
  flushLsn: Scalars['String']['output'];
  /** The primary's current LSN − replayLsn. */
  lagBytes: Scalars['BigInt']['output'];
  lastStatusAt?: Maybe<Scalars['DateTime']['output']>;
  replayLagMs: Scalars['BigInt']['output'];
  replayLsn: Scalars['String']['output'];
  replicaId: Scalars['ID']['output'];
  sentLsn: Scalars['String']['output'];
  state: ReplicaState;
  syncState: SyncState;
  writeLagMs: Scalars['BigInt']['output'];
  writeLsn: Scalars['String']['output'];
};

/** Fields to sort replicas by. */
export type ReplicaSortField =
  | 'addedAt'
  | 'flushLsn'
  | 'lagBytes'
  | 'replayLagMs'
  | 'replicaId'
  | 'state';

/** Where a replica stands. */
export type ReplicaState =
  /** Streaming, lag above catchUpThresholdBytes. */
  | 'CATCHING_UP'
  /** Nothing heard for replicationTimeoutSecs. */
  | 'DISCONNECTED'
  /** The WAL it needs was removed; remove and add it again. */
  | 'NEEDS_RESYNC'
  /** Replay paused; WAL still received and flushed. */
  | 'PAUSED'
  /** Promoted to primary by a failover. */
  | 'PROMOTED'
  /** A former primary rejoining as a standby after a failover. */
  | 'REJOINING'
  /** Removed from replication. */
  | 'REMOVED'
  /** The initial copy (base backup) is running. */
  | 'STARTING'
  /** Streaming, lag at most catchUpThresholdBytes. */
  | 'STREAMING'
  /** Waiting for a free WAL sender (maxWalSenders). */
  | 'WAITING';

/** Replicas in each state. */
export type ReplicaStateCounts = {
  __typename?: 'ReplicaStateCounts';
  catchingUp: Scalars['Int']['output'];
  disconnected: Scalars['Int']['output'];
  needsResync: Scalars['Int']['output'];
  paused: Scalars['Int']['output'];
  starting: Scalars['Int']['output'];
  streaming: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
  waiting: Scalars['Int']['output'];
};

/** A replica changed state (event replica_status_change). */
export type ReplicaStatusEvent = {
  __typename?: 'ReplicaStatusEvent';
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  /** Null for a replica just added or a former primary starting to rejoin. */
  previousState?: Maybe<ReplicaState>;
  /** Why, in words. */
  reason: Scalars['String']['output'];
  /** The replica now; null once it is REMOVED or PROMOTED. */
  replica?: Maybe<Replica>;
  replicaId: Scalars['ID']['output'];
  state: ReplicaState;
  /** Cluster time of the change. */
  time: Scalars['DateTime']['output'];
};

export type ReplicasInDatacenterInput = {
  datacenterId: Scalars['String']['input'];
  replicas: Scalars['Int']['input'];
};

/** What replicateMultiMaster does (ReplicateRequest in the OpenAPI document). */
export type ReplicateMultiMasterInput = {
  groupId: Scalars['ID']['input'];
  mode: MultiMasterReplicateMode;
  rows?: InputMaybe<Array<RowRefInput>>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  siteIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  writes?: InputMaybe<Array<RowWriteInput>>;
};

/** An alert of a rule for one standby. */
export type ReplicationAlert = {
  __typename?: 'ReplicationAlert';
  alertId: Scalars['ID']['output'];
  /** When the metric went above the threshold. */
  breachStartedAt: Scalars['DateTime']['output'];
  /** Null while PENDING. */
  firedAt?: Maybe<Scalars['DateTime']['output']>;
  message: Scalars['String']['output'];
  metric: AlertMetric;
  peakValue: Scalars['BigInt']['output'];
  replicaId: Scalars['ID']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  ruleId: Scalars['ID']['output'];
  ruleName: Scalars['String']['output'];
  severity: AlertSeverity;
  state: AlertState;
  threshold: Scalars['BigInt']['output'];
  value: Scalars['BigInt']['output'];
};

/** An alert rule, and whether its condition holds now. */
export type ReplicationAlertRule = {
  __typename?: 'ReplicationAlertRule';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  firingReplicaIds: Array<Scalars['ID']['output']>;
  forMs: Scalars['Int']['output'];
  metric: AlertMetric;
  name: Scalars['String']['output'];
  pendingReplicaIds: Array<Scalars['ID']['output']>;
  replicaId?: Maybe<Scalars['ID']['output']>;
  ruleId: Scalars['ID']['output'];
  severity: AlertSeverity;
  threshold: Scalars['BigInt']['output'];
};

/** A WAL sender streaming to one standby. */
export type ReplicationChannel = {
  __typename?: 'ReplicationChannel';
  batchesSent: Scalars['BigInt']['output'];
  bytesSent: Scalars['BigInt']['output'];
  channelId: Scalars['ID']['output'];
  lastSentAt?: Maybe<Scalars['DateTime']['output']>;
  lastStatusAt?: Maybe<Scalars['DateTime']['output']>;
  replicaId: Scalars['ID']['output'];
  resentBatches: Scalars['BigInt']['output'];
  sentLsn: Scalars['String']['output'];
  slotName: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  state: ReplicaState;
  statusReports: Scalars['BigInt']['output'];
  throughputBytesPerSecond: Scalars['Float']['output'];
};

/** How the primary replicates. */
export type ReplicationConfig = {
  __typename?: 'ReplicationConfig';
  /** The command recorded per archived segment (%p, %f). */
  archiveCommand?: Maybe<Scalars['String']['output']>;
  /** Whether each completed segment is archived before removal. */
  archiveMode?: Maybe<Scalars['Boolean']['output']>;
  /** lagBytes above which a replica is CATCHING_UP. */
  catchUpThresholdBytes: Scalars['BigInt']['output'];
  /** Cluster time between checkpoints. */
  checkpointIntervalMs: Scalars['Int']['output'];
  /** Cluster time between lag samples. */
  lagSampleIntervalMs: Scalars['Int']['output'];
  /** Most WAL segments a slot may hold; null for no limit. */
  maxSlotWalKeepSegments?: Maybe<Scalars['Int']['output']>;
  /** WAL segments a slot may hold and still be reserved. */
  maxWalSegments: Scalars['Int']['output'];
  /** Most WAL streams at once. */
  maxWalSenders?: Maybe<Scalars['Int']['output']>;
  /** When a commit is acknowledged. */
  mode: ReplicationMode;
  /** Commit wait and standby silence limit, in seconds. */
  replicationTimeoutSecs?: Maybe<Scalars['Int']['output']>;
  /** The standbys commits wait for; empty means every streaming replica. */
  standbyNodes: Array<Scalars['String']['output']>;
  /** Longest a standby waits between status reports. */
  statusIntervalMs: Scalars['Int']['output'];
  /** WAL segments always kept behind the current LSN. */
  walKeepSegments?: Maybe<Scalars['Int']['output']>;
};

/** Replication settings to change; the others keep their values. */
export type ReplicationConfigInput = {
  archiveCommand?: InputMaybe<Scalars['String']['input']>;
  archiveMode?: InputMaybe<Scalars['Boolean']['input']>;
  catchUpThresholdBytes?: InputMaybe<Scalars['BigInt']['input']>;
  checkpointIntervalMs?: InputMaybe<Scalars['Int']['input']>;
  lagSampleIntervalMs?: InputMaybe<Scalars['Int']['input']>;
  maxSlotWalKeepSegments?: InputMaybe<Scalars['Int']['input']>;
  maxWalSegments?: InputMaybe<Scalars['Int']['input']>;
  maxWalSenders?: InputMaybe<Scalars['Int']['input']>;
  mode?: InputMaybe<ReplicationMode>;
  replicationTimeoutSecs?: InputMaybe<Scalars['Int']['input']>;
  standbyNodes?: InputMaybe<Array<Scalars['String']['input']>>;
  statusIntervalMs?: InputMaybe<Scalars['Int']['input']>;
  walKeepSegments?: InputMaybe<Scalars['Int']['input']>;
};

/** Two conflicting writes to one row, and how they were resolved. */
export type ReplicationConflict = {
  __typename?: 'ReplicationConflict';
  baseVersion: Scalars['BigInt']['output'];
  conflictId: Scalars['ID']['output'];
  conflictType: ConflictType;
  database: Scalars['String']['output'];
  detectedAt: Scalars['DateTime']['output'];
  /** The local row; null when the local write deleted it (the seed's JSON!, nullable here because a delete leaves no row). */
  localData?: Maybe<Scalars['JSON']['output']>;
  localUpdatedAt: Scalars['DateTime']['output'];
  localVersion: Scalars['BigInt']['output'];
  /** The site the remote change came from. */
  originNode: Scalars['String']['output'];
  /** The remote row; null when the remote change deletes it. */
  remoteData?: Maybe<Scalars['JSON']['output']>;
  remoteUpdatedAt: Scalars['DateTime']['output'];
  remoteVersion: Scalars['BigInt']['output'];
  resolutionStrategy?: Maybe<ConflictResolutionStrategy>;
  resolved: Scalars['Boolean']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  resolvedData?: Maybe<Scalars['JSON']['output']>;
  resolvedLsn?: Maybe<Scalars['String']['output']>;
  rowKey: Scalars['String']['output'];
  tableName: Scalars['String']['output'];
  /** The node it was applied to (the primary). */
  targetNode: Scalars['String']['output'];
};

/** Fields to sort conflicts by. */
export type ReplicationConflictSortField =
  | 'conflictId'
  | 'detectedAt'
  | 'resolvedAt'
  | 'tableName';

/** Everything a replication dashboard shows. */
export type ReplicationDashboard = {
  __typename?: 'ReplicationDashboard';
  alertRules: Array<ReplicationAlertRule>;
  commitsPerSecond: Scalars['Float']['output'];
  firingAlerts: Array<ReplicationAlert>;
  lag: Array<ReplicaLag>;
  slots: SlotWalStatusCounts;
  snapshotsInProgress: Scalars['Int']['output'];
  status: ReplicationStatus;
  unresolvedConflicts: Scalars['Int']['output'];
  walBytesPerSecond: Scalars['Float']['output'];
};

/** A promotion of a standby; every field is optional. */
export type ReplicationFailoverInput = {
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Default the most caught-up running, reachable standby. */
  targetReplicaId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a promotion did. */
export type ReplicationFailoverResult = {
  __typename?: 'ReplicationFailoverResult';
  followingReplicaIds: Array<Scalars['ID']['output']>;
  /** WAL the old primary had past switchLsn: lost. */
  lostBytes: Scalars['BigInt']['output'];
  /** Commits in those bytes (never one acknowledged in a synchronous mode). */
  lostCommits: Scalars['Int']['output'];
  newPrimaryId: Scalars['ID']['output'];
  newTimeline: Scalars['Int']['output'];
  oldPrimaryRejoined: Scalars['Boolean']['output'];
  previousPrimaryId?: Maybe<Scalars['ID']['output']>;
  previousTimeline: Scalars['Int']['output'];
  promotedAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  /** Where the new timeline starts. */
  switchLsn: Scalars['String']['output'];
};

/** A multi-master group (the seed's ReplicationGroup). */
export type ReplicationGroup = {
  __typename?: 'ReplicationGroup';
  /** CRDT_PER_COLUMN strategy: the CRDT of each column (LWW_REGISTER, G_COUNTER, PN_COUNTER, G_SET). */
  columnCrdts: Scalars['JSON']['output'];
  conflictStrategy: MultiMasterConflictStrategy;
  converged: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  groupId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  readQuorum: Scalars['Int']['output'];
  sites: Array<MultiMasterSite>;
  tables: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  writeQuorum: Scalars['Int']['output'];
};

/** A new group (CreateMultiMasterGroupRequest in the OpenAPI document). */
export type ReplicationGroupInput = {
  columnCrdts?: InputMaybe<Scalars['JSON']['input']>;
  conflictStrategy?: InputMaybe<MultiMasterConflictStrategy>;
  groupId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  readQuorum?: InputMaybe<Scalars['Int']['input']>;
  sites: Array<SiteInfoInput>;
  tables: Array<Scalars['String']['input']>;
  writeQuorum?: InputMaybe<Scalars['Int']['input']>;
};

/** What to change in a group (UpdateMultiMasterGroupRequest). */
export type ReplicationGroupUpdateInput = {
  columnCrdts?: InputMaybe<Scalars['JSON']['input']>;
  conflictStrategy?: InputMaybe<MultiMasterConflictStrategy>;
  name?: InputMaybe<Scalars['String']['input']>;
  readQuorum?: InputMaybe<Scalars['Int']['input']>;
  tables?: InputMaybe<Array<Scalars['String']['input']>>;
  writeQuorum?: InputMaybe<Scalars['Int']['input']>;
};

/** A standby's positions and lag (event wal_position_update, at most once per statusIntervalMs per standby). */
export type ReplicationLagEvent = {
  __typename?: 'ReplicationLagEvent';
  /** The primary's current LSN. */
  currentLsn: Scalars['String']['output'];
  /** Cursor of the event in the event log. */
  cursor: Scalars['BigInt']['output'];
  flushLsn: Scalars['String']['output'];
  /** currentLsn − replayLsn. */
  lagBytes: Scalars['BigInt']['output'];
  primaryId: Scalars['ID']['output'];
  replayLsn: Scalars['String']['output'];
  replicaId: Scalars['ID']['output'];
  sentLsn: Scalars['String']['output'];
  /** Cluster time of the event. */
  time: Scalars['DateTime']['output'];
  timeline: Scalars['Int']['output'];
  writeLsn: Scalars['String']['output'];
};

/** Every standby's lag now. */
export type ReplicationLagReport = {
  __typename?: 'ReplicationLagReport';
  currentLsn: Scalars['String']['output'];
  maxLagBytes: Scalars['BigInt']['output'];
  maxReplayLagMs: Scalars['BigInt']['output'];
  primaryNodeId?: Maybe<Scalars['ID']['output']>;
  replicas: Array<ReplicaLag>;
  timeline: Scalars['Int']['output'];
};

/** One standby's lag at one sample time. */
export type ReplicationLagSample = {
  __typename?: 'ReplicationLagSample';
  at: Scalars['DateTime']['output'];
  flushLagMs: Scalars['BigInt']['output'];
  lagBytes: Scalars['BigInt']['output'];
  primaryLsn: Scalars['String']['output'];
  replayLagMs: Scalars['BigInt']['output'];
  replayLsn: Scalars['String']['output'];
  replicaId: Scalars['ID']['output'];
  writeLagMs: Scalars['BigInt']['output'];
};

/** When the primary acknowledges a commit. */
export type ReplicationMode =
  /** At once; a failover may lose the tail the standbys had not received. */
  | 'ASYNCHRONOUS'
  /** Once at least one standby has flushed past it; survives the loss of the primary. */
  | 'SEMI_SYNCHRONOUS'
  /** Once every standby of standbyNodes (every streaming replica when empty) has flushed past it; survives the loss of the primary. */
  | 'SYNCHRONOUS';

/** Every replication channel summarized. */
export type ReplicationMonitoringDashboard = {
  __typename?: 'ReplicationMonitoringDashboard';
  alertRules: Array<ChannelAlertRule>;
  byState: ChannelStateCounts;
  channels: Scalars['Int']['output'];
  firingAlerts: Array<ChannelAlert>;
  kinds: Array<ChannelKindSummary>;
  rateWindowMs: Scalars['Int']['output'];
  sampleIntervalMs: Scalars['Int']['output'];
  sampledAt?: Maybe<Scalars['DateTime']['output']>;
  worstLag: Array<ChannelLag>;
};

/** A node's part in replication. */
export type ReplicationRole =
  /** Neither. */
  | 'NONE'
  /** Writes the WAL. */
  | 'PRIMARY'
  /** A replica of the primary. */
  | 'STANDBY';

/** A replication slot, as pg_replication_slots. */
export type ReplicationSlot = {
  __typename?: 'ReplicationSlot';
  active: Scalars['Boolean']['output'];
  activeNodeId?: Maybe<Scalars['ID']['output']>;
  catalogXmin?: Maybe<Scalars['BigInt']['output']>;
  confirmedFlushLsn?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  database?: Maybe<Scalars['String']['output']>;
  /** wal_removed once lost; null while valid. */
  invalidationReason?: Maybe<Scalars['String']['output']>;
  /** Output plugin of a logical slot; null for a physical one. */
  plugin?: Maybe<Scalars['String']['output']>;
  replicaId?: Maybe<Scalars['ID']['output']>;
  /** How old the WAL at restartLsn is, in milliseconds. */
  restartDelay?: Maybe<Scalars['BigInt']['output']>;
  restartLsn?: Maybe<Scalars['String']['output']>;
  retainedBytes: Scalars['BigInt']['output'];
  safeWalSizeBytes?: Maybe<Scalars['BigInt']['output']>;
  slotName: Scalars['String']['output'];
  slotType: SlotType;
  walStatus: WalStatus;
};

/** Fields to sort replication slots by. */
export type ReplicationSlotSortField =
  | 'createdAt'
  | 'retainedBytes'
  | 'slotName'
  | 'slotType';

/** A full or incremental copy of the primary's data, consistent at lsn. */
export type ReplicationSnapshot = {
  __typename?: 'ReplicationSnapshot';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  copiedBytes: Scalars['BigInt']['output'];
  deletedKeys: Scalars['BigInt']['output'];
  durationMs?: Maybe<Scalars['Int']['output']>;
  failureReason?: Maybe<Scalars['String']['output']>;
  label?: Maybe<Scalars['String']['output']>;
  lastRestoredAt?: Maybe<Scalars['DateTime']['output']>;
  lsn: Scalars['String']['output'];
  parentSnapshotId?: Maybe<Scalars['ID']['output']>;
  rows: Scalars['BigInt']['output'];
  sizeBytes: Scalars['BigInt']['output'];
  snapshotId: Scalars['ID']['output'];
  sourceNodeId: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: SnapshotStatus;
  tables: Scalars['Int']['output'];
  timeline: Scalars['Int']['output'];
  type: SnapshotType;
};

/** Progress of the latest operation on a snapshot. */
export type ReplicationSnapshotProgress = {
  __typename?: 'ReplicationSnapshotProgress';
  bytesPerSecond: Scalars['BigInt']['output'];
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  doneBytes: Scalars['BigInt']['output'];
  estimatedCompletionAt?: Maybe<Scalars['DateTime']['output']>;
  failureReason?: Maybe<Scalars['String']['output']>;
  operation: SnapshotOperation;
  percent: Scalars['Float']['output'];
  restoredLsn?: Maybe<Scalars['String']['output']>;
  snapshotId: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: SnapshotStatus;
  totalBytes: Scalars['BigInt']['output'];
};

/** Fields to sort snapshots by. */
export type ReplicationSnapshotSortField =
  | 'sizeBytes'
  | 'snapshotId'
  | 'startedAt';

/** Replication as a whole. */
export type ReplicationState =
  /** A replica is starting or catching up. */
  | 'CATCHING_UP'
  /** A replica is disconnected or needs a resync. */
  | 'DEGRADED'
  /** The primary is down, or no replica streams. */
  | 'STOPPED'
  /** Every replica streams. */
  | 'STREAMING';

/** Counters of the replication engine. */
export type ReplicationStatistics = {
  __typename?: 'ReplicationStatistics';
  checkpoints: Scalars['BigInt']['output'];
  commitWaitMs: CommitWaitStatistics;
  commits: CommitCounts;
  conflicts: ConflictCounts;
  currentLsn: Scalars['String']['output'];
  failovers: Scalars['Int']['output'];
  lastCheckpointAt?: Maybe<Scalars['DateTime']['output']>;
  since: Scalars['DateTime']['output'];
  slots: SlotCounts;
  snapshots: SnapshotCounts;
  timeline: Scalars['Int']['output'];
  walBytes: Scalars['BigInt']['output'];
  walRecords: Scalars['BigInt']['output'];
  walSegments: WalSegmentCounts;
  walSent: WalSentCounts;
};

/** Replication at a glance. */
export type ReplicationStatus = {
  __typename?: 'ReplicationStatus';
  /** The largest lagBytes. */
  bytesBehind: Scalars['BigInt']['output'];
  commits: CommitCounts;
  currentLsn: Scalars['String']['output'];
  currentWalSegment: Scalars['String']['output'];
  /** Primary up, no replica disconnected or needing a resync, commits can be acknowledged. */
  healthy: Scalars['Boolean']['output'];
  /** The largest replayLagMs. */
  lagMs: Scalars['BigInt']['output'];
  /** When a standby last had everything the primary had written. */
  lastSync?: Maybe<Scalars['DateTime']['output']>;
  mode: ReplicationMode;
  primaryNodeId?: Maybe<Scalars['ID']['output']>;
  replicas: ReplicaStateCounts;
  state: ReplicationState;
  /** Replicas a commit waits for now. */
  syncStandbys: Array<Scalars['ID']['output']>;
  timeline: Scalars['Int']['output'];
  walSegmentBytes: Scalars['Int']['output'];
};

/** Requests answered since the server started, over REST and GraphQL. */
export type RequestMetrics = {
  __typename?: 'RequestMetrics';
  byOperation: Array<OperationMetrics>;
  errors: Scalars['BigInt']['output'];
  total: Scalars['BigInt']['output'];
};

/** What a resolution does at one participant. */
export type ResolutionAction =
  | 'COMMIT_PREPARED'
  | 'NONE'
  | 'ROLLBACK_PREPARED';

/** How to resolve a conflict. */
export type ResolveConflictInput = {
  conflictId: Scalars['ID']['input'];
  /** CUSTOM only, and required there: the row to write (null deletes it). */
  customValue?: InputMaybe<Scalars['JSON']['input']>;
  strategy: ConflictResolutionStrategy;
};

/** Resolving a recorded group conflict (see ResolveGroupConflictRequest in the OpenAPI document). */
export type ResolveGroupConflictInput = {
  conflictId: Scalars['ID']['input'];
  /** For CUSTOM only, the row to write; null deletes it. */
  customRow?: InputMaybe<Scalars['JSON']['input']>;
  strategy: GroupConflictStrategy;
};

/** How to resolve a group conflict (ResolveMultiMasterConflictRequest). */
export type ResolveMultiMasterConflictInput = {
  conflictId: Scalars['ID']['input'];
  strategy?: InputMaybe<MultiMasterConflictStrategy>;
  value?: InputMaybe<Scalars['JSON']['input']>;
};

export type Role =
  | 'CLUSTER_ADMIN'
  | 'CLUSTER_VIEWER'
  | 'DBA'
  | 'REPLICATION_ADMIN';

/** Why a key went where it did on one level. */
export type RouteReason = HashRouteReason | ListRouteReason | RangeRouteReason;

/** A shard a route selects, with the node that answers for it. */
export type RoutedShard = {
  __typename?: 'RoutedShard';
  nodeId?: Maybe<Scalars['String']['output']>;
  primaryNodeId?: Maybe<Scalars['String']['output']>;
  replicaNodeIds: Array<Scalars['String']['output']>;
  served: Scalars['Boolean']['output'];
  shardId: Scalars['ID']['output'];
  shardName: Scalars['String']['output'];
  shardNumber: Scalars['Int']['output'];
  status: ShardStatus;
  unservedReason?: Maybe<Scalars['String']['output']>;
};

/** An exclusive row lock. */
export type RowLock = {
  __typename?: 'RowLock';
  key: Scalars['String']['output'];
  table: Scalars['String']['output'];
};

/** A row to read. */
export type RowRefInput = {
  key: Scalars['String']['input'];
  table: Scalars['String']['input'];
};

/** One row write (RowWrite in the OpenAPI document): `row` for a put, none for a delete. */
export type RowWriteInput = {
  key: Scalars['String']['input'];
  op: RowWriteOp;
  /** The row a put leaves, a JSON object of columns. */
  row?: InputMaybe<Scalars['JSON']['input']>;
  table: Scalars['String']['input'];
};

/** A row change on a node's storage: put (insert or replace) or delete. */
export type RowWriteOp =
  | 'delete'
  | 'put';

/** The simulation runtime: the cluster clock, its timers and the faults in force. */
export type RuntimeMetrics = {
  __typename?: 'RuntimeMetrics';
  activeFaults: Scalars['Int']['output'];
  clockMode: ClockMode;
  clockSpeed: Scalars['Float']['output'];
  /** Current cluster time. */
  clockTime: Scalars['DateTime']['output'];
  network: NetworkMetrics;
  pendingTimers: Scalars['Int']['output'];
};

/** The operator's say over a service. */
export type ServiceAdminState =
  | 'MAINTENANCE'
  | 'STARTED'
  | 'STOPPED';

/** Where a service runs: on the primary, or read-only on standbys. */
export type ServiceDatabaseRole =
  | 'PRIMARY'
  | 'STANDBY';

/** A service failover or failback. */
export type ServiceFailover = {
  __typename?: 'ServiceFailover';
  attempts: Scalars['Int']['output'];
  endedAt?: Maybe<Scalars['DateTime']['output']>;
  failoverId: Scalars['ID']['output'];
  fromInstanceId: Scalars['String']['output'];
  fromRegionId: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: Scalars['String']['output'];
  steps: Array<ServiceFailoverStep>;
  toInstanceId?: Maybe<Scalars['String']['output']>;
  toRegionId?: Maybe<Scalars['String']['output']>;
};

/** One step of a service failover, on the cluster clock. */
export type ServiceFailoverStep = {
  __typename?: 'ServiceFailoverStep';
  at: Scalars['DateTime']['output'];
  detail: Scalars['String']['output'];
  step: Scalars['String']['output'];
};

/** An instance's health in a service. */
export type ServiceInstanceHealth = {
  __typename?: 'ServiceInstanceHealth';
  health: HealthStatus;
  id: Scalars['String']['output'];
  lagMs: Scalars['BigInt']['output'];
  lastHealthCheck?: Maybe<Scalars['DateTime']['output']>;
  nodeStatus: Scalars['String']['output'];
  running: Scalars['Boolean']['output'];
};

export type ServiceInstanceInput = {
  instanceId: Scalars['ID']['input'];
  preference?: InputMaybe<InstancePreference>;
  weight?: InputMaybe<Scalars['Int']['input']>;
};

/** ANYWHERE, or LOCAL_ONLY (clients stay in their region). */
export type ServiceLocality =
  | 'ANYWHERE'
  | 'LOCAL_ONLY';

/** A datacenter's place on the globe. */
export type ServiceLocation = {
  __typename?: 'ServiceLocation';
  city: Scalars['String']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

/** A service region: a geo datacenter. */
export type ServiceRegion = {
  __typename?: 'ServiceRegion';
  databases: Array<DatabaseInstance>;
  geoRegion: Scalars['String']['output'];
  health: HealthStatus;
  /** Measured round trip in ms to each region of the service. */
  latencies: Scalars['JSON']['output'];
  location: ServiceLocation;
  name: Scalars['String']['output'];
  regionId: Scalars['ID']['output'];
  role: RegionRole;
};

/** A region's health in a service. */
export type ServiceRegionHealth = {
  __typename?: 'ServiceRegionHealth';
  health: HealthStatus;
  instances: Array<ServiceInstanceHealth>;
  regionId: Scalars['String']['output'];
};

/** A region of a service: a datacenter with its preferred and available nodes. */
export type ServiceRegionInput = {
  available?: InputMaybe<Array<Scalars['ID']['input']>>;
  preferred?: InputMaybe<Array<Scalars['ID']['input']>>;
  preferredAll?: InputMaybe<Scalars['Boolean']['input']>;
  regionId: Scalars['ID']['input'];
  role?: InputMaybe<RegionRole>;
  /** WEIGHTED shares by node id. */
  weights?: InputMaybe<Scalars['JSON']['input']>;
};

/** A candidate of a route decision and the rule that excluded it. */
export type ServiceRouteCandidate = {
  __typename?: 'ServiceRouteCandidate';
  activeConnections: Scalars['Int']['output'];
  excludedBy?: Maybe<Scalars['String']['output']>;
  healthy: Scalars['Boolean']['output'];
  instanceId: Scalars['String']['output'];
  lagMs: Scalars['BigInt']['output'];
  latencyMs?: Maybe<Scalars['Int']['output']>;
  reason: Scalars['String']['output'];
  regionId: Scalars['String']['output'];
};

/** Where a client's connection goes, and why. */
export type ServiceRouteDecision = {
  __typename?: 'ServiceRouteDecision';
  candidates: Array<ServiceRouteCandidate>;
  clientRegionId: Scalars['String']['output'];
  instanceId?: Maybe<Scalars['String']['output']>;
  latencyMs?: Maybe<Scalars['Int']['output']>;
  leftClientRegion: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  regionId?: Maybe<Scalars['String']['output']>;
  serviceName: Scalars['String']['output'];
  strategy: GlobalServiceLoadBalancing;
};

/** The client: its region (datacenter), or its coordinates. */
export type ServiceRouteInput = {
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  service: Scalars['String']['input'];
};

/** Route decisions made for a service. */
export type ServiceRoutingCounts = {
  __typename?: 'ServiceRoutingCounts';
  byClientRegion: Scalars['JSON']['output'];
  byInstance: Scalars['JSON']['output'];
  routed: Scalars['BigInt']['output'];
  unrouted: Scalars['BigInt']['output'];
};

/** A global service's state, derived from its instances' health. */
export type ServiceState =
  | 'ACTIVE'
  | 'DEGRADED'
  | 'FAILING_OVER'
  | 'MAINTENANCE'
  | 'STOPPED';

export type SessionClockGap = {
  __typename?: 'SessionClockGap';
  datacenterId: Scalars['String']['output'];
  position: Scalars['BigInt']['output'];
  sessionPosition: Scalars['BigInt']['output'];
};

export type SessionCoverage = {
  __typename?: 'SessionCoverage';
  covered: Scalars['Boolean']['output'];
  missing: Array<SessionClockGap>;
};

/** A shard of a sharded table (see Shard in the OpenAPI document). */
export type Shard = {
  __typename?: 'Shard';
  /** The shard id the coordinator shows (shard-N, or <group>-shard-N). */
  id: Scalars['ID']['output'];
  /** When a move of it last completed; null if it never moved. */
  lastRebalance?: Maybe<Scalars['DateTime']['output']>;
  /** storageTable and bounds (what it owns, level by level), as the REST answer's metadata. */
  metadata: Scalars['JSON']['output'];
  /** <tableName>_<shardNumber>. */
  name: Scalars['String']['output'];
  primaryNodeId?: Maybe<Scalars['String']['output']>;
  replicaNodeIds: Array<Scalars['String']['output']>;
  rowCount: Scalars['BigInt']['output'];
  /** The node holding its rows (the seed's name for primaryNodeId); null while no writable node can take it. */
  server?: Maybe<Scalars['String']['output']>;
  shardGroup: Scalars['String']['output'];
  shardNumber: Scalars['Int']['output'];
  sizeBytes: Scalars['BigInt']['output'];
  status: ShardStatus;
  tableName: Scalars['String']['output'];
};

/** A column's type. */
export type ShardColumnType =
  | 'BOOLEAN'
  | 'INTEGER'
  | 'NUMBER'
  | 'STRING';

/** The role of a shard copy. */
export type ShardCopyRole =
  /** Takes the writes and serves reads. */
  | 'PRIMARY'
  /** Holds a copy and serves reads. */
  | 'REPLICA';

/** A frequent key value. */
export type ShardHotValue = {
  __typename?: 'ShardHotValue';
  keyText: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  share: Scalars['Float']['output'];
};

/** Where a new shard cuts the key space: splitAt (RANGE: the last range splits), values (LIST without a default shard), nothing (CONSISTENT HASH). */
export type ShardInput = {
  splitAt?: InputMaybe<Scalars['JSON']['input']>;
  values?: InputMaybe<Array<Scalars['JSON']['input']>>;
};

/** How a candidate key would spread the table's rows (see ShardKeyAnalysis in the OpenAPI document). */
export type ShardKeyAnalysis = {
  __typename?: 'ShardKeyAnalysis';
  cardinality: Scalars['Int']['output'];
  emptyShards: Scalars['Int']['output'];
  hashFunction: HashFunction;
  hotValues: Array<ShardHotValue>;
  keyColumns: Array<Scalars['String']['output']>;
  maxRowsPerShard: Scalars['Int']['output'];
  meanRowsPerShard: Scalars['Float']['output'];
  reasons: Array<Scalars['String']['output']>;
  recommendation: ShardKeyRecommendation;
  rowsAnalyzed: Scalars['Int']['output'];
  rowsPerShard: Array<Scalars['Int']['output']>;
  rowsWithoutKey: Scalars['Int']['output'];
  shardCount: Scalars['Int']['output'];
  skew: Scalars['Float']['output'];
  table: Scalars['String']['output'];
};

/** A condition on a column. */
export type ShardKeyCondition = {
  __typename?: 'ShardKeyCondition';
  column: Scalars['String']['output'];
  op: ShardKeyConditionOp;
  value?: Maybe<Scalars['JSON']['output']>;
  values?: Maybe<Array<Scalars['JSON']['output']>>;
};

export type ShardKeyConditionInput = {
  column: Scalars['String']['input'];
  op: ShardKeyConditionOp;
  value?: InputMaybe<Scalars['JSON']['input']>;
  values?: InputMaybe<Array<Scalars['JSON']['input']>>;
};

/** Comparisons of a shard key condition. */
export type ShardKeyConditionOp =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'IN'
  | 'LT'
  | 'LTE';

/** A shard key analysis's verdict. */
export type ShardKeyRecommendation =
  | 'FAIR'
  | 'GOOD'
  | 'INSUFFICIENT_DATA'
  | 'POOR';

/** A copy of a shard being filled on a node. */
export type ShardMove = {
  __typename?: 'ShardMove';
  /** When it will be complete. */
  completesAt: Scalars['DateTime']['output'];
  /** Where the data comes from; null when no copy was left. */
  fromNodeId?: Maybe<Scalars['ID']['output']>;
  /** The role the copy will have. */
  role: ShardCopyRole;
  /** When the copy started. */
  startedAt: Scalars['DateTime']['output'];
  /** The receiving node. */
  toNodeId: Scalars['ID']['output'];
};

/** One shard move, measured from the engine. */
export type ShardMoveProgress = {
  __typename?: 'ShardMoveProgress';
  blockedReason?: Maybe<Scalars['String']['output']>;
  bytesCopied: Scalars['BigInt']['output'];
  bytesRemaining: Scalars['BigInt']['output'];
  bytesTotal: Scalars['BigInt']['output'];
  cancelling: Scalars['Boolean']['output'];
  changesReplayed: Scalars['BigInt']['output'];
  createdAt: Scalars['DateTime']['output'];
  error?: Maybe<Scalars['String']['output']>;
  estimatedCompletionAt?: Maybe<Scalars['DateTime']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  moveId: Scalars['ID']['output'];
  pausedFrom?: Maybe<MovePhase>;
  percentComplete: Scalars['Int']['output'];
  phase: MovePhase;
  rowsCopied: Scalars['BigInt']['output'];
  rowsRemaining: Scalars['BigInt']['output'];
  rowsTotal: Scalars['BigInt']['output'];
  shardId: Scalars['ID']['output'];
  sourceNodeId: Scalars['ID']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  tables: Array<Scalars['String']['output']>;
  targetNodeId: Scalars['ID']['output'];
  verification?: Maybe<Array<TableVerification>>;
  walBehindBytes: Scalars['BigInt']['output'];
};

/** What one node holds. */
export type ShardNodeStatistics = {
  __typename?: 'ShardNodeStatistics';
  nodeId: Scalars['String']['output'];
  primaryShards: Scalars['Int']['output'];
  replicaShards: Scalars['Int']['output'];
  rowCount: Scalars['BigInt']['output'];
  sizeBytes: Scalars['BigInt']['output'];
};

/** Which node a route names: the primary for WRITE; for READ the primary, or a replica when it is down. */
export type ShardOperation =
  | 'READ'
  | 'WRITE';

/** A rebalance plan (Citus's get_rebalance_table_shards_plan), kept until executed. */
export type ShardRebalancePlan = {
  __typename?: 'ShardRebalancePlan';
  balanced: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  estimatedDurationMs: Scalars['BigInt']['output'];
  moves: Array<PlannedShardMove>;
  nodesAfter: Array<NodeLoad>;
  nodesBefore: Array<NodeLoad>;
  planId: Scalars['ID']['output'];
  state: WorkflowState;
  strategy: RebalanceStrategy;
  threshold: Scalars['Float']['output'];
  totalBytes: Scalars['BigInt']['output'];
  totalRows: Scalars['BigInt']['output'];
};

/** Where a key or predicate goes, and why (see ShardRoute in the OpenAPI document). */
export type ShardRoute = {
  __typename?: 'ShardRoute';
  /** The key's route; null for a predicate. */
  key?: Maybe<KeyRoute>;
  levels: Array<LevelSelection>;
  mode: ShardRouteMode;
  operation: ShardOperation;
  scatter: Scalars['Boolean']['output'];
  shards: Array<RoutedShard>;
  singleShard: Scalars['Boolean']['output'];
  table: Scalars['String']['output'];
  unusedConditions: Array<ShardKeyCondition>;
};

/** A key (a value per shard key column), or conditions, to route in a table. */
export type ShardRouteInput = {
  conditions?: InputMaybe<Array<ShardKeyConditionInput>>;
  key?: InputMaybe<Scalars['JSON']['input']>;
  operation?: InputMaybe<ShardOperation>;
  table: Scalars['String']['input'];
};

/** Whether a key or a predicate was routed. */
export type ShardRouteMode =
  | 'KEY'
  | 'PREDICATE';

/** Fields to sort shards by. */
export type ShardSortField =
  | 'lastMovedAt'
  | 'primaryNodeId'
  | 'shardId'
  | 'startToken'
  | 'state';

/** Where a shard's copies stand. A table group's shard shows the sharding engine's six states (CREATING, ACTIVE, REBALANCING, READ_ONLY, OFFLINE, DROPPING). */
export type ShardState =
  /** A primary and every replica it should have; reads and writes are served. */
  | 'ACTIVE'
  /** Being made: no reads or writes. */
  | 'CREATING'
  /** Being removed. */
  | 'DROPPING'
  /** A copy is being filled on a new node (the default group). */
  | 'MOVING'
  /** Neither reads nor writes, for instance while no writable node holds it after a failover demoted its primary node. */
  | 'OFFLINE'
  /** Reads only: writes are refused. */
  | 'READ_ONLY'
  /** Being moved by a rebalance (a table group's MOVING): reads and writes go on. */
  | 'REBALANCING'
  /** No node holds a primary. */
  | 'UNASSIGNED'
  /** Fewer copies than it should have. */
  | 'UNDER_REPLICATED';

/** Where a shard stands (see ShardStatus in the OpenAPI document). */
export type ShardStatus =
  /** Reads and writes. */
  | 'ACTIVE'
  /** Being made: no reads or writes yet. */
  | 'CREATING'
  /** Being removed. */
  | 'DROPPING'
  /** Neither reads nor writes. */
  | 'OFFLINE'
  /** Reads only; writes are refused. */
  | 'READ_ONLY'
  /** Being moved: reads and writes (forwarded to the target). */
  | 'REBALANCING';

/** Shards in each state. */
export type ShardStatusCounts = {
  __typename?: 'ShardStatusCounts';
  ACTIVE: Scalars['Int']['output'];
  CREATING: Scalars['Int']['output'];
  DROPPING: Scalars['Int']['output'];
  OFFLINE: Scalars['Int']['output'];
  READ_ONLY: Scalars['Int']['output'];
  REBALANCING: Scalars['Int']['output'];
};

/** A slice of the 32-bit hash space, both ends included. */
export type ShardTokenRange = {
  __typename?: 'ShardTokenRange';
  endToken: Scalars['BigInt']['output'];
  startToken: Scalars['BigInt']['output'];
};

/** The rows one shard took. */
export type ShardWriteResult = {
  __typename?: 'ShardWriteResult';
  /** Commits (WAL transactions) it took. */
  commits: Scalars['Int']['output'];
  /** Where its last commit record starts in the node's WAL. */
  lsn: Scalars['String']['output'];
  nodeId: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  shardId: Scalars['ID']['output'];
  shardName: Scalars['String']['output'];
  shardNumber: Scalars['Int']['output'];
};

/** A column of a sharded table. */
export type ShardedColumn = {
  __typename?: 'ShardedColumn';
  name: Scalars['String']['output'];
  type: ShardColumnType;
};

export type ShardedColumnInput = {
  name: Scalars['String']['input'];
  type: ShardColumnType;
};

/** The distributed plan of a query, without running it (POST /api/v1/cluster/query/explain). */
export type ShardedQueryPlan = {
  __typename?: 'ShardedQueryPlan';
  complete: Scalars['Boolean']['output'];
  coordinatorNodeId: Scalars['ID']['output'];
  estimatedBytes: Scalars['Int']['output'];
  estimatedDurationMs: Scalars['Int']['output'];
  estimatedRows: Scalars['Int']['output'];
  fragments: Array<DistributedQueryFragment>;
  kind: DistributedPlanKind;
  merge?: Maybe<Scalars['String']['output']>;
  networkHops: Scalars['Int']['output'];
  nodesContacted: Array<Scalars['ID']['output']>;
  query: Scalars['String']['output'];
  route: DistributedQueryRoute;
  table: Scalars['String']['output'];
  topNPerShard: Scalars['Boolean']['output'];
  unavailableShards: Array<UnavailableShard>;
};

/** Where each row went. */
export type ShardedRowsWritten = {
  __typename?: 'ShardedRowsWritten';
  rowsWritten: Scalars['Int']['output'];
  shards: Array<ShardWriteResult>;
  table: Scalars['String']['output'];
};

/** A sharded table with its shards. */
export type ShardedTable = {
  __typename?: 'ShardedTable';
  columns: Array<ShardedColumn>;
  createdAt: Scalars['DateTime']['output'];
  /** A row's key in its shard table: the shard key columns and maybe more. */
  primaryKeyColumns: Array<Scalars['String']['output']>;
  rowCount: Scalars['BigInt']['output'];
  schemaName: Scalars['String']['output'];
  shardCount: Scalars['Int']['output'];
  shardGroup: Scalars['String']['output'];
  shardKeyColumns: Array<Scalars['String']['output']>;
  shards: Array<Shard>;
  sizeBytes: Scalars['BigInt']['output'];
  strategy: ShardingStrategy;
  tableName: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ShardedTableInput = {
  columns: Array<ShardedColumnInput>;
  /** Every shard key column and maybe more; the shard key when absent. */
  primaryKeyColumns?: InputMaybe<Array<Scalars['String']['input']>>;
  schemaName?: InputMaybe<Scalars['String']['input']>;
  shardKeyColumns: Array<Scalars['String']['input']>;
  strategy: ShardingStrategyInput;
  tableName: Scalars['String']['input'];
};

/** Fields to sort sharded tables by. */
export type ShardedTableSortField =
  | 'createdAt'
  | 'rowCount'
  | 'shardCount'
  | 'sizeBytes'
  | 'tableName';

/** One table's shards, measured. */
export type ShardedTableStatistics = {
  __typename?: 'ShardedTableStatistics';
  maxShardRows: Scalars['Int']['output'];
  meanShardRows: Scalars['Float']['output'];
  minShardRows: Scalars['Int']['output'];
  rowCount: Scalars['BigInt']['output'];
  shardCount: Scalars['Int']['output'];
  shardsByStatus: ShardStatusCounts;
  sizeBytes: Scalars['BigInt']['output'];
  skew: Scalars['Float']['output'];
  tableName: Scalars['String']['output'];
};

/** One level of a COMPOSITE strategy: HASH (numShards, hashFunction), RANGE (ranges) or LIST (lists, defaultShard). */
export type ShardingLevelInput = {
  defaultShard?: InputMaybe<Scalars['Boolean']['input']>;
  hashFunction?: InputMaybe<HashFunction>;
  keyColumns?: InputMaybe<Array<Scalars['String']['input']>>;
  lists?: InputMaybe<Array<ListDefinitionInput>>;
  numShards?: InputMaybe<Scalars['Int']['input']>;
  ranges?: InputMaybe<Array<RangeDefinitionInput>>;
  type: ShardingStrategyType;
};

/** Sharded tables, shards, rows and bytes, measured from node storage. */
export type ShardingStatistics = {
  __typename?: 'ShardingStatistics';
  nodes: Array<ShardNodeStatistics>;
  rowCount: Scalars['BigInt']['output'];
  shards: Scalars['Int']['output'];
  shardsByStatus: ShardStatusCounts;
  sizeBytes: Scalars['BigInt']['output'];
  tableStatistics: Array<ShardedTableStatistics>;
  tables: Scalars['Int']['output'];
};

/** How a table's key space is cut into shards. */
export type ShardingStrategy = CompositeSharding | HashSharding | ListSharding | RangeSharding;

/** A strategy: the fields of its type (see ShardingStrategy in the OpenAPI document); COMPOSITE lists its levels in strategies. */
export type ShardingStrategyInput = {
  defaultShard?: InputMaybe<Scalars['Boolean']['input']>;
  hashFunction?: InputMaybe<HashFunction>;
  keyColumns?: InputMaybe<Array<Scalars['String']['input']>>;
  lists?: InputMaybe<Array<ListDefinitionInput>>;
  numShards?: InputMaybe<Scalars['Int']['input']>;
  ranges?: InputMaybe<Array<RangeDefinitionInput>>;
  strategies?: InputMaybe<Array<ShardingLevelInput>>;
  type: ShardingStrategyType;
};

/** A strategy's kind. */
export type ShardingStrategyType =
  | 'COMPOSITE'
  | 'HASH'
  | 'LIST'
  | 'RANGE';

/** Two real conflicting writes to make. */
export type SimulateConflictInput = {
  /** Default UPDATE_CONFLICT. */
  conflictType?: InputMaybe<ConflictType>;
  localData?: InputMaybe<Scalars['JSON']['input']>;
  /** Default the lowest node id other than the primary. */
  originNode?: InputMaybe<Scalars['ID']['input']>;
  remoteData?: InputMaybe<Scalars['JSON']['input']>;
  /** The remote write's time relative to the local one, in milliseconds (default 1). */
  remoteDelayMs?: InputMaybe<Scalars['Int']['input']>;
  rowKey: Scalars['String']['input'];
  tableName: Scalars['String']['input'];
};

/** A node to make a site of a group (SiteInput in the OpenAPI document). */
export type SiteInfoInput = {
  nodeId: Scalars['ID']['input'];
  priority?: InputMaybe<Scalars['Int']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
};

/** Replication slots now. */
export type SlotCounts = {
  __typename?: 'SlotCounts';
  active: Scalars['Int']['output'];
  logical: Scalars['Int']['output'];
  lost: Scalars['Int']['output'];
  physical: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** The type of a replication slot. */
export type SlotType =
  /** Decodes changes (pgoutput) for a consumer. */
  | 'LOGICAL'
  /** Holds WAL for a standby. */
  | 'PHYSICAL';

/** Slots by WAL status. */
export type SlotWalStatusCounts = {
  __typename?: 'SlotWalStatusCounts';
  extended: Scalars['Int']['output'];
  lost: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  /** The most WAL one slot holds back. */
  retainedBytes: Scalars['BigInt']['output'];
  unreserved: Scalars['Int']['output'];
};

/** Snapshots kept. */
export type SnapshotCounts = {
  __typename?: 'SnapshotCounts';
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  inProgress: Scalars['Int']['output'];
};

/** The snapshots taken by one request. */
export type SnapshotInfo = {
  __typename?: 'SnapshotInfo';
  /** When the snapshots were taken (cluster clock). */
  createdAt: Scalars['DateTime']['output'];
  /** The nodes that took one. */
  nodeIds: Array<Scalars['ID']['output']>;
  /** Each node's snapshot. */
  snapshots: Array<NodeSnapshot>;
  /** Sum of entriesCompacted. */
  totalEntriesCompacted: Scalars['BigInt']['output'];
};

/** A long-running operation on a snapshot. */
export type SnapshotOperation =
  /** Its image is being copied. */
  | 'CREATE'
  /** The primary's data is being rewritten to it. */
  | 'RESTORE';

/** Where a snapshot (or an operation on it) stands. */
export type SnapshotStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS';

/** Full or incremental snapshot. */
export type SnapshotType =
  /** Every row. */
  | 'FULL'
  /** Rows changed and keys deleted since the parent's LSN. */
  | 'INCREMENTAL';

/** Sort direction. */
export type SortOrder =
  | 'ASC'
  | 'DESC';

/** How split brain is prevented. */
export type SplitBrainPrevention =
  /** A cut-off leader keeps its role until it hears a higher term (it still cannot commit). */
  | 'NONE'
  /** A leader without contact with a quorum steps down; voters ignore candidates while a live leader is heard. */
  | 'QUORUM';

/** What one strategy makes of a conflict. */
export type StrategyReplay = {
  __typename?: 'StrategyReplay';
  agreesWithRecorded: Scalars['Boolean']['output'];
  reason: Scalars['String']['output'];
  row?: Maybe<Scalars['JSON']['output']>;
  siblings: Array<ConflictVersion>;
  status: GroupConflictStatus;
  strategy: GroupConflictStrategy;
  winner?: Maybe<GroupConflictWinner>;
};

/** One active subscription, over WebSocket or over GraphQL. */
export type StreamSubscription = {
  __typename?: 'StreamSubscription';
  clientId?: Maybe<Scalars['String']['output']>;
  connectionId?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** The stream's configuration, or the GraphQL field's arguments. */
  filters: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  messagesSent: Scalars['BigInt']['output'];
  owner: Principal;
  remoteAddress?: Maybe<Scalars['String']['output']>;
  stream: Scalars['String']['output'];
  /** events, metrics or query on the streams; the subscription field for GraphQL. */
  topic: Scalars['String']['output'];
  transport: SubscriptionTransport;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Every alert as it fires and resolves: the same feed as systemAlerts without filters (the seed names both). */
  alertsStream: Alert;
  /** Transfers and remasters, optionally only those naming instanceId. */
  cacheFusionEvents?: Maybe<CacheFusionEvent>;
  /** Every block transfer. */
  cacheFusionTransfer: BlockTransferEvent;
  /** Each change of the cluster's health. */
  clusterHealthChanges?: Maybe<ClusterHealthEvent>;
  /** A node, each time it joins, leaves or its status changes. */
  clusterNodeStatusChanged: ClusterNode;
  /** The cluster, each time its state changes. */
  clusterStateChanged: ClusterInfo;
  /** The topology, each time membership or node health changes it. */
  clusterTopologyChanged: ClusterTopology;
  /** Each conflict as it is detected. */
  conflictDetected: ReplicationConflict;
  /**
   * The distributed transaction events, optionally of one transaction (`id`) and only those that
   * leave it in `state`; `resumeFrom` replays stored events after that cursor first.
   */
  distributedTransactionUpdates: DistributedTransactionEvent;
  /**
   * Every event of the cluster, optionally filtered by type and by the resource it concerns.
   * `resumeFrom` replays stored events after that cursor first, with no gap and no duplicate;
   * one older than the event log keeps ends the subscription with a CONFLICT error whose
   * `details` hold `reason: CURSOR_EXPIRED` and `oldestAvailableCursor`.
   */
  events: Event;
  /** Each failover as it starts and ends. */
  failoverEvent: FailoverEvent;
  /** Each failover as it starts and ends (the same stream as failoverEvent). */
  failoverEvents?: Maybe<FailoverEvent>;
  /** Every resource remaster. */
  grdRemaster: RemasterEvent;
  /** Each health issue as it is detected. */
  healthIssueDetected: HealthIssue;
  /** Instance recoveries starting and ending. */
  instanceRecoveryEvents?: Maybe<RecoveryEvent>;
  /** Instance recoveries starting. */
  instanceRecoveryStarted: RecoveryEvent;
  /** Each Raft election won (event leader_elected). */
  leaderElections?: Maybe<LeaderElectionEvent>;
  /** Each change of the group-wide state of a member, optionally of one member. */
  memberStateChanged: MemberStateEvent;
  /**
   * A metrics snapshot (the same as the metrics query) at once, then every `interval` seconds of
   * cluster time, from 1 to 3600: the ticker of `/api/v1/ws/metrics`. Under `npm start` the
   * cluster clock follows wall time; on a manual clock the stream ticks as the clock is advanced.
   */
  metricsStream: Metrics;
  /** The migration_started, migration_progress and migration_completed events, optionally of one task. */
  migrationProgress: RebalanceProgress;
  /** Each change of a group's agreement: diverged, or converged again with how long it took. */
  multiMasterConvergence: ConvergenceEvent;
  /** A node, each time it joins, leaves or its status changes. */
  nodeStatusChanged: ClusterNode;
  /** Node joins, leaves and status changes, optionally of one node. */
  nodeStatusChanges?: Maybe<NodeStatusEvent>;
  /** Parallel queries starting and ending, optionally one query. */
  parallelQueryEvents?: Maybe<ParallelQueryEvent>;
  /**
   * The API server's own performance over each `interval` seconds of wall time (1 to 3600, default
   * 5): request rate, latency percentiles, event-loop delay, CPU and memory, measured over that
   * interval only. The first arrives after one interval.
   */
  performanceStream: PerformanceMetrics;
  /**
   * One long query as it runs (a RAC parallel query's id, pq-N, or a distributed query's, dq-N): its state at once, again whenever
   * its progress moves (looked at every progressIntervalMs of cluster time, 10 to 60000), and its
   * end with the result, after which the subscription completes.
   */
  queryProgress: QueryExecution;
  /** Each loss and restoration of quorum. */
  quorumChanges: QuorumEvent;
  /**
   * Every RAC event of /api/v1/ws/cluster/rac, filtered like the stream: `instanceIds` keeps
   * events naming one of them in `nodeId` or `nodeIds`, `eventTypes` keeps those types;
   * `resumeFrom` replays stored events after that cursor first (CONFLICT, reason CURSOR_EXPIRED,
   * when the event log no longer keeps them).
   */
  racEvents: Event;
  /** Each replica state change, optionally of one replica. */
  replicaStatusChanges?: Maybe<ReplicaStatusEvent>;
  /** Each conflict as it is detected (the same stream as conflictDetected). */
  replicationConflictDetected: ReplicationConflict;
  /** Conflicts as they are detected and resolved. groupId names a replication group: streaming replication has one, named by the cluster's clusterName; another groupId matches nothing (multi-master groups come with advanced replication). */
  replicationConflicts?: Maybe<ConflictEvent>;
  /** Every replication event (the /api/v1/ws/replication stream), filtered by replica, event type and severity; resumeFrom replays stored events after that cursor first (CONFLICT, reason CURSOR_EXPIRED, when the event log no longer keeps them). */
  replicationEvents: Event;
  /** Each standby's positions and lag as they move (wal_position_update), optionally only at or above threshold bytes of lagBytes. */
  replicationLagChanged: ReplicationLagEvent;
  /** Each standby's positions and lag as they move (wal_position_update), optionally of one replica, at or above threshold bytes of lagBytes. */
  replicationLagUpdates?: Maybe<ReplicationLagEvent>;
  /** The replication status after each change of a replica's state, the primary or the configuration. */
  replicationStatus: ReplicationStatus;
  /** Enqueue lock grants, releases and conversions, optionally of one resource. */
  resourceLockEvents?: Maybe<LockEvent>;
  /**
   * The rebalance_started, rebalance_progress and rebalance_completed events of one rebalance
   * (`planId`), each with its status; `resumeFrom` replays stored events after that cursor first.
   */
  shardRebalanceProgress: RebalanceProgress;
  /**
   * Every sharding event of /api/v1/ws/cluster/sharding (shard_added, shard_removed,
   * shard_state_changed and the rebalance events), filtered like the stream: `tables` keeps events naming one of them in
   * `tableName` or `tableNames`, `eventTypes` keeps those types; `resumeFrom` replays stored events
   * after that cursor first (CONFLICT, reason CURSOR_EXPIRED, when the event log no longer keeps
   * them).
   */
  shardingEvents: Event;
  /** A slot as it is created, or invalidated (its WAL lost), optionally only one slot. A dropped slot has no state left to show: its slot_dropped event is on replicationEvents and the replication streams. */
  slotStatusChanged: ReplicationSlot;
  /**
   * Alerts of every source as they fire and resolve: a view of alert_fired and alert_resolved on
   * the event bus, each alert as it was at that moment. Only alerts at or above minSeverity, and of
   * the sources named (health, replication), when given. To resume after a disconnect without a
   * gap, use events(types: ["alert_fired", "alert_resolved"], resumeFrom: <cursor>).
   */
  systemAlerts: Alert;
  /**
   * XA transaction (branch) state changes, optionally of one xid (in any notation), into one state,
   * or on one resource manager; `resumeFrom` replays stored events after that cursor first.
   */
  xaBranchUpdates: XaBranchEvent;
};


export type SubscriptionCacheFusionEventsArgs = {
  instanceId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionDistributedTransactionUpdatesArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  state?: InputMaybe<DistributedTransactionState>;
};


export type SubscriptionEventsArgs = {
  resourceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type SubscriptionMemberStateChangedArgs = {
  memberId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionMetricsStreamArgs = {
  interval: Scalars['Int']['input'];
};


export type SubscriptionMigrationProgressArgs = {
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  taskId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionNodeStatusChangedArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionNodeStatusChangesArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionParallelQueryEventsArgs = {
  queryId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionPerformanceStreamArgs = {
  interval?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionQueryProgressArgs = {
  id: Scalars['ID']['input'];
  progressIntervalMs?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionRacEventsArgs = {
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  instanceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
};


export type SubscriptionReplicaStatusChangesArgs = {
  replicaId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionReplicationConflictsArgs = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionReplicationEventsArgs = {
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  replicaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  severity?: InputMaybe<AlertSeverity>;
};


export type SubscriptionReplicationLagChangedArgs = {
  threshold?: InputMaybe<Scalars['BigInt']['input']>;
};


export type SubscriptionReplicationLagUpdatesArgs = {
  replicaId?: InputMaybe<Scalars['ID']['input']>;
  threshold?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionResourceLockEventsArgs = {
  resourceId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionShardRebalanceProgressArgs = {
  planId: Scalars['ID']['input'];
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
};


export type SubscriptionShardingEventsArgs = {
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  tables?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type SubscriptionSlotStatusChangedArgs = {
  slotName?: InputMaybe<Scalars['String']['input']>;
};


export type SubscriptionSystemAlertsArgs = {
  minSeverity?: InputMaybe<AlertSeverity>;
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type SubscriptionXaBranchUpdatesArgs = {
  resourceManager?: InputMaybe<Scalars['String']['input']>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  state?: InputMaybe<XaState>;
  xid?: InputMaybe<Scalars['String']['input']>;
};

/** Active subscriptions by transport. */
export type SubscriptionCounts = {
  __typename?: 'SubscriptionCounts';
  graphqlSse: Scalars['Int']['output'];
  graphqlWs: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
  websocket: Scalars['Int']['output'];
};

export type SubscriptionInput = {
  conflictResolution?: InputMaybe<LogicalConflictResolutionInput>;
  copyData?: InputMaybe<Scalars['Boolean']['input']>;
  disableOnError?: InputMaybe<Scalars['Boolean']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  origin?: InputMaybe<LogicalOriginFilter>;
  publication: Scalars['String']['input'];
  sourceNodeId?: InputMaybe<Scalars['String']['input']>;
  targetNodeId: Scalars['String']['input'];
};

export type SubscriptionSkipInput = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** The failing transaction's finish LSN (X/Y). */
  lsn: Scalars['String']['input'];
};

/** A subscription's logical slot on the source. */
export type SubscriptionSlot = {
  __typename?: 'SubscriptionSlot';
  active: Scalars['Boolean']['output'];
  confirmedFlushLsn: Scalars['String']['output'];
  restartLsn: Scalars['String']['output'];
  slotName: Scalars['String']['output'];
  walStatus: Scalars['String']['output'];
};

export type SubscriptionTableState = {
  __typename?: 'SubscriptionTableState';
  copiedRows: Scalars['Int']['output'];
  state: Scalars['String']['output'];
  syncLsn: Scalars['String']['output'];
  table: Scalars['String']['output'];
};

export type SubscriptionTransport =
  | 'GRAPHQL_SSE'
  | 'GRAPHQL_WS'
  | 'WEBSOCKET';

/** A node the failure detector holds SUSPECTED or DOWN. */
export type SuspectedNode = {
  __typename?: 'SuspectedNode';
  /** When it became DOWN, or will unless a heartbeat arrives first. */
  downAt: Scalars['DateTime']['output'];
  /** For the leader, whether its silence started a failover. */
  failoverTriggered: Scalars['Boolean']['output'];
  /** Whether it is (or was, until it went silent) the leader. */
  isLeader: Scalars['Boolean']['output'];
  /** Whether it votes. */
  isVoter: Scalars['Boolean']['output'];
  /** When its last heartbeat arrived. */
  lastHeartbeat?: Maybe<Scalars['DateTime']['output']>;
  /** Heartbeat intervals elapsed since then. */
  missedHeartbeats: Scalars['Int']['output'];
  /** The node. */
  nodeId: Scalars['ID']['output'];
  /** Its role. */
  role: NodeRole;
  /** Milliseconds of cluster time since its last heartbeat. */
  silenceMs: Scalars['Int']['output'];
  /** SUSPECTED or DOWN. */
  status: SuspectedNodeStatus;
  /** When it became SUSPECTED. */
  suspectedSince: Scalars['DateTime']['output'];
};

/** Failure-detector status of a suspected node. */
export type SuspectedNodeStatus =
  /** Heartbeats late beyond failureTimeoutMs. */
  | 'DOWN'
  /** Heartbeats late beyond suspectTimeoutMs. */
  | 'SUSPECTED';

/** A suspicion one member holds about another. */
export type Suspicion = {
  __typename?: 'Suspicion';
  /** Distinct members that vouched for it. */
  confirmations: Scalars['Int']['output'];
  /** When the suspect will be declared DEAD unless it refutes first. */
  deadline: Scalars['DateTime']['output'];
  /** The suspect's incarnation the suspicion is about. */
  incarnation: Scalars['BigInt']['output'];
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Those members. */
  suspectors: Array<Scalars['String']['output']>;
};

/** Bounds of the suspicion timeout at the current view size. */
export type SuspicionTimeouts = {
  __typename?: 'SuspicionTimeouts';
  /** Confirmations that bring it down to minMs. */
  expectedConfirmations: Scalars['Int']['output'];
  /** With only the first suspector, in milliseconds. */
  maxMs: Scalars['Int']['output'];
  /** With enough confirmations, in milliseconds. */
  minMs: Scalars['Int']['output'];
};

/** Monotonic protocol counters. */
export type SwimCounters = {
  __typename?: 'SwimCounters';
  /** Acks passed back to the asking member. */
  acksForwarded: Scalars['BigInt']['output'];
  /** Acks received. */
  acksReceived: Scalars['BigInt']['output'];
  /** Acks sent. */
  acksSent: Scalars['BigInt']['output'];
  /** Suspicions that expired here. */
  deathsDeclared: Scalars['BigInt']['output'];
  /** Own probes answered only through a helper. */
  indirectAcksReceived: Scalars['BigInt']['output'];
  /** Pings sent for another member. */
  indirectPingsSent: Scalars['BigInt']['output'];
  /** Join requests sent. */
  joinAttempts: Scalars['BigInt']['output'];
  /** Members not added (view full). */
  membersRejected: Scalars['BigInt']['output'];
  /** Update transmissions piggybacked. */
  piggybackedUpdatesSent: Scalars['BigInt']['output'];
  /** Indirect-probe requests refused (too many relays). */
  pingReqsDropped: Scalars['BigInt']['output'];
  /** Indirect-probe requests received. */
  pingReqsReceived: Scalars['BigInt']['output'];
  /** Indirect-probe requests sent. */
  pingReqsSent: Scalars['BigInt']['output'];
  /** Pings received. */
  pingsReceived: Scalars['BigInt']['output'];
  /** Direct pings sent. */
  pingsSent: Scalars['BigInt']['output'];
  /** Own probes without any ack. */
  probesFailed: Scalars['BigInt']['output'];
  /** Protocol periods run. */
  protocolPeriods: Scalars['BigInt']['output'];
  /** Full-state exchanges answered. */
  pushPullsReceived: Scalars['BigInt']['output'];
  /** Full-state exchanges started. */
  pushPullsSent: Scalars['BigInt']['output'];
  /** Pings to members held DEAD. */
  reconnectPingsSent: Scalars['BigInt']['output'];
  /** Suspicions of itself refuted. */
  refutations: Scalars['BigInt']['output'];
  /** Acks that matched no pending probe. */
  staleAcks: Scalars['BigInt']['output'];
  /** Stale statements heard that this member answered with the newer one it holds. */
  staleUpdatesCorrected: Scalars['BigInt']['output'];
  /** Confirmations added to suspicions held. */
  suspicionConfirmations: Scalars['BigInt']['output'];
  /** Suspicions raised from own failed probes. */
  suspicionsRaised: Scalars['BigInt']['output'];
  /** Updates that changed the view. */
  updatesApplied: Scalars['BigInt']['output'];
  /** Updates evicted from a full queue. */
  updatesDropped: Scalars['BigInt']['output'];
};

/** How commits wait for a standby (pg_stat_replication.sync_state). */
export type SyncState =
  /** Never waited for. */
  | 'async'
  /** Named in standbyNodes but not streaming, so not waited for now. */
  | 'potential'
  /** A commit waits for any one of the candidates (SEMI_SYNCHRONOUS). */
  | 'quorum'
  /** A commit waits for it (SYNCHRONOUS). */
  | 'sync';

/** Fields to sort a table's shards by. */
export type TableShardSortField =
  | 'rowCount'
  | 'shardNumber'
  | 'sizeBytes'
  | 'status';

/** One moved table compared on both sides. */
export type TableVerification = {
  __typename?: 'TableVerification';
  match: Scalars['Boolean']['output'];
  sourceChecksum: Scalars['BigInt']['output'];
  sourceRows: Scalars['BigInt']['output'];
  table: Scalars['String']['output'];
  targetChecksum: Scalars['BigInt']['output'];
  targetRows: Scalars['BigInt']['output'];
};

/** A token range, both ends included; a start after the end wraps. */
export type TokenRangeInput = {
  /** Last token. */
  endToken: Scalars['BigInt']['input'];
  /** First token. */
  startToken: Scalars['BigInt']['input'];
};

/** The coordinator's decision. */
export type TransactionDecision =
  | 'ABORT'
  | 'COMMIT';

/** Percentiles of a duration on the cluster clock; null before the first sample. */
export type TransactionLatency = {
  __typename?: 'TransactionLatency';
  maxMs?: Maybe<Scalars['Int']['output']>;
  p50Ms?: Maybe<Scalars['Int']['output']>;
  p95Ms?: Maybe<Scalars['Int']['output']>;
  p99Ms?: Maybe<Scalars['Int']['output']>;
  samples: Scalars['Int']['output'];
};

/** One participant of a distributed transaction. */
export type TransactionParticipant = {
  __typename?: 'TransactionParticipant';
  acknowledged: Scalars['Boolean']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  lockWait?: Maybe<LockWait>;
  locksHeld: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  /** Where its PREPARE record starts in its WAL (an LSN). */
  prepareLsn?: Maybe<Scalars['String']['output']>;
  preparedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether its node runs now. */
  reachable: Scalars['Boolean']['output'];
  /** Why it voted NO or ended as it did, in words. */
  reason?: Maybe<Scalars['String']['output']>;
  state: ParticipantState;
  /** Null until it voted. */
  vote?: Maybe<ParticipantVote>;
  writeCount: Scalars['Int']['output'];
  /** The transaction id it holds back while prepared. */
  xmin?: Maybe<Scalars['BigInt']['output']>;
};

/** How many instances a block transfer involved. */
export type TransferWay =
  | 'THREE_WAY'
  | 'TWO_WAY';

/** A selected shard no node can answer for. */
export type UnavailableShard = {
  __typename?: 'UnavailableShard';
  reason: Scalars['String']['output'];
  shardName: Scalars['String']['output'];
};

/** What to change in a channel rule (see UpdateChannelAlertRuleRequest); null channelId or kind widens it. */
export type UpdateChannelAlertRuleInput = {
  channelId?: InputMaybe<Scalars['ID']['input']>;
  forMs?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ChannelKind>;
  metric?: InputMaybe<ChannelMetric>;
  name?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<AlertSeverity>;
  threshold?: InputMaybe<Scalars['Float']['input']>;
};

export type UpdatePublicationInput = {
  allTables?: InputMaybe<Scalars['Boolean']['input']>;
  publish?: InputMaybe<Array<PublishOperation>>;
  tables?: InputMaybe<Array<PublishedTableInput>>;
};

/** New columns, or a new schema name (the keys and the strategy do not change here). */
export type UpdateShardedTableInput = {
  addColumns?: InputMaybe<Array<ShardedColumnInput>>;
  schemaName?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateSubscriptionInput = {
  conflictResolution?: InputMaybe<LogicalConflictResolutionInput>;
  disableOnError?: InputMaybe<Scalars['Boolean']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  origin?: InputMaybe<LogicalOriginFilter>;
  skip?: InputMaybe<SubscriptionSkipInput>;
};

/** Answers to PREPARE. */
export type VoteCounts = {
  __typename?: 'VoteCounts';
  no: Scalars['Int']['output'];
  yes: Scalars['Int']['output'];
};

/** Why a voter answered a RequestVote as it did. */
export type VoteDenialReason =
  /** The voter already voted for another candidate in this term. */
  | 'ALREADY_VOTED'
  /** The vote was granted. */
  | 'GRANTED'
  /** The voter hears from a live leader and ignores disruptive candidates (split-brain prevention). */
  | 'LEADER_ACTIVE'
  /** The candidate's log is less up to date than the voter's. */
  | 'LOG_NOT_UP_TO_DATE'
  /** The request's term is lower than the voter's. */
  | 'STALE_TERM'
  /** The voter is crashed or cut off and never answered. */
  | 'UNREACHABLE';

/** The answers to a RequestVote. */
export type VoteResponse = {
  __typename?: 'VoteResponse';
  /** Votes needed to win an election. */
  quorumSize: Scalars['Int']['output'];
  /** The highest term among the answers; higher than the request's means the candidate must step down. */
  term: Scalars['BigInt']['output'];
  /** With nodeId, that voter's answer; otherwise whether a quorum granted the vote (the candidate won). */
  voteGranted: Scalars['Boolean']['output'];
  /** Each addressed voter's answer, in node-id order. */
  votes: Array<RaftVote>;
  /** Voters that granted the vote. */
  votesGranted: Scalars['Int']['output'];
};

/** WAL segments on the primary. */
export type WalSegmentCounts = {
  __typename?: 'WalSegmentCounts';
  archived: Scalars['BigInt']['output'];
  current: Scalars['String']['output'];
  oldestRetained?: Maybe<Scalars['String']['output']>;
  removed: Scalars['BigInt']['output'];
  retained: Scalars['Int']['output'];
};

/** What the WAL senders streamed. */
export type WalSentCounts = {
  __typename?: 'WalSentCounts';
  batches: Scalars['BigInt']['output'];
  bytes: Scalars['BigInt']['output'];
  resentBatches: Scalars['BigInt']['output'];
};

/** Whether the WAL a slot needs is still there (pg_replication_slots.wal_status). */
export type WalStatus =
  /** Beyond that, within walKeepSegments or maxSlotWalKeepSegments. */
  | 'extended'
  /** Its WAL is gone; the slot is invalidated. */
  | 'lost'
  /** Within maxWalSegments of the current LSN. */
  | 'reserved'
  /** Beyond both; its WAL goes at the next checkpoint. */
  | 'unreserved';

/** The WAN link between two datacenters now. */
export type WanLink = {
  __typename?: 'WanLink';
  bandwidthBytesPerSecond: Scalars['BigInt']['output'];
  /** DISTANCE or CONFIGURED. */
  basis: Scalars['String']['output'];
  datacenterIds: Array<Scalars['String']['output']>;
  distanceKm: Scalars['Float']['output'];
  latencyMs: Scalars['Int']['output'];
  lossRate: Scalars['Float']['output'];
  partitioned: Scalars['Boolean']['output'];
};

export type WanLinkSettingInput = {
  bandwidthBytesPerSecond?: InputMaybe<Scalars['BigInt']['input']>;
  datacenterId: Scalars['String']['input'];
  latencyMs?: InputMaybe<Scalars['Int']['input']>;
  lossRate?: InputMaybe<Scalars['Float']['input']>;
  partitioned?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One open socket on a stream under /api/v1/ws. */
export type WebSocketConnection = {
  __typename?: 'WebSocketConnection';
  bytesQueued: Scalars['Int']['output'];
  bytesSent: Scalars['BigInt']['output'];
  connectedAt: Scalars['DateTime']['output'];
  /** The stream's current configuration; null on /api/v1/ws. */
  filters?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  messagesQueued: Scalars['Int']['output'];
  messagesSent: Scalars['BigInt']['output'];
  principal: Principal;
  remoteAddress?: Maybe<Scalars['String']['output']>;
  stream: Scalars['String']['output'];
  subscriptions: Scalars['Int']['output'];
};

/** The bounds of the streams under /api/v1/ws. */
export type WebSocketLimits = {
  __typename?: 'WebSocketLimits';
  maxConnections: Scalars['Int']['output'];
  maxQueuedBytes: Scalars['Int']['output'];
  maxSubscriptionsPerConnection: Scalars['Int']['output'];
};

/** The WebSocket server at a glance, as GET /api/v1/ws/status. */
export type WebSocketStatus = {
  __typename?: 'WebSocketStatus';
  bytesSent: Scalars['BigInt']['output'];
  eventsDelivered: Scalars['BigInt']['output'];
  eventsDropped: Scalars['BigInt']['output'];
  limits: WebSocketLimits;
  messagesSent: Scalars['BigInt']['output'];
  openConnections: Scalars['Int']['output'];
  slowConsumersClosed: Scalars['Int']['output'];
  streams: Array<WebSocketStreamStatus>;
  subscriptions: SubscriptionCounts;
};

/** One stream under /api/v1/ws; message and byte counts include closed connections. */
export type WebSocketStreamStatus = {
  __typename?: 'WebSocketStreamStatus';
  bytesSent: Scalars['BigInt']['output'];
  connections: Scalars['Int']['output'];
  messagesSent: Scalars['BigInt']['output'];
  slowConsumersClosed: Scalars['Int']['output'];
  stream: Scalars['String']['output'];
  subscribers: Scalars['Int']['output'];
};

/** How many are in each state. */
export type WorkflowCounts = {
  __typename?: 'WorkflowCounts';
  CANCELLED: Scalars['Int']['output'];
  COMPLETED: Scalars['Int']['output'];
  FAILED: Scalars['Int']['output'];
  PAUSED: Scalars['Int']['output'];
  PLANNED: Scalars['Int']['output'];
  RUNNING: Scalars['Int']['output'];
};

/** Where a rebalance or a migration task stands. */
export type WorkflowState =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PAUSED'
  | 'PLANNED'
  | 'RUNNING';

/** The write workload on the replication primary and what it has written. */
export type Workload = {
  __typename?: 'Workload';
  /** Keys per table. */
  keySpace: Scalars['Int']['output'];
  /** End of the WAL record of its latest write. */
  lastLsn?: Maybe<Scalars['String']['output']>;
  lastWriteAt?: Maybe<Scalars['DateTime']['output']>;
  mix: WorkloadMix;
  /** Writes per second of cluster time; 0 when stopped. */
  ratePerSecond: Scalars['Float']['output'];
  /** Whether it writes now (a rate above 0 and a primary). */
  running: Scalars['Boolean']['output'];
  tables: Array<Scalars['String']['output']>;
  walBytes: Scalars['BigInt']['output'];
  writes: WorkloadWrites;
};

/** The workload's settings; every field is replaced. */
export type WorkloadInput = {
  keySpace: Scalars['Int']['input'];
  mix: WorkloadMixInput;
  ratePerSecond: Scalars['Float']['input'];
  tables: Array<Scalars['String']['input']>;
};

/** Relative weights of inserts, updates and deletes. */
export type WorkloadMix = {
  __typename?: 'WorkloadMix';
  delete: Scalars['Float']['output'];
  insert: Scalars['Float']['output'];
  update: Scalars['Float']['output'];
};

export type WorkloadMixInput = {
  delete: Scalars['Float']['input'];
  insert: Scalars['Float']['input'];
  update: Scalars['Float']['input'];
};

/** Writes the workload made, by operation. */
export type WorkloadWrites = {
  __typename?: 'WorkloadWrites';
  deletes: Scalars['BigInt']['output'];
  inserts: Scalars['BigInt']['output'];
  total: Scalars['BigInt']['output'];
  updates: Scalars['BigInt']['output'];
};

/** An XA transaction changed state (`xa_branch_state_changed`). */
export type XaBranchEvent = {
  __typename?: 'XaBranchEvent';
  cursor: Scalars['BigInt']['output'];
  /** Null when it started. */
  from?: Maybe<XaState>;
  nodeId: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  resourceManager: Scalars['String']['output'];
  state: XaState;
  time: Scalars['DateTime']['output'];
  to: XaState;
  /** xa_branch_state_changed. */
  type: Scalars['String']['output'];
  xid: Scalars['String']['output'];
};

export type XaRecoverSortField =
  | 'preparedAt'
  | 'xid';

/** A PREPARED XA transaction as XA RECOVER CONVERT XID lists it. */
export type XaRecoveredTransaction = {
  __typename?: 'XaRecoveredTransaction';
  bqualLength: Scalars['Int']['output'];
  /** gtrid then bqual in hexadecimal (0x...). */
  data: Scalars['String']['output'];
  formatId: Scalars['Int']['output'];
  gtridLength: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  preparedAt: Scalars['DateTime']['output'];
  resourceManager: Scalars['String']['output'];
  xid: Scalars['String']['output'];
};

/** A resource manager: a node's storage under a name. */
export type XaResourceManager = {
  __typename?: 'XaResourceManager';
  liveTransactions: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  nodeId: Scalars['ID']['output'];
  preparedTransactions: Scalars['Int']['output'];
  registeredAt: Scalars['DateTime']['output'];
};

export type XaResourceManagerSortField =
  | 'liveTransactions'
  | 'name'
  | 'nodeId'
  | 'registeredAt';

/** A new XA transaction (XaStartRequest in the OpenAPI document). */
export type XaStartInput = {
  resourceManager: Scalars['String']['input'];
  /** Default 60000. */
  timeoutMs?: InputMaybe<Scalars['Int']['input']>;
  writes?: InputMaybe<Array<RowWriteInput>>;
  /** In MySQL's notation, e.g. 'order-42','b1',1 or order-42,b1. */
  xid: Scalars['String']['input'];
};

/** Where an XA transaction stands (MySQL's state names; see XaState in the OpenAPI document). */
export type XaState =
  | 'ACTIVE'
  | 'COMMITTED'
  | 'IDLE'
  | 'PREPARED'
  | 'ROLLBACK_ONLY'
  | 'ROLLED_BACK';

/** XA transactions kept, by state. */
export type XaStateCounts = {
  __typename?: 'XaStateCounts';
  ACTIVE: Scalars['Int']['output'];
  COMMITTED: Scalars['Int']['output'];
  IDLE: Scalars['Int']['output'];
  PREPARED: Scalars['Int']['output'];
  ROLLBACK_ONLY: Scalars['Int']['output'];
  ROLLED_BACK: Scalars['Int']['output'];
};

/** XA, measured by the engine. */
export type XaStatistics = {
  __typename?: 'XaStatistics';
  byState: XaStateCounts;
  committed: Scalars['Int']['output'];
  onePhaseCommits: Scalars['Int']['output'];
  prepared: Scalars['Int']['output'];
  recovered: Scalars['Int']['output'];
  resourceManagers: Scalars['Int']['output'];
  rolledBack: Scalars['Int']['output'];
  started: Scalars['Int']['output'];
  timedOut: Scalars['Int']['output'];
};

/** An XA transaction: one branch of a global transaction on one resource manager. */
export type XaTransaction = {
  __typename?: 'XaTransaction';
  bqual?: Maybe<Scalars['String']['output']>;
  bqualHex: Scalars['String']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  formatId: Scalars['Int']['output'];
  /** The gtrid as text; null when its bytes are not text. */
  gtrid?: Maybe<Scalars['String']['output']>;
  gtridHex: Scalars['String']['output'];
  lockWait?: Maybe<LockWait>;
  locksHeld: Scalars['Int']['output'];
  nodeId: Scalars['ID']['output'];
  onePhase: Scalars['Boolean']['output'];
  /** Where its PREPARE record starts in its node's WAL (an LSN). */
  prepareLsn?: Maybe<Scalars['String']['output']>;
  preparedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it became ROLLBACK_ONLY or ROLLED_BACK, in words with the XA code. */
  reason?: Maybe<Scalars['String']['output']>;
  resourceManager: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  state: XaState;
  timeoutAt?: Maybe<Scalars['DateTime']['output']>;
  timeoutMs: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  writeCount: Scalars['Int']['output'];
  /** The xid in MySQL's notation, e.g. 'order-42','b1',1. */
  xid: Scalars['String']['output'];
};

export type XaTransactionSortField =
  | 'resourceManager'
  | 'startedAt'
  | 'state'
  | 'xid';

/** Nodes of one availability zone. */
export type ZonePlacement = {
  __typename?: 'ZonePlacement';
  nodeIds: Array<Scalars['ID']['output']>;
  zone: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  RouteReason:
    | ( HashRouteReason )
    | ( ListRouteReason )
    | ( RangeRouteReason )
  ;
  ShardingStrategy:
    | ( Omit<CompositeSharding, 'strategies'> & { strategies: Array<_RefType['ShardingStrategy']> } )
    | ( HashSharding )
    | ( ListSharding )
    | ( RangeSharding )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessToken: ResolverTypeWrapper<AccessToken>;
  AddBackendInput: AddBackendInput;
  AddNodeInput: AddNodeInput;
  AddReplicaInput: AddReplicaInput;
  AggregateCounts: ResolverTypeWrapper<AggregateCounts>;
  AggregateFunction: AggregateFunction;
  Alert: ResolverTypeWrapper<Alert>;
  AlertLabel: ResolverTypeWrapper<AlertLabel>;
  AlertMetric: AlertMetric;
  AlertSeverity: AlertSeverity;
  AlertState: AlertState;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  AppendEntriesResponse: ResolverTypeWrapper<AppendEntriesResponse>;
  AppendedEntry: ResolverTypeWrapper<AppendedEntry>;
  ApplierError: ResolverTypeWrapper<ApplierError>;
  ApplierSortField: ApplierSortField;
  ApplierState: ApplierState;
  ApplierStatus: ResolverTypeWrapper<ApplierStatus>;
  ApplyCheckpoint: ResolverTypeWrapper<ApplyCheckpoint>;
  ApplyCheckpointTrigger: ApplyCheckpointTrigger;
  ApplyConfig: ResolverTypeWrapper<ApplyConfig>;
  ApplyConfigInput: ApplyConfigInput;
  ApplyStatistics: ResolverTypeWrapper<ApplyStatistics>;
  ApplyTransaction: ResolverTypeWrapper<ApplyTransaction>;
  ApplyTransactionStatus: ApplyTransactionStatus;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditOutcome: AuditOutcome;
  BackendHealth: BackendHealth;
  BackendSortField: BackendSortField;
  BaseBackupProgress: ResolverTypeWrapper<BaseBackupProgress>;
  BeginDistributedTransactionInput: BeginDistributedTransactionInput;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BlockMode: BlockMode;
  BlockTransferEvent: ResolverTypeWrapper<BlockTransferEvent>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BufferCacheStats: ResolverTypeWrapper<BufferCacheStats>;
  BufferPoolStats: ResolverTypeWrapper<BufferPoolStats>;
  CacheFusionEvent: ResolverTypeWrapper<CacheFusionEvent>;
  CacheFusionInstanceStatus: ResolverTypeWrapper<CacheFusionInstanceStatus>;
  CacheFusionStats: ResolverTypeWrapper<CacheFusionStats>;
  CacheFusionStatus: ResolverTypeWrapper<CacheFusionStatus>;
  CacheFusionTransfer: ResolverTypeWrapper<CacheFusionTransfer>;
  CacheFusionTransferSortField: CacheFusionTransferSortField;
  ChannelAlert: ResolverTypeWrapper<ChannelAlert>;
  ChannelAlertRule: ResolverTypeWrapper<ChannelAlertRule>;
  ChannelConflicts: ResolverTypeWrapper<ChannelConflicts>;
  ChannelEndpoint: ResolverTypeWrapper<ChannelEndpoint>;
  ChannelErrors: ResolverTypeWrapper<ChannelErrors>;
  ChannelKind: ChannelKind;
  ChannelKindSummary: ResolverTypeWrapper<ChannelKindSummary>;
  ChannelLag: ResolverTypeWrapper<ChannelLag>;
  ChannelMetric: ChannelMetric;
  ChannelRates: ResolverTypeWrapper<ChannelRates>;
  ChannelSeriesPoint: ResolverTypeWrapper<ChannelSeriesPoint>;
  ChannelState: ChannelState;
  ChannelStateCounts: ResolverTypeWrapper<ChannelStateCounts>;
  ChannelThroughput: ResolverTypeWrapper<ChannelThroughput>;
  ChannelTimeSeries: ResolverTypeWrapper<ChannelTimeSeries>;
  Clock: ResolverTypeWrapper<Clock>;
  ClockEntry: ResolverTypeWrapper<ClockEntry>;
  ClockInput: ClockInput;
  ClockMode: ClockMode;
  ClockOrder: ClockOrder;
  ClusterConfig: ResolverTypeWrapper<ClusterConfig>;
  ClusterConfigInput: ClusterConfigInput;
  ClusterHealth: ResolverTypeWrapper<ClusterHealth>;
  ClusterHealthCheck: ResolverTypeWrapper<ClusterHealthCheck>;
  ClusterHealthCheckName: ClusterHealthCheckName;
  ClusterHealthEvent: ResolverTypeWrapper<ClusterHealthEvent>;
  ClusterInfo: ResolverTypeWrapper<ClusterInfo>;
  ClusterMetrics: ResolverTypeWrapper<ClusterMetrics>;
  ClusterNode: ResolverTypeWrapper<ClusterNode>;
  ClusterNodeSortField: ClusterNodeSortField;
  ClusterReplication: ResolverTypeWrapper<ClusterReplication>;
  ClusterReplicationNode: ResolverTypeWrapper<ClusterReplicationNode>;
  ClusterShard: ResolverTypeWrapper<ClusterShard>;
  ClusterState: ClusterState;
  ClusterStatus: ResolverTypeWrapper<ClusterStatus>;
  ClusterTopology: ResolverTypeWrapper<ClusterTopology>;
  ClusteringConsensusStatus: ResolverTypeWrapper<ClusteringConsensusStatus>;
  ClusteringCoordinatorStatus: ResolverTypeWrapper<ClusteringCoordinatorStatus>;
  ClusteringDhtStatus: ResolverTypeWrapper<ClusteringDhtStatus>;
  ClusteringFailoverStatus: ResolverTypeWrapper<ClusteringFailoverStatus>;
  ClusteringLoadBalancerStatus: ResolverTypeWrapper<ClusteringLoadBalancerStatus>;
  ClusteringMembershipStatus: ResolverTypeWrapper<ClusteringMembershipStatus>;
  ClusteringNodeCounts: ResolverTypeWrapper<ClusteringNodeCounts>;
  ClusteringStatus: ResolverTypeWrapper<ClusteringStatus>;
  ColumnMask: ResolverTypeWrapper<ColumnMask>;
  ColumnMaskInput: ColumnMaskInput;
  CommitCounts: ResolverTypeWrapper<CommitCounts>;
  CommitWaitStatistics: ResolverTypeWrapper<CommitWaitStatistics>;
  CompositeSharding: ResolverTypeWrapper<Omit<CompositeSharding, 'strategies'> & { strategies: Array<ResolversTypes['ShardingStrategy']> }>;
  ConflictBacktest: ResolverTypeWrapper<ConflictBacktest>;
  ConflictBacktests: ResolverTypeWrapper<ConflictBacktests>;
  ConflictCount: ResolverTypeWrapper<ConflictCount>;
  ConflictCounts: ResolverTypeWrapper<ConflictCounts>;
  ConflictEvent: ResolverTypeWrapper<ConflictEvent>;
  ConflictExplanation: ResolverTypeWrapper<ConflictExplanation>;
  ConflictPredictions: ResolverTypeWrapper<ConflictPredictions>;
  ConflictResolution: ResolverTypeWrapper<ConflictResolution>;
  ConflictResolutionContext: ResolverTypeWrapper<ConflictResolutionContext>;
  ConflictResolutionStrategy: ConflictResolutionStrategy;
  ConflictSeriesPrediction: ResolverTypeWrapper<ConflictSeriesPrediction>;
  ConflictStatistics: ResolverTypeWrapper<ConflictStatistics>;
  ConflictStrategyInfo: ResolverTypeWrapper<ConflictStrategyInfo>;
  ConflictType: ConflictType;
  ConflictVersion: ResolverTypeWrapper<ConflictVersion>;
  ConflictWinner: ConflictWinner;
  ConnectionOutcome: ConnectionOutcome;
  ConnectionSortField: ConnectionSortField;
  ConnectionState: ConnectionState;
  ConsistencyCalculatorInput: ConsistencyCalculatorInput;
  ConsistencyForecast: ResolverTypeWrapper<ConsistencyForecast>;
  ConsistencyLevel: ConsistencyLevel;
  ConvergenceEvent: ResolverTypeWrapper<ConvergenceEvent>;
  CrdtColumnUse: ResolverTypeWrapper<CrdtColumnUse>;
  CrdtType: CrdtType;
  CrdtTypeInfo: ResolverTypeWrapper<CrdtTypeInfo>;
  CreateAlertRuleInput: CreateAlertRuleInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateChannelAlertRuleInput: CreateChannelAlertRuleInput;
  CreateReplicationSnapshotInput: CreateReplicationSnapshotInput;
  CreateSlotInput: CreateSlotInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  DatabaseInstance: ResolverTypeWrapper<DatabaseInstance>;
  DatacenterNode: ResolverTypeWrapper<DatacenterNode>;
  DatacenterVectorClock: ResolverTypeWrapper<DatacenterVectorClock>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecodedChange: ResolverTypeWrapper<DecodedChange>;
  DecodedChangeOp: DecodedChangeOp;
  DetailedClusterHealth: ResolverTypeWrapper<DetailedClusterHealth>;
  DhtNode: ResolverTypeWrapper<DhtNode>;
  DhtNodeSortField: DhtNodeSortField;
  DhtNodeStatistics: ResolverTypeWrapper<DhtNodeStatistics>;
  DhtRingEntry: ResolverTypeWrapper<DhtRingEntry>;
  DhtRoute: ResolverTypeWrapper<DhtRoute>;
  DhtRouteResult: ResolverTypeWrapper<DhtRouteResult>;
  DhtStatistics: ResolverTypeWrapper<DhtStatistics>;
  DistributeQueryInput: DistributeQueryInput;
  DistributedCommitResult: ResolverTypeWrapper<DistributedCommitResult>;
  DistributedPlanKind: DistributedPlanKind;
  DistributedQueryCondition: ResolverTypeWrapper<DistributedQueryCondition>;
  DistributedQueryExecution: ResolverTypeWrapper<DistributedQueryExecution>;
  DistributedQueryFragment: ResolverTypeWrapper<DistributedQueryFragment>;
  DistributedQueryFragmentRun: ResolverTypeWrapper<DistributedQueryFragmentRun>;
  DistributedQueryLatency: ResolverTypeWrapper<DistributedQueryLatency>;
  DistributedQueryPlan: ResolverTypeWrapper<DistributedQueryPlan>;
  DistributedQueryResult: ResolverTypeWrapper<DistributedQueryResult>;
  DistributedQueryRoute: ResolverTypeWrapper<DistributedQueryRoute>;
  DistributedQueryRouteLevel: ResolverTypeWrapper<DistributedQueryRouteLevel>;
  DistributedQueryStatistics: ResolverTypeWrapper<DistributedQueryStatistics>;
  DistributedQueryStatus: DistributedQueryStatus;
  DistributedTransaction: ResolverTypeWrapper<DistributedTransaction>;
  DistributedTransactionEvent: ResolverTypeWrapper<DistributedTransactionEvent>;
  DistributedTransactionSortField: DistributedTransactionSortField;
  DistributedTransactionState: DistributedTransactionState;
  DistributedTransactionStatistics: ResolverTypeWrapper<DistributedTransactionStatistics>;
  DrillFaultType: DrillFaultType;
  DrillStatus: DrillStatus;
  EnqueueCounts: ResolverTypeWrapper<EnqueueCounts>;
  EnqueueMode: EnqueueMode;
  Event: ResolverTypeWrapper<Event>;
  EventLoopDelay: ResolverTypeWrapper<EventLoopDelay>;
  EventMetrics: ResolverTypeWrapper<EventMetrics>;
  EventPage: ResolverTypeWrapper<EventPage>;
  ExecutionStrategy: ExecutionStrategy;
  ExecutionStrategyChange: ResolverTypeWrapper<ExecutionStrategyChange>;
  FailoverConfig: ResolverTypeWrapper<FailoverConfig>;
  FailoverConfigInput: FailoverConfigInput;
  FailoverEvent: ResolverTypeWrapper<FailoverEvent>;
  FailoverInput: FailoverInput;
  FailoverKind: FailoverKind;
  FailoverKindCounts: ResolverTypeWrapper<FailoverKindCounts>;
  FailoverMode: FailoverMode;
  FailoverPolicy: ResolverTypeWrapper<FailoverPolicy>;
  FailoverPolicyInput: FailoverPolicyInput;
  FailoverResult: ResolverTypeWrapper<FailoverResult>;
  FailoverSortField: FailoverSortField;
  FailoverStatistics: ResolverTypeWrapper<FailoverStatistics>;
  FailoverStatus: FailoverStatus;
  FailoverStepName: FailoverStepName;
  FailoverTestInput: FailoverTestInput;
  FailoverTestResult: ResolverTypeWrapper<FailoverTestResult>;
  FailoverTimelineStep: ResolverTypeWrapper<FailoverTimelineStep>;
  Fault: ResolverTypeWrapper<Fault>;
  FaultInput: FaultInput;
  FaultType: FaultType;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FlushResult: ResolverTypeWrapper<FlushResult>;
  GdsFailoverCounts: ResolverTypeWrapper<GdsFailoverCounts>;
  GdsServiceStatistics: ResolverTypeWrapper<GdsServiceStatistics>;
  GdsStatistics: ResolverTypeWrapper<GdsStatistics>;
  GeoDatacenter: ResolverTypeWrapper<GeoDatacenter>;
  GeoDatacenterInput: GeoDatacenterInput;
  GeoLagCell: ResolverTypeWrapper<GeoLagCell>;
  GeoLocation: ResolverTypeWrapper<GeoLocation>;
  GeoLocationInput: GeoLocationInput;
  GeoReplicationStatistics: ResolverTypeWrapper<GeoReplicationStatistics>;
  GeoStream: ResolverTypeWrapper<GeoStream>;
  GeoStreamInput: GeoStreamInput;
  GeoStreamState: GeoStreamState;
  GeoStreamsByState: ResolverTypeWrapper<GeoStreamsByState>;
  GlobalService: ResolverTypeWrapper<GlobalService>;
  GlobalServiceHealth: ResolverTypeWrapper<GlobalServiceHealth>;
  GlobalServiceInput: GlobalServiceInput;
  GlobalServiceLoadBalancing: GlobalServiceLoadBalancing;
  GlobalServiceUpdateInput: GlobalServiceUpdateInput;
  GossipJoin: ResolverTypeWrapper<GossipJoin>;
  GossipProbe: ResolverTypeWrapper<GossipProbe>;
  GossipState: ResolverTypeWrapper<GossipState>;
  GrdAffinity: ResolverTypeWrapper<GrdAffinity>;
  GrdAffinitySortField: GrdAffinitySortField;
  GrdHolder: ResolverTypeWrapper<GrdHolder>;
  GrdMasterShare: ResolverTypeWrapper<GrdMasterShare>;
  GrdResource: ResolverTypeWrapper<GrdResource>;
  GrdResourceSortField: GrdResourceSortField;
  GrdResourceType: GrdResourceType;
  GrdStats: ResolverTypeWrapper<GrdStats>;
  GrdTopology: ResolverTypeWrapper<GrdTopology>;
  GroupConflict: ResolverTypeWrapper<GroupConflict>;
  GroupConflictResolution: ResolverTypeWrapper<GroupConflictResolution>;
  GroupConflictStatus: GroupConflictStatus;
  GroupConflictStrategy: GroupConflictStrategy;
  GroupConflictWinner: GroupConflictWinner;
  HashFunction: HashFunction;
  HashFunctionName: HashFunctionName;
  HashRouteReason: ResolverTypeWrapper<HashRouteReason>;
  HashSharding: ResolverTypeWrapper<HashSharding>;
  HealthCheck: ResolverTypeWrapper<HealthCheck>;
  HealthCheckOutcome: HealthCheckOutcome;
  HealthComponent: HealthComponent;
  HealthIssue: ResolverTypeWrapper<HealthIssue>;
  HealthIssueSortField: HealthIssueSortField;
  HealthIssueType: HealthIssueType;
  HealthLeader: ResolverTypeWrapper<HealthLeader>;
  HealthProbe: HealthProbe;
  HealthReport: ResolverTypeWrapper<HealthReport>;
  HealthSample: ResolverTypeWrapper<HealthSample>;
  HealthStatus: HealthStatus;
  HeldLock: ResolverTypeWrapper<HeldLock>;
  HeuristicCounts: ResolverTypeWrapper<HeuristicCounts>;
  HeuristicDecision: HeuristicDecision;
  HeuristicOutcome: HeuristicOutcome;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InDoubtResolution: ResolverTypeWrapper<InDoubtResolution>;
  InDoubtTransaction: ResolverTypeWrapper<InDoubtTransaction>;
  InDoubtTransactionSortField: InDoubtTransactionSortField;
  InitialBackendHealth: InitialBackendHealth;
  InstancePreference: InstancePreference;
  InstanceRecovery: ResolverTypeWrapper<InstanceRecovery>;
  InstanceRole: InstanceRole;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InterconnectInstanceStatus: ResolverTypeWrapper<InterconnectInstanceStatus>;
  InterconnectLatency: ResolverTypeWrapper<InterconnectLatency>;
  InterconnectLatencyPair: ResolverTypeWrapper<InterconnectLatencyPair>;
  InterconnectPairStats: ResolverTypeWrapper<InterconnectPairStats>;
  InterconnectState: InterconnectState;
  InterconnectStats: ResolverTypeWrapper<InterconnectStats>;
  InterconnectStatus: ResolverTypeWrapper<InterconnectStatus>;
  IssueSeverity: IssueSeverity;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  JoinMemberInput: JoinMemberInput;
  KeyRange: ResolverTypeWrapper<KeyRange>;
  KeyRangeInput: KeyRangeInput;
  KeyRoute: ResolverTypeWrapper<Omit<KeyRoute, 'reasons'> & { reasons: Array<ResolversTypes['RouteReason']> }>;
  LatencyPercentiles: ResolverTypeWrapper<LatencyPercentiles>;
  LeaderElectionEvent: ResolverTypeWrapper<LeaderElectionEvent>;
  LevelChange: ResolverTypeWrapper<LevelChange>;
  LevelSelection: ResolverTypeWrapper<Omit<LevelSelection, 'matches'> & { matches: Array<ResolversTypes['RouteReason']> }>;
  ListDefinition: ResolverTypeWrapper<ListDefinition>;
  ListDefinitionInput: ListDefinitionInput;
  ListRouteReason: ResolverTypeWrapper<ListRouteReason>;
  ListSharding: ResolverTypeWrapper<ListSharding>;
  LoadBalancerBackend: ResolverTypeWrapper<LoadBalancerBackend>;
  LoadBalancerConnection: ResolverTypeWrapper<LoadBalancerConnection>;
  LoadBalancerStatistics: ResolverTypeWrapper<LoadBalancerStatistics>;
  LoadBalancerStrategyChange: ResolverTypeWrapper<LoadBalancerStrategyChange>;
  LoadBalancingStrategy: LoadBalancingStrategy;
  LoadSpread: ResolverTypeWrapper<LoadSpread>;
  LockEvent: ResolverTypeWrapper<LockEvent>;
  LockWait: ResolverTypeWrapper<LockWait>;
  LockWaitCounts: ResolverTypeWrapper<LockWaitCounts>;
  LogicalApplyError: ResolverTypeWrapper<LogicalApplyError>;
  LogicalChanges: ResolverTypeWrapper<LogicalChanges>;
  LogicalConflictCounts: ResolverTypeWrapper<LogicalConflictCounts>;
  LogicalConflictPolicy: LogicalConflictPolicy;
  LogicalConflictResolution: ResolverTypeWrapper<LogicalConflictResolution>;
  LogicalConflictResolutionInput: LogicalConflictResolutionInput;
  LogicalConflictType: LogicalConflictType;
  LogicalOriginFilter: LogicalOriginFilter;
  LogicalSkipResult: ResolverTypeWrapper<LogicalSkipResult>;
  LogicalStatistics: ResolverTypeWrapper<LogicalStatistics>;
  LogicalSubscription: ResolverTypeWrapper<LogicalSubscription>;
  LogicalSubscriptionCounters: ResolverTypeWrapper<LogicalSubscriptionCounters>;
  LogicalSubscriptionStats: ResolverTypeWrapper<LogicalSubscriptionStats>;
  LogicalSubscriptionStatus: LogicalSubscriptionStatus;
  MaskKind: MaskKind;
  Member: ResolverTypeWrapper<Member>;
  MemberGossip: ResolverTypeWrapper<MemberGossip>;
  MemberLifecycle: MemberLifecycle;
  MemberMetadata: ResolverTypeWrapper<MemberMetadata>;
  MemberMetadataInput: MemberMetadataInput;
  MemberRole: MemberRole;
  MemberSelfView: ResolverTypeWrapper<MemberSelfView>;
  MemberSortField: MemberSortField;
  MemberState: MemberState;
  MemberStateDetail: ResolverTypeWrapper<MemberStateDetail>;
  MemberStateEvent: ResolverTypeWrapper<MemberStateEvent>;
  MemberSuspicion: ResolverTypeWrapper<MemberSuspicion>;
  Metrics: ResolverTypeWrapper<Metrics>;
  MigrationStatistics: ResolverTypeWrapper<MigrationStatistics>;
  MigrationTask: ResolverTypeWrapper<MigrationTask>;
  MigrationTaskInput: MigrationTaskInput;
  MigrationTaskPage: ResolverTypeWrapper<MigrationTaskPage>;
  MonitoredChannel: ResolverTypeWrapper<MonitoredChannel>;
  MovePhase: MovePhase;
  MultiMasterAntiEntropy: ResolverTypeWrapper<MultiMasterAntiEntropy>;
  MultiMasterAntiEntropyPair: ResolverTypeWrapper<MultiMasterAntiEntropyPair>;
  MultiMasterConflict: ResolverTypeWrapper<MultiMasterConflict>;
  MultiMasterConflictStrategy: MultiMasterConflictStrategy;
  MultiMasterConflictVersion: ResolverTypeWrapper<MultiMasterConflictVersion>;
  MultiMasterConvergenceReport: ResolverTypeWrapper<MultiMasterConvergenceReport>;
  MultiMasterCounters: ResolverTypeWrapper<MultiMasterCounters>;
  MultiMasterGroupStatistics: ResolverTypeWrapper<MultiMasterGroupStatistics>;
  MultiMasterPush: ResolverTypeWrapper<MultiMasterPush>;
  MultiMasterQuorumSite: ResolverTypeWrapper<MultiMasterQuorumSite>;
  MultiMasterQuorumStatus: ResolverTypeWrapper<MultiMasterQuorumStatus>;
  MultiMasterRead: ResolverTypeWrapper<MultiMasterRead>;
  MultiMasterReadRow: ResolverTypeWrapper<MultiMasterReadRow>;
  MultiMasterReplicateMode: MultiMasterReplicateMode;
  MultiMasterReplicateResult: ResolverTypeWrapper<MultiMasterReplicateResult>;
  MultiMasterSibling: ResolverTypeWrapper<MultiMasterSibling>;
  MultiMasterSite: ResolverTypeWrapper<MultiMasterSite>;
  MultiMasterSiteAgreement: ResolverTypeWrapper<MultiMasterSiteAgreement>;
  MultiMasterSitePeer: ResolverTypeWrapper<MultiMasterSitePeer>;
  MultiMasterStatistics: ResolverTypeWrapper<MultiMasterStatistics>;
  MultiMasterWrite: ResolverTypeWrapper<MultiMasterWrite>;
  MultiMasterWrittenVersion: ResolverTypeWrapper<MultiMasterWrittenVersion>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NetworkMetrics: ResolverTypeWrapper<NetworkMetrics>;
  NodeCapacity: ResolverTypeWrapper<NodeCapacity>;
  NodeCapacityInput: NodeCapacityInput;
  NodeHealthDetail: ResolverTypeWrapper<NodeHealthDetail>;
  NodeLoad: ResolverTypeWrapper<NodeLoad>;
  NodeProbeRole: NodeProbeRole;
  NodeRole: NodeRole;
  NodeRoleProbe: ResolverTypeWrapper<NodeRoleProbe>;
  NodeServiceName: NodeServiceName;
  NodeSnapshot: ResolverTypeWrapper<NodeSnapshot>;
  NodeStatus: NodeStatus;
  NodeStatusEvent: ResolverTypeWrapper<NodeStatusEvent>;
  ObserverBelief: ResolverTypeWrapper<ObserverBelief>;
  ObserverCounts: ResolverTypeWrapper<ObserverCounts>;
  OperationMetrics: ResolverTypeWrapper<OperationMetrics>;
  OperatorShardStatus: OperatorShardStatus;
  ParallelQueryAggregate: ResolverTypeWrapper<ParallelQueryAggregate>;
  ParallelQueryConfig: ResolverTypeWrapper<ParallelQueryConfig>;
  ParallelQueryConfigInput: ParallelQueryConfigInput;
  ParallelQueryEvent: ResolverTypeWrapper<ParallelQueryEvent>;
  ParallelQueryFilter: ResolverTypeWrapper<ParallelQueryFilter>;
  ParallelQueryGranule: ResolverTypeWrapper<ParallelQueryGranule>;
  ParallelQueryJob: ResolverTypeWrapper<ParallelQueryJob>;
  ParallelQueryPlan: ResolverTypeWrapper<ParallelQueryPlan>;
  ParallelQueryPlanSortField: ParallelQueryPlanSortField;
  ParallelQueryResult: ResolverTypeWrapper<ParallelQueryResult>;
  ParallelQueryStatistics: ResolverTypeWrapper<ParallelQueryStatistics>;
  ParallelQueryStatus: ParallelQueryStatus;
  ParticipantInput: ParticipantInput;
  ParticipantResolution: ResolverTypeWrapper<ParticipantResolution>;
  ParticipantState: ParticipantState;
  ParticipantVote: ParticipantVote;
  PerformanceMetrics: ResolverTypeWrapper<PerformanceMetrics>;
  PermanentErrorPolicy: PermanentErrorPolicy;
  PiggybackEntry: ResolverTypeWrapper<PiggybackEntry>;
  PlannedShardMove: ResolverTypeWrapper<PlannedShardMove>;
  Principal: ResolverTypeWrapper<Principal>;
  ProbePhase: ProbePhase;
  ProcessMetrics: ResolverTypeWrapper<ProcessMetrics>;
  Publication: ResolverTypeWrapper<Publication>;
  PublicationInput: PublicationInput;
  PublishOperation: PublishOperation;
  PublishedTable: ResolverTypeWrapper<PublishedTable>;
  PublishedTableInput: PublishedTableInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueryExecution: ResolverTypeWrapper<QueryExecution>;
  QueryKind: QueryKind;
  QueryPhase: ResolverTypeWrapper<QueryPhase>;
  QueryPhaseName: QueryPhaseName;
  QueryProgressMeasure: ResolverTypeWrapper<QueryProgressMeasure>;
  QueryTask: ResolverTypeWrapper<QueryTask>;
  QueryType: QueryType;
  QuorumEvent: ResolverTypeWrapper<QuorumEvent>;
  RacCluster: ResolverTypeWrapper<RacCluster>;
  RacClusterStatus: ResolverTypeWrapper<RacClusterStatus>;
  RacConfig: ResolverTypeWrapper<RacConfig>;
  RacInstance: ResolverTypeWrapper<RacInstance>;
  RacInstanceSortField: RacInstanceSortField;
  RacInstanceStatus: RacInstanceStatus;
  RacInstanceSummary: ResolverTypeWrapper<RacInstanceSummary>;
  RacRecoverySortField: RacRecoverySortField;
  RacStatistics: ResolverTypeWrapper<RacStatistics>;
  RaftConfigChangeType: RaftConfigChangeType;
  RaftEntryType: RaftEntryType;
  RaftLeader: ResolverTypeWrapper<RaftLeader>;
  RaftLogEntry: ResolverTypeWrapper<RaftLogEntry>;
  RaftLogEntryInput: RaftLogEntryInput;
  RaftLogSummary: ResolverTypeWrapper<RaftLogSummary>;
  RaftMember: ResolverTypeWrapper<RaftMember>;
  RaftMembership: ResolverTypeWrapper<RaftMembership>;
  RaftNodeState: RaftNodeState;
  RaftPendingChange: ResolverTypeWrapper<RaftPendingChange>;
  RaftProgressState: RaftProgressState;
  RaftState: ResolverTypeWrapper<RaftState>;
  RaftSuffrage: RaftSuffrage;
  RaftVote: ResolverTypeWrapper<RaftVote>;
  RangeDefinition: ResolverTypeWrapper<RangeDefinition>;
  RangeDefinitionInput: RangeDefinitionInput;
  RangeRouteReason: ResolverTypeWrapper<RangeRouteReason>;
  RangeSharding: ResolverTypeWrapper<RangeSharding>;
  RebalancePlanInput: RebalancePlanInput;
  RebalanceProgress: ResolverTypeWrapper<RebalanceProgress>;
  RebalanceResult: ResolverTypeWrapper<RebalanceResult>;
  RebalanceStatus: ResolverTypeWrapper<RebalanceStatus>;
  RebalanceStrategy: RebalanceStrategy;
  RecoveryConfig: ResolverTypeWrapper<RecoveryConfig>;
  RecoveryConfigInput: RecoveryConfigInput;
  RecoveryEvent: ResolverTypeWrapper<RecoveryEvent>;
  RecoveryPhase: RecoveryPhase;
  RecoveryPhaseTiming: ResolverTypeWrapper<RecoveryPhaseTiming>;
  RecoveryStatus: ResolverTypeWrapper<RecoveryStatus>;
  RecoveryTrigger: RecoveryTrigger;
  RegionLatency: ResolverTypeWrapper<RegionLatency>;
  RegionLatencyMatrix: ResolverTypeWrapper<RegionLatencyMatrix>;
  RegionPlacement: ResolverTypeWrapper<RegionPlacement>;
  RegionRole: RegionRole;
  RegisterXaResourceManagerInput: RegisterXaResourceManagerInput;
  RemasterEvent: ResolverTypeWrapper<RemasterEvent>;
  RemasterMove: ResolverTypeWrapper<RemasterMove>;
  RemasterReason: RemasterReason;
  RemasterResult: ResolverTypeWrapper<RemasterResult>;
  Replica: ResolverTypeWrapper<Replica>;
  ReplicaLag: ResolverTypeWrapper<ReplicaLag>;
  ReplicaSortField: ReplicaSortField;
  ReplicaState: ReplicaState;
  ReplicaStateCounts: ResolverTypeWrapper<ReplicaStateCounts>;
  ReplicaStatusEvent: ResolverTypeWrapper<ReplicaStatusEvent>;
  ReplicasInDatacenterInput: ReplicasInDatacenterInput;
  ReplicateMultiMasterInput: ReplicateMultiMasterInput;
  ReplicationAlert: ResolverTypeWrapper<ReplicationAlert>;
  ReplicationAlertRule: ResolverTypeWrapper<ReplicationAlertRule>;
  ReplicationChannel: ResolverTypeWrapper<ReplicationChannel>;
  ReplicationConfig: ResolverTypeWrapper<ReplicationConfig>;
  ReplicationConfigInput: ReplicationConfigInput;
  ReplicationConflict: ResolverTypeWrapper<ReplicationConflict>;
  ReplicationConflictSortField: ReplicationConflictSortField;
  ReplicationDashboard: ResolverTypeWrapper<ReplicationDashboard>;
  ReplicationFailoverInput: ReplicationFailoverInput;
  ReplicationFailoverResult: ResolverTypeWrapper<ReplicationFailoverResult>;
  ReplicationGroup: ResolverTypeWrapper<ReplicationGroup>;
  ReplicationGroupInput: ReplicationGroupInput;
  ReplicationGroupUpdateInput: ReplicationGroupUpdateInput;
  ReplicationLagEvent: ResolverTypeWrapper<ReplicationLagEvent>;
  ReplicationLagReport: ResolverTypeWrapper<ReplicationLagReport>;
  ReplicationLagSample: ResolverTypeWrapper<ReplicationLagSample>;
  ReplicationMode: ReplicationMode;
  ReplicationMonitoringDashboard: ResolverTypeWrapper<ReplicationMonitoringDashboard>;
  ReplicationRole: ReplicationRole;
  ReplicationSlot: ResolverTypeWrapper<ReplicationSlot>;
  ReplicationSlotSortField: ReplicationSlotSortField;
  ReplicationSnapshot: ResolverTypeWrapper<ReplicationSnapshot>;
  ReplicationSnapshotProgress: ResolverTypeWrapper<ReplicationSnapshotProgress>;
  ReplicationSnapshotSortField: ReplicationSnapshotSortField;
  ReplicationState: ReplicationState;
  ReplicationStatistics: ResolverTypeWrapper<ReplicationStatistics>;
  ReplicationStatus: ResolverTypeWrapper<ReplicationStatus>;
  RequestMetrics: ResolverTypeWrapper<RequestMetrics>;
  ResolutionAction: ResolutionAction;
  ResolveConflictInput: ResolveConflictInput;
  ResolveGroupConflictInput: ResolveGroupConflictInput;
  ResolveMultiMasterConflictInput: ResolveMultiMasterConflictInput;
  Role: Role;
  RouteReason: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RouteReason']>;
  RoutedShard: ResolverTypeWrapper<RoutedShard>;
  RowLock: ResolverTypeWrapper<RowLock>;
  RowRefInput: RowRefInput;
  RowWriteInput: RowWriteInput;
  RowWriteOp: RowWriteOp;
  RuntimeMetrics: ResolverTypeWrapper<RuntimeMetrics>;
  ServiceAdminState: ServiceAdminState;
  ServiceDatabaseRole: ServiceDatabaseRole;
  ServiceFailover: ResolverTypeWrapper<ServiceFailover>;
  ServiceFailoverStep: ResolverTypeWrapper<ServiceFailoverStep>;
  ServiceInstanceHealth: ResolverTypeWrapper<ServiceInstanceHealth>;
  ServiceInstanceInput: ServiceInstanceInput;
  ServiceLocality: ServiceLocality;
  ServiceLocation: ResolverTypeWrapper<ServiceLocation>;
  ServiceRegion: ResolverTypeWrapper<ServiceRegion>;
  ServiceRegionHealth: ResolverTypeWrapper<ServiceRegionHealth>;
  ServiceRegionInput: ServiceRegionInput;
  ServiceRouteCandidate: ResolverTypeWrapper<ServiceRouteCandidate>;
  ServiceRouteDecision: ResolverTypeWrapper<ServiceRouteDecision>;
  ServiceRouteInput: ServiceRouteInput;
  ServiceRoutingCounts: ResolverTypeWrapper<ServiceRoutingCounts>;
  ServiceState: ServiceState;
  SessionClockGap: ResolverTypeWrapper<SessionClockGap>;
  SessionCoverage: ResolverTypeWrapper<SessionCoverage>;
  Shard: ResolverTypeWrapper<Shard>;
  ShardColumnType: ShardColumnType;
  ShardCopyRole: ShardCopyRole;
  ShardHotValue: ResolverTypeWrapper<ShardHotValue>;
  ShardInput: ShardInput;
  ShardKeyAnalysis: ResolverTypeWrapper<ShardKeyAnalysis>;
  ShardKeyCondition: ResolverTypeWrapper<ShardKeyCondition>;
  ShardKeyConditionInput: ShardKeyConditionInput;
  ShardKeyConditionOp: ShardKeyConditionOp;
  ShardKeyRecommendation: ShardKeyRecommendation;
  ShardMove: ResolverTypeWrapper<ShardMove>;
  ShardMoveProgress: ResolverTypeWrapper<ShardMoveProgress>;
  ShardNodeStatistics: ResolverTypeWrapper<ShardNodeStatistics>;
  ShardOperation: ShardOperation;
  ShardRebalancePlan: ResolverTypeWrapper<ShardRebalancePlan>;
  ShardRoute: ResolverTypeWrapper<Omit<ShardRoute, 'key' | 'levels'> & { key?: Maybe<ResolversTypes['KeyRoute']>, levels: Array<ResolversTypes['LevelSelection']> }>;
  ShardRouteInput: ShardRouteInput;
  ShardRouteMode: ShardRouteMode;
  ShardSortField: ShardSortField;
  ShardState: ShardState;
  ShardStatus: ShardStatus;
  ShardStatusCounts: ResolverTypeWrapper<ShardStatusCounts>;
  ShardTokenRange: ResolverTypeWrapper<ShardTokenRange>;
  ShardWriteResult: ResolverTypeWrapper<ShardWriteResult>;
  ShardedColumn: ResolverTypeWrapper<ShardedColumn>;
  ShardedColumnInput: ShardedColumnInput;
  ShardedQueryPlan: ResolverTypeWrapper<ShardedQueryPlan>;
  ShardedRowsWritten: ResolverTypeWrapper<ShardedRowsWritten>;
  ShardedTable: ResolverTypeWrapper<Omit<ShardedTable, 'strategy'> & { strategy: ResolversTypes['ShardingStrategy'] }>;
  ShardedTableInput: ShardedTableInput;
  ShardedTableSortField: ShardedTableSortField;
  ShardedTableStatistics: ResolverTypeWrapper<ShardedTableStatistics>;
  ShardingLevelInput: ShardingLevelInput;
  ShardingStatistics: ResolverTypeWrapper<ShardingStatistics>;
  ShardingStrategy: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ShardingStrategy']>;
  ShardingStrategyInput: ShardingStrategyInput;
  ShardingStrategyType: ShardingStrategyType;
  SimulateConflictInput: SimulateConflictInput;
  SiteInfoInput: SiteInfoInput;
  SlotCounts: ResolverTypeWrapper<SlotCounts>;
  SlotType: SlotType;
  SlotWalStatusCounts: ResolverTypeWrapper<SlotWalStatusCounts>;
  SnapshotCounts: ResolverTypeWrapper<SnapshotCounts>;
  SnapshotInfo: ResolverTypeWrapper<SnapshotInfo>;
  SnapshotOperation: SnapshotOperation;
  SnapshotStatus: SnapshotStatus;
  SnapshotType: SnapshotType;
  SortOrder: SortOrder;
  SplitBrainPrevention: SplitBrainPrevention;
  StrategyReplay: ResolverTypeWrapper<StrategyReplay>;
  StreamSubscription: ResolverTypeWrapper<StreamSubscription>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubscriptionCounts: ResolverTypeWrapper<SubscriptionCounts>;
  SubscriptionInput: SubscriptionInput;
  SubscriptionSkipInput: SubscriptionSkipInput;
  SubscriptionSlot: ResolverTypeWrapper<SubscriptionSlot>;
  SubscriptionTableState: ResolverTypeWrapper<SubscriptionTableState>;
  SubscriptionTransport: SubscriptionTransport;
  SuspectedNode: ResolverTypeWrapper<SuspectedNode>;
  SuspectedNodeStatus: SuspectedNodeStatus;
  Suspicion: ResolverTypeWrapper<Suspicion>;
  SuspicionTimeouts: ResolverTypeWrapper<SuspicionTimeouts>;
  SwimCounters: ResolverTypeWrapper<SwimCounters>;
  SyncState: SyncState;
  TableShardSortField: TableShardSortField;
  TableVerification: ResolverTypeWrapper<TableVerification>;
  TokenRangeInput: TokenRangeInput;
  TransactionDecision: TransactionDecision;
  TransactionLatency: ResolverTypeWrapper<TransactionLatency>;
  TransactionParticipant: ResolverTypeWrapper<TransactionParticipant>;
  TransferWay: TransferWay;
  UnavailableShard: ResolverTypeWrapper<UnavailableShard>;
  UpdateChannelAlertRuleInput: UpdateChannelAlertRuleInput;
  UpdatePublicationInput: UpdatePublicationInput;
  UpdateShardedTableInput: UpdateShardedTableInput;
  UpdateSubscriptionInput: UpdateSubscriptionInput;
  VoteCounts: ResolverTypeWrapper<VoteCounts>;
  VoteDenialReason: VoteDenialReason;
  VoteResponse: ResolverTypeWrapper<VoteResponse>;
  WalSegmentCounts: ResolverTypeWrapper<WalSegmentCounts>;
  WalSentCounts: ResolverTypeWrapper<WalSentCounts>;
  WalStatus: WalStatus;
  WanLink: ResolverTypeWrapper<WanLink>;
  WanLinkSettingInput: WanLinkSettingInput;
  WebSocketConnection: ResolverTypeWrapper<WebSocketConnection>;
  WebSocketLimits: ResolverTypeWrapper<WebSocketLimits>;
  WebSocketStatus: ResolverTypeWrapper<WebSocketStatus>;
  WebSocketStreamStatus: ResolverTypeWrapper<WebSocketStreamStatus>;
  WorkflowCounts: ResolverTypeWrapper<WorkflowCounts>;
  WorkflowState: WorkflowState;
  Workload: ResolverTypeWrapper<Workload>;
  WorkloadInput: WorkloadInput;
  WorkloadMix: ResolverTypeWrapper<WorkloadMix>;
  WorkloadMixInput: WorkloadMixInput;
  WorkloadWrites: ResolverTypeWrapper<WorkloadWrites>;
  XaBranchEvent: ResolverTypeWrapper<XaBranchEvent>;
  XaRecoverSortField: XaRecoverSortField;
  XaRecoveredTransaction: ResolverTypeWrapper<XaRecoveredTransaction>;
  XaResourceManager: ResolverTypeWrapper<XaResourceManager>;
  XaResourceManagerSortField: XaResourceManagerSortField;
  XaStartInput: XaStartInput;
  XaState: XaState;
  XaStateCounts: ResolverTypeWrapper<XaStateCounts>;
  XaStatistics: ResolverTypeWrapper<XaStatistics>;
  XaTransaction: ResolverTypeWrapper<XaTransaction>;
  XaTransactionSortField: XaTransactionSortField;
  ZonePlacement: ResolverTypeWrapper<ZonePlacement>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessToken: AccessToken;
  AddBackendInput: AddBackendInput;
  AddNodeInput: AddNodeInput;
  AddReplicaInput: AddReplicaInput;
  AggregateCounts: AggregateCounts;
  Alert: Alert;
  AlertLabel: AlertLabel;
  ApiKey: ApiKey;
  AppendEntriesResponse: AppendEntriesResponse;
  AppendedEntry: AppendedEntry;
  ApplierError: ApplierError;
  ApplierStatus: ApplierStatus;
  ApplyCheckpoint: ApplyCheckpoint;
  ApplyConfig: ApplyConfig;
  ApplyConfigInput: ApplyConfigInput;
  ApplyStatistics: ApplyStatistics;
  ApplyTransaction: ApplyTransaction;
  AuditEntry: AuditEntry;
  BaseBackupProgress: BaseBackupProgress;
  BeginDistributedTransactionInput: BeginDistributedTransactionInput;
  BigInt: Scalars['BigInt']['output'];
  BlockTransferEvent: BlockTransferEvent;
  Boolean: Scalars['Boolean']['output'];
  BufferCacheStats: BufferCacheStats;
  BufferPoolStats: BufferPoolStats;
  CacheFusionEvent: CacheFusionEvent;
  CacheFusionInstanceStatus: CacheFusionInstanceStatus;
  CacheFusionStats: CacheFusionStats;
  CacheFusionStatus: CacheFusionStatus;
  CacheFusionTransfer: CacheFusionTransfer;
  ChannelAlert: ChannelAlert;
  ChannelAlertRule: ChannelAlertRule;
  ChannelConflicts: ChannelConflicts;
  ChannelEndpoint: ChannelEndpoint;
  ChannelErrors: ChannelErrors;
  ChannelKindSummary: ChannelKindSummary;
  ChannelLag: ChannelLag;
  ChannelRates: ChannelRates;
  ChannelSeriesPoint: ChannelSeriesPoint;
  ChannelStateCounts: ChannelStateCounts;
  ChannelThroughput: ChannelThroughput;
  ChannelTimeSeries: ChannelTimeSeries;
  Clock: Clock;
  ClockEntry: ClockEntry;
  ClockInput: ClockInput;
  ClusterConfig: ClusterConfig;
  ClusterConfigInput: ClusterConfigInput;
  ClusterHealth: ClusterHealth;
  ClusterHealthCheck: ClusterHealthCheck;
  ClusterHealthEvent: ClusterHealthEvent;
  ClusterInfo: ClusterInfo;
  ClusterMetrics: ClusterMetrics;
  ClusterNode: ClusterNode;
  ClusterReplication: ClusterReplication;
  ClusterReplicationNode: ClusterReplicationNode;
  ClusterShard: ClusterShard;
  ClusterStatus: ClusterStatus;
  ClusterTopology: ClusterTopology;
  ClusteringConsensusStatus: ClusteringConsensusStatus;
  ClusteringCoordinatorStatus: ClusteringCoordinatorStatus;
  ClusteringDhtStatus: ClusteringDhtStatus;
  ClusteringFailoverStatus: ClusteringFailoverStatus;
  ClusteringLoadBalancerStatus: ClusteringLoadBalancerStatus;
  ClusteringMembershipStatus: ClusteringMembershipStatus;
  ClusteringNodeCounts: ClusteringNodeCounts;
  ClusteringStatus: ClusteringStatus;
  ColumnMask: ColumnMask;
  ColumnMaskInput: ColumnMaskInput;
  CommitCounts: CommitCounts;
  CommitWaitStatistics: CommitWaitStatistics;
  CompositeSharding: Omit<CompositeSharding, 'strategies'> & { strategies: Array<ResolversParentTypes['ShardingStrategy']> };
  ConflictBacktest: ConflictBacktest;
  ConflictBacktests: ConflictBacktests;
  ConflictCount: ConflictCount;
  ConflictCounts: ConflictCounts;
  ConflictEvent: ConflictEvent;
  ConflictExplanation: ConflictExplanation;
  ConflictPredictions: ConflictPredictions;
  ConflictResolution: ConflictResolution;
  ConflictResolutionContext: ConflictResolutionContext;
  ConflictSeriesPrediction: ConflictSeriesPrediction;
  ConflictStatistics: ConflictStatistics;
  ConflictStrategyInfo: ConflictStrategyInfo;
  ConflictVersion: ConflictVersion;
  ConsistencyCalculatorInput: ConsistencyCalculatorInput;
  ConsistencyForecast: ConsistencyForecast;
  ConvergenceEvent: ConvergenceEvent;
  CrdtColumnUse: CrdtColumnUse;
  CrdtTypeInfo: CrdtTypeInfo;
  CreateAlertRuleInput: CreateAlertRuleInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateChannelAlertRuleInput: CreateChannelAlertRuleInput;
  CreateReplicationSnapshotInput: CreateReplicationSnapshotInput;
  CreateSlotInput: CreateSlotInput;
  CreatedApiKey: CreatedApiKey;
  DatabaseInstance: DatabaseInstance;
  DatacenterNode: DatacenterNode;
  DatacenterVectorClock: DatacenterVectorClock;
  DateTime: Scalars['DateTime']['output'];
  DecodedChange: DecodedChange;
  DetailedClusterHealth: DetailedClusterHealth;
  DhtNode: DhtNode;
  DhtNodeStatistics: DhtNodeStatistics;
  DhtRingEntry: DhtRingEntry;
  DhtRoute: DhtRoute;
  DhtRouteResult: DhtRouteResult;
  DhtStatistics: DhtStatistics;
  DistributeQueryInput: DistributeQueryInput;
  DistributedCommitResult: DistributedCommitResult;
  DistributedQueryCondition: DistributedQueryCondition;
  DistributedQueryExecution: DistributedQueryExecution;
  DistributedQueryFragment: DistributedQueryFragment;
  DistributedQueryFragmentRun: DistributedQueryFragmentRun;
  DistributedQueryLatency: DistributedQueryLatency;
  DistributedQueryPlan: DistributedQueryPlan;
  DistributedQueryResult: DistributedQueryResult;
  DistributedQueryRoute: DistributedQueryRoute;
  DistributedQueryRouteLevel: DistributedQueryRouteLevel;
  DistributedQueryStatistics: DistributedQueryStatistics;
  DistributedTransaction: DistributedTransaction;
  DistributedTransactionEvent: DistributedTransactionEvent;
  DistributedTransactionStatistics: DistributedTransactionStatistics;
  EnqueueCounts: EnqueueCounts;
  Event: Event;
  EventLoopDelay: EventLoopDelay;
  EventMetrics: EventMetrics;
  EventPage: EventPage;
  ExecutionStrategyChange: ExecutionStrategyChange;
  FailoverConfig: FailoverConfig;
  FailoverConfigInput: FailoverConfigInput;
  FailoverEvent: FailoverEvent;
  FailoverInput: FailoverInput;
  FailoverKindCounts: FailoverKindCounts;
  FailoverPolicy: FailoverPolicy;
  FailoverPolicyInput: FailoverPolicyInput;
  FailoverResult: FailoverResult;
  FailoverStatistics: FailoverStatistics;
  FailoverTestInput: FailoverTestInput;
  FailoverTestResult: FailoverTestResult;
  FailoverTimelineStep: FailoverTimelineStep;
  Fault: Fault;
  FaultInput: FaultInput;
  Float: Scalars['Float']['output'];
  FlushResult: FlushResult;
  GdsFailoverCounts: GdsFailoverCounts;
  GdsServiceStatistics: GdsServiceStatistics;
  GdsStatistics: GdsStatistics;
  GeoDatacenter: GeoDatacenter;
  GeoDatacenterInput: GeoDatacenterInput;
  GeoLagCell: GeoLagCell;
  GeoLocation: GeoLocation;
  GeoLocationInput: GeoLocationInput;
  GeoReplicationStatistics: GeoReplicationStatistics;
  GeoStream: GeoStream;
  GeoStreamInput: GeoStreamInput;
  GeoStreamsByState: GeoStreamsByState;
  GlobalService: GlobalService;
  GlobalServiceHealth: GlobalServiceHealth;
  GlobalServiceInput: GlobalServiceInput;
  GlobalServiceUpdateInput: GlobalServiceUpdateInput;
  GossipJoin: GossipJoin;
  GossipProbe: GossipProbe;
  GossipState: GossipState;
  GrdAffinity: GrdAffinity;
  GrdHolder: GrdHolder;
  GrdMasterShare: GrdMasterShare;
  GrdResource: GrdResource;
  GrdStats: GrdStats;
  GrdTopology: GrdTopology;
  GroupConflict: GroupConflict;
  GroupConflictResolution: GroupConflictResolution;
  HashRouteReason: HashRouteReason;
  HashSharding: HashSharding;
  HealthCheck: HealthCheck;
  HealthIssue: HealthIssue;
  HealthLeader: HealthLeader;
  HealthReport: HealthReport;
  HealthSample: HealthSample;
  HeldLock: HeldLock;
  HeuristicCounts: HeuristicCounts;
  ID: Scalars['ID']['output'];
  InDoubtResolution: InDoubtResolution;
  InDoubtTransaction: InDoubtTransaction;
  InstanceRecovery: InstanceRecovery;
  Int: Scalars['Int']['output'];
  InterconnectInstanceStatus: InterconnectInstanceStatus;
  InterconnectLatency: InterconnectLatency;
  InterconnectLatencyPair: InterconnectLatencyPair;
  InterconnectPairStats: InterconnectPairStats;
  InterconnectStats: InterconnectStats;
  InterconnectStatus: InterconnectStatus;
  JSON: Scalars['JSON']['output'];
  JoinMemberInput: JoinMemberInput;
  KeyRange: KeyRange;
  KeyRangeInput: KeyRangeInput;
  KeyRoute: Omit<KeyRoute, 'reasons'> & { reasons: Array<ResolversParentTypes['RouteReason']> };
  LatencyPercentiles: LatencyPercentiles;
  LeaderElectionEvent: LeaderElectionEvent;
  LevelChange: LevelChange;
  LevelSelection: Omit<LevelSelection, 'matches'> & { matches: Array<ResolversParentTypes['RouteReason']> };
  ListDefinition: ListDefinition;
  ListDefinitionInput: ListDefinitionInput;
  ListRouteReason: ListRouteReason;
  ListSharding: ListSharding;
  LoadBalancerBackend: LoadBalancerBackend;
  LoadBalancerConnection: LoadBalancerConnection;
  LoadBalancerStatistics: LoadBalancerStatistics;
  LoadBalancerStrategyChange: LoadBalancerStrategyChange;
  LoadSpread: LoadSpread;
  LockEvent: LockEvent;
  LockWait: LockWait;
  LockWaitCounts: LockWaitCounts;
  LogicalApplyError: LogicalApplyError;
  LogicalChanges: LogicalChanges;
  LogicalConflictCounts: LogicalConflictCounts;
  LogicalConflictResolution: LogicalConflictResolution;
  LogicalConflictResolutionInput: LogicalConflictResolutionInput;
  LogicalSkipResult: LogicalSkipResult;
  LogicalStatistics: LogicalStatistics;
  LogicalSubscription: LogicalSubscription;
  LogicalSubscriptionCounters: LogicalSubscriptionCounters;
  LogicalSubscriptionStats: LogicalSubscriptionStats;
  Member: Member;
  MemberGossip: MemberGossip;
  MemberMetadata: MemberMetadata;
  MemberMetadataInput: MemberMetadataInput;
  MemberSelfView: MemberSelfView;
  MemberStateDetail: MemberStateDetail;
  MemberStateEvent: MemberStateEvent;
  MemberSuspicion: MemberSuspicion;
  Metrics: Metrics;
  MigrationStatistics: MigrationStatistics;
  MigrationTask: MigrationTask;
  MigrationTaskInput: MigrationTaskInput;
  MigrationTaskPage: MigrationTaskPage;
  MonitoredChannel: MonitoredChannel;
  MultiMasterAntiEntropy: MultiMasterAntiEntropy;
  MultiMasterAntiEntropyPair: MultiMasterAntiEntropyPair;
  MultiMasterConflict: MultiMasterConflict;
  MultiMasterConflictVersion: MultiMasterConflictVersion;
  MultiMasterConvergenceReport: MultiMasterConvergenceReport;
  MultiMasterCounters: MultiMasterCounters;
  MultiMasterGroupStatistics: MultiMasterGroupStatistics;
  MultiMasterPush: MultiMasterPush;
  MultiMasterQuorumSite: MultiMasterQuorumSite;
  MultiMasterQuorumStatus: MultiMasterQuorumStatus;
  MultiMasterRead: MultiMasterRead;
  MultiMasterReadRow: MultiMasterReadRow;
  MultiMasterReplicateResult: MultiMasterReplicateResult;
  MultiMasterSibling: MultiMasterSibling;
  MultiMasterSite: MultiMasterSite;
  MultiMasterSiteAgreement: MultiMasterSiteAgreement;
  MultiMasterSitePeer: MultiMasterSitePeer;
  MultiMasterStatistics: MultiMasterStatistics;
  MultiMasterWrite: MultiMasterWrite;
  MultiMasterWrittenVersion: MultiMasterWrittenVersion;
  Mutation: Record<PropertyKey, never>;
  NetworkMetrics: NetworkMetrics;
  NodeCapacity: NodeCapacity;
  NodeCapacityInput: NodeCapacityInput;
  NodeHealthDetail: NodeHealthDetail;
  NodeLoad: NodeLoad;
  NodeRoleProbe: NodeRoleProbe;
  NodeSnapshot: NodeSnapshot;
  NodeStatusEvent: NodeStatusEvent;
  ObserverBelief: ObserverBelief;
  ObserverCounts: ObserverCounts;
  OperationMetrics: OperationMetrics;
  ParallelQueryAggregate: ParallelQueryAggregate;
  ParallelQueryConfig: ParallelQueryConfig;
  ParallelQueryConfigInput: ParallelQueryConfigInput;
  ParallelQueryEvent: ParallelQueryEvent;
  ParallelQueryFilter: ParallelQueryFilter;
  ParallelQueryGranule: ParallelQueryGranule;
  ParallelQueryJob: ParallelQueryJob;
  ParallelQueryPlan: ParallelQueryPlan;
  ParallelQueryResult: ParallelQueryResult;
  ParallelQueryStatistics: ParallelQueryStatistics;
  ParticipantInput: ParticipantInput;
  ParticipantResolution: ParticipantResolution;
  PerformanceMetrics: PerformanceMetrics;
  PiggybackEntry: PiggybackEntry;
  PlannedShardMove: PlannedShardMove;
  Principal: Principal;
  ProcessMetrics: ProcessMetrics;
  Publication: Publication;
  PublicationInput: PublicationInput;
  PublishedTable: PublishedTable;
  PublishedTableInput: PublishedTableInput;
  Query: Record<PropertyKey, never>;
  QueryExecution: QueryExecution;
  QueryPhase: QueryPhase;
  QueryProgressMeasure: QueryProgressMeasure;
  QueryTask: QueryTask;
  QuorumEvent: QuorumEvent;
  RacCluster: RacCluster;
  RacClusterStatus: RacClusterStatus;
  RacConfig: RacConfig;
  RacInstance: RacInstance;
  RacInstanceSummary: RacInstanceSummary;
  RacStatistics: RacStatistics;
  RaftLeader: RaftLeader;
  RaftLogEntry: RaftLogEntry;
  RaftLogEntryInput: RaftLogEntryInput;
  RaftLogSummary: RaftLogSummary;
  RaftMember: RaftMember;
  RaftMembership: RaftMembership;
  RaftPendingChange: RaftPendingChange;
  RaftState: RaftState;
  RaftVote: RaftVote;
  RangeDefinition: RangeDefinition;
  RangeDefinitionInput: RangeDefinitionInput;
  RangeRouteReason: RangeRouteReason;
  RangeSharding: RangeSharding;
  RebalancePlanInput: RebalancePlanInput;
  RebalanceProgress: RebalanceProgress;
  RebalanceResult: RebalanceResult;
  RebalanceStatus: RebalanceStatus;
  RecoveryConfig: RecoveryConfig;
  RecoveryConfigInput: RecoveryConfigInput;
  RecoveryEvent: RecoveryEvent;
  RecoveryPhaseTiming: RecoveryPhaseTiming;
  RecoveryStatus: RecoveryStatus;
  RegionLatency: RegionLatency;
  RegionLatencyMatrix: RegionLatencyMatrix;
  RegionPlacement: RegionPlacement;
  RegisterXaResourceManagerInput: RegisterXaResourceManagerInput;
  RemasterEvent: RemasterEvent;
  RemasterMove: RemasterMove;
  RemasterResult: RemasterResult;
  Replica: Replica;
  ReplicaLag: ReplicaLag;
  ReplicaStateCounts: ReplicaStateCounts;
  ReplicaStatusEvent: ReplicaStatusEvent;
  ReplicasInDatacenterInput: ReplicasInDatacenterInput;
  ReplicateMultiMasterInput: ReplicateMultiMasterInput;
  ReplicationAlert: ReplicationAlert;
  ReplicationAlertRule: ReplicationAlertRule;
  ReplicationChannel: ReplicationChannel;
  ReplicationConfig: ReplicationConfig;
  ReplicationConfigInput: ReplicationConfigInput;
  ReplicationConflict: ReplicationConflict;
  ReplicationDashboard: ReplicationDashboard;
  ReplicationFailoverInput: ReplicationFailoverInput;
  ReplicationFailoverResult: ReplicationFailoverResult;
  ReplicationGroup: ReplicationGroup;
  ReplicationGroupInput: ReplicationGroupInput;
  ReplicationGroupUpdateInput: ReplicationGroupUpdateInput;
  ReplicationLagEvent: ReplicationLagEvent;
  ReplicationLagReport: ReplicationLagReport;
  ReplicationLagSample: ReplicationLagSample;
  ReplicationMonitoringDashboard: ReplicationMonitoringDashboard;
  ReplicationSlot: ReplicationSlot;
  ReplicationSnapshot: ReplicationSnapshot;
  ReplicationSnapshotProgress: ReplicationSnapshotProgress;
  ReplicationStatistics: ReplicationStatistics;
  ReplicationStatus: ReplicationStatus;
  RequestMetrics: RequestMetrics;
  ResolveConflictInput: ResolveConflictInput;
  ResolveGroupConflictInput: ResolveGroupConflictInput;
  ResolveMultiMasterConflictInput: ResolveMultiMasterConflictInput;
  RouteReason: ResolversUnionTypes<ResolversParentTypes>['RouteReason'];
  RoutedShard: RoutedShard;
  RowLock: RowLock;
  RowRefInput: RowRefInput;
  RowWriteInput: RowWriteInput;
  RuntimeMetrics: RuntimeMetrics;
  ServiceFailover: ServiceFailover;
  ServiceFailoverStep: ServiceFailoverStep;
  ServiceInstanceHealth: ServiceInstanceHealth;
  ServiceInstanceInput: ServiceInstanceInput;
  ServiceLocation: ServiceLocation;
  ServiceRegion: ServiceRegion;
  ServiceRegionHealth: ServiceRegionHealth;
  ServiceRegionInput: ServiceRegionInput;
  ServiceRouteCandidate: ServiceRouteCandidate;
  ServiceRouteDecision: ServiceRouteDecision;
  ServiceRouteInput: ServiceRouteInput;
  ServiceRoutingCounts: ServiceRoutingCounts;
  SessionClockGap: SessionClockGap;
  SessionCoverage: SessionCoverage;
  Shard: Shard;
  ShardHotValue: ShardHotValue;
  ShardInput: ShardInput;
  ShardKeyAnalysis: ShardKeyAnalysis;
  ShardKeyCondition: ShardKeyCondition;
  ShardKeyConditionInput: ShardKeyConditionInput;
  ShardMove: ShardMove;
  ShardMoveProgress: ShardMoveProgress;
  ShardNodeStatistics: ShardNodeStatistics;
  ShardRebalancePlan: ShardRebalancePlan;
  ShardRoute: Omit<ShardRoute, 'key' | 'levels'> & { key?: Maybe<ResolversParentTypes['KeyRoute']>, levels: Array<ResolversParentTypes['LevelSelection']> };
  ShardRouteInput: ShardRouteInput;
  ShardStatusCounts: ShardStatusCounts;
  ShardTokenRange: ShardTokenRange;
  ShardWriteResult: ShardWriteResult;
  ShardedColumn: ShardedColumn;
  ShardedColumnInput: ShardedColumnInput;
  ShardedQueryPlan: ShardedQueryPlan;
  ShardedRowsWritten: ShardedRowsWritten;
  ShardedTable: Omit<ShardedTable, 'strategy'> & { strategy: ResolversParentTypes['ShardingStrategy'] };
  ShardedTableInput: ShardedTableInput;
  ShardedTableStatistics: ShardedTableStatistics;
  ShardingLevelInput: ShardingLevelInput;
  ShardingStatistics: ShardingStatistics;
  ShardingStrategy: ResolversUnionTypes<ResolversParentTypes>['ShardingStrategy'];
  ShardingStrategyInput: ShardingStrategyInput;
  SimulateConflictInput: SimulateConflictInput;
  SiteInfoInput: SiteInfoInput;
  SlotCounts: SlotCounts;
  SlotWalStatusCounts: SlotWalStatusCounts;
  SnapshotCounts: SnapshotCounts;
  SnapshotInfo: SnapshotInfo;
  StrategyReplay: StrategyReplay;
  StreamSubscription: StreamSubscription;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  SubscriptionCounts: SubscriptionCounts;
  SubscriptionInput: SubscriptionInput;
  SubscriptionSkipInput: SubscriptionSkipInput;
  SubscriptionSlot: SubscriptionSlot;
  SubscriptionTableState: SubscriptionTableState;
  SuspectedNode: SuspectedNode;
  Suspicion: Suspicion;
  SuspicionTimeouts: SuspicionTimeouts;
  SwimCounters: SwimCounters;
  TableVerification: TableVerification;
  TokenRangeInput: TokenRangeInput;
  TransactionLatency: TransactionLatency;
  TransactionParticipant: TransactionParticipant;
  UnavailableShard: UnavailableShard;
  UpdateChannelAlertRuleInput: UpdateChannelAlertRuleInput;
  UpdatePublicationInput: UpdatePublicationInput;
  UpdateShardedTableInput: UpdateShardedTableInput;
  UpdateSubscriptionInput: UpdateSubscriptionInput;
  VoteCounts: VoteCounts;
  VoteResponse: VoteResponse;
  WalSegmentCounts: WalSegmentCounts;
  WalSentCounts: WalSentCounts;
  WanLink: WanLink;
  WanLinkSettingInput: WanLinkSettingInput;
  WebSocketConnection: WebSocketConnection;
  WebSocketLimits: WebSocketLimits;
  WebSocketStatus: WebSocketStatus;
  WebSocketStreamStatus: WebSocketStreamStatus;
  WorkflowCounts: WorkflowCounts;
  Workload: Workload;
  WorkloadInput: WorkloadInput;
  WorkloadMix: WorkloadMix;
  WorkloadMixInput: WorkloadMixInput;
  WorkloadWrites: WorkloadWrites;
  XaBranchEvent: XaBranchEvent;
  XaRecoveredTransaction: XaRecoveredTransaction;
  XaResourceManager: XaResourceManager;
  XaStartInput: XaStartInput;
  XaStateCounts: XaStateCounts;
  XaStatistics: XaStatistics;
  XaTransaction: XaTransaction;
  ZonePlacement: ZonePlacement;
};

export type AccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessToken'] = ResolversParentTypes['AccessToken']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AggregateCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AggregateCounts'] = ResolversParentTypes['AggregateCounts']> = {
  AVG?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  COUNT?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  MAX?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  MIN?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  SUM?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type AlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = {
  activeAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  annotations?: Resolver<Array<ResolversTypes['AlertLabel']>, ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  forMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['AlertLabel']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  peakValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AlertState'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type AlertLabelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AlertLabel'] = ResolversParentTypes['AlertLabel']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type AppendEntriesResponseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AppendEntriesResponse'] = ResolversParentTypes['AppendEntriesResponse']> = {
  commitIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['AppendedEntry']>, ParentType, ContextType>;
  lastIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  leaderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type AppendedEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AppendedEntry'] = ResolversParentTypes['AppendedEntry']> = {
  committed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ApplierErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplierError'] = ResolversParentTypes['ApplierError']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permanent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ApplierStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplierStatus'] = ResolversParentTypes['ApplierStatus']> = {
  appliedAboveCheckpoint?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applyParallelism?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applyingTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  busyWorkers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastAppliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['ApplierError']>, ParentType, ContextType>;
  lastReceivedEndLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onPermanentError?: Resolver<ResolversTypes['PermanentErrorPolicy'], ParentType, ContextType>;
  queuedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readyTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retryingTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ApplierState'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ApplyCheckpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplyCheckpoint'] = ResolversParentTypes['ApplyCheckpoint']> = {
  appliedAboveCheckpoint?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  takenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['ApplyCheckpointTrigger'], ParentType, ContextType>;
};

export type ApplyConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplyConfig'] = ResolversParentTypes['ApplyConfig']> = {
  applyCostPerChangeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  applyParallelism?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  batchMaxBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  batchMaxTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  batchOverheadMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  checkpointHistoryLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discardLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxQueuedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onPermanentError?: Resolver<ResolversTypes['PermanentErrorPolicy'], ParentType, ContextType>;
  retryInitialBackoffMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retryMaxBackoffMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionHistoryLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ApplyStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplyStatistics'] = ResolversParentTypes['ApplyStatistics']> = {
  activeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  appliers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageBatchTransactions?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  averageBusyWorkers?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  batchesApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changesApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dependencyWaits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicatesIgnored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstAppliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastAppliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionsDiscarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionsFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  transactionsSkipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workerBusyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ApplyTransactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApplyTransaction'] = ResolversParentTypes['ApplyTransaction']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commitLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commitTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  enqueuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApplyTransactionStatus'], ParentType, ContextType>;
  subscriptionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  waitingOn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actorKeyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['AuditOutcome'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type BaseBackupProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BaseBackupProgress'] = ResolversParentTypes['BaseBackupProgress']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  copiedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  startLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  totalBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type BlockTransferEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BlockTransferEvent'] = ResolversParentTypes['BlockTransferEvent']> = {
  blockId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyUs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  masterInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['BlockMode'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  pastImageKept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  suppressed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  transferId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  way?: Resolver<ResolversTypes['TransferWay'], ParentType, ContextType>;
};

export type BufferCacheStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BufferCacheStats'] = ResolversParentTypes['BufferCacheStats']> = {
  capacityBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dirtyBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evictions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  hitRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  misses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pastImages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
  transfersIn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  usedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BufferPoolStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BufferPoolStats'] = ResolversParentTypes['BufferPoolStats']> = {
  caches?: Resolver<Array<ResolversTypes['BufferCacheStats']>, ParentType, ContextType>;
  capacityBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evictions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  hitRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  misses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  usedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CacheFusionEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CacheFusionEvent'] = ResolversParentTypes['CacheFusionEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  remaster?: Resolver<Maybe<ResolversTypes['RemasterEvent']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  transfer?: Resolver<Maybe<ResolversTypes['BlockTransferEvent']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CacheFusionInstanceStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CacheFusionInstanceStatus'] = ResolversParentTypes['CacheFusionInstanceStatus']> = {
  cachedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dirtyBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exclusiveBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pastImages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsQueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sharedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
};

export type CacheFusionStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CacheFusionStats'] = ResolversParentTypes['CacheFusionStats']> = {
  avgTransferLatencyUs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesTransferred?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cacheHits?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cacheMisses?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  downgrades?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  failedRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  hitRatePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  successfulGrants?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  threeWayTransfers?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  twoWayTransfers?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  writeBacks?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type CacheFusionStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CacheFusionStatus'] = ResolversParentTypes['CacheFusionStatus']> = {
  blocksCached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dirtyBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enqueues?: Resolver<ResolversTypes['EnqueueCounts'], ParentType, ContextType>;
  hitRatePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  instances?: Resolver<Array<ResolversTypes['CacheFusionInstanceStatus']>, ParentType, ContextType>;
  lastTransferAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pastImages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsInFlight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsQueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
};

export type CacheFusionTransferResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CacheFusionTransfer'] = ResolversParentTypes['CacheFusionTransfer']> = {
  blockId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyUs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  masterInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['BlockMode'], ParentType, ContextType>;
  pastImageKept?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  transferId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  way?: Resolver<ResolversTypes['TransferWay'], ParentType, ContextType>;
};

export type ChannelAlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelAlert'] = ResolversParentTypes['ChannelAlert']> = {
  alertId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  breachStartedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  firedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['ChannelMetric'], ParentType, ContextType>;
  peakValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ruleName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AlertState'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ChannelAlertRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelAlertRule'] = ResolversParentTypes['ChannelAlertRule']> = {
  channelId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firingChannelIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  forMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['ChannelKind']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['ChannelMetric'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pendingChannelIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ChannelConflictsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelConflicts'] = ResolversParentTypes['ChannelConflicts']> = {
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  conflictsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  measuredOverMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChannelState'], ParentType, ContextType>;
};

export type ChannelEndpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelEndpoint'] = ResolversParentTypes['ChannelEndpoint']> = {
  datacenterId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChannelErrorsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelErrors'] = ResolversParentTypes['ChannelErrors']> = {
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  errorsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  measuredOverMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChannelState'], ParentType, ContextType>;
  stateDetail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChannelKindSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelKindSummary'] = ResolversParentTypes['ChannelKindSummary']> = {
  bytesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  channels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  conflictsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  errorsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  maxLagBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  maxLagMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  notStreaming?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operationsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  streaming?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChannelLagResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelLag'] = ResolversParentTypes['ChannelLag']> = {
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  lagBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagOperations?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ChannelEndpoint'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChannelState'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ChannelEndpoint'], ParentType, ContextType>;
};

export type ChannelRatesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelRates'] = ResolversParentTypes['ChannelRates']> = {
  bytesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  conflictsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  errorsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  measuredOverMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operationsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ChannelSeriesPointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelSeriesPoint'] = ResolversParentTypes['ChannelSeriesPoint']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ChannelStateCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelStateCounts'] = ResolversParentTypes['ChannelStateCounts']> = {
  CATCHING_UP?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  DISCONNECTED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  FAILED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  PAUSED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  STARTING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  STREAMING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChannelThroughputResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelThroughput'] = ResolversParentTypes['ChannelThroughput']> = {
  bytesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytesShipped?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  measuredOverMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operationsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  operationsShipped?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChannelState'], ParentType, ContextType>;
};

export type ChannelTimeSeriesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChannelTimeSeries'] = ResolversParentTypes['ChannelTimeSeries']> = {
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['ChannelMetric'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['ChannelSeriesPoint']>, ParentType, ContextType>;
  pointsInWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampleIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Clock'] = ResolversParentTypes['Clock']> = {
  mode?: Resolver<ResolversTypes['ClockMode'], ParentType, ContextType>;
  now?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pendingTimers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  speed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClockEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClockEntry'] = ResolversParentTypes['ClockEntry']> = {
  datacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ClusterConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterConfig'] = ResolversParentTypes['ClusterConfig']> = {
  autoFailover?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  electionTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  geoReplication?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  heartbeatIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minQuorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recoveryHeartbeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replicationFactor?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suspectTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusterHealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterHealth'] = ResolversParentTypes['ClusterHealth']> = {
  activeRecoveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  healthyVoters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  isHealthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  issues?: Resolver<Array<ResolversTypes['HealthIssue']>, ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  suspectedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusterHealthCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterHealthCheck'] = ResolversParentTypes['ClusterHealthCheck']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['ClusterHealthCheckName'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['HealthCheckOutcome'], ParentType, ContextType>;
};

export type ClusterHealthEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterHealthEvent'] = ResolversParentTypes['ClusterHealthEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ClusterHealth'], ParentType, ContextType>;
  issue?: Resolver<Maybe<ResolversTypes['HealthIssue']>, ParentType, ContextType>;
  previousState?: Resolver<Maybe<ResolversTypes['ClusterState']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClusterInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterInfo'] = ResolversParentTypes['ClusterInfo']> = {
  clusterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['ClusterConfig'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  leader?: Resolver<Maybe<ResolversTypes['ClusterNode']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ClusterNode']>, ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ClusterMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterMetrics'] = ResolversParentTypes['ClusterMetrics']> = {
  downNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heartbeatsReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  suspectedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusterNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterNode'] = ResolversParentTypes['ClusterNode']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['NodeCapacity'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastHeartbeat?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  missedHeartbeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['NodeRole'], ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['NodeServiceName']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NodeStatus'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClusterReplicationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterReplication'] = ResolversParentTypes['ClusterReplication']> = {
  currentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ReplicationMode'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ClusterReplicationNode']>, ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicationState'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusterReplicationNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterReplicationNode'] = ResolversParentTypes['ClusterReplicationNode']> = {
  flushLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lagBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeStatus?: Resolver<ResolversTypes['NodeStatus'], ParentType, ContextType>;
  replayLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicaState?: Resolver<Maybe<ResolversTypes['ReplicaState']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ReplicationRole'], ParentType, ContextType>;
  syncState?: Resolver<Maybe<ResolversTypes['SyncState']>, ParentType, ContextType>;
  writeLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClusterShardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterShard'] = ResolversParentTypes['ClusterShard']> = {
  endToken?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastMovedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pendingMoves?: Resolver<Array<ResolversTypes['ShardMove']>, ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  replicaNodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  shardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startToken?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ShardState'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClusterStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterStatus'] = ResolversParentTypes['ClusterStatus']> = {
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clusterTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failoverInProgress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  healthyVoters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastFailoverAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  openIssues?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  stateSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  suspectedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusterTopologyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusterTopology'] = ResolversParentTypes['ClusterTopology']> = {
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  downNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['RegionPlacement']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  suspectedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringConsensusStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringConsensusStatus'] = ResolversParentTypes['ClusteringConsensusStatus']> = {
  commitIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  configChangePending?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  learners?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringCoordinatorStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringCoordinatorStatus'] = ResolversParentTypes['ClusteringCoordinatorStatus']> = {
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executionStrategy?: Resolver<ResolversTypes['ExecutionStrategy'], ParentType, ContextType>;
  moving?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unassigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  underReplicated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringDhtStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringDhtStatus'] = ResolversParentTypes['ClusteringDhtStatus']> = {
  hashFunction?: Resolver<ResolversTypes['HashFunctionName'], ParentType, ContextType>;
  nodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vnodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vnodesPerNode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringFailoverStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringFailoverStatus'] = ResolversParentTypes['ClusteringFailoverStatus']> = {
  autoFailover?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  automaticFailoversLastHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currentFailoverId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastFailoverAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ClusteringLoadBalancerStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringLoadBalancerStatus'] = ResolversParentTypes['ClusteringLoadBalancerStatus']> = {
  activeConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  healthyBackends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['LoadBalancingStrategy'], ParentType, ContextType>;
};

export type ClusteringMembershipStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringMembershipStatus'] = ResolversParentTypes['ClusteringMembershipStatus']> = {
  alive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  left?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  protocolPeriod?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  suspect?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringNodeCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringNodeCounts'] = ResolversParentTypes['ClusteringNodeCounts']> = {
  down?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recovering?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suspected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClusteringStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClusteringStatus'] = ResolversParentTypes['ClusteringStatus']> = {
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clusterTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  consensus?: Resolver<ResolversTypes['ClusteringConsensusStatus'], ParentType, ContextType>;
  coordinator?: Resolver<ResolversTypes['ClusteringCoordinatorStatus'], ParentType, ContextType>;
  dht?: Resolver<ResolversTypes['ClusteringDhtStatus'], ParentType, ContextType>;
  failover?: Resolver<ResolversTypes['ClusteringFailoverStatus'], ParentType, ContextType>;
  loadBalancer?: Resolver<ResolversTypes['ClusteringLoadBalancerStatus'], ParentType, ContextType>;
  membership?: Resolver<ResolversTypes['ClusteringMembershipStatus'], ParentType, ContextType>;
  nodes?: Resolver<ResolversTypes['ClusteringNodeCounts'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
};

export type ColumnMaskResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ColumnMask'] = ResolversParentTypes['ColumnMask']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keepLast?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MaskKind'], ParentType, ContextType>;
  renameTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type CommitCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CommitCounts'] = ResolversParentTypes['CommitCounts']> = {
  acknowledged?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  timedOut?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommitWaitStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CommitWaitStatistics'] = ResolversParentTypes['CommitWaitStatistics']> = {
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p95?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type CompositeShardingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompositeSharding'] = ResolversParentTypes['CompositeSharding']> = {
  strategies?: Resolver<Array<ResolversTypes['ShardingStrategy']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConflictBacktestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictBacktest'] = ResolversParentTypes['ConflictBacktest']> = {
  baseRateBrierScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  brierScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  positives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  predictions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skill?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ConflictBacktestsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictBacktests'] = ResolversParentTypes['ConflictBacktests']> = {
  keyRanges?: Resolver<ResolversTypes['ConflictBacktest'], ParentType, ContextType>;
  tables?: Resolver<ResolversTypes['ConflictBacktest'], ParentType, ContextType>;
};

export type ConflictCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictCount'] = ResolversParentTypes['ConflictCount']> = {
  conflicts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConflictCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictCounts'] = ResolversParentTypes['ConflictCounts']> = {
  detected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unresolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConflictEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictEvent'] = ResolversParentTypes['ConflictEvent']> = {
  conflict?: Resolver<ResolversTypes['ReplicationConflict'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConflictExplanationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictExplanation'] = ResolversParentTypes['ConflictExplanation']> = {
  alternatives?: Resolver<Array<ResolversTypes['StrategyReplay']>, ParentType, ContextType>;
  clockOrder?: Resolver<ResolversTypes['ClockOrder'], ParentType, ContextType>;
  clocks?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflictId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GroupConflictStatus'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['GroupConflictStrategy'], ParentType, ContextType>;
  why?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['GroupConflictWinner']>, ParentType, ContextType>;
};

export type ConflictPredictionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictPredictions'] = ResolversParentTypes['ConflictPredictions']> = {
  backtest?: Resolver<ResolversTypes['ConflictBacktests'], ParentType, ContextType>;
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  halfLifeWindows?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  keyRangeSeries?: Resolver<Array<ResolversTypes['ConflictSeriesPrediction']>, ParentType, ContextType>;
  keyRanges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minHistoryWindows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextWindowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  observedWindows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sufficientHistory?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['ConflictSeriesPrediction']>, ParentType, ContextType>;
  windowMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConflictResolutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictResolution'] = ResolversParentTypes['ConflictResolution']> = {
  conflict?: Resolver<ResolversTypes['ReplicationConflict'], ParentType, ContextType>;
  conflictId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resolvedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolvedData?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  resolvedLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ConflictResolutionStrategy'], ParentType, ContextType>;
  winner?: Resolver<ResolversTypes['ConflictWinner'], ParentType, ContextType>;
};

export type ConflictResolutionContextResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictResolutionContext'] = ResolversParentTypes['ConflictResolutionContext']> = {
  columnCrdts?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  customRow?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  sitePriority?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ConflictSeriesPredictionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictSeriesPrediction'] = ResolversParentTypes['ConflictSeriesPrediction']> = {
  keyRange?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  probability?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ratePerWindow?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recentCounts?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalConflicts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConflictStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictStatistics'] = ResolversParentTypes['ConflictStatistics']> = {
  byStatus?: Resolver<Array<ResolversTypes['ConflictCount']>, ParentType, ContextType>;
  byStrategy?: Resolver<Array<ResolversTypes['ConflictCount']>, ParentType, ContextType>;
  byTable?: Resolver<Array<ResolversTypes['ConflictCount']>, ParentType, ContextType>;
  byType?: Resolver<Array<ResolversTypes['ConflictCount']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kept?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recorded?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resolvedLater?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resolvedOnArrival?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ConflictStrategyInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictStrategyInfo'] = ResolversParentTypes['ConflictStrategyInfo']> = {
  conflictsRecorded?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  guarantees?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  losesWrites?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  needs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['GroupConflictStrategy'], ParentType, ContextType>;
};

export type ConflictVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictVersion'] = ResolversParentTypes['ConflictVersion']> = {
  clock?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  writtenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ConsistencyForecastResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConsistencyForecast'] = ResolversParentTypes['ConsistencyForecast']> = {
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedDatacenterIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  readsSucceed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  worstCaseStalenessMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  writesSucceed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ConvergenceEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConvergenceEvent'] = ResolversParentTypes['ConvergenceEvent']> = {
  convergence?: Resolver<ResolversTypes['MultiMasterConvergenceReport'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CrdtColumnUseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CrdtColumnUse'] = ResolversParentTypes['CrdtColumnUse']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  groupKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CrdtTypeInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CrdtTypeInfo'] = ResolversParentTypes['CrdtTypeInfo']> = {
  columnValues?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  crdtType?: Resolver<ResolversTypes['CrdtType'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  laws?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  merge?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operations?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  usedBy?: Resolver<Array<ResolversTypes['CrdtColumnUse']>, ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DatabaseInstanceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DatabaseInstance'] = ResolversParentTypes['DatabaseInstance']> = {
  activeConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  connectionsNote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  host?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastHealthCheck?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nodeStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  poolSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  preference?: Resolver<ResolversTypes['InstancePreference'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['InstanceRole'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  standsFor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DatacenterNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DatacenterNode'] = ResolversParentTypes['DatacenterNode']> = {
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  writeRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DatacenterVectorClockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DatacenterVectorClock'] = ResolversParentTypes['DatacenterVectorClock']> = {
  datacenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['ClockEntry']>, ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['SessionCoverage']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DecodedChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DecodedChange'] = ResolversParentTypes['DecodedChange']> = {
  commitTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['DecodedChangeOp'], ParentType, ContextType>;
  origin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DetailedClusterHealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DetailedClusterHealth'] = ResolversParentTypes['DetailedClusterHealth']> = {
  checks?: Resolver<Array<ResolversTypes['ClusterHealthCheck']>, ParentType, ContextType>;
  leader?: Resolver<ResolversTypes['HealthLeader'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['NodeHealthDetail']>, ParentType, ContextType>;
  stateSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['ClusterHealth'], ParentType, ContextType>;
};

export type DhtNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtNode'] = ResolversParentTypes['DhtNode']> = {
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownedTokenCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  ownershipPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  routedKeys?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  vnodeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DhtNodeStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtNodeStatistics'] = ResolversParentTypes['DhtNodeStatistics']> = {
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownershipPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  routedKeyPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  routedKeys?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  vnodeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type DhtRingEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtRingEntry'] = ResolversParentTypes['DhtRingEntry']> = {
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rangeSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  vnodeIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DhtRouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtRoute'] = ResolversParentTypes['DhtRoute']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  preferenceList?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  token?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  vnodeIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vnodeToken?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type DhtRouteResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtRouteResult'] = ResolversParentTypes['DhtRouteResult']> = {
  hashFunction?: Resolver<ResolversTypes['HashFunctionName'], ParentType, ContextType>;
  routes?: Resolver<Array<ResolversTypes['DhtRoute']>, ParentType, ContextType>;
};

export type DhtStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DhtStatistics'] = ResolversParentTypes['DhtStatistics']> = {
  hashFunction?: Resolver<ResolversTypes['HashFunctionName'], ParentType, ContextType>;
  hashSeed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  hashSpaceSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DhtNodeStatistics']>, ParentType, ContextType>;
  ownershipSpread?: Resolver<Maybe<ResolversTypes['LoadSpread']>, ParentType, ContextType>;
  routedKeySpread?: Resolver<Maybe<ResolversTypes['LoadSpread']>, ParentType, ContextType>;
  routedKeys?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  vnodeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vnodesPerNode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DistributedCommitResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedCommitResult'] = ResolversParentTypes['DistributedCommitResult']> = {
  committed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['TransactionDecision']>, ParentType, ContextType>;
  onePhase?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  transaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DistributedQueryConditionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryCondition'] = ResolversParentTypes['DistributedQueryCondition']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  values?: Resolver<Maybe<Array<ResolversTypes['JSON']>>, ParentType, ContextType>;
};

export type DistributedQueryExecutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryExecution'] = ResolversParentTypes['DistributedQueryExecution']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  coordinatorNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fragments?: Resolver<Array<ResolversTypes['DistributedQueryFragmentRun']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DistributedPlanKind'], ParentType, ContextType>;
  merge?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  queryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['DistributedQueryResult']>, ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DistributedQueryStatus'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topNPerShard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type DistributedQueryFragmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryFragment'] = ResolversParentTypes['DistributedQueryFragment']> = {
  estimatedBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networkHops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shardIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sql?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DistributedQueryFragmentRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryFragmentRun'] = ResolversParentTypes['DistributedQueryFragmentRun']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  elapsedMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networkHops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networkMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rowsReturned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scanMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sql?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DistributedQueryStatus'], ParentType, ContextType>;
};

export type DistributedQueryLatencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryLatency'] = ResolversParentTypes['DistributedQueryLatency']> = {
  maxMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p50Ms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p95Ms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p99Ms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DistributedQueryPlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryPlan'] = ResolversParentTypes['DistributedQueryPlan']> = {
  coordinatorNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['QueryPhase']>, ParentType, ContextType>;
  prunedShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queryType?: Resolver<ResolversTypes['QueryType'], ParentType, ContextType>;
  remoteRequests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sql?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ExecutionStrategy'], ParentType, ContextType>;
  targetShardIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  totalShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DistributedQueryResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryResult'] = ResolversParentTypes['DistributedQueryResult']> = {
  columns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type DistributedQueryRouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryRoute'] = ResolversParentTypes['DistributedQueryRoute']> = {
  levels?: Resolver<Array<ResolversTypes['DistributedQueryRouteLevel']>, ParentType, ContextType>;
  scatter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shardNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  singleShard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unusedConditions?: Resolver<Array<ResolversTypes['DistributedQueryCondition']>, ParentType, ContextType>;
};

export type DistributedQueryRouteLevelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryRouteLevel'] = ResolversParentTypes['DistributedQueryRouteLevel']> = {
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  pruned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  why?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DistributedQueryStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedQueryStatistics'] = ResolversParentTypes['DistributedQueryStatistics']> = {
  fragmentsExecuted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keptPlans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  latency?: Resolver<Maybe<ResolversTypes['DistributedQueryLatency']>, ParentType, ContextType>;
  maxKeptPlans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  noShardQueries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queriesCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queriesFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queriesRunning?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  queriesStarted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsReturned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scatterGatherQueries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  singleShardPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  singleShardQueries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DistributedTransactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedTransaction'] = ResolversParentTypes['DistributedTransaction']> = {
  begunAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  contradictsDecision?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  coordinatorNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['TransactionDecision']>, ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  forgottenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  inDoubtSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lockTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onePhase?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['TransactionParticipant']>, ParentType, ContextType>;
  prepareTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  preparedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DistributedTransactionState'], ParentType, ContextType>;
  timeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DistributedTransactionEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedTransactionEvent'] = ResolversParentTypes['DistributedTransactionEvent']> = {
  contradictsDecision?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  coordinatorNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['TransactionDecision']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  onePhase?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  prepareLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DistributedTransactionState'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vote?: Resolver<Maybe<ResolversTypes['ParticipantVote']>, ParentType, ContextType>;
  writes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DistributedTransactionStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DistributedTransactionStatistics'] = ResolversParentTypes['DistributedTransactionStatistics']> = {
  aborted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  begun?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commitLatency?: Resolver<ResolversTypes['TransactionLatency'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heuristic?: Resolver<ResolversTypes['HeuristicCounts'], ParentType, ContextType>;
  inDoubt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  latencySince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lockWaitLatency?: Resolver<ResolversTypes['TransactionLatency'], ParentType, ContextType>;
  lockWaits?: Resolver<ResolversTypes['LockWaitCounts'], ParentType, ContextType>;
  onePhaseCommits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prepareLatency?: Resolver<ResolversTypes['TransactionLatency'], ParentType, ContextType>;
  prepared?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalLatency?: Resolver<ResolversTypes['TransactionLatency'], ParentType, ContextType>;
  votes?: Resolver<ResolversTypes['VoteCounts'], ParentType, ContextType>;
};

export type EnqueueCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EnqueueCounts'] = ResolversParentTypes['EnqueueCounts']> = {
  converting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  granted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventLoopDelayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventLoopDelay'] = ResolversParentTypes['EventLoopDelay']> = {
  maxMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p50Ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p99Ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type EventMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventMetrics'] = ResolversParentTypes['EventMetrics']> = {
  lastCursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type EventPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventPage'] = ResolversParentTypes['EventPage']> = {
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  nextCursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ExecutionStrategyChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExecutionStrategyChange'] = ResolversParentTypes['ExecutionStrategyChange']> = {
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousStrategy?: Resolver<ResolversTypes['ExecutionStrategy'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ExecutionStrategy'], ParentType, ContextType>;
};

export type FailoverConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverConfig'] = ResolversParentTypes['FailoverConfig']> = {
  autoFailover?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  detectionTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failoverTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxFailoversPerHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  splitBrainPrevention?: Resolver<ResolversTypes['SplitBrainPrevention'], ParentType, ContextType>;
};

export type FailoverEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverEvent'] = ResolversParentTypes['FailoverEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  failover?: Resolver<ResolversTypes['FailoverResult'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FailoverKindCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverKindCounts'] = ResolversParentTypes['FailoverKindCounts']> = {
  AUTOMATIC?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  DRILL?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  MANUAL?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  SWITCHOVER?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FailoverPolicyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverPolicy'] = ResolversParentTypes['FailoverPolicy']> = {
  autoFailover?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  failback?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priorityOrder?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeoutMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type FailoverResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverResult'] = ResolversParentTypes['FailoverResult']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failoverId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  initiatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  initiatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FailoverKind'], ParentType, ContextType>;
  newLeaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  newTerm?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  previousLeaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  previousTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FailoverStatus'], ParentType, ContextType>;
  targetNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['FailoverTimelineStep']>, ParentType, ContextType>;
};

export type FailoverStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverStatistics'] = ResolversParentTypes['FailoverStatistics']> = {
  automaticFailoversLastHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageDurationMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  byKind?: Resolver<ResolversTypes['FailoverKindCounts'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastFailoverAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  maxDurationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p50DurationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p95DurationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FailoverTestResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverTestResult'] = ResolversParentTypes['FailoverTestResult']> = {
  detectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  detectionTimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  drillId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  electedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  electionTimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failoverId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  faultId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  faultType?: Resolver<ResolversTypes['DrillFaultType'], ParentType, ContextType>;
  healed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  injectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  maxDurationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newLeaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  newTerm?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  previousLeaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  previousTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DrillStatus'], ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetWasLeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalTimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  withinBound?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type FailoverTimelineStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FailoverTimelineStep'] = ResolversParentTypes['FailoverTimelineStep']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  step?: Resolver<ResolversTypes['FailoverStepName'], ParentType, ContextType>;
  term?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
};

export type FaultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Fault'] = ResolversParentTypes['Fault']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groups?: Resolver<Array<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['FaultType'], ParentType, ContextType>;
};

export type FlushResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FlushResult'] = ResolversParentTypes['FlushResult']> = {
  blocksInvalidated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  blocksWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytesWritten?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  flushedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  instanceIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  pastImagesDiscarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type GdsFailoverCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GdsFailoverCounts'] = ResolversParentTypes['GdsFailoverCounts']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failbacks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GdsServiceStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GdsServiceStatistics'] = ResolversParentTypes['GdsServiceStatistics']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routing?: Resolver<ResolversTypes['ServiceRoutingCounts'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ServiceState'], ParentType, ContextType>;
};

export type GdsStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GdsStatistics'] = ResolversParentTypes['GdsStatistics']> = {
  failovers?: Resolver<ResolversTypes['GdsFailoverCounts'], ParentType, ContextType>;
  routed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['GdsServiceStatistics']>, ParentType, ContextType>;
  servicesByState?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  totalServices?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unrouted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type GeoDatacenterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoDatacenter'] = ResolversParentTypes['GeoDatacenter']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  datacenterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  links?: Resolver<Array<ResolversTypes['WanLink']>, ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoLocation'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DatacenterNode']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  writableNodeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GeoLagCellResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoLagCell'] = ResolversParentTypes['GeoLagCell']> = {
  lagMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagOperations?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sourceDatacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  streamId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  targetDatacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GeoLocationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoLocation'] = ResolversParentTypes['GeoLocation']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GeoReplicationStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoReplicationStatistics'] = ResolversParentTypes['GeoReplicationStatistics']> = {
  applyErrors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  compressedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  compressionCpuMicrosPerMegabyte?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  compressionRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  datacenterCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagMatrix?: Resolver<Array<ResolversTypes['GeoLagCell']>, ParentType, ContextType>;
  links?: Resolver<Array<ResolversTypes['WanLink']>, ParentType, ContextType>;
  maxLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  operationsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rawBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  retransmits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  streamCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  streamsByState?: Resolver<ResolversTypes['GeoStreamsByState'], ParentType, ContextType>;
};

export type GeoStreamResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoStream'] = ResolversParentTypes['GeoStream']> = {
  acknowledgedLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  appliedLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  applyErrors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  batchesShipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  compressedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  compressionCpuMicrosPerMegabyte?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  compressionRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confirmedLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  consistencyLevel?: Resolver<ResolversTypes['ConsistencyLevel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  forecasts?: Resolver<Array<ResolversTypes['ConsistencyForecast']>, ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagOperations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastAckLatencyMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastAppliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  levelHistory?: Resolver<Array<ResolversTypes['LevelChange']>, ParentType, ContextType>;
  maxAckLatencyMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  operationsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rawBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  retransmits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skippedDeletes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceDatacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceNodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['GeoStreamState'], ParentType, ContextType>;
  stateReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  streamId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetDatacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transactionsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unacknowledgedOperations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waitingFor?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GeoStreamsByStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GeoStreamsByState'] = ResolversParentTypes['GeoStreamsByState']> = {
  BROKEN?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  CATCHING_UP?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  DISCONNECTED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  STREAMING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GlobalServiceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GlobalService'] = ResolversParentTypes['GlobalService']> = {
  adminState?: Resolver<ResolversTypes['ServiceAdminState'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  databaseRole?: Resolver<ResolversTypes['ServiceDatabaseRole'], ParentType, ContextType>;
  failoverPolicy?: Resolver<ResolversTypes['FailoverPolicy'], ParentType, ContextType>;
  failovers?: Resolver<Array<ResolversTypes['ServiceFailover']>, ParentType, ContextType>;
  lagToleranceMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  loadBalancing?: Resolver<ResolversTypes['GlobalServiceLoadBalancing'], ParentType, ContextType>;
  locality?: Resolver<ResolversTypes['ServiceLocality'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionFailover?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['ServiceRegion']>, ParentType, ContextType>;
  routing?: Resolver<ResolversTypes['ServiceRoutingCounts'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ServiceState'], ParentType, ContextType>;
  stateReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type GlobalServiceHealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GlobalServiceHealth'] = ResolversParentTypes['GlobalServiceHealth']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['ServiceRegionHealth']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ServiceState'], ParentType, ContextType>;
  stateReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GossipJoinResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GossipJoin'] = ResolversParentTypes['GossipJoin']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seeds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GossipProbeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GossipProbe'] = ResolversParentTypes['GossipProbe']> = {
  helpers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['ProbePhase'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type GossipStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GossipState'] = ResolversParentTypes['GossipState']> = {
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['MemberGossip']>, ParentType, ContextType>;
  nextPeriodAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pingTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  protocolPeriod?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  protocolPeriodMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['SwimCounters'], ParentType, ContextType>;
};

export type GrdAffinityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdAffinity'] = ResolversParentTypes['GrdAffinity']> = {
  aboveThreshold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  accesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  affinityPercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  masterInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['GrdResourceType'], ParentType, ContextType>;
  totalAccesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GrdHolderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdHolder'] = ResolversParentTypes['GrdHolder']> = {
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GrdMasterShareResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdMasterShare'] = ResolversParentTypes['GrdMasterShare']> = {
  blockResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enqueueResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sharePercent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
};

export type GrdResourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdResource'] = ResolversParentTypes['GrdResource']> = {
  accesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  accessesByInstance?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  frozen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hashMaster?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  holders?: Resolver<Array<ResolversTypes['GrdHolder']>, ParentType, ContextType>;
  lastRemasteredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  masterInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  remasterCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['GrdResourceType'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GrdStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdStats'] = ResolversParentTypes['GrdStats']> = {
  affinityUpdates?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  avgRemasterLatencyMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  loadBalances?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resourcesPerMaster?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  totalRemasters?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalResources?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type GrdTopologyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GrdTopology'] = ResolversParentTypes['GrdTopology']> = {
  affinityThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  frozenResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  masters?: Resolver<Array<ResolversTypes['GrdMasterShare']>, ParentType, ContextType>;
  remasteredResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statistics?: Resolver<ResolversTypes['GrdStats'], ParentType, ContextType>;
  totalResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GroupConflictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupConflict'] = ResolversParentTypes['GroupConflict']> = {
  appliedSiteIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  base?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  conflictId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  conflictType?: Resolver<ResolversTypes['ConflictType'], ParentType, ContextType>;
  context?: Resolver<ResolversTypes['ConflictResolutionContext'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  groupKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  local?: Resolver<ResolversTypes['ConflictVersion'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remote?: Resolver<ResolversTypes['ConflictVersion'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedRow?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  rowKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siblings?: Resolver<Array<ResolversTypes['ConflictVersion']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GroupConflictStatus'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['GroupConflictStrategy'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['GroupConflictWinner']>, ParentType, ContextType>;
};

export type GroupConflictResolutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupConflictResolution'] = ResolversParentTypes['GroupConflictResolution']> = {
  conflict?: Resolver<ResolversTypes['GroupConflict'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['ConflictExplanation'], ParentType, ContextType>;
};

export type HashRouteReasonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HashRouteReason'] = ResolversParentTypes['HashRouteReason']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hashFunction?: Resolver<ResolversTypes['HashFunction'], ParentType, ContextType>;
  hashValue?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keyText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ShardingStrategyType'], ParentType, ContextType>;
  tokenRange?: Resolver<Maybe<ResolversTypes['ShardTokenRange']>, ParentType, ContextType>;
  vnodeToken?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HashShardingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HashSharding'] = ResolversParentTypes['HashSharding']> = {
  hashFunction?: Resolver<ResolversTypes['HashFunction'], ParentType, ContextType>;
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  numShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HealthCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthCheck'] = ResolversParentTypes['HealthCheck']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
};

export type HealthIssueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthIssue'] = ResolversParentTypes['HealthIssue']> = {
  affectedNodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  component?: Resolver<ResolversTypes['HealthComponent'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['IssueSeverity'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type HealthLeaderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthLeader'] = ResolversParentTypes['HealthLeader']> = {
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  leaderSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type HealthReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthReport'] = ResolversParentTypes['HealthReport']> = {
  checks?: Resolver<Array<ResolversTypes['HealthCheck']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthSampleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthSample'] = ResolversParentTypes['HealthSample']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  openIssues?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  suspectedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HeldLockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HeldLock'] = ResolversParentTypes['HeldLock']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HeuristicCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HeuristicCounts'] = ResolversParentTypes['HeuristicCounts']> = {
  commit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forgotten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hazard?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mixed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rollback?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InDoubtResolutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InDoubtResolution'] = ResolversParentTypes['InDoubtResolution']> = {
  contradictsCoordinator?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  coordinatorLog?: Resolver<Maybe<ResolversTypes['TransactionDecision']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['HeuristicDecision'], ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['ParticipantResolution']>, ParentType, ContextType>;
  resultingState?: Resolver<ResolversTypes['DistributedTransactionState'], ParentType, ContextType>;
  transaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InDoubtTransactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InDoubtTransaction'] = ResolversParentTypes['InDoubtTransaction']> = {
  ageMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  coordinatorLog?: Resolver<Maybe<ResolversTypes['TransactionDecision']>, ParentType, ContextType>;
  coordinatorNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  coordinatorReachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inDoubtMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  locks?: Resolver<Array<ResolversTypes['HeldLock']>, ParentType, ContextType>;
  oldestXmin?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  transaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InstanceRecoveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InstanceRecovery'] = ResolversParentTypes['InstanceRecovery']> = {
  blocksRecovered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failedInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locksReleased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['RecoveryPhase'], ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['RecoveryPhaseTiming']>, ParentType, ContextType>;
  recoveringInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recoveryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  redoBytesApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  redoBytesTotal?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  redoRecordsApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resourcesRemastered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['RecoveryTrigger'], ParentType, ContextType>;
};

export type InterconnectInstanceStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectInstanceStatus'] = ResolversParentTypes['InterconnectInstanceStatus']> = {
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastHeartbeatAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  missedHeartbeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reachable?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
  suspected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type InterconnectLatencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectLatency'] = ResolversParentTypes['InterconnectLatency']> = {
  instanceIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  matrixUs?: Resolver<Array<Array<Maybe<ResolversTypes['Int']>>>, ParentType, ContextType>;
  pairs?: Resolver<Array<ResolversTypes['InterconnectLatencyPair']>, ParentType, ContextType>;
};

export type InterconnectLatencyPairResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectLatencyPair'] = ResolversParentTypes['InterconnectLatencyPair']> = {
  avgLatencyUs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxLatencyUs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minLatencyUs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InterconnectPairStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectPairStats'] = ResolversParentTypes['InterconnectPairStats']> = {
  bytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  failedSends?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type InterconnectStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectStats'] = ResolversParentTypes['InterconnectStats']> = {
  avgMessageLatencyUs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  avgThroughputMbps?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytesReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  failedSends?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  heartbeatFailures?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  messagesReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  messagesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pairs?: Resolver<Array<ResolversTypes['InterconnectPairStats']>, ParentType, ContextType>;
};

export type InterconnectStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InterconnectStatus'] = ResolversParentTypes['InterconnectStatus']> = {
  evictedInstances?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  heartbeatIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instances?: Resolver<Array<ResolversTypes['InterconnectInstanceStatus']>, ParentType, ContextType>;
  lastSplitBrainAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  missedHeartbeatsToEvict?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quorumPercentage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  splitBrainDetected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['InterconnectState'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KeyRangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyRange'] = ResolversParentTypes['KeyRange']> = {
  fromKey?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toKey?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type KeyRouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['KeyRoute'] = ResolversParentTypes['KeyRoute']> = {
  reasons?: Resolver<Array<ResolversTypes['RouteReason']>, ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LatencyPercentilesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LatencyPercentiles'] = ResolversParentTypes['LatencyPercentiles']> = {
  maxMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p50Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p90Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p99Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type LeaderElectionEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LeaderElectionEvent'] = ResolversParentTypes['LeaderElectionEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  electionDurationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leaderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  previousLeaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  votesReceived?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LevelChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LevelChange'] = ResolversParentTypes['LevelChange']> = {
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ConsistencyLevel'], ParentType, ContextType>;
};

export type LevelSelectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LevelSelection'] = ResolversParentTypes['LevelSelection']> = {
  buckets?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  matches?: Resolver<Array<ResolversTypes['RouteReason']>, ParentType, ContextType>;
  pruned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ShardingStrategyType'], ParentType, ContextType>;
  why?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ListDefinitionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ListDefinition'] = ResolversParentTypes['ListDefinition']> = {
  values?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type ListRouteReasonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ListRouteReason'] = ResolversParentTypes['ListRouteReason']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keyColumn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  listIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ShardingStrategyType'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ListShardingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ListSharding'] = ResolversParentTypes['ListSharding']> = {
  defaultShard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lists?: Resolver<Array<ResolversTypes['ListDefinition']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type LoadBalancerBackendResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LoadBalancerBackend'] = ResolversParentTypes['LoadBalancerBackend']> = {
  activeConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  averageLatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  backendId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  completedRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['BackendHealth'], ParentType, ContextType>;
  lastSelectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  latencyEwmaMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  p99LatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LoadBalancerConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LoadBalancerConnection'] = ResolversParentTypes['LoadBalancerConnection']> = {
  backendId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ConnectionOutcome']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ConnectionState'], ParentType, ContextType>;
};

export type LoadBalancerStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LoadBalancerStatistics'] = ResolversParentTypes['LoadBalancerStatistics']> = {
  abortedConnections?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  activeConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backends?: Resolver<Array<ResolversTypes['LoadBalancerBackend']>, ParentType, ContextType>;
  completedRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  healthyBackends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejectedRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['LoadBalancingStrategy'], ParentType, ContextType>;
  totalBackends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalRequests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type LoadBalancerStrategyChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LoadBalancerStrategyChange'] = ResolversParentTypes['LoadBalancerStrategyChange']> = {
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousStrategy?: Resolver<ResolversTypes['LoadBalancingStrategy'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['LoadBalancingStrategy'], ParentType, ContextType>;
};

export type LoadSpreadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LoadSpread'] = ResolversParentTypes['LoadSpread']> = {
  maxOverMean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanLoadFactor?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minOverMean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  standardDeviation?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  variance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type LockEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LockEvent'] = ResolversParentTypes['LockEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  fromMode?: Resolver<Maybe<ResolversTypes['EnqueueMode']>, ParentType, ContextType>;
  lockId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['EnqueueMode'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['GrdResourceType'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waitedMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waiters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LockWaitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LockWait'] = ResolversParentTypes['LockWait']> = {
  heldBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeoutAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  waitingSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type LockWaitCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LockWaitCounts'] = ResolversParentTypes['LockWaitCounts']> = {
  timedOut?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalApplyErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalApplyError'] = ResolversParentTypes['LogicalApplyError']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  commitLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflict?: Resolver<Maybe<ResolversTypes['LogicalConflictType']>, ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transient?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalChangesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalChanges'] = ResolversParentTypes['LogicalChanges']> = {
  changes?: Resolver<Array<ResolversTypes['DecodedChange']>, ParentType, ContextType>;
  fromLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nextLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scannedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalConflictCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalConflictCounts'] = ResolversParentTypes['LogicalConflictCounts']> = {
  delete_missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delete_origin_differs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  insert_exists?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  update_missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  update_origin_differs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalConflictResolutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalConflictResolution'] = ResolversParentTypes['LogicalConflictResolution']> = {
  delete_missing?: Resolver<ResolversTypes['LogicalConflictPolicy'], ParentType, ContextType>;
  delete_origin_differs?: Resolver<ResolversTypes['LogicalConflictPolicy'], ParentType, ContextType>;
  insert_exists?: Resolver<ResolversTypes['LogicalConflictPolicy'], ParentType, ContextType>;
  update_missing?: Resolver<ResolversTypes['LogicalConflictPolicy'], ParentType, ContextType>;
  update_origin_differs?: Resolver<ResolversTypes['LogicalConflictPolicy'], ParentType, ContextType>;
};

export type LogicalSkipResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalSkipResult'] = ResolversParentTypes['LogicalSkipResult']> = {
  changes?: Resolver<Array<ResolversTypes['DecodedChange']>, ParentType, ContextType>;
  commitLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalStatistics'] = ResolversParentTypes['LogicalStatistics']> = {
  appliedChanges?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  appliedTransactions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  applyErrorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['LogicalConflictCounts'], ParentType, ContextType>;
  decodedChanges?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  enabledSubscriptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxLagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  maxLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  perSubscription?: Resolver<Array<ResolversTypes['LogicalSubscriptionStats']>, ParentType, ContextType>;
  publications?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscriptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalSubscription'] = ResolversParentTypes['LogicalSubscription']> = {
  checkpointLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conflictResolution?: Resolver<ResolversTypes['LogicalConflictResolution'], ParentType, ContextType>;
  copyData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  counters?: Resolver<ResolversTypes['LogicalSubscriptionCounters'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  disableOnError?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastAppliedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastCommitTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['LogicalApplyError']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['LogicalOriginFilter'], ParentType, ContextType>;
  originName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publication?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  skipResult?: Resolver<Maybe<ResolversTypes['LogicalSkipResult']>, ParentType, ContextType>;
  slot?: Resolver<Maybe<ResolversTypes['SubscriptionSlot']>, ParentType, ContextType>;
  slotLost?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slotLostAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  slotName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceNodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LogicalSubscriptionStatus'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['SubscriptionTableState']>, ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type LogicalSubscriptionCountersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalSubscriptionCounters'] = ResolversParentTypes['LogicalSubscriptionCounters']> = {
  appliedChanges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  appliedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applyErrorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['LogicalConflictCounts'], ParentType, ContextType>;
  filteredTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skippedChanges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skippedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  syncErrorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LogicalSubscriptionStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogicalSubscriptionStats'] = ResolversParentTypes['LogicalSubscriptionStats']> = {
  appliedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  applyErrorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['LogicalConflictCounts'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LogicalSubscriptionStatus'], ParentType, ContextType>;
  syncErrorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastStateChange?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lifecycle?: Resolver<ResolversTypes['MemberLifecycle'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['MemberMetadata'], ParentType, ContextType>;
  observers?: Resolver<ResolversTypes['ObserverCounts'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['MemberState']>, ParentType, ContextType>;
};

export type MemberGossipResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberGossip'] = ResolversParentTypes['MemberGossip']> = {
  counters?: Resolver<ResolversTypes['SwimCounters'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  join?: Resolver<Maybe<ResolversTypes['GossipJoin']>, ParentType, ContextType>;
  lifecycle?: Resolver<ResolversTypes['MemberLifecycle'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextPeriodAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pendingRelays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  piggybackQueue?: Resolver<Array<ResolversTypes['PiggybackEntry']>, ParentType, ContextType>;
  probe?: Resolver<Maybe<ResolversTypes['GossipProbe']>, ParentType, ContextType>;
  protocolPeriod?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  retransmitLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suspicionTimeouts?: Resolver<ResolversTypes['SuspicionTimeouts'], ParentType, ContextType>;
  suspicions?: Resolver<Array<ResolversTypes['MemberSuspicion']>, ParentType, ContextType>;
  viewSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberMetadataResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberMetadata'] = ResolversParentTypes['MemberMetadata']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemberSelfViewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberSelfView'] = ResolversParentTypes['MemberSelfView']> = {
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lifecycle?: Resolver<ResolversTypes['MemberLifecycle'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MemberState'], ParentType, ContextType>;
};

export type MemberStateDetailResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberStateDetail'] = ResolversParentTypes['MemberStateDetail']> = {
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  observers?: Resolver<Array<ResolversTypes['ObserverBelief']>, ParentType, ContextType>;
  self?: Resolver<ResolversTypes['MemberSelfView'], ParentType, ContextType>;
};

export type MemberStateEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberStateEvent'] = ResolversParentTypes['MemberStateEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  observers?: Resolver<ResolversTypes['ObserverCounts'], ParentType, ContextType>;
  previousState?: Resolver<Maybe<ResolversTypes['MemberState']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['MemberState']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MemberSuspicionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberSuspicion'] = ResolversParentTypes['MemberSuspicion']> = {
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  suspectors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Metrics'] = ResolversParentTypes['Metrics']> = {
  cluster?: Resolver<ResolversTypes['ClusterMetrics'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventMetrics'], ParentType, ContextType>;
  process?: Resolver<ResolversTypes['ProcessMetrics'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['RequestMetrics'], ParentType, ContextType>;
  runtime?: Resolver<ResolversTypes['RuntimeMetrics'], ParentType, ContextType>;
};

export type MigrationStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MigrationStatistics'] = ResolversParentTypes['MigrationStatistics']> = {
  activeMoves?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageCopyBytesPerSecond?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  averageMoveDurationMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  changesReplayed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  copyRateBytesPerSecond?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  movesCancelled?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  movesCompleted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  movesFailed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  movesStarted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rebalancesByState?: Resolver<ResolversTypes['WorkflowCounts'], ParentType, ContextType>;
  rowsCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  tasksByState?: Resolver<ResolversTypes['WorkflowCounts'], ParentType, ContextType>;
};

export type MigrationTaskResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MigrationTask'] = ResolversParentTypes['MigrationTask']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  forcedFindings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keyRange?: Resolver<Maybe<ResolversTypes['KeyRange']>, ParentType, ContextType>;
  moves?: Resolver<Array<ResolversTypes['PlannedShardMove']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkflowState'], ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  taskId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MigrationTaskPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MigrationTaskPage'] = ResolversParentTypes['MigrationTaskPage']> = {
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['MigrationTask']>, ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MonitoredChannelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MonitoredChannel'] = ResolversParentTypes['MonitoredChannel']> = {
  bytesShipped?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChannelKind'], ParentType, ContextType>;
  lagBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagOperations?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  operationsShipped?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  rates?: Resolver<ResolversTypes['ChannelRates'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ChannelEndpoint'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ChannelState'], ParentType, ContextType>;
  stateDetail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ChannelEndpoint'], ParentType, ContextType>;
};

export type MultiMasterAntiEntropyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterAntiEntropy'] = ResolversParentTypes['MultiMasterAntiEntropy']> = {
  pairs?: Resolver<Array<ResolversTypes['MultiMasterAntiEntropyPair']>, ParentType, ContextType>;
  skippedSiteIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MultiMasterAntiEntropyPairResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterAntiEntropyPair'] = ResolversParentTypes['MultiMasterAntiEntropyPair']> = {
  keysRepaired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rangesCompared?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rangesDescended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  siteA?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  siteB?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MultiMasterConflictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterConflict'] = ResolversParentTypes['MultiMasterConflict']> = {
  appliedSiteIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  conflictId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  conflictType?: Resolver<ResolversTypes['ConflictType'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  local?: Resolver<ResolversTypes['MultiMasterConflictVersion'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remote?: Resolver<ResolversTypes['MultiMasterConflictVersion'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedRow?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  siblings?: Resolver<Array<ResolversTypes['MultiMasterConflictVersion']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['MultiMasterConflictStrategy'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MultiMasterConflictVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterConflictVersion'] = ResolversParentTypes['MultiMasterConflictVersion']> = {
  clock?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  writtenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MultiMasterConvergenceReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterConvergenceReport'] = ResolversParentTypes['MultiMasterConvergenceReport']> = {
  agreement?: Resolver<Array<ResolversTypes['MultiMasterSiteAgreement']>, ParentType, ContextType>;
  converged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  divergedSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastConvergedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastConvergenceMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastDivergenceAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  p99ConvergenceMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sinceLastDivergenceMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
};

export type MultiMasterCountersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterCounters'] = ResolversParentTypes['MultiMasterCounters']> = {
  antiEntropyRuns?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytesShipped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  changesApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changesShipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflictsDetected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicatesSkipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keysRepaired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readRepairs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readsFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readsServed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writesCommitted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writesFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MultiMasterGroupStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterGroupStatistics'] = ResolversParentTypes['MultiMasterGroupStatistics']> = {
  converged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  counters?: Resolver<ResolversTypes['MultiMasterCounters'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  runningSites?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sites?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MultiMasterPushResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterPush'] = ResolversParentTypes['MultiMasterPush']> = {
  changesSent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MultiMasterQuorumSiteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterQuorumSite'] = ResolversParentTypes['MultiMasterQuorumSite']> = {
  counts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  datacenterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MultiMasterQuorumStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterQuorumStatus'] = ResolversParentTypes['MultiMasterQuorumStatus']> = {
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reachableSites?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readQuorumReachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['MultiMasterQuorumSite']>, ParentType, ContextType>;
  writeQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writeQuorumReachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MultiMasterReadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterRead'] = ResolversParentTypes['MultiMasterRead']> = {
  answeredBy?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repairedSiteIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['MultiMasterReadRow']>, ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MultiMasterReadRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterReadRow'] = ResolversParentTypes['MultiMasterReadRow']> = {
  clock?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  dot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  siblings?: Resolver<Array<ResolversTypes['MultiMasterSibling']>, ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MultiMasterReplicateResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterReplicateResult'] = ResolversParentTypes['MultiMasterReplicateResult']> = {
  antiEntropy?: Resolver<Maybe<ResolversTypes['MultiMasterAntiEntropy']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['MultiMasterReplicateMode'], ParentType, ContextType>;
  push?: Resolver<Maybe<ResolversTypes['MultiMasterPush']>, ParentType, ContextType>;
  read?: Resolver<Maybe<ResolversTypes['MultiMasterRead']>, ParentType, ContextType>;
  write?: Resolver<Maybe<ResolversTypes['MultiMasterWrite']>, ParentType, ContextType>;
};

export type MultiMasterSiblingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterSibling'] = ResolversParentTypes['MultiMasterSibling']> = {
  atMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  dot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  originSiteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type MultiMasterSiteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterSite'] = ResolversParentTypes['MultiMasterSite']> = {
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datacenterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  peers?: Resolver<Array<ResolversTypes['MultiMasterSitePeer']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  writeRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MultiMasterSiteAgreementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterSiteAgreement'] = ResolversParentTypes['MultiMasterSiteAgreement']> = {
  dataHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siteIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MultiMasterSitePeerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterSitePeer'] = ResolversParentTypes['MultiMasterSitePeer']> = {
  ackedLsn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesShipped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  changesShipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pendingBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  reachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MultiMasterStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterStatistics'] = ResolversParentTypes['MultiMasterStatistics']> = {
  groups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perGroup?: Resolver<Array<ResolversTypes['MultiMasterGroupStatistics']>, ParentType, ContextType>;
  sites?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['MultiMasterCounters'], ParentType, ContextType>;
};

export type MultiMasterWriteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterWrite'] = ResolversParentTypes['MultiMasterWrite']> = {
  acknowledgedBy?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  settledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['MultiMasterWrittenVersion']>, ParentType, ContextType>;
  writeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  writeQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MultiMasterWrittenVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MultiMasterWrittenVersion'] = ResolversParentTypes['MultiMasterWrittenVersion']> = {
  clock?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  dot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  addClusterNode?: Resolver<ResolversTypes['ClusterNode'], ParentType, ContextType, RequireFields<MutationAddClusterNodeArgs, 'input'>>;
  addLoadBalancerBackend?: Resolver<ResolversTypes['LoadBalancerBackend'], ParentType, ContextType, RequireFields<MutationAddLoadBalancerBackendArgs, 'input'>>;
  addRaftMember?: Resolver<ResolversTypes['RaftMembership'], ParentType, ContextType, RequireFields<MutationAddRaftMemberArgs, 'autoPromote' | 'nodeId'>>;
  addReplica?: Resolver<ResolversTypes['Replica'], ParentType, ContextType, RequireFields<MutationAddReplicaArgs, 'input'>>;
  addServiceInstance?: Resolver<ResolversTypes['DatabaseInstance'], ParentType, ContextType, RequireFields<MutationAddServiceInstanceArgs, 'instance' | 'regionId' | 'service'>>;
  addServiceRegion?: Resolver<ResolversTypes['ServiceRegion'], ParentType, ContextType, RequireFields<MutationAddServiceRegionArgs, 'region' | 'service'>>;
  addShard?: Resolver<ResolversTypes['Shard'], ParentType, ContextType, RequireFields<MutationAddShardArgs, 'shard' | 'table'>>;
  addSiteToGroup?: Resolver<ResolversTypes['ReplicationGroup'], ParentType, ContextType, RequireFields<MutationAddSiteToGroupArgs, 'groupId' | 'site'>>;
  advanceClock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType, RequireFields<MutationAdvanceClockArgs, 'ms'>>;
  assignShard?: Resolver<ResolversTypes['ClusterShard'], ParentType, ContextType, RequireFields<MutationAssignShardArgs, 'nodeId' | 'role' | 'shardId'>>;
  beginDistributedTransaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType, RequireFields<MutationBeginDistributedTransactionArgs, 'input'>>;
  cancelShardRebalance?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, RequireFields<MutationCancelShardRebalanceArgs, 'planId'>>;
  commitDistributedTransaction?: Resolver<ResolversTypes['DistributedCommitResult'], ParentType, ContextType, RequireFields<MutationCommitDistributedTransactionArgs, 'id'>>;
  commitXaTransaction?: Resolver<ResolversTypes['XaTransaction'], ParentType, ContextType, RequireFields<MutationCommitXaTransactionArgs, 'onePhase' | 'xid'>>;
  configureReplication?: Resolver<ResolversTypes['ReplicationConfig'], ParentType, ContextType, RequireFields<MutationConfigureReplicationArgs, 'config'>>;
  createAccessToken?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType, Partial<MutationCreateAccessTokenArgs>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createChannelAlertRule?: Resolver<ResolversTypes['ChannelAlertRule'], ParentType, ContextType, RequireFields<MutationCreateChannelAlertRuleArgs, 'input'>>;
  createGeoDatacenter?: Resolver<ResolversTypes['GeoDatacenter'], ParentType, ContextType, RequireFields<MutationCreateGeoDatacenterArgs, 'input'>>;
  createGeoStream?: Resolver<ResolversTypes['GeoStream'], ParentType, ContextType, RequireFields<MutationCreateGeoStreamArgs, 'input'>>;
  createMigrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<MutationCreateMigrationTaskArgs, 'input'>>;
  createPublication?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationCreatePublicationArgs, 'input'>>;
  createReplicationAlertRule?: Resolver<ResolversTypes['ReplicationAlertRule'], ParentType, ContextType, RequireFields<MutationCreateReplicationAlertRuleArgs, 'input'>>;
  createReplicationGroup?: Resolver<ResolversTypes['ReplicationGroup'], ParentType, ContextType, RequireFields<MutationCreateReplicationGroupArgs, 'input'>>;
  createReplicationSlot?: Resolver<ResolversTypes['ReplicationSlot'], ParentType, ContextType, RequireFields<MutationCreateReplicationSlotArgs, 'input'>>;
  createReplicationSnapshot?: Resolver<ResolversTypes['ReplicationSnapshot'], ParentType, ContextType, Partial<MutationCreateReplicationSnapshotArgs>>;
  createShardedTable?: Resolver<ResolversTypes['ShardedTable'], ParentType, ContextType, RequireFields<MutationCreateShardedTableArgs, 'input'>>;
  createSubscription?: Resolver<ResolversTypes['LogicalSubscription'], ParentType, ContextType, RequireFields<MutationCreateSubscriptionArgs, 'input'>>;
  deleteChannelAlertRule?: Resolver<ResolversTypes['ChannelAlertRule'], ParentType, ContextType, RequireFields<MutationDeleteChannelAlertRuleArgs, 'id'>>;
  deleteGeoDatacenter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteGeoDatacenterArgs, 'id'>>;
  deleteMigrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<MutationDeleteMigrationTaskArgs, 'taskId'>>;
  deleteReplicationGroup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteReplicationGroupArgs, 'id'>>;
  deleteReplicationSlot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteReplicationSlotArgs, 'name'>>;
  deleteReplicationSnapshot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteReplicationSnapshotArgs, 'id'>>;
  deleteXaResourceManager?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteXaResourceManagerArgs, 'name'>>;
  disableSubscription?: Resolver<ResolversTypes['LogicalSubscription'], ParentType, ContextType, RequireFields<MutationDisableSubscriptionArgs, 'name'>>;
  dropPublication?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDropPublicationArgs, 'name'>>;
  dropShardedTable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDropShardedTableArgs, 'table'>>;
  dropSubscription?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDropSubscriptionArgs, 'name'>>;
  enableSubscription?: Resolver<ResolversTypes['LogicalSubscription'], ParentType, ContextType, RequireFields<MutationEnableSubscriptionArgs, 'name'>>;
  endXaTransaction?: Resolver<ResolversTypes['XaTransaction'], ParentType, ContextType, RequireFields<MutationEndXaTransactionArgs, 'xid'>>;
  executeDistributedQuery?: Resolver<ResolversTypes['DistributedQueryExecution'], ParentType, ContextType, RequireFields<MutationExecuteDistributedQueryArgs, 'query'>>;
  executeParallelQuery?: Resolver<Maybe<ResolversTypes['ParallelQueryJob']>, ParentType, ContextType, RequireFields<MutationExecuteParallelQueryArgs, 'query'>>;
  executeRebalance?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, RequireFields<MutationExecuteRebalanceArgs, 'planId'>>;
  forgetHeuristicTransaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType, RequireFields<MutationForgetHeuristicTransactionArgs, 'id'>>;
  healFault?: Resolver<ResolversTypes['Fault'], ParentType, ContextType, RequireFields<MutationHealFaultArgs, 'id'>>;
  initiateRacRecovery?: Resolver<ResolversTypes['InstanceRecovery'], ParentType, ContextType, RequireFields<MutationInitiateRacRecoveryArgs, 'instanceId'>>;
  injectFault?: Resolver<ResolversTypes['Fault'], ParentType, ContextType, RequireFields<MutationInjectFaultArgs, 'input'>>;
  joinMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationJoinMemberArgs, 'input'>>;
  leaveMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationLeaveMemberArgs, 'memberId'>>;
  pauseMigrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<MutationPauseMigrationTaskArgs, 'taskId'>>;
  pauseReplica?: Resolver<ResolversTypes['Replica'], ParentType, ContextType, RequireFields<MutationPauseReplicaArgs, 'id'>>;
  pauseShardRebalance?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, RequireFields<MutationPauseShardRebalanceArgs, 'planId'>>;
  planShardRebalance?: Resolver<ResolversTypes['ShardRebalancePlan'], ParentType, ContextType, Partial<MutationPlanShardRebalanceArgs>>;
  prepareDistributedTransaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType, RequireFields<MutationPrepareDistributedTransactionArgs, 'id'>>;
  prepareXaTransaction?: Resolver<ResolversTypes['XaTransaction'], ParentType, ContextType, RequireFields<MutationPrepareXaTransactionArgs, 'xid'>>;
  racFlushCache?: Resolver<ResolversTypes['FlushResult'], ParentType, ContextType, RequireFields<MutationRacFlushCacheArgs, 'flushDirty' | 'invalidateClean'>>;
  racGrdRemaster?: Resolver<ResolversTypes['RemasterResult'], ParentType, ContextType, RequireFields<MutationRacGrdRemasterArgs, 'force'>>;
  racRebalance?: Resolver<ResolversTypes['RebalanceResult'], ParentType, ContextType>;
  raftAppendEntries?: Resolver<ResolversTypes['AppendEntriesResponse'], ParentType, ContextType, RequireFields<MutationRaftAppendEntriesArgs, 'entries'>>;
  raftCreateSnapshot?: Resolver<ResolversTypes['SnapshotInfo'], ParentType, ContextType, Partial<MutationRaftCreateSnapshotArgs>>;
  raftRequestVote?: Resolver<ResolversTypes['VoteResponse'], ParentType, ContextType, RequireFields<MutationRaftRequestVoteArgs, 'candidateId' | 'term'>>;
  rebalanceShards?: Resolver<ResolversTypes['ShardRebalancePlan'], ParentType, ContextType, RequireFields<MutationRebalanceShardsArgs, 'fromShard' | 'table' | 'toShard'>>;
  registerGlobalService?: Resolver<ResolversTypes['GlobalService'], ParentType, ContextType, RequireFields<MutationRegisterGlobalServiceArgs, 'input'>>;
  registerXaResourceManager?: Resolver<ResolversTypes['XaResourceManager'], ParentType, ContextType, RequireFields<MutationRegisterXaResourceManagerArgs, 'input'>>;
  remasterGRDResources?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType, RequireFields<MutationRemasterGrdResourcesArgs, 'nodeId'>>;
  remasterResource?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemasterResourceArgs, 'resourceId' | 'targetNode'>>;
  removeClusterNode?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveClusterNodeArgs, 'force' | 'nodeId'>>;
  removeGlobalService?: Resolver<ResolversTypes['GlobalService'], ParentType, ContextType, RequireFields<MutationRemoveGlobalServiceArgs, 'name'>>;
  removeLoadBalancerBackend?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveLoadBalancerBackendArgs, 'backendId' | 'force'>>;
  removeRaftMember?: Resolver<ResolversTypes['RaftMembership'], ParentType, ContextType, RequireFields<MutationRemoveRaftMemberArgs, 'force' | 'nodeId'>>;
  removeReplica?: Resolver<ResolversTypes['Replica'], ParentType, ContextType, RequireFields<MutationRemoveReplicaArgs, 'id'>>;
  removeServiceInstance?: Resolver<ResolversTypes['GlobalService'], ParentType, ContextType, RequireFields<MutationRemoveServiceInstanceArgs, 'instanceId' | 'regionId' | 'service'>>;
  removeServiceRegion?: Resolver<ResolversTypes['GlobalService'], ParentType, ContextType, RequireFields<MutationRemoveServiceRegionArgs, 'regionId' | 'service'>>;
  removeSiteFromGroup?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveSiteFromGroupArgs, 'groupId' | 'siteId'>>;
  replicateMultiMaster?: Resolver<ResolversTypes['MultiMasterReplicateResult'], ParentType, ContextType, RequireFields<MutationReplicateMultiMasterArgs, 'input'>>;
  resolveConflict?: Resolver<ResolversTypes['ConflictResolution'], ParentType, ContextType, RequireFields<MutationResolveConflictArgs, 'input'>>;
  resolveGeoReplicationConflict?: Resolver<ResolversTypes['MultiMasterConflict'], ParentType, ContextType, RequireFields<MutationResolveGeoReplicationConflictArgs, 'input'>>;
  resolveGroupConflict?: Resolver<ResolversTypes['GroupConflictResolution'], ParentType, ContextType, RequireFields<MutationResolveGroupConflictArgs, 'input'>>;
  resolveInDoubtTransaction?: Resolver<ResolversTypes['InDoubtResolution'], ParentType, ContextType, RequireFields<MutationResolveInDoubtTransactionArgs, 'dryRun' | 'id' | 'outcome'>>;
  restoreReplicationSnapshot?: Resolver<ResolversTypes['ReplicationSnapshotProgress'], ParentType, ContextType, RequireFields<MutationRestoreReplicationSnapshotArgs, 'id'>>;
  resumeMigrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<MutationResumeMigrationTaskArgs, 'taskId'>>;
  resumeReplica?: Resolver<ResolversTypes['Replica'], ParentType, ContextType, RequireFields<MutationResumeReplicaArgs, 'id'>>;
  resumeShardRebalance?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, RequireFields<MutationResumeShardRebalanceArgs, 'planId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rollbackDistributedTransaction?: Resolver<ResolversTypes['DistributedTransaction'], ParentType, ContextType, RequireFields<MutationRollbackDistributedTransactionArgs, 'id'>>;
  rollbackXaTransaction?: Resolver<ResolversTypes['XaTransaction'], ParentType, ContextType, RequireFields<MutationRollbackXaTransactionArgs, 'xid'>>;
  routeGlobalService?: Resolver<ResolversTypes['ServiceRouteDecision'], ParentType, ContextType, RequireFields<MutationRouteGlobalServiceArgs, 'input'>>;
  setClock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType, RequireFields<MutationSetClockArgs, 'input'>>;
  setExecutionStrategy?: Resolver<ResolversTypes['ExecutionStrategyChange'], ParentType, ContextType, RequireFields<MutationSetExecutionStrategyArgs, 'strategy'>>;
  setGeoStreamConsistencyLevel?: Resolver<ResolversTypes['GeoStream'], ParentType, ContextType, RequireFields<MutationSetGeoStreamConsistencyLevelArgs, 'consistencyLevel' | 'id'>>;
  setLoadBalancerStrategy?: Resolver<ResolversTypes['LoadBalancerStrategyChange'], ParentType, ContextType, RequireFields<MutationSetLoadBalancerStrategyArgs, 'strategy'>>;
  setShardStatus?: Resolver<ResolversTypes['Shard'], ParentType, ContextType, RequireFields<MutationSetShardStatusArgs, 'id' | 'status' | 'table'>>;
  setWorkload?: Resolver<ResolversTypes['Workload'], ParentType, ContextType, RequireFields<MutationSetWorkloadArgs, 'input'>>;
  simulateReplicationConflict?: Resolver<ResolversTypes['ReplicationConflict'], ParentType, ContextType, RequireFields<MutationSimulateReplicationConflictArgs, 'input'>>;
  startMigrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<MutationStartMigrationTaskArgs, 'taskId'>>;
  startRacCluster?: Resolver<ResolversTypes['RacClusterStatus'], ParentType, ContextType>;
  startXaTransaction?: Resolver<ResolversTypes['XaTransaction'], ParentType, ContextType, RequireFields<MutationStartXaTransactionArgs, 'input'>>;
  stopRacCluster?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  takeApplyCheckpoint?: Resolver<Array<ResolversTypes['ApplyCheckpoint']>, ParentType, ContextType, Partial<MutationTakeApplyCheckpointArgs>>;
  testFailover?: Resolver<ResolversTypes['FailoverTestResult'], ParentType, ContextType, Partial<MutationTestFailoverArgs>>;
  triggerFailover?: Resolver<ResolversTypes['FailoverResult'], ParentType, ContextType, RequireFields<MutationTriggerFailoverArgs, 'input'>>;
  triggerReplicationFailover?: Resolver<ResolversTypes['ReplicationFailoverResult'], ParentType, ContextType, Partial<MutationTriggerReplicationFailoverArgs>>;
  updateApplyConfig?: Resolver<ResolversTypes['ApplyConfig'], ParentType, ContextType, RequireFields<MutationUpdateApplyConfigArgs, 'config'>>;
  updateChannelAlertRule?: Resolver<ResolversTypes['ChannelAlertRule'], ParentType, ContextType, RequireFields<MutationUpdateChannelAlertRuleArgs, 'id' | 'input'>>;
  updateClusterConfig?: Resolver<ResolversTypes['ClusterInfo'], ParentType, ContextType, RequireFields<MutationUpdateClusterConfigArgs, 'config'>>;
  updateFailoverConfig?: Resolver<ResolversTypes['FailoverConfig'], ParentType, ContextType, RequireFields<MutationUpdateFailoverConfigArgs, 'config'>>;
  updateGlobalService?: Resolver<ResolversTypes['GlobalService'], ParentType, ContextType, RequireFields<MutationUpdateGlobalServiceArgs, 'input' | 'name'>>;
  updateParallelQueryConfig?: Resolver<ResolversTypes['ParallelQueryConfig'], ParentType, ContextType, RequireFields<MutationUpdateParallelQueryConfigArgs, 'input'>>;
  updatePublication?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationUpdatePublicationArgs, 'input' | 'name'>>;
  updateRacRecoveryConfig?: Resolver<ResolversTypes['RecoveryConfig'], ParentType, ContextType, RequireFields<MutationUpdateRacRecoveryConfigArgs, 'input'>>;
  updateReplicationGroup?: Resolver<ResolversTypes['ReplicationGroup'], ParentType, ContextType, RequireFields<MutationUpdateReplicationGroupArgs, 'id' | 'input'>>;
  updateShardedTable?: Resolver<ResolversTypes['ShardedTable'], ParentType, ContextType, RequireFields<MutationUpdateShardedTableArgs, 'input' | 'table'>>;
  updateSubscription?: Resolver<ResolversTypes['LogicalSubscription'], ParentType, ContextType, RequireFields<MutationUpdateSubscriptionArgs, 'input' | 'name'>>;
  writeShardedRows?: Resolver<ResolversTypes['ShardedRowsWritten'], ParentType, ContextType, RequireFields<MutationWriteShardedRowsArgs, 'rows' | 'table'>>;
};

export type NetworkMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NetworkMetrics'] = ResolversParentTypes['NetworkMetrics']> = {
  delivered?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  dropped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  inFlight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type NodeCapacityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeCapacity'] = ResolversParentTypes['NodeCapacity']> = {
  availableMemoryGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cpuCores?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networkBandwidthMbps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storageCapacityGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalMemoryGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NodeHealthDetailResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeHealthDetail'] = ResolversParentTypes['NodeHealthDetail']> = {
  isLeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isVoter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lagEntries?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastHeartbeat?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  missedHeartbeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openIssueIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  raftState?: Resolver<Maybe<ResolversTypes['RaftNodeState']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['NodeRole'], ParentType, ContextType>;
  silenceMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NodeStatus'], ParentType, ContextType>;
  statusSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type NodeLoadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeLoad'] = ResolversParentTypes['NodeLoad']> = {
  bytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  shards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NodeRoleProbeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeRoleProbe'] = ResolversParentTypes['NodeRoleProbe']> = {
  lagBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lagMs?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  leader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  probe?: Resolver<ResolversTypes['NodeProbeRole'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicationRole?: Resolver<ResolversTypes['ReplicationRole'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type NodeSnapshotResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeSnapshot'] = ResolversParentTypes['NodeSnapshot']> = {
  entriesCompacted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastIncludedIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastIncludedTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type NodeStatusEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeStatusEvent'] = ResolversParentTypes['NodeStatusEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['ClusterNode']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['NodeStatus']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['NodeStatus']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ObserverBeliefResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ObserverBelief'] = ResolversParentTypes['ObserverBelief']> = {
  incarnation?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastStateChange?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  observerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['MemberState']>, ParentType, ContextType>;
  suspicion?: Resolver<Maybe<ResolversTypes['Suspicion']>, ParentType, ContextType>;
};

export type ObserverCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ObserverCounts'] = ResolversParentTypes['ObserverCounts']> = {
  alive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  left?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suspect?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unaware?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OperationMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OperationMetrics'] = ResolversParentTypes['OperationMetrics']> = {
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  maxLatencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanLatencyMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  operationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ParallelQueryAggregateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryAggregate'] = ResolversParentTypes['ParallelQueryAggregate']> = {
  alias?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  function?: Resolver<ResolversTypes['AggregateFunction'], ParentType, ContextType>;
};

export type ParallelQueryConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryConfig'] = ResolversParentTypes['ParallelQueryConfig']> = {
  adaptive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  granuleBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxDop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ParallelQueryEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryEvent'] = ResolversParentTypes['ParallelQueryEvent']> = {
  blocksRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  dop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  granules?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  queryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resultRows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParallelQueryStatus'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ParallelQueryFilterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryFilter'] = ResolversParentTypes['ParallelQueryFilter']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type ParallelQueryGranuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryGranule'] = ResolversParentTypes['ParallelQueryGranule']> = {
  blocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBlock?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  granuleId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastBlock?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParallelQueryStatus'], ParentType, ContextType>;
};

export type ParallelQueryJobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryJob'] = ResolversParentTypes['ParallelQueryJob']> = {
  blocksRead?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cacheFusionTransfers?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['ParallelQueryPlan'], ParentType, ContextType>;
  queryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['ParallelQueryResult']>, ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParallelQueryStatus'], ParentType, ContextType>;
};

export type ParallelQueryPlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryPlan'] = ResolversParentTypes['ParallelQueryPlan']> = {
  adaptiveReduced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  aggregates?: Resolver<Array<ResolversTypes['ParallelQueryAggregate']>, ParentType, ContextType>;
  coordinatorInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  granules?: Resolver<Array<ResolversTypes['ParallelQueryGranule']>, ParentType, ContextType>;
  groupBy?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  instances?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  plannedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  queryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedDop?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  where?: Resolver<Array<ResolversTypes['ParallelQueryFilter']>, ParentType, ContextType>;
};

export type ParallelQueryResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryResult'] = ResolversParentTypes['ParallelQueryResult']> = {
  columns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type ParallelQueryStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParallelQueryStatistics'] = ResolversParentTypes['ParallelQueryStatistics']> = {
  activeQueries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  adaptiveReductions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  avgDop?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  avgDurationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  blocksRead?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  completedQueries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['ParallelQueryConfig'], ParentType, ContextType>;
  failedQueries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  queriesByAggregate?: Resolver<ResolversTypes['AggregateCounts'], ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalGranules?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalQueries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ParticipantResolutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ParticipantResolution'] = ResolversParentTypes['ParticipantResolution']> = {
  action?: Resolver<ResolversTypes['ResolutionAction'], ParentType, ContextType>;
  locksReleased?: Resolver<Array<ResolversTypes['RowLock']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rowsWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ParticipantState'], ParentType, ContextType>;
};

export type PerformanceMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PerformanceMetrics'] = ResolversParentTypes['PerformanceMetrics']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cpuCoresUsed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cpuSystemSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cpuUserSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventLoopDelay?: Resolver<Maybe<ResolversTypes['EventLoopDelay']>, ParentType, ContextType>;
  heapTotalBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  heapUsedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  intervalSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latency?: Resolver<ResolversTypes['LatencyPercentiles'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rssBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type PiggybackEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PiggybackEntry'] = ResolversParentTypes['PiggybackEntry']> = {
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  memberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  remainingTransmissions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MemberState'], ParentType, ContextType>;
  transmissions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlannedShardMoveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlannedShardMove'] = ResolversParentTypes['PlannedShardMove']> = {
  bytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  estimatedDurationMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  shardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PrincipalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Principal'] = ResolversParentTypes['Principal']> = {
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type ProcessMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProcessMetrics'] = ResolversParentTypes['ProcessMetrics']> = {
  heapUsedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rssBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PublicationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Publication'] = ResolversParentTypes['Publication']> = {
  allTables?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publish?: Resolver<Array<ResolversTypes['PublishOperation']>, ParentType, ContextType>;
  subscriptionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['PublishedTable']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PublishedTableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublishedTable'] = ResolversParentTypes['PublishedTable']> = {
  columns?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  masks?: Resolver<Array<ResolversTypes['ColumnMask']>, ParentType, ContextType>;
  rowFilter?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  activeParallelQueries?: Resolver<Array<ResolversTypes['ParallelQueryJob']>, ParentType, ContextType, RequireFields<QueryActiveParallelQueriesArgs, 'limit' | 'offset'>>;
  alertHistory?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType, RequireFields<QueryAlertHistoryArgs, 'limit' | 'offset'>>;
  alerts?: Resolver<Array<ResolversTypes['Alert']>, ParentType, ContextType, RequireFields<QueryAlertsArgs, 'limit' | 'offset'>>;
  analyzeShardKey?: Resolver<ResolversTypes['ShardKeyAnalysis'], ParentType, ContextType, RequireFields<QueryAnalyzeShardKeyArgs, 'keyColumns' | 'table'>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'limit' | 'offset'>>;
  apiVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  applyCheckpoints?: Resolver<Array<ResolversTypes['ApplyCheckpoint']>, ParentType, ContextType, RequireFields<QueryApplyCheckpointsArgs, 'limit' | 'offset'>>;
  applyConfig?: Resolver<ResolversTypes['ApplyConfig'], ParentType, ContextType>;
  applyStatistics?: Resolver<ResolversTypes['ApplyStatistics'], ParentType, ContextType, Partial<QueryApplyStatisticsArgs>>;
  applyStatus?: Resolver<Array<ResolversTypes['ApplierStatus']>, ParentType, ContextType, RequireFields<QueryApplyStatusArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  applyTransactions?: Resolver<Array<ResolversTypes['ApplyTransaction']>, ParentType, ContextType, RequireFields<QueryApplyTransactionsArgs, 'limit' | 'offset'>>;
  auditEntries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAuditEntriesArgs, 'limit' | 'offset' | 'order'>>;
  bufferPoolStats?: Resolver<Maybe<ResolversTypes['BufferPoolStats']>, ParentType, ContextType>;
  cacheFusionStats?: Resolver<ResolversTypes['CacheFusionStats'], ParentType, ContextType>;
  cacheFusionTransfers?: Resolver<Array<ResolversTypes['CacheFusionTransfer']>, ParentType, ContextType, RequireFields<QueryCacheFusionTransfersArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  channelAlertRules?: Resolver<Array<ResolversTypes['ChannelAlertRule']>, ParentType, ContextType, RequireFields<QueryChannelAlertRulesArgs, 'limit' | 'offset'>>;
  channelConflicts?: Resolver<Array<ResolversTypes['ChannelConflicts']>, ParentType, ContextType, RequireFields<QueryChannelConflictsArgs, 'limit' | 'offset'>>;
  channelErrors?: Resolver<Array<ResolversTypes['ChannelErrors']>, ParentType, ContextType, RequireFields<QueryChannelErrorsArgs, 'limit' | 'offset'>>;
  channelLag?: Resolver<Array<ResolversTypes['ChannelLag']>, ParentType, ContextType, RequireFields<QueryChannelLagArgs, 'limit' | 'offset'>>;
  channelThroughput?: Resolver<Array<ResolversTypes['ChannelThroughput']>, ParentType, ContextType, RequireFields<QueryChannelThroughputArgs, 'limit' | 'offset'>>;
  channelTimeSeries?: Resolver<ResolversTypes['ChannelTimeSeries'], ParentType, ContextType, RequireFields<QueryChannelTimeSeriesArgs, 'channelId' | 'maxPoints' | 'metric'>>;
  clock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType>;
  cluster?: Resolver<Maybe<ResolversTypes['ClusterInfo']>, ParentType, ContextType>;
  clusterConfig?: Resolver<ResolversTypes['ClusterConfig'], ParentType, ContextType>;
  clusterHealth?: Resolver<ResolversTypes['ClusterHealth'], ParentType, ContextType>;
  clusterNode?: Resolver<Maybe<ResolversTypes['ClusterNode']>, ParentType, ContextType, RequireFields<QueryClusterNodeArgs, 'nodeId'>>;
  clusterNodes?: Resolver<Array<ResolversTypes['ClusterNode']>, ParentType, ContextType, RequireFields<QueryClusterNodesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  clusterReplication?: Resolver<ResolversTypes['ClusterReplication'], ParentType, ContextType>;
  clusterShard?: Resolver<ResolversTypes['ClusterShard'], ParentType, ContextType, RequireFields<QueryClusterShardArgs, 'shardId'>>;
  clusterStatus?: Resolver<ResolversTypes['ClusterStatus'], ParentType, ContextType>;
  clusterTopology?: Resolver<ResolversTypes['ClusterTopology'], ParentType, ContextType>;
  clusteringStatus?: Resolver<ResolversTypes['ClusteringStatus'], ParentType, ContextType>;
  conflictCrdts?: Resolver<Array<ResolversTypes['CrdtTypeInfo']>, ParentType, ContextType>;
  conflictPredictions?: Resolver<ResolversTypes['ConflictPredictions'], ParentType, ContextType, Partial<QueryConflictPredictionsArgs>>;
  conflictStatistics?: Resolver<ResolversTypes['ConflictStatistics'], ParentType, ContextType>;
  conflictStrategies?: Resolver<Array<ResolversTypes['ConflictStrategyInfo']>, ParentType, ContextType>;
  detailedClusterHealth?: Resolver<ResolversTypes['DetailedClusterHealth'], ParentType, ContextType>;
  dhtNodes?: Resolver<Array<ResolversTypes['DhtNode']>, ParentType, ContextType, RequireFields<QueryDhtNodesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  dhtRing?: Resolver<Array<ResolversTypes['DhtRingEntry']>, ParentType, ContextType, RequireFields<QueryDhtRingArgs, 'limit' | 'offset'>>;
  dhtStatistics?: Resolver<ResolversTypes['DhtStatistics'], ParentType, ContextType>;
  distributeQuery?: Resolver<ResolversTypes['DistributedQueryPlan'], ParentType, ContextType, RequireFields<QueryDistributeQueryArgs, 'input'>>;
  distributedQueryPlan?: Resolver<Maybe<ResolversTypes['DistributedQueryExecution']>, ParentType, ContextType, RequireFields<QueryDistributedQueryPlanArgs, 'id'>>;
  distributedQueryPlans?: Resolver<Array<ResolversTypes['DistributedQueryExecution']>, ParentType, ContextType, RequireFields<QueryDistributedQueryPlansArgs, 'limit' | 'offset'>>;
  distributedQueryStatistics?: Resolver<ResolversTypes['DistributedQueryStatistics'], ParentType, ContextType>;
  distributedTransaction?: Resolver<Maybe<ResolversTypes['DistributedTransaction']>, ParentType, ContextType, RequireFields<QueryDistributedTransactionArgs, 'id'>>;
  distributedTransactionStatistics?: Resolver<ResolversTypes['DistributedTransactionStatistics'], ParentType, ContextType>;
  distributedTransactions?: Resolver<Array<ResolversTypes['DistributedTransaction']>, ParentType, ContextType, RequireFields<QueryDistributedTransactionsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  events?: Resolver<ResolversTypes['EventPage'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'after' | 'limit'>>;
  explainDistributedQuery?: Resolver<ResolversTypes['ShardedQueryPlan'], ParentType, ContextType, RequireFields<QueryExplainDistributedQueryArgs, 'query'>>;
  failoverConfig?: Resolver<ResolversTypes['FailoverConfig'], ParentType, ContextType>;
  failoverHistory?: Resolver<Array<ResolversTypes['FailoverResult']>, ParentType, ContextType, RequireFields<QueryFailoverHistoryArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  failoverStatistics?: Resolver<ResolversTypes['FailoverStatistics'], ParentType, ContextType>;
  faults?: Resolver<Array<ResolversTypes['Fault']>, ParentType, ContextType, RequireFields<QueryFaultsArgs, 'limit' | 'offset'>>;
  gdsHealth?: Resolver<Array<ResolversTypes['GlobalServiceHealth']>, ParentType, ContextType>;
  gdsLatencies?: Resolver<ResolversTypes['RegionLatencyMatrix'], ParentType, ContextType>;
  gdsServices?: Resolver<Array<ResolversTypes['GlobalService']>, ParentType, ContextType>;
  gdsStatistics?: Resolver<ResolversTypes['GdsStatistics'], ParentType, ContextType>;
  geoConsistencyForecast?: Resolver<ResolversTypes['ConsistencyForecast'], ParentType, ContextType, RequireFields<QueryGeoConsistencyForecastArgs, 'input'>>;
  geoDatacenter?: Resolver<Maybe<ResolversTypes['GeoDatacenter']>, ParentType, ContextType, RequireFields<QueryGeoDatacenterArgs, 'id'>>;
  geoDatacenters?: Resolver<Array<ResolversTypes['GeoDatacenter']>, ParentType, ContextType, RequireFields<QueryGeoDatacentersArgs, 'limit' | 'offset'>>;
  geoReplicationConflicts?: Resolver<Array<ResolversTypes['MultiMasterConflict']>, ParentType, ContextType, RequireFields<QueryGeoReplicationConflictsArgs, 'limit' | 'offset'>>;
  geoReplicationStatistics?: Resolver<ResolversTypes['GeoReplicationStatistics'], ParentType, ContextType>;
  geoStreamStatus?: Resolver<Maybe<ResolversTypes['GeoStream']>, ParentType, ContextType, RequireFields<QueryGeoStreamStatusArgs, 'id'>>;
  geoStreams?: Resolver<Array<ResolversTypes['GeoStream']>, ParentType, ContextType, RequireFields<QueryGeoStreamsArgs, 'limit' | 'offset'>>;
  geoVectorClock?: Resolver<ResolversTypes['DatacenterVectorClock'], ParentType, ContextType, RequireFields<QueryGeoVectorClockArgs, 'datacenterId'>>;
  globalService?: Resolver<Maybe<ResolversTypes['GlobalService']>, ParentType, ContextType, RequireFields<QueryGlobalServiceArgs, 'name'>>;
  globalServiceInstances?: Resolver<Array<ResolversTypes['DatabaseInstance']>, ParentType, ContextType, RequireFields<QueryGlobalServiceInstancesArgs, 'regionId' | 'service'>>;
  globalServiceRegions?: Resolver<Array<ResolversTypes['ServiceRegion']>, ParentType, ContextType, RequireFields<QueryGlobalServiceRegionsArgs, 'service'>>;
  globalServices?: Resolver<Array<ResolversTypes['GlobalService']>, ParentType, ContextType, Partial<QueryGlobalServicesArgs>>;
  gossipState?: Resolver<ResolversTypes['GossipState'], ParentType, ContextType, RequireFields<QueryGossipStateArgs, 'limit' | 'offset'>>;
  grdAffinity?: Resolver<Array<ResolversTypes['GrdAffinity']>, ParentType, ContextType, RequireFields<QueryGrdAffinityArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  grdResources?: Resolver<Array<ResolversTypes['GrdResource']>, ParentType, ContextType, RequireFields<QueryGrdResourcesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  grdTopology?: Resolver<ResolversTypes['GrdTopology'], ParentType, ContextType>;
  groupConflictExplanation?: Resolver<Maybe<ResolversTypes['ConflictExplanation']>, ParentType, ContextType, RequireFields<QueryGroupConflictExplanationArgs, 'conflictId'>>;
  health?: Resolver<ResolversTypes['HealthReport'], ParentType, ContextType, RequireFields<QueryHealthArgs, 'probe'>>;
  healthHistory?: Resolver<Array<ResolversTypes['HealthSample']>, ParentType, ContextType, RequireFields<QueryHealthHistoryArgs, 'limit' | 'offset' | 'order'>>;
  healthIssues?: Resolver<Array<ResolversTypes['HealthIssue']>, ParentType, ContextType, RequireFields<QueryHealthIssuesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  inDoubtTransactions?: Resolver<Array<ResolversTypes['InDoubtTransaction']>, ParentType, ContextType, RequireFields<QueryInDoubtTransactionsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  loadBalancerBackend?: Resolver<Maybe<ResolversTypes['LoadBalancerBackend']>, ParentType, ContextType, RequireFields<QueryLoadBalancerBackendArgs, 'backendId'>>;
  loadBalancerBackends?: Resolver<Array<ResolversTypes['LoadBalancerBackend']>, ParentType, ContextType, RequireFields<QueryLoadBalancerBackendsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  loadBalancerConnections?: Resolver<Array<ResolversTypes['LoadBalancerConnection']>, ParentType, ContextType, RequireFields<QueryLoadBalancerConnectionsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  loadBalancerStatistics?: Resolver<ResolversTypes['LoadBalancerStatistics'], ParentType, ContextType>;
  logicalChanges?: Resolver<ResolversTypes['LogicalChanges'], ParentType, ContextType, RequireFields<QueryLogicalChangesArgs, 'limit'>>;
  logicalPublication?: Resolver<Maybe<ResolversTypes['Publication']>, ParentType, ContextType, RequireFields<QueryLogicalPublicationArgs, 'name'>>;
  logicalPublications?: Resolver<Array<ResolversTypes['Publication']>, ParentType, ContextType, RequireFields<QueryLogicalPublicationsArgs, 'limit' | 'offset'>>;
  logicalStatistics?: Resolver<ResolversTypes['LogicalStatistics'], ParentType, ContextType>;
  logicalSubscription?: Resolver<Maybe<ResolversTypes['LogicalSubscription']>, ParentType, ContextType, RequireFields<QueryLogicalSubscriptionArgs, 'name'>>;
  logicalSubscriptions?: Resolver<Array<ResolversTypes['LogicalSubscription']>, ParentType, ContextType, RequireFields<QueryLogicalSubscriptionsArgs, 'limit' | 'offset'>>;
  memberState?: Resolver<Maybe<ResolversTypes['MemberStateDetail']>, ParentType, ContextType, RequireFields<QueryMemberStateArgs, 'memberId'>>;
  members?: Resolver<Array<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMembersArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  metrics?: Resolver<ResolversTypes['Metrics'], ParentType, ContextType>;
  migrationStatistics?: Resolver<ResolversTypes['MigrationStatistics'], ParentType, ContextType>;
  migrationTask?: Resolver<ResolversTypes['MigrationTask'], ParentType, ContextType, RequireFields<QueryMigrationTaskArgs, 'taskId'>>;
  migrationTaskProgress?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, RequireFields<QueryMigrationTaskProgressArgs, 'taskId'>>;
  migrationTasks?: Resolver<ResolversTypes['MigrationTaskPage'], ParentType, ContextType, Partial<QueryMigrationTasksArgs>>;
  monitoredChannels?: Resolver<Array<ResolversTypes['MonitoredChannel']>, ParentType, ContextType, RequireFields<QueryMonitoredChannelsArgs, 'limit' | 'offset'>>;
  multiMasterConvergenceStatus?: Resolver<Array<ResolversTypes['MultiMasterConvergenceReport']>, ParentType, ContextType, RequireFields<QueryMultiMasterConvergenceStatusArgs, 'limit' | 'offset'>>;
  multiMasterGroup?: Resolver<Maybe<ResolversTypes['ReplicationGroup']>, ParentType, ContextType, RequireFields<QueryMultiMasterGroupArgs, 'id'>>;
  multiMasterGroups?: Resolver<Array<ResolversTypes['ReplicationGroup']>, ParentType, ContextType, RequireFields<QueryMultiMasterGroupsArgs, 'limit' | 'offset'>>;
  multiMasterQuorumStatus?: Resolver<Array<ResolversTypes['MultiMasterQuorumStatus']>, ParentType, ContextType, RequireFields<QueryMultiMasterQuorumStatusArgs, 'limit' | 'offset'>>;
  multiMasterSites?: Resolver<Array<ResolversTypes['MultiMasterSite']>, ParentType, ContextType, RequireFields<QueryMultiMasterSitesArgs, 'limit' | 'offset'>>;
  multiMasterStatistics?: Resolver<ResolversTypes['MultiMasterStatistics'], ParentType, ContextType>;
  nodeRoleProbe?: Resolver<ResolversTypes['NodeRoleProbe'], ParentType, ContextType, RequireFields<QueryNodeRoleProbeArgs, 'nodeId' | 'role'>>;
  parallelQueryPlans?: Resolver<Array<ResolversTypes['ParallelQueryPlan']>, ParentType, ContextType, RequireFields<QueryParallelQueryPlansArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  parallelQueryStatistics?: Resolver<ResolversTypes['ParallelQueryStatistics'], ParentType, ContextType>;
  parallelQueryStatus?: Resolver<Maybe<ResolversTypes['ParallelQueryJob']>, ParentType, ContextType, Partial<QueryParallelQueryStatusArgs>>;
  prometheusMetrics?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  racActiveRecoveries?: Resolver<Array<ResolversTypes['InstanceRecovery']>, ParentType, ContextType, RequireFields<QueryRacActiveRecoveriesArgs, 'limit' | 'offset'>>;
  racCacheFusionStats?: Resolver<ResolversTypes['CacheFusionStats'], ParentType, ContextType>;
  racCacheFusionStatus?: Resolver<ResolversTypes['CacheFusionStatus'], ParentType, ContextType>;
  racCluster?: Resolver<ResolversTypes['RacCluster'], ParentType, ContextType>;
  racClusterStatistics?: Resolver<ResolversTypes['RacStatistics'], ParentType, ContextType>;
  racClusterStatus?: Resolver<ResolversTypes['RacClusterStatus'], ParentType, ContextType>;
  racGrdTopology?: Resolver<ResolversTypes['GrdTopology'], ParentType, ContextType>;
  racInstances?: Resolver<Array<ResolversTypes['RacInstance']>, ParentType, ContextType, RequireFields<QueryRacInstancesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  racInterconnectLatency?: Resolver<ResolversTypes['InterconnectLatency'], ParentType, ContextType>;
  racInterconnectStatistics?: Resolver<ResolversTypes['InterconnectStats'], ParentType, ContextType>;
  racInterconnectStatus?: Resolver<ResolversTypes['InterconnectStatus'], ParentType, ContextType>;
  racRecoveryConfig?: Resolver<ResolversTypes['RecoveryConfig'], ParentType, ContextType>;
  racRecoveryHistory?: Resolver<Array<ResolversTypes['InstanceRecovery']>, ParentType, ContextType, RequireFields<QueryRacRecoveryHistoryArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  racRecoveryStatus?: Resolver<Array<ResolversTypes['RecoveryStatus']>, ParentType, ContextType>;
  raftLeader?: Resolver<ResolversTypes['RaftLeader'], ParentType, ContextType>;
  raftLog?: Resolver<Array<ResolversTypes['RaftLogEntry']>, ParentType, ContextType, RequireFields<QueryRaftLogArgs, 'limit' | 'offset' | 'order'>>;
  raftLogSummary?: Resolver<ResolversTypes['RaftLogSummary'], ParentType, ContextType, Partial<QueryRaftLogSummaryArgs>>;
  raftMembers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  raftMembership?: Resolver<ResolversTypes['RaftMembership'], ParentType, ContextType>;
  raftState?: Resolver<ResolversTypes['RaftState'], ParentType, ContextType, Partial<QueryRaftStateArgs>>;
  replica?: Resolver<Maybe<ResolversTypes['Replica']>, ParentType, ContextType, RequireFields<QueryReplicaArgs, 'id'>>;
  replicas?: Resolver<Array<ResolversTypes['Replica']>, ParentType, ContextType, RequireFields<QueryReplicasArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  replicationAlerts?: Resolver<Array<ResolversTypes['ReplicationAlert']>, ParentType, ContextType, RequireFields<QueryReplicationAlertsArgs, 'limit' | 'offset'>>;
  replicationChannels?: Resolver<Array<ResolversTypes['ReplicationChannel']>, ParentType, ContextType, RequireFields<QueryReplicationChannelsArgs, 'limit' | 'offset'>>;
  replicationConfig?: Resolver<Maybe<ResolversTypes['ReplicationConfig']>, ParentType, ContextType>;
  replicationConflicts?: Resolver<Array<ResolversTypes['ReplicationConflict']>, ParentType, ContextType, RequireFields<QueryReplicationConflictsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  replicationDashboard?: Resolver<ResolversTypes['ReplicationDashboard'], ParentType, ContextType>;
  replicationLag?: Resolver<ResolversTypes['ReplicationLagReport'], ParentType, ContextType, Partial<QueryReplicationLagArgs>>;
  replicationLagHistory?: Resolver<Array<ResolversTypes['ReplicationLagSample']>, ParentType, ContextType, RequireFields<QueryReplicationLagHistoryArgs, 'limit' | 'offset'>>;
  replicationMonitoringDashboard?: Resolver<ResolversTypes['ReplicationMonitoringDashboard'], ParentType, ContextType>;
  replicationSlot?: Resolver<Maybe<ResolversTypes['ReplicationSlot']>, ParentType, ContextType, RequireFields<QueryReplicationSlotArgs, 'name'>>;
  replicationSlots?: Resolver<Array<ResolversTypes['ReplicationSlot']>, ParentType, ContextType, RequireFields<QueryReplicationSlotsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  replicationSnapshot?: Resolver<Maybe<ResolversTypes['ReplicationSnapshot']>, ParentType, ContextType, RequireFields<QueryReplicationSnapshotArgs, 'id'>>;
  replicationSnapshotProgress?: Resolver<Maybe<ResolversTypes['ReplicationSnapshotProgress']>, ParentType, ContextType, RequireFields<QueryReplicationSnapshotProgressArgs, 'id'>>;
  replicationSnapshots?: Resolver<Array<ResolversTypes['ReplicationSnapshot']>, ParentType, ContextType, RequireFields<QueryReplicationSnapshotsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  replicationStatistics?: Resolver<ResolversTypes['ReplicationStatistics'], ParentType, ContextType>;
  replicationStatus?: Resolver<ResolversTypes['ReplicationStatus'], ParentType, ContextType>;
  routeDhtKey?: Resolver<ResolversTypes['DhtRouteResult'], ParentType, ContextType, RequireFields<QueryRouteDhtKeyArgs, 'replicas'>>;
  shardRebalance?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType, Partial<QueryShardRebalanceArgs>>;
  shardRoute?: Resolver<ResolversTypes['ShardRoute'], ParentType, ContextType, RequireFields<QueryShardRouteArgs, 'input'>>;
  shardRows?: Resolver<Array<ResolversTypes['JSON']>, ParentType, ContextType, RequireFields<QueryShardRowsArgs, 'id' | 'limit' | 'offset' | 'table'>>;
  shardedTable?: Resolver<Maybe<ResolversTypes['ShardedTable']>, ParentType, ContextType, RequireFields<QueryShardedTableArgs, 'table'>>;
  shardedTables?: Resolver<Array<ResolversTypes['ShardedTable']>, ParentType, ContextType, RequireFields<QueryShardedTablesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  shardingStatistics?: Resolver<ResolversTypes['ShardingStatistics'], ParentType, ContextType, Partial<QueryShardingStatisticsArgs>>;
  shards?: Resolver<Array<ResolversTypes['ClusterShard']>, ParentType, ContextType, RequireFields<QueryShardsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  suspectedNodes?: Resolver<Array<ResolversTypes['SuspectedNode']>, ParentType, ContextType, RequireFields<QuerySuspectedNodesArgs, 'limit' | 'offset'>>;
  tableShard?: Resolver<Maybe<ResolversTypes['Shard']>, ParentType, ContextType, RequireFields<QueryTableShardArgs, 'id' | 'table'>>;
  tableShards?: Resolver<Array<ResolversTypes['Shard']>, ParentType, ContextType, RequireFields<QueryTableShardsArgs, 'limit' | 'offset' | 'order' | 'sortBy' | 'table'>>;
  workload?: Resolver<ResolversTypes['Workload'], ParentType, ContextType>;
  wsConnections?: Resolver<Array<ResolversTypes['WebSocketConnection']>, ParentType, ContextType, RequireFields<QueryWsConnectionsArgs, 'limit' | 'offset'>>;
  wsStatus?: Resolver<ResolversTypes['WebSocketStatus'], ParentType, ContextType>;
  wsSubscriptions?: Resolver<Array<ResolversTypes['StreamSubscription']>, ParentType, ContextType, RequireFields<QueryWsSubscriptionsArgs, 'limit' | 'offset'>>;
  xaRecover?: Resolver<Array<ResolversTypes['XaRecoveredTransaction']>, ParentType, ContextType, RequireFields<QueryXaRecoverArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  xaResourceManagers?: Resolver<Array<ResolversTypes['XaResourceManager']>, ParentType, ContextType, RequireFields<QueryXaResourceManagersArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  xaStatistics?: Resolver<ResolversTypes['XaStatistics'], ParentType, ContextType>;
  xaTransaction?: Resolver<Maybe<ResolversTypes['XaTransaction']>, ParentType, ContextType, RequireFields<QueryXaTransactionArgs, 'xid'>>;
  xaTransactions?: Resolver<Array<ResolversTypes['XaTransaction']>, ParentType, ContextType, RequireFields<QueryXaTransactionsArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
};

export type QueryExecutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueryExecution'] = ResolversParentTypes['QueryExecution']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  elapsedMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['QueryKind'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['QueryProgressMeasure'], ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  queryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['ParallelQueryResult']>, ParentType, ContextType>;
  rowsScanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ParallelQueryStatus'], ParentType, ContextType>;
};

export type QueryPhaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueryPhase'] = ResolversParentTypes['QueryPhase']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['QueryPhaseName'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['QueryTask']>, ParentType, ContextType>;
};

export type QueryProgressMeasureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueryProgressMeasure'] = ResolversParentTypes['QueryProgressMeasure']> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryTaskResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueryTask'] = ResolversParentTypes['QueryTask']> = {
  copyRole?: Resolver<Maybe<ResolversTypes['ShardCopyRole']>, ParentType, ContextType>;
  local?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shardIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type QuorumEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuorumEvent'] = ResolversParentTypes['QuorumEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  failureTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  healthyVoters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unavailableNodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RacClusterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacCluster'] = ResolversParentTypes['RacCluster']> = {
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['RacConfig'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ClusterHealth'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['RacInstance']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  statistics?: Resolver<ResolversTypes['RacStatistics'], ParentType, ContextType>;
};

export type RacClusterStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacClusterStatus'] = ResolversParentTypes['RacClusterStatus']> = {
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['RacConfig'], ParentType, ContextType>;
  evictedInstances?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedInstances?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instances?: Resolver<Array<ResolversTypes['RacInstanceSummary']>, ParentType, ContextType>;
  openInstances?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recoveriesInProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ClusterState'], ParentType, ContextType>;
  totalInstances?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RacConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacConfig'] = ResolversParentTypes['RacConfig']> = {
  affinityMinAccesses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  affinityThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  affinityWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  autoLoadBalance?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  blockHeaderBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  blocksPerTable?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkpointIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clusterName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  heartbeatIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missedHeartbeatsToEvict?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quorumPercentage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rowsPerBlock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transferLogSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RacInstanceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacInstance'] = ResolversParentTypes['RacInstance']> = {
  cachedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dirtyBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enqueueLocksHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exclusiveBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastHeartbeatAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastScn?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  masteredResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pastImages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redoRecords?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sharedBlocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
  statusSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RacInstanceSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacInstanceSummary'] = ResolversParentTypes['RacInstanceSummary']> = {
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
  statusSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RacStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RacStatistics'] = ResolversParentTypes['RacStatistics']> = {
  activeNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cacheFusion?: Resolver<ResolversTypes['CacheFusionStats'], ParentType, ContextType>;
  failedNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  grd?: Resolver<ResolversTypes['GrdStats'], ParentType, ContextType>;
  interconnect?: Resolver<ResolversTypes['InterconnectStats'], ParentType, ContextType>;
  totalNodes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalQueries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalTransactions?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type RaftLeaderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftLeader'] = ResolversParentTypes['RaftLeader']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commitIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  electionInProgress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastLogIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  leaderSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  votersInContact?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RaftLogEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftLogEntry'] = ResolversParentTypes['RaftLogEntry']> = {
  clientId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  command?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  timestamp?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RaftEntryType'], ParentType, ContextType>;
};

export type RaftLogSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftLogSummary'] = ResolversParentTypes['RaftLogSummary']> = {
  commitIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  firstIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastLogTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  logSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  snapshotIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  snapshotTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  uncommittedEntries?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type RaftMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftMember'] = ResolversParentTypes['RaftMember']> = {
  caughtUp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isLeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lagEntries?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  lastContact?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  matchIndex?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  nextIndex?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progressState?: Resolver<Maybe<ResolversTypes['RaftProgressState']>, ParentType, ContextType>;
  recentActive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['RaftNodeState']>, ParentType, ContextType>;
  suffrage?: Resolver<ResolversTypes['RaftSuffrage'], ParentType, ContextType>;
};

export type RaftMembershipResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftMembership'] = ResolversParentTypes['RaftMembership']> = {
  configIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  leaderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  learners?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['RaftMember']>, ParentType, ContextType>;
  pendingChange?: Resolver<Maybe<ResolversTypes['RaftPendingChange']>, ParentType, ContextType>;
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  voters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RaftPendingChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftPendingChange'] = ResolversParentTypes['RaftPendingChange']> = {
  autoPromote?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RaftConfigChangeType'], ParentType, ContextType>;
};

export type RaftStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftState'] = ResolversParentTypes['RaftState']> = {
  commitIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currentTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  electionElapsedMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  electionTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastLeaderContact?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastLogIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastLogTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  leader?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  logSize?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  snapshotIndex?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  snapshotTerm?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['RaftNodeState'], ParentType, ContextType>;
  suffrage?: Resolver<ResolversTypes['RaftSuffrage'], ParentType, ContextType>;
  votedFor?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  votesReceived?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type RaftVoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RaftVote'] = ResolversParentTypes['RaftVote']> = {
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['VoteDenialReason'], ParentType, ContextType>;
  term?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  voteGranted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RangeDefinitionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RangeDefinition'] = ResolversParentTypes['RangeDefinition']> = {
  lowerBound?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  upperBound?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
};

export type RangeRouteReasonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RangeRouteReason'] = ResolversParentTypes['RangeRouteReason']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keyColumn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  range?: Resolver<ResolversTypes['RangeDefinition'], ParentType, ContextType>;
  rangeIndex?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ShardingStrategyType'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RangeShardingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RangeSharding'] = ResolversParentTypes['RangeSharding']> = {
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ranges?: Resolver<Array<ResolversTypes['RangeDefinition']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RebalanceProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RebalanceProgress'] = ResolversParentTypes['RebalanceProgress']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RebalanceStatus'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RebalanceResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RebalanceResult'] = ResolversParentTypes['RebalanceResult']> = {
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  imbalanceAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  imbalanceBefore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rebalancedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  remasteredResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourcesPerMaster?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
};

export type RebalanceStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RebalanceStatus'] = ResolversParentTypes['RebalanceStatus']> = {
  bytesCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesRemaining?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesTotal?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentMove?: Resolver<Maybe<ResolversTypes['ShardMoveProgress']>, ParentType, ContextType>;
  currentMoveIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedCompletionAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  movesCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  movesTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentComplete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phase?: Resolver<Maybe<ResolversTypes['MovePhase']>, ParentType, ContextType>;
  rowsCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rowsRemaining?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rowsTotal?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkflowState'], ParentType, ContextType>;
};

export type RecoveryConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecoveryConfig'] = ResolversParentTypes['RecoveryConfig']> = {
  autoRecovery?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  historyLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redoApplyBytesPerSecond?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remasterResourcesPerSecond?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RecoveryEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecoveryEvent'] = ResolversParentTypes['RecoveryEvent']> = {
  blocksRecovered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failedInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  locksReleased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['RecoveryPhase'], ParentType, ContextType>;
  recoveringInstance?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  recoveryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  redoBytesApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resourcesRemastered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['RecoveryTrigger'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RecoveryPhaseTimingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecoveryPhaseTiming'] = ResolversParentTypes['RecoveryPhaseTiming']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['RecoveryPhase'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type RecoveryStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecoveryStatus'] = ResolversParentTypes['RecoveryStatus']> = {
  instanceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  needsRecovery?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recoveringInstance?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  recoveryCompletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recoveryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  recoveryPhase?: Resolver<Maybe<ResolversTypes['RecoveryPhase']>, ParentType, ContextType>;
  recoveryStartedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RacInstanceStatus'], ParentType, ContextType>;
};

export type RegionLatencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegionLatency'] = ResolversParentTypes['RegionLatency']> = {
  fromRegionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  measuredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  probesAnswered?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  probesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  reachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roundTripMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  toRegionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionLatencyMatrixResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegionLatencyMatrix'] = ResolversParentTypes['RegionLatencyMatrix']> = {
  cells?: Resolver<Array<ResolversTypes['RegionLatency']>, ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RegionPlacementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegionPlacement'] = ResolversParentTypes['RegionPlacement']> = {
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zones?: Resolver<Array<ResolversTypes['ZonePlacement']>, ParentType, ContextType>;
};

export type RemasterEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RemasterEvent'] = ResolversParentTypes['RemasterEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['RemasterReason'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceType?: Resolver<ResolversTypes['GrdResourceType'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RemasterMoveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RemasterMove'] = ResolversParentTypes['RemasterMove']> = {
  fromInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  toInstance?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RemasterResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RemasterResult'] = ResolversParentTypes['RemasterResult']> = {
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  moves?: Resolver<Array<ResolversTypes['RemasterMove']>, ParentType, ContextType>;
  remasteredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  remasteredResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skippedResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unchangedResources?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReplicaResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Replica'] = ResolversParentTypes['Replica']> = {
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  baseBackup?: Resolver<Maybe<ResolversTypes['BaseBackupProgress']>, ParentType, ContextType>;
  flushLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  flushLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastStatusAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replayLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  replayLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slotName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicaState'], ParentType, ContextType>;
  stateReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stateSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  syncState?: Resolver<ResolversTypes['SyncState'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writeLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  writeLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplicaLagResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicaLag'] = ResolversParentTypes['ReplicaLag']> = {
  flushLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  flushLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastStatusAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  replayLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  replayLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicaState'], ParentType, ContextType>;
  syncState?: Resolver<ResolversTypes['SyncState'], ParentType, ContextType>;
  writeLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  writeLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplicaStateCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicaStateCounts'] = ResolversParentTypes['ReplicaStateCounts']> = {
  catchingUp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  disconnected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  needsResync?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  starting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  streaming?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReplicaStatusEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicaStatusEvent'] = ResolversParentTypes['ReplicaStatusEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  previousState?: Resolver<Maybe<ResolversTypes['ReplicaState']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replica?: Resolver<Maybe<ResolversTypes['Replica']>, ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicaState'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ReplicationAlertResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationAlert'] = ResolversParentTypes['ReplicationAlert']> = {
  alertId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  breachStartedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  firedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['AlertMetric'], ParentType, ContextType>;
  peakValue?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ruleName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AlertState'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ReplicationAlertRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationAlertRule'] = ResolversParentTypes['ReplicationAlertRule']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firingReplicaIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  forMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['AlertMetric'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pendingReplicaIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  replicaId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ReplicationChannelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationChannel'] = ResolversParentTypes['ReplicationChannel']> = {
  batchesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  channelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastStatusAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resentBatches?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slotName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicaState'], ParentType, ContextType>;
  statusReports?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  throughputBytesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ReplicationConfigResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationConfig'] = ResolversParentTypes['ReplicationConfig']> = {
  archiveCommand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  archiveMode?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  catchUpThresholdBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  checkpointIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lagSampleIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxSlotWalKeepSegments?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxWalSegments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxWalSenders?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ReplicationMode'], ParentType, ContextType>;
  replicationTimeoutSecs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  standbyNodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statusIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walKeepSegments?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ReplicationConflictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationConflict'] = ResolversParentTypes['ReplicationConflict']> = {
  baseVersion?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  conflictId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  conflictType?: Resolver<ResolversTypes['ConflictType'], ParentType, ContextType>;
  database?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  localData?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  localUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  localVersion?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  originNode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remoteData?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  remoteUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  remoteVersion?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resolutionStrategy?: Resolver<Maybe<ResolversTypes['ConflictResolutionStrategy']>, ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedData?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  resolvedLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rowKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetNode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplicationDashboardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationDashboard'] = ResolversParentTypes['ReplicationDashboard']> = {
  alertRules?: Resolver<Array<ResolversTypes['ReplicationAlertRule']>, ParentType, ContextType>;
  commitsPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  firingAlerts?: Resolver<Array<ResolversTypes['ReplicationAlert']>, ParentType, ContextType>;
  lag?: Resolver<Array<ResolversTypes['ReplicaLag']>, ParentType, ContextType>;
  slots?: Resolver<ResolversTypes['SlotWalStatusCounts'], ParentType, ContextType>;
  snapshotsInProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReplicationStatus'], ParentType, ContextType>;
  unresolvedConflicts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walBytesPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ReplicationFailoverResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationFailoverResult'] = ResolversParentTypes['ReplicationFailoverResult']> = {
  followingReplicaIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  lostBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lostCommits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newPrimaryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  newTimeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldPrimaryRejoined?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  previousPrimaryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  previousTimeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promotedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  switchLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplicationGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationGroup'] = ResolversParentTypes['ReplicationGroup']> = {
  columnCrdts?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  conflictStrategy?: Resolver<ResolversTypes['MultiMasterConflictStrategy'], ParentType, ContextType>;
  converged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['MultiMasterSite']>, ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  writeQuorum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReplicationLagEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationLagEvent'] = ResolversParentTypes['ReplicationLagEvent']> = {
  currentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  flushLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  primaryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replayLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writeLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReplicationLagReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationLagReport'] = ResolversParentTypes['ReplicationLagReport']> = {
  currentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxLagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  maxReplayLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  replicas?: Resolver<Array<ResolversTypes['ReplicaLag']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReplicationLagSampleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationLagSample'] = ResolversParentTypes['ReplicationLagSample']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  flushLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lagBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  primaryLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replayLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  replayLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replicaId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  writeLagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ReplicationMonitoringDashboardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationMonitoringDashboard'] = ResolversParentTypes['ReplicationMonitoringDashboard']> = {
  alertRules?: Resolver<Array<ResolversTypes['ChannelAlertRule']>, ParentType, ContextType>;
  byState?: Resolver<ResolversTypes['ChannelStateCounts'], ParentType, ContextType>;
  channels?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firingAlerts?: Resolver<Array<ResolversTypes['ChannelAlert']>, ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['ChannelKindSummary']>, ParentType, ContextType>;
  rateWindowMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampleIntervalMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sampledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  worstLag?: Resolver<Array<ResolversTypes['ChannelLag']>, ParentType, ContextType>;
};

export type ReplicationSlotResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationSlot'] = ResolversParentTypes['ReplicationSlot']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  activeNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  catalogXmin?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  confirmedFlushLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  database?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  invalidationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plugin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicaId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  restartDelay?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  restartLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retainedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  safeWalSizeBytes?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
  slotName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slotType?: Resolver<ResolversTypes['SlotType'], ParentType, ContextType>;
  walStatus?: Resolver<ResolversTypes['WalStatus'], ParentType, ContextType>;
};

export type ReplicationSnapshotResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationSnapshot'] = ResolversParentTypes['ReplicationSnapshot']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  copiedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  deletedKeys?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastRestoredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentSnapshotId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SnapshotStatus'], ParentType, ContextType>;
  tables?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['SnapshotType'], ParentType, ContextType>;
};

export type ReplicationSnapshotProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationSnapshotProgress'] = ResolversParentTypes['ReplicationSnapshotProgress']> = {
  bytesPerSecond?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  doneBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  estimatedCompletionAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['SnapshotOperation'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  restoredLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SnapshotStatus'], ParentType, ContextType>;
  totalBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ReplicationStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationStatistics'] = ResolversParentTypes['ReplicationStatistics']> = {
  checkpoints?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  commitWaitMs?: Resolver<ResolversTypes['CommitWaitStatistics'], ParentType, ContextType>;
  commits?: Resolver<ResolversTypes['CommitCounts'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['ConflictCounts'], ParentType, ContextType>;
  currentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failovers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastCheckpointAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  slots?: Resolver<ResolversTypes['SlotCounts'], ParentType, ContextType>;
  snapshots?: Resolver<ResolversTypes['SnapshotCounts'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  walRecords?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  walSegments?: Resolver<ResolversTypes['WalSegmentCounts'], ParentType, ContextType>;
  walSent?: Resolver<ResolversTypes['WalSentCounts'], ParentType, ContextType>;
};

export type ReplicationStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReplicationStatus'] = ResolversParentTypes['ReplicationStatus']> = {
  bytesBehind?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  commits?: Resolver<ResolversTypes['CommitCounts'], ParentType, ContextType>;
  currentLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentWalSegment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastSync?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ReplicationMode'], ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  replicas?: Resolver<ResolversTypes['ReplicaStateCounts'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReplicationState'], ParentType, ContextType>;
  syncStandbys?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  walSegmentBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RequestMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestMetrics'] = ResolversParentTypes['RequestMetrics']> = {
  byOperation?: Resolver<Array<ResolversTypes['OperationMetrics']>, ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type RouteReasonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RouteReason'] = ResolversParentTypes['RouteReason']> = {
  __resolveType: TypeResolveFn<'HashRouteReason' | 'ListRouteReason' | 'RangeRouteReason', ParentType, ContextType>;
};

export type RoutedShardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoutedShard'] = ResolversParentTypes['RoutedShard']> = {
  nodeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicaNodeIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  served?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShardStatus'], ParentType, ContextType>;
  unservedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RowLockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RowLock'] = ResolversParentTypes['RowLock']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RuntimeMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RuntimeMetrics'] = ResolversParentTypes['RuntimeMetrics']> = {
  activeFaults?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clockMode?: Resolver<ResolversTypes['ClockMode'], ParentType, ContextType>;
  clockSpeed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  clockTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['NetworkMetrics'], ParentType, ContextType>;
  pendingTimers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceFailoverResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceFailover'] = ResolversParentTypes['ServiceFailover']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  failoverId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fromInstanceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromRegionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['ServiceFailoverStep']>, ParentType, ContextType>;
  toInstanceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toRegionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceFailoverStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceFailoverStep'] = ResolversParentTypes['ServiceFailoverStep']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceInstanceHealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceInstanceHealth'] = ResolversParentTypes['ServiceInstanceHealth']> = {
  health?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  lastHealthCheck?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nodeStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ServiceLocationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceLocation'] = ResolversParentTypes['ServiceLocation']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ServiceRegionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceRegion'] = ResolversParentTypes['ServiceRegion']> = {
  databases?: Resolver<Array<ResolversTypes['DatabaseInstance']>, ParentType, ContextType>;
  geoRegion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  health?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  latencies?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['ServiceLocation'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['RegionRole'], ParentType, ContextType>;
};

export type ServiceRegionHealthResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceRegionHealth'] = ResolversParentTypes['ServiceRegionHealth']> = {
  health?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  instances?: Resolver<Array<ResolversTypes['ServiceInstanceHealth']>, ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceRouteCandidateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceRouteCandidate'] = ResolversParentTypes['ServiceRouteCandidate']> = {
  activeConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excludedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  instanceId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceRouteDecisionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceRouteDecision'] = ResolversParentTypes['ServiceRouteDecision']> = {
  candidates?: Resolver<Array<ResolversTypes['ServiceRouteCandidate']>, ParentType, ContextType>;
  clientRegionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  instanceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  leftClientRegion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['GlobalServiceLoadBalancing'], ParentType, ContextType>;
};

export type ServiceRoutingCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceRoutingCounts'] = ResolversParentTypes['ServiceRoutingCounts']> = {
  byClientRegion?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  byInstance?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  routed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  unrouted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type SessionClockGapResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionClockGap'] = ResolversParentTypes['SessionClockGap']> = {
  datacenterId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sessionPosition?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type SessionCoverageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SessionCoverage'] = ResolversParentTypes['SessionCoverage']> = {
  covered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  missing?: Resolver<Array<ResolversTypes['SessionClockGap']>, ParentType, ContextType>;
};

export type ShardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Shard'] = ResolversParentTypes['Shard']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastRebalance?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primaryNodeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicaNodeIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  server?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shardGroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShardStatus'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShardHotValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardHotValue'] = ResolversParentTypes['ShardHotValue']> = {
  keyText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ShardKeyAnalysisResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardKeyAnalysis'] = ResolversParentTypes['ShardKeyAnalysis']> = {
  cardinality?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  emptyShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hashFunction?: Resolver<ResolversTypes['HashFunction'], ParentType, ContextType>;
  hotValues?: Resolver<Array<ResolversTypes['ShardHotValue']>, ParentType, ContextType>;
  keyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  maxRowsPerShard?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanRowsPerShard?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recommendation?: Resolver<ResolversTypes['ShardKeyRecommendation'], ParentType, ContextType>;
  rowsAnalyzed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsPerShard?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  rowsWithoutKey?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skew?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShardKeyConditionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardKeyCondition'] = ResolversParentTypes['ShardKeyCondition']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['ShardKeyConditionOp'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  values?: Resolver<Maybe<Array<ResolversTypes['JSON']>>, ParentType, ContextType>;
};

export type ShardMoveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardMove'] = ResolversParentTypes['ShardMove']> = {
  completesAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromNodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ShardCopyRole'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  toNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ShardMoveProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardMoveProgress'] = ResolversParentTypes['ShardMoveProgress']> = {
  blockedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bytesCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesRemaining?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytesTotal?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  cancelling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  changesReplayed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  estimatedCompletionAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  moveId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pausedFrom?: Resolver<Maybe<ResolversTypes['MovePhase']>, ParentType, ContextType>;
  percentComplete?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['MovePhase'], ParentType, ContextType>;
  rowsCopied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rowsRemaining?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  rowsTotal?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  shardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  targetNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  verification?: Resolver<Maybe<Array<ResolversTypes['TableVerification']>>, ParentType, ContextType>;
  walBehindBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ShardNodeStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardNodeStatistics'] = ResolversParentTypes['ShardNodeStatistics']> = {
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primaryShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replicaShards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ShardRebalancePlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardRebalancePlan'] = ResolversParentTypes['ShardRebalancePlan']> = {
  balanced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  estimatedDurationMs?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  moves?: Resolver<Array<ResolversTypes['PlannedShardMove']>, ParentType, ContextType>;
  nodesAfter?: Resolver<Array<ResolversTypes['NodeLoad']>, ParentType, ContextType>;
  nodesBefore?: Resolver<Array<ResolversTypes['NodeLoad']>, ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkflowState'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['RebalanceStrategy'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  totalRows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ShardRouteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardRoute'] = ResolversParentTypes['ShardRoute']> = {
  key?: Resolver<Maybe<ResolversTypes['KeyRoute']>, ParentType, ContextType>;
  levels?: Resolver<Array<ResolversTypes['LevelSelection']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ShardRouteMode'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['ShardOperation'], ParentType, ContextType>;
  scatter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shards?: Resolver<Array<ResolversTypes['RoutedShard']>, ParentType, ContextType>;
  singleShard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unusedConditions?: Resolver<Array<ResolversTypes['ShardKeyCondition']>, ParentType, ContextType>;
};

export type ShardStatusCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardStatusCounts'] = ResolversParentTypes['ShardStatusCounts']> = {
  ACTIVE?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  CREATING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  DROPPING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  OFFLINE?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  READ_ONLY?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  REBALANCING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShardTokenRangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardTokenRange'] = ResolversParentTypes['ShardTokenRange']> = {
  endToken?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  startToken?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type ShardWriteResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardWriteResult'] = ResolversParentTypes['ShardWriteResult']> = {
  commits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShardedColumnResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardedColumn'] = ResolversParentTypes['ShardedColumn']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ShardColumnType'], ParentType, ContextType>;
};

export type ShardedQueryPlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardedQueryPlan'] = ResolversParentTypes['ShardedQueryPlan']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  coordinatorNodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  estimatedBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedDurationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fragments?: Resolver<Array<ResolversTypes['DistributedQueryFragment']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DistributedPlanKind'], ParentType, ContextType>;
  merge?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  networkHops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodesContacted?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  query?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  route?: Resolver<ResolversTypes['DistributedQueryRoute'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topNPerShard?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unavailableShards?: Resolver<Array<ResolversTypes['UnavailableShard']>, ParentType, ContextType>;
};

export type ShardedRowsWrittenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardedRowsWritten'] = ResolversParentTypes['ShardedRowsWritten']> = {
  rowsWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shards?: Resolver<Array<ResolversTypes['ShardWriteResult']>, ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShardedTableResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardedTable'] = ResolversParentTypes['ShardedTable']> = {
  columns?: Resolver<Array<ResolversTypes['ShardedColumn']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  primaryKeyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  schemaName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardGroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardKeyColumns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  shards?: Resolver<Array<ResolversTypes['Shard']>, ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['ShardingStrategy'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ShardedTableStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardedTableStatistics'] = ResolversParentTypes['ShardedTableStatistics']> = {
  maxShardRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanShardRows?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minShardRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  shardCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardsByStatus?: Resolver<ResolversTypes['ShardStatusCounts'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  skew?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tableName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShardingStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardingStatistics'] = ResolversParentTypes['ShardingStatistics']> = {
  nodes?: Resolver<Array<ResolversTypes['ShardNodeStatistics']>, ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  shards?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shardsByStatus?: Resolver<ResolversTypes['ShardStatusCounts'], ParentType, ContextType>;
  sizeBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  tableStatistics?: Resolver<Array<ResolversTypes['ShardedTableStatistics']>, ParentType, ContextType>;
  tables?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ShardingStrategyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShardingStrategy'] = ResolversParentTypes['ShardingStrategy']> = {
  __resolveType: TypeResolveFn<'CompositeSharding' | 'HashSharding' | 'ListSharding' | 'RangeSharding', ParentType, ContextType>;
};

export type SlotCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlotCounts'] = ResolversParentTypes['SlotCounts']> = {
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  logical?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  physical?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SlotWalStatusCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SlotWalStatusCounts'] = ResolversParentTypes['SlotWalStatusCounts']> = {
  extended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retainedBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  unreserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SnapshotCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SnapshotCounts'] = ResolversParentTypes['SnapshotCounts']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SnapshotInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SnapshotInfo'] = ResolversParentTypes['SnapshotInfo']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  snapshots?: Resolver<Array<ResolversTypes['NodeSnapshot']>, ParentType, ContextType>;
  totalEntriesCompacted?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type StrategyReplayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StrategyReplay'] = ResolversParentTypes['StrategyReplay']> = {
  agreesWithRecorded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  siblings?: Resolver<Array<ResolversTypes['ConflictVersion']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GroupConflictStatus'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['GroupConflictStrategy'], ParentType, ContextType>;
  winner?: Resolver<Maybe<ResolversTypes['GroupConflictWinner']>, ParentType, ContextType>;
};

export type StreamSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StreamSubscription'] = ResolversParentTypes['StreamSubscription']> = {
  clientId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connectionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filters?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messagesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['Principal'], ParentType, ContextType>;
  remoteAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transport?: Resolver<ResolversTypes['SubscriptionTransport'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  alertsStream?: SubscriptionResolver<ResolversTypes['Alert'], "alertsStream", ParentType, ContextType>;
  cacheFusionEvents?: SubscriptionResolver<Maybe<ResolversTypes['CacheFusionEvent']>, "cacheFusionEvents", ParentType, ContextType, Partial<SubscriptionCacheFusionEventsArgs>>;
  cacheFusionTransfer?: SubscriptionResolver<ResolversTypes['BlockTransferEvent'], "cacheFusionTransfer", ParentType, ContextType>;
  clusterHealthChanges?: SubscriptionResolver<Maybe<ResolversTypes['ClusterHealthEvent']>, "clusterHealthChanges", ParentType, ContextType>;
  clusterNodeStatusChanged?: SubscriptionResolver<ResolversTypes['ClusterNode'], "clusterNodeStatusChanged", ParentType, ContextType>;
  clusterStateChanged?: SubscriptionResolver<ResolversTypes['ClusterInfo'], "clusterStateChanged", ParentType, ContextType>;
  clusterTopologyChanged?: SubscriptionResolver<ResolversTypes['ClusterTopology'], "clusterTopologyChanged", ParentType, ContextType>;
  conflictDetected?: SubscriptionResolver<ResolversTypes['ReplicationConflict'], "conflictDetected", ParentType, ContextType>;
  distributedTransactionUpdates?: SubscriptionResolver<ResolversTypes['DistributedTransactionEvent'], "distributedTransactionUpdates", ParentType, ContextType, Partial<SubscriptionDistributedTransactionUpdatesArgs>>;
  events?: SubscriptionResolver<ResolversTypes['Event'], "events", ParentType, ContextType, Partial<SubscriptionEventsArgs>>;
  failoverEvent?: SubscriptionResolver<ResolversTypes['FailoverEvent'], "failoverEvent", ParentType, ContextType>;
  failoverEvents?: SubscriptionResolver<Maybe<ResolversTypes['FailoverEvent']>, "failoverEvents", ParentType, ContextType>;
  grdRemaster?: SubscriptionResolver<ResolversTypes['RemasterEvent'], "grdRemaster", ParentType, ContextType>;
  healthIssueDetected?: SubscriptionResolver<ResolversTypes['HealthIssue'], "healthIssueDetected", ParentType, ContextType>;
  instanceRecoveryEvents?: SubscriptionResolver<Maybe<ResolversTypes['RecoveryEvent']>, "instanceRecoveryEvents", ParentType, ContextType>;
  instanceRecoveryStarted?: SubscriptionResolver<ResolversTypes['RecoveryEvent'], "instanceRecoveryStarted", ParentType, ContextType>;
  leaderElections?: SubscriptionResolver<Maybe<ResolversTypes['LeaderElectionEvent']>, "leaderElections", ParentType, ContextType>;
  memberStateChanged?: SubscriptionResolver<ResolversTypes['MemberStateEvent'], "memberStateChanged", ParentType, ContextType, Partial<SubscriptionMemberStateChangedArgs>>;
  metricsStream?: SubscriptionResolver<ResolversTypes['Metrics'], "metricsStream", ParentType, ContextType, RequireFields<SubscriptionMetricsStreamArgs, 'interval'>>;
  migrationProgress?: SubscriptionResolver<ResolversTypes['RebalanceProgress'], "migrationProgress", ParentType, ContextType, Partial<SubscriptionMigrationProgressArgs>>;
  multiMasterConvergence?: SubscriptionResolver<ResolversTypes['ConvergenceEvent'], "multiMasterConvergence", ParentType, ContextType>;
  nodeStatusChanged?: SubscriptionResolver<ResolversTypes['ClusterNode'], "nodeStatusChanged", ParentType, ContextType, Partial<SubscriptionNodeStatusChangedArgs>>;
  nodeStatusChanges?: SubscriptionResolver<Maybe<ResolversTypes['NodeStatusEvent']>, "nodeStatusChanges", ParentType, ContextType, Partial<SubscriptionNodeStatusChangesArgs>>;
  parallelQueryEvents?: SubscriptionResolver<Maybe<ResolversTypes['ParallelQueryEvent']>, "parallelQueryEvents", ParentType, ContextType, Partial<SubscriptionParallelQueryEventsArgs>>;
  performanceStream?: SubscriptionResolver<ResolversTypes['PerformanceMetrics'], "performanceStream", ParentType, ContextType, RequireFields<SubscriptionPerformanceStreamArgs, 'interval'>>;
  queryProgress?: SubscriptionResolver<ResolversTypes['QueryExecution'], "queryProgress", ParentType, ContextType, RequireFields<SubscriptionQueryProgressArgs, 'id' | 'progressIntervalMs'>>;
  quorumChanges?: SubscriptionResolver<ResolversTypes['QuorumEvent'], "quorumChanges", ParentType, ContextType>;
  racEvents?: SubscriptionResolver<ResolversTypes['Event'], "racEvents", ParentType, ContextType, Partial<SubscriptionRacEventsArgs>>;
  replicaStatusChanges?: SubscriptionResolver<Maybe<ResolversTypes['ReplicaStatusEvent']>, "replicaStatusChanges", ParentType, ContextType, Partial<SubscriptionReplicaStatusChangesArgs>>;
  replicationConflictDetected?: SubscriptionResolver<ResolversTypes['ReplicationConflict'], "replicationConflictDetected", ParentType, ContextType>;
  replicationConflicts?: SubscriptionResolver<Maybe<ResolversTypes['ConflictEvent']>, "replicationConflicts", ParentType, ContextType, Partial<SubscriptionReplicationConflictsArgs>>;
  replicationEvents?: SubscriptionResolver<ResolversTypes['Event'], "replicationEvents", ParentType, ContextType, Partial<SubscriptionReplicationEventsArgs>>;
  replicationLagChanged?: SubscriptionResolver<ResolversTypes['ReplicationLagEvent'], "replicationLagChanged", ParentType, ContextType, Partial<SubscriptionReplicationLagChangedArgs>>;
  replicationLagUpdates?: SubscriptionResolver<Maybe<ResolversTypes['ReplicationLagEvent']>, "replicationLagUpdates", ParentType, ContextType, Partial<SubscriptionReplicationLagUpdatesArgs>>;
  replicationStatus?: SubscriptionResolver<ResolversTypes['ReplicationStatus'], "replicationStatus", ParentType, ContextType>;
  resourceLockEvents?: SubscriptionResolver<Maybe<ResolversTypes['LockEvent']>, "resourceLockEvents", ParentType, ContextType, Partial<SubscriptionResourceLockEventsArgs>>;
  shardRebalanceProgress?: SubscriptionResolver<ResolversTypes['RebalanceProgress'], "shardRebalanceProgress", ParentType, ContextType, RequireFields<SubscriptionShardRebalanceProgressArgs, 'planId'>>;
  shardingEvents?: SubscriptionResolver<ResolversTypes['Event'], "shardingEvents", ParentType, ContextType, Partial<SubscriptionShardingEventsArgs>>;
  slotStatusChanged?: SubscriptionResolver<ResolversTypes['ReplicationSlot'], "slotStatusChanged", ParentType, ContextType, Partial<SubscriptionSlotStatusChangedArgs>>;
  systemAlerts?: SubscriptionResolver<ResolversTypes['Alert'], "systemAlerts", ParentType, ContextType, Partial<SubscriptionSystemAlertsArgs>>;
  xaBranchUpdates?: SubscriptionResolver<ResolversTypes['XaBranchEvent'], "xaBranchUpdates", ParentType, ContextType, Partial<SubscriptionXaBranchUpdatesArgs>>;
};

export type SubscriptionCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SubscriptionCounts'] = ResolversParentTypes['SubscriptionCounts']> = {
  graphqlSse?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  graphqlWs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  websocket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionSlotResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SubscriptionSlot'] = ResolversParentTypes['SubscriptionSlot']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  confirmedFlushLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  restartLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slotName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  walStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionTableStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SubscriptionTableState'] = ResolversParentTypes['SubscriptionTableState']> = {
  copiedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  syncLsn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SuspectedNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SuspectedNode'] = ResolversParentTypes['SuspectedNode']> = {
  downAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failoverTriggered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isLeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isVoter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastHeartbeat?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  missedHeartbeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['NodeRole'], ParentType, ContextType>;
  silenceMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SuspectedNodeStatus'], ParentType, ContextType>;
  suspectedSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SuspicionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Suspicion'] = ResolversParentTypes['Suspicion']> = {
  confirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  incarnation?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  suspectors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SuspicionTimeoutsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SuspicionTimeouts'] = ResolversParentTypes['SuspicionTimeouts']> = {
  expectedConfirmations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SwimCountersResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SwimCounters'] = ResolversParentTypes['SwimCounters']> = {
  acksForwarded?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  acksReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  acksSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  deathsDeclared?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  indirectAcksReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  indirectPingsSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  joinAttempts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  membersRejected?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  piggybackedUpdatesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pingReqsDropped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pingReqsReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pingReqsSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pingsReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pingsSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  probesFailed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  protocolPeriods?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pushPullsReceived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  pushPullsSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  reconnectPingsSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  refutations?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  staleAcks?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  staleUpdatesCorrected?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  suspicionConfirmations?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  suspicionsRaised?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  updatesApplied?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  updatesDropped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type TableVerificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TableVerification'] = ResolversParentTypes['TableVerification']> = {
  match?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sourceChecksum?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  sourceRows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  table?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetChecksum?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  targetRows?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type TransactionLatencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TransactionLatency'] = ResolversParentTypes['TransactionLatency']> = {
  maxMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p50Ms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p95Ms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p99Ms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TransactionParticipantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TransactionParticipant'] = ResolversParentTypes['TransactionParticipant']> = {
  acknowledged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lockWait?: Resolver<Maybe<ResolversTypes['LockWait']>, ParentType, ContextType>;
  locksHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prepareLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preparedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ParticipantState'], ParentType, ContextType>;
  vote?: Resolver<Maybe<ResolversTypes['ParticipantVote']>, ParentType, ContextType>;
  writeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  xmin?: Resolver<Maybe<ResolversTypes['BigInt']>, ParentType, ContextType>;
};

export type UnavailableShardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnavailableShard'] = ResolversParentTypes['UnavailableShard']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shardName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VoteCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VoteCounts'] = ResolversParentTypes['VoteCounts']> = {
  no?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  yes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type VoteResponseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VoteResponse'] = ResolversParentTypes['VoteResponse']> = {
  quorumSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  voteGranted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  votes?: Resolver<Array<ResolversTypes['RaftVote']>, ParentType, ContextType>;
  votesGranted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WalSegmentCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WalSegmentCounts'] = ResolversParentTypes['WalSegmentCounts']> = {
  archived?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  oldestRetained?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  removed?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  retained?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WalSentCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WalSentCounts'] = ResolversParentTypes['WalSentCounts']> = {
  batches?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  resentBatches?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type WanLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WanLink'] = ResolversParentTypes['WanLink']> = {
  bandwidthBytesPerSecond?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datacenterIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  distanceKm?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lossRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  partitioned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WebSocketConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebSocketConnection'] = ResolversParentTypes['WebSocketConnection']> = {
  bytesQueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  connectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filters?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messagesQueued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messagesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  principal?: Resolver<ResolversTypes['Principal'], ParentType, ContextType>;
  remoteAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebSocketLimitsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebSocketLimits'] = ResolversParentTypes['WebSocketLimits']> = {
  maxConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxQueuedBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxSubscriptionsPerConnection?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebSocketStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebSocketStatus'] = ResolversParentTypes['WebSocketStatus']> = {
  bytesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  eventsDelivered?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  eventsDropped?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  limits?: Resolver<ResolversTypes['WebSocketLimits'], ParentType, ContextType>;
  messagesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  openConnections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slowConsumersClosed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  streams?: Resolver<Array<ResolversTypes['WebSocketStreamStatus']>, ParentType, ContextType>;
  subscriptions?: Resolver<ResolversTypes['SubscriptionCounts'], ParentType, ContextType>;
};

export type WebSocketStreamStatusResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebSocketStreamStatus'] = ResolversParentTypes['WebSocketStreamStatus']> = {
  bytesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  connections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messagesSent?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  slowConsumersClosed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscribers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkflowCounts'] = ResolversParentTypes['WorkflowCounts']> = {
  CANCELLED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  COMPLETED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  FAILED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  PAUSED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  PLANNED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  RUNNING?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Workload'] = ResolversParentTypes['Workload']> = {
  keySpace?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastWriteAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  mix?: Resolver<ResolversTypes['WorkloadMix'], ParentType, ContextType>;
  ratePerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  walBytes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['WorkloadWrites'], ParentType, ContextType>;
};

export type WorkloadMixResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkloadMix'] = ResolversParentTypes['WorkloadMix']> = {
  delete?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  insert?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  update?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type WorkloadWritesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WorkloadWrites'] = ResolversParentTypes['WorkloadWrites']> = {
  deletes?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  inserts?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  updates?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
};

export type XaBranchEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaBranchEvent'] = ResolversParentTypes['XaBranchEvent']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['XaState']>, ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resourceManager?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['XaState'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['XaState'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type XaRecoveredTransactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaRecoveredTransaction'] = ResolversParentTypes['XaRecoveredTransaction']> = {
  bqualLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formatId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gtridLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  preparedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resourceManager?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type XaResourceManagerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaResourceManager'] = ResolversParentTypes['XaResourceManager']> = {
  liveTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  preparedTransactions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type XaStateCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaStateCounts'] = ResolversParentTypes['XaStateCounts']> = {
  ACTIVE?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  COMMITTED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  IDLE?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  PREPARED?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ROLLBACK_ONLY?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ROLLED_BACK?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type XaStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaStatistics'] = ResolversParentTypes['XaStatistics']> = {
  byState?: Resolver<ResolversTypes['XaStateCounts'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onePhaseCommits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prepared?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recovered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resourceManagers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rolledBack?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  started?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timedOut?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type XaTransactionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['XaTransaction'] = ResolversParentTypes['XaTransaction']> = {
  bqual?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bqualHex?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  formatId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gtrid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gtridHex?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lockWait?: Resolver<Maybe<ResolversTypes['LockWait']>, ParentType, ContextType>;
  locksHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  onePhase?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  prepareLsn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preparedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resourceManager?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['XaState'], ParentType, ContextType>;
  timeoutAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  timeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  writeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  xid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ZonePlacementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZonePlacement'] = ResolversParentTypes['ZonePlacement']> = {
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccessToken?: AccessTokenResolvers<ContextType>;
  AggregateCounts?: AggregateCountsResolvers<ContextType>;
  Alert?: AlertResolvers<ContextType>;
  AlertLabel?: AlertLabelResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AppendEntriesResponse?: AppendEntriesResponseResolvers<ContextType>;
  AppendedEntry?: AppendedEntryResolvers<ContextType>;
  ApplierError?: ApplierErrorResolvers<ContextType>;
  ApplierStatus?: ApplierStatusResolvers<ContextType>;
  ApplyCheckpoint?: ApplyCheckpointResolvers<ContextType>;
  ApplyConfig?: ApplyConfigResolvers<ContextType>;
  ApplyStatistics?: ApplyStatisticsResolvers<ContextType>;
  ApplyTransaction?: ApplyTransactionResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BaseBackupProgress?: BaseBackupProgressResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  BlockTransferEvent?: BlockTransferEventResolvers<ContextType>;
  BufferCacheStats?: BufferCacheStatsResolvers<ContextType>;
  BufferPoolStats?: BufferPoolStatsResolvers<ContextType>;
  CacheFusionEvent?: CacheFusionEventResolvers<ContextType>;
  CacheFusionInstanceStatus?: CacheFusionInstanceStatusResolvers<ContextType>;
  CacheFusionStats?: CacheFusionStatsResolvers<ContextType>;
  CacheFusionStatus?: CacheFusionStatusResolvers<ContextType>;
  CacheFusionTransfer?: CacheFusionTransferResolvers<ContextType>;
  ChannelAlert?: ChannelAlertResolvers<ContextType>;
  ChannelAlertRule?: ChannelAlertRuleResolvers<ContextType>;
  ChannelConflicts?: ChannelConflictsResolvers<ContextType>;
  ChannelEndpoint?: ChannelEndpointResolvers<ContextType>;
  ChannelErrors?: ChannelErrorsResolvers<ContextType>;
  ChannelKindSummary?: ChannelKindSummaryResolvers<ContextType>;
  ChannelLag?: ChannelLagResolvers<ContextType>;
  ChannelRates?: ChannelRatesResolvers<ContextType>;
  ChannelSeriesPoint?: ChannelSeriesPointResolvers<ContextType>;
  ChannelStateCounts?: ChannelStateCountsResolvers<ContextType>;
  ChannelThroughput?: ChannelThroughputResolvers<ContextType>;
  ChannelTimeSeries?: ChannelTimeSeriesResolvers<ContextType>;
  Clock?: ClockResolvers<ContextType>;
  ClockEntry?: ClockEntryResolvers<ContextType>;
  ClusterConfig?: ClusterConfigResolvers<ContextType>;
  ClusterHealth?: ClusterHealthResolvers<ContextType>;
  ClusterHealthCheck?: ClusterHealthCheckResolvers<ContextType>;
  ClusterHealthEvent?: ClusterHealthEventResolvers<ContextType>;
  ClusterInfo?: ClusterInfoResolvers<ContextType>;
  ClusterMetrics?: ClusterMetricsResolvers<ContextType>;
  ClusterNode?: ClusterNodeResolvers<ContextType>;
  ClusterReplication?: ClusterReplicationResolvers<ContextType>;
  ClusterReplicationNode?: ClusterReplicationNodeResolvers<ContextType>;
  ClusterShard?: ClusterShardResolvers<ContextType>;
  ClusterStatus?: ClusterStatusResolvers<ContextType>;
  ClusterTopology?: ClusterTopologyResolvers<ContextType>;
  ClusteringConsensusStatus?: ClusteringConsensusStatusResolvers<ContextType>;
  ClusteringCoordinatorStatus?: ClusteringCoordinatorStatusResolvers<ContextType>;
  ClusteringDhtStatus?: ClusteringDhtStatusResolvers<ContextType>;
  ClusteringFailoverStatus?: ClusteringFailoverStatusResolvers<ContextType>;
  ClusteringLoadBalancerStatus?: ClusteringLoadBalancerStatusResolvers<ContextType>;
  ClusteringMembershipStatus?: ClusteringMembershipStatusResolvers<ContextType>;
  ClusteringNodeCounts?: ClusteringNodeCountsResolvers<ContextType>;
  ClusteringStatus?: ClusteringStatusResolvers<ContextType>;
  ColumnMask?: ColumnMaskResolvers<ContextType>;
  CommitCounts?: CommitCountsResolvers<ContextType>;
  CommitWaitStatistics?: CommitWaitStatisticsResolvers<ContextType>;
  CompositeSharding?: CompositeShardingResolvers<ContextType>;
  ConflictBacktest?: ConflictBacktestResolvers<ContextType>;
  ConflictBacktests?: ConflictBacktestsResolvers<ContextType>;
  ConflictCount?: ConflictCountResolvers<ContextType>;
  ConflictCounts?: ConflictCountsResolvers<ContextType>;
  ConflictEvent?: ConflictEventResolvers<ContextType>;
  ConflictExplanation?: ConflictExplanationResolvers<ContextType>;
  ConflictPredictions?: ConflictPredictionsResolvers<ContextType>;
  ConflictResolution?: ConflictResolutionResolvers<ContextType>;
  ConflictResolutionContext?: ConflictResolutionContextResolvers<ContextType>;
  ConflictSeriesPrediction?: ConflictSeriesPredictionResolvers<ContextType>;
  ConflictStatistics?: ConflictStatisticsResolvers<ContextType>;
  ConflictStrategyInfo?: ConflictStrategyInfoResolvers<ContextType>;
  ConflictVersion?: ConflictVersionResolvers<ContextType>;
  ConsistencyForecast?: ConsistencyForecastResolvers<ContextType>;
  ConvergenceEvent?: ConvergenceEventResolvers<ContextType>;
  CrdtColumnUse?: CrdtColumnUseResolvers<ContextType>;
  CrdtTypeInfo?: CrdtTypeInfoResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DatabaseInstance?: DatabaseInstanceResolvers<ContextType>;
  DatacenterNode?: DatacenterNodeResolvers<ContextType>;
  DatacenterVectorClock?: DatacenterVectorClockResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DecodedChange?: DecodedChangeResolvers<ContextType>;
  DetailedClusterHealth?: DetailedClusterHealthResolvers<ContextType>;
  DhtNode?: DhtNodeResolvers<ContextType>;
  DhtNodeStatistics?: DhtNodeStatisticsResolvers<ContextType>;
  DhtRingEntry?: DhtRingEntryResolvers<ContextType>;
  DhtRoute?: DhtRouteResolvers<ContextType>;
  DhtRouteResult?: DhtRouteResultResolvers<ContextType>;
  DhtStatistics?: DhtStatisticsResolvers<ContextType>;
  DistributedCommitResult?: DistributedCommitResultResolvers<ContextType>;
  DistributedQueryCondition?: DistributedQueryConditionResolvers<ContextType>;
  DistributedQueryExecution?: DistributedQueryExecutionResolvers<ContextType>;
  DistributedQueryFragment?: DistributedQueryFragmentResolvers<ContextType>;
  DistributedQueryFragmentRun?: DistributedQueryFragmentRunResolvers<ContextType>;
  DistributedQueryLatency?: DistributedQueryLatencyResolvers<ContextType>;
  DistributedQueryPlan?: DistributedQueryPlanResolvers<ContextType>;
  DistributedQueryResult?: DistributedQueryResultResolvers<ContextType>;
  DistributedQueryRoute?: DistributedQueryRouteResolvers<ContextType>;
  DistributedQueryRouteLevel?: DistributedQueryRouteLevelResolvers<ContextType>;
  DistributedQueryStatistics?: DistributedQueryStatisticsResolvers<ContextType>;
  DistributedTransaction?: DistributedTransactionResolvers<ContextType>;
  DistributedTransactionEvent?: DistributedTransactionEventResolvers<ContextType>;
  DistributedTransactionStatistics?: DistributedTransactionStatisticsResolvers<ContextType>;
  EnqueueCounts?: EnqueueCountsResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventLoopDelay?: EventLoopDelayResolvers<ContextType>;
  EventMetrics?: EventMetricsResolvers<ContextType>;
  EventPage?: EventPageResolvers<ContextType>;
  ExecutionStrategyChange?: ExecutionStrategyChangeResolvers<ContextType>;
  FailoverConfig?: FailoverConfigResolvers<ContextType>;
  FailoverEvent?: FailoverEventResolvers<ContextType>;
  FailoverKindCounts?: FailoverKindCountsResolvers<ContextType>;
  FailoverPolicy?: FailoverPolicyResolvers<ContextType>;
  FailoverResult?: FailoverResultResolvers<ContextType>;
  FailoverStatistics?: FailoverStatisticsResolvers<ContextType>;
  FailoverTestResult?: FailoverTestResultResolvers<ContextType>;
  FailoverTimelineStep?: FailoverTimelineStepResolvers<ContextType>;
  Fault?: FaultResolvers<ContextType>;
  FlushResult?: FlushResultResolvers<ContextType>;
  GdsFailoverCounts?: GdsFailoverCountsResolvers<ContextType>;
  GdsServiceStatistics?: GdsServiceStatisticsResolvers<ContextType>;
  GdsStatistics?: GdsStatisticsResolvers<ContextType>;
  GeoDatacenter?: GeoDatacenterResolvers<ContextType>;
  GeoLagCell?: GeoLagCellResolvers<ContextType>;
  GeoLocation?: GeoLocationResolvers<ContextType>;
  GeoReplicationStatistics?: GeoReplicationStatisticsResolvers<ContextType>;
  GeoStream?: GeoStreamResolvers<ContextType>;
  GeoStreamsByState?: GeoStreamsByStateResolvers<ContextType>;
  GlobalService?: GlobalServiceResolvers<ContextType>;
  GlobalServiceHealth?: GlobalServiceHealthResolvers<ContextType>;
  GossipJoin?: GossipJoinResolvers<ContextType>;
  GossipProbe?: GossipProbeResolvers<ContextType>;
  GossipState?: GossipStateResolvers<ContextType>;
  GrdAffinity?: GrdAffinityResolvers<ContextType>;
  GrdHolder?: GrdHolderResolvers<ContextType>;
  GrdMasterShare?: GrdMasterShareResolvers<ContextType>;
  GrdResource?: GrdResourceResolvers<ContextType>;
  GrdStats?: GrdStatsResolvers<ContextType>;
  GrdTopology?: GrdTopologyResolvers<ContextType>;
  GroupConflict?: GroupConflictResolvers<ContextType>;
  GroupConflictResolution?: GroupConflictResolutionResolvers<ContextType>;
  HashRouteReason?: HashRouteReasonResolvers<ContextType>;
  HashSharding?: HashShardingResolvers<ContextType>;
  HealthCheck?: HealthCheckResolvers<ContextType>;
  HealthIssue?: HealthIssueResolvers<ContextType>;
  HealthLeader?: HealthLeaderResolvers<ContextType>;
  HealthReport?: HealthReportResolvers<ContextType>;
  HealthSample?: HealthSampleResolvers<ContextType>;
  HeldLock?: HeldLockResolvers<ContextType>;
  HeuristicCounts?: HeuristicCountsResolvers<ContextType>;
  InDoubtResolution?: InDoubtResolutionResolvers<ContextType>;
  InDoubtTransaction?: InDoubtTransactionResolvers<ContextType>;
  InstanceRecovery?: InstanceRecoveryResolvers<ContextType>;
  InterconnectInstanceStatus?: InterconnectInstanceStatusResolvers<ContextType>;
  InterconnectLatency?: InterconnectLatencyResolvers<ContextType>;
  InterconnectLatencyPair?: InterconnectLatencyPairResolvers<ContextType>;
  InterconnectPairStats?: InterconnectPairStatsResolvers<ContextType>;
  InterconnectStats?: InterconnectStatsResolvers<ContextType>;
  InterconnectStatus?: InterconnectStatusResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KeyRange?: KeyRangeResolvers<ContextType>;
  KeyRoute?: KeyRouteResolvers<ContextType>;
  LatencyPercentiles?: LatencyPercentilesResolvers<ContextType>;
  LeaderElectionEvent?: LeaderElectionEventResolvers<ContextType>;
  LevelChange?: LevelChangeResolvers<ContextType>;
  LevelSelection?: LevelSelectionResolvers<ContextType>;
  ListDefinition?: ListDefinitionResolvers<ContextType>;
  ListRouteReason?: ListRouteReasonResolvers<ContextType>;
  ListSharding?: ListShardingResolvers<ContextType>;
  LoadBalancerBackend?: LoadBalancerBackendResolvers<ContextType>;
  LoadBalancerConnection?: LoadBalancerConnectionResolvers<ContextType>;
  LoadBalancerStatistics?: LoadBalancerStatisticsResolvers<ContextType>;
  LoadBalancerStrategyChange?: LoadBalancerStrategyChangeResolvers<ContextType>;
  LoadSpread?: LoadSpreadResolvers<ContextType>;
  LockEvent?: LockEventResolvers<ContextType>;
  LockWait?: LockWaitResolvers<ContextType>;
  LockWaitCounts?: LockWaitCountsResolvers<ContextType>;
  LogicalApplyError?: LogicalApplyErrorResolvers<ContextType>;
  LogicalChanges?: LogicalChangesResolvers<ContextType>;
  LogicalConflictCounts?: LogicalConflictCountsResolvers<ContextType>;
  LogicalConflictResolution?: LogicalConflictResolutionResolvers<ContextType>;
  LogicalSkipResult?: LogicalSkipResultResolvers<ContextType>;
  LogicalStatistics?: LogicalStatisticsResolvers<ContextType>;
  LogicalSubscription?: LogicalSubscriptionResolvers<ContextType>;
  LogicalSubscriptionCounters?: LogicalSubscriptionCountersResolvers<ContextType>;
  LogicalSubscriptionStats?: LogicalSubscriptionStatsResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberGossip?: MemberGossipResolvers<ContextType>;
  MemberMetadata?: MemberMetadataResolvers<ContextType>;
  MemberSelfView?: MemberSelfViewResolvers<ContextType>;
  MemberStateDetail?: MemberStateDetailResolvers<ContextType>;
  MemberStateEvent?: MemberStateEventResolvers<ContextType>;
  MemberSuspicion?: MemberSuspicionResolvers<ContextType>;
  Metrics?: MetricsResolvers<ContextType>;
  MigrationStatistics?: MigrationStatisticsResolvers<ContextType>;
  MigrationTask?: MigrationTaskResolvers<ContextType>;
  MigrationTaskPage?: MigrationTaskPageResolvers<ContextType>;
  MonitoredChannel?: MonitoredChannelResolvers<ContextType>;
  MultiMasterAntiEntropy?: MultiMasterAntiEntropyResolvers<ContextType>;
  MultiMasterAntiEntropyPair?: MultiMasterAntiEntropyPairResolvers<ContextType>;
  MultiMasterConflict?: MultiMasterConflictResolvers<ContextType>;
  MultiMasterConflictVersion?: MultiMasterConflictVersionResolvers<ContextType>;
  MultiMasterConvergenceReport?: MultiMasterConvergenceReportResolvers<ContextType>;
  MultiMasterCounters?: MultiMasterCountersResolvers<ContextType>;
  MultiMasterGroupStatistics?: MultiMasterGroupStatisticsResolvers<ContextType>;
  MultiMasterPush?: MultiMasterPushResolvers<ContextType>;
  MultiMasterQuorumSite?: MultiMasterQuorumSiteResolvers<ContextType>;
  MultiMasterQuorumStatus?: MultiMasterQuorumStatusResolvers<ContextType>;
  MultiMasterRead?: MultiMasterReadResolvers<ContextType>;
  MultiMasterReadRow?: MultiMasterReadRowResolvers<ContextType>;
  MultiMasterReplicateResult?: MultiMasterReplicateResultResolvers<ContextType>;
  MultiMasterSibling?: MultiMasterSiblingResolvers<ContextType>;
  MultiMasterSite?: MultiMasterSiteResolvers<ContextType>;
  MultiMasterSiteAgreement?: MultiMasterSiteAgreementResolvers<ContextType>;
  MultiMasterSitePeer?: MultiMasterSitePeerResolvers<ContextType>;
  MultiMasterStatistics?: MultiMasterStatisticsResolvers<ContextType>;
  MultiMasterWrite?: MultiMasterWriteResolvers<ContextType>;
  MultiMasterWrittenVersion?: MultiMasterWrittenVersionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NetworkMetrics?: NetworkMetricsResolvers<ContextType>;
  NodeCapacity?: NodeCapacityResolvers<ContextType>;
  NodeHealthDetail?: NodeHealthDetailResolvers<ContextType>;
  NodeLoad?: NodeLoadResolvers<ContextType>;
  NodeRoleProbe?: NodeRoleProbeResolvers<ContextType>;
  NodeSnapshot?: NodeSnapshotResolvers<ContextType>;
  NodeStatusEvent?: NodeStatusEventResolvers<ContextType>;
  ObserverBelief?: ObserverBeliefResolvers<ContextType>;
  ObserverCounts?: ObserverCountsResolvers<ContextType>;
  OperationMetrics?: OperationMetricsResolvers<ContextType>;
  ParallelQueryAggregate?: ParallelQueryAggregateResolvers<ContextType>;
  ParallelQueryConfig?: ParallelQueryConfigResolvers<ContextType>;
  ParallelQueryEvent?: ParallelQueryEventResolvers<ContextType>;
  ParallelQueryFilter?: ParallelQueryFilterResolvers<ContextType>;
  ParallelQueryGranule?: ParallelQueryGranuleResolvers<ContextType>;
  ParallelQueryJob?: ParallelQueryJobResolvers<ContextType>;
  ParallelQueryPlan?: ParallelQueryPlanResolvers<ContextType>;
  ParallelQueryResult?: ParallelQueryResultResolvers<ContextType>;
  ParallelQueryStatistics?: ParallelQueryStatisticsResolvers<ContextType>;
  ParticipantResolution?: ParticipantResolutionResolvers<ContextType>;
  PerformanceMetrics?: PerformanceMetricsResolvers<ContextType>;
  PiggybackEntry?: PiggybackEntryResolvers<ContextType>;
  PlannedShardMove?: PlannedShardMoveResolvers<ContextType>;
  Principal?: PrincipalResolvers<ContextType>;
  ProcessMetrics?: ProcessMetricsResolvers<ContextType>;
  Publication?: PublicationResolvers<ContextType>;
  PublishedTable?: PublishedTableResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueryExecution?: QueryExecutionResolvers<ContextType>;
  QueryPhase?: QueryPhaseResolvers<ContextType>;
  QueryProgressMeasure?: QueryProgressMeasureResolvers<ContextType>;
  QueryTask?: QueryTaskResolvers<ContextType>;
  QuorumEvent?: QuorumEventResolvers<ContextType>;
  RacCluster?: RacClusterResolvers<ContextType>;
  RacClusterStatus?: RacClusterStatusResolvers<ContextType>;
  RacConfig?: RacConfigResolvers<ContextType>;
  RacInstance?: RacInstanceResolvers<ContextType>;
  RacInstanceSummary?: RacInstanceSummaryResolvers<ContextType>;
  RacStatistics?: RacStatisticsResolvers<ContextType>;
  RaftLeader?: RaftLeaderResolvers<ContextType>;
  RaftLogEntry?: RaftLogEntryResolvers<ContextType>;
  RaftLogSummary?: RaftLogSummaryResolvers<ContextType>;
  RaftMember?: RaftMemberResolvers<ContextType>;
  RaftMembership?: RaftMembershipResolvers<ContextType>;
  RaftPendingChange?: RaftPendingChangeResolvers<ContextType>;
  RaftState?: RaftStateResolvers<ContextType>;
  RaftVote?: RaftVoteResolvers<ContextType>;
  RangeDefinition?: RangeDefinitionResolvers<ContextType>;
  RangeRouteReason?: RangeRouteReasonResolvers<ContextType>;
  RangeSharding?: RangeShardingResolvers<ContextType>;
  RebalanceProgress?: RebalanceProgressResolvers<ContextType>;
  RebalanceResult?: RebalanceResultResolvers<ContextType>;
  RebalanceStatus?: RebalanceStatusResolvers<ContextType>;
  RecoveryConfig?: RecoveryConfigResolvers<ContextType>;
  RecoveryEvent?: RecoveryEventResolvers<ContextType>;
  RecoveryPhaseTiming?: RecoveryPhaseTimingResolvers<ContextType>;
  RecoveryStatus?: RecoveryStatusResolvers<ContextType>;
  RegionLatency?: RegionLatencyResolvers<ContextType>;
  RegionLatencyMatrix?: RegionLatencyMatrixResolvers<ContextType>;
  RegionPlacement?: RegionPlacementResolvers<ContextType>;
  RemasterEvent?: RemasterEventResolvers<ContextType>;
  RemasterMove?: RemasterMoveResolvers<ContextType>;
  RemasterResult?: RemasterResultResolvers<ContextType>;
  Replica?: ReplicaResolvers<ContextType>;
  ReplicaLag?: ReplicaLagResolvers<ContextType>;
  ReplicaStateCounts?: ReplicaStateCountsResolvers<ContextType>;
  ReplicaStatusEvent?: ReplicaStatusEventResolvers<ContextType>;
  ReplicationAlert?: ReplicationAlertResolvers<ContextType>;
  ReplicationAlertRule?: ReplicationAlertRuleResolvers<ContextType>;
  ReplicationChannel?: ReplicationChannelResolvers<ContextType>;
  ReplicationConfig?: ReplicationConfigResolvers<ContextType>;
  ReplicationConflict?: ReplicationConflictResolvers<ContextType>;
  ReplicationDashboard?: ReplicationDashboardResolvers<ContextType>;
  ReplicationFailoverResult?: ReplicationFailoverResultResolvers<ContextType>;
  ReplicationGroup?: ReplicationGroupResolvers<ContextType>;
  ReplicationLagEvent?: ReplicationLagEventResolvers<ContextType>;
  ReplicationLagReport?: ReplicationLagReportResolvers<ContextType>;
  ReplicationLagSample?: ReplicationLagSampleResolvers<ContextType>;
  ReplicationMonitoringDashboard?: ReplicationMonitoringDashboardResolvers<ContextType>;
  ReplicationSlot?: ReplicationSlotResolvers<ContextType>;
  ReplicationSnapshot?: ReplicationSnapshotResolvers<ContextType>;
  ReplicationSnapshotProgress?: ReplicationSnapshotProgressResolvers<ContextType>;
  ReplicationStatistics?: ReplicationStatisticsResolvers<ContextType>;
  ReplicationStatus?: ReplicationStatusResolvers<ContextType>;
  RequestMetrics?: RequestMetricsResolvers<ContextType>;
  RouteReason?: RouteReasonResolvers<ContextType>;
  RoutedShard?: RoutedShardResolvers<ContextType>;
  RowLock?: RowLockResolvers<ContextType>;
  RuntimeMetrics?: RuntimeMetricsResolvers<ContextType>;
  ServiceFailover?: ServiceFailoverResolvers<ContextType>;
  ServiceFailoverStep?: ServiceFailoverStepResolvers<ContextType>;
  ServiceInstanceHealth?: ServiceInstanceHealthResolvers<ContextType>;
  ServiceLocation?: ServiceLocationResolvers<ContextType>;
  ServiceRegion?: ServiceRegionResolvers<ContextType>;
  ServiceRegionHealth?: ServiceRegionHealthResolvers<ContextType>;
  ServiceRouteCandidate?: ServiceRouteCandidateResolvers<ContextType>;
  ServiceRouteDecision?: ServiceRouteDecisionResolvers<ContextType>;
  ServiceRoutingCounts?: ServiceRoutingCountsResolvers<ContextType>;
  SessionClockGap?: SessionClockGapResolvers<ContextType>;
  SessionCoverage?: SessionCoverageResolvers<ContextType>;
  Shard?: ShardResolvers<ContextType>;
  ShardHotValue?: ShardHotValueResolvers<ContextType>;
  ShardKeyAnalysis?: ShardKeyAnalysisResolvers<ContextType>;
  ShardKeyCondition?: ShardKeyConditionResolvers<ContextType>;
  ShardMove?: ShardMoveResolvers<ContextType>;
  ShardMoveProgress?: ShardMoveProgressResolvers<ContextType>;
  ShardNodeStatistics?: ShardNodeStatisticsResolvers<ContextType>;
  ShardRebalancePlan?: ShardRebalancePlanResolvers<ContextType>;
  ShardRoute?: ShardRouteResolvers<ContextType>;
  ShardStatusCounts?: ShardStatusCountsResolvers<ContextType>;
  ShardTokenRange?: ShardTokenRangeResolvers<ContextType>;
  ShardWriteResult?: ShardWriteResultResolvers<ContextType>;
  ShardedColumn?: ShardedColumnResolvers<ContextType>;
  ShardedQueryPlan?: ShardedQueryPlanResolvers<ContextType>;
  ShardedRowsWritten?: ShardedRowsWrittenResolvers<ContextType>;
  ShardedTable?: ShardedTableResolvers<ContextType>;
  ShardedTableStatistics?: ShardedTableStatisticsResolvers<ContextType>;
  ShardingStatistics?: ShardingStatisticsResolvers<ContextType>;
  ShardingStrategy?: ShardingStrategyResolvers<ContextType>;
  SlotCounts?: SlotCountsResolvers<ContextType>;
  SlotWalStatusCounts?: SlotWalStatusCountsResolvers<ContextType>;
  SnapshotCounts?: SnapshotCountsResolvers<ContextType>;
  SnapshotInfo?: SnapshotInfoResolvers<ContextType>;
  StrategyReplay?: StrategyReplayResolvers<ContextType>;
  StreamSubscription?: StreamSubscriptionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SubscriptionCounts?: SubscriptionCountsResolvers<ContextType>;
  SubscriptionSlot?: SubscriptionSlotResolvers<ContextType>;
  SubscriptionTableState?: SubscriptionTableStateResolvers<ContextType>;
  SuspectedNode?: SuspectedNodeResolvers<ContextType>;
  Suspicion?: SuspicionResolvers<ContextType>;
  SuspicionTimeouts?: SuspicionTimeoutsResolvers<ContextType>;
  SwimCounters?: SwimCountersResolvers<ContextType>;
  TableVerification?: TableVerificationResolvers<ContextType>;
  TransactionLatency?: TransactionLatencyResolvers<ContextType>;
  TransactionParticipant?: TransactionParticipantResolvers<ContextType>;
  UnavailableShard?: UnavailableShardResolvers<ContextType>;
  VoteCounts?: VoteCountsResolvers<ContextType>;
  VoteResponse?: VoteResponseResolvers<ContextType>;
  WalSegmentCounts?: WalSegmentCountsResolvers<ContextType>;
  WalSentCounts?: WalSentCountsResolvers<ContextType>;
  WanLink?: WanLinkResolvers<ContextType>;
  WebSocketConnection?: WebSocketConnectionResolvers<ContextType>;
  WebSocketLimits?: WebSocketLimitsResolvers<ContextType>;
  WebSocketStatus?: WebSocketStatusResolvers<ContextType>;
  WebSocketStreamStatus?: WebSocketStreamStatusResolvers<ContextType>;
  WorkflowCounts?: WorkflowCountsResolvers<ContextType>;
  Workload?: WorkloadResolvers<ContextType>;
  WorkloadMix?: WorkloadMixResolvers<ContextType>;
  WorkloadWrites?: WorkloadWritesResolvers<ContextType>;
  XaBranchEvent?: XaBranchEventResolvers<ContextType>;
  XaRecoveredTransaction?: XaRecoveredTransactionResolvers<ContextType>;
  XaResourceManager?: XaResourceManagerResolvers<ContextType>;
  XaStateCounts?: XaStateCountsResolvers<ContextType>;
  XaStatistics?: XaStatisticsResolvers<ContextType>;
  XaTransaction?: XaTransactionResolvers<ContextType>;
  ZonePlacement?: ZonePlacementResolvers<ContextType>;
};

