import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../src/pipeline.ts';
import { assertGoldenJson, fixtureCases } from './helpers/fixtures.ts';
import { listFiles } from './helpers/tree.ts';

/** The part of the archive a reader checks: who said what, and how. */
function summarize(path: string, value: string) {
  const { archive } = buildArchive([{ path, value }]);
  const article = archive.articles[0]!;
  for (const q of archive.quotes) assert.equal(article.body.slice(q.start, q.end), q.text, `offsets of ${q.id}`);
  return {
    quotes: archive.quotes.map((q) => ({ text: q.text, kind: q.kind, speaker: q.speakerName, cue: q.cue })),
    speakers: archive.speakers.map((s) => ({ name: s.name, type: s.type, titles: s.titles })),
    entities: archive.entities.map((e) => ({ name: e.name, type: e.type })),
  };
}

for (const { name, dir } of fixtureCases('extract')) {
  test(`extraction: ${name.replace(/-/g, ' ')}`, () => {
    const value = readFileSync(join(dir, 'input.md'), 'utf8');
    const actual = summarize(`tests/fixtures/extract/${name}/input.md`, value);
    assertGoldenJson(join(dir, 'expected.json'), actual);
  });
}

test('every quote of every fixture and content article slices to its text, and ids are unique', () => {
  const roots = ['tests/fixtures/eval', 'tests/fixtures/extract', 'content'].map((r) => new URL(`../${r}/`, import.meta.url).pathname);
  const files = roots.flatMap((dir) => listFiles(dir, '.md').map((file) => join(dir, file))).map((path) => ({ path, value: readFileSync(path, 'utf8') }));
  assert.ok(files.length >= 50, `found ${files.length} fixture articles`);
  const { archive } = buildArchive(files);
  const bodies = new Map(archive.articles.map((a) => [a.id, a.body]));
  for (const q of archive.quotes) assert.equal(bodies.get(q.articleId)!.slice(q.start, q.end), q.text, q.id);
  for (const list of [archive.articles, archive.quotes, archive.speakers, archive.entities, archive.sources]) {
    const ids = list.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  }
});
