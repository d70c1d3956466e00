/**
 * The entity lexicons (JSON data under `lexicons/`, each with its source and
 * licence) turned once, at module load, into the Sets and Maps the entity
 * extractor looks tokens up in.
 */
import countries from './lexicons/countries.json' with { type: 'json' };
import givenNameGenders from './lexicons/given-name-genders.json' with { type: 'json' };
import places from './lexicons/places.json' with { type: 'json' };
import organizations from './lexicons/organizations.json' with { type: 'json' };
import titles from './lexicons/titles.json' with { type: 'json' };
import honorifics from './lexicons/honorifics.json' with { type: 'json' };
import demonyms from './lexicons/demonyms.json' with { type: 'json' };
import commonWords from './lexicons/common-words.json' with { type: 'json' };
import eastAsianSurnames from './lexicons/east-asian-surnames.json' with { type: 'json' };
import givenNames from './lexicons/given-names.json' with { type: 'json' };
import entityPatterns from './lexicons/entity-patterns.json' with { type: 'json' };
import englishWords from './lexicons/english-words.json' with { type: 'json' };
import { memoizeBounded } from '../memoize.ts';

export interface GazetteerEntry {
  /** Canonical name ("United States"). */
  name: string;
  type: 'organization' | 'place';
}

interface NamedEntry {
  name: string;
  aliases?: string[];
}

/** Normalizes a written form for lookup: curly apostrophes straightened, spaces collapsed. */
export function normalizeForm(form: string): string {
  // Most forms need nothing: skip the regular expressions then (this runs per token).
  if (!NEEDS_NORMALIZING.test(form)) return form;
  return form.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}
