/**
 * One instance's buffer cache: the blocks it holds in S or X mode, which of them it must write
 * back (dirty), and the past images (PI) of dirty blocks it shipped away, kept until a version at
 * least as new reaches disk. Blocks are kept in the order they were last used, so the least
 * recently used one is the first to age out when the cache is full (the GCS gives it up through
 * its master). Volatile: a crash loses it.
 */
import { copyImage, type BlockId, type BlockImage, type Scn } from './block.js';

export type LockMode = 'N' | 'S' | 'X';

export interface CachedBlock {
  mode: 'S' | 'X';
  image: BlockImage;
  /** This instance holds the newest version not yet on disk and must write it back. */
  dirty: boolean;
}

export class BufferCache {
  /** In order of last use, least recent first (a Map keeps insertion order; a use re-inserts). */
  private readonly blocks = new Map<BlockId, CachedBlock>();
  private readonly pastImages = new Map<BlockId, BlockImage>();
  /** Blocks being given up because the cache was full: their release is in flight at the master. */
  private readonly agingOut = new Set<BlockId>();

  modeOf(blockId: BlockId): LockMode {
    return this.blocks.get(blockId)?.mode ?? 'N';
  }

  get(blockId: BlockId): CachedBlock | undefined {
    return this.blocks.get(blockId);
  }

  install(image: BlockImage, mode: 'S' | 'X', dirty: boolean): void {
    this.agingOut.delete(image.blockId);
    this.blocks.delete(image.blockId);
    this.blocks.set(image.blockId, { mode, image: copyImage(image), dirty });
  }

  /** A read or write used the block: it becomes the most recently used. */
  touch(blockId: BlockId): void {
    const cached = this.blocks.get(blockId);
    if (cached === undefined) return;
    this.blocks.delete(blockId);
    this.blocks.set(blockId, cached);
  }

  /** Cached blocks, least recently used first. */
  leastRecentlyUsed(): IterableIterator<BlockId> {
    return this.blocks.keys();
  }

  /** The block is being given up to make room; it stays readable until its master grants the release. */
  markAgingOut(blockId: BlockId): void {
    if (this.blocks.has(blockId)) this.agingOut.add(blockId);
  }

  isAgingOut(blockId: BlockId): boolean {
    return this.agingOut.has(blockId);
  }

  /** Blocks still held whose release to make room is in flight. */
  agingOutCount(): number {
    return this.agingOut.size;
  }

  /** X → S after serving a read; the block stays dirty here (this instance still writes it back). */
  downgrade(blockId: BlockId): void {
    const cached = this.blocks.get(blockId);
    if (cached !== undefined) cached.mode = 'S';
  }

  /** Drops the block to N; a dirty one leaves a past image. @returns what was held. */
  drop(blockId: BlockId): CachedBlock | undefined {
    const cached = this.blocks.get(blockId);
    if (cached === undefined) return undefined;
    this.blocks.delete(blockId);
    this.agingOut.delete(blockId);
    if (cached.dirty) this.pastImages.set(blockId, cached.image);
    return cached;
  }

  pastImageOf(blockId: BlockId): BlockImage | undefined {
    return this.pastImages.get(blockId);
  }

  /** Discards the past image once disk holds a version at least as new. @returns whether one was discarded. */
  discardPastImage(blockId: BlockId, diskScn: Scn): boolean {
    const pastImage = this.pastImages.get(blockId);
    if (pastImage === undefined || pastImage.scn > diskScn) return false;
    this.pastImages.delete(blockId);
    return true;
  }

  entries(): [BlockId, CachedBlock][] {
    return [...this.blocks.entries()];
  }

  pastImageCount(): number {
    return this.pastImages.size;
  }

  size(): number {
    return this.blocks.size;
  }

  dirtyCount(): number {
    let dirty = 0;
    for (const cached of this.blocks.values()) if (cached.dirty) dirty += 1;
    return dirty;
  }

  clear(): void {
    this.blocks.clear();
    this.pastImages.clear();
    this.agingOut.clear();
  }
}
