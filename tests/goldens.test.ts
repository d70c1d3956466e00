/**
 * The golden-file helper itself: a test that writes its own expectation can
 * only pass, so goldens are written by `npm run update-goldens`
 * (`UPDATE_GOLDENS=1`) and by nothing else.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertGoldenJson, assertGoldenText } from './helpers/fixtures.ts';

/** Runs `body` with `UPDATE` and `UPDATE_GOLDENS` set as given (undefined: unset), in a fresh folder. */
function withGoldenEnv(env: { UPDATE?: string; UPDATE_GOLDENS?: string }, body: (dir: string) => void): void {
  const saved = { UPDATE: process.env.UPDATE, UPDATE_GOLDENS: process.env.UPDATE_GOLDENS };
  const dir = mkdtempSync(join(tmpdir(), 'qa-goldens-'));
  try {
    for (const key of ['UPDATE', 'UPDATE_GOLDENS'] as const) {
      if (env[key] === undefined) delete process.env[key];
      else process.env[key] = env[key];
    }
    body(dir);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a missing golden fails, naming npm run update-goldens, and is not written', () => {
  withGoldenEnv({}, (dir) => {
    const golden = join(dir, 'expected.json');
    assert.throws(() => assertGoldenText(golden, 'actual\n'), /golden .* is missing: create it with `npm run update-goldens`/);
    assert.throws(() => assertGoldenJson(golden, { actual: true }), /is missing/);
    assert.equal(existsSync(golden), false);
  });
});

test('a golden that differs fails and is left as it was', () => {
  withGoldenEnv({}, (dir) => {
    const golden = join(dir, 'output.html');
    writeFileSync(golden, 'committed\n');
    assert.throws(() => assertGoldenText(golden, 'actual\n'), /output differs from the golden/);
    assert.equal(readFileSync(golden, 'utf8'), 'committed\n');
  });
});

test('UPDATE with any value, or UPDATE_GOLDENS other than exactly 1, is refused and writes nothing', () => {
  for (const env of [{ UPDATE: '1' }, { UPDATE: 'yes' }, { UPDATE_GOLDENS: 'true' }, { UPDATE_GOLDENS: '0' }]) {
    withGoldenEnv(env, (dir) => {
      const golden = join(dir, 'messages.json');
      assert.throws(() => assertGoldenText(golden, 'actual\n'), /update-goldens/, JSON.stringify(env));
      assert.equal(existsSync(golden), false, JSON.stringify(env));
    });
  }
});

test('UPDATE_GOLDENS=1, as npm run update-goldens sets it, writes the actual result', () => {
  withGoldenEnv({ UPDATE_GOLDENS: '1' }, (dir) => {
    const golden = join(dir, 'report.txt');
    assertGoldenText(golden, 'actual\n');
    assert.equal(readFileSync(golden, 'utf8'), 'actual\n');
  });
});
