/**
 * Reporting periods by name: a year ("2024"), a half ("2024-H1"), a quarter ("2024-Q3") or
 * a month ("2024-10"), as the first and last day they cover.
 */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const PERIOD = /^([1-9]\d{3})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** The months a period spans, first and last; null when the text names no period. */
export function periodRange(text: string): DateRange | null {
  const match = PERIOD.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const [half, quarter, month] = [match[2], match[3], match[4]];
  const [first, last] = half ? [Number(half) * 6 - 5, Number(half) * 6] : quarter ? [Number(quarter) * 3 - 2, Number(quarter) * 3] : month ? [Number(month), Number(month)] : [1, 12];
  return { from: `${year}-${pad(first)}-01`, to: lastDay(year, last) };
}

const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function dayShifted(date: string, days: number): string | null {
  const moment = new Date(0);
  moment.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  const year = moment.getUTCFullYear();
  return year < 1 ? null : `${String(year).padStart(4, '0')}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`;
}

/**
 * The period a statement compares with: as many whole months just before, when the range
 * is whole months (2024 → 2023, 2024-Q3 → 2024-Q2), or else as many days just before;
 * null before the first year the calendar writes.
 */
export function previousRange(range: DateRange): DateRange | null {
  const to = dayShifted(range.from, -1);
  if (to === null) return null;
  const wholeMonths = range.from.endsWith('-01') && dayShifted(range.to, 1)?.endsWith('-01') === true;
  if (wholeMonths) {
    const first = 2 * monthIndex(range.from) - monthIndex(range.to) - 1;
    const year = Math.floor(first / 12);
    return year < 1 ? null : { from: `${String(year).padStart(4, '0')}-${pad((first % 12) + 1)}-01`, to };
  }
  const days = Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
  const from = dayShifted(range.from, -days);
  return from === null ? null : { from, to };
}
