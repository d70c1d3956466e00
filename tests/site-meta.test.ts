/**
 * What a site says about itself to other programs, on a real build of the
 * sample articles hosted at https://example.org/archive/: the site settings
 * file (`content/site.yml`), canonical, OpenGraph, Twitter and citation
 * meta, schema.org JSON-LD on every page, Atom feeds for the archive and
 * each speaker, source and entity, `sitemap.xml` and `robots.txt`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { Archive } from '../src/archive/types.ts';
import { buildSite } from '../src/site/build-site.ts';
import { DEFAULT_SITE_SETTINGS, loadSiteConfig } from '../src/load/site-config.ts';
import { FEED_ENTRY_LIMIT, toAtomFeeds } from '../src/export/feeds.ts';
import { toRobotsTxt } from '../src/export/sitemap.ts';
import { runCli } from '../src/cli.ts';
import { prefixSiteLinks } from '../src/site/path-prefix.ts';
import { archiveOfContent } from './helpers/served-site.ts';
import { listFiles } from './helpers/tree.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const SITE = 'https://example.org';
const PREFIX = '/archive/';
const BASE = `${SITE}/archive`;

let archive: Archive;
let workDir: string;
let outDir: string;

before(async () => {
  archive = await archiveOfContent(contentDir);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'qa-site-meta-'));
  outDir = path.join(workDir, 'site');
  const diagnostics = await buildSite(archive, outDir, { search: false, siteUrl: SITE, pathPrefix: PREFIX, title: 'Test archive', language: 'en' });
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Every HTML page of the build, with the address it is served at (prefix included). */
function pages(): { file: string; url: string; $: cheerio.CheerioAPI }[] {
  return listFiles(outDir, '.html').map((file) => ({
    file,
    url: `${PREFIX}${file.replace(/(^|\/)index\.html$/, '$1')}`,
    $: cheerio.load(readFileSync(path.join(outDir, file), 'utf8')),
  }));
}

function jsonLdOf($: cheerio.CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]').get().map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}

const config = (text: string) => loadSiteConfig({ path: 'content/site.yml', value: text });

test('the site settings file gives the title, address, path prefix and language', () => {
  const { settings, diagnostics } = config('# comment\ntitle: Harbour quotes\nurl: https://example.org\npathPrefix: archive\nlanguage: pt-BR\n');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(settings, { title: 'Harbour quotes', url: 'https://example.org', pathPrefix: '/archive/', language: 'pt-BR' });
});

test('a wrong value in the site settings is an error at its file:line:col, every one at once', () => {
  const { settings, diagnostics } = config('title: ok\nurl: ftp://example.org\npathPrefix: /a/../b/\nlanguage: english language\n');
  assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.ruleId]), [
    ['content/site.yml', 4, 11, 'error', 'site-config-invalid-value'],
    ['content/site.yml', 3, 13, 'error', 'site-config-invalid-value'],
    ['content/site.yml', 2, 6, 'error', 'site-config-invalid-value'],
  ]);
  assert.match(diagnostics[2]!.reason, /not an http\(s\) address/);
  // Settings with an error keep their default; the build stops on the error anyway.
  assert.equal(settings.url, null);
  const broken = config('url: https://example.org\ntitle: Quotes: the archive\n');
  assert.equal(broken.diagnostics[0]?.ruleId, 'site-config-yaml-syntax-error');
  assert.equal(broken.diagnostics[0]?.line, 2);
});

test('an unknown key in the site settings is a warning that names the setting it resembles, not an error', () => {
  const { settings, diagnostics } = config('pathprefix: /archive/\ntheme: dark\n');
  assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.severity, d.ruleId]), [[1, 1, 'warning', 'site-config-unknown-key'], [2, 1, 'warning', 'site-config-unknown-key']]);
  assert.match(diagnostics[0]!.reason, /did you mean `pathPrefix`/);
  assert.equal(settings.pathPrefix, '/');
});

test('a url ending in a folder gives the path prefix, and one that disagrees with pathPrefix is an error', () => {
  assert.deepEqual(config('url: https://user.github.io/archive/\n').settings, { ...DEFAULT_SITE_SETTINGS, url: 'https://user.github.io', pathPrefix: '/archive/' });
  const disagree = config('url: https://user.github.io/archive/\npathPrefix: /other/\n');
  assert.equal(disagree.diagnostics[0]?.ruleId, 'site-config-invalid-value');
  assert.equal(disagree.diagnostics[0]?.line, 1);
});

