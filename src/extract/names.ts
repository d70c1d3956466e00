/**
 * Personal names and the titles written around them: where the roles of a
 * noun phrase end and the name begins, and what a name's parts are.
 */
import * as lexicons from './entity-lexicons.ts';
import { memoizeBounded } from '../memoize.ts';

// Local copies: imported bindings can compile to getter calls, and these are read for every token.
const {
  DEMONYMS,
  EAST_ASIAN_SURNAMES,
  HONORIFICS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  ROLE_WORDS,
  FUNCTION_WORDS,
  ORG_SUFFIXES,
  ORG_HEADS,
  PLACE_SUFFIXES,
  isPersonalName,
  CONTENT_WORDS,
  lookupGazetteer,
  wordFlags,
  WORD_CONTENT,
  WORD_ENGLISH,
} = lexicons;

const TITLE_CONNECTORS = new Set(['of', 'to', 'for', 'the', 'and', '&', 'on', 'at', 'in']);
const POSSESSIVE = /['’]s?$/;

/** Drops a possessive ending: "Smith's" → "Smith", "Jones'" → "Jones". */
export function stripPossessive(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Fast path: most words end in neither "s" nor an apostrophe.
  if (last !== 115 && last !== 39 && last !== 8217) return word;
  // "Smith's", and "Radio 4's" (a number closing a name).
  return /[\p{L}\d]['’]s$/u.test(word) || /s['’]$/.test(word) ? word.replace(POSSESSIVE, '') : word;
}

/** True if the word is a title/role word (spokesperson, minister, president, secretary, CEO, coach...) — used by attribution for "the minister said". */
export function isRoleWord(word: string): boolean {
  return roleWordMemo(word);
}
const roleWordMemo = memoizeBounded((word: string) => {
  const w = stripPossessive(word).toLowerCase();
  return ROLE_WORDS.has(w) || (w.endsWith('.') && HONORIFICS.has(w));
});

/** True for honorifics and ranks written before a name ("Mr.", "Dr.", "Gen.", "Sheikh"). */
export function isHonorific(word: string): boolean {
  return honorificMemo(word);
}
const honorificMemo = memoizeBounded((word: string) => {
  const w = word.toLowerCase();
  return HONORIFICS.has(w) || HONORIFICS.has(w + '.');
});

/** True for a word that can only be read as part of a title before a name. */
function isTitleWord(word: string): boolean {
  return isRoleWord(word) || isHonorific(word);
}

/** True for an initial ("J.", "W.") or run of initials ("J.D."). */
export function isInitial(word: string): boolean {
  return /^(?:\p{Lu}\.){1,3}$/u.test(word) || /^\p{Lu}$/u.test(word);
}

/**
 * True when the word looks like a piece of a personal name rather than of a
 * title or institution: a known personal name, an East Asian family name, an
 * initial, an Arabic-style particle compound ("al-Sisi"), or a hyphenated
 * given name written in lower case after the hyphen ("Jae-in").
 */
export function isNameLike(word: string): boolean {
  // Called for most capitalized tokens of every article, on a small vocabulary: memoize.
  return nameLikeMemo(word);
}
const nameLikeMemo = memoizeBounded(computeNameLike);

function computeNameLike(word: string): boolean {
  const w = stripPossessive(word);
  if (EAST_ASIAN_SURNAMES.has(w)) return true;
  if (CONTENT_WORDS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase()) || DEMONYMS.has(w) || ROLE_WORDS.has(w.toLowerCase()) || lookupGazetteer(w)) return false;
  if (ORG_SUFFIXES.has(w) || ORG_HEADS.has(w) || PLACE_SUFFIXES.has(w)) return false;
  if (isInitial(w)) return true;
  if (/^(?:Mc|Mac|O['’]|Fitz)\p{Lu}\p{Ll}/u.test(w)) return true;
  if (/^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|abd|de|di|da|du|d|o)[-'’]\p{Lu}/iu.test(w)) return true;
  if (/^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(w)) return true;
  if (isPersonalName(w)) return true;
  const parts = w.split('-');
  return parts.length >= 2 && parts.every((p) => isPersonalName(p));
}

/**
 * Index of the first word of the name in a capitalized phrase that may start
 * with titles ("Secretary of State Jane Doe" → 3). 0 when there is no title;
 * `words.length` when the phrase is titles only.
 */
export function findNameStart(words: string[]): number {
  const n = words.length;
  // The last title word that has a name after it: "Saudi Crown Prince Mohammed bin Salman";
  // not "John Major" (nothing after) nor "Martin Luther King Jr." (only a suffix after).
  let lastTitle = -1;
  for (let i = n - 2; i >= 0; i--) {
    const w = words[i]!;
    if (isTitleWord(w) && !NAME_SUFFIXES.has(words[i + 1]!) && !(i > 0 && NAME_SUFFIXES.has(w))) {
      lastTitle = i;
      break;
    }
  }
  if (lastTitle < 0) return describedNameStart(words);
  const next = words[lastTitle + 1]!;
  // "Secretary of State Jane Doe": past a connector, the name starts at its first name-like word.
  if (TITLE_CONNECTORS.has(next.toLowerCase())) {
    for (let i = lastTitle + 2; i < n; i++) {
      if (!isNameLike(words[i]!)) continue;
      // "Minister of Information Moammar al-Eryani": an unknown given name before a known family name
      // belongs to the name, as long as a portfolio word stays after the connector.
      const prev = words[i - 1]!;
      if (i - 1 > lastTitle + 2 && /^\p{Lu}\p{Ll}+$/u.test(prev) && !isEnglishWord(prev) && !lookupGazetteer(prev) && !isTitleWord(prev) && !ORG_SUFFIXES.has(prev) && !ORG_HEADS.has(prev)) return i - 1;
      return i;
    }
    // "Minister of Jal Shakti Raghavendra Varadarajan": no known name part, so the last two words
    // are the name when enough words follow the connector to hold both a portfolio and a name.
    let c = lastTitle + 1;
    while (c < n && TITLE_CONNECTORS.has(words[c]!.toLowerCase())) c++;
    const tail = words.slice(n - 2);
    if (n - c >= 3 && tail.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !lookupGazetteer(w) && !CONTENT_WORDS.has(w.toLowerCase()) && !ORG_SUFFIXES.has(w))) return n - 2;
    return n;
  }
  // "President Zelenskyy": the words right after the title, unless they name a place or thing.
  const rest = words.slice(lastTitle + 1);
  // "Mr Brown", "Mrs May", "Dr Jordan": after a personal honorific an everyday word or a place is a surname.
  if (/^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?$/.test(words[lastTitle]!) && rest.length === 1 && !isTitleWord(rest[0]!) && !/^[\p{Lu}\d&]{2,}$/u.test(rest[0]!)) return lastTitle + 1;
  if (rest.every((w) => lookupGazetteer(w) || CONTENT_WORDS.has(w.toLowerCase()) || DEMONYMS.has(w) || /^[\p{Lu}\d&]{2,}$/u.test(w))) return n;
  return lastTitle + 1;
}

/**
 * Where an organization is based, or who leads or backs it, written before its
 * name ("Osaka-based Hinode Materials", "Kurdish-led Syrian Democratic
 * Forces"): no part of the name.
 */
export const AFFILIATION_PREFIX = /^\p{Lu}[\p{L}.'’ -]*?-(?:based|led|backed|owned|run|funded|controlled|allied|aligned)\s+(?=\p{Lu})/u;

/** An ordinary English word ("Representatives"), or a compound of them ("Co-developer"). */
function isEnglishWord(word: string): boolean {
  const w = stripPossessive(word);
  if (isPersonalName(w)) return false;
  return inEnglishLists(w) || (w.includes('-') && w.split('-').every((p) => p.length <= 2 || inEnglishLists(p)));
}

/** In the common-word or English word lists, whether or not it is also a personal name ("Rose"). */
function inEnglishLists(word: string): boolean {
  return (wordFlags(word) & (WORD_CONTENT | WORD_ENGLISH)) !== 0;
}

/**
 * Where the name starts in a capitalized phrase whose front describes the
 * person without a known title: "Co-developer Jing Wang", "Representatives
 * Eliot Engel", "House Intelligence Committee Represenative Adam Schiff".
 * The name starts at a known personal name right after an ordinary English
 * word (or after an institution's words); 0 when the front could itself be
 * a name ("Recep Tayyip Erdoğan", "Rose Mary Byrne").
 */
function describedNameStart(words: string[]): number {
  const n = words.length;
  // "North Carolina Emergency Management Mike Sprayberry": a place opening the phrase names the
  // institution's place, whatever personal names ("North", "Carolina") its words are.
  let place = 0;
  for (let j = n - 3; j >= 1 && !place; j--) if (lookupGazetteer(words.slice(0, j).join(' '))?.type === 'place') place = j;
  // "Amnesty International Man-kei Tam": a known organization opening the phrase is where the person works.
  for (let j = n - 2; j >= 1; j--) {
    if (lookupGazetteer(words.slice(0, j).join(' '))?.type === 'organization' && isNameLike(words[j]!)) return j;
  }
  for (let k = Math.max(1, place); k <= n - 2; k++) {
    if (!isPersonalName(words[k]!) || !words.slice(k + 1).every((w) => /^\p{Lu}/u.test(w))) continue;
    const front = words.slice(place, k);
    if (!front.every((w) => ORG_SUFFIXES.has(w) || ORG_HEADS.has(w) || inEnglishLists(w) || isEnglishWord(w) || (!isPersonalName(w) && !isNameLike(w)))) return 0;
    const institution = front.some((w) => ORG_SUFFIXES.has(w) || ORG_HEADS.has(w));
    if (isEnglishWord(words[k - 1]!) || institution) return k;
    return 0;
  }
  return 0;
}

/** Splits a noun phrase before/around a name into titles/roles and the bare name: "Health Secretary Jane Doe" → {titles:["Health Secretary"], name:"Jane Doe"}; "Foreign Ministry spokesperson Li Wei" → {titles:["Foreign Ministry spokesperson"], name:"Li Wei"}; "Dr. Ana María López de la Cruz" → {titles:["Dr."], name:"Ana María López de la Cruz"}. */
export function splitTitles(phrase: string): { titles: string[]; name: string } {
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { titles: [], name: '' };
  const last = words.length - 1;
  words[last] = stripPossessive(words[last]!);
  const start = findNameStart(words);
  const titles = start > 0 ? [words.slice(0, start).join(' ')] : [];
  return { titles, name: words.slice(start).join(' ') };
}

/**
 * True when the name is written family name first (Chinese, Korean,
 * Vietnamese): a known East Asian family name first, and no later part that
 * is a Western personal name ("Lee Anderson" is not).
 */
export function isFamilyNameFirst(parts: string[]): boolean {
  if (parts.length < 2 || parts.length > 3 || !EAST_ASIAN_SURNAMES.has(parts[0]!)) return false;
  return parts.slice(1).every((p) => /-\p{Ll}/u.test(p) || !isPersonalName(p) || EAST_ASIAN_SURNAMES.has(p));
}

/**
 * The family name of a personal name, as its words: the first word for
 * family-first names, else the last word with its particles ("de la Cruz",
 * "van Dijk") and without generational suffixes ("Jr.").
 */
export function familyName(parts: string[]): string {
  if (isFamilyNameFirst(parts)) return parts[0]!;
  let end = parts.length;
  while (end > 1 && NAME_SUFFIXES.has(parts[end - 1]!.replace(/,$/, ''))) end--;
  let start = end - 1;
  while (start > 1 && NAME_PARTICLES.has(parts[start - 1]!.toLowerCase())) start--;
  return parts.slice(start, end).join(' ');
}
