/**
 * Content is data, never code. Builds a site from articles full of injection
 * attempts (`fixtures/security/content/`) with the real CLI, serves it, and
 * checks in headless Chromium, page by page and in search results, that no
 * script from content runs, no attribute from content reaches the DOM as
 * code, template syntax stays text, and the site satisfies its own strict
 * Content-Security-Policy. Feeds and JSON-LD are checked as parsed documents.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveSite } from '../../src/site/serve.ts';

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
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

function listFiles(root: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension)) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

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
  // Give deferred handlers (onload of late images, module scripts) a moment to fire.
  await page.waitForTimeout(150);
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
    const { page } = await openPage(`/search/?q=${query}`);
    await page.waitForSelector('#search-results li', { timeout: 15_000 }).catch(() => failures.push(`no results for "${query}"`));
    await page.waitForTimeout(300);
    for (const p of await inspectPage(page)) failures.push(`search "${query}": ${p}`);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test('feeds carry content as escaped text or sanitized HTML, never live markup', () => {
  const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
  const $ = cheerio.load(feed, { xmlMode: true });
  assert.ok($('entry').length >= 2, 'the Atom feed has entries');
  assert.equal($('script').length, 0, 'no <script> element in the feed document');
  $('entry > title').each((_, element) => {
    assert.equal($(element).children().length, 0, 'titles are text, not markup');
  });
  $('entry > content[type="html"], entry > summary[type="html"]').each((_, element) => {
    const html = cheerio.load($(element).text());
    assert.equal(html('script, iframe, object, embed, form, base').length, 0, 'HTML content is sanitized');
    html('*').each((__, node) => {
      for (const name of Object.keys((node as { attribs?: Record<string, string> }).attribs ?? {})) assert.doesNotMatch(name, /^on/i);
      const href = html(node).attr('href') ?? html(node).attr('src') ?? '';
      assert.doesNotMatch(href, /^\s*javascript:/i);
    });
  });
  const jsonFeed = JSON.parse(readFileSync(join(site, 'quotes.json'), 'utf8')) as { items?: { content_html?: string; url?: string }[] };
  for (const item of jsonFeed.items ?? []) {
    if (item.content_html) {
      const html = cheerio.load(item.content_html);
      assert.equal(html('script, iframe, object, embed').length, 0);
      html('*').each((_, node) => {
        for (const name of Object.keys((node as { attribs?: Record<string, string> }).attribs ?? {})) assert.doesNotMatch(name, /^on/i);
      });
    }
    if (item.url) assert.doesNotMatch(item.url, /^\s*javascript:/i);
  }
});

/** Splits RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

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
