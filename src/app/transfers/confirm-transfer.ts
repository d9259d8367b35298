/**
 * The receiving fund confirms that a transfer sent in transit has arrived: its bank receipt
 * is dated and posted, and the giving fund's 113 is cleared to 612 by a general voucher
 * linked to the same transfer, so both books show the transfer as complete on the same day.
 * The caller must hold the rights of a receipt in the receiving fund (see transfer-rights.ts).
 */
import { recordAudit } from '../../db/audit-repo.js';
import { findEntityById } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { updateTransfer } from '../../db/transfers-repo.js';
import { findVoucher, updateVoucher } from '../../db/vouchers-repo.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { loadFund } from '../fund.js';
import type { Caller } from '../caller.js';
import { inTransaction } from '../in-transaction.js';
import { postVoucherWithin } from '../vouchers/post-voucher.js';
import { columnsOf, planFor } from '../vouchers/voucher-content.js';
import { addVoucher, type TransferPair } from './create-transfer.js';
import { readableTransfer, refuseTransferSide } from './transfer-rights.js';

export function confirmTransfer(store: Store, request: { id: number; date?: string; actor: Caller }): Result<TransferPair> {
  return inTransaction(store, () => {
    const found = readableTransfer(store, request.actor, request.id);
    if (!found.ok) return found;
    const transfer = found.value;
    if (transfer.status !== 'in-transit') return reject('transfer_not_in_transit', 'id', String(request.id));
    const giver = loadFund(store, findEntityById(store.db, transfer.fromEntityId)?.code ?? '');
    const receiver = loadFund(store, findEntityById(store.db, transfer.toEntityId)?.code ?? '');
    if (!giver.ok || !receiver.ok) throw new Error(`transfer ${transfer.id} links a fund that does not exist`);
    const refused = refuseTransferSide(store, request.actor, receiver.value, 'bank-receipt', 'id');
    if (refused) return refused;
    const date = request.date ?? accountingDateOf(new Date());
    const draft = findVoucher(store.db, receiver.value.entity.id, transfer.receiptVoucherId ?? 0);
    if (!draft) throw new Error(`transfer ${transfer.id} has no receipt voucher`);
    const content = { ...draft.content, date, accountingDate: date };
    const plan = planFor(receiver.value, content);
    if (!plan.ok) return plan;
    const now = new Date().toISOString();
    const dated = updateVoucher(store.db, draft.id, { ...columnsOf(content, plan.value), status: 'approved', approvedBy: request.actor.name, approvedAt: now, updatedAt: now });
    const receipt = postVoucherWithin(store, receiver.value, dated, { actor: request.actor });
    if (!receipt.ok) return receipt;
    const amount = String(transfer.amount);
    const { sent, inTransit } = giver.value.regime.transferAccounts;
    const payment = findVoucher(store.db, giver.value.entity.id, transfer.paymentVoucherId ?? 0);
    if (!payment) throw new Error(`transfer ${transfer.id} has no payment voucher`);
    // Money pooled for a campaign stays the campaign's on its way out of transit.
    const pooled = payment.content.campaign === undefined ? {} : { campaign: payment.content.campaign };
    const cites = payment.content.allocation === undefined ? {} : { allocation: payment.content.allocation };
    const settlement = addVoucher(store, {
      fund: giver.value, transferId: transfer.id, actor: request.actor,
      content: {
        type: 'general', date, reason: `Kết chuyển tiền điều tiết đã đến ${receiver.value.entity.name}: ${transfer.reason}`,
        counterparty: { kind: 'fund', name: receiver.value.entity.name },
        lines: [{ account: sent, debit: amount, counterparty: { kind: 'fund', name: receiver.value.entity.name }, ...pooled, ...cites }, { account: inTransit, credit: amount, ...pooled }],
      },
    });
    if (!settlement.ok) return settlement;
    const settled = postVoucherWithin(store, giver.value, settlement.value, { actor: request.actor });
    if (!settled.ok) return { ...settled, path: `settlement.${settled.path ?? ''}` };
    const done = updateTransfer(store.db, transfer.id, { status: 'received', receivedAt: now, receivedBy: request.actor.name, settlementVoucherId: settled.value.id });
    for (const fund of [giver.value, receiver.value]) {
      recordAudit(store.db, request.actor, { entityId: fund.entity.id, kind: 'transfer.received', subject: String(transfer.id), detail: { date, receipt: receipt.value.number } });
    }
    return accept({ transfer: done, payment, receipt: receipt.value });
  });
}
