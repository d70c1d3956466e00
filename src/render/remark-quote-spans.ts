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
        // Looked for within reach only: searching the rest of a long text for a `;` made many `&`s quadratic.
        const semi = source.slice(i, i + 33).indexOf(';');
        if (semi !== -1) {
          map[j] = sourceStart + i;
          i += semi + 1;
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

/** Marks every quote of `options.quotes` in the tree. */
export default function remarkQuoteSpans(options?: RemarkQuoteSpansOptions | null) {
  const settings = options ?? emptyOptions;
  const quotes = [...(settings.quotes ?? [])]
    .filter((q) => q.end > q.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const speakers = new Map((settings.speakers ?? []).map((s) => [s.id, s]));
  // The furthest end among quotes[0..i], so the quotes overlapping a text node are found
  // by a binary search and a short walk back, not by filtering every quote per node.
  const reach: number[] = [];
  for (const [i, q] of quotes.entries()) reach.push(Math.max(q.end, i > 0 ? reach[i - 1]! : 0));
  /** Quotes overlapping [start, end), in `quotes` order. */
  const quotesOverlapping = (start: number, end: number): QuoteSpan[] => {
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotes[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const found: QuoteSpan[] = [];
    for (let i = lo - 1; i >= 0 && reach[i]! > start; i--) if (quotes[i]!.end > start) found.push(quotes[i]!);
    return found.reverse();
  };
  const describedByPrefix = settings.describedByPrefix ?? 'speaker-';

  /**
   * Transforms the tree in place.
   * @param tree Root of the article body parsed from the same string the offsets point into.
   * @param file The virtual file, whose value is the body.
   */
  return function transform(tree: Root, file: { value?: unknown }): undefined {
    // Per-run state, reset on each run so repeated runs give the same output.
    const started = new Set<string>();
    const body = typeof file?.value === 'string' ? file.value : String(file?.value ?? '');

    const markFor = (quote: QuoteSpan, children: PhrasingContent[]): PhrasingContent => {
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
      const data = { hName: 'mark', hProperties: properties as never };
      const only = children[0];
      if (children.length === 1 && only?.type === 'text' && !only.data) return { type: 'text', value: only.value, data };
      // Any phrasing parent renders as `mark` once hName is set; emphasis is the simplest such node.
      return { type: 'emphasis', children, data };
    };

    /**
     * Splits value[from, to) into marks, nesting a quote inside another when
     * it lies within it. At each character the outermost quote not yet open
     * (earliest start, then longest) owns it; crossing quotes become pieces.
     */
    const buildPieces = (value: string, map: number[], covering: QuoteSpan[], from: number, to: number, open: Set<QuoteSpan>): PhrasingContent[] => {
      // One sweep instead of a search of every quote per character (quadratic on long
      // paragraphs): `map` never decreases, so quotes enter in `covering` order (start,
      // then longest) and leave once passed; the few active at a character are scanned.
      const owners: (QuoteSpan | null)[] = [];
      const active: QuoteSpan[] = [];
      let entering = 0;
      for (let j = from; j < to; j++) {
        const at = map[j] ?? 0;
        while (entering < covering.length && covering[entering]!.start <= at) active.push(covering[entering++]!);
        let owner: QuoteSpan | null = null;
        let passed = false;
        for (const q of active) {
          if (q.end <= at) passed = true;
          else if (owner === null && !open.has(q)) owner = q;
        }
        if (passed) for (let a = active.length - 1; a >= 0; a--) if (active[a]!.end <= at) active.splice(a, 1);
        owners.push(owner);
      }
      const out: PhrasingContent[] = [];
      let j = from;
      while (j < to) {
        const owner = owners[j - from] ?? null;
        let k = j + 1;
        while (k < to && (owners[k - from] ?? null) === owner) k++;
        if (!owner) out.push({ type: 'text', value: value.slice(j, k) });
        else {
          open.add(owner);
          out.push(markFor(owner, buildPieces(value, map, covering, j, k, open)));
          open.delete(owner);
        }
        j = k;
      }
      return out;
    };

    const splitText = (node: Text): PhrasingContent[] | null => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return null;
      const covering = quotesOverlapping(start, end);
      if (covering.length === 0) return null;
      const map = mapValueToBody(node.value, body.slice(start, end), start);
      const pieces = buildPieces(node.value, map, covering, 0, node.value.length, new Set());
      return pieces.some((p) => p.type !== 'text' || p.data) ? pieces : null;
    };

    const walk = (parent: Parent): void => {
      const next: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'html') {
          // Raw HTML is shown as the text it is, never passed through as markup.
          const text: Text = { type: 'text', value: child.value };
          if (child.position) text.position = child.position;
          if (FLOW_PARENTS.has(parent.type)) {
            const paragraph: RootContent = { type: 'paragraph', children: [text] };
            if (child.position) paragraph.position = child.position;
            walk(paragraph);
            next.push(paragraph);
          } else next.push(...((splitText(text) ?? [text]) as RootContent[]));
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
          next.push(...((splitText(child) ?? [child]) as RootContent[]));
          continue;
        }
        if ('children' in child) walk(child as Parent);
        next.push(child);
      }
      parent.children = next as Parent['children'];
    };

    walk(tree);
    addSpeakerBadges(tree);
  };

  /**
   * After the last piece of each attributed quote (and its closing quotation
   * mark), adds a small link to the speaker's page. Skipped inside links and
   * other quotes, where a nested anchor or mark would be invalid or confusing.
   */
  function addSpeakerBadges(tree: Root): void {
    const last = new Map<string, { parent: Parent; node: RootContent; blocked: boolean }>();
    const visit = (parent: Parent, blocked: boolean): void => {
      for (const child of parent.children as RootContent[]) {
        const quoteId = (child.data as { hProperties?: { dataQuote?: string } } | undefined)?.hProperties?.dataQuote;
        if (quoteId) last.set(quoteId, { parent, node: child, blocked });
        if ('children' in child) visit(child as Parent, blocked || Boolean(quoteId) || child.type === 'link' || child.type === 'linkReference');
      }
    };
    visit(tree, false);
    // Badges are gathered per parent and spliced in one pass: a splice and an indexOf per
    // quote made a long paragraph with thousands of quotes quadratic.
    const inserts = new Map<Parent, Map<RootContent, Link[]>>();
    for (const quote of quotes) {
      const speaker = quote.speakerId ? speakers.get(quote.speakerId) : undefined;
      const piece = last.get(quote.id);
      if (!speaker || !piece || piece.blocked) continue;
      const badge: Link = {
        type: 'link',
        url: speaker.path,
        children: [{ type: 'text', value: speaker.name }],
        data: { hProperties: { className: ['quote-by'], dataPagefindIgnore: '' } as never },
      };
      let byNode = inserts.get(piece.parent);
      if (!byNode) inserts.set(piece.parent, (byNode = new Map()));
      const badges = byNode.get(piece.node);
      if (badges) badges.unshift(badge);
      else byNode.set(piece.node, [badge]);
    }
    for (const [parent, byNode] of inserts) {
      const siblings = parent.children as RootContent[];
      const next: RootContent[] = [];
      for (let at = 0; at < siblings.length; at++) {
        const node = siblings[at]!;
        next.push(node);
        const badges = byNode.get(node);
        if (!badges) continue;
        // The badge goes after the closing quotation mark, so the quote still reads as written.
        const after = siblings[at + 1];
        if (after && after.type === 'text' && !after.data) {
          const closing = /^["”’'»]+/.exec(after.value)?.[0] ?? '';
          if (closing) {
            const rest = after.value.slice(closing.length);
            next.push({ type: 'text', value: closing }, ...badges);
            if (rest) next.push({ type: 'text', value: rest });
            at++;
            continue;
          }
        }
        next.push(...badges);
      }
      parent.children = next as Parent['children'];
    }
  }
}
