/**
 * Bank transfers received, as one bank receipt: the bank line for their total and a line per
 * transfer to the donations account, each keeping the donor's name, the bank's reference and
 * the campaign the money was given to. Statement rows and feed events become receipts the
 * same way.
 */
import type { BankAccountRow } from '../../db/entities-repo.js';
import type { LineInput } from '../../ledger/entry.js';
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';

export interface ReceivedTransfer {
  readonly amount: bigint;
  /** The bank's reference, or the record's own key where the bank prints none. */
  readonly ref: string;
  readonly donor: string | null;
}

export interface TransferReceipt {
  readonly account: BankAccountRow;
  /** The regime's account for donations received. */
  readonly donations: string;
  readonly campaign: string | undefined;
  readonly date: string;
  readonly transfers: readonly ReceivedTransfer[];
  readonly reason: string;
}

const MAX_REASON = 500;

export function transferReceipt(receipt: TransferReceipt): VoucherContent {
  const { account, campaign } = receipt;
  const total = receipt.transfers.reduce((sum, t) => sum + t.amount, 0n);
  const lines: LineInput[] = [
    { account: account.accountCode, debit: total.toString(), bankAccount: account.number, ...(campaign && { campaign }) },
    ...receipt.transfers.map((t): LineInput => ({
      account: receipt.donations, credit: t.amount.toString(), externalRef: t.ref, ...(campaign && { campaign }),
      ...(t.donor !== null && { counterparty: { kind: 'donor' as const, name: t.donor } }),
    })),
  ];
  return { type: 'bank-receipt', date: receipt.date, bankAccount: account.number, lines, ...(campaign && { campaign }), reason: receipt.reason.slice(0, MAX_REASON) };
}
