/**
 * The scorer itself: hand-made predictions over a small hand-written article
 * give known numbers, so a change to the rules shows up here first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Archive, Article, Entity, Quote, QuoteKind } from '../../src/archive/types.ts';
import { findShortfalls, locateGoldQuotes, scoreArticle, totalScores, type GoldFile, type Thresholds } from './score.ts';

const body = [
  'OSLO — The harbour plan is dead, Mayor Ingrid Solheim said on Monday.',
  '“We tried everything,” Solheim told reporters. “Nobody wanted to pay.”',
  'A city official, speaking on condition of anonymity, called the vote “a mess”.',
  'The Port Authority said the berths would stay open.',
].join('\n\n');

const gold: GoldFile = {
  quotes: [
    { text: 'The harbour plan is dead', kind: 'indirect', speaker: 'Ingrid Solheim', speakerType: 'person', cue: 'said' },
    { text: 'We tried everything', kind: 'direct', speaker: 'Ingrid Solheim', speakerType: 'person', cue: 'told' },
    { text: 'Nobody wanted to pay.', kind: 'direct', speaker: 'Ingrid Solheim', speakerType: 'person', cue: 'told' },
    { text: 'a mess', kind: 'partial', speaker: null, cue: 'called' },
    { text: 'the berths would stay open', kind: 'indirect', speaker: 'Port Authority', speakerType: 'organization', cue: 'said' },
  ],
  entities: { person: ['Ingrid Solheim'], organization: ['Port Authority'], place: ['Oslo'] },
};

function quoteAt(text: string, kind: QuoteKind, speakerName: string | null, named = true): Quote {
  const start = body.indexOf(text);
  assert.ok(start >= 0, `fixture text is in the body: ${text}`);
  return {
    id: `a--q-${start}`, articleId: 'a', path: '', text, kind, speakerId: named && speakerName ? speakerName.toLowerCase() : null,
    speakerName, cue: 'said', start, end: start + text.length, date: '2024-01-01', source: 'Test Wire',
  };
}

function entity(name: string, type: Entity['type'], aliases: string[] = []): Entity {
  return { id: name.toLowerCase(), name, type, aliases, path: '', articleIds: ['a'], mentionCount: 1 };
}

function archiveOf(quotes: Quote[], entities: Entity[]): { article: Article; archive: Archive } {
  const article: Article = {
    id: 'a', url: null, path: '', title: 't', date: '2024-01-01', source: { id: 's', name: 'Test Wire', path: '' }, sourceFile: 'a.md',
    byline: null, dateline: null, language: 'en', body, extra: {}, quoteIds: quotes.map((q) => q.id), entityIds: entities.map((e) => e.id), speakerIds: [],
  };
  return { article, archive: { articles: [article], quotes, speakers: [], entities, sources: [] } };
}

test('a prediction equal to the gold scores 1 everywhere', () => {
  const { article, archive } = archiveOf(
    [
      quoteAt('The harbour plan is dead', 'indirect', 'Ingrid Solheim'),
      quoteAt('We tried everything', 'direct', 'Ingrid Solheim'),
      quoteAt('Nobody wanted to pay.', 'direct', 'Ingrid Solheim'),
      quoteAt('a mess', 'partial', 'a city official', false),
      quoteAt('the berths would stay open', 'indirect', 'The Port Authority'),
    ],
    [entity('Ingrid Solheim', 'person'), entity('Port Authority', 'organization'), entity('OSLO', 'place')],
  );
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  for (const kind of ['direct', 'partial', 'indirect'] as const) {
    assert.equal(totals.quotes[kind].precision, 1, `${kind} precision`);
    assert.equal(totals.quotes[kind].recall, 1, `${kind} recall`);
  }
  assert.equal(totals.attribution.accuracy, 1);
  assert.equal(totals.entities.any.f1, 1);
});

test('a direct quote found only in part is a miss and a false positive', () => {
  const { article, archive } = archiveOf([quoteAt('We tried', 'direct', 'Ingrid Solheim'), quoteAt('Nobody wanted to pay.', 'direct', 'Ingrid Solheim')], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  assert.equal(totals.quotes.direct.recall, 0.5);
  assert.equal(totals.quotes.direct.precision, 0.5);
});

test('a reported clause with loose edges still matches and counts for reported precision', () => {
  const { article, archive } = archiveOf([quoteAt('the berths would stay open.', 'indirect', 'Port Authority'), quoteAt('Nobody wanted to pay.', 'indirect', 'Ingrid Solheim')], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  assert.equal(totals.quotes.indirect.recall, 0.5, 'one of two gold reported clauses');
  assert.equal(totals.quotes.indirect.precision, 1, 'a direct quote predicted as reported is not invented speech');
  assert.equal(totals.quotes.direct.recall, 0);
});

test('an unnamed description or an invented name where gold is null is wrong, a surname where gold is full is wrong', () => {
  const { article, archive } = archiveOf(
    [quoteAt('a mess', 'partial', 'Ingrid Solheim'), quoteAt('We tried everything', 'direct', 'Solheim'), quoteAt('Nobody wanted to pay.', 'direct', 'ingrid  solheim')],
    [],
  );
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  assert.equal(totals.attribution.total, 3);
  assert.equal(totals.attribution.correct, 1, 'only the case- and space-insensitive full name counts');
});

test('entities match by normalized name or alias, by type', () => {
  const { article, archive } = archiveOf([], [entity('Solheim', 'person', ['Ingrid Solheim']), entity('Port Authority', 'place'), entity('Monday', 'person')]);
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  assert.equal(totals.entities.person.recall, 1);
  assert.equal(totals.entities.person.precision, 0.5);
  assert.equal(totals.entities.organization.recall, 0);
  assert.equal(totals.entities.any.recall, 2 / 3);
});

test('repeated words are located in order and missing gold text is reported', () => {
  const text = 'He said "No." Then he said "No." again.';
  const { located, errors } = locateGoldQuotes(text, [
    { text: 'No.', kind: 'direct', speaker: null },
    { text: 'No.', kind: 'direct', speaker: null },
    { text: 'Yes.', kind: 'direct', speaker: null },
  ]);
  assert.deepEqual(located.map((l) => l.start), [9, 28]);
  assert.equal(errors.length, 1);
});

test('totals below a threshold are listed by name', () => {
  const { article, archive } = archiveOf([], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  const thresholds: Thresholds = {
    direct: { precision: 0.97, recall: 0.97 }, partial: { recall: 0.9 }, indirect: { precision: 0.9, recall: 0.8 }, attribution: 0.93,
    person: { precision: 0.9, recall: 0.9 }, organization: { precision: 0.9, recall: 0.9 }, place: { precision: 0.9, recall: 0.9 },
  };
  const shortfalls = findShortfalls(totals, thresholds);
  assert.ok(shortfalls.some((s) => s.startsWith('direct recall 0.000')));
  assert.ok(!shortfalls.some((s) => s.startsWith('direct precision')), 'nothing predicted is not imprecise');
});

test('a prediction spanning two gold clauses does not take the clause another prediction fits exactly', () => {
  const both = 'The harbour plan is dead, Mayor Ingrid Solheim said on Monday.';
  const start = body.indexOf(both);
  const wide: Quote = { ...quoteAt('The harbour plan is dead', 'indirect', 'Ingrid Solheim'), id: 'wide', start, end: start + both.length, text: both };
  const exact = quoteAt('Ingrid Solheim said on Monday.', 'indirect', 'Ingrid Solheim');
  const twoGold: GoldFile = {
    quotes: [
      { text: 'The harbour plan is dead', kind: 'indirect', speaker: 'Ingrid Solheim', speakerType: 'person' },
      { text: 'Ingrid Solheim said on Monday.', kind: 'indirect', speaker: 'Ingrid Solheim', speakerType: 'person' },
    ],
    entities: {},
  };
  const { article, archive } = archiveOf([wide, exact], []);
  const totals = totalScores([scoreArticle('a', article, archive, twoGold)]);
  assert.equal(totals.quotes.indirect.recall, 1);
  assert.equal(totals.quotes.indirect.precision, 1);
});

test('by containment, a gold quote is found by an extracted quote holding its words, and a part of it is still right', () => {
  const wider: Quote = { ...quoteAt('We tried everything', 'direct', 'Ingrid Solheim'), start: body.indexOf('We tried everything') - 1, end: body.indexOf('We tried everything') + 'We tried everything,”'.length };
  const { article, archive } = archiveOf([wider, quoteAt('Nobody wanted', 'direct', 'Ingrid Solheim')], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold, 'containment')]);
  assert.equal(totals.quotes.direct.matchedGold, 1, 'marks and a comma around the words do not matter; a part is not the whole');
  assert.equal(totals.quotes.direct.precision, 1, 'an extracted quote inside a gold quote is right');
});

test('by containment, the kind does not decide whether a quote is found', () => {
  const { article, archive } = archiveOf([quoteAt('We tried everything', 'partial', 'Ingrid Solheim')], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold, 'containment')]);
  assert.equal(totals.quotes.direct.recall, 0.5);
  assert.equal(totals.attribution.correct, 1);
});

test('attribution over all gold quotes counts a missed quote as wrong', () => {
  const { article, archive } = archiveOf([quoteAt('We tried everything', 'direct', 'Ingrid Solheim')], []);
  const totals = totalScores([scoreArticle('a', article, archive, gold)]);
  assert.equal(totals.attribution.accuracy, 1);
  assert.equal(totals.attributionAll.correct, 1);
  assert.equal(totals.attributionAll.total, 5);
});

test('ambiguous gold counts neither way, and listed alternatives of speakers and entities are right', () => {
  const withOptions: GoldFile = {
    quotes: [
      { text: 'a mess', kind: 'partial', speaker: null, ambiguous: true },
      { text: 'the berths would stay open', kind: 'indirect', speaker: 'Port Authority of Oslo', speakerAlternatives: ['Port Authority'], speakerType: 'organization' },
    ],
    entities: { organization: [['Port Authority of Oslo', 'Port Authority']] },
    optional: ['Test Wire'],
  };
  const { article, archive } = archiveOf(
    [quoteAt('a mess', 'partial', null, false), quoteAt('the berths would stay open', 'indirect', 'Port Authority')],
    [entity('Port Authority', 'organization'), entity('Test Wire', 'organization')],
  );
  for (const match of ['overlap', 'containment'] as const) {
    const totals = totalScores([scoreArticle('a', article, archive, withOptions, match)]);
    assert.equal(totals.quotes.partial.gold, 0, `${match}: the ambiguous gold is not counted`);
    assert.equal(totals.quotes.partial.predicted, 0, `${match}: nor what matches it`);
    assert.equal(totals.attribution.accuracy, 1, `${match}: an alternative speaker name is right`);
    assert.equal(totals.entities.organization.precision, 1, `${match}: an optional name is no false positive`);
    assert.equal(totals.entities.organization.recall, 1, `${match}: an alternative entity name is found`);
  }
});
