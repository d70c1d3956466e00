/**
 * The fuzz test's build, run in a worker thread: the test can then stop a
 * case that hangs (even in synchronous code, which no timer of the thread
 * running it could interrupt) and report it, instead of hanging the suite.
 * Answers each job with what the build gave, or with `crash` when it threw.
 */
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from '../../src/archive/types.ts';
import { runCli } from '../../src/cli.ts';
import { buildArchive } from '../../src/pipeline.ts';
import { toSiteView } from '../../src/site/view-data.ts';
import { formatDiagnostics } from '../../src/diagnostics/report.ts';

/** What to run: extract one file in memory, or run `build` with these folders (absolute paths). */
export type FuzzRequest =
  | { kind: 'archive'; path: string; value: string }
  | { kind: 'build'; content: string; out: string };

/** A request as sent to the worker, numbered so the answer finds it. */
export type FuzzJob = FuzzRequest & { id: number };

/** The answer to a job. */
export type FuzzAnswer =
  | { id: number; kind: 'archive'; articles: number; viewArticles: number | null; diagnostics: Diagnostic[]; report: string }
  | { id: number; kind: 'build'; code: number; stdout: string; stderr: string }
  | { id: number; kind: 'crash'; error: string };

async function answer(job: FuzzJob): Promise<FuzzAnswer> {
  try {
    if (job.kind === 'archive') {
      const { archive, diagnostics } = buildArchive([{ path: job.path, value: job.value }]);
      // Whatever was accepted also renders (recursion past the limits would overflow here).
      const viewArticles = archive.articles.length ? toSiteView(archive).articles.length : null;
      const report = formatDiagnostics(diagnostics, new Map([[job.path, job.value]]));
      return { id: job.id, kind: 'archive', articles: archive.articles.length, viewArticles, diagnostics, report };
    }
    let stdout = '';
    let stderr = '';
    const code = await runCli(['build', '--content', job.content, '--out', job.out], { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
    return { id: job.id, kind: 'build', code, stdout, stderr };
  } catch (error) {
    return { id: job.id, kind: 'crash', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort!.on('message', (job: FuzzJob) => {
  void answer(job).then((reply) => parentPort!.postMessage(reply));
});
