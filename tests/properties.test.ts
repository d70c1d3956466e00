/**
 * Properties of extraction over generated Markdown articles (fast-check):
 * `buildArchive` never throws, every quote's offsets slice to its text, every
 * id is unique, every cross-reference resolves, diagnostics point inside their
 * file, every file gives an article or an error naming it, and the output
 * does not depend on file order. Plus large and odd inputs. Runs are seeded
 * (`PROPERTY_SEED`, see helpers/property-runs.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { buildArchive } from '../src/pipeline.ts';
import { toArchiveJson } from '../src/export/json.ts';
import type { Archive, Diagnostic, SourceFile } from '../src/archive/types.ts';
import { assertProperty } from './helpers/property-runs.ts';

// Pieces news copy is made of, plus the odd characters real files carry.
const word = fc.constantFrom(
  'the', 'minister', 'said', 'government', 'will', 'not', 'accept', 'plan', 'on', 'Monday', 'Tuesday', 'talks', 'in', 'city',
  'told', 'reporters', 'added', 'according', 'to', 'officials', 'spokesperson', 'President', 'Secretary', 'Ministry', 'of', 'Health',
  'Mr.', 'Ms.', 'Dr.', 'U.S.', 'U.N.', 'he', 'she', 'they', 'it', '2021', '3.5%', '—', '--', ',', '.', ';', ':', '?', '!',
  '"', '“', '”', "'", '‘', '’', '«', '»', '(', ')', '[', ']', '*', '_', '`', '#', '>', '-', '|', '<b>', '</b>', '<script>', '{{', '}}', '{%', '%}',
  '\u00a0', '\u200b', '\u200d', '\t', '👋', '🇺🇳', 'مرحبا', 'שלום', 'Zoë', 'Łódź', 'São', 'Nguyễn', '\r', '&amp;', '&#x27;', '\\',
);
const name = fc.tuple(
  fc.constantFrom('Ana', 'Tom', 'Priya', 'Kwame', 'Mei', 'Olga', 'Jean-Luc', "O'Neil", 'Ahmed', 'Lena'),
  fc.constantFrom('Varga', 'Reyes', 'Nair', 'Mensah', 'Chen', 'Ivanova', 'Dubois', 'Al-Amin', 'Okafor', 'Smith-Jones'),
).map(([first, last]) => `${first} ${last}`);
const verb = fc.constantFrom('said', 'told reporters', 'added', 'according to', 'warned', 'says', 'stated', 'insisted');
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));
const quote = fc.tuple(sentence, name, verb, fc.constantFrom(['"', '"'], ['“', '”'], ['‘', '’'], ['«', '»'], ['"', ''], ['“', '']), fc.boolean())
  .map(([text, who, cue, [open, close], before]) => (before ? `${open}${text},${close} ${who} ${cue}.` : `${who} ${cue}: ${open}${text}.${close}`));
const paragraph = fc.array(fc.oneof(sentence, quote, quote), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.tuple(fc.constantFrom('', '', '', '# ', '> ', '- ', '1. ', '    ', '\t', '**', '<p>'), paragraph).map(([prefix, text]) => `${prefix}${text}`);
const lineEnding = fc.constantFrom('\n', '\r\n');
const body = fc.tuple(fc.array(block, { minLength: 0, maxLength: 8 }), lineEnding, fc.constantFrom('\n\n', '\n', '\n\n\n'))
  .map(([blocks, eol, gap]) => blocks.join(gap).replace(/\n/g, eol));
const title = fc.oneof(sentence, fc.constant('Only a headline'), fc.constant('<img src=x onerror=alert(1)> {{7*7}}'));
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const article = fc.record({ title, date, body, bom: fc.boolean(), source: fc.constantFrom('Coastal Herald', 'Farm Wire', 'Daily Ledger') })
  .map(({ title: t, date: d, body: b, bom, source }) => `${bom ? '\uFEFF' : ''}---\ntitle: ${JSON.stringify(t)}\ndate: ${d}\nsource: ${source}\n---\n${b}\n`);
const files = fc.array(article, { minLength: 1, maxLength: 4 })
  .map((texts) => texts.map((value, i): SourceFile => ({ path: `content/${String(i).padStart(2, '0')}.md`, value })));

const pipeline = fileURLToPath(new URL('../src/pipeline.ts', import.meta.url));
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

function checkArchive(archive: Archive, diagnostics: Diagnostic[], input: SourceFile[]): void {
  const articles = new Map(archive.articles.map((a) => [a.id, a]));
  for (const [kind, records] of Object.entries({ articles: archive.articles, quotes: archive.quotes, speakers: archive.speakers, entities: archive.entities, sources: archive.sources })) {
    const ids = records.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `${kind} ids are unique`);
    const paths = records.map((r) => r.path);
    assert.equal(new Set(paths).size, paths.length, `${kind} paths are unique`);
  }
  const quoteIds = new Set(archive.quotes.map((q) => q.id));
  const speakerIds = new Set(archive.speakers.map((s) => s.id));
  const entityIds = new Set(archive.entities.map((e) => e.id));
  for (const q of archive.quotes) {
    const a = articles.get(q.articleId);
    assert.ok(a, `quote ${q.id} belongs to an article`);
    assert.ok(q.start >= 0 && q.start <= q.end && q.end <= a.body.length, `quote ${q.id} offsets are inside the body`);
    assert.equal(a.body.slice(q.start, q.end), q.text, `quote ${q.id} offsets slice to its text`);
    assert.ok(q.speakerId === null || speakerIds.has(q.speakerId), `quote ${q.id} speaker exists`);
  }
  for (const a of archive.articles) {
    for (const id of a.quoteIds) assert.ok(quoteIds.has(id));
    for (const id of a.speakerIds) assert.ok(speakerIds.has(id));
    for (const id of a.entityIds) assert.ok(entityIds.has(id));
  }
  for (const s of archive.speakers) for (const id of s.quoteIds) assert.ok(quoteIds.has(id));
  for (const e of archive.entities) for (const id of e.articleIds) assert.ok(articles.has(id));
  // Nothing is dropped in silence: every file is in the archive, or an error says why it is not.
  const published = new Set(archive.articles.map((a) => a.sourceFile));
  for (const file of input) {
    assert.ok(published.has(file.path) || diagnostics.some((d) => d.file === file.path && d.severity === 'error'), `${file.path} is published or reported`);
  }
  const lineCounts = new Map(input.map((f) => [f.path, f.value.split('\n').length]));
  for (const d of diagnostics) {
    const lines = lineCounts.get(d.file);
    assert.ok(lines !== undefined, `diagnostic names an input file: ${d.file}`);
    assert.ok(d.line >= 0 && d.line <= lines, `${d.ruleId} line ${d.line} is inside ${d.file} (${lines} lines)`);
    assert.ok(d.column >= 0, `${d.ruleId} column is not negative`);
  }
}

// Distinct titles, so distinct slugs: two files with the same slug are their own case (below), not something to stumble on at random.
const distinctFiles = files.map((list) => list.map((f, i) => ({ ...f, value: f.value.replace('\ntitle: "', `\ntitle: "${i} `) })));

test('buildArchive never throws on generated articles; offsets, ids, references and diagnostics hold', () => {
  assertProperty(fc.property(distinctFiles, (input) => {
    const { archive, diagnostics } = buildArchive(input);
    checkArchive(archive, diagnostics, input);
  }), { numRuns: RUNS });
});

test('the archive does not depend on the order of the input files, and two runs give the same bytes', () => {
  assertProperty(fc.property(distinctFiles, (input) => {
    const first = toArchiveJson(buildArchive(input).archive);
    assert.equal(toArchiveJson(buildArchive(input).archive), first);
    assert.equal(toArchiveJson(buildArchive([...input].reverse()).archive), first);
  }), { numRuns: Math.ceil(RUNS / 2) });
});

test('two files with the same slug never give two records with one id: buildArchive reports duplicate-slug', () => {
  const value = '---\ntitle: Only a headline\ndate: 2021-03-04\nsource: Coastal Herald\n---\n"We are ready," Ana Varga said.\n';
  const input = [{ path: 'content/a.md', value }, { path: 'content/b.md', value: value.replace('We are ready', 'We are not ready') }];
  const { archive, diagnostics } = buildArchive(input);
  checkArchive(archive, diagnostics, input);
  assert.ok(diagnostics.some((d) => d.ruleId === 'duplicate-slug' && d.severity === 'error' && d.file === 'content/b.md'), 'the later file is reported');
});

const front = (title: string) => `---\ntitle: ${JSON.stringify(title)}\ndate: 2021-03-04\nsource: Coastal Herald\n---\n`;

/** Runs buildArchive on one file and checks the invariants. */
function buildOne(value: string): { archive: Archive; diagnostics: Diagnostic[] } {
  const input = [{ path: 'content/odd.md', value }];
  const { archive, diagnostics } = buildArchive(input);
  checkArchive(archive, diagnostics, input);
  return { archive, diagnostics };
}

