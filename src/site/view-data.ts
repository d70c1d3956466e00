/**
 * Turns the Archive into what templates show: every list pre-sorted, every
 * label pre-formatted, every link pre-resolved. Templates compute nothing, so
 * everything a page presents is decided (and testable) here, without Eleventy.
 *
 * Lookups are built once per run (maps by id), so the cost stays linear in
 * the size of the archive.
 */
import { countRecords } from '../archive/counts.ts';
import type { Archive, Article, Entity, EntityType, Quote, QuoteKind, Source, Speaker } from '../archive/types.ts';
import { renderArticleHtml } from '../render/article-html.ts';
import { renderNamingFile } from '../render/article-failure.ts';
import { TimeBudget } from '../extract/time-budget.ts';
import { toArticleJsonLd, toJsonLdElement, toRecordJsonLd } from '../render/json-ld.ts';
import { feedPathOf } from '../export/feeds.ts';
import { formatDateLabel, formatMonthLabel } from '../render/dates.ts';
import { toPlainQuoteTexts } from '../render/quote-text.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { toSearchLanguage } from '../search/language.ts';
import { quotesByArticle as groupByArticle } from '../archive/quotes-by-article.ts';
import { toCiteView, type CiteView } from './citation-view.ts';
import { toDataDictionary, type DataFileDoc } from '../export/data-dictionary.ts';
import { toSpeakerActivityCharts, toTimelineChart, type ActivityChartView, type TimelineChartView } from './chart-views.ts';
import { siteAddressBase } from '../export/site-address.ts';

/** Site-wide constants shown on every page. */
export interface SiteMeta {
  title: string;
  description: string;
  csp: string;
  /** Language of pages that are not an article (`<html lang>`). */
  language: string;
  /** The folder the site is served from (`/` or `/archive/`); links in pages get it from the build's path-prefix transform (`path-prefix.ts`). */
  pathPrefix: string;
  /** Absolute address of the site's root with its prefix, without the final slash (`https://example.org/archive`), for canonical links; null without a `url` setting. */
  canonicalBase: string | null;
  /** Links in the header navigation. */
  nav: { label: string; path: string }[];
}

/** An Atom feed a page links to with `<link rel="alternate">`. */
export interface FeedLinkView {
  path: string;
  title: string;
}

export interface LinkView {
  name: string;
  path: string;
}

export interface ArticleSummaryView {
  id: string;
  title: string;
  path: string;
  date: string;
  dateLabel: string;
  source: LinkView;
  quoteCount: number;
}

export interface QuoteView {
  id: string;
  path: string;
  text: string;
  kind: QuoteKind;
  kindLabel: string;
  cue: string | null;
  date: string;
  dateLabel: string;
  speaker: LinkView | null;
  /** Speaker as named in the article when there is no speaker record ("a senior official"). */
  speakerLabel: string | null;
  article: { title: string; path: string };
  source: LinkView;
  /** The quote's "Cite" control. */
  cite: CiteView;
}

export interface QuotedSpeakerView extends LinkView {
  id: string;
  /** Element id of the side-list entry, target of the quote marks' `aria-describedby`. */
  anchorId: string;
  quoteCount: number;
  quoteCountLabel: string;
  quotes: { id: string; path: string; label: string; cite: CiteView }[];
}

export interface ArticlePageView {
  id: string;
  path: string;
  title: string;
  date: string;
  dateLabel: string;
  year: string;
  language: string;
  source: LinkView;
  byline: string | null;
  dateline: string | null;
  url: string | null;
  /** Sanitized body HTML with quotes marked. */
  html: string;
  quoteCount: number;
  speakers: QuotedSpeakerView[];
  /** Quotes without a linked speaker record. */
  unattributed: { id: string; path: string; label: string; speakerLabel: string | null; cite: CiteView }[];
  entities: (LinkView & { typeLabel: string })[];
  /** `<script type="application/ld+json">` element, safely serialized. */
  jsonLd: string;
  /** One-line summary for `<meta name="description">`, OpenGraph and Twitter cards. */
  description: string;
  /** `citation_publication_date`, as reference managers read it (`YYYY/MM/DD`). */
  citationDate: string;
}

