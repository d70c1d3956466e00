/**
 * Geometry of a stacked bar chart: where each bar segment, axis tick and
 * label goes in SVG user units. Pure numbers, rounded to hundredths so the
 * same data always gives the same bytes; drawing is `chart-svg.ts`'s job.
 */
import type { MonthSeries } from './month-series.ts';

/** The drawing area and the room kept around the plot for axes. */
export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface BarSegment {
  /** Index of the month (category). */
  category: number;
  /** Index of the series, 0 at the bottom of the stack. */
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StackedBarLayout {
  box: ChartBox;
  /** The plot area inside the margins. */
  plot: { x: number; y: number; width: number; height: number };
  /** The value the top of the plot stands for. */
  max: number;
  /** Non-empty segments, by category then series. */
  segments: BarSegment[];
  /** Total per category, and the x of its bar's centre. */
  totals: { category: number; value: number; x: number; width: number }[];
  yTicks: { value: number; y: number }[];
}

/** Rounds to hundredths, so the SVG text does not depend on float noise. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The smallest "nice" axis top at or above `max` (1, 2, 2.5 or 5 times a
 * power of ten, divided into `ticks` steps of whole numbers when it can be).
 */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough && (s >= 1 ? Number.isInteger(s) : true)) ?? 10 * power;
  const wholeStep = Math.max(1, step);
  return { max: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/** Lays out bars for `series` (each with a value per category), stacked in series order, in `box`. */
export function layoutStackedBars(series: readonly MonthSeries[], categoryCount: number, box: ChartBox, options: { gap?: number; ticks?: number } = {}): StackedBarLayout {
  const plot = {
    x: box.margin.left,
    y: box.margin.top,
    width: box.width - box.margin.left - box.margin.right,
    height: box.height - box.margin.top - box.margin.bottom,
  };
  const totals = Array.from({ length: categoryCount }, (_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const { max, step } = niceScale(Math.max(0, ...totals), options.ticks ?? 4);
  const slot = categoryCount > 0 ? plot.width / categoryCount : plot.width;
  // A gap between bars, as a share of the slot; thin bars of long ranges keep at least a hairline gap.
  const gap = slot * (options.gap ?? 0.2);
  const barWidth = Math.max(slot - gap, 0.5);
  const scale = (v: number): number => (v / max) * plot.height;
  const segments: BarSegment[] = [];
  const totalsOut: StackedBarLayout['totals'] = [];
  for (let c = 0; c < categoryCount; c++) {
    const x = plot.x + c * slot + (slot - barWidth) / 2;
    let stacked = 0;
    series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      if (value <= 0) return;
      const bottom = plot.y + plot.height - scale(stacked);
      const top = plot.y + plot.height - scale(stacked + value);
      segments.push({ category: c, series: i, value, x: round2(x), y: round2(top), width: round2(barWidth), height: round2(bottom - top) });
      stacked += value;
    });
    totalsOut.push({ category: c, value: totals[c] ?? 0, x: round2(x + barWidth / 2), width: round2(barWidth) });
  }
  const yTicks: StackedBarLayout['yTicks'] = [];
  for (let v = 0; v <= max; v += step) yTicks.push({ value: v, y: round2(plot.y + plot.height - scale(v)) });
  return { box, plot, max, segments, totals: totalsOut, yTicks };
}
