/**
 * Date labels for pages. Written out by hand instead of `Intl`, so the same
 * archive renders byte-identical pages whatever the machine's locale or ICU.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Formats `YYYY-MM-DD` for reading; anything else is returned as given.
 * @example formatDateLabel('2020-08-05') //=> '5 August 2020'
 */
export function formatDateLabel(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/**
 * Formats `YYYY-MM` for reading; anything else is returned as given.
 * @example formatMonthLabel('2020-08') //=> 'August 2020'
 */
export function formatMonthLabel(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return yearMonth;
  return `${month} ${match[1]}`;
}
