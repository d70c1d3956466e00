/**
 * The search index's I/O edge: Pagefind's Node API. Every call answers with
 * an `errors` array instead of throwing; each error becomes a Diagnostic
 * (source `search`), and exceptions from the service do too, so a failed
 * index is reported like any other problem, never a crash.
 */
import { mkdir } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../archive/types.ts';
import type { SearchDocument } from './documents.ts';

/** Requests sent to the Pagefind service before waiting for answers. */
const IN_FLIGHT = 16;

function searchDiagnostic(file: string, reason: string, ruleId: string, note?: string): Diagnostic {
  const diagnostic: Diagnostic = { file, line: 1, column: 1, severity: 'error', reason, ruleId, source: 'search' };
  if (note) diagnostic.note = note;
  return diagnostic;
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
 * (normally `<site>/pagefind`). A Pagefind process that
 * stops answering is stopped after `timeoutMs` and reported, never waited
 * on forever.
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
  // The watchdog restarts on every answer; when it fires, closing the service fails every pending request.
  let timedOut = false;
  let watchdog: NodeJS.Timeout | undefined;
  const rearm = (): void => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      timedOut = true;
      void pagefind.close();
    }, timeoutMs);
  };
  const answered = async <T>(request: Promise<T>): Promise<T> => {
    try {
      return await request;
    } finally {
      if (!timedOut) rearm();
    }
  };
  rearm();
  try {
    const created = await answered(pagefind.createIndex({}));
    for (const error of created.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error creating the index: ${error}`, 'search-index-failed'));
    const index = created.index;
    if (!index) return diagnostics;
    // A few requests in flight keep the Pagefind service busy while Node encodes the next ones;
    // results are collected in input order, so diagnostics stay deterministic.
    for (let i = 0; i < documents.length; i += IN_FLIGHT) {
      const batch = documents.slice(i, i + IN_FLIGHT);
      const answers = await Promise.all(batch.map((document) => answered(index.addHTMLFile({ url: document.url, content: document.content }))));
      answers.forEach((added, k) => {
        for (const error of added.errors) diagnostics.push(searchDiagnostic(batch[k]!.url, `Unexpected Pagefind error indexing the article: ${error}`, 'search-index-failed'));
      });
    }
    const written = await answered(index.writeFiles({ outputPath }));
    for (const error of written.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error writing the index: ${error}`, 'search-index-failed'));
    await answered(index.deleteIndex());
  } catch (cause) {
    diagnostics.push(timedOut
      ? searchDiagnostic(outputPath, `Pagefind gave no answer for ${formatSeconds(timeoutMs)}; the search index was stopped`, 'search-index-timed-out', 'The previous site was kept. Run the build again; if it keeps happening, raise QUOTE_ARCHIVE_PAGEFIND_TIMEOUT (seconds) or check the pagefind binary.')
      : searchDiagnostic(outputPath, `Unexpected failure of the Pagefind service: ${cause instanceof Error ? cause.message : String(cause)}`, 'search-index-failed', 'Check that the pagefind package and its platform binary are installed.'));
  } finally {
    clearTimeout(watchdog);
    await pagefind.close().catch(() => null);
  }
  return diagnostics;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} ${seconds === 1 ? 'second' : 'seconds'}`;
}
