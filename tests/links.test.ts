/**
 * Every link in a built site resolves: a link checker walks every page of a
 * real build (sample content plus odd articles and injection attempts) and
 * follows each internal href and src to a file, and each fragment to an
 * element id on its target page. Every record path in archive.json resolves too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLink, checkSiteLinks, fileFor } from './helpers/link-check.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'src', 'cli.ts');

const ODD: Record<string, string> = {
  'same-speaker-twice.md': '---\ntitle: Harbour works begin\ndate: 2021-05-01\nsource: Coastal Herald\n---\n\n"The cranes arrive on Monday," Mayor Lena Varga said.\n\n"It will be loud for a while," Varga added.\n',
  'unicode-names.md': '---\ntitle: "Zoë Łukasik wins the vote 🗳"\ndate: 2021-05-02\nsource: "Łódź Daily"\n---\n\n"Dziękuję," said Zoë Łukasik, the new mayor of Łódź.\n',
  'headline-only.md': '---\ntitle: Markets close early\ndate: 2021-05-03\nsource: Farm Wire\n---\n\n# Markets close early\n',
  'slug-override.md': '---\ntitle: A story with a chosen slug\ndate: 2021-05-04\nsource: Farm Wire\nslug: chosen-slug\n---\n\n"Slugs are chosen by curators," editor Tom Reyes said.\n',
};

test('every internal link, script, stylesheet and image of the built site resolves, fragments included', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qa-links-'));
  try {
    await cp(join(root, 'content'), join(dir, 'content'), { recursive: true });
    await cp(join(root, 'tests', 'fixtures', 'security', 'content'), join(dir, 'content', 'security'), { recursive: true });
    await mkdir(join(dir, 'content', 'odd'));
    for (const [name, text] of Object.entries(ODD)) await writeFile(join(dir, 'content', 'odd', name), text);
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), cli, 'build'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const site = join(dir, '_site');

    const { checked, problems } = checkSiteLinks(site);
    assert.ok(checked > 50, `checked ${checked} links`);
    assert.deepEqual(problems, []);

    const recordProblems: string[] = [];
    const archive = JSON.parse(readFileSync(join(site, 'archive.json'), 'utf8')) as Record<string, { path: string }[]>;
    for (const kind of ['articles', 'quotes', 'speakers', 'entities', 'sources']) {
      for (const record of archive[kind] ?? []) {
        const problem = checkLink(site, '/', record.path);
        if (problem) recordProblems.push(`archive.json ${kind}: ${problem}`);
      }
    }
    assert.deepEqual(recordProblems, []);
    assert.ok(fileFor(site, '/articles/chosen-slug/'), 'a front matter slug gives the page its address');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
