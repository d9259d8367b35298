/**
 * A voucher as the rows of a MISA template: one row per debit–credit pair, the voucher's
 * header fields repeated on each, so the rows sharing its number and date make one voucher
 * in MISA. Accounts go through the installation's mapping; dates are text dd/MM/yyyy and
 * amounts numbers of đồng. A pair that is the whole of a foreign-currency line carries its
 * currency, rate and original amount where the template has the columns.
 */
import { drCrPairs } from '../../ledger/dr-cr-pairs.js';
import { shortDate } from '../date-format.js';
import type { MisaLayout } from './layout.js';
import { misaAccount, type MisaMapping } from './mapping.js';
import { checkRows, issue, type MisaIssue } from './misa-check.js';
import type { MisaRow } from './misa-row.js';
import type { MisaLine, MisaVoucher } from './misa-voucher.js';

export interface VoucherRows {
  readonly rows: readonly MisaRow[];
  readonly issues: readonly MisaIssue[];
}

/** The foreign currency of a pair: the original amount and rate of a line the pair covers whole. */
function foreign(line: MisaLine, amount: bigint): MisaRow | undefined {
  if (line.currency === null || line.originalAmount === null || line.rate === null) return undefined;
  const whole = line.amount < 0n ? -line.amount : line.amount;
  if (whole !== amount) return undefined;
  return { currency: line.currency, rate: Number(line.rate), amount: Number(line.originalAmount < 0n ? -line.originalAmount : line.originalAmount) };
}

export function voucherRows(layout: MisaLayout, mapping: MisaMapping, voucher: MisaVoucher, bankNames: ReadonlyMap<string, string>): VoucherRows {
  const issues: MisaIssue[] = [];
  const account = (code: string): string => {
    const mapped = misaAccount(mapping, code);
    if (mapped === undefined) issues.push(issue(layout.template, voucher.number, 'account_unmapped', code));
    return mapped ?? code;
  };
  const reasons = mapping.reasons[layout.template as keyof MisaMapping['reasons']] ?? {};
  const purpose = voucher.purpose;
  const reason = (purpose !== undefined ? (reasons[purpose] ?? layout.reasons.byPurpose[purpose]) : undefined) ?? reasons.otherwise ?? layout.reasons.otherwise;
  const { counterparty, bankAccount } = voucher;
  const header: MisaRow = {
    postingDate: shortDate(voucher.postingDate),
    voucherDate: shortDate(voucher.date),
    number: voucher.number,
    ...(counterparty?.code !== undefined && { counterpartyCode: counterparty.code }),
    counterpartyName: counterparty?.name ?? '',
    address: counterparty?.address ?? '',
    reason,
    reasonText: voucher.reason,
    person: counterparty?.name ?? '',
    ...(voucher.attachments !== undefined && { attachments: voucher.attachments }),
    description: voucher.reason,
    ...(bankAccount !== undefined && { bankAccount, bankName: bankNames.get(bankAccount) ?? '' }),
    ...(voucher.campaign !== undefined && { statisticsCode: voucher.campaign }),
    currency: 'VND',
    rate: 1,
    ...(layout.paymentMethod !== undefined && { paymentMethod: layout.paymentMethod }),
  };
  const hasCurrency = layout.columns.some((c) => c.field === 'currency');
  const rows = drCrPairs(voucher.lines).map((pair): MisaRow => {
    const amount = Number(pair.amount);
    const debitCode = pair.debit.counterpartyCode;
    const creditCode = pair.credit.counterpartyCode;
    const lineCode = debitCode ?? creditCode;
    return {
      ...header,
      debitAccount: account(pair.debit.account),
      creditAccount: account(pair.credit.account),
      amount,
      convertedAmount: amount,
      ...(hasCurrency && (foreign(pair.debit, pair.amount) ?? foreign(pair.credit, pair.amount))),
      ...(lineCode !== undefined && { lineCounterpartyCode: lineCode }),
      ...(debitCode !== undefined && { debitCounterpartyCode: debitCode }),
      ...(creditCode !== undefined && { creditCounterpartyCode: creditCode }),
    };
  });
  const unique = new Map(issues.map((i) => [i.value, i]));
  return { rows, issues: [...unique.values(), ...checkRows(layout, voucher.number, rows)] };
}
