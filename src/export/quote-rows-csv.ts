/**
 * `quotes.csv`: the quote rows of `quotes.jsonl` as RFC 4180 CSV, columns
 * named as the JSON fields. Unlike the older `archive.csv` (kept as it was
 * for those who load it), every cell reads back to exactly its value:
 * - an empty cell is null (the nullable columns: speakerId, speakerName,
 *   speakerType, cue, articleUrl);
 * - a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 *   carriage return first) gets a leading apostrophe, since quote text is
 *   content from others; so that this stays reversible, a value that itself
 *   starts with an apostrophe gets one too. Reading back: drop one leading
 *   apostrophe.
 */
import type { Archive } from '../archive/types.ts';
import { QUOTE_ROW_FIELDS, quoteRowsOf } from './quote-rows.ts';

/** Quotes one cell of `quotes.csv` (see the module comment for the apostrophe rule). */
export function escapeQuoteRowCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The lines of `toQuoteRowsCsv` (the header, then one row per quote), each with its CRLF. */
export function* quoteRowsCsvPieces(archive: Archive): Generator<string> {
  yield `${QUOTE_ROW_FIELDS.join(',')}\r\n`;
  for (const row of quoteRowsOf(archive)) yield `${QUOTE_ROW_FIELDS.map((field) => escapeQuoteRowCell(row[field])).join(',')}\r\n`;
}

/** The CSV text of every quote row: a header of field names, then one CRLF-ended row per quote. */
export function toQuoteRowsCsv(archive: Archive): string {
  return [...quoteRowsCsvPieces(archive)].join('');
}
