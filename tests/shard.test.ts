/**
 * The sharded build: `build --shard k/n` on each of n machines, then
 * `build --merge` of their bundles, gives the site of the unsharded build of
 * the same content (every file, the search records, what search finds, the
 * warnings reported), takes each article's extraction from its shard, and
 * refuses bundles that are not one whole split of this content by this
 * code, keeping the previous site.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../src/cli.ts';
import { decodeEntry, encodeEntry } from '../src/cache/build-cache.ts';
import { parseShardSpec, shardOf } from '../src/shard/shard-assignment.ts';
import { SHARD_MANIFEST, type RenderEntry, type ShardEntry } from '../src/shard/shard-bundle.ts';
import { findContentFiles } from '../src/load/content-files.ts';
import { writeCorpus } from './bench/corpus/generate.ts';
import { hashTree, listFiles, pagefindRecords } from './helpers/tree.ts';

const SHARDS = 4;

let dir: string;
let content: string;
/** The warned-about article, relative to the content folder. */
let warnedFile: string;
const runs: Record<string, { code: number; stdout: string; stderr: string }> = {};

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
  // runCli sets the process's exit code, as the program does; the test runner must not take a failed build's for its own.
  process.exitCode = 0;
  return { code, stdout, stderr };
}

const bundle = (k: number, n = SHARDS) => join(dir, `shard-${k}-of-${n}`);
const bundles = () => Array.from({ length: SHARDS }, (_, i) => bundle(i + 1));
/** The second round's bundles (rendered bodies), made with the first round's. */
const renderBundles = () => Array.from({ length: SHARDS }, (_, i) => join(dir, `render-${i + 1}-of-${SHARDS}`));

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-shard-'));
  content = join(dir, 'content');
  const paths = await writeCorpus(content, { articles: 40, seed: 5 });
  // One article with a problem an article's shard finds: a quote mark that never closes.
  const warned = paths[7]!;
  warnedFile = relative(content, warned).split(sep).join('/');
  appendFileSync(warned, '\nThe mayor said on Monday "we will not stop until the port reopens.\n');
  runs.unsharded = await cli(['build', '--content', content, '--out', join(dir, 'unsharded'), '--no-cache']);
  assert.equal(runs.unsharded.code, 0, runs.unsharded.stderr);
  for (let k = 1; k <= SHARDS; k++) {
    runs[`shard-${k}`] = await cli(['build', '--shard', `${k}/${SHARDS}`, '--content', content, '--out', bundle(k), '--no-cache']);
    assert.equal(runs[`shard-${k}`]!.code, 0, runs[`shard-${k}`]!.stderr);
  }
  runs.merged = await cli(['build', '--merge', ...bundles(), '--content', content, '--out', join(dir, 'merged'), '--no-cache']);
  assert.equal(runs.merged.code, 0, runs.merged.stderr);
  for (const [i, out] of renderBundles().entries()) {
    const run = await cli(['build', '--shard', `${i + 1}/${SHARDS}`, '--merge', ...bundles(), '--content', content, '--out', out, '--no-cache']);
    assert.equal(run.code, 0, run.stderr);
  }
  runs.mergedRendered = await cli(['build', '--merge', ...bundles(), ...renderBundles(), '--content', content, '--out', join(dir, 'merged-rendered'), '--no-cache']);
  assert.equal(runs.mergedRendered.code, 0, runs.mergedRendered.stderr);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Asserts two sites have the same files with the same bytes; Pagefind's index by its records, since it names its chunk files differently on each run. */
async function assertSameSite(actual: string, expected: string): Promise<void> {
  const files = listFiles(expected).filter((file) => !file.startsWith('pagefind/'));
  assert.ok(files.length > 100, 'a whole site was built');
  assert.deepEqual(listFiles(actual).filter((file) => !file.startsWith('pagefind/')), files);
  for (const file of files) assert.ok((await readFile(join(actual, file))).equals(await readFile(join(expected, file))), `${file} has the same bytes`);
  assert.deepEqual(pagefindRecords(actual), pagefindRecords(expected));
}

