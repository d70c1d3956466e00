/**
 * Splits a content file into YAML front matter and body, validates the front
 * matter against a zod schema, and reports every problem at its real line
 * and column in the file. Pure: a SourceFile in, a LoadedArticle (or null)
 * and diagnostics out.
 */
import matter from 'gray-matter';
import { z } from 'zod';
import type { Diagnostic, FrontMatter, LoadedArticle, SourceFile } from '../archive/types.ts';
import { RULES, type RuleId } from '../diagnostics/messages.ts';
import { lineAt, offsetToPosition } from '../diagnostics/position.ts';

/** Options of `loadArticle`. */
export interface LoadArticleOptions {
  /** Today as YYYY-MM-DD, for the future-date warning (default: the current UTC date). */
  today?: string;
}

/** Where a top-level front-matter key sits in the file. */
export interface KeyLocation {
  /** 1-based line of the key in the file. */
  line: number;
  /** 1-based column of the key. */
  keyColumn: number;
  /** 1-based column where the value starts (after `key: `). */
  valueColumn: number;
  /** The value as written on that line: comment, surrounding quotes and spaces removed. */
  raw: string;
  /** Length of the written value on the line, quotes included (for the caret's reach). */
  rawLength: number;
}

const FRONT_MATTER_FIRST_LINE = 2;
// Blank or zero-width characters only: a body like that renders as an empty page.
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;

// gray-matter's own YAML engine (js-yaml safeLoad). We split the file ourselves
// because we need exact offsets, and because gray-matter would otherwise accept
// `---js` front matter and eval it: content is data, never code.
interface YamlState { input: string; position: number; kind: string | null }
const parseYaml = (matter as unknown as { engines: { yaml: { parse: (text: string, options?: { listener?: (event: 'open' | 'close', state: YamlState) => void }) => unknown } } }).engines.yaml.parse;

/** Thrown from inside the YAML parser at the first alias, to stop it there. */
class YamlAliasFound {
  constructor(readonly offset: number, readonly name: string) {}
}

/**
 * Parses front matter YAML, refusing aliases (`*name`). An alias repeats an
 * anchored value by reference, so eight levels of ten-fold aliases in a
 * 600-byte file stand for 10^8 values and stall every later stage (validation,
 * the JSON export); news front matter never needs them. js-yaml announces
 * each node to a listener: a node that closes without a kind of its own and
 * starts with `*` is an alias, and parsing stops there.
 */
function parseFrontMatterYaml(text: string): unknown {
  const opened: number[] = [];
  return parseYaml(text, {
    listener(event, state) {
      if (event === 'open') {
        opened.push(state.position);
        return;
      }
      let at = opened.pop() ?? 0;
      if (state.kind !== null) return;
      // Skip the separation (spaces, line breaks, comments) js-yaml read before the node.
      for (;;) {
        const ch = state.input[at];
        if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') at++;
        else if (ch === '#') while (at < state.input.length && state.input[at] !== '\n') at++;
        else break;
      }
      if (state.input[at] === '*') throw new YamlAliasFound(at, /^\*([^\s,[\]{}]*)/.exec(state.input.slice(at, at + 200))?.[1] ?? '');
    },
  });
}

