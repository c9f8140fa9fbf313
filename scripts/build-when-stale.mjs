// Runs the build (`tsc -p tsconfig.build.json`) only when its inputs changed since the last
// successful build, so `npm start` on a built checkout goes straight to the server.
//
// Plain JavaScript on purpose: it runs before anything is compiled, and without tsx's start-up.
//
// "Changed" is decided by content, not by modification times: a SHA-256 over the path and bytes
// of every input, compared with the one written after the last successful build. Content catches
// what mtimes miss (a file renamed or deleted, a checkout that restores an older mtime), and
// hashing the ~10 MB of sources takes well under a second.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the build reads: tsconfig.build.json includes src and generated; both configs set its options. */
const INPUT_DIRS = ['src', 'generated'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Inside dist/, so deleting dist/ (or a fresh clone, which has none) always rebuilds. */
const STAMP = join(ROOT, 'dist', '.build-inputs.sha256');

function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function inputsDigest() {
  const paths = [...INPUT_DIRS.flatMap(filesUnder), ...INPUT_FILES].sort();
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(ROOT, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function lastBuiltDigest() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return null; // never built here
  }
}

const digest = inputsDigest();
if (digest === lastBuiltDigest()) {
  process.stdout.write('build: dist/ is up to date with src/ and generated/, not recompiling\n');
} else {
  process.stdout.write('build: sources changed since the last build, compiling (tsc)\n');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // Written only after a successful build: a failed or interrupted one is retried next time.
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${digest}\n`);
}
