/**
 * Command line: `build`, `extract FILE...`, `serve`. A thin shell over the
 * pipeline: it parses arguments, does the file I/O through `load/` and
 * `output/`, prints diagnostics, and is the only module that sets
 * `process.exitCode`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Archive, Diagnostic, LoadedArticle, SourceFile } from './archive/types.ts';
import { RULES } from './diagnostics/messages.ts';
import { formatDiagnostics, hasErrors, summarizeDiagnostics } from './diagnostics/report.ts';
import { toArchiveJson } from './export/json.ts';
import { articleSlug } from './link/ids.ts';
import { checkArticleCollisions } from './load/collisions.ts';
import { ContentFolderError, findContentFiles, readSourceFiles } from './load/content-files.ts';
import { loadArticle } from './load/front-matter.ts';
import { removeUnfinishedSites, writeSiteAtomically } from './output/atomic.ts';
import { toBuildReportJson } from './output/build-report.ts';
import { buildArchive } from './pipeline.ts';

const USAGE = `Usage:
  quote-archive build [--content content] [--out _site]
  quote-archive extract FILE...
  quote-archive serve [--dir _site] [--host 127.0.0.1] [--port 8080]`;

/** Exit codes: 0 success, 1 the input has errors or the build failed, 2 wrong usage. */
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** Runs the command line with `argv` (without the node and script paths). */
export async function runCli(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'build':
      return runBuild(rest);
    case 'extract':
      return runExtract(rest);
    case 'serve':
      return runServe(rest);
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      failUsage(command === undefined ? 'missing command' : `unknown command "${command}"`);
  }
}

function failUsage(message: string): void {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exitCode = EXIT_USAGE;
}

function parse<T extends Record<string, { type: 'string'; default?: string }>>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (error) {
    failUsage((error as Error).message);
    return null;
  }
}

async function runBuild(args: string[]): Promise<void> {
  const parsed = parse(args, { content: { type: 'string', default: 'content' }, out: { type: 'string', default: '_site' } });
  if (!parsed) return;
  const contentDir = parsed.values.content ?? 'content';
  const outDir = parsed.values.out ?? '_site';
  const started = performance.now();
  removeUnfinishedSiteOnInterrupt(outDir);

  const { files, diagnostics: inputDiagnostics } = await readContent(contentDir);
  const { archive, diagnostics: archiveDiagnostics } = buildArchiveReportingCrashes(files);
  const fileTexts = new Map(files.map((f) => [f.path, f.value]));
  const diagnostics = dedupeDiagnostics([...inputDiagnostics, ...archiveDiagnostics, ...findCollisions(files)]);

  if (hasErrors(diagnostics)) {
    process.stderr.write(formatDiagnostics(diagnostics, fileTexts));
    process.stderr.write(`Build failed; ${outDir} was left as it was.\n`);
    process.exitCode = EXIT_ERRORS;
    return;
  }

  // Loaded here, not at the top: `extract` should not pay for loading Eleventy and Pagefind.
  const { buildSite } = await import('./site/build-site.ts');
  const results = await writeSiteAtomically(outDir, async (tmpDir) => {
    const siteDiagnostics = await buildSite(archive, tmpDir);
    const all = [...diagnostics, ...siteDiagnostics];
    if (!hasErrors(all)) await writeFile(join(tmpDir, 'build-report.json'), toBuildReportJson(archive, all));
    return siteDiagnostics;
  });
  const all = dedupeDiagnostics([...diagnostics, ...results]);
  if (all.length) process.stderr.write(formatDiagnostics(all, fileTexts));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (hasErrors(all)) {
    process.stderr.write(`Build failed; ${outDir} was left as it was.\n`);
    process.exitCode = EXIT_ERRORS;
    return;
  }
  process.stdout.write(
    `Built ${plural(archive.articles.length, 'article')}, ${plural(archive.quotes.length, 'quote')}, `
    + `${plural(archive.speakers.length, 'speaker')}, ${plural(archive.entities.length, 'entity', 'entities')} `
    + `into ${outDir} in ${seconds}s (${summarizeDiagnostics(all)})\n`,
  );
}

// Ctrl-C or a service stop during a build: drop the half-built folder, keep the old site, exit like shells expect.
function removeUnfinishedSiteOnInterrupt(outDir: string): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeUnfinishedSites();
      process.stderr.write(`\nInterrupted; ${outDir} was left as it was.\n`);
      process.exit(code);
    });
  }
}

async function runExtract(args: string[]): Promise<void> {
  const parsed = parse(args, {}, true);
  if (!parsed) return;
  if (parsed.positionals.length === 0) {
    failUsage('extract needs at least one file');
    return;
  }
  const { files, diagnostics: readDiagnostics } = await readSourceFiles(parsed.positionals);
  const { archive, diagnostics: archiveDiagnostics } = buildArchiveReportingCrashes(files);
  const diagnostics = dedupeDiagnostics([...readDiagnostics, ...archiveDiagnostics, ...findCollisions(files)]);
  process.stdout.write(toArchiveJson(archive));
  if (diagnostics.length) process.stderr.write(formatDiagnostics(diagnostics, new Map(files.map((f) => [f.path, f.value]))));
  if (hasErrors(diagnostics)) process.exitCode = EXIT_ERRORS;
}

async function runServe(args: string[]): Promise<void> {
  const parsed = parse(args, { dir: { type: 'string', default: '_site' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8080' } });
  if (!parsed) return;
  const port = Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    failUsage(`--port must be a number from 0 to 65535, got "${parsed.values.port}"`);
    return;
  }
  const { serveSite } = await import('./site/serve.ts');
  await serveSite(parsed.values.dir ?? '_site', { host: parsed.values.host ?? '127.0.0.1', port });
}

async function readContent(contentDir: string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  let paths: string[];
  try {
    paths = await findContentFiles(contentDir);
  } catch (error) {
    if (!(error instanceof ContentFolderError)) throw error;
    const entry = RULES['missing-content-folder'];
    return { files: [], diagnostics: [{ file: contentDir, line: 0, column: 0, severity: entry.severity, reason: error.message, ruleId: 'missing-content-folder', source: entry.source, note: entry.hint }] };
  }
  if (paths.length === 0) {
    const entry = RULES['no-content-files'];
    return { files: [], diagnostics: [{ file: contentDir, line: 0, column: 0, severity: entry.severity, reason: `no Markdown files (*.md) in "${contentDir}"`, ruleId: 'no-content-files', source: entry.source, note: entry.hint }] };
  }
  return readSourceFiles(paths);
}

/**
 * buildArchive is pure and should never throw; if a bug makes it throw, the
 * user still gets a diagnostic on the file that triggers it (found by
 * retrying file by file) instead of a stack trace, and the site is kept.
 */
function buildArchiveReportingCrashes(files: SourceFile[]): { archive: Archive; diagnostics: Diagnostic[] } {
  try {
    return buildArchive(files);
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

try {
  await runCli(process.argv.slice(2));
} catch (error) {
  // Only I/O edges throw; anything reaching here is a bug or an environment failure, reported once.
  process.stderr.write(`quote-archive: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = EXIT_ERRORS;
}
