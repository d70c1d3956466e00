/**
 * `npm run eval [-- options] [name-filter...]`: builds the archive from the
 * scored development set and prints precision/recall/F1 per quote kind,
 * attribution accuracy and entity scores, per article and in total.
 *
 *   --json     machine-readable results (EvalResult) on stdout
 *   --verbose  every miss, false positive and wrong speaker, per article
 *   --check    validate the gold files against their bodies only (no extraction)
 *   --compare FILE  also print how totals and per-article issue counts moved
 *              since an earlier `--json` run saved in FILE
 *   --set S    score the real corpus (../shared/corpus/wikinews, gold in
 *              tests/fixtures/wikinews): wikinews (every split), dev,
 *              blind-1 or blind-2; says so and exits 0 when the corpus is absent
 *   --dir DIR  score another set with the same layout (the held-out set:
 *              tests/fixtures/heldout, never used to tune rules)
 *
 *   --gate     score every gated set (tests/eval/scored-sets.ts) and compare
 *              its error counts with tests/eval/gate.json
 *   --update-gate  record today's error counts in tests/eval/gate.json
 *              (on purpose, after a change that removed errors)
 *
 * Exits 1 when a total is below tests/eval/thresholds.json (or, with
 * --check, when a gold file is unusable).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gateCounts, gateFailures, type GateFile } from './gate.ts';
import { availableSets, GATED_SETS, scoreSet } from './scored-sets.ts';
import { parseArgs } from 'node:util';
import { loadArticle } from '../../src/load/front-matter.ts';
import { articleFileOf, loadEvalSet, loadRealSet, realArticleFileOf, realCorpusPresent, REAL_CORPUS_DIR, REAL_SPLITS, type EvalSet, type RealSplit } from './eval-set.ts';
import { findShortfalls, scoreArchive, validateGold, type ArticleScore, type EvalResult, type PRScore, type Thresholds, type Totals } from './score.ts';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, check: { type: 'boolean' }, compare: { type: 'string' }, dir: { type: 'string' }, set: { type: 'string' }, gate: { type: 'boolean' }, 'update-gate': { type: 'boolean' } },
  allowPositionals: true,
});

const percent = (x: number) => (x * 100).toFixed(1).padStart(5);
const pr = (s: PRScore) => `P ${percent(s.precision)}  R ${percent(s.recall)}  F1 ${percent(s.f1)}   (found ${s.matchedGold}/${s.gold} gold, ${s.matchedPredicted}/${s.predicted} predicted right)`;

function formatArticleLine(a: ArticleScore): string {
  const c = a.counts;
  const ratio = (n: number, d: number) => (d === 0 ? '    –' : percent(n / d));
  const entityMatched = c.entities.any.matchedGold + c.entities.any.matchedPredicted;
  const entityTotal = c.entities.any.gold + c.entities.any.predicted;
  return [
    a.name.padEnd(34).slice(0, 34),
    ratio(c.quotes.direct.matchedPredicted, c.quotes.direct.predicted),
    ratio(c.quotes.direct.matchedGold, c.quotes.direct.gold),
    ratio(c.quotes.partial.matchedGold, c.quotes.partial.gold),
    ratio(c.quotes.indirect.matchedPredicted, c.quotes.indirect.predicted),
    ratio(c.quotes.indirect.matchedGold, c.quotes.indirect.gold),
    ratio(c.attribution.correct, c.attribution.total),
    ratio(entityMatched, entityTotal),
    String(a.issues.length).padStart(6),
  ].join('  ');
}

function formatTotals(t: Totals): string {
  return [
    `direct quotes     ${pr(t.quotes.direct)}`,
    `partial quotes    ${pr(t.quotes.partial)}`,
    `reported speech   ${pr(t.quotes.indirect)}`,
    `attribution       ${percent(t.attribution.accuracy)}   (${t.attribution.correct}/${t.attribution.total} found quotes with the right speaker)`,
    `attribution, all  ${percent(t.attributionAll.accuracy)}   (${t.attributionAll.correct}/${t.attributionAll.total} gold quotes found with the right speaker)`,
    `cue (info)        ${percent(t.cue.accuracy)}   (${t.cue.correct}/${t.cue.total})`,
    `people            ${pr(t.entities.person)}`,
    `organizations     ${pr(t.entities.organization)}`,
    `places            ${pr(t.entities.place)}`,
    `entities, any     ${pr(t.entities.any)}`,
  ].join('\n');
}

/** Lines saying how each total and each article's issue count moved since a saved `--json` run. */
function formatComparison(before: EvalResult, after: EvalResult): string {
  const lines: string[] = [];
  const delta = (label: string, a: number, b: number) => {
    if (Math.abs(b - a) >= 0.0005) lines.push(`  ${label.padEnd(24)} ${percent(a)} → ${percent(b)}  (${b > a ? '+' : ''}${((b - a) * 100).toFixed(1)})`);
  };
  for (const kind of ['direct', 'partial', 'indirect'] as const) {
    delta(`${kind} precision`, before.totals.quotes[kind].precision, after.totals.quotes[kind].precision);
    delta(`${kind} recall`, before.totals.quotes[kind].recall, after.totals.quotes[kind].recall);
  }
  delta('attribution', before.totals.attribution.accuracy, after.totals.attribution.accuracy);
  if (before.totals.attributionAll) delta('attribution, all', before.totals.attributionAll.accuracy, after.totals.attributionAll.accuracy);
  for (const type of ['person', 'organization', 'place'] as const) {
    delta(`${type} precision`, before.totals.entities[type].precision, after.totals.entities[type].precision);
    delta(`${type} recall`, before.totals.entities[type].recall, after.totals.entities[type].recall);
  }
  const issuesBefore = new Map(before.articles.map((a) => [a.name, a.issues.length]));
  for (const a of after.articles) {
    const was = issuesBefore.get(a.name);
    if (was !== undefined && was !== a.issues.length) lines.push(`  ${a.name.padEnd(34)} issues ${was} → ${a.issues.length}`);
  }
  return lines.length ? lines.join('\n') : '  no change';
}

