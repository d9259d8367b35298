/**
 * A voucher content's plan under the fund's regime, and the columns derived from it for
 * lists: the counterparty shown, the VND total planned from it, the currency.
 */
import type { NewVoucherRow } from '../../db/vouchers-repo.js';
import type { Result } from '../../ledger/rejections.js';
import { planVoucherEntry, type PlannedEntry } from '../../ledger/vouchers/plan-voucher-entry.js';
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { Fund } from '../fund.js';

/** The entry a voucher's content makes under the fund's regime, with its bank and treasury accounts to place its money. */
export function planFor(fund: Pick<Fund, 'regime' | 'bankAccounts'>, content: VoucherContent): Result<PlannedEntry> {
  const bankAccounts = fund.bankAccounts.map((b) => ({ number: b.number, currency: b.currency, accountCode: b.accountCode }));
  return planVoucherEntry(content, { regime: fund.regime, bankAccounts });
}

/** The columns a list filters and shows, for a content whose plan came out as `plan`. */
export function columnsOf(content: VoucherContent, plan: PlannedEntry): Pick<NewVoucherRow, 'type' | 'content' | 'date' | 'accountingDate' | 'counterparty' | 'reason' | 'amount' | 'currency' | 'campaign'> {
  return {
    type: content.type,
    content: JSON.stringify(content),
    date: content.date,
    accountingDate: plan.entry.date,
    counterparty: content.counterparty?.name ?? null,
    reason: content.reason,
    amount: Number(plan.total),
    currency: content.currency ?? 'VND',
    campaign: content.campaign ?? null,
  };
}