test('the shipped content/site.yml loads without a problem and holds the defaults', async () => {
  const text = await readFile(path.join(contentDir, 'site.yml'), 'utf8');
  const { settings, diagnostics } = config(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(settings, DEFAULT_SITE_SETTINGS);
  assert.match(text, /^# pathPrefix: \/archive\/$/m, 'the example shows the path prefix, commented');
});

test('a build whose site settings have a wrong value exits 1 with file:line:col and leaves the previous site; --url and --path-prefix win over the file', async () => {
  const project = await mkdtemp(path.join(os.tmpdir(), 'qa-site-config-'));
  try {
    const content = path.join(project, 'content');
    await cp(path.join(contentDir), content, { recursive: true });
    await writeFile(path.join(content, 'site.yml'), 'title: Harbour quotes\nurl: https://example.org\n');
    const site = path.join(project, '_site');
    const out: string[] = [];
    const io = { stdout: (t: string) => { out.push(t); }, stderr: (t: string) => { out.push(t); } };
    assert.equal(await runCli(['build', '--content', content, '--out', site, '--no-cache', '--url', 'https://mirror.example.net/', '--path-prefix', '/quotes/'], io), 0, out.join(''));
    const home = await readFile(path.join(site, 'index.html'), 'utf8');
    const $ = cheerio.load(home);
    assert.equal($('link[rel="canonical"]').attr('href'), 'https://mirror.example.net/quotes/');
    assert.equal($('link[rel="stylesheet"]').attr('href'), '/quotes/style.css');
    assert.equal($('title').text(), 'Home · Harbour quotes', 'the title still comes from the file');

    await writeFile(path.join(content, 'site.yml'), 'title: Harbour quotes\nurl: example.org\n');
    out.length = 0;
    assert.equal(await runCli(['build', '--content', content, '--out', site, '--no-cache'], io), 1);
    assert.match(out.join(''), /site\.yml:2:6: error: url "example\.org" is not an absolute address.*\[load:site-config-invalid-value\]/);
    assert.equal(await readFile(path.join(site, 'index.html'), 'utf8'), home, 'the previous site is left as it was');
  } finally {
    // runCli sets the process's exit code as the command line does; the test runner must not read it as a failure.
    process.exitCode = 0;
    await rm(project, { recursive: true, force: true });
  }
});

test('every page has a canonical link, OpenGraph and Twitter card meta from the site settings', () => {
  const all = pages();
  assert.ok(all.length > 10);
  for (const { file, url, $ } of all) {
    assert.equal($('link[rel="canonical"]').attr('href'), `${SITE}${url}`, file);
    assert.equal($('meta[property="og:url"]').attr('content'), `${SITE}${url}`, file);
    assert.equal($('meta[property="og:site_name"]').attr('content'), 'Test archive', file);
    for (const name of ['og:title', 'og:description', 'og:type']) assert.ok($(`meta[property="${name}"]`).attr('content'), `${file}: ${name}`);
    assert.equal($('meta[name="twitter:card"]').attr('content'), 'summary', file);
    assert.ok($('meta[name="twitter:title"]').attr('content'), file);
  }
  const article = archive.articles[0]!;
  const $ = all.find((p) => p.url === `/archive${article.path}`)!.$;
  assert.equal($('meta[property="og:title"]').attr('content'), article.title);
  assert.equal($('meta[property="og:type"]').attr('content'), 'article');
});

test('without a site address pages carry no canonical link, and robots.txt names no sitemap', async () => {
  const plain = path.join(workDir, 'no-url');
  assert.deepEqual((await buildSite(archive, plain, { search: false })).filter((d) => d.severity === 'error'), []);
  const $ = cheerio.load(await readFile(path.join(plain, 'index.html'), 'utf8'));
  assert.equal($('link[rel="canonical"]').length, 0);
  assert.equal($('link[rel="stylesheet"]').attr('href'), '/style.css');
  assert.doesNotMatch(await readFile(path.join(plain, 'robots.txt'), 'utf8'), /Sitemap/);
  assert.equal(toRobotsTxt({ siteUrl: SITE, pathPrefix: PREFIX }), `User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\n`);
});

test('every JSON-LD block parses; an article is a NewsArticle whose quotes are Quotations by the speaker pages', () => {
  for (const { file, $ } of pages()) for (const data of jsonLdOf($)) assert.equal(data['@context'], 'https://schema.org', file);
  for (const article of archive.articles) {
    const $ = cheerio.load(readFileSync(path.join(outDir, article.path, 'index.html'), 'utf8'));
    const [data] = jsonLdOf($);
    assert.ok(data);
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, article.title);
    assert.equal(data.datePublished, article.date);
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: article.source.name, url: `${BASE}${article.source.path}` });
    assert.equal(data.isBasedOn, article.url ?? undefined);
    const parts = data.hasPart as Record<string, unknown>[];
    assert.equal(parts.length, article.quoteIds.length);
    for (const part of parts) {
      assert.equal(part['@type'], 'Quotation');
      const quote = archive.quotes.find((q) => `${BASE}${q.path}` === part.url);
      assert.ok(quote, `${String(part.url)} is a quote of the article`);
      assert.equal(typeof part.text, 'string');
      assert.ok((part.text as string).length > 0);
      assert.equal(part.dateCreated, quote.date);
      assert.deepEqual(part.isPartOf, { '@id': `${BASE}${article.path}` });
      const speaker = archive.speakers.find((s) => s.id === quote.speakerId);
      if (speaker) {
        const expected = { '@type': speaker.type === 'person' ? 'Person' : speaker.type === 'organization' ? 'Organization' : 'CreativeWork', name: speaker.name, url: `${BASE}${speaker.path}` };
        assert.deepEqual(part.spokenByCharacter, expected);
        assert.deepEqual(part.creator, expected);
      } else {
        assert.equal(part.spokenByCharacter, undefined);
      }
    }
  }
  assert.ok(archive.quotes.some((q) => q.speakerId), 'the sample has attributed quotes');
});

