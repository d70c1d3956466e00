/**
 * The scored development set: extraction over tests/fixtures/eval must keep
 * every total at or above tests/eval/thresholds.json. Run `npm run eval --
 * --verbose` to see what was missed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildArchive } from '../src/pipeline.ts';
import { loadArticle } from '../src/load/front-matter.ts';
import { articleFileOf, loadEvalSet } from './eval/eval-set.ts';
import { findShortfalls, scoreArchive, validateGold, type Thresholds } from './eval/score.ts';

const set = await loadEvalSet();
const thresholds = JSON.parse(await readFile(new URL('./eval/thresholds.json', import.meta.url), 'utf8')) as Thresholds;

test('every eval article has gold whose quote texts occur in its body', () => {
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

test('extraction over the eval set meets every target in thresholds.json', () => {
  const { archive } = buildArchive(set.files);
  const { totals } = scoreArchive(archive, set.golds, (name) => articleFileOf(name));
  assert.deepEqual(findShortfalls(totals, thresholds), [], 'totals below tests/eval/thresholds.json (see npm run eval -- --verbose)');
});
