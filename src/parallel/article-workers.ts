/**
 * Extraction spread over worker threads (a piscina pool), for the build
 * command on a machine with more than one core. Results come back in the
 * order the articles were given, whatever order the workers finish in, so
 * the archive is the same with one thread or many.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleFacts, LoadedArticle } from '../archive/types.ts';
import type { ExtractTask, RenderTask } from './article-worker.ts';
import type { ArticleBodyInput, RenderedArticleBody } from '../render/article-body.ts';

/** Extraction on worker threads. */
export interface ArticleWorkers {
  /** Extracts `articles`; calls `onResult` as each finishes (index into `articles`); resolves to the facts in order. */
  extract(articles: LoadedArticle[], budgetMs: number | undefined, onResult?: (index: number, facts: ArticleFacts) => void): Promise<ArticleFacts[]>;
  /** Renders article bodies; calls `onResult` as each finishes; resolves to them in order. A failure rejects. */
  render(inputs: ArticleBodyInput[], budgetMs: number | undefined, onResult?: (index: number, body: RenderedArticleBody) => void): Promise<RenderedArticleBody[]>;
  /** Stops the threads. */
  close(): Promise<void>;
  /** Fewest articles worth starting the threads for; fewer are extracted in the calling thread. */
  readonly minArticles: number;
}

/** Options of `createArticleWorkers`. */
export interface ArticleWorkersOptions {
  /** Number of threads (default: the machine's available parallelism). */
  threads?: number;
  /** Fewest articles worth starting the threads for (default: `48`: starting a thread costs about what extracting 30 articles does). */
  minArticles?: number;
}

/** The number of threads a build uses by default: one per core, none on a single core. */
export function defaultWorkerThreads(): number {
  return availableParallelism();
}

/**
 * Starts a pool of worker threads. Each loads the extraction code once (the
 * TypeScript loader comes with the process's own `execArgv`, which workers
 * inherit), then takes articles one at a time, so a long article never holds
 * up the queue behind it.
 */
export function createArticleWorkers(options: ArticleWorkersOptions = {}): ArticleWorkers {
  const threads = Math.max(1, options.threads ?? defaultWorkerThreads());
  // Started on first use: a build whose articles all come from the cache starts no thread.
  let pool: Piscina<ExtractTask | RenderTask, ArticleFacts | RenderedArticleBody> | null = null;
  const started = (): Piscina<ExtractTask | RenderTask, ArticleFacts | RenderedArticleBody> => {
    pool ??= new Piscina<ExtractTask | RenderTask, ArticleFacts | RenderedArticleBody>({
      filename: new URL('./article-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Each worker keeps its own memo caches; idle ones are stopped by `close`, not by a timer.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    return pool;
  };
  return {
    minArticles: options.minArticles ?? 48,
    async extract(articles, budgetMs, onResult) {
      const running = started();
      return Promise.all(articles.map(async (article, index) => {
        const facts = (await running.run({ article, budgetMs })) as ArticleFacts;
        onResult?.(index, facts);
        return facts;
      }));
    },
    async render(inputs, budgetMs, onResult) {
      const running = started();
      return Promise.all(inputs.map(async (input, index) => {
        const body = (await running.run({ input, budgetMs }, { name: 'renderBody' })) as RenderedArticleBody;
        onResult?.(index, body);
        return body;
      }));
    },
    close: async () => {
      await pool?.destroy();
      pool = null;
    },
  };
}
