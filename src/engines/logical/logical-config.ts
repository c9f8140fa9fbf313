/**
 * The logical replication engine's limits and timings, each with its unit. Defaults fill what a
 * caller leaves out; `validateLogicalConfig` refuses a bad combination.
 */
export interface LogicalConfig {
  /** Most publications the catalog holds. */
  maxPublications: number;
  /** Most subscriptions the catalog holds. */
  maxSubscriptions: number;
  /** Most tables one publication names. */
  maxTablesPerPublication: number;
  /** Most masks on one table of a publication. */
  maxMasksPerTable: number;
  /** Longest row filter text, in characters. */
  maxRowFilterLength: number;
  /** How often subscriptions stream, in cluster milliseconds. */
  pollIntervalMs: number;
  /** Most transactions one subscription decodes per poll. */
  maxTransactionsPerPoll: number;
  /** Largest page of `logical/changes`. */
  maxChangesPage: number;
  /** Most changes a skip preview lists. */
  maxSkipPreviewChanges: number;
}

export const DEFAULT_LOGICAL_CONFIG: Readonly<LogicalConfig> = Object.freeze({
  maxPublications: 100,
  maxSubscriptions: 50,
  maxTablesPerPublication: 100,
  maxMasksPerTable: 32,
  maxRowFilterLength: 1000,
  pollIntervalMs: 100,
  maxTransactionsPerPoll: 500,
  maxChangesPage: 1000,
  maxSkipPreviewChanges: 1000,
});

/** Defaults filled in; every value a positive whole number. */
export function validateLogicalConfig(input: Partial<LogicalConfig> = {}): LogicalConfig {
  const config = { ...DEFAULT_LOGICAL_CONFIG, ...input };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`logical config: ${name} must be a positive whole number, got ${String(value)}`);
  }
  return config;
}
