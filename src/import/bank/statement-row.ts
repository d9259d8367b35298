/**
 * One row of a bank statement read by its layout: the posting date and the time where the
 * bank prints one, the debit and credit in whole đồng, the running balance where printed,
 * the remark, the bank's reference and the counter-account as printed. A row whose date or
 * amount cannot be read is a problem naming its field, never a guess and never 0.
 */
import { isIsoDate } from '../../ledger/calendar.js';
import { FUND_LIMIT } from '../../ledger/money.js';
import type { AmountStyle, StatementField, StatementLayout } from './statement-layout.js';

export interface StatementRow {
  /** The row's place in its file, from 1. */
  readonly ordinal: number;
  readonly postedOn: string;
  /** HH:MM:SS, where the bank prints it. */
  readonly time: string | null;
  readonly debit: bigint;
  readonly credit: bigint;
  readonly balance: bigint | null;
  readonly remark: string;
  readonly ref: string | null;
  readonly counterAccount: string | null;
  /** The sender's name, where the bank prints it in a column of its own. */
  readonly sender: string | null;
}

export interface RowProblem {
  readonly ordinal: number;
  readonly field: StatementField;
  readonly value: string;
}

const AMOUNT: Readonly<Record<AmountStyle, RegExp>> = {
  'dot-thousands': /^(\d{1,3}(?:\.\d{3})+|\d+)$/,
  'comma-thousands': /^(\d{1,3}(?:,\d{3})+|\d+)$/,
  plain: /^(\d+)$/,
  'comma-decimals': /^(\d{1,3}(?:\.\d{3})+|\d+),00$/,
  'dot-decimals': /^(\d{1,3}(?:,\d{3})+|\d+)\.00$/,
};

const DATE: Readonly<Record<StatementLayout['dates'], RegExp>> = {
  dmy: /^(?<day>\d{1,2})([/.-])(?<month>\d{1,2})\2(?<year>\d{4})(?:\s+(?<hours>\d{1,2}):(?<minutes>\d{2}):(?<seconds>\d{2}))?$/,
  dm: /^(?<day>\d{1,2})\/(?<month>\d{1,2})(?:\s+(?<hours>\d{1,2}):(?<minutes>\d{2}):(?<seconds>\d{2}))?$/,
  ymd: /^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:[\sT]+(?<hours>\d{1,2}):(?<minutes>\d{2}):(?<seconds>\d{2}))?$/,
};

/** Whole đồng as the layout writes them; undefined for a blank cell, null for one that is not an amount. */
export function amountOf(text: string, style: AmountStyle): bigint | null | undefined {
  const cell = text.replace(/[\s\u00a0]/g, '');
  if (cell === '') return undefined;
  const match = AMOUNT[style].exec(cell);
  if (!match) return null;
  const digits = (match[1] as string).replace(/[.,]/g, '');
  if (digits.length > 16) return null;
  const value = BigInt(digits);
  return value <= FUND_LIMIT ? value : null;
}

/** A signed amount: a debit written with a leading minus (or in parentheses), a credit with a plus or no sign. */
function signedAmountOf(text: string, style: AmountStyle): bigint | null | undefined {
  const cell = text.replace(/[\s\u00a0]/g, '');
  const negative = /^[-\u2212]/.test(cell) || /^\(.*\)$/.test(cell);
  const amount = amountOf(cell.replace(/^[-+\u2212]|^\(|\)$/g, ''), style);
  if (amount === undefined || amount === null) return amount;
  return negative ? -amount : amount;
}

const pad = (n: string) => n.padStart(2, '0');

/** The posting date and the time that may follow it in the same cell. */
export function dateOf(text: string, dates: StatementLayout['dates'], year: number | undefined): { date: string; time: string | null } | null {
  const cell = text.replace(/\u00a0/g, ' ').trim();
  const match = DATE[dates].exec(cell)?.groups;
  if (!match) return null;
  const { day = '', month = '', hours, minutes, seconds } = match;
  const y = match.year ?? (year === undefined ? undefined : String(year));
  if (y === undefined) return null;
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (!isIsoDate(date)) return null;
  return { date, time: hours === undefined ? null : `${pad(hours)}:${minutes}:${seconds}` };
}

function timeOf(text: string): string | null | undefined {
  const cell = text.trim();
  if (cell === '') return undefined;
  const match = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(cell);
  return match ? `${pad(match[1] as string)}:${match[2]}:${match[3]}` : null;
}

export function readStatementRow(layout: StatementLayout, cells: Readonly<Record<string, string>>, ordinal: number, year: number | undefined): StatementRow | RowProblem {
  const cell = (field: StatementField) => {
    const column = layout.columns[field];
    return column === undefined ? '' : (cells[column] ?? '');
  };
  const problem = (field: StatementField): RowProblem => ({ ordinal, field, value: cell(field) });
  const dated = dateOf(cell('date'), layout.dates, year);
  if (!dated) return problem('date');
  const time = layout.columns.time === undefined ? undefined : timeOf(cell('time'));
  if (time === null) return problem('time');
  const signed = layout.columns.amount === undefined ? undefined : signedAmountOf(cell('amount'), layout.amounts);
  if (signed === null) return problem('amount');
  const debit = signed === undefined ? amountOf(cell('debit'), layout.amounts) : signed < 0n ? -signed : undefined;
  if (debit === null) return problem('debit');
  const credit = signed === undefined ? amountOf(cell('credit'), layout.amounts) : signed > 0n ? signed : undefined;
  if (credit === null) return problem('credit');
  if (signed === 0n) return problem('amount');
  // A row moves money one way: one side holds a positive amount, the other is blank.
  if (debit === undefined && credit === undefined) return problem(layout.columns.amount !== undefined ? 'amount' : layout.columns.credit !== undefined ? 'credit' : 'debit');
  if ((debit !== undefined && credit !== undefined) || (debit ?? credit) === 0n) return problem(debit !== undefined ? 'debit' : 'credit');
  const balance = amountOf(cell('balance'), layout.amounts);
  if (balance === null) return problem('balance');
  const ref = cell('ref').trim();
  const counterAccount = cell('counterAccount').trim();
  const sender = cell('sender').replace(/\s+/g, ' ').trim();
  return {
    ordinal, postedOn: dated.date, time: time ?? dated.time, debit: debit ?? 0n, credit: credit ?? 0n, balance: balance ?? null,
    remark: cell('remark').replace(/\s+/g, ' ').trim(), ref: ref === '' ? null : ref, counterAccount: counterAccount === '' ? null : counterAccount,
    sender: sender === '' ? null : sender,
  };
}

export function isRowProblem(row: StatementRow | RowProblem): row is RowProblem {
  return 'field' in row;
}
