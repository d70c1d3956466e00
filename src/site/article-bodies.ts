/**
 * The article bodies of a site, rendered before the pages: each taken from
 * the build cache when its input (body, quotes, speakers named) is unchanged,
 * the others rendered on worker threads when there are many. Bodies are the
 * costly part of a page; the page templates then only place the HTML.
 */
import type { Archive, Speaker } from '../archive/types.ts';
import { cacheKey, noCache, type BuildCache } from '../cache/build-cache.ts';
import { silentProgress, type BuildProgress } from '../output/progress.ts';
import type { ArticleWorkers } from '../parallel/article-workers.ts';
import { renderArticleBody, type ArticleBodyInput, type RenderedArticleBody } from '../render/article-body.ts';
import { rememberPlainQuoteTexts } from '../render/quote-text.ts';
import { quotesByArticle as groupByArticle } from '../archive/quotes-by-article.ts';

/** Options of `renderArticleBodies`. */
export interface RenderArticleBodiesOptions {
  /** Bodies rendered by earlier builds (default: `noCache`). */
  cache?: BuildCache;
  /** Worker threads to render on; `null` renders in this thread (default: `null`). */
  workers?: ArticleWorkers | null;
  /** Where rendering reports its progress (default: `silentProgress`). */
  progress?: BuildProgress;
  /** Time rendering one body may take, in ms (default: `DEFAULT_ARTICLE_BUDGET_MS`). */
  renderBudgetMs?: number;
  /** The clock of that budget (default: `performance.now`); a fake clock keeps rendering in this thread. */
  now?: () => number;
}

/**
 * Renders every article body of `archive`; resolves to the HTML by article
 * id, and hands the quotes' plain texts to `toPlainQuoteTexts`. A body that
 * fails on a worker is rendered again here, so its failure is thrown exactly
 * as the single-thread build throws it (naming the article's file).
 */
export async function renderArticleBodies(archive: Archive, options: RenderArticleBodiesOptions = {}): Promise<Map<string, string>> {
  const cache = options.cache ?? noCache;
  const inputs = toArticleBodyInputs(archive);
  const rendering = (options.progress ?? silentProgress).stage('rendering bodies', inputs.length);
  const keys = inputs.map((input) => cacheKey(JSON.stringify(input)));
  const bodies: (RenderedArticleBody | undefined)[] = keys.map((key) => asRenderedBody(cache.get('render', key)));
  rendering.advance(bodies.filter(Boolean).length);
  const missing = inputs.flatMap((input, i) => (bodies[i] ? [] : [{ input, index: i }]));
  const store = (index: number, body: RenderedArticleBody): void => {
    bodies[index] = body;
    cache.set('render', keys[index] ?? '', body);
    rendering.advance();
  };
  const renderHere = (input: ArticleBodyInput): RenderedArticleBody =>
    renderArticleBody(input, { ...(options.renderBudgetMs === undefined ? {} : { budgetMs: options.renderBudgetMs }), ...(options.now ? { now: options.now } : {}) });
  if (options.workers && !options.now && missing.length >= options.workers.minArticles) {
    try {
      await options.workers.render(missing.map((m) => m.input), options.renderBudgetMs, (i, body) => store(missing[i]?.index ?? -1, body));
    } catch {
      for (const { input, index } of missing) if (!bodies[index]) store(index, renderHere(input));
    }
  } else {
    for (const { input, index } of missing) store(index, renderHere(input));
  }
  rendering.end();
  const html = new Map<string, string>();
  const texts = new Map<string, string>();
  const articleTexts = new Map<string, string>();
  archive.articles.forEach((article, i) => {
    const body = bodies[i];
    if (!body) return;
    html.set(article.id, body.html);
    articleTexts.set(article.id, body.plainText);
    for (const [id, text] of body.quoteTexts) texts.set(id, text);
  });
  // The search documents read the bodies' plain texts: handed over here, they cost no second parse.
  rememberPlainQuoteTexts(archive, texts, articleTexts.size === archive.articles.length ? articleTexts : undefined);
  return html;
}

/** Each article's body input, in the order of `archive.articles`: only the fields rendering reads, so unrelated changes keep cache hits. */
function toArticleBodyInputs(archive: Archive): ArticleBodyInput[] {
  const speakerById = new Map(archive.speakers.map((s) => [s.id, s]));
  const quotesByArticle = groupByArticle(archive.quotes);
  return archive.articles.map((a) => ({
    body: a.body,
    sourceFile: a.sourceFile,
    quotes: (quotesByArticle.get(a.id) ?? []).slice().sort((x, y) => x.start - y.start)
      .map((q) => ({ id: q.id, start: q.start, end: q.end, kind: q.kind, speakerId: q.speakerId, speakerName: q.speakerName, text: q.text })),
    speakers: a.speakerIds.map((id) => speakerById.get(id)).filter((s): s is Speaker => s !== undefined)
      .map((s) => ({ id: s.id, name: s.name, path: s.path })),
  }));
}

/** A cached value read back as a rendered body, or `undefined` when it does not have its shape. */
function asRenderedBody(value: unknown): RenderedArticleBody | undefined {
  const body = value as Partial<RenderedArticleBody> | undefined;
  return body && typeof body.html === 'string' && Array.isArray(body.quoteTexts) && typeof body.plainText === 'string' ? (body as RenderedArticleBody) : undefined;
}
