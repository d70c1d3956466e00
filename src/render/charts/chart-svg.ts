/**
 * Draws a stacked bar layout as an SVG string to inline in a page: built at
 * build time, so the chart shows without JavaScript. Colours are classes
 * (`seriesClasses`), filled from CSS custom properties, and text and
 * axes use `currentColor`, so the page's light or dark scheme applies; there
 * is no `style` attribute (the CSP allows none). `role="img"` with `<title>`
 * and `<desc>` gives the chart a name and a summary for screen readers.
 */
import type { MonthSeries } from './month-series.ts';
import type { StackedBarLayout } from './stacked-bars.ts';

export interface ChartSvgOptions {
  /** Prefix of the ids of `<title>` and `<desc>`, unique on the page. */
  idPrefix: string;
  title: string;
  desc: string;
  /** A label per category, for each bar's tooltip (`March 2023`). */
  categoryLabels: readonly string[];
  /** Categories that get a label under the axis, and the label. */
  xLabels: readonly { category: number; label: string }[];
  /** The class of each series' fill, by series index (CSS gives each its colour). */
  seriesClasses: readonly string[];
  /** Unit counted, singular and plural (default: quote, quotes). */
  unit?: [string, string];
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function plural(n: number, unit: [string, string]): string {
  return `${n} ${n === 1 ? unit[0] : unit[1]}`;
}

/** The SVG of `layout` (made from `series`). */
export function renderStackedBarsSvg(layout: StackedBarLayout, series: readonly MonthSeries[], options: ChartSvgOptions): string {
  const unit = options.unit ?? ['quote', 'quotes'];
  const { box, plot } = layout;
  const id = escapeXml(options.idPrefix);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 ${box.width} ${box.height}" role="img" aria-labelledby="${id}-title ${id}-desc">`);
  parts.push(`<title id="${id}-title">${escapeXml(options.title)}</title>`);
  parts.push(`<desc id="${id}-desc">${escapeXml(options.desc)}</desc>`);
  const right = plot.x + plot.width;
  parts.push('<g class="chart__grid" aria-hidden="true">');
  for (const tick of layout.yTicks) parts.push(`<line x1="${plot.x}" y1="${tick.y}" x2="${right}" y2="${tick.y}"/>`);
  parts.push('</g>');
  parts.push('<g class="chart__axis" aria-hidden="true">');
  for (const tick of layout.yTicks) parts.push(`<text x="${plot.x - 6}" y="${tick.y}" text-anchor="end" dominant-baseline="middle">${tick.value}</text>`);
  const baseline = plot.y + plot.height;
  for (const label of options.xLabels) {
    const total = layout.totals[label.category];
    if (!total) continue;
    parts.push(`<line x1="${total.x}" y1="${baseline}" x2="${total.x}" y2="${baseline + 4}"/>`);
    parts.push(`<text x="${total.x}" y="${baseline + 16}" text-anchor="middle">${escapeXml(label.label)}</text>`);
  }
  parts.push('</g>');
  parts.push('<g class="chart__bars">');
  let open = -1;
  for (const segment of layout.segments) {
    if (segment.category !== open) {
      if (open !== -1) parts.push('</g>');
      open = segment.category;
      const total = layout.totals[segment.category]?.value ?? 0;
      const breakdown = series.length > 1
        ? `: ${series.map((s) => ({ label: s.label, value: s.values[segment.category] ?? 0 })).filter((s) => s.value > 0).map((s) => `${s.label} ${s.value}`).join(', ')}`
        : '';
      // Each bar's own title is its tooltip on pointing.
      parts.push(`<g><title>${escapeXml(`${options.categoryLabels[segment.category] ?? ''}: ${plural(total, unit)}${breakdown}`)}</title>`);
    }
    parts.push(`<rect class="${escapeXml(options.seriesClasses[segment.series] ?? 'chart__series')}" x="${segment.x}" y="${segment.y}" width="${segment.width}" height="${segment.height}"/>`);
  }
  if (open !== -1) parts.push('</g>');
  parts.push('</g>');
  parts.push(`<line class="chart__baseline" x1="${plot.x}" y1="${baseline}" x2="${right}" y2="${baseline}" aria-hidden="true"/>`);
  parts.push('</svg>');
  return parts.join('');
}
