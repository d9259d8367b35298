/**
 * Year-end close: receipts and expenditures are carried through the result account into
 * the fund balance (5xx → 911, 6xx → 911, 911 → 421 under TT 103), leaving every receipt,
 * expenditure and result account at zero on 31 December. The entries are plain inputs
 * that go through the posting rules like any other.
 */
import { lastDayOfYear } from './calendar.js';
import type { Chart } from './chart.js';
import type { EntryInput, LineInput } from './entry.js';
import { formatAmount, type Minor } from './money.js';
import type { Regime } from '../regimes/regimes.js';

export interface YearCloseInput {
  readonly year: number;
  readonly regime: Pick<Regime, 'receiptClasses' | 'expenditureClasses' | 'resultAccount' | 'fundBalanceAccount'>;
  readonly chart: Chart;
  /** Balance of every account with postings at the end of the year, debit positive. */
  readonly balances: ReadonlyMap<string, Minor>;
}

/** A line that moves `signed` onto an account: positive debits it, negative credits it. */
function lineOf(account: string, signed: Minor): LineInput {
  return signed > 0n ? { account, debit: formatAmount(signed, 0) } : { account, credit: formatAmount(-signed, 0) };
}

/** Lines zeroing every account of the classes, and the result-account line balancing them. */
function closeClasses(input: YearCloseInput, classes: readonly string[]): { lines: LineInput[]; toResult: Minor } {
  const lines: LineInput[] = [];
  let toResult = 0n;
  const codes = [...input.balances.keys()].sort();
  for (const code of codes) {
    const account = input.chart.accounts.get(code);
    const balance = input.balances.get(code) ?? 0n;
    if (!account || account.offBalance || balance === 0n || !classes.includes(account.class)) continue;
    if (code === input.regime.resultAccount) continue;
    lines.push(lineOf(code, -balance));
    toResult += balance;
  }
  if (toResult !== 0n) lines.push(lineOf(input.regime.resultAccount, toResult));
  return { lines, toResult };
}

export function planYearClose(input: YearCloseInput): EntryInput[] {
  const date = lastDayOfYear(input.year);
  const { resultAccount, fundBalanceAccount } = input.regime;
  const receipts = closeClasses(input, input.regime.receiptClasses);
  const expenditures = closeClasses(input, input.regime.expenditureClasses);
  const entries: EntryInput[] = [];
  if (receipts.lines.length >= 2) {
    entries.push({ date, description: `Kết chuyển các khoản thu Quỹ năm ${input.year}`, lines: receipts.lines });
  }
  if (expenditures.lines.length >= 2) {
    entries.push({ date, description: `Kết chuyển các khoản chi Quỹ năm ${input.year}`, lines: expenditures.lines });
  }
  const result = (input.balances.get(resultAccount) ?? 0n) + receipts.toResult + expenditures.toResult;
  if (result !== 0n) {
    const label = result < 0n ? 'thặng dư' : 'thâm hụt';
    entries.push({
      date,
      description: `Kết chuyển ${label} năm ${input.year} vào nguồn Quỹ`,
      lines: [lineOf(resultAccount, -result), lineOf(fundBalanceAccount, result)],
    });
  }
  return entries;
}
