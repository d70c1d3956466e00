/**
 * The build cache and the worker threads change how fast a build is, never
 * what it builds: a cached build, an uncached one and a build on worker
 * threads give the same records and the same bytes; an entry of other code,
 * of an older version of an article, or damaged on disk is never used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArchive, buildArchiveCached } from '../src/pipeline.ts';
import { CACHE_STAMP, decodeEntry, openBuildCache, type BuildCache } from '../src/cache/build-cache.ts';
import { computeCodeVersion } from '../src/cache/code-version.ts';
import { createArticleWorkers } from '../src/parallel/article-workers.ts';
import { renderArticleBodies } from '../src/site/article-bodies.ts';
import { toPlainQuoteTexts } from '../src/render/quote-text.ts';
import { readSourceFiles, findContentFiles } from '../src/load/content-files.ts';
import { runCli } from '../src/cli.ts';
import type { SourceFile } from '../src/archive/types.ts';
import { listFiles, pagefindRecords, withTempDir } from './helpers/tree.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The articles of the project and of two site fixtures: quotes, speakers shared across articles, odd names. */
async function contentFiles(): Promise<SourceFile[]> {
  const paths = [
    ...await findContentFiles(join(root, 'content')),
    ...await findContentFiles(join(root, 'tests', 'fixtures', 'site', 'filters', 'content')),
    ...await findContentFiles(join(root, 'tests', 'fixtures', 'site', 'mini', 'content')),
  ];
  return (await readSourceFiles(paths)).files;
}

/** Every entry file of a cache folder (not the stamp). */
function cacheEntries(dir: string): string[] {
  return listFiles(dir).filter((file) => file.includes('/')).map((file) => join(dir, file));
}

/** Copies the project's content and the filters fixture into `dir/content`, the content the builds below read. */
async function copyContent(dir: string): Promise<string> {
  const content = join(dir, 'content');
  await cp(join(root, 'content'), content, { recursive: true });
  await cp(join(root, 'tests', 'fixtures', 'site', 'filters', 'content'), join(content, 'filters'), { recursive: true });
  return content;
}

async function build(args: string[]): Promise<void> {
  let stderr = '';
  const code = await runCli(['build', ...args], { stdout: () => {}, stderr: (text) => { stderr += text; } });
  assert.equal(code, 0, stderr);
}

test('a build from a cold cache and one from a warm cache give the same bytes as a build without a cache', async () => {
  await withTempDir('qa-cache-site-', async (dir) => {
    const content = await copyContent(dir);
    const cache = join(dir, 'cache');
    await build(['--content', content, '--out', join(dir, 'uncached'), '--no-cache']);
    await build(['--content', content, '--out', join(dir, 'cold'), '--cache', cache]);
    assert.ok(cacheEntries(cache).length > 0, 'the cold build filled the cache');
    await build(['--content', content, '--out', join(dir, 'warm'), '--cache', cache]);
    for (const name of ['cold', 'warm']) await assertSameSite(join(dir, name), join(dir, 'uncached'), name);
  });
});

/** Hard links of every file of `site` in `folder`: a file of a later site that is one of them was taken from `site`, not written again. */
async function keepInodes(site: string): Promise<Map<string, number>> {
  return new Map(listFiles(site).map((file) => [file, statSync(join(site, file)).ino]));
}

/** The files of `site` that are still the very files (same inode) listed in `before`. */
function sameFiles(site: string, before: Map<string, number>): string[] {
  return listFiles(site).filter((file) => before.get(file) === statSync(join(site, file)).ino);
}

/** Asserts two sites have the same files with the same bytes (Pagefind's by their records, its chunk names vary). */
async function assertSameSite(actual: string, expected: string, what: string): Promise<void> {
  const files = listFiles(expected).filter((file) => !file.startsWith('pagefind/'));
  assert.deepEqual(listFiles(actual).filter((file) => !file.startsWith('pagefind/')), files, `${what}: same files`);
  for (const file of files) assert.ok((await readFile(join(actual, file))).equals(await readFile(join(expected, file))), `${what}: ${file} has the same bytes`);
  assert.deepEqual(pagefindRecords(actual), pagefindRecords(expected), `${what}: same search records`);
}

