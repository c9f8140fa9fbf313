/**
 * The WAL archiver (PostgreSQL's archiver process): copies each completed segment of the
 * primary's WAL to the simulated archive, in order, and remembers the next segment to copy.
 * While archiving is on, that segment's WAL is a claim a checkpoint must keep.
 */
import { segmentOf, segmentStartLsn, walSegmentName, type Lsn } from './lsn.js';
import type { NodeStorage } from './node-storage.js';
import type { ReplicationConfig } from './replication-config.js';
import type { StoredClusterState } from './replication-records.js';
import type { WalRecord } from './wal-record.js';

export interface ArchivedSegment {
  segmentName: string;
  timeline: number;
  segment: number;
  startLsn: Lsn;
  endLsn: Lsn;
  records: readonly WalRecord[];
  archivedAtMs: number;
  /** archiveCommand with %p and %f filled in (recorded, never run). */
  command: string;
}

/** Most archived segments kept in memory (the oldest go first). */
export const MAX_ARCHIVED_SEGMENTS = 4096;

export class WalArchive {
  private readonly segments: ArchivedSegment[] = [];
  /** The next segment to archive; null while archiveMode is off. */
  private nextSegment: number | null;
  /** Segments archived ever (the kept list is bounded, this is not). */
  private archivedCount: number;

  constructor(stored: StoredClusterState['archive']) {
    this.nextSegment = stored.nextSegment;
    this.archivedCount = stored.archivedSegments;
  }

  /** Archiving (re)starts at the segment holding `lsn`: archiveMode turned on, or a new timeline began there. */
  startAt(lsn: Lsn, segmentBytes: number): void {
    this.nextSegment = segmentOf(lsn, segmentBytes);
  }

  /** archiveMode turned off: nothing waits to be archived any more. */
  stop(): void {
    this.nextSegment = null;
  }

  /** Where the first segment not yet archived starts; null while archiving is off. */
  firstUnarchivedLsn(segmentBytes: number): Lsn | null {
    return this.nextSegment === null ? null : segmentStartLsn(this.nextSegment, segmentBytes);
  }

  /** Copies every segment the primary has completed (its current segment stays open). */
  archiveCompleted(storage: NodeStorage, timeline: number, config: Pick<ReplicationConfig, 'walSegmentBytes' | 'archiveCommand'>, nowMs: number): void {
    if (this.nextSegment === null) return;
    const segmentBytes = config.walSegmentBytes;
    const currentSegment = segmentOf(storage.positions().writeLsn, segmentBytes);
    for (; this.nextSegment < currentSegment; this.nextSegment += 1) {
      const segment = this.nextSegment;
      const startLsn = segmentStartLsn(segment, segmentBytes);
      const endLsn = segmentStartLsn(segment + 1, segmentBytes);
      const read = storage.readWal(Math.max(startLsn, storage.positions().walStartLsn), { toLsn: Number.MAX_SAFE_INTEGER });
      const records = read.gone ? [] : read.records.filter((record) => record.lsn < endLsn && record.lsn >= startLsn);
      const segmentName = walSegmentName(timeline, segment, segmentBytes);
      this.segments.push({
        segmentName,
        timeline,
        segment,
        startLsn,
        endLsn,
        records,
        archivedAtMs: nowMs,
        command: config.archiveCommand.replaceAll('%p', `pg_wal/${segmentName}`).replaceAll('%f', segmentName),
      });
      this.archivedCount += 1;
      if (this.segments.length > MAX_ARCHIVED_SEGMENTS) this.segments.shift();
    }
  }

  archivedSegments(): readonly ArchivedSegment[] {
    return this.segments;
  }

  /** What the store keeps of the archiver (the segments themselves are memory only). */
  stored(): StoredClusterState['archive'] {
    return { nextSegment: this.nextSegment, archivedSegments: this.archivedCount };
  }
}