/** The set named on the command line: a real-corpus split (--set) or a fixture folder (--dir). */
async function loadSelectedSet(): Promise<EvalSet> {
  if (!values.set) return loadEvalSet(values.dir, positionals);
  const splits: readonly RealSplit[] = values.set === 'wikinews' ? REAL_SPLITS : [values.set as RealSplit];
  if (!splits.every((s) => REAL_SPLITS.includes(s))) throw new Error(`--set takes wikinews, ${REAL_SPLITS.join(', ')}; got ${values.set}`);
  return loadRealSet(splits, positionals);
}

async function checkGold(): Promise<number> {
  const set = await loadSelectedSet();
  let broken = 0;
  for (const file of set.files) {
    const name = file.path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    const gold = set.golds.get(name);
    const { article, diagnostics } = loadArticle(file);
    if (!article) {
      broken++;
      console.log(`${file.path}: does not load: ${diagnostics.map((d) => d.reason).join('; ')}`);
      continue;
    }
    if (!gold) {
      console.log(`${file.path}: no gold file`);
      continue;
    }
    const { errors, warnings } = validateGold(article.body, gold);
    if (errors.length) broken++;
    const words = article.body.split(/\s+/).filter(Boolean).length;
    const kinds = ['direct', 'partial', 'indirect'].map((k) => gold.quotes.filter((q) => q.kind === k).length).join('/');
    console.log(`${errors.length ? 'FAIL' : 'ok  '} ${name.padEnd(36)} ${String(words).padStart(4)} words  quotes d/p/i ${kinds}`);
    for (const e of errors) console.log(`       error: ${e}`);
    for (const w of warnings) console.log(`       warning: ${w}`);
  }
  for (const n of set.unpaired) console.log(`unpaired: ${n}`);
  return broken ? 1 : 0;
}

