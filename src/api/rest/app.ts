import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import type { Services } from '../../platform.js';
import { docsRoutes } from './docs.js';
import { requestLog } from './request-log.js';
import { failoverHandlers } from './handlers/failover/failover.js';
import { raftHandlers } from './handlers/raft/raft.js';
import { clusterHealthHandlers } from './handlers/health/cluster-health.js';
import { clusterStatusHandlers } from './handlers/cluster/cluster-status.js';
import { clusterHandlers } from './handlers/cluster/cluster.js';
import { coordinatorHandlers } from './handlers/coordinator/coordinator.js';
import { dhtHandlers } from './handlers/dht/dht.js';
import { loadBalancerHandlers } from './handlers/load-balancer/load-balancer.js';
import { membershipHandlers } from './handlers/membership/membership.js';
import { platformHandlers } from './handlers/platform/platform.js';
import { simulationHandlers } from './handlers/simulation/simulation.js';
import { replicationHandlers } from './handlers/replication/replication.js';
import { replicationSlotHandlers } from './handlers/replication/replication-slots.js';
import { replicationSnapshotHandlers } from './handlers/replication/replication-snapshots.js';
import { replicationConflictHandlers } from './handlers/replication/replication-conflicts.js';
import { replicationMonitorHandlers } from './handlers/replication/replication-monitor.js';
import { racHandlers } from './handlers/rac/rac.js';
import { racRecoveryHandlers } from './handlers/rac/rac-recovery.js';
import { racParallelQueryHandlers } from './handlers/rac/rac-parallel-query.js';
import type { HandlerTable } from './handler-types.js';
import { operationRoutes, routeNotFound, sendError, type OperationEntry } from './operation-routes.js';
import type { RequestValidator } from './request-validator.js';

export interface RestAppOptions {
  services: Services;
  operations: readonly OperationEntry[];
  validator: RequestValidator;
  logger: Logger;
  specJsonPath: string;
  specYamlPath: string;
  /** Mounts extra routes (GraphQL) before the 404 fallback. */
  mount?: (app: Express) => void;
}

/** Largest JSON body accepted. */
const MAX_BODY_BYTES = '1mb';

/** Every implemented REST operation's handler, by operationId. */
export function restHandlers(services: Services): HandlerTable {
  return {
    ...clusterHandlers(services),
    ...dhtHandlers(services),
    ...loadBalancerHandlers(services),
    ...coordinatorHandlers(services),
    ...membershipHandlers(services),
    ...failoverHandlers(services),
    ...raftHandlers(services),
    ...clusterHealthHandlers(services),
    ...clusterStatusHandlers(services),
    ...replicationHandlers(services),
    ...replicationSlotHandlers(services),
    ...replicationSnapshotHandlers(services),
    ...replicationConflictHandlers(services),
    ...replicationMonitorHandlers(services),
    ...racHandlers(services),
    ...racRecoveryHandlers(services),
    ...racParallelQueryHandlers(services),
    ...simulationHandlers(services),
    ...platformHandlers(services),
  };
}

/** The express application: logging, metrics, docs, every operation of the contract, and the 404 fallback. */
export function createRestApp(options: RestAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    requestLog(options.logger, (operationId, status, durationMs) => options.services.metrics.recordRequest(operationId, status, durationMs)),
  );
  // The API first: its radix-tree lookup is one step, where the docs and GraphQL routers are tried one route at a time.
  app.use(
    operationRoutes({
      operations: options.operations,
      services: options.services,
      validator: options.validator,
      handlers: restHandlers(options.services),
      parseJson: express.json({ limit: MAX_BODY_BYTES }),
      onError: (error, request: Request) => options.logger.error({ err: error, requestId: request.id }, 'unexpected error'),
    }),
  );
  app.use(docsRoutes(options.specJsonPath, options.specYamlPath));
  options.mount?.(app);
  app.use(routeNotFound);
  // Anything that escaped a route.
  app.use((error: unknown, request: Request, response: express.Response, _next: express.NextFunction) => {
    options.logger.error({ err: error, requestId: request.id }, 'unexpected error');
    sendError(request, response, error);
  });
  return app;
}
