/**
 * Content is data, never code. Builds a site from articles full of injection
 * attempts (`fixtures/security/content/`) with the real CLI, serves it, and
 * checks in headless Chromium, page by page and in search results, that no
 * script from content runs, no attribute from content reaches the DOM as
 * code, template syntax stays text, and the site satisfies its own strict
 * Content-Security-Policy. Feeds and JSON-LD are checked as parsed documents:
 * the Atom feed by Chromium's strict XML parser, entry by entry against the
 * archive, the JSON Feed item by item. Waits are on explicit page states,
 * never on a clock.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { parseCsv } from '../helpers/csv.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveSite } from '../../src/site/serve.ts';
import type { Archive } from '../../src/archive/types.ts';
import { toPlainQuoteTexts } from '../../src/render/quote-text.ts';
import { waitForSearch } from '../helpers/search-page.ts';
import { CHROMIUM_ARGS } from '../helpers/browser.ts';
import { listFiles } from '../helpers/tree.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/security/content/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let dir = '';
let site = '';
let server: Server;
let origin = '';
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qa-security-'));
  await cp(fixtures, join(dir, 'content'), { recursive: true });
  const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'build'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, `the injection articles build (they are valid content):\n${run.stderr}`);
  site = join(dir, '_site');
  server = await serveSite(site, { port: 0, announce: false });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Runs inside the page (as a string: the project's TypeScript has no DOM types).
// Lists what content managed to do or plant: a run script, a handler attribute, a code URL.
const INSPECT_PAGE = `(() => {
  const problems = [];
  if (window.__pwned !== undefined) problems.push('script from content ran: __pwned=' + String(window.__pwned));
  const codeUrl = /^\\s*(javascript|vbscript|data\\s*:\\s*text\\/html)/i;
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name)) problems.push('<' + tag + ' ' + attribute.name + '> event handler attribute');
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(attribute.name.toLowerCase()) && codeUrl.test(attribute.value)) {
        problems.push('<' + tag + ' ' + attribute.name + '="' + attribute.value + '"> code URL');
      }
      if (attribute.name === 'style' && /javascript:|expression\\(/i.test(attribute.value)) problems.push('<' + tag + ' style> with code');
    }
    if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset'].includes(tag)) problems.push('<' + tag + '> element from content');
    // The site's own search form is fine; a form posting anywhere else came from content.
    if (tag === 'form' && new URL(element.getAttribute('action') || location.href, location.href).origin !== location.origin) problems.push('<form> posting off the site');
    if (tag === 'meta' && (element.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
    if (tag === 'script') {
      const type = element.getAttribute('type') || '';
      const src = element.getAttribute('src');
      if (type === 'application/ld+json') {
        try { JSON.parse(element.textContent || ''); } catch { problems.push('JSON-LD that is not JSON (content broke out of it)'); }
      } else if (!src || new URL(src, location.href).origin !== location.origin) {
        problems.push('<script> not loaded from the site itself: ' + element.outerHTML.slice(0, 80));
      }
    }
  }
  return problems;
})()`;

/** What a page did and holds after loading: anything from content that acted as code. */
async function inspectPage(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(INSPECT_PAGE);
}

async function openPage(path: string): Promise<{ page: Page; problems: string[]; console: string[] }> {
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) messages.push(message.text()); });
  page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => { messages.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  // Module scripts have run by the load event; images report load or error before it too, but
  // wait for each to say so explicitly. The search page settles only when its results are written.
  await page.waitForFunction('Array.from(document.images).every((image) => image.complete)');
  if ((await page.locator('#search-results').count()) > 0) await waitForSearch(page);
  // Console messages (CSP refusals among them) come over the same channel before this evaluation's answer.
  const problems = await inspectPage(page);
  return { page, problems, console: messages };
}

