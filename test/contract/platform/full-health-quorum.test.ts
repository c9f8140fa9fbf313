/** GET /api/v1/health/full: 200 while the cluster has quorum (even degraded), 503 without. */
import { describe, expect, test } from 'vitest';
import type { HealthReport } from '../../../generated/graphql/resolvers-types.js';
import { expectContract } from '../../support/contract.js';
import { dataOf, graphql } from '../../support/graphql.js';
import { healFault, injectFault, leaderId, loseQuorum } from '../../support/cluster-faults.js';
import { useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 5, warmUpMs: 3000 });

async function fullHealth() {
  const response = await fixture.server.http.get('/api/v1/health/full');
  expectContract('getFullHealth', response);
  return response;
}

describe('full health and quorum', () => {
  test('a degraded cluster with quorum answers 200 DEGRADED; without quorum 503 DOWN; back to 200 once healed', async () => {
    const leader = await leaderId(fixture.server);
    const faultId = await injectFault(fixture.server, { type: 'crash', nodes: [leader === 'node-5' ? 'node-4' : 'node-5'] });
    await fixture.server.advance(6000);
    const degraded = await fullHealth();
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ success: true, data: { status: 'DEGRADED' } });
    expect(degraded.body.data.checks.at(-1).message).toBe('Some nodes are unhealthy: 4/5 nodes healthy, quorum 3, state DEGRADED.');
    await healFault(fixture.server, faultId);
    await fixture.server.advance(5000);

    const lost = await loseQuorum(fixture.server);
    const down = await fullHealth();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ success: false, data: { status: 'DOWN' } });
    expect(down.body.data.checks.at(-1)).toEqual({ name: 'cluster', status: 'DOWN', message: 'The cluster has no quorum, so it commits nothing: 2/5 nodes healthy, quorum 3, state STOPPED.' });
    const overGraphql = dataOf(await graphql<{ health: HealthReport }>(fixture.server, '{ health(probe: FULL) { status } }'));
    expect(overGraphql.health.status).toBe('DOWN');

    await healFault(fixture.server, lost.faultId);
    await fixture.server.advance(5000);
    expect((await fullHealth()).status).toBe(200);
  });
});
