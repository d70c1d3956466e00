/**
 * The only module that knows the stage order:
 * load → parse → extract → link → assemble. No logic of its own.
 */
import type { Archive, Diagnostic, LoadedArticle, SourceFile } from './archive/types.ts';
import { loadArticle } from './load/front-matter.ts';
import { checkArticleCollisions } from './load/collisions.ts';
import { parseArticleBody } from './parse/text-document.ts';
import { describeNestingProblem } from './parse/nesting-depth.ts';
import { TimeBudget, TimeBudgetExceededError } from './extract/time-budget.ts';
import { RULES } from './diagnostics/messages.ts';
import { offsetToPosition } from './diagnostics/position.ts';
import { extractArticle } from './extract/index.ts';
import { articleSlug } from './link/ids.ts';
import { assembleArchiveReporting, type ExtractedArticle } from './archive/build.ts';
import { loadAliasesFile } from './load/aliases-file.ts';
import { dirname, relative } from 'node:path';
import { silentProgress, type BuildProgress } from './output/progress.ts';

export interface BuildArchiveResult {
  archive: Archive;
  diagnostics: Diagnostic[];
}

/** Options of `buildArchive` and `extractLoadedArticle`. */
export interface BuildArchiveOptions {
  /** Time one article's extraction may take, in ms (default: `DEFAULT_ARTICLE_BUDGET_MS`). */
  articleBudgetMs?: number;
  /** The clock of the budget, in ms (default: `performance.now`); tests pass a fake one. */
  now?: () => number;
}

/**
 * Extracts one loaded article into its facts (exported for the bench and
 * tests). A body nested too deeply to parse safely, or one whose extraction
 * runs out of its time budget, gets an error on that file and no facts.
 */
export function extractLoadedArticle(loaded: LoadedArticle, options: BuildArchiveOptions = {}): ExtractedArticle {
  const id = articleSlug(loaded.frontMatter);
  const fail = (ruleId: 'nesting-too-deep' | 'article-time-budget-exceeded', offset: number, reason: string): ExtractedArticle => {
    const pos = offsetToPosition(loaded.body, offset);
    const entry = RULES[ruleId];
    const diagnostic: Diagnostic = { file: loaded.file, line: pos.line + loaded.bodyLine, column: pos.column, severity: entry.severity, reason, ruleId, source: entry.source, note: entry.hint };
    return { id, loaded, facts: { quotes: [], entities: [], diagnostics: [diagnostic] } };
  };
  const budget = new TimeBudget({ ...(options.articleBudgetMs === undefined ? {} : { limitMs: options.articleBudgetMs }), ...(options.now ? { now: options.now } : {}) });
  const parsed = parseArticleBody(loaded.body);
  if (!parsed.doc) return fail('nesting-too-deep', parsed.problem.offset, describeNestingProblem(parsed.problem));
  try {
    const facts = extractArticle(parsed.doc, {
      file: loaded.file,
      bodyLine: loaded.bodyLine,
      date: loaded.frontMatter.date,
      dateline: typeof loaded.frontMatter.dateline === 'string' ? loaded.frontMatter.dateline : undefined,
      budget,
    });
    return { id, loaded, facts };
  } catch (error) {
    if (!(error instanceof TimeBudgetExceededError)) throw error;
    return fail('article-time-budget-exceeded', error.offset, `unexpected slow extraction: ${error.message}, expected at most ${error.limitMs / 1000} s per article`);
  }
}

/** Options of `buildArchive`. */
export interface BuildArchiveOptions {
  /** The curator's aliases file (`content/aliases.yml`), read by the caller (default: none). */
  aliases?: SourceFile | null;
  /** Where the stages report their progress (default: `silentProgress`). */
  progress?: BuildProgress;
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
  const progress = options.progress ?? silentProgress;
  const toExtract = loaded.filter((a) => !duplicates.has(a.file));
  const extracting = progress.stage('extracting', toExtract.length);
  const extracted = toExtract.map((a) => {
    const result = extractLoadedArticle(a, options);
    extracting.advance();
    return result;
  });
  extracting.end();
  const linking = progress.stage('linking');
  for (const a of extracted) diagnostics.push(...a.facts.diagnostics);
  // An article whose extraction failed is reported, not published half-done.
  const complete = extracted.filter((a) => !a.facts.diagnostics.some((d) => d.severity === 'error'));
  const aliasesFile = options.aliases ?? null;
  const aliases = aliasesFile ? loadAliasesFile(aliasesFile) : null;
  if (aliases) diagnostics.push(...aliases.diagnostics);
  // A split may name an article by its file, relative to the aliases file's folder, as the curator sees it.
  const filesRelativeToAliases = aliasesFile
    ? new Map(complete.map((a) => [a.id, relative(dirname(aliasesFile.path), a.loaded.file).split('\\').join('/')]))
    : undefined;
  const assembled = assembleArchiveReporting(complete, { aliases: aliases?.aliases ?? null, ...(filesRelativeToAliases ? { filesRelativeToAliases } : {}) });
  diagnostics.push(...assembled.diagnostics);
  linking.end();
  return { archive: assembled.archive, diagnostics };
}
