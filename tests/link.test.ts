import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../src/pipeline.ts';
import { linkEntities } from '../src/link/entities.ts';
import { linkRecords } from '../src/link/records.ts';
import { articleSlug, normalizeName, quoteId, slugify } from '../src/link/ids.ts';
import { fixtureCases } from './helpers/fixtures.ts';

function archiveOf(dir: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ path: f, value: readFileSync(join(dir, f), 'utf8') }));
  return buildArchive(files).archive;
}

const cases = new Map(fixtureCases('link').map((c) => [c.name, c.dir]));

test('one person across articles: case differences in a hyphenated given name give one speaker and one entity', () => {
  const archive = archiveOf(cases.get('one-person-across-articles')!);
  const kao = archive.speakers.filter((s) => normalizeName(s.name) === 'kao mei-ling');
  assert.equal(kao.length, 1, JSON.stringify(archive.speakers.map((s) => s.name)));
  assert.equal(new Set(kao[0]!.quoteIds.map((id) => archive.quotes.find((q) => q.id === id)!.articleId)).size, 2);
  const entity = archive.entities.filter((e) => e.type === 'person' && normalizeName(e.name) === 'kao mei-ling');
  assert.equal(entity.length, 1);
  assert.equal(entity[0]!.articleIds.length, 2);
  assert.equal(kao[0]!.entityId, entity[0]!.id);
});

test('an abbreviation joins its full name across articles', () => {
  const archive = archiveOf(cases.get('abbreviation-joins-full-name')!);
  const who = archive.entities.filter((e) => e.type === 'organization' && (e.name === 'World Health Organization' || e.aliases.includes('WHO') || e.name === 'WHO'));
  assert.equal(who.length, 1, JSON.stringify(archive.entities));
  assert.equal(who[0]!.articleIds.length, 2);
});

test('surnames alone never join two people of two articles', () => {
  const { entities } = linkEntities([
    { articleId: 'a', entities: [{ name: 'Lee', type: 'person', aliases: [], mentions: [{ start: 0, end: 3, text: 'Lee' }] }] },
    { articleId: 'b', entities: [{ name: 'Lee Jae-won', type: 'person', aliases: ['Lee'], mentions: [{ start: 0, end: 11, text: 'Lee Jae-won' }] }] },
  ]);
  assert.equal(entities.length, 2);
});

test('speakers link to the entity of the same name and keep titles apart from the name', () => {
  const { entities, speakers, speakerIdByQuoteKey: idByQuoteKey } = linkRecords([{
    articleId: 'a', body: '', dateline: null,
    entities: [{ name: 'Ana Varga', type: 'person', aliases: ['Varga'], mentions: [{ start: 0, end: 9, text: 'Ana Varga' }] }],
    speakers: [{ quoteKey: 'q1', speaker: { name: 'Ana Varga', type: 'person', aliases: ['Varga'], titles: ['mayor'] } }],
  }]);
  assert.equal(speakers[0]!.name, 'Ana Varga');
  assert.deepEqual(speakers[0]!.titles, ['mayor']);
  assert.equal(speakers[0]!.entityId, entities[0]!.id);
  assert.equal(idByQuoteKey.get('q1'), speakers[0]!.id);
});

test('ids are readable and stable', () => {
  assert.equal(slugify('Déjà Vu: the “Plan”!'), 'deja-vu-the-plan');
  assert.equal(articleSlug({ title: 'Talks resume', date: '2021-02-03', source: 'X' }), '2021-02-03-talks-resume');
  assert.equal(articleSlug({ title: 'Talks resume', date: '2021-02-03', source: 'X', slug: 'My Slug' }), 'my-slug');
  // Curly or straight marks and spacing never change a quote's id.
  assert.equal(quoteId('a', '“We won,”  she  said'), quoteId('a', '"We won," she said'));
  assert.notEqual(quoteId('a', 'We won'), quoteId('b', 'We won'));
});

test('an organization with and without its legal suffix is one record', () => {
  const { entities } = linkEntities([
    { articleId: 'a', entities: [{ name: 'Andes Copper Corp.', type: 'organization', aliases: [], mentions: [{ start: 0, end: 18, text: 'Andes Copper Corp.' }] }] },
    { articleId: 'b', entities: [{ name: 'Andes Copper', type: 'organization', aliases: [], mentions: [{ start: 0, end: 12, text: 'Andes Copper' }] }] },
  ]);
  assert.equal(entities.length, 1);
  assert.deepEqual(entities[0]!.articleIds, ['a', 'b']);
});

test('titles with no Latin letters (Chinese, Arabic, emoji) get their own page names, so two on one day do not collide', () => {
  const file = (name: string, title: string) => ({ path: `content/${name}.md`, value: `---\ntitle: "${title}"\ndate: 2024-05-01\nsource: S\n---\n\n"We will act," the minister said.\n` });
  const { archive, diagnostics } = buildArchive([file('a', '北京发布新规'), file('b', '上海举行会议'), file('c', 'وزير الخارجية يتحدث'), file('d', '🎉🎉'), file('e', '🎊')]);
  assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'duplicate-slug'), []);
  const ids = archive.articles.map((a) => a.id).sort();
  assert.equal(new Set(ids).size, 5);
  assert.ok(ids.includes('2024-05-01-bei-jing-fa-bu-xin-gui'), ids.join(' '));
  for (const id of ids) assert.match(id, /^2024-05-01-[a-z0-9-]+$/);
  assert.ok(!ids.some((id) => id.endsWith('-untitled')));
  // Stable: the same title always gets the same page name.
  const fm = (title: string) => ({ title, date: '2024-05-01', source: 'S' });
  assert.equal(articleSlug(fm('🎉🎉')), articleSlug(fm('🎉🎉')));
  // Titles with Latin letters keep the slugs they had.
  assert.equal(articleSlug(fm('Port strike: day 2 in 北京')), '2024-05-01-port-strike-day-2-in');
});
