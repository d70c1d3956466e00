/**
 * Limits on how deeply a body's Markdown nests. Deep nesting is never news
 * copy, and it is what stalls or crashes a build: remark-parse spends time
 * quadratic in the depth of block quotes and lists on every line (10,000
 * `>` in 10 KB ran 136 s) and in the number of emphasis marks of a paragraph
 * (40 KB of `*` ran 80 s), and every tree walk after it (ours, remark-rehype,
 * the sanitizer, the stringifier) recurses once per level until the call
 * stack overflows (lists 1,000 deep, block quotes 3,000 deep).
 *
 * So a body is checked before it is parsed (container prefixes of each line,
 * emphasis marks of each paragraph: one linear pass) and after (the depth of
 * the tree, iteratively), and the parse and render stages refuse what is past
 * the limits. Pure.
 */
import type { Root } from 'mdast';

/** Most levels of nesting (block quotes, list items, emphasis, links) a body may have; markdown-it's default `maxNesting` is also 100. */
export const MAX_NESTING_DEPTH = 100;

/**
 * Most emphasis marks (`*`, `_`) one paragraph may hold. remark-parse pairs
 * them in time quadratic in their number; 2,000 parse in about 0.1 s, and
 * prose never comes near.
 */
export const MAX_EMPHASIS_MARKS = 2000;

/** Where and how a body exceeds a limit. */
export interface NestingProblem {
  /** Offset into the body where the limit is crossed. */
  offset: number;
  /** What was counted: nesting levels, or emphasis marks in one paragraph. */
  kind: 'depth' | 'emphasis-marks';
  /** How many were found (at least the limit plus one). */
  count: number;
  /** The limit crossed. */
  limit: number;
}

// One container marker in a line's prefix: a block quote `>`, or a list marker followed by a space or the line end.
const CONTAINER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$))/y;

/**
 * Finds, without parsing, the first place where block quotes and lists nest
 * past `maxDepth` or a paragraph holds more than `maxEmphasisMarks` emphasis
 * marks. The container depth of a line is estimated from above: the markers
 * of its prefix plus one level per two columns of indentation before a
 * list marker (how nested list items are written).
 */
export function findExcessiveMarkup(body: string, maxDepth = MAX_NESTING_DEPTH, maxEmphasisMarks = MAX_EMPHASIS_MARKS): NestingProblem | null {
  let lineStart = 0;
  let marks = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    let depth = 0;
    let at = lineStart;
    CONTAINER.lastIndex = at;
    for (let m = CONTAINER.exec(body); m && m.index < lineEnd; m = CONTAINER.exec(body)) {
      const indent = /^[ \t]*/.exec(m[0])![0];
      const columns = [...indent].reduce((n, ch) => n + (ch === '\t' ? 4 : 1), 0);
      depth += 1 + (depth === 0 ? Math.floor(columns / 2) : 0);
      at = CONTAINER.lastIndex;
      if (depth > maxDepth) return { offset: m.index + m[0].length - 1, kind: 'depth', count: depth, limit: maxDepth };
    }
    // Emphasis marks pair within a paragraph: a blank line starts the count again.
    if (body.slice(at, lineEnd).trim() === '') marks = 0;
    for (let i = at; i < lineEnd; i++) {
      const ch = body.charCodeAt(i);
      if (ch === 42 /* * */ || ch === 95 /* _ */) {
        marks++;
        if (marks > maxEmphasisMarks) return { offset: i, kind: 'emphasis-marks', count: marks, limit: maxEmphasisMarks };
      }
    }
    lineStart = lineEnd + 1;
  }
  return null;
}

// Nodes that add a level of nesting, counted as the line scan counts them (a list item, not also its list).
const NESTING = new Set(['blockquote', 'listItem', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition']);

/** Finds, without recursion, the first node of `tree` nested deeper than `maxDepth` levels (see NESTING). */
export function findDeepNode(tree: Root, maxDepth = MAX_NESTING_DEPTH): NestingProblem | null {
  const stack: { node: { type: string; children?: unknown[]; position?: { start: { offset?: number } } }; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const level = depth + (NESTING.has(node.type) ? 1 : 0);
    if (level > maxDepth) return { offset: node.position?.start.offset ?? 0, kind: 'depth', count: level, limit: maxDepth };
    if (Array.isArray(node.children)) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as never, depth: level });
  }
  return null;
}

/** The problem as a diagnostic's reason. */
export function describeNestingProblem(problem: NestingProblem): string {
  return problem.kind === 'depth'
    ? `unexpected Markdown nested more than ${problem.limit} levels deep (block quotes, lists, emphasis or links), expected at most ${problem.limit}`
    : `unexpected emphasis marks (\`*\` or \`_\`): more than ${problem.limit} in one paragraph, expected at most ${problem.limit}`;
}
