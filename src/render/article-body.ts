/**
 * Everything worked out from one article's body for its pages: the body as
 * HTML with its quotes marked, and each quote's plain text. One plain input
 * object, so the same function runs in the main thread or a worker thread and
 * its result can be cached by a hash of the input.
 */
import { TimeBudget } from '../extract/time-budget.ts';
import { parseBodyTree, renderBodyTree } from './article-html.ts';
import { renderNamingFile } from './article-failure.ts';
import { plainQuoteTexts } from './quote-text.ts';
import { plainTextOfTree } from '../parse/text-document.ts';
import type { QuoteSpan, SpeakerLink } from './remark-quote-spans.ts';

/** What rendering one body reads; nothing else of the archive matters to it. */
export interface ArticleBodyInput {
  body: string;
  /** The article's content file, named by any failure. */
  sourceFile: string;
  /** The article's quotes, by `start`. */
  quotes: (QuoteSpan & { text: string })[];
  /** The speakers the quotes name. */
  speakers: SpeakerLink[];
}

/** The rendered body, `[quote id, plain text]` of each quote, and the body as plain text (for the search index). */
export interface RenderedArticleBody {
  html: string;
  quoteTexts: [string, string][];
  /** The body with its Markdown syntax blanked, the same length as the body (quote offsets index it). */
  plainText: string;
}

/** Options of `renderArticleBody`. */
export interface RenderArticleBodyOptions {
  /** Time rendering the body may take, in ms (default: `DEFAULT_ARTICLE_BUDGET_MS`). */
  budgetMs?: number;
  /** The clock of that budget, in ms (default: `performance.now`); tests pass a fake one. */
  now?: () => number;
}

/** Renders one article body; a failure names the article's file (see `article-failure.ts`). */
export function renderArticleBody(input: ArticleBodyInput, options: RenderArticleBodyOptions = {}): RenderedArticleBody {
  const budget = new TimeBudget({ ...(options.budgetMs === undefined ? {} : { limitMs: options.budgetMs }), ...(options.now ? { now: options.now } : {}) });
  return renderNamingFile(input.sourceFile, () => {
    // One parse serves both: the plain text is read from the tree before marking the quotes changes it.
    const tree = parseBodyTree(input.body, { budget });
    const plainText = plainTextOfTree(input.body, tree);
    const html = renderBodyTree(input.body, tree, input.quotes, input.speakers, { budget });
    return { html, quoteTexts: plainQuoteTexts(plainText, input.quotes), plainText };
  });
}
