import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArchive } from '../src/pipeline.ts';
import { resolveDayWord, weekdayOf, datelineMonthDay } from '../src/extract/dates.ts';

const article = (date: string, body: string, extra = '') => ({ path: 'content/x.md', value: `---\ntitle: T\ndate: ${date}\nsource: S\n${extra}---\n\n${body}\n` });

test('a weekday resolves to the latest such day on or before the article date', () => {
  assert.equal(resolveDayWord('Thursday', '2021-01-14'), '2021-01-14'); // a Thursday
  assert.equal(resolveDayWord('Tuesday', '2020-08-05'), '2020-08-04');
  assert.equal(resolveDayWord('Sunday', '2020-08-05'), '2020-08-02');
  assert.equal(resolveDayWord('yesterday', '2020-03-01'), '2020-02-29');
  assert.equal(weekdayOf('2024-02-29'), 'Thursday');
  assert.deepEqual(datelineMonthDay('BEIJING, Jan. 14 (Agency) --'), { month: 1, day: 14 });
});

test('a quote gets the day it was said when the cue names it', () => {
  const { archive } = buildArchive([article('2023-03-10', 'The mayor said on Wednesday that the bridge would reopen in May.\n\n"We are ready," she said Friday.')]);
  const dates = archive.quotes.map((q) => q.date);
  assert.deepEqual(dates, ['2023-03-08', '2023-03-10']);
});

test('a lead weekday far from the article date is a warning, with its position', () => {
  const { diagnostics } = buildArchive([article('2023-03-13', 'Officials said on Thursday that the dam was safe.')]); // a Monday
  const warning = diagnostics.find((d) => d.ruleId === 'weekday-mismatch');
  assert.ok(warning, 'weekday-mismatch reported');
  assert.equal(warning.severity, 'warning');
  assert.equal(warning.line, 7);
  assert.equal(warning.column, 'Officials said on '.length + 1);
});

test('a dateline that disagrees with the front-matter date is a warning', () => {
  const { diagnostics } = buildArchive([article('2023-03-13', 'LONDON, March 3 (Wire) - Officials said the dam was safe, according to the agency.')]);
  assert.ok(diagnostics.some((d) => d.ruleId === 'dateline-mismatch'));
  const ok = buildArchive([article('2023-03-03', 'LONDON, March 3 (Wire) - Officials said the dam was safe.')]);
  assert.ok(!ok.diagnostics.some((d) => d.ruleId === 'dateline-mismatch'));
});

test('a quote said on a weekday in an article of the years 0000–0099 is dated in that century, not the 1900s', () => {
  // 0050-03-10 is a Thursday (proleptic Gregorian); "on Tuesday" is 0050-03-08.
  assert.equal(resolveDayWord('Tuesday', '0050-03-10'), '0050-03-08');
  assert.equal(resolveDayWord('yesterday', '0004-03-01'), '0004-02-29');
  assert.equal(weekdayOf('0050-03-10'), 'Thursday');
  const { archive } = buildArchive([article('0050-03-10', '"We are ready," the mayor said on Tuesday.')]);
  assert.deepEqual(archive.quotes.map((q) => q.date), ['0050-03-08']);
});

test('leap days follow the year as written: 0000-02-29 exists and 1900-02-29 does not', () => {
  assert.equal(buildArchive([article('0000-02-29', '"We are ready," the mayor said.')]).archive.articles.length, 1);
  assert.ok(buildArchive([article('1900-02-29', '"We are ready," the mayor said.')]).diagnostics.some((d) => d.ruleId === 'invalid-date'));
});
