/**
 * Name keys for organizations: the forms under which two articles' records
 * of one organization meet. "Department of Energy" and "Energy Department",
 * "Ministry of Defence" and "Defence Ministry", "Office of the Prime
 * Minister" and "Prime Minister's Office" share a key; a government body's
 * key carries no country (the country is decided apart, see
 * `country-context.ts`), anything else keeps its legal-suffix-free name.
 */
import organizations from '../extract/lexicons/organizations.json' with { type: 'json' };
import { splitCountryQualifier } from './country-context.ts';
import { organizationKey } from './ids.ts';
import { memoizeBounded } from '../memoize.ts';

/** The heads of government bodies that exist, under one name, in many countries. */
const HEADS = ['ministry', 'department', 'office', 'agency', 'bureau'] as const;
const HEAD = HEADS.join('|');
const HEAD_OF_X = new RegExp(`^(${HEAD})\\s+(?:of|for)\\s+(?:the\\s+)?(.+)$`);
const X_HEAD = new RegExp(`^(.+?)\\s+(${HEAD})$`);

/**
 * Portfolios every government has: a body named by one of these ("Foreign
 * Ministry", "Department of Energy") needs a country to say which one it is.
 * A body with a name of its own ("Central Intelligence Agency") does not.
 */
const GENERIC_PORTFOLIOS = new Set([
  'foreign', 'defense', 'interior', 'home', 'justice', 'finance', 'health', 'education', 'energy', 'agriculture', 'trade', 'commerce',
  'labor', 'labour', 'environment', 'transport', 'transportation', 'culture', 'treasury', 'information', 'communications', 'industry',
  'economy', 'economic affairs', 'public security', 'state security', 'national defense', 'immigration', 'tourism', 'housing',
  'prime minister', 'president', 'presidential', 'foreign trade', 'mines', 'mining', 'fisheries', 'water', 'youth', 'sports', 'science',
  'science and technology', 'emergency management', 'civil aviation', 'statistics', 'customs', 'national security', 'unification',
]);

/** Spellings and short forms that name the same portfolio. */
const PORTFOLIO_FORMS: [RegExp, string][] = [
  [/\bdefence\b/g, 'defense'],
  [/\b(?:foreign|external) affairs\b/g, 'foreign'],
  [/\s*&\s*/g, ' and '],
  [/['’]s$/g, ''],
];

/** An all-capitals short form: "FAA", "U.N.", "DOJ". */
export const ACRONYM = /^[A-Z][A-Z0-9&.-]{1,9}$/;

/** Tells whether a form is an acronym (at least two capital letters, no lower case). */
export function isAcronym(form: string): boolean {
  return ACRONYM.test(form) && (form.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** Folds "U.N." and "UN" to one acronym key. */
export function acronymKey(form: string): string {
  return form.replace(/\./g, '').toUpperCase();
}

/** The organizations lexicon: each written form (lower case) → its entry's canonical name. */
const lexiconNameByForm = new Map<string, string>();
/** The lexicon's acronyms → canonical names (more than one when two entries claim one). */
const lexiconExpansions = new Map<string, Set<string>>();
for (const entry of organizations.entries as { name: string; aliases?: string[] }[]) {
  for (const form of [entry.name, ...(entry.aliases ?? [])]) {
    if (isAcronym(form)) {
      const set = lexiconExpansions.get(acronymKey(form)) ?? new Set<string>();
      set.add(entry.name);
      lexiconExpansions.set(acronymKey(form), set);
    } else if (!lexiconNameByForm.has(form.toLowerCase())) lexiconNameByForm.set(form.toLowerCase(), entry.name);
  }
}

/** The lexicon's expansion of an acronym, when exactly one entry claims it. */
export function lexiconExpansion(acronym: string): string | null {
  const names = lexiconExpansions.get(acronymKey(acronym));
  return names && names.size === 1 ? [...names][0]! : null;
}

/** What an organization's name says about its identity. */
export interface OrganizationName {
  /** Join key without any country. */
  key: string;
  /** True for a government body ("Foreign Ministry"), whose key alone does not say which country's it is. */
  scoped: boolean;
  /** The country the name itself gives ("China's Foreign Ministry"), or null. */
  country: string | null;
  /** The name without its country qualifier. */
  bare: string;
}

/** Key of a government body's name without country, or null when it is not one. */
function departmentKey(name: string): string | null {
  const lower = name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  let m = HEAD_OF_X.exec(lower);
  let head: string;
  let portfolio: string;
  if (m) [head, portfolio] = [m[1]!, m[2]!];
  else if ((m = X_HEAD.exec(lower))) [head, portfolio] = [m[2]!, m[1]!];
  else return null;
  // "Ministry of Foreign Affairs of Japan" reaches here without its country: a portfolio never contains " of ".
  if (/\bof\b/.test(portfolio) && !/^(?:the\s+)?(?:prime minister|president|chancellor|attorney general)/.test(portfolio)) return null;
  for (const [from, to] of PORTFOLIO_FORMS) portfolio = portfolio.replace(from, to);
  return `${head}:${portfolio.replace(/^the\s+/, '').trim()}`;
}

/** Tells whether a department key names a portfolio every government has. */
function isGenericKey(key: string): boolean {
  return GENERIC_PORTFOLIOS.has(key.slice(key.indexOf(':') + 1));
}

/**
 * Reads an organization's (non-acronym) name: its join key, whether it is a
 * government body whose country matters, and the country the name gives.
 * The organizations lexicon first maps a known form to its entry ("the
 * Pentagon" → Department of Defense).
 * @example readOrganizationName('Energy Department') //=> { key: 'department:energy', scoped: true, country: null, bare: 'Energy Department' }
 */
export function readOrganizationName(name: string): OrganizationName {
  return readMemo(name);
}
// Every record's names are read several times, and archives repeat the same few thousand names.
const readMemo = memoizeBounded(readUncached);

function readUncached(name: string): OrganizationName {
  const { rest, country } = splitCountryQualifier(name);
  for (const [candidate, qualifier] of country ? [[rest, country] as const, [name, null] as const] : [[name, null] as const]) {
    const known = lexiconNameByForm.get(candidate.toLowerCase().replace(/^the\s+/, '')) ?? candidate;
    const key = departmentKey(known) ?? departmentKey(candidate);
    if (key) return { key, scoped: isGenericKey(key), country: isGenericKey(key) ? qualifier : null, bare: isGenericKey(key) ? candidate : name };
  }
  const known = lexiconNameByForm.get(name.toLowerCase().replace(/^the\s+/, '')) ?? name;
  return { key: organizationKey(known), scoped: false, country: null, bare: name };
}
