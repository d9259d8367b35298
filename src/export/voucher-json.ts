/** A voucher as the API shows it: its state, number, content, total in figures and in words. */
import { amountInWords } from '../ledger/amount-in-words.js';
import type { Voucher } from '../ledger/vouchers/voucher.js';

export interface VoucherLinks {
  /** The sequence number of its entry, once posted. */
  readonly entrySeq: number | null;
  /** The voucher that cancelled it, or that it cancels. */
  readonly cancelledBy: { readonly id: number; readonly number: string | null } | null;
  readonly cancels: { readonly id: number; readonly number: string | null } | null;
}

export function voucherJson(row: Voucher, links: VoucherLinks) {
  const { content } = row;
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    number: row.number,
    fiscalYear: row.fiscalYear,
    date: row.date,
    accountingDate: row.accountingDate,
    reason: row.reason,
    counterparty: content.counterparty ?? null,
    amount: String(row.amount),
    amountInWords: amountInWords(row.amount),
    currency: row.currency,
    content,
    entry: links.entrySeq,
    transfer: row.transferId,
    cancels: links.cancels,
    cancelledBy: links.cancelledBy,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    postedBy: row.postedBy,
    postedAt: row.postedAt,
  };
}
