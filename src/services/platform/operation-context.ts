/** Roles, from most to least powerful. */
export type Role = 'CLUSTER_ADMIN' | 'REPLICATION_ADMIN' | 'DBA' | 'CLUSTER_VIEWER';

export const ROLES: readonly Role[] = ['CLUSTER_ADMIN', 'REPLICATION_ADMIN', 'DBA', 'CLUSTER_VIEWER'];

/** Who is calling: the API key behind the request (a token names its key). */
export interface Caller {
  keyId: string;
  role: Role;
}

/** Everything a service operation needs to know about the request, and nothing about HTTP. */
export interface OperationContext {
  caller: Caller;
  requestId: string;
}
