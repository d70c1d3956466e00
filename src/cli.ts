/**
 * Command line: `build`, `extract FILE...`, `import FILE_OR_DIR...`, `serve`. A thin shell over the
 * pipeline: it parses arguments, does the file I/O through `load/` and
 * `output/`, prints diagnostics, and is the only module that sets
 * `process.exitCode`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Archive, Diagnostic, LoadedArticle, SourceFile } from './archive/types.ts';
import { RULES } from './diagnostics/messages.ts';
import { formatDiagnostics, hasErrors, summarizeDiagnostics } from './diagnostics/report.ts';
import { toArchiveJson } from './export/json.ts';
import { articleSlug } from './link/ids.ts';
import { checkArticleCollisions } from './load/collisions.ts';
import { ContentFolderError, readSourceFiles, scanContentFolder } from './load/content-files.ts';
import { loadArticle } from './load/front-matter.ts';
import { ALIASES_FILE_NAME } from './load/aliases-file.ts';
import { checkPathPrefix, checkSiteUrl, loadSiteConfig, SITE_CONFIG_FILE_NAME, splitSiteUrl, DEFAULT_SITE_SETTINGS, type SiteSettings } from './load/site-config.ts';
import { abandonUnfinishedSite, recoverOutputFolder, shownBeside, writeSiteAtomically, type InterruptOutcome } from './output/atomic.ts';
import { toBuildReportJson } from './output/build-report.ts';
import { checkOutputFolder } from './output/output-folder.ts';
import { toPublishedArchive, toPublishedDiagnostics, toPublishedPath } from './output/published-paths.ts';
import { buildArchive, buildArchiveCached, type BuildArchiveCachedOptions } from './pipeline.ts';
import { createBuildProgress, silentProgress, type BuildProgress } from './output/progress.ts';
import { noCache, openBuildCache, type BuildCache, type OpenedBuildCache } from './cache/build-cache.ts';
import { computeCodeVersion } from './cache/code-version.ts';
import { createArticleWorkers, type ArticleWorkers } from './parallel/article-workers.ts';
import { reachTestPoint } from './test-points.ts';
import { parseShardSpec, type ShardSpec } from './shard/shard-assignment.ts';
import type { LoadedShards } from './shard/shard-merge.ts';
import type { RenderEntry } from './shard/shard-bundle.ts';

const USAGE = `Usage:
  quote-archive build [--content content] [--out _site] [--cache DIR | --no-cache] [--url URL] [--path-prefix /folder/]
  quote-archive build --shard K/N [--merge BUNDLE_DIR...] [--content content] [--out _shard-K-of-N] [--cache DIR | --no-cache]
  quote-archive build --merge BUNDLE_DIR... [--content content] [--out _site] [--cache DIR | --no-cache] [--url URL] [--path-prefix /folder/]
  quote-archive extract [--aliases FILE] FILE...
  quote-archive import [--out content] [--force] [--title T] [--date YYYY-MM-DD] [--source S] [--url U] [--byline B] [--dateline D] [--language L] FILE_OR_DIR...
  quote-archive serve [--dir _site] [--host 127.0.0.1] [--port 8080] [--path-prefix /folder/]`;

/** Exit codes: 0 success, 1 the input has errors or the build failed, 2 wrong usage; 130 and 143 interrupted (SIGINT, SIGTERM). */
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** This tool's own folder (holding its package.json): a build never replaces it. */
const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The build cache's folder name, in this tool's folder unless `--cache` names another. */
const CACHE_FOLDER_NAME = '.quote-archive-cache';

/** Tells whether `path` is `folder` or inside it (both absolute). */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where the command line writes; tests running it in-process collect the text instead. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
};

// The output of the command being run; one command runs at a time.
let io: CliOutput = processOutput;

/**
 * Runs the command line with `argv` (without the node and script paths) and
 * resolves to its exit code; also sets `process.exitCode` to it. Paths are
 * taken relative to the working folder.
 */
export async function runCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  io = output;
  process.exitCode = 0;
  try {
    await runCommand(argv);
  } finally {
    io = processOutput;
  }
  return Number(process.exitCode ?? 0);
}

