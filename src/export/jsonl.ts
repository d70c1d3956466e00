/**
 * `quotes.jsonl`: JSON Lines, one quote row per line (`quote-rows.ts`), so
 * tools can stream a large archive without parsing one huge document.
 */
import type { Archive } from '../archive/types.ts';
import { toQuoteRows } from './quote-rows.ts';

/** One JSON object per quote, each on its own `\n`-ended line; empty text for an archive without quotes. */
export function toQuotesJsonl(archive: Archive): string {
  return toQuoteRows(archive).map((row) => `${JSON.stringify(row)}\n`).join('');
}