test('a merged 4-shard build gives every file of the unsharded build byte for byte, and the same search records', async () => {
  await assertSameSite(join(dir, 'merged'), join(dir, 'unsharded'));
});

test('a merge of both rounds (extraction, then rendered bodies) gives every file of the unsharded build byte for byte too', async () => {
  await assertSameSite(join(dir, 'merged-rendered'), join(dir, 'unsharded'));
  assert.deepEqual(runs.mergedRendered!.stderr, runs.merged!.stderr, 'the same warnings');
});

test('the merge takes each article\'s body from its render bundle instead of rendering it again, and render bundles alone are refused', async () => {
  const altered = join(dir, 'altered-render-1');
  await cp(renderBundles()[0]!, altered, { recursive: true });
  const entryFile = join(altered, 'entries-0001.bin');
  const entries = decodeEntry(readFileSync(entryFile)) as RenderEntry[];
  assert.ok(entries.length > 0);
  writeFileSync(entryFile, encodeEntry(entries.map((e) => ({ ...e, body: { ...e.body, html: `<p>from the render bundle</p>${e.body.html}` } }))));
  const run = await cli(['build', '--merge', ...bundles(), altered, ...renderBundles().slice(1), '--content', content, '--out', join(dir, 'altered-render-site'), '--no-cache']);
  assert.equal(run.code, 0, run.stderr);
  const pages = listFiles(join(dir, 'altered-render-site', 'articles'), '.html').filter((file) => file !== 'index.html' && !file.includes('page'));
  const marked = pages.filter((file) => readFileSync(join(dir, 'altered-render-site', 'articles', file), 'utf8').includes('from the render bundle'));
  assert.equal(marked.length, entries.length, 'every article of render shard 1, and only those, shows the bundle\'s body');

  const stderr = await failingMerge(renderBundles());
  assert.match(stderr, /render-1-of-4\/shard-manifest\.json:6:3: error: no extraction bundle is given: render bundles come with the bundles of `build --shard k\/n` they were made from \[shard:shard-missing\]/);
});

test('the shards split the content: each article is in exactly one bundle, the one a hash of its path names', async () => {
  const covered = bundles().flatMap((b, i) => (JSON.parse(readFileSync(join(b, SHARD_MANIFEST), 'utf8')) as { files: { path: string }[] }).files.map((f) => [f.path, i + 1] as const));
  const all = (await findContentFiles(content)).map((f) => relative(content, f).split(sep).join('/')).sort();
  assert.deepEqual(covered.map(([path]) => path).sort(), all);
  for (const [path, k] of covered) assert.equal(shardOf(path, SHARDS), k, path);
  assert.ok(new Set(covered.map(([, k]) => k)).size > 1, 'the articles are spread over several shards');
});

