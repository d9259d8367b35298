/**
 * What the model-based test sends: voucher content and plain entries described by a few
 * generated fields (one deliberate defect at most), turned into request bodies, and the
 * model's reading of each — the refusal the API should give, or the guarded movements it
 * should post. The purposes and types here are the model's own small copy of the rules,
 * so a change in the system's rules shows up as a disagreement.
 */
import type { Code } from './answer.js';
import type { Move, VoucherPlan, VoucherType } from './model.js';
import { FUND_PROFILES, type FundCode } from './world.js';

export type VoucherDefect = 'none' | 'no-amount' | 'zero-amount' | 'unknown-bank' | 'amount-with-goods';
export type GeneralLines = 'support' | 'bank-to-cash' | 'none';

export interface VoucherSpec {
  readonly type: VoucherType;
  readonly purpose: string | undefined;
  /** VND: the amount of money vouchers and general lines, the value of goods. */
  readonly amount: number;
  readonly quantity: number;
  readonly item: string;
  readonly date: string;
  readonly accountingDate: string | undefined;
  readonly lines: GeneralLines;
  readonly defect: VoucherDefect;
}

const PURPOSES: Readonly<Record<string, { readonly flow: 'in' | 'out'; readonly account: string }>> = {
  donation: { flow: 'in', account: '5111' },
  'goods-donation': { flow: 'in', account: '5112' },
  interest: { flow: 'in', account: '515' },
  withdrawal: { flow: 'in', account: '1121' },
  housing: { flow: 'out', account: '6111' },
  relief: { flow: 'out', account: '6116' },
  'bank-charges': { flow: 'out', account: '615' },
  deposit: { flow: 'out', account: '1121' },
};

/** The purposes a generated voucher of each type may name, valid or not (undefined: none). */
export const PURPOSE_CHOICES: Readonly<Record<VoucherType, readonly (string | undefined)[]>> = {
  'cash-receipt': [undefined, 'donation', 'withdrawal', 'interest', 'housing'],
  'cash-payment': [undefined, 'housing', 'relief', 'deposit', 'donation'],
  'bank-receipt': [undefined, 'donation', 'interest', 'relief'],
  'bank-payment': [undefined, 'housing', 'bank-charges', 'interest'],
  'goods-receipt': [undefined, 'donation', 'housing'],
  'goods-issue': [undefined, 'housing', 'donation'],
  general: [undefined],
};

interface TypeRule {
  readonly flow: 'in' | 'out';
  readonly held: '1111' | '1121' | '152';
  readonly defaultPurpose: string | null;
}

const TYPES: Readonly<Record<Exclude<VoucherType, 'general'>, TypeRule>> = {
  'cash-receipt': { flow: 'in', held: '1111', defaultPurpose: 'donation' },
  'cash-payment': { flow: 'out', held: '1111', defaultPurpose: null },
  'bank-receipt': { flow: 'in', held: '1121', defaultPurpose: 'donation' },
  'bank-payment': { flow: 'out', held: '1121', defaultPurpose: null },
  'goods-receipt': { flow: 'in', held: '152', defaultPurpose: 'goods-donation' },
  'goods-issue': { flow: 'out', held: '152', defaultPurpose: 'relief' },
};

const isGoods = (type: VoucherType) => type === 'goods-receipt' || type === 'goods-issue';
const isBank = (type: VoucherType) => type === 'bank-receipt' || type === 'bank-payment';

export function voucherBody(spec: VoucherSpec, fund: FundCode): Record<string, unknown> {
  const amount = spec.defect === 'zero-amount' ? '0' : String(spec.amount);
  const body: Record<string, unknown> = {
    type: spec.type,
    date: spec.date,
    ...(spec.accountingDate !== undefined && { accountingDate: spec.accountingDate }),
    reason: `Chứng từ ${spec.type} ${spec.amount}`,
    counterparty: { name: 'Hộ ông Nguyễn Văn A' },
    ...(spec.purpose !== undefined && { purpose: spec.purpose }),
  };
  if (spec.type === 'general') {
    const bank = FUND_PROFILES[fund].bank;
    if (spec.lines === 'support') body.lines = [{ account: '6118', debit: amount }, { account: '1111', credit: amount }];
    if (spec.lines === 'bank-to-cash') body.lines = [{ account: '1111', debit: amount }, { account: '1121', credit: amount, bankAccount: bank }];
  } else if (isGoods(spec.type)) {
    body.goods = [{ item: spec.item, unit: 'kg', quantity: String(spec.quantity), value: amount }];
    if (spec.defect === 'amount-with-goods') body.amount = String(spec.amount);
  } else {
    if (spec.defect !== 'no-amount') body.amount = amount;
    if (spec.defect === 'unknown-bank' && isBank(spec.type)) body.bankAccount = '000000000';
  }
  return body;
}

