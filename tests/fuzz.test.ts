/**
 * Fuzzing the build: random front matter (aliases, anchors, odd scalars,
 * control characters) and random Markdown (deep nesting, huge lines, runs
 * of emphasis marks, quote marks), first through extraction in memory, then
 * through whole builds of a temporary content folder with symbolic links
 * leading in and out of it, over a previously built `_site`. Never a crash,
 * every problem an error at a real position of its file, and a failed build
 * leaves `_site` byte for byte. Seeded (`PROPERTY_SEED`), so a failure
 * replays. Each case runs in a worker thread with a time bound, a hang guard
 * only (see HANG_GUARD_MS): speed is the bench's business.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { FuzzAnswer, FuzzJob, FuzzRequest } from './helpers/fuzz-worker.ts';
import { PROPERTY_SEED } from './helpers/property-runs.ts';
import { hashTree } from './helpers/tree.ts';

/**
 * How long one case may run before it is taken for a hang: above every
 * limit the build sets itself (120 s per article for extraction and again
 * for rendering, 60 s of Pagefind silence), so a case that reaches it is
 * stuck, not slow. A hang guard, not a speed check.
 */
const HANG_GUARD_MS = { archive: 150_000, build: 330_000 } as const;

/** Runs jobs in one worker (started on first use, again after a hang guard stopped it). */
class FuzzRunner {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (reply: FuzzAnswer) => void>();

