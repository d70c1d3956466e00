/**
 * Sentence boundaries that never fall inside a quotation: a quote of three
 * sentences followed by ", she said." is one unit for attribution.
 */
import type { TextDocument } from '../parse/text-document.ts';

export interface Sentence {
  start: number;
  end: number;
  /** Index of the block (paragraph) the sentence starts in. */
  block: number;
}

export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a period does not end a sentence (titles,
// months, corporate suffixes, Latin). General English usage.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt', 'sen', 'rep', 'gov',
  'lt. gov', 'atty', 'supt', 'insp', 'det', 'rev', 'fr', 'msgr', 'sr', 'jr', 'st', 'mt', 'ft', 'hon', 'pres', 'amb', 'sec',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'dept', 'univ', 'assn', 'no', 'nos', 'vol', 'vs', 'v', 'etc', 'al', 'approx',
  'ave', 'blvd', 'rd', 'e.g', 'i.e', 'a.m', 'p.m', 'ph.d', 'u.s', 'u.n', 'u.k', 'e.u', 'd.c', 'n.y', 'l.a', 'calif', 'fla', 'mass', 'wash', 'ariz', 'colo', 'conn', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mich', 'minn', 'miss', 'mo', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo',
]);

// Abbreviations that often end a sentence: corporate suffixes, name suffixes, "etc.", "et al.".
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'jr', 'sr', 'etc', 'al']);

// After an abbreviation that may also end a sentence ("the U.S."), these
// words show a new sentence started.
const SENTENCE_STARTERS = /^(?:The|A|An|He|She|It|They|We|I|You|His|Her|Its|Their|Our|This|That|These|Those|But|And|Or|So|Yet|In|On|At|For|As|If|When|While|After|Before|Since|However|Meanwhile|Still|Some|Many|Most|There|Here|Officials|Analysts)\b/;

const OPENING = '"“„«‘\'';

/**
 * Splits the document into sentences, keeping each span in `atomic`
 * (quotations) inside one sentence.
 */
