/**
 * The data exports of a real build (`npm run build` in process, extraction
 * and Pagefind included): archive.json validates with ajv against the JSON
 * Schema the same build publishes, and quotes.jsonl and quotes.csv read back
 * to exactly the quotes of archive.json. The content is the site tests' mini
 * project plus one article whose quotes start with formula characters,
 * apostrophes and quote marks, so the CSV's cell rules are exercised.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Archive, Quote } from '../src/archive/types.ts';
import { runCli } from '../src/cli.ts';
import { escapeQuoteRowCell } from '../src/export/quote-rows-csv.ts';
import { parseCsv } from './helpers/csv.ts';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

let workDir: string;
let site: string;
let archive: Archive;

before(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-exports-'));
  const content = path.join(workDir, 'content');
  await cp(path.join(fixtures, 'site/mini/content'), content, { recursive: true });
  await cp(path.join(fixtures, 'exports/tricky-cells/content'), content, { recursive: true });
  site = path.join(workDir, '_site');
  let stderr = '';
  const code = await runCli(['build', '--content', content, '--out', site], { stdout: () => {}, stderr: (text) => { stderr += text; } });
  process.exitCode = 0;
  assert.equal(code, 0, stderr);
  archive = JSON.parse(await readFile(path.join(site, 'archive.json'), 'utf8')) as Archive;
  assert.ok(archive.quotes.length >= 6, 'the build found quotes to export');
});

after(async () => {
  await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function readSchema(name: string): Promise<object> {
  return JSON.parse(await readFile(path.join(site, 'schema', name), 'utf8')) as object;
}

test('the build publishes the JSON Schemas of archive.json and of a quotes.jsonl line under /schema/', async () => {
  for (const name of ['archive.schema.json', 'quote-row.schema.json']) {
    assert.ok(existsSync(path.join(site, 'schema', name)), name);
    const schema = await readSchema(name) as { $schema?: string; type?: string };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.type, 'object');
  }
});

test('the built archive.json validates against the published schema', async () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(await readSchema('archive.schema.json'));
  assert.ok(validate(archive), JSON.stringify(validate.errors, null, 2));
});

test('the JSON that npm run extract prints validates against the same schema', async () => {
  const dir = path.join(workDir, 'content');
  const files = (await readdir(dir)).filter((n) => n.endsWith('.md')).map((n) => path.join(dir, n));
  let stdout = '';
  const code = await runCli(['extract', ...files], { stdout: (text) => { stdout += text; }, stderr: () => {} });
  process.exitCode = 0;
  assert.equal(code, 0);
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(await readSchema('archive.schema.json'));
  const printed = JSON.parse(stdout) as Archive;
  assert.ok(printed.quotes.length > 0);
  assert.ok(validate(printed), JSON.stringify(validate.errors, null, 2));
});

test('the published schema rejects an archive.json with a missing, mistyped or unknown field', async () => {
  const validate = new Ajv2020({ allErrors: true }).compile(await readSchema('archive.schema.json'));
  const quote = archive.quotes[0]!;
  const broken: unknown[] = [
    { ...archive, quotes: [{ ...quote, kind: 'rumour' }] },
    { ...archive, quotes: [{ ...quote, start: '12' }] },
    { ...archive, quotes: [{ ...quote, sentiment: 'positive' }] },
    { ...archive, articles: [{ ...archive.articles[0]!, date: '14 Jan 2021' }] },
    { ...archive, speakers: undefined },
  ];
  for (const value of broken) assert.equal(validate(value), false, JSON.stringify(value).slice(0, 200));
});

/** The fields of a quote row that are the quote's own, as in archive.json. */
function quoteOf(row: Record<string, unknown>): Quote {
  const { id, articleId, path: quotePath, text, kind, speakerId, speakerName, cue, start, end, date, source } = row as unknown as Quote;
  return { id, articleId, path: quotePath, text, kind, speakerId, speakerName, cue, start, end, date, source };
}

/** What each row must say about the quote's article, speaker and source, looked up in archive.json. */
function denormalized(quote: Quote): Record<string, unknown> {
  const article = archive.articles.find((a) => a.id === quote.articleId)!;
  const speaker = archive.speakers.find((s) => s.id === quote.speakerId);
  return { speakerType: speaker?.type ?? null, sourceId: article.source.id, articleTitle: article.title, articleDate: article.date, articleUrl: article.url, articlePath: article.path };
}

test('quotes.jsonl reads back, line by line, to the quotes of archive.json with their article and speaker named', async () => {
  const text = await readFile(path.join(site, 'quotes.jsonl'), 'utf8');
  assert.ok(text.endsWith('\n'));
  const rows = text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(rows.map(quoteOf), archive.quotes);
  rows.forEach((row, i) => {
    const { speakerType, sourceId, articleTitle, articleDate, articleUrl, articlePath } = row;
    assert.deepEqual({ speakerType, sourceId, articleTitle, articleDate, articleUrl, articlePath }, denormalized(archive.quotes[i]!));
  });
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(await readSchema('quote-row.schema.json'));
  for (const row of rows) assert.ok(validate(row), JSON.stringify(validate.errors));
});

/** Reads a quotes.csv cell back: empty is null, numbers are numbers, one leading apostrophe (added against formulas) drops. */
function readCell(field: string, cell: string): unknown {
  if (cell === '') return null;
  if (field === 'start' || field === 'end') return Number(cell);
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

test('quotes.csv reads back, row by row, to exactly the quotes of archive.json, formula-like and apostrophe cells included', async () => {
  const [header, ...rows] = parseCsv(await readFile(path.join(site, 'quotes.csv'), 'utf8'));
  assert.ok(header);
  const records = rows.map((cells) => {
    assert.equal(cells.length, header.length, cells.join(' | '));
    return Object.fromEntries(header.map((field, i) => [field, readCell(field, cells[i]!)]));
  });
  assert.deepEqual(records.map(quoteOf), archive.quotes);
  records.forEach((record, i) => {
    const { speakerType, sourceId, articleTitle, articleDate, articleUrl, articlePath } = record;
    assert.deepEqual({ speakerType, sourceId, articleTitle, articleDate, articleUrl, articlePath }, denormalized(archive.quotes[i]!));
  });
  // The fixture's quotes do reach the risky cases, so the round trip above covers them.
  const texts = archive.quotes.map((q) => q.text);
  assert.ok(texts.some((t) => /^[=-]/.test(t)), `a quote starts with a formula character: ${texts.join(' | ')}`);
  assert.ok(texts.some((t) => t.startsWith("'")), `a quote starts with an apostrophe: ${texts.join(' | ')}`);
  const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
  assert.deepEqual(formulas, [], 'no cell can run as a spreadsheet formula');
});

test('a quotes.csv cell gets one leading apostrophe before a formula character or an apostrophe, and nothing else', () => {
  assert.equal(escapeQuoteRowCell('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(escapeQuoteRowCell("'Tis"), "''Tis");
  assert.equal(escapeQuoteRowCell('he said, "no"'), '"he said, ""no"""');
  assert.equal(escapeQuoteRowCell(null), '');
  assert.equal(escapeQuoteRowCell(42), '42');
});
