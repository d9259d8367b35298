/**
 * The fiscal calendar: calendar-year fiscal years made of twelve monthly periods.
 * A date is an ISO YYYY-MM-DD string; they sort as text, which the store relies on.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates already checked; a fund's books use a few thousand distinct dates at most. */
const validDates = new Set<string>();

export function isIsoDate(text: string): boolean {
  if (validDates.has(text)) return true;
  const valid = checkIsoDate(text);
  if (valid && validDates.size < 100_000) validDates.add(text);
  return valid;
}

function checkIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The period key of a date: "YYYY-MM". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function firstDayOfYear(year: number): string {
  return `${year}-01-01`;
}

export function lastDayOfYear(year: number): string {
  return `${year}-12-31`;
}

/** Funds keep their books in Vietnam's time: "today" is the date in Hà Nội. */
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The accounting date of an instant, YYYY-MM-DD in Vietnam's time. */
export function accountingDateOf(instant: Date): string {
  return VIETNAM_DATE.format(instant);
}

export type YearStatus = 'open' | 'closed';

/** What the posting rules need to know of a fund's fiscal years and locked months. */
export interface Calendar {
  readonly years: ReadonlyMap<number, YearStatus>;
  readonly lockedMonths: ReadonlySet<string>;
}

/** The last date the form writes. */
export const LAST_DAY = '9999-12-31';

/**
 * The calendar date `days` after `date` (both YYYY-MM-DD). A date past the last one the
 * form can write is the last one: a deadline beyond it is no deadline at all.
 */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const later = new Date(Date.UTC(year, month - 1, day + days)).toISOString();
  return later.length === 24 ? later.slice(0, 10) : LAST_DAY;
}
