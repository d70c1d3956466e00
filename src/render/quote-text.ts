/**
 * Quotes as plain text for lists, titles, feeds and search: `quote.text` is
 * the source Markdown (`*three years*`, `[port](https://…)`), so the text is
 * read from the parsed document instead, where syntax is blanked, then
 * spaces are collapsed.
 */
import type { Archive, Quote } from '../archive/types.ts';
import { parseTextDocument } from '../parse/text-document.ts';
import { renderNamingFile } from './article-failure.ts';

// Pages and search records both need the texts of one archive: parse its articles once.
const cache = new WeakMap<Archive, Map<string, string>>();

/** Maps every quote id of the archive to its plain text. Parses each article once per archive. */
export function toPlainQuoteTexts(archive: Archive): Map<string, string> {
  const cached = cache.get(archive);
  if (cached) return cached;
  const byArticle = new Map<string, { start: number; end: number; id: string; text: string }[]>();
  for (const q of archive.quotes) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  const texts = new Map<string, string>();
  for (const article of archive.articles) {
    const quotes = byArticle.get(article.id);
    if (!quotes) continue;
    for (const [id, plain] of toArticlePlainQuoteTexts(article.body, article.sourceFile, quotes)) texts.set(id, plain);
  }
  cache.set(archive, texts);
  return texts;
}

/** The plain texts of one article's quotes, as `[quote id, text]` pairs. */
export function toArticlePlainQuoteTexts(body: string, sourceFile: string, quotes: readonly Pick<Quote, 'id' | 'start' | 'end' | 'text'>[]): [string, string][] {
  const { text } = renderNamingFile(sourceFile, () => parseTextDocument(body));
  return quotes.map((q) => {
    // Inside raw HTML the document blanks everything; the source text is then the best label.
    const plain = text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
    return [q.id, plain || q.text.replace(/\s+/g, ' ').trim()];
  });
}

/** Hands `toPlainQuoteTexts` the texts of every quote of `archive`, worked out elsewhere (cached, or on worker threads). */
export function rememberPlainQuoteTexts(archive: Archive, texts: Map<string, string>): void {
  cache.set(archive, texts);
}
