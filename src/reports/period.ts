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
