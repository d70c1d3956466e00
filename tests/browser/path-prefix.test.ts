/**
 * A site hosted in a sub-folder (a GitHub Pages project site,
 * example.org/archive/): the sample articles built by the command line with
 * `pathPrefix: /archive/` in `content/site.yml`, served under `/archive/`
 * only (nothing at the root), then checked by the link checker and used in
 * real Chromium: a search finds a quote and its hit lands on it. Waits are
 * on the page's own `data-state` and on navigation, never on a clock.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive, Quote } from '../../src/archive/types.ts';
import { runCli } from '../../src/cli.ts';
import { serveSite } from '../../src/site/serve.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';
import { checkSiteLinks } from '../helpers/link-check.ts';
import { waitForSearch } from '../helpers/search-page.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const PREFIX = '/archive/';

let project: string;
let site: string;
let archive: Archive;
let server: Server;
let origin: string;
let browser: BrowserSession;

before(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'qa-prefix-'));
  await cp(contentDir, path.join(project, 'content'), { recursive: true });
  await writeFile(path.join(project, 'content', 'site.yml'), `title: Prefixed archive\npathPrefix: ${PREFIX}\n`);
  site = path.join(project, '_site');
  const out: string[] = [];
  const io = { stdout: (t: string) => { out.push(t); }, stderr: (t: string) => { out.push(t); } };
  assert.equal(await runCli(['build', '--content', path.join(project, 'content'), '--out', site, '--no-cache'], io), 0, out.join(''));
  archive = JSON.parse(await readFile(path.join(site, 'archive.json'), 'utf8')) as Archive;
  server = await serveSite(site, { port: 0, announce: false, pathPrefix: PREFIX });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await rm(project, { recursive: true, force: true });
});

test('built with pathPrefix /archive/, every link, script, stylesheet and form of every page resolves under /archive/', () => {
  const { checked, problems } = checkSiteLinks(site, PREFIX);
  assert.ok(checked > 50, `checked ${checked} links`);
  assert.deepEqual(problems, []);
});

test('served under /archive/, the 404 page answers unknown paths with its stylesheet and search form under the prefix, and nothing is served at the root', async () => {
  const missing = await fetch(`${origin}${PREFIX}no/such/page/`);
  assert.equal(missing.status, 404);
  const html = await missing.text();
  assert.match(html, /Page not found/);
  assert.match(html, /href="\/archive\/style\.css"/);
  assert.match(html, /action="\/archive\/search\/"/);
  assert.equal((await fetch(`${origin}/style.css`)).status, 404);
  assert.equal((await fetch(`${origin}${PREFIX}style.css`)).status, 200);
  const page = await browser.newPage();
  await page.goto(`${origin}${PREFIX}no/such/page/`);
  // The stylesheet under the prefix loaded and applies.
  assert.ok(await page.evaluate('Array.from(document.styleSheets).some((sheet) => sheet.href.endsWith("/archive/style.css") && sheet.cssRules.length > 0)'));
  await page.close();
  // Chromium logs the page's own 404 status as a console error: that one is expected here, not a problem of the site.
  assert.ok(browser.problems.every((p) => /status of 404/.test(p)), browser.problems.join('\n'));
  browser.problems.length = 0;
});

test('under /archive/, searching for words of a quote finds it and its hit lands on the quote inside its article', async () => {
  const quote: Quote | undefined = archive.quotes.filter((q) => q.speakerId && q.text.split(/\s+/).length >= 8).sort((a, b) => b.text.length - a.text.length)[0];
  assert.ok(quote);
  const words = quote.text.replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter((w) => w.length > 3).slice(1, 5).join(' ');
  const page = await browser.newPage();
  await page.goto(`${origin}${PREFIX}search/`);
  await page.locator('#search-q').fill(words);
  assert.equal(await waitForSearch(page), 'done');
  const hit = page.locator(`.search-result a[href="${PREFIX.slice(0, -1)}${quote.path}"]`);
  assert.equal(await hit.count(), 1, 'the hit links to the quote under the prefix');
  await hit.click();
  await page.waitForURL(`${origin}${PREFIX.slice(0, -1)}${quote.path}`);
  assert.equal(await page.locator(':target').getAttribute('id'), quote.id);
  await page.close();
  assert.deepEqual(browser.problems, []);
});
