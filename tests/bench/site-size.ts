/**
 * Size of a built site: bytes, files and the largest file, the figures the
 * deploy targets speak of (site ≤ 3× the plain site, no file over 50 MB).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface SiteSize {
  bytes: number;
  files: number;
  largest: { path: string; bytes: number } | null;
}

/** Walks `dir` (no symbolic links followed) and adds up its files. */
export async function measureSite(dir: string): Promise<SiteSize> {
  const size: SiteSize = { bytes: 0, files: 0, largest: null };
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const bytes = (await stat(path)).size;
        size.bytes += bytes;
        size.files++;
        if (!size.largest || bytes > size.largest.bytes) size.largest = { path: relative(dir, path), bytes };
      }
    }
  };
  await walk(dir);
  return size;
}
