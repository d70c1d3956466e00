/**
 * Choosing and listing names deterministically: a record's canonical name,
 * its aliases, and the code-point order every list is sorted in.
 */
import { normalizeName } from './ids.ts';

/**
 * The most common full form wins; ties go to the longest, then to the one
 * with more accents ("José Ñúñez" over "Jose Nunez": outlets drop accents,
 * they do not invent them), then the first in code-point order, so the
 * choice never depends on input order.
 */
export function pickCanonicalName(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || accents(b[0]) - accents(a[0]) || compareStrings(a[0], b[0]))[0]![0];
}

/** Number of combining marks a name carries once decomposed. */
function accents(name: string): number {
  return name.normalize('NFKD').match(/[\u0300-\u036f]/g)?.length ?? 0;
}

/** Keeps the first spelling of each normalized form, sorted. */
export function dedupeByNormalized(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const v of [...values].sort(compareStrings)) if (!seen.has(normalizeName(v))) seen.set(normalizeName(v), v);
  return [...seen.values()];
}

/**
 * A person's titles, once each: "Public Safety spokesman" beside "Oregon
 * Department of Public Safety spokesman" is the same title cut short, and goes.
 */
export function dedupeTitles(values: string[]): string[] {
  const titles = dedupeByNormalized(values);
  const folded = titles.map((t) => normalizeName(t));
  return titles.filter((_, i) => !folded.some((o, j) => j !== i && o.length > folded[i]!.length && o.endsWith(' ' + folded[i]!)));
}

/** Code-point order: locale-independent, so builds are identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
