/**
 * The command line on temporary content folders with real builds: exit
 * codes, exact messages with positions, and a previously built `_site` left
 * byte for byte when a build fails. Most builds run the CLI's main function
 * in-process (the same code without a process start); a few run it as users
 * do (`node --import tsx src/cli.ts`, `npm run build`): the first build and
 * extract, and every test of signals, kills and child processes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, symlink, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree } from './helpers/tree.ts';
import { runCli as runCliInProcess } from '../src/cli.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const tsx = import.meta.resolve('tsx');
const diagnosticFixtures = new URL('fixtures/diagnostics/', import.meta.url);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` as a process and collects its output. */
function runCli(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the CLI's main function in this process, in `cwd`, with `env` added:
 * the same code as a spawned build without a process start. Builds that need
 * a real process (kills, signals) spawn one.
 */
async function runInProcess(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const previousCwd = process.cwd();
  const previousEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    const code = await runCliInProcess(args, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previousCwd);
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    // The test process's own exit code must not inherit the CLI's.
    process.exitCode = 0;
  }
}

const GOOD: Record<string, string> = {
  'harbour.md': `---
title: Port city votes to rebuild its harbour
date: 2021-03-04
source: Coastal Herald
url: https://example.com/news/harbour
byline: Ana Ortiz
---

The city council approved a plan on Thursday to rebuild the storm-damaged harbour.

"We will have ships back in the port by the summer," Mayor Lena Varga told reporters after the vote.

Council member Tom Reyes, who voted against the plan, said the cost was too high. "This is money we do not have," Reyes said.
`,
  'grain.md': `---
title: Grain exports rise for a third month
date: 2021-03-05
source: Farm Wire
---

Grain exports rose for a third straight month in February, the agriculture ministry said on Friday.

"Demand from abroad remains strong," said Priya Nair, an analyst at Delta Commodities. She added that prices could ease in the spring.
`,
};

/** Makes a temporary project folder with `content/` holding `files`. */
async function makeProject(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qa-cli-'));
  await mkdir(join(dir, 'content'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, 'content', name, '..'), { recursive: true });
    await writeFile(join(dir, 'content', name), text);
  }
  return dir;
}

// One good build, reused as "the previous site" by the failing-build tests.
let baseline: { dir: string; hash: Record<string, string>; run: Run } | null = null;
async function goodBuild(): Promise<NonNullable<typeof baseline>> {
  if (baseline) return baseline;
  const dir = await makeProject(GOOD);
  const run = await runCli(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  baseline = { dir, hash: await hashTree(join(dir, '_site')), run };
  return baseline;
}

/** Copies the baseline project (with its built `_site`) and adds `extra` content files. */
async function projectWithSite(extra: Record<string, string | Buffer>): Promise<string> {
  const base = await goodBuild();
  const dir = await mkdtemp(join(tmpdir(), 'qa-cli-'));
  await cp(base.dir, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, 'content', name), text);
  return dir;
}

test('build writes the site, archive.json equal to extract, and a build report; prints a one-line summary', async () => {
  const { dir, run } = await goodBuild();
  assert.match(run.stdout, /^Built 2 articles, \d+ quotes?, \d+ speakers?, \d+ entit(y|ies) into _site in \d+\.\d\ds \((no problems|\d+ warnings?)\)\n$/m);
  const extract = await runCli(dir, ['extract', 'content/grain.md', 'content/harbour.md']);
  assert.equal(extract.code, 0);
  // The site publishes paths relative to the content folder; extract prints them as given.
  assert.equal(readFileSync(join(dir, '_site', 'archive.json'), 'utf8'), extract.stdout.replaceAll('"content/', '"'));
  const report = JSON.parse(readFileSync(join(dir, '_site', 'build-report.json'), 'utf8'));
  assert.equal(report.counts.articles, 2);
  assert.equal(report.counts.errors, 0);
  assert.ok(Array.isArray(report.diagnostics));
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content'], 'no temporary folder is left beside _site');
});

