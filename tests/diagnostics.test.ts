/**
 * Diagnostics: every bad input in `fixtures/diagnostics/<case>/input.md` gives
 * exactly the messages in `messages.json` (rule, position, wording) and prints
 * exactly `report.txt`. Goldens change only through `npm run update-goldens`
 * (reviewed in `git diff`); a missing one fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticle } from '../src/load/front-matter.ts';
import { extractLoadedArticle } from '../src/pipeline.ts';
import { formatDiagnostic, formatDiagnostics, sortDiagnostics, summarizeDiagnostics } from '../src/diagnostics/report.ts';
import { lineAt, offsetToPosition } from '../src/diagnostics/position.ts';
import { RULES, describeRule } from '../src/diagnostics/messages.ts';
import type { Diagnostic } from '../src/archive/types.ts';
import { assertGoldenText, fixtureCases } from './helpers/fixtures.ts';

for (const { name, dir } of fixtureCases('diagnostics')) {
  test(`diagnostics: ${name.replace(/-/g, ' ')}`, () => {
    const value = readFileSync(join(dir, 'input.md'), 'utf8');
    const path = `content/${name}.md`;
    const loaded = loadArticle({ path, value });
    // Errors of the parse and extract stages (nesting, time budget) belong here too; their warnings have their own tests.
    const failures = loaded.article ? extractLoadedArticle(loaded.article).facts.diagnostics.filter((d) => d.severity === 'error') : [];
    const diagnostics = [...loaded.diagnostics, ...failures];
    const article = failures.length ? null : loaded.article;
    const messages = sortDiagnostics(diagnostics).map(({ line, column, endLine, endColumn, severity, reason, ruleId, source }) =>
      ({ line, column, ...(endLine === undefined ? {} : { endLine, endColumn }), severity, reason, ruleId, source }));
    assertGoldenText(join(dir, 'messages.json'), `${JSON.stringify(messages, null, 2)}\n`);
    assertGoldenText(join(dir, 'report.txt'), formatDiagnostics(diagnostics, new Map([[path, value]])));
    // An article is loaded exactly when nothing is an error.
    assert.equal(article === null, diagnostics.some((d) => d.severity === 'error'));
    for (const d of diagnostics) assert.ok(describeRule(d.ruleId), `rule ${d.ruleId} is in the catalog`);
  });
}

test('the date error reads like a compiler message with the offending line and a caret', () => {
  const value = '---\ntitle: T\ndate: 2021-13-45\nsource: S\n---\nBody.\n';
  const { diagnostics } = loadArticle({ path: 'content/foo.md', value });
  assert.equal(formatDiagnostics(diagnostics, new Map([['content/foo.md', value]])), [
    'content/foo.md:3:7: error: date "2021-13-45" is not a calendar date (YYYY-MM-DD) [load:invalid-date]',
    '3 | date: 2021-13-45',
    '  |       ^~~~~~~~~~',
    '  note: Write the date as YYYY-MM-DD, a real calendar date.',
    '1 error',
    '',
  ].join('\n'));
});

test('offsetToPosition counts 1-based lines and columns, CRLF like LF, and clamps out-of-range offsets', () => {
  assert.deepEqual(offsetToPosition('ab\ncd', 0), { line: 1, column: 1 });
  assert.deepEqual(offsetToPosition('ab\ncd', 3), { line: 2, column: 1 });
  assert.deepEqual(offsetToPosition('ab\r\ncd', 5), { line: 2, column: 2 });
  assert.deepEqual(offsetToPosition('ab\ncd', 99), { line: 2, column: 3 });
  assert.deepEqual(offsetToPosition('ab', -4), { line: 1, column: 1 });
  assert.deepEqual(offsetToPosition('', 0), { line: 1, column: 1 });
});

test('lineAt returns a line without its CR, or null past the end', () => {
  assert.equal(lineAt('a\r\nb\r\n', 1), 'a');
  assert.equal(lineAt('a\r\nb', 2), 'b');
  assert.equal(lineAt('a\nb', 3), null);
  assert.equal(lineAt('a', 0), null);
});

test('diagnostics are printed sorted by file, line and column, with a summary', () => {
  const d = (file: string, line: number, column: number, severity: 'error' | 'warning'): Diagnostic =>
    ({ file, line, column, severity, reason: `r${line}`, ruleId: 'invalid-date', source: 'load' });
  const out = formatDiagnostics([d('b.md', 1, 1, 'warning'), d('a.md', 9, 2, 'error'), d('a.md', 2, 5, 'error')]);
  const headers = out.split('\n').filter((l) => /^\S+:\d+:\d+:/.test(l));
  assert.deepEqual(headers.map((h) => h.split(':').slice(0, 3).join(':')), ['a.md:2:5', 'a.md:9:2', 'b.md:1:1']);
  assert.match(out, /\n2 errors, 1 warning\n$/);
  assert.equal(summarizeDiagnostics([]), 'no problems');
  assert.equal(formatDiagnostics([]), '');
});

test('the caret stays under the column when the line has tabs', () => {
  const text = '\tkey:\tvalue';
  const out = formatDiagnostic({ file: 'x.md', line: 1, column: 7, severity: 'error', reason: 'r', ruleId: 'invalid-date', source: 'load' }, text);
  const [, source, caret] = out.split('\n');
  assert.equal(source, '1 | \tkey:\tvalue');
  assert.equal(caret, '  | \t    \t^');
});

test('control characters and bidi overrides from content cannot reach the terminal', () => {
  const out = formatDiagnostic({ file: 'x.md', line: 1, column: 1, severity: 'error', reason: 'bad \u001b[31mred\u001b[0m \u202Eevil', ruleId: 'invalid-title', source: 'load' }, 'title: \u001b[2J\u202Etxt');
  assert.doesNotMatch(out, /[\u001b\u202E]/);
});

test('a whole-file problem (line 0) is printed without a position or source line', () => {
  const out = formatDiagnostic({ file: '_site', line: 0, column: 0, severity: 'error', reason: 'site build failed: boom', ruleId: 'site-build-failed', source: 'site' }, 'x');
  assert.equal(out, '_site: error: site build failed: boom [site:site-build-failed]');
});

test('every catalog rule id is kebab-case and says why it exists', () => {
  for (const [id, entry] of Object.entries(RULES)) {
    assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok(entry.why.length > 20, `${id} has a why`);
    assert.ok(entry.hint.length > 5, `${id} has a hint`);
  }
});

test('README "When the build fails" lists every rule id of the catalog with its stage and severity, and no other', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## When the build fails\n');
  assert.ok(start >= 0, 'the README has a "When the build fails" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = new Map([...section.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (\w+) \|/gm)].map((m) => [m[1]!, `${m[2]} ${m[3]}`]));
  for (const [id, entry] of Object.entries(RULES)) assert.equal(rows.get(id), `${entry.source} ${entry.severity}`, `README row for ${id}`);
  assert.deepEqual([...rows.keys()].filter((id) => !describeRule(id)), [], 'every listed id is in the catalog');
});

test('every rule id reported anywhere in src/ is in the catalog', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const src = new URL('../src/', import.meta.url);
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const used = new Set<string>();
  for (const file of files) {
    const text = await readFile(new URL(file, src), 'utf8');
    // Rule ids appear as the literal right after a reason, or as `ruleId: '...'`.
    for (const m of text.matchAll(/ruleId: '([a-z0-9-]+)'/g)) used.add(m[1]!);
    for (const m of text.matchAll(/(?:warn|searchDiagnostic|siteDiagnostic|report)\([^;]*?'((?:[a-z0-9]+-)+[a-z0-9]+)'/g)) used.add(m[1]!);
  }
  const missing = [...used].filter((id) => !describeRule(id) && !id.startsWith('missing-front-matter-$')).sort();
  assert.deepEqual(missing, []);
});