  private start(): Worker {
    if (this.worker) return this.worker;
    // The worker needs tsx's loader too; a worker does not inherit the `--import` hooks of its parent on Node 20.
    const api = import.meta.resolve('tsx/esm/api');
    const target = new URL('./helpers/fuzz-worker.ts', import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); })`, { eval: true });
    worker.on('message', (reply: FuzzAnswer) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Runs `job`; rejects with a hang-guard message when it runs past its bound. */
  async run(job: FuzzRequest, what: string): Promise<FuzzAnswer> {
    const worker = this.start();
    const id = ++this.nextId;
    const limit = HANG_GUARD_MS[job.kind];
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<FuzzAnswer>((resolve, reject) => {
        this.pending.set(id, resolve);
        timer = setTimeout(() => {
          this.pending.delete(id);
          this.worker = null;
          void worker.terminate();
          reject(new Error(`hang guard: ${what} did not finish within ${limit / 1000} s, past every time limit the build sets itself; taken for a hang (replay: PROPERTY_SEED=${PROPERTY_SEED})`));
        }, limit);
        worker.postMessage({ ...job, id } as FuzzJob);
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

const runner = new FuzzRunner();
test.after(() => runner.stop());

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

test('random front matter and Markdown give an article or a positioned error on that file, never a crash', async () => {
  await fc.assert(
    fc.asyncProperty(file, async (value) => {
      const path = 'content/fuzz.md';
      const reply = await runner.run({ kind: 'archive', path, value }, 'extracting a generated file');
      assert.ok(reply.kind === 'archive', reply.kind === 'crash' ? reply.error : reply.kind);
      const errors = reply.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(reply.articles, errors.length ? 0 : 1, reply.report);
      const lines = value.split('\n').length;
      for (const d of reply.diagnostics) {
        assert.equal(d.file, path);
        assert.ok(d.line >= 1 && d.line <= lines && d.column >= 1, `${d.ruleId} at ${d.line}:${d.column} of ${lines} lines`);
      }
      if (reply.articles) assert.equal(reply.viewArticles, 1);
    }),
    { seed: PROPERTY_SEED, numRuns: 400, endOnFailure: true, includeErrorInReport: true },
  );
});

// A good article, so a build can succeed and the previous site is a real one.
const GOOD = '---\ntitle: Port city votes to rebuild its harbour\ndate: 2021-03-04\nsource: Coastal Herald\n---\n\n"We will have ships back in the port by the summer," Mayor Lena Varga told reporters.\n';
const PRIVATE = 'PRIVATE-7f3a';
/** Symbolic links a content folder may hold: out of it (to a file, to a folder), into it, or to nothing. */
const LINKS = ['outside-file.md', 'outside-folder', 'inside-file.md', 'dangling.md'] as const;

// Mostly articles with valid front matter and a random body, so builds get through to rendering and the search index, plus random whole files.
const buildFiles = fc.array(fc.oneof({ weight: 1, arbitrary: file }, { weight: 3, arbitrary: body.map((text) => ({ body: text })) }), { minLength: 1, maxLength: 3 });
// No link in most cases (a link out of the folder fails the build), any set of them in the rest.
const linkSet = fc.oneof({ weight: 2, arbitrary: fc.constant([] as (typeof LINKS)[number][]) }, { weight: 1, arbitrary: fc.subarray([...LINKS]) });

test('random content folders, symbolic links included, build or fail with positioned errors over a previous site, never a crash, and a failure leaves _site byte for byte', async () => {
  const root = await mkdtemp(join(tmpdir(), 'qa-fuzz-'));
  try {
    // The previous site every case starts from, built once.
    const base = join(root, 'base');
    await mkdir(join(base, 'content'), { recursive: true });
    await writeFile(join(base, 'content', 'good.md'), GOOD);
    const first = await runner.run({ kind: 'build', content: join(base, 'content'), out: join(base, '_site') }, 'building the previous site');
    assert.ok(first.kind === 'build' && first.code === 0, JSON.stringify(first));
    const before = await hashTree(join(base, '_site'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(buildFiles, fc.boolean(), linkSet, async (files, withGood, links) => {
        const dir = join(root, `case-${++n}`);
        const content = join(dir, 'content');
        const out = join(dir, '_site');
        await mkdir(join(dir, 'private', 'more'), { recursive: true });
        await writeFile(join(dir, 'private', 'secret.md'), GOOD.replace('Port city', `${PRIVATE} city`).replace('ships', PRIVATE));
        await writeFile(join(dir, 'private', 'more', 'other.md'), `${PRIVATE}\n`);
        await mkdir(content);
        await cp(join(base, '_site'), out, { recursive: true });
        for (const [i, made] of files.entries()) await writeFile(join(content, `fuzz-${i}.md`), typeof made === 'string' ? made : `---\ntitle: Fuzz article ${i}\ndate: 2023-03-09\nsource: Gazette\n---\n${made.body}\n`);
        if (withGood) await writeFile(join(content, 'good.md'), GOOD);
        const targets: Record<(typeof LINKS)[number], string> = {
          'outside-file.md': join(dir, 'private', 'secret.md'),
          'outside-folder': join(dir, 'private', 'more'),
          'inside-file.md': join(content, 'fuzz-0.md'),
          'dangling.md': join(dir, 'private', 'missing.md'),
        };
        for (const link of links) await symlink(targets[link], join(content, link));

        const run = await runner.run({ kind: 'build', content, out }, `building case ${n}`);
        assert.ok(run.kind === 'build', run.kind === 'crash' ? `the build threw: ${run.error}` : run.kind);
        assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}\n${run.stderr}`);
        assert.doesNotMatch(run.stdout + run.stderr, new RegExp(`${PRIVATE}|quote-archive:`), 'nothing of a file outside the content folder is printed, and nothing crashed');
        // Every message names a file of the content folder, or the output folder, never a temporary one.
        for (const line of run.stderr.split('\n').filter((l) => / (error|warning): /.test(l) && !l.startsWith(' '))) {
          assert.ok(line.startsWith(`${content}/`) || line.startsWith(`${content}:`) || line.startsWith(out), line);
        }
        assert.doesNotMatch(run.stderr, /\.tmp-/);
        if (run.code === 1) {
          assert.ok(run.stderr.endsWith(`Build failed; ${out} was left as it was.\n`), run.stderr);
          assert.deepEqual(await hashTree(out), before, 'a failed build leaves _site byte for byte');
        } else {
          assert.doesNotMatch(readFileSync(join(out, 'archive.json'), 'utf8'), new RegExp(PRIVATE), 'nothing outside the content folder is published');
        }
        assert.deepEqual(readdirSync(dir).sort(), ['_site', 'content', 'private'], 'no temporary or set-aside folder is left');
        await rm(dir, { recursive: true, force: true });
      }),
      { seed: PROPERTY_SEED, numRuns: Number(process.env.FUZZ_BUILD_RUNS ?? 16), endOnFailure: true, includeErrorInReport: true },
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
