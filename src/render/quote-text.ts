/**
 * Quotes as plain text for lists, titles, feeds and search: `quote.text` is
 * the source Markdown (`*three years*`, `[port](https://…)`), so the text is
 * read from the parsed document instead, where syntax is blanked, then
 * spaces are collapsed.
 */
import type { Archive } from '../archive/types.ts';
import { parseTextDocument } from '../parse/text-document.ts';
import { renderNamingFile } from './article-failure.ts';

// Pages, feeds and the search index all need the texts of one archive: parse its articles once.
const cache = new WeakMap<Archive, { quotes: Map<string, string>; articles: Map<string, string> }>();

function plainTextsOf(archive: Archive): { quotes: Map<string, string>; articles: Map<string, string> } {
  const cached = cache.get(archive);
  if (cached) return cached;
  const byArticle = new Map<string, { start: number; end: number; id: string; text: string }[]>();
  for (const q of archive.quotes) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  const texts = { quotes: new Map<string, string>(), articles: new Map<string, string>() };
  for (const article of archive.articles) {
    const { text } = renderNamingFile(article.sourceFile, () => parseTextDocument(article.body));
    texts.articles.set(article.id, text);
    for (const q of byArticle.get(article.id) ?? []) {
      // Inside raw HTML the document blanks everything; the source text is then the best label.
      const plain = text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
      texts.quotes.set(q.id, plain || q.text.replace(/\s+/g, ' ').trim());
    }
  }
  cache.set(archive, texts);
  return texts;
}

/** Maps every quote id of the archive to its plain text. Parses each article once per archive. */
export function toPlainQuoteTexts(archive: Archive): Map<string, string> {
  return plainTextsOf(archive).quotes;
}

/** Maps every article id of the archive to its body as plain text, the same length as the body (quote offsets index it); the same single parse as the quotes'. */
export function toPlainArticleTexts(archive: Archive): Map<string, string> {
  return plainTextsOf(archive).articles;
}
