/**
 * Speaker names to one canonical full name per article. After attribution a
 * speaker may still be a short form ("Danforth", "Nordstern"), a form with
 * titles stuck to it ("U.S. Attorney Leah Brandvold"), or a name split by a
 * nickname ("Marguerite “Peg” Danforth"). Each short form joins the one full
 * name in the article it can be part of; ambiguous short forms stay as they
 * are rather than guess.
 */
import type { ExtractedEntity, SpeakerRef } from '../archive/types.ts';
import { AFFILIATION_PREFIX, familyName, isFamilyNameFirst, splitTitles } from './names.ts';
import { cleanTitles } from './speakers.ts';
import { GIVEN_NAMES, lookupGazetteer, wordFlags, WORD_FUNCTION } from './entity-lexicons.ts';

interface Candidate {
  name: string;
  type: SpeakerRef['type'];
  tokens: string[];
  /** First offset at which the full name appears, for preferring earlier names. */
  first: number;
  aliases: string[];
  titles: string[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const tokensOf = (s: string) => fold(s).replace(/[’']s$/, '').split(/\s+/).filter(Boolean);

// "Marguerite “Peg” Danforth", "Jose 'Pepe' Ruiz": given name, quoted nickname, family name.
const NICKNAMED = /\b(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)?)\s+["“‘'](\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?)["”’']\s+((?:(?:de|da|del|van|von|der|den|la|le|bin|al|el)\s+)*\p{Lu}[\p{L}'’-]+(?:\s+(?:Jr\.|Sr\.|II|III|IV))?)/gu;

const PARTICLE = /^(?:de|da|dos|das|do|del|della|van|von|der|den|ter|te|la|le|du|bin|bint|ibn|al|el)$/;
const ABBREVIATED = /^(?:(?:\p{Lu}\.)+|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Gen\.|Sen\.|Rep\.|Gov\.|Lt\.|Col\.|Capt\.|Sgt\.|St\.|Jr\.|Sr\.)$/u;

/**
 * Every run of two or more name words in the text, once per article: capitalized
 * words, initials and particles, broken by punctuation, possessives, line breaks
 * and sentence ends.
 */
function nameRuns(text: string): { start: number; words: string[] }[] {
  const runs: { start: number; words: string[] }[] = [];
  let current: { start: number; words: string[] } | null = null;
  let lastEnd = 0;
  const close = () => {
    if (current && current.words.length >= 2) runs.push(current);
    current = null;
  };
  for (const m of text.matchAll(/\S+/g)) {
    if (text.slice(lastEnd, m.index).includes('\n')) close();
    lastEnd = m.index + m[0].length;
    const token = m[0].replace(/^[("“‘']+/, '');
    const word = token.replace(/[,;:!?)"”’']+$/, '');
    const broken = word !== token;
    const sentenceEnd = /\.$/.test(word) && !ABBREVIATED.test(word);
    const bare = sentenceEnd ? word.slice(0, -1) : word;
    const nameWord = !/['’]s$/.test(bare) && (/^(?:\p{Lu}\.)+$/u.test(bare) || /^\p{Lu}[\p{L}'’.-]*$/u.test(bare) || (current !== null && PARTICLE.test(bare)));
    if (!nameWord) {
      close();
      continue;
    }
    current ??= { start: m.index, words: [] };
    current.words.push(bare);
    if (broken || sentenceEnd) close();
  }
  close();
  return runs;
}

/** Full names in the article: multi-word person and organization names, plus nickname-split names. */
function collectCandidates(text: string, entities: ExtractedEntity[], speakers: SpeakerRef[]): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (name: string, type: SpeakerRef['type'], first: number, aliases: string[] = [], titles: string[] = []) => {
    const key = `${type}:${fold(name)}`;
    const existing = out.get(key);
    if (existing) {
      existing.first = Math.min(existing.first, first);
      return;
    }
    out.set(key, { name, type, tokens: tokensOf(name), first, aliases, titles });
  };
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    add(e.name, e.type, Math.min(...e.mentions.map((m) => m.start), Number.MAX_SAFE_INTEGER), e.aliases, e.titles ?? []);
  }
  for (const s of speakers) add(splitTitles(s.name).name || s.name, s.type, Number.MAX_SAFE_INTEGER - 1);
  NICKNAMED.lastIndex = 0;
  for (let m = NICKNAMED.exec(text); m; m = NICKNAMED.exec(text)) add(splitTitles(`${m[1]} ${m[3]}`).name, 'person', m.index, [m[2]!]);
  // Full names the entity stage missed: the capitalized words written before a speaker's
  // short name ("Substitute Kwame Asante-Boateng"), or a hyphenated given name after a
  // family name written first ("Han Seo-yeon"). Only names no entity already spells out.
  // Full names the entity stage already has need no scan; a one-word entity ("Gilligan") still does.
  const known = new Set(entities.filter((e) => e.type === 'person' && e.name.includes(' ')).map((e) => fold(e.name)));
  const shortNames = [...new Set(speakers.filter((s) => s.type === 'person' && s.name.split(/\s+/).length <= 3 && !known.has(fold(s.name))).map((s) => s.name))];
  if (shortNames.length) {
    const runs = nameRuns(text);
    // Where each word stands in the runs, in text order: a short name is looked up, not
    // compared with every run of a long article.
    const at = new Map<string, { run: (typeof runs)[number]; i: number }[]>();
    for (const run of runs) {
      run.words.forEach((word, i) => {
        const list = at.get(word);
        if (list) list.push({ run, i });
        else at.set(word, [{ run, i }]);
      });
    }
    for (const name of shortNames) {
      const short = name.split(/\s+/);
      for (const { run, i } of at.get(short[0]!) ?? []) {
        if (i + short.length > run.words.length || !short.every((w, k) => run.words[i + k] === w)) continue;
        if (i > 0) {
          // "Both Kozlowski and Swartz": a function word opening the sentence is no given name.
          const words = run.words.slice(0, i + short.length);
          while (words.length > short.length && wordFlags(words[0]!.toLowerCase()) & WORD_FUNCTION && !GIVEN_NAMES.has(words[0]!)) words.shift();
          const full = stripDescriptors(splitTitles(words.join(' ')).name);
          if (full.split(/\s+/).length > short.length && !/^(?:The|A|An|In|On|At|But|And|When|After|Before|As|If)\s/.test(full)) add(full, 'person', run.start);
        }
        const next = run.words[i + short.length];
        if (next && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(next)) add(`${name} ${next}`, 'person', run.start);
      }
    }
  }
  return [...out.values()];
}

// Words written next to a name that are not part of it: party labels before
// ("Democrat Jane Doe", "Labour's Jane Doe"), post-nominal letters after ("Jane Doe SC").
const DESCRIPTOR_BEFORE = /^(?:(?:Democrat|Democratic|Republican|Conservative|Liberal|Labour|Labor|Tory|Independent|Socialist|Green|Centrist|Populist|Nationalist|Communist)(?:['’]s)?|\p{Lu}[\p{L}-]*['’]s)\s+(?=\p{Lu})/u;
const DESCRIPTOR_AFTER = /,?\s+(?:SC|QC|KC|MP|MSP|MEP|MLA|MBE|OBE|CBE|KBE|DBE|PhD|Ph\.D\.|MD|M\.D\.|RN|CPA|Esq\.?)$/;

/** Removes party labels, possessive owners and post-nominal letters from a person's name. */
export function stripDescriptors(name: string): string {
  let out = name.trim();
  for (let i = 0; i < 3 && DESCRIPTOR_BEFORE.test(out); i++) out = out.replace(DESCRIPTOR_BEFORE, '');
  return out.replace(DESCRIPTOR_AFTER, '');
}

/** The candidate under the fullest name the article itself writes (lexicons may expand abbreviations). */
function preferWrittenForm(candidate: Candidate, text: string): Candidate {
  if (text.includes(candidate.name)) return candidate;
  const written = candidate.aliases.filter((a) => text.includes(a)).sort((a, b) => b.length - a.length)[0];
  return written ? { ...candidate, name: written, aliases: [...candidate.aliases.filter((a) => a !== written), candidate.name] } : candidate;
}

/** True when `short` can be a shorter way of writing the full name `full`. */
function isShortFormOf(short: string[], full: Candidate): boolean {
  if (short.length >= full.tokens.length) return false;
  const t = full.tokens;
  if (full.type === 'organization') {
    // "Nordstern" for "Nordstern Airlines"; "Food and Drug Administration" for "U.S. Food and Drug Administration".
    const prefix = short.every((w, i) => t[i] === w);
    const suffix = short.every((w, i) => t[t.length - short.length + i] === w);
    // "Facebook" is not "Facebook Ireland Limited": a company named with a country after it is its national subsidiary.
    if (prefix && !suffix && full.name.split(/\s+/).slice(short.length).some((w) => lookupGazetteer(w)?.type === 'place')) return false;
    return prefix || suffix;
  }
  // "Shboul" for "Hussein al-Shboul": the family name without its Arabic article.
  const family = tokensOf(familyName(full.name.split(/\s+/)).replace(/^(?:al|el|al-|el-)[-\s]?/i, (a) => (short[0]?.startsWith(a.toLowerCase().replace(/[-\s]/g, '')) ? a : '')));
  const familyFirst = isFamilyNameFirst(full.name.split(/\s+/));
  const matches = (part: string[]) => part.length === short.length && part.every((w, i) => w === short[i]);
  if (matches(family)) return true;
  // The whole name without the given names: "van der Berg" for "Jan-Hendrik van der Berg".
  if (!familyFirst && short.every((w, i) => t[t.length - short.length + i] === w)) return true;
  // A given name alone is how some stories (sport, features) refer back.
  if (short.length === 1 && t[0] === short[0] && !familyFirst) return true;
  return familyFirst && short.length === 1 && t[0] === short[0];
}

/**
 * Rewrites each speaker to its canonical full name within the article:
 * titles moved from the name into `titles`, short forms joined to the one
 * full name they fit. Pure: returns new refs in the same order.
 */
export function canonicalizeSpeakers(text: string, entities: ExtractedEntity[], speakers: (SpeakerRef | null)[]): (SpeakerRef | null)[] {
  const present = speakers.filter((s): s is SpeakerRef => s !== null);
  const candidates = collectCandidates(text, entities, present);
  // Every quote of a speaker asks the same question: answered once per written form, so a
  // long article with thousands of quotes does not compare each with every candidate again
  // (nor search the whole text for the written form each time).
  const fullNames = new Map<string, Candidate | null>();
  const fullNameOf = (type: SpeakerRef['type'], short: string[]): Candidate | null => {
    const key = `${type}\n${short.join(' ')}`;
    let full = fullNames.get(key);
    if (full !== undefined) return full;
    const fits = candidates.filter((c) => c.type === type && isShortFormOf(short, c));
    // Only full names that are not themselves short forms of another candidate.
    const longest = fits.filter((c) => !fits.some((o) => o !== c && isShortFormOf(c.tokens, o)));
    const unique = new Map(longest.map((c) => [fold(c.name), c]));
    const only = unique.size === 1 ? [...unique.values()][0]! : null;
    full = only && only.type === 'organization' ? preferWrittenForm(only, text) : only;
    fullNames.set(key, full);
    return full;
  };
  const writtenCache = new Map<string, boolean>();
  const written = (s: string): boolean => {
    let found = writtenCache.get(s);
    if (found === undefined) writtenCache.set(s, (found = text.includes(s)));
    return found;
  };
  return speakers.map((ref) => {
    if (!ref) return null;
    let name = ref.name;
    let titles = ref.titles;
    if (ref.type === 'person') {
      const split = splitTitles(name);
      if (split.titles.length && split.name) {
        name = split.name;
        titles = cleanTitles([...split.titles, ...titles]);
      }
      name = stripDescriptors(name);
    }
    const full = fullNameOf(ref.type, tokensOf(name));
    if (full) {
      const aliases = [...new Set([...ref.aliases, ref.name, ...full.aliases])].filter((a) => fold(a) !== fold(full.name));
      return { ...ref, name: full.name, aliases, titles: cleanTitles([...titles, ...full.titles]) };
    }
    // "Osaka-based Hinode Materials": where an organization is based is not part of its name.
    // "Kurdish-led Syrian Democratic Forces", "Iran-backed …": who leads or backs it is not part of its name either.
    if (ref.type === 'organization') name = name.replace(AFFILIATION_PREFIX, '');
    if (ref.type === 'organization' && !written(name)) {
      // A name the lexicon expanded ("NASA" → its full name) stays in the form the article uses.
      const form = ref.aliases.filter(written).sort((a, b) => b.length - a.length)[0];
      if (form) return { ...ref, name: form, aliases: [...new Set([...ref.aliases.filter((a) => a !== form), ref.name])] };
    }
    if (name === ref.name && titles === ref.titles) return ref;
    return { ...ref, name, titles, aliases: [...new Set([...ref.aliases, ref.name])].filter((a) => a !== name) };
  });
}
