/**
 * Turns offsets into the line/column pairs people read. Columns count UTF-16
 * code units, the unit JavaScript offsets and most editors' "go to line:col"
 * use, so a reported position can be pasted into an editor as is.
 */

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Converts a 0-based offset in `text` into a 1-based line and column. Only
 * `\n` starts a line, so CRLF files get the same lines as LF files. Offsets
 * past either end are clamped, so a position is always printable.
 */
export function offsetToPosition(text: string, offset: number): Position {
  const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, text.length));
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  while (next !== -1 && next < clamped) {
    line++;
    lineStart = next + 1;
    next = text.indexOf('\n', lineStart);
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Returns the text of 1-based `line` without its line break, or null when the text has no such line. */
export function lineAt(text: string, line: number): string | null {
  if (!Number.isInteger(line) || line < 1) return null;
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return null;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