export interface SpeakerPageView {
  id: string;
  path: string;
  name: string;
  type: string;
  typeLabel: string;
  titles: string[];
  aliases: string[];
  entity: LinkView | null;
  quoteCount: number;
  /**
   * Every quote by date; `citeArticleAbove` when the quote before it is from
   * the same article, whose Cite control then carries the article's fields
   * for both (a speaker is quoted about five times an article, and those
   * fields were a sixth of a speaker page).
   */
  quotes: (QuoteView & { citeArticleAbove: boolean })[];
  sources: LinkView[];
  jsonLd: string;
  feed: FeedLinkView;
  /** Quotes per month, drawn at build time; null for a speaker without quotes. */
  activity: ActivityChartView | null;
}

export interface EntityPageView {
  id: string;
  path: string;
  name: string;
  type: EntityType;
  typeLabel: string;
  aliases: string[];
  mentionCount: number;
  speaker: LinkView | null;
  articles: ArticleSummaryView[];
  jsonLd: string;
  feed: FeedLinkView;
}

export interface SourcePageView {
  id: string;
  path: string;
  name: string;
  articles: ArticleSummaryView[];
  quoteCount: number;
  feed: FeedLinkView;
}

export interface TimelineView {
  /** Quotes per month stacked by the top speakers; null without quotes. */
  chart: TimelineChartView | null;
  years: {
    year: string;
    anchorId: string;
    articleCount: number;
    months: { key: string; anchorId: string; label: string; articles: ArticleSummaryView[]; quoteCount: number }[];
  }[];
}

export interface ArticleListPageView {
  path: string;
  number: number;
  pageCount: number;
  articles: ArticleSummaryView[];
  previous: string | null;
  next: string | null;
}

export interface SiteView {
  meta: SiteMeta;
  home: {
    articles: ArticleSummaryView[];
    speakers: (LinkView & { quoteCount: number })[];
    sources: (LinkView & { articleCount: number })[];
    counts: { articles: number; quotes: number; speakers: number; entities: number; sources: number };
  };
  articles: ArticlePageView[];
  speakers: SpeakerPageView[];
  speakerIndex: (LinkView & { quoteCount: number; titles: string[]; typeLabel: string })[];
  entities: EntityPageView[];
  entityIndex: { type: EntityType; label: string; anchorId: string; entities: (LinkView & { articleCount: number })[] }[];
  sources: SourcePageView[];
  sourceIndex: (LinkView & { articleCount: number; quoteCount: number })[];
  timeline: TimelineView;
  /** The data files and their fields, for `/data/`. */
  dataFiles: DataFileDoc[];
  /** The list of all articles, newest first, pre-chunked into pages (`/articles/`, `/articles/page/2/`, …). */
  articleListPages: ArticleListPageView[];
  search: {
    /**
     * The search page's filter controls. `choices` lists a filter whose values
     * are fixed (result type, quote kind), written into the page so they need
     * no index fetch; the others' values load from the index when asked for.
     */
    filters: { key: string; label: string; choices?: { value: string; label: string }[] }[];
    /** Language of the search page, hence of the index Pagefind loads first: the archive's most common. */
    language: string;
    /** The archive's other languages, whose indexes the search script merges in. */
    otherLanguages: string[];
  };
}

export interface ViewDataOptions {
  /** Site title (default: `'Quote archive'`). */
  title?: string;
  /** Absolute address of the site's root, without the prefix, e.g. `https://example.org` (default: none: canonical links are left out, structured data links by path). */
  siteUrl?: string;
  /** The folder the site is served from, `/folder/` (default: `'/'`). */
  pathPrefix?: string;
  /** Language of the pages that are not an article (default: `'en'`). */
  language?: string;
  /** How many newest articles and top speakers the home page lists (default: `12`). */
  homeListSize?: number;
  /** How many articles one page of `/articles/` lists (default: `100`). */
  articleListPageSize?: number;
  /** Time rendering one article's body may take, in ms (default: `DEFAULT_ARTICLE_BUDGET_MS`). */
  renderBudgetMs?: number;
  /** The clock of that budget, in ms (default: `performance.now`); tests pass a fake one. */
  now?: () => number;
  /** Article bodies already rendered (`renderArticleBodies`), by article id; others are rendered here (default: none). */
  bodies?: ReadonlyMap<string, string>;
  /** Data exports too large to publish whole (`archive.json`, …), published in parts only: `/data/` does not link their whole file (default: none). */
  partsOnly?: readonly string[];
}

