/**
 * `npm run bench -- [--articles 1000,10000] [--only plain,full,...] [--keep] [--seed S] [--repeat R]`
 *
 * For each size, in one run on the same generated articles (`npm run corpus`):
 * - plain: the plain baseline, Eleventy 3 with one Nunjucks layout
 *   (tests/bench/baseline/) then the Pagefind CLI over its output;
 * - full: our build from an empty cache (fresh content, output and cache folders);
 * - unchanged: our build again, nothing changed;
 * - edit: our build after one article was edited;
 * - add: our build after 10 articles were added;
 * - search: bytes and time to first result in headless Chromium on our site.
 * `extraction` is the extraction micro-bench (tests/bench/extraction.ts).
 * `--repeat R` runs the baseline, our full build and the unchanged rebuild
 * R times (baseline and ours alternating) and keeps the fastest of each,
 * the run least disturbed by other work on a shared machine.
 * Baseline and ours run back to back, because the machine is shared and
 * only ratios measured together mean anything. Figures go to
 * tests/bench/results.json (merged by size with earlier runs) and the plot
 * to tests/bench/build-time.svg.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, writeCorpus } from './corpus/generate.ts';
import { runStep, type StepFigures } from './process-run.ts';
import { measureSite, type SiteSize } from './site-size.ts';
import { measureSearch, type QueryCost } from './search-cost.ts';
import { plotBuildTimes } from './plot.ts';
import { runExtractionBench, type ExtractionFigures } from './extraction.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = fileURLToPath(new URL('./', import.meta.url));
const RESULTS = join(BENCH, 'results.json');
const PLOT = join(BENCH, 'build-time.svg');
const SECTIONS = ['plain', 'full', 'unchanged', 'edit', 'add', 'search', 'extraction'] as const;
type Section = (typeof SECTIONS)[number];
/** Typical reader queries: one word and two words that the generated articles use. */
const QUERIES = ['strike', 'minimum wage'];
const ADDED_ARTICLES = 10;

/** Figures of one corpus size. */
interface SizeFigures {
  articles: number;
  date: string;
  seed: number | string;
  corpusBytes: number;
  plain?: { eleventy: StepFigures; pagefind: StepFigures; wallMs: number; samplesMs?: number[]; peakTreeRssMb: number; site: SiteSize };
  full?: StepFigures & { site: SiteSize };
  unchanged?: StepFigures;
  edit?: StepFigures;
  add?: StepFigures;
  /** Each step's wall time over the plain baseline's and over our full build's. */
  ratios?: Record<string, { toPlain: number | null; toFull: number | null }>;
  search?: { siteArticles: number; queries: QueryCost[] };
  /** Why the run of this size stopped early; the figures before it are kept. */
  error?: string;
}

