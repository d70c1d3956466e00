/**
 * Citing a quote, in headless Chromium on a real build served by the
 * project's server: the "Cite" control of an article page and of a speaker
 * page fetches the citation script only when first opened, formats the quote
 * with citation-js under the site's strict CSP, and each copy button puts
 * the exact text on the clipboard. The fixture article has a byline and an
 * original url, so every part of the reference shows.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { archiveOfContent, buildServedSite, type ServedSite } from '../helpers/served-site.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';

const content = fileURLToPath(new URL('../fixtures/citation/content/', import.meta.url));
const ARTICLE = '/articles/2023-03-09-port-strike-enters-second-week/';
const QUOTE_ID = 'q-1ae35dbe15';
const SPEAKER = '/speakers/pieter-van-der-berg/';

let site: ServedSite;
let session: BrowserSession;

before(async () => {
  site = await buildServedSite(await archiveOfContent(content));
  session = await launchBrowser();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
});

after(async () => {
  await session?.close();
  await site?.close();
});

/** Opens the quote's control and waits until the citation script has filled it. */
async function openCite(page: Page, quoteId: string): Promise<void> {
  await page.click(`details.cite[data-cite-quote-id="${quoteId}"] > summary`);
  await page.waitForSelector(`details.cite[data-cite-quote-id="${quoteId}"][data-cite-state="ready"]`);
}

/** Presses a format's copy button, waits for its "Copied" status, and reads the clipboard. */
async function copyFormat(page: Page, quoteId: string, format: string): Promise<string> {
  const block = `details.cite[data-cite-quote-id="${quoteId}"] [data-cite-format="${format}"]`;
  await page.click(`${block} .cite__copy`);
  await page.waitForSelector(`${block} .cite__status:text("Copied")`);
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

const APA = 'Doe, J. (2023, March 9). Port strike enters second week. Harbour Gazette. https://example.com/port-strike';

test('an article page fetches the citation script only when a Cite control is opened, and copies the exact APA, BibTeX, Chicago, MLA, plain text and CSL-JSON', async () => {
  const page = await session.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/citation.js')) scripts.push(request.url());
  });
  await page.goto(site.origin + ARTICLE);
  await page.waitForLoadState('load');
  assert.deepEqual(scripts, [], 'reading the article fetches no citation script');
  await openCite(page, QUOTE_ID);
  assert.equal(scripts.length, 1, 'opening the control fetches the citation script once');

  const permalink = `${site.origin}${ARTICLE}#${QUOTE_ID}`;
  assert.equal(await copyFormat(page, QUOTE_ID, 'apa'), APA);
  assert.equal(
    await copyFormat(page, QUOTE_ID, 'bibtex'),
    [
      '@article{Doe2023Port,',
      '\tauthor = {Doe, Jane},',
      '\tjournal = {Harbour Gazette},',
      '\tyear = {2023},',
      '\tmonth = {mar 9},',
      "\tnote = {Pieter van der Berg: ``We are not going back until the safety rules change''},",
      '\ttitle = {Port strike enters second week},',
      '\turl = {https://example.com/port-strike},',
      '\thowpublished = {https://example.com/port-strike},',
      '}',
    ].join('\n'),
  );
  assert.equal(await copyFormat(page, QUOTE_ID, 'chicago'), 'Doe, Jane. 2023. “Port Strike Enters Second Week.” Harbour Gazette, March 9, 2023. https://example.com/port-strike.');
  assert.equal(await copyFormat(page, QUOTE_ID, 'mla'), 'Doe, Jane. “Port Strike Enters Second Week.” Harbour Gazette, 9 Mar. 2023, https://example.com/port-strike.');
  assert.equal(await copyFormat(page, QUOTE_ID, 'plain'), `“We are not going back until the safety rules change” (Pieter van der Berg), quoted in ${APA}`);
  const csl = JSON.parse(await copyFormat(page, QUOTE_ID, 'csl-json')) as Record<string, unknown>[];
  assert.equal(csl.length, 1);
  assert.deepEqual(csl[0], {
    id: QUOTE_ID,
    type: 'article-newspaper',
    title: 'Port strike enters second week',
    'container-title': 'Harbour Gazette',
    issued: { 'date-parts': [[2023, 3, 9]] },
    URL: 'https://example.com/port-strike',
    author: [{ family: 'Doe', given: 'Jane' }],
    note: 'Pieter van der Berg: “We are not going back until the safety rules change”',
    custom: { quote: 'We are not going back until the safety rules change', speaker: 'Pieter van der Berg', permalink, originalUrl: 'https://example.com/port-strike' },
  });

  // A second control on the page reuses the script already loaded.
  await openCite(page, 'q-3c5c3b2302');
  assert.equal(scripts.length, 1, 'the citation script is fetched once per page');
  assert.match(await copyFormat(page, 'q-3c5c3b2302', 'plain'), /^“talks would resume on Monday” \(The port authority\), quoted in Doe, J\./);
  assert.deepEqual(session.problems, [], 'no console error, page error or CSP violation');
  await page.close();
});

