/**
 * Search: the pure Archive → Pagefind records step, and a real Pagefind index
 * written by our Node API edge, then queried from Node with Pagefind's own
 * pagefind.js (its fetches of index files served from disk).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Archive } from '../src/archive/types.ts';
import { toPagefindRecords, QUOTE_RESULT_TYPE } from '../src/search/records.ts';
import { writeSearchIndex } from '../src/search/pagefind.ts';
import { buildArchiveFromFacts } from './fixtures/site/archive-from-facts.ts';

const miniProject = fileURLToPath(new URL('fixtures/site/mini/', import.meta.url));

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let archive: Archive;
let workDir: string;
let pagefind: PagefindModule;

/** Lets pagefind.js, written for browsers, fetch its index files from disk. */
function serveFileUrlsToFetch(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return realFetch(input, init);
    return new Response(await readFile(fileURLToPath(url.split('?')[0]!)));
  }) as typeof fetch;
}

async function search(term: string | null, filters: Record<string, string> = {}): Promise<PagefindResultData[]> {
  const found = await pagefind.search(term, { filters });
  return Promise.all(found.results.map((r) => r.data()));
}

before(async () => {
  archive = await buildArchiveFromFacts(miniProject);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-search-'));
  const diagnostics = await writeSearchIndex([], toPagefindRecords(archive), path.join(workDir, 'pagefind'));
  assert.deepEqual(diagnostics, []);
  serveFileUrlsToFetch();
  pagefind = (await import(pathToFileURL(path.join(workDir, 'pagefind', 'pagefind.js')).href)) as PagefindModule;
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  // As public/search.js does: merge the indexes of the archive's other languages.
  const languages = new Set(archive.articles.map((a) => a.language));
  languages.delete('en');
  for (const language of languages) await pagefind.mergeIndex(`${pathToFileURL(path.join(workDir, 'pagefind')).href}/./`, { language, baseUrl: '/' });
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test('there is one record per quote, linking to the quote inside its article', () => {
  const records = toPagefindRecords(archive);
  assert.equal(records.length, archive.quotes.length);
  assert.deepEqual(records.map((r) => r.url), archive.quotes.map((q) => q.path));
  for (const record of records) assert.match(record.url, /^\/articles\/[^/]+\/#.+$/);
});

test('a record holds the quote as plain text with its speaker, and string meta, filters and sort', () => {
  const records = toPagefindRecords(archive);
  for (const [i, record] of records.entries()) {
    const quote = archive.quotes[i]!;
    const article = archive.articles.find((a) => a.id === quote.articleId)!;
    assert.doesNotMatch(record.content, /\*|\]\(/, 'no Markdown syntax');
    if (quote.speakerName) assert.ok(record.content.endsWith(quote.speakerName));
    assert.equal(record.language, article.language);
    assert.equal(record.meta.date, quote.date);
    assert.equal(record.meta.source, article.source.name);
    assert.equal(record.meta.article, undefined, 'the headline would make every quote of the article match it');
    assert.ok(record.meta.title);
    assert.deepEqual(record.filters.source, [article.source.name]);
    assert.deepEqual(record.filters.year, [quote.date.slice(0, 4)]);
    assert.deepEqual(record.filters.type, [QUOTE_RESULT_TYPE]);
    const speaker = archive.speakers.find((s) => s.id === quote.speakerId);
    assert.deepEqual(record.filters.speaker, speaker ? [speaker.name] : undefined);
    assert.deepEqual(record.sort, { date: quote.date });
    for (const value of [...Object.values(record.meta), ...Object.values(record.sort)]) assert.equal(typeof value, 'string');
  }
});

test('the entity filter carries the names of the entities the article mentions', () => {
  const records = toPagefindRecords(archive);
  const quote = archive.quotes[0]!;
  const article = archive.articles.find((a) => a.id === quote.articleId)!;
  const names = article.entityIds.map((id) => archive.entities.find((e) => e.id === id)!.name).sort();
  assert.deepEqual(records[0]!.filters.entity, names);
});

test('searching words of a quote finds that quote, linked to its place in the article', async () => {
  const quote = archive.quotes.find((q) => q.text.includes('patience'))!;
  const results = await search('patience pays');
  assert.equal(results[0]?.url, quote.path);
  assert.match(results[0]!.meta.title!, /^Maria Lopez: /);
  assert.match(results[0]!.excerpt, /<mark>patience<\/mark>/);
});

test('searching a speaker name finds their quotes, and the speaker filter narrows to them', async () => {
  const lopez = archive.speakers.find((s) => s.name === 'Maria Lopez')!;
  const results = await search('Lopez', { speaker: 'Maria Lopez' });
  assert.deepEqual(results.map((r) => r.url).sort(), lopez.quoteIds.map((id) => archive.quotes.find((q) => q.id === id)!.path).sort());
});

test('filters list every speaker, source, year and entity, and browse without a query', async () => {
  const filters = await pagefind.filters();
  assert.deepEqual(Object.keys(filters).sort(), ['entity', 'source', 'speaker', 'type', 'year']);
  assert.deepEqual(Object.keys(filters.source!).sort(), archive.sources.map((s) => s.name).sort());
  const fromSource = await search(null, { source: 'Coastal Times' });
  assert.equal(fromSource.length, archive.quotes.filter((q) => q.source === 'Coastal Times').length);
});

test('Pagefind errors[] come back as search diagnostics, not exceptions', async () => {
  // A page without an address: Pagefind answers with errors[] ("Either source_path or url must be provided").
  const pageWithoutUrl = { content: '<p>No address</p>' } as unknown as { url: string; content: string };
  const diagnostics = await writeSearchIndex([pageWithoutUrl], [], path.join(workDir, 'failing'));
  assert.equal(diagnostics.length, 1);
  assert.deepEqual([diagnostics[0]!.source, diagnostics[0]!.severity, diagnostics[0]!.ruleId], ['search', 'error', 'search-index-failed']);
  assert.match(diagnostics[0]!.reason, /url must be provided/);
});

test('an output folder that cannot be created is a search diagnostic, not a hang', async () => {
  const aFile = path.join(workDir, 'a-file');
  await writeFile(aFile, 'not a folder');
  const diagnostics = await writeSearchIndex([], toPagefindRecords(archive), path.join(aFile, 'pagefind'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.ruleId, 'search-index-failed');
});

test('quotes in another language are found once the index of that language is merged', async () => {
  const quote = archive.quotes.find((q) => archive.articles.find((a) => a.id === q.articleId)?.language === 'fr');
  assert.ok(quote, 'the mini project has a French article with a quote');
  const results = await search('augmentation');
  assert.ok(results.some((r) => r.url === quote.path && /<mark>augmentation<\/mark>/.test(r.excerpt)));
  const fromFrench = await search(null, { speaker: 'Claire Dubois' });
  assert.deepEqual(fromFrench.map((r) => r.url), [quote.path]);
});
