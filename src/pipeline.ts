/**
 * The only module that knows the stage order:
 * load → parse → extract → link → assemble. No logic of its own.
 */
import type { Archive, Diagnostic, LoadedArticle, SourceFile } from './archive/types.ts';
import { loadArticle } from './load/front-matter.ts';
import { checkArticleCollisions } from './load/collisions.ts';
import { parseTextDocument } from './parse/text-document.ts';
import { extractArticle } from './extract/index.ts';
import { articleSlug } from './link/ids.ts';
import { assembleArchiveReporting, type ExtractedArticle } from './archive/build.ts';
import { loadAliasesFile } from './load/aliases-file.ts';
import { dirname, relative } from 'node:path';

export interface BuildArchiveResult {
  archive: Archive;
  diagnostics: Diagnostic[];
}

/** Extracts one loaded article into its facts (exported for the bench and tests). */
export function extractLoadedArticle(loaded: LoadedArticle): ExtractedArticle {
  const doc = parseTextDocument(loaded.body);
  const facts = extractArticle(doc, {
    file: loaded.file,
    bodyLine: loaded.bodyLine,
    date: loaded.frontMatter.date,
    dateline: typeof loaded.frontMatter.dateline === 'string' ? loaded.frontMatter.dateline : undefined,
  });
  return { id: articleSlug(loaded.frontMatter), loaded, facts };
}

/** Options of `buildArchive`. */
export interface BuildArchiveOptions {
  /** The curator's aliases file (`content/aliases.yml`), read by the caller (default: none). */
  aliases?: SourceFile | null;
}

/**
 * Builds the archive from content files. Pure: files in, records and
 * diagnostics out. Files with errors are left out of the archive and
 * reported; the caller decides whether errors stop the build.
 */
export function buildArchive(files: SourceFile[], options: BuildArchiveOptions = {}): BuildArchiveResult {
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedArticle[] = [];
  for (const file of files) {
    const result = loadArticle(file);
    diagnostics.push(...result.diagnostics);
    if (result.article) loaded.push(result.article);
  }
  // Two files that would get one page: the later one is reported and left out, so ids stay unique.
  const collisions = checkArticleCollisions(loaded, (a) => articleSlug(a.frontMatter), new Map(files.map((f) => [f.path, f.value])));
  diagnostics.push(...collisions);
  const duplicates = new Set(collisions.filter((d) => d.ruleId === 'duplicate-slug').map((d) => d.file));
  const extracted = loaded.filter((a) => !duplicates.has(a.file)).map(extractLoadedArticle);
  for (const a of extracted) diagnostics.push(...a.facts.diagnostics);
  const aliasesFile = options.aliases ?? null;
  const aliases = aliasesFile ? loadAliasesFile(aliasesFile) : null;
  if (aliases) diagnostics.push(...aliases.diagnostics);
  // A split may name an article by its file, relative to the aliases file's folder, as the curator sees it.
  const filesRelativeToAliases = aliasesFile
    ? new Map(extracted.map((a) => [a.id, relative(dirname(aliasesFile.path), a.loaded.file).split('\\').join('/')]))
    : undefined;
  const assembled = assembleArchiveReporting(extracted, { aliases: aliases?.aliases ?? null, ...(filesRelativeToAliases ? { filesRelativeToAliases } : {}) });
  diagnostics.push(...assembled.diagnostics);
  return { archive: assembled.archive, diagnostics };
}
