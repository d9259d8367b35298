/**
 * The model of the model-based API test: a small in-memory expectation of what the two
 * funds hold — fiscal years and locked months, the dated movements of every account that
 * may never go below zero, the entries with who owns them, vouchers with their states and
 * numbers, transfers and tokens — and the few posting rules the test predicts answers
 * with: an open year, an unlocked month, then the never-below-zero rule.
 */
import type { Code } from './answer.js';
import { FIRST_YEAR, FUND_CODES, OPENING_BANK, OPENING_CASH, type FundCode } from './world.js';

/** An account that may never go below zero, or an off-balance holding `003|unit|item`. */
export type Guarded = '1111' | '1121' | '113' | '152' | `003|${string}`;
export const GUARDED_ACCOUNTS = ['1111', '1121', '113', '152'] as const;

/** The net of an entry on one guarded account or holding. */
export interface Move {
  readonly key: Guarded;
  readonly delta: number;
}

export type EntryKind = 'opening' | 'regular' | 'reversal' | 'closing';

export interface EntryState {
  readonly seq: number;
  readonly kind: EntryKind;
  readonly date: string;
  readonly moves: readonly Move[];
  /** The voucher whose entry this is, if any. */
  readonly voucher: number | null;
  reversed: boolean;
}

export interface FundState {
  readonly code: FundCode;
  readonly years: Map<number, 'open' | 'closed'>;
  /** Locked months as YYYY-MM. */
  readonly locked: Set<string>;
  readonly entries: EntryState[];
  /** The last number given per voucher type and fiscal year, keyed `type|year`. */
  readonly numbers: Map<string, number>;
}

export const VOUCHER_TYPES = ['cash-receipt', 'cash-payment', 'bank-receipt', 'bank-payment', 'goods-receipt', 'goods-issue', 'general'] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];

const PREFIXES: Readonly<Record<VoucherType, string>> = {
  'cash-receipt': 'PT', 'cash-payment': 'PC', 'bank-receipt': 'BC', 'bank-payment': 'UNC', 'goods-receipt': 'NK', 'goods-issue': 'XK', general: 'CTK',
};
export const APPROVAL_BY_DEFAULT: ReadonlySet<VoucherType> = new Set(['cash-payment', 'bank-payment', 'goods-issue']);

export type VoucherStatus = 'draft' | 'approved' | 'posted' | 'cancelled' | 'deleted';

/** What posting a voucher writes, as far as the model follows it. */
export interface VoucherPlan {
  readonly date: string;
  readonly moves: readonly Move[];
  /** A refusal the posting rules give before looking at the calendar (lines of zero). */
  readonly refusal: Code | null;
}

export interface VoucherState {
  readonly id: number;
  readonly fund: FundCode;
  type: VoucherType;
  status: VoucherStatus;
  plan: VoucherPlan;
  readonly transfer: number | null;
  /** The voucher it cancels. */
  readonly cancels: number | null;
  entrySeq: number | null;
  number: string | null;
}

export interface TransferState {
  readonly id: number;
  readonly from: FundCode;
  readonly to: FundCode;
  readonly amount: number;
  status: 'in-transit' | 'received';
  readonly payment: number;
  readonly receipt: number;
  settlement: number | null;
}

export interface TokenState {
  readonly id: string;
  readonly token: string;
  revoked: boolean;
}

export interface Model {
  readonly funds: Record<FundCode, FundState>;
  readonly vouchers: VoucherState[];
  readonly transfers: TransferState[];
  readonly tokens: TokenState[];
}

export function initialModel(): Model {
  const fund = (code: FundCode): FundState => ({
    code,
    years: new Map([[FIRST_YEAR, 'open']]),
    locked: new Set(),
    entries: [{ seq: 1, kind: 'opening', date: `${FIRST_YEAR}-01-01`, moves: [{ key: '1111', delta: OPENING_CASH }, { key: '1121', delta: OPENING_BANK }], voucher: null, reversed: false }],
    numbers: new Map(),
  });
  return { funds: { P: fund('P'), K: fund('K') }, vouchers: [], transfers: [], tokens: [] };
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));
const monthOf = (date: string): string => date.slice(0, 7);
export const otherFund = (code: FundCode): FundCode => FUND_CODES.find((c) => c !== code) ?? code;
export const nextSeq = (fund: FundState): number => fund.entries.length + 1;

