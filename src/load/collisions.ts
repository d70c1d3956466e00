/**
 * Finds articles that would overwrite each other: the same page (slug) or
 * the same original address (url). Pure; every later file of a group gets
 * an error naming the first, placed on the front-matter line responsible.
 */
import type { Diagnostic, LoadedArticle } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';
import { lineAt } from '../diagnostics/position.ts';
import { locateFrontMatterKeys } from './front-matter.ts';

/**
 * Reports duplicate slugs and duplicate urls. `slugOf` gives an article's
 * slug (the link stage's rule); `sources` maps file paths to their text, for
 * positions. Slugs compare case-insensitively because macOS and Windows file
 * systems do; urls compare without fragment, trailing slash or host case.
 */
export function checkArticleCollisions(
  articles: readonly LoadedArticle[],
  slugOf: (article: LoadedArticle) => string,
  sources: ReadonlyMap<string, string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ordered = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const firstBySlug = new Map<string, LoadedArticle>();
  const firstByUrl = new Map<string, LoadedArticle>();
  for (const article of ordered) {
    const text = sources.get(article.file) ?? '';
    const keys = locateFrontMatterKeys(text);
    const slug = slugOf(article);
    const slugKey = slug.toLowerCase();
    const sameSlug = firstBySlug.get(slugKey);
    if (sameSlug) {
      // An explicit `slug:` is the line to change; otherwise the slug came from date and title.
      const at = keys.get('slug') ?? keys.get('title');
      diagnostics.push(collision(article.file, text, at?.line ?? 1, at?.valueColumn ?? 1, 'duplicate-slug',
        `article would get the same page as ${sameSlug.file} (slug "${slug}")`));
    } else {
      firstBySlug.set(slugKey, article);
    }
    const url = article.frontMatter.url;
    if (typeof url === 'string' && url !== '') {
      const urlKey = normalizeUrl(url);
      const sameUrl = firstByUrl.get(urlKey);
      if (sameUrl) {
        const at = keys.get('url');
        diagnostics.push(collision(article.file, text, at?.line ?? 1, at?.valueColumn ?? 1, 'duplicate-url',
          `url "${url}" is also the url of ${sameUrl.file}`));
      } else {
        firstByUrl.set(urlKey, article);
      }
    }
  }
  return diagnostics;
}

function collision(file: string, text: string, line: number, column: number, ruleId: 'duplicate-slug' | 'duplicate-url', reason: string): Diagnostic {
  const d: Diagnostic = { file, line, column, severity: 'error', reason, ruleId, source: 'load', note: RULES[ruleId].hint };
  const excerpt = lineAt(text, line);
  if (excerpt !== null) d.excerpt = excerpt;
  return d;
}

/** Normalizes a url for comparison: no fragment, lowercase host, no trailing slash. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    let text = parsed.href;
    if (parsed.search === '' && text.endsWith('/')) text = text.slice(0, -1);
    return text.replace(/^http:/, 'https:');
  } catch {
    return url.trim();
  }
}