interface Results {
  about: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  memoryMethod: string;
  sizes: Record<string, SizeFigures>;
  extraction?: ExtractionFigures & { date: string };
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench -- [--articles 1000,10000] [--only ${SECTIONS.join(',')}] [--keep] [--seed S] [--repeat R]`);
  process.exit(2);
}

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, only: { type: 'string' }, keep: { type: 'boolean', default: false }, seed: { type: 'string' }, repeat: { type: 'string', default: '1' } } });
const sizes = (values.articles ?? '1000').split(',').map((s) => Number(s.replace(/_/g, '')));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) usage(`--articles takes counts separated by commas, got "${values.articles}"`);
const only = new Set<Section>(values.only ? (values.only.split(',') as Section[]) : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) usage(`unknown section "${s}"`);
const seed = values.seed === undefined ? DEFAULT_SEED : /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) usage(`--repeat takes a count, got "${values.repeat}"`);
const ours = ['full', 'unchanged', 'edit', 'add', 'search'].some((s) => only.has(s as Section));

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const today = () => new Date().toISOString().slice(0, 10);

async function readResults(): Promise<Results> {
  const fresh: Results = {
    about: 'Written by `npm run bench` (tests/bench/run-bench.ts). Times in ms, memory in MB, sizes in bytes. Ratios are wall times over the plain baseline (Eleventy + one Nunjucks layout, then the Pagefind CLI) and over our full build, measured in the same run on the same generated files.',
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    memoryMethod: 'peakTreeRssMb: RSS summed over the build process and all its descendants, sampled from /proc every 100 ms; peakProcessRssMb: the largest single process, from GNU /usr/bin/time -f %M',
    sizes: {},
  };
  try {
    const old = JSON.parse(await readFile(RESULTS, 'utf8')) as Results;
    return { ...fresh, sizes: old.sizes ?? {}, ...(old.extraction ? { extraction: old.extraction } : {}) };
  } catch {
    return fresh;
  }
}

/** Our build, exactly as `npm run build` runs it, with cache folders that start empty in each round. */
function ourBuild(content: string, out: string, cache: string): Promise<StepFigures> {
  // The build cache lives in the round's own folder (--cache), so a full build starts from an empty cache
  // and the rebuilds of the same round reuse it; the content and output folders are new too.
  // Pagefind's silence limit (60 s) trips on a loaded shared machine at a few thousand articles; the bench
  // measures how long the build takes, so it waits longer rather than lose the run.
  const env = { ...process.env, QUOTE_ARCHIVE_PAGEFIND_TIMEOUT: process.env.QUOTE_ARCHIVE_PAGEFIND_TIMEOUT ?? '900', CI: '1' };
  return runStep(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli.ts', 'build', '--content', content, '--out', out, '--cache', cache], { cwd: ROOT, env });
}

/** Changes one article the way an editor fixes a story: a sentence and a quote added to its body. */
async function editOneArticle(path: string): Promise<void> {
  await appendFile(path, '\nThis story has been updated with a response from the ministry.\n\n"We will publish the full figures next week," a ministry spokesperson said.\n');
}

function printStep(name: string, figures: StepFigures, plainMs?: number, fullMs?: number): void {
  const ratios = [plainMs ? `${(figures.wallMs / plainMs).toFixed(2)}× plain` : '', fullMs ? `${(figures.wallMs / fullMs).toFixed(2)}× full` : ''].filter(Boolean).join(', ');
  console.log(`  ${name.padEnd(28)} ${seconds(figures.wallMs).padStart(7)} s  peak tree RSS ${String(figures.peakTreeRssMb).padStart(5)} MB (largest process ${figures.peakProcessRssMb ?? '?'} MB)${ratios ? `  ${ratios}` : ''}`);
}

/** The fastest of several runs of one step (the least disturbed by other work), with every sample kept. */
function fastest(samples: StepFigures[]): StepFigures {
  const best = samples.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  if (samples.length === 1) return best;
  return { ...best, peakTreeRssMb: Math.max(...samples.map((s) => s.peakTreeRssMb)), samplesMs: samples.map((s) => s.wallMs) };
}

async function benchSize(articles: number): Promise<SizeFigures> {
  const workspace = await mkdtemp(join(tmpdir(), `quote-archive-bench-${articles}-`));
  const content = join(workspace, 'content');
  console.log(`\n${articles.toLocaleString('en-US')} articles (seed ${seed}), workspace ${workspace}`);
  const paths = await writeCorpus(content, { articles, seed });
  let corpusBytes = 0;
  for (const path of paths) corpusBytes += (await readFile(path)).length;
  console.log(`  corpus: ${paths.length} files, ${mb(corpusBytes)} MB`);
  const figures: SizeFigures = { articles, date: today(), seed, corpusBytes };
  let plainOut = '';
  let ourOut = '';
  let cache = '';
  try {
    // Baseline and ours alternate, round after round, so both see the same load on a shared machine;
    // each round of ours starts from new output and cache folders (an empty cache).
    const eleventyRuns: StepFigures[] = [];
    const pagefindRuns: StepFigures[] = [];
    const fullRuns: StepFigures[] = [];
    for (let round = 0; round < repeat; round++) {
      if (only.has('plain')) {
        if (plainOut) await rm(plainOut, { recursive: true, force: true });
        plainOut = join(workspace, `plain-${round}`);
        const eleventy = await runStep(process.execPath, [join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), `--config=${join(BENCH, 'baseline/eleventy.config.js')}`, `--input=${content}`, `--output=${plainOut}`, '--quiet'], { cwd: workspace });
        const pagefind = await runStep(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', plainOut], { cwd: workspace });
        eleventyRuns.push(eleventy);
        pagefindRuns.push(pagefind);
        console.log(`  round ${round + 1}: plain Eleventy ${seconds(eleventy.wallMs)} s + Pagefind CLI ${seconds(pagefind.wallMs)} s = ${seconds(eleventy.wallMs + pagefind.wallMs)} s`);
      }
      if (ours) {
        if (ourOut) await rm(dirname(ourOut), { recursive: true, force: true });
        ourOut = join(workspace, `ours-${round}`, 'site');
        cache = join(workspace, `ours-${round}`, 'cache');
        await mkdir(cache, { recursive: true });
        const full = await ourBuild(content, ourOut, cache);
        fullRuns.push(full);
        console.log(`  round ${round + 1}: ours, full (empty cache) ${seconds(full.wallMs)} s`);
      }
    }
    if (only.has('plain')) {
      const eleventy = fastest(eleventyRuns);
      const pagefind = fastest(pagefindRuns);
      const totals = eleventyRuns.map((e, i) => e.wallMs + (pagefindRuns[i]?.wallMs ?? 0));
      const wallMs = Math.min(...totals);
      figures.plain = { eleventy, pagefind, wallMs, ...(repeat > 1 ? { samplesMs: totals } : {}), peakTreeRssMb: Math.max(eleventy.peakTreeRssMb, pagefind.peakTreeRssMb), site: await measureSite(plainOut) };
      printStep('plain Eleventy', eleventy);
      printStep('plain Pagefind CLI', pagefind);
      console.log(`  ${'plain total'.padEnd(28)} ${seconds(wallMs).padStart(7)} s`);
    }
    const plainMs = figures.plain?.wallMs;
    if (ours) {
      const full = fastest(fullRuns);
      figures.full = { ...full, site: await measureSite(ourOut) };
      printStep('ours, full (empty cache)', full, plainMs);
      if (only.has('unchanged')) {
        const runs: StepFigures[] = [];
        for (let round = 0; round < repeat; round++) runs.push(await ourBuild(content, ourOut, cache));
        printStep('ours, nothing changed', (figures.unchanged = fastest(runs)), plainMs, full.wallMs);
      }
      if (only.has('edit')) {
        // The corpus's middle article (writeCorpus lists the files in order).
        const edited = paths[Math.floor(articles / 2)];
        if (!edited) throw new Error('no article to edit');
        await editOneArticle(edited);
        printStep(`ours, 1 edited`, (figures.edit = await ourBuild(content, ourOut, cache)), plainMs, full.wallMs);
        console.log(`    (edited ${relative(content, edited)})`);
      }
      if (only.has('add')) {
        await writeCorpus(content, { articles: articles + ADDED_ARTICLES, from: articles, seed });
        printStep(`ours, ${ADDED_ARTICLES} added`, (figures.add = await ourBuild(content, ourOut, cache)), plainMs, full.wallMs);
      }
      figures.ratios = {};
      for (const key of ['full', 'unchanged', 'edit', 'add'] as const) {
        const step = figures[key];
        if (step) figures.ratios[key] = { toPlain: plainMs ? Number((step.wallMs / plainMs).toFixed(2)) : null, toFull: Number((step.wallMs / full.wallMs).toFixed(2)) };
      }
      const site = figures.full.site;
      console.log(`  our site: ${mb(site.bytes)} MB in ${site.files} files${figures.plain ? ` (${(site.bytes / figures.plain.site.bytes).toFixed(1)}× the plain site's ${mb(figures.plain.site.bytes)} MB in ${figures.plain.site.files} files)` : ''}; largest ${site.largest?.path} ${mb(site.largest?.bytes ?? 0)} MB`);
      if (only.has('search')) {
        const siteArticles = articles + (only.has('add') ? ADDED_ARTICLES : 0);
        figures.search = { siteArticles, queries: await measureSearch(ourOut, QUERIES) };
        for (const q of figures.search.queries) {
          console.log(`  search "${q.query}": open /search/ ${(q.openBytes / 1000).toFixed(0)} kB (${q.openRequests} requests), query ${(q.queryBytes / 1000).toFixed(0)} kB (${q.queryRequests}), first result ${q.firstResultMs} ms after the last keystroke; ${q.status}`);
        }
      }
    }
  } catch (error) {
    // A failed step (a build error, a browser that would not start) ends this size, not the figures measured so far.
    figures.error = error instanceof Error ? error.message : String(error);
    process.exitCode = 1;
    console.error(`  stopped: ${figures.error}`);
  } finally {
    if (values.keep) console.log(`  kept ${workspace}`);
    else await rm(workspace, { recursive: true, force: true });
  }
  return figures;
}

/** The README's table, one row per size. */
function markdownTable(results: Results): string {
  const rows = Object.values(results.sizes).sort((a, b) => a.articles - b.articles);
  const cell = (step: StepFigures | undefined, ratio?: { toPlain: number | null; toFull: number | null }, which: 'toPlain' | 'toFull' = 'toPlain') =>
    step ? `${seconds(step.wallMs)} s (${ratio?.[which] ?? '–'}×), ${step.peakTreeRssMb} MB` : '';
  const lines = [
    '| articles | plain Eleventy + Pagefind CLI | our full build (× plain) | rebuild, nothing changed (× full) | one article edited (× full) | 10 articles added (× full) | site size, files (× plain) | largest file | /search/ open, query, first result |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const plain = r.plain ? `${seconds(r.plain.wallMs)} s (${seconds(r.plain.eleventy.wallMs)} + ${seconds(r.plain.pagefind.wallMs)}), ${r.plain.peakTreeRssMb} MB` : '';
    const site = r.full ? `${mb(r.full.site.bytes)} MB, ${r.full.site.files}${r.plain ? ` (${(r.full.site.bytes / r.plain.site.bytes).toFixed(1)}×; plain ${mb(r.plain.site.bytes)} MB, ${r.plain.site.files})` : ''}` : '';
    const largest = r.full?.site.largest ? `${r.full.site.largest.path} ${mb(r.full.site.largest.bytes)} MB` : '';
    const search = r.search ? r.search.queries.map((q) => `"${q.query}": ${(q.openBytes / 1000).toFixed(0)} kB, +${(q.queryBytes / 1000).toFixed(0)} kB, ${q.firstResultMs} ms`).join('; ') : '';
    lines.push(`| ${r.articles.toLocaleString('en-US')} | ${plain} | ${cell(r.full, r.ratios?.full)} | ${cell(r.unchanged, r.ratios?.unchanged, 'toFull')} | ${cell(r.edit, r.ratios?.edit, 'toFull')} | ${cell(r.add, r.ratios?.add, 'toFull')} | ${site} | ${largest} | ${search} |`);
  }
  return lines.join('\n');
}

const results = await readResults();
for (const articles of sizes) {
  if (!ours && !only.has('plain')) break;
  const figures = await benchSize(articles);
  // A partial run (--only) keeps the figures it did not measure from the last run of that size.
  results.sizes[String(articles)] = { ...(results.sizes[String(articles)] ?? {}), ...figures };
}
if (only.has('extraction')) {
  console.log('\nextraction micro-bench (fixtures of tests/eval and tests/heldout)');
  results.extraction = { date: today(), ...(await runExtractionBench()) };
}
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
const points = (pick: (s: SizeFigures) => number | undefined) =>
  Object.values(results.sizes).flatMap((s) => (pick(s) === undefined ? [] : [[s.articles, Number(((pick(s) as number) / 1000).toFixed(1))] as [number, number]]));
await writeFile(PLOT, plotBuildTimes([
  { name: 'our full build (empty cache)', color: '#c0392b', points: points((s) => s.full?.wallMs) },
  { name: 'our rebuild, one article edited', color: '#e67e22', points: points((s) => s.edit?.wallMs) },
  { name: 'plain Eleventy + Pagefind CLI', color: '#2c6fbb', points: points((s) => s.plain?.wallMs) },
], `Build time vs articles (${results.machine.cpus} cores, shared machine)`));
console.log(`\n${markdownTable(results)}\n\nwrote ${RESULTS} and ${PLOT}`);
