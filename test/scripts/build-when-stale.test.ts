import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

/**
 * `npm start` compiles only when the build's inputs changed (scripts/build-when-stale.mjs), so a
 * restart of a built checkout goes straight to the server. Run here on a one-file project, with
 * the script copied in: it finds its project from its own location.
 */
const REPO_ROOT = join(import.meta.dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'rustydb-build-when-stale-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

mkdirSync(join(project, 'scripts'));
mkdirSync(join(project, 'src'));
mkdirSync(join(project, 'generated'));
mkdirSync(join(project, 'node_modules'));
copyFileSync(join(REPO_ROOT, 'scripts', 'build-when-stale.mjs'), join(project, 'scripts', 'build-when-stale.mjs'));
symlinkSync(join(REPO_ROOT, 'node_modules', 'typescript'), join(project, 'node_modules', 'typescript'));
// The language's own declarations only (no DOM, no @types, library files not checked): each of
// the three compiles then reads a fraction of what the default lib set would make it parse.
writeFileSync(
  join(project, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], skipLibCheck: true, module: 'NodeNext', outDir: 'dist', rootDir: '.' } }),
);
writeFileSync(join(project, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.json', include: ['src', 'generated'] }));
writeFileSync(join(project, 'package-lock.json'), '{}');
writeFileSync(join(project, 'src', 'main.ts'), 'export const answer = 42;\n');

function build(): string {
  const run = spawnSync(process.execPath, [join(project, 'scripts', 'build-when-stale.mjs')], { cwd: project, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

test('compiles on the first start, not on a restart with the same sources, and again after a change', () => {
  const compiles = 'sources changed since the last build, compiling';
  const upToDate = 'dist/ is up to date with src/ and generated/, not recompiling';
  expect(build()).toContain(compiles);
  expect(build()).toContain(upToDate);
  writeFileSync(join(project, 'src', 'main.ts'), 'export const answer = 43;\n');
  expect(build()).toContain(compiles);
  // A rename keeps every byte: content alone would miss it, the paths in the digest do not.
  rmSync(join(project, 'src', 'main.ts'));
  writeFileSync(join(project, 'src', 'renamed.ts'), 'export const answer = 43;\n');
  expect(build()).toContain(compiles);
  expect(build()).toContain(upToDate);
}, 60_000);