/**
 * How long extracting one large generated file may take in a child process
 * before it is taken for a hang: far above what these inputs need (a few
 * seconds; the bench measures speed), so only a hang or a runaway slowdown
 * reaches it. A hang guard, not a speed check.
 */
const HANG_GUARD_MS = 120_000;

/**
 * Runs buildArchive on one generated file in a child process, so a hang is
 * stopped by the hang guard instead of hanging the suite, and reports
 * whether the archive holds the article with exact offsets and unique ids.
 * `makeBody` is the source of a function returning the body; `what` names
 * the input in the hang-guard message.
 */
async function extractInChild(what: string, makeBody: string): Promise<{ quotes: number; ok: boolean; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'qa-large-'));
  const script = join(dir, 'large.mts');
  await writeFile(script, `
    import { buildArchive } from ${JSON.stringify(pipeline)};
    const body = (${makeBody})();
    const value = ${JSON.stringify(front('Large'))} + body;
    const { archive } = buildArchive([{ path: 'content/large.md', value }]);
    const ok = archive.articles.length === 1
      && archive.quotes.every((q) => archive.articles[0].body.slice(q.start, q.end) === q.text)
      && new Set(archive.quotes.map((q) => q.id)).size === archive.quotes.length;
    process.stdout.write(JSON.stringify({ quotes: archive.quotes.length, ok }));
  `);
  try {
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), script], { encoding: 'utf8', timeout: HANG_GUARD_MS, killSignal: 'SIGKILL' });
    if (run.error || run.signal === 'SIGKILL') {
      assert.fail(`hang guard: extracting ${what} did not finish within ${HANG_GUARD_MS / 1000} s; taken for a hang (speed itself is measured by npm run bench, not here)`);
    }
    assert.equal(run.status, 0, run.stderr);
    return { ...JSON.parse(run.stdout) as { quotes: number; ok: boolean }, stderr: run.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a 2 MB article is extracted whole: every paragraph\'s quote, with exact offsets and unique ids', async () => {
  const result = await extractInChild('a 2 MB article', `() => {
    const paragraph = 'The council met again on Tuesday. "We will keep the harbour open," Mayor Lena Varga said, adding that repairs were on schedule. Critics disagreed.\\n\\n';
    return paragraph.repeat(Math.ceil(2000000 / paragraph.length));
  }`);
  assert.equal(result.ok, true, result.stderr);
  assert.ok(result.quotes > 10_000, `every paragraph's quote is found: ${result.quotes}`);
});

