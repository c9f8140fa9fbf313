/**
 * What instances say to each other on `runtime.network('rac')`. GCS messages travel in DATA
 * envelopes (acknowledged and resent until acknowledged, as RAC's reliable datagram transport
 * does); heartbeats travel bare. Every envelope carries the sender's SCN (Lamport) and its send time.
 */
import type { BlockId, BlockImage, Scn } from './block.js';

export type GcsMessage =
  /** requester → master: wants the block in `mode` (N relinquishes it). */
  | { type: 'REQUEST'; requestId: string; blockId: BlockId; mode: 'N' | 'S' | 'X'; requester: string; requestedAtMs: number }
  /** master → S holder: drop the block (a write is coming). */
  | { type: 'INVALIDATE'; requestId: string; blockId: BlockId }
  | { type: 'INVALIDATE_ACK'; requestId: string; blockId: BlockId }
  /** master → holder: ship the block to the requester. */
  | { type: 'FORWARD'; requestId: string; blockId: BlockId; mode: 'S' | 'X'; requester: string; master: string; requestedAtMs: number }
  /** holder → requester: the block itself. */
  | { type: 'BLOCK'; requestId: string; blockId: BlockId; mode: 'S' | 'X'; image: BlockImage; dirty: boolean; from: string; master: string; requestedAtMs: number }
  /** master → requester: granted without a transfer (read it from disk, keep the copy it has, or drop it). */
  | { type: 'GRANT'; requestId: string; blockId: BlockId; mode: 'N' | 'S' | 'X'; fromDisk: boolean }
  /** requester → master: the grant is installed; the master may serve the next request. */
  | { type: 'DONE'; requestId: string; blockId: BlockId }
  /** old master → new master: the directory entry moves. */
  | { type: 'REMASTER'; resourceId: string; requestedAtMs: number };

export type Envelope =
  | { kind: 'DATA'; seq: number; epoch: number; scn: Scn; sentAtMs: number; bytes: number; body: GcsMessage }
  | { kind: 'ACK'; seq: number; scn: Scn; sentAtMs: number }
  | { kind: 'HEARTBEAT'; scn: Scn; sentAtMs: number };

/** Bytes of a control message (request, grant, ack, heartbeat). */
export const CONTROL_MESSAGE_BYTES = 64;
