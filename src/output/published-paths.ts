/**
 * Paths as they are published in `archive.json` and `build-report.json`:
 * relative to the content folder, with `/` separators. A deployed site must
 * not reveal the build machine's folders (an absolute `--content` would
 * otherwise publish `/home/<user>/…`), and the same content gives the same
 * records wherever it is built from.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Archive, Diagnostic } from '../archive/types.ts';

/** `file` relative to `contentDir`, `/`-separated; a path outside the folder keeps only its last segment. */
export function toPublishedPath(file: string, contentDir: string): string {
  const rel = relative(contentDir, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return file.split(/[\\/]/).pop() ?? file;
  return rel.split(sep).join('/');
}

/** The archive with every article's `sourceFile` made a published path. */
export function toPublishedArchive(archive: Archive, contentDir: string): Archive {
  return { ...archive, articles: archive.articles.map((a) => ({ ...a, sourceFile: toPublishedPath(a.sourceFile, contentDir) })) };
}

/** Diagnostics with their files made published paths (folder-level ones keep the name the user gave). */
export function toPublishedDiagnostics(diagnostics: readonly Diagnostic[], contentDir: string): Diagnostic[] {
  return diagnostics.map((d) => (d.line > 0 ? { ...d, file: toPublishedPath(d.file, contentDir) } : d));
}
