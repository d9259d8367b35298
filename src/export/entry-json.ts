/**
 * A posted entry as JSON: amounts as decimal strings of VND on their debit or credit side,
 * original-currency amounts and quantities as decimals of their unit.
 */
import { currencyScale } from '../ledger/currency.js';
import { dimensionsOf, QUANTITY_SCALE, type Line, type Memo, type StoredEntry } from '../ledger/entry.js';
import { formatAmount } from '../ledger/money.js';

function lineJson(line: Line) {
  return {
    lineNo: line.lineNo,
    account: line.account,
    ...(line.amount >= 0n ? { debit: line.amount.toString() } : { credit: (-line.amount).toString() }),
    ...(line.currency !== null && line.originalAmount !== null && {
      currency: line.currency,
      originalAmount: formatAmount(line.originalAmount, currencyScale(line.currency) ?? 0),
      rate: line.rate,
    }),
    ...(line.quantity !== null && { quantity: formatAmount(line.quantity, QUANTITY_SCALE), unit: line.unit }),
    ...dimensionsOf(line),
  };
}

function memoJson(memo: Memo) {
  return {
    lineNo: memo.lineNo,
    account: memo.account,
    direction: memo.quantity >= 0n ? 'in' : 'out',
    quantity: formatAmount(memo.quantity >= 0n ? memo.quantity : -memo.quantity, QUANTITY_SCALE),
    unit: memo.unit,
    ...(memo.item !== null && { item: memo.item }),
  };
}

export function entryJson(entry: StoredEntry) {
  return {
    seq: entry.seq,
    kind: entry.kind,
    date: entry.date,
    description: entry.description,
    currency: 'VND',
    lines: entry.lines.map(lineJson),
    memos: entry.memos.map(memoJson),
    reverses: entry.reversesSeq,
    reversedBy: entry.reversedBySeq,
    recordedAt: entry.recordedAt,
    recordedBy: entry.recordedBy,
    hash: entry.hash,
  };
}
