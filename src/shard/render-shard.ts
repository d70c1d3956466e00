/**
 * The second round of a sharded build (`build --shard k/n --merge …`): with
 * the whole archive linked from the first round's bundles, render the
 * bodies of shard k's articles, the costliest per-article step after
 * extraction. Rendering a body reads the linked archive (each quote's
 * speaker id, name and page), which exists only once every first-round
 * shard has finished: hence a round of its own.
 */
import type { Archive } from '../archive/types.ts';
import { noCache, type BuildCache } from '../cache/build-cache.ts';
import type { BuildProgress } from '../output/progress.ts';
import type { ArticleWorkers } from '../parallel/article-workers.ts';
import type { RenderedArticleBody } from '../render/article-body.ts';
import { renderArticleBodies } from '../site/article-bodies.ts';
import { shardOf, type ShardSpec } from './shard-assignment.ts';
import type { RenderEntry } from './shard-bundle.ts';

/** Options of `renderShard`. */
export interface RenderShardOptions {
  /** Bodies rendered by earlier builds on this machine (default: `noCache`). */
  cache?: BuildCache;
  /** Worker threads to render on (default: none, this thread). */
  workers?: ArticleWorkers | null;
  /** Where rendering reports its progress (default: silent). */
  progress?: BuildProgress;
}

/**
 * Renders the bodies of the articles of `archive` (the published archive:
 * files relative to the content folder) that belong to shard `spec`, and
 * resolves to them under their build cache keys, as the merge's build will
 * look them up. A body that fails throws as the build's rendering throws
 * (naming the article's file).
 */
export async function renderShard(archive: Archive, spec: ShardSpec, options: RenderShardOptions = {}): Promise<RenderEntry[]> {
  const base = options.cache ?? noCache;
  const mine: Archive = { ...archive, articles: archive.articles.filter((a) => shardOf(a.sourceFile, spec.count) === spec.index) };
  // Every body rendering asks the cache for or stores is one of this shard's: the bundle keeps each, whichever way it came.
  const bodies = new Map<string, RenderedArticleBody>();
  const recording: BuildCache = {
    get(kind, key) {
      const value = base.get(kind, key);
      if (kind === 'render' && value !== undefined) bodies.set(key, value as RenderedArticleBody);
      return value;
    },
    set(kind, key, value) {
      if (kind === 'render') bodies.set(key, value as RenderedArticleBody);
      base.set(kind, key, value);
    },
    flush: () => base.flush(),
  };
  await renderArticleBodies(mine, { cache: recording, ...(options.workers ? { workers: options.workers } : {}), ...(options.progress ? { progress: options.progress } : {}) });
  return [...bodies].map(([key, body]) => ({ key, body })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