/** What the draft's planning answers: a refusal, or the entry it would post. */
export function planVoucher(spec: VoucherSpec): { refusal: Code } | { plan: VoucherPlan } {
  const date = spec.accountingDate ?? spec.date;
  const amount = spec.defect === 'zero-amount' ? 0 : spec.amount;
  if (spec.type === 'general') {
    if (spec.lines === 'none') return { refusal: 'voucher_lines_required' };
    const moves: Move[] = spec.lines === 'support' ? [{ key: '1111', delta: -amount }] : [{ key: '1111', delta: amount }, { key: '1121', delta: -amount }];
    return { plan: { date, moves, refusal: amount === 0 ? 'amount_not_positive' : null } };
  }
  const rule = TYPES[spec.type];
  const code = spec.purpose ?? rule.defaultPurpose;
  if (code === null) return { refusal: 'voucher_purpose_required' };
  const purpose = PURPOSES[code];
  if (!purpose || purpose.flow !== rule.flow) return { refusal: 'voucher_purpose_invalid' };
  if (isGoods(spec.type)) {
    if (spec.defect === 'amount-with-goods') return { refusal: 'voucher_goods_amount_not_allowed' };
    if (amount === 0) return { refusal: 'amount_malformed' };
  } else {
    if (spec.defect === 'no-amount') return { refusal: 'voucher_amount_required' };
    if (amount === 0) return { refusal: 'amount_not_positive' };
    if (spec.defect === 'unknown-bank' && isBank(spec.type)) return { refusal: 'bank_account_unknown' };
  }
  const sign = rule.flow === 'in' ? 1 : -1;
  const moves: Move[] = [];
  // A payment's lines list the purpose side first; the order decides nothing the model reads.
  if (purpose.account === '1121') moves.push({ key: '1121', delta: -sign * amount });
  moves.push({ key: rule.held, delta: sign * amount });
  if (isGoods(spec.type)) moves.push({ key: `003|kg|${spec.item}`, delta: sign * spec.quantity });
  return { plan: { date, moves, refusal: null } };
}

export type EntryShape = 'receipt' | 'payment' | 'bank-payment' | 'bank-to-cash';
export type EntryDefect = 'none' | 'one-line' | 'zero' | 'unknown-account' | 'parent-account' | 'unbalanced';

export interface EntrySpec {
  readonly shape: EntryShape;
  readonly amount: number;
  readonly date: string;
  readonly defect: EntryDefect;
}

const SHAPES: Readonly<Record<EntryShape, { readonly debit: string; readonly credit: string; readonly moves: (amount: number) => Move[] }>> = {
  receipt: { debit: '1111', credit: '5111', moves: (a) => [{ key: '1111', delta: a }] },
  payment: { debit: '6111', credit: '1111', moves: (a) => [{ key: '1111', delta: -a }] },
  'bank-payment': { debit: '6118', credit: '1121', moves: (a) => [{ key: '1121', delta: -a }] },
  'bank-to-cash': { debit: '1111', credit: '1121', moves: (a) => [{ key: '1111', delta: a }, { key: '1121', delta: -a }] },
};

export function entryBody(spec: EntrySpec, fund: FundCode): Record<string, unknown> {
  const shape = SHAPES[spec.shape];
  const amount = spec.defect === 'zero' ? '0' : String(spec.amount);
  const debitAccount = spec.defect === 'unknown-account' ? '9999' : spec.defect === 'parent-account' ? shape.debit.slice(0, 3) : shape.debit;
  const credit = spec.defect === 'unbalanced' ? String(spec.amount + 1) : amount;
  const lines = [
    { account: debitAccount, debit: amount },
    { account: shape.credit, credit, ...(shape.credit === '1121' && { bankAccount: FUND_PROFILES[fund].bank }) },
  ];
  return { date: spec.date, description: `Bút toán ${spec.shape} ${spec.amount}`, lines: spec.defect === 'one-line' ? lines.slice(0, 1) : lines };
}

/** The refusal an entry gets before the calendar and balances are looked at, and its movements. */
export function planEntry(spec: EntrySpec): { refusal: Code | null; moves: Move[] } {
  const refusals: Readonly<Record<EntryDefect, Code | null>> = {
    none: null, 'one-line': 'too_few_lines', zero: 'amount_not_positive', 'unknown-account': 'account_unknown',
    'parent-account': 'account_not_postable', unbalanced: 'entry_must_balance',
  };
  return { refusal: refusals[spec.defect], moves: SHAPES[spec.shape].moves(spec.amount) };
}