test('a shard\'s assignment depends on the article\'s path alone, so adding articles moves none between shards', () => {
  const paths = Array.from({ length: 200 }, (_, i) => `2024/article-${i}.md`);
  const before = paths.slice(0, 100).map((p) => shardOf(p, 8));
  const after = paths.map((p) => shardOf(p, 8)).slice(0, 100);
  assert.deepEqual(after, before);
  assert.deepEqual([...new Set(paths.map((p) => shardOf(p, 8)))].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(parseShardSpec('3/8'), { index: 3, count: 8 });
  assert.ok('problem' in parseShardSpec('9/8') && 'problem' in parseShardSpec('0/8') && 'problem' in parseShardSpec('3 of 8'));
});

test('a warning an article\'s shard found is reported by the merge exactly as by the unsharded build, and published in its report', () => {
  const warningLines = (text: string) => text.split('\n').filter((line) => !line.startsWith('Built '));
  assert.match(runs.unsharded!.stderr, /unclosed-quote/);
  assert.deepEqual(warningLines(runs.merged!.stderr), warningLines(runs.unsharded!.stderr));
  const report = JSON.parse(readFileSync(join(dir, 'merged', 'build-report.json'), 'utf8')) as { diagnostics: { file: string; ruleId: string }[] };
  assert.ok(report.diagnostics.some((d) => d.file === warnedFile && d.ruleId === 'unclosed-quote'), 'the warning is in build-report.json under the file\'s content path');
  const shardOfWarned = shardOf(warnedFile, SHARDS);
  assert.match(runs[`shard-${shardOfWarned}`]!.stderr, /unclosed-quote/, 'the shard that extracted the article printed the warning too');
});

/** A pagefind.js of a built site, loaded in this process, its index files fetched from disk. */
async function openSearch(site: string): Promise<{ search(term: string): Promise<string[]> }> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    return new Response(await readFile(new URL(url.split('?')[0]!)));
  }) as typeof fetch;
  type Pagefind = { options(o: Record<string, unknown>): Promise<void>; init(): Promise<void>; search(term: string): Promise<{ results: { data(): Promise<{ url: string; sub_results: { url: string }[] }> }[] }> };
  const pagefind = (await import(pathToFileURL(join(site, 'pagefind', 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  return {
    async search(term) {
      const found = await pagefind.search(term);
      const data = await Promise.all(found.results.map((r) => r.data()));
      return data.flatMap((d) => [d.url, ...d.sub_results.map((s) => s.url)]).sort();
    },
  };
}

test('a search through Pagefind finds the same quotes in the merged site as in the unsharded one', async () => {
  const archive = JSON.parse(readFileSync(join(dir, 'unsharded', 'archive.json'), 'utf8')) as { quotes: { text: string; path: string }[] };
  const merged = await openSearch(join(dir, 'merged'));
  const unsharded = await openSearch(join(dir, 'unsharded'));
  const quotes = archive.quotes.filter((_, i) => i % 97 === 0).slice(0, 6);
  assert.ok(quotes.length >= 3);
  for (const quote of quotes) {
    const words = quote.text.split(/\s+/).slice(0, 4).join(' ');
    const found = await merged.search(words);
    assert.ok(found.some((url) => url.endsWith(quote.path.split('#')[1] ?? '')), `"${words}" finds its quote in the merged site`);
    assert.deepEqual(found, await unsharded.search(words), `"${words}" finds the same results`);
  }
});

test('the merge takes each article\'s extraction from its shard\'s bundle instead of extracting it again', async () => {
  // A bundle whose entries were altered (every quote of its articles dropped): a merge that used them publishes no quote of those articles.
  const altered = join(dir, 'altered-1');
  await cp(bundle(1), altered, { recursive: true });
  const entryFile = join(altered, 'entries-0001.bin');
  const entries = decodeEntry(readFileSync(entryFile)) as ShardEntry[];
  assert.ok(entries.length > 0);
  writeFileSync(entryFile, encodeEntry(entries.map((e) => ({ ...e, facts: { ...e.facts, quotes: [] } }))));
  const run = await cli(['build', '--merge', altered, ...bundles().slice(1), '--content', content, '--out', join(dir, 'altered-site'), '--no-cache']);
  assert.equal(run.code, 0, run.stderr);
  const archive = JSON.parse(readFileSync(join(dir, 'altered-site', 'archive.json'), 'utf8')) as { articles: { sourceFile: string; quoteIds: string[] }[] };
  const inShardOne = new Set(entries.map((e) => e.path));
  for (const article of archive.articles) {
    if (inShardOne.has(article.sourceFile)) assert.deepEqual(article.quoteIds, [], `${article.sourceFile} has the bundle's (altered) quotes`);
  }
  assert.ok(archive.articles.some((a) => !inShardOne.has(a.sourceFile) && a.quoteIds.length > 0), 'the other shards\' articles keep theirs');
});

/** Runs a merge that must fail into the merged site, and checks it kept that site byte for byte. */
async function failingMerge(dirs: string[], contentDir = content): Promise<string> {
  const site = join(dir, 'merged');
  const beforeTree = await hashTree(site);
  const run = await cli(['build', '--merge', ...dirs, '--content', contentDir, '--out', site, '--no-cache']);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /Build failed; .* was left as it was\.\n$/);
  assert.deepEqual(await hashTree(site), beforeTree, 'the previous site is untouched');
  return run.stderr;
}

test('a merge without one shard\'s bundle names the missing shard and keeps the previous site', async () => {
  const stderr = await failingMerge(bundles().filter((_, i) => i !== 2));
  assert.match(stderr, new RegExp(`${escape(join(bundle(1), SHARD_MANIFEST))}:4:3: error: shard 3 of 4 is missing: no bundle given was built with --shard 3/4 \\[shard:shard-missing\\]`));
});

test('a merge given one shard twice names both bundles and keeps the previous site', async () => {
  const copy = join(dir, 'copy-of-2');
  await cp(bundle(2), copy, { recursive: true });
  const stderr = await failingMerge([...bundles(), copy]);
  assert.match(stderr, new RegExp(`${escape(join(copy, SHARD_MANIFEST))}:3:3: error: shard 2 of 4 is given twice; the other is ${escape(join(bundle(2), SHARD_MANIFEST))} \\[shard:shard-duplicate\\]`));
});

test('a merge of bundles split into different shard counts reports the count that differs and keeps the previous site', async () => {
  const other = await cli(['build', '--shard', '1/2', '--content', content, '--out', bundle(1, 2), '--no-cache']);
  assert.equal(other.code, 0, other.stderr);
  const stderr = await failingMerge([...bundles(), bundle(1, 2)]);
  assert.match(stderr, new RegExp(`${escape(join(bundle(1, 2), SHARD_MANIFEST))}:4:3: error: unexpected shard count 2, expected 4 as in ${escape(join(bundle(1), SHARD_MANIFEST))} \\[shard:shard-count-mismatch\\]`));
});

test('a merge after an article changed, was removed or was added since the shards ran reports each file and keeps the previous site', async () => {
  const changed = join(dir, 'content-changed');
  await cp(content, changed, { recursive: true });
  const files = (await findContentFiles(changed)).sort();
  const [edited, removed] = [files[0]!, files[1]!];
  appendFileSync(edited, '\n"We will look again," said Ada Quill.\n');
  await rm(removed);
  mkdirSync(join(changed, 'new'), { recursive: true });
  writeFileSync(join(changed, 'new', 'added.md'), readFileSync(files[2]!, 'utf8').replace(/^title: .*$/m, 'title: An added article'));
  const stderr = await failingMerge(bundles(), changed);
  const rel = (file: string) => relative(changed, file).split(sep).join('/');
  assert.match(stderr, new RegExp(`${escape(edited)}:1:1: error: the file changed after shard \\d of 4 was built .*\\[shard:shard-content-changed\\]`));
  assert.match(stderr, new RegExp(`shard-manifest.json:\\d+:6: error: "${escape(rel(removed))}" was in the content folder when shard \\d of 4 was built and is not now \\[shard:shard-content-changed\\]`));
  assert.match(stderr, new RegExp(`${escape(join(changed, 'new', 'added.md'))}:1:1: error: no shard bundle covers the file .*\\[shard:shard-file-not-covered\\]`));
});

test('a merge of a bundle made by other code, or of a folder that is not a bundle, says so and keeps the previous site', async () => {
  const older = join(dir, 'older-3');
  await cp(bundle(3), older, { recursive: true });
  const manifest = join(older, SHARD_MANIFEST);
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"codeVersion": "[0-9a-f]+"/, `"codeVersion": "${'0'.repeat(64)}"`));
  const stderr = await failingMerge([bundle(1), bundle(2), older, bundle(4)]);
  assert.match(stderr, new RegExp(`${escape(manifest)}:5:3: error: shard 3 of 4 was built by other code .*\\[shard:shard-code-version-mismatch\\]`));
  const notBundle = await failingMerge([...bundles(), content]);
  assert.match(notBundle, /is not a shard bundle: it has no readable shard-manifest\.json \[shard:shard-bundle-invalid\]/);
});

