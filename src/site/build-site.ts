/**
 * Writes the whole static site for an Archive into a folder: Eleventy pages,
 * feeds and data exports, and the Pagefind index (one search document per
 * article, its quotes as sub-results). Problems come back as Diagnostics (source `site` or
 * `search`); nothing here throws for a bad build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Archive, Diagnostic } from '../archive/types.ts';
import { toAtomFeeds } from '../export/feeds.ts';
import { toRobotsTxt, toSitemap } from '../export/sitemap.ts';
import { toQuoteJsonFeed } from '../export/json-feed.ts';
import { SCHEMA_FILES, toArchiveJsonSchema, toDataIndexJsonSchema, toQuoteRowJsonSchema } from '../export/json-schema.ts';
import { DEFAULT_EXPORT_LIMIT_BYTES, toDataIndex, toDataPartFiles, toWholeExports, type DataPartFile, type WholeExport } from '../export/data-exports.ts';
import { DATA_INDEX_PATH, toDataIndexJson } from '../export/data-index.ts';
import { articleFileOf } from '../render/article-failure.ts';
import { toSearchDocuments } from '../search/documents.ts';
import { writeSearchIndex } from '../search/pagefind.ts';
import { projectRoot, templatesDir, type EleventyConfig } from './eleventy-plugin.ts';
import { toSiteView, type SiteView, type ViewDataOptions } from './view-data.ts';
import { toSitemapPages } from './sitemap-pages.ts';
import { prefixSiteLinks } from './path-prefix.ts';
import { TimeBudgetExceededError } from '../extract/time-budget.ts';
import { RULES } from '../diagnostics/messages.ts';
import { silentProgress, type BuildProgress } from '../output/progress.ts';
import { cacheKey, cacheKeyOf, noCache, type BuildCache } from '../cache/build-cache.ts';
import { asOutputFiles, describeOutputFiles, listOutputFiles, reuseOutputFiles } from '../output/reused-files.ts';
import type { ArticleWorkers } from '../parallel/article-workers.ts';
import { renderArticleBodies } from './article-bodies.ts';
import { reuseRecordPages } from './reused-pages.ts';
import { bundleCitationScript, CITATION_SCRIPT_PATH } from '../cite/citation-script.ts';

/** Options of `buildSite`. */
export interface BuildSiteOptions extends ViewDataOptions {
  /** Build the Pagefind index (default: `true`). */
  search?: boolean;
  /** Longest wait for any answer of the Pagefind process before the index fails (default: `writeSearchIndex`'s, 60 s). */
  searchTimeoutMs?: number;
  /** Where the stages report their progress (default: `silentProgress`). */
  progress?: BuildProgress;
  /** Article bodies rendered by earlier builds (default: `noCache`). */
  cache?: BuildCache;
  /** Worker threads to render article bodies on (default: none, this thread). */
  workers?: ArticleWorkers | null;
  /**
   * The previous site (the folder the new one will replace): output files the
   * cache says this build would write byte for byte are taken from it when it
   * still holds them unchanged (default: none, everything is made anew).
   */
  previousSite?: string;
  /**
   * The largest data export file, in bytes (default: `DEFAULT_EXPORT_LIMIT_BYTES`, 50 MB): a whole
   * export (archive.json, archive.csv, quotes.jsonl, quotes.csv) larger than this is published in
   * parts only, with a `data-export-split` warning.
   */
  exportLimitBytes?: number;
}

function siteDiagnostic(file: string, reason: string, ruleId: string, note?: string): Diagnostic {
  const diagnostic: Diagnostic = { file, line: 1, column: 1, severity: 'error', reason, ruleId, source: 'site' };
  if (note) diagnostic.note = note;
  return diagnostic;
}

/** The chain of messages of an error and its causes, since Eleventy wraps template errors. */
function describeError(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (!messages.includes(message)) messages.push(message);
    current = current instanceof Error ? (current as Error & { originalError?: unknown }).originalError ?? current.cause : undefined;
  }
  return messages.join(': ');
}

