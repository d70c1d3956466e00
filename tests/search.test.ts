/**
 * Search: the pure Archive → search documents step (one per article, its
 * quotes as sub-results), and a real Pagefind index written by our Node API
 * edge, then queried from Node with Pagefind's own pagefind.js (its fetches
 * of index files served from disk).
 */
import { after, before, test } from 'node:test';
import { once } from 'node:events';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import type { Archive } from '../src/archive/types.ts';
import { toSearchDocuments, quoteDataAnchorId } from '../src/search/documents.ts';
import { writeSearchIndex } from '../src/search/pagefind.ts';
import { untilIndexWritten } from '../src/search/index-files.ts';
import { setTestPointHandler, type TestPoint } from '../src/test-points.ts';
import { buildArchiveFromFacts } from './fixtures/site/archive-from-facts.ts';
import { pagefindRecords } from './helpers/tree.ts';

const miniProject = fileURLToPath(new URL('fixtures/site/mini/', import.meta.url));

interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  anchor?: { id: string };
}
interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
  anchors: { element: string; id: string; text: string }[];
  sub_results: PagefindSubResult[];
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
  const diagnostics = await writeSearchIndex(toSearchDocuments(archive), path.join(workDir, 'pagefind'));
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

/** The quote hits of a search: the addresses of the sub-results that landed on a quote. */
function quoteHits(results: PagefindResultData[]): PagefindSubResult[] {
  return results.flatMap((r) => r.sub_results.filter((sub) => sub.anchor && archive.quotes.some((q) => q.id === sub.anchor!.id)));
}

test('there is one search document per article, and each of its quotes is a heading whose id is the quote id', () => {
  const documents = toSearchDocuments(archive);
  assert.deepEqual(documents.map((d) => d.url), archive.articles.map((a) => a.path));
  for (const [i, document] of documents.entries()) {
    const article = archive.articles[i]!;
    const $ = cheerio.load(document.content);
    assert.equal($('html').attr('lang'), article.language);
    assert.deepEqual($('h6[id]').map((_, el) => $(el).attr('id')).get(), article.quoteIds);
    for (const id of article.quoteIds) assert.equal(archive.quotes.find((q) => q.id === id)!.path, `${article.path}#${id}`);
  }
});

test('a quote\'s heading names its speaker, its text follows as plain text, and its data anchor carries its date, kind and named speaker', () => {
  const documents = toSearchDocuments(archive);
  for (const quote of archive.quotes) {
    const article = archive.articles.find((a) => a.id === quote.articleId)!;
    const $ = cheerio.load(documents[archive.articles.indexOf(article)]!.content);
    const heading = $(`h6[id="${quote.id}"]`);
    const speaker = archive.speakers.find((s) => s.id === quote.speakerId);
    if (quote.speakerName) assert.ok(heading.text().startsWith(`${speaker?.name ?? quote.speakerName}: `), heading.text());
    assert.doesNotMatch(heading.next('p').text(), /\*|\]\(/, 'no Markdown syntax');
    assert.equal(heading.prev('span').attr('id'), quoteDataAnchorId(quote.id, quote.date, quote.kind, speaker?.name ?? ''));
  }
});

test('an article\'s own part holds its text outside its quotes, so each quote\'s words are indexed once, in the quote\'s part', () => {
  const documents = toSearchDocuments(archive);
  const quote = archive.quotes.find((q) => q.text.includes('patience'))!;
  const article = archive.articles.find((a) => a.id === quote.articleId)!;
  const $ = cheerio.load(documents[archive.articles.indexOf(article)]!.content);
  const own = $('h1').next('p').text();
  assert.ok(own.length > 0);
  assert.doesNotMatch(own, /patience/i);
  assert.match($(`h6[id="${quote.id}"]`).next('p').text(), /patience/i);
});

