import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildArchive } from '../src/pipeline.ts';
import { linkEntities } from '../src/link/entities.ts';
import { linkRecords } from '../src/link/records.ts';
import { articleSlug, normalizeName, quoteId, slugify } from '../src/link/ids.ts';
import { formatDiagnostics } from '../src/diagnostics/report.ts';
import type { Archive } from '../src/archive/types.ts';
import { assertGoldenJson, assertGoldenText, fixtureCases } from './helpers/fixtures.ts';

/** Builds a fixture folder's articles, with its `aliases.yml` when it has one. */
function buildFixture(dir: string) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ path: f, value: readFileSync(join(dir, f), 'utf8') }));
  const aliases = existsSync(join(dir, 'aliases.yml')) ? { path: 'aliases.yml', value: readFileSync(join(dir, 'aliases.yml'), 'utf8') } : null;
  return { ...buildArchive(files, { aliases }), files, aliases };
}

function archiveOf(dir: string) {
  return buildFixture(dir).archive;
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

// ---- Cross-article identity: several outlets on one event ----

/** The hand-written expectation of a case: records that must exist with exactly these articles, names no record may have. */
interface IdentitySpec {
  why: string;
  entities: { name: string; type: string; articles: string[] }[];
  speakers: { name: string; articles: string[]; titles?: string[] }[];
  absent?: string[];
}

/** Article file names without `.md`, by article id. */
const letterOf = (archive: Archive) => new Map(archive.articles.map((a) => [a.id, a.sourceFile.replace(/\.md$/, '')]));

/** The records of an archive, reduced to what identity is about (the golden `expected.json`). */
function identityDigest(archive: Archive) {
  const letter = letterOf(archive);
  const quoteArticle = new Map(archive.quotes.map((q) => [q.id, letter.get(q.articleId)!]));
  return {
    speakers: archive.speakers.map((s) => ({
      id: s.id, name: s.name, type: s.type, aliases: s.aliases, titles: s.titles, entityId: s.entityId,
      articles: [...new Set(s.quoteIds.map((id) => quoteArticle.get(id)!))].sort(),
    })),
    entities: archive.entities.filter((e) => e.type !== 'place').map((e) => ({
      id: e.id, name: e.name, type: e.type, aliases: e.aliases, articles: e.articleIds.map((id) => letter.get(id)!).sort(),
    })),
  };
}

const identityCases = fixtureCases('link').filter((c) => existsSync(join(c.dir, 'identity.json')));

for (const { name, dir } of identityCases) {
  test(`cross-article identity: ${name.replace(/-/g, ' ')}`, () => {
    const { archive, diagnostics, files, aliases } = buildFixture(dir);
    const spec = JSON.parse(readFileSync(join(dir, 'identity.json'), 'utf8')) as IdentitySpec;
    const digest = identityDigest(archive);
    const shown = JSON.stringify(digest, null, 1);
    for (const want of spec.entities) {
      const found = digest.entities.filter((e) => e.name === want.name && e.type === want.type);
      assert.equal(found.length, 1, `one ${want.type} entity named "${want.name}" (${spec.why})\n${shown}`);
      assert.deepEqual(found[0]!.articles, [...want.articles].sort(), `articles of entity "${want.name}"`);
    }
    for (const want of spec.speakers) {
      // Two records may share a name (two articles' lone "Calloway"): as many as the spec lists, each with its articles.
      const named = digest.speakers.filter((s) => s.name === want.name);
      assert.equal(named.length, spec.speakers.filter((s) => s.name === want.name).length, `speakers named "${want.name}" (${spec.why})\n${shown}`);
      const found = named.filter((s) => JSON.stringify(s.articles) === JSON.stringify([...want.articles].sort()));
      assert.equal(found.length, 1, `a speaker "${want.name}" quoted in exactly ${want.articles.join(', ')}\n${shown}`);
      for (const title of want.titles ?? []) assert.ok(found[0]!.titles.includes(title), `speaker "${want.name}" keeps the title "${title}"`);
      // A speaker and its entity are the same thing: the speaker page links the entity of its name.
      const entity = digest.entities.find((e) => e.id === found[0]!.entityId);
      if (spec.entities.some((e) => e.name === want.name)) assert.equal(entity?.name, want.name, `speaker "${want.name}" links its entity`);
    }
    for (const absent of spec.absent ?? []) {
      assert.ok(!digest.speakers.some((s) => s.name === absent) && !digest.entities.some((e) => e.name === absent), `no record is named "${absent}"`);
    }
    assertGoldenJson(join(dir, 'expected.json'), digest);
    // Problems of the aliases file, as the user reads them.
    const aliasProblems = diagnostics.filter((d) => d.file === 'aliases.yml');
    if (aliases) assertGoldenText(join(dir, 'report.txt'), formatDiagnostics(aliasProblems, new Map([...files, aliases].map((f) => [f.path, f.value]))));
    else assert.deepEqual(aliasProblems, []);
  });
}

test('the aliases file reports every problem at once, compiler-style, and applies nothing when it has any', () => {
  const { archive, diagnostics } = buildFixture(cases.get('the-aliases-file-reports-unknown-names-and-conflicts-at-their-line')!);
  const rules = diagnostics.filter((d) => d.file === 'aliases.yml').map((d) => `${d.line}:${d.column} ${d.source}:${d.ruleId}`);
  assert.deepEqual(rules.sort(), [
    '11:11 load:aliases-conflict', // "Mira Solberg" is both joined and split
    '14:20 load:aliases-unknown-article',
    '15:20 load:aliases-conflict', // two records of one split with one name
    '17:5 load:aliases-invalid-entry', // `names:` is no key of a split
    '17:5 load:aliases-invalid-entry',
    '17:5 load:aliases-invalid-entry',
    '3:15 load:aliases-unknown-name',
    '5:15 load:aliases-conflict', // "Harbor Bord" in two joins
    '5:15 load:aliases-unknown-name',
    '7:11 load:aliases-unknown-name',
].sort());
  assert.ok(diagnostics.every((d) => d.severity === 'error' || d.file !== 'aliases.yml'));
  // Nothing was applied: the board keeps its extracted name, the chair hers.
  assert.ok(archive.entities.some((e) => e.name === 'Mira Solberg'));
  assert.ok(!archive.entities.some((e) => e.name.includes('(chair)')));
});

test('an aliases file with a YAML syntax error is reported at its line and changes nothing', () => {
  const article = { path: 'a.md', value: '---\ntitle: T\ndate: 2024-01-01\nsource: S\n---\n\n"We are ready," said Mira Solberg.\n' };
  const { archive, diagnostics } = buildArchive([article], { aliases: { path: 'aliases.yml', value: 'join:\n  - canonical: Mira: Solberg\n' } });
  assert.deepEqual(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`), ['aliases.yml:2:16 aliases-yaml-syntax-error']);
  assert.equal(archive.speakers[0]!.name, 'Mira Solberg');
});

test('an empty aliases file, or one with only comments, is no problem', () => {
  const article = { path: 'a.md', value: '---\ntitle: T\ndate: 2024-01-01\nsource: S\n---\n\n"We are ready," said Mira Solberg.\n' };
  for (const value of ['', '# nothing curated yet\n', 'join: []\nsplit:\n']) assert.deepEqual(buildArchive([article], { aliases: { path: 'aliases.yml', value } }).diagnostics, []);
});

test('a split may name an article by its id or by its file, relative to the aliases file', () => {
  const article = (file: string, title: string) => ({ path: `content/${file}`, value: `---\ntitle: ${title}\ndate: 2024-01-01\nsource: S\n---\n\n"We are ready," said Mira Solberg.\n` });
  const files = [article('x/one.md', 'One'), article('two.md', 'Two')];
  const aliases = { path: 'content/aliases.yml', value: 'split:\n  - name: Mira Solberg\n    records:\n      - canonical: Mira Solberg (one)\n        articles: [x/one.md]\n      - canonical: Mira Solberg (two)\n        articles: [2024-01-01-two]\n' };
  const { archive, diagnostics } = buildArchive(files, { aliases });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(archive.speakers.map((s) => s.name).sort(), ['Mira Solberg (one)', 'Mira Solberg (two)']);
});