/** Tells whether `value` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last of this one; setUTCFullYear, unlike Date.UTC, keeps years 0–99 (0000 is leap, 1900 is not).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const daysInMonth = last.getUTCDate();
  return day <= daysInMonth;
}

/** Tells whether `value` is an absolute http(s) address that can be published as a link. */
export function isWebUrl(value: string): boolean {
  if (/[\s<>"`]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// URL- and file-name-safe: no slashes, spaces or dot segments can reach a page path.
const SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$/;

/** Which part of `SLUG` a text breaks, so the message names the rule the user broke (`-lead` is all allowed characters). */
function slugProblem(slug: string): string {
  if (slug === '') return 'is empty';
  if (!/^[A-Za-z0-9]/.test(slug)) return 'must start with a letter or digit';
  if (slug.includes('..')) return 'may not contain two dots in a row';
  return 'may only contain letters, digits, hyphens, underscores and single dots';
}
// BCP 47 tags compare case-insensitively: `en`, `EN`, `en-GB`, `zh-Hant-TW`.
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The front matter schema; unknown keys pass through untouched. */
export const frontMatterSchema = z.looseObject({
  title: z.string().refine((s) => !BLANK.test(s)),
  date: z.string().refine(isCalendarDate),
  source: z.string().refine((s) => !BLANK.test(s)),
  url: z.string().refine(isWebUrl).optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  language: z.string().regex(LANGUAGE).optional(),
  slug: z.string().regex(SLUG).optional(),
  speakers: z.record(z.string(), z.string()).optional(),
});

const REQUIRED = ['title', 'date', 'source'] as const;
// Fields read as text: YAML turns `title: 1984` into a number and `date: 2021-01-14`
// into a Date, so these take the scalar exactly as written instead.
const TEXT_FIELDS = ['title', 'date', 'source', 'url', 'byline', 'dateline', 'language', 'slug'] as const;

interface Split {
  yamlText: string;
  yamlOffset: number;
  closingLine: number;
  bodyOffset: number;
}

/** Loads every file with `loadArticle`: the articles that loaded, and every file's diagnostics. Pure. */
export function loadArticles(files: readonly SourceFile[]): { loaded: LoadedArticle[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedArticle[] = [];
  for (const file of files) {
    const result = loadArticle(file);
    diagnostics.push(...result.diagnostics);
    if (result.article) loaded.push(result.article);
  }
  return { loaded, diagnostics };
}

/**
 * Loads one content file: front matter validated, body located. Pure.
 * `bodyOffset` is an offset into `file.value` (BOM included, if any), so
 * `file.value.slice(bodyOffset) === article.body`.
 */
export function loadArticle(file: SourceFile, options: LoadArticleOptions = {}): { article: LoadedArticle | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const text = file.value;
  const report = (ruleId: RuleId, reason: string, line: number, column: number, endColumn?: number, note?: string) => {
    const entry = RULES[ruleId];
    const d: Diagnostic = { file: file.path, line, column, severity: entry.severity, reason, ruleId, source: entry.source, note: note ?? entry.hint };
    if (endColumn !== undefined && endColumn > column) {
      d.endLine = line;
      d.endColumn = endColumn;
    }
    const excerpt = lineAt(text, line);
    if (excerpt !== null) d.excerpt = excerpt;
    diagnostics.push(d);
  };

  const split = splitFrontMatter(text, report);
  if (!split) return { article: null, diagnostics };

  let data: unknown;
  try {
    data = parseFrontMatterYaml(split.yamlText);
  } catch (error) {
    if (error instanceof YamlAliasFound) {
      const at = offsetToPosition(text, split.yamlOffset + error.offset);
      report('yaml-alias', `unexpected YAML alias \`*${error.name}\`, expected the value written out`, at.line, at.column, at.column + 1 + error.name.length);
      return { article: null, diagnostics };
    }
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const yamlLines = split.yamlText.split('\n');
    // js-yaml marks "end of stream" one line past the text: point at the closing `---` instead.
    const markLine = Math.min(mark?.line ?? 0, yamlLines.length - 1);
    const explained = explainYamlError(yamlLines, markLine, reason);
    if (explained) {
      report('yaml-syntax-error', explained.reason, FRONT_MATTER_FIRST_LINE + explained.line, explained.column + 1, undefined, `The YAML parser says: ${reason}. ${RULES['yaml-syntax-error'].hint}`);
    } else {
      // js-yaml gives a negative column for some errors (a duplicated key with an empty value): clamp to the line.
      report('yaml-syntax-error', `front matter is not valid YAML: ${reason}`, FRONT_MATTER_FIRST_LINE + markLine, Math.max(0, mark?.column ?? 0) + 1);
    }
    return { article: null, diagnostics };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    report('front-matter-not-a-mapping', `front matter must be \`key: value\` lines, got ${describeValue(data)}`, FRONT_MATTER_FIRST_LINE, 1);
    return { article: null, diagnostics };
  }

  const locations = locateFrontMatterKeys(text);
  const input: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of TEXT_FIELDS) {
    const value = input[key];
    const raw = locations.get(key)?.raw;
    if (value === null || value === undefined || value === '') {
      // `url:` with nothing after it means "no url", not a malformed one.
      if (value !== undefined) delete input[key];
    } else if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') {
      input[key] = raw !== undefined && raw !== '' ? raw : value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : String(value);
    }
  }

  const parsed = frontMatterSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (seen.has(key)) continue;
      seen.add(key);
      reportIssue(key, input[key], locations.get(key), report);
    }
  }

  const bodyOffset = split.bodyOffset;
  const body = text.slice(bodyOffset);
  const bodyLine = offsetToPosition(text, bodyOffset).line - 1;
  if (BLANK.test(body)) {
    report('empty-body', 'article body is empty: there is no text after the front matter', split.closingLine, 1);
  }

  if (parsed.success) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const date = parsed.data.date;
    if (date > today) {
      const at = locations.get('date');
      report('future-date', `date "${date}" is in the future`, at?.line ?? 1, at?.valueColumn ?? 1, at ? at.valueColumn + at.rawLength : undefined);
    }
  }

  if (diagnostics.some((d) => d.severity === 'error') || !parsed.success) return { article: null, diagnostics };
  const frontMatter = parsed.data as FrontMatter;
  return { article: { file: file.path, frontMatter, body, bodyLine, bodyOffset }, diagnostics };
}

