/**
 * A shard bundle on disk: what one shard of a sharded build worked out, for
 * the merge step to take instead of working it out again. The I/O edge of
 * sharding.
 *
 * Layout of a bundle folder:
 * - `shard-manifest.json`: which shard of how many, the code version that
 *   made it, its entry files, and every content file it covered (path
 *   relative to the content folder, SHA-256 of its text), one a line, so a
 *   problem found with one is reported on its own line;
 * - `entries-0001.bin`, …: the results of up to `ARTICLES_PER_ENTRY_FILE`
 *   articles each (their extraction, or for a render bundle their rendered
 *   bodies), in the build cache's own entry
 *   format (magic, payload hash, V8 serialization), so a damaged file is told
 *   from a good one. A few hundred files per shard, not one per article,
 *   because CI artifacts are uploaded and downloaded file by file.
 *
 * Entries name files relative to the content folder (their diagnostics
 * included), never as the shard's machine saw them: the merge runs on
 * another machine, maybe from another folder, and files each entry under the
 * cache key of its own reading of the same text.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ArticleFacts, Diagnostic } from '../archive/types.ts';
import type { RenderedArticleBody } from '../render/article-body.ts';
import { decodeEntry, encodeEntry } from '../cache/build-cache.ts';
import { RULES, type RuleId } from '../diagnostics/messages.ts';

/** The manifest's file name; its presence marks a folder as a shard bundle. */
export const SHARD_MANIFEST = 'shard-manifest.json';

/** The bundle format this code writes and reads. */
export const SHARD_FORMAT = 'quote-archive-shard 1';

/** Articles per entry file. */
export const ARTICLES_PER_ENTRY_FILE = 500;

/** One content file a shard covered. */
export interface ShardFile {
  /** Relative to the content folder, `/`-separated. */
  path: string;
  /** Hex SHA-256 of the file's text. */
  sha256: string;
}

/**
 * What a bundle holds: `extract`, the extraction of its articles (a shard's
 * first round, `build --shard k/n`); `render`, their rendered bodies (a
 * second round after the first, `build --shard k/n --merge …`, which needs
 * the whole archive linked).
 */
export type ShardStage = 'extract' | 'render';

/** What `shard-manifest.json` holds. */
export interface ShardManifest {
  format: string;
  /** This shard's number, 1-based. */
  shard: number;
  /** How many shards the build was split into. */
  of: number;
  /** The code version (`computeCodeVersion`) of the tool that made the bundle. */
  codeVersion: string;
  stage: ShardStage;
  /** The bundle's entry files, in order. */
  entryFiles: string[];
  /** Every content file the shard covered, sorted by path. */
  files: ShardFile[];
}

/** One article's extraction as a bundle keeps it: its file relative to the content folder, and its facts (diagnostics naming that relative path). */
export interface ShardEntry {
  path: string;
  facts: ArticleFacts;
}

/**
 * One rendered body as a render bundle keeps it: under its build cache key,
 * which depends on nothing of the machine (the body's input names its file
 * relative to the content folder), so the merge files it as it is.
 */
export interface RenderEntry {
  key: string;
  body: RenderedArticleBody;
}

/** A bundle whose manifest was read: its folder, the manifest's path and text (for positions), and the manifest. */
export interface ShardBundle {
  dir: string;
  manifestPath: string;
  manifestText: string;
  manifest: ShardManifest;
}

/** Hex SHA-256 of a content file's text: what the merge compares to tell an unchanged file. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest as text: one content file a line, so diagnostics can point at the line of the file they are about. */
export function toManifestText(manifest: ShardManifest): string {
  const head = [
    '{',
    `  "format": ${JSON.stringify(manifest.format)},`,
    `  "shard": ${manifest.shard},`,
    `  "of": ${manifest.of},`,
    `  "codeVersion": ${JSON.stringify(manifest.codeVersion)},`,
    `  "stage": ${JSON.stringify(manifest.stage)},`,
    `  "entryFiles": ${JSON.stringify(manifest.entryFiles)},`,
  ];
  const files = manifest.files.map((f, i) => `    {"path": ${JSON.stringify(f.path)}, "sha256": ${JSON.stringify(f.sha256)}}${i < manifest.files.length - 1 ? ',' : ''}`);
  return [...head, '  "files": [', ...files, '  ]', '}', ''].join('\n');
}

/** The 1-based line and column of the first line of `text` that contains `needle` (1:1 when none does). */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const column = (lines[i] ?? '').indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + 1 };
  }
  return { line: 1, column: 1 };
}

/** A diagnostic of one of the shard rules. */
export function shardDiagnostic(ruleId: RuleId, file: string, place: { line: number; column: number }, reason: string): Diagnostic {
  const entry = RULES[ruleId];
  return { file, line: place.line, column: place.column, severity: entry.severity, reason, ruleId, source: entry.source, note: entry.hint };
}

/** Tells whether `dir` holds a shard manifest (so it is a bundle this tool wrote). */
export function isShardBundleFolder(dir: string): boolean {
  try {
    return statSync(join(dir, SHARD_MANIFEST)).isFile();
  } catch {
    return false;
  }
}

/** The problem with writing a bundle into `dir`: none when it is new, empty or a bundle; an error when it holds anything else. */
export function checkBundleFolder(dir: string): Diagnostic[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  if (entries.length === 0 || isShardBundleFolder(dir)) return [];
  return [shardDiagnostic('shard-folder-not-a-bundle', dir, { line: 0, column: 0 }, `output folder "${dir}" holds ${entries.length === 1 ? '1 entry' : `${entries.length} entries`} and no ${SHARD_MANIFEST}, so it is not a shard bundle; nothing was written`)];
}

