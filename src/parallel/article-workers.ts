/**
 * Per-article work (extraction, body rendering) shared between this thread
 * and a pool of worker threads (piscina). Results are kept by the index of
 * their article, whatever order they finish in, and a worker runs the very
 * function this thread would, so the archive is the same with one thread or
 * many.
 *
 * This thread works too, rather than waiting on the pool: a worker spends
 * time loading the code and warming its caches, and on a two-core machine
 * this thread's share of the articles covers that start. Loading the
 * TypeScript sources took a worker about two seconds; given a folder to keep
 * it in, workers load the code bundled into one file instead (see
 * `worker-bundle.ts`), in about half a second.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ArticleFacts, LoadedArticle } from '../archive/types.ts';
import type { ArticleBodyInput, RenderedArticleBody } from '../render/article-body.ts';
import runExtractTask, { renderBody, type ExtractTask, type RenderTask } from './article-worker.ts';
import { bundleArticleWorker } from './worker-bundle.ts';

/** Per-article work spread over threads. */
export interface ArticleWorkers {
  /** Extracts `articles`; calls `onResult` as each finishes (index into `articles`); resolves to the facts in order. */
  extract(articles: LoadedArticle[], budgetMs: number | undefined, onResult?: (index: number, facts: ArticleFacts) => void): Promise<ArticleFacts[]>;
  /** Renders article bodies; calls `onResult` as each finishes; resolves to them in order. A failure rejects. */
  render(inputs: ArticleBodyInput[], budgetMs: number | undefined, onResult?: (index: number, body: RenderedArticleBody) => void): Promise<RenderedArticleBody[]>;
  /** Stops the threads. */
  close(): Promise<void>;
  /** Fewest articles worth starting the threads for; fewer are worked on in the calling thread alone. */
  readonly minArticles: number;
}

/** Options of `createArticleWorkers`. */
export interface ArticleWorkersOptions {
  /** Worker threads besides this one (default: one less than the available parallelism). */
  threads?: number;
  /** Whether this thread takes articles too (default: `true`; tests turn it off to send every article to a worker). */
  shareWithThisThread?: boolean;
  /** Fewest articles worth starting the threads for (default: `150`: a thread spends about 2 s of CPU starting, what this thread extracts 130 articles in). */
  minArticles?: number;
  /**
   * Folder to keep the workers' code in, bundled into one file that loads
   * faster than the sources (the build cache's folder of this code version);
   * when bundling fails the workers load the sources (default: none, they
   * load the sources).
   */
  bundleFolder?: string | null;
}

/** Tasks kept queued in each worker, so it never waits for this thread to hand it the next one. */
const TASKS_PER_WORKER = 4;

type Task = ExtractTask | RenderTask;
type Result = ArticleFacts | RenderedArticleBody;

/**
 * Prepares the pool; threads start on first use, so a build whose articles
 * all come from the cache starts none. With no worker thread (a single
 * core), all work is done in this thread.
 */
export function createArticleWorkers(options: ArticleWorkersOptions = {}): ArticleWorkers {
  const threads = Math.max(0, options.threads ?? availableParallelism() - 1);
  const shareHere = options.shareWithThisThread ?? true;
  let pool: Promise<Piscina<Task, Result>> | null = null;
  const started = (): Promise<Piscina<Task, Result>> => {
    // Bundled when the threads are first needed (a build that extracts nothing bundles nothing), once per
    // version of the code: later builds find the file. `null`: no bundle, the workers load the sources.
    pool ??= (options.bundleFolder ? bundleArticleWorker(options.bundleFolder).catch(() => null) : Promise.resolve(null)).then((bundled) => new Piscina<Task, Result>({
      // The sources need the TypeScript loader, which comes with this process's `execArgv` that workers
      // inherit; the bundle is plain JavaScript and needs nothing.
      ...(bundled ? { filename: pathToFileURL(bundled).href, execArgv: [] } : { filename: new URL('./article-worker.ts', import.meta.url).href }),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      // Each worker keeps its warm caches until `close`, not until a timer fires.
      idleTimeout: Number.POSITIVE_INFINITY,
    }));
    return pool;
  };
  const share = <T, R extends Result>(items: T[], here: (item: T) => R, there: (pool: Piscina<Task, Result>, item: T) => Promise<R>, onResult?: (index: number, result: R) => void): Promise<R[]> =>
    shareWork(items, threads === 0 ? null : started(), shareHere || threads === 0, here, there, threads * TASKS_PER_WORKER, onResult);
  return {
    minArticles: options.minArticles ?? 150,
    // This thread runs the very functions a worker runs, with the same task.
    extract(articles, budgetMs, onResult) {
      return share(articles, (article) => runExtractTask({ article, budgetMs }), async (p, article) => (await p.run({ article, budgetMs })) as ArticleFacts, onResult);
    },
    render(inputs, budgetMs, onResult) {
      return share(inputs, (input) => renderBody({ input, budgetMs }), async (p, input) => (await p.run({ input, budgetMs }, { name: 'renderBody' })) as RenderedArticleBody, onResult);
    },
    close: async () => {
      const closing = pool;
      pool = null;
      await (await closing?.catch(() => null))?.destroy();
    },
  };
}

/**
 * Works through `items` in order: the pool, once ready, is kept `depth` tasks
 * ahead, and this thread (when `shareHere`) takes the next item itself in
 * between, yielding after each so finished workers are handed more. Resolves
 * to every result by index; the first failure rejects.
 */
async function shareWork<T, R>(
  items: T[],
  poolReady: Promise<Piscina<Task, Result>> | null,
  shareHere: boolean,
  here: (item: T) => R,
  there: (pool: Piscina<Task, Result>, item: T) => Promise<R>,
  depth: number,
  onResult?: (index: number, result: R) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const pending = new Set<Promise<void>>();
  // This thread starts on the articles while the pool is being made (its code bundled, its threads started).
  let pool: Piscina<Task, Result> | null = null;
  const made = poolReady?.then(
    (ready) => { pool = ready; feed(); },
    (error: unknown) => { failure ??= { error }; },
  );
  const feed = (): void => {
    while (pool && !failure && pending.size < depth && next < items.length) {
      const index = next++;
      const item = items[index] as T;
      const done = there(pool, item).then(
        (result) => { results[index] = result; onResult?.(index, result); },
        (error: unknown) => { failure ??= { error }; },
      ).finally(() => {
        pending.delete(done);
        feed();
      });
      pending.add(done);
    }
  };
  while (shareHere && !failure && next < items.length) {
    const index = next++;
    const result = here(items[index] as T);
    results[index] = result;
    onResult?.(index, result);
    feed();
    // Let finished workers report, so they are handed their next article.
    await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
  }
  await made;
  while (pending.size > 0) await Promise.race(pending);
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}
