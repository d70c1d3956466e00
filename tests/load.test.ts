/**
 * Loading: content files found and read as UTF-8, front matter split with
 * offsets that stay right under BOMs and CRLF, values kept as written,
 * duplicates between articles reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentFolderError, MAX_FILE_BYTES, findContentFiles, readSourceFiles } from '../src/load/content-files.ts';
import { isCalendarDate, isWebUrl, loadArticle, locateFrontMatterKeys } from '../src/load/front-matter.ts';
import { checkArticleCollisions, normalizeUrl } from '../src/load/collisions.ts';
import type { LoadedArticle, SourceFile } from '../src/archive/types.ts';

const article = (front: string, body = 'The mayor said "we will rebuild".\n') => `---\n${front}\n---\n${body}`;

function loaded(path: string, value: string): LoadedArticle {
  const { article: a, diagnostics } = loadArticle({ path, value });
  assert.ok(a, `loads ${path}: ${diagnostics.map((d) => d.reason).join('; ')}`);
  return a;
}

test('body offsets point into the file: file.value.slice(bodyOffset) is the body', () => {
  const value = article('title: T\ndate: 2021-02-03\nsource: S', '\nFirst line.\n');
  const a = loaded('a.md', value);
  assert.equal(value.slice(a.bodyOffset), a.body);
  assert.equal(a.body, '\nFirst line.\n');
  assert.equal(a.bodyLine, 5);
});

test('a BOM and CRLF line endings keep the body as written and its offsets right', () => {
  const value = '\uFEFF---\r\ntitle: T\r\ndate: 2021-02-03\r\nsource: S\r\n---\r\nHe said "yes".\r\nEnd.\r\n';
  const a = loaded('a.md', value);
  assert.equal(a.body, 'He said "yes".\r\nEnd.\r\n');
  assert.equal(value.slice(a.bodyOffset), a.body);
  assert.equal(a.bodyLine, 5);
  assert.equal(a.frontMatter.title, 'T');
});

test('dates, numbers and booleans in text fields are kept exactly as written', () => {
  const a = loaded('a.md', article('title: 1984\ndate: 2021-02-03\nsource: 2600\nbyline: true'));
  assert.equal(a.frontMatter.title, '1984');
  assert.equal(a.frontMatter.date, '2021-02-03');
  assert.equal(a.frontMatter.source, '2600');
  assert.equal(a.frontMatter.byline, 'true');
  const quotedDate = loaded('b.md', article('title: T\ndate: "2020-02-29"\nsource: S'));
  assert.equal(quotedDate.frontMatter.date, '2020-02-29');
});

test('unknown front matter keys are kept and an empty url means no url', () => {
  const a = loaded('a.md', article('title: T\ndate: 2021-02-03\nsource: S\nurl:\ntags: [a, b]\neditor_note: checked'));
  assert.deepEqual(a.frontMatter.tags, ['a', 'b']);
  assert.equal(a.frontMatter.editor_note, 'checked');
  assert.equal('url' in a.frontMatter, false);
});

test('a headline-only article loads; the extraction stage decides about quotes', () => {
  const a = loaded('a.md', article('title: T\ndate: 2021-02-03\nsource: S', '# Only a headline\n'));
  assert.equal(a.body, '# Only a headline\n');
});

test('the future-date warning uses the given today and does not stop loading', () => {
  const value = article('title: T\ndate: 2030-01-02\nsource: S');
  const { article: a, diagnostics } = loadArticle({ path: 'a.md', value }, { today: '2030-01-01' });
  assert.ok(a);
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column]), [['future-date', 'warning', 3, 7]]);
  assert.equal(loadArticle({ path: 'a.md', value }, { today: '2030-01-02' }).diagnostics.length, 0);
});

test('calendar dates: leap years and month lengths are checked, not rolled over', () => {
  assert.equal(isCalendarDate('2020-02-29'), true);
  assert.equal(isCalendarDate('2021-02-29'), false);
  assert.equal(isCalendarDate('2000-02-29'), true);
  assert.equal(isCalendarDate('1900-02-29'), false);
  assert.equal(isCalendarDate('2021-04-31'), false);
  assert.equal(isCalendarDate('2021-00-10'), false);
  assert.equal(isCalendarDate('21-01-01'), false);
});

test('only absolute http(s) addresses are web urls', () => {
  assert.equal(isWebUrl('https://example.com/a?b=c#d'), true);
  assert.equal(isWebUrl('http://example.com'), true);
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'example.com', '//example.com', 'https://', 'https://exa mple.com', 'ftp://example.com/x']) {
    assert.equal(isWebUrl(bad), false, bad);
  }
});

test('front matter keys are located on their real line with the column of their value', () => {
  const keys = locateFrontMatterKeys('\uFEFF---\r\ntitle:   "A: B" # note\r\nspeakers:\r\n  The mayor: Jane Roe\r\n---\r\nbody: not a key\r\n');
  assert.deepEqual(keys.get('title'), { line: 2, keyColumn: 1, valueColumn: 10, raw: 'A: B', rawLength: 6 });
  assert.equal(keys.get('speakers.The mayor')?.line, 4);
  assert.equal(keys.has('body'), false);
});

test('javascript front matter is never evaluated', () => {
  const value = '---js\n{ title: (globalThis.__ran = true, "T"), date: "2021-02-03", source: "S" }\n---\nBody.\n';
  const { article: a, diagnostics } = loadArticle({ path: 'a.md', value });
  assert.equal(a, null);
  assert.equal((globalThis as { __ran?: boolean }).__ran, undefined);
  assert.equal(diagnostics[0]?.ruleId, 'unsupported-front-matter-language');
});

test('zero-width characters, tabs, emoji and right-to-left text load unchanged', () => {
  const body = 'Ms\u00a0Dana\u200bAl-Amin\tsaid "مرحبا بكم 👋" on Monday.\n';
  const a = loaded('a.md', article('title: "مرحبا 👋"\ndate: 2021-02-03\nsource: S', body));
  assert.equal(a.body, body);
  assert.equal(a.frontMatter.title, 'مرحبا 👋');
});

test('a 2 MB file without front matter is judged on its first line: nothing after it is read as YAML', () => {
  // Past the first line sits what a loader looking further would take for front matter, broken:
  // reading it would add a YAML error, so exactly one diagnostic proves the loader stopped at line 1.
  const value = `${'x'.repeat(1_000_000)}\n---\ntitle: [never closed\n---\n${'x'.repeat(1_000_000)}`;
  const { article: a, diagnostics } = loadArticle({ path: 'big.md', value });
  assert.equal(a, null);
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.line, d.column]), [['missing-front-matter', 1, 1]]);
});

test('findContentFiles lists Markdown files recursively in code-unit order, skipping hidden entries', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qa-load-'));
  try {
    await mkdir(join(dir, 'b'), { recursive: true });
    await mkdir(join(dir, '.git'), { recursive: true });
    await mkdir(join(dir, 'node_modules'), { recursive: true });
    for (const f of ['z.md', 'B.md', 'a.MD', 'b/c.md', 'notes.txt', '.hidden.md', '.git/x.md', 'node_modules/y.md']) await writeFile(join(dir, f), 'x');
    await symlink(dir, join(dir, 'b', 'loop'));
    assert.deepEqual(await findContentFiles(dir), ['B.md', 'a.MD', 'b/c.md', 'z.md'].map((f) => join(dir, f)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a missing content folder throws ContentFolderError', async () => {
  await assert.rejects(findContentFiles('/nonexistent/quote-archive/content'), ContentFolderError);
});

test('readSourceFiles drops the BOM and reports invalid UTF-8 at the line and column of the bad byte', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qa-read-'));
  try {
    await writeFile(join(dir, 'bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: T\n')]));
    await writeFile(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await writeFile(join(dir, 'utf16.md'), Buffer.from('\ufeff---\n', 'utf16le'));
    await writeFile(join(dir, 'truncated.md'), Buffer.from([0x61, 0xe2, 0x82]));
    await mkdir(join(dir, 'folder.md'));
    const paths = ['bom.md', 'latin1.md', 'utf16.md', 'truncated.md', 'folder.md', 'missing.md'].map((f) => join(dir, f));
    const { files, diagnostics } = await readSourceFiles(paths);
    assert.deepEqual(files, [{ path: paths[0], value: '---\ntitle: T\n' }]);
    const byFile = new Map(diagnostics.map((d) => [d.file, d]));
    assert.deepEqual(pick(byFile.get(paths[1]!)), ['invalid-utf8', 2, 11, 'file is not valid UTF-8: unexpected byte 0xE9']);
    assert.equal(byFile.get(paths[2]!)?.note, 'The file looks like UTF-16; re-save it as UTF-8.');
    assert.deepEqual(pick(byFile.get(paths[3]!)), ['invalid-utf8', 1, 2, 'file is not valid UTF-8: unexpected byte 0xE2']);
    assert.deepEqual(pick(byFile.get(paths[4]!)), ['unreadable-file', 0, 0, 'cannot read file: it is a folder'], 'a folder has no line to point at');
    // `extract some-folder` gets told what to do with a folder, not about "the content folder".
    assert.match(byFile.get(paths[4]!)!.note ?? '', /^Pass the Markdown files inside the folder/);
    assert.deepEqual(pick(byFile.get(paths[5]!)), ['unreadable-file', 1, 1, 'cannot read file: it does not exist']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file larger than the article limit is reported, not read into the build', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qa-big-'));
  try {
    const path = join(dir, 'dump.md');
    await writeFile(path, Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    const { files, diagnostics } = await readSourceFiles([path]);
    assert.deepEqual(files, []);
    assert.deepEqual(pick(diagnostics[0]), ['file-too-large', 1, 1, 'file is 16.0 MB, more than the 16 MB an article may have']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

function pick(d: { ruleId: string; line: number; column: number; reason: string } | undefined) {
  return d && [d.ruleId, d.line, d.column, d.reason];
}

test('two articles with the same slug or the same url are reported on the later file, at the responsible line', () => {
  const files: SourceFile[] = [
    { path: 'content/a.md', value: article('title: Talks resume\ndate: 2021-02-03\nsource: S\nurl: https://Example.com/x/') },
    { path: 'content/b.md', value: article('title: Talks resume\ndate: 2021-02-03\nsource: S') },
    { path: 'content/c.md', value: article('title: Other\ndate: 2021-02-04\nsource: S\nurl: https://example.com/x#top') },
    { path: 'content/d.md', value: article('title: Another\ndate: 2021-02-05\nsource: S\nslug: 2021-02-03-TALKS-resume') },
  ];
  const articles = files.map((f) => loaded(f.path, f.value));
  const slugOf = (a: LoadedArticle) => (typeof a.frontMatter.slug === 'string' ? a.frontMatter.slug : `${a.frontMatter.date}-${a.frontMatter.title.toLowerCase().replace(/\W+/g, '-')}`);
  const diagnostics = checkArticleCollisions(articles.reverse(), slugOf, new Map(files.map((f) => [f.path, f.value])));
  assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.reason]), [
    ['content/b.md', 2, 8, 'duplicate-slug', 'article would get the same page as content/a.md (slug "2021-02-03-talks-resume")'],
    ['content/c.md', 5, 6, 'duplicate-url', 'url "https://example.com/x#top" is also the url of content/a.md'],
    ['content/d.md', 5, 7, 'duplicate-slug', 'article would get the same page as content/a.md (slug "2021-02-03-TALKS-resume")'],
  ]);
});

test('urls compare without fragment, trailing slash, host case or scheme', () => {
  assert.equal(normalizeUrl('http://EXAMPLE.com/a/#x'), normalizeUrl('https://example.com/a'));
  assert.notEqual(normalizeUrl('https://example.com/a?id=1'), normalizeUrl('https://example.com/a?id=2'));
});
