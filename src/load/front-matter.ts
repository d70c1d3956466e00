/**
 * Minimal first version (the trust engineer hardens it): splits a content
 * file into front matter and body and checks the required keys.
 */
import matter from 'gray-matter';
import type { Diagnostic, FrontMatter, LoadedArticle, SourceFile } from '../archive/types.ts';

/** Loads one content file. Pure. */
export function loadArticle(file: SourceFile): { article: LoadedArticle | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const value = file.value.replace(/^\uFEFF/, '');
  const parsed = matter(value);
  const data = parsed.data as Record<string, unknown>;
  for (const key of ['title', 'date', 'source']) {
    if (data[key] === undefined || data[key] === '') {
      diagnostics.push({ file: file.path, line: 1, column: 1, severity: 'error', reason: `missing front matter \`${key}\``, ruleId: `missing-front-matter-${key}`, source: 'load' });
    }
  }
  if (diagnostics.length) return { article: null, diagnostics };
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
  const frontMatter = { ...data, title: String(data.title), date, source: String(data.source) } as FrontMatter;
  const bodyOffset = value.length - parsed.content.length;
  const bodyLine = value.slice(0, bodyOffset).split('\n').length - 1;
  return { article: { file: file.path, frontMatter, body: parsed.content, bodyLine, bodyOffset }, diagnostics };
}
