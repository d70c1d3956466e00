/**
 * The search index's view of the archive: one Pagefind custom record per
 * quote, so a search for words of a quote returns that quote (not just its
 * page) and links to its place in the article. Pure.
 */
import type { Archive, Entity } from '../archive/types.ts';
import { toPlainQuoteTexts } from '../render/quote-text.ts';
import { toSearchLanguage } from './language.ts';

/** A record as Pagefind's `addCustomRecord` takes it (all meta, filter and sort values are strings). */
export interface QuoteSearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Value of the `type` filter that tells quote results from whole-article results. */
export const QUOTE_RESULT_TYPE = 'Quote';
/** Value of the `type` filter on article pages. */
export const ARTICLE_RESULT_TYPE = 'Article';

/** First words of a quote for a result title. */
function firstWords(text: string, maxWords: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
}

/**
 * Most entity filter values one quote record carries. Every quote of an article
 * carries the article's entities, so a huge article (thousands of quotes, hundreds
 * of entities) would grow the index with their product: 151 MB of index for one
 * 4 MB article. An article past this keeps its most-mentioned entities.
 */
export const MAX_ENTITY_FILTERS_PER_QUOTE = 50;

/** An article's entity names for its quotes' `entity` filter: sorted, at most MAX_ENTITY_FILTERS_PER_QUOTE. */
function entityFilterValues(entityIds: readonly string[], entityById: ReadonlyMap<string, Entity>): string[] {
  let entities = entityIds.map((id) => entityById.get(id)).filter((e): e is Entity => e !== undefined && e.name !== '');
  if (new Set(entities.map((e) => e.name)).size > MAX_ENTITY_FILTERS_PER_QUOTE) {
    entities = [...entities].sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    names.push(e.name);
    if (names.length === MAX_ENTITY_FILTERS_PER_QUOTE) break;
  }
  return names.sort();
}

/** Turns every quote of the archive into a Pagefind custom record, in archive order. */
export function toPagefindRecords(archive: Archive): QuoteSearchRecord[] {
  const articleById = new Map(archive.articles.map((a) => [a.id, a]));
  const speakerById = new Map(archive.speakers.map((s) => [s.id, s]));
  const entityById = new Map<string, Entity>(archive.entities.map((e) => [e.id, e]));
  const plainTexts = toPlainQuoteTexts(archive);
  const records: QuoteSearchRecord[] = [];
  // Computed once per article, not once per quote.
  const entityNamesByArticle = new Map<string, string[]>();
  for (const quote of archive.quotes) {
    const article = articleById.get(quote.articleId);
    if (!article) continue;
    const speaker = quote.speakerId ? speakerById.get(quote.speakerId) : undefined;
    const speakerName = speaker?.name ?? quote.speakerName ?? '';
    const text = plainTexts.get(quote.id) ?? quote.text;
    let entityNames = entityNamesByArticle.get(article.id);
    if (!entityNames) entityNamesByArticle.set(article.id, (entityNames = entityFilterValues(article.entityIds, entityById)));
    const filters: Record<string, string[]> = {
      source: [article.source.name],
      year: [quote.date.slice(0, 4)],
      type: [QUOTE_RESULT_TYPE],
    };
    // Only named speakers make useful filter values; "a source" would group strangers.
    if (speaker) filters.speaker = [speaker.name];
    if (entityNames.length > 0) filters.entity = entityNames;
    const meta: Record<string, string> = {
      title: speakerName ? `${speakerName}: ${firstWords(text, 10)}` : firstWords(text, 10),
      date: quote.date,
      source: article.source.name,
      kind: quote.kind,
    };
    // Pagefind searches meta values too: the article title here would make every
    // quote of an article match its headline, so only the quote's own facts go in.
    if (speakerName) meta.speaker = speakerName;
    records.push({
      url: quote.path,
      // The speaker's name is searchable too: "Smith tariffs" finds Smith's words on tariffs.
      content: speakerName ? `${text} — ${speakerName}` : text,
      language: toSearchLanguage(article.language),
      meta,
      filters,
      sort: { date: quote.date },
    });
  }
  return records;
}
