import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/engines/runtime/domain-error.js';
import {
  SHARD_STATUSES,
  acceptsWrites,
  allowedTransitions,
  servesReads,
  transitionShard,
  type ShardStatus,
  type TransitionActor,
} from '../../../src/engines/sharding/shard-state.js';

/** The README's table, written out again by hand: "FROM -> TO: actors". */
const REFERENCE = `
CREATING -> ACTIVE: W
CREATING -> DROPPING: W
ACTIVE -> REBALANCING: W
ACTIVE -> READ_ONLY: O W
ACTIVE -> OFFLINE: O W
ACTIVE -> DROPPING: W
REBALANCING -> ACTIVE: W
REBALANCING -> READ_ONLY: W
REBALANCING -> OFFLINE: W
READ_ONLY -> ACTIVE: O W
READ_ONLY -> OFFLINE: O W
READ_ONLY -> DROPPING: W
OFFLINE -> ACTIVE: O W
OFFLINE -> READ_ONLY: O
OFFLINE -> DROPPING: W
`;

const legal = new Set(
  REFERENCE.trim()
    .split('\n')
    .flatMap((line) => {
      const [, from, to, actors] = /^(\w+) -> (\w+): (.+)$/.exec(line)!;
      return actors!.split(' ').map((actor) => `${from}>${to}>${actor === 'O' ? 'OPERATOR' : 'WORKFLOW'}`);
    }),
);

const status = fc.constantFrom(...SHARD_STATUSES);
const actor = fc.constantFrom<TransitionActor>('OPERATOR', 'WORKFLOW');

describe('transitionShard', () => {
  it('matches the reference table over any sequence of requests', () => {
    fc.assert(
      fc.property(status, fc.array(fc.tuple(status, actor), { maxLength: 40 }), (start, requests) => {
        let current: ShardStatus = start;
        for (const [to, by] of requests) {
          const expected = legal.has(`${current}>${to}>${by}`);
          let outcome: ShardStatus | DomainError;
          try {
            outcome = transitionShard('orders_1', current, to, by);
          } catch (error) {
            outcome = error as DomainError;
          }
          if (expected) {
            expect(outcome).toBe(to);
            current = to;
          } else {
            expect(outcome).toBeInstanceOf(DomainError);
            expect((outcome as DomainError).code).toBe('CONFLICT');
            expect((outcome as DomainError).details).toMatchObject({ from: current, to, actor: by });
          }
        }
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('names the illegal transition and what is allowed instead', () => {
    expect(() => transitionShard('orders_1', 'ACTIVE', 'ACTIVE', 'OPERATOR')).toThrow('Shard orders_1 cannot go [ACTIVE -> ACTIVE]; from ACTIVE an operator may set READ_ONLY, OFFLINE.');
    expect(() => transitionShard('orders_1', 'ACTIVE', 'DROPPING', 'OPERATOR')).toThrow(
      'Shard orders_1 cannot go [ACTIVE -> DROPPING] (only the engine makes it, as part of a create, move or drop); from ACTIVE an operator may set READ_ONLY, OFFLINE.',
    );
    expect(() => transitionShard('orders_1', 'DROPPING', 'ACTIVE', 'WORKFLOW')).toThrow('from DROPPING a workflow may set nothing.');
    expect(() => transitionShard('orders_1', 'ACTIVE', 'GONE' as ShardStatus, 'OPERATOR')).toThrow(expect.objectContaining({ code: 'UNPROCESSABLE' }));
  });

  it("agrees with the README's table", () => {
    const readme = readFileSync(new URL('../../../src/engines/sharding/README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| (CREATING|ACTIVE|REBALANCING|READ_ONLY|OFFLINE|DROPPING) /.test(line));
    const header = ['ACTIVE', 'REBALANCING', 'READ_ONLY', 'OFFLINE', 'DROPPING'];
    const documented = new Set(
      rows.flatMap((row) => {
        const [from, ...cells] = row.split('|').slice(1, -1).map((cell) => cell.trim());
        return cells.flatMap((cell, index) => cell.split(/,\s*/).filter(Boolean).map((actor) => `${from}>${header[index]}>${actor === 'O' ? 'OPERATOR' : 'WORKFLOW'}`));
      }),
    );
    expect(rows).toHaveLength(6);
    expect([...documented].sort()).toEqual([...legal].sort());
  });

  it('lists what each actor may do, and what each state serves', () => {
    expect(allowedTransitions('REBALANCING', 'OPERATOR')).toEqual([]);
    expect(allowedTransitions('REBALANCING', 'WORKFLOW')).toEqual(['ACTIVE', 'READ_ONLY', 'OFFLINE']);
    expect(SHARD_STATUSES.filter(acceptsWrites)).toEqual(['ACTIVE', 'REBALANCING']);
    expect(SHARD_STATUSES.filter(servesReads)).toEqual(['ACTIVE', 'REBALANCING', 'READ_ONLY']);
  });
});
