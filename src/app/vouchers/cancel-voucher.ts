/**
 * Cancelling a posted voucher: a general voucher with every line of its entry on the other
 * side, linked to it and numbered in its own series, posted at once; the original keeps
 * its number and content and is marked cancelled. Only approvers cancel, so the reversing
 * voucher is approved by the person who cancels.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import { findEntry } from '../../db/entries-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, insertVoucher, updateVoucher } from '../../db/vouchers-repo.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { planReversal } from '../../ledger/reverse-entry.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import { checkCancellable, checkOutsideTransfer } from '../../ledger/vouchers/voucher-lifecycle.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { postVoucherWithin } from './post-voucher.js';

export interface CancelRequest {
  readonly entity: string;
  readonly id: number;
  readonly actor: Actor;
  readonly date?: string;
  readonly reason?: string;
}

/** Returns the reversing voucher. */
export function cancelVoucher(store: Store, request: CancelRequest): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const original = findVoucher(store.db, fund.value.entity.id, request.id);
    if (!original) return reject('voucher_not_found', 'id', String(request.id));
    const problem = checkOutsideTransfer(original.transferId) ?? checkCancellable(original.status);
    if (problem) return problem;
    const entry = original.entryId === null ? undefined : findEntry(store.sqlite, fund.value.entity.id, original.entryId);
    if (!entry) throw new Error(`posted voucher ${original.id} has no entry`);
    const reason = request.reason ?? `Hủy chứng từ số ${original.number}: ${original.reason}`;
    const plan = planReversal(entry, { date: request.date ?? accountingDateOf(new Date()), alreadyReversed: entry.reversedById !== null, voucher: null, originalLabel: original.number ?? '', description: reason });
    if (!plan.ok) return plan;
    const content: VoucherContent = {
      type: 'general', date: plan.value.date, reason, lines: plan.value.lines, ...(plan.value.memos && { memos: plan.value.memos }),
      ...(original.counterparty !== null && { counterparty: { name: original.counterparty } }),
    };
    const now = new Date().toISOString();
    const draft = insertVoucher(store.db, {
      entityId: fund.value.entity.id, type: 'general', status: 'approved', approvedBy: request.actor.name, approvedAt: now, content: JSON.stringify(content), date: content.date, accountingDate: content.date,
      counterparty: original.counterparty, reason, amount: Number(original.amount), currency: original.currency, campaign: original.campaign,
      cancelsId: original.id, createdBy: request.actor.name, updatedAt: now,
    });
    const posted = postVoucherWithin(store, fund.value, draft, { actor: request.actor, kind: 'reversal', reversesEntryId: entry.id });
    if (!posted.ok) return posted;
    updateVoucher(store.db, original.id, { status: 'cancelled', updatedAt: now });
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'voucher.cancelled', subject: String(original.id), detail: { number: original.number, by: posted.value.number } });
    return accept(posted.value);
  });
}