test('speaker and entity pages describe their Person, Organization or Place', () => {
  const types = { person: 'Person', organization: 'Organization', place: 'Place', document: 'CreativeWork' } as const;
  for (const record of [...archive.speakers, ...archive.entities]) {
    const [data, extra] = jsonLdOf(cheerio.load(readFileSync(path.join(outDir, record.path, 'index.html'), 'utf8')));
    assert.equal(extra, undefined);
    assert.equal(data?.['@type'], types[record.type], record.path);
    assert.equal(data?.name, record.name);
    assert.equal(data?.url, `${BASE}${record.path}`);
  }
  assert.ok(archive.entities.some((e) => e.type === 'place') && archive.speakers.some((s) => s.type === 'person'), 'the sample has places and people');
});

test('article pages carry citation meta that reference managers read', () => {
  for (const article of archive.articles) {
    const $ = cheerio.load(readFileSync(path.join(outDir, article.path, 'index.html'), 'utf8'));
    const meta = (name: string) => $(`meta[name="${name}"]`).attr('content');
    assert.equal(meta('citation_title'), article.title);
    assert.equal(meta('citation_publication_date'), article.date.replace(/-/g, '/'));
    assert.equal(meta('citation_journal_title'), article.source.name);
    assert.equal(meta('citation_publisher'), article.source.name);
  }
});

/** The checks of RFC 4287 a feed reader relies on; returns the problems of one feed. */
function atomProblems(xml: string, selfUrl: string): string[] {
  const $ = cheerio.load(xml, { xml: true });
  const problems: string[] = [];
  const feed = $('feed');
  if (feed.length !== 1 || feed.attr('xmlns') !== 'http://www.w3.org/2005/Atom') problems.push('no Atom feed element');
  for (const name of ['id', 'title', 'updated']) if ($(`feed > ${name}`).length !== 1 || !$(`feed > ${name}`).text()) problems.push(`feed ${name}`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test($('feed > updated').text())) problems.push('feed updated is not an RFC 3339 time');
  if ($('feed > link[rel="self"]').attr('href') !== selfUrl) problems.push(`self link ${$('feed > link[rel="self"]').attr('href')} is not ${selfUrl}`);
  $('entry').each((i, entry) => {
    const $e = $(entry);
    for (const name of ['id', 'title', 'updated']) if ($e.children(name).length !== 1 || !$e.children(name).text()) problems.push(`entry ${i} ${name}`);
    if (!$e.children('link').attr('href')?.startsWith(`${BASE}/`)) problems.push(`entry ${i} link`);
    if (!$e.find('author > name').text()) problems.push(`entry ${i} author`);
  });
  const ids = $('entry > id').map((_, e) => $(e).text()).get();
  if (new Set(ids).size !== ids.length) problems.push('two entries share an id');
  return problems;
}

