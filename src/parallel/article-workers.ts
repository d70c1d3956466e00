/**
 * Per-article work (extraction, body rendering) shared between this thread
 * and a pool of worker threads (piscina). Results are kept by the index of
 * their article, whatever order they finish in, and a worker runs the very
 * function this thread would, so the archive is the same with one thread or
 * many.
 *
 * This thread works too, rather than waiting on the pool: a worker spends
 * about two seconds of CPU loading the code and warming its caches, and on a
 * two-core machine this thread's share of the articles covers that start.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleFacts, LoadedArticle } from '../archive/types.ts';
import type { ArticleBodyInput, RenderedArticleBody } from '../render/article-body.ts';
import runExtractTask, { renderBody, type ExtractTask, type RenderTask } from './article-worker.ts';

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
  let pool: Piscina<Task, Result> | null = null;
  const started = (): Piscina<Task, Result> => {
    pool ??= new Piscina<Task, Result>({
      // The TypeScript loader comes with this process's `execArgv`, which workers inherit.
      filename: new URL('./article-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      // Each worker keeps its warm caches until `close`, not until a timer fires.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
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
      await pool?.destroy();
      pool = null;
    },
  };
}

/**
 * Works through `items` in order: the pool is kept `depth` tasks ahead, and
 * this thread (when `shareHere`) takes the next item itself in between,
 * yielding after each so finished workers are handed more. Resolves to every
 * result by index; the first failure rejects.
 */
async function shareWork<T, R>(
  items: T[],
  pool: Piscina<Task, Result> | null,
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
  feed();
  while (shareHere && !failure && next < items.length) {
    const index = next++;
    const result = here(items[index] as T);
    results[index] = result;
    onResult?.(index, result);
    feed();
    // Let finished workers report, so they are handed their next article.
    await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
  }
  while (pending.size > 0) await Promise.race(pending);
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}
