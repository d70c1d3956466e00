/** Groups an archive's quotes by the article they come from, in archive order. */
import type { Quote } from './types.ts';

export function quotesByArticle<Q extends Pick<Quote, 'articleId'>>(quotes: readonly Q[]): Map<string, Q[]> {
  const byArticle = new Map<string, Q[]>();
  for (const q of quotes) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  return byArticle;
}
