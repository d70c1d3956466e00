/**
 * The build cache: what one build worked out per article (extraction
 * results, rendered bodies), kept on disk so the next build reuses it when
 * neither the article nor the code changed. Every entry is keyed by a hash
 * of everything its value depends on and filed under the code version that
 * wrote it, so a newer tool never reads an older tool's results. An entry
 * that cannot be read back exactly (cut short, edited, from another format)
 * is a miss, never a crash: the value is computed again and rewritten.
 *
 * The folder is ours only when it carries our stamp; a folder that holds
 * anything else is never written to or cleaned, and the build runs uncached.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';

/** Values kept between builds, by kind (`extract`, `render`, …) and key. */
export interface BuildCache {
  /** The value stored under `kind` and `key`, or `undefined` when it is missing or cannot be read back exactly. */
  get(kind: string, key: string): unknown;
  /** Stores `value` (anything structured clone can copy) under `kind` and `key`; written in the background. */
  set(kind: string, key: string, value: unknown): void;
  /** Resolves when every `set` so far is on disk (or has failed, which only costs a later build time). */
  flush(): Promise<void>;
}

/** File name of the stamp that marks a cache folder as ours. */
export const CACHE_STAMP = '.quote-archive-cache';
const STAMP_TEXT = 'quote-archive cache\nThis folder holds what earlier builds worked out; deleting it only makes the next build slower.\n';

/** First bytes of an entry: the format, then the hash of the payload, so a damaged entry is told from a good one. */
const ENTRY_MAGIC = 'quote-archive-cache-entry 1\n';

/** A cache that keeps nothing (`--no-cache`, and the API's default). */
export const noCache: BuildCache = { get: () => undefined, set() {}, flush: async () => {} };

/** A hex SHA-256 of the parts, each kept apart from the next so `a`+`bc` never equals `ab`+`c`. */
export function cacheKey(...parts: string[]): string {
  return cacheKeyOf(parts);
}

/** `cacheKey` of parts made one at a time, so a large input (a whole archive) is never one string. */
export function cacheKeyOf(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/** What `openBuildCache` opened. */
export interface OpenedBuildCache {
  cache: BuildCache;
  diagnostics: Diagnostic[];
  /**
   * The folder of this code version's entries, where a build may keep files
   * of its own that depend on the code only (the workers' bundled code);
   * absent when the build runs uncached.
   */
  versionFolder?: string;
}

/**
 * Opens (creating it when missing) the cache in `dir` for code version
 * `codeVersion`, and removes the entries of other code versions, which no
 * build of this code can use. A folder that holds files but not our stamp is
 * not ours: a warning, and `noCache`.
 */
export function openBuildCache(dir: string, codeVersion: string): OpenedBuildCache {
  try {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      mkdirSync(dir, { recursive: true });
    }
    if (entries.length > 0 && !hasCacheStamp(dir)) {
      const entry = RULES['cache-folder-not-ours'];
      return { cache: noCache, diagnostics: [{ file: dir, line: 0, column: 0, severity: entry.severity, source: entry.source, ruleId: 'cache-folder-not-ours', note: entry.hint, reason: `cache folder "${dir}" holds files this tool did not write; building without a cache` }] };
    }
    if (!entries.includes(CACHE_STAMP)) writeFileSync(join(dir, CACHE_STAMP), STAMP_TEXT);
    const version = versionFolderName(codeVersion);
    // Thousands of files of older versions: moved aside at once, deleted while the build runs.
    const removals: Promise<void>[] = [];
    for (const name of entries) {
      if (name === version || !/^(v|old)-[0-9a-f]{16}(-\d+)?$/.test(name)) continue;
      const aside = name.startsWith('old-') ? join(dir, name) : join(dir, `old-${name.slice(2)}-${process.pid}`);
      if (aside !== join(dir, name)) renameSync(join(dir, name), aside);
      removals.push(rm(aside, { recursive: true, force: true }).catch(() => {}));
    }
    return { cache: folderCache(join(dir, version), removals), diagnostics: [], versionFolder: join(dir, version) };
  } catch {
    // A cache that cannot be set up (read-only disk) only makes the build slower.
    return { cache: noCache, diagnostics: [] };
  }
}

function hasCacheStamp(dir: string): boolean {
  try {
    return readFileSync(join(dir, CACHE_STAMP), 'utf8').startsWith('quote-archive cache\n');
  } catch {
    return false;
  }
}

function versionFolderName(codeVersion: string): string {
  return `v-${cacheKey(codeVersion).slice(0, 16)}`;
}

/** Entries as files `<kind>/<first two of key>/<key>`, written whole by renaming, so a killed build leaves no half entry. */
function folderCache(root: string, removals: Promise<void>[]): BuildCache {
  const made = new Set<string>();
  const writes: Promise<void>[] = [...removals];
  const entryPath = (kind: string, key: string): { folder: string; file: string } => {
    const folder = join(root, kind.replace(/[^a-z0-9-]/gi, '_'), key.slice(0, 2));
    return { folder, file: join(folder, key) };
  };
  return {
    get(kind, key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(entryPath(kind, key).file);
      } catch {
        return undefined;
      }
      return decodeEntry(bytes);
    },
    set(kind, key, value) {
      const { folder, file } = entryPath(kind, key);
      // Encoded now, since the caller may go on to change the value; written off this thread.
      const bytes = encodeEntry(value);
      const temporary = `${file}.${process.pid}.tmp`;
      writes.push((async () => {
        if (!made.has(folder)) {
          await mkdir(folder, { recursive: true });
          made.add(folder);
        }
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      })().catch(() => {
        // A full disk or a read-only folder costs the next build time, not this one its result.
      }));
    },
    async flush() {
      while (writes.length > 0) await Promise.all(writes.splice(0));
    },
  };
}

/** The bytes of an entry: magic, payload hash, payload (V8's structured-clone serialization). */
export function encodeEntry(value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([Buffer.from(`${ENTRY_MAGIC}${createHash('sha256').update(payload).digest('hex')}\n`), payload]);
}

/** The value of an entry's bytes, or `undefined` when they are not exactly what `encodeEntry` wrote. */
export function decodeEntry(bytes: Buffer): unknown {
  const headerLength = ENTRY_MAGIC.length + 65;
  if (bytes.length < headerLength || bytes.toString('utf8', 0, ENTRY_MAGIC.length) !== ENTRY_MAGIC) return undefined;
  const payload = bytes.subarray(headerLength);
  if (bytes.toString('utf8', ENTRY_MAGIC.length, headerLength - 1) !== createHash('sha256').update(payload).digest('hex')) return undefined;
  try {
    return deserialize(payload);
  } catch {
    return undefined;
  }
}