test('the archive, every speaker, source and entity has a valid Atom feed, linked from its page', () => {
  const records = [...archive.speakers, ...archive.sources, ...archive.entities];
  for (const record of records) {
    const feedPath = `${record.path}feed.xml`;
    const xml = readFileSync(path.join(outDir, feedPath), 'utf8');
    assert.deepEqual(atomProblems(xml, `${BASE}${feedPath}`), [], feedPath);
    const $ = cheerio.load(readFileSync(path.join(outDir, record.path, 'index.html'), 'utf8'));
    assert.equal($(`link[rel="alternate"][type="application/atom+xml"][href="/archive${feedPath}"]`).length, 1, `${record.path} links its feed`);
  }
  assert.deepEqual(atomProblems(readFileSync(path.join(outDir, 'feed.xml'), 'utf8'), `${BASE}/feed.xml`), []);
  // A speaker's feed carries their quotes, linking to each inside its article.
  const speaker = archive.speakers.find((s) => s.quoteIds.length > 1)!;
  const $ = cheerio.load(readFileSync(path.join(outDir, speaker.path, 'feed.xml'), 'utf8'), { xml: true });
  const links = $('entry > link').map((_, l) => $(l).attr('href')).get().sort();
  assert.deepEqual(links, archive.quotes.filter((q) => q.speakerId === speaker.id).map((q) => `${BASE}${q.path}`).sort());
});

test(`a feed carries only the newest entries (${FEED_ENTRY_LIMIT} by default)`, () => {
  const feeds = toAtomFeeds(archive, { limit: 1 });
  const main = cheerio.load(feeds.find((f) => f.path === '/feed.xml')!.xml, { xml: true });
  const newest = [...archive.articles].sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
  assert.deepEqual(main('entry > link').map((_, l) => main(l).attr('href')).get(), [newest.path]);
  for (const feed of feeds) assert.ok(cheerio.load(feed.xml, { xml: true })('entry').length <= 1, feed.path);
});

test('the sitemap lists every page but the 404 page, each with the date of its newest article', async () => {
  const $ = cheerio.load(await readFile(path.join(outDir, 'sitemap.xml'), 'utf8'), { xml: true });
  const locs = $('url > loc').map((_, l) => $(l).text()).get();
  const expected = listFiles(outDir, '.html').filter((f) => f !== '404.html').map((f) => encodeURI(`${BASE}/${f.replace(/(^|\/)index\.html$/, '$1')}`));
  assert.deepEqual([...locs].sort(), expected.sort());
  for (const article of archive.articles) {
    const entry = $('url').filter((_, u) => $(u).children('loc').text() === encodeURI(`${BASE}${article.path}`));
    assert.equal(entry.children('lastmod').text(), article.date);
  }
  const newest = archive.articles.map((a) => a.date).sort().at(-1);
  assert.equal($('url').first().children('lastmod').text(), newest);
  assert.ok(existsSync(path.join(outDir, 'robots.txt')));
});

test('the path prefix goes in front of every site-absolute link, script and form address, and nowhere else', () => {
  const page = [
    '<link rel="stylesheet" href="/style.css"><script type="module" src="/search.js"></script>',
    '<a href="/">Home</a> <a class="x" href="/speakers/li-wei/">Li</a> <form action="/search/" method="get">',
    '<a href="#q-1">fragment</a> <a href="//cdn.example.org/x">other host</a> <a href="https://example.org/">web</a>',
    '<p>He typed href="/etc/" into a page</p> <img alt="a &quot;href=&quot;/x" src="data:,">',
    '<script type="application/ld+json">{"url":"/articles/a/","t":"\\u003ca href=\\"/x\\"\\u003e"}</script>',
  ].join('\n');
  const prefixed = prefixSiteLinks(page, '/archive/');
  assert.equal(prefixed, page
    .replace('href="/style.css"', 'href="/archive/style.css"')
    .replace('src="/search.js"', 'src="/archive/search.js"')
    .replace('href="/">', 'href="/archive/">')
    .replace('href="/speakers/li-wei/"', 'href="/archive/speakers/li-wei/"')
    .replace('action="/search/"', 'action="/archive/search/"'));
  assert.equal(prefixSiteLinks(page, '/'), page);
});