test('a rebuild takes unchanged pages, the exports and feeds of an unchanged archive and the search index from the previous site, renders what changed, and gives the bytes of an uncached build', async () => {
  await withTempDir('qa-cache-reuse-', async (dir) => {
    const content = await copyContent(dir);
    const cache = join(dir, 'cache');
    const out = join(dir, 'site');
    await build(['--content', content, '--out', out, '--cache', cache]);
    // Held open so the previous site's files keep their inodes after the swap deletes them.
    const holder = join(dir, 'holder');
    await mkdir(holder);
    const first = await keepInodes(out);
    for (const file of first.keys()) linkSync(join(out, file), join(holder, file.replaceAll('/', '__')));

    await build(['--content', content, '--out', out, '--cache', cache]);
    const unchanged = sameFiles(out, first);
    assert.ok(unchanged.includes('pagefind/pagefind-entry.json'), 'the search index was taken from the previous site');
    assert.ok(unchanged.some((file) => file.startsWith('articles/') && file !== 'articles/index.html'), 'article pages were taken from the previous site');
    assert.ok(!unchanged.includes('index.html'), 'the home page, which reads the whole archive, was rendered');
    assert.ok(['archive.json', 'quotes.csv', 'feed.xml', 'sitemap.xml', 'citation.js'].every((file) => unchanged.includes(file)), 'the exports and feeds were taken from the previous site');

    // An edited article: its page and index change; a page edited in the previous site by hand is not taken from it.
    const [edited] = (await findContentFiles(content)).filter((file) => !file.includes('filters'));
    assert.ok(edited);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n"We will publish the figures on Monday," said Ada Quill, a spokesperson.\n`);
    const tampered = listFiles(out).find((file) => file.startsWith('speakers/') && file !== 'speakers/index.html');
    assert.ok(tampered);
    writeFileSync(join(out, tampered), 'edited by hand');
    const second = await keepInodes(out);
    for (const file of second.keys()) linkSync(join(out, file), join(holder, `2-${file.replaceAll('/', '__')}`));
    await build(['--content', content, '--out', out, '--cache', cache]);
    const kept = sameFiles(out, second);
    assert.ok(!kept.includes('pagefind/pagefind-entry.json'), 'the search index of the edited archive was built anew');
    assert.ok(!kept.includes(tampered), 'the page edited by hand was rendered again');
    assert.ok(!kept.includes('archive.json') && !kept.includes('feed.xml'), 'the exports and feeds of the edited archive were written anew');
    assert.ok(kept.some((file) => file.startsWith('articles/')), 'unchanged article pages were still taken from the previous site');
    await build(['--content', content, '--out', join(dir, 'uncached'), '--no-cache']);
    await assertSameSite(out, join(dir, 'uncached'), 'rebuilt after an edit');
  });
});

test('a cache written by another code version is not read, and its entries are removed', async () => {
  await withTempDir('qa-cache-version-', async (dir) => {
    const files = await contentFiles();
    const expected = buildArchive(files);
    const older = openBuildCache(dir, 'code version A').cache;
    await buildArchiveCached(files, { cache: older });
    await older.flush();
    // Make every entry of version A wrong but well formed: were it read, the archive would lose its quotes.
    const planted = plantEmptyFacts(older, dir);
    await older.flush();
    assert.ok(planted > 0);
    const again = openBuildCache(dir, 'code version A').cache;
    assert.equal((await buildArchiveCached(files, { cache: again })).archive.quotes.length, 0, 'the planted entries are read by their own version');
    await again.flush();
    const newer = openBuildCache(dir, 'code version B').cache;
    assert.deepEqual((await buildArchiveCached(files, { cache: newer })).archive, expected.archive);
    await newer.flush();
    assert.deepEqual(readdirSync(dir).filter((name) => name !== CACHE_STAMP).length, 1, 'only the current version is kept');
  });
});

test('the code version changes when a source file of the tool changes', async () => {
  await withTempDir('qa-cache-code-', async (dir) => {
    await cp(join(root, 'package.json'), join(dir, 'package.json'));
    await cp(join(root, 'src', 'link'), join(dir, 'src', 'link'), { recursive: true });
    const before = computeCodeVersion(dir);
    assert.equal(computeCodeVersion(dir), before, 'the same code has the same version');
    writeFileSync(join(dir, 'src', 'link', 'ids.ts'), `${readFileSync(join(dir, 'src', 'link', 'ids.ts'), 'utf8')}\n// edited\n`);
    assert.notEqual(computeCodeVersion(dir), before);
  });
});

