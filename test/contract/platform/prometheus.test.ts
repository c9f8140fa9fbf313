import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../../support/test-server.js';
import { closeAllStreams, listenOnLoopback, openStream } from '../../support/socket.js';

const asAdmin = { 'X-API-Key': ADMIN_KEY };
/** rustydb_<domain>_<what>_<unit>: lower case, words joined by underscores. */
const METRIC_NAME = /^rustydb_[a-z]+_[a-z_]+$/;
/**
 * prom-client's default Node.js metrics keep their usual names under the prefix: some carry
 * digits (rustydb_nodejs_eventloop_lag_p99_seconds) and some gauges end in _total
 * (rustydb_nodejs_active_handles_total), as in every Node.js exporter.
 */
const NODEJS_DEFAULT = /^rustydb_nodejs_[a-z0-9_]+$/;

/** The metrics each domain's assembly module registers, at least these. */
const EXPECTED: Record<string, readonly string[]> = {
  cluster: ['rustydb_cluster_nodes', 'rustydb_cluster_node_status', 'rustydb_cluster_node_missed_heartbeats', 'rustydb_cluster_state', 'rustydb_cluster_has_quorum', 'rustydb_cluster_failure_tolerance', 'rustydb_cluster_heartbeats_received_total'],
  simulation: ['rustydb_simulation_active_faults', 'rustydb_simulation_pending_timers'],
  membership: ['rustydb_membership_members', 'rustydb_membership_suspicions_raised', 'rustydb_membership_deaths_declared', 'rustydb_membership_probes_failed'],
  raft: [
    'rustydb_raft_term',
    'rustydb_raft_commit_index',
    'rustydb_raft_applied_index',
    'rustydb_raft_last_log_index',
    'rustydb_raft_log_entries',
    'rustydb_raft_log_size_bytes',
    'rustydb_raft_snapshot_index',
    'rustydb_raft_leader',
    'rustydb_raft_voters',
    'rustydb_raft_elections_started_total',
    'rustydb_raft_proposals_total',
    'rustydb_raft_proposal_failures_total',
  ],
  failover: ['rustydb_failover_failovers', 'rustydb_failover_last_duration_seconds', 'rustydb_failover_drills_total'],
  health: ['rustydb_health_open_issues'],
  rac: [
    'rustydb_rac_instances_running',
    'rustydb_rac_cache_fusion_transfers_total',
    'rustydb_rac_cache_fusion_transfer_seconds_total',
    'rustydb_rac_block_transfer_latency_seconds',
    'rustydb_rac_block_requests_total',
    'rustydb_rac_block_request_failures_total',
    'rustydb_rac_shipped_bytes_total',
    'rustydb_rac_ges_waits_total',
    'rustydb_rac_ges_wait_seconds_total',
    'rustydb_rac_remasters_total',
    'rustydb_rac_instance_recoveries',
    'rustydb_rac_instance_recovery_running',
    'rustydb_rac_interconnect_sent_bytes_total',
    'rustydb_rac_interconnect_received_bytes_total',
  ],
  replication: [
    'rustydb_replication_write_lag_bytes',
    'rustydb_replication_flush_lag_bytes',
    'rustydb_replication_replay_lag_bytes',
    'rustydb_replication_write_lag_seconds',
    'rustydb_replication_flush_lag_seconds',
    'rustydb_replication_replay_lag_seconds',
    'rustydb_replication_replay_paused',
    'rustydb_replication_sync_state',
    'rustydb_replication_standbys',
    'rustydb_replication_slot_retained_wal_bytes',
    'rustydb_replication_slot_wal_status',
    'rustydb_replication_commits_acknowledged_total',
    'rustydb_replication_commits_waiting',
    'rustydb_replication_commits_timed_out_total',
    'rustydb_replication_wal_written_bytes_total',
    'rustydb_replication_conflicts',
  ],
  transactions: [
    'rustydb_transactions_begun_total',
    'rustydb_transactions_completed_total',
    'rustydb_transactions_one_phase_commits_total',
    'rustydb_transactions_unfinished',
    'rustydb_transactions_in_doubt',
    'rustydb_transactions_prepared',
    'rustydb_transactions_heuristic_outcomes_total',
    'rustydb_transactions_heuristic_forgotten_total',
    'rustydb_transactions_votes_total',
    'rustydb_transactions_lock_waits_total',
    'rustydb_transactions_lock_wait_timeouts_total',
    'rustydb_transactions_xa_branches',
  ],
  shardingQueries: [
    'rustydb_sharding_queries_started_total',
    'rustydb_sharding_queries_total',
    'rustydb_sharding_queries_running',
    'rustydb_sharding_query_fragments_total',
    'rustydb_sharding_query_rows_scanned_total',
  ],
  shardMoves: [
    'rustydb_shard_moves_started_total',
    'rustydb_shard_moves_finished_total',
    'rustydb_shard_move_rows_copied_total',
    'rustydb_shard_move_copied_bytes_total',
    'rustydb_shard_moves_active',
    'rustydb_shard_moves_blocked',
  ],
  conflicts: ['rustydb_conflicts_recorded_total', 'rustydb_conflicts_resolved_later_total', 'rustydb_conflicts_open'],
  alerts: ['rustydb_alerts_firing', 'rustydb_alerts_transitions_total'],
  platform: [
    'rustydb_platform_events_published_total',
    'rustydb_platform_audit_entries_total',
    'rustydb_platform_websocket_connections',
    'rustydb_platform_websocket_subscribers',
    'rustydb_platform_graphql_subscribers',
    'rustydb_platform_websocket_events_delivered_total',
    'rustydb_platform_websocket_events_dropped_total',
    'rustydb_platform_websocket_messages_sent_total',
    'rustydb_platform_websocket_sent_bytes_total',
    'rustydb_platform_websocket_slow_consumers_total',
  ],
  http: ['rustydb_http_requests_total', 'rustydb_http_request_duration_seconds'],
  process: ['rustydb_process_cpu_seconds_total', 'rustydb_process_resident_memory_bytes'],
};

