/**
 * The code a worker thread runs: one article's extraction per task, with the
 * very function the main thread would call, so where an article is extracted
 * never changes what comes out; likewise one article body's rendering
 * (the named export `renderBody`). Loaded by piscina in each worker.
 */
import type { ArticleFacts, LoadedArticle } from '../archive/types.ts';
import { extractLoadedArticle } from '../pipeline.ts';
import { renderArticleBody, type ArticleBodyInput, type RenderedArticleBody } from '../render/article-body.ts';

/** One task: the article and its extraction time budget in ms (`undefined`: the default). */
export interface ExtractTask {
  article: LoadedArticle;
  budgetMs: number | undefined;
}

/** Extracts one article; its facts travel back by structured clone. */
export default function runExtractTask(task: ExtractTask): ArticleFacts {
  return extractLoadedArticle(task.article, task.budgetMs === undefined ? {} : { articleBudgetMs: task.budgetMs }).facts;
}

/** One rendering task: the body's input and its time budget in ms (`undefined`: the default). */
export interface RenderTask {
  input: ArticleBodyInput;
  budgetMs: number | undefined;
}

/** Renders one article body. */
export function renderBody(task: RenderTask): RenderedArticleBody {
  return renderArticleBody(task.input, task.budgetMs === undefined ? {} : { budgetMs: task.budgetMs });
}
