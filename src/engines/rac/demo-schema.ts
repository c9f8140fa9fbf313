/**
 * The demo database a new cluster opens: table `sales` (region, product, amount, quantity) over
 * `blocksPerTable` blocks of datafile 1, drawn from a seeded stream so every run has the same data.
 */
import type { SeededRng } from '../runtime/index.js';
import { blockIdOf, type BlockImage, type Row } from './block.js';
import type { StorageState } from './shared-storage.js';

export const DEMO_TABLE = 'sales';
export const DEMO_REGIONS: readonly string[] = Object.freeze(['NORTH', 'SOUTH', 'EAST', 'WEST']);
export const DEMO_PRODUCTS: readonly string[] = Object.freeze(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']);
/** The SCN the demo data is loaded at. */
export const DEMO_LOAD_SCN = 1;

/** A random sales row with id `id`. */
export function salesRow(rng: SeededRng, id: number): Row {
  return { id, region: rng.pick(DEMO_REGIONS), product: rng.pick(DEMO_PRODUCTS), amount: rng.int(1, 10_000), quantity: rng.int(1, 100) };
}

/** Storage holding the demo schema, with empty redo threads for `instanceIds`. */
export function demoStorageState(rng: SeededRng, blocksPerTable: number, rowsPerBlock: number, instanceIds: readonly string[]): StorageState {
  const blocks: BlockImage[] = [];
  let id = 0;
  for (let block = 1; block <= blocksPerTable; block += 1) {
    const rows: Row[] = [];
    for (let row = 0; row < rowsPerBlock; row += 1) rows.push(salesRow(rng, ++id));
    blocks.push({ blockId: blockIdOf(1, block), table: DEMO_TABLE, rows, scn: DEMO_LOAD_SCN });
  }
  return {
    scn: DEMO_LOAD_SCN,
    tables: { [DEMO_TABLE]: blocks.map((image) => image.blockId) },
    blocks,
    redo: [],
    threadCounters: instanceIds.map((instanceId) => ({ instanceId, recordsWritten: 0, bytesWritten: 0 })),
  };
}
