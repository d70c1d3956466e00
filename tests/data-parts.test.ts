/**
 * The data exports in parts by date (`/data/index.json`) and the file size
 * limit: real builds of a small archive over three years (real extraction,
 * the real site build) with the limit left at its default and set small
 * enough to force each cut. The content has a speaker and entities in every
 * year, and a quote said in one year and reported in the next, so joining
 * the parts has to order id lists as the whole file does.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as cheerio from 'cheerio';
import type { Archive, Diagnostic } from '../src/archive/types.ts';
import { buildArchive } from '../src/pipeline.ts';
import { readSourceFiles, findContentFiles } from '../src/load/content-files.ts';
import { buildSite } from '../src/site/build-site.ts';
import { runCli } from '../src/cli.ts';
import { toArchiveJson } from '../src/export/json.ts';
import { mergeArchiveParts, toArchivePart } from '../src/export/archive-parts.ts';
import { DATA_EXPORTS, toWholeExports } from '../src/export/data-exports.ts';
import type { DataIndex } from '../src/export/data-index.ts';
import { contentHash } from '../src/output/reused-files.ts';

const content = fileURLToPath(new URL('fixtures/exports/parts-by-date/content/', import.meta.url));

let workDir = '';
let archive: Archive;

before(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'quote-archive-data-parts-'));
  const { files } = await readSourceFiles(await findContentFiles(content));
  const built = buildArchive(files);
  assert.deepEqual(built.diagnostics.filter((d) => d.severity === 'error'), []);
  archive = built.archive;
  assert.deepEqual([...new Set(archive.articles.map((a) => a.date.slice(0, 4)))], ['2024', '2023', '2022'], 'the fixture spans three years');
});

after(async () => {
  await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Builds the site of the fixture into a new folder with the given limit (none: the default). */
async function build(name: string, exportLimitBytes?: number): Promise<{ site: string; diagnostics: Diagnostic[]; index: DataIndex }> {
  const site = path.join(workDir, name);
  const diagnostics = await buildSite(archive, site, { search: false, ...(exportLimitBytes === undefined ? {} : { exportLimitBytes }) });
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const index = JSON.parse(await readFile(path.join(site, 'data/index.json'), 'utf8')) as DataIndex;
  return { site, diagnostics, index };
}

/** The texts of an export's parts, in the index's order. */
async function partTexts(site: string, index: DataIndex, name: string): Promise<string[]> {
  const entry = index.exports.find((e) => e.name === name);
  assert.ok(entry, `the index lists ${name}`);
  return Promise.all(entry.parts.map((p) => readFile(path.join(site, p.path), 'utf8')));
}

/** Joins CSV parts: the header once, then every part's rows. */
function joinCsv(parts: string[]): string {
  const header = parts[0]?.slice(0, parts[0].indexOf('\r\n') + 2) ?? '';
  return header + parts.map((p) => {
    assert.ok(p.startsWith(header), 'each part starts with the header row');
    return p.slice(header.length);
  }).join('');
}

/** The whole text of every export, as joined from its parts. */
async function joinedExports(site: string, index: DataIndex): Promise<Record<string, string>> {
  const json = (await partTexts(site, index, 'archive.json')).map((t) => JSON.parse(t) as Archive);
  return {
    'archive.json': toArchiveJson(mergeArchiveParts(json)),
    'archive.csv': joinCsv(await partTexts(site, index, 'archive.csv')),
    'quotes.jsonl': (await partTexts(site, index, 'quotes.jsonl')).join(''),
    'quotes.csv': joinCsv(await partTexts(site, index, 'quotes.csv')),
  };
}

