/**
 * The built site: a real Eleventy build and a real Pagefind index of the mini
 * project in tests/fixtures/site/mini/ (content files plus hand-written facts,
 * so the pages are checked against quotes we chose), inspected with cheerio.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { Archive } from '../src/archive/types.ts';
import { buildSite } from '../src/site/build-site.ts';
import { toSiteView } from '../src/site/view-data.ts';
import { CONTENT_SECURITY_POLICY } from '../src/site/content-security-policy.ts';
import { serveSite, resolveRequestPath } from '../src/site/serve.ts';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toArchiveJson } from '../src/export/json.ts';
import { buildArchiveFromFacts } from './fixtures/site/archive-from-facts.ts';
import { buildArchive } from '../src/pipeline.ts';
import { listFiles } from './helpers/tree.ts';

const miniProject = fileURLToPath(new URL('fixtures/site/mini/', import.meta.url));

let archive: Archive;
let workDir: string;
let outDir: string;
let secondOutDir: string;


async function loadPage(url: string): Promise<cheerio.CheerioAPI> {
  const file = path.join(outDir, url.replace(/^\//, ''), url.endsWith('/') ? 'index.html' : '');
  return cheerio.load(await readFile(file, 'utf8'));
}

before(async () => {
  archive = await buildArchiveFromFacts(miniProject);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-site-'));
  outDir = path.join(workDir, 'first');
  secondOutDir = path.join(workDir, 'second');
  const diagnostics = await buildSite(archive, outDir);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(await buildSite(archive, secondOutDir, { search: false }), []);
});

after(async () => {
  await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

test('the site has a folder with index.html for every page kind and record', async () => {
  const files = new Set(listFiles(outDir));
  const pages = ['/', '/articles/', '/speakers/', '/entities/', '/sources/', '/timeline/', '/search/'];
  pages.push(...archive.articles.map((a) => a.path), ...archive.speakers.map((s) => s.path), ...archive.entities.map((e) => e.path), ...archive.sources.map((s) => s.path));
  for (const page of pages) assert.ok(files.has(path.join(page.slice(1), 'index.html')), page);
  for (const file of ['404.html', 'feed.xml', 'quotes.json', 'archive.json', 'archive.csv', 'style.css', 'search.js', 'favicon.svg']) assert.ok(files.has(file), file);
});

test('an article page marks every quote with its id, kind and speaker', async () => {
  for (const article of archive.articles) {
    const $ = await loadPage(article.path);
    for (const id of article.quoteIds) {
      const quote = archive.quotes.find((q) => q.id === id)!;
      const first = $(`[id="${id}"]`);
      assert.equal(first.length, 1, id);
      assert.ok(first.is(`mark.quote.quote--${quote.kind}`), id);
      if (quote.speakerId) assert.equal(first.attr('data-speaker'), quote.speakerId);
    }
  }
});

test('the side list names each quoted speaker with a count, a link to their page and links to their quotes', async () => {
  const article = archive.articles.find((a) => a.quoteIds.length > 1 && a.speakerIds.length > 0)!;
  const $ = await loadPage(article.path);
  for (const speakerId of article.speakerIds) {
    const speaker = archive.speakers.find((s) => s.id === speakerId)!;
    const entry = $(`.article__aside #speaker-${speakerId}`);
    assert.equal(entry.find(`a[href="${speaker.path}"]`).text(), speaker.name);
    const ownQuotes = archive.quotes.filter((q) => q.articleId === article.id && q.speakerId === speakerId);
    assert.equal(entry.find('.count').text(), String(ownQuotes.length));
    assert.deepEqual(entry.find('.speaker-list__quotes a').map((_, a) => $(a).attr('href')).get(), ownQuotes.map((q) => `#${q.id}`));
  }
});

test('an article page shows title, date, source link, byline and the original link', async () => {
  const article = archive.articles.find((a) => a.byline && a.url)!;
  const $ = await loadPage(article.path);
  assert.equal($('h1').text(), article.title);
  assert.equal($('.article__meta time').attr('datetime'), article.date);
  assert.equal($(`.article__meta a[href="${article.source.path}"]`).text(), article.source.name);
  assert.equal($('.article__byline').text(), article.byline);
  assert.equal($('.article__original a').attr('href'), article.url);
  const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string };
  assert.equal(jsonLd.headline, article.title);
});

test('a speaker page lists every quote by date with its kind, article link and source', async () => {
  const speaker = [...archive.speakers].sort((a, b) => b.quoteIds.length - a.quoteIds.length)[0]!;
  const $ = await loadPage(speaker.path);
  assert.equal($('h1').text(), speaker.name);
  const items = $('.quote-list > li');
  assert.equal(items.length, speaker.quoteIds.length);
  const quotes = speaker.quoteIds.map((id) => archive.quotes.find((q) => q.id === id)!);
  assert.deepEqual(items.find('time').map((_, t) => $(t).attr('datetime')).get(), quotes.map((q) => q.date));
  assert.deepEqual(items.map((_, li) => $(li).find(`a[href*="#"]`).attr('href')).get(), quotes.map((q) => q.path));
  for (const title of speaker.titles) assert.match($('.titles').text(), new RegExp(title));
});

test('entity, source and index pages list what they hold', async () => {
  for (const entity of archive.entities) {
    const $ = await loadPage(entity.path);
    assert.equal($('h1').text(), entity.name);
    assert.equal($('.article-list > li').length, entity.articleIds.length);
  }
  const $entities = await loadPage('/entities/');
  assert.equal($entities('.index-list a').length, archive.entities.length);
  const $speakers = await loadPage('/speakers/');
  assert.equal($speakers('.index-list a').length, archive.speakers.length);
  for (const source of archive.sources) {
    const $ = await loadPage(source.path);
    assert.equal($('.article-list > li').length, source.articleIds.length);
  }
  const $timeline = await loadPage('/timeline/');
  assert.equal($timeline('.article-list > li').length, archive.articles.length);
});

/** Asserts that every internal link, asset and fragment of the site in `siteDir` resolves; returns how many were checked. */
async function assertLinksResolve(siteDir: string): Promise<number> {
  const files = listFiles(siteDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string): Promise<Set<string>> => {
    let ids = idsByFile.get(file);
    if (!ids) {
      const $ = cheerio.load(await readFile(path.join(siteDir, file), 'utf8'));
      ids = new Set($('[id]').map((_, el) => $(el).attr('id')!).get());
      idsByFile.set(file, ids);
    }
    return ids;
  };
  let checked = 0;
  for (const file of files) {
    const $ = cheerio.load(await readFile(path.join(siteDir, file), 'utf8'));
    const refs = $('a[href], link[href], script[src], form[action]')
      .map((_, el) => $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action')!)
      .get();
    for (const ref of refs) {
      if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) continue;
      const [pathPart, fragment] = ref.split('#') as [string, string | undefined];
      const target = pathPart === '' ? file : path.join(pathPart.replace(/\?.*$/, '').slice(1), pathPart.endsWith('/') ? 'index.html' : '');
      if (pathPart.startsWith('/pagefind/')) continue;
      assert.ok(existsSync(path.join(siteDir, target)), `${file}: ${ref}`);
      if (fragment && target.endsWith('.html')) assert.ok((await idsOf(target)).has(decodeURIComponent(fragment)), `${file}: ${ref} (fragment)`);
      checked++;
    }
  }
  return checked;
}

