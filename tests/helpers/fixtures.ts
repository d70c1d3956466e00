/**
 * Fixture-driven tests in the remark-gfm manner: one folder per behaviour
 * under `tests/fixtures/<stage>/`, a missing golden (or `UPDATE=1`) writes
 * the actual result, to be reviewed in `git diff`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

/** Case folders of a stage, sorted, hidden entries skipped. */
export function fixtureCases(stage: string): { name: string; dir: string }[] {
  const root = new URL(`../fixtures/${stage}/`, import.meta.url).pathname;
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => ({ name: d.name, dir: join(root, d.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Compares `actual` with the JSON golden at `path`, writing it when missing or under UPDATE=1. */
export function assertGoldenJson(path: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE || !existsSync(path)) {
    writeFileSync(path, text);
    return;
  }
  assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
}
