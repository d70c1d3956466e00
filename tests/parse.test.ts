import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextDocument, splitPlainBlocks } from '../src/parse/text-document.ts';

test('plain text is its own text, one paragraph per line or blank-line block', () => {
  const body = 'First paragraph ends here.\nSecond one, pasted one per line.\n\nThird after a blank line.';
  const doc = parseTextDocument(body);
  assert.equal(doc.text, body);
  assert.deepEqual(doc.blocks.map((b) => body.slice(b.start, b.end)), ['First paragraph ends here.', 'Second one, pasted one per line.', 'Third after a blank line.']);
});

test('hard-wrapped lines stay one paragraph', () => {
  const body = 'The council voted on Tuesday to approve the new harbour plan, which\nwill cost more than the city had expected when it first proposed it.';
  assert.equal(splitPlainBlocks(body, 0, body.length, 'paragraph').length, 1);
});

test('Markdown syntax is blanked without moving a character', () => {
  const body = '# Heading\n\nShe said [the plan](https://example.com/x) was *dead* &amp; buried.\n\n<script>alert(1)</script>';
  const doc = parseTextDocument(body);
  assert.equal(doc.text.length, body.length);
  assert.ok(!doc.text.includes('https://example.com'));
  assert.ok(!doc.text.includes('<script>'));
  const i = doc.text.indexOf('the plan');
  assert.equal(body.slice(i, i + 8), 'the plan');
  assert.equal(doc.blocks[0]!.kind, 'heading');
});

test('indented paragraphs are prose, not code', () => {
  const body = '    "We are ready," she said.\n';
  const doc = parseTextDocument(body);
  assert.ok(doc.text.includes('"We are ready," she said.'));
});
