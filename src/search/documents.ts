/**
 * The search index's view of the archive: one small HTML document per
 * article, which Pagefind indexes as one page whose quotes are sub-results.
 * Pure.
 *
 * Why one page per article and not one record per quote: Pagefind's search
 * page loads a metadata file that lists every page of the index (about 9
 * bytes each, compressed), so 116,000 quote records at 10,000 articles made
 * opening /search/ fetch over a megabyte before anything was typed, and
 * indexing them cost 0.75 ms a record. As sub-results, quotes cost nothing
 * up front and still come back one hit each: Pagefind splits a page's
 * matches at headings that carry an id, and gives each part the address of
 * its heading, which here is the quote's id, so a hit lands on the quote
 * (`/articles/<slug>/#<quoteId>`).
 *
 * Layout of a document (never served, only indexed):
 * - before the first quote heading: the article's title and its plain text
 *   outside its quotes, the part whose hit is the article itself;
 * - per quote: an empty `<span id="<quoteId>|<date>|<kind>|<speaker>">`
 *   whose id carries what the search page filters and sorts one quote by
 *   (the day the words were said, direct/partial/indirect, and the named
 *   speaker, URI-encoded), then an `<h6 id=quoteId>`
 *   with "Speaker: first words" (h6: the lightest heading weight, so the
 *   title does not outrank the words), then the quote's text. Ids are not
 *   indexed, so these facts add no words to the index, unlike metadata,
 *   which Pagefind 1.5 makes searchable.
 * - page filters (source, year, speaker, entity, kind) are the union over
 *   the article and its quotes, so Pagefind narrows to the right articles;
 *   the search page then keeps the quotes (and article) a filter really
 *   matches. `kind` has three values, so it adds three small entries to the
 *   filter index and nothing to what opening the search page fetches.
 * - the `date` sort key is the article's date, so "newest first" is one
 *   Pagefind sort; the page orders an article's quotes by their own dates.
 */
import type { Archive, Entity, QuoteKind } from '../archive/types.ts';
import { toPlainArticleTexts, toPlainQuoteTexts } from '../render/quote-text.ts';
import { toSearchLanguage } from './language.ts';
import { quotesByArticle } from '../archive/quotes-by-article.ts';

/** A document for Pagefind's `addHTMLFile`: the page address it stands for, and its HTML. */
export interface SearchDocument {
  url: string;
  content: string;
}

/**
 * Most entity filter values one article carries. A huge article (hundreds
 * of entities) keeps its most-mentioned ones, so one file cannot bloat the
 * filter index every reader of the entity filter loads.
 */
export const MAX_ENTITY_FILTERS_PER_ARTICLE = 50;

/**
 * A word every document holds, in its metadata only (so no text or excerpt
 * shows it): browsing by filters alone searches it. Pagefind's search with no
 * words fetches every chunk of the word index to find none (17.5 MB at 10,000
 * articles); this word's chunk is one small one. public/search.js has a copy.
 */
export const EVERY_ARTICLE_WORD = 'qaeveryarticle';

/** Separates the facts in a quote's data anchor id; URI-encoding never produces it. */
export const QUOTE_DATA_SEPARATOR = '|';

