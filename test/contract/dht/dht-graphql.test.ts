import { describe, expect, test } from 'vitest';
import type {
  DhtNode,
  DhtRingEntry,
  DhtRouteResult,
  DhtStatistics,
} from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';
import { codesOf, dataOf, graphql } from '../../support/graphql.js';

const fixture = useTestServer({ nodes: 5 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };

const DHT_NODE_FIELDS = 'nodeId weight vnodeCount ownedTokenCount ownershipPercent routedKeys';
const SPREAD_FIELDS = 'meanLoadFactor variance standardDeviation maxOverMean minOverMean';
const DHT_STATISTICS_FIELDS = `hashFunction hashSeed vnodesPerNode nodeCount vnodeCount hashSpaceSize routedKeys
  nodes { nodeId weight vnodeCount ownershipPercent routedKeys routedKeyPercent }
  ownershipSpread { ${SPREAD_FIELDS} } routedKeySpread { ${SPREAD_FIELDS} }`;

describe('DHT', () => {
  test('dhtNodes, dhtRing and dhtStatistics equal their REST twins', async () => {
    const nodes = await graphql<{ dhtNodes: DhtNode[] }>(fixture.server, `{ dhtNodes { ${DHT_NODE_FIELDS} } }`, {}, { apiKey: fixture.viewerKey });
    const restNodes = await fixture.server.http.get('/api/v1/cluster/dht/nodes').set(asAdmin);
    expectContract('listDhtNodes', restNodes);
    expect(dataOf(nodes).dhtNodes).toEqual(restNodes.body.data);

    const ring = await graphql<{ dhtRing: DhtRingEntry[] }>(fixture.server, '{ dhtRing(nodeId: "node-3", fromToken: 1000000000, limit: 5, offset: 1) { token nodeId vnodeIndex rangeSize } }');
    const restRing = await fixture.server.http.get('/api/v1/cluster/dht/ring?nodeId=node-3&fromToken=1000000000&limit=5&offset=1').set(asAdmin);
    expectContract('getDhtRing', restRing);
    expect(dataOf(ring).dhtRing).toEqual(restRing.body.data);

    const sorted = await graphql<{ dhtNodes: DhtNode[] }>(fixture.server, '{ dhtNodes(sortBy: ownershipPercent, order: DESC, limit: 1) { nodeId } }');
    const restSorted = await fixture.server.http.get('/api/v1/cluster/dht/nodes?sort_by=ownershipPercent&order=desc&limit=1').set(asAdmin);
    expect(dataOf(sorted).dhtNodes).toEqual([{ nodeId: restSorted.body.data[0].nodeId }]);

    const statistics = await graphql<{ dhtStatistics: DhtStatistics }>(fixture.server, `{ dhtStatistics { ${DHT_STATISTICS_FIELDS} } }`);
    const restStatistics = await fixture.server.http.get('/api/v1/cluster/dht/statistics').set(asAdmin);
    expectContract('getDhtStatistics', restStatistics);
    expect(dataOf(statistics).dhtStatistics).toEqual(restStatistics.body.data);
  });

  test('routeDhtKey routes like REST, for a viewer too; a token beyond 32 bits or both key and keys are refused', async () => {
    const routed = await graphql<{ routeDhtKey: DhtRouteResult }>(
      fixture.server,
      '{ routeDhtKey(keys: ["user:42", "user:43"], replicas: 2) { hashFunction routes { key token nodeId vnodeIndex vnodeToken preferenceList } } }',
      {},
      { apiKey: fixture.viewerKey },
    );
    const rest = await fixture.server.http.post('/api/v1/cluster/dht/route').set(asAdmin).send({ keys: ['user:42', 'user:43'], replicas: 2 });
    expectContract('routeDhtKey', rest);
    expect(dataOf(routed).routeDhtKey).toEqual(rest.body.data);

    expect(codesOf(await graphql<unknown>(fixture.server, '{ routeDhtKey(key: "a", keys: ["b"]) { hashFunction } }'))).toEqual(['UNPROCESSABLE']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ routeDhtKey(keys: [], replicas: 0) { hashFunction } }'))).toEqual(['VALIDATION_FAILED']);
    expect(codesOf(await graphql<unknown>(fixture.server, '{ dhtRing(fromToken: 4294967296) { token } }'))).toEqual(['VALIDATION_FAILED']);
  });
});