async function runEval(): Promise<number> {
  const set = await loadSelectedSet();
  // Imported here so that --check works while the pipeline is being built.
  const { buildArchive } = await import('../../src/pipeline.ts');
  const started = performance.now();
  const { archive, diagnostics: buildDiagnostics } = buildArchive(set.files);
  const diagnostics = [...set.diagnostics, ...buildDiagnostics];
  const elapsed = performance.now() - started;
  const result = scoreArchive(archive, set.golds, (name) => values.set ? realArticleFileOf(name) : articleFileOf(name, values.dir), values.set ? 'containment' : 'overlap');
  const thresholds = JSON.parse(await readFile(new URL('./thresholds.json', import.meta.url), 'utf8')) as Thresholds;
  const shortfalls = findShortfalls(result.totals, thresholds);

  if (values.json) {
    console.log(JSON.stringify({ ...result, shortfalls, thresholds }, null, 2));
    return shortfalls.length ? 1 : 0;
  }
  console.log(`${'article'.padEnd(34)}  dirP   dirR  partR   repP   repR   attr  entF1  issues`);
  for (const a of result.articles) {
    console.log(formatArticleLine(a));
    if (values.verbose) for (const i of a.issues) console.log(`    ${i.type.padEnd(22)} ${JSON.stringify(i.text)} — ${i.detail}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) console.log(`\n${errors.length} error diagnostics: ${errors.slice(0, 5).map((d) => `${d.file}:${d.line}: ${d.reason}`).join('; ')}`);
  for (const n of set.unpaired) console.log(`unpaired (not scored): ${n}`);
  const issueCounts = new Map<string, number>();
  for (const a of result.articles) for (const i of a.issues) issueCounts.set(i.type, (issueCounts.get(i.type) ?? 0) + 1);
  console.log(`\nIssues: ${[...issueCounts].sort().map(([type, n]) => `${type} ${n}`).join(', ') || 'none'}`);
  console.log(`\nTotals over ${result.articles.length} articles (extraction ${elapsed.toFixed(0)} ms)\n${formatTotals(result.totals)}`);
  if (values.compare) {
    const before = JSON.parse(await readFile(values.compare, 'utf8')) as EvalResult;
    console.log(`\nSince ${values.compare}:\n${formatComparison(before, result)}`);
  }
  console.log(shortfalls.length ? `\nBELOW TARGET:\n  ${shortfalls.join('\n  ')}` : '\nAll totals meet tests/eval/thresholds.json');
  return shortfalls.length ? 1 : 0;
}

/** The gate file with one line per measure, so a diff shows what moved. */
function formatGate(gate: GateFile): string {
  const sets = Object.entries(gate.sets).map(([name, counts]) => {
    const lines = Object.entries(counts).map(([m, c]) => `      ${JSON.stringify(m)}: ${JSON.stringify(c)}`);
    return `    ${JSON.stringify(name)}: {\n${lines.join(',\n')}\n    }`;
  });
  return `{\n  "slack": ${gate.slack},\n  "sets": {\n${sets.join(',\n')}\n  }\n}\n`;
}

async function runGate(update: boolean): Promise<number> {
  const gatePath = new URL('./gate.json', import.meta.url);
  const gate = JSON.parse(await readFile(gatePath, 'utf8').catch(() => '{"slack":2,"sets":{}}')) as GateFile;
  const missing = Object.keys(GATED_SETS).filter((n) => !availableSets().includes(n));
  if (missing.length) console.log(`Not scored (the real corpus is not beside the repository): ${missing.join(', ')}`);
  const failures: string[] = [];
  for (const name of availableSets()) {
    const { totals } = await scoreSet(name);
    const counts = gateCounts(totals);
    console.log(`${name.padEnd(16)} ${Object.entries(counts).map(([m, c]) => `${m.replace(' over all gold quotes', '').replace('precision', 'P').replace('recall', 'R')} ${c.errors}/${c.total}`).join(', ')}`);
    if (update) gate.sets[name] = counts;
    else failures.push(...gateFailures(name, counts, gate.sets[name], gate.slack));
  }
  if (update) {
    await writeFile(gatePath, formatGate(gate));
    console.log('Recorded in tests/eval/gate.json: review it in git diff.');
    return 0;
  }
  console.log(failures.length ? `\nGATE FAILED:\n  ${failures.join('\n  ')}` : '\nEvery gated set is within tests/eval/gate.json');
  return failures.length ? 1 : 0;
}

if (values.gate || values['update-gate']) process.exitCode = await runGate(Boolean(values['update-gate']));
else if (values.set && !realCorpusPresent()) {
  console.log(`The real corpus is not here (${REAL_CORPUS_DIR}): nothing to score. It sits beside the repository in the team's workspace, not in a clone.`);
  process.exitCode = 0;
} else process.exitCode = values.check ? await checkGold() : await runEval();