test('every internal link, asset and fragment resolves', async () => {
  assert.ok((await assertLinksResolve(outDir)) > 50);
});

test('a site built from extracted records (buildArchive on the same content) marks every quote and resolves every link', async () => {
  const contentDir = path.join(miniProject, 'content');
  const files = await Promise.all((await readdir(contentDir)).sort().map(async (name) => ({ path: path.join(contentDir, name), value: await readFile(path.join(contentDir, name), 'utf8') })));
  const extracted = buildArchive(files).archive;
  const siteDir = path.join(workDir, 'extracted');
  assert.deepEqual((await buildSite(extracted, siteDir, { search: false })).filter((d) => d.severity === 'error'), []);
  for (const quote of extracted.quotes) {
    const $ = cheerio.load(await readFile(path.join(siteDir, quote.path.split('#')[0]!.slice(1), 'index.html'), 'utf8'));
    assert.equal($(`[id="${quote.id}"]`).length, 1, quote.id);
  }
  assert.ok((await assertLinksResolve(siteDir)) > 20);
});

test('every page carries the strict Content-Security-Policy and nothing it would block', async () => {
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))) {
    const $ = cheerio.load(await readFile(path.join(outDir, file), 'utf8'));
    assert.equal($('meta[http-equiv="Content-Security-Policy"]').attr('content'), CONTENT_SECURITY_POLICY, file);
    assert.equal($('script:not([src]):not([type="application/ld+json"])').length, 0, `${file}: inline script`);
    assert.equal($('style, [style]').length, 0, `${file}: inline style`);
    const handlers = $('*').filter((_, el) => Object.keys((el as unknown as { attribs: Record<string, string> }).attribs ?? {}).some((name) => name.startsWith('on')));
    assert.equal(handlers.length, 0, `${file}: event handler attribute`);
    assert.equal($('img[src^="http"], link[href^="http"], script[src^="http"]').length, 0, `${file}: third-party resource`);
  }
});