/** First words of a quote for a result title. */
function firstWords(text: string, maxWords: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}…` : words.join(' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An article's entity names for its `entity` filter: sorted, at most MAX_ENTITY_FILTERS_PER_ARTICLE. */
export function entityFilterValues(entityIds: readonly string[], entityById: ReadonlyMap<string, Entity>): string[] {
  let entities = entityIds.map((id) => entityById.get(id)).filter((e): e is Entity => e !== undefined && e.name !== '');
  if (new Set(entities.map((e) => e.name)).size > MAX_ENTITY_FILTERS_PER_ARTICLE) {
    entities = [...entities].sort((a, b) => b.mentionCount - a.mentionCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    names.push(e.name);
    if (names.length === MAX_ENTITY_FILTERS_PER_ARTICLE) break;
  }
  return names.sort();
}

/** The id of a quote's data anchor: quote id, date said, kind, named speaker (empty when unnamed; last, as the only free text). */
export function quoteDataAnchorId(quoteId: string, date: string, kind: QuoteKind, speaker: string): string {
  return [quoteId, date, kind, encodeURIComponent(speaker)].join(QUOTE_DATA_SEPARATOR);
}

/**
 * The article's text outside its quotes, spaces collapsed. Each quote's words
 * are indexed once, in its own part: Pagefind's work per query grows with
 * the word positions of the matching pages, and a quote repeated in the
 * article's part also made every quote hit come with an article hit.
 */
function narrativeOf(text: string, quotes: readonly { start: number; end: number }[]): string {
  const ranges = [...quotes].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    at = Math.max(at, end);
  }
  parts.push(text.slice(at));
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Turns every article of the archive into one search document, in archive order. */
export function toSearchDocuments(archive: Archive): SearchDocument[] {
  const speakerById = new Map(archive.speakers.map((s) => [s.id, s]));
  const entityById = new Map<string, Entity>(archive.entities.map((e) => [e.id, e]));
  const byArticle = quotesByArticle(archive.quotes);
  // The same plain texts the pages show (one parse per article, shared with them).
  const quoteTexts = toPlainQuoteTexts(archive);
  const articleTexts = toPlainArticleTexts(archive);
  const documents: SearchDocument[] = [];
  for (const article of archive.articles) {
    const quotes = byArticle.get(article.id) ?? [];
    const years = [article.date.slice(0, 4)];
    const speakers: string[] = [];
    const kinds: string[] = [];
    const parts: string[] = [];
    for (const quote of quotes) {
      const speaker = quote.speakerId ? speakerById.get(quote.speakerId) : undefined;
      // Only named speakers make useful filter values; "a source" would group strangers.
      if (speaker) speakers.push(speaker.name);
      years.push(quote.date.slice(0, 4));
      kinds.push(quote.kind);
      const plain = quoteTexts.get(quote.id) ?? quote.text;
      const speakerName = speaker?.name ?? quote.speakerName ?? '';
      const title = speakerName ? `${speakerName}: ${firstWords(plain, 10)}` : firstWords(plain, 10);
      parts.push(
        `<span id="${escapeHtml(quoteDataAnchorId(quote.id, quote.date, quote.kind, speaker?.name ?? ''))}"></span>`
        + `<h6 id="${escapeHtml(quote.id)}">${escapeHtml(title)}</h6>`
        + `<p>${escapeHtml(plain)}</p>`,
      );
    }
    const filters: [string, string[]][] = [
      ['source', [article.source.name]],
      ['year', sorted(years)],
      ['speaker', sorted(speakers)],
      ['entity', entityFilterValues(article.entityIds, entityById)],
      ['kind', sorted(kinds)],
    ];
    const filterSpans = filters.flatMap(([key, values]) => values.map((v) => `<span data-pagefind-filter="${key}">${escapeHtml(v)}</span>`)).join('');
    const body = narrativeOf(articleTexts.get(article.id) ?? '', quotes);
    documents.push({
      url: article.path,
      content: `<!doctype html><html lang="${toSearchLanguage(article.language)}"><head><title>${escapeHtml(article.title)}</title></head><body><main data-pagefind-body>`
        + `<meta data-pagefind-meta="date[content]" content="${escapeHtml(article.date)}">`
        + `<meta data-pagefind-sort="date[content]" content="${escapeHtml(article.date)}">`
        + `<meta data-pagefind-meta="every[content]" content="${EVERY_ARTICLE_WORD}">`
        + `<div data-pagefind-ignore>${filterSpans}</div>`
        + `<h1>${escapeHtml(article.title)}</h1><p>${escapeHtml(body)}</p>`
        + parts.join('')
        + '</main></body></html>',
    });
  }
  return documents;
}
