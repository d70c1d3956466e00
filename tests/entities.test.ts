/**
 * Entity extraction, fixture-driven: each folder under fixtures/entities/
 * holds an article body (`input.md`) and the people, organizations, places
 * and documents it names (`expected.json`: name, type, aliases). Entities
 * are compared as sets; every mention must be the body's own text at its
 * offsets. Goldens change only through `npm run update-goldens`; a missing
 * one fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextDocument } from '../src/parse/text-document.ts';
import { extractEntities } from '../src/extract/entities.ts';
import { isRoleWord, splitTitles } from '../src/extract/names.ts';
import { assertGoldenJson, fixtureCases } from './helpers/fixtures.ts';

interface ExpectedEntity {
  name: string;
  type: string;
  aliases: string[];
}

const byTypeAndName = (a: ExpectedEntity, b: ExpectedEntity) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name);

const sortAliases = (list: ExpectedEntity[]) => list.map((e) => ({ ...e, aliases: [...e.aliases].sort() })).sort(byTypeAndName);

for (const { name, dir } of fixtureCases('entities')) {
  test(`entities: ${name.replace(/-/g, ' ')}`, () => {
    const body = readFileSync(join(dir, 'input.md'), 'utf8');
    const entities = extractEntities(parseTextDocument(body));
    for (const entity of entities) {
      assert.ok(entity.mentions.length > 0, `${entity.name} has no mention`);
      for (const m of entity.mentions) assert.equal(body.slice(m.start, m.end), m.text, `mention of ${entity.name} at ${m.start}`);
    }
    const actual = sortAliases(entities.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases })));
    assertGoldenJson(join(dir, 'expected.json'), actual, sortAliases);
  });
}

test('splitTitles separates roles from the bare name', () => {
  assert.deepEqual(splitTitles('Health Secretary Jane Doe'), { titles: ['Health Secretary'], name: 'Jane Doe' });
  assert.deepEqual(splitTitles('Foreign Ministry spokesperson Li Wei'), { titles: ['Foreign Ministry spokesperson'], name: 'Li Wei' });
  assert.deepEqual(splitTitles('Dr. Ana María López de la Cruz'), { titles: ['Dr.'], name: 'Ana María López de la Cruz' });
  assert.deepEqual(splitTitles('Secretary of State Mike Smith'), { titles: ['Secretary of State'], name: 'Mike Smith' });
  assert.deepEqual(splitTitles("Director Jane Doe's"), { titles: ['Director'], name: 'Jane Doe' });
  assert.deepEqual(splitTitles('Martin Luther King Jr.'), { titles: [], name: 'Martin Luther King Jr.' });
});

test('isRoleWord knows roles and not names', () => {
  for (const w of ['spokesperson', 'minister', 'President', 'secretary', 'CEO', 'coach']) assert.ok(isRoleWord(w), w);
  for (const w of ['Maria', 'said', 'the', 'China']) assert.ok(!isRoleWord(w), w);
});

test('the people of a long article each get one record with every surname mention', () => {
  const paragraph = 'Maria Gonzalez met Peter Olsen in Madrid. Gonzalez said the plan was sound, and Olsen agreed. ';
  const body = paragraph.repeat(40);
  const entities = extractEntities(parseTextDocument(body));
  const people = entities.filter((e) => e.type === 'person');
  assert.deepEqual(people.map((p) => p.name).sort(), ['Maria Gonzalez', 'Peter Olsen']);
  for (const p of people) assert.equal(p.mentions.length, 80);
});
