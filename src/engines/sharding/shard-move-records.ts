/**
 * The mover's own records in the platform's store (README, "Rebalance and migration workflows":
 * what is persisted): its id counters and statistics, every move and every rebalance or migration
 * task it keeps. The rows are in the nodes' storage (the replication engine mirrors it), and the
 * placement and shard states in the coordinator's record; all go to the store in the same journal
 * batch as the step that changed them, so a restart finds them consistent.
 */
import type { Journal } from '../../store/journal.js';
import type { Store } from '../../store/port.js';
import type { ShardMoverRecords, ShardMoverRestore, ShardMoverState } from './shard-mover.js';
import type { MoveSequenceRecord } from './shard-move-sequence.js';
import type { ShardMoveRecord } from './shard-move.js';

export const SHARD_MOVES_STATE_RECORD = 'sharding.moves-state';
export const SHARD_MOVE_RECORD = 'sharding.move';
export const SHARD_MOVE_SEQUENCE_RECORD = 'sharding.move-sequence';

export class ShardMoveJournal implements ShardMoverRecords {
  constructor(private readonly journal: Journal) {}

  stateChanged(state: ShardMoverState): void {
    this.journal.put(SHARD_MOVES_STATE_RECORD, 'current', state);
  }

  moveChanged(record: ShardMoveRecord): void {
    this.journal.put(SHARD_MOVE_RECORD, record.moveId, record);
  }

  moveRemoved(moveId: string): void {
    this.journal.delete(SHARD_MOVE_RECORD, moveId);
  }

  sequenceChanged(record: MoveSequenceRecord): void {
    this.journal.put(SHARD_MOVE_SEQUENCE_RECORD, record.id, record);
  }

  sequenceRemoved(id: string): void {
    this.journal.delete(SHARD_MOVE_SEQUENCE_RECORD, id);
  }
}

/** What the store holds of the mover (nothing at the first start). */
export async function loadShardMoves(store: Store): Promise<ShardMoverRestore> {
  const [state, moves, sequences] = await Promise.all([
    store.get<ShardMoverState>(SHARD_MOVES_STATE_RECORD, 'current'),
    store.list<ShardMoveRecord>(SHARD_MOVE_RECORD),
    store.list<MoveSequenceRecord>(SHARD_MOVE_SEQUENCE_RECORD),
  ]);
  return { state: state ?? null, moves: moves.map((entry) => entry.value), sequences: sequences.map((entry) => entry.value) };
}
