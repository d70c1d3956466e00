/**
 * `npm run update-goldens`: the one way golden files change. Runs every test
 * file that compares with goldens (those calling `assertGolden…`) with
 * `UPDATE_GOLDENS=1`, which makes them write their actual result instead of
 * comparing. Review the result in `git diff` before committing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testsDir = join(root, 'tests');
const files = readdirSync(testsDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('fixtures'))
  .filter((file) => /\bassertGolden(?:Text|Json)\(/.test(readFileSync(join(testsDir, file), 'utf8')))
  .map((file) => relative(root, join(testsDir, file)))
  .sort();
console.error(`Regenerating goldens of ${files.join(', ')}`);
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDENS: '1' },
});
if (run.status === 0) console.error('Goldens written. Review them with `git diff tests/fixtures` before committing.');
process.exit(run.status ?? 1);
