/**
 * The eval gate: error counts that extraction may not exceed, per scored set.
 *
 * Ratios hide regressions in large sets (three reported clauses lost out of
 * 150 still clear a 0.8 target), so the gate is kept in counts: for every
 * measure, how many errors today's extraction makes (false positives for
 * precision, misses for recall, wrong or missing speakers for attribution
 * over all gold quotes). A change may add at most `slack` errors to any one
 * measure; a change that removes errors should lower the recorded counts
 * with `npm run eval -- --update-gate`, so the gate follows the work.
 */
import type { PRScore, Totals } from './score.ts';

/** Errors and their denominator for one measure. */
export interface GateCount {
  errors: number;
  total: number;
}

export type GateMeasure =
  | 'direct precision' | 'direct recall'
  | 'partial precision' | 'partial recall'
  | 'reported precision' | 'reported recall'
  | 'attribution over all gold quotes'
  | 'person precision' | 'person recall'
  | 'organization precision' | 'organization recall'
  | 'place precision' | 'place recall';

export type GateCounts = Record<GateMeasure, GateCount>;

/** The gate file: counts per set, and how many more errors a change may make per measure. */
export interface GateFile {
  slack: number;
  sets: Record<string, GateCounts>;
}

const precisionErrors = (s: PRScore): GateCount => ({ errors: s.predicted - s.matchedPredicted, total: s.predicted });
const recallErrors = (s: PRScore): GateCount => ({ errors: s.gold - s.matchedGold, total: s.gold });

/** The error counts of one scored set. */
export function gateCounts(t: Totals): GateCounts {
  return {
    'direct precision': precisionErrors(t.quotes.direct),
    'direct recall': recallErrors(t.quotes.direct),
    'partial precision': precisionErrors(t.quotes.partial),
    'partial recall': recallErrors(t.quotes.partial),
    'reported precision': precisionErrors(t.quotes.indirect),
    'reported recall': recallErrors(t.quotes.indirect),
    'attribution over all gold quotes': { errors: t.attributionAll.total - t.attributionAll.correct, total: t.attributionAll.total },
    'person precision': precisionErrors(t.entities.person),
    'person recall': recallErrors(t.entities.person),
    'organization precision': precisionErrors(t.entities.organization),
    'organization recall': recallErrors(t.entities.organization),
    'place precision': precisionErrors(t.entities.place),
    'place recall': recallErrors(t.entities.place),
  };
}

/**
 * Lines naming each measure whose errors grew by more than the slack. A
 * changed gold total (gold edited, articles added) is reported too: the gate
 * must then be recorded again, on purpose.
 */
export function gateFailures(set: string, now: GateCounts, recorded: GateCounts | undefined, slack: number): string[] {
  if (!recorded) return [`${set}: no counts recorded; run npm run eval -- --update-gate`];
  const failures: string[] = [];
  for (const measure of Object.keys(now) as GateMeasure[]) {
    const was = recorded[measure];
    const is = now[measure];
    if (!was) failures.push(`${set}: ${measure} not recorded; run npm run eval -- --update-gate`);
    else if (is.errors > was.errors + slack) failures.push(`${set}: ${measure}: ${is.errors} errors of ${is.total}, recorded ${was.errors} of ${was.total} (slack ${slack})`);
    else if (measure.endsWith('recall') && is.total !== was.total) failures.push(`${set}: ${measure}: the gold has ${is.total} items, recorded ${was.total}; record the gate again`);
  }
  return failures;
}
