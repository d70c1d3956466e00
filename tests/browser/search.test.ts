/**
 * The site as a reader uses it, in real Chromium: build the repository's
 * content/ (the sample articles) into a temporary folder, serve it, search
 * for words of a quote, follow the hit, and land on the quote, targeted and
 * highlighted, with no console errors and no CSP violations on the way.
 * The filters and "show more" run on a built fixture site of eight articles
 * and 28 quotes (`fixtures/site/filters/`): every result a filter shows must
 * be exactly what the archive says matches it. Waits are on the page's own
 * `data-state` (helpers/search-page.ts), never on a clock.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive, Quote } from '../../src/archive/types.ts';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { allResults, openFilters, shownResults, waitForSearch } from '../helpers/search-page.ts';
import { archiveOfContent, buildServedSite, type ServedSite } from '../helpers/served-site.ts';
import { buildArchiveFromFacts } from '../fixtures/site/archive-from-facts.ts';
import { writeCorpus } from '../bench/corpus/generate.ts';

/** The few DOM members read inside the page (the project compiles without the DOM lib). */
interface ComputedStyleSource {
  ownerDocument: { defaultView: { getComputedStyle(element: unknown): { backgroundColor: string; outlineStyle: string } } };
}

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const filtersContentDir = fileURLToPath(new URL('../fixtures/site/filters/content/', import.meta.url));
const miniProject = fileURLToPath(new URL('../fixtures/site/mini/', import.meta.url));

let archive: Archive;
let site: ServedSite;
let origin: string;
let filtersArchive: Archive;
let filtersSite: ServedSite;
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
  archive = await archiveOfContent(contentDir);
  site = await buildServedSite(archive);
  origin = site.origin;
  filtersArchive = await archiveOfContent(filtersContentDir);
  filtersSite = await buildServedSite(filtersArchive);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await filtersSite?.close();
});

type FilterKey = 'speaker' | 'source' | 'year' | 'entity' | 'kind' | 'type';

/**
 * What the archive says a filter on `key` = `value` must show with no words
 * typed: the address of every quote record and every article page carrying
 * that value, sorted. Quote records carry their speaker, their article's
 * source and entities, and the year the words were said; article pages
 * carry their own source, year, entities, quoted speakers and the kinds of
 * their quotes.
 */
function expectedResults(of: Archive, key: FilterKey, value: string): string[] {
  const speakerName = new Map(of.speakers.map((s) => [s.id, s.name]));
  const entityName = new Map(of.entities.map((e) => [e.id, e.name]));
  const articleById = new Map(of.articles.map((a) => [a.id, a]));
  const articleValues = (a: Archive['articles'][number]): string[] => ({
    speaker: a.speakerIds.map((id) => speakerName.get(id) ?? ''),
    source: [a.source.name],
    year: [a.date.slice(0, 4)],
    entity: a.entityIds.map((id) => entityName.get(id) ?? ''),
    kind: of.quotes.filter((q) => q.articleId === a.id).map((q) => q.kind),
    type: ['Article'],
  })[key];
  const quoteValues = (q: Quote): string[] => {
    const a = articleById.get(q.articleId)!;
    return ({
      speaker: q.speakerId ? [speakerName.get(q.speakerId) ?? ''] : [],
      source: [a.source.name],
      year: [q.date.slice(0, 4)],
      entity: a.entityIds.map((id) => entityName.get(id) ?? ''),
      kind: [q.kind],
      type: ['Quote'],
    })[key];
  };
  return [
    ...of.quotes.filter((q) => quoteValues(q).includes(value)).map((q) => q.path),
    ...of.articles.filter((a) => articleValues(a).includes(value)).map((a) => a.path),
  ].sort();
}

