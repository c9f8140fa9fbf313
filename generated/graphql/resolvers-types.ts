import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphQLContext } from '../../src/api/graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** The cluster clock. */
export type Clock = {
  __typename?: 'Clock';
  mode: ClockMode;
  now: Scalars['DateTime']['output'];
  pendingTimers: Scalars['Int']['output'];
  /** Cluster milliseconds per wall millisecond in realtime mode. */
  speed: Scalars['Float']['output'];
};

export type ClockInput = {
  mode?: InputMaybe<ClockMode>;
  speed?: InputMaybe<Scalars['Float']['input']>;
};

export type ClockMode =
  | 'manual'
  | 'realtime';

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

/** Condition of the cluster, derived from node health and quorum. */
export type ClusterState =
  | 'DEGRADED'
  | 'FORMING'
  | 'INITIALIZING'
  | 'OPERATIONAL'
  | 'RECOVERING'
  | 'SHUTTING_DOWN'
  | 'STOPPED';

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

export type CreateApiKeyInput = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  role: Role;
};

/** A new API key with its secret. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  key: ApiKey;
  /** Shown only here. */
  secret: Scalars['String']['output'];
};

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

/** A page of events. */
export type EventPage = {
  __typename?: 'EventPage';
  events: Array<Event>;
  /** Pass as `after` to read on. */
  nextCursor: Scalars['BigInt']['output'];
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

export type HealthCheck = {
  __typename?: 'HealthCheck';
  message: Scalars['String']['output'];
  name: Scalars['String']['output'];
  status: HealthStatus;
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

export type HealthStatus =
  | 'DEGRADED'
  | 'DOWN'
  | 'UP';

/** Roles an operator may choose when adding a node. */
export type MemberRole =
  | 'COORDINATOR'
  | 'FOLLOWER'
  | 'READ_ONLY'
  | 'WITNESS';

export type Mutation = {
  __typename?: 'Mutation';
  /** Echoes nothing; placeholder root extended by every domain. */
  _noop?: Maybe<Scalars['Boolean']['output']>;
  addClusterNode: ClusterNode;
  /** Moves a manual clock forward, firing every timer due in between. */
  advanceClock: Clock;
  createAccessToken: AccessToken;
  createApiKey: CreatedApiKey;
  healFault: Fault;
  injectFault: Fault;
  /** Removes a node; refused when it would cost the cluster its quorum, unless force is true. */
  removeClusterNode: Scalars['Boolean']['output'];
  revokeApiKey: ApiKey;
  setClock: Clock;
  updateClusterConfig: ClusterInfo;
};


export type MutationAddClusterNodeArgs = {
  input: AddNodeInput;
};


export type MutationAdvanceClockArgs = {
  ms: Scalars['Int']['input'];
};


export type MutationCreateAccessTokenArgs = {
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationHealFaultArgs = {
  id: Scalars['ID']['input'];
};


export type MutationInjectFaultArgs = {
  input: FaultInput;
};


export type MutationRemoveClusterNodeArgs = {
  force?: InputMaybe<Scalars['Boolean']['input']>;
  nodeId: Scalars['ID']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetClockArgs = {
  input: ClockInput;
};


export type MutationUpdateClusterConfigArgs = {
  config: ClusterConfigInput;
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

/** A node's part in the cluster. LEADER and CANDIDATE are set by consensus. */
export type NodeRole =
  | 'CANDIDATE'
  | 'COORDINATOR'
  | 'FOLLOWER'
  | 'LEADER'
  | 'READ_ONLY'
  | 'WITNESS';

/** Services a node can run. */
export type NodeServiceName =
  | 'coordinator'
  | 'gateway'
  | 'query'
  | 'replication'
  | 'storage';

/** Health as the failure detector sees it, from heartbeats. */
export type NodeStatus =
  | 'DOWN'
  | 'HEALTHY'
  | 'INITIALIZING'
  | 'RECOVERING'
  | 'SUSPECTED';

export type Query = {
  __typename?: 'Query';
  apiKeys: Array<ApiKey>;
  /** Version of the API server. */
  apiVersion: Scalars['String']['output'];
  auditEntries: Array<AuditEntry>;
  clock: Clock;
  /** The cluster as a whole. */
  cluster?: Maybe<ClusterInfo>;
  clusterConfig: ClusterConfig;
  clusterNode?: Maybe<ClusterNode>;
  /** Cluster members, filtered and paged like GET /api/v1/cluster/nodes. */
  clusterNodes: Array<ClusterNode>;
  clusterTopology: ClusterTopology;
  /** Events after a cursor, oldest first. */
  events: EventPage;
  faults: Array<Fault>;
  health: HealthReport;
  /** The same snapshot as GET /api/v1/metrics. */
  metrics: Scalars['JSON']['output'];
  /** Metrics in Prometheus text format. */
  prometheusMetrics: Scalars['String']['output'];
};


export type QueryApiKeysArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
};


export type QueryAuditEntriesArgs = {
  actorKeyId?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  operationId?: InputMaybe<Scalars['String']['input']>;
  order?: InputMaybe<SortOrder>;
  outcome?: InputMaybe<AuditOutcome>;
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


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['BigInt']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryFaultsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<FaultType>;
};


export type QueryHealthArgs = {
  probe?: InputMaybe<HealthProbe>;
};

/** Nodes of one region. */
export type RegionPlacement = {
  __typename?: 'RegionPlacement';
  region: Scalars['String']['output'];
  zones: Array<ZonePlacement>;
};

export type Role =
  | 'CLUSTER_ADMIN'
  | 'CLUSTER_VIEWER'
  | 'DBA'
  | 'REPLICATION_ADMIN';

/** Sort direction. */
export type SortOrder =
  | 'ASC'
  | 'DESC';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every event of the cluster, optionally filtered by type and by the resource it concerns.
   * `resumeFrom` replays stored events after that cursor first, with no gap and no duplicate.
   */
  events: Event;
  /** A node, each time it joins, leaves or its status changes. */
  nodeStatusChanged: ClusterNode;
};


export type SubscriptionEventsArgs = {
  resourceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  resumeFrom?: InputMaybe<Scalars['BigInt']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type SubscriptionNodeStatusChangedArgs = {
  nodeId?: InputMaybe<Scalars['ID']['input']>;
};

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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessToken: ResolverTypeWrapper<AccessToken>;
  AddNodeInput: AddNodeInput;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditOutcome: AuditOutcome;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Clock: ResolverTypeWrapper<Clock>;
  ClockInput: ClockInput;
  ClockMode: ClockMode;
  ClusterConfig: ResolverTypeWrapper<ClusterConfig>;
  ClusterConfigInput: ClusterConfigInput;
  ClusterInfo: ResolverTypeWrapper<ClusterInfo>;
  ClusterNode: ResolverTypeWrapper<ClusterNode>;
  ClusterNodeSortField: ClusterNodeSortField;
  ClusterState: ClusterState;
  ClusterTopology: ResolverTypeWrapper<ClusterTopology>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKey>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Event: ResolverTypeWrapper<Event>;
  EventPage: ResolverTypeWrapper<EventPage>;
  Fault: ResolverTypeWrapper<Fault>;
  FaultInput: FaultInput;
  FaultType: FaultType;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HealthCheck: ResolverTypeWrapper<HealthCheck>;
  HealthProbe: HealthProbe;
  HealthReport: ResolverTypeWrapper<HealthReport>;
  HealthStatus: HealthStatus;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MemberRole: MemberRole;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NodeCapacity: ResolverTypeWrapper<NodeCapacity>;
  NodeCapacityInput: NodeCapacityInput;
  NodeRole: NodeRole;
  NodeServiceName: NodeServiceName;
  NodeStatus: NodeStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegionPlacement: ResolverTypeWrapper<RegionPlacement>;
  Role: Role;
  SortOrder: SortOrder;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ZonePlacement: ResolverTypeWrapper<ZonePlacement>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessToken: AccessToken;
  AddNodeInput: AddNodeInput;
  ApiKey: ApiKey;
  AuditEntry: AuditEntry;
  BigInt: Scalars['BigInt']['output'];
  Boolean: Scalars['Boolean']['output'];
  Clock: Clock;
  ClockInput: ClockInput;
  ClusterConfig: ClusterConfig;
  ClusterConfigInput: ClusterConfigInput;
  ClusterInfo: ClusterInfo;
  ClusterNode: ClusterNode;
  ClusterTopology: ClusterTopology;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: CreatedApiKey;
  DateTime: Scalars['DateTime']['output'];
  Event: Event;
  EventPage: EventPage;
  Fault: Fault;
  FaultInput: FaultInput;
  Float: Scalars['Float']['output'];
  HealthCheck: HealthCheck;
  HealthReport: HealthReport;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  NodeCapacity: NodeCapacity;
  NodeCapacityInput: NodeCapacityInput;
  Query: Record<PropertyKey, never>;
  RegionPlacement: RegionPlacement;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  ZonePlacement: ZonePlacement;
};

export type AccessTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AccessToken'] = ResolversParentTypes['AccessToken']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type ClockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Clock'] = ResolversParentTypes['Clock']> = {
  mode?: Resolver<ResolversTypes['ClockMode'], ParentType, ContextType>;
  now?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pendingTimers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  speed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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

export type CreatedApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  cursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EventPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventPage'] = ResolversParentTypes['EventPage']> = {
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  nextCursor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
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

export type HealthCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthCheck'] = ResolversParentTypes['HealthCheck']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
};

export type HealthReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HealthReport'] = ResolversParentTypes['HealthReport']> = {
  checks?: Resolver<Array<ResolversTypes['HealthCheck']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  addClusterNode?: Resolver<ResolversTypes['ClusterNode'], ParentType, ContextType, RequireFields<MutationAddClusterNodeArgs, 'input'>>;
  advanceClock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType, RequireFields<MutationAdvanceClockArgs, 'ms'>>;
  createAccessToken?: Resolver<ResolversTypes['AccessToken'], ParentType, ContextType, Partial<MutationCreateAccessTokenArgs>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  healFault?: Resolver<ResolversTypes['Fault'], ParentType, ContextType, RequireFields<MutationHealFaultArgs, 'id'>>;
  injectFault?: Resolver<ResolversTypes['Fault'], ParentType, ContextType, RequireFields<MutationInjectFaultArgs, 'input'>>;
  removeClusterNode?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveClusterNodeArgs, 'force' | 'nodeId'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  setClock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType, RequireFields<MutationSetClockArgs, 'input'>>;
  updateClusterConfig?: Resolver<ResolversTypes['ClusterInfo'], ParentType, ContextType, RequireFields<MutationUpdateClusterConfigArgs, 'config'>>;
};

export type NodeCapacityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NodeCapacity'] = ResolversParentTypes['NodeCapacity']> = {
  availableMemoryGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cpuCores?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  networkBandwidthMbps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  storageCapacityGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalMemoryGb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'limit' | 'offset'>>;
  apiVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  auditEntries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryAuditEntriesArgs, 'limit' | 'offset' | 'order'>>;
  clock?: Resolver<ResolversTypes['Clock'], ParentType, ContextType>;
  cluster?: Resolver<Maybe<ResolversTypes['ClusterInfo']>, ParentType, ContextType>;
  clusterConfig?: Resolver<ResolversTypes['ClusterConfig'], ParentType, ContextType>;
  clusterNode?: Resolver<Maybe<ResolversTypes['ClusterNode']>, ParentType, ContextType, RequireFields<QueryClusterNodeArgs, 'nodeId'>>;
  clusterNodes?: Resolver<Array<ResolversTypes['ClusterNode']>, ParentType, ContextType, RequireFields<QueryClusterNodesArgs, 'limit' | 'offset' | 'order' | 'sortBy'>>;
  clusterTopology?: Resolver<ResolversTypes['ClusterTopology'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventPage'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'after' | 'limit'>>;
  faults?: Resolver<Array<ResolversTypes['Fault']>, ParentType, ContextType, RequireFields<QueryFaultsArgs, 'limit' | 'offset'>>;
  health?: Resolver<ResolversTypes['HealthReport'], ParentType, ContextType, RequireFields<QueryHealthArgs, 'probe'>>;
  metrics?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  prometheusMetrics?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RegionPlacementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RegionPlacement'] = ResolversParentTypes['RegionPlacement']> = {
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zones?: Resolver<Array<ResolversTypes['ZonePlacement']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  events?: SubscriptionResolver<ResolversTypes['Event'], "events", ParentType, ContextType, Partial<SubscriptionEventsArgs>>;
  nodeStatusChanged?: SubscriptionResolver<ResolversTypes['ClusterNode'], "nodeStatusChanged", ParentType, ContextType, Partial<SubscriptionNodeStatusChangedArgs>>;
};

export type ZonePlacementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZonePlacement'] = ResolversParentTypes['ZonePlacement']> = {
  nodeIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AccessToken?: AccessTokenResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  Clock?: ClockResolvers<ContextType>;
  ClusterConfig?: ClusterConfigResolvers<ContextType>;
  ClusterInfo?: ClusterInfoResolvers<ContextType>;
  ClusterNode?: ClusterNodeResolvers<ContextType>;
  ClusterTopology?: ClusterTopologyResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Event?: EventResolvers<ContextType>;
  EventPage?: EventPageResolvers<ContextType>;
  Fault?: FaultResolvers<ContextType>;
  HealthCheck?: HealthCheckResolvers<ContextType>;
  HealthReport?: HealthReportResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  NodeCapacity?: NodeCapacityResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegionPlacement?: RegionPlacementResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  ZonePlacement?: ZonePlacementResolvers<ContextType>;
};