/** Renders every page of `archive` with Eleventy into `outDir`. */
async function writePages(archive: Archive, outDir: string, options: BuildSiteOptions, bodies: Map<string, string>, partsOnly: readonly string[]): Promise<{ diagnostics: Diagnostic[]; site: SiteView }> {
  const progress = options.progress ?? silentProgress;
  const viewing = progress.stage('page data', archive.articles.length);
  const site = toSiteView(archive, { ...options, bodies, partsOnly });
  viewing.end();
  // One page per record, plus the eight pages of templates that are not paginated (home, lists, data, search, 404).
  const pageCount = site.articles.length + site.speakers.length + site.entities.length + site.sources.length + site.articleListPages.length + 8;
  const writing = progress.stage('pages', pageCount);
  // Record pages the previous site holds as they would be rendered now are linked, not rendered.
  const plan = await reuseRecordPages(site, outDir, { ...(options.cache ? { cache: options.cache } : {}), ...(options.previousSite ? { previousSite: options.previousSite } : {}) });
  writing.advance(plan.reused);
  const eleventy = new Eleventy(templatesDir, outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    quietMode: true,
    config: (eleventyConfig: EleventyConfig) => {
      eleventyConfig.addGlobalData('site', plan.site);
      // Hosting under a sub-folder: every href, src and action of every page gets the prefix, so templates keep writing site paths.
      const pathPrefix = options.pathPrefix ?? '/';
      if (pathPrefix !== '/') eleventyConfig.addTransform('path-prefix', (content) => prefixSiteLinks(content, pathPrefix));
      eleventyConfig.addTransform('build-progress', (content) => {
        writing.advance();
        return content;
      });
    },
  });
  // Problems are reported once, by the caller, from our diagnostics.
  eleventy.disableLogger();
  try {
    await eleventy.write();
    await plan.record(outDir);
    writing.end();
    return { diagnostics: [], site };
  } catch (error) {
    const [headline = '', ...details] = describeError(error).trim().split('\n');
    const note = [...details.map((line) => line.trim()).filter(Boolean), 'Run with DEBUG=Eleventy* for the full trace.'].join('\n');
    // Eleventy names the page it failed on by its output file: report the article's file when it is one.
    const text = describeError(error);
    const article = archive.articles.find((a) => text.includes(path.join(outDir, a.path)));
    return {
      site,
      diagnostics: [siteDiagnostic(article?.sourceFile ?? (path.relative(process.cwd(), templatesDir) || templatesDir), `Unexpected failure rendering the site: ${headline}`, 'site-build-failed', note)],
    };
  }
}

/** The warning that a whole export is published in parts only, naming the index that lists them. */
function splitDiagnostic(outDir: string, whole: WholeExport, limitBytes: number, parts: readonly { entry: { bytes: number } }[]): Diagnostic {
  const entry = RULES['data-export-split'];
  const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
  const total = parts.reduce((n, p) => n + p.entry.bytes, 0);
  return {
    file: path.join(outDir, whole.kind.name), line: 0, column: 0, severity: entry.severity, source: entry.source, ruleId: 'data-export-split', note: entry.hint,
    reason: `${whole.kind.name} would be over the ${megabytes(limitBytes)} limit for one file: it is published in ${parts.length} parts only (${megabytes(total)} in all), listed in ${DATA_INDEX_PATH.slice(1)}`,
  };
}

/** Writes one file under `outDir`, a diagnostic when it cannot be written. */
async function writeSiteFile(outDir: string, name: string, text: string): Promise<Diagnostic[]> {
  try {
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), text);
    return [];
  } catch (error) {
    return [siteDiagnostic(path.join(outDir, name), `Unexpected failure writing the file: ${describeError(error)}`, 'site-build-failed')];
  }
}

/** What a writer of site files reports: its problems and the files it wrote (relative to `outDir`). */
interface Written {
  diagnostics: Diagnostic[];
  written: string[];
}

/**
 * Writes the whole-archive data exports: each whole while within the limit
 * and, once any of them is past it, all of them in parts as well (written one
 * by one, so they are never all in memory); and the index of both. A small
 * archive publishes its wholes only: parts beside them would double the
 * exports' size for nothing.
 */
async function writeDataExports(archive: Archive, outDir: string, wholes: readonly WholeExport[], limitBytes: number): Promise<Written> {
  const diagnostics: Diagnostic[] = [];
  const written: string[] = [];
  const write = async (name: string, text: string): Promise<void> => {
    diagnostics.push(...(await writeSiteFile(outDir, name, text)));
    written.push(name);
  };
  for (const whole of wholes) if (whole.text !== null) await write(whole.kind.path.slice(1), whole.text);
  const parts: Pick<DataPartFile, 'kind' | 'entry'>[] = [];
  if (wholes.some((w) => w.text === null)) {
    for (const part of toDataPartFiles(archive, limitBytes)) {
      await write(part.entry.path.slice(1), part.text);
      parts.push({ kind: part.kind, entry: part.entry });
    }
  }
  await write(DATA_INDEX_PATH.slice(1), toDataIndexJson(toDataIndex(limitBytes, wholes, parts)));
  for (const whole of wholes) {
    if (whole.text === null) diagnostics.push(splitDiagnostic(outDir, whole, limitBytes, parts.filter((p) => p.kind === whole.kind)));
  }
  return { diagnostics, written };
}

