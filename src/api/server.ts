import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Express } from 'express';
import { GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ApiBackend } from './surfaces.js';
import { operations } from '../../generated/operations.js';
import { createRestApp } from './rest/app.js';
import { RequestValidator } from './rest/request-validator.js';
import { ResponseSerializers } from './rest/response-serializers.js';
import { OPERATION_LOCAL } from './rest/operation-routes.js';
import { ContractSchemas } from './contract-schemas.js';
import { createGraphQL, GRAPHQL_PATH } from './graphql/yoga.js';
import { graphqlJsonBody } from './graphql/json-body.js';
import { WebSocketStreams, refuseUpgrade } from './ws/websocket-streams.js';
import { ApiError } from './error-catalog.js';

export interface ApiServer {
  app: Express;
  httpServer: Server;
  /** Closes WebSockets and stops accepting connections (the platform is closed separately). */
  close(): Promise<void>;
}

/**
 * Where `npm run generate` wrote the bundled contract and the merged GraphQL schema: the
 * `generated/` folder of the package, found upwards from this file (src/api when run from source,
 * dist/src/api when compiled).
 */
export const GENERATED_DIR = findGeneratedDir(import.meta.dirname);

function findGeneratedDir(start: string): string {
  for (let directory = start; directory !== dirname(directory); directory = dirname(directory)) {
    const candidate = join(directory, 'generated');
    if (existsSync(join(candidate, 'openapi.json'))) return candidate;
  }
  throw new Error(`generated/openapi.json not found above ${start}; run \`npm run generate\`.`);
}

export interface ApiServerOptions {
  /**
   * Origins (`https://console.example.com`) of browser applications allowed to call the API:
   * their requests and preflights get CORS headers. Empty or absent: CORS is off.
   */
  corsOrigins?: readonly string[];
  /** Validate every JSON answer against the contract before writing it (the test servers do; see ResponseSerializers). */
  checkResponses?: boolean;
}

/**
 * One HTTP server for every surface: REST and the docs (express), GraphQL over HTTP and SSE
 * (yoga, mounted in express), and WebSocket upgrades for graphql-ws and the event streams.
 */
export async function createApiServer({ services, surfaces }: ApiBackend, logger: Logger, options: ApiServerOptions = {}): Promise<ApiServer> {
  const contractDir = GENERATED_DIR;
  const document = JSON.parse(await readFile(join(contractDir, 'openapi.json'), 'utf8'));
  const validator = await RequestValidator.create(document);
  const yoga = createGraphQL(services, surfaces.resolvers, new ContractSchemas(document), join(contractDir, 'graphql', 'schema.graphql'));
  const app = createRestApp({
    services,
    handlerFactories: surfaces.restHandlers,
    operations,
    validator,
    serializers: new ResponseSerializers(document, { checkBodies: options.checkResponses ?? false }),
    logger,
    specJsonPath: join(contractDir, 'openapi.json'),
    specYamlPath: join(contractDir, 'openapi.yaml'),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    mount: (express) =>
      express.use(GRAPHQL_PATH, graphqlJsonBody(), (request, response) => {
        response.locals[OPERATION_LOCAL] = 'graphql';
        void yoga(request, response);
      }),
  });
  const httpServer = createServer(app);
  const streams = new WebSocketStreams(services, surfaces.streams, logger, document.components.schemas.EventType.enum);
  const graphqlSockets = new WebSocketServer({ noServer: true });
  const graphqlWs = useServer(
    {
      execute: (args) => (args.rootValue as GraphQLRoot).execute(args),
      subscribe: (args) => (args.rootValue as GraphQLRoot).subscribe(args),
      onSubscribe: async (context, id, payload) => {
        // graphql-ws sends a subscription's next result only once the last is written, so a slow
        // reader's backlog waits in its source's bounded buffer; what is left to bound is how many.
        // graphql-ws has already reserved this subscription's id when it asks us.
        const { maxSubscriptionsPerConnection } = services.streamRegistry.limits;
        if (Object.keys(context.subscriptions).length > maxSubscriptionsPerConnection) {
          return [new GraphQLError(`This connection holds ${maxSubscriptionsPerConnection} subscriptions, the most one may; complete one first.`, { extensions: { code: 'RATE_LIMITED' } })];
        }
        const enveloped = yoga.getEnveloped({ ...context, req: context.extra.request, socket: context.extra.socket, params: payload });
        let document: DocumentNode;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          // A syntax error answers this subscription with an error; it must not drop the connection.
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory({ connectionParams: context.connectionParams, graphqlWsId: id }),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    graphqlSockets,
  );
  const plannedStreamPaths = new Set<string>(operations.filter((operation) => operation.websocket && operation.planned).map((operation) => operation.path));
  httpServer.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === GRAPHQL_PATH) {
      const { maxConnections } = services.streamRegistry.limits;
      if (graphqlSockets.clients.size >= maxConnections) {
        refuseUpgrade(socket, new ApiError('RATE_LIMITED', `${maxConnections} GraphQL WebSocket connections are open, the most this server accepts; retry later.`, { retryAfterSeconds: 1 }));
        return;
      }
      graphqlSockets.handleUpgrade(request, socket, head, (webSocket) => graphqlSockets.emit('connection', webSocket, request));
    } else if (streams.handles(url.pathname)) {
      void streams.upgrade(request, socket, head, url);
    } else if (plannedStreamPaths.has(url.pathname)) {
      refuseUpgrade(socket, new ApiError('NOT_IMPLEMENTED', `${url.pathname} is a planned stream, not implemented yet.`));
    } else {
      refuseUpgrade(socket, new ApiError('ROUTE_NOT_FOUND', `No WebSocket stream exists at ${url.pathname}.`));
    }
  });
  return {
    app,
    httpServer,
    async close() {
      streams.close();
      await graphqlWs.dispose();
      graphqlSockets.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

/** The enveloped executors, handed to graphql-ws through rootValue as yoga's guide does. */
interface GraphQLRoot {
  execute: (args: ExecutionArgs) => Promise<ExecutionResult>;
  subscribe: (args: ExecutionArgs) => Promise<ExecutionResult | AsyncGenerator<ExecutionResult>>;
}