/** One scrape as Prometheus reads it: the families by name. */
async function scrape(server: TestServer): Promise<Map<string, PrometheusFamily>> {
  const response = await server.http.get('/api/v1/metrics/prometheus').set(asAdmin);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return new Map(parsePrometheusTextFormat(response.text).map((family) => [family.name, family]));
}

/** The value of the one series of `name` with these labels; fails when there is none. */
function valueOf(families: Map<string, PrometheusFamily>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  expect(family, name).toBeDefined();
  const series = family!.metrics.filter((sample) => Object.entries(labels).every(([label, value]) => sample.labels?.[label] === value));
  expect(series, `${name}${JSON.stringify(labels)}`).toHaveLength(1);
  return Number(series[0]!.value);
}

describe('GET /api/v1/metrics/prometheus', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ nodes: 5 });
    await server.advance(5000);
  });
  afterAll(async () => {
    await closeAllStreams();
    await server.close();
  });

  test('is the text format, with Prometheus names: rustydb_<domain>_<what>_<unit>, _total on counters only', async () => {
    const families = await scrape(server);
    for (const [name, family] of families) {
      const nodejsDefault = NODEJS_DEFAULT.test(name);
      if (!nodejsDefault) expect(name).toMatch(METRIC_NAME);
      expect(name, 'the prefix is not doubled').not.toMatch(/rustydb_process_process|rustydb_rustydb/);
      expect(family.help, `${name} has help`).not.toBe('');
      if (family.type === 'COUNTER') expect(name, `counter ${name}`).toMatch(/_total$/);
      else if (!nodejsDefault) expect(name, `${family.type.toLowerCase()} ${name}`).not.toMatch(/_total$/);
      for (const sample of family.metrics) {
        if (sample.value !== undefined) expect(Number.isFinite(Number(sample.value)), `${name} ${sample.value}`).toBe(true);
      }
    }
  });

  test('every domain registers its metrics', async () => {
    const families = await scrape(server);
    for (const [domain, names] of Object.entries(EXPECTED)) {
      for (const name of names) expect(families.has(name), `${domain}: ${name}`).toBe(true);
    }
  });

  test('per-node series follow the cluster: a state set per node, one leader', async () => {
    const families = await scrape(server);
    const nodeIds = server.platform.engines.nodes.list().map((node) => node.nodeId);
    for (const nodeId of nodeIds) {
      expect(valueOf(families, 'rustydb_cluster_node_status', { node: nodeId, status: 'healthy' })).toBe(1);
      expect(families.get('rustydb_cluster_node_status')!.metrics.filter((sample) => sample.labels?.node === nodeId)).toHaveLength(5);
    }
    const leaders = families.get('rustydb_raft_leader')!.metrics.filter((sample) => sample.value === '1');
    expect(leaders.map((sample) => sample.labels?.node)).toEqual([server.platform.engines.consensus.group.currentLeader()?.leaderId]);
    expect(valueOf(families, 'rustydb_cluster_nodes', { status: 'healthy' })).toBe(5);
  });

  test('counters move with the cluster: heartbeats, WAL written, commits, Cache Fusion', async () => {
    const before = await scrape(server);
    await server.advance(2000);
    const after = await scrape(server);
    for (const name of ['rustydb_cluster_heartbeats_received_total', 'rustydb_replication_wal_written_bytes_total', 'rustydb_replication_commits_acknowledged_total', 'rustydb_rac_block_requests_total']) {
      expect(valueOf(after, name), name).toBeGreaterThan(valueOf(before, name));
    }
  });

  test('Raft proposals and the log size in bytes move with an append', async () => {
    const leader = server.platform.engines.consensus.group.currentLeader()!.leaderId;
    const before = await scrape(server);
    const commands = ['SET balance:42 100', 'SET balance:43 250'];
    const append = await server.http.post('/api/v1/cluster/raft/log/append').set(asAdmin).send({ entries: commands.map((command) => ({ command })) });
    expect(append.status).toBeLessThan(300);
    await server.advance(500);
    const appended = await scrape(server);
    expect(valueOf(appended, 'rustydb_raft_proposals_total') - valueOf(before, 'rustydb_raft_proposals_total')).toBe(2);
    expect(valueOf(appended, 'rustydb_raft_proposal_failures_total', { reason: 'refused' })).toBe(valueOf(before, 'rustydb_raft_proposal_failures_total', { reason: 'refused' }));
    expect(valueOf(appended, 'rustydb_raft_proposal_failures_total', { reason: 'lost' })).toBe(0);
    // The log grows by the commands' bytes (no snapshot compacts it this soon), as the log API measures it.
    const grown = valueOf(appended, 'rustydb_raft_log_size_bytes', { node: leader }) - valueOf(before, 'rustydb_raft_log_size_bytes', { node: leader });
    expect(grown).toBe(commands.reduce((sum, command) => sum + Buffer.byteLength(command), 0));
    const summary = await server.http.get(`/api/v1/cluster/raft/log?nodeId=${leader}`).set(asAdmin);
    expect(summary.body.data.sizeBytes).toBe(valueOf(appended, 'rustydb_raft_log_size_bytes', { node: leader }));
  });

  test('a switchover and a conflict are counted by kind and outcome, and audited', async () => {
    const before = await scrape(server);
    const target = server.platform.engines.nodes.list().map((node) => node.nodeId).find((nodeId) => nodeId !== server.platform.engines.consensus.group.currentLeader()?.leaderId);
    expect((await server.http.post('/api/v1/cluster/failover').set(asAdmin).send({ targetNodeId: target })).status).toBeLessThan(300);
    server.platform.engines.replication.cluster.put('accounts', 'acct-1', { balance: 100 });
    expect((await server.http.post('/api/v1/replication/conflicts/simulate').set(asAdmin).send({ tableName: 'accounts', rowKey: 'acct-1' })).status).toBe(201);
    await server.advance(3000);
    const after = await scrape(server);
    expect(valueOf(after, 'rustydb_failover_failovers', { kind: 'switchover', outcome: 'completed' })).toBe(1);
    expect(valueOf(after, 'rustydb_failover_last_duration_seconds')).toBeGreaterThan(0);
    expect(valueOf(after, 'rustydb_raft_leader', { node: target! })).toBe(1);
    // The target won the election the transfer made it start.
    expect(valueOf(after, 'rustydb_raft_elections_started_total', { node: target! })).toBe(valueOf(before, 'rustydb_raft_elections_started_total', { node: target! }) + 1);
    const unresolved = after.get('rustydb_replication_conflicts')!.metrics.filter((sample) => sample.labels?.strategy === 'unresolved');
    expect(unresolved.reduce((sum, sample) => sum + Number(sample.value), 0)).toBe(1);
    expect(valueOf(after, 'rustydb_platform_audit_entries_total')).toBeGreaterThanOrEqual(valueOf(before, 'rustydb_platform_audit_entries_total') + 2);
    expect(valueOf(after, 'rustydb_platform_events_published_total')).toBeGreaterThan(valueOf(before, 'rustydb_platform_events_published_total'));
  });

  test('distributed transactions move their counters: outcomes, votes, lock waits, in doubt and heuristic, prepared per node, phase latency, XA branches', async () => {
    const DTX = '/api/v1/cluster/transactions/distributed';
    const XA = '/api/v1/advanced-replication/xa';
    expect((await server.http.delete('/api/v1/replication/replicas/node-5').set(asAdmin)).status).toBe(200);
    const before = await scrape(server);
    const beginOn = async (body: object) => {
      const response = await server.http.post(`${DTX}/begin`).set(asAdmin).send(body);
      expect(response.status).toBe(201);
      return response.body.data.transactionId as string;
    };
    const put = (key: string) => [{ op: 'put', table: 'ledger', key, row: { amount: 1 } }];
    // A commit over two nodes, and a second writer of one row voting NO after its lock wait times out.
    const committed = await beginOn({ participants: [{ nodeId: 'node-1', writes: put('m-1') }, { nodeId: 'node-5', writes: put('m-2') }] });
    await server.advance(20);
    const loser = await beginOn({ participants: [{ nodeId: 'node-5', writes: put('m-2') }, { nodeId: 'node-1', writes: put('m-3') }], lockTimeoutMs: 50 });
    await server.http.post(`${DTX}/${loser}/commit`).set(asAdmin);
    await server.advance(300);
    await server.http.post(`${DTX}/${committed}/commit`).set(asAdmin);
    await server.advance(300);
    // Coordinated by node-5, prepared, then node-5 crashes: in doubt, resolved by hand.
    const doubtful = await beginOn({ participants: [{ nodeId: 'node-1', writes: put('m-4') }], coordinatorNodeId: 'node-5' });
    await server.http.post(`${DTX}/${doubtful}/prepare`).set(asAdmin);
    await server.advance(100);
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-5'] });
    await server.advance(1500);
    const inDoubt = await scrape(server);
    expect(valueOf(inDoubt, 'rustydb_transactions_in_doubt')).toBe(1);
    expect(valueOf(inDoubt, 'rustydb_transactions_prepared', { node: 'node-1' })).toBe(1);
    expect((await server.http.post(`${DTX}/${doubtful}/resolve`).set(asAdmin).send({ outcome: 'ROLLBACK' })).status).toBe(200);
    await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin);
    await server.advance(1000);
    // An XA transaction left prepared on node-5.
    await server.http.post(`${XA}/resource-managers`).set(asAdmin).send({ name: 'metrics_rm', nodeId: 'node-5' });
    await server.http.post(`${XA}/start`).set(asAdmin).send({ xid: 'metrics-1', resourceManager: 'metrics_rm', writes: put('m-5') });
    await server.advance(20);
    await server.http.post(`${XA}/metrics-1/end`).set(asAdmin);
    expect((await server.http.post(`${XA}/metrics-1/prepare`).set(asAdmin)).status).toBe(200);

    const after = await scrape(server);
    const moved = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(moved('rustydb_transactions_begun_total')).toBe(3);
    expect(moved('rustydb_transactions_completed_total', { outcome: 'committed' })).toBe(1);
    expect(moved('rustydb_transactions_completed_total', { outcome: 'aborted' })).toBe(1);
    expect(moved('rustydb_transactions_votes_total', { vote: 'yes' })).toBeGreaterThanOrEqual(3);
    expect(moved('rustydb_transactions_votes_total', { vote: 'no' })).toBeGreaterThanOrEqual(1);
    expect(moved('rustydb_transactions_lock_waits_total')).toBe(1);
    expect(moved('rustydb_transactions_lock_wait_timeouts_total')).toBe(1);
    expect(moved('rustydb_transactions_heuristic_outcomes_total', { outcome: 'rollback' })).toBe(1);
    expect(valueOf(after, 'rustydb_transactions_in_doubt')).toBe(0);
    expect(valueOf(after, 'rustydb_transactions_unfinished')).toBe(1);
    expect(valueOf(after, 'rustydb_transactions_prepared', { node: 'node-5' })).toBe(1);
    expect(valueOf(after, 'rustydb_transactions_prepared', { node: 'node-1' })).toBe(0);
    expect(after.get('rustydb_transactions_prepared')!.metrics.map((sample) => sample.labels?.node).sort()).toEqual(['node-1', 'node-5']);
    expect(valueOf(after, 'rustydb_transactions_xa_branches', { state: 'prepared' })).toBe(1);
    const p50 = valueOf(after, 'rustydb_transactions_phase_latency_seconds', { phase: 'prepare', quantile: '0.5' });
    expect(p50).toBeGreaterThan(0);
    expect(valueOf(after, 'rustydb_transactions_phase_latency_seconds', { phase: 'prepare', quantile: '1' })).toBeGreaterThanOrEqual(p50);
    expect(valueOf(after, 'rustydb_transactions_phase_latency_seconds', { phase: 'lock_wait', quantile: '1' })).toBeCloseTo(0.05, 3);
    await server.http.post(`${XA}/metrics-1/rollback`).set(asAdmin);
  });

  test('a paused standby\'s replay lag rises under the workload', async () => {
    expect((await server.http.post('/api/v1/replication/replicas/node-3/pause').set(asAdmin)).status).toBe(200);
    await server.advance(500);
    const paused = await scrape(server);
    await server.advance(3000);
    const later = await scrape(server);
    expect(valueOf(later, 'rustydb_replication_replay_paused', { replica: 'node-3' })).toBe(1);
    expect(valueOf(later, 'rustydb_replication_replay_lag_bytes', { replica: 'node-3' })).toBeGreaterThan(valueOf(paused, 'rustydb_replication_replay_lag_bytes', { replica: 'node-3' }));
    expect(valueOf(later, 'rustydb_replication_replay_lag_seconds', { replica: 'node-3' })).toBeGreaterThan(valueOf(paused, 'rustydb_replication_replay_lag_seconds', { replica: 'node-3' }));
    // It still receives and flushes: only replay stops.
    expect(valueOf(later, 'rustydb_replication_replay_lag_bytes', { replica: 'node-3' })).toBeGreaterThan(valueOf(later, 'rustydb_replication_flush_lag_bytes', { replica: 'node-3' }));
    expect(valueOf(later, 'rustydb_replication_replay_paused', { replica: 'node-2' })).toBe(0);
    expect((await server.http.post('/api/v1/replication/replicas/node-3/resume').set(asAdmin)).status).toBe(200);
  });

  test('a crashed node shows as down, as a fault in force, and as a health alert firing', async () => {
    const before = await scrape(server);
    const crash = await server.http.post('/api/v1/simulation/faults').set(asAdmin).send({ type: 'crash', nodes: ['node-3'] });
    expect(crash.status).toBe(201);
    await server.advance(10_000);
    const families = await scrape(server);
    expect(valueOf(families, 'rustydb_cluster_node_status', { node: 'node-3', status: 'down' })).toBe(1);
    expect(valueOf(families, 'rustydb_cluster_node_status', { node: 'node-3', status: 'healthy' })).toBe(0);
    expect(valueOf(families, 'rustydb_cluster_nodes', { status: 'down' })).toBe(1);
    expect(valueOf(families, 'rustydb_cluster_node_missed_heartbeats', { node: 'node-3' })).toBeGreaterThan(0);
    expect(valueOf(families, 'rustydb_raft_leader', { node: 'node-3' })).toBe(0);
    expect(valueOf(families, 'rustydb_simulation_active_faults')).toBe(1);
    expect(valueOf(families, 'rustydb_cluster_failure_tolerance')).toBe(1);
    expect(valueOf(families, 'rustydb_membership_suspicions_raised')).toBeGreaterThan(0);
    // NODE_DOWN fires once the node is down; NODE_SUSPECTED fired and resolved before it.
    expect(valueOf(families, 'rustydb_alerts_firing', { source: 'health', severity: 'error' })).toBe(1);
    expect(valueOf(families, 'rustydb_alerts_firing', { source: 'replication', severity: 'error' })).toBe(0);
    const moved = (state: string) => valueOf(families, 'rustydb_alerts_transitions_total', { source: 'health', state }) - valueOf(before, 'rustydb_alerts_transitions_total', { source: 'health', state });
    expect([moved('pending'), moved('firing'), moved('resolved')]).toEqual([2, 2, 1]);
    expect(families.get('rustydb_alerts_firing')!.metrics).toHaveLength(8);
    expect((await server.http.delete(`/api/v1/simulation/faults/${crash.body.data.id}`).set(asAdmin)).status).toBe(200);
  });

  test('WebSocket connections and subscribers per stream, and what the streams delivered', async () => {
    const { wsUrl } = await listenOnLoopback(server);
    const before = await scrape(server);
    for (const stream of ['/api/v1/ws/events', '/api/v1/ws/metrics', '/api/v1/ws/query', '/api/v1/ws', '/api/v1/ws/cluster/nodes']) {
      expect(valueOf(before, 'rustydb_platform_websocket_connections', { stream })).toBe(0);
    }
    const events = await openStream(`${wsUrl}/api/v1/ws/events?apiKey=${ADMIN_KEY}`);
    const topics = await openStream(`${wsUrl}/api/v1/ws?apiKey=${ADMIN_KEY}`);
    topics.send({ type: 'subscribe', id: 'a', topic: 'events' });
    topics.send({ type: 'subscribe', id: 'b', topic: 'metrics', intervalMs: 60_000 });
    await topics.frames.take(3);
    await server.advance(1000);
    await events.frames.next(); // the workload's events flow
    const after = await scrape(server);
    expect(valueOf(after, 'rustydb_platform_websocket_connections', { stream: '/api/v1/ws/events' })).toBe(1);
    expect(valueOf(after, 'rustydb_platform_websocket_connections', { stream: '/api/v1/ws' })).toBe(1);
    expect(valueOf(after, 'rustydb_platform_websocket_subscribers', { stream: '/api/v1/ws' })).toBe(2);
    expect(valueOf(after, 'rustydb_platform_graphql_subscribers', { transport: 'graphql_ws' })).toBe(0);
    expect(valueOf(after, 'rustydb_platform_websocket_events_delivered_total', { stream: '/api/v1/ws/events' })).toBeGreaterThan(0);
    expect(valueOf(after, 'rustydb_platform_websocket_sent_bytes_total', { stream: '/api/v1/ws' })).toBeGreaterThan(valueOf(before, 'rustydb_platform_websocket_sent_bytes_total', { stream: '/api/v1/ws' }));
    expect(valueOf(after, 'rustydb_platform_websocket_slow_consumers_total', { stream: '/api/v1/ws' })).toBe(0);
    await closeAllStreams();
  });
});