test('extract prints JSON on stdout only and diagnostics on stderr, exit 1 on errors', async () => {
  const dir = await makeProject({ ...GOOD, 'bad.md': '---\ntitle: T\ndate: 2021-13-45\nsource: S\n---\nBody "text" here.\n' });
  const run = await runInProcess(dir, ['extract', 'content/bad.md', 'content/grain.md']);
  assert.equal(run.code, 1);
  const archive = JSON.parse(run.stdout);
  assert.deepEqual(archive.articles.map((a: { sourceFile: string }) => a.sourceFile), ['content/grain.md']);
  assert.match(run.stderr, /^content\/bad\.md:3:7: error: date "2021-13-45" is not a calendar date \(YYYY-MM-DD\) \[load:invalid-date\]\n3 \| date: 2021-13-45\n  \|       \^~~~~~~~~~\n/);
  await rm(dir, { recursive: true, force: true });
});

test('extract reads files anywhere on disk and exits 0 for good input', async () => {
  const dir = await makeProject(GOOD);
  const run = await runInProcess(tmpdir(), ['extract', join(dir, 'content', 'harbour.md')]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).articles.length, 1);
  await rm(dir, { recursive: true, force: true });
});

// Every error case of the diagnostics fixtures, fed to a real build over a built site.
const errorCases = readdirSync(diagnosticFixtures).filter((name) => {
  const messages = JSON.parse(readFileSync(new URL(`${name}/messages.json`, diagnosticFixtures), 'utf8')) as { severity: string }[];
  return messages.some((m) => m.severity === 'error');
}).sort();

test('extract on a folder says to pass the Markdown files inside it, with no note about "the content folder"', async () => {
  const dir = await makeProject(GOOD);
  const run = await runInProcess(dir, ['extract', 'content']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^content: error: cannot read file: it is a folder \[load:unreadable-file\]\n {2}note: Pass the Markdown files inside the folder \(e\.g\. folder\/\*\.md\)/);
  assert.doesNotMatch(run.stderr, /the content folder/);
  await rm(dir, { recursive: true, force: true });
});

test('each bad input fails the build with its exact message and position, exit 1, and leaves _site byte for byte', async (t) => {
  for (const name of errorCases) {
    await t.test(name.replace(/-/g, ' '), async () => {
      const input = readFileSync(new URL(`${name}/input.md`, diagnosticFixtures));
      const dir = await projectWithSite({ [`${name}.md`]: input });
      // In-process: the same runCli as a spawned build without a process start per case; spawned builds are tested elsewhere.
      const run = await runInProcess(dir, ['build']);
      assert.equal(run.code, 1, run.stderr);
      const expected = JSON.parse(readFileSync(new URL(`${name}/messages.json`, diagnosticFixtures), 'utf8')) as
        { line: number; column: number; severity: string; reason: string; ruleId: string; source: string }[];
      for (const m of expected) {
        assert.ok(run.stderr.includes(`content/${name}.md:${m.line}:${m.column}: ${m.severity}: ${m.reason} [${m.source}:${m.ruleId}]\n`), `${run.stderr}\nlacks ${m.ruleId}`);
      }
      assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
      assert.equal(run.stdout, '');
      assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
      await rm(dir, { recursive: true, force: true });
    });
  }
});

