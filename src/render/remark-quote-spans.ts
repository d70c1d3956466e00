/**
 * A remark plugin that marks quotes in an article's Markdown tree.
 *
 * Quotes are positions (`start`/`end` into the article body), and remark-parse
 * gives every text node the body offsets it came from, so the plugin can cut
 * text nodes exactly at quote boundaries without touching HTML strings. Each
 * piece becomes `<mark class="quote quote--<kind>">` through `data.hName` /
 * `data.hProperties`, which mdast-util-to-hast honours. A quote that crosses
 * emphasis, links or paragraphs becomes several pieces; only the first carries
 * the quote's `id`, so `#<id>` lands on where the quote starts.
 */
import type { Root, Parent, RootContent, Text, PhrasingContent, Link } from 'mdast';
import type { Quote, Speaker } from '../archive/types.ts';

/** The fields of a quote the plugin reads. */
export type QuoteSpan = Pick<Quote, 'id' | 'start' | 'end' | 'kind' | 'speakerId' | 'speakerName'>;

/** The fields of a speaker the plugin reads. */
export type SpeakerLink = Pick<Speaker, 'id' | 'name' | 'path'>;

export interface RemarkQuoteSpansOptions {
  /** Quotes of this article, offsets into the body that was parsed (default: none). */
  quotes?: readonly QuoteSpan[];
  /** Speakers the quotes refer to, to name and link them (default: none). */
  speakers?: readonly SpeakerLink[];
  /**
   * Prefix of the id of the element that describes a speaker on the page
   * (the side list entry), used for `aria-describedby` (default: `'speaker-'`).
   */
  describedByPrefix?: string;
}

const emptyOptions: RemarkQuoteSpansOptions = {};

/** Parents whose children are blocks: raw HTML there becomes a paragraph of text. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Builds, for each character of a text node's value, the body offset it came
 * from. Values differ from the source where Markdown escapes (`\*`), character
 * references (`&amp;`) or container prefixes (`> ` in block quotes) were
 * removed, so the value is aligned to the source greedily: equal characters
 * map, anything else in the source is skipped.
 */
function mapValueToBody(value: string, source: string, sourceStart: number): number[] {
  const map = new Array<number>(value.length + 1);
  if (value === source) {
    for (let j = 0; j <= value.length; j++) map[j] = sourceStart + j;
    return map;
  }
  let i = 0;
  for (let j = 0; j < value.length; j++) {
    while (i < source.length && source[i] !== value[j]) {
      if (source[i] === '&') {
        // A character reference decodes to this value character: map it to the reference.
        const semi = source.indexOf(';', i);
        if (semi !== -1 && semi - i <= 32) {
          map[j] = sourceStart + i;
          i = semi + 1;
          break;
        }
      }
      i++;
    }
    if (map[j] !== undefined) continue;
    map[j] = sourceStart + Math.min(i, source.length);
    if (i < source.length) i++;
  }
  map[value.length] = sourceStart + Math.min(i, source.length);
  return map;
}

