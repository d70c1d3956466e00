/**
 * People, organizations, places and documents named in one article, found by
 * rules over runs of capitalized words, with gazetteers and lexicons as
 * evidence (no statistical model). One pass over the tokens builds the runs;
 * each run is split into name phrases and typed from cues (titles,
 * honorifics, personal-name lexicon, organization and place suffixes, "in X",
 * speech verbs); a linking pass then joins short forms ("Gonzalez", "WHO")
 * to the full names they stand for.
 */
import type { TextDocument } from '../parse/text-document.ts';
import type { EntityMention, EntityType, ExtractedEntity } from '../archive/types.ts';
import * as lexicons from './entity-lexicons.ts';
import { type GazetteerEntry } from './entity-lexicons.ts';

// Local copies: imported bindings can compile to getter calls, and these are read for every token.
const {
  ABBREVIATIONS,
  COMPOUND_MODIFIERS,
  CONTENT_WORDS,
  DEMONYMS,
  DOCUMENT_SUFFIXES,
  EAST_ASIAN_SURNAMES,
  FUNCTION_WORDS,
  LOCATIVE_PREPOSITIONS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  MULTIWORD_TITLES,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_HEADS,
  PLACE_SUFFIXES,
  PLACE_PREFIXES,
  COMPASS_WORDS,
  PLACE_NOUNS,
  NON_ORG_ACRONYMS,
  isPersonalName,
  GIVEN_NAMES,
  ENGLISH_WORDS,
  ORG_NOUNS,
  SURNAME_LIKE_SUFFIXES,
  wordFlags,
  WORD_FUNCTION,
  WORD_CONTENT,
  WORD_ROLE,
  WORD_ENGLISH,
  WORD_PERSONAL,
  WORD_NEVER,
  WORD_EAST_ASIAN,
  STATE_ABBREVIATIONS,
  POSSESSIVES_IN_NAMES,
  ROLE_WORDS,
  lookupGazetteer,
  isCountryOrState,
  maxGazetteerTokens,
  normalizeForm,
} = lexicons;
const { familyName, findNameStart, isFamilyNameFirst, isHonorific, isInitial, isNameLike, isRoleWord, stripPossessive } = names;
const { lookupSpeechVerb } = speechVerbs;
import * as names from './names.ts';
import * as speechVerbs from './speech-verbs.ts';
import { memoizeBounded } from '../memoize.ts';

export interface EntityOptions {
  /** Body ranges to ignore (captions' credits, datelines' outlet, bylines). */
  exclude?: { start: number; end: number }[];
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** A word (letters/digits), as opposed to punctuation. */
  word: boolean;
  /** Starts with a capital letter, or is a particle compound like "al-Sisi". */
  cap: boolean;
  /** First word of a sentence, line or quotation. */
  sentenceStart: boolean;
  /** A line break or excluded text lies between this token and the previous one. */
  breakBefore: boolean;
  /** Index of the paragraph (block) the token is in, -1 outside any. */
  block: number;
}

/** A typed name phrase found in the text, before linking. */
interface Candidate {
  type: EntityType;
  /** Canonical form when known (gazetteer), else the phrase as written. */
  name: string;
  /** Name parts (persons). */
  parts: string[];
  start: number;
  end: number;
  text: string;
  titles: string[];
  /** Known from a gazetteer: keyed by canonical name. */
  known: boolean;
  /** A bare single word whose type depends on linking (surname or acronym). */
  single?: 'person' | 'weak' | 'unknown';
  /** An honorific form to record as an alias ("Ms. Gonzalez"). */
  honorificForm?: string;
  /** An acronym defined in parentheses right after the name. */
  acronym?: string;
  /** A known place or organization that is also a personal name ("Jordan"). */
  ambiguous?: boolean;
}

// Words, with inner apostrophes, hyphens, ampersands and periods ("U.S", "O'Brien", "AT&T").
const TOKEN_RE = /[\p{L}\p{M}\d]+(?:['’\-&.][\p{L}\p{M}\d]+)*(?:['’](?![\p{L}]))?|[^\s\p{L}\p{M}\d]/gu;
// Each pattern with a substring it cannot match without, checked first: most articles have few credits.
const CREDIT_PATTERNS: { guard: string; pattern: RegExp }[] = [
  // (AP Photo/Jane Doe, File), (Photo: Reuters), (Getty Images)
  { guard: '(', pattern: /\((?=[^()\n]{0,120}\b(?:Photos?|photos?|Images?|File|FILE|Getty|Pool|Handout|via)\b)[^()\n]{1,120}\)/g },
  { guard: '', pattern: /\b(?:Photos?|Photograph|Pictures?|Image|Video|Graphic|Illustration|Credit)\s*(?:\/|:|by\b)[^\n)]*/g },
  // (Jane Doe/Agency), (Outlet: Jane Doe): photographer credits.
  { guard: '(', pattern: /\([^()\n/]{2,60}\/[^()\n]{1,40}\)/g },
  { guard: '(', pattern: /\([^()\n:]{1,40}:\s[^()\n]{1,60}\)/g },
  { guard: 'eporting by', pattern: /\b(?:Additional )?[Rr]eporting by\b[^\n]*/g },
  { guard: ' by', pattern: /\b(?:Editing|Edited|Writing|Written|Compiled|Translated|Produced|Contributing) by\b[^\n]*/g },
  { guard: 'B', pattern: /^[ \t]*(?:By|BY) [^\n]{1,80}$/gm },
  // "Follow Jane Doe on X", "Contact: …", "Email …": reporter footers.
  { guard: '', pattern: /^[ \t]*(?:Follow|Contact|Email|E-mail|Reach)\b[^\n]{0,120}$/gm },
];
// Dateline outlet: "CITY, Jan. 14 (Outlet) --"; only the parenthesis is excluded, the city stays a place.
const DATELINE_OUTLET = /^[^\n(]{0,80}?(\(\p{Lu}[^()\n]{0,40}\))\s*(?:--|—|–|-)\s/gmu;
const COPYRIGHT = /©|\bCopyright\b|All rights reserved/;
const COPYRIGHT_LINE = /^.*(?:©|\bCopyright\b|All rights reserved).*$/gm;
const CONTRIBUTED = /\bcontributed (?:to )?(?:this )?(?:report|story|article|reporting)|\bcontributed(?: from [^.\n]{1,60})?\.[ \t]*$/gm;
const OPEN_MARKS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', '«', '‹', '*', '_']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '—']);
const RUN_CONNECTORS = new Set(['of', 'the', 'and', '&', 'for', 'to', 'on', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'des', 'et', 'au', 'aux', 'para', 'pour', 'per', 'e', 'los', 'las', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'bint', 'ibn', 'al', 'el', 'y', 'zu', 'of the', 'af']);
const QUOTE_CHARS = new Set(['"', '“', '”', "'", '‘', '’']);
// "BBC Radio 4", "Channel 4": names that end in a number.
const NUMBERED_NAMES = new Set(['District', 'Radio', 'Channel', 'TV', 'Studio', 'Terminal', 'Gate', 'Route', 'Highway', 'Interstate', 'Pier', 'Platform']);
const DOC_NUMBER_WORDS = new Set(['Resolution', 'No.', 'Article', 'Protocol', 'Amendment', 'Directive', 'Regulation', 'Act', 'Bill', 'Proposition', 'Order']);
// Months that are also given names ("Theresa May", "June Carmody").
const MONTH_NAMES = new Set(['April', 'May', 'June', 'August']);
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]{1,7}$|^\p{Lu}{2,}s$/u;

/** All people, organizations, places and documents of one article, each with every mention (offsets into body). */
export function extractEntities(doc: TextDocument, options: EntityOptions = {}): ExtractedEntity[] {
  const excluded = findExcludedRanges(doc.text, options.exclude ?? []);
  const tokens = tokenize(doc.text, excluded, doc.blocks);
  const candidates = findCandidates(doc.text, tokens);
  typePlaceLists(doc.text, candidates);
  attachKnownAsAcronyms(doc.text, candidates);
  return linkCandidates(candidates);
}

const KNOWN_AS_ACRONYM = /^,?\s+(?:known|abbreviated)\s+(?:by\s+(?:its|the)\s+(?:\p{L}+\s+){0,2}(?:initials|acronym|abbreviation)|as)\s+$/u;

/** "The National Elections Jury, known by its Spanish initials JNE": the acronym joins the name before it. */
function attachKnownAsAcronyms(text: string, candidates: Candidate[]): void {
  for (let i = 0; i + 1 < candidates.length; i++) {
    const c = candidates[i]!;
    const d = candidates[i + 1]!;
    if (c.type !== 'organization' || c.single || c.acronym || d.type !== 'organization' || d.single !== 'unknown' || !ACRONYM.test(d.text)) continue;
    if (!KNOWN_AS_ACRONYM.test(text.slice(c.end, d.start))) continue;
    c.acronym = d.text;
  }
}

const LIST_LOCATIVE = /\b(?:in|near|across|throughout|inside|outside)\s+(?:the\s+)?$/;
const LIST_COMMA = /^,\s*$/;
const LIST_AND = /^,?\s+(?:and|or)\s+$/;
const PLURAL_PLACE_NOUN = /^\s+(?:provinces|states|regions|districts|counties|cities|towns|villages|governorates|prefectures|departments|municipalities|islands|neighbou?rhoods|suburbs|communities|areas)\b/;
const PLACE_NOUNS_OF = /\b(?:provinces|states|regions|districts|counties|cities|towns|villages|governorates|prefectures|municipalities|islands|neighbou?rhoods|suburbs|communities|areas)\s+of\s+(?:the\s+)?$/;

/**
 * "in Tumbes, Tacna, Cajamarca and Puno", "Dhi Qar, Maysan and Basra provinces": names listed with a
 * place share its type, when the list is led by a locative, names a known place or ends in a plural
 * place noun.
 */
function typePlaceLists(text: string, candidates: Candidate[]): void {
  // "flights from London to Xiamen": the other end of a route from or to a place.
  for (let k = 0; k + 1 < candidates.length; k++) {
    const c = candidates[k]!;
    const d = candidates[k + 1]!;
    if ((c.type === 'place') === (d.type === 'place') || !/^\s+to\s+$/.test(text.slice(c.end, d.start)) || !/\bfrom\s+$/.test(text.slice(Math.max(0, c.start - 6), c.start))) continue;
    const other = c.type === 'place' ? d : c;
    if (other.type !== 'person' || other.known || other.titles.length > 0 || other.single === 'person' || other.parts.length > 3) continue;
    if (other.parts.some((p) => isPersonalName(p) || isNameLike(p) || DEMONYMS.has(p) || ACRONYM.test(p) || CONTENT_OR_ROLE(p))) continue;
    other.type = 'place';
    other.name = other.text.replace(/\s+/g, ' ');
    other.single = undefined;
    if (other.parts.length === 1) other.ambiguous = true;
  }
  let i = 0;
  while (i < candidates.length) {
    let j = i + 1;
    let closed = false;
    while (j < candidates.length) {
      const gap = text.slice(candidates[j - 1]!.end, candidates[j]!.start);
      if (LIST_AND.test(gap)) {
        closed = true;
        j++;
        break;
      }
      if (!LIST_COMMA.test(gap)) break;
      j++;
    }
    if (closed && j - i >= 2) convertPlaceList(text, candidates, i, j);
    i = closed ? j : Math.max(j, i + 1);
  }
}

function convertPlaceList(text: string, candidates: Candidate[], from: number, to: number): void {
  const items = candidates.slice(from, to);
  let places = items.filter((c) => c.type === 'place').length;
  const nounContext = PLURAL_PLACE_NOUN.test(text.slice(items.at(-1)!.end, items.at(-1)!.end + 20)) || PLACE_NOUNS_OF.test(text.slice(Math.max(0, items[0]!.start - 40), items[0]!.start));
  // Without a place noun around it, the list must be mostly places already ("Paris, Smith and Jones" is not).
  const locative = LIST_LOCATIVE.test(text.slice(Math.max(0, items[0]!.start - 20), items[0]!.start)) && items[0]!.type === 'place';
  if (!nounContext && !locative && (places * 2 < items.length || items.length < 3)) return;
  if (places === 0 && !nounContext) return;
  const convert = (c: Candidate) => {
    c.type = 'place';
    c.name = c.text.replace(/\s+/g, ' ');
    c.single = undefined;
    // A single word stays one that a person named elsewhere may claim.
    if (c.parts.length === 1) c.ambiguous = true;
    places++;
  };
  const open = (c: Candidate) => c.type === 'person' && !c.known && c.titles.length === 0 && c.parts.length <= 3 && c.single !== 'person' && !c.parts.some((p) => DEMONYMS.has(p) || ACRONYM.test(p) || CONTENT_OR_ROLE(p));
  const personal: Candidate[] = [];
  for (const c of items) {
    if (!open(c)) continue;
    if (isPersonalName(c.parts[0]!)) {
      personal.push(c);
      continue;
    }
    if (!nounContext && !(locative && items.length >= 3) && c.parts.some((p) => isNameLike(p))) continue;
    convert(c);
  }
  // "in Lake Charles, Sulphur and Cameron": a personal name only as the one word left among places.
  if (personal.length === 1 && personal[0]!.parts.length === 1 && (nounContext || locative) && items.length >= 3 && places === items.length - 1) convert(personal[0]!);
  // "Jefferson and Shelby counties": a plural place noun right after the list types every name in it.
  else if (PLURAL_PLACE_NOUN.test(text.slice(items.at(-1)!.end, items.at(-1)!.end + 20))) for (const c of personal) convert(c);
  // "Haskell, Latimer and McIntosh counties": a county's name includes the word (Haskell County), as in
  // "Haskell County" written out; other plural nouns ("Hodeidah and Taiz provinces") leave the names bare.
  if (/^\s+counties\b/.test(text.slice(items.at(-1)!.end, items.at(-1)!.end + 12))) {
    for (const c of items) if (c.type === 'place' && !/\bCount(?:y|ies)$/.test(c.name)) {
      c.name = `${c.name} County`;
      c.known = false;
      c.ambiguous = false;
    }
  }
}