/** Every value the archive has for a filter, with how many results it must show. */
function filterValues(of: Archive, key: FilterKey): { value: string; results: string[] }[] {
  const values = new Set<string>();
  for (const q of of.quotes) {
    const a = of.articles.find((x) => x.id === q.articleId)!;
    if (key === 'speaker') for (const s of of.speakers) if (s.id === q.speakerId) values.add(s.name);
    if (key === 'source') values.add(a.source.name);
    if (key === 'year') values.add(q.date.slice(0, 4)).add(a.date.slice(0, 4));
    if (key === 'entity') for (const e of of.entities) if (a.entityIds.includes(e.id)) values.add(e.name);
    if (key === 'kind') values.add(q.kind);
    if (key === 'type') values.add('Quote').add('Article');
  }
  return [...values].sort().map((value) => ({ value, results: expectedResults(of, key, value) }));
}

/** A value of the filter that keeps some results and drops others, so the filter must really narrow. */
function narrowingValue(of: Archive, key: FilterKey): { value: string; results: string[] } {
  const total = of.quotes.length + of.articles.length;
  const choice = filterValues(of, key).filter((v) => v.results.length > 0 && v.results.length < total).sort((a, b) => b.results.length - a.results.length)[0];
  assert.ok(choice, `the fixture has a ${key} value that narrows the results`);
  return choice;
}

/** Opens /search/ on the filters site, chooses `value` in the `key` filter, and returns every result shown (all pages). */
async function resultsOfFilter(key: FilterKey, value: string): Promise<{ results: string[]; address: string }> {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  await openFilters(page);
  await page.locator(`select[data-filter="${key}"]`).selectOption(value);
  const results = await allResults(page);
  const address = decodeURIComponent(page.url()).replace(/\+/g, ' ');
  await page.close();
  return { results: [...results].sort(), address };
}

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

for (const key of ['speaker', 'source', 'year', 'entity', 'kind'] as const) {
  test(`the ${key} filter shows exactly the quotes and articles of the chosen ${key}, every page of them, and the address keeps the choice`, async () => {
    const { value, results: expected } = narrowingValue(filtersArchive, key);
    const { results, address } = await resultsOfFilter(key, value);
    assert.deepEqual(results, expected);
    assert.ok(address.includes(`${key}=${value}`), address);
    assert.deepEqual(browser.problems, []);
  });
}

test('the result type filter shows exactly every quote, or exactly every article, and the address keeps the choice', async () => {
  for (const value of ['Quote', 'Article']) {
    const { results, address } = await resultsOfFilter('type', value);
    assert.deepEqual(results, expectedResults(filtersArchive, 'type', value), value);
    assert.ok(address.includes(`type=${value}`), address);
  }
  assert.deepEqual(browser.problems, []);
});

test('the quote kind filter offers direct, partial and reported speech; each shows exactly the quotes of that kind, labelled with it, and the articles holding one', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  assert.deepEqual(await page.locator('select[data-filter="kind"] option').allTextContents(), ['Any', 'Direct quote', 'Partial quote', 'Reported speech']);
  await page.close();
  const labels = { direct: 'Direct quote', partial: 'Partial quote', indirect: 'Reported speech' } as const;
  for (const kind of ['direct', 'partial', 'indirect'] as const) {
    const expected = expectedResults(filtersArchive, 'kind', kind);
    assert.ok(filtersArchive.quotes.some((q) => q.kind === kind), `the fixture has a ${kind} quote`);
    const { results, address } = await resultsOfFilter('kind', kind);
    assert.deepEqual(results, expected, kind);
    assert.ok(address.includes(`kind=${kind}`), address);
  }
  const reported = await browser.newPage();
  await reported.goto(`${filtersSite.origin}/search/?kind=indirect&type=Quote`);
  assert.equal(await waitForSearch(reported), 'done');
  const metas = await reported.locator('.search-result__meta').allInnerTexts();
  assert.equal(metas.length, filtersArchive.quotes.filter((q) => q.kind === 'indirect').length);
  for (const meta of metas) assert.ok(meta.includes(labels.indirect), meta);
  await reported.close();
  assert.deepEqual(browser.problems, []);
});

