import { describe, expect, test } from 'vitest';
import { expectContract } from '../../support/contract.js';
import { ADMIN_KEY, useTestServer } from '../../support/test-server.js';

const fixture = useTestServer({ nodes: 4 });
const asAdmin = { 'X-API-Key': ADMIN_KEY };
const RECOVERY = '/api/v1/rac/recovery';
const PHASES = ['DETECTED', 'FREEZE', 'REMASTER', 'REDO_APPLY', 'LOCK_CLEANUP', 'COMPLETED'];

async function crash(nodeId: string): Promise<string> {
  const response = await fixture.server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: [nodeId] });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
}

async function statusOf(instanceId: string) {
  const response = await fixture.server.http.get(`${RECOVERY}/status`).set(asAdmin);
  expectContract('getRacRecoveryStatus', response);
  return response.body.data.find((row: { instanceId: string }) => row.instanceId === instanceId);
}

async function putConfig(body: object, key = ADMIN_KEY) {
  return fixture.server.http.put(`${RECOVERY}/config`).set('X-API-Key', key).send(body);
}

describe('instance recovery', () => {
  test('every instance is OPEN and never recovered at first; the alias answers the same', async () => {
    const response = await fixture.server.http.get(`${RECOVERY}/status`).set(asAdmin);
    expectContract('getRacRecoveryStatus', response);
    expect(response.body.data).toEqual(
      ['node-1', 'node-2', 'node-3', 'node-4'].map((instanceId) => ({
        instanceId,
        status: 'OPEN',
        needsRecovery: false,
        recoveryId: null,
        recoveryPhase: null,
        recoveringInstance: null,
        recoveryStartedAt: null,
        recoveryCompletedAt: null,
      })),
    );
    const alias = await fixture.server.http.get(RECOVERY).set(asAdmin);
    expectContract('getRacRecoveryStatusAlias', alias);
    expect(alias.body.data).toEqual(response.body.data);
    const config = await fixture.server.http.get(`${RECOVERY}/config`).set('X-API-Key', fixture.viewerKey);
    expectContract('getRacRecoveryConfig', config);
    expect(config.body.data).toEqual({ autoRecovery: true, redoApplyBytesPerSecond: 1_048_576, remasterResourcesPerSecond: 10_000, historyLimit: 100 });
  });

  test('a crash is recovered phase by phase on the clock, then shows in the history', async () => {
    await fixture.server.advance(2000);
    const startedAt = fixture.server.platform.runtime.clock.now();
    await crash('node-3');
    const seen = new Set<string>();
    let active = await fixture.server.http.get(`${RECOVERY}/active`).set(asAdmin);
    expectContract('listActiveRacRecoveries', active);
    expect(active.body.data).toHaveLength(1);
    const recovery = active.body.data[0];
    expect(recovery).toMatchObject({ recoveryId: 'recovery-1', failedInstance: 'node-3', recoveringInstance: 'node-1', trigger: 'CRASH', completedAt: null, durationMs: null, error: null });
    expect(recovery.startedAt).toBe(new Date(startedAt).toISOString());
    expect((await statusOf('node-3'))).toMatchObject({ status: 'FAILED', needsRecovery: true, recoveryId: 'recovery-1', recoveringInstance: 'node-1', recoveryCompletedAt: null });
    while (active.body.data.length > 0) {
      const phases = active.body.data[0].phases as { phase: string; completedAt: string | null }[];
      expect(phases.map((stamp) => stamp.phase)).toEqual(PHASES.slice(0, phases.length));
      // Every phase but the current one has ended.
      expect(phases.slice(0, -1).every((stamp) => stamp.completedAt !== null)).toBe(true);
      expect(phases.at(-1)!.completedAt).toBeNull();
      seen.add(active.body.data[0].phase);
      if (active.body.data[0].phase === 'REDO_APPLY') expect(active.body.data[0].redoBytesTotal).toBeGreaterThanOrEqual(active.body.data[0].redoBytesApplied);
      await fixture.server.advance(1);
      active = await fixture.server.http.get(`${RECOVERY}/active`).set(asAdmin);
      expectContract('listActiveRacRecoveries', active);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['FREEZE', 'REMASTER', 'LOCK_CLEANUP']));

    const history = await fixture.server.http.get(`${RECOVERY}/history`).set(asAdmin);
    expectContract('listRacRecoveryHistory', history);
    expect(history.body.data).toHaveLength(1);
    const ended = history.body.data[0];
    const engine = fixture.server.platform.engines.rac.cluster.recoveryHistory()[0]!;
    expect(ended).toMatchObject({
      recoveryId: 'recovery-1',
      phase: 'COMPLETED',
      durationMs: engine.completedAtMs! - engine.startedAtMs,
      redoBytesApplied: engine.redoBytesApplied,
      redoBytesTotal: engine.redoBytesApplied,
      blocksRecovered: engine.blocksRecovered,
      resourcesRemastered: engine.resourcesRemastered,
      locksReleased: engine.locksReleased,
    });
    expect(ended.resourcesRemastered).toBeGreaterThan(0);
    expect(ended.phases.map((stamp: { phase: string }) => stamp.phase)).toEqual(PHASES);
    expect(ended.phases.at(-1).completedAt).toBeNull();
    expect(await statusOf('node-3')).toMatchObject({ status: 'FAILED', needsRecovery: false, recoveryId: 'recovery-1', recoveryPhase: 'COMPLETED', recoveryCompletedAt: ended.completedAt });
  });

  test('with autoRecovery off a crashed instance waits; initiate checks its request and recovers on the chosen instance', async () => {
    const manual = { autoRecovery: false, redoApplyBytesPerSecond: 262_144, remasterResourcesPerSecond: 1000, historyLimit: 10 };
    const updated = await putConfig(manual);
    expectContract('updateRacRecoveryConfig', updated);
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual(manual);
    await crash('node-4');
    await fixture.server.advance(100);
    expect(await statusOf('node-4')).toMatchObject({ status: 'FAILED', needsRecovery: true, recoveryId: null });
    const noneActive = await fixture.server.http.get(`${RECOVERY}/active`).set(asAdmin);
    expect(noneActive.body.data).toEqual([]);

    const initiate = (body: object, key = ADMIN_KEY) => fixture.server.http.post(`${RECOVERY}/initiate`).set('X-API-Key', key).send(body);
    const itself = await initiate({ instanceId: 'node-4', recoveringInstance: 'node-4' });
    expectContract('initiateRacRecovery', itself);
    expect(itself.status).toBe(422);
    expect(itself.body.error.details).toMatchObject({ field: 'recoveringInstance' });
    const alive = await initiate({ instanceId: 'node-1' });
    expectContract('initiateRacRecovery', alive);
    expect(alive.status).toBe(409);
    const recovered = await initiate({ instanceId: 'node-3' });
    expectContract('initiateRacRecovery', recovered);
    expect(recovered.status).toBe(409);
    const deadRecoverer = await initiate({ instanceId: 'node-4', recoveringInstance: 'node-3' });
    expectContract('initiateRacRecovery', deadRecoverer);
    expect(deadRecoverer.status).toBe(409);
    const unknown = await initiate({ instanceId: 'node-9' });
    expectContract('initiateRacRecovery', unknown);
    expect(unknown.status).toBe(404);
    const unknownRecoverer = await initiate({ instanceId: 'node-4', recoveringInstance: 'node-9' });
    expectContract('initiateRacRecovery', unknownRecoverer);
    expect(unknownRecoverer.status).toBe(404);
    const malformed = await initiate({ instanceId: 'Node 4', extra: true });
    expectContract('initiateRacRecovery', malformed);
    expect(malformed.status).toBe(400);
    const viewer = await initiate({ instanceId: 'node-4' }, fixture.viewerKey);
    expectContract('initiateRacRecovery', viewer);
    expect(viewer.status).toBe(403);
    expect(fixture.server.platform.engines.rac.cluster.activeRecoveryView()).toBeNull();

    const started = await initiate({ instanceId: 'node-4', recoveringInstance: 'node-2' });
    expectContract('initiateRacRecovery', started);
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ recoveryId: 'recovery-2', failedInstance: 'node-4', recoveringInstance: 'node-2', trigger: 'MANUAL', completedAt: null });
    const again = await initiate({ instanceId: 'node-4' });
    expectContract('initiateRacRecovery', again);
    expect(again.status).toBe(409);
    await fixture.server.advance(500);
    expect(await statusOf('node-4')).toMatchObject({ needsRecovery: false, recoveryId: 'recovery-2', recoveryPhase: 'COMPLETED', recoveringInstance: 'node-2' });
  });

  test('the history filters, sorts and keeps only the fields asked for', async () => {
    const manual = await fixture.server.http.get(`${RECOVERY}/history?trigger=MANUAL`).set(asAdmin);
    expectContract('listRacRecoveryHistory', manual);
    expect(manual.body.data.map((recovery: { recoveryId: string }) => recovery.recoveryId)).toEqual(['recovery-2']);
    // recovery-2 ran at 1000 resources/s and 262144 redo bytes/s (phase step 5 ms): the phases took what the rates say.
    const ran = manual.body.data[0];
    const lasted = (phase: string) => {
      const stamp = ran.phases.find((candidate: { phase: string }) => candidate.phase === phase);
      return Date.parse(stamp.completedAt) - Date.parse(stamp.startedAt);
    };
    expect(lasted('REMASTER')).toBe(Math.max(5, ran.resourcesRemastered));
    expect(lasted('REDO_APPLY')).toBe(ran.redoBytesApplied === 0 ? 0 : Math.max(1, Math.ceil((ran.redoBytesApplied * 1000) / 262_144)));
    const oldest = await fixture.server.http.get(`${RECOVERY}/history?order=asc&limit=1&fields=failedInstance,durationMs`).set(asAdmin);
    expectContract('listRacRecoveryHistory', oldest, { sparse: true });
    expect(oldest.body.data).toEqual([{ recoveryId: 'recovery-1', failedInstance: 'node-3', durationMs: expect.any(Number) }]);
    expect(oldest.body.pagination).toEqual({ total: 2, limit: 1, offset: 0, hasMore: true });
    const ofNode3 = await fixture.server.http.get(`${RECOVERY}/history?failedInstance=node-3&phase=COMPLETED`).set(asAdmin);
    expectContract('listRacRecoveryHistory', ofNode3);
    expect(ofNode3.body.data.map((recovery: { recoveryId: string }) => recovery.recoveryId)).toEqual(['recovery-1']);
    const badField = await fixture.server.http.get(`${RECOVERY}/history?fields=bogus`).set(asAdmin);
    expectContract('listRacRecoveryHistory', badField);
    expect(badField.status).toBe(422);
    const badPhase = await fixture.server.http.get(`${RECOVERY}/history?phase=FREEZE`).set(asAdmin);
    expectContract('listRacRecoveryHistory', badPhase);
    expect(badPhase.status).toBe(400);
    const badPage = await fixture.server.http.get(`${RECOVERY}/active?offset=-1`).set(asAdmin);
    expectContract('listActiveRacRecoveries', badPage);
    expect(badPage.status).toBe(400);
  });

  test('the config is replaced whole: every bad field is listed and nothing changes; a lower historyLimit drops the oldest', async () => {
    const before = (await fixture.server.http.get(`${RECOVERY}/config`).set(asAdmin)).body.data;
    const bad = await putConfig({ autoRecovery: 'yes', redoApplyBytesPerSecond: 0, remasterResourcesPerSecond: -1, historyLimit: 10_001 });
    expectContract('updateRacRecoveryConfig', bad);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((error: { location: string }) => error.location).sort()).toEqual([
      'body/autoRecovery',
      'body/historyLimit',
      'body/redoApplyBytesPerSecond',
      'body/remasterResourcesPerSecond',
    ]);
    const partial = await putConfig({ autoRecovery: true });
    expectContract('updateRacRecoveryConfig', partial);
    expect(partial.status).toBe(400);
    // The schema has no ceiling for the redo rate; the engine's check answers the declared 422.
    const tooFast = await putConfig({ ...before, redoApplyBytesPerSecond: 10_737_418_241 });
    expectContract('updateRacRecoveryConfig', tooFast);
    expect(tooFast.status).toBe(422);
    const viewer = await putConfig(before, fixture.viewerKey);
    expectContract('updateRacRecoveryConfig', viewer);
    expect(viewer.status).toBe(403);
    expect((await fixture.server.http.get(`${RECOVERY}/config`).set(asAdmin)).body.data).toEqual(before);

    const trimmed = await putConfig({ ...before, historyLimit: 1 });
    expectContract('updateRacRecoveryConfig', trimmed);
    const history = await fixture.server.http.get(`${RECOVERY}/history`).set(asAdmin);
    expect(history.body.data.map((recovery: { recoveryId: string }) => recovery.recoveryId)).toEqual(['recovery-2']);
  });
});
