/**
 * What a quote's citation says, as CSL-JSON: the data the citation library
 * formats every style from. Pure, and free of Node and DOM APIs, because the
 * browser's citation script bundles it and the tests call it directly.
 *
 * The reference is the news article the words were reported in (what APA,
 * Chicago and MLA ask for when a quote comes from a secondary source); the
 * quote and its speaker travel in `note` (BibTeX prints it) and in `custom`,
 * CSL-JSON's place for fields of its own.
 */
import { parse as parseName } from '@citation-js/name';

/** The data each quote's "Cite" control carries on the page (as `data-cite-*` attributes). */
export interface QuoteCitationData {
  quoteId: string;
  /** The quote's words, as plain text. */
  text: string;
  /** Who said it: the speaker record's name, else the description the article gives ("officials"), else null. */
  speaker: string | null;
  articleTitle: string;
  /** Outlet name. */
  source: string;
  /** Article date, `YYYY-MM-DD`. */
  date: string;
  /** The article's byline as written (`Jane Doe`, `By Jane Doe and John Roe`), or null. */
  byline: string | null;
  /** The original article's address, or null. */
  url: string | null;
  /** The quote's page on this site, absolute (`https://host/articles/x/#q-1`). */
  permalink: string;
}

/** A CSL-JSON name: parsed into family and given names, or kept whole when it does not read as a person's. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The CSL-JSON item of one quote (the fields used here). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  issued: { 'date-parts': [[number, number, number]] };
  URL: string;
  author?: CslName[];
  note?: string;
  custom: { quote: string; speaker: string | null; permalink: string; originalUrl: string | null };
}

/** Byline → CSL names: `By` comes off, `and`/`&`/commas/semicolons separate authors. */
export function toCslAuthors(byline: string | null): CslName[] {
  if (!byline) return [];
  const names = byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:;|,|&|\band\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  return names.map((name): CslName => {
    // One word (an agency, "Reuters") or a name with digits is not a person's: keep it as written.
    if (!/\s/.test(name) || /\d/.test(name)) return { literal: name };
    const parsed = parseName(name) as { family?: string; given?: string } | undefined;
    return parsed?.family ? { family: parsed.family, ...(parsed.given ? { given: parsed.given } : {}) } : { literal: name };
  });
}

/** The CSL-JSON item citing `data`'s quote. */
export function toCslItem(data: QuoteCitationData): CslItem {
  const [year = 0, month = 1, day = 1] = data.date.split('-').map(Number);
  const authors = toCslAuthors(data.byline);
  return {
    id: data.quoteId,
    type: 'article-newspaper',
    title: data.articleTitle,
    'container-title': data.source,
    issued: { 'date-parts': [[year, month, day]] },
    // The original article is what a reader is sent to; this site's page when there is none.
    URL: data.url ?? data.permalink,
    ...(authors.length ? { author: authors } : {}),
    note: data.speaker ? `${data.speaker}: “${data.text}”` : `“${data.text}”`,
    custom: { quote: data.text, speaker: data.speaker, permalink: data.permalink, originalUrl: data.url },
  };
}
