/**
 * Reads a saved web page (cheerio over parse5, the HTML standard's parser):
 * metadata from what publishers put there for machines, in this order of
 * trust: JSON-LD `NewsArticle` (headline, datePublished, publisher, author,
 * url), OpenGraph and `article:` meta, `<link rel=canonical>`, `<title>`,
 * `<html lang>`; the body from the paragraphs of `<article>` (or
 * `[itemprop=articleBody]`, `<main>`, the page), leaving out figures,
 * asides, navigation and footers. The body's first paragraph may still
 * give a dateline.
 */
import * as cheerio from 'cheerio';
import type { ArticleDraft, DraftFields, InputPosition } from './article-draft.ts';
import { applyDateline } from './dateline-fields.ts';
import { isCalendarDay, isoDate } from './written-dates.ts';

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BlogPosting', 'OpinionNewsArticle']);

type JsonObject = Record<string, unknown>;
/** A node of the parsed page; only its location is read, so its exact type does not matter here. */
type AnyNode = unknown;
/** Where parse5 says a node starts, when asked for locations. */
interface Located { sourceCodeLocation?: { startLine: number; startCol: number } | null }

/** Every JSON-LD object of the page that is an article (top level, arrays and `@graph` included). */
function jsonLdArticles($: cheerio.CheerioAPI): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) { value.forEach(visit); return; }
    if (!value || typeof value !== 'object') return;
    const object = value as JsonObject;
    const types = ([] as unknown[]).concat(object['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t))) found.push(object);
    if (object['@graph']) visit(object['@graph']);
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()));
    } catch {
      // A publisher's broken JSON-LD is not the user's problem: the other metadata still counts.
    }
  });
  return found;
}

/** A JSON-LD value as text: a string, or the `name` of an object, or the names of a list joined. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== undefined);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonObject).name) ?? nameOf((value as JsonObject)['@id']);
  return undefined;
}

/** The article's publication day from an ISO date-time as the publisher wrote it (its own time zone). */
function dayOf(value: string | undefined): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value ?? '');
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? isoDate(year, month, day) : undefined;
}

function positionOf(node: AnyNode | undefined): InputPosition | undefined {
  const location = (node as Located | undefined)?.sourceCodeLocation;
  return location ? { line: location.startLine, column: location.startCol } : undefined;
}

/** Normalizes the text of an element: collapsed white space, as a reader sees it. */
function visibleText($: cheerio.CheerioAPI, element: Parameters<cheerio.CheerioAPI>[0]): string {
  return $(element).text().replace(/\s+/g, ' ').trim();
}

/** Turns one saved web page into a draft (see the module comment). */
export function readHtmlArticle(file: string, html: string): ArticleDraft {
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true });
  const draft: ArticleDraft = { file, fields: {}, positions: {}, weekdays: [], body: '' };
  const set = (key: keyof DraftFields, value: string | undefined, node?: AnyNode): void => {
    const text = value?.replace(/\s+/g, ' ').trim();
    if (!text || draft.fields[key] !== undefined) return;
    draft.fields[key] = text;
    const at = positionOf(node);
    if (at) draft.positions[key] = at;
  };
  const meta = (selector: string): [string | undefined, AnyNode | undefined] => {
    const element = $(selector).first();
    return [element.attr('content'), element.get(0)];
  };
  const ldScript = $('script[type="application/ld+json"]').get(0);
  const [ld] = jsonLdArticles($);
  if (ld) {
    set('title', nameOf(ld.headline), ldScript);
    set('date', dayOf(nameOf(ld.datePublished)), ldScript);
    set('source', nameOf(ld.publisher), ldScript);
    set('byline', nameOf(ld.author), ldScript);
    set('url', nameOf(ld.url) ?? nameOf(ld.mainEntityOfPage), ldScript);
  }
  set('title', ...meta('meta[property="og:title"]'));
  set('date', dayOf(meta('meta[property="article:published_time"]')[0]), meta('meta[property="article:published_time"]')[1]);
  set('date', dayOf(meta('meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]')[0]), meta('meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]')[1]);
  set('source', ...meta('meta[property="og:site_name"]'));
  set('byline', ...meta('meta[name="author"]'));
  const canonical = $('link[rel="canonical"]').first();
  set('url', canonical.attr('href'), canonical.get(0));
  set('url', ...meta('meta[property="og:url"]'));
  const title = $('title').first();
  // "Headline | Outlet": the outlet part of a page title is no part of the headline.
  const site = draft.fields.source;
  const pageTitle = site ? title.text().replace(new RegExp(`\\s+[|–—-]\\s+${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), '') : title.text();
  set('title', pageTitle, title.get(0));
  const h1 = $('h1').first();
  set('title', h1.text(), h1.get(0));
  const html$ = $('html').first();
  // Pages write `en_US` as often as `en-US`; a tag still not BCP 47 shape is left out (the default, en, applies) rather than stopping the import.
  const lang = html$.attr('lang')?.trim().replace(/_/g, '-');
  if (lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang)) set('language', lang, html$.get(0));
  if (draft.fields.url !== undefined && !/^https?:\/\//i.test(draft.fields.url)) {
    // A relative canonical link names no original address we could link to.
    delete draft.fields.url;
    delete draft.positions.url;
  }

  // A line break inside a paragraph separates words; text() alone would glue them.
  $('br').replaceWith(' ');
  const container = ['article [itemprop="articleBody"]', '[itemprop="articleBody"]', 'article', 'main', 'body']
    .map((selector) => $(selector).first())
    .find((c) => c.length > 0 && c.find('p').length > 0);
  const paragraphs = (container?.find('p').toArray() ?? [])
    .filter((p) => $(p).closest('figure, figcaption, aside, nav, footer, header, form').length === 0)
    .map((p) => ({ text: visibleText($, p), node: p }))
    .filter((p) => p.text !== '');
  draft.body = paragraphs.length ? `${paragraphs.map((p) => p.text).join('\n\n')}\n` : '';
  const opening = paragraphs[0];
  if (opening) {
    const at = positionOf(opening.node) ?? { line: 1, column: 1 };
    applyDateline(draft, opening.text, () => at);
  }
  return draft;
}
