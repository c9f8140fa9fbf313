/**
 * One instance's buffer cache: the blocks it holds in S or X mode, which of them it must write
 * back (dirty), and the past images (PI) of dirty blocks it shipped away, kept until a version at
 * least as new reaches disk. Volatile: a crash loses it.
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
  private readonly blocks = new Map<BlockId, CachedBlock>();
  private readonly pastImages = new Map<BlockId, BlockImage>();

  modeOf(blockId: BlockId): LockMode {
    return this.blocks.get(blockId)?.mode ?? 'N';
  }

  get(blockId: BlockId): CachedBlock | undefined {
    return this.blocks.get(blockId);
  }

  install(image: BlockImage, mode: 'S' | 'X', dirty: boolean): void {
    this.blocks.set(image.blockId, { mode, image: copyImage(image), dirty });
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
  }
}
