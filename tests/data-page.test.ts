/**
 * The `/data/` page: made from the published JSON Schemas (hence from the
 * zod schemas), it has a described row for every field of archive.json and
 * of a quotes.jsonl line / quotes.csv row, and links to the files and their
 * schemas. The fields are listed here by walking the schema files of a real
 * build, independently of the page's own code, so a field added without a
 * description (or missing from the page) fails this test.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { buildSite } from '../src/site/build-site.ts';
import { buildArchiveFromFacts } from './fixtures/site/archive-from-facts.ts';
import { describeFields, describeType, type JsonSchemaNode } from '../src/export/data-dictionary.ts';

const miniProject = fileURLToPath(new URL('fixtures/site/mini/', import.meta.url));
let workDir = '';
let $: cheerio.CheerioAPI;

before(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-data-page-'));
  assert.deepEqual(await buildSite(await buildArchiveFromFacts(miniProject), workDir, { search: false }), []);
  $ = cheerio.load(await readFile(path.join(workDir, 'data/index.html'), 'utf8'));
});

after(async () => {
  await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Every property path of an object schema (nested objects as `a.b`), read straight from the JSON Schema. */
function propertyPaths(node: JsonSchemaNode, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    paths.push(prefix + key);
    const inner = child.properties ? child : child.anyOf?.find((o) => o.properties);
    if (inner) paths.push(...propertyPaths(inner, `${prefix}${key}.`));
  }
  return paths;
}

async function schemaFile(name: string): Promise<JsonSchemaNode> {
  return JSON.parse(await readFile(path.join(workDir, 'schema', name), 'utf8')) as JsonSchemaNode;
}

/** The description cell of a field's row in a record's table, or null when the row is missing. */
function descriptionOf(record: string, field: string): string | null {
  const row = $(`table[data-record="${record}"] tr`).filter((_, tr) => $(tr).attr('data-field') === field);
  if (row.length !== 1) return null;
  return row.find('.undocumented').length ? '' : row.find('td').last().text().trim();
}

test('the data page describes every field of every archive.json record, as the published schema lists them', async () => {
  const archive = await schemaFile('archive.schema.json');
  const records = Object.entries(archive.properties ?? {});
  assert.deepEqual(records.map(([key]) => key), ['articles', 'quotes', 'speakers', 'entities', 'sources']);
  for (const [key, list] of records) {
    const fields = propertyPaths(list.items ?? {});
    assert.ok(fields.length > 0, key);
    for (const field of fields) {
      const description = descriptionOf(`archive-${key}`, field);
      assert.notEqual(description, null, `the data page has a row for ${key}[].${field}`);
      assert.ok(description, `${key}[].${field} has a description (give its zod schema a .describe())`);
    }
    assert.equal($(`table[data-record="archive-${key}"] tbody tr`).length, fields.length, `no row for a field ${key} does not have`);
  }
});

test('the data page describes every field of a quotes.jsonl line and quotes.csv row', async () => {
  const row = await schemaFile('quote-row.schema.json');
  const fields = propertyPaths(row);
  assert.ok(fields.includes('articleTitle') && fields.includes('text'));
  for (const field of fields) assert.ok(descriptionOf('quote-row', field), `quote row field ${field} is described on the data page`);
});

test('the data page links to every data file and schema, all of which the build wrote', () => {
  const links = new Set($('main a[href]').map((_, a) => $(a).attr('href')).get());
  for (const file of ['/archive.json', '/quotes.jsonl', '/quotes.csv', '/schema/archive.schema.json', '/schema/quote-row.schema.json']) {
    assert.ok(links.has(file), `links to ${file}`);
    assert.ok(existsSync(path.join(workDir, file)), `${file} was written`);
  }
  assert.ok($('nav a[href="/data/"][aria-current="page"]').length === 1, 'the navigation marks the data page');
});

test('a field type reads as words: nullable, enum, date, arrays and open objects', () => {
  assert.equal(describeType({ type: ['string', 'null'] }), 'string or null');
  assert.equal(describeType({ type: 'string', enum: ['direct', 'partial'] }), 'one of "direct", "partial"');
  assert.equal(describeType({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), 'date (YYYY-MM-DD)');
  assert.equal(describeType({ type: 'array', items: { type: 'string' } }), 'array of string');
  assert.equal(describeType({ type: 'object', additionalProperties: {} }), 'object (any keys)');
});

test('a field without a description is listed with none, so the page test can catch it', () => {
  assert.deepEqual(describeFields({ properties: { a: { type: 'string' }, b: { type: 'object', description: 'B', properties: { c: { type: 'integer', description: 'C' } } } } }), [
    { name: 'a', type: 'string', description: null },
    { name: 'b', type: 'object', description: 'B' },
    { name: 'b.c', type: 'integer', description: 'C' },
  ]);
});

test('the data page describes every field of data/index.json, of its exports and of their parts', async () => {
  const index = await schemaFile('data-index.schema.json');
  const exportItem = index.properties?.exports?.items ?? {};
  const partItem = exportItem.properties?.parts?.items ?? {};
  for (const [record, node] of [['data-index-root', index], ['data-index-export', exportItem], ['data-index-part', partItem]] as const) {
    const fields = propertyPaths(node);
    assert.ok(fields.length > 0, record);
    for (const field of fields) assert.ok(descriptionOf(record, field), `${record} field ${field} is described on the data page`);
  }
  assert.ok(propertyPaths(partItem).includes('sha256'));
  assert.ok(existsSync(path.join(workDir, 'data/index.json')), 'the index was written');
});