/**
 * "Palm Meadows Residents' Welfare Association": a plural possessive of a common noun followed by one or
 * two capitalized words that end in an institution word belongs to the institution's name.
 */
function pluralPossessiveInName(text: string, tokens: Token[], j: number): boolean {
  const prev = tokens[j - 1]!;
  // Plural ("Residents'"), or singular after a saint's abbreviation ("St Muredach's Credit Union").
  if (!(/\p{Ll}s['’]$/u.test(prev.text) || (/['’]s$/.test(prev.text) && /^(?:St\.?|Saint)$/.test(tokens[j - 2]?.text ?? ''))) || lookupGazetteer(bareText(prev))) return false;
  // "the United States' National Science Foundation": a place's possessive is whose it is, not its name.
  const before2 = tokens[j - 2];
  if (before2?.cap && lookupGazetteer(`${before2.text} ${bareText(prev)}`)?.type === 'place') return false;
  for (let k = j; k < j + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.cap || !gapIsSpace(text, tokens[k - 1]!, t)) return false;
    if (ORG_SUFFIXES.has(t.text)) return true;
  }
  return false;
}

/** Credit lines, bylines and datelines' outlets, plus the caller's ranges, as sorted ranges. */
function findExcludedRanges(text: string, extra: { start: number; end: number }[]): { start: number; end: number }[] {
  const ranges = [...extra];
  for (const { guard, pattern } of CREDIT_PATTERNS) {
    if (guard !== '' && !text.includes(guard)) continue;
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (COPYRIGHT.test(text)) {
    for (const m of text.matchAll(COPYRIGHT_LINE)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  // "Jane Doe contributed to this report.": from the sentence's start (searched backwards, not by backtracking).
  for (const m of text.matchAll(CONTRIBUTED)) {
    let start = m.index;
    while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
    const lineEnd = text.indexOf('\n', m.index);
    ranges.push({ start, end: lineEnd < 0 ? text.length : lineEnd });
  }
  for (const m of text.matchAll(DATELINE_OUTLET)) {
    const start = m.index + m[0].indexOf(m[1]!);
    ranges.push({ start, end: start + m[1]!.length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function tokenize(text: string, excluded: { start: number; end: number }[], blocks: TextDocument['blocks']): Token[] {
  const tokens: Token[] = [];
  let ex = 0;
  let block = 0;
  let pendingBreak = true;
  let prevEnd = 0;
  let nextNewline = -1;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let start = m.index;
    let raw = m[0];
    while (ex < excluded.length && excluded[ex]!.end <= start) ex++;
    if (ex < excluded.length && excluded[ex]!.start < start + raw.length) {
      pendingBreak = true;
      prevEnd = start + raw.length;
      continue;
    }
    // Paragraphs, not lines, end a name: hard-wrapped copy breaks lines mid-name.
    if (blocks.length > 0) {
      while (block < blocks.length && blocks[block]!.end <= start) {
        block++;
        pendingBreak = true;
      }
      if (block >= blocks.length || blocks[block]!.start > start) pendingBreak = true;
    } else {
      // The next line break is looked up once per line, not once per token.
      if (nextNewline < prevEnd) nextNewline = text.indexOf('\n', prevEnd) >>> 0;
      if (nextNewline < start) pendingBreak = true;
    }
    const first = raw[0]!;
    const isWord = raw.length > 1 || WORD_START.test(first);
    let cap = false;
    if (isWord) {
      const last = raw.charCodeAt(raw.length - 1);
      // Strip a trailing quote mark the pattern kept only for "Jones'".
      if ((last === 39 || last === 8217) && raw.charCodeAt(raw.length - 2) !== 115) raw = raw.slice(0, -1);
      const upper = isUpperInitial(raw);
      if (!upper && raw.includes('-')) {
        // "then-Secretary", "pro-Beijing": a lower-case prefix is not part of the name.
        const prefix = LOWER_PREFIX.exec(raw);
        if (prefix && !ARABIC_PARTICLE.test(prefix[1]!)) {
          start += prefix[0].length;
          raw = raw.slice(prefix[0].length);
        }
      }
      // Abbreviations and initials keep their period ("Mr.", "U.S.", "J.").
      if (text.charCodeAt(start + raw.length) === 46 && (ABBREVIATIONS.has(raw) || (raw.length === 1 && upper) || INITIALS.test(raw))) raw += '.';
      cap = isUpperInitial(raw) || ((raw.includes('-') || raw.includes("'") || raw.includes('’')) && PARTICLE_NAME.test(raw));
    }
    const inBlock = block < blocks.length && blocks[block]!.start <= start ? block : -1;
    const tok: Token = { start, end: start + raw.length, text: raw, word: isWord, cap, sentenceStart: false, breakBefore: pendingBreak, block: inBlock };
    tok.sentenceStart = isSentenceStart(tokens, tok);
    tokens.push(tok);
    pendingBreak = false;
    prevEnd = tok.end;
    TOKEN_RE.lastIndex = tok.end;
  }
  return tokens;
}

const WORD_START = /[\p{L}\p{M}\d]/u;
/** A capital after lower-case letters: "BlackBerry", "JetBlue", "McDonald". */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;

/** First character is a capital letter; ASCII without allocating, the rest by Unicode property. */
function isUpperInitial(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(word);
}
const LOWER_PREFIX = /^(\p{Ll}+)-(?=\p{Lu})/u;
const ARABIC_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|abd|d)$/;
const PARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|abd|d)[-'’]\p{Lu}/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;

function isSentenceStart(tokens: Token[], tok: Token): boolean {
  if (tok.breakBefore) return true;
  let i = tokens.length - 1;
  while (i >= 0 && !tokens[i]!.word && OPEN_MARKS.has(tokens[i]!.text)) {
    if (tokens[i]!.breakBefore) return true;
    i--;
  }
  if (i < 0) return true;
  const prev = tokens[i]!;
  if (!prev.word) return SENTENCE_END.has(prev.text) || QUOTE_CHARS.has(prev.text);
  // "… with the U.S. The trip …": an abbreviation's period ends a sentence before a function word.
  return prev.text.endsWith('.') && FUNCTION_WORDS.has(tok.text.toLowerCase());
}

function isMonthMay(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  if (next && /^\d/.test(next.text)) return true;
  if (prev && /^(?:in|on|since|until|last|this|next|early|late|mid|by|from|through|of|before|after|during)$/i.test(prev.text)) return true;
  return tokens[i]!.sentenceStart && !!next && !next.cap;
}

/** True if the token can be part of a name run. */
function isNameToken(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.word) return false;
  if (!t.cap) {
    // "6th U.S. Circuit Court": an ordinal opens a name when a capitalized word follows.
    const c = t.text.charCodeAt(0);
    return c >= 48 && c <= 57 && ORDINAL.test(t.text) && !!tokens[i + 1]?.cap && tokens[i + 1]!.start === t.end + 1;
  }
  if (MONTH_NAMES.has(t.text)) return !isMonthMay(tokens, i);
  let bare = stripPossessive(t.text);
  if (bare.endsWith('.')) bare = bare.slice(0, -1);
  // "Sundays", "Mondays": plural weekdays are no more names than the weekdays.
  if (bare.endsWith('s') && wordFlags(bare.slice(0, -1)) & WORD_NEVER) return false;
  if (!(wordFlags(bare) & WORD_NEVER) || (bare.length > 2 && bare === bare.toUpperCase() && !NEVER_NAMES.has(bare))) return true;
  // "Credit Union", "Photo Society": a caption word right before an institution word is part of its name.
  const next = tokens[i + 1];
  return bare === t.text && !t.sentenceStart && !!next?.cap && next.start === t.end + 1 && ORG_SUFFIXES.has(next.text) && !/^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)day$|^(?:January|February|March|April|June|July|August|September|October|November|December)$/.test(bare);
}

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  if (b.breakBefore) return false;
  const len = b.start - a.end;
  if (len < 1 || len > 3) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** Runs of capitalized words with connectors ("Bank of America", "Ana de la Cruz"), as token index ranges. */
function findRuns(text: string, tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1]!;
      const tok = tokens[j]!;
      if (prev.word && prev.text !== stripPossessive(prev.text) && !POSSESSIVES_IN_NAMES.has(normalizeForm(prev.text).toLowerCase()) && !/^(?:St\.?|Saint)$/.test(tokens[j - 2]?.text ?? '')) {
        // "Alzheimer's Society", "National Irrigators' Council": a possessive right before an institution word is part of its name.
        if (!(tok.cap && ORG_SUFFIXES.has(tok.text) && gapIsSpace(text, prev, tok) && !lookupGazetteer(bareText(prev))) && !pluralPossessiveInName(text, tokens, j)) break;
      }
      // A quoted nickname between given and family name: Shoaib 'Shabby' Qureshi.
      const skip = nicknameEnd(text, tokens, j);
      if (skip > 0) {
        j = skip;
        continue;
      }
      if (tok.text === ',') {
        // "Ministry of Land, Infrastructure, Transport and Tourism": a list inside an institution's name.
        const listEnd = organizationListEnd(text, tokens, i, j);
        if (listEnd > 0) {
          j = listEnd;
          continue;
        }
      }
      // "University of California, Los Angeles", "University of Texas at Austin": a campus after a state university.
      if ((tok.text === ',' || tok.text === 'at') && j - i >= 3 && tokens[j - 3]!.text === 'University' && tokens[j - 2]!.text === 'of') {
        const campus = longestGazetteerMatch(tokens, j + 1, Math.min(tokens.length, j + 4));
        const after = campus ? tokens[campus.end] : undefined;
        if (campus?.entry.type === 'place' && isCountryOrState(tokens[j - 1]!.text) && (!after || !after.cap || !after.word)) {
          j = campus.end;
          continue;
        }
      }
      // A new sentence ends the name, except right after a nickname's closing quote.
      if (!gapIsSpace(text, prev, tok) || (tok.sentenceStart && prev.word)) break;
      if (isNameToken(tokens, j)) {
        // "Osaka-based Hinode Industries": a modifier compound ends the phrase ("San Jose-based" keeps "San").
        if (isModifierCompound(prev.text)) break;
        j++;
        if (isModifierCompound(tok.text)) break;
        continue;
      }
      if (tok.word && /^\d[\d.]*$/.test(bareText(tok)) && (DOC_NUMBER_WORDS.has(prev.text) || NUMBERED_NAMES.has(prev.text) || (maxGazetteerTokens(tokens[i]!.text) > j - i && !!lookupGazetteer(joinTokens(tokens, i, j + 1))))) {
        j++;
        continue;
      }
      if (tok.word && (RUN_CONNECTORS.has(tok.text) || tok.text === '&')) {
        // Connectors only inside a run: look past "of the", "de la" to a capitalized word.
        let k = j + 1;
        if (k < tokens.length && tokens[k]!.word && RUN_CONNECTORS.has(tokens[k]!.text) && gapIsSpace(text, tok, tokens[k]!)) k++;
        if (k < tokens.length && gapIsSpace(text, tokens[k - 1]!, tokens[k]!) && isNameToken(tokens, k)) {
          j = k + 1;
          continue;
        }
      } else if (!tok.word && tok.text === '&' && j + 1 < tokens.length && isNameToken(tokens, j + 1) && gapIsSpace(text, tok, tokens[j + 1]!)) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** End of ", B, C and D" after "Head of A" (token index after D), or 0. */
function organizationListEnd(text: string, tokens: Token[], runStart: number, comma: number): number {
  let headOf = false;
  for (let k = runStart; k + 1 < comma; k++) if (ORG_HEADS.has(tokens[k]!.text) && /^(?:of|for)$/.test(tokens[k + 1]!.text)) headOf = true;
  if (!headOf) return 0;
  let k = comma;
  for (let items = 0; items < 6; items++) {
    // Each item: optional ",", optional "and", then one to three capitalized words.
    if (tokens[k]?.text === ',') k++;
    const and = tokens[k]?.text === 'and';
    if (and) k++;
    if (tokens[k]?.text === 'the') k++;
    let m = k;
    while (m < tokens.length && m < k + 3 && tokens[m]!.word && tokens[m]!.cap && (m === k || gapIsSpace(text, tokens[m - 1]!, tokens[m]!))) m++;
    if (m === k) return 0;
    // "Department of Energy, the National Science Foundation", "…, and Office of Naval Research": an item
    // with a head word of its own is another organization ("…, Energy, the Environment and Water" is not).
    if (tokens.slice(k, m).some((t) => ORG_HEADS.has(t.text))) return 0;
    k = m;
    if (and) return k;
    if (tokens[k]?.text !== ',' && tokens[k]?.text !== 'and') return 0;
  }
  return 0;
}

function isModifierCompound(word: string): boolean {
  if (word.length < 5) return false;
  const dash = word.lastIndexOf('-');
  return dash > 0 && COMPOUND_MODIFIERS.has(word.slice(dash + 1).toLowerCase());
}

/** Index after a quoted nickname followed by a name word, or 0. */
function nicknameEnd(text: string, tokens: Token[], j: number): number {
  const open = tokens[j];
  if (!open || open.word || !QUOTE_CHARS.has(open.text) || !QUOTE_CHARS.has(open.text) || text.slice(tokens[j - 1]!.end, open.start) !== ' ') return 0;
  let k = j + 1;
  while (k < tokens.length && k < j + 4 && tokens[k]!.word && tokens[k]!.cap) k++;
  const close = tokens[k];
  if (k === j + 1 || !close || close.word || !QUOTE_CHARS.has(close.text)) return 0;
  const after = tokens[k + 1];
  if (!after || !isNameToken(tokens, k + 1) || text.slice(close.end, after.start) !== ' ') return 0;
  return k + 1;
}

const lowerText = (t: Token) => t.text.toLowerCase();
const ARTICLES = new Set(['The', 'A', 'An']);
const FOREIGN_CONNECTORS = new Set(['de', 'del', 'des', 'du', 'della', 'di', 'da', 'do', 'dos', 'das', 'para', 'pour', 'per', 'au', 'aux', 'la', 'el', 'le', 'los', 'las']);
const HEAD_CONNECTORS = new Set(['of', 'for', 'on', 'de', 'del', 'des', 'du', 'della', 'di', 'da', 'do', 'para', 'pour', 'per']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const ORDINAL_UNITS = new Set(['Circuit', 'Division', 'Fleet', 'Airborne', 'Infantry', 'Cavalry', 'Marines', 'Precinct', 'Battalion', 'Brigade', 'Regiment', 'Squadron', 'Wing']);
const LEGAL_FORMS = new Set(['Inc.', 'Inc', 'Corp.', 'Corp', 'Ltd.', 'Ltd', 'LLC', 'PLC', 'Plc', 'plc', 'AG', 'SA', 'S.A.', 'Co.', 'Group', 'Holdings', 'GmbH', 'NV', 'ASA', 'AB']);
// "SoftBank", "CalMac": an inner capital after lower-case letters, except Celtic and Romance surname prefixes.
const BRAND_SPELLING = /^(?!Mc|Mac|Fitz|De|Da|Di|Du|Le|La|Van|Von|O')\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;
const LEADER_NOUNS = new Set(['administration', 'presidency', 'government', 'cabinet', 'campaign', 'era', 'doctrine', 'premiership', 'regime']);
const isProperWord = (w: string) => !CONTENT_OR_ROLE(w) && (!ENGLISH_WORDS.has(w.toLowerCase()) || isPersonalName(w));
const isConnectorToken = (t: Token) => !t.cap && (RUN_CONNECTORS.has(t.text) || t.text === '&');
const bareText = (t: Token) => stripPossessive(t.text);

/**
 * Splits a run into name phrases at connectors that join two names ("Britain
 * and France", "Jane Doe of Acme") rather than belong to one ("Department of
 * Health and Human Services"), keeping gazetteer names whole.
 */
function splitRun(tokens: Token[], from: number, to: number): [number, number][] {
  if (to - from === 1) return [[from, to]];
  const locked = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const span = longestGazetteerMatch(tokens, i, to);
    if (span) {
      for (let k = i + 1; k < span.end; k++) locked[k - from] = 1;
      i = span.end - 1;
    }
  }
  const segments: [number, number][] = [];
  let segStart = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (!isConnectorToken(t) || locked[i - from]) continue;
    const w = t.text;
    if (NAME_PARTICLES.has(w) && !['of', 'the', 'and', 'for', 'to', 'on'].includes(w)) continue;
    let keep: boolean;
    const left: string[] = [];
    for (let k = segStart; k < i; k++) if (tokens[k]!.cap) left.push(bareText(tokens[k]!));
    const head = left[left.length - 1] ?? '';
    // "Groupement des Armateurs et Industriels …", "Promoción y el Desarrollo": 'and' in other languages.
    if (w === 'and' || w === '&' || w === 'et' || w === 'y' || w === 'e' || w === 'und') {
      let suffixAfter = false;
      for (let k = i + 1; k < to; k++) {
        const x = bareText(tokens[k]!);
        if (ORG_SUFFIXES.has(x) && x !== 'Group' && x !== 'International') suffixAfter = true;
      }
      // "POSCO and Hyundai Steel": a known or all-capital name before "and" stands alone.
      // "Toyota Motor Corp. and Sony Group Corp.": a complete company name before "and" stands alone too.
      // "Lockheed Martin and Raytheon Technologies": two names of proper words only, not "Arms Control and Disarmament Agency".
      const nextWord = tokens[i + 1];
      const properOnly = left.length > 1 && left.every((x) => isProperWord(x) && !ORG_HEADS.has(x) && !ORG_SUFFIXES.has(x)) && !!nextWord?.cap;
      // "Dupont Circle and Metro Center": a place's name ending in a place word stands alone.
      const placeLeft = left.length > 1 && PLACE_SUFFIXES.has(head) && !ORG_SUFFIXES.has(head) && left.every((x) => !ORG_HEADS.has(x) && !ORG_SUFFIXES.has(x)) && !!nextWord?.cap;
      const leftAlone = (left.length === 1 && (ACRONYM.test(left[0]!) || !!lookupGazetteer(left[0]!))) || (left.length > 1 && LEGAL_FORMS.has(head)) || properOnly || placeLeft;
      keep = w === '&' || (!leftAlone && (left.some((x) => ORG_HEADS.has(x)) || suffixAfter));
    } else if (w === 'of' && left.length > 0 && left.every((x) => isRoleWord(x)) && tokens[i + 1]?.text === 'the') {
      // "President of the European Council": a title held at an institution, not part of its name.
      keep = false;
    } else if (w === 'the') {
      keep = i > segStart && ['of', 'to', 'for', 'on', ','].includes(tokens[i - 1]!.text);
    } else if (w === 'of' && left.length >= 2 && COMPANY_ENDINGS.has(head) && !ORG_HEADS.has(left[0]!) && isPlaceAfterOf(tokens, i + 1, to)) {
      // "Nordwind Energie GmbH of Hamburg": a company's name ends at its legal or trade ending; the place is separate.
      keep = false;
    } else if (FOREIGN_CONNECTORS.has(w) && left.some((x) => ORG_HEADS.has(x))) {
      // "… de la Pêche au Sénégal": a connector of another language continues an institution's name.
      keep = true;
    } else if (left.length === 1 && isOrgAcronym(head)) {
      keep = true;
    } else if (isNameLike(head) && !ORG_SUFFIXES.has(head) && !PLACE_HEADS.has(head)) {
      keep = false;
    } else {
      // "of"/"for" continue an institution's name ("Office for the Coordination of …"); "to"/"on" only right after its head.
      keep = ORG_HEADS.has(head) || PLACE_HEADS.has(head) || isRoleWord(head) || ORG_SUFFIXES.has(head) || ((w === 'of' || w === 'for') && left.some((x) => ORG_HEADS.has(x) || ORG_SUFFIXES.has(x)));
    }
    if (!keep) {
      if (i > segStart) segments.push([segStart, i]);
      let k = i + 1;
      while (k < to && isConnectorToken(tokens[k]!)) k++;
      segStart = k;
      i = k - 1;
    }
  }
  if (segStart < to) segments.push([segStart, to]);
  const out: [number, number][] = [];
  for (let [x, y] of segments) {
    while (y > x && (isConnectorToken(tokens[y - 1]!) || tokens[y - 1]!.text === ',')) y--;
    while (x < y && isConnectorToken(tokens[x]!)) x++;
    if (y > x) out.push([x, y]);
  }
  return out;
}

/** Legal forms and trade words that end a company's name ("GmbH", "Logistics"), not an institution's ("Bank", "Department"). */
const COMPANY_ENDINGS = new Set([...LEGAL_FORMS, 'Logistics', 'Transport', 'Chemicals', 'Energie', 'Energy', 'Industries', 'Technologies', 'Solutions', 'Systems', 'Motors', 'Pharmaceuticals', 'Enterprises', 'Materials', 'Manufacturing', 'Construction', 'Foods', 'Mining', 'Shipping', 'Engineering']);
COMPANY_ENDINGS.delete('Group');
COMPANY_ENDINGS.delete('Co.');
/** True when tokens from `i` up to `to` are one place the gazetteer knows (a city, a state, a country). */
function isPlaceAfterOf(tokens: Token[], i: number, to: number): boolean {
  const span = longestGazetteerMatch(tokens, i, to);
  return !!span && span.end === to && span.entry.type === 'place';
}

function joinTokens(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += (i > from ? ' ' : '') + (i === to - 1 ? bareText(tokens[i]!) : tokens[i]!.text);
  return s;
}

function longestGazetteerMatch(tokens: Token[], i: number, to: number): { end: number; entry: GazetteerEntry } | undefined {
  const max = maxGazetteerTokens(tokens[i]!.text);
  if (max === 0) return undefined;
  for (let end = Math.min(to, i + max); end > i; end--) {
    const entry = lookupGazetteer(joinTokens(tokens, i, end));
    if (entry) return { end, entry };
  }
  return undefined;
}

/** Typed name phrases of the whole text, in order. */
function findCandidates(text: string, tokens: Token[]): Candidate[] {
  const out: Candidate[] = [];
  const headlines = findHeadlineBlocks(tokens);
  for (const [runFrom, runTo] of findRuns(text, tokens)) {
    // Headlines and "Related:" links capitalize every word: only names the gazetteer knows count there.
    if (headlines.has(tokens[runFrom]!.block)) {
      out.push(...gazetteerMatchesWithin(text, tokens, runFrom, runTo));
      continue;
    }
    // "The Salt Orchard", "El Profe", "Harvest at Dusk" in quotation marks: a title or a nickname, not a name,
    // unless an organization noun introduces it ("a criminal group known as "Black Marrow"").
    const quoted = quotedTitle(tokens, runFrom, runTo);
    if (quoted) {
      const whole = lookupGazetteer(joinTokens(tokens, runFrom, runTo));
      if (whole) out.push(makeCandidate(text, tokens, runFrom, runTo, whole.type, whole.name, true));
      else if (quoted === 'organization' && tokens[runFrom]!.start === tokens[quotedOpen]!.end && !ARTICLES.has(tokens[runFrom]!.text)) out.push(makeCandidate(text, tokens, runFrom, runTo, 'organization'));
      else out.push(...gazetteerMatchesWithin(text, tokens, runFrom, runTo).filter((c) => c.type === 'organization'));
      continue;
    }
    let from = runFrom;
    // Function words ("The", "But", "In") are never the start of a name unless
    // the gazetteer knows the whole phrase ("The Hague").
    // "Will Ray, the emergency management director, said": a given name that is also a function word
    // opens a name when a comma or a verb of saying closes the two words.
    const givenFirst = runTo - from === 2 && isPersonalName(tokens[from]!.text) && isPersonalName(bareText(tokens[from + 1]!)) && (tokens[runTo]?.text === ',' || !!lookupSpeechVerb(tokens[runTo]?.text ?? ''));
    while (!givenFirst && from < runTo && wordFlags(tokens[from]!.text) & WORD_FUNCTION && !(NAME_PARTICLES.has(lowerText(tokens[from]!)) && from + 1 < runTo) && (tokens[from]!.sentenceStart || ARTICLES.has(tokens[from]!.text)) && !longestGazetteerMatch(tokens, from, runTo)) {
      // Kept for linking: "However Smith said" never happens, but "Moon said" at a sentence start does.
      from++;
    }
    // "Remarked Center for Biological Diversity scientist Tierra Curry, "…"": a verb of saying opening a
    // sentence is no part of the name after it.
    if (from + 1 < runTo && tokens[from]!.sentenceStart && /ed$/.test(tokens[from]!.text) && speechVerbs.lookupSpeechVerb(tokens[from]!.text)) from++;
    if (from >= runTo) continue;
    // Fast path for the commonest run: one common word capitalized only because a sentence starts
    // ("Officials", "However"). It names nothing and no person can be called by it.
    if (runTo - from === 1 && tokens[from]!.sentenceStart) {
      const w = bareText(tokens[from]!);
      const f = wordFlags(w);
      // A capital inside the word ("BlackBerry", "PayPal") is written only in names.
      if (f & (WORD_FUNCTION | WORD_CONTENT | WORD_ENGLISH) && !(f & (WORD_PERSONAL | WORD_EAST_ASIAN)) && !lookupGazetteer(w) && !INNER_CAPITAL.test(w)) continue;
    }
    // "with The Rolling Stones", "told The Independent": a capital "The" inside a sentence belongs to a
    // name, and people's names never carry it.
    const capitalThe = from > runFrom && tokens[runFrom]!.text === 'The' && !tokens[runFrom]!.sentenceStart;
    for (const [a, b] of splitRun(tokens, from, runTo)) {
      const produced = classifySegment(text, tokens, a, b);
      if (capitalThe && a === from) {
        for (const c of produced) {
          if (c.type === 'person' && c.start === tokens[from]!.start && !c.known) {
            c.type = 'organization';
            c.titles = [];
            c.single = undefined;
          }
        }
      }
      out.push(...produced);
      // "World Health Organization (WHO)": the acronym joins the name before it.
      const open = tokens[b];
      const acr = tokens[b + 1];
      const close = tokens[b + 2];
      if (open?.text === '(' && acr && close?.text === ')' && (ACRONYM.test(acr.text) || isSyllabicShortName(acr.text, produced.at(-1)))) {
        const target = produced.at(-1);
        if (target && target.end === bareEnd(tokens[b - 1]!) && target.type !== 'person') {
          if (target.single) {
            target.single = undefined;
            target.type = 'organization';
          }
          target.acronym = acr.text;
        }
      }
    }
  }
  // "the website oe24.at", "posted on 8kun.top": a site's domain in lower case names the outlet.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap || !t.word || !t.text.includes('.') || !DOMAIN_NAME.test(t.text)) continue;
    const before = text[t.start - 1] ?? ' ';
    if (before === '@' || before === '/' || before === '.' || text[t.end] === '/' || text[t.end] === '@') continue;
    out.push(makeCandidate(text, tokens, i, i + 1, 'organization'));
  }
  return out;
}

// "Grace Church", "Victoria Station": a given name before a building or a day names the place or the day.
const BUILDING_WORDS = new Set(['Garden', 'Gardens', 'Church', 'Chapel', 'Cathedral', 'Mosque', 'Temple', 'Synagogue', 'Hall', 'House', 'Tower', 'Station', 'Bridge', 'Day', 'Week', 'Prize', 'Award', 'Cup', 'Trophy']);

const TITLE_LOWER = new Set(['a', 'an', 'the', 'of', 'at', 'in', 'on', 'and', 'for', 'to', 'with', 'from', 'by', 'or', 'de', 'del', 'la', 'el', 'le', 'du', 'des', 'da', 'do', 'y', 'et', 'is', 'are']);
const OPENING_QUOTES = new Set(['"', '“', '‘', "'", '«']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
let quotedOpen = -1;
/**
 * A run inside a short quotation written in title case, with nothing else in it: 'organization' when
 * an organization noun introduces it ("a group known as"), 'title' otherwise, or undefined. Sets
 * quotedOpen to the opening mark's index.
 */
function quotedTitle(tokens: Token[], from: number, to: number): 'organization' | 'title' | undefined {
  let open = from - 1;
  while (open >= 0 && from - open <= 8 && tokens[open]!.word && (tokens[open]!.cap || TITLE_LOWER.has(tokens[open]!.text))) open--;
  const mark = tokens[open];
  if (!mark || mark.word || !OPENING_QUOTES.has(mark.text) || mark.end !== tokens[open + 1]!.start) return undefined;
  // An opening mark follows a space, a dash or a line start: not an apostrophe ("rock 'n' roll").
  if (open > 0 && tokens[open - 1]!.end === mark.start && tokens[open - 1]!.word) return undefined;
  let close = to;
  while (close < tokens.length && close - to <= 8 && tokens[close]!.word && (tokens[close]!.cap || TITLE_LOWER.has(tokens[close]!.text))) close++;
  if (tokens[close] && /^[,.!?]$/.test(tokens[close]!.text) && tokens[close]!.start === tokens[close - 1]!.end) close++;
  const end = tokens[close];
  if (!end || end.word || !CLOSING_QUOTES.has(end.text) || end.start !== tokens[close - 1]!.end) return undefined;
  // A quotation that starts a sentence and ends it is speech ("Thank You, America."), not a title.
  const words = close - open - 1;
  if (words > 10) return undefined;
  quotedOpen = open;
  // "a criminal group known as", "the startup called", "an outfit calling itself".
  for (let k = open - 1; k >= 0 && k >= open - 5; k--) {
    const t = tokens[k]!;
    if (!t.word) break;
    if (!t.cap && ORG_NOUNS.has(t.text) && !PERSONLIKE_ORG_NOUNS.has(t.text)) return k < open - 1 && /^(?:as|called|named|dubbed|itself)$/.test(tokens[open - 1]!.text) ? 'organization' : 'title';
  }
  return 'title';
}

/** Blocks written in title case ("Storm Batters Coast As Thousands Flee"): most longer words capitalized. */
function findHeadlineBlocks(tokens: Token[]): Set<number> {
  const words = new Map<number, [number, number]>();
  // A paragraph that ends like a sentence is prose, however many names it holds.
  const prose = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.block >= 0 && (!next || next.block !== t.block) && /^[.!?"”’')]$/.test(t.text)) prose.add(t.block);
  }
  for (const t of tokens) {
    if (!t.word || t.block < 0 || t.text.length < 4 || FUNCTION_WORDS.has(t.text.toLowerCase())) continue;
    const c = words.get(t.block) ?? [0, 0];
    c[0]++;
    if (t.cap) c[1]++;
    words.set(t.block, c);
  }
  const out = new Set<number>();
  for (const [block, [all, caps]] of words) if (all >= 3 && caps / all >= 0.8 && !prose.has(block)) out.add(block);
  return out;
}

function bareEnd(t: Token): number {
  return t.start + bareText(t).length;
}

function makeCandidate(text: string, tokens: Token[], a: number, b: number, type: EntityType, name?: string, known = false): Candidate {
  const start = tokens[a]!.start;
  const end = bareEnd(tokens[b - 1]!);
  const parts: string[] = [];
  for (let i = a; i < b; i++) parts.push(i === b - 1 ? bareText(tokens[i]!) : tokens[i]!.text);
  const written = text.slice(start, end);
  return { type, name: name ?? (b - a === 1 ? written : written.replace(/\s+/g, ' ')), parts, start, end, text: written, titles: [], known };
}

/**
 * The candidates of one name phrase. A person is never read from the middle of a known name in the
 * phrase: "United States Donald Trump" is the country, then the man; "United Nations Educational"
 * is no person "Nations Educational".
 */
function classifySegment(text: string, tokens: Token[], a: number, b: number, allowPerson = true): Candidate[] {
  const raw = classifyPhrase(text, tokens, a, b, allowPerson);
  if (!allowPerson || b - a < 3 || !raw.some((c) => c.type === 'person')) return raw;
  // The known names of two words or more inside the phrase.
  const known = gazetteerSpans(tokens, a, b).filter((k) => k.to - k.from >= 2);
  if (!known.length) return raw;
  const out: Candidate[] = [];
  for (const c of raw) {
    const host = c.type === 'person' ? known.find((k) => tokens[k.from]!.start < c.start && c.start < bareEnd(tokens[k.to - 1]!)) : undefined;
    if (!host) {
      out.push(c);
      continue;
    }
    // The known name, then whoever the rest names; with no one there, the phrase is a name of its own.
    const rest = classifyPhrase(text, tokens, host.to, b, allowPerson).filter((r) => r.type === 'person');
    if (!rest.length) continue;
    if (!out.some((o) => o.start === tokens[host.from]!.start)) out.push(makeCandidate(text, tokens, host.from, host.to, host.entry.type, host.entry.name, true));
    out.push(...rest);
  }
  return out;
}

/** A web domain written as a name: letters or digits, then a common top-level domain. */
const DOMAIN_NAME = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|news|at|de|fr|it|es|pl|ru|ua|uk|ie|ca|au|nz|in|pk|ng|ke|za|io|tv|fm)$/;

/** The candidates of one name phrase (a title phrase can hold an organization and a place too). */
function classifyPhrase(text: string, tokens: Token[], a: number, b: number, allowPerson = true): Candidate[] {
  const words: string[] = [];
  for (let i = a; i < b; i++) words.push(i === b - 1 ? bareText(tokens[i]!) : tokens[i]!.text);
  const n = words.length;
  const last = words[n - 1]!;
  const first = words[0]!;

  // "US$480 million", "HK$2 billion": a currency's prefix names no place.
  if (n === 1 && text[tokens[a]!.end] === '$') return [];
  // "the Center for Biological Diversity and Center for Food Safety": two bodies named with the same head word.
  const and = words.indexOf('and');
  if (and > 1 && and < n - 2 && words[and + 1] === first && ORG_HEADS.has(first) && !lookupGazetteer(words.join(' '))) {
    return [...classifyPhrase(text, tokens, a, a + and, allowPerson), ...classifyPhrase(text, tokens, a + and + 1, b, allowPerson)];
  }
  // "San Jose-based": the phrase before the modifier is a place (or whatever the gazetteer says).
  if (n > 1 && isModifierCompound(last)) {
    const dash = last.lastIndexOf('-');
    const head = words.slice(0, -1).join(' ') + ' ' + last.slice(0, dash);
    const known = lookupGazetteer(head);
    const modifier = last.slice(dash + 1).toLowerCase();
    if (!known && modifier !== 'based' && modifier !== 'born' && modifier !== 'headquartered' && modifier !== 'area') return [];
    const c = makeCandidate(text, tokens, a, b, known?.type ?? 'place', known?.name ?? head, !!known);
    c.end = tokens[b - 1]!.start + dash;
    c.text = text.slice(c.start, c.end);
    c.parts = head.split(' ');
    return [c];
  }
  // "of the Maidan Wardak provincial council": a name between "the" and a lower-case word of local
  // government qualifies that body by its place; no person is written that way.
  const after = tokens[b];
  const body = tokens[b + 1];
  if (n <= 3 && tokens[a - 1]?.text.toLowerCase() === 'the' && after?.word && !after.cap && LOCAL_LEVEL_WORDS.has(after.text) && body?.word && !body.cap && LOCAL_BODY_WORDS.has(body.text) && !lookupGazetteer(words.join(' ')) && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_HEADS.has(w) && !ORG_SUFFIXES.has(w))) {
    return [makeCandidate(text, tokens, a, b, 'place')];
  }
  // Shoaib 'Shabby' Qureshi: a quoted nickname inside capitalized words is a person's.
  if (allowPerson && n >= 4 && tokens.slice(a, b).some((t) => QUOTE_CHARS.has(t.text))) {
    const nameStart = findNameStart(words.filter((w) => !QUOTE_CHARS.has(w)));
    const titleTo = nameStart > 0 ? a + nameStart : a;
    const person = personCandidate(text, tokens, titleTo, b, titleTo > a ? [joinTokens(tokens, a, titleTo)] : precedingTitles(text, tokens, a));
    if (person) return [person];
  }

  // "BBC Radio 4", "Channel 4" are organizations; "Route 66", "Terminal 5" are places.
  if (n >= 2 && /^\d/.test(last) && NUMBERED_NAMES.has(words[n - 2]!)) {
    // "Mesa County Valley School District 51": a numbered school or service district is an organization.
    const serviceDistrict = words[n - 2] === 'District' && n >= 3 && (ORG_SUFFIXES.has(words[n - 3]!) || /^(?:Schools?|Unified|Independent|Fire|Water|Sanitation|Hospital|Transit)$/.test(words[n - 3]!));
    return [makeCandidate(text, tokens, a, b, /^(?:Radio|Channel|TV|Studio)$/.test(words[n - 2]!) || serviceDistrict ? 'organization' : 'place')];
  }
  // Documents: "Clean Air Act", "UN Security Council Resolution 1441".
  const docWord = /^\d/.test(last) && n >= 2 ? words[n - 2]! : last;
  if (n >= 2 && (DOCUMENT_SUFFIXES.has(docWord) || (docWord !== last && DOC_NUMBER_WORDS.has(docWord))) && !isNameLike(first)) return [makeCandidate(text, tokens, a, b, 'document')];

  const whole = lookupGazetteer(words.join(' '));
  // "the Karnataka high court", "the Delhi high court": a court of a state written in lower case.
  if (whole?.type === 'place' && tokens[b]?.text === 'high' && tokens[b + 1]?.text === 'court' && gapIsSpace(text, tokens[b - 1]!, tokens[b]!)) {
    return [makeCandidate(text, tokens, a, b + 2, 'organization', `${whole.name} High Court`)];
  }
  if (whole) {
    if (n === 1) return classifySingle(text, tokens, a, allowPerson, whole);
    return [makeCandidate(text, tokens, a, b, whole.type, whole.name, true)];
  }
  if (n === 1) return classifySingle(text, tokens, a, allowPerson);
  if (DEMONYMS.has(words.join(' '))) return [];
  // "Eoin Gilligan SC", "Jane Doe QC": an honour or rank in capitals after a name is not part of it.
  if (n >= 3 && allowPerson && NAME_SUFFIXES.has(last) && /^\p{Lu}{2,3}$/u.test(last) && (isNameLike(words[n - 2]!) || /^\p{Lu}\p{Ll}+$/u.test(words[n - 2]!))) return classifySegment(text, tokens, a, b - 1, allowPerson);
  // "Ballina, Co Mayo": the Irish and British abbreviation of County before a place's name.
  if (n === 2 && (first === 'Co' || first === 'Co.') && /^\p{Lu}\p{Ll}+$/u.test(last) && !ORG_SUFFIXES.has(last) && (tokens[a - 1]?.text === ',' || isLocative(tokens, a))) {
    return [makeCandidate(text, tokens, a, b, 'place', `County ${last}`)];
  }
  // "IIYAMA, Nagano Pref. –": the Japanese abbreviation of Prefecture after a place's name.
  if (n === 2 && /^Pref\.?$/.test(last) && /^\p{Lu}\p{Ll}+$/u.test(first)) return [makeCandidate(text, tokens, a, b, 'place', `${first} Prefecture`)];
  // "US National Oceanic and Atmospheric Administration": a country's abbreviation before an institution's
  // full name qualifies it without being part of it.
  if (n >= 3 && /^\p{Lu}{2,3}$/u.test(first) && lookupGazetteer(first)?.type === 'place') {
    const rest = classifySegment(text, tokens, a + 1, b, false);
    if (rest.length === 1 && rest[0]!.type === 'organization' && rest[0]!.start === tokens[a + 1]!.start && (ORG_HEADS.has(words[1]!) || ORG_SUFFIXES.has(last))) return rest;
  }
  // "Ukrainian Red Cross", "Russian Ministry of Defense": a nationality or place before a known organization's
  // short name makes a different, national body: the whole phrase names it, not the expansion of the short name.
  if (n >= 3 && (DEMONYMS.has(first) || lookupGazetteer(first)?.type === 'place') && lookupGazetteer(words.slice(1).join(' '))?.type === 'organization' && !ACRONYM.test(words[1]!)) {
    return [makeCandidate(text, tokens, a, b, 'organization')];
  }

  // "Democrat Jane Doe", "Patient John Smith": a describing word at the front is a title, not a name.
  // "Countryman Lawrence Cherono": an ordinary English word opening a sentence before a given name.
  const commonOpener = tokens[a]!.sentenceStart && n >= 3 && ENGLISH_WORDS.has(first.toLowerCase()) && !GIVEN_NAMES.has(first) && GIVEN_NAMES.has(words[1]!);
  if (allowPerson && (DEMONYMS.has(first) || (tokens[a]!.sentenceStart && !isNameLike(first) && !isPersonalName(first) && !lookupGazetteer(first) && CONTENT_OR_ROLE(first)) || commonOpener) && isNameLike(words[1]!)) {
    const rest = classifySegment(text, tokens, a + 1, b, true);
    const person = rest.find((c) => c.type === 'person' && !c.single);
    if (person && person.start === tokens[a + 1]!.start) {
      if (DEMONYMS.has(first) || isRoleWord(first)) person.titles.push(first);
      return rest;
    }
  }

  // "Ethiopians Dejene Debela": after a nationality, two or three unknown capitalized words are a person's name.
  if (allowPerson && DEMONYMS.has(first) && n >= 3 && n <= 4) {
    const tail = words.slice(1);
    if (tail.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !lookupGazetteer(w) && !ORG_SUFFIXES.has(w) && !ORG_HEADS.has(w) && !CONTENT_OR_ROLE(w) && !DEMONYMS.has(w))) {
      const named = personCandidate(text, tokens, a + 1, b, [first]);
      if (named) return [named];
    }
  }

  // "the 5th Circuit", "the 3rd Infantry Division": an ordinal before a court circuit or a unit.
  if (ORDINAL.test(first) && (ORDINAL_UNITS.has(last) || ORG_SUFFIXES.has(last))) return [makeCandidate(text, tokens, a, b, 'organization')];
  // Organization by its last word, or "Ministry of …".
  const ampersand = words.includes('&');
  let headOf = false;
  // "Junta de Andalucía", "Fundación para la …", "Groupement des Armateurs …": the head words of other languages too.
  for (let k = 0; k + 1 < n && !headOf; k++) headOf = (ORG_HEADS.has(words[k]!) || ORG_SUFFIXES.has(words[k]!)) && HEAD_CONNECTORS.has(words[k + 1]!);
  // "ACLU of Florida", "ACORN Canada", "Climate Action Network Europe": an organization qualified by a place.
  const orgBeforePlace = n >= 2 && lookupGazetteer(last)?.type === 'place' && (ORG_SUFFIXES.has(words[n - 2]!) || (n === 2 && isOrgAcronym(first)) || (n === 3 && words[1] === 'of' && isOrgAcronym(first)));
  if (ORG_SUFFIXES.has(last) || ampersand || headOf || orgBeforePlace) {
    return [makeCandidate(text, tokens, a, b, 'organization')];
  }

  // "Fine Gael leader Enda Kenny", "the Fine Gael leader": a name of two words or more right before a
  // lower-case role and another name (or after "the") is the body whose role it is, not a person (a
  // person's would start with a given name).
  if (allowPerson && n >= 2 && !GIVEN_NAMES.has(first) && !EAST_ASIAN_SURNAMES.has(first) && (isRoleBeforeName(tokens, b) || (tokens[a - 1]?.text === 'the' && !!tokens[b]?.word && !tokens[b]!.cap && ROLE_WORDS.has(tokens[b]!.text))) && words.every((w) => /^\p{Lu}/u.test(w) && !isRoleWord(w.toLowerCase()))) {
    return [makeCandidate(text, tokens, a, b, 'organization')];
  }
  if (allowPerson) {
    const nameStart = findNameStart(words);
    if (nameStart > 0 && nameStart < n) {
      const titleTo = a + nameStart;
      const person = personCandidate(text, tokens, titleTo, b, [joinTokens(tokens, a, titleTo)]);
      if (person) return [...classifyTitle(text, tokens, a, titleTo), person];
    }
    if (nameStart >= n) return classifyTitle(text, tokens, a, b);
  }

  // Places by their first or last word ("Lake Charles", "Jamison Valley"), or a compass word before a known place.
  // "Orchard Close", "Mill Lane": an everyday word that is no given name before the suffix names a street.
  const personLike = n === 2 && isNameLike(first) && SURNAME_LIKE_SUFFIXES.has(last) && !isLocative(tokens, a) && !(ENGLISH_WORDS.has(first.toLowerCase()) && !GIVEN_NAMES.has(first));
  // Not "New Year", "New Deal", "Old Testament": a time or an idea after the prefix names no place.
  const notPlace = /^(?:Year|Years|Day|Eve|Week|Deal|Age|Testament|Wave|Moon|Era|Normal|Order)$/.test(last);
  if ((PLACE_SUFFIXES.has(last) && !personLike) || (PLACE_PREFIXES.has(first) && !isNameLike(first) && !/(?:ers|ians|ites|ese)$/.test(last) && !notPlace)) return [makeCandidate(text, tokens, a, b, 'place')];
  if (COMPASS_WORDS.has(first)) {
    const rest = lookupGazetteer(words.slice(1).join(' '));
    if (rest?.type === 'place') return [makeCandidate(text, tokens, a, b, 'place')];
  }
  if (isPlaceByContext(tokens, a, b)) return [makeCandidate(text, tokens, a, b, 'place')];

  const prevNoun = tokens[a - 1];
  const afterOrgNoun = (!!prevNoun?.word && !prevNoun.cap && ORG_NOUNS.has(prevNoun.text) && prevNoun.end + 1 === tokens[a]!.start && !holdsRoleOf(tokens, a - 1, b)) || isAfterAppositiveOrgNoun(tokens, a, b) || isAfterShareNoun(tokens, a);
  if (afterOrgNoun || (!(isNameLike(first) && n >= 2) && (hasOrganizationNoun(tokens, a, b) || (!isNameLike(first) && isOrganizationByContext(tokens, a))))) return [makeCandidate(text, tokens, a, b, 'organization')];
  // "in Sha Tin", "at Farragut North": after a locative preposition, a phrase that is not shaped like
  // a Western personal name ("Jane Doe") is a place, whatever its words.
  const possessive = tokens[b - 1]!.text !== bareText(tokens[b - 1]!);
  const westernName = isNameLike(first) && isPersonalName(first) && (isPersonalName(last) || isNameLike(last)) && !EAST_ASIAN_SURNAMES.has(first);
  if (isLocative(tokens, a) && !possessive && n <= 4 && !westernName && !words.some((w) => ACRONYM.test(w) || DEMONYMS.has(w)) && !gazetteerMatchesWithin(text, tokens, a, b).some((c) => c.type === 'organization')) {
    return [makeCandidate(text, tokens, a, b, 'place')];
  }
  // "CalMac Ferries": a brand spelling starts an organization's name.
  if (BRAND_SPELLING.test(first) || /^\p{Lu}{2,}-\p{Lu}/u.test(first)) return [makeCandidate(text, tokens, a, b, 'organization')];
  if (allowPerson && looksLikePerson(text, tokens, a, b, words)) {
    const person = personCandidate(text, tokens, a, b, precedingTitles(text, tokens, a));
    if (person) return [person];
  }
  if (isOrganizationByContext(tokens, a)) return [makeCandidate(text, tokens, a, b, 'organization')];

  // "in Edgbaston", "at Camp Nou": an unknown phrase after a locative preposition.
  if (isLocative(tokens, a) && n <= 3 && words.every((w) => !isPersonalName(w) && !DEMONYMS.has(w) && !ACRONYM.test(w) && !CONTENT_OR_ROLE(w))) {
    return [makeCandidate(text, tokens, a, b, 'place')];
  }

  // Nothing supports a type for the whole phrase: keep only the names the gazetteer knows inside it,
  // or keep it for linking to a person named in full elsewhere ("Ten Hag said" after "Erik ten Hag").
  const within = gazetteerMatchesWithin(text, tokens, a, b);
  if (within.length > 0 || !allowPerson || n > 4) return within;
  return [{ ...makeCandidate(text, tokens, a, b, 'person'), single: 'weak' }];
}

