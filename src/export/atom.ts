/**
 * The Atom feed of newest articles (`/feed.xml`). Every value is content, so
 * every value is escaped, and characters XML 1.0 forbids are dropped. Times
 * come only from article dates, so the same archive gives the same bytes.
 */
import type { Archive } from '../archive/types.ts';

/** Options of the Atom feed. */
export interface AtomFeedOptions {
  /** Feed title (default: `'Quote archive'`). */
  title?: string;
  /** How many newest articles the feed carries (default: `50`). */
  limit?: number;
  /** Absolute address of the site, e.g. `https://example.org`, used as the feed's base (default: `/`, site-relative). */
  siteUrl?: string;
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Midnight UTC of a `YYYY-MM-DD` date, the only time an article date says. */
function toAtomTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '1970-01-01T00:00:00Z';
}

/** Builds the Atom feed text; links are resolved against `xml:base` (the site address when given, else `/`). */
export function toAtomFeed(archive: Archive, options: AtomFeedOptions = {}): string {
  const title = options.title ?? 'Quote archive';
  const limit = options.limit ?? 50;
  const base = options.siteUrl ? `${options.siteUrl.replace(/\/+$/, '')}/` : '/';
  const articles = [...archive.articles].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1)).slice(0, limit);
  const quotesById = new Map(archive.quotes.map((q) => [q.id, q]));
  const updated = toAtomTime(articles[0]?.date ?? '1970-01-01');
  const entries = articles.map((a) => {
    const speakers = [...new Set(a.quoteIds.map((id) => quotesById.get(id)?.speakerName).filter((n): n is string => !!n))];
    const summary = `${a.source.name}, ${a.date}. ${a.quoteIds.length} quote${a.quoteIds.length === 1 ? '' : 's'}${speakers.length ? ` from ${speakers.join(', ')}` : ''}.`;
    return [
      '  <entry>',
      `    <title>${escapeXml(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(a.path)}"/>`,
      `    <id>urn:quote-archive:article:${escapeXml(a.id)}</id>`,
      `    <updated>${toAtomTime(a.date)}</updated>`,
      `    <published>${toAtomTime(a.date)}</published>`,
      `    <author><name>${escapeXml(a.byline ?? a.source.name)}</name></author>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${escapeXml(base)}">`,
    `  <title>${escapeXml(title)}</title>`,
    '  <link rel="self" type="application/atom+xml" href="/feed.xml"/>',
    '  <link rel="alternate" type="text/html" href="/"/>',
    '  <id>urn:quote-archive:feed</id>',
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
