/**
 * Rendering article bodies with their quotes marked: golden fixtures in
 * tests/fixtures/render/<case>/ (input.md, quotes.json, output.html).
 * The committed output.html is the golden: it changes only through
 * `npm run update-goldens` (reviewed in the git diff), and a missing one fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { renderArticleHtml } from '../src/render/article-html.ts';
import type { QuoteSpan, SpeakerLink } from '../src/render/remark-quote-spans.ts';
import { serializeJsonForScript } from '../src/render/json-ld.ts';
import { formatDateLabel } from '../src/render/dates.ts';
import { assertGoldenText, fixtureCases } from './helpers/fixtures.ts';
import { assertProperty } from './helpers/property-runs.ts';

const fixtures = new URL('fixtures/render/', import.meta.url);

interface CaseQuote extends Omit<QuoteSpan, 'start' | 'end'> {
  /** The exact source text of the quote; its first occurrence in input.md is the quote. */
  text: string;
}

/** Reads a case and turns its quotes' texts into body offsets. */
async function loadCase(name: string): Promise<{ body: string; quotes: QuoteSpan[]; speakers: SpeakerLink[] }> {
  const body = await readFile(new URL(`${name}/input.md`, fixtures), 'utf8');
  const config = JSON.parse(await readFile(new URL(`${name}/quotes.json`, fixtures), 'utf8')) as { quotes: CaseQuote[]; speakers: SpeakerLink[] };
  const quotes = config.quotes.map(({ text, ...rest }) => {
    const start = body.indexOf(text);
    assert.notEqual(start, -1, `quote text of ${name} not found in input.md: ${text}`);
    return { ...rest, start, end: start + text.length };
  });
  return { body, quotes, speakers: config.speakers };
}

const cases = fixtureCases('render').map((c) => c.name);

test('should expose the plugin as a default export named remarkQuoteSpans', async () => {
  const module = await import('../src/render/remark-quote-spans.ts');
  assert.equal(typeof module.default, 'function');
  assert.equal(module.default.name, 'remarkQuoteSpans');
});

for (const name of cases) {
  test(`render fixture: ${name}`, async () => {
    const { body, quotes, speakers } = await loadCase(name);
    const actual = `${renderArticleHtml(body, quotes, speakers)}\n`;
    assertGoldenText(new URL(`${name}/output.html`, fixtures), actual);
  });
}

test('every quote gets exactly one element carrying its id, the first of its pieces', async () => {
  for (const name of cases) {
    const { body, quotes, speakers } = await loadCase(name);
    const $ = cheerio.load(renderArticleHtml(body, quotes, speakers));
    for (const quote of quotes) {
      assert.equal($(`[id="${quote.id}"]`).length, 1, `${name}: ${quote.id}`);
      assert.ok($(`[id="${quote.id}"]`).is('mark.quote.quote--start'), `${name}: first piece of ${quote.id}`);
      assert.equal($(`mark[data-quote="${quote.id}"]`).first().attr('id'), quote.id, `${name}: ${quote.id} starts at its first piece`);
    }
  }
});

test('a quote crossing paragraphs is one id and several continued pieces', async () => {
  const { body, quotes, speakers } = await loadCase('quote-across-paragraphs-keeps-one-id');
  const $ = cheerio.load(renderArticleHtml(body, quotes, speakers));
  const pieces = $('mark[data-quote="q-two-paragraphs"]');
  assert.equal(pieces.length, 2);
  assert.equal(pieces.first().attr('id'), 'q-two-paragraphs');
  assert.equal(pieces.last().attr('id'), undefined);
  assert.ok(pieces.last().hasClass('quote--continued'));
  assert.notEqual(pieces.first().closest('p')[0], pieces.last().closest('p')[0]);
});

test('raw HTML, scripts, event handlers and javascript: links never reach the page as markup', async () => {
  const { body, quotes, speakers } = await loadCase('raw-html-and-script-are-shown-as-text');
  const html = renderArticleHtml(body, quotes, speakers);
  const $ = cheerio.load(html);
  assert.equal($('script, img, div, iframe').length, 0);
  assert.equal($('[onclick], [onerror]').length, 0);
  assert.equal($('a[href^="javascript:"]').length, 0);
  assert.match($.text(), /<script>alert\("owned"\)<\/script>/, 'the markup is visible as text');
  assert.equal($('#q-raw').text(), 'raw markup');
});

test('a quote nested in another keeps its own id inside the outer mark', async () => {
  const { body, quotes, speakers } = await loadCase('overlapping-quotes-outer-wins');
  const $ = cheerio.load(renderArticleHtml(body, quotes, speakers));
  assert.equal($('#q-inner').text(), 'we will never sign this');
  assert.equal($('#q-inner').parents('mark#q-outer').length, 1);
});

test('quote speakers are linked by aria-describedby and a speaker link after the quote', async () => {
  const { body, quotes, speakers } = await loadCase('quote-across-emphasis-and-links');
  const $ = cheerio.load(renderArticleHtml(body, quotes, speakers));
  assert.ok($('mark[data-quote="q-bridges"]').toArray().every((el) => $(el).attr('aria-describedby') === 'speaker-ana-ruiz'));
  assert.equal($('a.quote-by').attr('href'), '/speakers/ana-ruiz/');
  assert.equal($('a a').length, 0);
});

test('rendering is deterministic: the same input twice gives the same HTML', async () => {
  const { body, quotes, speakers } = await loadCase('quote-across-emphasis-and-links');
  assert.equal(renderArticleHtml(body, quotes, speakers), renderArticleHtml(body, quotes, speakers));
});

test('for any body of words, emphasis and paragraphs, every quote covering a word gets exactly one id', () => {
  const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', '*stress*', '**bold**', '_it_', '"said"', '&amp;', '\\*');
  const separator = fc.constantFrom(' ', ' ', '\n', '\n\n');
  const bodyArb = fc.array(fc.tuple(word, separator), { minLength: 2, maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim());
  assertProperty(
    fc.property(bodyArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (body, ranges) => {
      const quotes: QuoteSpan[] = ranges
        .map(([a, b], i) => {
          const start = a % body.length;
          const end = Math.min(body.length, start + 1 + (b % 30));
          return { id: `q${i}`, start, end, kind: 'direct' as const, speakerId: null, speakerName: null };
        })
        // Only ranges with a letter outside character references are sure to show text.
        .filter((q) => /[a-z]/.test(body.replace(/&amp;/g, '&____').slice(q.start, q.end)));
      const $ = cheerio.load(renderArticleHtml(body, quotes, []));
      for (const q of quotes) if ($(`[id="${q.id}"]`).length !== 1) return false;
      return true;
    }),
    { numRuns: 150 },
  );
});

test('JSON for script elements escapes characters that could end the element', () => {
  const text = serializeJsonForScript({ headline: '</script><!-- & \u2028' });
  assert.doesNotMatch(text, /[<>&\u2028]/);
  assert.deepEqual(JSON.parse(text), { headline: '</script><!-- & \u2028' });
});

test('date labels come from the date text, not the machine locale', () => {
  assert.equal(formatDateLabel('2020-08-05'), '5 August 2020');
  assert.equal(formatDateLabel('not a date'), 'not a date');
});
