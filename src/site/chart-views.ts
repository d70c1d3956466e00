/**
 * The charts of the timeline and the speaker pages, made at build time from
 * the archive: quotes per month, counted in the month of the article that
 * reported them (as the timeline's lists count them). The timeline stacks
 * the most-quoted speakers, the rest (unnamed speakers included) as
 * "Others"; a speaker page shows that speaker's quotes per month over the
 * archive's whole range, so two speakers' charts line up. Pure.
 */
import type { Archive, Article, Quote } from '../archive/types.ts';
import { formatMonthLabel } from '../render/dates.ts';
import { countByMonth, monthRange, type MonthSeries } from '../render/charts/month-series.ts';
import { layoutStackedBars, type ChartBox } from '../render/charts/stacked-bars.ts';
import { renderStackedBarsSvg } from '../render/charts/chart-svg.ts';

/** How many speakers the timeline stacks by name. */
export const TOP_SPEAKERS = 5;

const TIMELINE_BOX: ChartBox = { width: 720, height: 260, margin: { top: 10, right: 8, bottom: 26, left: 40 } };
const ACTIVITY_BOX: ChartBox = { width: 360, height: 110, margin: { top: 6, right: 6, bottom: 22, left: 30 } };

export interface TimelineChartView {
  svg: string;
  /** The series, as the legend shows them. */
  legend: { label: string; className: string; total: number }[];
  /** The chart's numbers: a row per month. */
  table: { columns: string[]; rows: { month: string; label: string; values: number[]; total: number }[] };
}

export interface ActivityChartView {
  svg: string;
  /** The chart in words, shown under it. */
  summary: string;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A year under the axis at each January, and at the first month. */
function yearLabels(months: readonly string[]): { category: number; label: string }[] {
  return months.flatMap((m, i) => (i === 0 || m.endsWith('-01') ? [{ category: i, label: m.slice(0, 4) }] : []));
}

/** The month (`YYYY-MM`) each quote counts in: its article's. */
function monthOfQuote(articleById: ReadonlyMap<string, Article>): (q: Quote) => string {
  return (q) => (articleById.get(q.articleId)?.date ?? q.date).slice(0, 7);
}

/** The archive's months, from the first to the last month with a quote; empty without quotes. */
function quoteMonths(archive: Archive, monthOf: (q: Quote) => string): string[] {
  let first = '';
  let last = '';
  for (const q of archive.quotes) {
    const m = monthOf(q);
    if (!first || m < first) first = m;
    if (!last || m > last) last = m;
  }
  return first ? monthRange(first, last) : [];
}

function busiest(months: readonly string[], totals: readonly number[]): { label: string; value: number } {
  let best = 0;
  totals.forEach((t, i) => {
    if (t > (totals[best] ?? 0)) best = i;
  });
  return { label: formatMonthLabel(months[best] ?? ''), value: totals[best] ?? 0 };
}

/** The timeline's chart, or null when the archive has no quotes. */
export function toTimelineChart(archive: Archive): TimelineChartView | null {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const monthOf = monthOfQuote(articleById);
  const months = quoteMonths(archive, monthOf);
  if (months.length === 0) return null;
  const top = archive.speakers
    .filter((s) => s.quoteIds.length > 0)
    .sort((x, y) => y.quoteIds.length - x.quoteIds.length || compareStrings(x.name, y.name))
    .slice(0, TOP_SPEAKERS);
  const topIds = new Set(top.map((s) => s.id));
  const seriesKeys = [...top.map((s) => ({ key: s.id, label: s.name })), { key: '', label: 'Others' }];
  const series: MonthSeries[] = countByMonth(archive.quotes, months, seriesKeys, monthOf, (q) => (q.speakerId && topIds.has(q.speakerId) ? q.speakerId : ''));
  // "Others" is drawn only when some quote falls in it.
  const shown = series.filter((s, i) => i < top.length || s.values.some((v) => v > 0));
  const classes = shown.map((s, i) => (s.key === '' ? 'chart__series-others' : `chart__series-${i + 1}`));
  const totals = months.map((_, c) => shown.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const peak = busiest(months, totals);
  const range = `${formatMonthLabel(months[0] ?? '')} to ${formatMonthLabel(months[months.length - 1] ?? '')}`;
  const desc = `${plural(total, 'quote', 'quotes')} from ${range}, by the month of the article; the busiest month was ${peak.label}, with ${plural(peak.value, 'quote', 'quotes')}. Stacked from the bottom: ${shown.map((s) => `${s.label} (${s.values.reduce((a, b) => a + b, 0)})`).join(', ')}.`;
  const layout = layoutStackedBars(shown, months.length, TIMELINE_BOX);
  const labels = months.map(formatMonthLabel);
  return {
    svg: renderStackedBarsSvg(layout, shown, { idPrefix: 'timeline-chart', title: 'Quotes per month, by speaker', desc, categoryLabels: labels, xLabels: yearLabels(months), seriesClasses: classes }),
    legend: shown.map((s, i) => ({ label: s.label, className: classes[i] ?? '', total: s.values.reduce((a, b) => a + b, 0) })),
    table: {
      columns: shown.map((s) => s.label),
      rows: months.map((month, c) => ({ month, label: labels[c] ?? month, values: shown.map((s) => s.values[c] ?? 0), total: totals[c] ?? 0 })),
    },
  };
}

/** Each quoted speaker's activity chart, by speaker id. */
export function toSpeakerActivityCharts(archive: Archive): Map<string, ActivityChartView> {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const quoteById = new Map(archive.quotes.map((q) => [q.id, q]));
  const monthOf = monthOfQuote(articleById);
  const months = quoteMonths(archive, monthOf);
  const charts = new Map<string, ActivityChartView>();
  if (months.length === 0) return charts;
  const labels = months.map(formatMonthLabel);
  const xLabels = yearLabels(months);
  for (const speaker of archive.speakers) {
    const quotes = speaker.quoteIds.map((id) => quoteById.get(id)).filter((q): q is Quote => q !== undefined);
    if (quotes.length === 0) continue;
    const series = countByMonth(quotes, months, [{ key: 'all', label: speaker.name }], monthOf, () => 'all');
    const values = series[0]?.values ?? [];
    const active = values.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
    const peak = busiest(months, values);
    const first = labels[active[0] ?? 0] ?? '';
    const last = labels[active[active.length - 1] ?? 0] ?? '';
    const summary = active.length === 1
      ? `${plural(quotes.length, 'quote', 'quotes')}, all in ${first}.`
      : `${plural(quotes.length, 'quote', 'quotes')} in ${plural(active.length, 'month', 'months')}, from ${first} to ${last}; the busiest month was ${peak.label}, with ${plural(peak.value, 'quote', 'quotes')}.`;
    const layout = layoutStackedBars(series, months.length, ACTIVITY_BOX, { ticks: 2 });
    charts.set(speaker.id, {
      svg: renderStackedBarsSvg(layout, series, { idPrefix: 'activity-chart', title: `Quotes by ${speaker.name} per month`, desc: summary, categoryLabels: labels, xLabels, seriesClasses: ['chart__series-1'] }),
      summary,
    });
  }
  return charts;
}
