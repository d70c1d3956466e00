/**
 * Atomic output: a site is built beside the target and swapped in only when
 * the build succeeded; a failed, crashed or killed build leaves the previous
 * site byte for byte as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree } from './helpers/tree.ts';
import { writeSiteAtomically } from '../src/output/atomic.ts';
import type { Diagnostic } from '../src/archive/types.ts';

const atomicModule = fileURLToPath(new URL('../src/output/atomic.ts', import.meta.url));


async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'qa-output-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const writeFiles = (files: Record<string, string>) => async (tmp: string): Promise<Diagnostic[]> => {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(tmp, name, '..'), { recursive: true });
    await writeFile(join(tmp, name), text);
  }
  return [];
};

const error: Diagnostic = { file: 'content/a.md', line: 3, column: 7, severity: 'error', reason: 'bad', ruleId: 'invalid-date', source: 'load' };

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

test('a successful build replaces the whole previous site', async () => {
  await withTempDir(async (dir) => {
    const site = join(dir, '_site');
    assert.deepEqual(await writeSiteAtomically(site, writeFiles({ 'index.html': 'old', 'gone.html': 'x' })), []);
    assert.deepEqual(await writeSiteAtomically(site, writeFiles({ 'index.html': 'new', 'a/b.html': 'b' })), []);
    assert.deepEqual(Object.keys(await hashTree(site)), ['a/b.html', 'index.html']);
    assert.equal(await readFile(join(site, 'index.html'), 'utf8'), 'new');
    assert.deepEqual(await readdir(dir), ['_site'], 'no temporary folders are left');
  });
});

test('a build that reports an error leaves the previous site byte for byte and no temporary folder', async () => {
  await withTempDir(async (dir) => {
    const site = join(dir, '_site');
    await writeSiteAtomically(site, writeFiles({ 'index.html': 'old', 'x/y.json': '{}' }));
    const before = await hashTree(site);
    const diagnostics = await writeSiteAtomically(site, async (tmp) => {
      await writeFiles({ 'index.html': 'half' })(tmp);
      return [error];
    });
    assert.deepEqual(diagnostics, [error]);
    assert.deepEqual(await hashTree(site), before);
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a build that throws becomes a site-build-failed error and leaves the previous site', async () => {
  await withTempDir(async (dir) => {
    const site = join(dir, '_site');
    await writeSiteAtomically(site, writeFiles({ 'index.html': 'old' }));
    const before = await hashTree(site);
    const diagnostics = await writeSiteAtomically(site, async (tmp) => {
      await writeFile(join(tmp, 'index.html'), 'half');
      throw new Error('template exploded\nstack');
    });
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.severity, d.reason]), [['site-build-failed', 'error', 'site build failed: template exploded']]);
    assert.deepEqual(await hashTree(site), before);
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('warnings do not stop the swap and are returned', async () => {
  await withTempDir(async (dir) => {
    const warning: Diagnostic = { ...error, severity: 'warning', ruleId: 'future-date' };
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), async (tmp) => {
      await writeFile(join(tmp, 'index.html'), 'new');
      return [warning];
    });
    assert.deepEqual(diagnostics, [warning]);
    assert.equal(await readFile(join(dir, '_site', 'index.html'), 'utf8'), 'new');
  });
});

test('temporary folders left by dead runs are removed; those of running builds are kept', async () => {
  await withTempDir(async (dir) => {
    const dead = await deadPid();
    await mkdir(join(dir, `._site.tmp-${dead}-abc`, 'deep'), { recursive: true });
    await mkdir(join(dir, `._site.old-${dead}-abc`));
    await mkdir(join(dir, `._site.tmp-${process.ppid}-live`));
    await mkdir(join(dir, '.other.tmp-1-x'));
    await writeSiteAtomically(join(dir, '_site'), writeFiles({ 'index.html': 'new' }));
    assert.deepEqual((await readdir(dir)).sort(), ['.other.tmp-1-x', `._site.tmp-${process.ppid}-live`, '_site'].sort());
  });
});

test('a run killed between its two renames is repaired: the set-aside site is put back, even if the next build fails', async () => {
  await withTempDir(async (dir) => {
    const dead = await deadPid();
    const aside = join(dir, `._site.old-${dead}-zz`);
    await mkdir(aside);
    await writeFile(join(aside, 'index.html'), 'old');
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), async () => [error]);
    assert.deepEqual(diagnostics, [error]);
    assert.equal(await readFile(join(dir, '_site', 'index.html'), 'utf8'), 'old');
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a target that is a file is not replaced and the failure is reported', async () => {
  await withTempDir(async (dir) => {
    await writeFile(join(dir, '_site'), 'not a folder');
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), writeFiles({ 'index.html': 'new' }));
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['output-failed']);
    assert.equal(await readFile(join(dir, '_site'), 'utf8'), 'not a folder');
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a build killed at any moment leaves either the old site or the new one, never a mix', async () => {
  await withTempDir(async (dir) => {
    const site = join(dir, '_site');
    const script = join(dir, 'slow-build.mts');
    // 300 files, each written after a pause: a kill lands mid-build, mid-swap or after it.
    await writeFile(script, `
      import { writeFile } from 'node:fs/promises';
      import { join } from 'node:path';
      import { writeSiteAtomically } from ${JSON.stringify(atomicModule)};
      process.stdout.write('started\\n');
      await writeSiteAtomically(${JSON.stringify(site)}, async (tmp) => {
        for (let i = 0; i < 300; i++) {
          await writeFile(join(tmp, 'page-' + i + '.html'), 'new ' + i);
          if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
        }
        return [];
      });
    `);
    const oldFiles: Record<string, string> = {};
    for (let i = 0; i < 50; i++) oldFiles[`page-${i}.html`] = `old ${i}`;
    await writeSiteAtomically(site, writeFiles(oldFiles));
    const oldHash = await hashTree(site);
    const newFiles: Record<string, string> = {};
    for (let i = 0; i < 300; i++) newFiles[`page-${i}.html`] = `new ${i}`;
    const scratch = join(dir, 'expected');
    await writeSiteAtomically(scratch, writeFiles(newFiles));
    const newHash = await hashTree(scratch);
    await rm(scratch, { recursive: true });

    const seen = new Set<string>();
    for (const delay of [0, 20, 60, 120, 250, 5000]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await Promise.race([new Promise<void>((resolve) => child.stdout.once('data', () => resolve())), exited]);
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await exited;
      clearTimeout(timer);
      // The next run first repairs and cleans; an empty failing build shows what it finds.
      await writeSiteAtomically(site, async () => [error]);
      const now = await hashTree(site);
      const state = JSON.stringify(now) === JSON.stringify(oldHash) ? 'old' : JSON.stringify(now) === JSON.stringify(newHash) ? 'new' : 'mixed';
      assert.notEqual(state, 'mixed', `after a kill at ${delay} ms`);
      seen.add(state);
      assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('._site')), [], 'leftovers are cleaned');
      // Reset to the old site for the next round.
      await writeSiteAtomically(site, writeFiles(oldFiles));
      await rm(site, { recursive: true });
      await writeSiteAtomically(site, writeFiles(oldFiles));
    }
    assert.ok(seen.has('new'), 'an uninterrupted run swaps the new site in');
    assert.ok(seen.has('old'), 'an early kill keeps the old site');
  });
});