test('every problem is reported at once: unreadable and non-UTF-8 files, duplicate slugs and urls, bad front matter', async () => {
  const duplicateTitle = GOOD['harbour.md']!.replace('url: https://example.com/news/harbour\n', '');
  const sameUrl = GOOD['grain.md']!.replace('title: Grain exports rise for a third month', 'title: Grain exports rise again\nurl: https://example.com/news/harbour/');
  const dir = await projectWithSite({
    'latin1.md': Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ndate: 2021-03-04\nsource: S\n---\nText.\n')]),
    'locked.md': '---\ntitle: T\n---\n',
    'z-copy.md': duplicateTitle,
    'z-same-url.md': sameUrl,
    'z-no-date.md': '---\ntitle: T\nsource: S\n---\nText.\n',
  });
  // A dangling link: listed like any file, then unreadable (root reads any file whatever its mode).
  await rm(join(dir, 'content', 'locked.md'));
  await symlink(join(dir, 'content', 'moved-away.md'), join(dir, 'content', 'locked.md'));
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 1);
  const headers = run.stderr.split('\n').filter((line) => /^content\/\S+:\d+:\d+: (error|warning):/.test(line));
  assert.deepEqual(headers, [
    'content/latin1.md:2:11: error: file is not valid UTF-8: unexpected byte 0xE9 [load:invalid-utf8]',
    'content/locked.md:1:1: error: cannot read file: it does not exist [load:unreadable-file]',
    'content/z-copy.md:2:8: error: article would get the same page as content/harbour.md (slug "2021-03-04-port-city-votes-to-rebuild-its-harbour") [load:duplicate-slug]',
    'content/z-no-date.md:1:1: error: missing front matter `date` [load:missing-front-matter-date]',
    'content/z-same-url.md:3:6: error: url "https://example.com/news/harbour/" is also the url of content/harbour.md [load:duplicate-url]',
  ]);
  assert.match(run.stderr, /\n5 errors(, \d+ warnings?)?\nBuild failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('a missing content folder is an error and leaves _site as it was', async () => {
  const dir = await projectWithSite({});
  const run = await runInProcess(dir, ['build', '--content', 'no-such-folder']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^no-such-folder: error: content folder "no-such-folder" does not exist or is not a folder \[load:missing-content-folder\]\n/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('an empty content folder is an error, not an empty site published over a good one', async () => {
  const dir = await projectWithSite({});
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'empty', 'notes.txt'), 'not an article');
  const run = await runInProcess(dir, ['build', '--content', 'empty']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^empty: error: no Markdown files \(\*\.md\) in "empty" \[load:no-content-files\]\n/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('warnings do not fail the build: they are printed and listed in build-report.json', async () => {
  const future = GOOD['grain.md']!.replace('date: 2021-03-05', 'date: 2999-03-05');
  const dir = await makeProject({ 'future.md': future });
  const run = await runInProcess(dir, ['build', '--out', 'public-site']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^content\/future\.md:3:7: warning: date "2999-03-05" is in the future \[load:future-date\]$/m);
  assert.match(run.stdout, /into public-site in .*\(\d+ warnings?\)\n$/);
  const report = JSON.parse(readFileSync(join(dir, 'public-site', 'build-report.json'), 'utf8'));
  assert.ok(report.counts.warnings >= 1);
  assert.ok(report.diagnostics.some((d: { ruleId: string; line: number; column: number }) => d.ruleId === 'future-date' && d.line === 3 && d.column === 7));
  await rm(dir, { recursive: true, force: true });
});

test('wrong usage exits 2 with the usage text', async () => {
  const dir = tmpdir();
  for (const args of [[], ['frobnicate'], ['build', '--bogus'], ['extract'], ['serve', '--port', 'abc']]) {
    const run = await runInProcess(dir, args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /Usage:\n {2}quote-archive build/);
  }
});

test('stale temporary folders of killed builds are cleaned by the next build', async () => {
  const dir = await projectWithSite({});
  await mkdir(join(dir, '._site.tmp-999999999-stale', 'articles'), { recursive: true });
  await writeFile(join(dir, '._site.tmp-999999999-stale', '.quote-archive-site'), 'quote-archive site\n');
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

/** Spawns a build with a test point set, and resolves once the build says it reached it (or ended). */
function spawnBuild(cwd: string, command: 'node' | 'npm', args: string[], point: string): { child: ChildProcess; reached: Promise<void>; done: Promise<Run & { signal: NodeJS.Signals | null }> } {
  const env = { ...process.env, NO_COLOR: '1', QUOTE_ARCHIVE_TEST_POINT: point };
  // npm in its own process group, as a terminal runs it, so a Ctrl-C can reach the whole group.
  const child = command === 'node'
    ? spawn(process.execPath, ['--import', tsx, cli, ...args], { cwd, env })
    : spawn('npm', ['run', '--silent', args[0]!, '--', ...args.slice(1)], { cwd: projectRoot, env, detached: true });
  let stdout = '';
  let stderr = '';
  let resolveReached: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => { resolveReached = resolve; });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (/quote-archive test point: \S+ (paused|kill)\n/.test(stderr)) resolveReached();
  });
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => { resolveReached(); resolve({ code, signal, stdout, stderr }); });
  });
  return { child, reached, done };
}

test('a build killed between the swap\'s two renames keeps the previous site whole aside, and the next build puts it back even when the content has errors', async () => {
  const dir = await projectWithSite({ 'extra.md': GOOD['grain.md']!.replace('Grain exports rise for a third month', 'Grain exports rise once more') });
  const before = await hashTree(join(dir, '_site'));
  const killed = await spawnBuild(dir, 'node', ['build'], 'between-renames:kill').done;
  assert.equal(killed.signal, 'SIGKILL');
  assert.match(killed.stderr, /quote-archive test point: between-renames kill\n$/, 'the kill landed between the renames');
  assert.ok(!existsSync(join(dir, '_site')), '_site is renamed aside');
  const aside = readdirSync(dir).find((name) => name.startsWith('._site.old-'))!;
  assert.deepEqual(await hashTree(join(dir, aside)), before, 'the previous site is whole aside');
  // A build whose content has errors still puts the previous site back first, and says it was left as it was.
  await writeFile(join(dir, 'content', 'bad.md'), '---\ntitle: T\ndate: 2021-13-45\nsource: S\n---\nText.\n');
  const failed = await runInProcess(dir, ['build']);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), before);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(join(dir, 'content', 'bad.md'));
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(readFileSync(join(dir, '_site', 'archive.json'), 'utf8'), /Grain exports rise once more/);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

/**
 * The exit status a shell reports for a run: its code, or 128 + the signal
 * number when it ended by a signal. npm 11 ends by the signal itself when its
 * script did (`@npmcli/run-script` re-sends it to npm "so that npm will exit
 * with the same status as the child"), which a shell shows as 130 or 143.
 */
function shellStatus(run: { code: number | null; signal: NodeJS.Signals | null }): number {
  return run.code ?? 128 + osConstants.signals[run.signal!];
}

// Interrupts at an explicit moment: the build pauses at `site-building` (its temporary folder made) and says so on stderr.
for (const [how, command, signal, code] of [
  ['Ctrl-C under node', 'node', 'SIGINT', 130],
  ['Ctrl-C under npm run build', 'npm', 'SIGINT', 130],
  ['SIGTERM under npm run build', 'npm', 'SIGTERM', 143],
] as const) {
  test(`${how} removes the temporary folder, says so and that _site was left as it was, exit status ${code}`, async () => {
    const dir = await projectWithSite({ 'extra.md': GOOD['grain.md']!.replace('Grain exports rise for a third month', 'Grain exports rise yet again') });
    const before = await hashTree(join(dir, '_site'));
    const args = command === 'node' ? ['build'] : ['build', '--content', join(dir, 'content'), '--out', join(dir, '_site')];
    const build = spawnBuild(dir, command, args, 'site-building:pause');
    await build.reached;
    const tmp = readdirSync(dir).find((name) => name.startsWith('._site.tmp-'));
    assert.ok(tmp, `the signal lands while the temporary folder exists: ${(await Promise.race([build.done, Promise.resolve(null)]))?.stderr}`);
    // A terminal's Ctrl-C and a service stop signal the whole process group (npm, sh, tsx and the build).
    if (command === 'npm') process.kill(-build.child.pid!, signal);
    else build.child.kill(signal);
    const run = await build.done;
    // node exits with the code itself; npm 11 re-raises the signal on itself (see shellStatus).
    if (command === 'node') assert.equal(run.code, code, run.stderr);
    else assert.equal(run.signal, signal, `npm ended with ${run.code ?? run.signal}`);
    assert.equal(shellStatus(run), code);
    assert.match(run.stderr, /quote-archive test point: site-building paused\n/);
    const shown = (name: string): string => (command === 'node' ? name : join(dir, name));
    assert.ok(run.stderr.endsWith(`\nBuild interrupted; the temporary folder ${shown(tmp)} was removed and ${shown('_site')} was left as it was.\n`), run.stderr);
    assert.deepEqual(await hashTree(join(dir, '_site')), before);
    assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
    await rm(dir, { recursive: true, force: true });
  });
}

test('the output folder is refused when it is the content folder, holds it or the project, or is a folder not made by quote-archive; nothing is touched', async () => {
  const dir = await makeProject(GOOD);
  await mkdir(join(dir, '.git'));
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'notes.txt'), 'mine');
  const before = await hashTree(dir);
  const cases: [string[], string][] = [
    [['--out', '.'], '.: error: output folder "." contains the content folder "content" [output:output-folder-overlaps-content]'],
    [['--content', 'content', '--out', 'content'], 'content: error: output folder "content" is the content folder [output:output-folder-overlaps-content]'],
    [['--out', 'content/site'], 'content/site: error: output folder "content/site" is inside the content folder "content" [output:output-folder-overlaps-content]'],
    [['--content', 'content/../content', '--out', '..'], '..: error: output folder ".." contains the content folder "content/../content" [output:output-folder-overlaps-content]'],
    [['--content', join(dir, 'content'), '--out', join(dir, 'content', 'x', '..')], `${join(dir, 'content', 'x', '..')}: error: output folder "${join(dir, 'content', 'x', '..')}" is the content folder [output:output-folder-overlaps-content]`],
    [['--out', 'docs'], 'docs: error: output folder "docs" holds 1 entry and no .quote-archive-site file, so it was not built by quote-archive [output:output-folder-not-a-site]'],
    [['--out', 'content/grain.md'], 'content/grain.md: error: output folder "content/grain.md" is inside the content folder "content" [output:output-folder-overlaps-content]'],
    [['--out', projectRoot], `${projectRoot}: error: output folder "${projectRoot}" is the quote-archive project "${projectRoot}" [output:output-folder-holds-project]`],
  ];
  for (const [args, message] of cases) {
    const run = await runInProcess(dir, ['build', ...args]);
    assert.equal(run.code, 1, args.join(' '));
    assert.ok(run.stderr.startsWith(`${message}\n`), run.stderr);
    assert.match(run.stderr, /\n1 error\nBuild failed; .* was left as it was\.\n$/);
    assert.equal(run.stdout, '');
  }
  // Run from inside a repository, a folder above it is refused too.
  const nested = await runInProcess(join(dir, 'docs'), ['build', '--content', '../content', '--out', join(dir, '..')]);
  assert.equal(nested.code, 1);
  assert.match(nested.stderr, /\[output:output-folder-(overlaps-content|holds-project)\]/);
  const inRepo = await runInProcess(join(dir, 'docs'), ['build', '--content', join(dir, 'content'), '--out', dir]);
  assert.match(inRepo.stderr, /contains the content folder|is the repository/);
  assert.deepEqual(await hashTree(dir), before, 'nothing was written anywhere');
  await rm(dir, { recursive: true, force: true });
});

