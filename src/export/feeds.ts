/**
 * The Atom feeds (RFC 4287): newest articles of the whole archive
 * (`/feed.xml`), one per speaker (their newest quotes), and one per source
 * and per entity (the newest articles from or about it), each beside its
 * page (`/speakers/<id>/feed.xml`). Each carries the newest
 * `FEED_ENTRY_LIMIT` entries.
 *
 * Written here, not by a feed library: the `feed` package (xml-js) took 5×
 * as long for the ~900 feeds of a 1,000-article archive (3.7–6.8 s against
 * 0.8–1.7 s on the shared 2-core machine), and feeds grow with speakers and
 * entities; it also marks titles as `type="html"`, which would make
 * readers render a title's `<` as markup. Every value here is content, so
 * every value is escaped text, and characters XML 1.0 forbids are dropped.
 * Times come only from article and quote dates, so the same archive gives
 * the same bytes. Links are absolute with a site `url`, else site paths
 * (relative references, resolved against the feed's own address).
 */
import type { Archive, Article, Quote } from '../archive/types.ts';
import { toPlainQuoteTexts } from '../render/quote-text.ts';
import { escapeXml } from './xml-escape.ts';
import { siteAddressBase } from './site-address.ts';

/** Most entries one feed carries: the newest. Feed readers poll often; older entries are on the page. */
export const FEED_ENTRY_LIMIT = 50;

/** Where the feed of a speaker, source or entity page lives: beside the page. */
export function feedPathOf(pagePath: string): string {
  return `${pagePath.replace(/\/?$/, '/')}feed.xml`;
}

/** Options of `toAtomFeeds`. */
export interface AtomFeedsOptions {
  /** Site title, the whole archive's feed title and the suffix of the others (default: `'Quote archive'`). */
  title?: string;
  /** Absolute address of the site's root, e.g. `https://example.org` (default: none: links are site paths). */
  siteUrl?: string;
  /** The folder the site is served from, `/folder/` (default: `'/'`). */
  pathPrefix?: string;
  /** Language of the feeds (default: `'en'`). */
  language?: string;
  /** Entries per feed (default: `FEED_ENTRY_LIMIT`). */
  limit?: number;
}

/** One feed file: its path in the site (without the prefix) and its text. */
export interface FeedFile {
  path: string;
  xml: string;
}


/** Midnight UTC of a `YYYY-MM-DD` date (RFC 3339), the only time the archive knows. */
function atomTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '1970-01-01T00:00:00Z';
}

/** Newest first, then by id, so equal dates keep one order. */
function newestFirst<T extends { date: string; id: string }>(a: T, b: T): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface FeedSpec {
  path: string;
  id: string;
  title: string;
  pagePath: string;
  entries: { id: string; title: string; path: string; date: string; author: string; summary: string }[];
}

/** Builds every Atom feed of the archive. Pure. */
export function toAtomFeeds(archive: Archive, options: AtomFeedsOptions = {}): FeedFile[] {
  const siteTitle = options.title ?? 'Quote archive';
  const limit = options.limit ?? FEED_ENTRY_LIMIT;
  const base = siteAddressBase(options);
  const urlOf = (sitePath: string): string => `${base}${sitePath}`;
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const quoteById = new Map(archive.quotes.map((q) => [q.id, q]));
  const plain = toPlainQuoteTexts(archive);

  // An article is an entry of its source's feed, of each entity's it names and of the whole archive's: make it once.
  const articleEntries = new Map<string, FeedSpec['entries'][number]>();
  const articleEntry = (a: Article): FeedSpec['entries'][number] => {
    let entry = articleEntries.get(a.id);
    if (!entry) articleEntries.set(a.id, (entry = newArticleEntry(a)));
    return entry;
  };
  const newArticleEntry = (a: Article): FeedSpec['entries'][number] => {
    const speakers = [...new Set(a.quoteIds.map((id) => quoteById.get(id)?.speakerName).filter((n): n is string => !!n))];
    return {
      id: `urn:quote-archive:article:${a.id}`,
      title: a.title,
      path: a.path,
      date: a.date,
      author: a.byline ?? a.source.name,
      summary: `${a.source.name}, ${a.date}. ${a.quoteIds.length} quote${a.quoteIds.length === 1 ? '' : 's'}${speakers.length ? ` from ${speakers.join(', ')}` : ''}.`,
    };
  };
  const articlesOf = (ids: readonly string[]): FeedSpec['entries'] =>
    ids.map((id) => articleById.get(id)).filter((a): a is Article => a !== undefined).sort(newestFirst).slice(0, limit).map(articleEntry);
  const quoteEntry = (q: Quote, speakerName: string): FeedSpec['entries'][number] => {
    const text = plain.get(q.id) ?? q.text;
    const words = text.split(/\s+/);
    const article = articleById.get(q.articleId);
    return {
      id: `urn:quote-archive:quote:${q.id}`,
      title: `${speakerName}: ${words.slice(0, 12).join(' ')}${words.length > 12 ? '…' : ''}`,
      path: q.path,
      date: q.date,
      author: speakerName,
      // The words themselves, then where they were said.
      summary: `${text} (${q.source}, ${q.date}${article ? `, “${article.title}”` : ''})`,
    };
  };

  const specs: FeedSpec[] = [
    { path: '/feed.xml', id: 'urn:quote-archive:feed', title: siteTitle, pagePath: '/', entries: articlesOf(archive.articles.map((a) => a.id)) },
    ...archive.speakers.map((s) => ({
      path: feedPathOf(s.path),
      id: `urn:quote-archive:feed:speaker:${s.id}`,
      title: `Quotes by ${s.name} · ${siteTitle}`,
      pagePath: s.path,
      entries: s.quoteIds.map((id) => quoteById.get(id)).filter((q): q is Quote => q !== undefined).sort(newestFirst).slice(0, limit).map((q) => quoteEntry(q, s.name)),
    })),
    ...archive.sources.map((s) => ({ path: feedPathOf(s.path), id: `urn:quote-archive:feed:source:${s.id}`, title: `Articles from ${s.name} · ${siteTitle}`, pagePath: s.path, entries: articlesOf(s.articleIds) })),
    ...archive.entities.map((e) => ({ path: feedPathOf(e.path), id: `urn:quote-archive:feed:entity:${e.id}`, title: `Articles mentioning ${e.name} · ${siteTitle}`, pagePath: e.path, entries: articlesOf(e.articleIds) })),
  ];

  const language = options.language ?? 'en';
  return specs.map((spec) => ({ path: spec.path, xml: toAtomXml(spec, urlOf, language) }));
}

/** One feed as Atom XML. */
function toAtomXml(spec: FeedSpec, urlOf: (p: string) => string, language: string): string {
  const updated = spec.entries.reduce((newest, e) => (e.date > newest ? e.date : newest), '1970-01-01');
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}">`,
    `  <id>${escapeXml(spec.id)}</id>`,
    `  <title>${escapeXml(spec.title)}</title>`,
    `  <updated>${atomTime(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(urlOf(spec.pagePath))}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(urlOf(spec.path))}"/>`,
  ];
  for (const e of spec.entries) {
    out.push(
      '  <entry>',
      `    <id>${escapeXml(e.id)}</id>`,
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(urlOf(e.path))}"/>`,
      `    <updated>${atomTime(e.date)}</updated>`,
      `    <published>${atomTime(e.date)}</published>`,
      `    <author><name>${escapeXml(e.author)}</name></author>`,
      `    <summary>${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
