/**
 * The check of `--out` before anything is written. A build replaces its
 * output folder whole, so the folder must be one this tool made (or a new or
 * empty one), and never the content, the project, the working folder, or a
 * folder holding any of them: `--out .` would otherwise replace a project,
 * `.git` and articles included, with a site.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';
import { hasSiteStamp, SITE_STAMP } from './site-stamp.ts';

/** What `checkOutputFolder` protects besides the output folder itself. */
export interface OutputFolderContext {
  /** The content folder as given on the command line. */
  contentDir: string;
  /** The working folder (default: `process.cwd()`). */
  cwd?: string;
  /** This tool's own folder, the one holding its package.json (default: none). */
  projectRoot?: string;
}

type OutputRule = 'output-folder-overlaps-content' | 'output-folder-holds-project' | 'output-folder-not-a-site';

/**
 * Returns one error when building into `outDir` could replace or mix with
 * something the tool did not make; none when it is safe. Reads the file
 * system, writes nothing.
 */
export function checkOutputFolder(outDir: string, context: OutputFolderContext): Diagnostic[] {
  const out = realPathOf(outDir);
  const content = realPathOf(context.contentDir);
  const cwd = realPathOf(context.cwd ?? process.cwd());
  const report = (ruleId: OutputRule, reason: string): Diagnostic[] => {
    const entry = RULES[ruleId];
    return [{ file: outDir, line: 0, column: 0, severity: entry.severity, reason, ruleId, source: entry.source, note: entry.hint }];
  };

  if (out === content) return report('output-folder-overlaps-content', `output folder "${outDir}" is the content folder`);
  if (isInside(out, content)) return report('output-folder-overlaps-content', `output folder "${outDir}" is inside the content folder "${context.contentDir}"`);
  if (isInside(content, out)) return report('output-folder-overlaps-content', `output folder "${outDir}" contains the content folder "${context.contentDir}"`);

  const protectedFolders: [string, string][] = [[cwd, 'the working folder']];
  const repo = findRepositoryRoot(cwd);
  if (repo) protectedFolders.push([repo, `the repository "${repo}"`]);
  if (context.projectRoot) protectedFolders.push([realPathOf(context.projectRoot), `the quote-archive project "${context.projectRoot}"`]);
  for (const [folder, what] of protectedFolders) {
    if (out === folder) return report('output-folder-holds-project', `output folder "${outDir}" is ${what}`);
    if (isInside(folder, out)) return report('output-folder-holds-project', `output folder "${outDir}" contains ${what}`);
  }

  let info;
  try {
    info = statSync(out);
  } catch {
    return []; // A new folder: the first build creates it.
  }
  if (!info.isDirectory()) return report('output-folder-not-a-site', `output folder "${outDir}" exists and is not a folder`);
  if (hasSiteStamp(out)) return [];
  const entries = readdirSync(out);
  if (entries.length === 0) return [];
  return report('output-folder-not-a-site', `output folder "${outDir}" holds ${entries.length === 1 ? '1 entry' : `${entries.length} entries`} and no ${SITE_STAMP} file, so it was not built by quote-archive`);
}

/** The folder's real path; for a path that does not exist yet, the real path of its nearest existing parent plus the rest. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/** Tells whether `inner` lies strictly inside `outer` (both real, absolute paths). */
export function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The nearest folder at or above `dir` holding `.git`, or null. */
function findRepositoryRoot(dir: string): string | null {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}