/**
 * Writes a bundle into `dir`, whole or not at all: into a temporary folder
 * beside it, then swapped in, so a killed shard never leaves a bundle that
 * passes for complete. `dir` must have passed `checkBundleFolder`.
 */
export async function writeShardBundle(dir: string, manifest: Omit<ShardManifest, 'entryFiles' | 'format'>, entries: ShardEntry[] | RenderEntry[]): Promise<void> {
  const temporary = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  await removeDeadTemporaries(dir);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    const entryFiles: string[] = [];
    for (let i = 0; i < entries.length; i += ARTICLES_PER_ENTRY_FILE) {
      const name = `entries-${String(entryFiles.length + 1).padStart(4, '0')}.bin`;
      await writeFile(join(temporary, name), encodeEntry(entries.slice(i, i + ARTICLES_PER_ENTRY_FILE)));
      entryFiles.push(name);
    }
    // The manifest last: a folder without it is not taken for a bundle.
    await writeFile(join(temporary, SHARD_MANIFEST), toManifestText({ format: SHARD_FORMAT, ...manifest, entryFiles }));
    // Only a bundle (or an empty folder) is replaced: checkBundleFolder said so.
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

/** Removes the temporary folders that shards killed while writing a bundle into `dir` left beside it (those of a live process are its own). */
async function removeDeadTemporaries(dir: string): Promise<void> {
  const prefix = `.${basename(dir)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    await rm(join(dirname(dir), name), { recursive: true, force: true }).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a bundle's manifest; a missing, unreadable or malformed one is a `shard-bundle-invalid` error on it. */
export async function readShardManifest(dir: string): Promise<{ bundle: ShardBundle | null; diagnostics: Diagnostic[] }> {
  const manifestPath = join(dir, SHARD_MANIFEST);
  const invalid = (place: { line: number; column: number }, reason: string) => ({ bundle: null, diagnostics: [shardDiagnostic('shard-bundle-invalid', manifestPath, place, reason)] });
  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch {
    return invalid({ line: 0, column: 0 }, `"${dir}" is not a shard bundle: it has no readable ${SHARD_MANIFEST}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(manifestText);
  } catch (error) {
    return invalid({ line: 1, column: 1 }, `the shard manifest is not valid JSON: ${(error as Error).message}`);
  }
  const m = value as Partial<ShardManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== SHARD_FORMAT) {
    return invalid(positionOf(manifestText, '"format"'), `unexpected shard bundle format ${JSON.stringify(m && typeof m === 'object' ? m.format ?? null : null)}, expected "${SHARD_FORMAT}"`);
  }
  const fileOk = (f: unknown): f is ShardFile => typeof (f as ShardFile)?.path === 'string' && typeof (f as ShardFile)?.sha256 === 'string';
  const ok = Number.isInteger(m.shard) && Number.isInteger(m.of) && (m.of ?? 0) >= 1 && (m.shard ?? 0) >= 1 && (m.shard ?? 0) <= (m.of ?? 0)
    && typeof m.codeVersion === 'string' && (m.stage === 'extract' || m.stage === 'render') && Array.isArray(m.entryFiles) && m.entryFiles.every((f) => typeof f === 'string' && /^entries-\d{4,}\.bin$/.test(f))
    && Array.isArray(m.files) && m.files.every(fileOk);
  if (!ok) return invalid({ line: 1, column: 1 }, 'the shard manifest lacks a field or has a wrong value (shard, of, codeVersion, stage, entryFiles, files)');
  return { bundle: { dir, manifestPath, manifestText, manifest: m as ShardManifest }, diagnostics: [] };
}

/** Reads an extraction bundle's entries; a missing or damaged entry file is a `shard-bundle-invalid` error naming it. */
export function readShardEntries(bundle: ShardBundle): Promise<{ entries: ShardEntry[]; diagnostics: Diagnostic[] }> {
  return readEntries(bundle, isShardEntry);
}

/** Reads a render bundle's entries, as `readShardEntries`. */
export function readRenderEntries(bundle: ShardBundle): Promise<{ entries: RenderEntry[]; diagnostics: Diagnostic[] }> {
  return readEntries(bundle, isRenderEntry);
}

async function readEntries<T>(bundle: ShardBundle, isEntry: (value: unknown) => value is T): Promise<{ entries: T[]; diagnostics: Diagnostic[] }> {
  const entries: T[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of bundle.manifest.entryFiles) {
    const path = join(bundle.dir, name);
    let value: unknown;
    try {
      value = decodeEntry(await readFile(path));
    } catch {
      value = undefined;
    }
    if (!Array.isArray(value) || !value.every(isEntry)) {
      diagnostics.push(shardDiagnostic('shard-bundle-invalid', path, { line: 0, column: 0 }, `entry file "${name}" of shard ${bundle.manifest.shard} of ${bundle.manifest.of} is missing or damaged`));
      continue;
    }
    entries.push(...value);
  }
  return { entries, diagnostics };
}

function isShardEntry(value: unknown): value is ShardEntry {
  const entry = value as Partial<ShardEntry> | null;
  const facts = entry?.facts;
  return typeof entry?.path === 'string' && !!facts && Array.isArray(facts.quotes) && Array.isArray(facts.entities) && Array.isArray(facts.diagnostics);
}

function isRenderEntry(value: unknown): value is RenderEntry {
  const entry = value as Partial<RenderEntry> | null;
  const body = entry?.body;
  return typeof entry?.key === 'string' && !!body && typeof body.html === 'string' && typeof body.plainText === 'string' && Array.isArray(body.quoteTexts);
}
