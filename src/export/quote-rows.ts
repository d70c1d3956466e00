/**
 * One flat record per quote, with its article, speaker and source named in
 * it: the shape of `quotes.jsonl` lines and `quotes.csv` rows. Flat, so that
 * spreadsheets, `jq`, pandas or DuckDB load it without joining tables; the
 * quote's own fields come first and are exactly those of `archive.json`.
 */
import { z } from 'zod';
import type { Archive } from '../archive/types.ts';
import { quoteSchema, speakerTypeSchema } from '../archive/schema.ts';

export const quoteRowSchema = quoteSchema.extend({
  speakerType: speakerTypeSchema.nullable().describe('The speaker record\'s type, null when the speaker is unnamed.'),
  sourceId: z.string().describe('The outlet\'s id (its page is `/sources/<sourceId>/`).'),
  articleTitle: z.string().describe('The article\'s headline.'),
  articleDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('The article\'s date, YYYY-MM-DD.'),
  articleUrl: z.string().nullable().describe('Address of the original article, or null when unknown.'),
  articlePath: z.string().describe('The article\'s page on this site.'),
}).describe('A quote with its article, speaker and outlet named: one line of /quotes.jsonl, one row of /quotes.csv.');

export type QuoteRow = z.infer<typeof quoteRowSchema>;

/** The column order of `quotes.csv` and the key order of `quotes.jsonl` lines. */
export const QUOTE_ROW_FIELDS = Object.keys(quoteRowSchema.shape) as (keyof QuoteRow)[];

/** Every quote of the archive as a flat row, in archive order; one at a time, so an export that stops at its size limit does not make every row first. */
export function* quoteRowsOf(archive: Archive): Generator<QuoteRow> {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const speakerById = new Map(archive.speakers.map((s) => [s.id, s]));
  for (const q of archive.quotes) {
    const article = articleById.get(q.articleId);
    // An archive always holds the article of each quote; the fallbacks only keep a broken one printable.
    // Fields written out rather than spread: the quote's fields come first, in the schema's order, whatever the record holds.
    yield {
      id: q.id, articleId: q.articleId, path: q.path, text: q.text, kind: q.kind, speakerId: q.speakerId, speakerName: q.speakerName,
      cue: q.cue, start: q.start, end: q.end, date: q.date, source: q.source,
      speakerType: q.speakerId === null ? null : speakerById.get(q.speakerId)?.type ?? null,
      sourceId: article?.source.id ?? '',
      articleTitle: article?.title ?? '',
      articleDate: article?.date ?? q.date,
      articleUrl: article?.url ?? null,
      articlePath: article?.path ?? '',
    };
  }
}