const KIND_LABELS: Record<QuoteKind, string> = { direct: 'Direct quote', partial: 'Partial quote', indirect: 'Reported speech' };
const ENTITY_TYPE_LABELS: Record<EntityType, string> = { person: 'People', organization: 'Organizations', place: 'Places', document: 'Documents' };
const ENTITY_TYPE_SINGULAR: Record<EntityType, string> = { person: 'Person', organization: 'Organization', place: 'Place', document: 'Document' };
const ENTITY_TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'document'];

/** Compares strings by code unit, never by locale, so output is the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-folded order for lists people scan by name. */
function compareNames(a: string, b: string): number {
  return compareStrings(a.toLowerCase(), b.toLowerCase()) || compareStrings(a, b);
}

/** The first words of a quote, for titles and lists. */
export function summarizeQuote(text: string, maxWords = 12): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const head = words.slice(0, maxWords).join(' ');
  return words.length > maxWords ? `${head}…` : head;
}

/** Builds the template data for the whole site from the Archive. Pure. */
export function toSiteView(archive: Archive, options: ViewDataOptions = {}): SiteView {
  const title = options.title ?? 'Quote archive';
  const homeListSize = options.homeListSize ?? 12;
  const pathPrefix = options.pathPrefix ?? '/';
  const base = siteAddressBase({ siteUrl: options.siteUrl, pathPrefix });
  const canonicalBase = options.siteUrl ? base : null;
  // Structured data is read by other programs, and the prefix transform looks only at tags: its links carry the prefix (and the address when known) here.
  const urlOf = (sitePath: string): string => `${base}${sitePath}`;
  const recordOf = (r: { name: string; type: EntityType | Speaker['type']; path: string }) => ({ name: r.name, type: r.type, url: urlOf(r.path) });

  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const speakerById = new Map(archive.speakers.map((s) => [s.id, s]));
  const entityById = new Map(archive.entities.map((e) => [e.id, e]));
  const quotesByArticle = groupByArticle(archive.quotes);
  const quoteById = new Map(archive.quotes.map((q) => [q.id, q]));
  const plainTexts = toPlainQuoteTexts(archive);
  const plainOf = (q: Quote): string => plainTexts.get(q.id) ?? q.text;
  const speakerByEntity = new Map<string, Speaker>();
  for (const s of archive.speakers) if (s.entityId && !speakerByEntity.has(s.entityId)) speakerByEntity.set(s.entityId, s);

  // A quote's Cite control is the same on its article page and its speaker page: made once.
  const cites = new Map<string, CiteView>();
  const citeOf = (q: Quote, article: Article): CiteView => {
    let cite = cites.get(q.id);
    if (!cite) {
      const speakerName = q.speakerId ? speakerById.get(q.speakerId)?.name : undefined;
      cite = toCiteView(q, article, plainOf(q), speakerName ?? null, toSafeExternalUrl(article.url));
      cites.set(q.id, cite);
    }
    return cite;
  };

  const renderBody = (a: Article, quotes: Quote[], articleSpeakers: Speaker[]): string => {
    const rendered = options.bodies?.get(a.id);
    if (rendered !== undefined) return rendered;
    const budget = new TimeBudget({ ...(options.renderBudgetMs === undefined ? {} : { limitMs: options.renderBudgetMs }), ...(options.now ? { now: options.now } : {}) });
    return renderNamingFile(a.sourceFile, () => renderArticleHtml(a.body, quotes, articleSpeakers, { budget }));
  };
  const sourceLink = (a: Article): LinkView => ({ name: a.source.name, path: a.source.path });
  const speakerLink = (s: Speaker): LinkView => ({ name: s.name, path: s.path });

  const summarizeArticle = (a: Article): ArticleSummaryView => ({
    id: a.id,
    title: a.title,
    path: a.path,
    date: a.date,
    dateLabel: formatDateLabel(a.date),
    source: sourceLink(a),
    quoteCount: a.quoteIds.length,
  });
  const summaryById = new Map(archive.articles.map((a) => [a.id, summarizeArticle(a)]));
  const summariesOf = (ids: readonly string[]): ArticleSummaryView[] =>
    ids
      .map((id) => summaryById.get(id))
      .filter((a): a is ArticleSummaryView => a !== undefined)
      .sort((x, y) => compareStrings(y.date, x.date) || compareStrings(x.id, y.id));

  const quoteView = (q: Quote): QuoteView | null => {
    const article = articleById.get(q.articleId);
    if (!article) return null;
    const speaker = q.speakerId ? speakerById.get(q.speakerId) : undefined;
    return {
      id: q.id,
      path: q.path,
      text: plainOf(q),
      kind: q.kind,
      kindLabel: KIND_LABELS[q.kind] ?? q.kind,
      cue: q.cue,
      date: q.date,
      dateLabel: formatDateLabel(q.date),
      speaker: speaker ? speakerLink(speaker) : null,
      speakerLabel: speaker ? null : q.speakerName,
      article: { title: article.title, path: article.path },
      source: sourceLink(article),
      cite: citeOf(q, article),
    };
  };

  const articles: ArticlePageView[] = archive.articles.map((a) => {
    const quotes = (quotesByArticle.get(a.id) ?? []).slice().sort((x, y) => x.start - y.start);
    const articleSpeakers = a.speakerIds.map((id) => speakerById.get(id)).filter((s): s is Speaker => s !== undefined);
    const safeUrl = toSafeExternalUrl(a.url);
    const speakers: QuotedSpeakerView[] = articleSpeakers.map((s) => {
      const own = quotes.filter((q) => q.speakerId === s.id);
      return {
        id: s.id,
        name: s.name,
        path: s.path,
        anchorId: `speaker-${s.id}`,
        quoteCount: own.length,
        quoteCountLabel: own.length === 1 ? '1 quote' : `${own.length} quotes`,
        quotes: own.map((q) => ({ id: q.id, path: `#${q.id}`, label: summarizeQuote(plainOf(q), 8), cite: citeOf(q, a) })),
      };
    });
    const unattributed = quotes
      .filter((q) => !q.speakerId || !speakerById.has(q.speakerId))
      .map((q) => ({ id: q.id, path: `#${q.id}`, label: summarizeQuote(plainOf(q), 8), speakerLabel: q.speakerName, cite: citeOf(q, a) }));
    const entities = a.entityIds
      .map((id) => entityById.get(id))
      .filter((e): e is Entity => e !== undefined)
      .sort((x, y) => ENTITY_TYPE_ORDER.indexOf(x.type) - ENTITY_TYPE_ORDER.indexOf(y.type) || compareNames(x.name, y.name))
      .map((e) => ({ name: e.name, path: e.path, typeLabel: ENTITY_TYPE_SINGULAR[e.type] ?? e.type }));
    return {
      id: a.id,
      path: a.path,
      title: a.title,
      date: a.date,
      dateLabel: formatDateLabel(a.date),
      year: a.date.slice(0, 4),
      // The search index files a page under its `lang`: the same code as its quote records.
      language: toSearchLanguage(a.language),
      source: sourceLink(a),
      byline: a.byline,
      dateline: a.dateline,
      url: safeUrl,
      html: renderBody(a, quotes, articleSpeakers),
      quoteCount: quotes.length,
      speakers,
      unattributed,
      entities,
      jsonLd: toJsonLdElement(toArticleJsonLd(a, {
        url: urlOf(a.path),
        originalUrl: safeUrl,
        sourceUrl: urlOf(a.source.path),
        mentions: a.entityIds.map((id) => entityById.get(id)).filter((e): e is Entity => e !== undefined).map(recordOf),
        quotes: quotes.map((q) => {
          const speaker = q.speakerId ? speakerById.get(q.speakerId) : undefined;
          return { quote: q, text: plainOf(q), url: urlOf(q.path), speaker: speaker ? recordOf(speaker) : null };
        }),
      })),
      description: describeArticle(a, articleSpeakers.map((s) => s.name)),
      citationDate: a.date.replace(/-/g, '/'),
    };
  });

  const activityCharts = toSpeakerActivityCharts(archive);
  const speakers: SpeakerPageView[] = archive.speakers.map((s) => {
    const quotes = s.quoteIds
      .map((id) => quoteById.get(id))
      .filter((q): q is Quote => q !== undefined)
      .map(quoteView)
      .filter((q): q is QuoteView => q !== null);
    const sources = new Map<string, LinkView>();
    for (const q of quotes) sources.set(q.source.path, q.source);
    const entity = s.entityId ? entityById.get(s.entityId) : undefined;
    return {
      id: s.id,
      path: s.path,
      name: s.name,
      type: s.type,
      typeLabel: ENTITY_TYPE_SINGULAR[s.type],
      titles: [...s.titles],
      aliases: s.aliases.filter((alias) => alias !== s.name),
      entity: entity ? { name: entity.name, path: entity.path } : null,
      quoteCount: quotes.length,
      quotes: quotes.map((q, i) => ({ ...q, citeArticleAbove: quotes[i - 1]?.article.path === q.article.path })),
      sources: [...sources.values()].sort((x, y) => compareNames(x.name, y.name)),
      jsonLd: toJsonLdElement(toRecordJsonLd(recordOf(s), { aliases: s.aliases.filter((alias) => alias !== s.name), titles: s.titles })),
      feed: { path: feedPathOf(s.path), title: `Quotes by ${s.name}` },
      activity: activityCharts.get(s.id) ?? null,
    };
  });

  const speakerIndex = archive.speakers
    .map((s) => ({ name: s.name, path: s.path, quoteCount: s.quoteIds.length, titles: [...s.titles], typeLabel: ENTITY_TYPE_SINGULAR[s.type] }))
    .sort((x, y) => compareNames(x.name, y.name));

  const entities: EntityPageView[] = archive.entities.map((e) => {
    const speaker = speakerByEntity.get(e.id);
    return {
      id: e.id,
      path: e.path,
      name: e.name,
      type: e.type,
      typeLabel: ENTITY_TYPE_SINGULAR[e.type] ?? e.type,
      aliases: e.aliases.filter((alias) => alias !== e.name),
      mentionCount: e.mentionCount,
      speaker: speaker ? speakerLink(speaker) : null,
      articles: summariesOf(e.articleIds),
      jsonLd: toJsonLdElement(toRecordJsonLd(recordOf(e), { aliases: e.aliases.filter((alias) => alias !== e.name) })),
      feed: { path: feedPathOf(e.path), title: `Articles mentioning ${e.name}` },
    };
  });

  const entityIndex = ENTITY_TYPE_ORDER.map((type) => ({
    type,
    label: ENTITY_TYPE_LABELS[type],
    anchorId: `type-${type}`,
    entities: archive.entities
      .filter((e) => e.type === type)
      .map((e) => ({ name: e.name, path: e.path, articleCount: e.articleIds.length }))
      .sort((x, y) => compareNames(x.name, y.name)),
  })).filter((group) => group.entities.length > 0);

  const quoteCountOf = (s: Source): number => s.articleIds.reduce((n, id) => n + (articleById.get(id)?.quoteIds.length ?? 0), 0);
  const sources: SourcePageView[] = archive.sources.map((s) => ({
    id: s.id,
    path: s.path,
    name: s.name,
    articles: summariesOf(s.articleIds),
    quoteCount: quoteCountOf(s),
    feed: { path: feedPathOf(s.path), title: `Articles from ${s.name}` },
  }));
  const sourceIndex = archive.sources
    .map((s) => ({ name: s.name, path: s.path, articleCount: s.articleIds.length, quoteCount: quoteCountOf(s) }))
    .sort((x, y) => compareNames(x.name, y.name));

  const allSummaries = summariesOf(archive.articles.map((a) => a.id));

  // Pagefind keeps one index per language and loads the page's: rank languages by records (articles + quotes).
  const recordsByLanguage = new Map<string, number>();
  for (const a of archive.articles) {
    const language = toSearchLanguage(a.language);
    recordsByLanguage.set(language, (recordsByLanguage.get(language) ?? 0) + 1 + a.quoteIds.length);
  }
  const languages = [...recordsByLanguage].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0])).map(([language]) => language);

  return {
    meta: {
      title,
      description: 'A searchable archive of who said what in the news.',
      csp: CONTENT_SECURITY_POLICY,
      language: options.language ?? 'en',
      pathPrefix,
      canonicalBase,
      nav: [
        { label: 'Home', path: '/' },
        { label: 'Articles', path: '/articles/' },
        { label: 'Speakers', path: '/speakers/' },
        { label: 'Entities', path: '/entities/' },
        { label: 'Sources', path: '/sources/' },
        { label: 'Timeline', path: '/timeline/' },
        { label: 'Data', path: '/data/' },
        { label: 'Search', path: '/search/' },
      ],
    },
    home: {
      articles: allSummaries.slice(0, homeListSize),
      speakers: archive.speakers
        .map((s) => ({ name: s.name, path: s.path, quoteCount: s.quoteIds.length }))
        .sort((x, y) => y.quoteCount - x.quoteCount || compareNames(x.name, y.name))
        .slice(0, homeListSize),
      sources: sourceIndex.map((s) => ({ name: s.name, path: s.path, articleCount: s.articleCount })),
      counts: countRecords(archive),
    },
    articles,
    speakers,
    speakerIndex,
    entities,
    entityIndex,
    sources,
    sourceIndex,
    timeline: { chart: toTimelineChart(archive), ...toTimeline(allSummaries) },
    dataFiles: toDataDictionary(options.partsOnly ?? []),
    articleListPages: chunkArticleList(allSummaries, options.articleListPageSize ?? 100),
    search: {
      filters: [
        { key: 'speaker', label: 'Speaker' },
        { key: 'source', label: 'Source' },
        { key: 'year', label: 'Year' },
        { key: 'entity', label: 'Entity' },
        { key: 'kind', label: 'Quote kind', choices: (['direct', 'partial', 'indirect'] as const).map((kind) => ({ value: kind, label: KIND_LABELS[kind] })) },
        { key: 'type', label: 'Result type', choices: [{ value: 'Quote', label: 'Quote' }, { value: 'Article', label: 'Article' }] },
      ],
      language: languages[0] ?? 'en',
      otherLanguages: languages.slice(1),
    },
  };
}