test('an article carries its source, its and its quotes\' years, its quotes\' named speakers and kinds, and its entities as filters', () => {
  const documents = toSearchDocuments(archive);
  for (const [i, article] of archive.articles.entries()) {
    const $ = cheerio.load(documents[i]!.content);
    const values = (key: string) => $(`[data-pagefind-filter="${key}"]`).map((_, el) => $(el).text()).get();
    const quotes = archive.quotes.filter((q) => q.articleId === article.id);
    assert.deepEqual(values('source'), [article.source.name]);
    assert.deepEqual(values('year'), [...new Set([article.date, ...quotes.map((q) => q.date)].map((d) => d.slice(0, 4)))].sort());
    assert.deepEqual(values('speaker'), [...new Set(quotes.flatMap((q) => archive.speakers.filter((s) => s.id === q.speakerId).map((s) => s.name)))].sort());
    assert.deepEqual(values('entity'), article.entityIds.map((id) => archive.entities.find((e) => e.id === id)!.name).sort());
    assert.deepEqual(values('kind'), [...new Set(quotes.map((q) => q.kind))].sort());
  }
});

test('the index holds one page per article, not one per quote, so the search page\'s first download stays small', async () => {
  const entry = JSON.parse(await readFile(path.join(workDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  assert.equal(pages, archive.articles.length);
  assert.ok(archive.quotes.length > archive.articles.length);
});

test('searching words of a quote finds that quote as a hit of its article, linked to its place in the article', async () => {
  const quote = archive.quotes.find((q) => q.text.includes('patience'))!;
  const hits = quoteHits(await search('patience pays'));
  assert.equal(hits[0]?.url, quote.path);
  assert.match(hits[0]!.title, /^Maria Lopez: /);
  assert.match(hits[0]!.excerpt, /<mark>patience<\/mark>/i);
});

test('searching a speaker name finds their quotes, and the speaker filter narrows to the articles quoting them', async () => {
  const lopez = archive.speakers.find((s) => s.name === 'Maria Lopez')!;
  const results = await search(null, { speaker: 'Maria Lopez' });
  const quoted = new Set(lopez.quoteIds.map((id) => archive.quotes.find((q) => q.id === id)!.articleId));
  assert.deepEqual(results.map((r) => r.url).sort(), archive.articles.filter((a) => quoted.has(a.id)).map((a) => a.path).sort());
  const hits = quoteHits(await search('Lopez')).map((h) => h.url);
  for (const id of lopez.quoteIds) assert.ok(hits.includes(archive.quotes.find((q) => q.id === id)!.path), id);
});

test('filters list every speaker, source, year, entity and quote kind, and browse without a query', async () => {
  const filters = await pagefind.filters();
  assert.deepEqual(Object.keys(filters).sort(), ['entity', 'kind', 'source', 'speaker', 'year']);
  assert.deepEqual(Object.keys(filters.source!).sort(), archive.sources.map((s) => s.name).sort());
  assert.deepEqual(Object.keys(filters.kind!).sort(), [...new Set(archive.quotes.map((q) => q.kind))].sort());
  const fromSource = await search(null, { source: 'Coastal Times' });
  assert.equal(fromSource.length, archive.articles.filter((a) => a.source.name === 'Coastal Times').length);
});

test('browsing without words lists the articles of a language newest first', async () => {
  // Pagefind orders merged indexes by score, so the order holds within each language's index.
  const found = await pagefind.search(null, { sort: { date: 'desc' } });
  const datas = await Promise.all(found.results.map((r) => r.data()));
  assert.equal(datas.length, archive.articles.length);
  const english = new Set(archive.articles.filter((a) => a.language === 'en').map((a) => a.path));
  const dates = datas.filter((d) => english.has(d.url)).map((d) => d.meta.date!);
  assert.ok(new Set(dates).size > 1, 'the archive has English articles of different days');
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test('documents are indexed under their exact addresses, whether Pagefind reads them as files or one by one', async () => {
  const page = (url: string, words: string): { url: string; content: string } =>
    ({ url, content: `<!doctype html><html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><h1>${words}</h1><p>${words}</p></main></body></html>` });
  // A plain article address goes to Pagefind as a file; one a file path cannot stand for is sent as it is.
  const documents = [page('/articles/plain-address/', 'harbour cranes'), page('/odd address/?page=2', 'grain silos')];
  const output = path.join(workDir, 'addresses', 'pagefind');
  assert.deepEqual(await writeSearchIndex(documents, output), []);
  const urls = pagefindRecords(path.dirname(output)).map((record) => JSON.parse(record).url as string).sort();
  assert.deepEqual(urls, ['/articles/plain-address/', '/odd address/?page=2']);
});

test('Pagefind errors[] come back as search diagnostics, not exceptions', async () => {
  // A page without an address: Pagefind answers with errors[] ("Either source_path or url must be provided").
  const pageWithoutUrl = { content: '<p>No address</p>' } as unknown as { url: string; content: string };
  const diagnostics = await writeSearchIndex([pageWithoutUrl], path.join(workDir, 'failing'));
  assert.equal(diagnostics.length, 1);
  assert.deepEqual([diagnostics[0]!.source, diagnostics[0]!.severity, diagnostics[0]!.ruleId], ['search', 'error', 'search-index-failed']);
  assert.match(diagnostics[0]!.reason, /url must be provided/);
});

test('Pagefind is stopped only once its index files are whole: a write still pending after its answer is waited for', async () => {
  const output = path.join(workDir, 'flushing');
  const entry = path.join(output, 'pagefind-entry.json');
  let written = '';
  const reached: TestPoint[] = [];
  // As a write still in Pagefind's background threads leaves it: the entry file created, its bytes not yet there.
  setTestPointHandler(async (point) => {
    reached.push(point);
    if (point === 'search-index-written') {
      // Pagefind's own writes may still be landing: let them, so none lands after the one staged here.
      await untilIndexWritten(output);
      written = await readFile(entry, 'utf8');
      await writeFile(entry, '');
    }
    if (point === 'search-index-flushing') await writeFile(entry, written);
  });
  let diagnostics;
  try {
    diagnostics = await writeSearchIndex(toSearchDocuments(archive), output);
  } finally {
    setTestPointHandler(null);
  }
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(reached.filter((p) => p !== 'search-index-writing'), ['search-index-written', 'search-index-flushing'], 'the build waited for the pending write');
  assert.deepEqual(JSON.parse(await readFile(entry, 'utf8')), JSON.parse(written));
});

test('an index file that never fills because Pagefind died is a search diagnostic, not a published empty file', async () => {
  const output = path.join(workDir, 'never-filled');
  setTestPointHandler(async (point, child) => {
    if (point === 'search-index-written') {
      // Pagefind's own writes may still be landing: let them, so none fills the file emptied here.
      await untilIndexWritten(output);
      await writeFile(path.join(output, 'pagefind-entry.json'), '');
    }
    if (point === 'search-index-flushing' && child && child.exitCode === null && child.signalCode === null) {
      // Pagefind's process is unref'd: hold the event loop open until its exit is seen.
      const holdOpen = setInterval(() => undefined, 1000);
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited.finally(() => clearInterval(holdOpen));
    }
  });
  let diagnostics;
  try {
    diagnostics = await writeSearchIndex(toSearchDocuments(archive), output);
  } finally {
    setTestPointHandler(null);
  }
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['search-index-process-exited']);
});

test('an output folder that cannot be created is a search diagnostic, not a hang', async () => {
  const aFile = path.join(workDir, 'a-file');
  await writeFile(aFile, 'not a folder');
  const diagnostics = await writeSearchIndex(toSearchDocuments(archive), path.join(aFile, 'pagefind'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.ruleId, 'search-index-failed');
});

test('quotes in another language are found once the index of that language is merged', async () => {
  const quote = archive.quotes.find((q) => archive.articles.find((a) => a.id === q.articleId)?.language === 'fr');
  assert.ok(quote, 'the mini project has a French article with a quote');
  const hits = quoteHits(await search('augmentation'));
  assert.ok(hits.some((h) => h.url === quote.path && /<mark>augmentation<\/mark>/.test(h.excerpt)));
  const fromFrench = await search(null, { speaker: 'Claire Dubois' });
  assert.deepEqual(fromFrench.map((r) => r.url), [quote.path.split('#')[0]]);
});
