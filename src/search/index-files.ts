/**
 * Tells when Pagefind's index files are really on disk. Pagefind answers
 * `writeFiles` as soon as it has handed each file's bytes to its runtime
 * (tokio), which writes them on background threads: the answer can come
 * while the last writes are still pending, and stopping the process then
 * (closing the service kills it; even a clean exit does not wait) leaves
 * those files empty. On a busy machine that was `pagefind-entry.json`, and
 * the search page could not load. So the build waits, on the files
 * themselves, until every one is whole, and only then stops Pagefind.
 *
 * What "whole" means follows from how the bytes are written: each file is
 * created first, then written in chunks of at most 2 MiB, one after
 * another. A pending file is therefore empty, or a whole number of 2 MiB
 * chunks long; those long ones are checked by content (gzip unpacks, JSON
 * parses), the rest by size.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { listOutputFiles } from '../output/reused-files.ts';

const gunzipAsync = promisify(gunzip);

/** The size of the chunks Pagefind's runtime writes (tokio's file buffer). */
const CHUNK_BYTES = 2 * 1024 * 1024;

/** Pagefind's gzip-framed files: the index, its meta, fragments, filters and per-language WebAssembly. */
const GZIP_FILE = /\.(pf_meta|pf_index|pf_fragment|pf_filter)$|^wasm\..+\.pagefind$/;

/** The file the search page reads first; it lists the languages and their meta files. */
const ENTRY_FILE = 'pagefind-entry.json';

/** Whether one index file holds all its bytes (see the module comment for why these checks suffice). */
async function isWhole(file: string): Promise<boolean> {
  const { size } = await stat(file);
  if (size === 0) return false;
  const name = path.basename(file);
  if (name === ENTRY_FILE) {
    try {
      JSON.parse(await readFile(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  }
  if (size % CHUNK_BYTES !== 0) return true;
  if (!GZIP_FILE.test(name)) return true;
  return gunzipAsync(await readFile(file)).then(() => true, () => false);
}

/** The index files under `dir` that are still being written, relative to it, sorted. */
export async function pendingIndexFiles(dir: string): Promise<string[]> {
  const files = await listOutputFiles(dir, '.');
  const whole = await Promise.all(files.map((file) => isWhole(path.join(dir, file))));
  const pending = files.filter((_, i) => !whole[i]);
  if (!files.includes(ENTRY_FILE)) pending.push(ENTRY_FILE);
  return pending.sort();
}

/** Options of `untilIndexWritten`. */
export interface UntilIndexWrittenOptions {
  /** Called with the pending files each time the check finds some (tests act on this moment). */
  onPending?: (pending: readonly string[]) => void | Promise<void>;
  /** Checked before every look: when it returns true, the wait ends with what is still pending. */
  stopped?: () => boolean;
  /** Pause between looks, in milliseconds (default: 5). Pending writes finish in milliseconds. */
  intervalMs?: number;
  /** Longest wait, in milliseconds, after which the files still pending are returned (default: no limit). */
  limitMs?: number;
}

/**
 * Waits until every index file under `dir` is whole, and returns the files
 * still pending when it ended (empty when all are whole). It ends early
 * when `stopped()` says so or `limitMs` has passed.
 */
export async function untilIndexWritten(dir: string, options: UntilIndexWrittenOptions = {}): Promise<string[]> {
  const interval = options.intervalMs ?? 5;
  const deadline = performance.now() + (options.limitMs ?? Infinity);
  for (;;) {
    const pending = await pendingIndexFiles(dir);
    if (pending.length === 0 || options.stopped?.() || performance.now() >= deadline) return pending;
    await options.onPending?.(pending);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
