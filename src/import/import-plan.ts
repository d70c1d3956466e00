/**
 * Decides what one import writes: a content file per input, or the reasons
 * it writes nothing. All or nothing: when any input has an error no file is
 * written, so the user fixes the command and runs the same one again
 * (a half-done import would then refuse its own files as existing).
 */
import path from 'node:path';
import type { Diagnostic, SourceFile } from '../archive/types.ts';
import { RULES } from '../diagnostics/messages.ts';
import { toContentFile, type GivenFields } from './content-file.ts';
import { readHtmlArticle } from './html-article.ts';
import { isHtmlFile } from './input-files.ts';
import { readTextArticle } from './text-article.ts';

/** Options of `planImport`. */
export interface ImportPlanOptions {
  /** The content folder the files go to. */
  outDir: string;
  /** Values given on the command line, applied to every input (default: none). */
  given?: GivenFields;
  /** Replace files that exist (default: false). */
  force?: boolean;
  /** Whether a file exists at a path (the caller's I/O). */
  exists: (file: string) => boolean;
  /** Today as YYYY-MM-DD (default: the current UTC date). */
  today?: string;
}

/** One file the import writes. */
export interface PlannedFile {
  /** Where: `<outDir>/<slug>.md`. */
  path: string;
  text: string;
  /** The input it came from. */
  from: string;
  /** True when it replaces a file (only with --force). */
  replaces: boolean;
}

/** The files to write, or none and the errors that stop them (warnings come along either way). */
export function planImport(inputs: readonly SourceFile[], options: ImportPlanOptions): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: PlannedFile[] = [];
  const madeBy = new Map<string, string>();
  for (const input of inputs) {
    const draft = isHtmlFile(input.path) ? readHtmlArticle(input.path, input.value) : readTextArticle(input.path, input.value);
    const result = toContentFile(draft, options.given ?? {}, options.today === undefined ? {} : { today: options.today });
    diagnostics.push(...result.diagnostics);
    if (!result.file) continue;
    const target = path.join(options.outDir, result.file.name);
    const entry = RULES['import-would-overwrite'];
    // Reported on the file that would be replaced, as a whole (line 0): that is the file the user must look at.
    const refuse = (reason: string, note: string = entry.hint): void => {
      diagnostics.push({ file: target, line: 0, column: 0, severity: entry.severity, reason, ruleId: 'import-would-overwrite', source: entry.source, note });
    };
    const earlier = madeBy.get(target);
    if (earlier !== undefined) {
      refuse(`would be made from both ${earlier} and ${input.path}: they give the same date and title`, 'Import one of the two, or give this one its own --title.');
      continue;
    }
    madeBy.set(target, input.path);
    const replaces = options.exists(target);
    if (replaces && !options.force) {
      refuse(`already exists, and importing ${input.path} would replace it; it was left as it was`);
      continue;
    }
    files.push({ path: target, text: result.file.text, from: input.path, replaces });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
  return { files, diagnostics };
}