test('content markup in a body or title is escaped, never run', async () => {
  const withScript = archive.articles.find((a) => a.body.includes('<script>'))!;
  const $ = await loadPage(withScript.path);
  assert.equal($('.article__body script').length, 0);
  assert.match($('.article__body').text(), /<script>/);
  const withMarkupTitle = archive.articles.find((a) => a.title.includes('<'))!;
  const $title = await loadPage(withMarkupTitle.path);
  assert.equal($title('h1').text(), withMarkupTitle.title);
  assert.equal($title('h1').children().length, 0);
});

test('archive.json is exactly toArchiveJson and parses back to the archive', async () => {
  const text = await readFile(path.join(outDir, 'archive.json'), 'utf8');
  assert.equal(text, toArchiveJson(archive));
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(archive)));
});

test('the Atom feed lists the newest articles with escaped titles and content dates only', async () => {
  const $ = cheerio.load(await readFile(path.join(outDir, 'feed.xml'), 'utf8'), { xml: true });
  assert.equal($('entry').length, archive.articles.length);
  assert.deepEqual($('entry > title').map((_, t) => $(t).text()).get(), archive.articles.map((a) => a.title));
  assert.equal($('feed > updated').text(), `${archive.articles[0]!.date}T00:00:00Z`);
  const feed = JSON.parse(await readFile(path.join(outDir, 'quotes.json'), 'utf8')) as { items: { url: string }[] };
  assert.equal(feed.items.length, archive.quotes.length);
  for (const item of feed.items) assert.ok(archive.quotes.some((q) => q.path === item.url));
});

