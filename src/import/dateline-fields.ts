/**
 * Fills a draft from the dateline of its first paragraph: the `dateline`
 * itself, the outlet in parentheses when no `source` was found before, and
 * the date (or, when the dateline gives no year, the month and day, kept
 * aside for the message).
 */
import type { ArticleDraft, InputPosition } from './article-draft.ts';
import { findDateline } from './dateline.ts';
import { findWeekdays } from './written-dates.ts';

/** Reads the dateline of `paragraph` into `draft`; `at` maps an offset in the paragraph to its place in the input. */
export function applyDateline(draft: ArticleDraft, paragraph: string, at: (index: number) => InputPosition): void {
  draft.weekdays = findWeekdays(paragraph);
  const dateline = findDateline(paragraph);
  if (!dateline) return;
  if (draft.fields.dateline === undefined) {
    draft.fields.dateline = dateline.text;
    draft.positions.dateline = at(0);
  }
  if (dateline.source && draft.fields.source === undefined) {
    draft.fields.source = dateline.source.name;
    draft.positions.source = at(dateline.source.index);
  }
  if (draft.fields.date !== undefined) return;
  if (dateline.date) {
    draft.fields.date = dateline.date;
    draft.positions.date = at(0);
  } else if (dateline.monthDay) {
    const { text, month, day, index } = dateline.monthDay;
    draft.partialDate = { text, month, day, at: at(index) };
  }
}