/** The date of what a result address points at: the quote's day (said), or the article's. */
function dateOfResult(of: Archive, address: string): { article: string; hit: string } {
  const quote = of.quotes.find((q) => q.path === address);
  const article = of.articles.find((a) => a.path === address.split('#')[0])!;
  return { article: article.date, hit: quote?.date ?? article.date };
}

/** Whether results come newest first: by their article's date, then within an article by the day of each hit. */
function isNewestFirst(of: Archive, addresses: string[]): boolean {
  const dates = addresses.map((a) => dateOfResult(of, a));
  return dates.every((d, i) => i === 0 || d.article < dates[i - 1]!.article || (d.article === dates[i - 1]!.article && d.hit <= dates[i - 1]!.hit));
}

test('"Newest first" orders the results of a query by date, and the address keeps the choice; best match first orders them otherwise', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/?q=harbour`);
  const byRelevance = await allResults(page);
  assert.ok(byRelevance.length > 3, 'the query finds several results');
  assert.ok(!isNewestFirst(filtersArchive, byRelevance), `the best matches of this query are not already newest first: ${byRelevance.join(' ')}`);
  await page.locator('#search-sort').selectOption('date');
  const byDate = await allResults(page);
  assert.match(page.url(), /[?&]sort=date(&|$)/);
  assert.deepEqual([...byDate].sort(), [...byRelevance].sort(), 'the same results');
  assert.ok(isNewestFirst(filtersArchive, byDate), byDate.join(' '));
  // Opened from its address, the page keeps the order.
  await page.goto(`${filtersSite.origin}/search/?q=harbour&sort=date`);
  assert.equal(await page.locator('#search-sort').inputValue(), 'date');
  assert.deepEqual(await allResults(page), byDate);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/** Waits until back or forward has put `q` into the search box and the page has searched it again. */
async function waitForRestored(page: import('playwright-core').Page, q: string): Promise<string[]> {
  // The page's popstate handler fills the box and starts the search in one step, so once the box holds q the search under way is q's.
  await page.waitForFunction((words) => (globalThis as unknown as { document: { getElementById(id: string): { value: string } } }).document.getElementById('search-q').value === words, q);
  return allResults(page);
}

test('every search is a history entry: back and forward step through searches and their results, and a reload shows the same search', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  await page.locator('#search-q').fill('ferries');
  await page.locator('#search-q').press('Enter');
  const ferries = await allResults(page);
  await page.locator('#search-q').fill('barrier');
  const barrier = await allResults(page);
  await openFilters(page);
  await page.locator('select[data-filter="year"]').selectOption('2021');
  const barrier2021 = await allResults(page);
  assert.ok(ferries.length > 0 && barrier.length > barrier2021.length && barrier2021.length > 0);
  assert.notDeepEqual(ferries, barrier);

  await page.goBack();
  assert.deepEqual(await waitForRestored(page, 'barrier'), barrier);
  assert.equal(await page.locator('select[data-filter="year"]').inputValue(), '', 'the filter of the later search is gone');
  await page.goBack();
  assert.deepEqual(await waitForRestored(page, 'ferries'), ferries);
  assert.match(decodeURIComponent(page.url()), /\?q=ferries$/);
  await page.goBack();
  assert.equal(await waitForSearch(await waitForBox(page, '')), 'idle', 'the first entry is the empty page');
  await page.goForward();
  assert.deepEqual(await waitForRestored(page, 'ferries'), ferries);
  await page.goForward();
  await page.goForward();
  await page.waitForFunction(() => (globalThis as unknown as { location: { search: string } }).location.search.includes('year=2021'));
  assert.deepEqual(await waitForRestored(page, 'barrier'), barrier2021);
  assert.equal(await page.locator('select[data-filter="year"]').inputValue(), '2021');

  await page.reload();
  assert.deepEqual(await waitForRestored(page, 'barrier'), barrier2021);
  assert.equal(await page.locator('select[data-filter="year"]').inputValue(), '2021');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/** Waits until the search box holds `q` (after back or forward), and returns the page. */
async function waitForBox(page: import('playwright-core').Page, q: string): Promise<import('playwright-core').Page> {
  await page.waitForFunction((words) => (globalThis as unknown as { document: { getElementById(id: string): { value: string } } }).document.getElementById('search-q').value === words, q);
  return page;
}

test('words typed in one go make one history entry, not one per pause', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  const entries = () => page.evaluate(() => (globalThis as unknown as { history: { length: number } }).history.length);
  const start = await entries();
  // Each fill is a pause long enough to search (the page settles), yet the same typing.
  for (const words of ['fer', 'ferr', 'ferries']) {
    await page.locator('#search-q').fill(words);
    await waitForSearch(page);
  }
  assert.equal(await entries(), start + 1);
  await page.goBack();
  assert.equal(await waitForSearch(await waitForBox(page, '')), 'idle');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/** The id of the element that has the focus. */
const focusedId = (page: import('playwright-core').Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');

test('"/" puts the focus in the search box, except while typing in a field, where it is a character', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  assert.notEqual(await focusedId(page), 'search-q');
  await page.keyboard.press('/');
  assert.equal(await focusedId(page), 'search-q');
  assert.equal(await page.locator('#search-q').inputValue(), '', 'the "/" opened the box, it was not typed');
  await page.keyboard.type('a/b');
  assert.equal(await page.locator('#search-q').inputValue(), 'a/b');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('from the search box the arrow keys move through the results, and Enter opens one at the quote\'s place in its article', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/?q=Lopez&type=Quote`);
  assert.equal(await waitForSearch(page), 'done');
  const shown = await shownResults(page);
  assert.ok(shown.length >= 3);
  const focusedHref = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('href') ?? '');
  await page.locator('#search-q').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedHref(), shown[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedHref(), shown[2]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedHref(), shown[1]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedId(page), 'search-q', 'up from the first result goes back to the box');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const quote = filtersArchive.quotes.find((q) => q.path === shown[1])!;
  await page.waitForURL(`${filtersSite.origin}${quote.path}`);
  assert.equal(await page.locator(':target').getAttribute('id'), quote.id);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('the count of results is written into a polite live region, so screen readers announce it', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  const status = page.locator('#search-status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal(await status.getAttribute('role'), 'status');
  await page.locator('#search-q').fill('harbour');
  assert.equal(await waitForSearch(page), 'done');
  const quotes = (await page.locator('.search-result[data-type="Quote"]').count());
  const articles = (await page.locator('.search-result[data-type="Article"]').count());
  assert.equal(await status.innerText(), `${quotes} quote${quotes === 1 ? '' : 's'} and ${articles} article${articles === 1 ? '' : 's'}.`);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('without JavaScript the search page says search needs it and links to the speaker and source pages', async () => {
  const page = await browser.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(`${filtersSite.origin}/search/`);
  const notice = page.locator('main .notice');
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /needs JavaScript/);
  const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('/speakers/') && links.includes('/sources/'), links.join(' '));
  assert.equal(await page.locator('#search-results').getAttribute('data-state'), 'loading', 'the script did not run');
  await page.close();
  // With JavaScript, the notice is not shown.
  const withScript = await browser.newPage();
  await withScript.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(withScript), 'idle');
  assert.equal(await withScript.locator('main .notice').count(), 0);
  await withScript.close();
  assert.deepEqual(browser.problems, []);
});

