/**
 * `quotes.jsonl`: JSON Lines, one quote row per line (`quote-rows.ts`), so
 * tools can stream a large archive without parsing one huge document.
 */
import type { Archive } from '../archive/types.ts';
import { quoteRowsOf } from './quote-rows.ts';

/** The lines of `toQuotesJsonl`, each with its `\n`. */
export function* quotesJsonlPieces(archive: Archive): Generator<string> {
  for (const row of quoteRowsOf(archive)) yield `${JSON.stringify(row)}\n`;
}

/** One JSON object per quote, each on its own `\n`-ended line; empty text for an archive without quotes. */
export function toQuotesJsonl(archive: Archive): string {
  return [...quotesJsonlPieces(archive)].join('');
}
