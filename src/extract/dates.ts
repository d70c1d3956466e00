/**
 * When words were said: "said on Thursday" in an article dated Friday
 * means the day before. News copy names weekdays of the past week, so a
 * weekday resolves to the latest such day on or before the article date.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|yesterday|today|tonight|last night|this morning|this afternoon|this evening)\b/i;

/** Parses YYYY-MM-DD as a UTC date (no time zones: the article's own calendar day). */
export function parseIsoDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear takes the year as written.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Resolves a day word ("Thursday", "yesterday") against the article date. */
export function resolveDayWord(word: string, articleDate: string): string | null {
  const base = parseIsoDate(articleDate);
  if (!base) return null;
  const w = word.toLowerCase();
  if (w === 'yesterday') return iso(new Date(base.getTime() - 86_400_000));
  if (!WEEKDAYS.includes(w)) return articleDate;
  const back = (base.getUTCDay() - WEEKDAYS.indexOf(w) + 7) % 7;
  return iso(new Date(base.getTime() - back * 86_400_000));
}

/**
 * The day word right around a cue ("said on Thursday", "Thursday said",
 * "told reporters Monday"), if any.
 */
export function dayWordNear(text: string, cueStart: number, cueEnd: number): { word: string; start: number } | null {
  const after = /^\s+(?:on\s+|late\s+|early\s+|earlier\s+|later\s+)?([A-Za-z]+(?: (?:night|morning|afternoon|evening))?)\b/.exec(text.slice(cueEnd, cueEnd + 30));
  if (after) {
    const m = WEEKDAY.exec(after[1]!);
    if (m && m.index === 0) return { word: m[1]!, start: cueEnd + after.index + after[0].lastIndexOf(after[1]!) };
  }
  const before = /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|yesterday|today)\s+(?:(?:also|again|then)\s+)?$/i.exec(text.slice(Math.max(0, cueStart - 30), cueStart));
  if (before) return { word: before[1]!, start: Math.max(0, cueStart - 30) + before.index };
  return null;
}

/** Weekday name of a YYYY-MM-DD date. */
export function weekdayOf(date: string): string | null {
  const d = parseIsoDate(date);
  if (!d) return null;
  const name = WEEKDAYS[d.getUTCDay()]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month and day of a dateline ("BEIJING, Jan. 14 (Wire)"), or null when it gives none. */
export function datelineMonthDay(dateline: string): { month: number; day: number } | null {
  const m = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b/.exec(dateline);
  if (!m) return null;
  return { month: MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, day: Number(m[2]) };
}
