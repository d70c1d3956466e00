/**
 * The site for every reader, in real Chromium: an accessibility engine
 * (axe-core, through @axe-core/playwright) finds nothing on any page kind,
 * in light and in dark mode; no page scrolls sideways on a 360 px phone;
 * dark mode and print each have their own palette; print leaves out the
 * navigation and search controls and keeps who said each quote and where
 * the original is. The site is the repository's sample articles plus one
 * article of very long words and addresses (`fixtures/site/phone/`), the
 * kind of text that widens a phone's page. axe runs through Playwright's
 * evaluate, which the pages' strict Content-Security-Policy does not
 * govern, so the policy stays as it is served. Waits are on the page's own
 * states, never on a clock.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Archive } from '../../src/archive/types.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { waitForSearch } from '../helpers/search-page.ts';
import { archiveOfContent, buildServedSite, type ServedSite } from '../helpers/served-site.ts';
import { listFiles } from '../helpers/tree.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const phoneContentDir = fileURLToPath(new URL('../fixtures/site/phone/content/', import.meta.url));

let contentCopy = '';
let archive: Archive;
let site: ServedSite;
let browser: BrowserSession;

before(async () => {
  contentCopy = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-a11y-content-'));
  await cp(contentDir, contentCopy, { recursive: true });
  await cp(phoneContentDir, contentCopy, { recursive: true });
  archive = await archiveOfContent(contentCopy);
  site = await buildServedSite(archive);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (contentCopy) await rm(contentCopy, { recursive: true, force: true });
});

/** One page of each kind, by name: the address and the status it answers with. */
function pageKinds(): { kind: string; path: string; status: number }[] {
  const article = archive.articles.find((a) => a.url && a.quoteIds.length > 0)!;
  const speaker = [...archive.speakers].sort((a, b) => b.quoteIds.length - a.quoteIds.length)[0]!;
  const word = archive.quotes.find((q) => q.text.includes('Taiwan')) ? 'Taiwan' : archive.quotes[0]!.text.split(/\s+/)[1]!;
  return [
    { kind: 'home', path: '/', status: 200 },
    { kind: 'articles list', path: '/articles/', status: 200 },
    { kind: 'article', path: article.path, status: 200 },
    { kind: 'speakers', path: '/speakers/', status: 200 },
    { kind: 'speaker', path: speaker.path, status: 200 },
    { kind: 'entities', path: '/entities/', status: 200 },
    { kind: 'entity', path: archive.entities[0]!.path, status: 200 },
    { kind: 'sources', path: '/sources/', status: 200 },
    { kind: 'source', path: archive.sources[0]!.path, status: 200 },
    { kind: 'timeline', path: '/timeline/', status: 200 },
    { kind: 'search with results', path: `/search/?q=${encodeURIComponent(word)}`, status: 200 },
    { kind: '404', path: '/no/such/page/', status: 404 },
  ];
}

/** Opens a page and waits until it has settled (the search page: its results written). */
async function open(page: Page, address: string, status: number): Promise<void> {
  const response = await page.goto(`${site.origin}${address}`);
  assert.equal(response?.status(), status, address);
  if ((await page.locator('#search-results').count()) > 0) assert.notEqual(await waitForSearch(page), 'failed', address);
}

/** axe's violations on the page as one line each: rule, impact, the elements and why. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no accessibility violation on any page kind in ${colorScheme} mode`, async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme });
    const found: string[] = [];
    for (const { kind, path: address, status } of pageKinds()) {
      await open(page, address, status);
      for (const v of await axeViolations(page)) found.push(`${kind} ${address}: ${v}`);
    }
    await page.close();
    assert.deepEqual(found, []);
    // The 404 response itself is reported by Chromium as a failed resource; nothing else may be.
    assert.deepEqual(browser.problems.filter((p) => !/404/.test(p)), []);
    browser.problems.length = 0;
  });
}

test('dark mode gives every page its dark palette: light text on a dark background', async () => {
  const page = await browser.newPage();
  const colours = async () => page.evaluate(() => {
    const view = globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string }; document: { body: unknown } };
    const style = view.getComputedStyle(view.document.body);
    return { color: style.color, background: style.backgroundColor };
  });
  /** Relative brightness of an `rgb(r, g, b)` colour, 0 to 255. */
  const brightness = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.299 * r! + 0.587 * g! + 0.114 * b!;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '/', 200);
  const light = await colours();
  assert.ok(brightness(light.background) > 200 && brightness(light.color) < 60, JSON.stringify(light));
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  assert.ok(brightness(dark.background) < 60 && brightness(dark.color) > 200, JSON.stringify(dark));
  await page.close();
});

