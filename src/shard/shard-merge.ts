/**
 * The merge step of a sharded build: reads the shard bundles, checks them
 * (`checkShardBundles`), and hands their extraction results to the normal
 * build as cache entries, filed under the keys this build looks each article
 * up by; render bundles (a second round of shards) hand over rendered
 * bodies the same way. The build then runs as usual and finds that work
 * done: linking, pages, exports and the search index are the unsharded
 * build's own, so the merged site is the unsharded one.
 */
import type { ArticleFacts, Diagnostic, SourceFile } from '../archive/types.ts';
import type { BuildCache } from '../cache/build-cache.ts';
import type { RenderedArticleBody } from '../render/article-body.ts';
import { hasErrors } from '../diagnostics/report.ts';
import { loadArticle } from '../load/front-matter.ts';
import { toPublishedPath } from '../output/published-paths.ts';
import { extractCacheKey } from '../pipeline.ts';
import { positionOf, readRenderEntries, readShardEntries, readShardManifest, shardDiagnostic, type ShardBundle } from './shard-bundle.ts';
import { checkShardBundles } from './shard-check.ts';

/** What `loadShardBundles` read: extraction facts and rendered bodies by cache key, the problems found, and the manifests' texts (to show their lines). */
export interface LoadedShards {
  extracted: Map<string, ArticleFacts>;
  rendered: Map<string, RenderedArticleBody>;
  diagnostics: Diagnostic[];
  manifestTexts: Map<string, string>;
}

/**
 * Reads and checks the bundles in `dirs` against `files` (the content folder
 * `contentDir` as read now) and code version `codeVersion`. With any error,
 * `extracted` is empty and nothing of the bundles may be used.
 */
export async function loadShardBundles(dirs: readonly string[], files: readonly SourceFile[], contentDir: string, codeVersion: string): Promise<LoadedShards> {
  const diagnostics: Diagnostic[] = [];
  const bundles: ShardBundle[] = [];
  for (const dir of dirs) {
    const read = await readShardManifest(dir);
    diagnostics.push(...read.diagnostics);
    if (read.bundle) bundles.push(read.bundle);
  }
  const manifestTexts = new Map(bundles.map((b) => [b.manifestPath, b.manifestText]));
  const extracted = new Map<string, ArticleFacts>();
  const rendered = new Map<string, RenderedArticleBody>();
  const content = files.map((f) => ({ path: toPublishedPath(f.path, contentDir), file: f.path, text: f.value }));
  diagnostics.push(...checkShardBundles(bundles, codeVersion, content));
  if (hasErrors(diagnostics)) return { extracted, rendered, diagnostics, manifestTexts };

  const byPath = new Map(content.map((c, i) => [c.path, files[i] as SourceFile]));
  for (const bundle of bundles.filter((b) => b.manifest.stage === 'render')) {
    const read = await readRenderEntries(bundle);
    diagnostics.push(...read.diagnostics);
    for (const entry of read.entries) rendered.set(entry.key, entry.body);
  }
  for (const bundle of bundles.filter((b) => b.manifest.stage === 'extract')) {
    const read = await readShardEntries(bundle);
    diagnostics.push(...read.diagnostics);
    const entries = new Map(read.entries.map((e) => [e.path, e]));
    for (const listed of bundle.manifest.files) {
      const file = byPath.get(listed.path);
      const loaded = file ? loadArticle(file).article : null;
      // A file that does not load has no entry: the build reports its problem as an unsharded build does.
      if (!file || !loaded) continue;
      const entry = entries.get(listed.path);
      if (!entry) {
        // Were it extracted here, silently, the merge would no longer be a check that the shards did their work.
        if (read.diagnostics.length === 0) diagnostics.push(shardDiagnostic('shard-bundle-invalid', bundle.manifestPath, positionOf(bundle.manifestText, `"path": ${JSON.stringify(listed.path)}`), `shard ${bundle.manifest.shard} of ${bundle.manifest.of} lists "${listed.path}" but holds no extraction of it`));
        continue;
      }
      // The shard named the file relative to the content folder; this build names it as it was given here.
      const facts: ArticleFacts = { ...entry.facts, diagnostics: entry.facts.diagnostics.map((d) => (d.file === entry.path ? { ...d, file: file.path } : d)) };
      extracted.set(extractCacheKey(loaded), facts);
    }
  }
  if (hasErrors(diagnostics)) {
    extracted.clear();
    rendered.clear();
  }
  return { extracted, rendered, diagnostics, manifestTexts };
}

/** `cache` with the shards' results in front of it: read first, never written to disk. */
export function withShardResults(cache: BuildCache, shards: Pick<LoadedShards, 'extracted' | 'rendered'>): BuildCache {
  return {
    get: (kind, key) => (kind === 'extract' && shards.extracted.has(key) ? shards.extracted.get(key) : kind === 'render' && shards.rendered.has(key) ? shards.rendered.get(key) : cache.get(kind, key)),
    set: (kind, key, value) => cache.set(kind, key, value),
    flush: () => cache.flush(),
  };
}