/** Writes the data exports and feeds, which are text made from the archive rather than templates; returns the files written too (relative to `outDir`). */
async function writeExports(archive: Archive, site: SiteView, outDir: string, options: BuildSiteOptions, citationScript: Promise<string>, wholes: readonly WholeExport[]): Promise<Written> {
  const hosting = { ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}), ...(options.pathPrefix ? { pathPrefix: options.pathPrefix } : {}) };
  const data = await writeDataExports(archive, outDir, wholes, options.exportLimitBytes ?? DEFAULT_EXPORT_LIMIT_BYTES);
  const diagnostics = [...data.diagnostics];
  const files: [string, string][] = [
    [SCHEMA_FILES.archive, toArchiveJsonSchema()],
    [SCHEMA_FILES.quoteRow, toQuoteRowJsonSchema()],
    [SCHEMA_FILES.dataIndex, toDataIndexJsonSchema()],
    ['quotes.json', toQuoteJsonFeed(archive, hosting)],
    ['sitemap.xml', toSitemap(toSitemapPages(site), hosting)],
    ['robots.txt', toRobotsTxt(hosting)],
    // The whole archive's feed, and one beside each speaker, source and entity page.
    ...toAtomFeeds(archive, { ...hosting, ...(options.title === undefined ? {} : { title: options.title }), ...(options.language ? { language: options.language } : {}) })
      .map((feed): [string, string] => [feed.path.slice(1), feed.xml]),
  ];
  try {
    files.push([CITATION_SCRIPT_PATH, await citationScript]);
  } catch (error) {
    diagnostics.push(siteDiagnostic(path.join(outDir, CITATION_SCRIPT_PATH), `Unexpected failure bundling the citation script: ${describeError(error)}`, 'site-build-failed'));
  }
  for (const [name, text] of files) diagnostics.push(...(await writeSiteFile(outDir, name, text)));
  return { diagnostics, written: [...data.written, ...files.map(([name]) => name)] };
}

/**
 * The cache key of the exports and feeds: everything they are made of is the
 * archive and the settings the site view reads (the sitemap lists its
 * pages); the citation script and the schemas depend on the code only, which
 * the cache's version covers. `null` without a cache.
 */
function exportsKey(archive: Archive, options: BuildSiteOptions): string | null {
  if (!options.cache || options.cache === noCache) return null;
  const { title, siteUrl, pathPrefix, language, homeListSize, articleListPageSize } = options;
  // The file size limit decides which exports are written whole and which in parts.
  const exportLimitBytes = options.exportLimitBytes ?? DEFAULT_EXPORT_LIMIT_BYTES;
  // Record by record: the archive as one JSON string would be ~15 MB per 1,000 articles held at once.
  function* parts(): Generator<string> {
    yield JSON.stringify({ title, siteUrl, pathPrefix, language, homeListSize, articleListPageSize, exportLimitBytes });
    for (const [field, value] of Object.entries(archive) as [string, unknown][]) {
      if (!Array.isArray(value)) {
        yield `${field}=${JSON.stringify(value) ?? 'undefined'}`;
        continue;
      }
      yield `${field}[${value.length}]`;
      for (const record of value) yield JSON.stringify(record) ?? 'undefined';
    }
  }
  return cacheKeyOf(parts());
}

/**
 * Takes the exports and feeds from the previous site when the cache says this
 * build would write them byte for byte and the previous site still holds
 * those bytes (`reused-files.ts`): they are about a third of a rebuild with
 * nothing changed. Resolves to whether it did.
 */
async function reuseExports(key: string | null, outDir: string, options: BuildSiteOptions): Promise<boolean> {
  const recorded = key === null ? undefined : asOutputFiles(options.cache?.get('exports', key));
  return recorded !== undefined && options.previousSite !== undefined && await reuseOutputFiles(options.previousSite, outDir, recorded).catch(() => false);
}

/** Builds the whole static site of `archive` into `outDir`. */
export async function buildSite(archive: Archive, outDir: string, options: BuildSiteOptions = {}): Promise<Diagnostic[]> {
  try {
    return await writeSite(archive, outDir, options);
  } catch (error) {
    // An article that could not be rendered is reported on its own content file, not on the temporary folder.
    const file = articleFileOf(error);
    if (file) {
      const cause = error instanceof Error ? error.cause : undefined;
      if (cause instanceof TimeBudgetExceededError) {
        return [siteDiagnostic(file, `unexpected slow rendering: ${cause.message}, expected at most ${cause.limitMs / 1000} s per article`, 'article-time-budget-exceeded', RULES['article-time-budget-exceeded'].hint)];
      }
      return [siteDiagnostic(file, `Unexpected failure rendering the article: ${describeError(cause ?? error)}`, 'site-build-failed')];
    }
    // A bug of ours (say, in view data) is still a reported problem, so the previous site is kept.
    return [siteDiagnostic(outDir, `Unexpected failure building the site: ${describeError(error)}`, 'site-build-failed')];
  }
}

