/**
 * Direct and partial quotes: decides which quotation spans are someone's
 * words (not titles, nicknames or scare quotes), whether each is a whole
 * statement (direct) or a few words inside a sentence (partial), and who
 * said it.
 */
import type { ExtractedQuote } from '../archive/types.ts';
import type { TextDocument } from '../parse/text-document.ts';
import type { QuoteMarkSpan } from './quote-marks.ts';
import type { Sentence } from './sentences.ts';
import { attributionAfter, attributionBefore, findVerbs, LEAD_WORDS, leadingNounPhrase, subjectBefore, type CueMatch } from './attribution.ts';
import type { Resolution, SpeakerResolver } from './speakers.ts';
import type { SpanIndex } from './span-index.ts';

export interface QuoteContext {
  doc: TextDocument;
  spans: QuoteMarkSpan[];
  sentences: Sentence[];
  resolver: SpeakerResolver;
  /** Body ranges that are not article prose (captions, credits, datelines). */
  excluded: { start: number; end: number }[];
  /** Quotation spans, marks included: words inside them are never cues. */
  quoted: SpanIndex;
}

export interface FoundQuote extends ExtractedQuote {
  /** Where the cue sits, for dates ("said on Thursday"). */
  cueEnd: number;
  sentence: Sentence;
}

// Words right before a quotation that make it a name, not someone's words.
const NAMING = /(?:so-called|so called|dubbed|nicknamed|known\s+as|termed|titled|entitled|named|labell?ed|the\s+(?:word|term|phrase|slogan|hashtag|motto|label|name|headline|title|banner)|a\s+(?:word|term|phrase|slogan|hashtag|motto|label|name|sign|banner)|(?:sign|signs|banner|banners|placard|placards|t-shirts?|caps?)\s+(?:reading|that\s+read|saying|that\s+said)|reads?|marked|stamped|coined)\s*$/i;
// Works whose titles are quoted.
const WORK = /\b(?:film|movie|documentary|book|novel|memoir|biography|song|single|album|record|track|show|series|sitcom|drama|play|musical|opera|ballet|podcast|programme|program|episode|poem|essay|article|column|editorial|op-ed|paper|report|study|exhibition|exhibit|painting|sculpture|game|app|campaign|operation|initiative|project|plan|bill|act|festival|tour|brand|hit|bestseller|anthem|hymn|lecture|talk|speech|newsletter|blog|magazine|newspaper)\s*(?:,\s*)?$/i;
const TERMINAL = /[.!?…]$|[.!?…]["”’']$/;
const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'de', 'la', 'le', 'du', 'von', 'van', 'is', 'as', 'but', 'vs', 'vs.']);

const LEAD_ADVERBIAL_CLAUSE = new RegExp(`^(?:${LEAD_WORDS}\\b[^,"“”]{0,80},\\s*)`);

