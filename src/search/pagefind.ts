/**
 * The search index's I/O edge: Pagefind's Node API. Every call answers with
 * an `errors` array instead of throwing; each error becomes a Diagnostic
 * (source `search`), and exceptions from the service do too, so a failed
 * index is reported like any other problem, never a crash.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../archive/types.ts';
import type { SearchDocument } from './documents.ts';

/**
 * Documents handed to Pagefind per `addDirectory` call. Pagefind reads a
 * folder on all cores (as its CLI does), where `addHTMLFile` takes one file
 * per request on one: 7 ms a document at 10,000 articles against about 1.5.
 * Folders of a few thousand keep an answer coming every few seconds, so the
 * silence limit stays meaningful, and bound the scratch space on disk.
 */
const DOCUMENTS_PER_FOLDER = 2000;

/** A document's page address must be a folder path of the site (`/articles/<slug>/`): Pagefind reads the address back from the file's place. */
const PAGE_PATH = /^\/(?:[A-Za-z0-9._~-]+\/)+$/;

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
    for (const document of documents) {
      if (!PAGE_PATH.test(document.url ?? '') || document.url.split('/').includes('..')) {
        diagnostics.push(searchDiagnostic(document.url ?? outputPath, `Unexpected page address ${JSON.stringify(document.url)} for the search index, expected a folder path such as /articles/<slug>/`, 'search-index-failed'));
      }
    }
    if (diagnostics.length > 0) return diagnostics;
    for (let i = 0; i < documents.length; i += DOCUMENTS_PER_FOLDER) {
      const folder = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-search-'));
      try {
        const batch = documents.slice(i, i + DOCUMENTS_PER_FOLDER);
        await writeDocuments(batch, folder);
        const added = await answered(index.addDirectory({ path: folder }));
        for (const error of added.errors) diagnostics.push(searchDiagnostic(outputPath, `Unexpected Pagefind error indexing the articles: ${error}`, 'search-index-failed'));
        if (added.errors.length === 0 && added.page_count !== batch.length) {
          diagnostics.push(searchDiagnostic(outputPath, `Unexpected count of indexed articles: Pagefind read ${added.page_count} of ${batch.length}`, 'search-index-failed'));
        }
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    if (diagnostics.length > 0) return diagnostics;
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

/** Writes each document where Pagefind reads its address back from: `<folder>/articles/<slug>/index.html` for `/articles/<slug>/`. */
async function writeDocuments(documents: readonly SearchDocument[], folder: string): Promise<void> {
  for (let i = 0; i < documents.length; i += 64) {
    await Promise.all(documents.slice(i, i + 64).map(async (document) => {
      const file = path.join(folder, ...document.url.split('/').filter(Boolean), 'index.html');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, document.content);
    }));
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} ${seconds === 1 ? 'second' : 'seconds'}`;
}
