/**
 * A memo for pure functions of a string that are asked the same few
 * thousand questions over and over (a token's lexicon flags, a name's
 * folded form). The cache is emptied when it outgrows `limit`, so a huge
 * or hostile archive cannot make it grow without end.
 */
export function memoizeBounded<V>(compute: (key: string) => V, limit = 50_000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined && !cache.has(key)) {
      hit = compute(key);
      if (cache.size > limit) cache.clear();
      cache.set(key, hit);
    }
    return hit as V;
  };
}