const NEEDS_NORMALIZING = /[’‘`]|\s\s|[\t\n\r\u00a0]|^\s|\s$/;

/**
 * Written forms → entry. Forms with a lower-case letter are also indexed in
 * lower case, so "BEIJING" in a dateline finds "Beijing"; all-capital forms
 * (acronyms) are matched only as written, so "WHO" never matches "Who".
 */
const exactForms = new Map<string, GazetteerEntry>();
const foldedForms = new Map<string, GazetteerEntry>();
/** Longest form length in tokens, per first token (folded), to bound the longest-match scan. */
const maxTokensByFirst = new Map<string, number>();

function addForms(entries: NamedEntry[], type: GazetteerEntry['type']): void {
  for (const entry of entries) {
    const target: GazetteerEntry = { name: entry.name, type };
    for (const raw of [entry.name, ...(entry.aliases ?? [])]) {
      const form = normalizeForm(raw);
      if (!exactForms.has(form)) exactForms.set(form, target);
      if (/\p{Ll}/u.test(form) && !foldedForms.has(form.toLowerCase())) foldedForms.set(form.toLowerCase(), target);
      const parts = form.split(' ');
      const first = parts[0]!.toLowerCase();
      maxTokensByFirst.set(first, Math.max(maxTokensByFirst.get(first) ?? 0, parts.length));
    }
  }
}
addForms(countries.entries, 'place');
addForms(places.usStates, 'place');
addForms(places.regions, 'place');
addForms(places.cities, 'place');
addForms(organizations.entries, 'organization');

/** Countries and US states, lower case: the second half of "Sulphur, Louisiana" or "Kisumu, Kenya". */
const countryOrStateForms = new Set<string>();
for (const entry of [...countries.entries, ...places.usStates] as NamedEntry[]) for (const raw of [entry.name, ...(entry.aliases ?? [])]) countryOrStateForms.add(normalizeForm(raw).toLowerCase());
export function isCountryOrState(form: string): boolean {
  return countryOrStateForms.has(normalizeForm(form).toLowerCase());
}

/** Looks up a written form (normalized) in the gazetteers. */
export function lookupGazetteer(form: string): GazetteerEntry | undefined {
  // Every token and phrase of every article is looked up, mostly the same few thousand: memoize.
  return gazetteerMemo(form);
}
const gazetteerMemo = memoizeBounded(findGazetteerEntry);

function findGazetteerEntry(form: string): GazetteerEntry | undefined {
  const f = normalizeForm(form);
  const exact = exactForms.get(f);
  if (exact) return exact;
  // All-caps multi-letter words that are not acronyms in the lexicon: datelines ("BEIJING").
  return foldedForms.get(f.toLowerCase());
}

/** Most tokens a gazetteer form starting with this token can have (0: none starts with it). */
export function maxGazetteerTokens(firstToken: string): number {
  return maxTokensMemo(firstToken);
}
const maxTokensMemo = memoizeBounded((firstToken: string) => maxTokensByFirst.get(normalizeForm(firstToken).toLowerCase()) ?? 0);

const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));

/** Role and office words, lower case ("spokesperson", "minister", "coach"). */
export const ROLE_WORDS = lower(titles.roles);
/** Multi-word titles, lower case ("secretary of state"). */
export const MULTIWORD_TITLES = lower(titles.multiword);
/** Honorifics and ranks as written before names ("Mr.", "Lt. Col.", "Sheikh"), lower case. */
export const HONORIFICS = lower(honorifics.entries);
/** Nationality, group and language adjectives and plurals ("Chinese", "Democrats"). */
// The plural of each person-noun form ("Ethiopians Dejene Debela and Asefa Mengstu"), so lists of people by nationality read like one.
export const DEMONYMS = new Set([...demonyms.entries, ...demonyms.entries.filter((e) => /(?:an|i|ite|er)$/.test(e)).map((e) => `${e}s`)]);
/** Closed-class words and sentence adverbs, lower case: never the start of a name. */
export const FUNCTION_WORDS = lower(commonWords.function);
/** Common content words, lower case: capitalized only by position, or names only with other evidence. */
export const CONTENT_WORDS = lower(commonWords.content);
/** Family names written first in East Asian names ("Li", "Moon", "Nguyen"). */
export const EAST_ASIAN_SURNAMES = new Set(eastAsianSurnames.entries);
/** Personal names (given and family mixed), as written ("Maria") and without accents ("Tomas" for "Tomás"). */
export const PERSONAL_NAMES = new Set(givenNames.names);
/** Given names alone (no family names): "Rose Mary Byrne" starts with one, "Countryman Lawrence Cherono" does not. */
export const GIVEN_NAMES = new Set([...givenNameGenders.female, ...givenNameGenders.male]);
/** Folds accents away so "Émilie" finds "Emilie". */
export function foldAccents(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '');
}
/** True if the word is a known personal name, with or without its accents. */
export function isPersonalName(word: string): boolean {
  return (wordFlags(word) & WORD_PERSONAL) !== 0;
}
const NON_ASCII = /[^\x00-\x7f]/;

/** Words ending an organization's name ("Ministry", "Corp.", "University"). */
export const ORG_SUFFIXES = new Set(entityPatterns.organizationSuffixes);
/** Words that begin an organization's name before "of"/"for" ("Ministry of ...", "Bank of ..."). */
export const ORG_HEADS = new Set(entityPatterns.organizationHeads);
/** Words ending a place's name ("Province", "River", "Island"). */
export const PLACE_SUFFIXES = new Set(entityPatterns.placeSuffixes);
/** Words ending a document's name ("Act", "Treaty", "Resolution"). */
export const DOCUMENT_SUFFIXES = new Set(entityPatterns.documentSuffixes);
/** Words before "of/to/for" that keep a place phrase whole ("Gulf of", "Republic of"). */
export const PLACE_HEADS = new Set(entityPatterns.placeHeads);
/** Name particles written lower case inside names ("de", "van", "bin"). */
export const NAME_PARTICLES = new Set(entityPatterns.nameParticles);
/** Generational suffixes after a name ("Jr.", "III"). */
export const NAME_SUFFIXES = new Set(entityPatterns.nameSuffixes);
/** Abbreviations written with a final period that does not end a sentence ("Mr.", "Inc."). */
export const ABBREVIATIONS = new Set(entityPatterns.abbreviations);
/** Capitalized words that are never part of a name (months, weekdays, diseases, wire tags), lower case. */
export const NEVER_NAMES = lower(entityPatterns.neverNames);
/** Possessive words that stay inside a name ("People's Republic"), lower case, straight apostrophe. */
export const POSSESSIVES_IN_NAMES = lower(entityPatterns.possessivesInNames);
/** Lower-case second halves of compounds that make the first half a modifier ("London-based"). */
export const COMPOUND_MODIFIERS = lower(entityPatterns.compoundModifiers);
/** Prepositions after which an unknown capitalized phrase is read as a place ("in", "at"). */
export const LOCATIVE_PREPOSITIONS = lower(entityPatterns.locativePrepositions);
/** First words that make a phrase a place ("Lake Charles", "Cape Canaveral", "San Jose"). */
export const PLACE_PREFIXES = new Set(entityPatterns.placePrefixes);
/** Compass and size words before a known place ("West Yorkshire", "Northern Virginia"). */
export const COMPASS_WORDS = new Set(entityPatterns.compassWords);
/** Lower-case nouns after a name that make it a place ("Mato Grosso state"). */
export const PLACE_NOUNS = new Set(entityPatterns.placeNouns);
/** All-capital words that are not organizations ("CEO", "GDP"). */
export const NON_ORG_ACRONYMS = new Set(entityPatterns.acronymsNotOrganizations);
/** Lower-case English dictionary words: a capitalized one is weak evidence against a personal name. */
export const ENGLISH_WORDS = new Set(englishWords.words);
/** Place-name endings that are also common surnames ("Park", "Hill"): "Jane Park" stays a person. */
export const SURNAME_LIKE_SUFFIXES = new Set(entityPatterns.surnameLikeSuffixes);
/** Lower-case nouns that name an organization around a name ("the union Verdi", "the Houthi movement"). */
export const ORG_NOUNS = new Set(entityPatterns.organizationNouns);
/** AP-style US state abbreviations ("Calif.", "N.Y."): context for the place before them, not entities themselves. */
export const STATE_ABBREVIATIONS = new Set(entityPatterns.stateAbbreviations);

/** Bit flags of a word's lexicon memberships, see {@link wordFlags}. */
export const WORD_FUNCTION = 1;
export const WORD_CONTENT = 2;
export const WORD_ROLE = 4;
export const WORD_ENGLISH = 8;
export const WORD_PERSONAL = 16;
export const WORD_NEVER = 32;
export const WORD_DEMONYM = 64;
export const WORD_EAST_ASIAN = 128;

/**
 * Every lexicon a written word belongs to, as bit flags, memoized: the
 * extractor asks several of these per capitalized token, and one map lookup
 * on the token's own string is much cheaper than several set lookups on
 * fresh lower-case copies.
 */
export function wordFlags(word: string): number {
  return flagsMemo(word);
}
const flagsMemo = memoizeBounded((word: string) => {
  const l = word.toLowerCase();
  return (
    (FUNCTION_WORDS.has(l) ? WORD_FUNCTION : 0) |
    (CONTENT_WORDS.has(l) ? WORD_CONTENT : 0) |
    (ROLE_WORDS.has(l) ? WORD_ROLE : 0) |
    (ENGLISH_WORDS.has(l) ? WORD_ENGLISH : 0) |
    (PERSONAL_NAMES.has(word) || (NON_ASCII.test(word) && PERSONAL_NAMES.has(foldAccents(word))) ? WORD_PERSONAL : 0) |
    (NEVER_NAMES.has(l) ? WORD_NEVER : 0) |
    (DEMONYMS.has(word) ? WORD_DEMONYM : 0) |
    (EAST_ASIAN_SURNAMES.has(word) ? WORD_EAST_ASIAN : 0)
  );
});
