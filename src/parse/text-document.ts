/**
 * Turns a Markdown body into the plain text extraction reads, without ever
 * moving a character: `text` has the same length as `body`, with Markdown
 * syntax (link targets, emphasis markers, heading hashes, HTML) blanked to
 * spaces. So every offset found in `text` is an offset into `body`, and
 * `body.slice(start, end)` is always the source text of a quote.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';
import { findDeepNode, findExcessiveMarkup, type NestingProblem } from './nesting-depth.ts';

export type BlockKind = 'paragraph' | 'heading' | 'blockquote' | 'list-item' | 'code';

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface TextDocument {
  /** The body as written. */
  body: string;
  /** Same length as `body`; Markdown syntax replaced by spaces. */
  text: string;
  /** Paragraph-like blocks in order; quotes that run over several keep one id. */
  blocks: Block[];
}

// Characters and line shapes that make Markdown differ from plain text. A body
// without any of them is its own text, which skips the (slow) parser for most
// news copy pasted as plain paragraphs.
const MARKDOWN_SYNTAX = /[[\]*_`<>\\|~]|&[#a-zA-Z0-9]+;|^ {0,3}(?:#|[-+*] |\d{1,9}[.)] |(?:=+|-+)[ \t]*$)|^(?: {4}|\t)/m;

const processor = unified().use(remarkParse);

/**
 * Parses `body` into a TextDocument, or says where its Markdown nests too
 * deeply to be parsed and rendered safely (see `nesting-depth.ts`). Pure.
 */
export function parseArticleBody(body: string): { doc: TextDocument; problem: null } | { doc: null; problem: NestingProblem } {
  if (!MARKDOWN_SYNTAX.test(body)) return { doc: plainDocument(body), problem: null };
  const early = findExcessiveMarkup(body);
  if (early) return { doc: null, problem: early };
  const tree = processor.parse(body) as Root;
  const deep = findDeepNode(tree);
  if (deep) return { doc: null, problem: deep };
  return { doc: documentOf(body, tree), problem: null };
}

/** Parses `body` into a TextDocument; a body nested too deeply is read as plain text. Pure. */
export function parseTextDocument(body: string): TextDocument {
  return parseArticleBody(body).doc ?? plainDocument(body);
}

/**
 * The `text` of `parseTextDocument(body)`, read from the body's tree when the
 * caller parsed it already (rendering does): `tree` is remark-parse's tree of
 * `body`, or `null` when the body nests too deeply, which reads as plain text.
 */
export function plainTextOfTree(body: string, tree: Root | null): string {
  return tree && MARKDOWN_SYNTAX.test(body) ? documentOf(body, tree).text : body;
}

function plainDocument(body: string): TextDocument {
  return { body, text: body, blocks: splitPlainBlocks(body, 0, body.length, 'paragraph') };
}

function documentOf(body: string, tree: Root): TextDocument {
  const chars: string[] = [];
  // Start from all spaces but keep line breaks, so paragraph logic still sees lines.
  for (let i = 0; i < body.length; i++) chars.push(body[i] === '\n' || body[i] === '\r' ? body[i]! : ' ');
  const blocks: Block[] = [];
  const copy = (start: number, end: number) => {
    for (let i = start; i < end; i++) chars[i] = body[i]!;
  };
  const walk = (node: RootContent | Root, blockKind: BlockKind | null) => {
    const pos = node.position;
    if (node.type === 'text' || node.type === 'inlineCode') {
      if (pos) copy(pos.start.offset!, pos.end.offset!);
      return;
    }
    if (node.type === 'code') {
      // Indented paragraphs (tabs, four spaces) parse as code; in news copy they are prose.
      if (pos) {
        copy(pos.start.offset!, pos.end.offset!);
        blocks.push(...splitPlainBlocks(body, pos.start.offset!, pos.end.offset!, 'code'));
      }
      return;
    }
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return;
    let kind = blockKind;
    if (node.type === 'paragraph' || node.type === 'heading') {
      kind = node.type === 'heading' ? 'heading' : (blockKind ?? 'paragraph');
      if (pos) blocks.push(...splitPlainBlocks(body, pos.start.offset!, pos.end.offset!, kind));
    } else if (node.type === 'blockquote') kind = 'blockquote';
    else if (node.type === 'listItem') kind = 'list-item';
    if ('children' in node) for (const child of node.children) walk(child as RootContent, kind);
  };
  walk(tree, null);
  blocks.sort((a, b) => a.start - b.start);
  return { body, text: chars.join(''), blocks };
}

const TERMINAL = /[.!?:;"”’')\]»]$/;

/**
 * Splits a stretch of plain text into paragraphs. A blank line always ends
 * one. A single line break ends one when the line before it is complete
 * (ends like a sentence) or short (a headline, a credit line): news copy is
 * often pasted one paragraph per line, while hard-wrapped text breaks lines
 * mid-sentence and must stay whole.
 */
export function splitPlainBlocks(body: string, from: number, to: number, kind: BlockKind): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let lineStart = from;
  const close = (end: number) => {
    if (blockStart < 0) return;
    let e = end;
    while (e > blockStart && /\s/.test(body[e - 1]!)) e--;
    if (e > blockStart) blocks.push({ start: blockStart, end: e, kind });
    blockStart = -1;
  };
  while (lineStart <= to) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const line = body.slice(lineStart, lineEnd).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed === '') {
      close(lineStart);
    } else {
      if (blockStart < 0) blockStart = lineStart + (line.length - line.trimStart().length);
      if (TERMINAL.test(trimmed) || trimmed.length < 50 || lineEnd === to) close(lineStart + line.length);
    }
    if (lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  close(to);
  return blocks;
}