const isOrgAcronym = (w: string) => ACRONYM.test(w) && !NON_ORG_ACRONYMS.has(w) && !isRoleWord(w) && lookupGazetteer(w)?.type !== 'place';
const CONTENT_OR_ROLE = (w: string) => (wordFlags(w) & (WORD_CONTENT | WORD_ROLE | WORD_FUNCTION)) !== 0;

/** "Kisumu, Kenya", "Mato Grosso state": a place by what follows it. */
function isPlaceByContext(tokens: Token[], a: number, b: number): boolean {
  const next = tokens[b];
  const after = tokens[b + 1];
  if (!next) return false;
  if (next.word && !next.cap && PLACE_NOUNS.has(next.text) && !(tokens[a - 1]?.word === true && /^(?:the|a|an)$/i.test(tokens[a - 1]!.text) && false)) return !isNameLike(tokens[a]!.text) || isLocative(tokens, a);
  // "Marsabit, a county in northern Kenya", "Kibera, the largest informal settlement".
  if (next.text === ',' && after?.word && /^(?:a|an|the)$/.test(after.text)) {
    for (let k = b + 2; k < b + 6 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.word || t.cap) break;
      if (PLACE_NOUNS.has(t.text) && !/^(?:resident|residents|native|area|border|capital|camp)$/.test(t.text)) return /^(?:in|of|on|near|north|south|east|west|about|that|where|with|,)$/.test(tokens[k + 1]?.text ?? ',') || !tokens[k + 1]?.word;
      if (ROLE_WORDS.has(t.text) || ORG_NOUNS.has(t.text)) break;
    }
  }
  if (next.text === ',' && after?.cap) {
    const entry = lookupGazetteer(after.text) ?? (tokens[b + 2]?.cap ? lookupGazetteer(`${after.text} ${tokens[b + 2]!.text}`) : undefined);
    if ((entry?.type === 'place' && isLocative(tokens, a)) || STATE_ABBREVIATIONS.has(after.text)) return true;
    // "residents of Sulphur, Louisiana, were …": a country or US state closing the phrase, whatever comes before.
    if (entry?.type === 'place' && isCountryOrState(after.text) && !isPersonalName(tokens[a]!.text) && !tokens[a]!.sentenceStart) {
      const close = tokens[b + 2];
      return !close || (!close.word && close.text !== '-') || (!close.cap && !lookupSpeechVerb(close.text));
    }
  }
  return false;
}

