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
import { loadEvalSet, loadRealSet, realCorpusPresent, REAL_CORPUS_DIR, REAL_SPLITS } from './eval/eval-set.ts';
import { gateCounts, gateFailures, type GateFile } from './eval/gate.ts';
import { findShortfalls, validateGold, type Thresholds } from './eval/score.ts';
import { GATED_SETS, scoreSet } from './eval/scored-sets.ts';

const thresholds = JSON.parse(await readFile(new URL('./eval/thresholds.json', import.meta.url), 'utf8')) as Thresholds;
const gate = JSON.parse(await readFile(new URL('./eval/gate.json', import.meta.url), 'utf8')) as GateFile;
const corpusAbsent = realCorpusPresent() ? false : `the real corpus is not beside the repository (${REAL_CORPUS_DIR})`;

test('every written eval article has gold whose quote texts occur in its body', async () => {
  const set = await loadEvalSet();
  assert.deepEqual(set.unpaired, [], 'each tests/fixtures/eval/*.md needs a .gold.json and the other way round');
  assert.ok(set.files.length >= 40, `the set has at least 40 articles (has ${set.files.length})`);
  for (const file of set.files) {
    const { article } = loadArticle(file);
    assert.ok(article, `${file.path} loads`);
    const name = file.path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    const { errors } = validateGold(article.body, set.golds.get(name)!);
    assert.deepEqual(errors, [], `${name}.gold.json is well-formed`);
  }
});

test('every real corpus article has well-formed gold', { skip: corpusAbsent }, async () => {
  const set = await loadRealSet(REAL_SPLITS);
  assert.deepEqual(set.unpaired, [], 'each article of tests/fixtures/wikinews/splits.json needs its .gold.json');
  for (const file of set.files) {
    const { article } = loadArticle(file);
    assert.ok(article, `${file.path} loads`);
    const name = file.path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
    assert.deepEqual(validateGold(article.body, set.golds.get(name)!).errors, [], `${name}.gold.json is well-formed`);
  }
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