/** A verb of saying (and when or where) right before a quotation: "said on Friday", "told CNN". */
const SAYING_BEFORE = /\b(?:said|says|added|adds|wrote|writes|stated|states|declared|declares|replied|replies|responded|answered|told\s+(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}|reporters|journalists))(?:\s+(?:on|in|at|during|last|this|earlier|later)\s+[^,"“”]{1,30}?)?\s*$/u;

/** Finds direct and partial quotes with their speakers, in text order. */
export function extractQuotes(ctx: QuoteContext, onSentenceDone: (sentence: Sentence, found: FoundQuote[]) => void = () => {}): FoundQuote[] {
  const { doc, spans, sentences, resolver } = ctx;
  const text = doc.text;
  const found: FoundQuote[] = [];
  const quoted = ctx.quoted;
  let sentenceIndex = 0;
  let flushed = 0;

  for (let qi = 0; qi < spans.length; qi++) {
    const span = spans[qi]!;
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex]!.end <= span.open) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    if (!sentence) continue;
    // Sentences before this one are complete: reported speech in them is read now, so
    // speakers are remembered in text order ("Smith said X. "…," he said.").
    while (flushed < sentenceIndex) onSentenceDone(sentences[flushed]!, quotesOf(found, sentences[flushed++]!));
    if (ctx.excluded.some((x) => span.open < x.end && span.close > x.start)) continue;
    const block = doc.blocks[sentence.block];
    if (!block || block.kind === 'heading') continue;

    const content = text.slice(span.start, span.end);
    const words = content.split(/\s+/).filter(Boolean);
    const previous = spans[qi - 1];
    const next = spans[qi + 1];
    const clauseStart = previous && previous.close > sentence.start && previous.close <= span.open ? previous.close : sentence.start;
    const limit = next && next.open < sentence.end ? next.open : sentence.end;
    const prefix = text.slice(sentence.start, span.open);
    const localPrefix = text.slice(clauseStart, span.open);

    // "what she termed "a reckless gamble"": the speaker's own word for it, a partial quote.
    const ownTerm = /\bwhat\s+(?:he|she|they|it|\p{Lu}[\p{L}'’.-]*)\s+(?:termed|dubbed|labell?ed|called|described\s+as)\s*$/u.test(localPrefix);
    if (NAMING.test(localPrefix) && !ownTerm) continue;
    // "The glasses, called "Lumio Frame," weigh …": a capitalized name after a naming verb is a name.
    if (isTitleCase(words.map((w) => w.replace(/[,.]$/, ''))) && /\b(?:called|calls|named|dubbed|titled|entitled|branded)\s*$/i.test(localPrefix)) continue;
    if (isNickname(text, span, words)) continue;

    const after = attributionAfter(doc, span.close, limit);
    const strictBefore = attributionBefore(doc, clauseStart, span.open, true, quoted);
    const atStart = /^[\s(\[—–-]*$/.test(prefix) || /^[\s(\[—–-]*$/.test(localPrefix.replace(/^[\s,]*/, '')) && previous !== undefined && found.some((f) => f.end <= span.open && f.sentence === sentence);
    // "Facebook released a statement which read, in part, "This judgment raises …"": a whole sentence
    // quoted after a comma is introduced like one after a colon.
    const titleCase = isTitleCase(words);
    const colonIntro = /:\s*$/.test(localPrefix) || (/,\s*$/.test(localPrefix) && /^\p{Lu}/u.test(content) && words.length >= 6 && (TERMINAL.test(content) || /^[,.]/.test(text.slice(span.close, span.close + 1))) && !titleCase);
    // "Trump said on Friday "I can do it if I want. I may do it."": whole sentences right after a verb
    // of saying, with no comma, are still the speaker's words as spoken.
    const verbIntro = SAYING_BEFORE.test(localPrefix) && /^\p{Lu}/u.test(content) && words.length >= 4 && TERMINAL.test(content) && !titleCase;
    // '"No," Diaz replied.': one word opening the sentence before its attribution is a whole answer.
    const oneWordAnswer = words.length === 1 && atStart && after !== null && /^\p{Lu}/u.test(content);
    const sentenceLike = (words.length >= 2 && (TERMINAL.test(content) || after !== null || span.multiBlock || text[span.end] === ',')) || words.length >= 5 || oneWordAnswer;
    const titleLike = titleCase && !TERMINAL.test(content);

    let kind: 'direct' | 'partial';
    let cue: CueMatch | null = null;
    let goesOn = false;
    if ((atStart || colonIntro || verbIntro || strictBefore || /[—–-]\s*$/.test(localPrefix)) && sentenceLike && !(titleLike && !after && !strictBefore)) {
      kind = 'direct';
      cue = after ?? strictBefore ?? (verbIntro ? attributionBefore(doc, clauseStart, span.open, false, quoted) : null);
    } else {
      if (titleLike && (WORK.test(localPrefix) || !after)) continue;
      // 'his "Friends With Benefits" co-star': a title-case name used as a modifier of the noun after it.
      if (titleLike && /^\s+(?!(?:and|or|but|as|to|in|on|at|for|with|by|from|of|that|which|who|whom|is|was|are|were|has|had|have|will|would|said|says)\b)\p{Ll}[\p{L}-]+/u.test(text.slice(span.close, span.close + 30))) continue;
      // "the report "Silent Spring"" names a work; "called the report "misleading"" judges one.
      if (WORK.test(localPrefix) && words.length <= 8 && /^\p{Lu}/u.test(content)) continue;
      const anyBefore = attributionBefore(doc, clauseStart, span.open, false, quoted);
      cue = passiveAgentAfter(text, localPrefix, span.open, span.close, limit) ?? anyBefore ?? after;
      const verbsInSentence = findVerbs(text, sentence.start, sentence.end, quoted);
      // Scare quotes: no one is said to have said them. But a long fragment right after someone's
      // quote goes on with their words ("This was in relation to "a reported altercation at …"").
      const prior = found[found.length - 1];
      goesOn = !cue && !verbsInSentence.length && words.length >= 8 && /\p{L}+\s+\p{L}+[^;:]*$/u.test(localPrefix) && !/\baccording\s+to\b/i.test(text.slice(sentence.start, sentence.end)) && prior !== undefined && prior.sentence !== sentence && sentence.block - prior.sentence.block <= 1 && (prior.speaker !== null || prior.unnamedSpeaker !== undefined);
      if (!cue && !verbsInSentence.length && !goesOn) continue;
      // 'the "obstructionist" and "impatient" attitude': a word listed with the quote before goes with it.
      const listed = /^\s*(?:,|,?\s*(?:and|or))\s*$/.test(localPrefix) && found.at(-1)?.sentence === sentence && found.at(-1)?.kind === 'partial';
      if (!cue && words.length <= 2 && !/[.!?,]$/.test(content) && !listed) continue;
      kind = 'partial';
    }

    let resolution: Resolution = { kind: 'none' };
    let pronoun: string | undefined;
    if (cue) {
      // "… came a day after protesters gathered outside parliament, chanting "…"": a participle after a
      // subordinate clause goes with that clause's subject, not the sentence's.
      const subordinate = /ing$/.test(cue.cue) ? lastSubordinateSubject(text, sentence.start, cue.cueStart) : null;
      const [from, to] = subordinate ?? [cue.speakerStart, cue.speakerEnd];
      resolution = resolveWithFallback(ctx, from, to, subordinate ? '' : cue.appositive);
      pronoun = text.slice(from, to).trim().toLowerCase();
    }
    const last = found[found.length - 1];
    if (goesOn) resolution = carriedOver(last!);
    if (resolution.kind === 'none' && !cue && kind === 'partial' && last && last.sentence === sentence) {
      // `said Seoul was "closely following" the dispute and opposed "unilateralism"`: one speaker for both.
      resolution = carriedOver(last);
      cue = last.cue ? { cue: last.cue, cueStart: last.cueEnd - last.cue.length, cueEnd: last.cueEnd, speakerStart: 0, speakerEnd: 0, appositive: '' } : null;
    }
    if (resolution.kind === 'none' && kind === 'partial') {
      // "… said magistrates had given him credit, but described the offence as "…"": an earlier verb's subject.
      const verbs = findVerbs(text, sentence.start, span.open, quoted);
      for (let v = verbs.length - 1; v >= 0 && resolution.kind === 'none'; v--) {
        const subject = subjectBefore(text, sentence.start, verbs[v]!.start);
        if (subject) resolution = resolveWithFallback(ctx, subject.start, subject.end, subject.appositive);
      }
    }
    if (resolution.kind === 'none' && (kind === 'partial' || colonIntro)) {
      // "Mei smiled: “…”" — the subject of the clause that introduces the quote.
      resolution = resolveSentenceSubject(ctx, sentence, span.open);
    }
    if (resolution.kind === 'none' && !cue) {
      const neighbour = neighbourAttribution(ctx, sentenceIndex, span);
      if (neighbour) {
        cue = neighbour;
        resolution = resolveWithFallback(ctx, neighbour.speakerStart, neighbour.speakerEnd, neighbour.appositive);
        pronoun = text.slice(neighbour.speakerStart, neighbour.speakerEnd).trim().toLowerCase();
      }
    }
    // `"…," she said. "…"`: a quote with no cue of its own goes on from the quote just before it
    // in the same paragraph, named or not.
    if (resolution.kind === 'none' && !cue && kind === 'direct' && last && last.sentence.block === sentence.block) resolution = carriedOver(last);
    // A paragraph that opens with a quotation and has no cue, after a paragraph that ended with a
    // quote: the same speaker goes on, named or not ("…," the club said. ¶ "We are clear …").
    if (resolution.kind === 'none' && !cue && kind === 'direct' && last && last.sentence.block === sentence.block - 1 && endsItsBlock(ctx, last) && !text.slice(doc.blocks[sentence.block]!.start, span.open).trim()) resolution = carriedOver(last);
    if (resolution.kind === 'none' && kind === 'direct') resolution = resolver.lastSpeaker(span.open, 2);
    if (kind === 'partial' && resolution.kind === 'none') continue;
    resolver.remember(span.open, resolution, pronoun);

    found.push({
      start: span.start,
      end: span.end,
      kind,
      cue: cue?.cue ?? null,
      speaker: resolution.kind === 'named' ? resolution.ref : null,
      ...(resolution.kind === 'unnamed' ? { unnamedSpeaker: resolution.description } : {}),
      cueEnd: cue?.cueEnd ?? span.close,
      sentence,
    });
  }
  while (flushed < sentences.length) onSentenceDone(sentences[flushed]!, quotesOf(found, sentences[flushed++]!));
  return found;
}

// "Accused of being", "described as", "branded": a passive verb of judging before quoted words.
const PASSIVE_JUDGING = /\b((?:accused|described|called|labell?ed|branded|dubbed|critici[sz]ed|derided|dismissed|condemned|praised|hailed)(?:\s+(?:of\s+being|as(?:\s+being)?))?)\s*$/i;

/**
 * 'Accused of being "in denial" by Mr Cameron, Mr Brown …': the agent after "by" said the quoted
 * words, not the sentence's subject.
 */
function passiveAgentAfter(text: string, localPrefix: string, open: number, close: number, limit: number): CueMatch | null {
  const verb = PASSIVE_JUDGING.exec(localPrefix);
  if (!verb) return null;
  const by = /^\s*by\s+((?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*)/u.exec(text.slice(close, limit));
  if (!by) return null;
  const speakerStart = close + by[0].length - by[1]!.length;
  const cueStart = open - localPrefix.length + verb.index;
  return { cue: verb[1]!, cueStart, cueEnd: cueStart + verb[1]!.length, speakerStart, speakerEnd: speakerStart + by[1]!.length, appositive: '' };
}

/** The speaker of an earlier quote, carried over to one with no cue of its own. */
function carriedOver(quote: FoundQuote): Resolution {
  if (quote.speaker) return { kind: 'named', ref: quote.speaker, entity: null };
  return quote.unnamedSpeaker ? { kind: 'unnamed', description: quote.unnamedSpeaker } : { kind: 'none' };
}

/** The quotes found in `sentence`: a tail of `found`, which is in text order. */
function quotesOf(found: FoundQuote[], sentence: Sentence): FoundQuote[] {
  const own: FoundQuote[] = [];
  for (let i = found.length - 1; i >= 0 && found[i]!.sentence.start >= sentence.start; i--) if (found[i]!.sentence === sentence) own.push(found[i]!);
  return own.reverse();
}

/** Resolves a speaker phrase; when it is long, tries its leading noun phrase ("The department also remarked …"). */
export function resolveWithFallback(ctx: QuoteContext, start: number, end: number, appositive: string): Resolution {
  const first = ctx.resolver.resolve(start, end, appositive);
  if (first.kind !== 'none') return first;
  const np = leadingNounPhrase(ctx.doc.text, start, end);
  return np < end ? ctx.resolver.resolve(start, np, appositive) : first;
}

/**
 * The subject of the last subordinate clause before a participle's comma
 * ("after protesters gathered outside parliament,"), as offsets; null when
 * the participle follows the main clause.
 */
function lastSubordinateSubject(text: string, start: number, cueStart: number): [number, number] | null {
  const before = text.slice(start, cueStart);
  if (!/,\s*$/.test(before)) return null;
  const re = /\b(?:after|when|as|while|because|since|before|until|where)\s+((?:the\s+|some\s+|many\s+|dozens\s+of\s+|hundreds\s+of\s+|thousands\s+of\s+)?\p{Ll}[\p{L}'’-]*(?:\s+\p{Ll}[\p{L}'’-]*){0,2}?)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:\p{Ll}+ed|gathered|marched|rallied|met|sang|shouted|took|went|came|ran|stood|sat|held)\b[^,]*,\s*$/u;
  const m = re.exec(before);
  if (!m) return null;
  const at = start + m.index + m[0].indexOf(m[1]!);
  return [at, at + m[1]!.length];
}

/** Whether a found quote's sentence is the last of its paragraph, so nothing was said after it there. */
function endsItsBlock(ctx: QuoteContext, quote: { sentence: Sentence }): boolean {
  const block = ctx.doc.blocks[quote.sentence.block]!;
  return !ctx.doc.text.slice(quote.sentence.end, block.end).trim();
}

/** The sentence's grammatical subject, for a partial quote with no cue of its own. */
function resolveSentenceSubject(ctx: QuoteContext, sentence: Sentence, before: number): Resolution {
  const text = ctx.doc.text;
  let start = sentence.start;
  // Skip a leading adverbial: "In May, the ministry said …".
  const lead = LEAD_ADVERBIAL_CLAUSE.exec(text.slice(start, before));
  if (lead) start += lead[0].length;
  const end = leadingNounPhrase(text, start, before);
  return end > start ? ctx.resolver.resolve(start, end, '') : { kind: 'none' };
}

/** A quote with no cue of its own: "Smith said." as the next sentence, or a colon intro before the paragraph. */
function neighbourAttribution(ctx: QuoteContext, sentenceIndex: number, span: QuoteMarkSpan): CueMatch | null {
  const { sentences, doc } = ctx;
  const sentence = sentences[sentenceIndex]!;
  const nextSentence = sentences[sentenceIndex + 1];
  if (nextSentence && nextSentence.block === sentence.block && nextSentence.start >= span.close) {
    const words = doc.text.slice(nextSentence.start, nextSentence.end).split(/\s+/).length;
    if (words <= 10) {
      const m = attributionAfter(doc, nextSentence.start, nextSentence.end);
      if (m && doc.text.slice(m.cueEnd, nextSentence.end).replace(/[\s.]/g, '').length < 30) return m;
    }
  }
  const prev = sentences[sentenceIndex - 1];
  if (prev && /:\s*$/.test(doc.text.slice(prev.start, prev.end)) && sentence.block - prev.block <= 1) {
    return attributionBefore(doc, prev.start, prev.end, false);
  }
  return null;
}

/** Jose "Pepe" Ruiz: one or two capitalized words between two parts of a name. */
function isNickname(text: string, span: QuoteMarkSpan, words: string[]): boolean {
  if (words.length > 3) return false;
  const before = /([A-Z][\p{L}.'’-]*)\s*$/u.exec(text.slice(Math.max(0, span.open - 30), span.open));
  const after = /^\s*([A-Z][\p{L}'’-]+)/u.exec(text.slice(span.close, span.close + 30));
  if (!words.every((w) => /^[A-Z0-9]/.test(w))) return false;
  // "Pushpa Kamal Dahal ‘Prachanda’ was …": capitalized words right after a full name are its nickname.
  const afterFullName = /\p{Lu}[\p{L}.'’-]+\s+\p{Lu}[\p{L}.'’-]+\s$/u.test(text.slice(Math.max(0, span.open - 60), span.open));
  return Boolean(before && (after || afterFullName));
}

function isTitleCase(words: string[]): boolean {
  if (words.length < 2) return false;
  const significant = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  return significant.length > 0 && significant.every((w) => /^[^a-z]*[A-Z0-9]/.test(w));
}
