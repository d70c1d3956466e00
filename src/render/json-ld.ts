/**
 * Structured data (schema.org JSON-LD) for the pages: an article is a
 * `NewsArticle` whose quotes are `Quotation` parts, a speaker or entity page
 * is the `Person`, `Organization`, `Place` or `CreativeWork` it is about.
 *
 * The JSON goes inside a `<script>` data block, where `</script>` or `<!--`
 * in a title would end or confuse the element, so every `<`, `>` and `&` is
 * written as a `\u` escape (still the same JSON value), and so are the line
 * separators JavaScript once rejected.
 */
import type { Article, EntityType, Quote, SpeakerType } from '../archive/types.ts';

/** Serializes a value as JSON that is safe inside an HTML `<script>` element. */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The `<script type="application/ld+json">` element holding `data`. */
export function toJsonLdElement(data: Record<string, unknown>): string {
  return `<script type="application/ld+json">${serializeJsonForScript(data)}</script>`;
}

/** The schema.org type of a speaker or entity record. */
export function schemaTypeOf(type: EntityType | SpeakerType): 'Person' | 'Organization' | 'Place' | 'CreativeWork' {
  switch (type) {
    case 'person': return 'Person';
    case 'organization': return 'Organization';
    case 'place': return 'Place';
    default: return 'CreativeWork';
  }
}

/** A record named in structured data: its name, type and the page of it on this site. */
export interface JsonLdRecord {
  name: string;
  type: EntityType | SpeakerType;
  /** Address of its page (absolute when the site has a `url`, else the path with the prefix). */
  url: string;
}

/** What an article page's structured data says besides the article record. */
export interface ArticleJsonLdInput {
  /** Address of the article page on this site. */
  url: string;
  /** The original's address, only when it is http(s) (else null). */
  originalUrl: string | null;
  /** The source's page on this site. */
  sourceUrl: string;
  /** Entities the article mentions. */
  mentions: readonly JsonLdRecord[];
  /** The article's quotes, in text order, with their plain text, address and speaker record (if any). */
  quotes: readonly { quote: Quote; text: string; url: string; speaker: JsonLdRecord | null }[];
}

function thing(record: JsonLdRecord): Record<string, unknown> {
  return { '@type': schemaTypeOf(record.type), name: record.name, url: record.url };
}

/** The `NewsArticle` of an article page, its quotes as `Quotation` parts. */
export function toArticleJsonLd(article: Article, input: ArticleJsonLdInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': input.url,
    url: input.url,
    headline: article.title,
    datePublished: article.date,
    inLanguage: article.language,
    publisher: { '@type': 'Organization', name: article.source.name, url: input.sourceUrl },
  };
  if (article.byline) data.author = { '@type': 'Person', name: article.byline };
  // This page is a copy for the archive; the outlet's page is what it is based on.
  if (input.originalUrl) data.isBasedOn = input.originalUrl;
  if (input.mentions.length > 0) data.mentions = input.mentions.map(thing);
  if (input.quotes.length > 0) {
    data.hasPart = input.quotes.map(({ quote, text, url, speaker }) => {
      const quotation: Record<string, unknown> = { '@type': 'Quotation', '@id': url, url, text, dateCreated: quote.date, isPartOf: { '@id': input.url } };
      // A quote without a speaker record ("officials said") names nobody one could link to.
      if (speaker) {
        quotation.spokenByCharacter = thing(speaker);
        quotation.creator = thing(speaker);
      }
      return quotation;
    });
  }
  return data;
}

/** The record a speaker or entity page is about. */
export function toRecordJsonLd(record: JsonLdRecord, details: { aliases: readonly string[]; titles?: readonly string[] }): Record<string, unknown> {
  const data: Record<string, unknown> = { '@context': 'https://schema.org', '@id': record.url, ...thing(record) };
  if (details.aliases.length > 0) data.alternateName = [...details.aliases];
  if (record.type === 'person' && details.titles && details.titles.length > 0) data.jobTitle = [...details.titles];
  return data;
}