test('a merge of a damaged bundle (an entry file cut short, an article\'s extraction left out) names what is wrong and keeps the previous site', async () => {
  const cut = join(dir, 'cut-2');
  await cp(bundle(2), cut, { recursive: true });
  const cutFile = join(cut, 'entries-0001.bin');
  writeFileSync(cutFile, readFileSync(cutFile).subarray(0, 200));
  assert.match(await failingMerge([bundle(1), cut, bundle(3), bundle(4)]), new RegExp(`${escape(cutFile)}: error: entry file "entries-0001.bin" of shard 2 of 4 is missing or damaged \\[shard:shard-bundle-invalid\\]`));

  const short = join(dir, 'short-2');
  await cp(bundle(2), short, { recursive: true });
  const entryFile = join(short, 'entries-0001.bin');
  const [left, ...kept] = decodeEntry(readFileSync(entryFile)) as ShardEntry[];
  writeFileSync(entryFile, encodeEntry(kept));
  const stderr = await failingMerge([bundle(1), short, bundle(3), bundle(4)]);
  assert.match(stderr, new RegExp(`${escape(join(short, SHARD_MANIFEST))}:\\d+:6: error: shard 2 of 4 lists "${escape(left!.path)}" but holds no extraction of it \\[shard:shard-bundle-invalid\\]`));
});

