/**
 * The parts of citing a quote that need no browser: the text fragment that
 * links to the words on the outlet's page, the CSL-JSON item, the official
 * CSL styles read from their package, and the formats citation-js makes
 * from them (the browser test checks the same text through the clipboard).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeTextDirectivePart, textFragmentStart, toTextFragmentUrl } from '../src/render/text-fragment.ts';
import { toCslAuthors, toCslItem, type QuoteCitationData } from '../src/cite/citation-item.ts';
import { readCslStyle, readExtraCslStyles, toCslXml } from '../src/cite/csl-styles.ts';
import { formatQuoteCitations, registerCslStyles } from '../src/cite/citation-formats.ts';

const quote: QuoteCitationData = {
  quoteId: 'q-1',
  text: 'We are not going back until the safety rules change',
  speaker: 'Pieter van der Berg',
  articleTitle: 'Port strike enters second week',
  source: 'Harbour Gazette',
  date: '2023-03-09',
  byline: 'Jane Doe',
  url: 'https://example.com/port-strike',
  permalink: 'https://archive.example/articles/port/#q-1',
};

test('a text fragment starts at the first eight words of the quote, percent-encoded', () => {
  assert.equal(
    toTextFragmentUrl('https://example.com/a', 'We are not going back until the safety rules change'),
    'https://example.com/a#:~:text=We%20are%20not%20going%20back%20until%20the%20safety',
  );
});

test('a text fragment encodes the characters its syntax reserves: dash, comma and ampersand', () => {
  assert.equal(encodeTextDirectivePart('a-b, c & d'), 'a%2Db%2C%20c%20%26%20d');
});

test('a text fragment keeps the first line of a quote over paragraphs and drops closing punctuation', () => {
  assert.equal(textFragmentStart('No deal.\nNot now, not ever'), 'No deal');
  assert.equal(textFragmentStart('We will win,', 8), 'We will win');
});

test('a text fragment follows a fragment the original url already has', () => {
  assert.equal(toTextFragmentUrl('https://example.com/a#top', 'Yes'), 'https://example.com/a#top:~:text=Yes');
});

test('an article without a url gets no At the source link', () => {
  assert.equal(toTextFragmentUrl(null, 'Yes'), null);
});

test('a byline becomes CSL names: "By" comes off, "and" separates authors, one word stays a literal name', () => {
  assert.deepEqual(toCslAuthors('By Jane Doe and John Roe'), [{ family: 'Doe', given: 'Jane' }, { family: 'Roe', given: 'John' }]);
  assert.deepEqual(toCslAuthors('Reuters'), [{ literal: 'Reuters' }]);
  assert.deepEqual(toCslAuthors(null), []);
});

test("a quote's CSL item cites its article, with this site's page when the article has no url", () => {
  const item = toCslItem({ ...quote, url: null, byline: null });
  assert.equal(item.URL, quote.permalink);
  assert.equal(item.author, undefined);
  assert.deepEqual(item.issued, { 'date-parts': [[2023, 3, 9]] });
  assert.equal(item.note, 'Pieter van der Berg: “We are not going back until the safety rules change”');
});

test('a compact CSL node becomes XML with the CSL namespace and escaped attributes and text', () => {
  assert.equal(
    toCslXml({ n: 'style', a: { class: 'in-text' }, c: [{ n: 'term', a: { name: 'a&b' }, c: ['<x>'] }, { n: 'text', a: { value: '"' } }] }),
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"><term name="a&amp;b">&lt;x&gt;</term><text value="&quot;"/></style>',
  );
});

test('the Chicago and MLA styles are read from their package as CSL XML, and a missing style fails', async () => {
  const styles = await readExtraCslStyles();
  assert.deepEqual(Object.keys(styles), ['chicago', 'mla']);
  for (const xml of Object.values(styles)) assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<style xmlns="http:\/\/purl.org\/net\/xbiblio\/csl"[^>]* version="1.0"/);
  await assert.rejects(readCslStyle('no-such-style'), /no CSL style "no-such-style"/);
});

test('citation-js formats a quote in APA, Chicago and MLA from the official styles', async () => {
  registerCslStyles(await readExtraCslStyles());
  const formats = Object.fromEntries(formatQuoteCitations(quote).map((f) => [f.key, f.text]));
  assert.deepEqual(Object.keys(formats), ['plain', 'apa', 'chicago', 'mla', 'bibtex', 'csl-json']);
  assert.equal(formats.apa, 'Doe, J. (2023, March 9). Port strike enters second week. Harbour Gazette. https://example.com/port-strike');
  assert.equal(formats.chicago, 'Doe, Jane. 2023. “Port Strike Enters Second Week.” Harbour Gazette, March 9, 2023. https://example.com/port-strike.');
  assert.equal(formats.mla, 'Doe, Jane. “Port Strike Enters Second Week.” Harbour Gazette, 9 Mar. 2023, https://example.com/port-strike.');
  assert.match(formats.bibtex ?? '', /^@article\{Doe2023Port,\n/);
});
