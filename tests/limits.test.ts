/**
 * Limits that keep one file from stalling or crashing the build: a time
 * budget per article for extraction and rendering (tested with a fake clock
 * that advances per check, so no test depends on the machine's speed), bodies
 * nested too deeply to render recursively, and what one huge article may put
 * into the search index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { buildArchive } from '../src/pipeline.ts';
import { renderArticleHtml } from '../src/render/article-html.ts';
import { buildSite } from '../src/site/build-site.ts';
import { toSearchDocuments, MAX_ENTITY_FILTERS_PER_ARTICLE } from '../src/search/documents.ts';
import type { Archive } from '../src/archive/types.ts';

const article = (body: string) => ({ path: 'content/slow.md', value: `---\ntitle: Slow\ndate: 2023-03-09\nsource: Gazette\n---\n${body}\n` });
const BODY = 'The council met on Monday.\n\n"We are ready," the mayor said.\n\n"The bridge opens in May," she added.\n\nThe vote is next week.';

/** A clock that moves `step` ms each time it is read. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

test('an article whose extraction runs past its time budget is an error at the sentence it had reached, and is left out', () => {
  // Read once when the budget starts, once after names, once after sentences, then once per sentence:
  // with 1 s per reading and 3.5 s allowed, the second sentence is where it runs out.
  const { archive, diagnostics } = buildArchive([article(BODY)], { articleBudgetMs: 3500, now: steppingClock(1000) });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map(({ file, line, column, ruleId, source }) => ({ file, line, column, ruleId, source })), [
    { file: 'content/slow.md', line: 8, column: 1, ruleId: 'article-time-budget-exceeded', source: 'extract' },
  ]);
  assert.match(errors[0]!.reason, /extracting quotes took longer than 3\.5 s/);
  assert.equal(archive.articles.length, 0);
});

test('an article within its time budget is extracted as usual', () => {
  const { archive, diagnostics } = buildArchive([article(BODY)], { articleBudgetMs: 3500, now: steppingClock(1) });
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(archive.quotes.length, 2);
});

test('rendering past its time budget is an error on the article file, not on the temporary build folder', async () => {
  const { archive } = buildArchive([article(BODY)]);
  const diagnostics = await buildSite(archive, '/nonexistent/never-written', { search: false, renderBudgetMs: 500, now: steppingClock(1000) });
  assert.deepEqual(diagnostics.map(({ file, ruleId, severity }) => ({ file, ruleId, severity })), [{ file: 'content/slow.md', ruleId: 'article-time-budget-exceeded', severity: 'error' }]);
  assert.match(diagnostics[0]!.reason, /rendering the article took longer than 0\.5 s/);
});

test('a body nested thousands of levels deep renders flattened, with its quotes marked, without overflowing the stack', () => {
  for (const deep of ['>'.repeat(10000) + ' x', '- '.repeat(1000) + 'x', '*a '.repeat(150) + 'x' + ' b*'.repeat(150)]) {
    const body = `"We are ready," the mayor said.\n\n${deep}\n`;
    const html = renderArticleHtml(body, [{ id: 'q-1', start: 0, end: 15, kind: 'direct', speakerId: null, speakerName: 'the mayor' }], []);
    const $ = cheerio.load(html);
    assert.equal($('mark#q-1').text(), '"We are ready,"');
    assert.equal($('blockquote, li, em').length, 0);
    assert.ok($('p').last().text().startsWith(deep.slice(0, 20)));
  }
});

test('an article with hundreds of entities carries only its most-mentioned entities as search filters', () => {
  const entities = Array.from({ length: 300 }, (_, i) => ({ id: `e-${i}`, name: `Entity ${String(i).padStart(3, '0')}`, type: 'organization' as const, aliases: [], path: `/entities/e-${i}/`, articleIds: ['a'], mentionCount: i }));
  const archive = {
    articles: [{ id: 'a', path: '/articles/a/', title: 'A', body: 'We are ready', date: '2023-03-09', language: 'en', source: { id: 's', name: 'S', path: '/sources/s/' }, entityIds: entities.map((e) => e.id), quoteIds: ['q-1'], speakerIds: [] }],
    quotes: [{ id: 'q-1', articleId: 'a', path: '/articles/a/#q-1', text: 'We are ready', kind: 'direct', speakerId: null, speakerName: null, date: '2023-03-09', start: 0, end: 12 }],
    speakers: [],
    entities,
    sources: [{ id: 's', name: 'S', path: '/sources/s/', articleIds: ['a'] }],
  } as unknown as Archive;
  const [document] = toSearchDocuments(archive);
  const $ = cheerio.load(document!.content);
  const entityFilters = $('[data-pagefind-filter="entity"]').map((_, el) => $(el).text()).get();
  assert.equal(MAX_ENTITY_FILTERS_PER_ARTICLE, 50);
  assert.equal(entityFilters.length, 50);
  // The 50 most mentioned: mention counts 250–299.
  assert.equal(entityFilters[0], 'Entity 250');
  assert.equal(entityFilters[49], 'Entity 299');
});
