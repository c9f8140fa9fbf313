import { describe, expect, test } from 'vitest';
import { expectContract, expectSchema } from '../../support/contract.js';

// The contract helper must reject what breaks the contract, or every contract test is hollow.
describe('expectContract', () => {
  const node = {
    nodeId: 'node-1', name: 'node-1', address: 'a:1', role: 'FOLLOWER', status: 'HEALTHY',
    capacity: { cpuCores: 1, totalMemoryGb: 1, availableMemoryGb: 1, storageCapacityGb: 1, networkBandwidthMbps: 1 },
    services: ['storage'], priority: 1, region: 'r', zone: 'z', uptimeSeconds: 0, lastHeartbeat: null, missedHeartbeats: 0,
    joinedAt: '2026-11-21T00:00:00.000Z',
  };
  const envelope = (data: unknown) => ({ status: 200, headers: {}, body: { success: true, data, timestamp: '2026-11-21T00:00:00.000Z' } });

  test('accepts a body that matches', () => {
    expectContract('getClusterNode', envelope(node));
  });

  test('rejects a missing field, an extra field, a wrong enum and an unlisted status', () => {
    const { status: _dropped, ...withoutStatus } = node;
    expect(() => expectContract('getClusterNode', envelope(withoutStatus))).toThrow(/must have required property 'status'/);
    expect(() => expectContract('getClusterNode', envelope({ ...node, color: 'red' }))).toThrow(/additional properties/);
    expect(() => expectContract('getClusterNode', envelope({ ...node, status: 'FINE' }))).toThrow(/allowed values/);
    expect(() => expectContract('getClusterNode', { ...envelope(node), status: 418 })).toThrow(/does not list/);
  });

  test('sparse mode drops required fields of items but keeps types strict', () => {
    const page = (items: unknown[]) => ({
      status: 200, headers: {},
      body: { success: true, data: items, pagination: { total: 1, limit: 1, offset: 0, hasMore: false }, timestamp: '2026-11-21T00:00:00.000Z' },
    });
    expectContract('listClusterNodes', page([{ nodeId: 'node-1', status: 'HEALTHY' }]), { sparse: true });
    expect(() => expectContract('listClusterNodes', page([{ nodeId: 'node-1', status: 'FINE' }]), { sparse: true })).toThrow();
    expect(() => expectContract('listClusterNodes', page([{ nodeId: 'node-1' }]))).toThrow();
  });

  test('expectSchema validates event envelopes', () => {
    const event = { cursor: 1, id: 'evt_1', type: 'node_left', time: '2026-11-21T00:00:00.000Z', source: 'x', payload: { nodeId: 'n', address: 'a', role: 'FOLLOWER', region: 'r', zone: 'z' } };
    expectSchema('EventEnvelope', event);
    expect(() => expectSchema('EventEnvelope', { ...event, payload: { nodeId: 'n' } })).toThrow();
  });
});
