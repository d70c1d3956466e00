/**
 * Counts per month for charts: every month from the first to the last is
 * present (a month without quotes is a zero, not a gap), so bars sit where
 * their month is. Pure.
 */

/** `YYYY-MM` of every month from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  if (!year || !month || !endYear || !endMonth) return months;
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** One series of a chart: a value per month of the chart's months. */
export interface MonthSeries {
  key: string;
  label: string;
  values: number[];
}

/**
 * Counts items per month and per series over `months`: `monthOf` gives an
 * item's `YYYY-MM` (items outside `months` are not counted), `seriesOf` the
 * key of its series among `series` (in that order).
 */
export function countByMonth<T>(items: readonly T[], months: readonly string[], series: readonly { key: string; label: string }[], monthOf: (item: T) => string, seriesOf: (item: T) => string): MonthSeries[] {
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const result = series.map((s) => ({ key: s.key, label: s.label, values: months.map(() => 0) }));
  const seriesIndex = new Map(series.map((s, i) => [s.key, i]));
  for (const item of items) {
    const m = monthIndex.get(monthOf(item));
    const s = seriesIndex.get(seriesOf(item));
    if (m === undefined || s === undefined) continue;
    const row = result[s];
    if (row) row.values[m] = (row.values[m] ?? 0) + 1;
  }
  return result;
}
