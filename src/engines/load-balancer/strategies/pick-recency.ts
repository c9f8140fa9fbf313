/**
 * When each backend was last picked, as a pick sequence number: the deterministic tie-break of
 * the strategies that score backends. The least recently picked wins a tie, so equal backends
 * take turns instead of the first one taking everything.
 */
export class PickRecency {
  private sequence = 0;
  private readonly lastPicked = new Map<string, number>();

  /** Sequence number of the backend's last pick; -1 if never picked. */
  lastPickOf(backendId: string): number {
    return this.lastPicked.get(backendId) ?? -1;
  }

  record(backendId: string): void {
    this.sequence += 1;
    this.lastPicked.set(backendId, this.sequence);
  }

  forget(backendId: string): void {
    this.lastPicked.delete(backendId);
  }
}
