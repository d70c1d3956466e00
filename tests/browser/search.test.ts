/**
 * The site as a reader uses it, in real Chromium: build the repository's
 * content/ (the sample articles) into a temporary folder, serve it, search
 * for words of a quote, follow the hit, and land on the quote, targeted and
 * highlighted, with no console errors and no CSP violations on the way.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive, Quote } from '../../src/archive/types.ts';
import { buildArchive } from '../../src/pipeline.ts';
import { findContentFiles, readSourceFiles } from '../../src/load/content-files.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { serveSite } from '../../src/site/serve.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { buildArchiveFromFacts } from '../fixtures/site/archive-from-facts.ts';

/** The few DOM members read inside the page (the project compiles without the DOM lib). */
interface ComputedStyleSource {
  ownerDocument: { defaultView: { getComputedStyle(element: unknown): { backgroundColor: string; outlineStyle: string } } };
}

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

let archive: Archive;
let outDir: string;
let server: Server;
let origin: string;
let browser: BrowserSession;

/** A quote long enough to search for, with a named speaker. */
function pickQuote(): Quote {
  const quote = archive.quotes.filter((q) => q.speakerId && q.text.split(/\s+/).length >= 8).sort((a, b) => b.text.length - a.text.length)[0];
  assert.ok(quote, 'the sample content has an attributed quote of eight words or more');
  return quote;
}

/** Some distinctive words from the middle of a quote. */
function wordsOf(quote: Quote): string {
  const words = quote.text.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter((w) => w.length > 3);
  return words.slice(1, 5).join(' ');
}

before(async () => {
  const { files } = await readSourceFiles(await findContentFiles(contentDir));
  ({ archive } = buildArchive(files));
  outDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-browser-'));
  const diagnostics = await buildSite(archive, outDir);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  server = await serveSite(outDir, { port: 0, announce: false });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(outDir, { recursive: true, force: true });
});

test('typing words of a quote into /search/ shows it; the hit leads to the quote, targeted and highlighted', async () => {
  const quote = pickQuote();
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  await page.locator('#search-q').fill(wordsOf(quote));
  const hit = page.locator(`.search-result a[href="${quote.path}"]`);
  await hit.waitFor({ timeout: 15000 });
  await hit.click();
  await page.waitForURL(`${origin}${quote.path}`);
  const target = page.locator(':target');
  assert.equal(await target.getAttribute('id'), quote.id);
  assert.ok(await target.evaluate((el) => el.matches('mark.quote')));
  // Highlighted: the targeted quote gets its own background and outline.
  const style = await target.evaluate((el) => {
    const s = (el as unknown as ComputedStyleSource).ownerDocument.defaultView.getComputedStyle(el);
    return { background: s.backgroundColor, outline: s.outlineStyle };
  });
  assert.notEqual(style.background, 'rgba(0, 0, 0, 0)');
  assert.equal(style.outline, 'solid');
  assert.ok(await target.isVisible());
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('the home search box sends ?q= to /search/, which searches at once', async () => {
  const quote = pickQuote();
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.locator('#home-q').fill(wordsOf(quote));
  await page.locator('#home-q').press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await page.locator(`.search-result a[href="${quote.path}"]`).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('#search-q').inputValue(), wordsOf(quote));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('the speaker filter narrows results to that speaker, and the address keeps the choice', async () => {
  const quote = pickQuote();
  const speaker = archive.speakers.find((s) => s.id === quote.speakerId)!;
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  const select = page.locator('select[data-filter="speaker"]');
  await page.locator('#search-filters:not([hidden])').waitFor({ timeout: 15000 });
  await select.selectOption(speaker.name);
  await page.locator('.search-result').first().waitFor({ timeout: 15000 });
  const results = await page.locator('.search-result__meta').allTextContents();
  assert.ok(results.length >= 1);
  for (const meta of results) assert.ok(meta.startsWith(speaker.name) || meta.startsWith('Article'), meta);
  assert.match(decodeURIComponent(page.url()).replace(/\+/g, ' '), new RegExp(`speaker=${speaker.name}`));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('every page kind loads without console errors or CSP violations', async () => {
  const page = await browser.newPage();
  const paths = ['/', '/speakers/', '/entities/', '/sources/', '/timeline/', '/search/', archive.articles[0]!.path, archive.speakers[0]!.path, archive.sources[0]!.path];
  if (archive.entities[0]) paths.push(archive.entities[0].path);
  for (const p of paths) {
    const response = await page.goto(`${origin}${p}`);
    assert.equal(response?.status(), 200, p);
  }
  const missing = await page.goto(`${origin}/no/such/page/`);
  assert.equal(missing?.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Page not found');
  await page.close();
  // The 404 response itself is reported by Chromium as a failed resource; nothing else may be.
  assert.deepEqual(browser.problems.filter((p) => !/404/.test(p)), []);
  browser.problems.length = 0;
});

test('quotes in a second language are found from the same search page', async () => {
  const mini = await buildArchiveFromFacts(fileURLToPath(new URL('../fixtures/site/mini/', import.meta.url)));
  const french = mini.quotes.find((q) => mini.articles.find((a) => a.id === q.articleId)?.language === 'fr')!;
  const miniDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-browser-mini-'));
  assert.deepEqual(await buildSite(mini, miniDir), []);
  const miniServer = await serveSite(miniDir, { port: 0, announce: false });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(miniServer.address() as AddressInfo).port}/search/?q=augmentation`);
    await page.locator(`.search-result a[href="${french.path}"]`).waitFor({ timeout: 15000 });
    await page.locator('#search-q').fill('patience');
    await page.locator('.search-result a[href*="port-deal"]').first().waitFor({ timeout: 15000 });
    await page.close();
  } finally {
    await new Promise((resolve) => miniServer.close(resolve));
    await rm(miniDir, { recursive: true, force: true });
  }
  assert.deepEqual(browser.problems, []);
});
