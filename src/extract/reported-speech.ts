/**
 * Reported (indirect) speech: words someone said, given without quote
 * marks. Three shapes cover most news copy:
 *   - speaker first: "The ministry said [that] it would …", "Lee told reporters the deal was off."
 *   - clause first:  "The deal is off, Lee said [on Monday]." / "…, said Lee, the minister."
 *   - according to:  "According to Lee, the deal is off." / "The deal is off, according to Lee."
 * plus "…, adding that …" / "…, saying …", which reuse the speaker.
 */
import type { Sentence } from './sentences.ts';
import { cuePhrase, findVerbs, isAppositive, isClauseLike, LEAD_WORDS, LEADING_ADVERBIAL, leadingNounPhrase, relativeSubject, sentenceSubject, startsClause, subjectBefore } from './attribution.ts';
import { lookupSpeechVerb } from './speech-verbs.ts';
import { isRoleWord } from './names.ts';
import { resolveWithFallback, type QuoteContext } from './quotes.ts';
import type { SpanIndex } from './span-index.ts';
import type { Resolution } from './speakers.ts';
import type { SpeakerRef } from '../archive/types.ts';

export interface ReportedSpeech {
  start: number;
  end: number;
  cue: string;
  cueEnd: number;
  resolution: Resolution;
  pronoun: string;
  sentence: Sentence;
}

