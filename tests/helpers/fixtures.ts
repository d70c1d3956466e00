/**
 * Fixture-driven tests in the remark-gfm manner: one folder per behaviour
 * under `tests/fixtures/<stage>/`, each holding its input and a committed
 * golden. Goldens are written only by the explicit command
 * `npm run update-goldens` (which sets `UPDATE_GOLDENS=1`), to be reviewed
 * in `git diff`. A normal run never writes a golden: a missing one is a
 * failure, because a test that writes its own expectation can only pass.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

/** The command that regenerates goldens, named in every failure about one. */
export const UPDATE_GOLDENS_COMMAND = 'npm run update-goldens';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Tells whether this run regenerates goldens. Only `UPDATE_GOLDENS=1` does:
 * any other value is refused, so a stray `UPDATE_GOLDENS=0` or `=true` can
 * neither rewrite goldens by accident nor be mistaken for a check.
 */
export function updatingGoldens(): boolean {
  // The old switch (`UPDATE` with any value) is refused loudly rather than ignored, so no one believes goldens were rewritten.
  if (process.env.UPDATE) throw new Error(`UPDATE no longer regenerates goldens: run ${UPDATE_GOLDENS_COMMAND} (UPDATE_GOLDENS=1)`);
  const value = process.env.UPDATE_GOLDENS;
  if (value === undefined || value === '') return false;
  if (value === '1') return true;
  throw new Error(`UPDATE_GOLDENS must be exactly 1 (to regenerate goldens with ${UPDATE_GOLDENS_COMMAND}) or unset; got ${JSON.stringify(value)}`);
}

/** Case folders of a stage, sorted, hidden entries skipped. */
export function fixtureCases(stage: string): { name: string; dir: string }[] {
  const dir = fileURLToPath(new URL(`../fixtures/${stage}/`, import.meta.url));
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => ({ name: d.name, dir: join(dir, d.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Reads a committed golden, failing with the command that creates it when it is missing. */
function readGolden(file: string): string {
  assert.ok(existsSync(file), `golden ${relative(root, file)} is missing: create it with \`${UPDATE_GOLDENS_COMMAND}\`, then review and commit it`);
  return readFileSync(file, 'utf8');
}

/** The hint under every golden mismatch. */
const differs = (file: string) => `output differs from the golden ${relative(root, file)} (if the change is intended: ${UPDATE_GOLDENS_COMMAND}, then review git diff)`;

/**
 * Compares `actual` text with the committed golden file at `path`. Under
 * `UPDATE_GOLDENS=1` writes it instead (only when it changed); otherwise a
 * missing golden fails with the command that creates it.
 */
export function assertGoldenText(path: string | URL, actual: string): void {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  if (updatingGoldens()) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readGolden(file), differs(file));
}

/**
 * Compares `actual` with the JSON golden at `path` as data (key order and
 * formatting aside), with the same rules as `assertGoldenText`. `normalize`
 * is applied to the parsed golden, e.g. to sort lists compared as sets.
 */
export function assertGoldenJson<T>(path: string | URL, actual: T, normalize: (value: T) => T = (value) => value): void {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (updatingGoldens()) {
    assertGoldenText(file, text);
    return;
  }
  assert.deepEqual(actual, normalize(JSON.parse(readGolden(file)) as T), differs(file));
}
