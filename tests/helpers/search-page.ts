/**
 * Driving the search page (`/search/`) in Chromium without guessing how long
 * a search takes: the page's script marks its results list with
 * `data-state` (see public/search.js), and these helpers wait on it.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The states the results list ends a step in. */
export type SettledState = 'done' | 'failed' | 'idle';

/** Longest wait for the page to settle; reaching it fails the test, never passes it. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * Waits until the search page has finished what it was doing: results of
 * the current page written (`done`), nothing to search (`idle`) or the index
 * failed (`failed`). Call it after an action that starts a search (typing
 * sets `pending` at once, a filter or "show more" sets `searching`).
 * `timeoutMs` bounds the wait (30 s unless said); reaching it fails.
 */
export async function waitForSearch(page: Page, timeoutMs = SETTLE_LIMIT_MS): Promise<SettledState> {
  const list = page.locator('#search-results[data-state="done"], #search-results[data-state="idle"], #search-results[data-state="failed"]');
  await list.waitFor({ state: 'attached', timeout: timeoutMs });
  return (await list.getAttribute('data-state')) as SettledState;
}

/** Addresses of the results shown now, in order. */
export async function shownResults(page: Page): Promise<string[]> {
  return page.locator('#search-results .search-result a.search-result__title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * Presses "Show more results" until every result is shown, and returns the
 * addresses of them all. Each press must add results.
 */
export async function allResults(page: Page): Promise<string[]> {
  assert.equal(await waitForSearch(page), 'done');
  for (;;) {
    const before = await page.locator('#search-results .search-result').count();
    const more = page.locator('button.search-more');
    if ((await more.count()) === 0) break;
    await more.click();
    assert.equal(await waitForSearch(page), 'done');
    assert.ok((await page.locator('#search-results .search-result').count()) > before, '"Show more results" adds results');
  }
  return shownResults(page);
}

/**
 * Opens the search page's filters, which loads their values (never before:
 * they are the largest part of the index), and waits until they are filled.
 */
export async function openFilters(page: Page): Promise<void> {
  await page.locator('#search-filters summary').click();
  await page.locator('#search-filters[data-state="ready"]').waitFor({ state: 'attached', timeout: SETTLE_LIMIT_MS });
}
