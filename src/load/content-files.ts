/**
 * The input edge: finds content files and reads them as UTF-8 text. Files
 * that cannot be read or decoded become diagnostics, never a half-read
 * article; only a missing content folder throws.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Diagnostic, SourceFile } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';

/** Thrown when the content folder itself is missing or not a folder. */
export class ContentFolderError extends Error {
  override name = 'ContentFolderError';
  /** The folder as given. */
  readonly folder: string;
  constructor(folder: string, options: { cause?: unknown } = {}) {
    super(`content folder "${folder}" does not exist or is not a folder`, options);
    this.folder = folder;
  }
}

/**
 * Lists every `**\/*.md` file under `dir`, sorted by path, as `dir`-joined
 * paths. Hidden entries (`.git`, `.DS_Store`, editor swap files) and
 * `node_modules` are skipped; symbolic links to folders are not followed, so
 * a link loop cannot hang the build; links that lead outside `dir` are left
 * out (`scanContentFolder` reports them).
 */
export async function findContentFiles(dir: string): Promise<string[]> {
  return (await scanContentFolder(dir)).paths;
}

/**
 * Like `findContentFiles`, and reports every symbolic link (to a file or a
 * folder) that resolves outside the content folder as an error: content is
 * what is inside `content/`, so a link to a private file or a system file is
 * never read, let alone published. The report names the link only, never
 * its target or a line of it. Links to folders inside are skipped silently
 * (their files are listed where they really are).
 */
export async function scanContentFolder(dir: string): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    throw new ContentFolderError(dir, { cause: error });
  }
  const outside = (path: string, what: string): void => {
    const entry = RULES['symlink-outside-content'];
    diagnostics.push({ file: path, line: 0, column: 0, severity: entry.severity, reason: `${what} is a symbolic link that leads outside the content folder; it is not read`, ruleId: 'symlink-outside-content', source: entry.source, note: entry.hint });
  };
  const walk = async (folder: string, isRoot: boolean): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw new ContentFolderError(dir, { cause: error });
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      const isMarkdown = entry.name.toLowerCase().endsWith('.md');
      if (entry.isDirectory()) await walk(path, false);
      else if (entry.isSymbolicLink()) {
        // A dangling link stays listed, so reading it reports it as unreadable.
        const resolved = await realpath(path).catch(() => null);
        const kind = resolved === null ? null : await stat(resolved).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => null);
        if (resolved !== null && !isWithin(resolved, root)) {
          if (isMarkdown || kind === 'folder') outside(path, kind === 'folder' ? 'folder' : 'file');
        } else if (isMarkdown && kind !== 'folder') found.push(path);
      } else if (entry.isFile() && isMarkdown) found.push(path);
    }
  };
  await walk(dir, true);
  // Code-unit order: the same on every machine, locale and file system.
  return { paths: found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), diagnostics };
}

/** Tells whether the real path `inner` is `outer` or lies inside it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Reads files as UTF-8. A leading BOM is dropped by the decoder; invalid
 * UTF-8 and unreadable files become error diagnostics with the position of
 * the first bad byte.
 */
export async function readSourceFiles(paths: readonly string[]): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const results = await Promise.all(paths.map(async (path) => {
    try {
      return { path, bytes: await readFile(path), error: null };
    } catch (error) {
      return { path, bytes: null, error: error as NodeJS.ErrnoException };
    }
  }));
  for (const result of results) {
    if (result.bytes === null) {
      const error = result.error ?? new Error('unknown error');
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'it does not exist' : error.message;
      // A folder passed by name (`extract some-folder`) needs its files listed, not its permissions checked.
      const note = code === 'EISDIR' ? 'Pass the Markdown files inside the folder (e.g. folder/*.md), or build it with `npm run build -- --content folder`.' : RULES['unreadable-file'].hint;
      diagnostics.push({ file: result.path, line: code === 'EISDIR' ? 0 : 1, column: code === 'EISDIR' ? 0 : 1, severity: 'error', reason: `cannot read file: ${why}`, ruleId: 'unreadable-file', source: 'load', note });
      continue;
    }
    if (result.bytes.length > MAX_FILE_BYTES) {
      diagnostics.push({
        file: result.path, line: 1, column: 1, severity: 'error',
        reason: `file is ${(result.bytes.length / 1048576).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1048576} MB an article may have`,
        ruleId: 'file-too-large', source: 'load', note: RULES['file-too-large'].hint,
      });
      continue;
    }
    const decoded = decodeUtf8(result.bytes);
    if (typeof decoded === 'string') {
      files.push({ path: result.path, value: decoded });
    } else {
      const { line, column, byte } = decoded;
      const utf16 = result.bytes.length >= 2 && ((result.bytes[0] === 0xff && result.bytes[1] === 0xfe) || (result.bytes[0] === 0xfe && result.bytes[1] === 0xff));
      diagnostics.push({
        file: result.path, line, column, severity: 'error',
        reason: `file is not valid UTF-8: unexpected byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        ruleId: 'invalid-utf8', source: 'load',
        note: utf16 ? 'The file looks like UTF-16; re-save it as UTF-8.' : RULES['invalid-utf8'].hint,
      });
    }
  }
  return { files, diagnostics };
}

/** Largest content file read (16 MB): news articles are kilobytes; anything this big is a wrong file (a PDF, a dump). */
export const MAX_FILE_BYTES = 16 * 1048576;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, or returns the 1-based line/column and value of the first invalid byte. */
function decodeUtf8(bytes: Uint8Array): string | { line: number; column: number; byte: number } {
  try {
    return decoder.decode(bytes);
  } catch {
    const bad = findInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
    return { line, column: before.length - lineStart + 1, byte: bytes[bad] ?? 0 };
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function findInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let code = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