test('an edited article is extracted again and the archive is the one an uncached build makes', async () => {
  await withTempDir('qa-cache-edit-', async (dir) => {
    const files = await contentFiles();
    const cache = openBuildCache(dir, 'v').cache;
    await buildArchiveCached(files, { cache });
    await cache.flush();
    const [first, ...rest] = files;
    assert.ok(first);
    const edited = [{ ...first, value: `${first.value}\n"We will publish the figures on Monday," said Ada Quill, a spokesperson.\n` }, ...rest];
    const expected = buildArchive(edited);
    const second = openBuildCache(dir, 'v').cache;
    const cached = await buildArchiveCached(edited, { cache: second });
    // The cache writes in the background: let it finish before the folder is removed.
    await second.flush();
    assert.ok(cached.archive.quotes.some((q) => q.text.includes('publish the figures')), 'the new quote is found');
    assert.deepEqual(cached, expected);
  });
});

test('a damaged cache entry is ignored and written again, never a crash', async () => {
  await withTempDir('qa-cache-corrupt-', async (dir) => {
    const files = await contentFiles();
    const expected = buildArchive(files);
    const first = openBuildCache(dir, 'v').cache;
    await buildArchiveCached(files, { cache: first });
    await first.flush();
    const entries = cacheEntries(dir);
    assert.ok(entries.length > 2);
    // Three kinds of damage: cut short, one letter of the text changed (still a readable value), and not an entry at all.
    entries.forEach((file, i) => {
      const bytes = readFileSync(file);
      if (i % 3 === 0) writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      else if (i % 3 === 1) writeFileSync(file, withOneLetterChanged(bytes));
      else writeFileSync(file, 'not a cache entry');
    });
    assert.ok(entries.every((file) => decodeEntry(readFileSync(file)) === undefined), 'every entry is now unreadable');
    const second = openBuildCache(dir, 'v').cache;
    assert.deepEqual(await buildArchiveCached(files, { cache: second }), expected);
    await second.flush();
    assert.ok(entries.every((file) => decodeEntry(readFileSync(file)) !== undefined), 'every entry was written again');
  });
});

test('a folder holding files that are not a cache is neither used nor changed, and the build says so', async () => {
  await withTempDir('qa-cache-foreign-', async (dir) => {
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const { cache, diagnostics } = openBuildCache(dir, 'v');
    cache.set('extract', 'ab12', { quotes: [], entities: [], diagnostics: [] });
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.severity]), [['cache-folder-not-ours', 'warning']]);
  });
});

test('extraction and body rendering on worker threads, alone or shared with this thread, give the same archive and pages as in one thread', async () => {
  const files = await contentFiles();
  const expected = buildArchive(files);
  const inThread = await renderArticleBodies(expected.archive);
  const inThreadTexts = toPlainQuoteTexts(expected.archive);
  assert.ok(inThread.size > 0);
  for (const shareWithThisThread of [false, true]) {
    const workers = createArticleWorkers({ threads: 2, minArticles: 1, shareWithThisThread });
    try {
      const parallel = await buildArchiveCached(files, { workers });
      assert.deepEqual(parallel, expected);
      assert.equal(JSON.stringify(parallel), JSON.stringify(expected), 'the same key order too');
      const onWorkers = await renderArticleBodies(parallel.archive, { workers });
      assert.deepEqual([...onWorkers], [...inThread]);
      assert.deepEqual([...toPlainQuoteTexts(parallel.archive)], [...inThreadTexts]);
    } finally {
      await workers.close();
    }
  }
});

