/**
 * A seeded random source for the bench corpus. Each stream is keyed by the
 * seed and a label ("cast", "article 17"), so article 17 is the same bytes
 * whether 20 or 10,000 articles are generated: a larger corpus extends a
 * smaller one, and "add 10 articles" adds exactly the next ten.
 */

/** cyrb53-style string hash to 32 bits: spreads nearby labels ("article 1", "article 2") apart. */
function hashLabel(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

/** A deterministic stream of numbers (mulberry32) with the few draws the generator needs. */
export class Random {
  private state: number;

  constructor(seed: number | string, label: string) {
    this.state = hashLabel(`${seed}\u0000${label}`);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /**
   * One element, the first ones far more often (Zipf-like, weight 1/(rank+1)):
   * a few speakers are quoted all the time, most now and then, as in a real archive.
   */
  pickSkewed<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    // Inverse of the continuous 1/x distribution over [1, n+1).
    const index = Math.floor(Math.exp(this.next() * Math.log(list.length + 1))) - 1;
    return list[Math.min(index, list.length - 1)] as T;
  }

  /** `count` distinct elements (all of them when the list is shorter). */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < count && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }
}