const PERSONLIKE_ORG_NOUNS = new Set(['investor', 'backer', 'developer', 'operator', 'producer', 'maker', 'supplier', 'miner', 'broker', 'distributor', 'exporter', 'importer', 'shipper', 'daily', 'label']);
/** "a spin-off company, Natrion Cells,", "Rojas' party, Perú Unido.": the noun in apposition before the name. */
function isAfterAppositiveOrgNoun(tokens: Token[], a: number, b: number): boolean {
  const noun = tokens[a - 2];
  if (tokens[a - 1]?.text !== ',' || !noun?.word || noun.cap || !ORG_NOUNS.has(noun.text) || PERSONLIKE_ORG_NOUNS.has(noun.text)) return false;
  const det = tokens[a - 3];
  if (!det?.word || !(/^(?:a|an|the|its|his|her|their|our|new|own|\p{Ll}+-\p{Ll}+)$/u.test(det.text) || det.text !== bareText(det) || /s['’]$/.test(det.text))) return false;
  // "A spokeswoman for the department, Colleen Marsh, said": the appositive names the role's holder.
  const role = tokens[a - 5];
  if (/^(?:for|of|at|with)$/.test(tokens[a - 4]?.text ?? '') && role?.word && isRoleWord(role.text)) return false;
  const after = tokens[b];
  // "At the school, Jane Doe teaches": a given name followed by its verb is a person.
  if (isPersonalName(bareText(tokens[a]!)) && after?.word) return false;
  return !after || (!after.word && after.text !== '(') || (!after.cap && !lookupSpeechVerb(after.text) && !/^(?:who|whose)$/.test(after.text));
}

/** A lower-case role (one or two words) right after `b`, then a capitalized name: "leader Enda Kenny". */
function isRoleBeforeName(tokens: Token[], b: number): boolean {
  let k = b;
  while (k < b + 2 && tokens[k]?.word && !tokens[k]!.cap && ROLE_WORDS.has(tokens[k]!.text)) k++;
  return k > b && !!tokens[k]?.word && tokens[k]!.cap && !tokens[k]!.sentenceStart && tokens[k]!.start === tokens[k - 1]!.end + 1;
}

/**
 * "head coach of the Chinese national football team Alain Perrin": a role of the body comes first,
 * so the name after the body's noun is the role's holder, a person, when it reads as one.
 */
function holdsRoleOf(tokens: Token[], noun: number, b: number): boolean {
  if (b - noun - 1 < 2 || !GIVEN_NAMES.has(tokens[noun + 1]!.text)) return false;
  for (let k = noun - 1; k >= 1 && k >= noun - 8; k--) {
    const t = tokens[k]!;
    if (!t.word) return false;
    if ((t.text === 'of' || t.text === 'for') && ROLE_WORDS.has(tokens[k - 1]!.text.toLowerCase())) return true;
  }
  return false;
}

/**
 * An organization by the noun next to it: "the union Verdi", "airport operator
 * Fraport", "the Houthi movement", "Lumio, a startup based in …".
 */
function hasOrganizationNoun(tokens: Token[], a: number, b: number): boolean {
  const prev = tokens[a - 1];
  if (prev?.word && !prev.cap && ORG_NOUNS.has(prev.text) && prev.end + 1 === tokens[a]!.start && !holdsRoleOf(tokens, a - 1, b)) return true;
  if (isAfterAppositiveOrgNoun(tokens, a, b)) return true;
  const next = tokens[b];
  if (next?.word && !next.cap && ORG_NOUNS.has(next.text) && tokens[b - 1]!.text === bareText(tokens[b - 1]!) && !(tokens[b + 1]?.cap && tokens[b + 1]!.word)) return true;
  if (next?.text === ',') {
    const art = tokens[b + 1];
    // "IG Metall, Germany's largest union": a possessive serves as the article.
    if (!art?.word || !(/^(?:a|an|the)$/.test(art.text) || (art.cap && art.text !== bareText(art)))) return false;
    for (let k = b + 2; k < b + 7 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.word) return false;
      // "IG Metall, Germany's largest union, said" describes it; "According to X, the movement grew"
      // starts the sentence's own clause: a verb follows its noun.
      const next = tokens[k + 1];
      if (!t.cap && ORG_NOUNS.has(t.text)) return !next?.word || /^(?:of|in|for|at|based|which|that|with|and|whose|representing)$/.test(next.text);
      if (!t.cap && ROLE_WORDS.has(t.text)) return false;
    }
  }
  return false;
}

const SHARE_NOUNS = new Set(['shares', 'stake', 'stakes', 'stock', 'shareholders', 'shareholder', 'stockholders', 'takeover', 'bondholders']);
// "Acme's shares", "Lumio's chief executive": what only a company has.
const COMPANY_POSSESSIONS = new Set(['shares', 'stock', 'share', 'shareholders', 'stockholders', 'revenue', 'revenues', 'profit', 'profits', 'earnings', 'valuation', 'subsidiary', 'subsidiaries', 'headquarters', 'ceo', 'chief', 'board', 'products', 'customers', 'employees', 'workforce', 'factory', 'factories', 'plant', 'stores', 'market', 'brand', 'lineup', 'flagship', 'investors', 'founder', 'co-founder', 'founders']);
/** "Acme's shares fell": a possessive before what only a company has. */
function hasCompanyPossession(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  let next = tokens[i + 1];
  // "Palantir, whose shares have tripled".
  if (next?.text === ',' && tokens[i + 2]?.text === 'whose') {
    i += 2;
    next = tokens[i + 1];
  } else if (t.text === bareText(t)) return false;
  if (!next?.word || next.cap) return false;
  const w = next.text.toLowerCase();
  if (w === 'chief') return /^(?:executive|financial|operating|technology)$/.test(tokens[i + 2]?.text ?? '');
  if (w === 'board') return tokens[i + 2]?.text === 'of' || tokens[i + 2]?.text === 'approved';
  return COMPANY_POSSESSIONS.has(w) && w !== 'ceo';
}

/** "Safaricom shares rose 4%": a name right before its shares. */
function isBeforeShares(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  return tokens[i]!.text === bareText(tokens[i]!) && !!next?.word && /^(?:shares|stock)$/.test(next.text) && !!after?.word && SHARE_MOVES.test(after.text);
}
const SHARE_MOVES = /^(?:rose|fell|jumped|slumped|gained|dropped|climbed|slid|surged|tumbled|plunged|soared|sank|slipped|edged|rallied|closed|ended|traded|opened|lost|added|were|are|have|had|hit|touched|rebounded|recovered)$/;

/** "Lumio unveiled its first glasses", "Acme said its profit …": a subject that owns with "its". */
function hasItsAfter(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.text !== bareText(t)) return false;
  for (let k = i + 1; k < i + 4 && k < tokens.length; k++) {
    const w = tokens[k]!;
    if (!w.word || w.cap) return false;
    if (w.text === 'its') return k > i + 1;
    if (FUNCTION_WORDS.has(w.text) && !/^(?:has|had|is|was|will|would|could|also|then|now|still|said|says)$/.test(w.text)) return false;
  }
  return false;
}

/** "shares of Acme", "a stake in Lumio". */
function isAfterShareNoun(tokens: Token[], a: number): boolean {
  const prep = tokens[a - 1];
  const noun = tokens[a - 2];
  return !!prep?.word && !!noun?.word && /^(?:of|in)$/.test(prep.text) && SHARE_NOUNS.has(noun.text.toLowerCase());
}

/** "an analyst at Jefferies", "the chief executive of Lumio": an organization by the role before it. */
function isOrganizationByContext(tokens: Token[], a: number): boolean {
  const prep = tokens[a - 1];
  const role = tokens[a - 2];
  if (isAfterShareNoun(tokens, a)) return true;
  if (!prep || !role || !prep.word || !/^(?:at|of|with|for|from)$/.test(prep.text)) return false;
  if (!role.word || (role.cap && !role.sentenceStart)) return false;
  // "an analyst at X", "Analysts at X".
  const r = role.text.toLowerCase();
  // "a fisherman from Kayar", "a farmer from X": a trade worked in a place, not for an employer.
  if (prep.text === 'from' && LOCAL_TRADES.has(r)) return false;
  return (ROLE_WORDS.has(r) || (r.endsWith('s') && ROLE_WORDS.has(r.slice(0, -1)))) && !/^(?:head|leader)$/.test(r) && !(prep.text === 'of' && PLACE_ROLES.has(r));
}

function classifyTitle(text: string, tokens: Token[], a: number, b: number): Candidate[] {
  // The names inside a title: "U.S. Ambassador to the United Nations", "Federal Reserve Chair".
  const out: Candidate[] = [];
  let segStart = a;
  const flush = (end: number) => {
    let s = segStart;
    while (s < end && (isConnectorToken(tokens[s]!) || FUNCTION_WORDS.has(lowerText(tokens[s]!)))) s++;
    // "Chinese Foreign Ministry" drops its adjective; "European Council" is a name of its own.
    if (s < end && DEMONYMS.has(tokens[s]!.text) && !lookupGazetteer(joinTokens(tokens, s, end))) s++;
    if (end <= s) return;
    const words = tokens.slice(s, end).map(bareText);
    const whole = lookupGazetteer(words.join(' '));
    if (whole) {
      const c = makeCandidate(text, tokens, s, end, whole.type, whole.name, true);
      // "Captain Rochester", "Officer Washington": one place word right after a title may be the surname
      // of a person the article names in full; linking decides.
      if (whole.type === 'place' && end - s === 1 && s > a && (isRoleWord(tokens[s - 1]!.text) || isHonorific(tokens[s - 1]!.text))) c.ambiguous = true;
      out.push(c);
    }
    else if (words.length > 1 && (ORG_SUFFIXES.has(words[words.length - 1]!) || words.some((w, k) => ORG_HEADS.has(w) && words[k + 1] === 'of'))) out.push(makeCandidate(text, tokens, s, end, 'organization'));
    else out.push(...gazetteerMatchesWithin(text, tokens, s, end));
  };
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (isRoleWord(t.text) || isHonorific(t.text)) {
      // "Grand Junction Fire Department Battalion Chief": a two-word title ends the name before its first word.
      flush(i > segStart && MULTIWORD_TITLES.has(`${tokens[i - 1]!.text} ${t.text}`.toLowerCase()) ? i - 1 : i);
      segStart = i + 1;
    }
  }
  flush(b);
  return out.filter((c) => c.type !== 'person' && !c.single);
}