/**
 * The Pagefind index of `archive` in `<outDir>/pagefind`. The index is built
 * from one search document per article (quotes as its sub-results), not from
 * the rendered pages. Pagefind is the costliest step of a rebuild, and its
 * output depends only on the documents (and its version, part of the code
 * version): when they are those of the previous site's index, that index is
 * reused as it is.
 */
async function writeSearchIndexReusing(archive: Archive, outDir: string, options: BuildSiteOptions): Promise<Diagnostic[]> {
  const documents = toSearchDocuments(archive);
  const cache = options.cache ?? noCache;
  const key = cacheKey(JSON.stringify(documents));
  const recorded = asOutputFiles(cache.get('search-index', key));
  if (recorded && options.previousSite && await reuseOutputFiles(options.previousSite, outDir, recorded)) return [];
  const diagnostics = await writeSearchIndex(documents, path.join(outDir, 'pagefind'), options.searchTimeoutMs === undefined ? {} : { timeoutMs: options.searchTimeoutMs });
  if (diagnostics.length === 0 && cache !== noCache) {
    const files = await describeOutputFiles(outDir, await listOutputFiles(outDir, 'pagefind'));
    if (files) cache.set('search-index', key, files);
  }
  return diagnostics;
}

async function writeSite(archive: Archive, outDir: string, options: BuildSiteOptions): Promise<Diagnostic[]> {
  const progress = options.progress ?? silentProgress;
  const bodies = await renderArticleBodies(archive, {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
    progress,
    ...(options.renderBudgetMs === undefined ? {} : { renderBudgetMs: options.renderBudgetMs }),
    ...(options.now ? { now: options.now } : {}),
  });
  // Pagefind indexes in a process of its own, on the cores this thread leaves idle: it starts as soon as the
  // search documents can be made (they need the bodies' plain texts) and runs while Eleventy writes the pages
  // and the exports are written. The "search index" stage is then the wait for what is left of it.
  const searching = options.search === false ? null : writeSearchIndexReusing(archive, outDir, options);
  const exportsCacheKey = exportsKey(archive, options);
  const exportsReused = await reuseExports(exportsCacheKey, outDir, options);
  // esbuild bundles the citation script in its own process while Eleventy writes the pages (unless the exports it belongs to were reused).
  const citationScript = exportsReused ? Promise.resolve('') : bundleCitationScript();
  citationScript.catch(() => {});
  // Awaited below in every case; marked handled now so a failure while the pages are written is not "unhandled".
  searching?.catch(() => undefined);
  let diagnostics: Diagnostic[];
  try {
    // Which whole exports fit in one file decides what the /data/ page links to, so they are made before the pages.
    const wholes = toWholeExports(archive, options.exportLimitBytes ?? DEFAULT_EXPORT_LIMIT_BYTES);
    const pages = await writePages(archive, outDir, options, bodies, wholes.filter((w) => w.text === null).map((w) => w.kind.name));
    diagnostics = pages.diagnostics;
    if (!diagnostics.some((d) => d.severity === 'error')) {
      const exporting = progress.stage('exports');
      if (!exportsReused) {
        const exported = await writeExports(archive, pages.site, outDir, options, citationScript, wholes);
        diagnostics.push(...exported.diagnostics);
        const files = exportsCacheKey !== null && exported.diagnostics.length === 0 ? await describeOutputFiles(outDir, exported.written) : null;
        if (exportsCacheKey !== null && files) options.cache?.set('exports', exportsCacheKey, files);
      }
      exporting.end();
    }
  } catch (error) {
    // Pagefind must be done with the temporary folder before the caller removes it.
    await searching?.catch(() => undefined);
    throw error;
  }
  if (diagnostics.some((d) => d.severity === 'error')) {
    await searching?.catch(() => undefined);
    return diagnostics;
  }
  if (!searching) return diagnostics;
  const indexing = progress.stage('search index');
  const searchDiagnostics = await searching;
  indexing.end();
  // Pagefind names pages and quotes by URL: report them on the article's file, which the user can open.
  const fileByPath = new Map(archive.articles.map((a) => [a.path, a.sourceFile]));
  diagnostics.push(...searchDiagnostics.map((d) => {
    const file = fileByPath.get(d.file.split('#')[0] ?? '');
    return file ? { ...d, file } : d;
  }));
  return diagnostics;
}
