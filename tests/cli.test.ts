/**
 * The command line, run as users run it (`node --import tsx src/cli.ts`), on
 * temporary content folders with real builds: exit codes, exact messages
 * with positions, and a previously built `_site` left byte for byte when a
 * build fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, symlink, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree } from './helpers/tree.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const diagnosticFixtures = new URL('fixtures/diagnostics/', import.meta.url);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` and collects its output. */
function runCli(cwd: string, args: string[], options: { killAfterMs?: number; killWhen?: () => boolean; signal?: NodeJS.Signals } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = options.killAfterMs === undefined ? null : setTimeout(() => child.kill(options.signal ?? 'SIGKILL'), options.killAfterMs);
    const poll = options.killWhen === undefined ? null : setInterval(() => {
      if (options.killWhen!()) {
        child.kill(options.signal ?? 'SIGKILL');
        clearInterval(poll!);
      }
    }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ code, stdout, stderr });
    });
  });
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
  assert.equal(readFileSync(join(dir, '_site', 'archive.json'), 'utf8'), extract.stdout);
  const report = JSON.parse(readFileSync(join(dir, '_site', 'build-report.json'), 'utf8'));
  assert.equal(report.counts.articles, 2);
  assert.equal(report.counts.errors, 0);
  assert.ok(Array.isArray(report.diagnostics));
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content'], 'no temporary folder is left beside _site');
});

test('extract prints JSON on stdout only and diagnostics on stderr, exit 1 on errors', async () => {
  const dir = await makeProject({ ...GOOD, 'bad.md': '---\ntitle: T\ndate: 2021-13-45\nsource: S\n---\nBody "text" here.\n' });
  const run = await runCli(dir, ['extract', 'content/bad.md', 'content/grain.md']);
  assert.equal(run.code, 1);
  const archive = JSON.parse(run.stdout);
  assert.deepEqual(archive.articles.map((a: { sourceFile: string }) => a.sourceFile), ['content/grain.md']);
  assert.match(run.stderr, /^content\/bad\.md:3:7: error: date "2021-13-45" is not a calendar date \(YYYY-MM-DD\) \[load:invalid-date\]\n3 \| date: 2021-13-45\n  \|       \^~~~~~~~~~\n/);
  await rm(dir, { recursive: true, force: true });
});

test('extract reads files anywhere on disk and exits 0 for good input', async () => {
  const dir = await makeProject(GOOD);
  const run = await runCli(tmpdir(), ['extract', join(dir, 'content', 'harbour.md')]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).articles.length, 1);
  await rm(dir, { recursive: true, force: true });
});

// Every error case of the diagnostics fixtures, fed to a real build over a built site.
const errorCases = readdirSync(diagnosticFixtures).filter((name) => {
  const messages = JSON.parse(readFileSync(new URL(`${name}/messages.json`, diagnosticFixtures), 'utf8')) as { severity: string }[];
  return messages.some((m) => m.severity === 'error');
}).sort();

