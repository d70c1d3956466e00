/**
 * The bench corpus generator (`npm run corpus`): the same seed gives the
 * same bytes, a larger corpus extends a smaller one, and what it writes
 * loads without a single diagnostic and reads like news to the extractor
 * (direct, partial and reported quotes, attributed to people who recur
 * across articles).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateCorpus, writeCorpus } from './corpus/generate.ts';
import { buildArchive } from '../../src/pipeline.ts';

const N = 20;

test('the same seed gives the same bytes, and another seed other articles', () => {
  const a = generateCorpus({ articles: N, seed: 7 });
  const b = generateCorpus({ articles: N, seed: 7 });
  const c = generateCorpus({ articles: N, seed: 8 });
  assert.deepEqual(b, a);
  assert.notDeepEqual(c.map((d) => d.value), a.map((d) => d.value));
});

test('a larger corpus starts with the smaller one, so the bench can add the next articles', () => {
  const small = generateCorpus({ articles: N });
  const large = generateCorpus({ articles: N + 5 });
  const added = generateCorpus({ articles: N + 5, from: N });
  assert.deepEqual(large.slice(0, N), small);
  assert.deepEqual(added, large.slice(N));
});

test('N articles are written as N files that load and extract without any diagnostic, with quotes of every kind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quote-archive-corpus-'));
  try {
    const paths = await writeCorpus(dir, { articles: N });
    assert.equal(new Set(paths).size, N);
    const files = await Promise.all(paths.map(async (path) => ({ path: relative(dir, path), value: await readFile(path, 'utf8') })));
    for (const file of files) {
      const words = file.value.replace(/^---[\s\S]*?---/, '').split(/\s+/).filter(Boolean).length;
      assert.ok(words >= 300 && words <= 1600, `${file.path} has ${words} words`);
    }
    const { archive, diagnostics } = buildArchive(files);
    assert.deepEqual(diagnostics, []);
    assert.equal(archive.articles.length, N);
    const kinds = new Set(archive.quotes.map((q) => q.kind));
    assert.deepEqual([...kinds].sort(), ['direct', 'indirect', 'partial']);
    for (const article of archive.articles) {
      assert.ok(archive.quotes.some((q) => q.articleId === article.id && q.kind === 'direct' && q.speakerId), `${article.sourceFile} has an attributed direct quote`);
    }
    // Recurring people: some speaker is quoted in several articles, by several outlets.
    const articleById = new Map(archive.articles.map((a) => [a.id, a]));
    const recurring = archive.speakers.filter((s) => {
      const quotes = archive.quotes.filter((q) => q.speakerId === s.id);
      return new Set(quotes.map((q) => q.articleId)).size >= 2 && new Set(quotes.map((q) => articleById.get(q.articleId)?.source.id)).size >= 2;
    });
    assert.ok(recurring.length >= 3, `speakers quoted in two articles of two outlets: ${recurring.map((s) => s.name).join(', ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
