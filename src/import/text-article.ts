/**
 * Reads a raw article saved as plain text: an optional header (headline on
 * the first line, "By …" byline, a date line, "Source:" and address lines),
 * then the body, whose first paragraph may open with a wire dateline. Only
 * what the text states is taken: dates elsewhere in the body (a photo
 * caption's "Feb. 7, 2020") or outlets it cites ("Reuters reported") are
 * never read as the article's own.
 */
import type { ArticleDraft } from './article-draft.ts';
import { applyDateline } from './dateline-fields.ts';
import { findDateline } from './dateline.ts';
import { findFullDate } from './written-dates.ts';

/** A headline: one short line, no sentence-ending period or colon, not a dateline. */
function isHeadline(line: string, rest: readonly string[]): boolean {
  if (line.length > 200 || line.split(/\s+/).length > 30) return false;
  if (/[.,;:]$/.test(line)) return false;
  if (findDateline(line)) return false;
  // A short opening paragraph that is a quote ("We will not back down," she said) is body, not a headline.
  if (/["“”]/.test(line) && /\b(?:said|says|told|added)\b/.test(line)) return false;
  // A headline heads something: there must be a body after it.
  return rest.some((l) => l.trim() !== '');
}

/** Turns the text of one saved article into a draft (see the module comment). */
export function readTextArticle(file: string, raw: string): ArticleDraft {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const draft: ArticleDraft = { file, fields: {}, positions: {}, weekdays: [], body: '' };
  const { fields, positions } = draft;
  let i = 0;
  let first = true;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const at = { line: i + 1, column: (lines[i] ?? '').indexOf(line) + 1 };
    let match: RegExpExecArray | null;
    if (first && isHeadline(line, lines.slice(i + 1))) {
      fields.title = line;
      positions.title = at;
    } else if ((match = /^by\s+([^\d].{1,80})$/i.exec(line)) && !/[.!?]$/.test(line)) {
      fields.byline = match[1]!.trim();
      positions.byline = at;
    } else if ((match = /^(?:(published|posted|updated|date)\b:?\s*(?:on\s+)?)?(.{6,40})$/i.exec(line)) && findFullDate(match[2]!)?.index === 0) {
      // "Updated" lines follow the publication date: the article's date is the first one only.
      if (fields.date === undefined && !/^updated/i.test(match[1] ?? '')) {
        fields.date = findFullDate(match[2]!)!.date;
        positions.date = at;
      }
    } else if ((match = /^(?:source|outlet|publisher)\s*:\s*(.+)$/i.exec(line))) {
      fields.source = match[1]!.trim();
      positions.source = at;
    } else if ((match = /^(?:(?:url|link|original)\s*:\s*)?(https?:\/\/\S+)$/i.exec(line))) {
      fields.url = match[1]!;
      positions.url = at;
    } else {
      break;
    }
    first = false;
  }
  const bodyLine = i;
  // Indentation means nothing in raw text, but four spaces would make a Markdown code block, whose quotes no one would see.
  const paragraphs = lines.slice(bodyLine).map((l) => l.trim()).filter((l) => l !== '');
  draft.body = paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '';
  const opening = lines[bodyLine] ?? '';
  const indent = opening.length - opening.trimStart().length;
  applyDateline(draft, opening.trim(), (index) => ({ line: bodyLine + 1, column: indent + index + 1 }));
  return draft;
}