// "But Greg Brown, who became chief executive, said": before a capitalized name and its comma, the
// conjunction alone leads; the name is the subject, not the end of a lead adverbial.
const LEAD_ADVERBIAL = new RegExp(`^(?:(?:But|And|So|Yet)\\s+(?=\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*)+,)|(?:${LEAD_WORDS}|\\p{Lu}\\p{Ll}+ing)\\b[^,"“”]{0,80},\\s*|(?:But|And|So|Yet|Still|Meanwhile|Separately|However|Also)\\s+)`, 'u');
const CLAUSE_TAIL = /^(?:\s+(?:on|in|at|during|after|before|late|early|earlier|this|last|while|when|via|to|through|from|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)\b[^.;!?,]{0,120}?)?\s*(?:[.!?]?\s*$|,\s*(?:adding|saying|noting|stressing|warning|explaining|arguing|insisting|as|while|when|after|before|but|and|though|although)\b|,\s*\p{Ll})/iu;
const NEEDS_THAT = new Set(['confess', 'hint', 'mention', 'affirm', 'speculate', 'divulge', 'confide', 'advise', 'declare', 'stress', 'emphasize', 'suggest', 'predict', 'admit', 'warn', 'claim', 'allege', 'find', 'show', 'agree', 'concur', 'recall', 'announce', 'confirm', 'deny', 'reveal', 'disclose', 'indicate', 'signal', 'estimate', 'forecast', 'report', 'concede', 'acknowledge', 'maintain', 'promise', 'pledge', 'vow', 'respond', 'reply', 'answer', 'counter', 'continue', 'conclude', 'remark', 'observe', 'comment', 'reflect', 'recount', 'retort', 'inform', 'brief', 'clarify', 'elaborate', 'assure', 'reassure', 'explain', 'post', 'tweet', 'write', 'testify', 'reiterate', 'underscore', 'lament', 'complain', 'boast', 'caution']);
// "said on Monday that …", "told reporters in Geneva that …": only an adverbial or a listener may stand
// between the cue and "that"; "talks were continuing and that …" or "calls with monitors that …" may not.
const LATE_THAT = /^\s*(?:(?:on|in|at|for|during|to|after|before|last|this|earlier|later|late|early|yesterday|today|tonight|overnight|again|also|privately|publicly|repeatedly|\w+day)\b[^,.;"“”]{0,50}?\s)?that\s+/i;
// "posted on Facebook on Monday saying …": how and when, then the participle that opens the statement.
const SAYING_AFTER_MEANS = /^(?:\s+(?:on|in|at|via|during|through|over|late|early|earlier|later|this|last|yesterday|today|tonight|\w+day)\b[^,.;"“”]{0,60}?)?,?\s+saying\s+(?:that\s+)?/i;
// "conceded, however, that …": a sentence adverb between commas may stand before "that".
const THAT = /^\s*(?:,\s*(?:however|though|nevertheless|moreover|too|also|in\s+fact|of\s+course|at\s+least)\s*,\s*|,\s*)?that\b\s*/i;

/**
 * Finds reported speech in one sentence, skipping `taken` ranges (quotes
 * already found) and clauses whose words are all inside quotation marks.
 */
export function extractReportedSpeech(ctx: QuoteContext, sentence: Sentence, taken: readonly TakenQuote[]): ReportedSpeech[] {
  const found = reportedIn(ctx, sentence, taken);
  // Remembered once and in text order: speaker lookups read the history back from its end.
  for (const r of found) ctx.resolver.remember(r.end, r.resolution, r.pronoun);
  return found;
}

type TakenQuote = { start: number; end: number; speaker?: SpeakerRef | null; unnamedSpeaker?: string; cueEnd?: number };

/** The reported speech of one sentence, without touching the resolver's memory (semicolon parts are tried first). */
function reportedIn(ctx: QuoteContext, sentence: Sentence, taken: readonly TakenQuote[]): ReportedSpeech[] {
  const { doc } = ctx;
  const text = doc.text;
  const found: ReportedSpeech[] = [];
  const quoted = ctx.quoted;
  if (ctx.excluded.some((x) => sentence.start < x.end && sentence.end > x.start)) return found;
  const block = doc.blocks[sentence.block];
  if (block?.kind === 'heading') return found;
  // "X said the mayor needed resuscitation; TVN24 reported he received surgery": each side of a
  // semicolon is a statement of its own, often with a speaker of its own.
  // A part with no statement of its own goes on with the one before ("X reported A; B").
  const parts = semicolonParts(text, sentence, quoted);
  if (parts.length > 1) {
    // A part tried on its own and left as it is keeps what it found; a group that grew is read again.
    const groups: { sentence: Sentence; found: ReportedSpeech[] | null }[] = [{ sentence: parts[0]!, found: null }];
    for (const part of parts.slice(1)) {
      const own = reportedIn(ctx, part, taken);
      const last = groups[groups.length - 1]!;
      if (own.length) groups.push({ sentence: part, found: own });
      else groups[groups.length - 1] = { sentence: { ...last.sentence, end: part.end }, found: null };
    }
    if (groups.length > 1) return groups.flatMap((group) => group.found ?? reportedIn(ctx, group.sentence, taken));
  }
  // "she said of the school:" introduces the quote that follows; it reports nothing itself.
  // But "said that Mr Stead had lived there since 1963:" reports that clause, then the quote goes on.
  if (/:\s*$/.test(text.slice(sentence.start, sentence.end)) && !/\b(?:said|says|told\s+\S+(?:\s+\S+)?|added|explained|confirmed|stated)\s+that\s+\S+\s+\S+/.test(text.slice(sentence.start, sentence.end))) return found;
  // "did not say whether", "has never said", "Hart's did not respond": a denied saying reports nothing.
  const verbs = findVerbs(text, sentence.start, sentence.end, quoted).filter((v) => lookupSpeechVerb(v.form)?.verbClass === 'reporting' && !NEGATED.test(text.slice(Math.max(sentence.start, v.start - 24), v.start)));
  const hit = relativeClauseSpeaker(ctx, sentence) ?? parentheticalSpeaker(ctx, sentence) ?? (verbs.length ? (speakerFirst(ctx, sentence, verbs) ?? clauseFirst(ctx, sentence, verbs)) : null) ?? accordingTo(ctx, sentence) ?? participleClause(ctx, sentence) ?? afterQuoteParticiple(ctx, sentence, taken) ?? directiveClause(ctx, sentence) ?? questionClause(ctx, sentence);
  const clauses: ReportedSpeech[] = hit ? [hit] : [];
  // "…, adding that …" and "… and said …": more clauses from the same speaker.
  // Also "…, though it added that …" and "according to X, which said …": the same speaker again.
  const more = /(,\s*(adding|saying|noting|stressing|warning|explaining|arguing|insisting|claiming)\s+(?:that\s+)?)|(,?\s+(?:and|but|though|although|while|which|who)\s+(?:(?:he|she|it|they)\s+)?(?:also\s+|later\s+)?(said|says|told\s+\w+|added|warned|noted|argued|insisted|stressed|acknowledged|admitted|conceded|predicted|cautioned)\s+(?:that\s+)?)/gi;
  // Clause-first hits end before their cue; what follows the cue runs to the sentence's end.
  const tailEnd = hit ? (hit.end > hit.cueEnd ? hit.end : sentence.end) : sentence.end;
  const tail = hit ? text.slice(hit.cueEnd, tailEnd) : '';
  for (let m = more.exec(tail); hit && m; m = more.exec(tail)) {
    if (hit.resolution.kind === 'none') break;
    const at = hit.cueEnd + m.index;
    const from = at + m[0].length;
    if (quoted.contains(at) || TOPIC_AFTER_PARTICIPLE.test(text.slice(from, tailEnd))) continue;
    // The clause before runs on past this one (speaker-first clauses do): it ends here.
    const previous = clauses[clauses.length - 1]!;
    if (previous.start < at && previous.end > at) previous.end = at;
    clauses.push({ ...hit, start: from, end: tailEnd, cue: (m[2] ?? m[4] ?? '').replace(/\s+/g, ' '), cueEnd: from });
  }
  // "…, but meteorologist Ana Ferreira said radar had shown …", "… after Glencore said it would …": a new speaker mid-sentence.
  const other = /(?:,\s*|\s)(?:but|and|while|whereas|after|as|when|because|since|though|although)\s+([^,;:"“”]{2,90}?)\s+(?:also\s+|later\s+)?(said|says|told\s+\w+|added|warned|noted|argued|insisted|predicted|cautioned|estimated|indicated|stated|reported|confirmed|claimed|announced|explained|stressed)\s+(?:that\s+)?/gi;
  // With no statement found before it, a new speaker may still come mid-sentence: a quotation, then
  // "…, while Deputy Governor Oleg Marin indicated 68 people were missing".
  const otherFrom = hit ? Math.max(hit.cueEnd, hit.end > hit.cueEnd ? hit.start : hit.cueEnd) : sentence.start;
  const otherText = text.slice(otherFrom, sentence.end);
  for (let m = other.exec(otherText); m; m = other.exec(otherText)) {
    const at = otherFrom + m.index;
    let subjectStart = at + m[0].indexOf(m[1]!);
    let subjectEnd = subjectStart + m[1]!.length;
    if (quoted.contains(at) || /^(?:he|she|it|they)$/i.test(m[1]!.trim()) || NEGATED.test(m[1]! + ' ')) continue;
    // "The Institute of Volcanology and Seismology (Phivolcs) reported": "and" between capitalized words
    // without a comma joins a name, so the name starts before it.
    if (!m[0].startsWith(',') && /\p{Lu}[\p{L}'’.-]*$/u.test(text.slice(Math.max(0, at - 40), at)) && /^\p{Lu}/u.test(m[1]!)) {
      const whole = subjectBefore(text, otherFrom, subjectEnd);
      if (whole && whole.start < subjectStart) [subjectStart, subjectEnd] = [whole.start, whole.end];
    }
    const resolution = resolveWithFallback(ctx, subjectStart, subjectEnd, '');
    if (resolution.kind === 'none') continue;
    const from = at + m[0].length;
    const previous = clauses[clauses.length - 1];
    if (previous && previous.start < at && previous.end > at) previous.end = at;
    clauses.push({ start: from, end: sentence.end, cue: m[2]!.replace(/\s+/g, ' '), cueEnd: from, resolution, pronoun: text.slice(subjectStart, subjectEnd).trim().toLowerCase(), sentence });
  }
  for (const clause of clauses) {
    // "reported that X, and that Y": one statement of two clauses, unless quoted words inside need the pieces apart.
    const pieces = splitAndThat(text, clause.start, clause.end);
    const whole = pieces.length > 1 && !taken.some((t) => t.start >= clause.start && t.end <= clause.end + 2) ? [{ start: clause.start, end: clause.end }] : pieces;
    for (const piece of whole) {
      const cut = cutBeforeQuotes(text, piece, taken);
      if (!cut) continue;
      const trimmed = trimClause(text, cut.start, cut.end);
      if (!trimmed) continue;
      // A clause that is all quotation is a direct quote, already found.
      if (outsideLength(trimmed, quoted) < 12 || taken.some((t) => t.start <= trimmed.start && trimmed.end <= t.end)) continue;
      // "said at a press conference after the incident", "On Friday in Istanbul, as part of a rally": where and
      // when the words were said, with no verb of their own, is no statement.
      if (isAdverbialOnly(text.slice(trimmed.start, trimmed.end))) continue;
      found.push({ ...clause, ...trimmed });
    }
  }
  return found;
}

/** A prepositional phrase (or a few) with no verb: "at a press conference after the incident". */
function isAdverbialOnly(clause: string): boolean {
  if (!/^(?:at|in|on|during|after|before|as|from|with|without|amid|outside|inside|near|ahead\s+of)\b/i.test(clause)) return false;
  const words = clause.split(/\s+/);
  return words.length <= 14 && !isClauseLike(clause) && !words.some((w) => /^\p{Ll}{3,}(?:ed|ing)$/u.test(w.replace(/[,.;:]$/, '')) || /^(?:he|she|it|they|we|i)$/i.test(w));
}

/** The parts of a sentence between semicolons outside quotation marks, each long enough to be a clause. */
function semicolonParts(text: string, sentence: Sentence, quoted: SpanIndex): Sentence[] {
  const parts: Sentence[] = [];
  // Searched within the sentence only: indexOf on the whole text would make long articles quadratic.
  const own = text.slice(sentence.start, sentence.end);
  let from = sentence.start;
  for (let i = own.indexOf(';'); i >= 0; i = own.indexOf(';', i + 1)) {
    const at = sentence.start + i;
    if (quoted.contains(at)) continue;
    if (text.slice(from, at).trim().split(/\s+/).length < 4 || own.slice(i + 1, i + 120).trim().split(/\s+/).length < 4) continue;
    parts.push({ ...sentence, start: from, end: at });
    from = at + 1;
    while (from < sentence.end && /\s/.test(text[from]!)) from++;
  }
  if (parts.length) parts.push({ ...sentence, start: from, end: sentence.end });
  return parts;
}

/** "X said the deal was off, and that talks would resume": the two that-clauses, for when quoted words inside one need them apart. */
function splitAndThat(text: string, start: number, end: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  const re = /,?\s+and\s+that\s+/g;
  const slice = text.slice(start, end);
  let from = start;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    pieces.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  pieces.push({ start: from, end });
  return pieces;
}

/**
 * A reported clause that runs into quoted words ends before them: the quoted
 * part is its own (partial) quote. When too little is left, the clause is
 * the partial quote alone.
 */
function cutBeforeQuotes(text: string, piece: { start: number; end: number }, quotes: readonly { start: number; end: number }[]): { start: number; end: number } | null {
  const inside = quotes.filter((q) => q.start >= piece.start && q.end <= piece.end + 2).sort((a, b) => a.start - b.start);
  const first = inside[0];
  if (!first) return piece;
  const open = first.start - 1;
  const before = text.slice(piece.start, open);
  // The last comma or semicolon before the quoted words ends the statement; failing that, a conjunction.
  let cutAt = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  const byConjunction = cutAt < 0;
  if (cutAt < 0) {
    const conjunction = /\s(?:and|but|though|although|while|whereas|as)\s/g;
    for (let m = conjunction.exec(before); m; m = conjunction.exec(before)) cutAt = m.index;
  }
  // "told local media the heart was restarted "and there is hope"": with no comma or conjunction, the
  // statement runs up to the quoted words when it is a clause of its own.
  // Only when the quoted words go on with a conjunction: "said the cuts were "deep"" is one partial.
  if (cutAt < 0) return before.trim().split(/\s+/).length >= 4 && isClauseLike(before) && /^(?:and|but|or|because|as|while|so|which|though|although)\b/.test(text.slice(first.start, first.start + 12)) ? { start: piece.start, end: open } : null;
  // "bringing meat from Bishkek, Kyrgyzstan "to help …"": a comma inside a place's name ends nothing.
  const afterComma = before.slice(cutAt + 1).trim();
  const kept = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u.test(afterComma) ? { start: piece.start, end: piece.start + before.trimEnd().length } : { start: piece.start, end: piece.start + cutAt };
  const keptText = text.slice(kept.start, kept.end).replace(/^[\s,;:—–-]+/, '').trim();
  // "insisted that, far from being tired, the Government was ready to fulfil its mandate "…"": an aside
  // before the clause that holds the quoted words states nothing; the clause is the partial quote's.
  if (/^(?:far\s+from|despite|in\s+spite\s+of|instead\s+of|rather\s+than|apart\s+from|aside\s+from|as\s+well\s+as|along\s+with|unlike|like|after|before|since|while|when|if|unless|though|although)\b/i.test(keptText) && !isClauseLike(keptText)) return null;
  // "said his great regret as prime minister was that bills … "obstructionist"": a conjunction cuts off a
  // statement only when what it keeps is a clause.
  if (byConjunction && !isClauseLike(keptText) && !startsClause(keptText) && !/^(?:\S+\s+){0,5}(?:\p{Ll}+ed|to\s+\p{Ll}+)\b/u.test(keptText)) return null;
  return keptText.split(/\s+/).length >= 3 ? kept : null;
}

function clauseFirst(ctx: QuoteContext, sentence: Sentence, verbs: { start: number; end: number; form: string }[]): ReportedSpeech | null {
  const text = ctx.doc.text;
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const before = text.slice(sentence.start, verb.start);
    const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('—'), before.lastIndexOf('–'));
    if (comma < 0) continue;
    const cue = cuePhrase(text, verb.start, verb.end, sentence.end);
    const tail = text.slice(cue.end, sentence.end);
    const between = text.slice(sentence.start + comma + 1, verb.start);
    const hit = (between.trim() === '' ? invertedSpeaker(ctx, sentence, verb, cue) : null) ?? subjectSpeaker(ctx, sentence, verb, cue, between, tail);
    if (hit) return hit;
  }
  return null;
}

/** Verbs that put their speaker after them ("…, said Lee", "…, added the minister"); reporting lemmas only, the only ones this is asked about. */
const INVERTING_VERBS = new Set(['say', 'add', 'tell', 'write', 'explain', 'note', 'continue', 'reply', 'answer', 'respond', 'report', 'announce', 'claim', 'insist', 'warn', 'argue', 'recall', 'admit', 'acknowledge', 'concede', 'observe', 'remark', 'declare', 'state', 'suggest', 'predict', 'caution', 'confirm', 'conclude', 'stress', 'emphasize', 'allege', 'assert', 'contend', 'maintain', 'counter', 'retort', 'agree', 'estimate', 'indicate', 'reveal', 'disclose', 'testify', 'tweet', 'comment', 'concur', 'reiterate', 'complain', 'boast', 'recount', 'lament', 'promise', 'vow', 'pledge', 'forecast', 'inform', 'brief', 'clarify', 'elaborate']);

/** "…, said Lee, the minister." */
function invertedSpeaker(ctx: QuoteContext, sentence: Sentence, verb: { form: string }, cue: { cue: string; end: number }): ReportedSpeech | null {
  const text = ctx.doc.text;
  if (/ing$/i.test(verb.form)) return null;
  // "…, Cherono, posted a time of 2:05:45": only verbs of saying put their subject after them.
  if (!INVERTING_VERBS.has(lookupSpeechVerb(verb.form)?.lemma ?? '')) return null;
  const tail = text.slice(cue.end, sentence.end);
  const m = /^\s+([^,.;]{2,80}?)(?=\s*(?:,|\.|;|$))/.exec(tail);
  if (!m) return null;
  // "Reuters, citing sources, reported both output and exports had been disrupted": a clause after the verb is what was reported, never its speaker.
  if (isClauseLike(m[1]!)) return null;
  const speakerStart = cue.end + m.index + m[0].indexOf(m[1]!);
  const speakerEnd = speakerStart + m[1]!.length;
  const rest = text.slice(speakerEnd, sentence.end);
  if (!/^\s*(?:,[^.;]{0,100})?[.!?]?\s*$/.test(rest)) return null;
  const appositive = /^,\s*([^,.;]+)/.exec(rest)?.[1] ?? '';
  // "…, said their attorney, Gregory Stenlund of Minneapolis": the name after the description speaks.
  const nameAfter = /^,\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,4})/u.exec(rest);
  const byName = nameAfter ? resolveWithFallback(ctx, speakerEnd + nameAfter[0].indexOf(nameAfter[1]!), speakerEnd + nameAfter[0].indexOf(nameAfter[1]!) + nameAfter[1]!.length, m[1]!) : null;
  const resolution = byName?.kind === 'named' ? byName : resolveWithFallback(ctx, speakerStart, speakerEnd, appositive);
  if (resolution.kind === 'none') return null;
  const clauseEnd = clauseEndBefore(text, sentence.start, cue.end - cue.cue.length);
  const start = clauseStartAfterLead(text, sentence.start, clauseEnd);
  if (clauseEnd - start < 12) return null;
  return { start, end: clauseEnd, cue: cue.cue, cueEnd: cue.end, resolution, pronoun: m[1]!.trim().toLowerCase(), sentence };
}

/** "…, Lee said." / "…, the chief executive of X, Jane Doe, said on Monday." */
function subjectSpeaker(ctx: QuoteContext, sentence: Sentence, verb: { start: number }, cue: { cue: string; end: number }, between: string, tail: string): ReportedSpeech | null {
  const text = ctx.doc.text;
  // "…, he said, and every contract …" — a short speaker between commas needs no particular tail.
  if (!CLAUSE_TAIL.test(tail) && !(between.trim().split(/\s+/).length <= 5 && /^\s*(?:on\s+\w+\s*)?[,.;]/.test(tail))) return null;
  const subject = subjectBefore(text, sentence.start, verb.start);
  if (!subject || subject.start <= sentence.start + 1) return null;
  // "…, an affair they've both denied": a noun the verb has as its object, not a speaker.
  if (/^(?:a|an|the|this|that|one)\s+.*\b(?:they|he|she|we|i|you)(?:['’](?:ve|d|s|re|ll))?(?:\s+(?:both|all|each|also|since|later|previously|repeatedly|publicly))*$/i.test(text.slice(subject.start, subject.end).trim())) return null;
  let clauseEnd = clauseEndBefore(text, sentence.start, subject.start);
  let appositive = subject.appositive;
  // A description before the name belongs to the speaker, not the clause.
  const prevComma = text.lastIndexOf(',', clauseEnd - 1);
  const description = prevComma > sentence.start ? text.slice(prevComma + 1, clauseEnd).trim() : '';
  // "…, which is six times more than usual, Accuweather said": a relative clause on the statement's own
  // noun belongs to the statement, not to the speaker.
  if (description && isAppositive(description) && description.split(/\s+/).length <= 10 && !/^(?:which|where|when)\b/i.test(description)) {
    appositive = [description, appositive].filter(Boolean).join(', ');
    clauseEnd = clauseEndBefore(text, sentence.start, prevComma + 1);
  }
  if (text.slice(subject.start, verb.start).split(/\s+/).length > 16) return null;
  const resolution = resolveWithFallback(ctx, subject.start, subject.end, appositive);
  if (resolution.kind === 'none') return null;
  const start = clauseStartAfterLead(text, sentence.start, clauseEnd);
  if (clauseEnd - start < 12) return null;
  return { start, end: clauseEnd, cue: cue.cue, cueEnd: cue.end, resolution, pronoun: text.slice(subject.start, subject.end).trim().toLowerCase(), sentence };
}

function speakerFirst(ctx: QuoteContext, sentence: Sentence, verbs: { start: number; end: number; form: string }[]): ReportedSpeech | null {
  const text = ctx.doc.text;
  const lead = LEAD_ADVERBIAL.exec(text.slice(sentence.start, sentence.end));
  const clauseStart = sentence.start + (lead ? lead[0].length : 0);
  for (const verb of verbs.slice(0, 2)) {
    if (verb.start < clauseStart) continue;
    // "would add 40 flights", "will tell": a modal verb reports no words.
    // "went on to say he was …" does report words: the speaker continued speaking.
    const wentOn = /\b(?:went|goes|going|go|gone)\s+on\s+to\s+$/i.test(text.slice(Math.max(0, verb.start - 20), verb.start));
    if (!wentOn && /\b(?:would|will|could|should|may|might|must|can|cannot|to)\s+$/i.test(text.slice(Math.max(0, verb.start - 10), verb.start))) continue;
    // `"…," Raman said at a briefing`: the verb attributes the quote before it.
    if (attributesQuoteBefore(ctx, sentence, verb.start)) continue;
    // "… called the cycle life “remarkable” but noted that …": the verb shares the sentence's subject.
    const conjoined = /\b(?:and|but)\s+(?:also\s+|later\s+)?$/i.test(text.slice(Math.max(clauseStart, verb.start - 16), verb.start));
    // "along with county officials who said …": the relative pronoun's noun phrase spoke.
    const relative = relativeSubject(text, clauseStart, verb.start);
    const subject = relative ?? (conjoined ? sentenceSubject(text, clauseStart, verb.start) : subjectBefore(text, clauseStart, verb.start));
    if (!subject) continue;
    // Only a short description may precede the name: "Qatar's mediator, Minister Jane Doe, said".
    const description = relative ? '' : text.slice(clauseStart, subject.start).trim();
    // Only a description may precede the name ("Qatar's mediator, Minister Jane Doe, said"), never a clause —
    // unless a conjunction starts a new one: "He has been mayor for 17 years, and he says …".
    const conjoinedClause = /,$/.test(description) && /^(?:and|but|yet|so)\b/i.test(text.slice(subject.start, subject.end).trim());
    if (description && !conjoinedClause && !(/,$/.test(description) && description.split(/\s+/).length <= 12 && isAppositive(description.slice(0, -1)) && !isClauseLike(description.slice(0, -1)))) continue;
    const appositive = conjoinedClause ? subject.appositive : [description.replace(/,$/, ''), subject.appositive].filter(Boolean).join(', ');
    const resolution = resolveWithFallback(ctx, subject.start, subject.end, appositive);
    if (resolution.kind === 'none') continue;
    const cue = cuePhrase(text, verb.start, verb.end, sentence.end);
    // "remarked on the success", "complained about delays": a topic, not a reported statement.
    const after = text.slice(cue.end, sentence.end);
    // "No organization claimed credit", "nobody said anything": no one spoke; a claim of credit is a deed.
    if (/^(?:no|nobody|none|no-one|no\s+one)\b/i.test(text.slice(subject.start, subject.end).trim()) || /^\s+(?:credit|responsibility)\b/i.test(after)) continue;
    if (lookupSpeechVerb(verb.form)?.lemma !== 'say' && /^\s+(?:on|upon|about(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+(?:hundred|thousand|dozen)|half)\b)|of)\b/i.test(after) && !/^\s+on\s+\w+day\b/.test(after) && !/\bthat\b/.test(after.slice(0, 60))) continue;
    let start = cue.end;
    const lemma = lookupSpeechVerb(verb.form)?.lemma ?? '';
    // "agreed to buy", "confirmed the deal", "recalled 160,000 minivans": these verbs report words only with "that".
    // "announced via Twitter around 11:30 am (1830 UTC), phase one had been completed": how and when it was
    // said, closed by a comma, then the statement.
    const meansThenClause = /^\s+(?:via|on|in|at|around|during|through|over|from|late|early|earlier|later)\b[^,;"“”]{1,70},\s*/i.exec(text.slice(start, sentence.end));
    const clauseAfterMeans = meansThenClause !== null && startsClause(text.slice(start + meansThenClause[0].length, sentence.end));
    if (NEEDS_THAT.has(lemma) && !clauseAfterMeans && !THAT.test(text.slice(start, sentence.end)) && !LATE_THAT.test(text.slice(start, sentence.end)) && !startsClause(text.slice(start, sentence.end))) continue;
    const that = THAT.exec(text.slice(start, sentence.end));
    // "tweeted Friday afternoon saying the minister was concerned": the participle opens the statement.
    const saying = that ? null : SAYING_AFTER_MEANS.exec(text.slice(start, sentence.end));
    if (that) start += that[0].length;
    else if (saying && startsClause(text.slice(start + saying[0].length, sentence.end))) start += saying[0].length;
    else if (clauseAfterMeans && !LATE_THAT.test(text.slice(start, sentence.end))) start += meansThenClause[0].length;
    else {
      // "said on Monday that …", "said in a statement that …"
      const late = LATE_THAT.exec(text.slice(start, sentence.end));
      if (late) start += late[0].length;
      else {
        // "indicated on Monday the chances were …": the time belongs to the saying, not the statement.
        const adverbial = LEADING_ADVERBIAL.exec(text.slice(start, sentence.end));
        if (adverbial && startsClause(text.slice(start + adverbial[0].length, sentence.end))) start += adverbial[0].length;
      }
    }
    // "…, Reuters reported." at the end names where the words were reported, not who said them.
    const trailing = /,\s*(?:[A-Z][\w.&'’ -]{1,40}|the\s+\w+(?:\s+\w+)?)\s+(?:reported|reports|said|says|added)(?:\s+on\s+\w+)?[.!?]?\s*$/.exec(text.slice(start, sentence.end));
    const end = trailing ? start + trailing.index : sentence.end;
    const clause = text.slice(start, end).trim();
    // "said it", "told reporters." or an infinitive ("urged them to …") is no reported statement.
    if (clause.split(/\s+/).length < 3 || /^(?:to\b|nothing\b|so[.,]|(?:yes|no)\b[.,!]*$|goodbye\b|hello\b)/i.test(clause)) continue;
    return { start, end, cue: cue.cue, cueEnd: cue.end, resolution, pronoun: text.slice(subject.start, subject.end).trim().toLowerCase(), sentence };
  }
  return null;
}

/** True when the verb is the attribution of a quote just before it: `"…," Raman said at a briefing`. */
function attributesQuoteBefore(ctx: QuoteContext, sentence: Sentence, verbStart: number): boolean {
  const text = ctx.doc.text;
  const span = ctx.quoted.lastEndingBy(verbStart);
  if (!span || span.start < sentence.start) return false;
  const between = text.slice(span.end, verbStart);
  const endsAttributively = /[,?!—–-]\s*$/.test(text.slice(span.start, span.end - 1)) || /^\s*[,—–-]/.test(between);
  return endsAttributively && !/\b(?:and|but|or)\b/i.test(between) && between.trim().split(/\s+/).length <= 8;
}

const NEGATED = /\b(?:not|never|n['’]t|no\s+longer)\s+(?:\p{L}+ly\s+)?(?:yet\s+)?$/iu;

// "…, warning also of a tornado risk": a topic after the participle, no statement.
const TOPIC_AFTER_PARTICIPLE = /^(?:(?:also|again|too)\s+)?(?:of|about|against|over)\b/i;

/** `"…," she told the call, adding that orders had tripled`: the quote's speaker goes on. */
function afterQuoteParticiple(ctx: QuoteContext, sentence: Sentence, taken: readonly TakenQuote[]): ReportedSpeech | null {
  const text = ctx.doc.text;
  const quote = [...taken].reverse().find((q) => q.cueEnd !== undefined && q.cueEnd > q.end && q.cueEnd <= sentence.end && (q.speaker || q.unnamedSpeaker));
  if (!quote) return null;
  const m = /^[^.;"“”]{0,80}?,\s*(adding|saying|noting|arguing|warning|insisting|stressing|explaining)\s+(?:that\s+)?/i.exec(text.slice(quote.cueEnd!, sentence.end));
  if (!m) return null;
  const start = quote.cueEnd! + m[0].length;
  if (TOPIC_AFTER_PARTICIPLE.test(text.slice(start, sentence.end))) return null;
  const resolution: Resolution = quote.speaker ? { kind: 'named', ref: quote.speaker, entity: null } : { kind: 'unnamed', description: quote.unnamedSpeaker! };
  return { start, end: sentence.end, cue: m[1]!, cueEnd: start, resolution, pronoun: '', sentence };
}

// "urged residents to stay indoors", "called on the CIA to release …": verbs of asking that report what
// someone was told to do. The conventions count them as reported speech (urged, asked/pressed, …).
const DIRECTIVE = /\b(urged|urges|urging|encouraged|encourages|encouraging|advised|advises|advising|instructed|instructs|implored|implores|called\s+on|calls\s+on|calling\s+on|called\s+upon|appealed\s+to|appeals\s+to|pressed|presses|asked|asks|asking|requested|requests|told|tells)\s+((?:(?!to\b)[\p{L}\p{N}'’.-]+\s+){1,6})to\s+(?!be\s+named\b)\p{Ll}/gu;

// "asked whether the agency had warned residents", "pressed the director on whether …", "questioned why …":
// a question put in reported form is reported speech too (the conventions name "asked/pressed whether").
const QUESTION = /\b(asked|asks|asking|questioned|questions|pressed|presses|wondered|wonders|queried|queries)\s+((?:(?!to\b|whether\b|if\b)[\p{L}\p{N}'’.-]+\s+){0,5}?)(?:on\s+|about\s+|as\s+to\s+)?(?=(?:whether|if|why|how|what|when|who|where)\s+\p{L})/gu;

/** "Senator X asked whether the agency had warned residents in time": the asker and the question. */
function questionClause(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const s = text.slice(sentence.start, sentence.end);
  QUESTION.lastIndex = 0;
  for (let m = QUESTION.exec(s); m; m = QUESTION.exec(s)) {
    const clauseStart = sentence.start + (LEAD_ADVERBIAL.exec(s)?.[0].length ?? 0);
    const verbStart = sentence.start + m.index;
    if (ctx.quoted.contains(verbStart) || verbStart <= clauseStart) continue;
    // "was asked whether", "were pressed on why": the subject was asked, it asked nothing.
    if (/\b(?:was|were|been|being|be|is|are)\s+$/i.test(text.slice(Math.max(sentence.start, verbStart - 8), verbStart))) continue;
    const subject = subjectBefore(text, clauseStart, verbStart);
    if (!subject) continue;
    const resolution = resolveWithFallback(ctx, subject.start, subject.end, subject.appositive);
    if (resolution.kind === 'none') continue;
    const start = verbStart + m[0].length;
    if (sentence.end - start < 12) continue;
    return { start, end: sentence.end, cue: m[1]!, cueEnd: start, resolution, pronoun: text.slice(subject.start, subject.end).trim().toLowerCase(), sentence };
  }
  return null;
}

/** "The minister urged residents to stay indoors": the subject asked the object to do something. */
function directiveClause(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const s = text.slice(sentence.start, sentence.end);
  DIRECTIVE.lastIndex = 0;
  // Most sentences hold no directive: the lead adverbial is looked for only once one does.
  let clauseStart: number | undefined;
  for (let m = DIRECTIVE.exec(s); m; m = DIRECTIVE.exec(s)) {
    clauseStart ??= sentence.start + (LEAD_ADVERBIAL.exec(s)?.[0].length ?? 0);
    const verbStart = sentence.start + m.index + (m[0].length - m[0].trimStart().length);
    if (ctx.quoted.contains(verbStart) || verbStart <= clauseStart) continue;
    // "was asked to", "were told to": the subject received the words.
    if (/\b(?:was|were|been|being|be|is|are)\s+$/i.test(text.slice(Math.max(sentence.start, verbStart - 8), verbStart))) continue;
    // "advises five to seven days": a number is a range, not someone asked.
    if (/^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred)\b/i.test(m[2]!)) continue;
    const conjoined = /\b(?:and|but)\s+(?:also\s+)?$/i.test(text.slice(clauseStart, verbStart)) || /,\s*$/.test(text.slice(clauseStart, verbStart));
    const subject = relativeSubject(text, clauseStart, verbStart) ?? (conjoined ? sentenceSubject(text, clauseStart, verbStart) : subjectBefore(text, clauseStart, verbStart));
    if (!subject) continue;
    const resolution = resolveWithFallback(ctx, subject.start, subject.end, subject.appositive);
    if (resolution.kind === 'none') continue;
    const start = verbStart + m[1]!.length + 1;
    const cue = m[1]!.replace(/\s+/g, ' ');
    return { start, end: sentence.end, cue, cueEnd: start, resolution, pronoun: text.slice(subject.start, subject.end).trim().toLowerCase(), sentence };
  }
  return null;
}

// "The plan, he said, would cost …": an attribution between commas inside the statement.
/**
 * ", which state media said were under control", ", who police said was armed,": a relative word,
 * its own subject (a short noun phrase) and a speech verb; what was said is the predicate after
 * the verb, about the noun the relative word refers back to.
 */
const RELATIVE_SAID = /,\s*(?:which|who|whom|that)\s+((?:the|a|an|its|his|her|their|state|local|some|many|several|police|media|staff|\p{Lu}[\p{L}.'’&-]*|\p{Ll}+s)(?:\s+[\p{L}.'’&-]+){0,4}?)\s+(said|says|say|believe|believes|believed|reported|reports|estimated|estimates)\s+(?!that\b)((?:was|were|is|are|had|has|have|would|will|could|may|might|must|should|can|did|does|\p{Ll}+ed)\b[^,;"“”]{3,}?)(?=\s*(?:[,;]|[.!?]?\s*$))/u;

function relativeClauseSpeaker(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const m = RELATIVE_SAID.exec(text.slice(sentence.start, sentence.end));
  if (!m || /\b(?:is|was|were|are|has|had|have|will|would|could|did|does|do|\p{Ll}+ed|\p{Ll}+ing)\b/u.test(m[1]!)) return null;
  const subjectStart = sentence.start + m.index + m[0].indexOf(m[1]!, m[0].search(/\s(?:which|who|whom|that)\s/) + 1);
  const subjectEnd = subjectStart + m[1]!.length;
  const resolved = resolveWithFallback(ctx, subjectStart, subjectEnd, '');
  const resolution: Resolution = resolved.kind === 'none' ? { kind: 'unnamed', description: m[1]! } : resolved;
  const start = sentence.start + m.index + m[0].length - m[3]!.length;
  const end = start + m[3]!.length;
  return { start, end, cue: m[2]!, cueEnd: start, resolution, pronoun: m[1]!.toLowerCase(), sentence };
}

const PARENTHETICAL = /^([^,;:"“”]{3,120}?),\s+((?:[^,;:"“”\s]+\s+){0,5}?)(said|says|told\s+(?:reporters|journalists|\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})|added|noted|explained|argued|insisted|stressed|warned|claimed|reported|wrote|believes|believed)(?:\s+(?:on\s+\p{Lu}\p{Ll}+day|in\s+a\s+statement|on\s+Twitter|last\s+week|this\s+week|yesterday|today))?,\s+(\p{Ll}.{8,})$/u;

/** "The plan, he said, would cost five million dollars.": the whole sentence is the statement. */
function parentheticalSpeaker(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const s = text.slice(sentence.start, sentence.end);
  // Two commas at least, or the pattern cannot match: most sentences are turned away without the regex.
  const comma = s.indexOf(',');
  if (comma < 0 || s.indexOf(',', comma + 1) < 0) return null;
  const m = PARENTHETICAL.exec(s);
  if (!m || !m[2]!.trim()) return null;
  // "…, Detik.com said, citing an official": a participle after the cue ends the statement before it.
  if (/^(?:\p{Ll}+ing|according)\b/u.test(m[4]!)) return null;
  // The words before the commas must be able to start a statement (a subject), not an adverbial lead.
  if (/^(?:in|on|at|during|after|before|since|when|while|if|as|according|but|and|however|meanwhile)\b/i.test(m[1]!.trim())) return null;
  // Quoted words in the sentence are found as quotes.
  if (ctx.quoted.overlapping(sentence.start, sentence.end).length) return null;
  const speakerStart = sentence.start + m[1]!.length + (m[0].slice(m[1]!.length).indexOf(m[2]!));
  const speakerEnd = speakerStart + m[2]!.trimEnd().length;
  const resolution = resolveWithFallback(ctx, speakerStart, speakerEnd, '');
  if (resolution.kind === 'none') return null;
  const cueEnd = speakerEnd + s.slice(speakerEnd - sentence.start).indexOf(m[3]!) + m[3]!.length;
  return { start: sentence.start, end: sentence.end, cue: m[3]!.replace(/\s+/g, ' '), cueEnd, resolution, pronoun: m[2]!.trim().toLowerCase(), sentence };
}

/** "X condemned the trip, saying it …": the participle's words belong to the sentence's subject. */
function participleClause(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const own = text.slice(sentence.start, sentence.end);
  let m = /,\s*(saying|adding|noting|arguing|warning|insisting|stressing|explaining|claiming|declaring|asserting)\s+(?:that\s+)?/i.exec(own);
  if (!m) {
    // "… was met with applause upon announcing to journalists the mayor remained alive": a participle after a
    // preposition reports the subject's words too, when a clause follows it.
    const after = /\s(?:upon|on|after|when|while|before)\s+(announcing|saying|stating|confirming|revealing|telling\s+(?:journalists|reporters|the\s+press|the\s+media))\s+(?:to\s+(?:journalists|reporters|the\s+press|the\s+media)\s+)?(?:that\s+)?/i.exec(own);
    if (!after || !startsClause(own.slice(after.index + after[0].length))) return null;
    m = after;
  }
  const lead = LEAD_ADVERBIAL.exec(text.slice(sentence.start, sentence.end));
  const subjectStart = sentence.start + (lead ? lead[0].length : 0);
  const subjectEnd = leadingNounPhrase(text, subjectStart, sentence.start + m.index);
  if (subjectEnd <= subjectStart) return null;
  const resolution = ctx.resolver.resolve(subjectStart, subjectEnd);
  if (resolution.kind === 'none') return null;
  const start = sentence.start + m.index + m[0].length;
  if (TOPIC_AFTER_PARTICIPLE.test(text.slice(start, sentence.end))) return null;
  return { start, end: sentence.end, cue: m[1]!, cueEnd: start, resolution, pronoun: text.slice(subjectStart, subjectEnd).trim().toLowerCase(), sentence };
}

/**
 * "According to X, …", "…, according to X.", "… according to X records.",
 * "…, according to X, …" and "Per X, …". A source the resolver cannot name
 * ("eyewitnesses", "local news") still reports: an unnamed source.
 */
function accordingTo(ctx: QuoteContext, sentence: Sentence): ReportedSpeech | null {
  const text = ctx.doc.text;
  const s = text.slice(sentence.start, sentence.end);
  const source = (from: number, to: number) => {
    const r = resolveWithFallback(ctx, from, to, '');
    return r.kind === 'none' ? ({ kind: 'unnamed', description: text.slice(from, to).trim() } as Resolution) : r;
  };
  // "According to a March 14, 2019 NATO press release, …": the comma of a date is inside the source.
  const leading = /^(?:According\s+to|Per)\s+((?:[^,;]|(?<=\d),(?=\s\d{4}\b)){2,120}?),(?!\s\d{4}\b)\s*/.exec(s);
  if (leading && !/^Per\s+(?:cent|capita|se)\b/i.test(s)) {
    const speakerStart = sentence.start + leading[0].indexOf(leading[1]!);
    // "According to the city's mayor, Dee Marsh, …": the name after the description is the speaker.
    const afterLead = sentence.start + leading[0].length;
    // Also "According to Windsor Locks' first selectman, Chris Kervick, …": a possessive description.
    const appositive = /^(?:the|a|an|its|their|his|her)\s/i.test(leading[1]!) || /^\p{Lu}[^,]*['’]s?\s+\p{Ll}/u.test(leading[1]!) ? /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),\s*/u.exec(text.slice(afterLead, sentence.end)) : null;
    const byName = appositive ? resolveWithFallback(ctx, afterLead, afterLead + appositive[1]!.length, leading[1]!) : null;
    const resolution = byName?.kind === 'named' ? byName : source(speakerStart, speakerStart + leading[1]!.length);
    // "According to Amy Cook, director of the event, the tusk …": the description belongs to the source.
    const described = byName?.kind !== 'named' && resolution.kind === 'named' ? /^(\p{Ll}[^,;]{2,80}),\s*/u.exec(text.slice(afterLead, sentence.end)) : null;
    const skip = byName?.kind === 'named' ? appositive![0].length : described && isRoleWord(described[1]!.split(/\s+/)[0]!) ? described[0].length : 0;
    return { start: afterLead + skip, end: sentence.end, cue: leading[0].startsWith('Per') ? 'per' : 'according to', cueEnd: speakerStart, resolution, pronoun: '', sentence };
  }
  // "…, according to X." or "… yesterday according to state media.": the source closes the sentence.
  const trailing = /(?:,\s*|\s+)according\s+to\s+((?:[^,.;]|\.(?=\S|\s+\p{Ll}))+?)(?:,[^;]*?)?[.!?]?\s*$/u.exec(s);
  const continues = trailing && /^,\s*\p{Ll}/u.test(s.slice(trailing.index + trailing[0].indexOf(trailing[1]!) + trailing[1]!.length));
  if (trailing && trailing.index > 0 && !continues) {
    const speakerStart = sentence.start + trailing.index + trailing[0].indexOf(trailing[1]!);
    const speakerEnd = speakerStart + trailing[1]!.length;
    // "Rescuers, …, according to the ministry recovered ten survivors": the source is a noun phrase and
    // the claim goes on after it, its verb past the source.
    // Not a participle after its noun: "documents submitted to …", "a study published in …".
    const verbAt = /\s(\p{Ll}{3,}ed)\s+(?!(?:by|to|in|on|at(?!\s+(?:least|most)\b)|from|with|for|into|under|over|between|during|as|after|before|about|\p{Lu}\p{Ll}*day)\b)\S+\s+\S+/u.exec(trailing[1]!);
    const np = verbAt && verbAt.index > 0 && !/\b(?:who|which|that|whom)\b/.test(trailing[1]!.slice(0, verbAt.index)) ? speakerStart + verbAt.index : -1;
    if (np > speakerStart) {
      const resolution = source(speakerStart, np);
      const start = np + (text.slice(np).length - text.slice(np).trimStart().length);
      return { start, end: sentence.end, cue: 'according to', cueEnd: speakerStart, resolution, pronoun: '', sentence };
    }
    // "according to its director, Marcus Bellamy": the name after the description is the speaker.
    const named = /^,\s*(\p{Lu}(?:[^,.;]|\.(?=\s*\p{Lu})){1,60}?)\s*[.,]?\s*$/u.exec(text.slice(speakerEnd, sentence.end));
    const byName = named ? resolveWithFallback(ctx, speakerEnd + named[0].indexOf(named[1]!), speakerEnd + named[0].indexOf(named[1]!) + named[1]!.length, trailing[1]!) : null;
    const resolution = byName?.kind === 'named' ? byName : source(speakerStart, speakerEnd);
    const start = clauseStartAfterLead(text, sentence.start, sentence.start + trailing.index);
    return { start, end: sentence.start + trailing.index, cue: 'according to', cueEnd: speakerStart, resolution, pronoun: '', sentence };
  }
  // "…, largely Kurdish and, according to Turkey, supportive of the PKK.": the whole sentence is the claim.
  const inner = /,\s*according\s+to\s+([^,;]{2,80}),\s*/.exec(s);
  if (inner && inner.index > 0) {
    const speakerStart = sentence.start + inner.index + inner[0].indexOf(inner[1]!);
    const resolution = source(speakerStart, speakerStart + inner[1]!.length);
    const start = clauseStartAfterLead(text, sentence.start, sentence.end);
    return { start, end: sentence.end, cue: 'according to', cueEnd: speakerStart, resolution, pronoun: '', sentence };
  }
  return null;
}

function clauseEndBefore(text: string, sentenceStart: number, speakerStart: number): number {
  let e = speakerStart;
  while (e > sentenceStart && /[\s,—–-]/.test(text[e - 1]!)) e--;
  return e;
}

function clauseStartAfterLead(text: string, sentenceStart: number, end: number): number {
  let s = sentenceStart;
  while (s < end && /[\s"“”]/.test(text[s]!)) s++;
  return s;
}

function trimClause(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  return e - s >= 8 ? { start: s, end: e } : null;
}

function outsideLength(span: { start: number; end: number }, quoted: SpanIndex): number {
  let inside = 0;
  for (const q of quoted.overlapping(span.start, span.end)) inside += Math.max(0, Math.min(span.end, q.end) - Math.max(span.start, q.start));
  return span.end - span.start - inside;
}
