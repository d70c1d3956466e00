/**
 * Renders an article body to safe HTML with its quotes marked:
 * remark-parse → remarkQuoteSpans → remark-rehype → rehype-sanitize → rehype-stringify.
 *
 * Bodies are content written by others, so the sanitizer runs last before
 * stringifying and allows exactly the attributes our plugin adds; raw HTML in
 * bodies is turned into visible text by the plugin and dropped by remark-rehype
 * anyway, so it never reaches the page as markup.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import remarkQuoteSpans, { type QuoteSpan, type SpeakerLink } from './remark-quote-spans.ts';
import { findDeepNode, findExcessiveMarkup } from '../parse/nesting-depth.ts';
import { splitPlainBlocks } from '../parse/text-document.ts';
import { offsetToPosition } from '../diagnostics/position.ts';
import type { TimeBudget } from '../extract/time-budget.ts';

const QUOTE_CLASSES = ['quote', 'quote--direct', 'quote--partial', 'quote--indirect', 'quote--start', 'quote--continued'];

/** The default GitHub-like schema plus the quote marks, speaker links and their ids. */
export const articleSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Quote ids are ours (user HTML never reaches the tree), so they keep their exact form for `#<id>` links.
  clobber: ['name'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'img'), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    mark: ['id', 'title', 'dataQuote', 'dataSpeaker', 'ariaDescribedBy', ['className', ...QUOTE_CLASSES]],
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')),
      ['className', 'data-footnote-backref', 'quote-by'],
      'dataPagefindIgnore',
    ],
  },
};

/** Options of `renderArticleHtml`. */
export interface RenderArticleOptions {
  /** Time allowed for this article, checked between the steps of rendering (default: none). */
  budget?: TimeBudget;
}

// Built once per thread: a processor made per article spent its time on setting up the same plugins again.
// The quote marks differ per article, so their plugin runs on its own, before these.
const markdownParser = unified().use(remarkParse).freeze();
const safeHtml = unified().use(remarkRehype).use(rehypeSanitize, articleSanitizeSchema).use(rehypeStringify).freeze();

/**
 * Renders `body` (Markdown) to sanitized HTML, marking `quotes` (offsets into
 * `body`). A body nested too deeply to render safely (see `nesting-depth.ts`;
 * the build refuses such bodies earlier) is rendered flattened, as plain
 * paragraphs with its quotes still marked, never recursed into. Throws a
 * TimeBudgetExceededError when `options.budget` runs out.
 */
export function renderArticleHtml(body: string, quotes: readonly QuoteSpan[], speakers: readonly SpeakerLink[], options: RenderArticleOptions = {}): string {
  return renderBodyTree(body, parseBodyTree(body, options), quotes, speakers, options);
}

/**
 * The Markdown tree `renderArticleHtml` renders `body` from, or `null` when
 * the body nests too deeply to render safely (it is then rendered flat).
 * Exported so a caller that needs the tree for something else too (the
 * body's plain text) parses it only once.
 */
export function parseBodyTree(body: string, options: RenderArticleOptions = {}): Root | null {
  const tree = findExcessiveMarkup(body) ? null : (markdownParser.parse(body) as Root);
  options.budget?.check(0, 'rendering the article');
  return tree && !findDeepNode(tree) ? tree : null;
}

/** Renders a tree from `parseBodyTree(body)` (marking its quotes changes it in place), as `renderArticleHtml` does. */
export function renderBodyTree(body: string, tree: Root | null, quotes: readonly QuoteSpan[], speakers: readonly SpeakerLink[], options: RenderArticleOptions = {}): string {
  const root = tree ?? flatTree(body);
  remarkQuoteSpans({ quotes, speakers })(root, { value: body });
  const hast = safeHtml.runSync(root, body);
  options.budget?.check(0, 'rendering the article');
  return String(safeHtml.stringify(hast, body));
}

/** The body as plain paragraphs of text, each node placed at its offsets so quotes are still marked. */
function flatTree(body: string): Root {
  return {
    type: 'root',
    children: splitPlainBlocks(body, 0, body.length, 'paragraph').map(({ start, end }) => {
      const position = { start: offsetPoint(body, start), end: offsetPoint(body, end) };
      return { type: 'paragraph', position, children: [{ type: 'text', value: body.slice(start, end), position }] };
    }),
  };
}

function offsetPoint(body: string, offset: number): { line: number; column: number; offset: number } {
  const { line, column } = offsetToPosition(body, offset);
  return { line, column, offset };
}
