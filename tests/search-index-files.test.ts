/**
 * Waiting for Pagefind's writes to land. Pagefind answers `writeFiles`
 * before its background writes finish; the build checks the files
 * themselves before it stops Pagefind. These tests build the states a
 * pending write leaves (an empty file, a file cut at a 2 MiB chunk) and make
 * the moment a write lands explicit through the wait's `onPending` hook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { pendingIndexFiles, untilIndexWritten } from '../src/search/index-files.ts';
import { withTempDir } from './helpers/tree.ts';

const ENTRY = JSON.stringify({ version: '1.5.2', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 1 } } });
const MiB = 1024 * 1024;

/** A temporary index folder with its fragment subfolder, as Pagefind lays it out. */
async function withIndexDir(run: (dir: string) => Promise<void>): Promise<void> {
  await withTempDir('quote-archive-index-files-', async (dir) => {
    await mkdir(path.join(dir, 'fragment'));
    await run(dir);
  });
}

test('a whole index has nothing pending', async () => {
  await withIndexDir(async (dir) => {
    await writeFile(path.join(dir, 'pagefind-entry.json'), ENTRY);
    await writeFile(path.join(dir, 'pagefind.js'), 'export {}');
    await writeFile(path.join(dir, 'fragment', 'en_1.pf_fragment'), gzipSync('pagefind_dcd{}'));
    assert.deepEqual(await pendingIndexFiles(dir), []);
  });
});

test('an empty file, an entry that is not JSON yet, a missing entry, and a gzip file cut at a 2 MiB chunk are pending', async () => {
  await withIndexDir(async (dir) => {
    assert.deepEqual(await pendingIndexFiles(dir), ['pagefind-entry.json'], 'no entry file at all');
    await writeFile(path.join(dir, 'pagefind-entry.json'), ENTRY.slice(0, 20));
    await writeFile(path.join(dir, 'pagefind.js'), '');
    // Incompressible bytes make a gzip file over 2 MiB; its first chunk alone is what a pending write leaves.
    const big = gzipSync(randomBytes(3 * MiB));
    await writeFile(path.join(dir, 'fragment', 'big.pf_fragment'), big.subarray(0, 2 * MiB));
    await writeFile(path.join(dir, 'fragment', 'whole.pf_fragment'), big);
    assert.deepEqual(await pendingIndexFiles(dir), ['fragment/big.pf_fragment', 'pagefind-entry.json', 'pagefind.js']);
  });
});

test('the wait ends once the pending write lands, not before', async () => {
  await withIndexDir(async (dir) => {
    const entry = path.join(dir, 'pagefind-entry.json');
    await writeFile(entry, '');
    const seen: string[][] = [];
    const pending = await untilIndexWritten(dir, {
      onPending: async (files) => {
        seen.push([...files]);
        // The write lands after the wait has looked once and found the file empty.
        await writeFile(entry, ENTRY);
      },
    });
    assert.deepEqual(seen, [['pagefind-entry.json']], 'the wait looked, found the empty entry, and waited');
    assert.deepEqual(pending, []);
  });
});

test('the wait gives up with the files still pending when told to stop or when its limit has passed', async () => {
  await withIndexDir(async (dir) => {
    await writeFile(path.join(dir, 'pagefind-entry.json'), '');
    assert.deepEqual(await untilIndexWritten(dir, { stopped: () => true }), ['pagefind-entry.json']);
    assert.deepEqual(await untilIndexWritten(dir, { limitMs: 0 }), ['pagefind-entry.json']);
  });
});
