/**
 * The files an import reads: each path given, and inside each folder given,
 * every saved article (`.txt`, `.text`, `.html`, `.htm`), sorted, so one
 * command imports a folder of downloads. An I/O edge: it only lists.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const ARTICLE_FILE = /\.(?:txt|text|html?)$/i;

/** True for a saved web page (read as HTML), false for plain text. */
export function isHtmlFile(file: string): boolean {
  return /\.html?$/i.test(file);
}

/** Every file to import from `inputs`, in order, without repeats; a folder without articles is named in `emptyFolders`. */
export async function listInputFiles(inputs: readonly string[]): Promise<{ files: string[]; emptyFolders: string[] }> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    // A missing path is listed anyway: reading it reports the problem the same way as any unreadable file.
    if (!info?.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && ARTICLE_FILE.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    if (found.length === 0) emptyFolders.push(input);
    files.push(...found);
  }
  return { files: [...new Set(files)], emptyFolders };
}
