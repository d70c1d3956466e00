/**
 * Extraction quality, gated. The written development set must meet the
 * issue's targets (tests/eval/thresholds.json); every scored set, the pooled
 * held-out sets and the real corpus's sets included, may not make more errors
 * of any kind than tests/eval/gate.json records (plus its slack). Run `npm run
 * eval -- --gate` to see the counts, `--verbose` to see what was missed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadArticle } from '../src/load/front-matter.ts';
import { loadEvalSet, loadRealSet, realCorpusPresent, REAL_CORPUS_DIR, REAL_SPLITS, type EvalSet } from './eval/eval-set.ts';
import { gateCounts, gateFailures, type GateFile } from './eval/gate.ts';
import { buildArchive } from '../src/pipeline.ts';
import { entityAlternatives, findShortfalls, normalizeEvalName, validateGold, type GoldFile, type Thresholds } from './eval/score.ts';
import { GATED_SETS, scoreSet } from './eval/scored-sets.ts';

const thresholds = JSON.parse(await readFile(new URL('./eval/thresholds.json', import.meta.url), 'utf8')) as Thresholds;
const gate = JSON.parse(await readFile(new URL('./eval/gate.json', import.meta.url), 'utf8')) as GateFile;
const corpusAbsent = realCorpusPresent() ? false : `the real corpus is not beside the repository (${REAL_CORPUS_DIR})`;

/** Every article of the set loads and its gold file validates against its body. */
function assertGoldWellFormed(set: EvalSet): void {
  for (const file of set.files) {
    const { article } = loadArticle(file);
    assert.ok(article, `${file.path} loads`);
    const name = file.path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    assert.deepEqual(validateGold(article.body, set.golds.get(name)!).errors, [], `${name}.gold.json is well-formed`);
  }
}

test('every written eval article has gold whose quote texts occur in its body', async () => {
  const set = await loadEvalSet();
  assert.deepEqual(set.unpaired, [], 'each tests/fixtures/eval/*.md needs a .gold.json and the other way round');
  assert.ok(set.files.length >= 40, `the set has at least 40 articles (has ${set.files.length})`);
  assertGoldWellFormed(set);
});

test('every real corpus article has well-formed gold', { skip: corpusAbsent }, async () => {
  const set = await loadRealSet(REAL_SPLITS);
  assert.deepEqual(set.unpaired, [], 'each article of tests/fixtures/wikinews/splits.json needs its .gold.json');
  assertGoldWellFormed(set);
});

test('extraction over the written development set meets every target in thresholds.json', async () => {
  const { totals } = await scoreSet('written-dev');
  assert.deepEqual(findShortfalls(totals, thresholds), [], 'totals below tests/eval/thresholds.json (see npm run eval -- --verbose)');
});

for (const [name, def] of Object.entries(GATED_SETS)) {
  test(`extraction over ${name} makes no more errors of any kind than the gate records`, { skip: def.real && corpusAbsent }, async () => {
    const { totals } = await scoreSet(name);
    assert.deepEqual(gateFailures(name, gateCounts(totals), gate.sets[name], gate.slack), [], 'more errors than tests/eval/gate.json allows (npm run eval -- --gate)');
  });
}

/** Every name a real-corpus gold file knows: entities, optional names, speakers and their alternatives. */
function goldNames(golds: Iterable<GoldFile>): Set<string> {
  const names = new Set<string>();
  for (const gold of golds) {
    for (const type of ['person', 'organization', 'place'] as const) for (const entry of gold.entities[type] ?? []) for (const n of entityAlternatives(entry)) names.add(normalizeEvalName(n));
    for (const n of gold.optional ?? []) names.add(normalizeEvalName(n));
    for (const q of gold.quotes) for (const n of [q.speaker, ...(q.speakerAlternatives ?? [])]) if (n) names.add(normalizeEvalName(n));
  }
  return names;
}

// Speaker pages a reader meets first: a participle, an adverb, a weekday or a title glued to a name
// is a broken page. Today one record of the real development set carries a name no annotator gave
// (an organization's name cut after a title-like word); the gate allows no more.
const UNKNOWN_SPEAKER_NAMES_ALLOWED = 1;

test('speaker records built from the real development set carry names the gold knows', { skip: corpusAbsent }, async () => {
  const set = await loadRealSet(['dev']);
  const { archive } = buildArchive(set.files);
  const known = goldNames(set.golds.values());
  const unknown = archive.speakers.map((s) => s.name).filter((n) => !known.has(normalizeEvalName(n)));
  assert.ok(unknown.length <= UNKNOWN_SPEAKER_NAMES_ALLOWED, `speaker names no gold file knows: ${unknown.join(', ')}`);
});