/** The lowest end-of-day balance of a guarded account on `date` or any later day with movements. */
function lowestFrom(fund: FundState, key: Guarded, date: string): number {
  const days = new Map<string, number>();
  let balance = 0;
  for (const entry of fund.entries) {
    for (const move of entry.moves) {
      if (move.key !== key) continue;
      if (entry.date <= date) balance += move.delta;
      else days.set(entry.date, (days.get(entry.date) ?? 0) + move.delta);
    }
  }
  let lowest = balance;
  for (const day of [...days.keys()].sort()) {
    balance += days.get(day) ?? 0;
    lowest = Math.min(lowest, balance);
  }
  return lowest;
}

/** A guarded account's balance at the end of a day. */
export function balanceAt(fund: FundState, key: Guarded, date: string): number {
  return fund.entries.filter((e) => e.date <= date).reduce((sum, e) => sum + e.moves.filter((m) => m.key === key).reduce((s, m) => s + m.delta, 0), 0);
}

/** The posting rules' answer for an entry of `moves` on `date`: null when it may be posted. */
export function postingRefusal(fund: FundState, date: string, moves: readonly Move[]): Code | null {
  if (fund.years.get(yearOf(date)) !== 'open') return 'date_outside_open_year';
  if (fund.locked.has(monthOf(date))) return 'period_locked';
  const nets = new Map<Guarded, number>();
  for (const move of moves) nets.set(move.key, (nets.get(move.key) ?? 0) + move.delta);
  const short = [...nets].filter(([key, net]) => net < 0 && lowestFrom(fund, key, date) + net < 0).map(([key]) => key);
  if (short.some((key) => !key.startsWith('003|'))) return 'balance_would_go_negative';
  return short.length > 0 ? 'off_balance_would_go_negative' : null;
}

export function negated(moves: readonly Move[]): Move[] {
  return moves.map((m) => ({ key: m.key, delta: -m.delta }));
}

/** Appends a posted entry and answers its sequence number. */
export function record(fund: FundState, entry: Omit<EntryState, 'seq' | 'reversed'>): number {
  const seq = nextSeq(fund);
  fund.entries.push({ ...entry, seq, reversed: false });
  return seq;
}

export function entryOf(fund: FundState, seq: number): EntryState {
  const entry = fund.entries[seq - 1];
  if (!entry) throw new Error(`model has no entry ${seq} in ${fund.code}`);
  return entry;
}

/** The number the next posted voucher of this type and year gets, as the default format prints it. */
export function nextNumber(fund: FundState, type: VoucherType, year: number): string {
  const next = (fund.numbers.get(`${type}|${year}`) ?? 0) + 1;
  return `${PREFIXES[type]}${String(next).padStart(4, '0')}/${year}`;
}

function takeNumber(fund: FundState, type: VoucherType, year: number): string {
  const number = nextNumber(fund, type, year);
  fund.numbers.set(`${type}|${year}`, (fund.numbers.get(`${type}|${year}`) ?? 0) + 1);
  return number;
}

/** Posts a voucher in the model: its entry, its number, its state. */
export function postInModel(model: Model, voucher: VoucherState, kind: EntryKind = 'regular'): void {
  const fund = model.funds[voucher.fund];
  voucher.entrySeq = record(fund, { kind, date: voucher.plan.date, moves: voucher.plan.moves, voucher: voucher.id });
  voucher.number = takeNumber(fund, voucher.type, yearOf(voucher.plan.date));
  voucher.status = 'posted';
}

export function addVoucher(model: Model, voucher: Omit<VoucherState, 'entrySeq' | 'number'>): VoucherState {
  const added: VoucherState = { ...voucher, entrySeq: null, number: null };
  model.vouchers.push(added);
  return added;
}

/** The latest fiscal year of a fund. */
export function latestYear(fund: FundState): number {
  return Math.max(...fund.years.keys());
}

/** Picks one of `items` by a generated index counted from the newest; undefined when there are none. */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[items.length - 1 - (index % items.length)];
}