function splitFrontMatter(text: string, report: (ruleId: RuleId, reason: string, line: number, column: number) => void): Split | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const opening = /^---[ \t]*([^\s-][^\r\n]*?)?[ \t]*(?:\r?\n|$)/.exec(text.slice(start));
  if (!opening) {
    report('missing-front-matter', 'missing front matter: the file must start with a `---` line', 1, 1);
    return null;
  }
  const language = (opening[1] ?? '').trim();
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    report('unsupported-front-matter-language', `front matter language "${language}" is not supported, expected YAML`, 1, 4);
    return null;
  }
  const yamlOffset = start + opening[0].length;
  const closing = /^---[ \t]*\r?$/m;
  const rest = text.slice(yamlOffset);
  const match = closing.exec(rest);
  if (!match) {
    report('unclosed-front-matter', 'front matter is never closed: expected a `---` line after it', 1, 1);
    return null;
  }
  const closingOffset = yamlOffset + match.index;
  const closingLine = offsetToPosition(text, closingOffset).line;
  let bodyOffset = closingOffset + match[0].length;
  if (text[bodyOffset] === '\n') bodyOffset++;
  return { yamlText: text.slice(yamlOffset, closingOffset), yamlOffset, closingLine, bodyOffset };
}

/**
 * Finds each top-level front-matter key of a content file: its line, the
 * column of its value and the value as written. Keys nested under a mapping
 * are found as `parent.child`. Used to place diagnostics on the real line.
 */
export function locateFrontMatterKeys(text: string): Map<string, KeyLocation> {
  const locations = new Map<string, KeyLocation>();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!/^---/.test(lines[0] ?? '')) return locations;
  let parent: string | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (/^---[ \t]*$/.test(line)) break;
    const match = /^([ \t]*)("[^"]*"|'[^']*'|[^\s#:"'][^:#]*?)[ \t]*:(?:[ \t]+|$)/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    const key = match[2]!.replace(/^["']|["']$/g, '');
    if (indent === 0) parent = key;
    else if (parent === null) continue;
    const name = indent === 0 ? key : `${parent}.${key}`;
    if (locations.has(name)) continue;
    const valueStart = match[0].length;
    const written = stripComment(line.slice(valueStart)).trimEnd();
    locations.set(name, {
      line: i + 1,
      keyColumn: indent + 1,
      valueColumn: valueStart + 1,
      raw: unquote(written),
      rawLength: written.length,
    });
  }
  return locations;
}

/**
 * Turns the YAML parser's generic complaint into the mistake curators make:
 * a `: ` inside an unquoted value (a headline like `Breaking: ...`), text
 * after a closing quote, a value starting with a reserved character, or a
 * quote never closed. Looks at top-level `key: value` lines up to the line
 * the parser stopped at (0-based, within the YAML). Null when none applies.
 */
