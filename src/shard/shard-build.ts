/**
 * One shard of a sharded build (`build --shard k/n`): the per-article work
 * for the content files assigned to shard k (read, load and check front
 * matter, extract), as the entries of a shard bundle. Linking, pages and the
 * search index need every article, so they are left to the merge.
 */
import type { Diagnostic, SourceFile } from '../archive/types.ts';
import { loadArticles } from '../load/front-matter.ts';
import { toPublishedPath } from '../output/published-paths.ts';
import { extractArticlesCached, type BuildArchiveCachedOptions } from '../pipeline.ts';
import { contentHash, type ShardEntry, type ShardFile } from './shard-bundle.ts';
import { shardOf, type ShardSpec } from './shard-assignment.ts';

/** What a shard worked out: its bundle's entries, and the problems of its articles. */
export interface ShardResult {
  entries: ShardEntry[];
  diagnostics: Diagnostic[];
}

/** Tells whether the content file `file` (under `contentDir`) belongs to `spec`'s shard. */
export function inShard(file: string, contentDir: string, spec: ShardSpec): boolean {
  return shardOf(toPublishedPath(file, contentDir), spec.count) === spec.index;
}

/**
 * Loads and extracts the files of `files` that belong to shard `spec`.
 * Collisions between articles (two with one page) are not looked for here:
 * they may lie in two shards, and the merge, which reads every file, reports
 * them as the unsharded build does.
 */
export async function buildShard(files: readonly SourceFile[], contentDir: string, spec: ShardSpec, options: BuildArchiveCachedOptions = {}): Promise<ShardResult> {
  const { loaded, diagnostics } = loadArticles(files.filter((f) => inShard(f.path, contentDir, spec)));
  const { facts } = await extractArticlesCached(loaded, options);
  const entries = loaded.map((article, i): ShardEntry => {
    const path = toPublishedPath(article.file, contentDir);
    const found = facts[i] ?? { quotes: [], entities: [], diagnostics: [] };
    diagnostics.push(...found.diagnostics);
    // Named relative to the content folder: the merge's machine may keep the content elsewhere.
    return { path, facts: { ...found, diagnostics: found.diagnostics.map((d) => (d.file === article.file ? { ...d, file: path } : d)) } };
  });
  return { entries, diagnostics };
}

/** The content files shard `spec` covers, as its manifest lists them: path relative to the content folder and hash of the text, sorted by path. */
export function shardFiles(files: readonly SourceFile[], contentDir: string, spec: ShardSpec): ShardFile[] {
  return files.filter((f) => inShard(f.path, contentDir, spec))
    .map((f) => ({ path: toPublishedPath(f.path, contentDir), sha256: contentHash(f.value) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
