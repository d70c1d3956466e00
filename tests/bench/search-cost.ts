/**
 * What search costs a reader, in headless Chromium on the built site served
 * on 127.0.0.1: bytes fetched when opening /search/, bytes a query then
 * fetches, and the time from the last keystroke to the first result on
 * screen. Bytes are counted where they are sent, at the server (the body
 * bytes of every response; the server does not compress, Pagefind's files
 * come compressed): the page's own DevTools count misses what Pagefind
 * fetches from its web worker. Each query starts from a fresh browser profile, as a first
 * visit does. Times are read inside the page (performance.now at the last
 * `input` event and when the first result element is attached, by a
 * MutationObserver), so no clock outside the page is involved; they
 * include the page's own typing debounce.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { serveSite } from '../../src/site/serve.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { waitForSearch } from '../helpers/search-page.ts';

/** Longest wait for the page to settle; reaching it fails the measurement. */
const SETTLE_LIMIT_MS = 120_000;

export interface QueryCost {
  query: string;
  /** Bytes fetched while opening /search/ (page, script, index metadata, filters), before typing. */
  openBytes: number;
  openRequests: number;
  /** Bytes fetched after typing the query, until its first page of results is written. */
  queryBytes: number;
  queryRequests: number;
  /** From the last keystroke to the first result attached to the page, ms (includes the page's debounce). */
  firstResultMs: number;
  /** Results the page reports ("12 quotes and 3 articles."). */
  status: string;
}

/** Counts the body bytes and responses a server sends, from the moment of the last reset. */
interface ByteCounter {
  bytes: () => number;
  requests: () => number;
  reset: () => void;
}

function countServedBytes(server: Server): ByteCounter {
  let bytes = 0;
  let requests = 0;
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    // The server's handler is asynchronous (it reads the file first), so this wrapper is in place before it writes.
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      const chunk = args[0];
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) bytes += Buffer.byteLength(chunk);
      requests++;
      return end(...args);
    }) as ServerResponse['end'];
  });
  return { bytes: () => bytes, requests: () => requests, reset: () => ((bytes = 0), (requests = 0)) };
}

/** Waits until the results list says the page has settled (public/search.js sets `data-state`). */
async function settled(page: Page): Promise<void> {
  if ((await waitForSearch(page, SETTLE_LIMIT_MS)) === 'failed') throw new Error('the search page could not load its index');
}

async function measureQuery(origin: string, counter: ByteCounter, query: string): Promise<QueryCost> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    counter.reset();
    await page.goto(`${origin}/search/`, { waitUntil: 'load' });
    await settled(page);
    const openBytes = counter.bytes();
    const openRequests = counter.requests();
    counter.reset();
    // Armed before typing: the moment of each input event, and of the first result element attached after
    // it. Each input starts the wait again: on a loaded machine a pause between two keystrokes can outlast
    // the page's typing pause, and the results of the words typed so far must not count for the last ones.
    await page.evaluate(`(() => {
      const list = document.getElementById('search-results');
      const input = document.getElementById('search-q');
      window.__bench = { lastInput: 0, firstResult: 0 };
      new MutationObserver(() => {
        if (window.__bench.firstResult === 0 && list.querySelector('.search-result, li')) window.__bench.firstResult = performance.now();
      }).observe(list, { childList: true, subtree: true });
      input.addEventListener('input', () => { window.__bench.lastInput = performance.now(); window.__bench.firstResult = 0; });
    })()`);
    await page.locator('#search-q').pressSequentially(query);
    await settled(page);
    const firstResultMs = (await page.evaluate('window.__bench.firstResult - window.__bench.lastInput')) as number;
    return {
      query,
      openBytes,
      openRequests,
      queryBytes: counter.bytes(),
      queryRequests: counter.requests(),
      firstResultMs: Math.round(firstResultMs),
      status: (await page.locator('#search-status').textContent())?.trim() ?? '',
    };
  } finally {
    await browser.close();
  }
}

/** Serves `siteDir` and measures each query from a fresh browser. */
export async function measureSearch(siteDir: string, queries: string[]): Promise<QueryCost[]> {
  const server = await serveSite(siteDir, { port: 0, announce: false });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const counter = countServedBytes(server);
  try {
    const out: QueryCost[] = [];
    for (const query of queries) out.push(await measureQuery(origin, counter, query));
    return out;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