/** Every file under `dir`, as site paths. */
async function filesUnder(site: string, dir: string): Promise<string[]> {
  if (!existsSync(path.join(site, dir))) return [];
  const entries = await readdir(path.join(site, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `/${path.relative(site, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`).sort();
}

test('archive.json is compact JSON: the archive as JSON.stringify writes it, and a newline', () => {
  assert.equal(toArchiveJson(archive), `${JSON.stringify(archive)}\n`);
  assert.equal(toArchiveJson({ articles: [], quotes: [], speakers: [], entities: [], sources: [] }), '{"articles":[],"quotes":[],"speakers":[],"entities":[],"sources":[]}\n');
});

test('within the limit every export is written whole and nothing in parts, and data/index.json lists each whole with its bytes and SHA-256', async () => {
  const { site, diagnostics, index } = await build('default');
  assert.deepEqual(diagnostics, []);
  assert.equal(index.limitBytes, 50_000_000);
  assert.deepEqual(index.exports.map((e) => e.name), ['archive.json', 'archive.csv', 'quotes.jsonl', 'quotes.csv']);
  for (const entry of index.exports) {
    const whole = await readFile(path.join(site, entry.name));
    assert.deepEqual(entry.whole, { path: `/${entry.name}`, bytes: whole.length, sha256: contentHash(whole) });
    assert.deepEqual(entry.parts, [], `${entry.name} fits in one file: parts beside it would double the exports for nothing`);
  }
  assert.deepEqual([...(await filesUnder(site, 'data/archive')), ...(await filesUnder(site, 'data/quotes'))], []);
});

/** The wholes of the fixture, made apart from any build. */
const wholeTexts = (): Map<string, string> => new Map(toWholeExports(archive, Number.POSITIVE_INFINITY).map((w) => [w.kind.name, w.text!]));

/** A limit just under the smallest whole export, so every export is published in parts (by year, as its years fit). */
const belowEveryWhole = (): number => Math.min(...[...wholeTexts().values()].map((t) => Buffer.byteLength(t))) - 1;

test('past the limit every export is written in parts by year, and data/index.json lists each part with its counts, bytes and SHA-256', async () => {
  const { site, index } = await build('by-year', belowEveryWhole());
  const listed: string[] = ['/data/index.json'];
  for (const entry of index.exports) {
    assert.equal(entry.whole, null, `${entry.name} is over the limit`);
    assert.ok(!existsSync(path.join(site, entry.name)), `${entry.name} is not written whole`);
    for (const part of entry.parts) {
      const bytes = await readFile(path.join(site, part.path));
      assert.equal(part.bytes, bytes.length, part.path);
      assert.equal(part.sha256, contentHash(bytes), part.path);
      const articles = archive.articles.filter((a) => a.date >= part.from && a.date <= part.to);
      assert.equal(part.articles, articles.length, part.path);
      assert.equal(part.quotes, archive.quotes.filter((q) => articles.some((a) => a.id === q.articleId)).length, part.path);
      listed.push(part.path);
    }
    assert.deepEqual([...new Set(entry.parts.map((p) => p.year))], [2024, 2023, 2022], `${entry.name} is cut by year`);
  }
  assert.ok(listed.some((p) => p.startsWith('/data/archive/2024')) && listed.some((p) => p.startsWith('/data/quotes/2022')));
  const written = [...(await filesUnder(site, 'data/archive')), ...(await filesUnder(site, 'data/quotes')), '/data/index.json'].sort();
  assert.deepEqual(written, listed.sort(), 'the index lists every part written, and only those');
});

test('joined, the parts of every export are byte for byte its whole file', async () => {
  const { site, index } = await build('joined', belowEveryWhole());
  const joined = await joinedExports(site, index);
  const wholes = wholeTexts();
  for (const { name } of DATA_EXPORTS) assert.equal(joined[name], wholes.get(name), name);
  // A quote said in 2023 and reported in a 2024 article sits in the 2024 part, yet joins in date order.
  const lopez = archive.speakers.find((s) => s.id === 'maria-lopez');
  assert.ok(lopez && lopez.quoteIds.length >= 4);
  const crossing = archive.quotes.find((q) => q.date.startsWith('2023') && q.articleId.startsWith('2024'));
  assert.ok(crossing, 'the fixture has a quote said the year before its article');
});

test('each archive.json part validates against the published schema and names only records it holds', async () => {
  const { site, index } = await build('valid', belowEveryWhole());
  const schema = JSON.parse(await readFile(path.join(site, 'schema/archive.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  for (const text of await partTexts(site, index, 'archive.json')) {
    const part = JSON.parse(text) as Archive;
    assert.ok(validate(part), JSON.stringify(validate.errors));
    const has = (list: { id: string }[], id: string): boolean => list.some((r) => r.id === id);
    for (const a of part.articles) {
      for (const id of a.quoteIds) assert.ok(has(part.quotes, id), id);
      for (const id of a.speakerIds) assert.ok(has(part.speakers, id), id);
      for (const id of a.entityIds) assert.ok(has(part.entities, id), id);
      assert.ok(has(part.sources, a.source.id), a.source.id);
    }
    for (const s of part.speakers) for (const id of s.quoteIds) assert.ok(has(part.quotes, id), `${s.id} ${id}`);
    for (const e of part.entities) for (const id of e.articleIds) assert.ok(has(part.articles, id), `${e.id} ${id}`);
    for (const s of part.sources) for (const id of s.articleIds) assert.ok(has(part.articles, id), `${s.id} ${id}`);
  }
  const indexSchema = JSON.parse(await readFile(path.join(site, 'schema/data-index.schema.json'), 'utf8')) as object;
  const validateIndex = new Ajv2020({ allErrors: true, strict: true }).compile(indexSchema);
  assert.ok(validateIndex(index), JSON.stringify(validateIndex.errors));
});

test('past the limit a year is cut by month and a month into runs of articles, no part passes the limit, and the parts still join to the whole', async () => {
  // The limit: what the largest single article's part needs, so that March 2024 (two articles) must be cut in runs.
  const bytesOf = (w: { text: string | null }): number => Buffer.byteLength(w.text ?? '');
  const single = archive.articles.map((a) => toWholeExports(toArchivePart(archive, [a]), Infinity));
  const limit = Math.max(...single.flat().map(bytesOf)) + 200;
  const { site, diagnostics, index } = await build('cut', limit);
  const periods = index.exports[0]!.parts.map((p) => p.period);
  assert.ok(periods.includes('2024-07'), `2024 is cut by month: ${periods.join(' ')}`);
  assert.ok(periods.includes('2024-03-1') && periods.includes('2024-03-2'), `March 2024 is cut in runs: ${periods.join(' ')}`);
  assert.ok(periods.includes('2022'), `2022 fits whole: ${periods.join(' ')}`);
  for (const entry of index.exports) {
    assert.deepEqual(entry.parts.map((p) => p.period), periods, 'every export is cut alike');
    for (const part of entry.parts) assert.ok(part.bytes <= limit, `${part.path} is ${part.bytes} bytes`);
  }
  const joined = await joinedExports(site, index);
  const wholes = toWholeExports(archive, Infinity);
  for (const whole of wholes) assert.equal(joined[whole.kind.name], whole.text, whole.kind.name);
  // Exactly the wholes over this limit are left out, each with a warning.
  const over = wholes.filter((w) => bytesOf(w) > limit).map((w) => w.kind.name);
  assert.ok(over.includes('archive.json'));
  assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'data-export-split').map((d) => path.basename(d.file)), over);
  for (const entry of index.exports) assert.equal(entry.whole === null, (over as string[]).includes(entry.name), entry.name);
});

test('a whole export over the limit is not written: the index says so, /data/ links its parts instead, and a warning names data/index.json', async () => {
  const { site, diagnostics, index } = await build('split', 2_000);
  for (const entry of index.exports) {
    assert.equal(entry.whole, null, entry.name);
    assert.equal(existsSync(path.join(site, entry.name)), false, `${entry.name} is not written`);
    assert.ok(entry.parts.length > 0);
  }
  const warnings = diagnostics.filter((d) => d.ruleId === 'data-export-split');
  assert.deepEqual(warnings.map((d) => path.basename(d.file)).sort(), ['archive.csv', 'archive.json', 'quotes.csv', 'quotes.jsonl']);
  for (const d of warnings) {
    assert.equal(d.severity, 'warning');
    assert.match(d.reason, /would be over the 0\.0 MB limit for one file: it is published in \d+ parts only \(0\.\d MB in all\)/);
    assert.match(d.reason, /listed in data\/index\.json/);
  }
  const $ = cheerio.load(await readFile(path.join(site, 'data/index.html'), 'utf8'));
  const links = new Set($('main a[href]').map((_, a) => $(a).attr('href')).get());
  assert.ok(links.has('/data/index.json'));
  for (const name of ['/archive.json', '/quotes.jsonl', '/quotes.csv']) assert.equal(links.has(name), false, `no link to ${name}`);
  assert.match($('main').text(), /archive\.json is larger than the limit/);
});

test('the build command reads QUOTE_ARCHIVE_EXPORT_LIMIT_MB, warns naming data/index.json under the output folder, and reports it in build-report.json by the site\'s own path', async () => {
  const out = path.join(workDir, 'cli-site');
  let stderr = '';
  process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB = '0.002';
  try {
    const code = await runCli(['build', '--content', content, '--out', out, '--no-cache'], { stdout: () => {}, stderr: (text) => { stderr += text; } });
    process.exitCode = 0;
    assert.equal(code, 0, stderr);
  } finally {
    delete process.env.QUOTE_ARCHIVE_EXPORT_LIMIT_MB;
  }
  assert.ok(stderr.includes(`${path.join(out, 'archive.json')}: warning: archive.json would be`), stderr);
  assert.match(stderr, /listed in data\/index\.json \[site:data-export-split\]/);
  assert.equal(existsSync(path.join(out, 'archive.json')), false);
  const report = JSON.parse(await readFile(path.join(out, 'build-report.json'), 'utf8')) as { diagnostics: Diagnostic[] };
  assert.deepEqual(report.diagnostics.filter((d) => d.ruleId === 'data-export-split').map((d) => d.file).sort(), ['archive.csv', 'archive.json', 'quotes.csv', 'quotes.jsonl']);
  assert.ok(!JSON.stringify(report).includes(workDir), 'the report does not name the build machine\'s folders');
});
