/**
 * Finds the cue and speaker phrase of a quotation in its sentence: after it
 * (`"…," she said.` / `"…," said Li Wei.` / `"…," according to X.`), before
 * it (`He told reporters: "…"` / `Smith said the plan was "dead"`), or in a
 * neighbouring sentence of a quote that stands alone.
 */
import type { TextDocument } from '../parse/text-document.ts';
import { lookupSpeechVerb, NOUN_FORM_THAT_PATTERN, NOUN_FORM_PATTERN, SPEECH_VERB_PATTERN } from './speech-verbs.ts';
import { isRoleWord } from './names.ts';
import { NO_SPANS, type SpanIndex } from './span-index.ts';

export interface CueMatch {
  /** The cue as written: "said", "told reporters", "according to", "said in a statement". */
  cue: string;
  cueStart: number;
  cueEnd: number;
  /** The words naming the speaker. */
  speakerStart: number;
  speakerEnd: number;
  /** ", a spokeswoman for X," after the name, for titles. */
  appositive: string;
}

// Verbs that always report words; a subject phrase never runs across one.
const CORE_SPEECH = new Set(['say', 'tell', 'add', 'write', 'ask', 'announce', 'warn', 'state', 'explain', 'insist', 'argue']);
// Lower case only: a capitalized word ending in -ly is a name ("Kevin Conolly said", "Emily Kelly said");
// nouns ending in -ly are the subject's head ("Lawyers for the family said").
const ADVERBS = '(?:(?:also|then|later|again|once|further|previously|earlier|recently|has|have|had|was|is|would|could|will|did|does|(?!(?:family|assembly|rally|ally|supply|anomaly|monopoly|fly|belly|jelly|bully|lily|folly|holly|gully|homily)\\b)[a-z]+ly)\\s+){0,2}';
const TRAILING_ADVERBS = new RegExp(`\\s${ADVERBS}$`);
// "The ministry has, in a statement, called …": an adjunct set off by commas between the subject (and its
// auxiliary) and the verb is no part of the subject.
const ADJUNCT_BEFORE_VERB = /(?:\s+(?:has|have|had|was|is|were|will|would|also))?,\s*(?:in|on|at|during|via|through|over|after|before|earlier|later)\b[^,]{1,40},\s*$/;
const CUE_OBJECT = /^\s+(?:in\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|speech|address|email|e-mail|letter|post|video|briefing|news conference|press conference|televised address|radio interview|social media post)|on\s+(?:Twitter|X|Facebook|Instagram|Telegram|Weibo|social media|television|TV|radio)|to\s+reporters|reporters|journalists|lawmakers|parliament)\b/i;
const TOLD_OBJECT = /^\s+((?:the\s+)?(?:[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|the|de|du)?\s*[A-Z][\w.&'’-]*)*)|reporters|journalists|lawmakers|legislators|parliament|(?:state|local|national|international|foreign|domestic|news|social)\s+(?:media|press|television|TV|radio|outlets|agencies|news\s+agencies)|media|the\s+\w+(?:\s+(?!the\b|a\b|an\b|that\b|it\b|he\b|she\b|they\b)\w+)?|an?\s+(?:\w+\s+){0,3}(?:conference|briefing|meeting|hearing|audience|crowd|rally|forum|summit|session|committee|panel|court|jury|gathering|call|interview|event|podcast|station|newspaper|paper|broadcaster|channel|network|website|outlet|magazine|programme|program|show|reporter|journalist)|an?\s+\w+|him|her|them|us|me|CNN|BBC|[a-z]+s(?=\s+(?:that|on|in|at|during|after|before|via|by)\b))\b/;

/** Every speech-verb occurrence in [start, end) of the text, outside the `skip` ranges. */
export function findVerbs(text: string, start: number, end: number, skip: SpanIndex = NO_SPANS): { start: number; end: number; form: string }[] {
  const out: { start: number; end: number; form: string }[] = [];
  const slice = text.slice(start, end);
  // Forms that are usually nouns ("notes", "claims") are verbs when "that" follows: "Critics note that …".
  NOUN_FORM_THAT_PATTERN.lastIndex = 0;
  for (let m = NOUN_FORM_THAT_PATTERN.exec(slice); m; m = NOUN_FORM_THAT_PATTERN.exec(slice)) {
    const s = start + m.index;
    if (!skip.overlapping(s, s + m[0].length).length && !/\b(?:the|a|an|his|her|their|its|our|my|these|those)\s+$/i.test(text.slice(Math.max(0, s - 8), s))) out.push({ start: s, end: s + m[0].length, form: m[0] });
  }
  // Without "that", only after a plural or named subject and before a clause: "Activists claim standards are ignored".
  NOUN_FORM_PATTERN.lastIndex = 0;
  for (let m = NOUN_FORM_PATTERN.exec(slice); m; m = NOUN_FORM_PATTERN.exec(slice)) {
    const s = start + m.index;
    const before = text.slice(Math.max(start, s - 30), s);
    if (skip.overlapping(s, s + m[0].length).length || !/(?:\p{Ll}s|\p{Lu}[\p{L}.]*)\s+$/u.test(before) || /\b(?:the|a|an|his|her|their|its|our|my|these|those|of|such)\s+\S*\s*$/i.test(before)) continue;
    if (startsClause(text.slice(s + m[0].length, end))) out.push({ start: s, end: s + m[0].length, form: m[0] });
  }
  SPEECH_VERB_PATTERN.lastIndex = 0;
  for (let m = SPEECH_VERB_PATTERN.exec(slice); m; m = SPEECH_VERB_PATTERN.exec(slice)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (skip.overlapping(s, e).length) continue;
    // "was told", "were asked": the subject heard the words, it did not say them.
    if (/\b(?:was|were|been|being|be|is|are)\s+$/i.test(text.slice(Math.max(0, s - 8), s)) && /^(?:told|asked|informed|briefed|urged|called|described|accused)$/i.test(m[0])) continue;
    // "to say", "declined to comment": no words were reported.
    if (/\b(?:declined|refused|wanted|want|wants|going|able|unable|expected|likely|set|due|plans?|planned)\s+to\s+$/i.test(text.slice(Math.max(0, s - 14), s))) continue;
    out.push({ start: s, end: e, form: m[0] });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The cue phrase starting at a verb: "said" or "said in a statement", "told reporters", "told The Times". */
export function cuePhrase(text: string, verbStart: number, verbEnd: number, limit: number): { cue: string; end: number } {
  const rest = text.slice(verbEnd, limit);
  const lemma = lookupSpeechVerb(text.slice(verbStart, verbEnd))?.lemma;
  const objectMatch = lemma === 'tell' ? TOLD_OBJECT.exec(rest) : CUE_OBJECT.exec(rest);
  if (objectMatch) {
    const end = verbEnd + objectMatch[0].length;
    return { cue: text.slice(verbStart, end).replace(/\s+/g, ' '), end };
  }
  return { cue: text.slice(verbStart, verbEnd).replace(/\s+/g, ' '), end: verbEnd };
}

/**
 * The speaker phrase in `before` a verb (subject position): the last
 * comma-separated segment, or the one before an appositive
 * ("Maria Lopez, a spokeswoman for the ministry, said").
 */
export function subjectBefore(text: string, clauseStart: number, verbStart: number): { start: number; end: number; appositive: string } | null {
  // "…, who once said that …": the noun phrase the relative pronoun stands for.
  const relative = relativeSubject(text, clauseStart, verbStart);
  if (relative) return relative;
  let end = verbStart;
  const head = text.slice(clauseStart, end);
  const adjunct = ADJUNCT_BEFORE_VERB.exec(head);
  if (adjunct && adjunct.index > 0) end = clauseStart + adjunct.index;
  const adverb = TRAILING_ADVERBS.exec(text.slice(clauseStart, end));
  if (adverb) end = clauseStart + adverb.index;
  while (end > clauseStart && /\s/.test(text[end - 1]!)) end--;
  const stretch = text.slice(clauseStart, end);
  const segments = mergeRelativeContinuations(stretch, mergePlaceContinuations(stretch, splitOutsideBrackets(stretch)));
  if (!segments.length) return null;
  // "Passengers should check first, said Jane Doe": a verb right after a comma has no subject before it,
  // unless the comma closes an appositive ("Jane Doe, a spokeswoman, said"; "the chief executive, Jane Doe, said").
  if (/,\s*$/.test(stretch)) {
    const lastSeg = stretch.slice(segments[segments.length - 1]!.start, segments[segments.length - 1]!.end).trim();
    const prevSeg = segments.length > 1 ? stretch.slice(segments[segments.length - 2]!.start, segments[segments.length - 2]!.end).trim() : '';
    const nameLike = /^\p{Lu}/u.test(lastSeg) && lastSeg.split(/\s+/).length <= 6;
    // A whole clause before the comma ("A group is considering a lawsuit, said X") is no appositive.
    const clauseLike = isClauseLike(lastSeg);
    if (clauseLike || (!isAppositive(lastSeg) && !(prevSeg && (nameLike || isAppositive(prevSeg)) && prevSeg.split(/\s+/).length <= 12))) return null;
  }
  // "Maria Lopez, 61, a spokeswoman for the ministry, said": walk back over
  // appositives (roles, ages, who-clauses) to the segment that names.
  let index = segments.length - 1;
  const appositives: string[] = [];
  const segmentText = (i: number) => stretch.slice(segments[i]!.start, segments[i]!.end).trim();
  while (index > 0) {
    const segText = segmentText(index);
    if (!isAppositive(segText)) break;
    // "The players fought hard, coach Peter Lund said", "…, the coach said": with no comma closing it,
    // the phrase right before the verb is its subject; an appositive would be closed by a comma.
    if (index === segments.length - 1 && !/,\s*$/.test(stretch)) break;
    // The name stands before the appositive, perhaps with an age between ("Jane Doe, 61, a nurse,").
    let j = index - 1;
    while (j > 0 && /^\d{1,3}$/.test(segmentText(j))) j--;
    // "But Greg Brown, who became chief executive, said": a conjunction opening the sentence is no lead adverbial.
    const prevText = segmentText(j).replace(/^(?:But|And|Yet|So)\s+(?=\p{Lu})/u, '');
    // It names someone: capitalized, short, no clause ("The bridge was closed"), no lead or date ("In one email", "dated Aug. 3").
    const dateOrParticiple = /^\p{Ll}+(?:ed|ing)\b/u.test(prevText) || /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d/.test(prevText);
    const longName = /^(?:\p{Lu}[\p{L}'’.-]*|de|des|la|le|du|del|et|and|of|au|für|van|von)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|des|la|le|du|del|et|and|of|the|for|on|au|für|van|von))*$/u.test(prevText);
    // "One person died in the town, the website said": a count of people opens a statement, never a name.
    const counted = /^(?:A|An|Another|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|At\s+least|More\s+than|\d[\d,.]*)\s+\p{Ll}+\s+(?:died|was|were|had|has|have|is|are|(?!named\b|called\b|identified\b|aged\b|dubbed\b)\p{Ll}+ed)\b/u.test(prevText);
    if (counted || prevText.split(/\s+/).length > (longName ? 14 : 8) || !/\p{Lu}/u.test(prevText) || isClauseLike(prevText) || LEAD_PHRASE.test(prevText) || /^\d/.test(prevText) || dateOrParticiple) break;
    for (let k = j + 1; k <= index; k++) appositives.unshift(segmentText(k));
    index = j;
  }
  const last = segments[index]!;
  const appositive = appositives.filter((a) => !/^\d+$/.test(a)).join(', ');
  let s = clauseStart + last.start;
  let e = clauseStart + last.end;
  // "…, which is six times more than usual, Accuweather said": the relative clause ends at its comma.
  const relativeLead = /^\s*(?:which|where|when)\b[^,]*,\s*/i.exec(text.slice(s, e));
  if (relativeLead) s += relativeLead[0].length;
  // "She said she would call Harmon …, adding": a subject never contains a speech verb.
  const inner = findVerbs(text, s, e).filter((v) => CORE_SPEECH.has(lookupSpeechVerb(v.form)?.lemma ?? ''));
  if (inner.length) e = inner[0]!.start;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (text.slice(s, e).trim() === '') return null;
  return { start: s, end: e, appositive };
}

/**
 * A segment that reads as a sentence of its own ("A group of owners is
 * considering a lawsuit"), not a description: it opens like a noun phrase
 * and has a finite verb. "who was not authorized", "speaking because he
 * was …" are descriptions however many verbs they hold.
 */
/** Words that open a lead adverbial before a sentence's subject ("Under cross-examination, …", "In one email, …"). */
export const LEAD_WORDS = '(?:Just|Right|Only|Even|Reportedly|Apparently|Similarly|Likewise|Notably|Finally|Ultimately|Initially|Originally|Currently|Recently|Prior|Subsequently|Afterwards|Additionally|In|On|At|During|After|Before|Since|Last|This|Earlier|Later|Meanwhile|Separately|However|But|And|Also|Still|Yet|Instead|Asked|Speaking|Responding|Writing|Addressing|Elsewhere|Overall|Previously|Now|Today|Yesterday|Then|Under|Amid|Despite|With|Without|Through|Throughout|Following|Ahead|Across|Within|From|By|For|Among|Against|Unlike|Like|Outside|Inside|Near|Beyond|Over|Until|Upon|Toward|Towards|Once|When|While|As|If|Although|Though|Because|Given|Faced|Pressed|Reached|Interviewed|Contacted|Citing|Noting|Back|Hours|Days|Weeks|Minutes|Moments|Shortly|Soon|Late|Early)';
const LEAD_PHRASE = new RegExp(`^${LEAD_WORDS}\\b`);

export function isClauseLike(segment: string): boolean {
  if (/^(?:who|whose|which|that|speaking|citing|asked|writing|responding|reached|contacted|interviewed|quoted|based|headquartered|known)\b/i.test(segment)) return false;
  // Verbs inside a relative clause describe the noun: "a statistician who was not involved".
  // "Will Ray", "May Chen": a given name spelled like an auxiliary, before the surname.
  const main = segment.replace(/\b(?:who|whom|whose|which|that)\b.*$/i, '').replace(/^(?:Will|May|Can)\s+(?=\p{Lu})/u, '');
  return /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do)\b/i.test(main);
}

export function isAppositive(segment: string): boolean {
  // "president of Fallon Brothers", "spokeswoman for the ministry": a role written lower-case describes the name before it.
  const firstWord = /^\p{Ll}[\p{L}-]*/u.exec(segment)?.[0];
  if (firstWord && isRoleWord(firstWord) && segment.split(/\s+/).length <= 12) return true;
  // "North Carolina emergency management director", "Guilford County fire chief": a place or body, then a
  // role written in lower case.
  // "another member of the defence team", "another senior official": a second holder of a role.
  const another = /^another\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)(?:\s+(?:of|for|at|from|with|on)\b.*)?$/u.exec(segment);
  if (another && (isRoleWord(another[1]!) || /^(?:member|official|colleague|representative|partner|lawyer|attorney)$/.test(another[1]!)) && segment.split(/\s+/).length <= 12) return true;
  const placeRole = /^(?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}(?:\p{Ll}[\p{L}-]*\s+){0,3}(\p{Ll}[\p{L}-]*)$/u.exec(segment);
  if (placeRole && isRoleWord(placeRole[1]!)) return true;
  // "the Rev. Harold Jenkins", "the late Jane Doe": a name behind an article, not a description.
  if (/^the\s+(?:Rev|Very Rev|Most Rev|Hon|Right Hon|Rt Hon|late)\.?\s+\p{Lu}/u.test(segment)) return false;
  // "the Junta de Andalucía", "the National Elections Jury": an organization's name, not a description.
  const titled = /^the\s+((?:\p{Lu}[\p{L}&'’.-]*\s+(?:(?:of|for|and|on|de|del|la|du|des)\s+)?)*\p{Lu}[\p{L}'’.-]*)$/u.exec(segment);
  if (titled && segment.split(/\s+/).length >= 3 && !isRoleWord(titled[1]!.split(/\s+/)[0]!.toLowerCase())) return false;
  if (/^\d{1,3}$/.test(segment)) return true; // an age: "Jane Doe, 61, said"
  // "a spokesman for the National Disaster Mitigation Agency, or BNPB,": the short name of the body just named.
  if (/^or\s+(?:the\s+)?\p{Lu}[\p{Lu}\d&.-]+$/u.test(segment)) return true;
  if (/^\p{Lu}-\p{Lu}[\p{L}.]*$/u.test(segment)) return true; // party and state: "Sen. Jane Doe, D-N.M., said"
  // "defending", "presiding" (court reports); "organized in a group called …"; "popularly known as …".
  if (/^\p{Ll}+ing$/u.test(segment)) return true;
  if (/^(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn)\s+(?:in|by|at|from|with|as|under|among|to|for)\b/u.test(segment)) return true;
  const opens = /^(?:a|an|the|who|whose|which|its|his|her|their|one of|also|now|then|formerly|currently|speaking|citing|based|headquartered|founded|located|known|asked|writing|responding|reached|contacted|interviewed|quoted|himself|herself|of|from|at)\b/i.test(segment) || /^(?:\p{Lu}[\p{L}-]*\s+){0,4}\p{L}+['’]s\s+(?:\p{Lu}\p{Ll}+\s+)?\p{Ll}/u.test(segment) || /^\p{Ll}+(?:ed|en)\s+by\b/u.test(segment);
  return opens && segment.split(/\s+/).length <= 24;
}

/** "was told by X of", "were informed by X that": a passive cue and its speaker, just before a quote or clause. */
export const PASSIVE_CUE = /\b(?:was|were|been|being)\s+((?:told|informed|briefed|assured|warned|reminded)\s+by)\s+((?:[\p{Lu}\p{Ll}][\p{L}'’.-]*\s+){0,6}?[\p{Lu}][\p{L}'’.-]*)\s*(?:,\s*)?(?:of|that|about)?\s*$/u;

/** "based in Cambridge, Massachusetts": a region after a place is part of the same segment. */
function mergePlaceContinuations(s: string, segments: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const seg of segments) {
    const prev = out[out.length - 1];
    const value = s.slice(seg.start, seg.end).trim();
    // Only a short region without a role in it ("Massachusetts", "South Gyeongsang Province"); "Sheriff Jane Doe" is a speaker.
    const regionLike = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u.test(value) && !value.split(/\s+/).some((w) => isRoleWord(w.toLowerCase()));
    if (prev && regionLike && /\b(?:in|of|at|from|near|outside)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*$/u.test(s.slice(prev.start, prev.end))) {
      prev.end = seg.end;
    } else out.push({ ...seg });
  }
  return out;
}

/**
 * "Ms. Lee, who grew up in Pune, India, and moved to the U.S., said": a who-clause may hold
 * commas; its places and "and …" continuations stay in it.
 */
function mergeRelativeContinuations(s: string, segments: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let inRelative = false;
  for (const seg of segments) {
    const value = s.slice(seg.start, seg.end).trim();
    const prev = out[out.length - 1];
    if (prev && inRelative && (/^(?:and|or|but)\s/.test(value) || /^(?:\p{Lu}[\p{L}.'’-]*\s?){1,3}$/u.test(value))) {
      prev.end = seg.end;
      continue;
    }
    inRelative = /^(?:who|which|whose|where)\b/i.test(value);
    out.push({ ...seg });
  }
  return out;
}

/** Splits on commas, semicolons and dashes that are not inside parentheses. */
function splitOutsideBrackets(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    // A colon between digits is a time ("04:00"), not a break.
    else if (depth === 0 && (ch === ',' || ch === ';' || (ch === ':' && !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''))) || ch === '—' || ch === '–' || (ch === '-' && s[i + 1] === '-'))) {
      out.push({ start: from, end: i });
      from = ch === '-' ? i + 2 : i + 1;
      if (ch === '-') i++;
    }
  }
  out.push({ start: from, end: s.length });
  return out.filter((seg) => s.slice(seg.start, seg.end).trim() !== '');
}

// Words that end the noun phrase before a relative pronoun when read backwards ("along with officials who").
const BEFORE_RELATIVE_NP = new Set(['with', 'by', 'among', 'from', 'to', 'at', 'in', 'for', 'on', 'including', 'like', 'as', 'than', 'but', 'met', 'joined', 'spoke', 'said', 'told', 'asked', 'when', 'where', 'while', 'after', 'before']);

/**
 * The noun phrase a relative pronoun right before the verb stands for: "along
 * with county officials who urged …" is the officials; "…, Governor Jane Doe,
 * who said …" is Jane Doe. Null when the verb has no "who"/"which" before it.
 */
export function relativeSubject(text: string, clauseStart: number, verbStart: number): { start: number; end: number; appositive: string } | null {
  const head = text.slice(clauseStart, verbStart);
  const rel = /(,\s*)?\b(?:who|which)\s+(?:(?:also|later|then|once|had|has|have|previously|earlier)\s+)?$/i.exec(head);
  if (!rel) return null;
  const before = head.slice(0, rel.index);
  const words = [...before.matchAll(/[^\s,;:()]+/g)];
  const commaAfter = (i: number) => /[,;:(]/.test(before.slice(words[i]!.index! + words[i]![0].length, i + 1 < words.length ? words[i + 1]!.index : before.length));
  let first = words.length;
  if (rel[1]) {
    // A name before the comma ("Governor Jane Doe, who"): its run of capitalized words.
    while (first > 0 && /^(?:\p{Lu}|(?:of|the|and|de|van|von)$)/u.test(words[first - 1]![0]) && !(first - 1 < words.length - 1 && commaAfter(first - 1))) first--;
    while (first < words.length && /^(?:of|the|and|de|van|von)$/.test(words[first]![0])) first++;
  } else {
    while (first > 0 && !BEFORE_RELATIVE_NP.has(words[first - 1]![0].toLowerCase()) && !(first - 1 < words.length - 1 && commaAfter(first - 1)) && words.length - first < 6) first--;
  }
  if (first >= words.length || words.length - first > 6) return null;
  const start = clauseStart + words[first]!.index!;
  const last = words[words.length - 1]!;
  return { start, end: clauseStart + last.index! + last[0].length, appositive: '' };
}

/** The subject noun phrase of the clause starting at `clauseStart` (after a leading adverbial). */
export function sentenceSubject(text: string, clauseStart: number, limit: number): { start: number; end: number; appositive: string } | null {
  const lead = LEAD_CLAUSE.exec(text.slice(clauseStart, limit));
  const start = clauseStart + (lead ? lead[0].length : 0);
  const end = leadingNounPhrase(text, start, limit);
  if (end <= start) return null;
  // "a Republican, Mark Amodei, has …, telling …": the name after a description is the subject.
  if (/^(?:the|a|an|its|their|his|her)\s/i.test(text.slice(start, end))) {
    const named = /^,\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),/u.exec(text.slice(end, limit));
    if (named) {
      const nameStart = end + named[0].indexOf(named[1]!);
      return { start: nameStart, end: nameStart + named[1]!.length, appositive: text.slice(start, end) };
    }
  }
  return { start, end, appositive: '' };
}

const LEAD_CLAUSE = /^[\s"“”]*(?:(?:In|On|At|During|After|Before|Prior|Since|Under|Amid|Despite|With|Asked|Speaking|Meanwhile|However|Later|Earlier)\b[^,"“”]{0,80},\s*)?/;

/**
 * Attribution after a quote: the text from the closing mark to `limit`
 * (sentence end or the next quote). Returns null when it does not start
 * with an attribution.
 */
export function attributionAfter(doc: TextDocument, from: number, limit: number): CueMatch | null {
  const text = doc.text;
  const rest = text.slice(from, limit);
  const lead = /^[\s,—–-]*/.exec(rest)![0].length;
  const s = from + lead;
  const tail = text.slice(s, limit);
  const according = /^according\s+to\s+/i.exec(tail);
  if (according) {
    const speakerStart = s + according[0].length;
    const speakerEnd = phraseEnd(text, speakerStart, limit);
    // "…," according to the opposition leader, Jane Ruiz.': the name after the description is the speaker.
    const description = text.slice(speakerStart, speakerEnd);
    const named = /^(?:the|a|an|its|their|his|her)\s/i.test(description) ? /^,\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*[.!?]?\s*$/u.exec(text.slice(speakerEnd, limit)) : null;
    if (named) {
      const nameStart = speakerEnd + named[0].indexOf(named[1]!);
      return { cue: 'according to', cueStart: s, cueEnd: s + according[0].trimEnd().length, speakerStart: nameStart, speakerEnd: nameStart + named[1]!.length, appositive: description.trim() };
    }
    return { cue: 'according to', cueStart: s, cueEnd: s + according[0].trimEnd().length, speakerStart, speakerEnd, appositive: appositiveAfter(text, speakerEnd, limit) };
  }
  // "…”, reads the NWS alert.": a document's text is quoted with "read", inverted like "said".
  const reads = /^(reads?)\s+(the\s+(?:[\p{L}\d.&'’-]+\s+){0,4}(?:statement|alert|warning|advisory|bulletin|notice|letter|message|post|tweet|email|release|report|order|ruling|filing|complaint|document|announcement|note))\b/iu.exec(tail);
  if (reads) {
    const speakerStart = s + reads[0].length - reads[2]!.length;
    return { cue: reads[1]!, cueStart: s, cueEnd: s + reads[1]!.length, speakerStart, speakerEnd: speakerStart + reads[2]!.length, appositive: '' };
  }
  const verbs = findVerbs(text, s, Math.min(limit, s + 200));
  const first = verbs[0];
  if (!first) return null;
  if (first.start === s) {
    // Inverted: "…," said Li Wei, a spokesman.
    const cue = cuePhrase(text, first.start, first.end, limit);
    let speakerStart = cue.end;
    while (speakerStart < limit && /\s/.test(text[speakerStart]!)) speakerStart++;
    const speakerEnd = phraseEnd(text, speakerStart, limit);
    if (speakerEnd <= speakerStart) return null;
    return { cue: cue.cue, cueStart: first.start, cueEnd: cue.end, speakerStart, speakerEnd, appositive: appositiveAfter(text, speakerEnd, limit) };
  }
  // The subject must follow the quote directly: "…," Smith said — not "…," and then Smith said.
  const subject = subjectBefore(text, s, first.start);
  if (!subject) return null;
  const between = text.slice(s, subject.start).trim();
  // Only a short description may come first: "…," his mother, Rosa Ramírez Villa, told the board.
  if (between !== '' && !(/,$/.test(between) && between.split(/\s+/).length <= 6 && !/[.!?]/.test(between))) return null;
  if (between) subject.appositive = [between.replace(/,$/, ''), subject.appositive].filter(Boolean).join(', ');
  const cue = cuePhrase(text, first.start, first.end, limit);
  return { cue: cue.cue, cueStart: first.start, cueEnd: cue.end, speakerStart: subject.start, speakerEnd: subject.end, appositive: subject.appositive };
}

/**
 * Attribution before a quote: the last speech verb between `clauseStart`
 * and the opening mark, with its subject. `strict` asks for the verb to
 * lead straight into the quote ("said:", "told reporters,", "said that").
 */
export function attributionBefore(doc: TextDocument, clauseStart: number, open: number, strict: boolean, skip: SpanIndex = NO_SPANS): CueMatch | null {
  const text = doc.text;
  const according = /according\s+to\s+([^,]{1,80}),\s*$/i.exec(text.slice(clauseStart, open));
  if (according) {
    const speakerStart = clauseStart + according.index + according[0].indexOf(according[1]!);
    return { cue: 'according to', cueStart: clauseStart + according.index, cueEnd: clauseStart + according.index + 12, speakerStart, speakerEnd: speakerStart + according[1]!.length, appositive: '' };
  }
  // "he was told by Minister Jane Doe of "…"": the passive names the speaker after "by".
  const passive = strict ? null : PASSIVE_CUE.exec(text.slice(clauseStart, open));
  if (passive) {
    const cueStart = clauseStart + passive.index + passive[0].indexOf(passive[1]!);
    const speakerStart = clauseStart + passive.index + passive[0].indexOf(passive[2]!, passive[0].indexOf(passive[1]!) + passive[1]!.length);
    return { cue: passive[1]!.replace(/\s+/g, ' '), cueStart, cueEnd: cueStart + passive[1]!.length, speakerStart, speakerEnd: speakerStart + passive[2]!.length, appositive: '' };
  }
  const verbs = findVerbs(text, clauseStart, open, skip);
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const cue = cuePhrase(text, verb.start, verb.end, open);
    const gap = text.slice(cue.end, open);
    if (strict && !/^[\s,:]*(?:that\s*)?[\s,:]*$/i.test(gap) && !/^\s+(?:on|in|at|during|after|before|late|early|earlier|this|last)\b[^"“”]{0,60}[,:]\s*$/i.test(gap)) continue;
    // "…, telling jurors she had written it "in about forty minutes"": a participle's speaker is the sentence's subject.
    const participle = /ing$/i.test(verb.form) && /,\s*$/.test(text.slice(clauseStart, verb.start));
    // "…, with Zinichev describing the "real threat …"": the absolute construction names its own subject.
    const absolute = /ing$/i.test(verb.form) ? /\bwith\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,4})$/u.exec(text.slice(Math.max(clauseStart, verb.start - 60), verb.start)) : null;
    if (absolute) {
      const speakerStart = verb.start - absolute[0].length + absolute[0].indexOf(absolute[1]!);
      return { cue: cue.cue, cueStart: verb.start, cueEnd: cue.end, speakerStart, speakerEnd: speakerStart + absolute[1]!.trimEnd().length, appositive: '' };
    }
    // "She also criticised the Home Minister and said, "…"": a second verb of the sentence's subject,
    // not of the object before "and".
    const before = text.slice(clauseStart, verb.start);
    const leading = /\s(?:and|but)\s+(?:(?:has|have|had)\s+)?(?:also\s+|then\s+|later\s+)?$/i.test(before) ? sentenceSubject(text, clauseStart, verb.start) : null;
    const conjoined = leading !== null && /^\s+(?:(?:also|then|later|first)\s+)?(?:\p{Ll}+ed|has|have|had|was|were|is|are)\b/u.test(text.slice(leading.end, verb.start));
    const subject = participle ? sentenceSubject(text, clauseStart, verb.start) : conjoined ? leading : subjectBefore(text, clauseStart, verb.start);
    if (!subject) continue;
    return { cue: cue.cue, cueStart: verb.start, cueEnd: cue.end, speakerStart: subject.start, speakerEnd: subject.end, appositive: subject.appositive };
  }
  return null;
}

/** Where a speaker phrase after a verb ends: at a comma, a period, or a preposition that starts an adverbial. */
function phraseEnd(text: string, start: number, limit: number): number {
  const rest = text.slice(start, limit);
  // A period ends the phrase unless it closes an honorific or an initial ("Dr. Kenji Watanabe", "J. Smith").
  const m = /(?:,|;|(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Rev|Fr|St|Hon|Amb|Atty|Supt|Insp|Det|Jr|Sr|[A-Z]))\.(?=\s|$)|\s+(?:in|on|at|during|after|before|while|when|who|as|to|via|from|earlier|later|last|this|told)\b|$)/.exec(rest);
  let end = start + (m ? m.index : rest.length);
  while (end > start && /[\s.]/.test(text[end - 1]!) && !/\b[A-Z]\.$/.test(text.slice(start, end))) end--;
  return end;
}

function appositiveAfter(text: string, from: number, limit: number): string {
  const m = /^,\s*([^,.;]{2,100})/.exec(text.slice(from, limit));
  return m && isAppositive(m[1]!) ? m[1]! : '';
}

/**
 * End of the noun phrase that starts at `start`: determiners, capitalized
 * words, role and organization words, joined by "of", "for", "and"; stops at
 * the first lowercase word that is none of these (usually the verb).
 */
export function leadingNounPhrase(text: string, start: number, end: number): number {
  const re = /\S+/g;
  const slice = text.slice(start, end);
  let last = start;
  let count = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const word = m[0].replace(/[,;:]$/, '');
    const clean = word.toLowerCase().replace(/[’']s$/, '');
    // "China's Foreign Ministry Wednesday condemned …": a day or month ends the name.
    if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|june|july|august|september|october|november|december)$/.test(clean)) break;
    const ok =
      (count === 0 && /^(?:the|a|an|its|his|her|their|this|that)$/i.test(word)) ||
      /^[A-Z0-9]/.test(word) ||
      (count > 0 && /^(?:of|for|and|de|la|del|van|von|bin|al|el)$/.test(word)) ||
      isRoleWord(clean) ||
      /^(?:ministry|department|company|government|agency|police|spokesperson|spokesman|spokeswoman|official|officials|minister|secretary|president|group|firm|office|team|club|council|committee|commission|court|party|union|board|authority|authorities|administration|bank|embassy|foreign|defense|defence|health|interior|finance|trade|state|federal|national|chief|senior|deputy|executive|director|chairman|chairwoman|coach|manager|ceo|founder|leader|lawyer|attorney|analyst|researcher|professor|scientist|doctor|spokespeople)$/.test(clean);
    if (!ok) break;
    last = start + m.index + m[0].replace(/[,;:]$/, '').length;
    count++;
    if (/[,;:]$/.test(m[0])) break;
  }
  return last;
}

const SUBJECT_PRONOUN = /^\s*(?:he|she|it|they|we|i|there)\s+\p{Ll}/u;
const CLAUSE_AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|remains?|remained)$/;
const CLAUSE_STOP = /^(?:and|but|or|as|while|because|after|before|since|if|when|who|whom|which|that|whose|to)$/;
export const LEADING_ADVERBIAL = /^\s*(?:(?:on|in|at|during|last|this|earlier|later|late|early)\s+(?:\p{L}+\s+){0,3}?(?:\p{Lu}\p{Ll}+day|week|month|year|morning|afternoon|evening|night|statement|interview|report)\b,?|yesterday|today|tonight|overnight|again|also|further|previously|separately)\s*/iu;

/**
 * True when the words after a cue start a clause of their own ("reported
 * the recorder was recovered", "denies the two explosions are related"),
 * not an object ("confirmed the deal", "announced plans to …"): a subject
 * pronoun, or an auxiliary a few words in, before any comma or conjunction.
 * Real copy often drops the "that" these verbs otherwise need.
 */
export function startsClause(after: string): boolean {
  const rest = after.replace(LEADING_ADVERBIAL, ' ');
  if (SUBJECT_PRONOUN.test(rest)) return !/^\s*(?:it|there)\s+(?:to|for|of)\b/i.test(rest);
  const words = rest.trim().split(/\s+/).slice(0, 10);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    // "both production and export of oil had been disrupted": "and" inside a "both" subject joins nouns.
    if (w === 'and' && /^both$/i.test(words[0]!)) continue;
    if (/[,;:"“”]/.test(words[i]!.slice(0, -1))) return false;
    // "the attacker exited the hall and continued …": a conjunction ends the search for an auxiliary;
    // a past tense before it may still show a clause.
    if (CLAUSE_STOP.test(w)) break;
    if (i >= 1 && CLAUSE_AUXILIARY.test(w.replace(/[,.;:]$/, ''))) return true;
    if (/[,;:]$/.test(words[i]!)) return false;
  }
  // "reported most of the deceased suffocated", "confirmed two pilgrims also died": a past tense after a
  // short subject. Not a participle after its noun ("the deal signed by …", "a man called …").
  for (let i = 1; i < Math.min(words.length, 7); i++) {
    const w = words[i]!.toLowerCase().replace(/[,.;:]$/, '');
    // "recalled the first letter he ever received": a pronoun inside makes a relative clause of the noun's.
    if (CLAUSE_STOP.test(w) || /[,;:"“”]/.test(words[i - 1]!) || /^(?:he|she|they|we|i|you|it)$/.test(w)) return false;
    const past = IRREGULAR_PAST.has(w) || (/^\p{Ll}{3,}ed$/u.test(w) && !PARTICIPLE_ADJECTIVES.has(w));
    if (past) return !/^by$/i.test(words[i + 1] ?? '') && SUBJECT_START.test(words[0]!);
  }
  return false;
}

const SUBJECT_START = /^(?:the|a|an|most|some|all|many|several|both|no|two|three|four|five|roughly|about|around|nearly|almost|more|fewer|over|at|up|\d[\d,.]*|\p{Lu}\p{L}*)$/u;
const IRREGULAR_PAST = new Set(['died', 'fled', 'left', 'went', 'took', 'made', 'fell', 'rose', 'won', 'lost', 'began', 'came', 'gave', 'got', 'grew', 'held', 'hit', 'kept', 'knew', 'met', 'paid', 'ran', 'saw', 'sent', 'spent', 'stood', 'struck', 'threw', 'wrote', 'became', 'broke', 'brought', 'bought', 'caught', 'drove', 'flew', 'forgot', 'fought', 'sank', 'shot', 'sold', 'spoke', 'stole', 'swore', 'thought', 'tore', 'understood', 'withdrew']);
// -ed words that usually describe the noun before them ("the company based in", "the man killed").
const PARTICIPLE_ADJECTIVES = new Set(['based', 'called', 'named', 'known', 'used', 'located', 'related', 'concerned', 'involved', 'injured', 'wounded', 'armed', 'detailed', 'limited', 'united', 'registered', 'scheduled', 'planned', 'proposed', 'expected', 'alleged', 'reported', 'affected', 'owned', 'backed', 'supported', 'funded', 'elected', 'appointed', 'accused', 'suspected', 'signed', 'released', 'published', 'issued', 'posted', 'dated', 'titled', 'entitled', 'headed', 'killed', 'arrested', 'charged', 'detained', 'needed', 'required', 'aimed', 'designed', 'intended']);


