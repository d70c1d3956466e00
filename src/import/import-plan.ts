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
import { normalizeUrl } from '../load/collisions.ts';

function slugOfName(name: string): string {
  return name.replace(/\.md$/, '');
}

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
  /** The articles already in the content folder (default: none): an import never makes a second page of one. */
  existing?: readonly ExistingArticle[];
}

/** An article already in the content folder, as far as duplicates go. */
export interface ExistingArticle {
  /** Its file. */
  file: string;
  /** Its page name (`articleSlug`). */
  id: string;
  url: string | null;
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
    // The same article under another file name would be a second page of it (the build refuses two pages with one slug or url).
    const twin = (options.existing ?? []).find((a) => path.resolve(a.file) !== path.resolve(target)
      && (a.id === slugOfName(result.file!.name) || (a.url !== null && result.file!.frontMatter.url !== undefined && normalizeUrl(a.url) === normalizeUrl(result.file!.frontMatter.url))));
    if (twin) {
      const dup = RULES['import-duplicate-article'];
      diagnostics.push({ file: input.path, line: 1, column: 1, severity: dup.severity, ruleId: 'import-duplicate-article', source: dup.source, note: dup.hint,
        reason: `this article is already in the content folder as ${twin.file} (same ${twin.id === slugOfName(result.file.name) ? 'date and title' : 'url'})` });
      continue;
    }
    files.push({ path: target, text: result.file.text, from: input.path, replaces });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { files: [], diagnostics };
  return { files, diagnostics };
}