export function splitSentences(doc: TextDocument, atomic: readonly Span[]): Sentence[] {
  const text = doc.text;
  const sentences: Sentence[] = [];
  const sortedAtomic = [...atomic].sort((a, b) => a.start - b.start);
  let a = 0;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    // A quotation that started in an earlier block swallows this one's start.
    const last = sentences[sentences.length - 1];
    let sentenceStart = block.start;
    if (last && last.end > block.start) {
      if (last.end >= block.end) continue;
      sentenceStart = last.end;
    }
    let i = sentenceStart;
    while (i < block.end) {
      while (a < sortedAtomic.length && sortedAtomic[a]!.end <= i) a++;
      const inAtomic = a < sortedAtomic.length && sortedAtomic[a]!.start <= i && i < sortedAtomic[a]!.end;
      if (inAtomic) {
        const quote = sortedAtomic[a]!;
        i = quote.end;
        // `… I may do it." Trump also said that …`: a quotation ending its own sentence, followed by a
        // new one, ends the sentence there; `"Stop." Li Wei said.` stays one unit with its attribution.
        const end = quotedSentenceEnd(text, quote, block.end);
        if (end > 0) {
          pushSentence(sentences, text, sentenceStart, end, b);
          let j = end;
          while (j < block.end && /\s/.test(text[j]!)) j++;
          sentenceStart = j;
          i = j;
        }
        continue;
      }
      const ch = text[i]!;
      if (ch === '.' || ch === '!' || ch === '?') {
        let j = i + 1;
        while (j < block.end && /[.!?"”’'»)\]]/.test(text[j]!)) j++;
        if (j >= block.end) break;
        if (/\s/.test(text[j]!) && isBoundary(text, i, j, block.end)) {
          pushSentence(sentences, text, sentenceStart, j, b);
          while (j < block.end && /\s/.test(text[j]!)) j++;
          sentenceStart = j;
          i = j;
          continue;
        }
      }
      i++;
    }
    // The sentence ends at the block's end unless a quotation runs on.
    const open = a < sortedAtomic.length && sortedAtomic[a]!.start < block.end && sortedAtomic[a]!.end > block.end ? sortedAtomic[a]! : null;
    let end = block.end;
    if (open) {
      // Close the sentence at the first terminator after the quotation, or its block's end.
      const tail = doc.blocks.find((bl) => bl.start <= open.end && open.end <= bl.end);
      end = tail ? sentenceEndAfter(text, open.end, tail.end) : open.end;
    }
    if (sentenceStart < end) pushSentence(sentences, text, sentenceStart, end, b);
  }
  return sentences;
}

// The words after a quotation that only attribute it ("Li Wei said.", "Lee told reporters on Monday.").
const ATTRIBUTION_ONLY = /^[^.!?"“”]{0,80}?\b(?:said|says|told|added|asked|explained|continued|stated|wrote|tweeted|posted|replied|recalled|warned|insisted|according)\b[^.!?"“”]{0,60}(?:[.!?]|$)/;

/**
 * Where a quotation that ends in a terminator (`do it."`) ends its sentence:
 * after its closing marks, when a new sentence starts there that is not just
 * the quotation's attribution. 0 when it does not.
 */
function quotedSentenceEnd(text: string, quote: Span, limit: number): number {
  let last = quote.end - 1;
  while (last > quote.start && /[\s"”’'»)\]]/.test(text[last]!)) last--;
  if (!/[.!?]/.test(text[last]!)) return 0;
  let j = last + 1;
  while (j < limit && /["”’'»)\]]/.test(text[j]!)) j++;
  if (j === last + 1 || j >= limit || !/\s/.test(text[j]!)) return 0;
  if (!isBoundary(text, last, j, limit)) return 0;
  let k = j;
  while (k < limit && /\s/.test(text[k]!)) k++;
  const next = text.slice(k, Math.min(limit, k + 160));
  if (OPENING.includes(next[0]!)) return 0;
  const firstSentence = next.split(/[.!?]/)[0]!;
  if (ATTRIBUTION_ONLY.test(next) && !/\bthat\b/.test(firstSentence) && firstSentence.split(/\s+/).length <= 10) return 0;
  return j;
}

function sentenceEndAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= limit || /[\s"”’]/.test(text[i + 1]!))) {
      let j = i + 1;
      while (j < limit && /["”’)\]]/.test(text[j]!)) j++;
      if (j >= limit || isBoundary(text, i, j, limit)) return j;
    }
  }
  return limit;
}

function pushSentence(sentences: Sentence[], text: string, start: number, end: number, block: number) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) sentences.push({ start: s, end: e, block });
}

/** Decides whether the terminator at `dot` (followed by whitespace at `after`) ends a sentence. */
function isBoundary(text: string, dot: number, after: number, limit: number): boolean {
  let k = after;
  while (k < limit && /\s/.test(text[k]!)) k++;
  if (k >= limit) return true;
  const next = text.slice(k, k + 30);
  const startsLikeSentence = /^[A-Z0-9]/.test(next) || OPENING.includes(next[0]!) || /^[(\[—–-]/.test(next);
  if (!startsLikeSentence) return false;
  if (text[dot] !== '.') return true;
  // The word before the period.
  let w = dot;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (/^[a-z]$/.test(word)) return false; // an initial: "George W. Bush"
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) {
    // A title or month always goes on to its name or day; "U.S.", "Inc." and "Jr." also end
    // sentences: trust an obvious sentence start, or a quotation opening ("… Qualcomm Inc. "This is …").
    if (!/\./.test(word) && !SENTENCE_FINAL_ABBREVIATIONS.has(word)) return false;
    return SENTENCE_STARTERS.test(next) || OPENING.includes(next[0]!);
  }
  if (/^(?:[a-z]\.)+[a-z]$/.test(word)) return SENTENCE_STARTERS.test(next);
  return true;
}
