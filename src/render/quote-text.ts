/**
 * Quotes as plain text for lists, titles, feeds and search: `quote.text` is
 * the source Markdown (`*three years*`, `[port](https://…)`), so the text is
 * read from the parsed document instead, where syntax is blanked, then
 * spaces are collapsed.
 */
import type { Archive, Quote } from '../archive/types.ts';
import { parseTextDocument } from '../parse/text-document.ts';
import { renderNamingFile } from './article-failure.ts';
import { quotesByArticle as groupByArticle } from '../archive/quotes-by-article.ts';

// Pages, feeds and the search index all need the texts of one archive: parse its articles once.
// Quote texts may also arrive from elsewhere (the build cache, worker threads): `rememberPlainQuoteTexts`.
const quoteCache = new WeakMap<Archive, Map<string, string>>();
const articleCache = new WeakMap<Archive, Map<string, string>>();

function parseAll(archive: Archive): void {
  const byArticle = groupByArticle(archive.quotes);
  const quotes = new Map<string, string>();
  const articles = new Map<string, string>();
  for (const article of archive.articles) {
    const { quoteTexts, plainText } = toArticlePlainTexts(article.body, article.sourceFile, byArticle.get(article.id) ?? []);
    articles.set(article.id, plainText);
    for (const [id, plain] of quoteTexts) quotes.set(id, plain);
  }
  if (!quoteCache.has(archive)) quoteCache.set(archive, quotes);
  articleCache.set(archive, articles);
}

/** `[quote id, plain text]` of each of `quotes`, read from their article's plain text (`TextDocument.text`). */
export function plainQuoteTexts(text: string, quotes: readonly Pick<Quote, 'id' | 'start' | 'end' | 'text'>[]): [string, string][] {
  return quotes.map((q) => {
    // Inside raw HTML the document blanks everything; the source text is then the best label.
    const plain = text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
    return [q.id, plain || q.text.replace(/\s+/g, ' ').trim()];
  });
}

/** Maps every quote id of the archive to its plain text. Parses each article once per archive. */
export function toPlainQuoteTexts(archive: Archive): Map<string, string> {
  if (!quoteCache.has(archive)) parseAll(archive);
  return quoteCache.get(archive)!;
}

/** Maps every article id of the archive to its body as plain text, the same length as the body (quote offsets index it). */
export function toPlainArticleTexts(archive: Archive): Map<string, string> {
  if (!articleCache.has(archive)) parseAll(archive);
  return articleCache.get(archive)!;
}

/** The plain texts of one article's quotes, as `[quote id, text]` pairs, and of its whole body (one parse for both). */
export function toArticlePlainTexts(body: string, sourceFile: string, quotes: readonly Pick<Quote, 'id' | 'start' | 'end' | 'text'>[]): { quoteTexts: [string, string][]; plainText: string } {
  const { text } = renderNamingFile(sourceFile, () => parseTextDocument(body));
  return { quoteTexts: plainQuoteTexts(text, quotes), plainText: text };
}

/**
 * Hands `toPlainQuoteTexts` the texts of every quote of `archive`, and
 * `toPlainArticleTexts` (when given) every article's, worked out elsewhere
 * (cached, or on worker threads), so neither parses the articles again.
 */
export function rememberPlainQuoteTexts(archive: Archive, texts: Map<string, string>, articleTexts?: Map<string, string>): void {
  quoteCache.set(archive, texts);
  if (articleTexts) articleCache.set(archive, articleTexts);
}