/**
 * Makes `file` impossible to delete, as a read-only site is for a user who
 * is not its owner: immutable for root (who ignores permissions), its folder
 * read-only for anyone else. Returns the function that undoes it at the
 * path the file has since been moved to, or null where neither works.
 */
function pinFile(file: string): ((found: string) => void) | null {
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', file]).status !== 0) return null;
    return (found) => { spawnSync('chattr', ['-i', found]); };
  }
  chmodSync(dirname(file), 0o555);
  return (found) => { chmodSync(dirname(found), 0o755); };
}

test('a previous site that cannot be removed after the swap is a warning saying where it is; the new site is in place, exit 0, and later builds never fail on it', async (t) => {
  const dir = await projectWithSite({ 'extra.md': GOOD['grain.md']!.replace('Grain exports rise for a third month', 'Grain exports rise on and on') });
  const unpin = pinFile(join(dir, '_site', 'articles', 'index.html'));
  if (!unpin) {
    t.skip('no way to make a file undeletable here (chattr failed)');
    return;
  }
  const aside = (): string[] => readdirSync(dir).filter((name) => name.startsWith('._site.old-'));
  try {
    for (const attempt of ['first', 'second']) {
      const run = await runInProcess(dir, ['build']);
      assert.equal(run.code, 0, `${attempt} build: ${run.stderr}`);
      assert.match(run.stdout, /^Built 3 articles,/m);
      assert.equal(aside().length, 1, `${attempt} build: the previous site is left aside, once`);
      assert.match(run.stderr, new RegExp(`^_site: warning: could not remove ${aside()[0]!.replace(/\./g, '\\.')}: .*; the next build tries again \\[output:output-cleanup-failed\\]$`, 'm'), run.stderr);
      assert.match(readFileSync(join(dir, '_site', 'archive.json'), 'utf8'), /Grain exports rise on and on/);
    }
  } finally {
    for (const name of aside()) unpin(join(dir, name, 'articles', 'index.html'));
  }
  // Once it can be removed, the next build does.
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('the first build goes into a new or an empty folder, and marks it as a site for the next one', async () => {
  const dir = await makeProject(GOOD);
  await mkdir(join(dir, 'empty'));
  for (const out of ['fresh/site', 'empty']) {
    const run = await runInProcess(dir, ['build', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(dir, out, '.quote-archive-site'), 'utf8').split('\n')[0], 'quote-archive site');
    const again = await runInProcess(dir, ['build', '--out', out]);
    assert.equal(again.code, 0, again.stderr);
  }
  await rm(dir, { recursive: true, force: true });
});

// The Pagefind failure tests rebuild the baseline's content: `--no-cache`, or the previous site's index would be reused and Pagefind never run.
test('a Pagefind process that never answers fails the build after the time limit, naming the site, not the temporary folder; _site is kept byte for byte', async () => {
  const dir = await projectWithSite({});
  const hang = join(dir, 'pagefind-that-hangs.sh');
  await writeFile(hang, '#!/bin/sh\nexec cat >/dev/null\n', { mode: 0o755 });
  const run = await runInProcess(dir, ['build', '--no-cache'], { PAGEFIND_BINARY_PATH: hang, QUOTE_ARCHIVE_PAGEFIND_TIMEOUT: '1' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^_site\/pagefind:1:1: error: Pagefind gave no answer for 1 second; the search index was stopped \[search:search-index-timed-out\]\n/);
  assert.doesNotMatch(run.stderr, /\.tmp-/);
  assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

// The silence limit stays at its default (60 s): only the exit event can end these builds with `search-index-process-exited`.
test('a Pagefind process killed while it writes the index fails the build on its exit, naming the search index; _site is kept byte for byte', async () => {
  const dir = await projectWithSite({});
  const run = await spawnBuild(dir, 'node', ['build', '--no-cache'], 'search-index-writing:kill-child').done;
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /^quote-archive test point: search-index-writing kill-child\n/, 'the kill landed while Pagefind was writing the index');
  assert.match(run.stderr, /\n_site\/pagefind:1:1: error: Pagefind stopped \(killed by SIGKILL\) before the search index was written \[search:search-index-process-exited\]\n/);
  assert.doesNotMatch(run.stderr, /\.tmp-|Service stopped/);
  assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('a Pagefind binary that exits without answering fails the build on its exit, with its exit code; _site is kept byte for byte', async () => {
  const dir = await projectWithSite({});
  const crash = join(dir, 'pagefind-that-crashes.sh');
  // Reads the start of the first request, then dies the way a panicking binary does: no answer, a non-zero exit.
  await writeFile(crash, '#!/bin/sh\nhead -c 1 >/dev/null\nexit 101\n', { mode: 0o755 });
  const run = await runInProcess(dir, ['build', '--no-cache'], { PAGEFIND_BINARY_PATH: crash });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^_site\/pagefind:1:1: error: Pagefind stopped \(exit code 101\) before the search index was written \[search:search-index-process-exited\]\n/);
  assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('a real build whose Pagefind step fails keeps _site byte for byte', async () => {
  const dir = await projectWithSite({});
  const run = await runInProcess(dir, ['build', '--no-cache'], { PAGEFIND_BINARY_PATH: join(dir, 'no-such-pagefind') });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^_site\/pagefind:1:1: error: Unexpected failure of the Pagefind service: .* \[search:search-index-failed\]\n/m);
  assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('a real build whose Eleventy step fails keeps _site byte for byte', async () => {
  const dir = await projectWithSite({});
  const run = await runInProcess(dir, ['build'], { QUOTE_ARCHIVE_TEST_POINT: 'eleventy-render:throw' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /error: Unexpected failure rendering the site: .*test point eleventy-render: injected failure.* \[site:site-build-failed\]\n/);
  assert.doesNotMatch(run.stderr, /\.tmp-/);
  assert.match(run.stderr, /Build failed; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('symbolic links leading outside the content folder are refused without printing anything of their target', async () => {
  const dir = await projectWithSite({});
  await mkdir(join(dir, 'private', 'more'), { recursive: true });
  await writeFile(join(dir, 'private', 'secret.md'), '---\ntitle: PRIVATE-TITLE\ndate: 2021-03-04\nsource: S\n---\n"PRIVATE-WORDS," she said.\n');
  await writeFile(join(dir, 'private', 'more', 'other.md'), 'PRIVATE-FIRST-LINE\n');
  await symlink(join(dir, 'private', 'secret.md'), join(dir, 'content', 'linked.md'));
  await symlink('/etc/passwd', join(dir, 'content', 'passwd.md'));
  await symlink(join(dir, 'private', 'more'), join(dir, 'content', 'more'));
  // A link to a file inside the content folder is content.
  await symlink(join(dir, 'content', 'grain.md'), join(dir, 'content', 'z-alias.md'));
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 1);
  const headers = run.stderr.split('\n').filter((line) => / error: /.test(line));
  assert.deepEqual(headers, [
    'content/linked.md: error: file is a symbolic link that leads outside the content folder; it is not read [load:symlink-outside-content]',
    'content/more: error: folder is a symbolic link that leads outside the content folder; it is not read [load:symlink-outside-content]',
    'content/passwd.md: error: file is a symbolic link that leads outside the content folder; it is not read [load:symlink-outside-content]',
    'content/z-alias.md:2:8: error: article would get the same page as content/grain.md (slug "2021-03-05-grain-exports-rise-for-a-third-month") [load:duplicate-slug]',
  ]);
  assert.doesNotMatch(run.stderr, /PRIVATE|root:|\/etc|private\//);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('published records name files relative to the content folder, also when --content is absolute', async () => {
  const dir = await makeProject({ ...GOOD, 'world/harbour.md': GOOD['harbour.md']!.replace('news/harbour', 'news/harbour-2').replace('Port city votes', 'Second port city votes') });
  const out = join(dir, 'site');
  const run = await runInProcess(tmpdir(), ['build', '--content', join(dir, 'content'), '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const archive = JSON.parse(readFileSync(join(out, 'archive.json'), 'utf8')) as { articles: { sourceFile: string }[] };
  assert.deepEqual(archive.articles.map((a) => a.sourceFile).sort(), ['grain.md', 'harbour.md', 'world/harbour.md']);
  for (const [file] of Object.entries(await hashTree(out))) {
    if (file.startsWith('pagefind/')) continue;
    assert.ok(!readFileSync(join(out, file), 'utf8').includes(dir), `${file} holds no path of the build machine`);
  }
  await rm(dir, { recursive: true, force: true });
});

test.after(async () => {
  if (baseline) await rm(baseline.dir, { recursive: true, force: true });
});

test('build reads content/aliases.yml (not as an article); extract --aliases gives the same archive.json; a bad aliases file fails the build and keeps _site', async () => {
  const aliases = 'join:\n  - canonical: Lena Varga (mayor)\n    aliases: [Lena Varga]\n';
  const dir = await makeProject({ ...GOOD, 'aliases.yml': aliases });
  const run = await runInProcess(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Built 2 articles,/m);
  const built = readFileSync(join(dir, '_site', 'archive.json'), 'utf8');
  assert.ok(JSON.parse(built).speakers.some((s: { name: string }) => s.name === 'Lena Varga (mayor)'));
  // Run inside the content folder: the published archive names files relative to it.
  const extract = await runInProcess(join(dir, 'content'), ['extract', '--aliases', 'aliases.yml', 'grain.md', 'harbour.md']);
  assert.equal(extract.code, 0, extract.stderr);
  assert.equal(extract.stdout, built);

  const before = await hashTree(join(dir, '_site'));
  await writeFile(join(dir, 'content', 'aliases.yml'), 'join:\n  - canonical: Lena Varga (mayor)\n    aliases: [Lena Vargas]\n');
  const failed = await runInProcess(dir, ['build']);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^content\/aliases\.yml:3:15: error: no speaker or entity in the archive is named "Lena Vargas" \[load:aliases-unknown-name\]$/m);
  assert.deepEqual(await hashTree(join(dir, '_site')), before);
  await rm(dir, { recursive: true, force: true });
});
