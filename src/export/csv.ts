/**
 * The quotes as CSV (`/archive.csv`), for spreadsheets. RFC 4180 quoting;
 * cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
 * get a leading apostrophe, since quote text is content from others.
 */
import type { Archive } from '../archive/types.ts';

const COLUMNS = ['id', 'date', 'speaker', 'speakerId', 'kind', 'cue', 'text', 'source', 'articleId', 'articleTitle', 'url'] as const;

/** Quotes one CSV cell. */
export function escapeCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The lines of `toQuotesCsv` (the header, then one row per quote), each with its CRLF. */
export function* quotesCsvPieces(archive: Archive): Generator<string> {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  yield `${COLUMNS.join(',')}\r\n`;
  for (const q of archive.quotes) {
    const article = articleById.get(q.articleId);
    const cells = [q.id, q.date, q.speakerName ?? '', q.speakerId ?? '', q.kind, q.cue ?? '', q.text, q.source, q.articleId, article?.title ?? '', q.path];
    yield `${cells.map(escapeCsvCell).join(',')}\r\n`;
  }
}

/** Builds the CSV text of every quote, one row each, in archive order. */
export function toQuotesCsv(archive: Archive): string {
  return [...quotesCsvPieces(archive)].join('');
}
