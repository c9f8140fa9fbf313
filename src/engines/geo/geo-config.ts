/**
 * The geo engine's limits and defaults, each with its unit (README, "Limits" and "WAN links").
 * Fixed, not configurable: a stored datacenter or stream must validate the same after a restart.
 */

/** Most datacenters. */
export const MAX_DATACENTERS = 64;
/** Most nodes in one datacenter. */
export const MAX_DATACENTER_NODES = 256;
/** Most geo streams. */
export const MAX_STREAMS = 256;
/** Most entries in a stream's consistency level history (the oldest acknowledged ones are dropped). */
export const MAX_LEVEL_HISTORY = 32;
/** Longest datacenter id, name, region and city, in characters. */
export const MAX_NAME_LENGTH = 63;

/** Light in optical fibre, about two thirds of c: kilometres travelled per millisecond. */
export const FIBRE_KM_PER_MS = 200;
/** Fixed one-way cost of a WAN link (routers, serialization at both ends), in ms. */
export const WAN_FIXED_LATENCY_MS = 2;
/** Mean Earth radius for the great-circle distance, in km. */
export const EARTH_RADIUS_KM = 6371;
/** Bandwidth of a link nobody configured: 1 Gbit/s, in bytes per second. */
export const DEFAULT_BANDWIDTH_BYTES_PER_SECOND = 125_000_000;

/** How often a stream reads its source's WAL, in cluster ms. */
export const SHIP_INTERVAL_MS = 100;
/** Most WAL records in one batch. */
export const BATCH_MAX_RECORDS = 100;
/** Most WAL bytes in one batch (at least one record is always sent). */
export const BATCH_MAX_BYTES = 256 * 1024;
/** Added to two round trips before a batch not acknowledged is sent again, in ms. */
export const RETRANSMIT_SLACK_MS = 500;
/** zlib level of the batches' raw deflate. */
export const COMPRESSION_LEVEL = 6;