test('no page scrolls sideways on a 360 × 740 phone screen, long words and addresses included', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const addresses = [
    ...listFiles(site.dir, '.html').filter((p) => !p.startsWith('pagefind/') && p !== '404.html').map((p) => `/${p.replace(/(^|\/)index\.html$/, '$1')}`),
    `/search/?q=${encodeURIComponent('Rijksinfrastructuurverbeteringsprogrammabegrotingsvoorstel')}`,
  ];
  assert.ok(addresses.includes(archive.articles.find((a) => a.title.startsWith('Rijks'))!.path), 'the long-word article is among the pages');
  const wide: string[] = [];
  for (const address of addresses) {
    await open(page, address, 200);
    const { scrollWidth, innerWidth } = await page.evaluate(() => {
      const view = globalThis as unknown as { innerWidth: number; document: { scrollingElement: { scrollWidth: number } } };
      return { scrollWidth: view.document.scrollingElement.scrollWidth, innerWidth: view.innerWidth };
    });
    if (scrollWidth > innerWidth) wide.push(`${address}: ${scrollWidth} px wide in a ${innerWidth} px screen`);
  }
  await open(page, '/no/such/page/', 404);
  assert.deepEqual(wide, []);
  await page.close();
  browser.problems.length = 0;
});

/** Whether the element matched by `selector` takes up room on the page as it is laid out now. */
function shown(page: Page, selector: string): Promise<boolean> {
  // Wider and taller than a pixel: a visually hidden element (clipped to 1 px) is not shown.
  return page.locator(selector).first().evaluate((el) => {
    const box = (el as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  });
}

test('printed, an article leaves out navigation and search and keeps each quote\'s speaker and the original\'s address', async () => {
  const article = archive.articles.find((a) => a.url && archive.quotes.some((q) => q.articleId === a.id && q.speakerId))!;
  const page = await browser.newPage();
  await open(page, article.path, 200);
  assert.ok(await shown(page, '.site-nav'), 'on screen, the navigation shows');
  assert.equal(await shown(page, '.quote-by'), false, 'on screen, a quote\'s speaker shows on pointing at it');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const chrome of ['.site-nav', '.site-footer', '.skip-link']) assert.equal(await shown(page, chrome), false, chrome);
  assert.ok(await shown(page, 'mark.quote'));
  assert.ok(await shown(page, '.quote-by'), 'each quote\'s speaker is printed beside it');
  assert.ok(await shown(page, '.article__meta a[href^="/sources/"]'), 'the source is printed');
  const printed = await page.locator('.article__original a').evaluate((el) => {
    const view = (el as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown, pseudo: string): { content: string } } } }).ownerDocument.defaultView;
    return view.getComputedStyle(el, '::after').content;
  });
  assert.ok(printed.includes(article.url!), `the original's address follows its link: ${printed}`);
  const ink = await page.evaluate(() => {
    const view = globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string }; document: { body: unknown } };
    const style = view.getComputedStyle(view.document.body);
    return [style.color, style.backgroundColor];
  });
  assert.deepEqual(ink, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white, even when the screen is in dark mode');
  await page.close();
});

test('printed, the search page shows its results without the search box, filters or buttons', async () => {
  const page = await browser.newPage();
  await open(page, `/search/?q=${encodeURIComponent('Rijksinfrastructuurverbeteringsprogrammabegrotingsvoorstel')}`, 200);
  assert.ok(await shown(page, '.search-form'));
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.search-form', '.search-filters', '.search-sort', '.search-keys']) assert.equal(await shown(page, chrome), false, chrome);
  assert.ok(await shown(page, '.search-result'));
  await page.close();
});
