import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findContentFiles, readSourceFiles } from '../src/load/content-files.ts';
import { buildArchive } from '../src/pipeline.ts';
import { normalizeName } from '../src/link/ids.ts';

const { files } = await readSourceFiles(await findContentFiles(new URL('../content/', import.meta.url).pathname));
const { archive, diagnostics } = buildArchive(files);

test('the shipped content builds without errors, and every article has quotes', () => {
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  assert.ok(archive.articles.length >= 2);
  for (const a of archive.articles) assert.ok(a.quoteIds.length > 0, `${a.id} has quotes`);
});

test('every direct quote of the shipped content names its speaker, with a full name', () => {
  for (const q of archive.quotes.filter((x) => x.kind === 'direct')) {
    assert.ok(q.speakerId, `${q.id} "${q.text.slice(0, 40)}…" has a speaker`);
    const speaker = archive.speakers.find((s) => s.id === q.speakerId)!;
    if (speaker.type === 'person') assert.ok(speaker.name.includes(' '), `${speaker.name} is a full name`);
  }
});

test('no person record is a weekday, a month, a credit line or a title fragment', () => {
  const bad = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Photo|Enditem|Secretary|Director|Minister|Ambassador|President|State)\b|[\/'’]s?$/;
  for (const e of archive.entities.filter((x) => x.type === 'person')) assert.doesNotMatch(e.name, bad, e.name);
  for (const s of archive.speakers.filter((x) => x.type === 'person')) assert.doesNotMatch(s.name, bad, s.name);
});

test('one record per real-world thing: no two speakers or entities share a normalized name', () => {
  for (const list of [archive.speakers, archive.entities]) {
    const keys = list.map((r) => `${'type' in r ? r.type : ''}:${normalizeName(r.name)}`);
    assert.equal(new Set(keys).size, keys.length, JSON.stringify(keys));
  }
});
