/**
 * The only module that knows the stage order:
 * load → parse → extract → link → assemble. No logic of its own.
 */
import type { Archive, ArticleFacts, Diagnostic, LoadedArticle, SourceFile } from './archive/types.ts';
import { loadArticles } from './load/front-matter.ts';
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
import { cacheKey, noCache, type BuildCache } from './cache/build-cache.ts';
import type { ArticleWorkers } from './parallel/article-workers.ts';

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

/** Options of `buildArchiveCached`. */
export interface BuildArchiveCachedOptions extends BuildArchiveOptions {
  /** Extraction results and linked archives of earlier builds (default: `noCache`). */
  cache?: BuildCache;
  /** Worker threads to extract on; `null` extracts in this thread (default: `null`). */
  workers?: ArticleWorkers | null;
}

/**
 * Builds the archive from content files. Pure: files in, records and
 * diagnostics out. Files with errors are left out of the archive and
 * reported; the caller decides whether errors stop the build.
 */
export function buildArchive(files: SourceFile[], options: BuildArchiveOptions = {}): BuildArchiveResult {
  const { toExtract, diagnostics } = loadUniqueArticles(files);
  const extracting = (options.progress ?? silentProgress).stage('extracting', toExtract.length);
  const extracted = toExtract.map((a) => {
    const result = extractLoadedArticle(a, options);
    extracting.advance();
    return result;
  });
  extracting.end();
  return linkArticles(extracted, diagnostics, options);
}

/**
 * `buildArchive` for the build command: the same records and diagnostics,
 * but an article whose text and code are unchanged since an earlier build
 * takes its extraction from `cache`, the others are extracted on `workers`,
 * and a set of articles linked before takes its archive from `cache`.
 */
export async function buildArchiveCached(files: SourceFile[], options: BuildArchiveCachedOptions = {}): Promise<BuildArchiveResult> {
  const cache = options.cache ?? noCache;
  const { toExtract, diagnostics } = loadUniqueArticles(files);
  const { facts, keys } = await extractArticlesCached(toExtract, options);
  const extracted = toExtract.map((loaded, i) => ({ id: articleSlug(loaded.frontMatter), loaded, facts: facts[i] ?? { quotes: [], entities: [], diagnostics: [] } }));
  // Linking reads every article: with the same extraction keys and aliases file, its result is the same.
  const linkKey = cacheKey(...keys, options.aliases?.path ?? '', options.aliases?.value ?? '');
  const linked = asLinkedArchive(cache.get('link', linkKey));
  if (linked) {
    for (const a of extracted) diagnostics.push(...a.facts.diagnostics);
    return { archive: linked.archive, diagnostics: [...diagnostics, ...linked.diagnostics] };
  }
  const before = diagnostics.length + extracted.reduce((n, a) => n + a.facts.diagnostics.length, 0);
  const result = linkArticles(extracted, diagnostics, options);
  cache.set('link', linkKey, { archive: result.archive, diagnostics: result.diagnostics.slice(before) });
  return result;
}

/**
 * The cache key of one loaded article's extraction: everything extraction
 * reads is in the loaded article (file name, front matter, body and where it
 * starts), and the time budget decides whether a slow article fails.
 * Exported so a sharded build's merge files the shards' results under the
 * very key this build looks them up by.
 */
export function extractCacheKey(loaded: LoadedArticle, articleBudgetMs?: number): string {
  return cacheKey(JSON.stringify(loaded), String(articleBudgetMs ?? ''));
}

/**
 * Extracts loaded articles, each taken from `cache` when there and the
 * others extracted on `workers` (and stored in `cache`); resolves to their
 * facts in order, and their cache keys. The per-article half of
 * `buildArchiveCached`, which a shard of a sharded build runs alone.
 */
export async function extractArticlesCached(toExtract: LoadedArticle[], options: BuildArchiveCachedOptions = {}): Promise<{ facts: ArticleFacts[]; keys: string[] }> {
  const cache = options.cache ?? noCache;
  const extracting = (options.progress ?? silentProgress).stage('extracting', toExtract.length);
  const keys = toExtract.map((a) => extractCacheKey(a, options.articleBudgetMs));
  const facts: (ArticleFacts | undefined)[] = keys.map((key) => asArticleFacts(cache.get('extract', key)));
  extracting.advance(facts.filter(Boolean).length);
  const missing = toExtract.flatMap((a, i) => (facts[i] ? [] : [{ article: a, index: i }]));
  const store = (index: number, result: ArticleFacts): void => {
    facts[index] = result;
    // A time-budget failure depends on the machine's load, not on the text: never keep it.
    if (!result.diagnostics.some((d) => d.ruleId === 'article-time-budget-exceeded')) cache.set('extract', keys[index] ?? '', result);
    extracting.advance();
  };
  if (options.workers && !options.now && missing.length >= options.workers.minArticles) {
    const results = await options.workers.extract(missing.map((m) => m.article), options.articleBudgetMs, (i, result) => store(missing[i]?.index ?? -1, result));
    if (results.length !== missing.length) throw new Error('the extraction workers returned fewer articles than they were given');
  } else {
    for (const { article, index } of missing) store(index, extractLoadedArticle(article, options).facts);
  }
  extracting.end();
  return { facts: facts.map((f) => f ?? { quotes: [], entities: [], diagnostics: [] }), keys };
}

/** Loads every file and leaves out the later of two that would get one page (reported), so ids stay unique. */
function loadUniqueArticles(files: SourceFile[]): { toExtract: LoadedArticle[]; diagnostics: Diagnostic[] } {
  const { loaded, diagnostics } = loadArticles(files);
  const collisions = checkArticleCollisions(loaded, (a) => articleSlug(a.frontMatter), new Map(files.map((f) => [f.path, f.value])));
  diagnostics.push(...collisions);
  const duplicates = new Set(collisions.filter((d) => d.ruleId === 'duplicate-slug').map((d) => d.file));
  return { toExtract: loaded.filter((a) => !duplicates.has(a.file)), diagnostics };
}

/** Links the extracted articles across the archive and assembles it; `diagnostics` are the earlier stages'. */
function linkArticles(extracted: ExtractedArticle[], diagnostics: Diagnostic[], options: BuildArchiveOptions): BuildArchiveResult {
  const linking = (options.progress ?? silentProgress).stage('linking');
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

/** A cached value read back as extraction facts, or `undefined` when it does not have their shape. */
function asArticleFacts(value: unknown): ArticleFacts | undefined {
  const facts = value as Partial<ArticleFacts> | undefined;
  return facts && Array.isArray(facts.quotes) && Array.isArray(facts.entities) && Array.isArray(facts.diagnostics) ? (facts as ArticleFacts) : undefined;
}

/** A cached value read back as a linked archive, or `undefined` when it does not have its shape. */
function asLinkedArchive(value: unknown): BuildArchiveResult | undefined {
  const linked = value as { archive?: Partial<Archive>; diagnostics?: unknown } | undefined;
  const archive = linked?.archive;
  return archive && Array.isArray(linked.diagnostics) && (['articles', 'quotes', 'speakers', 'entities', 'sources'] as const).every((k) => Array.isArray(archive[k]))
    ? (linked as BuildArchiveResult)
    : undefined;
}
