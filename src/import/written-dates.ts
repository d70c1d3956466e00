/**
 * Dates as news text writes them: "January 14, 2021", "Jan. 14, 2021",
 * "14 January 2021", "2021-01-14", and the dateline's "Jan. 14" (no year).
 * Only calendar dates are accepted: "Feb. 30" is no date.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** A month name or its abbreviation, with the dot news style puts after it. */
export const MONTH_PATTERN = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';

/** The month number of a month name or abbreviation ("Jan.", "january"), or null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** True when year-month-day is a real calendar day. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM-DD of a calendar day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FULL_DATES: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number | null, number] }[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { pattern: new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), read: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])] },
  { pattern: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_PATTERN})\\s+(\\d{4})\\b`, 'i'), read: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])] },
];

/** The first full date (with its year) written in `text`: its YYYY-MM-DD and where it starts, or null. */
export function findFullDate(text: string): { date: string; index: number } | null {
  let best: { date: string; index: number } | null = null;
  for (const { pattern, read } of FULL_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = read(match);
    if (month === null || !isCalendarDay(year, month, day)) continue;
    if (!best || match.index < best.index) best = { date: isoDate(year, month, day), index: match.index };
  }
  return best;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Weekday names used in `text`, in order of first use. */
export function findWeekdays(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)) {
    if (!found.includes(match[1]!)) found.push(match[1]!);
  }
  return found;
}

/**
 * The latest years, up to `untilYear`, in which month/day fell on `weekday`:
 * offered to the user as candidates for a dateline without a year, never picked.
 */
export function yearsWithWeekday(month: number, day: number, weekday: string, untilYear: number, count = 3): number[] {
  const want = WEEKDAYS.indexOf(weekday);
  const years: number[] = [];
  for (let year = untilYear; year > untilYear - 60 && years.length < count; year--) {
    if (isCalendarDay(year, month, day) && new Date(Date.UTC(year, month - 1, day)).getUTCDay() === want) years.push(year);
  }
  return years;
}
