/**
 * Sorted, non-overlapping spans (quotations) with range queries by binary
 * search, so an article with thousands of quotes stays linear-ish instead of
 * comparing every sentence with every quote.
 */

export interface Span {
  start: number;
  end: number;
}

export class SpanIndex {
  readonly spans: readonly Span[];

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Index of the first span whose end is after `pos`. */
  #firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans that overlap [start, end). */
  overlapping(start: number, end: number): Span[] {
    const out: Span[] = [];
    for (let i = this.#firstEndingAfter(start); i < this.spans.length && this.spans[i]!.start < end; i++) out.push(this.spans[i]!);
    return out;
  }

  /** True when `pos` lies inside a span. */
  contains(pos: number): boolean {
    const span = this.spans[this.#firstEndingAfter(pos)];
    return span !== undefined && span.start <= pos;
  }

  /** The last span that ends at or before `pos`. */
  lastEndingBy(pos: number): Span | undefined {
    const i = this.#firstEndingAfter(pos) - 1;
    return i >= 0 ? this.spans[i] : undefined;
  }
}

/** An index with no spans. */
export const NO_SPANS = new SpanIndex([]);

/** Index of the last item of `list` (sorted by `start`) that starts at or before `pos`; -1 when none. */
export function lastIndexStartingBy(list: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The last item of `list` (in text order, by `pos`) that comes before `pos` and passes `test`. */
export function findLastBefore<T extends { pos: number }>(list: readonly T[], pos: number, test: (item: T) => boolean = () => true): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i]!;
    if (item.pos < pos && test(item)) return item;
  }
  return undefined;
}
