/**
 * What a quote's "Cite" control carries: the citation data of the quote
 * (read by the citation script from `data-cite-*` attributes, see
 * `src/cite/citation-item.ts`) and the link to the words on the outlet's
 * page. Pure.
 */
import type { Article, Quote } from '../archive/types.ts';
import { toTextFragmentUrl } from '../render/text-fragment.ts';
import type { QuoteCitationData } from '../cite/citation-item.ts';

/** A quote's citation data as the page carries it: permalinks as site paths, and the link to the words at the source. */
export interface CiteView extends Omit<QuoteCitationData, 'url' | 'permalink'> {
  /** The original article's address (http(s) only), or null. */
  url: string | null;
  /** The quote's page on this site, as the templates write links (`/articles/<slug>/#<quoteId>`). */
  permalink: string;
  /** The original article scrolled to the quote (text fragment), or null when the article has no url. */
  atSource: string | null;
}

/**
 * The Cite control's data for `quote` of `article`. `text` is the quote's
 * plain text, `speaker` its speaker's record name or null, `safeUrl` the
 * article's url when it is safe to link.
 */
export function toCiteView(quote: Quote, article: Article, text: string, speaker: string | null, safeUrl: string | null): CiteView {
  return {
    quoteId: quote.id,
    text,
    // An unnamed speaker is cited as the article describes them ("a senior official").
    speaker: speaker ?? quote.speakerName ?? null,
    articleTitle: article.title,
    source: article.source.name,
    date: article.date,
    byline: article.byline,
    url: safeUrl,
    permalink: quote.path,
    atSource: toTextFragmentUrl(safeUrl, text),
  };
}
