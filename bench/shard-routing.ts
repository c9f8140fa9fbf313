import { murmur3HashFunction, tokenOf } from '../src/engines/dht/hash-function.js';
import { keyTextOf, type KeyValue } from '../src/engines/sharding/shard-key.js';
import { ShardRouter } from '../src/engines/sharding/shard-router.js';
import { validateShardedTable, type ColumnDefinition, type ShardingStrategyInput } from '../src/engines/sharding/sharded-table.js';

/** What routing one strategy's keys measured, per round. */
export interface RouteTurn {
  strategy: string;
  round: number;
  /** `ShardRouter.routeKey` decisions per second of this process's CPU. */
  routesPerCpuSecond: number;
  /** The bare DHT hash (MurmurHash3 of the key text's UTF-8 bytes) of the same keys, per CPU second. */
  baselinePerCpuSecond: number;
}

export interface RouteSettings {
  /** Distinct keys, routed in the same order every pass. */
  keys: number;
  /** Passes over the keys per turn: long enough for `process.cpuUsage` (µs) to resolve. */
  passes: number;
  rounds: number;
}

const COLUMNS: ColumnDefinition[] = [
  { name: 'id', type: 'INTEGER' },
  { name: 'region', type: 'STRING' },
  { name: 'amount', type: 'INTEGER' },
];
const REGIONS = ['eu-west', 'eu-north', 'us-east', 'us-west', 'ap-south', 'ap-east', 'sa-east', 'af-south'];
const ID_SPACE = 1_000_000;
const SHARDS = 32;

/** The five strategies of the README, each cutting about 32 shards; the shard key columns the key text is made of. */
const STRATEGIES: { name: string; shardKeyColumns: string[]; strategy: ShardingStrategyInput }[] = [
  { name: 'HASH DEFAULT', shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: SHARDS, hashFunction: 'DEFAULT' } },
  { name: 'HASH CONSISTENT', shardKeyColumns: ['id'], strategy: { type: 'HASH', numShards: SHARDS, hashFunction: 'CONSISTENT' } },
  {
    name: 'RANGE',
    shardKeyColumns: ['id'],
    strategy: {
      type: 'RANGE',
      ranges: Array.from({ length: SHARDS }, (_, index) => ({ lowerBound: index === 0 ? null : (index * ID_SPACE) / SHARDS, upperBound: index === SHARDS - 1 ? null : ((index + 1) * ID_SPACE) / SHARDS })),
    },
  },
  { name: 'LIST', shardKeyColumns: ['region'], strategy: { type: 'LIST', lists: REGIONS.slice(0, -1).map((region) => ({ values: [region] })), defaultShard: true } },
  {
    name: 'COMPOSITE',
    shardKeyColumns: ['region', 'id'],
    strategy: {
      type: 'COMPOSITE',
      strategies: [
        { type: 'LIST', lists: REGIONS.map((region) => ({ values: [region] })), keyColumns: ['region'] },
        { type: 'HASH', numShards: SHARDS / REGIONS.length, keyColumns: ['id'] },
      ],
    },
  },
];

export const ROUTE_STRATEGY_NAMES = STRATEGIES.map((strategy) => strategy.name);

/**
 * Route decisions per CPU second for each strategy, against the bare DHT hash of the same key
 * texts in the same round (turns alternate, the order swapped every round). The router checks
 * the key's types, finds each level's bucket (hash and token range, ring lookup, range search,
 * list lookup) and names the shard; the baseline only hashes. The first round is a warm-up, not
 * returned.
 */
export function measureRouting(settings: RouteSettings): RouteTurn[] {
  const keys = Array.from({ length: settings.keys }, (_, index) => ({ id: (index * 7919) % ID_SPACE, region: REGIONS[index % REGIONS.length]!, amount: index % 1000 }));
  const cases = STRATEGIES.map(({ name, shardKeyColumns, strategy }) => ({
    name,
    router: new ShardRouter(validateShardedTable({ tableName: 'orders', columns: COLUMNS, shardKeyColumns, strategy })),
    keyTexts: keys.map((key) => keyTextOf(shardKeyColumns.map((column) => key[column as keyof typeof key] as KeyValue))),
  }));
  const hash = murmur3HashFunction(0);
  const turns: RouteTurn[] = [];
  // A sink the JIT cannot prove unused.
  let sink = 0;
  for (let round = 0; round <= settings.rounds; round += 1) {
    for (const { name, router, keyTexts } of cases) {
      const timeRouter = () => cpuSecondsOf(() => {
        for (let pass = 0; pass < settings.passes; pass += 1) for (const key of keys) sink += router.routeKey(key).shardIndex;
      });
      const timeBaseline = () => cpuSecondsOf(() => {
        for (let pass = 0; pass < settings.passes; pass += 1) for (const text of keyTexts) sink += tokenOf(hash, text) & 1;
      });
      let routerSeconds: number;
      let baselineSeconds: number;
      if (round % 2 === 0) {
        routerSeconds = timeRouter();
        baselineSeconds = timeBaseline();
      } else {
        baselineSeconds = timeBaseline();
        routerSeconds = timeRouter();
      }
      const decisions = settings.passes * keys.length;
      if (round > 0) turns.push({ strategy: name, round, routesPerCpuSecond: decisions / routerSeconds, baselinePerCpuSecond: decisions / baselineSeconds });
    }
  }
  if (sink === -1) console.log('unreachable');
  return turns;
}

function cpuSecondsOf(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1e6;
}
