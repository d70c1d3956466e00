/**
 * Structured data for article pages. The JSON goes inside a `<script>` data
 * block, where `</script>` or `<!--` in a title would end or confuse the
 * element, so every `<`, `>` and `&` is written as a `\u` escape (still the
 * same JSON value), and so are the line separators JavaScript once rejected.
 */
import type { Article } from '../archive/types.ts';

/** Serializes a value as JSON that is safe inside an HTML `<script>` element. */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Builds the `<script type="application/ld+json">` element describing an article as a schema.org NewsArticle. */
export function toJsonLdScript(article: Article, mentions: readonly string[]): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.date,
    inLanguage: article.language,
    publisher: { '@type': 'Organization', name: article.source.name },
  };
  if (article.byline) data.author = { '@type': 'Person', name: article.byline };
  if (article.url && /^https?:\/\//i.test(article.url)) data.url = article.url;
  if (mentions.length > 0) data.mentions = mentions.map((name) => ({ '@type': 'Thing', name }));
  return `<script type="application/ld+json">${serializeJsonForScript(data)}</script>`;
}