/** The known names in tokens [a, b), longest first from left to right, as token spans. */
function gazetteerSpans(tokens: Token[], a: number, b: number): { from: number; to: number; entry: GazetteerEntry }[] {
  const out: { from: number; to: number; entry: GazetteerEntry }[] = [];
  for (let i = a; i < b; i++) {
    const m = longestGazetteerMatch(tokens, i, b);
    if (m) {
      out.push({ from: i, to: m.end, entry: m.entry });
      i = m.end - 1;
    }
  }
  return out;
}

function gazetteerMatchesWithin(text: string, tokens: Token[], a: number, b: number): Candidate[] {
  return gazetteerSpans(tokens, a, b).map((k) => makeCandidate(text, tokens, k.from, k.to, k.entry.type, k.entry.name, true));
}

/** Lower-case levels and bodies of local government a place's name stands before ("the Kunar provincial council"). */
const LOCAL_LEVEL_WORDS = new Set(['provincial', 'district', 'regional', 'municipal', 'county', 'city', 'town', 'village', 'state', 'local', 'prefectural']);
const LOCAL_BODY_WORDS = new Set(['council', 'government', 'police', 'authorities', 'administration', 'assembly', 'legislature', 'court', 'office', 'officials', 'governor']);
const PLACE_NOUNS_BEFORE_OF = new Set(['city', 'town', 'village', 'hamlet', 'province', 'state', 'region', 'district', 'county', 'port', 'island', 'islands', 'municipality', 'prefecture', 'governorate', 'suburb', 'neighborhood', 'neighbourhood', 'township', 'borough', 'parish', 'enclave', 'outskirts', 'cities', 'towns', 'villages', 'provinces', 'regions', 'districts', 'counties', 'states']);