test('no page runs script from content or carries an attribute from content as code', async () => {
  const pages = listFiles(site, '.html').filter((p) => !p.startsWith('pagefind/'));
  assert.ok(pages.length >= 4, `the site has pages: ${pages.join(', ')}`);
  const failures: string[] = [];
  for (const file of pages) {
    const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const { page, problems, console } = await openPage(path);
    for (const p of problems) failures.push(`${path}: ${p}`);
    for (const c of console) failures.push(`${path}: console: ${c}`);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test('every page sends the strict Content-Security-Policy, without unsafe-inline', () => {
  for (const file of listFiles(site, '.html').filter((p) => !p.startsWith('pagefind/'))) {
    const $ = cheerio.load(readFileSync(join(site, file), 'utf8'));
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    assert.match(policy, /default-src 'self'/, file);
    assert.match(policy, /script-src 'self'/, file);
    assert.match(policy, /object-src 'none'/, file);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, file);
    // Inline scripts would be blocked by that policy: the site must not need any (JSON-LD is data, not script).
    $('script').each((_, element) => {
      const type = $(element).attr('type') ?? '';
      assert.ok($(element).attr('src') || type === 'application/ld+json', `${file}: inline script`);
    });
  }
});

test('template syntax and markup in content are shown as text on the article page', async () => {
  const archive = JSON.parse(readFileSync(join(site, 'archive.json'), 'utf8')) as { articles: { path: string; title: string; sourceFile: string }[] };
  const article = archive.articles.find((a) => a.sourceFile.endsWith('injection-everywhere.md'));
  assert.ok(article, 'the injection article is in the archive');
  const { page } = await openPage(article.path);
  const text = await page.evaluate<string>('document.body.innerText');
  assert.ok(text.includes('{{ 7*7 }}'), 'Nunjucks expression kept as text');
  assert.ok(text.includes('{% include "secret.njk" %}'), 'Nunjucks tag kept as text');
  const heading = await page.evaluate<string>("document.querySelector('h1')?.textContent ?? ''");
  assert.ok(heading.includes('Harbour {{ 7*7 }}'), `title shown as text: ${heading}`);
  await page.close();
});

test('search results show content as text and run nothing', async () => {
  const failures: string[] = [];
  for (const query of ['caption', 'words', 'budget']) {
    // openPage waits until the search has written every result of its first page.
    const { page, console } = await openPage(`/search/?q=${query}`);
    if ((await page.locator('#search-results li').count()) === 0) failures.push(`no results for "${query}"`);
    for (const p of await inspectPage(page)) failures.push(`search "${query}": ${p}`);
    for (const c of console) failures.push(`search "${query}": console: ${c}`);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

/** What Chromium's strict XML parser makes of the Atom feed (run in a page: Node has no XML parser). */
interface ParsedAtom {
  parseError: string | null;
  /** Every element of the document as `namespace name`. */
  elements: string[];
  entries: { title: string; titleElements: number; link: string; author: string; summary: string; summaryElements: number }[];
}

const PARSE_ATOM = `(text) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  const child = (entry, name) => Array.from(entry.children).find((c) => c.localName === name);
  return {
    parseError: error ? error.textContent : null,
    elements: Array.from(doc.getElementsByTagName('*')).map((e) => e.namespaceURI + ' ' + e.localName),
    entries: Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')).map((entry) => ({
      title: child(entry, 'title')?.textContent ?? '',
      titleElements: child(entry, 'title')?.children.length ?? -1,
      link: child(entry, 'link')?.getAttribute('href') ?? '',
      author: child(entry, 'author')?.textContent.trim() ?? '',
      summary: child(entry, 'summary')?.textContent ?? '',
      summaryElements: child(entry, 'summary')?.children.length ?? -1,
    })),
  };
}`;

const ATOM_ELEMENTS = ['feed', 'title', 'link', 'id', 'updated', 'published', 'entry', 'author', 'name', 'summary'].map((n) => `http://www.w3.org/2005/Atom ${n}`);

test('the Atom feed parses as strict XML and carries every title, author and summary from content as the exact text, never as elements', async () => {
  const archive = JSON.parse(readFileSync(join(site, 'archive.json'), 'utf8')) as Archive;
  const page = await browser.newPage();
  const atom = await page.evaluate<ParsedAtom>(`(${PARSE_ATOM})(${JSON.stringify(readFileSync(join(site, 'feed.xml'), 'utf8'))})`);
  await page.close();
  assert.equal(atom.parseError, null, 'the feed is well-formed XML');
  // Markup from content that escaped its text would show up as an element outside Atom's own.
  assert.deepEqual([...new Set(atom.elements)].filter((e) => !ATOM_ELEMENTS.includes(e)), []);
  assert.equal(atom.entries.length, archive.articles.length, 'one entry per article');
  const byLink = new Map(atom.entries.map((e) => [e.link, e]));
  for (const article of archive.articles) {
    const entry = byLink.get(article.path);
    assert.ok(entry, `an entry links to ${article.path}`);
    assert.equal(entry.title, article.title, 'the title is the exact text of the title');
    assert.equal(entry.titleElements, 0);
    assert.equal(entry.author, article.byline ?? article.source.name);
    assert.ok(entry.summary.startsWith(`${article.source.name}, ${article.date}.`), entry.summary);
    assert.equal(entry.summaryElements, 0);
  }
  // The check has teeth: the injection article's title is markup, and it arrived as text.
  assert.ok(atom.entries.some((e) => e.title.includes('<script>')), 'a title holding <script> is in the feed, as text');
});

test('the JSON Feed carries every quote as its exact plain text, with no HTML field and only site or web links', () => {
  const archive = JSON.parse(readFileSync(join(site, 'archive.json'), 'utf8')) as Archive;
  const feed = JSON.parse(readFileSync(join(site, 'quotes.json'), 'utf8')) as { items: Record<string, unknown>[] };
  const plain = toPlainQuoteTexts(archive);
  const quotes = new Map(archive.quotes.map((q) => [q.id, q]));
  assert.equal(feed.items.length, archive.quotes.length, 'one item per quote');
  const allowed = new Set(['id', 'url', 'title', 'content_text', 'date_published', 'tags', 'authors', 'external_url']);
  for (const item of feed.items) {
    // content_html or any other field a reader renders as HTML would put content on the reader's page as markup.
    assert.deepEqual(Object.keys(item).filter((k) => !allowed.has(k)), [], `item ${String(item.id)} has only text fields`);
    const quote = quotes.get(String(item.id));
    assert.ok(quote, `item ${String(item.id)} is a quote of the archive`);
    assert.equal(item.content_text, plain.get(quote.id) ?? quote.text);
    assert.equal(item.url, quote.path);
    if (quote.speakerName) assert.deepEqual(item.authors, [{ name: quote.speakerName }]);
    if (item.external_url !== undefined) assert.match(String(item.external_url), /^https?:\/\//);
  }
  assert.ok(feed.items.some((i) => String(i.content_text).includes('<img src=x onerror=')), 'a quote holding markup is in the feed, as text');
});

test('no CSV cell can run as a spreadsheet formula', () => {
  const rows = parseCsv(readFileSync(join(site, 'archive.csv'), 'utf8'));
  assert.ok(rows.length > 3, 'the CSV has quote rows');
  const width = rows[0]!.length;
  const formulas: string[] = [];
  for (const row of rows) {
    assert.equal(row.length, width, `every row has ${width} cells: ${row.join(' | ')}`);
    for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) formulas.push(cell);
  }
  assert.deepEqual(formulas, []);
  assert.ok(rows.some((row) => row.some((cell) => cell.startsWith("'=1+2"))), 'the formula-like quote is kept, neutralized');
});

test('JSON-LD on every page parses and cannot be closed by content', () => {
  for (const file of listFiles(site, '.html').filter((p) => !p.startsWith('pagefind/'))) {
    const html = readFileSync(join(site, file), 'utf8');
    const $ = cheerio.load(html);
    $('script[type="application/ld+json"]').each((_, element) => {
      const raw = $(element).html() ?? '';
      assert.doesNotMatch(raw, /<\/script|<!--/i, `${file}: JSON-LD escapes < so content cannot end the script`);
      assert.doesNotThrow(() => JSON.parse(raw), `${file}: JSON-LD parses`);
    });
  }
});

test('the page inspector itself catches planted handlers, code URLs, inline scripts and run scripts', async () => {
  // A blank page without the site's policy, so the planted script can run.
  const page = await browser.newPage();
  await page.setContent(`<p onclick="x()">a</p><a href=" javascript:x()">b</a><iframe src="about:blank"></iframe>
    <script>window.__pwned = 'control'</script><script type="application/ld+json">{"a": </script>`);
  const problems = await inspectPage(page);
  await page.close();
  for (const expected of ['script from content ran', 'event handler attribute', 'code URL', '<iframe> element', 'not loaded from the site itself', 'JSON-LD that is not JSON']) {
    assert.ok(problems.some((p) => p.includes(expected)), `catches: ${expected}\n${problems.join('\n')}`);
  }
});
