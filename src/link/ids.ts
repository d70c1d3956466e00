/**
 * Readable, stable identifiers. They become URLs people cite, so they come
 * from content (dates, titles, names, quote text), never from positions or
 * run order.
 */
import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import type { FrontMatter } from '../archive/types.ts';
import { memoizeBounded } from '../memoize.ts';

const MAX_SLUG = 80;

/**
 * Lowercase ASCII slug: diacritics folded, anything else joined by dashes.
 * @example slugify('Déjà Vu: the “Plan”!') //=> 'deja-vu-the-plan'
 */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut;
}

/**
 * A slug for text in any script. Text with Latin letters or digits keeps its
 * `slugify` slug (so existing pages keep their addresses); other scripts are
 * romanized first (`transliteration`: pinyin for Chinese, Arabic, Cyrillic,
 * Korean, Greek…), and text with nothing to romanize (emoji) gets a stable
 * short hash of itself, so two such titles never share a page.
 * @example slugOf('北京发布新规') //=> 'bei-jing-fa-bu-xin-gui'
 * @example slugOf('🎉') //=> 'h-…' (8 hex digits)
 */
export function slugOf(value: string): string {
  const latin = slugify(value);
  if (latin) return latin;
  const text = value.normalize('NFC').trim();
  if (!text) return '';
  const romanized = slugify(transliterate(text));
  if (romanized) return romanized;
  return `h-${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;
}

/** An article's id: front matter `slug`, else `<date>-<title slug>`. */
export function articleSlug(frontMatter: FrontMatter): string {
  if (typeof frontMatter.slug === 'string' && slugify(frontMatter.slug)) return slugify(frontMatter.slug);
  const title = slugOf(frontMatter.title) || 'untitled';
  return `${frontMatter.date}-${title}`;
}

/** Folds case, accents, spacing and dash forms so that "Kao Mei-Ling" and "Kao  Mei-ling" compare equal. */
export function normalizeName(name: string): string {
  return normalizedNameMemo(name);
}
// Linking compares and sorts the same few thousand names over and over.
const normalizedNameMemo = memoizeBounded(foldName, 100_000);

function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const LEGAL_SUFFIX = /,?\s+(?:corp\.?|corporation|inc\.?|incorporated|ltd\.?|limited|llc|plc|co\.|company|group|holdings?|ag|sa|s\.a\.|se|gmbh|nv|n\.v\.|bv|ab|asa|oyj|spa|s\.p\.a\.|pty|pte)$/i;

/**
 * An organization's name without "the" and legal suffixes, normalized:
 * "Andina Copper Corp." and "Andina Copper" are one company.
 */
export function organizationKey(name: string): string {
  let key = normalizeName(name).replace(/^the\s+/, '');
  for (let i = 0; i < 2 && LEGAL_SUFFIX.test(key); i++) key = key.replace(LEGAL_SUFFIX, '');
  return key;
}

/** Folds a quote's text so that whitespace or curly/straight differences never change its id. */
export function normalizeQuoteText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’‚']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A quote's id hashes its article and normalized text, so adding or removing
 * another quote never renames it.
 */
export function quoteId(articleId: string, text: string): string {
  const hash = createHash('sha1').update(`${articleId}\n${normalizeQuoteText(text)}`).digest('hex');
  return `q-${hash.slice(0, 10)}`;
}

/**
 * Hands out unique slugs in one run: the second "lee" becomes "lee-2".
 * Callers feed names in a deterministic (sorted) order.
 */
export class SlugCounter {
  readonly #used = new Set<string>();
  /** A slug for `value`, unique among those handed out by this counter. */
  next(value: string, fallback = 'item'): string {
    const base = slugOf(value) || fallback;
    let slug = base;
    for (let n = 2; this.#used.has(slug); n++) slug = `${base}-${n}`;
    this.#used.add(slug);
    return slug;
  }
}