// "residents of Kibera", "the mayor of Eldoret": people and offices of a place.
/** Verbs of travel: "I came from Nyakach", "families fled from Bakhmut". */
const MOTION_VERBS = new Set(['came', 'come', 'comes', 'coming', 'travelled', 'traveled', 'travelling', 'traveling', 'fled', 'flee', 'fleeing', 'moved', 'arrived', 'returned', 'returning', 'drove', 'driven', 'flew', 'walked', 'evacuated', 'relocated', 'migrated', 'hails', 'hailed', 'commute', 'commutes', 'commuted']);
const LOCAL_TRADES = new Set(['fisherman', 'fishermen', 'fisher', 'fishers', 'farmer', 'farmers', 'herder', 'herders', 'shepherd', 'villager', 'villagers', 'resident', 'residents', 'trader', 'traders', 'vendor', 'vendors', 'shopkeeper', 'shopkeepers', 'miner', 'miners', 'rancher', 'ranchers', 'grower', 'growers', 'native', 'mother', 'father', 'grandmother', 'grandfather', 'woman', 'man', 'student', 'students', 'teenager', 'pensioner', 'retiree', 'voter', 'voters']);
const PLACE_ROLES = new Set(['residents', 'resident', 'people', 'citizens', 'inhabitants', 'population', 'mayor', 'mayors', 'governor', 'governors', 'townspeople', 'villagers']);

function isLocative(tokens: Token[], a: number): boolean {
  let p = a - 1;
  // "the city of Puno", "the village of Varnavas".
  const noun = tokens[p - 1];
  if (tokens[p]?.text === 'of' && noun?.word && (!noun.cap || noun.sentenceStart)) {
    const n = noun.cap ? noun.text.toLowerCase() : noun.text;
    if (PLACE_NOUNS_BEFORE_OF.has(n) || PLACE_ROLES.has(n)) return true;
  }
  // "trucks out of Kadugodi", "a fisherman from Kayar".
  if (tokens[p]?.text === 'of' && noun?.text === 'out') return true;
  if (tokens[p]?.text === 'from' && noun?.word && (LOCAL_TRADES.has(noun.text) || MOTION_VERBS.has(noun.text))) return true;
  if (p >= 0 && tokens[p]!.text.toLowerCase() === 'the') p--;
  const prev = tokens[p];
  return !!prev && prev.word && LOCATIVE_PREPOSITIONS.has(prev.cap && prev.sentenceStart ? prev.text.toLowerCase() : prev.text);
}

function looksLikePerson(text: string, tokens: Token[], a: number, b: number, words: string[]): boolean {
  if (words.filter((w) => !NAME_PARTICLES.has(w)).length > 5) return false;
  if (words.some((w) => DEMONYMS.has(w) || (ORG_SUFFIXES.has(w) && !isPersonalName(w)) || /\d/.test(w))) return false;
  if (words.every((w) => ACRONYM.test(w))) return false;
  // "BBC One", "CNN International": a known organization's abbreviation opens a channel or a unit, not a name.
  if (ACRONYM.test(words[0]!) && lookupGazetteer(words[0]!)?.type === 'organization') return false;
  if (isFamilyNameFirst(words)) return true;
  // "Golden Slam", "Silver Line": a common noun at the end is not a family name.
  const lastWord = words[words.length - 1]!;
  if (!isPersonalName(lastWord) && !isNameLike(lastWord) && !words.some((w) => NAME_PARTICLES.has(w)) && (CONTENT_OR_ROLE(lastWord) || ENGLISH_WORDS.has(lastWord.toLowerCase()))) {
    // "Steve Peers", "Ann Marsh": a given name before a family name that is also an English word.
    if (words.length === 2 && GIVEN_NAMES.has(words[0]!) && !CONTENT_OR_ROLE(lastWord) && !PLACE_SUFFIXES.has(lastWord) && !PLACE_HEADS.has(lastWord) && !PLACE_NOUNS.has(lastWord.toLowerCase()) && !ORG_HEADS.has(lastWord) && !ORG_SUFFIXES.has(lastWord) && !BUILDING_WORDS.has(lastWord)) return true;
    return words.length <= 3 && (hasStrongPersonCue(tokens, a, b) || precedingTitles(text, tokens, a).length > 0);
  }
  const nameLike = words.filter((w) => isNameLike(w)).length;
  if (isNameLike(words[0]!) || nameLike >= 2) return true;
  // "Hunter Biden", "Faith Okoro": a given name that is also an English word, before a family name.
  if (words.length === 2 && GIVEN_NAMES.has(words[0]!) && (isNameLike(lastWord) || isUnknownWord(lastWord)) && !BUILDING_WORDS.has(lastWord) && !PLACE_SUFFIXES.has(lastWord)) return true;
  if (words.some((w) => /^(?:bin|ibn|bint|al-\p{Lu}|el-\p{Lu}|Abdel|Abdul|Abd|Abu)/u.test(w))) return true;
  // Strong cues around the phrase outweigh one common word in it ("according to Faith Njeri Mutua, chief executive of …").
  const plausible = words.filter((w) => isNameLike(w) || isUnknownWord(w) || NAME_PARTICLES.has(w)).length >= Math.max(1, words.length - 1);
  if (plausible && words.length <= 4 && hasStrongPersonCue(tokens, a, b)) return true;
  if (words.some((w) => CONTENT_OR_ROLE(w) || lookupGazetteer(w))) return false;
  // Evidence around an unknown phrase: a role word before it, a speech verb or an age after it.
  if (precedingTitles(text, tokens, a).length > 0) return true;
  // Unknown capitalized words mid-sentence, with a name particle or nothing else to go on: most likely a person.
  if (!tokens[a]!.sentenceStart && words.length <= 4 && words.every((w) => isUnknownWord(w) || NAME_PARTICLES.has(w) || isInitial(w)) && isUnknownWord(words[0]!) && isUnknownWord(words[words.length - 1]!)) return true;
  const next = tokens[b];
  const after = tokens[b + 1];
  if (next?.word && lookupSpeechVerb(next.text)) return words.length <= 4 && nameLike >= 1;
  if (next?.text === ',' && after && (/^(?:who|whose)$/.test(after.text) || /^\d{1,2}$/.test(after.text))) return true;
  // "said Jane Doe", "Jane Doe, chief executive of …".
  const before = tokens[a - 1];
  if (before?.word && !before.cap && lookupSpeechVerb(before.text) && words.length <= 4) return true;
  if (next?.text === ',') {
    for (let k = b + 1; k < b + 6 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.word) break;
      if (!t.cap && ROLE_WORDS.has(t.text.toLowerCase())) return words.length <= 4;
    }
  }
  return false;
}

/** "said Jane Doe", "according to Jane Doe", "Jane Doe, chief executive of …", "Jane Doe, 45,". */
function hasStrongPersonCue(tokens: Token[], a: number, b: number): boolean {
  const before = tokens[a - 1];
  if (before?.word && !before.cap && (lookupSpeechVerb(before.text) || (before.text === 'to' && tokens[a - 2]?.text === 'according'))) return true;
  const next = tokens[b];
  const after = tokens[b + 1];
  if (next?.text !== ',' || !after) return false;
  if (/^(?:who|whose)$/.test(after.text) || /^\d{1,2}$/.test(after.text)) return true;
  for (let k = b + 1; k < b + 6 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.word) break;
    if (!t.cap && ROLE_WORDS.has(t.text.toLowerCase())) return true;
  }
  return false;
}

