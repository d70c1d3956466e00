/**
 * Links to a quote on the outlet's own page with a URL text fragment
 * (`#:~:text=`), so browsers that support it scroll to the words and
 * highlight them. Pure.
 */

/** How many words of the quote the fragment names: enough to be unique on a news page, few enough to survive small edits. */
const START_WORDS = 8;

/**
 * Percent-encodes one text directive part: `encodeURIComponent` plus `-`,
 * which the text directive syntax reserves (`prefix-,` and `,-suffix`), like
 * `,` and `&` that `encodeURIComponent` already encodes.
 */
export function encodeTextDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The words a fragment starts from: the quote's first line, its first `START_WORDS` words, without closing punctuation. */
export function textFragmentStart(quote: string, maxWords = START_WORDS): string {
  const firstLine = quote.trim().split(/\n/)[0] ?? '';
  const words = firstLine.split(/\s+/).filter(Boolean).slice(0, maxWords);
  return words.join(' ').replace(/[\s,;:.!?…]+$/u, '');
}

/**
 * `url` with a text fragment for the start of `quote`, or null when there is
 * no url or no words. A url that already has a fragment keeps it: the
 * directive follows it after `:~:`.
 */
export function toTextFragmentUrl(url: string | null, quote: string): string | null {
  if (!url) return null;
  const start = textFragmentStart(quote);
  if (!start) return null;
  const directive = `:~:text=${encodeTextDirectivePart(start)}`;
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}
