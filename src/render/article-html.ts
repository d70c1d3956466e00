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
import remarkQuoteSpans, { type QuoteSpan, type SpeakerLink } from './remark-quote-spans.ts';

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

/** Renders `body` (Markdown) to sanitized HTML, marking `quotes` (offsets into `body`). */
export function renderArticleHtml(body: string, quotes: readonly QuoteSpan[], speakers: readonly SpeakerLink[]): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkQuoteSpans, { quotes, speakers })
    .use(remarkRehype)
    .use(rehypeSanitize, articleSanitizeSchema)
    .use(rehypeStringify);
  return String(processor.processSync(body));
}
