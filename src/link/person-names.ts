/**
 * Titles glued to names: "Ministry of Defence Spokesperson Jane Doe",
 * "Representatives Eliot Engel", "Co-developer Jing Wang". Before records
 * join across articles, the title comes off and stays as an attribute, so
 * the person has one record whatever each outlet put before the name.
 */
import { EAST_ASIAN_SURNAMES, ENGLISH_WORDS, isPersonalName, NAME_PARTICLES, ORG_HEADS, ORG_NOUNS, ROLE_WORDS } from '../extract/entity-lexicons.ts';

/** A name with its title taken off. */
export interface SplitName {
  name: string;
  /** The words before the name, ending with the title ("Ministry of Defence Spokesperson"). */
  title: string;
}

/** Tells whether a word is a role ("spokesperson", "representatives", "co-developer"). */
function isRole(word: string): boolean {
  const lower = word.toLowerCase().replace(/^(?:co|vice|deputy|acting|former|ex)-/, '');
  return ROLE_WORDS.has(lower) || (lower.endsWith('s') && ROLE_WORDS.has(lower.slice(0, -1)));
}

const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/** Tells whether the words look like a person's full name (two to four name words). */
function isFullName(words: string[], strict: boolean): boolean {
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w, i) => NAME_WORD.test(w) || (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w.toLowerCase())))) return false;
  if (words.some((w) => isRole(w) && w !== words[words.length - 1])) return false;
  // "Prime Minister's Office" is no person: a possessive or an organization's head word ends the name.
  if (words.some((w) => /['’]s$/.test(w) || ORG_HEADS.has(w.replace(/[.,]$/, '')))) return false;
  // A record typed as an organization becomes a person only when the name plainly is one ("Doctors Without Borders" is not).
  if (!strict) return true;
  const first = words[0]!;
  const last = words[words.length - 1]!.toLowerCase();
  return !ORG_NOUNS.has(last) && (isPersonalName(first) || EAST_ASIAN_SURNAMES.has(first) || !ENGLISH_WORDS.has(first.toLowerCase()));
}

/**
 * Splits a title off the front of a name: the words up to the last role
 * word that is followed by a full name.
 * @param strict Require the name's first word to be a known given name or
 *   family name (for records extraction typed as organizations).
 * @example splitTitleFromName('Ministry of Defence Spokesperson Jane Doe', true) //=> { name: 'Jane Doe', title: 'Ministry of Defence Spokesperson' }
 * @example splitTitleFromName('Mayor Tom Judge', false) //=> { name: 'Tom Judge', title: 'Mayor' }
 */
export function splitTitleFromName(name: string, strict: boolean): SplitName | null {
  const words = name.trim().split(/\s+/);
  for (let i = 0; i < words.length - 2; i++) {
    if (!isRole(words[i]!)) continue;
    const rest = words.slice(i + 1);
    // The last role word followed by a full name: "Deputy Foreign Minister Ana Lind" splits after "Minister".
    if (rest.slice(0, -2).some((w) => isRole(w))) continue;
    if (isFullName(rest, strict)) return { name: rest.join(' '), title: words.slice(0, i + 1).join(' ') };
  }
  return null;
}
