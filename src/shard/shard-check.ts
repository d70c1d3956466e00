/**
 * The check of a merge's shard bundles against each other and against the
 * content folder, before anything of theirs is used. Pure: manifests and
 * content texts in, diagnostics out.
 *
 * A merge is only the unsharded build when the bundles are exactly one
 * split of exactly this content by exactly this code: every shard of the
 * same count present once, made by this code version, every content file
 * covered by one bundle, each with the text it has now. Anything else would
 * publish a site that no unsharded build would make (an article missing, or
 * extracted from an older text), so each is an error that stops the merge.
 */
import type { Diagnostic } from '../archive/types.ts';
import { contentHash, positionOf, shardDiagnostic, type ShardBundle } from './shard-bundle.ts';

/** A content file as the merge reads it now. */
export interface MergeContentFile {
  /** Relative to the content folder, `/`-separated (the bundles' name for it). */
  path: string;
  /** The path as this build names it (for diagnostics). */
  file: string;
  text: string;
}

/**
 * Every problem with merging `bundles` into a build of `content` by code
 * version `codeVersion`; none when they fit. The extraction bundles must be
 * one whole split; render bundles are optional, and when given must be one
 * whole split too (of any count).
 */
export function checkShardBundles(bundles: readonly ShardBundle[], codeVersion: string, content: readonly MergeContentFile[]): Diagnostic[] {
  const extract = bundles.filter((b) => b.manifest.stage === 'extract');
  const render = bundles.filter((b) => b.manifest.stage === 'render');
  const diagnostics: Diagnostic[] = [];
  const first = bundles[0];
  if (first && extract.length === 0) {
    diagnostics.push(shardDiagnostic('shard-missing', first.manifestPath, positionOf(first.manifestText, '"stage"'), 'no extraction bundle is given: render bundles come with the bundles of `build --shard k/n` they were made from'));
  }
  return [...diagnostics, ...checkSplit(extract, codeVersion, content), ...checkSplit(render, codeVersion, content)];
}

/** The problems of the bundles of one stage as a split of `content`. */
function checkSplit(bundles: readonly ShardBundle[], codeVersion: string, content: readonly MergeContentFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = bundles[0];
  if (!first) return diagnostics;
  const count = first.manifest.of;
  const rendering = first.manifest.stage === 'render';
  const at = (bundle: ShardBundle, needle: string) => positionOf(bundle.manifestText, needle);
  const name = (bundle: ShardBundle) => `${rendering ? 'render shard' : 'shard'} ${bundle.manifest.shard} of ${bundle.manifest.of}`;

  let splitBroken = false;
  const byShard = new Map<number, ShardBundle>();
  for (const bundle of bundles) {
    const { shard, of } = bundle.manifest;
    if (of !== count) {
      splitBroken = true;
      diagnostics.push(shardDiagnostic('shard-count-mismatch', bundle.manifestPath, at(bundle, '"of"'), `unexpected shard count ${of}, expected ${count} as in ${first.manifestPath}`));
      continue;
    }
    if (bundle.manifest.codeVersion !== codeVersion) {
      diagnostics.push(shardDiagnostic('shard-code-version-mismatch', bundle.manifestPath, at(bundle, '"codeVersion"'), `${name(bundle)} was built by other code (version ${bundle.manifest.codeVersion.slice(0, 12)}…, this is ${codeVersion.slice(0, 12)}…)`));
    }
    const earlier = byShard.get(shard);
    if (earlier) {
      splitBroken = true;
      diagnostics.push(shardDiagnostic('shard-duplicate', bundle.manifestPath, at(bundle, '"shard"'), `${name(bundle)} is given twice; the other is ${earlier.manifestPath}`));
      continue;
    }
    byShard.set(shard, bundle);
  }
  for (let shard = 1; shard <= count; shard++) {
    if (byShard.has(shard)) continue;
    splitBroken = true;
    const how = rendering ? `no render bundle given was built with --shard ${shard}/${count} --merge` : `no bundle given was built with --shard ${shard}/${count}`;
    diagnostics.push(shardDiagnostic('shard-missing', first.manifestPath, at(first, '"of"'), `${rendering ? 'render shard' : 'shard'} ${shard} of ${count} is missing: ${how}`));
  }
  // With a shard missing or twice, every file of it would be reported too: the split is the one problem.
  if (splitBroken) return diagnostics;

  const now = new Map(content.map((f) => [f.path, f]));
  const coveredBy = new Map<string, ShardBundle>();
  for (const bundle of byShard.values()) {
    for (const listed of bundle.manifest.files) {
      const place = at(bundle, `"path": ${JSON.stringify(listed.path)}`);
      const other = coveredBy.get(listed.path);
      if (other) {
        diagnostics.push(shardDiagnostic('shard-file-covered-twice', bundle.manifestPath, place, `"${listed.path}" is covered by ${name(bundle)} and by ${name(other)}`));
        continue;
      }
      coveredBy.set(listed.path, bundle);
      const file = now.get(listed.path);
      if (!file) {
        diagnostics.push(shardDiagnostic('shard-content-changed', bundle.manifestPath, place, `"${listed.path}" was in the content folder when ${name(bundle)} was built and is not now`));
      } else if (contentHash(file.text) !== listed.sha256) {
        diagnostics.push(shardDiagnostic('shard-content-changed', file.file, { line: 1, column: 1 }, `the file changed after ${name(bundle)} was built (its text differs from the one the shard extracted)`));
      }
    }
  }
  for (const file of content) {
    if (!coveredBy.has(file.path)) diagnostics.push(shardDiagnostic('shard-file-not-covered', file.file, { line: 1, column: 1 }, `no shard bundle covers the file (added after the shards were built?)`));
  }
  return diagnostics;
}
