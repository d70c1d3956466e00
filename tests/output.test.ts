/**
 * Atomic output: a site is built beside the target and swapped in only when
 * the build succeeded; a failed, crashed or killed build leaves the previous
 * site byte for byte as it was. Kills and failures are placed at named test
 * points, and each test checks it landed there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree, withTempDir } from './helpers/tree.ts';
import { writeSiteAtomically } from '../src/output/atomic.ts';
import { SITE_STAMP, SITE_STAMP_TEXT } from '../src/output/site-stamp.ts';
import { setTestPointHandler } from '../src/test-points.ts';
import type { Diagnostic } from '../src/archive/types.ts';

const atomicModule = fileURLToPath(new URL('../src/output/atomic.ts', import.meta.url));


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
  await withTempDir('qa-output-', async (dir) => {
    const site = join(dir, '_site');
    assert.deepEqual(await writeSiteAtomically(site, writeFiles({ 'index.html': 'old', 'gone.html': 'x' })), []);
    assert.deepEqual(await writeSiteAtomically(site, writeFiles({ 'index.html': 'new', 'a/b.html': 'b' })), []);
    assert.deepEqual(Object.keys(await hashTree(site)), ['.quote-archive-site', 'a/b.html', 'index.html']);
    assert.equal(await readFile(join(site, 'index.html'), 'utf8'), 'new');
    assert.deepEqual(await readdir(dir), ['_site'], 'no temporary folders are left');
  });
});

test('a build that reports an error leaves the previous site byte for byte and no temporary folder', async () => {
  await withTempDir('qa-output-', async (dir) => {
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
  await withTempDir('qa-output-', async (dir) => {
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
  await withTempDir('qa-output-', async (dir) => {
    const warning: Diagnostic = { ...error, severity: 'warning', ruleId: 'future-date' };
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), async (tmp) => {
      await writeFile(join(tmp, 'index.html'), 'new');
      return [warning];
    });
    assert.deepEqual(diagnostics, [warning]);
    assert.equal(await readFile(join(dir, '_site', 'index.html'), 'utf8'), 'new');
  });
});

test('stamped folders left by dead runs are removed; those of running builds and unstamped ones are kept', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const dead = await deadPid();
    await mkdir(join(dir, `._site.tmp-${dead}-abc`, 'deep'), { recursive: true });
    await writeFile(join(dir, `._site.tmp-${dead}-abc`, SITE_STAMP), SITE_STAMP_TEXT);
    await mkdir(join(dir, `._site.old-${dead}-abc`));
    await writeFile(join(dir, `._site.old-${dead}-abc`, SITE_STAMP), SITE_STAMP_TEXT);
    // Made just before a kill, before its stamp: empty, so removing it loses nothing.
    await mkdir(join(dir, `._site.tmp-${dead}-empty`));
    // Named like ours but holding someone's files and no stamp: never deleted.
    await mkdir(join(dir, `._site.tmp-${dead}-notes`));
    await writeFile(join(dir, `._site.tmp-${dead}-notes`, 'notes.txt'), 'mine');
    await mkdir(join(dir, `._site.tmp-${process.ppid}-live`));
    await mkdir(join(dir, '.other.tmp-1-x'));
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), writeFiles({ 'index.html': 'new' }));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.ruleId]), [['warning', 'output-cleanup-failed']]);
    assert.match(diagnostics[0]!.reason, /notes.*holds no stamp/);
    assert.deepEqual((await readdir(dir)).sort(), ['.other.tmp-1-x', `._site.tmp-${dead}-notes`, `._site.tmp-${process.ppid}-live`, '_site'].sort());
    assert.equal(await readFile(join(dir, `._site.tmp-${dead}-notes`, 'notes.txt'), 'utf8'), 'mine');
  });
});

test('a run killed between its two renames is repaired: the set-aside site is put back, even if the next build fails', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const dead = await deadPid();
    const aside = join(dir, `._site.old-${dead}-zz`);
    await mkdir(aside);
    await writeFile(join(aside, SITE_STAMP), SITE_STAMP_TEXT);
    await writeFile(join(aside, 'index.html'), 'old');
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), async () => [error]);
    assert.deepEqual(diagnostics, [error]);
    assert.equal(await readFile(join(dir, '_site', 'index.html'), 'utf8'), 'old');
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a set-aside folder without our stamp is not taken for the previous site', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const dead = await deadPid();
    const aside = join(dir, `._site.old-${dead}-zz`);
    await mkdir(aside);
    await writeFile(join(aside, 'index.html'), 'not ours');
    await writeSiteAtomically(join(dir, '_site'), writeFiles({ 'index.html': 'new' }));
    assert.equal(await readFile(join(dir, '_site', 'index.html'), 'utf8'), 'new');
    assert.equal(await readFile(join(aside, 'index.html'), 'utf8'), 'not ours');
  });
});

test('when the second rename fails, the previous site is put back and the error says so', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const site = join(dir, '_site');
    await writeSiteAtomically(site, writeFiles({ 'index.html': 'old' }));
    const before = await hashTree(site);
    const reached: string[] = [];
    setTestPointHandler((point) => {
      reached.push(point);
      if (point === 'between-renames') throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    try {
      const diagnostics = await writeSiteAtomically(site, writeFiles({ 'index.html': 'new' }));
      assert.deepEqual(diagnostics.map((d) => [d.severity, d.ruleId, d.reason]), [['error', 'output-failed', `could not move the new site into ${site}: EIO: i/o error, rename; the previous site was put back`]]);
    } finally {
      setTestPointHandler(null);
    }
    assert.deepEqual(reached, ['site-building', 'before-swap', 'between-renames'], 'the failure landed between the renames');
    assert.deepEqual(await hashTree(site), before);
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('when neither the new site nor the old one can be put in place, the error says the target is missing and where the old site is; the next build puts it back', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const site = join(dir, '_site');
    await writeSiteAtomically(site, writeFiles({ 'index.html': 'old' }));
    const before = await hashTree(site);
    // Something takes the name between the renames: both the new site and the old one then fail to move in.
    setTestPointHandler(async (point) => {
      if (point === 'between-renames') await writeFile(site, 'in the way');
    });
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await writeSiteAtomically(site, writeFiles({ 'index.html': 'new' }));
    } finally {
      setTestPointHandler(null);
    }
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.ruleId]), [['error', 'previous-site-set-aside']]);
    const aside = (await readdir(dir)).find((name) => name.startsWith('._site.old-'))!;
    assert.ok(aside, 'the old site is aside');
    assert.ok(diagnostics[0]!.reason.endsWith(`: the previous site is in ${join(dir, aside)}; move what is now at ${site} away and the next build puts it back`), diagnostics[0]!.reason);
    assert.deepEqual(await hashTree(join(dir, aside)), before, 'the old site is whole where the message says');
    // Once the obstacle is gone, the next run (even one that fails) puts the old site back.
    await rm(site);
    assert.deepEqual(await writeSiteAtomically(site, async () => [error]), [error]);
    assert.deepEqual(await hashTree(site), before);
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a non-empty target without our stamp is not replaced', async () => {
  await withTempDir('qa-output-', async (dir) => {
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs', 'notes.txt'), 'mine');
    const diagnostics = await writeSiteAtomically(join(dir, 'docs'), writeFiles({ 'index.html': 'new' }));
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['output-folder-not-a-site']);
    assert.deepEqual(await readdir(join(dir, 'docs')), ['notes.txt']);
    assert.deepEqual(await readdir(dir), ['docs']);
  });
});

test('a target that is a file is not replaced and the failure is reported', async () => {
  await withTempDir('qa-output-', async (dir) => {
    await writeFile(join(dir, '_site'), 'not a folder');
    const diagnostics = await writeSiteAtomically(join(dir, '_site'), writeFiles({ 'index.html': 'new' }));
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['output-failed']);
    assert.equal(await readFile(join(dir, '_site'), 'utf8'), 'not a folder');
    assert.deepEqual(await readdir(dir), ['_site']);
  });
});

test('a build killed at each named point leaves the old or the new complete site, and the next run cleans up', async () => {
  await withTempDir('qa-output-', async (dir) => {
    const site = join(dir, '_site');
    const script = join(dir, 'build.mts');
    await writeFile(script, `
      import { writeFile } from 'node:fs/promises';
      import { join } from 'node:path';
      import { writeSiteAtomically } from ${JSON.stringify(atomicModule)};
      await writeSiteAtomically(${JSON.stringify(site)}, async (tmp) => {
        for (let i = 0; i < 30; i++) await writeFile(join(tmp, 'page-' + i + '.html'), 'new ' + i);
        return [];
      });
    `);
    const oldFiles: Record<string, string> = {};
    for (let i = 0; i < 5; i++) oldFiles[`page-${i}.html`] = `old ${i}`;
    const newFiles: Record<string, string> = {};
    for (let i = 0; i < 30; i++) newFiles[`page-${i}.html`] = `new ${i}`;
    const scratch = join(dir, 'expected');
    await writeSiteAtomically(scratch, writeFiles(newFiles));
    const newHash = await hashTree(scratch);
    await rm(scratch, { recursive: true });

    const expected = { 'site-building': 'old', 'before-swap': 'old', 'between-renames': 'aside', 'after-swap': 'new' } as const;
    for (const [point, state] of Object.entries(expected)) {
      await rm(site, { recursive: true, force: true });
      await writeSiteAtomically(site, writeFiles(oldFiles));
      const oldHash = await hashTree(site);
      const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, QUOTE_ARCHIVE_TEST_POINT: `${point}:kill` }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      assert.equal(signal, 'SIGKILL', point);
      assert.equal(stderr, `quote-archive test point: ${point} kill\n`, 'the kill landed at the named point');
      if (state === 'aside') {
        // Between the renames: the target is gone and the old site sits whole beside it.
        assert.ok(!(await readdir(dir)).includes('_site'), point);
        const aside = (await readdir(dir)).find((n) => n.startsWith('._site.old-'))!;
        assert.deepEqual(await hashTree(join(dir, aside)), oldHash, point);
      } else {
        assert.deepEqual(await hashTree(site), state === 'old' ? oldHash : newHash, point);
      }
      // The next run first repairs and cleans; a failing build shows what it finds.
      await writeSiteAtomically(site, async () => [error]);
      assert.deepEqual(await hashTree(site), state === 'new' ? newHash : oldHash, `after the repair of a kill at ${point}`);
      assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('._site')), [], 'leftovers are cleaned');
    }
  });
});
