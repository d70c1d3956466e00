/**
 * The JSON Feed (version 1.1) of newest quotes (`/quotes.json`): one item per
 * quote, linking to the quote inside its article. JSON.stringify escapes the
 * content; dates come only from the archive.
 */
import type { Archive } from '../archive/types.ts';
import { toPlainQuoteTexts } from '../render/quote-text.ts';
import { siteAddressBase } from './site-address.ts';

/** Options of the quote feed. */
export interface QuoteFeedOptions {
  /** Feed title (default: `'Quote archive: newest quotes'`). */
  title?: string;
  /** How many newest quotes the feed carries (default: `100`). */
  limit?: number;
  /** Absolute address of the site, e.g. `https://example.org`, for absolute item links (default: site-relative links). */
  siteUrl?: string;
  /** The folder the site is served from, `/folder/` (default: `'/'`). */
  pathPrefix?: string;
}

/** Builds the JSON Feed text of the newest quotes. */
export function toQuoteJsonFeed(archive: Archive, options: QuoteFeedOptions = {}): string {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const quotes = [...archive.quotes]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.limit ?? 100);
  const plainTexts = toPlainQuoteTexts(archive);
  const base = siteAddressBase(options);
  const items = quotes.map((q) => {
    const article = articleById.get(q.articleId);
    const text = plainTexts.get(q.id) ?? q.text;
    const head = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    const item: Record<string, unknown> = {
      id: q.id,
      url: `${base}${q.path}`,
      title: q.speakerName ? `${q.speakerName}: ${head}` : head,
      content_text: text,
      date_published: `${q.date}T00:00:00Z`,
      tags: [q.kind, q.source],
    };
    if (q.speakerName) item.authors = [{ name: q.speakerName }];
    if (article?.url) item.external_url = article.url;
    return item;
  });
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title ?? 'Quote archive: newest quotes',
    home_page_url: `${base}/`,
    feed_url: `${base}/quotes.json`,
    items,
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