/** First value index whose body offset is at or after `offset`. */
function indexAtOrAfter(map: number[], offset: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Cut {
  from: number;
  to: number;
  quote: QuoteSpan | null;
}

/** Marks every quote of `options.quotes` in the tree. */
export default function remarkQuoteSpans(options?: RemarkQuoteSpansOptions | null) {
  const settings = options ?? emptyOptions;
  const quotes = [...(settings.quotes ?? [])]
    .filter((q) => q.end > q.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const speakers = new Map((settings.speakers ?? []).map((s) => [s.id, s]));
  const describedByPrefix = settings.describedByPrefix ?? 'speaker-';

  /**
   * Transforms the tree in place.
   * @param tree Root of the article body parsed from the same string the offsets point into.
   * @param file The virtual file, whose value is the body.
   */
  return function transform(tree: Root, file: { value?: unknown }): undefined {
    // Per-run state, reset on each run so repeated runs give the same output.
    const started = new Set<string>();
    const lastPiece = new Map<string, { parent: Parent; node: Text; inLink: boolean }>();
    const body = typeof file?.value === 'string' ? file.value : String(file?.value ?? '');

    const pieceFor = (quote: QuoteSpan, value: string): Text => {
      const first = !started.has(quote.id);
      started.add(quote.id);
      const speaker = quote.speakerId ? speakers.get(quote.speakerId) : undefined;
      const properties: Record<string, unknown> = {
        className: ['quote', `quote--${quote.kind}`, first ? 'quote--start' : 'quote--continued'],
        dataQuote: quote.id,
      };
      if (first) properties.id = quote.id;
      if (speaker) {
        properties.dataSpeaker = speaker.id;
        properties.ariaDescribedBy = `${describedByPrefix}${speaker.id}`;
        properties.title = `Quote by ${speaker.name}`;
      } else if (quote.speakerName) {
        properties.title = `Quote by ${quote.speakerName}`;
      }
      return { type: 'text', value, data: { hName: 'mark', hProperties: properties as never } };
    };

    const splitText = (node: Text): (Text | null)[] | null => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return null;
      const overlapping = quotes.filter((q) => q.start < end && q.end > start);
      if (overlapping.length === 0) return null;
      const map = mapValueToBody(node.value, body.slice(start, end), start);
      // Nested or overlapping quotes: the outer (earlier, longer) one wins a character.
      const owner = new Array<QuoteSpan | null>(node.value.length).fill(null);
      for (const q of overlapping) {
        const from = indexAtOrAfter(map, q.start);
        const to = indexAtOrAfter(map, q.end);
        for (let j = from; j < to; j++) if (owner[j] === null) owner[j] = q;
      }
      const cuts: Cut[] = [];
      for (let j = 0; j < owner.length; j++) {
        const last = cuts[cuts.length - 1];
        if (last && last.quote === owner[j]) last.to = j + 1;
        else cuts.push({ from: j, to: j + 1, quote: owner[j] ?? null });
      }
      if (cuts.every((c) => c.quote === null)) return null;
      return cuts.map((c) => {
        const value = node.value.slice(c.from, c.to);
        return c.quote ? pieceFor(c.quote, value) : { type: 'text', value };
      });
    };

    const walk = (parent: Parent, inLink: boolean): void => {
      const next: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'html') {
          // Raw HTML is shown as the text it is, never passed through as markup.
          const text: Text = { type: 'text', value: child.value };
          if (child.position) text.position = child.position;
          const replaced = FLOW_PARENTS.has(parent.type) ? ({ type: 'paragraph', children: [text], position: child.position } as RootContent) : text;
          if (replaced.type === 'paragraph') {
            walk(replaced, inLink);
            next.push(replaced);
          } else splitInto(text, parent, inLink, next);
          continue;
        }
        if (child.type === 'image') {
          // Remote images would break the page's Content-Security-Policy: link to them instead.
          const link: Link = { type: 'link', url: child.url, children: [{ type: 'text', value: `Image: ${child.alt || child.url}` }] };
          if (child.position) link.position = child.position;
          next.push(link);
          continue;
        }
        if (child.type === 'text') {
          splitInto(child, parent, inLink, next);
          continue;
        }
        if ('children' in child) walk(child as Parent, inLink || child.type === 'link' || child.type === 'linkReference');
        next.push(child);
      }
      parent.children = next as Parent['children'];
    };

    const splitInto = (node: Text, parent: Parent, inLink: boolean, out: RootContent[]): void => {
      const pieces = splitText(node);
      if (!pieces) {
        out.push(node);
        return;
      }
      for (const piece of pieces) {
        if (!piece) continue;
        out.push(piece);
        const props = piece.data?.hProperties as { dataQuote?: string } | undefined;
        if (props?.dataQuote) lastPiece.set(props.dataQuote, { parent, node: piece, inLink });
      }
    };

    walk(tree, false);

    // After the last piece of each attributed quote, a small link names its speaker.
    // Skipped inside links, where a nested anchor would be invalid HTML.
    for (const quote of quotes) {
      const speaker = quote.speakerId ? speakers.get(quote.speakerId) : undefined;
      const last = lastPiece.get(quote.id);
      if (!speaker || !last || last.inLink) continue;
      const siblings = last.parent.children as PhrasingContent[];
      const index = siblings.indexOf(last.node);
      if (index === -1) continue;
      const badge: Link = {
        type: 'link',
        url: speaker.path,
        children: [{ type: 'text', value: speaker.name }],
        data: { hProperties: { className: ['quote-by'], dataPagefindIgnore: '' } as never },
      };
      // The badge goes after the closing quotation mark, so the quote still reads as written.
      let at = index + 1;
      const after = siblings[at];
      if (after && after.type === 'text' && !after.data) {
        const closing = /^[\s]?["”’'»]+/.exec(after.value)?.[0] ?? '';
        if (closing && closing.trim()) {
          const rest = after.value.slice(closing.length);
          siblings.splice(at, 1, { type: 'text', value: closing }, ...(rest ? [{ type: 'text' as const, value: rest }] : []));
          at += 1;
        }
      }
      siblings.splice(at, 0, badge);
    }
  };
}