test("a quote's At the source link opens the original article at the quote's first words with a text fragment", async () => {
  const page = await session.newPage();
  await page.goto(site.origin + ARTICLE);
  const href = await page.getAttribute(`details.cite[data-cite-quote-id="${QUOTE_ID}"] .cite__source a`, 'href');
  assert.equal(href, 'https://example.com/port-strike#:~:text=We%20are%20not%20going%20back%20until%20the%20safety');
  await page.close();
});

test("a speaker page's Cite control copies the same APA reference for the quote", async () => {
  const page = await session.newPage();
  await page.goto(site.origin + SPEAKER);
  await openCite(page, QUOTE_ID);
  assert.equal(await copyFormat(page, QUOTE_ID, 'apa'), APA);
  const csl = JSON.parse(await copyFormat(page, QUOTE_ID, 'csl-json')) as { custom: { permalink: string; quote: string } }[];
  assert.equal(csl[0]?.custom.quote, 'We are not going back until the safety rules change', "the quote's words, read from its card");
  assert.equal(csl[0]?.custom.permalink, `${site.origin}${ARTICLE}#${QUOTE_ID}`, 'the permalink is the quote in its article page');
  assert.deepEqual(session.problems, [], 'no console error, page error or CSP violation');
  await page.close();
});

test("a speaker page gives an article's fields once for its run of quotes, and the Cite control of a later quote of that article copies the same APA reference", async () => {
  const page = await session.newPage();
  await page.goto(site.origin + SPEAKER);
  const controls = await page.$$eval('.quote-card details.cite', (elements) => elements.map((d) => ({ id: d.getAttribute('data-cite-quote-id') ?? '', title: d.hasAttribute('data-cite-title') })));
  assert.equal(controls.length, 2, 'the speaker has two quotes in the fixture article');
  assert.deepEqual(controls.map((c) => c.title), [true, false], 'only the first control of the run carries the article');
  const later = controls[1]!.id;
  await openCite(page, later);
  assert.equal(await copyFormat(page, later, 'apa'), APA);
  const csl = JSON.parse(await copyFormat(page, later, 'csl-json')) as { custom: { permalink: string; quote: string } }[];
  assert.equal(csl[0]?.custom.quote, 'Our members have waited long enough for a safe port');
  assert.equal(csl[0]?.custom.permalink, `${site.origin}${ARTICLE}#${later}`, "the later quote's own permalink, read from its card");
  assert.match(await copyFormat(page, later, 'plain'), /Pieter van der Berg/, 'the speaker, named once by the list of quotes');
  assert.equal(await page.$$eval('.quote-card details.cite[data-cite-speaker], .quote-card details.cite[data-cite-permalink]', (elements) => elements.length), 0, 'no control repeats the speaker or the permalink');
  assert.deepEqual(session.problems, [], 'no console error, page error or CSP violation');
  await page.close();
});
