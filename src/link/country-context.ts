/**
 * Which country a government body belongs to, as the text says it. A bare
 * "Foreign Ministry" exists in every country, so two articles' "Foreign
 * Ministry" are one record only when nothing says they are two countries'.
 * The text says it in the name ("China's Foreign Ministry", "the Chinese
 * Foreign Ministry", "Ministry of Foreign Affairs of Japan"), right around
 * a mention, or in the article's dateline ("TOKYO (Wire) —").
 */
import countryContext from './lexicons/country-context.json' with { type: 'json' };

interface CountryEntry {
  name: string;
  aliases?: string[];
  adjectives: string[];
  cities: string[];
}

const entries = countryContext.entries as CountryEntry[];

/** Country names and their aliases, as written → canonical country. */
const countryByName = new Map<string, string>();
/** Adjectives ("Chinese", "British") → canonical country. */
const countryByAdjective = new Map<string, string>();
/** Cities in lower case → canonical country (datelines are often in capitals). */
const countryByCity = new Map<string, string>();
for (const entry of entries) {
  for (const form of [entry.name, ...(entry.aliases ?? [])]) countryByName.set(form, entry.name);
  for (const form of entry.adjectives) countryByAdjective.set(form, entry.name);
  for (const form of entry.cities) countryByCity.set(form.toLowerCase(), entry.name);
}
for (const [form, country] of countryByName) if (!countryByCity.has(form.toLowerCase())) countryByCity.set(form.toLowerCase(), country);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (forms: Iterable<string>) => [...forms].sort((a, b) => b.length - a.length).map(escape).join('|');
const NAMES = alternation(countryByName.keys());
const ADJECTIVES = alternation(countryByAdjective.keys());
const APOSTROPHE = "['’]";

/** "China's X", "the Chinese X", "X of China", "X of the United States": the qualifier and the rest. */
const LEADING_POSSESSIVE = new RegExp(`^(?:the\\s+)?(${NAMES})${APOSTROPHE}s?\\s+(.+)$`, 'u');
const LEADING_ADJECTIVE = new RegExp(`^(?:the\\s+)?(${ADJECTIVES})\\s+(.+)$`, 'u');
const TRAILING_OF = new RegExp(`^(.+?)\\s+of\\s+(?:the\\s+)?(${NAMES})$`, 'u');
/** The same qualifiers right before or after a mention in the body. */
const BEFORE_MENTION = new RegExp(`(?:^|[^\\p{L}.])(?:(${NAMES})${APOSTROPHE}s?|(${ADJECTIVES}))\\s+$`, 'u');
const AFTER_MENTION = new RegExp(`^\\s+of\\s+(?:the\\s+)?(${NAMES})(?![\\p{L}])`, 'u');

/** A name with its country qualifier taken off, and that country (null when it names none). */
export interface QualifiedName {
  /** The name without the qualifier: "Foreign Ministry" for "China's Foreign Ministry". */
  rest: string;
  country: string | null;
}

/**
 * Splits a country qualifier off a name.
 * @example splitCountryQualifier("China's Foreign Ministry") //=> { rest: 'Foreign Ministry', country: 'China' }
 * @example splitCountryQualifier('Ministry of Defence of Japan') //=> { rest: 'Ministry of Defence', country: 'Japan' }
 */
export function splitCountryQualifier(name: string): QualifiedName {
  const text = name.trim();
  let m = LEADING_POSSESSIVE.exec(text);
  if (m) return { rest: m[2]!, country: countryByName.get(m[1]!)! };
  m = LEADING_ADJECTIVE.exec(text);
  if (m) return { rest: m[2]!, country: countryByAdjective.get(m[1]!)! };
  m = TRAILING_OF.exec(text);
  if (m) return { rest: m[1]!, country: countryByName.get(m[2]!)! };
  return { rest: text, country: null };
}

/**
 * The country written right around a mention: "China's [Foreign Ministry]",
 * "the Japanese [Defence Ministry]", "[the Ministry of Defence] of Japan".
 */
export function countryAroundMention(body: string, start: number, end: number): string | null {
  const before = BEFORE_MENTION.exec(body.slice(Math.max(0, start - 40), start));
  if (before) return before[1] ? countryByName.get(before[1])! : countryByAdjective.get(before[2]!)!;
  const after = AFTER_MENTION.exec(body.slice(end, end + 50));
  return after ? countryByName.get(after[1]!)! : null;
}

// "BEIJING (Wire) —", "KUALA LUMPUR, Malaysia —", "Tokyo, March 9 (Wire) -": a place in capitals or title case, then a mark.
const BODY_DATELINE = /^\s*([A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*([A-Z][A-Za-z.' ]{1,30}?))?(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\([^)\n]{1,60}\)\s*)?(?:—|–|--|-\s)/u;

/**
 * The country an article reports from: its front-matter `dateline`, else the
 * dateline at the start of its body, when the place is a country or one of
 * its capitals or major cities. Null when the article says nothing.
 */
export function articleCountry(dateline: string | null, body: string): string | null {
  const places: string[] = [];
  if (dateline) places.push(...dateline.split(',').slice(0, 2));
  else {
    const m = BODY_DATELINE.exec(body.slice(0, 200));
    if (m) places.push(m[1]!, ...(m[2] ? [m[2]] : []));
  }
  // "SPRINGFIELD, Illinois" names a state after the city: the second part wins when it is a country.
  for (const place of [...places].reverse()) {
    const country = countryByCity.get(place.trim().toLowerCase());
    if (country) return country;
  }
  return null;
}