test('the CSV export has a header and one row per quote, formula-looking cells defused', async () => {
  const csv = await readFile(path.join(outDir, 'archive.csv'), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,date,speaker,speakerId,kind,cue,text,source,articleId,articleTitle,url');
  const { escapeCsvCell } = await import('../src/export/csv.ts');
  assert.equal(escapeCsvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.ok(lines.length - 1 >= archive.quotes.length);
});

test('the Pagefind index holds one page per article, its quotes being sub-results of it', async () => {
  const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pageCount = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  assert.equal(pageCount, archive.articles.length);
  assert.ok(existsSync(path.join(outDir, 'pagefind', 'pagefind.js')));
});

test('the same archive builds byte-identical files outside pagefind/', async () => {
  const first = listFiles(outDir).filter((f) => !f.startsWith('pagefind'));
  const second = listFiles(secondOutDir);
  assert.deepEqual(first, second);
  for (const file of first) assert.ok((await readFile(path.join(outDir, file))).equals(await readFile(path.join(secondOutDir, file))), file);
});

test('Eleventy errors (two pages writing one URL) come back as site diagnostics instead of crashing', async () => {
  const first = archive.articles[0]!;
  const broken: Archive = { ...archive, articles: [first, { ...first, title: 'Another article, same path' }] };
  const diagnostics = await buildSite(broken, path.join(workDir, 'broken'), { search: false });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.source, 'site');
  assert.equal(diagnostics[0]!.severity, 'error');
  assert.equal(diagnostics[0]!.ruleId, 'site-build-failed');
});

test('view data pre-computes lists, counts and labels without Eleventy', () => {
  const view = toSiteView(archive);
  assert.equal(view.articles.length, archive.articles.length);
  assert.deepEqual(view.home.articles.map((a) => a.id), archive.articles.map((a) => a.id));
  const top = view.home.speakers[0]!;
  assert.equal(top.quoteCount, Math.max(...archive.speakers.map((s) => s.quoteIds.length)));
  const months = view.timeline.years.flatMap((y) => y.months.map((m) => m.key));
  assert.deepEqual(months, [...new Set(archive.articles.map((a) => a.date.slice(0, 7)))]);
  for (const speaker of view.speakers) for (const quote of speaker.quotes) assert.doesNotMatch(quote.text, /\*|\]\(/, 'plain text, no Markdown syntax');
});

/** Sends a GET with the path exactly as given (fetch would normalize `..` away). */
function rawGet(port: number, rawPath: string): Promise<{ status: number; type: string; body: string; location: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), location: String(res.headers.location ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serveSite serves folders as index.html, Pagefind and wasm files with their types, a 404 page, and nothing outside the site', async () => {
  const server = await serveSite(outDir, { port: 0, announce: false });
  const { port } = server.address() as AddressInfo;
  try {
    const home = await rawGet(port, '/');
    assert.equal(home.status, 200);
    assert.equal(home.type, 'text/html; charset=utf-8');
    const article = archive.articles[0]!;
    assert.equal((await rawGet(port, `${article.path}?q=x`)).status, 200);
    const noSlash = await rawGet(port, article.path.replace(/\/$/, ''));
    assert.equal(noSlash.status, 301);
    assert.equal(noSlash.location, article.path);
    assert.equal((await rawGet(port, '/pagefind/pagefind.js')).type, 'text/javascript; charset=utf-8');
    const wasm = (await readdir(path.join(outDir, 'pagefind'))).find((f) => f.endsWith('.pagefind'))!;
    assert.equal((await rawGet(port, `/pagefind/${wasm}`)).type, 'application/octet-stream');
    assert.equal((await rawGet(port, '/feed.xml')).type, 'application/xml; charset=utf-8');
    const missing = await rawGet(port, '/no/such/page/');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Page not found/);
    for (const attack of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%00', '/..\\..\\etc\\passwd']) {
      const res = await rawGet(port, attack);
      assert.doesNotMatch(res.body, /root:/, attack);
      assert.notEqual(res.status, 200, attack);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('request paths resolve inside the site folder or not at all', () => {
  assert.equal(resolveRequestPath('/srv/site', '/a/b/'), path.resolve('/srv/site/a/b'));
  assert.equal(resolveRequestPath('/srv/site', '/%E0%A4%A'), null);
  assert.equal(resolveRequestPath('/srv/site', '/a%5Cb'), null);
  assert.equal(resolveRequestPath('/srv/site', '/../../etc/passwd'), null);
  assert.equal(resolveRequestPath('/srv/site', '/a/../b'), path.resolve('/srv/site/b'));
});

test('given a site address, feeds link absolutely; without one, site-relatively', async () => {
  const { toAtomFeeds } = await import('../src/export/feeds.ts');
  const { toQuoteJsonFeed } = await import('../src/export/json-feed.ts');
  const main = (options: Parameters<typeof toAtomFeeds>[1]) => cheerio.load(toAtomFeeds(archive, options).find((f) => f.path === '/feed.xml')!.xml, { xml: true });
  const $ = main({ siteUrl: 'https://news.example.org/' });
  assert.equal($('feed > link[rel="self"]').attr('href'), 'https://news.example.org/feed.xml');
  assert.ok($('entry > link').get().every((l) => $(l).attr('href')!.startsWith('https://news.example.org/articles/')));
  const feed = JSON.parse(toQuoteJsonFeed(archive, { siteUrl: 'https://news.example.org' })) as { items: { url: string }[] };
  assert.ok(feed.items.every((item) => item.url.startsWith('https://news.example.org/articles/')));
  const relative = main({});
  assert.equal(relative('feed > link[rel="self"]').attr('href'), '/feed.xml');
  assert.ok(relative('entry > link').get().every((l) => relative(l).attr('href')!.startsWith('/articles/')));
});

test('the article list is pre-chunked into linked pages, newest first', () => {
  const view = toSiteView(archive, { articleListPageSize: 2 });
  assert.deepEqual(view.articleListPages.map((p) => p.path), ['/articles/', '/articles/page/2/'].slice(0, Math.ceil(archive.articles.length / 2)));
  assert.deepEqual(view.articleListPages.flatMap((p) => p.articles.map((a) => a.id)), archive.articles.map((a) => a.id));
  assert.equal(view.articleListPages[0]!.previous, null);
  assert.equal(view.articleListPages[0]!.next, view.articleListPages[1]?.path ?? null);
});

test('an empty archive still builds every index page, feeds and a search index', async () => {
  const empty: Archive = { articles: [], quotes: [], speakers: [], entities: [], sources: [] };
  const siteDir = path.join(workDir, 'empty');
  assert.deepEqual(await buildSite(empty, siteDir), []);
  for (const file of ['index.html', 'articles/index.html', 'speakers/index.html', 'timeline/index.html', 'search/index.html', 'feed.xml', 'archive.json', 'pagefind/pagefind.js']) assert.ok(existsSync(path.join(siteDir, file)), file);
});

test('a record that breaks view data is reported as a site diagnostic, not thrown', async () => {
  const broken = { ...archive, articles: [{ ...archive.articles[0]!, speakerIds: null }] } as unknown as Archive;
  const diagnostics = await buildSite(broken, path.join(workDir, 'broken-view'), { search: false });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.ruleId, 'site-build-failed');
});

test('only http(s) original links become links; search languages are normalized codes', async () => {
  const { toSafeExternalUrl } = await import('../src/site/view-data.ts');
  const { toSearchLanguage } = await import('../src/search/language.ts');
  assert.equal(toSafeExternalUrl('javascript:alert(1)'), null);
  assert.equal(toSafeExternalUrl('https://example.org/a'), 'https://example.org/a');
  assert.equal(toSafeExternalUrl('not a url'), null);
  assert.deepEqual(['pt-BR', 'English', '', 'fr'].map(toSearchLanguage), ['pt', 'en', 'en', 'fr']);
  const hostile = { ...archive, articles: archive.articles.map((a) => ({ ...a, url: 'javascript:alert(1)' })) };
  assert.ok(toSiteView(hostile).articles.every((a) => a.url === null && !a.jsonLd.includes('javascript')));
});

test('every page has a language, one h1, a main landmark, and a label for every form control', async () => {
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))) {
    const $ = cheerio.load(await readFile(path.join(outDir, file), 'utf8'));
    assert.match($('html').attr('lang') ?? '', /^[a-z]{2,3}$/, file);
    assert.equal($('h1').length, 1, `${file}: h1`);
    assert.equal($('main#main').length, 1, `${file}: main`);
    assert.ok($('title').text().length > 0, `${file}: title`);
    $('input:not([type=hidden]), select').each((_, el) => {
      const id = $(el).attr('id');
      const labelled = (id && $(`label[for="${id}"]`).length > 0) || $(el).closest('label').length > 0;
      assert.ok(labelled, `${file}: unlabelled ${$(el).attr('name')}`);
    });
  }
});

test('a failure rendering one article is reported on that article\'s file, not on the build folder', async () => {
  const { archive: small } = buildArchive([{ path: 'content/deep.md', value: '---\ntitle: Deep\ndate: 2021-03-04\nsource: S\n---\n"Words," she said.\n' }]);
  // A body that is no text (a bug of ours upstream, say): the render throws for this article only.
  const deep = { ...small, articles: small.articles.map((a) => ({ ...a, sourceFile: 'deep.md', body: null as unknown as string })) };
  const out = path.join(workDir, 'deep');
  const diagnostics = await buildSite(deep, out, { search: false });
  assert.deepEqual(diagnostics.map((d) => [d.file, d.ruleId, d.severity]), [['deep.md', 'site-build-failed', 'error']]);
  assert.match(diagnostics[0]!.reason, /Unexpected failure rendering the article: Cannot read/);
  assert.doesNotMatch(diagnostics[0]!.reason, new RegExp(out));
});