test('5,000 quotes in one article are extracted with exact offsets and unique ids', async () => {
  const result = await extractInChild('5,000 quotes', `() => {
    let text = '';
    for (let i = 0; i < 5000; i++) text += '"Statement number ' + i + ' is on the record," Ana Varga said.\\n\\n';
    return text;
  }`);
  assert.equal(result.ok, true, result.stderr);
  assert.ok(result.quotes >= 4000, `found ${result.quotes} quotes`);
});

test('a thousand unclosed quote marks do not hang extraction', async () => {
  const result = await extractInChild('a thousand unclosed quote marks', `() => '“He said '.repeat(1000) + '\\n'`);
  assert.equal(result.ok, true, result.stderr);
});

test('odd characters are kept and offsets stay exact: CRLF, BOM, tabs, zero-width and non-breaking spaces, right-to-left text, emoji', () => {
  // Each case: the body as written, and the quote that must be found in it, character for character.
  const cases: { title: string; body: string; quote: string | null; bom?: boolean; crlf?: boolean }[] = [
    { title: 'BOM and CRLF', bom: true, crlf: true, body: '“We are ready,” said Ana\u00a0Varga.\r\n\r\nShe left.\r\n', quote: 'We are ready' },
    { title: 'Tabs', body: '\t"The vote\twas close," Tom\tReyes said.\n', quote: 'The vote\twas close' },
    { title: 'Zero width', body: '"It is done," said Mei\u200b Chen\u200d.\n', quote: 'It is done' },
    { title: 'RTL', body: '"مرحبا بكم في المدينة," said Ahmed Al-Amin. \u200f"שלום," he added.\n', quote: 'مرحبا بكم في المدينة' },
    { title: 'Emoji 👋', body: '"We won 🎉🇺🇳 today," Kwame Mensah said.\n', quote: 'We won 🎉🇺🇳 today' },
    { title: 'Only a headline', body: '# Only a headline\n', quote: null },
    { title: 'Nested', body: '> "Quoted *inside* a [link](https://example.com) and `code`," she said.\n', quote: 'Quoted *inside* a [link](https://example.com) and `code`' },
  ];
  for (const { title: heading, body: text, quote: expected, bom, crlf } of cases) {
    const head = crlf ? front(heading).replace(/\n/g, '\r\n') : front(heading);
    const { archive } = buildOne(`${bom ? '\uFEFF' : ''}${head}${text}`);
    assert.equal(archive.articles.length, 1, `${heading}: the article is published`);
    const [published] = archive.articles;
    assert.equal(published!.title, heading, `${heading}: title kept`);
    assert.equal(published!.body, text, `${heading}: body kept as written`);
    const quotes = archive.quotes.map((q) => q.text);
    assert.deepEqual(expected === null ? quotes : quotes.filter((q) => q === expected), expected === null ? [] : [expected], `${heading}: quotes found ${JSON.stringify(quotes)}`);
  }
});
