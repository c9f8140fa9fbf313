import { startPlatform } from '../src/platform.js';
const t0 = performance.now();
const p = await startPlatform({ storePath: ':memory:', initialNodes: Number(process.argv[2] ?? 1000), seed: 1, clockMode: 'manual', adminKey: 'rdb_bench_admin_0123456789abcdef0123456789abcdef' });
console.log('start ms', Math.round(performance.now() - t0), 'heap MB', Math.round(process.memoryUsage().heapUsed / 1e6));
const clock = p.runtime.clock;
for (let i = 0; i < 10; i++) {
  const c0 = process.cpuUsage(); const w0 = performance.now();
  clock.advance(1000);
  const c = process.cpuUsage(c0);
  console.log(`advance 1s: wall ${Math.round(performance.now() - w0)} ms cpu ${Math.round((c.user + c.system) / 1000)} ms timers ${clock.pendingTimers()}`);
}
await p.close();