test('each bad input fails the build with its exact message and position, exit 1, and leaves _site byte for byte', async (t) => {
  for (const name of errorCases) {
    await t.test(name.replace(/-/g, ' '), async () => {
      const input = readFileSync(new URL(`${name}/input.md`, diagnosticFixtures));
      const dir = await projectWithSite({ [`${name}.md`]: input });
      const run = await runCli(dir, ['build']);
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
  const run = await runCli(dir, ['build']);
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
  const run = await runCli(dir, ['build', '--content', 'no-such-folder']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^no-such-folder: error: content folder "no-such-folder" does not exist or is not a folder \[load:missing-content-folder\]\n/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('an empty content folder is an error, not an empty site published over a good one', async () => {
  const dir = await projectWithSite({});
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'empty', 'notes.txt'), 'not an article');
  const run = await runCli(dir, ['build', '--content', 'empty']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^empty: error: no Markdown files \(\*\.md\) in "empty" \[load:no-content-files\]\n/);
  assert.deepEqual(await hashTree(join(dir, '_site')), (await goodBuild()).hash);
  await rm(dir, { recursive: true, force: true });
});

test('warnings do not fail the build: they are printed and listed in build-report.json', async () => {
  const future = GOOD['grain.md']!.replace('date: 2021-03-05', 'date: 2999-03-05');
  const dir = await makeProject({ 'future.md': future });
  const run = await runCli(dir, ['build', '--out', 'public-site']);
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
    const run = await runCli(dir, args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /Usage:\n {2}quote-archive build/);
  }
});

test('stale temporary folders of killed builds are cleaned by the next build', async () => {
  const dir = await projectWithSite({});
  await mkdir(join(dir, '._site.tmp-999999999-stale', 'articles'), { recursive: true });
  const run = await runCli(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('a build killed midway leaves the previous _site complete', async () => {
  const dir = await projectWithSite({ 'extra.md': GOOD['grain.md']!.replace('Grain exports rise for a third month', 'Grain exports rise once more') });
  const before = await hashTree(join(dir, '_site'));
  for (const delay of [800, 2500]) {
    const run = await runCli(dir, ['build'], { killAfterMs: delay });
    if (run.code === 0) break;
    // A kill between the two renames of the swap leaves the old site set aside, whole, for the next run to put back.
    const aside = readdirSync(dir).find((name) => name.startsWith('._site.old-'));
    const now = existsSync(join(dir, '_site')) ? await hashTree(join(dir, '_site')) : aside ? await hashTree(join(dir, aside)) : {};
    assert.deepEqual(now, before, `after a kill at ${delay} ms`);
  }
  // The next complete build repairs and cleans whatever the kill left.
  const run = await runCli(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test('Ctrl-C during a build exits 130, removes the unfinished folder at once and keeps _site', async () => {
  const dir = await projectWithSite({ 'extra.md': GOOD['grain.md']!.replace('Grain exports rise for a third month', 'Grain exports rise yet again') });
  const before = await hashTree(join(dir, '_site'));
  // Interrupt once the build has its temporary folder (and so its handler); earlier, Node's default would just exit.
  const running = runCli(dir, ['build'], { killWhen: () => readdirSync(dir).some((name) => name.startsWith('._site.tmp-')), signal: 'SIGINT' });
  const run = await running;
  if (run.code === 0) return; // the build beat the signal: nothing to check
  assert.equal(run.code, 130, run.stderr);
  assert.match(run.stderr, /Interrupted; _site was left as it was\.\n$/);
  assert.deepEqual(await hashTree(join(dir, '_site')), before);
  assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content']);
  await rm(dir, { recursive: true, force: true });
});

test.after(async () => {
  if (baseline) await rm(baseline.dir, { recursive: true, force: true });
});

test('build reads content/aliases.yml (not as an article); extract --aliases gives the same archive.json; a bad aliases file fails the build and keeps _site', async () => {
  const aliases = 'join:\n  - canonical: Lena Varga (mayor)\n    aliases: [Lena Varga]\n';
  const dir = await makeProject({ ...GOOD, 'aliases.yml': aliases });
  const run = await runCli(dir, ['build']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Built 2 articles,/m);
  const built = readFileSync(join(dir, '_site', 'archive.json'), 'utf8');
  assert.ok(JSON.parse(built).speakers.some((s: { name: string }) => s.name === 'Lena Varga (mayor)'));
  // Run inside the content folder: the published archive names files relative to it.
  const extract = await runCli(join(dir, 'content'), ['extract', '--aliases', 'aliases.yml', 'grain.md', 'harbour.md']);
  assert.equal(extract.code, 0, extract.stderr);
  assert.equal(extract.stdout, built);

  const before = await hashTree(join(dir, '_site'));
  await writeFile(join(dir, 'content', 'aliases.yml'), 'join:\n  - canonical: Lena Varga (mayor)\n    aliases: [Lena Vargas]\n');
  const failed = await runCli(dir, ['build']);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^content\/aliases\.yml:3:15: error: no speaker or entity in the archive is named "Lena Vargas" \[load:aliases-unknown-name\]$/m);
  assert.deepEqual(await hashTree(join(dir, '_site')), before);
  await rm(dir, { recursive: true, force: true });
});