test('worker threads running the worker code bundled into one file give the same archive and pages as this thread, and the bundle is kept for the next build', async () => {
  await withTempDir('qa-worker-bundle-', async (dir) => {
    const files = await contentFiles();
    const expected = buildArchive(files);
    const inThread = await renderArticleBodies(expected.archive);
    const bundleFolder = join(dir, 'worker');
    const workers = createArticleWorkers({ threads: 1, minArticles: 1, shareWithThisThread: false, bundleFolder });
    try {
      const parallel = await buildArchiveCached(files, { workers });
      assert.equal(JSON.stringify(parallel), JSON.stringify(expected));
      assert.deepEqual([...await renderArticleBodies(parallel.archive, { workers })], [...inThread]);
    } finally {
      await workers.close();
    }
    assert.deepEqual(readdirSync(bundleFolder), ['article-worker.mjs']);
  });
});

/** `bytes` with the last lowercase letter of the second half changed to another one. */
function withOneLetterChanged(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = copy.length - 1; i > copy.length / 2; i--) {
    const byte = copy[i] ?? 0;
    if (byte >= 0x61 && byte <= 0x7a) {
      copy[i] = byte === 0x7a ? 0x61 : byte + 1;
      return copy;
    }
  }
  return copy.subarray(0, copy.length - 1);
}

/** Rewrites every extraction entry of `cache` (in `dir`) as facts with no quotes; returns how many. */
function plantEmptyFacts(cache: BuildCache, dir: string): number {
  const entries = cacheEntries(dir).filter((file) => file.includes('/extract/'));
  for (const file of entries) {
    const key = file.split('/').at(-1) ?? '';
    cache.set('extract', key, { quotes: [], entities: [], diagnostics: [] });
  }
  // Linking results would otherwise answer for the whole archive at once.
  for (const file of cacheEntries(dir).filter((f) => f.includes('/link/'))) writeFileSync(file, '');
  return entries.length;
}


test('a cache folder inside the content folder is refused before anything is read or written', async () => {
  await withTempDir('qa-cache-inside-', async (dir) => {
    const content = join(dir, 'content');
    await cp(join(root, 'content'), content, { recursive: true });
    let stderr = '';
    const code = await runCli(['build', '--content', content, '--out', join(dir, 'site'), '--cache', join(content, 'cache')], { stdout: () => {}, stderr: (text) => { stderr += text; } });
    // The test process's own exit code must not inherit the CLI's.
    process.exitCode = 0;
    assert.equal(code, 2);
    assert.match(stderr, /--cache must be outside the content folder/);
    assert.deepEqual(readdirSync(dir).sort(), ['content']);
    assert.ok(!readdirSync(content).includes('cache'));
  });
});

test('a rebuild under a smaller export size limit writes the exports again, in parts, rather than taking the whole files of the previous site', async () => {
  await withTempDir('qa-cache-limit-', async (dir) => {
    const content = await copyContent(dir);
    const cache = join(dir, 'cache');
    const out = join(dir, 'site');
    await build(['--content', content, '--out', out, '--cache', cache]);
    const before = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as { exports: { whole: unknown; parts: unknown[] }[] };
    assert.ok(before.exports.every((e) => e.whole !== null && e.parts.length === 0), 'within the default limit every export is whole');
    const previous = process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB;
    process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB = '0.001';
    try {
      let stderr = '';
      const code = await runCli(['build', '--content', content, '--out', out, '--cache', cache], { stdout: () => {}, stderr: (text) => { stderr += text; } });
      assert.equal(code, 0, stderr);
    } finally {
      if (previous === undefined) delete process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB;
      else process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB = previous;
    }
    const after = JSON.parse(await readFile(join(out, 'data', 'index.json'), 'utf8')) as { exports: { whole: unknown; parts: unknown[] }[] };
    assert.ok(after.exports.every((e) => e.whole === null && e.parts.length > 0), 'past the new limit every export is in parts only');
  });
});