/** A capitalized word no lexicon knows: not common, not a place, title, demonym or acronym. */
function isUnknownWord(w: string): boolean {
  return unknownWordMemo(w);
}
const unknownWordMemo = memoizeBounded(computeUnknownWord);

function computeUnknownWord(w: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(w) && !ENGLISH_WORDS.has(w.toLowerCase()) && !CONTENT_OR_ROLE(w) && !lookupGazetteer(w) && !DEMONYMS.has(w) && !ORG_SUFFIXES.has(w) && !ORG_HEADS.has(w) && !PLACE_SUFFIXES.has(w) && !PLACE_PREFIXES.has(w) && !COMPASS_WORDS.has(w);
}

/** Role phrase written in lower case right before a name: "fast bowler", "ministry spokesman". */
function precedingTitles(text: string, tokens: Token[], a: number): string[] {
  const i = a - 1;
  const prev = tokens[i];
  if (!prev || !prev.word || prev.cap || !ROLE_WORDS.has(prev.text.toLowerCase()) || !gapIsSpace(text, prev, tokens[a]!)) return [];
  let first = i;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = tokens[k]!;
    if (!t.word || !gapIsSpace(text, t, tokens[k + 1]!)) break;
    const l = t.text.toLowerCase();
    if (FUNCTION_WORDS.has(l) && !/^(?:former|acting|interim|senior|then|deputy|vice|chief)$/.test(l)) break;
    if (t.text !== stripPossessive(t.text)) break;
    if (lookupSpeechVerb(t.text)) break;
    first = k;
    if (t.sentenceStart) break;
  }
  return [text.slice(tokens[first]!.start, prev.end)];
}

function personCandidate(text: string, tokens: Token[], a: number, b: number, titles: string[]): Candidate | undefined {
  const named: string[] = [];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    // A nickname in quotes inside the span is not part of the name.
    if (!t.word || (i > a && QUOTE_CHARS.has(text[t.start - 1] ?? '') && QUOTE_CHARS.has(text[t.end] ?? ''))) continue;
    named.push(i === b - 1 ? bareText(t) : t.text);
  }
  if (named.filter((w) => !NAME_PARTICLES.has(w)).length > 5 || named.some((w) => /^\d/.test(w))) return undefined;
  const honorific = titles.length > 0 ? titles[0]!.split(' ').at(-1) : undefined;
  // "Mr Brown", "Mrs May", "Dr Jordan": after a personal honorific an everyday word or a place is a surname.
  const surnameAfterHonorific = named.length === 1 && !!honorific && /^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?$/.test(honorific) && !isRoleWord(named[0]!.toLowerCase()) && !ACRONYM.test(named[0]!);
  if (named.length === 1 && !surnameAfterHonorific && (lookupGazetteer(named[0]!) || DEMONYMS.has(named[0]!) || ACRONYM.test(named[0]!) || CONTENT_OR_ROLE(named[0]!))) return undefined;
  const start = tokens[a]!.start;
  const end = bareEnd(tokens[b - 1]!);
  const c: Candidate = { type: 'person', name: named.join(' '), parts: named, start, end, text: text.slice(start, end), titles: cleanTitles(titles), known: false };
  if (named.length === 1) c.single = 'person';
  if (honorific && /^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(honorific)) c.honorificForm = `${honorific} ${named.join(' ')}`;
  return c;
}

function cleanTitles(titles: string[]): string[] {
  return titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '' && !/^(?:Mr|Mrs|Ms|Miss|Mx)\.?$/.test(t));
}

/** A single capitalized word: known place/organization, acronym, or a name to link later. */
/** True when the line starting at `start` reads like a dateline: "TOWN, Region —" before the first sentence. */
function isDatelineLine(text: string, start: number): boolean {
  const line = text.slice(start, start + 80);
  return /^[\p{Lu}\p{M}' -]+,(?: [\p{L}.]+){1,4}\.? ?(?:—|–|--|-|\()/u.test(line);
}

/** An all-capital word of two letters or more ("NEXT"). */
const isShoutedWord = (t: Token | undefined) => !!t?.word && t.text.length >= 2 && /^\p{Lu}+$/u.test(t.text);

function classifySingle(text: string, tokens: Token[], i: number, allowPerson: boolean, known?: GazetteerEntry): Candidate[] {
  const t = tokens[i]!;
  const word = bareText(t);
  const base = makeCandidate(text, tokens, i, i + 1, 'person');
  const sentenceInitial = t.sentenceStart;
  if (known) {
    if (sentenceInitial && CONTENT_WORDS.has(word.toLowerCase())) return [];
    // "Newcastle have issued a statement", "Leeds were relegated": a city with a plural verb is its
    // sports club, as British copy writes it; a country or state keeps being the place.
    const next = tokens[i + 1];
    // Only as the subject, opening its sentence or clause: "services to London were not affected" is the city.
    const opensClause = sentenceInitial || /^(?:,|;|and|but|while|as|after|when)$/i.test(tokens[i - 1]?.text ?? '');
    if (known.type === 'place' && opensClause && next?.word && /^(?:have|are|were)$/.test(next.text) && !isCountryOrState(word)) {
      return [{ ...base, type: 'organization', name: word }];
    }
    const c: Candidate = { ...base, type: known.type, name: known.name, known: true };
    // "Jordan", "Chelsea", "Austin": a known place that is also a personal name may turn out to be a surname.
    if (isPersonalName(word) && !isLocative(tokens, i)) c.ambiguous = true;
    return [c];
  }
  // "China-U.S.", "London-based": halves the gazetteer knows.
  if (word.includes('-')) {
    const halves = word.split('-');
    const out: Candidate[] = [];
    let offset = t.start;
    for (const h of halves) {
      const entry = lookupGazetteer(h);
      if (entry && /^\p{Lu}/u.test(h)) out.push({ ...base, type: entry.type, name: entry.name, start: offset, end: offset + h.length, text: h, parts: [h], known: true });
      offset += h.length + 1;
    }
    const modifier = COMPOUND_MODIFIERS.has(halves[halves.length - 1]!.toLowerCase());
    if (out.length > 0 && (out.length === halves.length || modifier || halves.every((h) => /^\p{Lu}/u.test(h)))) return out;
    if (modifier) {
      const head = halves.slice(0, -1).join('-');
      if (/^(?:based|headquartered|area)$/.test(halves[halves.length - 1]!) && /^\p{Lu}\p{Ll}/u.test(head) && !isPersonalName(head)) {
        return [{ ...base, type: 'place', name: head, end: t.start + head.length, text: head, parts: [head] }];
      }
      return [];
    }
  }
  if (DEMONYMS.has(word) || NEVER_NAMES.has(word.toLowerCase())) return [];
  if (!allowPerson) return [];
  if (ACRONYM.test(word)) {
    // "MPs", "CEOs": plurals of acronyms are people or things, not one organization.
    if (NON_ORG_ACRONYMS.has(word) || STATE_ABBREVIATIONS.has(word) || word.length < 2 || /\p{Lu}s$/u.test(word)) return [];
    // "J.W. gets the headlines": two dotted initials the gazetteer does not know are a person's, not an organization.
    if (/^(?:\p{Lu}\.){2}$/u.test(word)) return [];
    // "MARFA, Texas —", "IIYAMA, Nagano Pref. –": a dateline's town in capitals opens the first line.
    if (t.breakBefore && word.length >= 4 && /^\p{Lu}+$/u.test(word) && tokens[i + 1]?.text === ',' && tokens[i + 2]?.cap && isDatelineLine(text, t.start)) {
      const name = word[0] + word.slice(1).toLowerCase();
      return [{ ...base, type: 'place', name, parts: [name] }];
    }
    // "NEXT UP", "READ MORE": an English word in a line of capitals is shouted, not an acronym.
    if ((ENGLISH_WORDS.has(word.toLowerCase()) || wordFlags(word.toLowerCase()) & (WORD_FUNCTION | WORD_CONTENT)) && (isShoutedWord(tokens[i - 1]) || isShoutedWord(tokens[i + 1]))) return [];
    return [{ ...base, type: 'organization', name: word, single: 'unknown' }];
  }
  if ((!sentenceInitial || (!ENGLISH_WORDS.has(word.toLowerCase()) && !CONTENT_OR_ROLE(word))) && isPlaceByContext(tokens, i, i + 1) && (!isPersonalName(word) || isLocative(tokens, i))) return [{ ...base, type: 'place' }];
  // "a festival in Gilroy", "occupants from Smolensk": a word no lexicon knows, right after "in", "near" or a
  // motion's "from"/"to", names a place (unless a person of that name turns up at linking time).
  const nextToken = tokens[i + 1];
  const possessive = /['’]s?$/.test(t.text) || (nextToken?.text === "'s" || nextToken?.text === '’s');
  const before = tokens[i - 2]?.text ?? '';
  const motion = (/^(?:from|to|into|toward|towards)$/.test(tokens[i - 1]?.text ?? '') && MOTION_VERBS.has(before)) || (tokens[i - 1]?.text === 'from' && /^(?:is|are|was|were|all|originally|people|residents|natives?)$/.test(before));
  if (!sentenceInitial && !possessive && isUnknownWord(word) && !isPersonalName(word) && (isLocative(tokens, i) || motion) && tokens[i - 1]?.word && !(nextToken?.word && (nextToken.cap || /^\d/.test(nextToken.text)))) return [{ ...base, type: 'place', ambiguous: true }];
  // "and Beaumont, Texas,": a personal name before a US state or country closing the phrase, unless a person claims it.
  if (!sentenceInitial && isPersonalName(word) && tokens[i + 1]?.text === ',' && isCountryOrState(tokens[i + 2]?.text ?? '') && /^[,.;)]$/.test(tokens[i + 3]?.text ?? '.') && tokens[i + 2]!.text === bareText(tokens[i + 2]!)) return [{ ...base, type: 'place', ambiguous: true }];
  // "SoftBank", "PitchBook", "SUD-Rail": inner capitals are brand spelling, not personal names.
  if (BRAND_SPELLING.test(word)) return [{ ...base, type: 'organization' }];
  if (/^\p{Lu}{2,}-\p{Lu}/u.test(word)) return [{ ...base, type: 'organization' }];
  // A surname elsewhere in the article wins over these cues at linking time.
  const prev = tokens[i - 1];
  // "Tanker operator Shivanna, who runs six trucks": ", who" after the name makes it a person's.
  const whoAfter = tokens[i + 1]?.text === ',' && tokens[i + 2]?.text === 'who';
  const afterOrgNoun = !!prev?.word && !prev.cap && ORG_NOUNS.has(prev.text) && prev.end + 1 === t.start && !CONTENT_OR_ROLE(word) && !whoAfter;
  if (whoAfter && !sentenceInitial && !CONTENT_OR_ROLE(word) && !ENGLISH_WORDS.has(word.toLowerCase()) && !ACRONYM.test(word)) return [{ ...base, single: 'person' }];
  if (!whoAfter && (afterOrgNoun || (!sentenceInitial && isOrganizationByContext(tokens, i)) || (!isPersonalName(word) && !isNameLike(word) && !CONTENT_OR_ROLE(word) && (!sentenceInitial || !ENGLISH_WORDS.has(word.toLowerCase())) && (hasCompanyPossession(tokens, i) || (!isLocative(tokens, i) && hasItsAfter(tokens, i)) || isBeforeShares(tokens, i))) || (!ENGLISH_WORDS.has(word.toLowerCase()) && !CONTENT_OR_ROLE(word) && hasOrganizationNoun(tokens, i, i + 1)))) return [{ ...base, type: 'organization', ambiguous: true }];
  if (isLocative(tokens, i) && !sentenceInitial && word.length > 2 && !isInitial(word) && !isPersonalName(word) && !CONTENT_OR_ROLE(word)) return [{ ...base, type: 'place' }];
  // "the Biden administration", "the Meloni government": a leader named by the government they head.
  const next = tokens[i + 1];
  if (!sentenceInitial && next?.word && LEADER_NOUNS.has(next.text) && (isNameLike(word) || isUnknownWord(word))) return [{ ...base, single: 'person' }];
  const weak = sentenceInitial || CONTENT_OR_ROLE(word);
  return [{ ...base, single: weak ? 'weak' : 'unknown' }];
}

// ---- Linking within the article ----

interface Group {
  /** Folded name parts and whether the name is family-first, kept for surname lookups. */
  folded?: { parts: string[]; familyFirst: boolean; family: string };
  type: EntityType;
  name: string;
  parts: string[];
  known: boolean;
  mentions: EntityMention[];
  forms: Set<string>;
  titles: Set<string>;
  firstStart: number;
}

/** Case- and accent-insensitive form of a name, memoized: linking compares the same few names many times. */
const foldKey = memoizeBounded((s: string): string => {
  const n = normalizeForm(s);
  return (/[^\x00-\x7f]/.test(n) ? n.normalize('NFKD').replace(/\p{M}/gu, '') : n).toLowerCase();
});
const nameKey = (parts: string[]) => foldKey(parts.filter((p) => !isInitial(p) && !NAME_SUFFIXES.has(p)).join(' '));

/** Joins candidates into one record per real-world thing, with short forms linked to full names. */
function linkCandidates(candidates: Candidate[]): ExtractedEntity[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const acronyms = new Map<string, Group>();
  const persons: Group[] = [];
  const add = (g: Group, c: Candidate) => {
    g.mentions.push({ start: c.start, end: c.end, text: c.text });
    g.forms.add(c.text);
    if (c.honorificForm) g.forms.add(c.honorificForm);
    for (const t of c.titles) g.titles.add(t);
  };
  const open = (c: Candidate, key: string, name: string, parts: string[]): Group => {
    const g: Group = { type: c.type, name, parts, known: c.known, mentions: [], forms: new Set(), titles: new Set(), firstStart: c.start };
    groups.push(g);
    byKey.set(key, g);
    return g;
  };

  // 1. Full names, and names the gazetteer knows.
  for (const c of candidates) {
    if (c.single || c.ambiguous) continue;
    if (c.type === 'person') {
      const key = 'person:' + nameKey(c.parts);
      // "López de la Cruz" after "Ana María López de la Cruz": the tail of a known name.
      let g = byKey.get(key) ?? persons.find((p) => p.parts.length > c.parts.length && foldKey(p.parts.slice(-c.parts.length).join(' ')) === foldKey(c.parts.join(' ')));
      if (!g) {
        g = open(c, key, c.name, c.parts);
        persons.push(g);
      } else if (c.parts.length > g.parts.length && foldKey(c.parts.slice(-g.parts.length).join(' ')) === foldKey(g.parts.join(' '))) {
        g.forms.add(g.name);
        g.name = c.name;
        g.parts = c.parts;
      }
      add(g, c);
    } else {
      const key = `${c.type}:${foldKey(c.name)}`;
      const g = byKey.get(key) ?? open(c, key, c.name, c.parts);
      add(g, c);
      if (c.acronym) {
        acronyms.set(c.acronym, g);
        g.forms.add(c.acronym);
      }
    }
  }
  mergeOrganizationForms(groups);
  for (const g of groups) if (g.known) acronyms.set(g.name, g);

  // 2. Single words: surnames, acronyms, short forms of organizations, names with a title.
  const singlePersons = new Map<string, Group>();
  for (const c of candidates) {
    if (!c.single && !c.ambiguous) continue;
    if (c.parts.length > 1) {
      const tail = foldKey(c.parts.join(' '));
      const person = persons.find((p) => p.parts.length > c.parts.length && foldKey(p.parts.slice(-c.parts.length).join(' ')) === tail);
      if (person) add(person, c);
      continue;
    }
    const word = c.parts[0] ?? c.name;
    const person = c.type === 'person' || c.ambiguous ? findPersonBySurname(persons, word, c.start) : undefined;
    if (person) {
      add(person, c);
      continue;
    }
    if (c.ambiguous) {
      const org = c.type === 'organization' && !c.known ? findOrganizationByWord(groups, word) : undefined;
      if (org) {
        add(org, c);
        continue;
      }
      const key = `${c.type}:${foldKey(c.name)}`;
      add(byKey.get(key) ?? open(c, key, c.name, c.parts), c);
      continue;
    }
    const acr = acronyms.get(word) ?? (c.known ? undefined : findOrganizationByInitials(groups, word));
    if (acr) {
      add(acr, c);
      continue;
    }
    if (c.type === 'organization') {
      const key = 'organization:' + foldKey(word);
      add(byKey.get(key) ?? open(c, key, word, [word]), c);
      continue;
    }
    const org = findOrganizationByWord(groups, word);
    if (org) {
      add(org, c);
      continue;
    }
    if (c.single === 'person') {
      const key = 'person:' + foldKey(word);
      let g = singlePersons.get(key);
      if (!g) {
        g = open(c, key, word, [word]);
        singlePersons.set(key, g);
      }
      add(g, c);
    }
  }
  // A bare surname with a title ("President Smith") joins a full name seen anywhere.
  for (const [key, g] of singlePersons) {
    const full = findPersonBySurname(persons, g.parts[0]!, Number.MAX_SAFE_INTEGER);
    if (full) {
      for (const m of g.mentions) full.mentions.push(m);
      for (const f of g.forms) full.forms.add(f);
      for (const t of g.titles) full.titles.add(t);
      groups.splice(groups.indexOf(g), 1);
      singlePersons.delete(key);
    }
  }
  // "Eoin Gilligan, defending, said … Mr Gilligan said": an unknown two- or three-word name that a titled
  // surname explains is that person's full name.
  for (const c of candidates) {
    if (c.single !== 'weak' || c.type !== 'person' || c.parts.length < 2 || c.parts.length > 3) continue;
    if (!c.parts.every((p) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?$/u.test(p) && !CONTENT_OR_ROLE(p) && !lookupGazetteer(p))) continue;
    const key = 'person:' + foldKey(c.parts[c.parts.length - 1]!);
    const g = singlePersons.get(key);
    if (!g || g.parts.length !== 1) continue;
    g.forms.add(g.name);
    g.name = c.name;
    g.parts = c.parts;
    add(g, c);
    singlePersons.delete(key);
    persons.push(g);
  }
  // Bare words that a titled surname explains ("President Smith" … "Smith said").
  for (const c of candidates) {
    if (c.single !== 'unknown' && c.single !== 'weak') continue;
    const g = singlePersons.get('person:' + foldKey(c.parts[0] ?? ''));
    if (g && !g.mentions.some((m) => m.start === c.start)) add(g, c);
  }

  mergeIntoFullestForms(groups);
  const entities: ExtractedEntity[] = [];
  for (const g of groups) if (g.mentions.length > 0) entities.push(toEntity(g));
  return entities.sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start);
}

