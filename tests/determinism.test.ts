/**
 * Same input, same output: two real builds of the same content, in two
 * different folders, give identical bytes in every file outside
 * `_site/pagefind/`, and Pagefind indexes holding the same records (its chunk
 * file names vary between runs, so records are compared, not bytes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles, pagefindRecords } from './helpers/tree.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'src', 'cli.ts');

const ODD: Record<string, string> = {
  'crlf-bom.md': '\uFEFF---\r\ntitle: Ferry service resumes\r\ndate: 2021-04-01\r\nsource: Coastal Herald\r\n---\r\n\r\n“The first boat leaves at seven,” harbour master Olga Ivanova said.\r\n',
  'rtl-emoji.md': '---\ntitle: "Festival opens 🎉"\ndate: 2021-04-02\nsource: Daily Ledger\n---\n\n"مرحبا بكم — welcome to all 🎉," organiser Ahmed Al-Amin told the crowd.\n\nMs\u00a0Mei\u200bChen said:\t"We sold out."\n',
  'headline-only.md': '---\ntitle: Markets close early\ndate: 2021-04-03\nsource: Farm Wire\n---\n\n# Markets close early\n',
};

function buildProject(dir: string): void {
  const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'build'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

async function makeProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qa-determinism-'));
  await cp(join(root, 'content'), join(dir, 'content'), { recursive: true });
  await cp(join(root, 'tests', 'fixtures', 'security', 'content'), join(dir, 'content', 'security'), { recursive: true });
  await mkdir(join(dir, 'content', 'odd'));
  for (const [name, text] of Object.entries(ODD)) await writeFile(join(dir, 'content', 'odd', name), text);
  return dir;
}

test('two builds of the same content are byte-identical outside pagefind/, with the same Pagefind records', async () => {
  const first = await makeProject();
  const second = await makeProject();
  try {
    buildProject(first);
    buildProject(second);
    const a = join(first, '_site');
    const b = join(second, '_site');
    const outsideIndex = (files: string[]) => files.filter((file) => !file.startsWith('pagefind/'));
    const filesA = listFiles(a);
    assert.deepEqual(outsideIndex(listFiles(b)), outsideIndex(filesA), 'the same files outside pagefind/');
    const differing = filesA
      .filter((file) => !file.startsWith('pagefind/'))
      .filter((file) => !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
    assert.deepEqual(differing, [], 'files outside pagefind/ are byte-identical');
    const recordsA = pagefindRecords(a);
    assert.ok(recordsA.length > 0, 'the index has records');
    assert.deepEqual(pagefindRecords(b), recordsA);
    // Nothing from the machine or the moment leaks into the output.
    for (const file of filesA.filter((f) => !f.startsWith('pagefind/'))) {
      const text = readFileSync(join(a, file), 'utf8');
      assert.ok(!text.includes(first), `${file} does not contain the build folder path`);
    }
    const hash = createHash('sha256').update(readFileSync(join(a, 'archive.json'))).digest('hex');
    assert.equal(createHash('sha256').update(readFileSync(join(b, 'archive.json'))).digest('hex'), hash);
  } finally {
    await rm(first, { recursive: true, force: true });
    await rm(second, { recursive: true, force: true });
  }
});
