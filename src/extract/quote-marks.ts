/**
 * Finds quotation spans by their marks: straight and curly double quotes,
 * guillemets, low-9 openers, curly or straight single quotes used as
 * primary marks, and the news convention for quotes that run over
 * paragraphs (an opening mark on each new paragraph, no closing mark until
 * the last). Deciding what a span *is* (a quote, a title, a scare quote)
 * happens later, with the sentence around it.
 */
import type { TextDocument } from '../parse/text-document.ts';

export interface QuoteMarkSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the end of the text when unclosed). */
  close: number;
  /** Content inside the marks, trimmed of spaces and an attribution comma. */
  start: number;
  end: number;
  /** Double (", “”, «», „“) or single (‘’, '). */
  family: 'double' | 'single';
  /** The span runs over more than one paragraph. */
  multiBlock: boolean;
  /** No closing mark was found: the span ends with its paragraph. */
  unclosed: boolean;
}

const DOUBLE_OPEN = new Set(['“', '«', '„', '"']);
const DOUBLE_CLOSE = new Set(['”', '»', '"', '“']);
const BEFORE_OPEN = /[\s([{\-—–/:;,]/;
const AFTER_CLOSE = /[\s)\]}.,;:!?\-—–…]/;

/**
 * Two straight apostrophes written as one double mark (''like this''), the house style of some
 * entertainment wires; never three, and never an empty pair.
 */
function isDoubledApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && text[i + 1] === "'" && text[i + 2] !== "'" && text[i - 1] !== "'";
}

/** How many characters the quotation mark at `i` takes: two for a doubled apostrophe. */
function markWidth(text: string, i: number): number {
  return isDoubledApostrophe(text, i) ? 2 : 1;
}

function isOpeningAt(text: string, i: number, blockStart: number): boolean {
  const ch = text[i]!;
  if (ch === '”' || ch === '»') return false;
  const prev = i > blockStart ? text[i - 1]! : ' ';
  const next = text[i + markWidth(text, i)] ?? ' ';
  if (/\s/.test(next)) return false;
  if (ch === '“' || ch === '«' || ch === '„') return true;
  return BEFORE_OPEN.test(prev) || DOUBLE_OPEN.has(prev) || prev === '‘';
}

function isClosingAt(text: string, i: number, blockEnd: number): boolean {
  const ch = text[i]!;
  if (ch === '“' || ch === '«' || ch === '„') return false;
  const prev = text[i - 1] ?? ' ';
  const width = markWidth(text, i);
  const next = i + width < blockEnd ? text[i + width]! : ' ';
  if (ch === '”' || ch === '»') return true;
  return !/\s/.test(prev) && (AFTER_CLOSE.test(next) || DOUBLE_CLOSE.has(next) || next === '’' || next === "'");
}

const UNCLOSED_ATTRIBUTION = /,\s+(?=(?:said|says|added|asked|told)\s+\p{Lu}|(?:he|she|they)\s+(?:said|says|added)\b|(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}(?:said|says|added)\b)/u;

/** Finds every quotation span of a document, in order. */
export function findQuoteMarkSpans(doc: TextDocument): QuoteMarkSpan[] {
  const { text, blocks } = doc;
  const spans: QuoteMarkSpan[] = [];
  let open: { pos: number; block: number } | null = null;
  let lastBlockEnd = 0;

  const emit = (openPos: number, contentEnd: number, closeEnd: number, multiBlock: boolean, unclosed: boolean) => {
    let end = contentEnd;
    let close = closeEnd;
    const from = openPos + markWidth(text, openPos);
    if (unclosed) {
      // A closing mark forgotten before the attribution ("… agreed, said Henrik Solberg."): the quote ends at that comma.
      const attribution = UNCLOSED_ATTRIBUTION.exec(text.slice(from, contentEnd));
      if (attribution) end = close = from + attribution.index;
    }
    const bounds = trimContent(text, from, end);
    if (bounds.end > bounds.start) spans.push({ open: openPos, close, ...bounds, family: 'double', multiBlock, unclosed });
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    let i = block.start;
    if (open) {
      // News convention: a paragraph inside a running quote starts with an opening mark.
      if ((DOUBLE_OPEN.has(text[i]!) || isDoubledApostrophe(text, i)) && text[i] !== '»' && isOpeningAt(text, i, block.start)) i += markWidth(text, i);
      else {
        emit(open.pos, lastBlockEnd, lastBlockEnd, open.block !== b - 1, true);
        open = null;
      }
    }
    for (; i < block.end; i++) {
      const ch = text[i]!;
      const doubled = isDoubledApostrophe(text, i);
      if (!DOUBLE_OPEN.has(ch) && !DOUBLE_CLOSE.has(ch) && !doubled) continue;
      if (!open) {
        if (isOpeningAt(text, i, block.start)) open = { pos: i, block: b };
      } else if (isClosingAt(text, i, block.end)) {
        emit(open.pos, i, i + markWidth(text, i), open.block !== b, false);
        open = null;
      }
      if (doubled) i++;
    }
    lastBlockEnd = block.end;
  }
  if (open) emit(open.pos, lastBlockEnd, lastBlockEnd, open.block !== blocks.length - 1, true);
  return [...spans, ...findSingleQuoteSpans(doc, spans)].sort((x, y) => x.open - y.open);
}

/**
 * Single quotes as primary marks (British style, headlines): only where
 * no double quote is open, and only when the marks sit at word edges, so
 * apostrophes ("don't", "Jones' car", "'90s") are never taken for quotes.
 */
function findSingleQuoteSpans(doc: TextDocument, doubles: QuoteMarkSpan[]): QuoteMarkSpan[] {
  const { text, blocks } = doc;
  const spans: QuoteMarkSpan[] = [];
  let d = 0;
  for (const block of blocks) {
    let openPos = -1;
    for (let i = block.start; i < block.end; i++) {
      while (d < doubles.length && doubles[d]!.close <= i) d++;
      if (d < doubles.length && doubles[d]!.open <= i) {
        i = doubles[d]!.close - 1;
        openPos = -1;
        continue;
      }
      const ch = text[i]!;
      if (ch !== '‘' && ch !== '’' && ch !== "'") continue;
      const prev = i > block.start ? text[i - 1]! : ' ';
      const next = i + 1 < block.end ? text[i + 1]! : ' ';
      if (openPos < 0) {
        if ((ch === '‘' || ch === "'") && BEFORE_OPEN.test(prev) && /[A-Za-z0-9À-ɏ]/.test(next) && !/^\d0s\b/.test(text.slice(i + 1, i + 5))) openPos = i;
      } else if ((ch === '’' || ch === "'") && /[A-Za-z0-9.,!?À-ɏ]/.test(prev) && (AFTER_CLOSE.test(next) || i + 1 >= block.end)) {
        // "Jones' plan": an apostrophe after a plural, followed by a word, is not a closing mark.
        const bounds = trimContent(text, openPos + 1, i);
        if (bounds.end > bounds.start) spans.push({ open: openPos, close: i + 1, ...bounds, family: 'single', multiBlock: false, unclosed: false });
        openPos = -1;
      }
    }
  }
  return spans;
}

/** Trims spaces and an attribution comma ("We will win," he said) from content bounds. */
function trimContent(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s && text[e - 1] === ',') e--;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