/**
 * One record for the short and long forms of an organization in one article:
 * "the Reserve Bank" and "South African Reserve Bank", "Election Commission"
 * and "Election Commission of India", "Congress" and "Indian National Congress".
 */
function mergeOrganizationForms(groups: Group[]): void {
  const orgs = groups.filter((g) => g.type === 'organization');
  for (const short of orgs) {
    const s = foldKey(short.name);
    const target = orgs.find((long) => {
      if (long === short || long.mentions.length === 0) return false;
      const l = foldKey(long.name);
      if (l.length <= s.length) return false;
      if (l.endsWith(' ' + s)) return true;
      // "NetChoice" and "NetChoice LLC": the same company with and without its legal form.
      if (l.startsWith(s + ' ') && long.parts.length === short.parts.length + 1 && ORG_SUFFIXES.has(long.parts[long.parts.length - 1]!)) return true;
      return !short.known && l.startsWith(s + ' of ');
    });
    if (!target) continue;
    for (const m of short.mentions) target.mentions.push(m);
    for (const f of short.forms) target.forms.add(f);
    target.forms.add(short.name);
    short.mentions = [];
  }
}

/**
 * The fullest form the article writes names the entity: "Kisumu" joins "Kisumu County" and "Nagano"
 * joins "Nagano Prefecture"; "Valdane" (wherever typed) and an untitled "Corrigan Hale" join the company
 * "Valdane Chemicals" / "Corrigan Hale Capital", whose name is theirs plus institution words.
 */
function mergeIntoFullestForms(groups: Group[]): void {
  const live = groups.filter((g) => g.mentions.length > 0);
  const byName = new Map<string, Group>();
  for (const g of live) if (g.type === 'place' || g.type === 'organization') byName.set(`${g.type}:${foldKey(g.name)}`, g);
  const orgs = live.filter((g) => g.type === 'organization' && !g.known && g.parts.length >= 2);
  for (const short of live) {
    if (short.mentions.length === 0) continue;
    let target: Group | undefined;
    if (short.type === 'place' && !isCountryOrState(short.name)) {
      target = byName.get(`place:${foldKey(short.name)} county`) ?? byName.get(`place:${foldKey(short.name)} prefecture`);
    }
    if (!target && !short.known && (short.type !== 'person' || short.titles.size === 0) && !(short.type === 'place' && PLACE_SUFFIXES.has(short.parts[short.parts.length - 1]!))) {
      const s = foldKey(short.name);
      const n = short.parts.length;
      const matches = orgs.filter((o) => o !== short && o.parts.length > n && foldKey(o.parts.slice(0, n).join(' ')) === s && o.parts.slice(n).every((w) => ORG_SUFFIXES.has(w)));
      if (matches.length === 1) target = matches[0];
    }
    if (!target || target === short) continue;
    for (const m of short.mentions) target.mentions.push(m);
    for (const f of short.forms) target.forms.add(f);
    target.forms.add(short.name);
    short.mentions = [];
  }
}

/** "Villa" for "Aston Villa", "Selene" for "Selene Dynamics": a distinctive word of an organization's name. */
function findOrganizationByWord(groups: Group[], word: string): Group | undefined {
  if (CONTENT_OR_ROLE(word) || ORG_SUFFIXES.has(word) || word.length < 3) return undefined;
  const w = foldKey(word);
  const matches = groups.filter((g) => g.type === 'organization' && g.mentions.length > 0 && g.parts.length >= 2 && (foldKey(g.parts[0]!) === w || foldKey(g.parts[g.parts.length - 1]!) === w));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * "Philippine Institute of Volcanology and Seismology (Phivolcs)", "Office of
 * Communications (Ofcom)": a short name in brackets written as a word, its
 * letters taken in order from the organization's name, starting with its first.
 */
function isSyllabicShortName(word: string, target: Candidate | undefined): boolean {
  if (!target || target.type !== 'organization' || !/^\p{Lu}\p{Ll}{2,}$/u.test(word)) return false;
  const name = foldKey(target.name).replace(/[^\p{L}]/gu, '');
  const letters = foldKey(word);
  if (name[0] !== letters[0] || target.name.split(/\s+/).length < 3) return false;
  let k = 0;
  for (const ch of name) if (ch === letters[k]) k++;
  return k === letters.length;
}

/** Words an abbreviation skips ("Department of Public Safety" is DPS). */
const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', '&']);

/**
 * "the Tacoma Police Department announced … According to TPD": an acronym no
 * article defines is the organization of this article whose initials it
 * spells, the whole name's or the name's after a leading place ("Arizona
 * Department of Public Safety" is DPS too). Only one such organization, or none.
 */
function findOrganizationByInitials(groups: Group[], word: string): Group | undefined {
  if (!/^\p{Lu}{2,6}$/u.test(word)) return undefined;
  const matches = groups.filter((g) => {
    if (g.type !== 'organization' || g.mentions.length === 0 || g.parts.length < 2) return false;
    const words = g.name.split(/[\s-]+/).filter((w) => !INITIALS_SKIP.has(w.toLowerCase()));
    if (!words.every((w) => /^\p{Lu}/u.test(w))) return false;
    const initials = words.map((w) => w[0]).join('');
    if (initials === word) return true;
    return words.length > word.length && initials.slice(1) === word && lookupGazetteer(words[0]!)?.type === 'place';
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function foldedParts(p: Group): NonNullable<Group['folded']> {
  if (!p.folded || p.folded.parts.length !== p.parts.length) {
    p.folded = { parts: p.parts.map(foldKey), familyFirst: isFamilyNameFirst(p.parts), family: foldKey(familyName(p.parts)) };
  }
  return p.folded;
}

function findPersonBySurname(persons: Group[], word: string, at: number): Group | undefined {
  const w = foldKey(word);
  const matches = persons.filter((p) => {
    if (p.parts.length < 2) return false;
    const f = foldedParts(p);
    if (f.family === w) return true;
    // Any later part of a Western name ("López" of "Ana María López de la Cruz"), or the first of a family-first name.
    for (let k = f.familyFirst ? 0 : 1; k < f.parts.length; k++) {
      if (f.parts[k] === w && !NAME_PARTICLES.has(p.parts[k]!) && !isInitial(p.parts[k]!)) return true;
    }
    return false;
  });
  if (matches.length === 0) {
    // Given-name reference ("Serena said") when exactly one person has it.
    const byGiven = persons.filter((p) => p.parts.length >= 2 && !foldedParts(p).familyFirst && foldedParts(p).parts[0] === w);
    // An East Asian family name first of three parts ("Mr Ng" of "Ng Eng Hen") is the family name.
    return byGiven.length === 1 && (!EAST_ASIAN_SURNAMES.has(word) || byGiven[0]!.parts.length === 3) ? byGiven[0] : undefined;
  }
  if (matches.length === 1) return matches[0];
  // Two people of one family ("Rosa Diaz" … "her husband, Carlos Diaz"): the bare surname goes on naming
  // whoever the article already called by it; the other is named in full.
  const calledBySurname = matches.filter((p) => p.firstStart <= at && p.mentions.some((m) => m.start < at && foldKey(m.text) === w));
  if (calledBySurname.length === 1) return calledBySurname[0];
  const before = matches.filter((p) => p.firstStart <= at).sort((x, y) => lastMentionBefore(y, at) - lastMentionBefore(x, at));
  return before[0] ?? matches[0];
}

function lastMentionBefore(g: Group, at: number): number {
  let best = -1;
  for (const m of g.mentions) if (m.start <= at && m.start > best) best = m.start;
  return best;
}

/** Titles a single-named ruler or pontiff is known by ("Pope Francis", "Queen Rania", "Emperor Naruhito"). */
const REIGN_TITLES = /^(?:Pope|King|Queen|Emperor|Empress|Sultan|Emir|Tsar|Shah|Pharaoh)$/iu;

function toEntity(g: Group): ExtractedEntity {
  const mentions = [...g.mentions].sort((x, y) => x.start - y.start || x.end - y.end);
  const deduped = mentions.filter((m, i) => i === 0 || m.start !== mentions[i - 1]!.start);
  // Forms as one line: a hard-wrapped mention keeps its line break in `mentions`, not in `aliases`.
  const aliases = [...g.forms].map((f) => f.replace(/\s+/g, ' ')).filter((f) => f !== g.name && foldKey(f) !== foldKey(g.name));
  const uniqueAliases = [...new Map(aliases.map((a) => [foldKey(a), a])).values()].sort();
  // "Pope Francis", "King Abdullah": a single name held under a title of reign is known by both.
  const reign = g.type === 'person' && g.parts.length === 1 ? [...g.titles].find((t) => REIGN_TITLES.test(t)) : undefined;
  const name = reign ? `${reign.replace(/^\p{Ll}/u, (c) => c.toUpperCase())} ${g.name}` : g.name;
  const entity: ExtractedEntity = { name, type: g.type, aliases: reign ? [...new Set([g.name, ...uniqueAliases])].sort() : uniqueAliases, mentions: deduped };
  if (g.type === 'person') entity.titles = [...g.titles].sort();
  return entity;
}