/** One line about an article for descriptions and cards: outlet, date and who is quoted. */
function describeArticle(a: Article, speakers: readonly string[]): string {
  const quoted = speakers.length ? ` Quoted: ${speakers.slice(0, 5).join(', ')}${speakers.length > 5 ? ', and others' : ''}.` : '';
  return `${a.source.name}, ${formatDateLabel(a.date)}. ${a.quoteIds.length} quote${a.quoteIds.length === 1 ? '' : 's'}.${quoted}`;
}

/** Groups article summaries (newest first) by year, then month. */
function toTimeline(summaries: readonly ArticleSummaryView[]): Omit<TimelineView, 'chart'> {
  const years: TimelineView['years'] = [];
  for (const a of summaries) {
    const year = a.date.slice(0, 4);
    const key = a.date.slice(0, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) {
      y = { year, anchorId: `y${year}`, articleCount: 0, months: [] };
      years.push(y);
    }
    let m = y.months[y.months.length - 1];
    if (!m || m.key !== key) {
      m = { key, anchorId: `m${key}`, label: formatMonthLabel(key), articles: [], quoteCount: 0 };
      y.months.push(m);
    }
    y.articleCount += 1;
    m.articles.push(a);
    m.quoteCount += a.quoteCount;
  }
  return { years };
}

/** Path of page `n` (1-based) of the article list. */
function articleListPath(n: number): string {
  return n === 1 ? '/articles/' : `/articles/page/${n}/`;
}

/** Splits the article list into pages, so no template paginates inside a paginated template. */
function chunkArticleList(summaries: readonly ArticleSummaryView[], size: number): ArticleListPageView[] {
  const pageCount = Math.max(1, Math.ceil(summaries.length / size));
  return Array.from({ length: pageCount }, (_, i) => ({
    path: articleListPath(i + 1),
    number: i + 1,
    pageCount,
    articles: summaries.slice(i * size, (i + 1) * size),
    previous: i > 0 ? articleListPath(i) : null,
    next: i + 1 < pageCount ? articleListPath(i + 2) : null,
  }));
}

/** Keeps an original-article address only when it is http(s), so a `javascript:` URL never becomes a link. */
export function toSafeExternalUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