test('a shard refuses an output folder holding other files, and a shard with an error in its articles writes no bundle', async () => {
  const foreign = join(dir, 'foreign');
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'notes.txt'), 'mine');
  const refused = await cli(['build', '--shard', '1/4', '--content', content, '--out', foreign, '--no-cache']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /holds 1 entry and no shard-manifest\.json, so it is not a shard bundle; nothing was written \[shard:shard-folder-not-a-bundle\]/);
  assert.equal(readFileSync(join(foreign, 'notes.txt'), 'utf8'), 'mine');

  const broken = join(dir, 'content-broken');
  await cp(content, broken, { recursive: true });
  const target = (await findContentFiles(broken)).find((f) => shardOf(relative(broken, f).split(sep).join('/'), SHARDS) === 2)!;
  writeFileSync(target, readFileSync(target, 'utf8').replace(/^date: .*$/m, 'date: 2021-02-30'));
  const out = join(dir, 'broken-shard-2');
  const failed = await cli(['build', '--shard', '2/4', '--content', broken, '--out', out, '--no-cache']);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /\[load:invalid-date\]/);
  assert.match(failed.stderr, /Shard failed; .* was left as it was\.\n$/);
  assert.deepEqual(listFiles(dir).filter((f) => f.startsWith('broken-shard-2')), [], 'no bundle was written');
  // Another shard does not hold that file and is built.
  const other = await cli(['build', '--shard', `${shardOf(relative(broken, target).split(sep).join('/'), SHARDS) === 1 ? 3 : 1}/4`, '--content', broken, '--out', join(dir, 'ok-shard'), '--no-cache']);
  assert.equal(other.code, 0, other.stderr);
});

test('--shard and --merge are checked as usage: a wrong k/n, folders without --merge, --merge without folders, or site settings given to a shard exit 2', async () => {
  for (const args of [['--shard', '5/4'], ['--shard', '1/4', bundle(1)], ['--merge'], [bundle(1)], ['--shard', '1/4', '--url', 'https://example.org']]) {
    const run = await cli(['build', ...args, '--content', content, '--out', join(dir, 'unused'), '--no-cache']);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
