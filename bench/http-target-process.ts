import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startBareExpress, startFullStack, startStreamServer, type HttpTarget } from './http-targets.js';

/**
 * Each HTTP target runs in a process of its own, and the load generator in the bench's process.
 * In one process the two servers shared a heap and the JIT's type feedback, so the garbage of one
 * target's turn could be collected during the other's, and express's functions, called by both
 * apps, saw the shapes of both. Separate processes rule that out; the machine's own noise remains.
 */

/** What the bench asks a target process to run. */
type TargetOrder = { kind: 'full stack' } | { kind: 'graphql' } | { kind: 'bare express'; body: unknown } | { kind: 'streams' };

/** What a target process answers once its server listens. */
interface TargetReady {
  name: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A target in its own process, which can also tell the CPU time that process has used. */
export interface ForkedTarget extends HttpTarget {
  /** User + system CPU µs of the target's process since it started. */
  cpuMicros(): Promise<number>;
}

/** Starts `order`'s server in a child process; closing the target ends the process. */
export async function forkTarget(order: TargetOrder): Promise<ForkedTarget> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(order);
  const [ready] = (await Promise.race([once(child, 'message'), exitedEarly(child)])) as [TargetReady];
  return { ...ready, cpuMicros: () => askCpu(child), close: () => stop(child) };
}

async function askCpu(child: ChildProcess): Promise<number> {
  const answer = once(child, 'message');
  child.send('cpu');
  const [cpu] = (await answer) as [{ cpuMicros: number }];
  return cpu.cpuMicros;
}

async function exitedEarly(child: ChildProcess): Promise<never> {
  const [code] = await once(child, 'exit');
  throw new Error(`the target process exited (code ${String(code)}) before its server listened`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.send('close');
  await exited;
}

/** The child's side: start the ordered server, report where it listens, close it when told. */
function serveOrder(): void {
  // A bench that crashed or was interrupted must not leave its servers running.
  process.once('disconnect', () => process.exit(0));
  process.once('message', async (order: TargetOrder) => {
    const target =
      order.kind === 'bare express'
        ? await startBareExpress(order.body)
        : order.kind === 'streams'
          ? await startStreamServer()
          : await startFullStack(order.kind === 'graphql' ? 'graphql' : 'rest');
    process.on('message', async (message) => {
      if (message === 'cpu') {
        const { user, system } = process.cpuUsage();
        process.send!({ cpuMicros: user + system });
      } else if (message === 'close') {
        await target.close();
        // Open handles (sqlite, timers) must not keep a closed target alive.
        process.exit(0);
      }
    });
    const ready: TargetReady = { name: target.name, url: target.url, headers: target.headers, body: target.body };
    process.send!(ready);
  });
}

if (process.send !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) serveOrder();
