/**
 * The build-time charts in Chromium: the SVG exactly as the page files hold
 * it parses as XML (image/svg+xml, Chromium's strict parser), and the pages
 * draw it with a size, under the strict CSP, without running any script of
 * their own for it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveOfContent, buildServedSite, type ServedSite } from '../helpers/served-site.ts';
import { launchBrowser, type BrowserSession } from '../helpers/browser.ts';

const content = fileURLToPath(new URL('../fixtures/citation/content/', import.meta.url));
const PAGES = ['/timeline/', '/speakers/pieter-van-der-berg/'];

let site: ServedSite;
let session: BrowserSession;

before(async () => {
  site = await buildServedSite(await archiveOfContent(content));
  session = await launchBrowser();
});

after(async () => {
  await session?.close();
  await site?.close();
});

for (const url of PAGES) {
  test(`the chart of ${url} is well-formed SVG and is drawn with a size`, async () => {
    const html = await readFile(path.join(site.dir, url, 'index.html'), 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(svgs.length, 1, 'one chart on the page');
    const page = await session.newPage();
    await page.goto(site.origin + url);
    const parsed = await page.evaluate(`(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(svgs[0])}, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      return { error: error ? error.textContent : null, root: doc.documentElement.localName, rects: doc.querySelectorAll('rect').length };
    })()`) as { error: string | null; root: string; rects: number };
    assert.deepEqual(parsed.error, null, 'parses as XML');
    assert.equal(parsed.root, 'svg');
    assert.ok(parsed.rects > 0, 'has bars');
    const size = await page.evaluate(`(() => { const r = document.querySelector('figure.chart svg').getBoundingClientRect(); return [r.width, r.height]; })()`) as number[];
    assert.ok((size[0] ?? 0) > 100 && (size[1] ?? 0) > 30, `drawn with a size (${size.join('×')})`);
    assert.deepEqual(session.problems, [], 'no console error, page error or CSP violation');
    await page.close();
  });
}
