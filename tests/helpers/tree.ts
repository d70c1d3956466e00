/** File-tree helpers: a temporary folder for a test, listing a built site's files, reading its Pagefind records, and checking `_site` is left byte for byte as it was. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Runs `run` in a new temporary folder named with `prefix`, and removes the folder afterwards, whatever happens. */
export async function withTempDir<T>(prefix: string, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir` whose name ends with `extension` (default: any), as `/`-separated paths relative to `dir`, sorted. */
export function listFiles(dir: string, extension = ''): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(extension)) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Hash of every file under `dir`, by relative path: equal maps mean byte-identical trees. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return Object.fromEntries(Object.entries(out).sort());
}

/** Pagefind's records under `<site>/pagefind`: every fragment decompressed, sorted (chunk names vary between runs; records must not). */
export function pagefindRecords(site: string): string[] {
  const folder = join(site, 'pagefind');
  return listFiles(folder)
    .filter((file) => file.endsWith('.pf_fragment'))
    .map((file) => gunzipSync(readFileSync(join(folder, file))).toString('utf8').replace(/^pagefind_dcd/, ''))
    .sort();
}
