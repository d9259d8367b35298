/**
 * A posted voucher as the rows of a MISA template: one row per debit–credit pair of its
 * entry, the voucher's header fields repeated on each, so the rows sharing its number and
 * date make one voucher in MISA. Dates are text dd/MM/yyyy and amounts numbers of đồng.
 */
import { drCrPairs } from '../../ledger/dr-cr-pairs.js';
import type { Line } from '../../ledger/entry.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';
import { shortDate } from '../date-format.js';
import type { MisaField, MisaLayout } from './layout.js';

export type MisaRow = Readonly<Partial<Record<MisaField, string | number>>>;

export function voucherRows(layout: MisaLayout, voucher: Voucher, lines: readonly Line[], bankNames: ReadonlyMap<string, string>): MisaRow[] {
  const { content } = voucher;
  const bankAccount = lines.find((l) => l.bankAccount !== undefined)?.bankAccount;
  const header: MisaRow = {
    postingDate: shortDate(voucher.accountingDate),
    voucherDate: shortDate(voucher.date),
    number: voucher.number ?? '',
    counterpartyName: content.counterparty?.name ?? '',
    address: content.counterparty?.address ?? '',
    reason: (content.purpose !== undefined ? layout.reasons.byPurpose[content.purpose] : undefined) ?? layout.reasons.otherwise,
    reasonText: voucher.reason,
    person: content.counterparty?.name ?? '',
    ...(content.attachments !== undefined && { attachments: content.attachments }),
    description: voucher.reason,
    ...(bankAccount !== undefined && { bankAccount, bankName: bankNames.get(bankAccount) ?? '' }),
    currency: 'VND',
    rate: 1,
    ...(layout.paymentMethod !== undefined && { paymentMethod: layout.paymentMethod }),
  };
  return drCrPairs(lines).map((pair) => ({
    ...header, debitAccount: pair.debit.account, creditAccount: pair.credit.account, amount: Number(pair.amount), convertedAmount: Number(pair.amount),
  }));
}
