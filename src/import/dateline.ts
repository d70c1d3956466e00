/**
 * The wire dateline that opens a news story: "BEIJING, Jan. 14 (Xinhua) --",
 * "ROTTERDAM (Harbour Wire) —", "LONDON, March 9, 2023 (Reuters) -",
 * "ST. LOUIS, Mo. —". It names the place, often the day, and, in
 * parentheses, the outlet.
 */
import { MONTH_PATTERN, isCalendarDay, isoDate, monthNumber } from './written-dates.ts';

/** What a dateline says; offsets are into the paragraph given. */
export interface FoundDateline {
  /** Place and day as the front matter's `dateline` keeps them: "BEIJING, Jan. 14". */
  text: string;
  /** The outlet in parentheses, when given. */
  source?: { name: string; index: number };
  /** YYYY-MM-DD when the dateline gives the year. */
  date?: string;
  /** Month and day when it gives no year. */
  monthDay?: { text: string; month: number; day: number; index: number };
}

const PLACE = "[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*";
const REGION = "[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*)*";
const DAY = `(${MONTH_PATTERN})\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?`;
const DATELINE = new RegExp(`^(${PLACE})(?:,\\s*(?!${MONTH_PATTERN}\\s+\\d)(${REGION}))?(?:,\\s*${DAY})?\\s*(?:\\(([^()\\n]{2,60})\\))?\\s*(?:--|—|–|-)\\s+`);

/** The dateline opening `paragraph`, or null when it has none. */
export function findDateline(paragraph: string): FoundDateline | null {
  const match = DATELINE.exec(paragraph);
  if (!match) return null;
  const [, place = '', region, monthName, dayText, yearText, source] = match;
  // Without the outlet in parentheses, only an all-capitals place of some length reads as a dateline ("A -" is no place;
  // "FILE -" opens AP photo captions).
  if (!source && (place.replace(/[^A-Z]/g, '').length < 3 || place === 'FILE')) return null;
  let text = region ? `${place}, ${region}` : place;
  const found: FoundDateline = { text };
  if (monthName && dayText) {
    const month = monthNumber(monthName);
    const day = Number(dayText);
    const written = paragraph.slice(match.index, match[0].length).match(new RegExp(`${MONTH_PATTERN}\\s+\\d{1,2}(?:,\\s*\\d{4})?`));
    if (month !== null && written) {
      const index = paragraph.indexOf(written[0]);
      const dayOnly = written[0].replace(/,\s*\d{4}$/, '');
      text = `${text}, ${written[0]}`;
      found.text = text;
      if (yearText && isCalendarDay(Number(yearText), month, day)) found.date = isoDate(Number(yearText), month, day);
      else if (!yearText && isCalendarDay(2000, month, day)) found.monthDay = { text: dayOnly, month, day, index };
    }
  }
  if (source) found.source = { name: source.trim(), index: paragraph.indexOf(`(${source})`) + 1 };
  return found;
}
