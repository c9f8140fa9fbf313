/**
 * The sharding engine's limits, each documented with why it is what it is (README, "Limits").
 * Fixed, not configurable: a stored definition must validate the same way after a restart.
 */
import { MAX_SHARDS } from '../coordinator/coordinator-config.js';
import { MAX_QUERY_SHARD_KEYS } from '../coordinator/query-planner.js';

/** Most shards one table may have: the coordinator's limit on a cut of the hash space. */
export const MAX_TABLE_SHARDS = MAX_SHARDS;
/** Most columns a sharded table declares. */
export const MAX_TABLE_COLUMNS = 256;
/** Most columns in a shard key. */
export const MAX_SHARD_KEY_COLUMNS = 8;
/** Most levels of a COMPOSITE strategy. */
export const MAX_COMPOSITE_LEVELS = 3;
/** Most values over all lists of one LIST level. */
export const MAX_LIST_VALUES = 10_000;
/** Longest key text (a node storage key's limit), in characters. */
export const MAX_KEY_TEXT_LENGTH = 256;
/** Most conditions in one predicate. */
export const MAX_PREDICATE_CONDITIONS = 64;
/** Most key combinations an equality predicate may expand to before it routes as a scatter. */
export const MAX_PREDICATE_KEYS = MAX_QUERY_SHARD_KEYS;
/** Vnodes per shard on a CONSISTENT table's ring. */
export const CONSISTENT_VNODES_PER_SHARD = 64;
/** Most rows one shard key analysis reads. */
export const MAX_ANALYZED_ROWS = 1_000_000;
/** Most hot values an analysis reports. */
export const MAX_HOT_VALUES = 10;
/** Longest table name: `<name>_<shard number>` must fit node storage's 63-character table names. */
export const MAX_TABLE_NAME_LENGTH = 48;
/** Most rows in one commit of a shard write: within node storage's MAX_CHANGES_PER_TRANSACTION (1000). */
export const MAX_ROWS_PER_COMMIT = 500;
/** Most rows one `writeRows` call takes. */
export const MAX_WRITE_ROWS = 10_000;
/** Most rows one `readShardRows` call returns. */
export const MAX_READ_ROWS = 10_000;
/** Most sharded tables in the catalog. */
export const MAX_SHARDED_TABLES = 1000;