function explainYamlError(lines: readonly string[], markLine: number, parserReason: string): { line: number; column: number; reason: string } | null {
  for (let i = 0; i < lines.length && i <= markLine; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const match = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(?=\S)/.exec(line);
    if (!match) continue;
    const key = match[1]!;
    const start = match[0].length;
    const value = line.slice(start);
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const closed = quote === '"' ? /^"(?:[^"\\]|\\.)*"/.exec(value) : /^'(?:[^']|'')*'/.exec(value);
      if (!closed) {
        if (/quoted scalar/.test(parserReason)) {
          return { line: i, column: start, reason: `unexpected end of the front matter inside the quoted value of \`${key}\`, expected a closing ${quote}` };
        }
        continue;
      }
      const after = value.slice(closed[0].length);
      const extra = after.search(/\S/);
      if (extra !== -1 && after[extra] !== '#') {
        return { line: i, column: start + closed[0].length + extra, reason: `unexpected text after the quoted value of \`${key}\`, expected the whole value inside the quotes` };
      }
      continue;
    }
    if (quote === '@' || quote === '`') {
      return { line: i, column: start, reason: `unexpected ${quote} at the start of the value of \`${key}\`, expected the value in quotes` };
    }
    if (quote === '[' || quote === '{' || quote === '|' || quote === '>' || quote === '&' || quote === '*' || quote === '!') continue;
    const colon = stripComment(value).search(/:(?:[ \t]|$)/);
    if (colon !== -1) {
      return { line: i, column: start + colon, reason: `unexpected ": " in the value of \`${key}\`, expected the value in quotes (${key}: "${stripComment(value).trim().replace(/"/g, '\\"')}")` };
    }
  }
  return null;
}

function stripComment(value: string): string {
  const quotedValue = /^"(?:[^"\\]|\\.)*"|^'(?:[^']|'')*'/.exec(value);
  if (quotedValue) return quotedValue[0];
  const hash = value.search(/(^|[ \t])#/);
  return hash === -1 ? value : value.slice(0, hash);
}

function unquote(value: string): string {
  const match = /^"(.*)"$|^'(.*)'$/.exec(value);
  if (!match) return value;
  return match[1] !== undefined ? match[1] : match[2]!.replace(/''/g, "'");
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true/false' : typeof value}`;
}

function quoted(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : String(value));
}

function reportIssue(
  key: string,
  value: unknown,
  at: KeyLocation | undefined,
  report: (ruleId: RuleId, reason: string, line: number, column: number, endColumn?: number) => void,
): void {
  if ((REQUIRED as readonly string[]).includes(key) && value === undefined && at) {
    // `title:` with nothing after it: the key is there, its value is not.
    report(key === 'title' ? 'invalid-title' : key === 'source' ? 'invalid-source' : 'invalid-date', `${key} is empty`, at.line, at.keyColumn);
    return;
  }
  if ((REQUIRED as readonly string[]).includes(key) && value === undefined) {
    report(`missing-front-matter-${key as (typeof REQUIRED)[number]}`, `missing front matter \`${key}\``, 1, 1);
    return;
  }
  const line = at?.line ?? 1;
  const column = at?.valueColumn ?? 1;
  const end = at ? at.valueColumn + Math.max(at.rawLength, 1) : undefined;
  const isText = typeof value === 'string';
  switch (key) {
    case 'title':
    case 'source':
      report(key === 'title' ? 'invalid-title' : 'invalid-source', isText ? `${key} is empty` : `${key} must be text, got ${describeValue(value)}`, line, column, end);
      return;
    case 'date':
      report('invalid-date', isText ? `date ${quoted(value)} is not a calendar date (YYYY-MM-DD)` : `date must be a calendar date (YYYY-MM-DD), got ${describeValue(value)}`, line, column, end);
      return;
    case 'url':
      report('invalid-url', isText ? `url ${quoted(value)} is not a web address (http:// or https://)` : `url must be a web address, got ${describeValue(value)}`, line, column, end);
      return;
    case 'slug':
      report('invalid-slug', isText ? `slug ${quoted(value)} ${slugProblem(value)}` : `slug must be text, got ${describeValue(value)}`, line, column, end);
      return;
    case 'language':
      report('invalid-language', isText ? `language ${quoted(value)} is not a language code (e.g. "en")` : `language must be a language code, got ${describeValue(value)}`, line, column, end);
      return;
    case 'speakers':
      report('invalid-front-matter-field', 'speakers must map names to canonical names (`Name as written: Canonical Name`)', line, at?.keyColumn ?? 1);
      return;
    default:
      report('invalid-front-matter-field', `${key} must be text, got ${describeValue(value)}`, line, column, end);
  }
}
