/**
 * Charts drawn at build time: the month series, the geometry of stacked
 * bars, the SVG they become, and the timeline and speaker pages of a real
 * build carrying them with their text alternatives. (That the SVG parses as
 * XML is checked by Chromium's parser, in tests/browser/charts.test.ts.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { countByMonth, monthRange } from '../src/render/charts/month-series.ts';
import { layoutStackedBars, niceScale, type ChartBox } from '../src/render/charts/stacked-bars.ts';
import { renderStackedBarsSvg } from '../src/render/charts/chart-svg.ts';
import { toSpeakerActivityCharts, toTimelineChart } from '../src/site/chart-views.ts';
import { buildSite } from '../src/site/build-site.ts';
import { buildArchiveFromFacts } from './fixtures/site/archive-from-facts.ts';
import type { Archive } from '../src/archive/types.ts';

const box: ChartBox = { width: 200, height: 120, margin: { top: 10, right: 0, bottom: 10, left: 0 } };

test('a month range runs over year ends and includes both ends', () => {
  assert.deepEqual(monthRange('2020-11', '2021-02'), ['2020-11', '2020-12', '2021-01', '2021-02']);
  assert.deepEqual(monthRange('2021-03', '2021-03'), ['2021-03']);
});

test('counts per month put each item in its series and month, and months without items are zeros', () => {
  const items = [{ m: '2021-01', s: 'a' }, { m: '2021-03', s: 'a' }, { m: '2021-03', s: 'b' }, { m: '2020-12', s: 'a' }, { m: '2021-01', s: 'zzz' }];
  const series = countByMonth(items, ['2021-01', '2021-02', '2021-03'], [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], (i) => i.m, (i) => i.s);
  assert.deepEqual(series, [{ key: 'a', label: 'A', values: [1, 0, 1] }, { key: 'b', label: 'B', values: [0, 0, 1] }]);
});

test('the value axis tops out at a round number at or above the largest bar', () => {
  assert.deepEqual(niceScale(7), { max: 8, step: 2 });
  assert.deepEqual(niceScale(385), { max: 400, step: 100 });
  assert.deepEqual(niceScale(1), { max: 1, step: 1 });
  assert.deepEqual(niceScale(0), { max: 1, step: 1 });
});

test('stacked bars share the baseline, stack in series order, and scale to the plot height', () => {
  const layout = layoutStackedBars([{ key: 'a', label: 'A', values: [2, 0, 1] }, { key: 'b', label: 'B', values: [2, 0, 0] }], 3, box, { gap: 0.5, ticks: 4 });
  assert.equal(layout.max, 4);
  assert.deepEqual(layout.plot, { x: 0, y: 10, width: 200, height: 100 });
  // Month 0: A from the baseline (110) up to 60, B from 60 up to the top (10); month 1 has no segment.
  assert.deepEqual(layout.segments.map((s) => [s.category, s.series, s.x, s.y, s.width, s.height]), [
    [0, 0, 16.67, 60, 33.33, 50],
    [0, 1, 16.67, 10, 33.33, 50],
    [2, 0, 150, 85, 33.33, 25],
  ]);
  assert.deepEqual(layout.totals.map((t) => t.value), [4, 0, 1]);
  assert.deepEqual(layout.yTicks, [{ value: 0, y: 110 }, { value: 1, y: 85 }, { value: 2, y: 60 }, { value: 3, y: 35 }, { value: 4, y: 10 }]);
});

test('the SVG names itself for screen readers, colours by class, escapes labels and has no style attribute', () => {
  const series = [{ key: 'a', label: 'A <b> & "c"', values: [1, 2] }];
  const svg = renderStackedBarsSvg(layoutStackedBars(series, 2, box), series, {
    idPrefix: 'c', title: 'Quotes & more', desc: 'Two <months>', categoryLabels: ['January 2021', 'February 2021'], xLabels: [{ category: 0, label: '2021' }], seriesClasses: ['chart__series-1'],
  });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart__svg" viewBox="0 0 200 120" role="img" aria-labelledby="c-title c-desc">/);
  assert.match(svg, /<title id="c-title">Quotes &amp; more<\/title><desc id="c-desc">Two &lt;months&gt;<\/desc>/);
  assert.equal(svg.match(/<rect class="chart__series-1"/g)?.length, 2);
  assert.match(svg, /<title>February 2021: 2 quotes<\/title>/);
  assert.doesNotMatch(svg, /style=|fill="#/);
});

test('the timeline stacks the five most-quoted speakers and counts the rest, unnamed speakers too, as Others', () => {
  const quotes = (speakerId: string | null, n: number, date: string) => Array.from({ length: n }, (_, i) => ({ id: `${speakerId}-${date}-${i}`, articleId: date, speakerId, date }));
  const speakers = ['s1', 's2', 's3', 's4', 's5', 's6'].map((id, i) => ({ id, name: `Speaker ${i + 1}`, quoteIds: Array.from({ length: 10 - i }, (_, k) => `${id}-${k}`) }));
  const archive = {
    articles: [{ id: '2021-01-05', date: '2021-01-05' }, { id: '2021-03-02', date: '2021-03-02' }],
    quotes: [...quotes('s1', 3, '2021-01-05'), ...quotes('s6', 2, '2021-01-05'), ...quotes(null, 1, '2021-03-02'), ...quotes('s2', 1, '2021-03-02')],
    speakers,
  } as unknown as Archive;
  const chart = toTimelineChart(archive);
  assert.ok(chart);
  assert.deepEqual(chart.legend.map((s) => [s.label, s.total]), [['Speaker 1', 3], ['Speaker 2', 1], ['Speaker 3', 0], ['Speaker 4', 0], ['Speaker 5', 0], ['Others', 3]]);
  assert.deepEqual(chart.table.rows.map((r) => [r.month, r.total]), [['2021-01', 5], ['2021-02', 0], ['2021-03', 2]]);
  assert.equal(toTimelineChart({ articles: [], quotes: [], speakers: [] } as unknown as Archive), null);
});

const miniProject = fileURLToPath(new URL('fixtures/site/mini/', import.meta.url));
let workDir = '';
let archive: Archive;

before(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-charts-'));
  archive = await buildArchiveFromFacts(miniProject);
  assert.deepEqual(await buildSite(archive, workDir, { search: false }), []);
});

after(async () => {
  await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function page(url: string): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await readFile(path.join(workDir, url, 'index.html'), 'utf8'));
}

test('the timeline page shows the chart with its title, description, legend and a table whose totals are every quote', async () => {
  const $ = await page('timeline');
  const svg = $('figure.chart--timeline > svg[role="img"]');
  assert.equal(svg.length, 1);
  const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
  assert.ok($(`title#${titleId}`).text().length > 0 && $(`desc#${descId}`).text().includes(`${archive.quotes.length} quote`));
  assert.ok(svg.find('rect').length > 0);
  assert.equal($('.chart__legend li').length, $('.chart__table thead th').length - 2, 'a legend entry per series column');
  const total = $('.chart__table tbody tr').map((_, tr) => Number($(tr).find('td').last().text())).get().reduce((a: number, b: number) => a + b, 0);
  assert.equal(total, archive.quotes.length);
  assert.equal($('[style]').length, 0, 'no inline style attribute');
});

test('a speaker page shows an activity chart summarized in words, counting the speaker\'s quotes', async () => {
  const speaker = archive.speakers.find((s) => s.quoteIds.length > 0);
  assert.ok(speaker);
  const $ = await page(speaker.path.slice(1));
  const svg = $('figure.chart--activity > svg[role="img"]');
  assert.equal(svg.length, 1);
  const summary = $('figure.chart--activity figcaption.chart__summary').text();
  assert.match(summary, new RegExp(`^${speaker.quoteIds.length} quotes?`));
  assert.equal($(`desc#activity-chart-desc`).text(), summary);
  assert.equal(toSpeakerActivityCharts(archive).size, archive.speakers.filter((s) => s.quoteIds.length > 0).length, 'a chart for every quoted speaker');
});