test('the speaker filter on the sample articles keeps only that speaker\'s quotes and the articles quoting them', async () => {
  const quote = pickQuote();
  const speaker = archive.speakers.find((s) => s.id === quote.speakerId)!;
  const page = await browser.newPage();
  await page.goto(`${origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  await openFilters(page);
  await page.locator('select[data-filter="speaker"]').selectOption(speaker.name);
  const results = await allResults(page);
  await page.close();
  assert.deepEqual([...results].sort(), expectedResults(archive, 'speaker', speaker.name));
  assert.ok(results.includes(quote.path), 'the picked quote is among them');
  assert.deepEqual(browser.problems, []);
});

test('results come 20 at a time: "Show more results" adds the next ones, in order, and goes away when all are shown', async () => {
  const expected = expectedResults(filtersArchive, 'type', 'Quote');
  assert.ok(expected.length > 20 && expected.length <= 40, `the fixture has between 21 and 40 quotes (${expected.length})`);
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/?type=Quote`);
  assert.equal(await waitForSearch(page), 'done');
  const first = await shownResults(page);
  assert.equal(first.length, 20);
  assert.equal(await page.locator('button.search-more').count(), 1);
  await page.locator('button.search-more').click();
  assert.equal(await waitForSearch(page), 'done');
  const all = await shownResults(page);
  assert.deepEqual(all.slice(0, 20), first, 'the first twenty stay, in order');
  assert.deepEqual([...all].sort(), expected);
  assert.equal(await page.locator('button.search-more').count(), 0);
  assert.match(await page.locator('#search-status').innerText(), new RegExp(`^${expected.length} results\\.$`));
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/** Builds the small mini site, breaks its search index with `breakIndex`, and returns what the search page says. */
async function searchPageOfBrokenIndex(breakIndex: (dir: string) => Promise<void>): Promise<{ state: string; status: string; results: number }> {
  const broken = await buildServedSite(await buildArchiveFromFacts(miniProject), breakIndex);
  try {
    const page = await browser.newPage();
    await page.goto(`${broken.origin}/search/?q=strike`);
    const state = await waitForSearch(page);
    const status = await page.locator('#search-status').innerText();
    const results = await page.locator('#search-results .search-result').count();
    await page.close();
    return { state, status, results };
  } finally {
    await broken.close();
    // The failed fetches of the missing index are the point of these tests, not problems of the page.
    browser.problems.length = 0;
  }
}

test('a site whose search index folder is missing says the index could not be loaded', async () => {
  const shown = await searchPageOfBrokenIndex((dir) => rm(path.join(dir, 'pagefind'), { recursive: true, force: true }));
  assert.deepEqual(shown, { state: 'failed', status: 'The search index could not be loaded.', results: 0 });
});

test('a site whose search index script is broken says the index could not be loaded', async () => {
  const shown = await searchPageOfBrokenIndex((dir) => writeFile(path.join(dir, 'pagefind', 'pagefind.js'), 'export const init = ;\n'));
  assert.deepEqual(shown, { state: 'failed', status: 'The search index could not be loaded.', results: 0 });
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
  const mini = await buildArchiveFromFacts(miniProject);
  const french = mini.quotes.find((q) => mini.articles.find((a) => a.id === q.articleId)?.language === 'fr')!;
  const miniSite = await buildServedSite(mini);
  try {
    const page = await browser.newPage();
    await page.goto(`${miniSite.origin}/search/?q=augmentation`);
    await page.locator(`.search-result a[href="${french.path}"]`).waitFor({ timeout: 15000 });
    await page.locator('#search-q').fill('patience');
    await page.locator('.search-result a[href*="port-deal"]').first().waitFor({ timeout: 15000 });
    await page.close();
  } finally {
    await miniSite.close();
  }
  assert.deepEqual(browser.problems, []);
});

test('opening /search/ fetches no filter values; opening the filters fetches them and lists them with counts', async () => {
  const page = await browser.newPage();
  const filterFetches: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/filter/')) filterFetches.push(request.url());
  });
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  await page.locator('#search-q').fill('ferries');
  assert.equal(await waitForSearch(page), 'done');
  assert.deepEqual(filterFetches, [], 'neither opening the page nor searching fetches filter values');
  assert.equal(await page.locator('select[data-filter="source"] option').count(), 1, 'only "Any" before the filters are opened');
  await openFilters(page);
  assert.ok(filterFetches.length > 0);
  const sources = await page.locator('select[data-filter="source"] option').allInnerTexts();
  assert.deepEqual(sources.slice(1).map((s) => s.replace(/ \(\d+\)$/, '')), [...new Set(filtersArchive.sources.map((s) => s.name))].sort());
  assert.ok(sources.slice(1).every((s) => / \(\d+\)$/.test(s)), 'each value with its count');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

/**
 * Records, inside the page, the address of every fetch() the page makes, at
 * the moment it is called (Pagefind runs on the page's own thread, so its
 * index requests go through it): `window.__fetched`. Read after an action,
 * it holds every fetch that action started, with no wait on the network.
 */
async function recordFetches(page: Page): Promise<void> {
  await page.addInitScript({
    content: "window.__fetched = []; const pageFetch = window.fetch.bind(window); window.fetch = (input, init) => { window.__fetched.push(String(input instanceof Request ? input.url : input)); return pageFetch(input, init); };",
  });
}

async function fetchedSoFar(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__fetched.map((u) => new URL(u, location.href).pathname)')) as string[];
}

test('opening /search/ loads the index metadata and WebAssembly before it says it is ready, and no web worker, index chunk, result or filter values', async () => {
  const page = await browser.newPage();
  await recordFetches(page);
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  const opened = await fetchedSoFar(page);
  assert.ok(opened.some((u) => /^\/pagefind\/pagefind\.[\w-]+\.pf_meta$/.test(u)), `the index metadata is loaded: ${opened.join(', ')}`);
  assert.ok(opened.some((u) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(u)), `the WebAssembly is loaded: ${opened.join(', ')}`);
  assert.deepEqual(opened.filter((u) => /\/pagefind\/(index|fragment|filter)\//.test(u)), [], 'nothing of the index itself before a query');
  await page.locator('#search-q').fill('ferries');
  assert.equal(await waitForSearch(page), 'done');
  const searched = (await fetchedSoFar(page)).slice(opened.length);
  assert.ok(searched.some((u) => u.startsWith('/pagefind/index/')) && searched.some((u) => u.startsWith('/pagefind/fragment/')), searched.join(', '));
  assert.ok(!searched.some((u) => /\.pf_meta$|\/wasm\./.test(u)), 'the query does not wait for the index to load');
  assert.equal(page.workers().length, 0, 'Pagefind runs without its web worker script');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('while a word is typed, its first two letters fetch no index chunk; the third fetches the chunk of the word', async () => {
  const page = await browser.newPage();
  await recordFetches(page);
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  // The typing pause never ends on its own here: only what each keystroke itself starts is seen.
  await page.clock.install();
  const chunks = async (): Promise<string[]> => (await fetchedSoFar(page)).filter((u) => u.startsWith('/pagefind/index/'));
  await page.locator('#search-q').pressSequentially('fe');
  assert.deepEqual(await chunks(), [], 'a one- or two-letter prefix fetches nothing ahead of the search');
  await page.locator('#search-q').pressSequentially('r');
  assert.ok((await chunks()).length > 0, 'three letters fetch the chunk of the word ahead of the search');
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('common English words are left out of a search that has other words: "the ferries" shows what "ferries" shows; "the" alone still searches', async () => {
  const page = await browser.newPage();
  await page.goto(`${filtersSite.origin}/search/`);
  assert.equal(await waitForSearch(page), 'idle');
  const resultsOf = async (q: string): Promise<{ results: string[]; status: string }> => {
    await page.locator('#search-q').fill(q);
    assert.equal(await waitForSearch(page), 'done');
    return { results: await allResults(page), status: (await page.locator('#search-status').textContent()) ?? '' };
  };
  const ferries = await resultsOf('ferries');
  assert.ok(ferries.results.length > 0);
  assert.deepEqual(await resultsOf('the ferries'), ferries, 'quotes holding "the" but not "ferries" are no hits');
  assert.ok((await resultsOf('the')).results.length > ferries.results.length);
  await page.close();
  assert.deepEqual(browser.problems, []);
});

test('browsing by a filter alone, no words typed, fetches one part of the word index, not all of it', async () => {
  // Generated articles (tests/bench/corpus), enough words for the index to be split into many parts.
  const contentDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-browse-'));
  try {
    await writeCorpus(contentDir, { articles: 40, seed: 1 });
    const generated = await archiveOfContent(contentDir);
    const served = await buildServedSite(generated);
    try {
      const parts = (await readdir(path.join(served.dir, 'pagefind', 'index'))).length;
      assert.ok(parts > 3, `the index has several parts (${parts})`);
      const page = await browser.newPage();
      await recordFetches(page);
      const source = generated.sources[0]!.name;
      await page.goto(`${served.origin}/search/?source=${encodeURIComponent(source)}`);
      assert.equal(await waitForSearch(page), 'done');
      assert.ok((await shownResults(page)).length > 0);
      assert.equal((await fetchedSoFar(page)).filter((u) => u.startsWith('/pagefind/index/')).length, 1);
      await page.close();
    } finally {
      await served.close();
    }
  } finally {
    await rm(contentDir, { recursive: true, force: true });
  }
  assert.deepEqual(browser.problems, []);
});

describe('an archive of English articles with one German and one Chinese', () => {
  const languagesContentDir = fileURLToPath(new URL('../fixtures/site/languages/content/', import.meta.url));
  let mixed: Archive;
  let mixedSite: ServedSite;
  const quoteOf = (words: string): Quote => mixed.quotes.find((q) => q.text.includes(words))!;
  const articleOf = (language: string) => mixed.articles.find((a) => a.language === language)!;

  before(async () => {
    mixed = await archiveOfContent(languagesContentDir);
    mixedSite = await buildServedSite(mixed);
  });
  after(async () => {
    await mixedSite?.close();
  });

  /** Opens /search/ with `params`, waits for it to settle, and returns the addresses shown. */
  async function shownFor(params: string): Promise<string[]> {
    const page = await browser.newPage();
    await page.goto(`${mixedSite.origin}/search/?${params}`);
    await waitForSearch(page);
    const shown = await allResults(page);
    await page.close();
    return shown;
  }

  test('the search page offers each language by name, "All languages" first and chosen', async () => {
    const page = await browser.newPage();
    await page.goto(`${mixedSite.origin}/search/`);
    assert.equal(await waitForSearch(page), 'idle');
    assert.ok(await page.locator('#search-language').isVisible());
    assert.deepEqual(await page.locator('#search-language option').allInnerTexts(), ['All languages', 'Chinese', 'English', 'German']);
    assert.equal(await page.locator('#search-language').inputValue(), '');
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test('an English word finds the English quote under "All languages" and under English', async () => {
    const quote = quoteOf('dredgers');
    assert.ok((await shownFor('q=dredgers')).includes(quote.path), 'All languages');
    assert.ok((await shownFor('q=dredgers&language=en')).includes(quote.path), 'English');
    assert.deepEqual(browser.problems, []);
  });

  test('a German word under German returns the German quote and nothing else, and an English word nothing', async () => {
    const german = articleOf('de');
    const page = await browser.newPage();
    await page.goto(`${mixedSite.origin}/search/`);
    assert.equal(await waitForSearch(page), 'idle');
    // Choosing a language opens the page again with the choice in its address.
    await Promise.all([page.waitForEvent('load'), page.locator('#search-language').selectOption('de')]);
    assert.match(page.url(), /[?&]language=de(&|$)/);
    assert.equal(await waitForSearch(page), 'idle');
    assert.equal(await page.locator('#search-language').inputValue(), 'de');
    await page.locator('#search-q').fill('Tarifvertrag');
    const shown = await allResults(page);
    assert.deepEqual(shown, [quoteOf('Tarifvertrag').path]);
    assert.ok(shown[0]!.startsWith(german.path));
    assert.match(decodeURIComponent(page.url()), /q=Tarifvertrag/);
    await page.locator('#search-q').fill('dredgers');
    assert.deepEqual(await allResults(page), []);
    assert.equal(await page.locator('#search-status').innerText(), 'No results.');
    await page.close();
    assert.deepEqual(browser.problems, []);
  });

  test('a Chinese word under Chinese finds the Chinese article', async () => {
    assert.deepEqual(await shownFor('q=码头&language=zh'), [articleOf('zh').path]);
    assert.deepEqual(browser.problems, []);
  });
});
