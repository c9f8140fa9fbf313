/** The multi-master engine's limits and timings (README, "Limits"). */
export interface MultiMasterConfig {
  /** Groups the catalog holds at most. */
  maxGroups: number;
  /** Sites of one group at most. */
  maxSitesPerGroup: number;
  /** Tables of one group at most. */
  maxTablesPerGroup: number;
  /** Row writes in one replicate request at most. */
  maxWritesPerRequest: number;
  /** Origin records one CHANGES message carries at most. */
  maxBatchRecords: number;
  /** WAL records a sender reads past (its own or not) for one batch at most. */
  maxScanRecords: number;
  /** How often a site ships its changes to each peer, cluster ms. */
  shipIntervalMs: number;
  /** A batch without an ack is sent again after this long, cluster ms. */
  retransmitMs: number;
  /** A quorum write or read that has not heard from enough sites by then fails, cluster ms. */
  quorumTimeoutMs: number;
  /** Ranges a Merkle level splits a key range into. */
  merkleFanout: number;
  /** A range with at most this many keys on either side is compared key by key. */
  merkleLeafKeys: number;
  /** Quorum writes and reads waiting at once, at most. */
  maxPendingQuorumOps: number;
  /** Convergence samples kept per group (for the p99 of convergence times). */
  maxConvergenceSamples: number;
  /** Ids of recorded conflicts remembered, so each is recorded once. */
  maxRecordedConflictIds: number;
}

export const DEFAULT_MULTI_MASTER_CONFIG: Readonly<MultiMasterConfig> = Object.freeze({
  maxGroups: 64,
  maxSitesPerGroup: 16,
  maxTablesPerGroup: 32,
  maxWritesPerRequest: 100,
  maxBatchRecords: 200,
  maxScanRecords: 2000,
  shipIntervalMs: 50,
  retransmitMs: 500,
  quorumTimeoutMs: 2000,
  merkleFanout: 16,
  merkleLeafKeys: 8,
  maxPendingQuorumOps: 1000,
  maxConvergenceSamples: 256,
  maxRecordedConflictIds: 4096,
});
