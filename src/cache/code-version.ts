/**
 * The version of the code that cache entries belong to: a hash of this
 * tool's sources (every file under `src/`, lexicons included), its
 * `package.json` and its lock file. Any change to a rule, a lexicon, a
 * template helper or a dependency makes a new version, so no build ever
 * reuses what other code worked out; the version number alone would miss
 * the edits made between releases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cacheKey } from './build-cache.ts';

/** The hash of the code under `projectRoot` (this tool's own folder). Reads ~150 small files. */
export function computeCodeVersion(projectRoot: string): string {
  const parts: string[] = [];
  for (const name of ['package.json', 'package-lock.json']) {
    try {
      parts.push(name, readFileSync(join(projectRoot, name), 'utf8'));
    } catch {
      parts.push(name, '');
    }
  }
  const src = join(projectRoot, 'src');
  const files = (readdirSync(src, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(src, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
  for (const file of files) parts.push(file, readFileSync(join(src, file), 'utf8'));
  return cacheKey(...parts);
}
