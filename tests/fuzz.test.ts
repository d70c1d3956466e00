/**
 * Fuzzing the in-process build: random front matter (aliases, anchors, odd
 * scalars, control characters) and random Markdown (deep nesting, huge lines,
 * runs of emphasis marks, quote marks) never crash extraction or rendering,
 * and every file gives either an article or an error at a real position of
 * that file. Seeded, with a bounded number of runs, so a failure replays.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildArchive } from '../src/pipeline.ts';
import { toSiteView } from '../src/site/view-data.ts';
import { formatDiagnostics } from '../src/diagnostics/report.ts';

const SEED = 20261211;

const scalar = fc.oneof(
  fc.constantFrom('plain', '"quoted: yes"', "'single'", '2021-02-30', '1984', 'true', '~', '[a, b]', '{a: 1}', '*alias', '&anchor value', '!!binary aGk=', '|', '>', '"\\u0000"'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const frontMatterLine = fc.oneof(
  fc.tuple(fc.constantFrom('title', 'date', 'source', 'url', 'slug', 'language', 'byline', 'dateline', 'speakers', 'tags', 'x'), scalar).map(([k, v]) => `${k}: ${v}`),
  fc.integer({ min: 1, max: 6 }).map((n) => `a${n}: &a${n} [${Array.from({ length: 5 }, () => `*a${n - 1}`).join(', ')}]`),
  fc.constantFrom('a0: &a0 [x, y]', '  - nested', '\t- tab', '---', '# comment', '<<: *a0'),
);
const inline = fc.oneof(
  fc.constantFrom('"We are ready," the mayor said.', '“Quote” said Li Wei.', 'According to officials, it rained.', '«Oui», a dit Marie.', 'word', ' ', '\u0000', '\u001b[2J', '\u202e', '&amp;', '<script>x</script>', '[link](javascript:x)', '![img](http://x/y.png)'),
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('*', '_', '[', '>', '"', '“', '- ', '1. ', '`'), fc.integer({ min: 1, max: 3000 })).map(([mark, n]) => mark.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'long line '.repeat(Math.ceil(n / 10)).slice(0, n)),
);
const body = fc.array(fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')), { minLength: 0, maxLength: 8 }).map((lines) => lines.join(fc.sample(fc.constantFrom('\n', '\n\n', '\r\n'), { numRuns: 1, seed: lines.length })[0]!));
const file = fc.tuple(fc.array(frontMatterLine, { maxLength: 8 }), fc.boolean(), body).map(([lines, valid, text]) => {
  const required = valid ? ['title: Fuzz', 'date: 2023-03-09', 'source: Gazette'] : [];
  return `---\n${[...required, ...lines].join('\n')}\n---\n${text}\n`;
});

test('random front matter and Markdown give an article or a positioned error on that file, never a crash', () => {
  fc.assert(
    fc.property(file, (value) => {
      const path = 'content/fuzz.md';
      const { archive, diagnostics } = buildArchive([{ path, value }]);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      assert.equal(archive.articles.length, errors.length ? 0 : 1, formatDiagnostics(diagnostics, new Map([[path, value]])));
      const lines = value.split('\n').length;
      for (const d of diagnostics) {
        assert.equal(d.file, path);
        assert.ok(d.line >= 1 && d.line <= lines && d.column >= 1, `${d.ruleId} at ${d.line}:${d.column} of ${lines} lines`);
      }
      // Whatever was accepted also renders (recursion past the limits would overflow here).
      if (archive.articles.length) assert.equal(toSiteView(archive).articles.length, 1);
      formatDiagnostics(diagnostics, new Map([[path, value]]));
    }),
    { seed: SEED, numRuns: 400 },
  );
});
