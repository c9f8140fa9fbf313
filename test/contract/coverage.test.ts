import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { operations } from '../../generated/operations.js';

const contractTestDir = import.meta.dirname;
const built = operations.filter((operation) => !operation.planned);

/** Every test file under test/contract, read as text. */
function contractTestSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return contractTestSources(path);
    return entry.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/**
 * The GraphQL twin of each built REST operation ("Query.x", "Mutation.x", "Subscription.x").
 * Adding a REST operation without its twin fails the test below.
 */
const graphqlTwins: Record<string, string> = {
  listClusterNodes: 'Query.clusterNodes',
  getClusterNode: 'Query.clusterNode',
  addClusterNode: 'Mutation.addClusterNode',
  removeClusterNode: 'Mutation.removeClusterNode',
  getClusterTopology: 'Query.clusterTopology',
  getClusterConfig: 'Query.clusterConfig',
  updateClusterConfig: 'Mutation.updateClusterConfig',
  listFaults: 'Query.faults',
  injectFault: 'Mutation.injectFault',
  healFault: 'Mutation.healFault',
  getClock: 'Query.clock',
  setClock: 'Mutation.setClock',
  advanceClock: 'Mutation.advanceClock',
  listEvents: 'Query.events',
  streamEvents: 'Subscription.events',
  streamClusterNodeEvents: 'Subscription.nodeStatusChanged',
  getLiveness: 'Query.health',
  getReadiness: 'Query.health',
  getStartup: 'Query.health',
  getFullHealth: 'Query.health',
  getMetrics: 'Query.metrics',
  getPrometheusMetrics: 'Query.prometheusMetrics',
  listApiKeys: 'Query.apiKeys',
  createApiKey: 'Mutation.createApiKey',
  revokeApiKey: 'Mutation.revokeApiKey',
  createAccessToken: 'Mutation.createAccessToken',
  listAuditEntries: 'Query.auditEntries',
};

describe('coverage of the contract', () => {
  test('every built operation has a contract test that validates its responses', () => {
    const sources = contractTestSources(contractTestDir).join('\n');
    const untested = built.map((operation) => operation.operationId).filter((operationId) => !sources.includes(`expectContract('${operationId}'`));
    expect(untested, 'operations without a contract test').toEqual([]);
  });

  test('every built operation has a GraphQL twin that exists in the schema', () => {
    const schema = buildSchema(readFileSync(join(contractTestDir, '..', '..', 'generated', 'graphql', 'schema.graphql'), 'utf8'));
    const missing = built
      .map((operation) => operation.operationId)
      .filter((operationId) => {
        const twin = graphqlTwins[operationId];
        if (!twin) return true;
        const [typeName, fieldName] = twin.split('.') as [string, string];
        const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
        return !type?.getFields?.()[fieldName];
      });
    expect(missing, 'operations without a GraphQL twin').toEqual([]);
  });

  test('every primary endpoint of the contract TSV is in the spec, built or planned', () => {
    const rows = readFileSync(join(contractTestDir, '..', '..', 'spec', 'contract', 'endpoints.tsv'), 'utf8').trim().split('\n').slice(1);
    const wanted = rows
      .map((row) => row.split('\t'))
      .filter(([, , scope, role]) => role === 'primary' && scope !== 'out')
      .map(([method, path]) => `${method!.toLowerCase()} ${path!.replace(/\{[^}]+\}/g, '{}')}`);
    const inSpec = new Set(operations.map((operation) => `${operation.method} ${operation.path.replace(/\{[^}]+\}/g, '{}')}`));
    expect(wanted.filter((endpoint) => !inSpec.has(endpoint))).toEqual([]);
  });
});
