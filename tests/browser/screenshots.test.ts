/**
 * The README's pictures, taken by the test run's own browser from a real
 * build of the repository's sample articles: an article with a quote's Cite
 * control open, a speaker page,
 * the timeline and search with results, saved as
 * `tests/browser/screenshots/*.png`. Only with QUOTE_ARCHIVE_SCREENSHOTS=1
 * (`QUOTE_ARCHIVE_SCREENSHOTS=1 node --import tsx --test
 * tests/browser/screenshots.test.ts`), so ordinary runs never rewrite
 * committed files; otherwise the test is skipped.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Archive } from '../../src/archive/types.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { waitForSearch } from '../helpers/search-page.ts';
import { archiveOfContent, buildServedSite, type ServedSite } from '../helpers/served-site.ts';

const enabled = process.env.QUOTE_ARCHIVE_SCREENSHOTS === '1';
const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const screenshotDir = fileURLToPath(new URL('screenshots/', import.meta.url));

let archive: Archive;
let site: ServedSite;
let browser: BrowserSession;

before(async () => {
  if (!enabled) return;
  archive = await archiveOfContent(contentDir);
  site = await buildServedSite(archive);
  browser = await launchBrowser();
  await mkdir(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('the README screenshots show an article with a citation open, a speaker, the timeline and search with results', { skip: enabled ? false : 'set QUOTE_ARCHIVE_SCREENSHOTS=1 to take them' }, async () => {
  const article = [...archive.articles].sort((a, b) => b.quoteIds.length - a.quoteIds.length)[0]!;
  const speaker = [...archive.speakers].sort((a, b) => b.quoteIds.length - a.quoteIds.length)[0]!;
  const quote = archive.quotes.find((q) => q.id === article.quoteIds[1]) ?? archive.quotes[0]!;
  const shots: { name: string; path: string }[] = [
    // Landing on a quote, as a search hit does: targeted and highlighted, its speaker shown.
    { name: 'article', path: quote.path },
    { name: 'speaker', path: speaker.path },
    { name: 'timeline', path: '/timeline/' },
    { name: 'search', path: '/search/?q=Taiwan' },
  ];
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  for (const { name, path } of shots) {
    const response = await page.goto(`${site.origin}${path}`);
    assert.equal(response?.status(), 200, path);
    if (name === 'search') assert.equal(await waitForSearch(page), 'done');
    if (name === 'article') {
      // The quote's Cite control open, its formats loaded, as a reader about to copy a reference sees it.
      const cite = `details.cite[data-cite-quote-id="${quote.id}"]`;
      await page.click(`${cite} > summary`);
      await page.waitForSelector(`${cite}[data-cite-state="ready"]`);
      await page.locator(cite).scrollIntoViewIfNeeded();
    }
    await page.screenshot({ path: `${screenshotDir}${name}.png` });
  }
  await page.close();
  assert.deepEqual(browser.problems, []);
});
