/**
 * The search index's I/O edge: Pagefind's Node API. Every call answers with
 * an `errors` array instead of throwing; each error becomes a Diagnostic
 * (source `search`), and exceptions from the service do too, so a failed
 * index is reported like any other problem, never a crash.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';
import { reachTestPoint } from '../test-points.ts';
import { childSpawnedDuring } from './spawned-child.ts';
import { untilIndexWritten } from './index-files.ts';
import type { SearchDocument } from './documents.ts';

/** Requests sent to the Pagefind service before waiting for answers. */
const IN_FLIGHT = 16;

function searchDiagnostic(file: string, reason: string, ruleId: string, note?: string): Diagnostic {
  const diagnostic: Diagnostic = { file, line: 1, column: 1, severity: 'error', reason, ruleId, source: 'search' };
  if (note) diagnostic.note = note;
  return diagnostic;
}

/** Why the Pagefind service was stopped before the index was written. */
interface StopReason {
  ruleId: 'search-index-timed-out' | 'search-index-process-exited' | 'search-index-incomplete';
  reason: string;
  note: string;
}

/** Options of `writeSearchIndex`. */
export interface SearchIndexOptions {
  /**
   * Longest wait for any answer of the Pagefind process, in milliseconds,
   * before the index fails with `search-index-timed-out` (default: 60000).
   * A limit on silence rather than on the whole step, so a large archive
   * that keeps Pagefind busy is never cut short.
   */
  timeoutMs?: number;
}

/** Default silence allowed from Pagefind: far above any single answer measured (writing 20,000 records' index took seconds). */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Builds the Pagefind index from the archive's search documents (one per
 * article, its quotes as sub-results) and writes it to `outputPath`
 * (normally `<site>/pagefind`). A Pagefind process that exits before the
 * index is written is reported at once (`search-index-process-exited`); one
 * that stays alive and stops answering is stopped after `timeoutMs` and
 * reported; neither is waited on forever.
 */