async function runCommand(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'build':
      return runBuild(rest);
    case 'extract':
      return runExtract(rest);
    case 'serve':
      return runServe(rest);
    case 'import':
      return runImport(rest);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${USAGE}\n`);
      return;
    default:
      failUsage(command === undefined ? 'missing command' : `unknown command "${command}"`);
  }
}

function failUsage(message: string): void {
  io.stderr(`${message}\n${USAGE}\n`);
  process.exitCode = EXIT_USAGE;
}

function parse<T extends Record<string, { type: 'string'; default?: string } | { type: 'boolean'; default?: boolean }>>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    failUsage((error as Error).message);
    return null;
  }
}

async function runBuild(args: string[]): Promise<void> {
  const parsed = parse(args, { content: { type: 'string', default: 'content' }, out: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' }, url: { type: 'string' }, 'path-prefix': { type: 'string' }, shard: { type: 'string' }, merge: { type: 'boolean' } }, true);
  if (!parsed) return;
  const sharding = shardingOf(parsed.values.shard, parsed.values.merge === true, parsed.positionals);
  if (!sharding) return;
  if (sharding.shard && (parsed.values.url !== undefined || parsed.values['path-prefix'] !== undefined)) {
    failUsage('--url and --path-prefix are settings of the site, which the merge builds: give them to `build --merge`, not to a shard');
    return;
  }
  const overrides = siteOverrides(parsed.values.url, parsed.values['path-prefix']);
  if (!overrides) return;
  const contentDir = String(parsed.values.content ?? 'content');
  const outDir = String(parsed.values.out ?? (sharding.shard ? `_shard-${sharding.shard.index}-of-${sharding.shard.count}` : '_site'));
  if (parsed.values['no-cache'] && parsed.values.cache !== undefined) {
    failUsage('--cache and --no-cache cannot be given together');
    return;
  }
  // In this tool's folder by default, so nothing appears beside the user's site; never in the content.
  const named = parsed.values.cache === undefined ? null : resolve(String(parsed.values.cache));
  if (named && isInside(named, resolve(contentDir))) {
    failUsage(`--cache must be outside the content folder, got "${String(parsed.values.cache)}"`);
    return;
  }
  const inProject = join(PROJECT_ROOT, CACHE_FOLDER_NAME);
  const cacheDir = parsed.values['no-cache'] ? null : named ?? (isInside(inProject, resolve(contentDir)) ? null : inProject);
  const started = performance.now();
  if (sharding.shard) return buildShardInto(contentDir, outDir, cacheDir, started, sharding.shard, sharding.merge);
  const stopHandlingInterrupts = handleInterrupts(outDir);
  try {
    await reachTestPoint('build-started');
    await buildInto(contentDir, outDir, cacheDir, started, overrides, sharding.merge);
  } finally {
    stopHandlingInterrupts();
  }
}

/** `--shard K/N` or `--merge DIR...` as given: one of them, or neither (an unsharded build); null after a usage error. */
function shardingOf(shard: string | undefined, merge: boolean, positionals: string[]): { shard?: ShardSpec; merge?: string[] } | null {
  if (!merge && positionals.length > 0) {
    failUsage(`unexpected argument "${positionals[0]}": build takes folders only after --merge`);
    return null;
  }
  if (merge) {
    if (positionals.length === 0) {
      failUsage('--merge needs the folders of the shard bundles, e.g. --merge shards/*');
      return null;
    }
  }
  const mergeDirs = merge ? { merge: positionals } : {};
  if (shard === undefined) return mergeDirs;
  const spec = parseShardSpec(shard);
  if ('problem' in spec) {
    failUsage(`--shard: ${spec.problem}`);
    return null;
  }
  return { shard: spec, ...mergeDirs };
}

/** Site settings given on the command line; they win over `content/site.yml` (a deploy preview, a second host). */
type SiteOverrides = Partial<Pick<SiteSettings, 'url' | 'pathPrefix'>>;

/** Checks `--url` and `--path-prefix` like the settings file does; a wrong one is a usage error (exit 2). */
function siteOverrides(url: string | undefined, pathPrefix: string | undefined): SiteOverrides | null {
  const overrides: SiteOverrides = {};
  if (pathPrefix !== undefined) {
    const checked = checkPathPrefix(pathPrefix);
    if ('problem' in checked) {
      failUsage(`--path-prefix: ${checked.problem}`);
      return null;
    }
    overrides.pathPrefix = checked.value;
  }
  if (url !== undefined) {
    const checked = checkSiteUrl(url);
    const split = 'value' in checked ? splitSiteUrl(checked.value, overrides.pathPrefix ?? null) : checked;
    if ('problem' in split) {
      failUsage(`--url: ${split.problem}`);
      return null;
    }
    overrides.url = split.url;
    if (split.pathPrefix !== '/' || overrides.pathPrefix) overrides.pathPrefix = split.pathPrefix;
  }
  return overrides;
}

async function buildInto(contentDir: string, outDir: string, cacheDir: string | null, started: number, overrides: SiteOverrides = {}, mergeDirs?: string[]): Promise<void> {
  // Before anything is written: a wrong --out must not cost the user a project or the articles.
  const unsafe = checkOutputFolder(outDir, { contentDir, projectRoot: PROJECT_ROOT });
  if (hasErrors(unsafe)) return fail(unsafe, new Map(), `${outDir} was left as it was`);
  // A swap killed between its renames left the previous site aside: put it back whatever this build does.
  const recovered = await recoverOutputFolder(outDir);
  if (hasErrors(recovered)) return fail(recovered, new Map(), `${outDir} could not be restored`);

  // Progress goes to the real terminal only: tests running the CLI in-process collect text, not redraws.
  const progress = io === processOutput ? createBuildProgress() : silentProgress;
  const reading = progress.stage('reading');
  const { files, diagnostics: inputDiagnostics } = await readContent(contentDir);
  // The curator's aliases file is optional; it is read only when it is there.
  const aliasesPath = join(contentDir, ALIASES_FILE_NAME);
  const aliases = existsSync(aliasesPath) ? await readSourceFiles([aliasesPath]) : { files: [], diagnostics: [] };
  // So are the site settings; the command line's --url and --path-prefix win over them.
  const configPath = join(contentDir, SITE_CONFIG_FILE_NAME);
  const config = existsSync(configPath) ? await readSourceFiles([configPath]) : { files: [], diagnostics: [] };
  const loadedConfig = config.files[0] ? loadSiteConfig(config.files[0]) : { settings: { ...DEFAULT_SITE_SETTINGS }, diagnostics: [] };
  const settings: SiteSettings = { ...loadedConfig.settings, ...overrides };
  const siteConfig = { files: config.files, diagnostics: [...config.diagnostics, ...loadedConfig.diagnostics], settings };
  reading.end();
  const codeVersion = computeCodeVersion(PROJECT_ROOT);
  // A merge takes every article's extraction from the shard bundles, once they are checked to be this content's.
  let shards: LoadedShards | null = null;
  if (mergeDirs) {
    const { loadShardBundles } = await import('./shard/shard-merge.ts');
    shards = await loadShardBundles(mergeDirs, files, contentDir, codeVersion);
    if (hasErrors(shards.diagnostics)) {
      const texts = new Map([...files.map((f): [string, string] => [f.path, f.value]), ...shards.manifestTexts]);
      return fail(dedupeDiagnostics([...recovered, ...inputDiagnostics, ...shards.diagnostics]), texts, `${outDir} was left as it was`);
    }
  }
  const opened: OpenedBuildCache = cacheDir ? openBuildCache(cacheDir, codeVersion) : { cache: noCache, diagnostics: [] };
  if (shards) {
    const { withShardResults } = await import('./shard/shard-merge.ts');
    opened.cache = withShardResults(opened.cache, shards);
  }
  // Threads start only when enough articles miss the cache, and stop when the build ends; their code is kept
  // bundled beside the cache entries of this code version.
  const workers = createArticleWorkers({ ...workerOptions(), ...(opened.versionFolder ? { bundleFolder: join(opened.versionFolder, 'worker') } : {}) });
  try {
    await buildWithWorkers(contentDir, outDir, started, { files, aliases, siteConfig, inputDiagnostics, recovered, progress, cache: opened.cache, cacheDiagnostics: opened.diagnostics, workers });
  } finally {
    await workers.close();
    await opened.cache.flush();
  }
}

/** What `buildInto` read and set up before extraction. */
interface BuildInputs {
  files: SourceFile[];
  aliases: { files: SourceFile[]; diagnostics: Diagnostic[] };
  /** `content/site.yml` as read, its problems, and the settings with the command line's applied. */
  siteConfig: { files: SourceFile[]; diagnostics: Diagnostic[]; settings: SiteSettings };
  inputDiagnostics: Diagnostic[];
  recovered: Diagnostic[];
  progress: BuildProgress;
  cache: BuildCache;
  cacheDiagnostics: Diagnostic[];
  workers: ArticleWorkers;
}

async function buildWithWorkers(contentDir: string, outDir: string, started: number, inputs: BuildInputs): Promise<void> {
  const { files, aliases, siteConfig, inputDiagnostics, recovered, progress, cache, workers } = inputs;
  const { archive, diagnostics: archiveDiagnostics } = await buildArchiveReportingCrashes(files, aliases.files[0] ?? null, { progress, cache, workers });
  const fileTexts = new Map([...files, ...aliases.files, ...siteConfig.files].map((f) => [f.path, f.value]));
  const diagnostics = dedupeDiagnostics([...recovered, ...inputs.cacheDiagnostics, ...inputDiagnostics, ...siteConfig.diagnostics, ...aliases.diagnostics, ...archiveDiagnostics, ...findCollisions(files)]);
  if (hasErrors(diagnostics)) return fail(diagnostics, fileTexts, `${outDir} was left as it was`);

  // Loaded here, not at the top: `extract` should not pay for loading Eleventy and Pagefind.
  const { buildSite } = await import('./site/build-site.ts');
  // Published records name files relative to the content folder; the terminal names them as the user does.
  const shownPath = new Map(files.map((f) => [toPublishedPath(f.path, contentDir), f.path]));
  const results = await writeSiteAtomically(outDir, async (tmpDir) => {
    const siteDiagnostics = (await buildSite(toPublishedArchive(archive, contentDir), tmpDir, { ...searchOptions(), ...exportOptions(), ...siteOptions(siteConfig.settings), progress, cache, workers, previousSite: outDir }))
      // A file of the new site is named where it will be once the site is in place, not in the temporary folder.
      .map((d) => ({ ...d, file: shownPath.get(d.file) ?? (isInside(resolve(d.file), resolve(tmpDir)) ? join(outDir, relative(tmpDir, d.file)) : d.file) }));
    const all = [...diagnostics, ...siteDiagnostics];
    // The cache folder is the build machine's business, not the archive's: its warning is printed, not published.
    // The site's own files are named from its root there (`archive.json`), not by the build machine's folders.
    const published = all.filter((d) => !inputs.cacheDiagnostics.includes(d))
      .map((d) => (d.line === 0 && resolve(d.file) !== resolve(outDir) && isInside(resolve(d.file), resolve(outDir)) ? { ...d, file: relative(outDir, d.file).split('\\').join('/') } : d));
    if (!hasErrors(all)) await writeFile(join(tmpDir, 'build-report.json'), toBuildReportJson(archive, toPublishedDiagnostics(published, contentDir)));
    return siteDiagnostics;
  });
  const all = dedupeDiagnostics([...diagnostics, ...results]);
  if (hasErrors(all)) {
    const setAside = all.some((d) => d.ruleId === 'previous-site-set-aside');
    return fail(all, fileTexts, setAside ? `${outDir} could not be restored` : `${outDir} was left as it was`);
  }
  if (all.length) io.stderr(formatDiagnostics(all, fileTexts));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stdout(
    `Built ${plural(archive.articles.length, 'article')}, ${plural(archive.quotes.length, 'quote')}, `
    + `${plural(archive.speakers.length, 'speaker')}, ${plural(archive.entities.length, 'entity', 'entities')} `
    + `into ${outDir} in ${seconds}s (${summarizeDiagnostics(all)})\n`,
  );
}

/**
 * `build --shard K/N`: the per-article work of the content files assigned to
 * shard K (see `src/shard/`), written as a shard bundle into `outDir` for
 * `build --merge`. Its articles' problems are printed as a build prints
 * them; with an error no bundle is written and the folder is left as it was.
 * With `--merge` and the first round's bundles, the second round: the
 * archive linked from them, then shard K's article bodies rendered into a
 * render bundle.
 */
async function buildShardInto(contentDir: string, outDir: string, cacheDir: string | null, started: number, spec: ShardSpec, mergeDirs?: string[]): Promise<void> {
  const { buildShard, inShard, shardFiles } = await import('./shard/shard-build.ts');
  const { checkBundleFolder, writeShardBundle } = await import('./shard/shard-bundle.ts');
  const outcome = `${outDir} was left as it was`;
  // The site checks (never the content, the project, the working folder) hold for a bundle too; its stamp is its manifest.
  const unsafe = [...checkOutputFolder(outDir, { contentDir, projectRoot: PROJECT_ROOT }).filter((d) => d.ruleId !== 'output-folder-not-a-site'), ...checkBundleFolder(outDir)];
  if (hasErrors(unsafe)) return failShard(unsafe, new Map(), outcome);
  const progress = io === processOutput ? createBuildProgress() : silentProgress;
  const { files, diagnostics: read } = await readContent(contentDir);
  // Problems of the whole folder are every shard's; a file's belong to its shard alone (the second round links them all).
  const inputDiagnostics = mergeDirs ? read : read.filter((d) => d.line === 0 && (d.ruleId === 'missing-content-folder' || d.ruleId === 'no-content-files') || inShard(d.file, contentDir, spec));
  const fileTexts = new Map(files.map((f) => [f.path, f.value]));
  if (hasErrors(inputDiagnostics)) return failShard(inputDiagnostics, fileTexts, outcome);
  const codeVersion = computeCodeVersion(PROJECT_ROOT);
  const opened = cacheDir ? openBuildCache(cacheDir, codeVersion) : { cache: noCache, diagnostics: [] };
  const workers = createArticleWorkers(workerOptions());
  try {
    const manifest = { shard: spec.index, of: spec.count, codeVersion, files: shardFiles(files, contentDir, spec) };
    if (mergeDirs) {
      const rendered = await renderShardBodies(contentDir, files, fileTexts, mergeDirs, spec, { codeVersion, cache: opened.cache, workers, progress, inputDiagnostics });
      if (!rendered) return;
      await writeShardBundle(outDir, { ...manifest, stage: 'render' }, rendered);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      io.stdout(`Built render shard ${spec.index} of ${spec.count}: ${plural(rendered.length, 'article body', 'article bodies')} into ${outDir} in ${seconds}s\n`);
      return;
    }
    const result = await buildShard(files, contentDir, spec, { progress, cache: opened.cache, workers });
    const all = dedupeDiagnostics([...opened.diagnostics, ...inputDiagnostics, ...result.diagnostics]);
    if (hasErrors(all)) return failShard(all, fileTexts, outcome);
    await writeShardBundle(outDir, { ...manifest, stage: 'extract' }, result.entries);
    if (all.length) io.stderr(formatDiagnostics(all, fileTexts));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout(`Built shard ${spec.index} of ${spec.count}: ${plural(result.entries.length, 'article')} into ${outDir} in ${seconds}s (${summarizeDiagnostics(all)})\n`);
  } finally {
    await workers.close();
    await opened.cache.flush();
  }
}

/**
 * The second round's work: the first round's bundles checked and linked
 * into the archive, as the merge does, then shard `spec`'s bodies rendered.
 * Null after printing the errors that stop it (the first round's warnings
 * are not printed again).
 */
async function renderShardBodies(
  contentDir: string, files: SourceFile[], fileTexts: Map<string, string>, mergeDirs: string[], spec: ShardSpec,
  context: { codeVersion: string; cache: BuildCache; workers: ArticleWorkers; progress: BuildProgress; inputDiagnostics: Diagnostic[] },
): Promise<RenderEntry[] | null> {
  const { loadShardBundles, withShardResults } = await import('./shard/shard-merge.ts');
  const { renderShard } = await import('./shard/render-shard.ts');
  const outcome = 'no bundle was written';
  const shards = await loadShardBundles(mergeDirs, files, contentDir, context.codeVersion);
  if (hasErrors(shards.diagnostics)) {
    failShard(shards.diagnostics, new Map([...fileTexts, ...shards.manifestTexts]), outcome);
    return null;
  }
  const cache = withShardResults(context.cache, shards);
  const aliasesPath = join(contentDir, ALIASES_FILE_NAME);
  const aliases = existsSync(aliasesPath) ? await readSourceFiles([aliasesPath]) : { files: [], diagnostics: [] };
  const { archive, diagnostics } = await buildArchiveReportingCrashes(files, aliases.files[0] ?? null, { progress: context.progress, cache, workers: context.workers });
  const all = dedupeDiagnostics([...context.inputDiagnostics, ...aliases.diagnostics, ...diagnostics, ...findCollisions(files)]);
  if (hasErrors(all)) {
    failShard(all, new Map([...fileTexts, ...aliases.files.map((f): [string, string] => [f.path, f.value])]), outcome);
    return null;
  }
  try {
    return await renderShard(toPublishedArchive(archive, contentDir), spec, { cache, workers: context.workers, progress: context.progress });
  } catch (error) {
    const { articleFileOf } = await import('./render/article-failure.ts');
    const published = articleFileOf(error);
    const file = files.find((f) => toPublishedPath(f.path, contentDir) === published)?.path ?? contentDir;
    const entry = RULES['site-build-failed'];
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    failShard([{ file, line: file === contentDir ? 0 : 1, column: file === contentDir ? 0 : 1, severity: entry.severity, source: entry.source, ruleId: 'site-build-failed', reason: `Unexpected failure rendering the article: ${cause}` }], fileTexts, outcome);
    return null;
  }
}

function failShard(diagnostics: Diagnostic[], fileTexts: Map<string, string>, outcome: string): void {
  io.stderr(formatDiagnostics(diagnostics, fileTexts));
  io.stderr(`Shard failed; ${outcome}.\n`);
  process.exitCode = EXIT_ERRORS;
}

/** Prints the diagnostics and the closing line that says what became of the output folder; exit 1. */
function fail(diagnostics: Diagnostic[], fileTexts: Map<string, string>, outcome: string): void {
  io.stderr(formatDiagnostics(diagnostics, fileTexts));
  io.stderr(`Build failed; ${outcome}.\n`);
  process.exitCode = EXIT_ERRORS;
}

/** `QUOTE_ARCHIVE_WORKERS=<n>`: worker threads besides the main one (0: none), e.g. for a CI runner that shares its cores (default: one per other core). */
function workerOptions(): { threads?: number } {
  const threads = Number(process.env.QUOTE_ARCHIVE_WORKERS);
  return process.env.QUOTE_ARCHIVE_WORKERS !== undefined && Number.isInteger(threads) && threads >= 0 ? { threads } : {};
}

/** The site settings as `buildSite` options. */
function siteOptions(settings: SiteSettings): { title: string; siteUrl?: string; pathPrefix: string; language: string } {
  return { title: settings.title, pathPrefix: settings.pathPrefix, language: settings.language, ...(settings.url ? { siteUrl: settings.url } : {}) };
}

/** `QUOTE_ARCHIVE_EXPORT_LIMIT_MB=<n>`: the largest data export file, in MB of 1,000,000 bytes, e.g. 25 for a host that stops at 25 MiB (default in `buildSite`, 50). */
function exportOptions(): { exportLimitBytes?: number } {
  const megabytes = Number(process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB);
  return Number.isFinite(megabytes) && megabytes > 0 ? { exportLimitBytes: Math.floor(megabytes * 1_000_000) } : {};
}

/** The Pagefind time limit: `QUOTE_ARCHIVE_PAGEFIND_TIMEOUT` seconds without an answer (default in `writeSearchIndex`). */
function searchOptions(): { searchTimeoutMs?: number } {
  const seconds = Number(process.env.QUOTE_ARCHIVE_PAGEFIND_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? { searchTimeoutMs: seconds * 1000 } : {};
}

/**
 * Ctrl-C or a service stop during a build: drop the half-built folder (or let
 * a swap under way finish its two renames), say what became of the output
 * folder, and exit as shells expect (128 + signal number). Under `npm run`
 * the signal reaches this process both from the terminal and forwarded by
 * npm; the first one handles it. Returns the function that removes the handlers.
 */
function handleInterrupts(outDir: string): () => void {
  let handling = false;
  const handlers = ([['SIGINT', 130], ['SIGTERM', 143]] as const).map(([signal, code]) => {
    const handler = (): void => {
      if (handling) return;
      handling = true;
      void abandonUnfinishedSite().then((outcome) => {
        io.stderr(`\n${describeInterrupt(outcome, outDir)}\n`);
        process.exit(code);
      });
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => { for (const [signal, handler] of handlers) process.off(signal, handler); };
}

/** The closing line of an interrupted build: what became of the output folder and of the temporary one. */
function describeInterrupt(outcome: InterruptOutcome, outDir: string): string {
  if (outcome.replaced) return `Build interrupted after the new site was put in ${outDir}.`;
  const removed = outcome.removed.map((folder) => shownBeside(outDir, folder));
  const kept = `${removed.length ? `the temporary folder ${removed.join(', ')} was removed and ` : ''}${outDir} was left as it was`;
  const left = outcome.notRemoved.map(({ folder, why }) => `; the temporary folder ${shownBeside(outDir, folder)} could not be removed (${why}), the next build removes it`);
  return `Build interrupted; ${kept}${left.join('')}.`;
}

async function runExtract(args: string[]): Promise<void> {
  const parsed = parse(args, { aliases: { type: 'string' } }, true);
  if (!parsed) return;
  if (parsed.positionals.length === 0) {
    failUsage('extract needs at least one file');
    return;
  }
  const { files, diagnostics: readDiagnostics } = await readSourceFiles(parsed.positionals);
  // Named on purpose, so a missing file is an error (unlike the build's optional content/aliases.yml).
  const aliases = parsed.values.aliases === undefined ? { files: [], diagnostics: [] } : await readSourceFiles([parsed.values.aliases]);
  const { archive, diagnostics: archiveDiagnostics } = await buildArchiveReportingCrashes(files, aliases.files[0] ?? null);
  const diagnostics = dedupeDiagnostics([...readDiagnostics, ...aliases.diagnostics, ...archiveDiagnostics, ...findCollisions(files)]);
  io.stdout(toArchiveJson(archive));
  if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics, new Map([...files, ...aliases.files].map((f) => [f.path, f.value]))));
  if (hasErrors(diagnostics)) process.exitCode = EXIT_ERRORS;
}

/** The import's flags that name a front-matter field; they apply to every input. */
const GIVEN_FIELDS = ['title', 'date', 'source', 'url', 'byline', 'dateline', 'language'] as const;
// These name one article: with several inputs every file would get the same one.
const ONE_ARTICLE_FIELDS = ['title', 'url'] as const;

async function runImport(args: string[]): Promise<void> {
  const parsed = parse(args, {
    out: { type: 'string', default: 'content' },
    force: { type: 'boolean', default: false },
    ...Object.fromEntries(GIVEN_FIELDS.map((field) => [field, { type: 'string' as const }])),
  }, true);
  if (!parsed) return;
  if (parsed.positionals.length === 0) {
    failUsage('import needs at least one file or folder');
    return;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { listInputFiles } = await import('./import/input-files.ts');
  const { planImport } = await import('./import/import-plan.ts');
  const { files: paths, emptyFolders } = await listInputFiles(parsed.positionals);
  if (emptyFolders.length) {
    failUsage(`no .txt or .html files in ${emptyFolders.map((f) => `"${f}"`).join(', ')}`);
    return;
  }
  const oneArticle = ONE_ARTICLE_FIELDS.filter((field) => values[field] !== undefined);
  if (paths.length > 1 && oneArticle.length) {
    failUsage(`--${oneArticle.join(' and --')} name one article, but ${paths.length} files are being imported; import that file on its own`);
    return;
  }
  const given = Object.fromEntries(GIVEN_FIELDS.filter((field) => typeof values[field] === 'string').map((field) => [field, values[field] as string]));
  const outDir = String(values.out ?? 'content');
  const { files, diagnostics: readDiagnostics } = await readSourceFiles(paths);
  const existing = await readExistingArticles(outDir);
  const plan = planImport(files, { outDir, given, force: values.force === true, exists: (file) => existsSync(file), existing });
  const diagnostics = [...readDiagnostics, ...plan.diagnostics];
  if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics, new Map(files.map((f) => [f.path, f.value]))));
  if (hasErrors(diagnostics)) {
    io.stderr('Import failed; nothing was written.\n');
    process.exitCode = EXIT_ERRORS;
    return;
  }
  const written: string[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    for (const file of plan.files) {
      await writeFile(file.path, file.text);
      written.push(file.path);
      io.stdout(`${file.from} -> ${file.path}${file.replaces ? ' (replaced)' : ''}\n`);
    }
  } catch (error) {
    // A full disk or a read-only folder: say exactly which files were written, so none is a surprise.
    io.stderr(`${outDir}: error: cannot write the imported files: ${(error as Error).message} [import:import-write-failed]\n`);
    io.stderr(`Import failed; ${written.length ? `written before the failure: ${written.join(', ')}` : 'nothing was written'}.\n`);
    process.exitCode = EXIT_ERRORS;
    return;
  }
  io.stdout(`Imported ${plural(plan.files.length, 'article')} into ${outDir}.\n`);
}

/** The articles already in a content folder (none when it does not exist yet); files that do not load are skipped: the build reports them. */
async function readExistingArticles(contentDir: string): Promise<{ file: string; id: string; url: string | null }[]> {
  let paths: string[];
  try {
    ({ paths } = await scanContentFolder(contentDir));
  } catch (error) {
    // No folder yet (or not a folder, which writing then reports): nothing to compare with.
    if (error instanceof ContentFolderError) return [];
    throw error;
  }
  const { files } = await readSourceFiles(paths);
  return files.flatMap((file) => {
    const { article } = loadArticle(file);
    return article ? [{ file: file.path, id: articleSlug(article.frontMatter), url: article.frontMatter.url ?? null }] : [];
  });
}

async function runServe(args: string[]): Promise<void> {
  const parsed = parse(args, { dir: { type: 'string', default: '_site' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8080' }, 'path-prefix': { type: 'string', default: '/' } });
  if (!parsed) return;
  const prefix = checkPathPrefix(parsed.values['path-prefix'] ?? '/');
  if ('problem' in prefix) {
    failUsage(`--path-prefix: ${prefix.problem}`);
    return;
  }
  const port = Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    failUsage(`--port must be a number from 0 to 65535, got "${parsed.values.port}"`);
    return;
  }
  const { serveSite } = await import('./site/serve.ts');
  await serveSite(parsed.values.dir ?? '_site', { host: parsed.values.host ?? '127.0.0.1', port, pathPrefix: prefix.value });
}

async function readContent(contentDir: string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  let paths: string[];
  let refused: Diagnostic[];
  try {
    ({ paths, diagnostics: refused } = await scanContentFolder(contentDir));
  } catch (error) {
    if (!(error instanceof ContentFolderError)) throw error;
    const entry = RULES['missing-content-folder'];
    return { files: [], diagnostics: [{ file: contentDir, line: 0, column: 0, severity: entry.severity, reason: error.message, ruleId: 'missing-content-folder', source: entry.source, note: entry.hint }] };
  }
  if (paths.length === 0 && refused.length === 0) {
    const entry = RULES['no-content-files'];
    return { files: [], diagnostics: [{ file: contentDir, line: 0, column: 0, severity: entry.severity, reason: `no Markdown files (*.md) in "${contentDir}"`, ruleId: 'no-content-files', source: entry.source, note: entry.hint }] };
  }
  const read = await readSourceFiles(paths);
  return { files: read.files, diagnostics: [...refused, ...read.diagnostics] };
}

/**
 * buildArchive is pure and should never throw; if a bug makes it throw, the
 * user still gets a diagnostic on the file that triggers it (found by
 * retrying file by file) instead of a stack trace, and the site is kept.
 */
async function buildArchiveReportingCrashes(files: SourceFile[], aliases: SourceFile | null, options: BuildArchiveCachedOptions = {}): Promise<{ archive: Archive; diagnostics: Diagnostic[] }> {
  try {
    return await buildArchiveCached(files, { ...options, aliases });
  } catch (error) {
    const entry = RULES['extraction-crashed'];
    const crash = (file: string, line: number, cause: unknown): Diagnostic => ({
      file, line, column: line > 0 ? 1 : 0, severity: entry.severity, ruleId: 'extraction-crashed', source: entry.source, note: entry.hint,
      reason: `extraction failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`,
    });
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      // Loading problems are still worth reporting: they do not depend on the crash.
      const loaded = loadArticle(file);
      diagnostics.push(...loaded.diagnostics);
      if (!loaded.article) continue;
      try {
        buildArchive([file]);
      } catch (cause) {
        diagnostics.push(crash(file.path, 1, cause));
      }
    }
    if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(crash(files[0]?.path ?? 'content', 0, error));
    return { archive: { articles: [], quotes: [], speakers: [], entities: [], sources: [] }, diagnostics };
  }
}

// Collisions need every loaded article at once; loading is cheap next to extraction.
function findCollisions(files: SourceFile[]): Diagnostic[] {
  const loaded: LoadedArticle[] = [];
  for (const file of files) {
    const { article } = loadArticle(file);
    if (article) loaded.push(article);
  }
  return checkArticleCollisions(loaded, (a) => articleSlug(a.frontMatter), new Map(files.map((f) => [f.path, f.value])));
}

// The pipeline may report the same problem the CLI also checks: print each once.
function dedupeDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.ruleId}\0${d.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Run only as a program: tests import `runCli` and call it in-process.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await runCli(process.argv.slice(2));
  } catch (error) {
    // Only I/O edges throw; anything reaching here is a bug or an environment failure, reported once.
    process.stderr.write(`quote-archive: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_ERRORS;
  }
}
