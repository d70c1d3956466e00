/**
 * The only place that decides the text users read about problems:
 * `path:line:col: error: message [source:ruleId]`, the offending line with a
 * caret under the column, an optional indented note, and a summary line.
 */
import type { Diagnostic } from '../archive/types.ts';
import { lineAt } from './position.ts';

/** Counts of diagnostics by severity. */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

/**
 * Sorts diagnostics by file, line, column, then severity (errors first),
 * rule and reason, so a report reads top to bottom like the files and two
 * runs print the same text. Returns a new array.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file)
    || a.line - b.line
    || a.column - b.column
    || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
    || compareStrings(a.ruleId, b.ruleId)
    || compareStrings(a.reason, b.reason);
}

// Code-unit order, not localeCompare: the same on every machine and locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts errors and warnings. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Tells whether any diagnostic is an error (the build must then fail). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Formats counts as `2 errors, 1 warning` (or `no problems`). */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const parts: string[] = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** Longest source line printed under a diagnostic, and how much of it comes before the column. */
const MAX_SHOWN_LINE = 160;
const SHOWN_BEFORE = 60;

/**
 * Formats one diagnostic: the header line, then (when the line is known from
 * `fileText` or `excerpt`) the source line with a caret under the column, then
 * the note.
 */
export function formatDiagnostic(diagnostic: Diagnostic, fileText?: string): string {
  const d = diagnostic;
  // Line 0 marks a problem with a whole file or folder (a failed site build): no position to give.
  const place = d.line > 0 ? `${clean(d.file)}:${d.line}:${d.column}` : clean(d.file);
  const lines = [`${place}: ${d.severity}: ${clean(d.reason)} [${clean(d.source)}:${clean(d.ruleId)}]`];
  const sourceLine = d.line < 1 ? null : (fileText === undefined ? null : lineAt(fileText, d.line)) ?? d.excerpt ?? null;
  if (sourceLine !== null && sourceLine.trim() !== '') {
    let shown = clean(sourceLine.replace(/\r$/, ''));
    let column = d.column;
    // A long line (a pasted paragraph, a hostile file) is shown as a window around the column, not whole.
    if (shown.length > MAX_SHOWN_LINE) {
      const from = Math.max(0, Math.min(column - 1 - SHOWN_BEFORE, shown.length - MAX_SHOWN_LINE));
      const to = Math.min(shown.length, from + MAX_SHOWN_LINE);
      shown = `${from > 0 ? '…' : ''}${shown.slice(from, to)}${to < shown.length ? '…' : ''}`;
      column = column - from + (from > 0 ? 1 : 0);
    }
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    // Tabs are copied into the caret line so the caret sits under the same column on any tab width.
    const before = shown.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
    const width = d.endLine === d.line && d.endColumn !== undefined && d.endColumn > d.column
      ? Math.min(d.endColumn - d.column, Math.max(1, shown.length - column + 1))
      : 1;
    lines.push(`${gutter} | ${shown}`, `${pad} | ${before}^${'~'.repeat(width - 1)}`);
  }
  if (d.note) lines.push(`  note: ${clean(d.note)}`);
  return lines.join('\n');
}

/**
 * Formats every diagnostic, sorted, each followed by its source line, and a
 * closing summary line. Returns '' when there is nothing to report.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], fileTexts: ReadonlyMap<string, string> = new Map()): string {
  if (diagnostics.length === 0) return '';
  const blocks = sortDiagnostics(diagnostics).map((d) => formatDiagnostic(d, fileTexts.get(d.file)));
  return `${blocks.join('\n')}\n${summarizeDiagnostics(diagnostics)}\n`;
}

// Content reaches the terminal through messages and source lines: control
// characters (ANSI escapes, backspaces) would let a file rewrite what the user sees.
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => (c === '\n' ? ' ' : '\uFFFD'));
}
