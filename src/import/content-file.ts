/**
 * Turns a draft into the text of a content file, or into the reasons it
 * cannot be one. Nothing is guessed: a required field neither found nor
 * given is an error naming the flag that supplies it, and the text is then
 * checked by the build's own loader, so an import never writes a file the
 * build would refuse.
 */
import { stringify } from 'yaml';
import type { Diagnostic, FrontMatter } from '../archive/types.ts';
import { RULES, type RuleId } from '../diagnostics/messages.ts';
import { articleSlug } from '../link/ids.ts';
import { loadArticle } from '../load/front-matter.ts';
import type { ArticleDraft, DraftFields, InputPosition } from './article-draft.ts';
import { yearsWithWeekday } from './written-dates.ts';

/** Field values the user gives on the command line; they win over what the input says. */
export type GivenFields = DraftFields;

/** The front matter's key order in written files: the README's table order. */
const KEY_ORDER: (keyof DraftFields)[] = ['title', 'date', 'source', 'url', 'byline', 'dateline', 'language'];

/** A content file ready to write: its name (`<slug>.md`) and text. */
export interface ContentFile {
  name: string;
  text: string;
  frontMatter: FrontMatter;
}

/** Options of `toContentFile`. */
export interface ContentFileOptions {
  /** Today as YYYY-MM-DD, for the loader's future-date check and the years offered for a dateline (default: the current UTC date). */
  today?: string;
}

function problem(file: string, ruleId: RuleId, reason: string, at: InputPosition = { line: 1, column: 1 }, note?: string): Diagnostic {
  const entry = RULES[ruleId];
  return { file, line: at.line, column: at.column, severity: entry.severity, reason, ruleId, source: entry.source, note: note ?? entry.hint };
}

/** The hint for a dateline without a year: the flag, and the latest years whose weekday matches the text's, as candidates only. */
function yearHint(draft: ArticleDraft, today: string): string {
  const partial = draft.partialDate!;
  const weekday = draft.weekdays[0];
  const base = RULES['import-date-without-year'].hint;
  if (!weekday) return base;
  const years = yearsWithWeekday(partial.month, partial.day, weekday, Number(today.slice(0, 4)));
  if (years.length === 0) return base;
  return `${base} ${partial.text} was a ${weekday}, as the text says, in ${years.join(', ')}; check the original before choosing.`;
}

/**
 * The content file of `draft` with `given` values applied, or the errors that
 * stop it (every one at once; the file is then not to be written).
 */
export function toContentFile(draft: ArticleDraft, given: GivenFields, options: ContentFileOptions = {}): { file: ContentFile | null; diagnostics: Diagnostic[] } {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const fields: DraftFields = { ...draft.fields };
  for (const key of KEY_ORDER) if (given[key] !== undefined) fields[key] = given[key];
  const diagnostics: Diagnostic[] = [];
  if (fields.title === undefined) diagnostics.push(problem(draft.file, 'import-missing-title', 'no headline found: the text has no title line and the page no title'));
  if (fields.date === undefined && draft.partialDate) {
    diagnostics.push(problem(draft.file, 'import-date-without-year', `the dateline gives "${draft.partialDate.text}" but no year, and no full date was found`, draft.partialDate.at, yearHint(draft, today)));
  } else if (fields.date === undefined) {
    diagnostics.push(problem(draft.file, 'import-missing-date', 'no publication date found: no date line, dated dateline or published-time metadata'));
  }
  if (fields.source === undefined) diagnostics.push(problem(draft.file, 'import-missing-source', 'no outlet found: no dateline credit such as "(Xinhua)", no Source: line and no site name'));
  if (draft.body.trim() === '') diagnostics.push(problem(draft.file, 'import-empty-body', 'no article text found'));
  if (diagnostics.length) return { file: null, diagnostics };

  const frontMatter: Record<string, string> = {};
  for (const key of KEY_ORDER) if (fields[key] !== undefined) frontMatter[key] = fields[key]!;
  // lineWidth 0: a long headline stays on one line, as the README's examples write it.
  const text = `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${draft.body}`;
  const name = `${articleSlug(frontMatter as FrontMatter)}.md`;
  const loaded = loadArticle({ path: name, value: text }, { today });
  const refused = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (refused.length || !loaded.article) {
    return {
      file: null,
      diagnostics: refused.map((d) => problem(draft.file, 'import-invalid-article', `the article would not load: ${d.reason} [${d.source}:${d.ruleId}]`)),
    };
  }
  // Warnings of the loader (a date in the future) are worth showing on the input, but do not stop it.
  const warnings = loaded.diagnostics.map((d) => ({ ...d, file: draft.file, line: 1, column: 1 }));
  return { file: { name, text, frontMatter: loaded.article.frontMatter }, diagnostics: warnings };
}
