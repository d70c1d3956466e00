/**
 * Output files a rebuild takes from the previous site instead of making
 * them again. A step that would write the same bytes (its inputs hash to a
 * key the build cache knows) records which files it wrote and their content
 * hashes; the next build checks the previous site still holds exactly those
 * bytes and hard-links them into its temporary folder (a copy where links
 * cannot be made), so the atomic swap still puts a whole new site in place.
 * Any difference (a file edited, removed or never written) makes the step
 * run as usual: a reuse can only ever give the bytes the step would write.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** One output file: its path relative to the site's root (with `/`), and the SHA-256 of its bytes. */
export interface OutputFile {
  path: string;
  sha256: string;
}

/** The SHA-256 of `bytes`, hex. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The files at `paths` (relative to `root`) with their content hashes, or `null` when one cannot be read. */
export async function describeOutputFiles(root: string, paths: readonly string[]): Promise<OutputFile[] | null> {
  try {
    return await Promise.all(paths.map(async (file) => ({ path: file, sha256: contentHash(await readFile(path.join(root, file))) })));
  } catch {
    return null;
  }
}

/** Every regular file under `dir`, as paths relative to `root` with `/`, sorted. */
export async function listOutputFiles(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

/** A cached value read back as a list of output files, or `undefined` when it does not have that shape. */
export function asOutputFiles(value: unknown): OutputFile[] | undefined {
  return Array.isArray(value) && value.every((f) => f && typeof f.path === 'string' && typeof f.sha256 === 'string' && !f.path.split('/').includes('..'))
    ? (value as OutputFile[])
    : undefined;
}

/**
 * Puts `files` of the previous site `previousRoot` into `root`, when every
 * one of them still has its recorded bytes there; resolves to whether it
 * did. Checked first, linked after, so a mismatch leaves `root` untouched.
 */
export async function reuseOutputFiles(previousRoot: string, root: string, files: readonly OutputFile[]): Promise<boolean> {
  const found = await describeOutputFiles(previousRoot, files.map((f) => f.path));
  if (!found || found.some((f, i) => f.sha256 !== files[i]?.sha256)) return false;
  const folders = new Set(files.map((f) => path.dirname(path.join(root, f.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(files.map(async (f) => {
    const from = path.join(previousRoot, f.path);
    const to = path.join(root, f.path);
    // A link costs no bytes; another file system or a link limit gets a copy of the same bytes.
    await link(from, to).catch(() => copyFile(from, to));
  }));
  return true;
}