export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string, options: SearchIndexOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  try {
    // Pagefind's binary panics (and its promise never settles) when it cannot create the folder: check first.
    await mkdir(outputPath, { recursive: true });
  } catch (cause) {
    diagnostics.push(searchDiagnostic(outputPath, `Unexpected failure creating the search index folder: ${cause instanceof Error ? cause.message : String(cause)}`, 'search-index-failed'));
    return diagnostics;
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Why the service was stopped before the index was done, if it was: closing it fails every pending request.
  // (Cast, not annotated: it is set in callbacks, so TypeScript must not narrow it to null.)
  let stopped = null as StopReason | null;
  const stop = (why: StopReason): void => {
    if (stopped) return;
    stopped = why;
    clearTimeout(watchdog);
    void pagefind.close();
  };
  // The watchdog restarts on every answer: a limit on silence, for a process that is alive and never answers.
  let watchdog: NodeJS.Timeout | undefined;
  const rearm = (): void => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => stop({
      ruleId: 'search-index-timed-out',
      reason: `Pagefind gave no answer for ${formatSeconds(timeoutMs)}; the search index was stopped`,
      note: RULES['search-index-timed-out'].hint,
    }), timeoutMs);
  };
  // Each request is sent only while the service runs: after a stop, a new request would start a new Pagefind process.
  const request = async <T>(send: () => Promise<T>): Promise<T> => {
    if (stopped) throw new Error('the Pagefind service was stopped');
    try {
      return await send();
    } finally {
      if (!stopped) rearm();
    }
  };
  let done = false;
  rearm();
  try {
    // The process is Pagefind's own; its exit is the moment a crash is known, long before the silence limit.
    const { value: creating, child } = childSpawnedDuring(() => pagefind.createIndex({}), ['--service']);
    child?.once('exit', (code, signal) => {
      if (done) return;
      stop({
        ruleId: 'search-index-process-exited',
        reason: `Pagefind stopped (${signal ? `killed by ${signal}` : `exit code ${code}`}) before the search index was written`,
        note: RULES['search-index-process-exited'].hint,
      });
    });
    const created = await request(() => creating);
    for (const error of created.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error creating the index: ${error}`, 'search-index-failed'));
    const index = created.index;
    if (!index) return diagnostics;
    // Documents go to Pagefind as a folder of files, which it reads and indexes on every core as its CLI
    // does: one `addHTMLFile` request per document cost about 3 ms each, a folder of 1,000 about 1.2 s.
    const { asFiles, oneByOne } = splitByAddress(documents);
    if (asFiles.length > 0) {
      const folder = await mkdtemp(path.join(tmpdir(), 'quote-archive-search-'));
      try {
        await writeDocumentFiles(folder, asFiles);
        const added = await request(() => index.addDirectory({ path: folder }));
        for (const error of added.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error indexing the articles: ${error}`, 'search-index-failed'));
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    // A few requests in flight keep the Pagefind service busy while Node encodes the next ones;
    // results are collected in input order, so diagnostics stay deterministic.
    for (let i = 0; i < oneByOne.length; i += IN_FLIGHT) {
      const batch = oneByOne.slice(i, i + IN_FLIGHT);
      const answers = await Promise.all(batch.map((document) => request(() => index.addHTMLFile({ url: document.url, content: document.content }))));
      answers.forEach((added, k) => {
        for (const error of added.errors) diagnostics.push(searchDiagnostic(batch[k]!.url, `Unexpected Pagefind error indexing the article: ${error}`, 'search-index-failed'));
      });
    }
    const writing = request(() => index.writeFiles({ outputPath }));
    const [written] = await Promise.all([writing, reachTestPoint('search-index-writing', child ?? undefined)]);
    for (const error of written.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error writing the index: ${error}`, 'search-index-failed'));
    await reachTestPoint('search-index-written', child ?? undefined);
    // Pagefind answers before its last writes land (see index-files.ts): stopping it now could leave files empty.
    // The wait has its own limit, so a file that never fills is named as such rather than as Pagefind's silence.
    clearTimeout(watchdog);
    const pending = await untilIndexWritten(outputPath, {
      stopped: () => stopped !== null,
      limitMs: timeoutMs,
      onPending: () => reachTestPoint('search-index-flushing', child ?? undefined),
    });
    if (pending.length > 0 && !stopped) {
      stop({
        ruleId: 'search-index-incomplete',
        reason: `Pagefind reported the index written, but ${pending.length === 1 ? 'this file is' : 'these files are'} still incomplete: ${pending.slice(0, 5).join(', ')}${pending.length > 5 ? ` and ${pending.length - 5} more` : ''}`,
        note: RULES['search-index-incomplete'].hint,
      });
    }
    if (!stopped) rearm();
    await request(() => index.deleteIndex());
    if (stopped) throw new Error('the Pagefind service was stopped');
  } catch (cause) {
    const why = stopped;
    diagnostics.push(why
      ? searchDiagnostic(outputPath, why.reason, why.ruleId, why.note)
      : searchDiagnostic(outputPath, `Unexpected failure of the Pagefind service: ${cause instanceof Error ? cause.message : String(cause)}`, 'search-index-failed', 'Check that the pagefind package and its platform binary are installed.'));
  } finally {
    done = true;
    clearTimeout(watchdog);
    await pagefind.close().catch(() => null);
  }
  return diagnostics;
}

/**
 * A page address Pagefind gives back unchanged for the file
 * `<folder><address>index.html`: `/`-rooted, ending in `/`, made of
 * characters that need no encoding (article slugs are), no `.`/`..` parts.
 */
const FILE_ADDRESS = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/;

/** The documents Pagefind can read as files (their address says where), and the others, sent one by one. */
function splitByAddress(documents: readonly SearchDocument[]): { asFiles: SearchDocument[]; oneByOne: SearchDocument[] } {
  const asFiles: SearchDocument[] = [];
  const oneByOne: SearchDocument[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    const address = typeof document.url === 'string' ? document.url : '';
    const fits = FILE_ADDRESS.test(address) && !seen.has(address);
    if (fits) seen.add(address);
    (fits ? asFiles : oneByOne).push(document);
  }
  return { asFiles, oneByOne };
}

/** Writes each document to `<folder><url>index.html`, where Pagefind's folder walk finds it under its address. */
async function writeDocumentFiles(folder: string, documents: readonly SearchDocument[]): Promise<void> {
  for (const document of documents) {
    const file = path.join(folder, ...document.url.split('/').filter(Boolean), 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, document.content);
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} ${seconds === 1 ? 'second' : 'seconds'}`;
}
