/**
 * A transfer between fund levels (điều tiết), made by one request: a bank payment in the
 * giving fund and a bank receipt in the receiving fund, each numbered in its own books
 * and linked through the transfer. Sent straight through, both post at once (Dr 612 /
 * Cr 1121 and Dr 1121 / Cr 5113). Sent in transit, the giver posts Dr 113 / Cr 1121 and
 * the receipt waits as a draft until the receiving fund confirms the money arrived. The
 * caller's rights on both sides are checked first (see transfer-rights.ts).
 */
import { recordAudit } from '../../db/audit-repo.js';
import type { Store } from '../../db/store.js';
import { insertTransfer, updateTransfer } from '../../db/transfers-repo.js';
import { insertVoucher } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { AllocationRef } from '../../ledger/allocation.js';
import type { Transfer } from '../../ledger/transfer.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import { loadFund, type Fund } from '../fund.js';
import type { Caller } from '../caller.js';
import { inTransaction } from '../in-transaction.js';
import { postVoucherWithin } from '../vouchers/post-voucher.js';
import { columnsOf, planFor } from '../vouchers/voucher-content.js';
import { refuseTransferSide } from './transfer-rights.js';

export interface TransferRequest {
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly amount: string;
  readonly reason: string;
  /** The receiving fund confirms later; until then the money sits in the giver's 113. */
  readonly inTransit?: boolean;
  readonly fromBankAccount?: string;
  readonly toBankAccount?: string;
  readonly externalRef?: string;
  /** Money pooled for a campaign: its code in the giving fund, and in the receiving one (the same unless named). */
  readonly campaign?: string;
  readonly toCampaign?: string;
  /** The giver's allocation decision line the transfer carries out: paid once the money reaches the receiver. */
  readonly allocation?: AllocationRef;
  readonly actor: Caller;
}

export interface TransferPair {
  readonly transfer: Transfer;
  readonly payment: Voucher;
  readonly receipt: Voucher;
}

export function createTransfer(store: Store, request: TransferRequest): Result<TransferPair> {
  return inTransaction(store, () => {
    const giver = loadFund(store, request.from);
    if (!giver.ok) return { ...giver, path: 'from' };
    const receiver = loadFund(store, request.to);
    if (!receiver.ok) return { ...receiver, path: 'to' };
    if (giver.value.entity.id === receiver.value.entity.id) return reject('transfer_same_fund', 'to', request.to);
    const inTransit = request.inTransit ?? false;
    const refused = refuseTransferSide(store, request.actor, giver.value, 'bank-payment', 'from') ?? (inTransit ? null : refuseTransferSide(store, request.actor, receiver.value, 'bank-receipt', 'to'));
    if (refused) return refused;
    const transfer = insertTransfer(store.db, {
      fromEntityId: giver.value.entity.id, toEntityId: receiver.value.entity.id, status: inTransit ? 'in-transit' : 'received',
      amount: 0, date: request.date, reason: request.reason, createdBy: request.actor.name,
      ...(!inTransit && { receivedAt: new Date().toISOString(), receivedBy: request.actor.name }),
    });
    const payment = addVoucher(store, { fund: giver.value, transferId: transfer.id, actor: request.actor, content: paymentContent(request, receiver.value, inTransit) });
    if (!payment.ok) return { ...payment, path: `payment.${payment.path ?? ''}` };
    const postedPayment = postVoucherWithin(store, giver.value, payment.value, { actor: request.actor });
    if (!postedPayment.ok) return { ...postedPayment, path: `payment.${postedPayment.path ?? ''}` };
    const receipt = addVoucher(store, {
      fund: receiver.value, transferId: transfer.id, actor: request.actor, content: receiptContent(request, giver.value), status: inTransit ? 'draft' : 'approved',
    });
    if (!receipt.ok) return { ...receipt, path: `receipt.${receipt.path ?? ''}` };
    let receiptRow = receipt.value;
    if (!inTransit) {
      const posted = postVoucherWithin(store, receiver.value, receipt.value, { actor: request.actor });
      if (!posted.ok) return { ...posted, path: `receipt.${posted.path ?? ''}` };
      receiptRow = posted.value;
    }
    const linked = updateTransfer(store.db, transfer.id, { amount: Number(postedPayment.value.amount), paymentVoucherId: postedPayment.value.id, receiptVoucherId: receiptRow.id });
    for (const [fund, voucher] of [[giver.value, postedPayment.value], [receiver.value, receiptRow]] as const) {
      recordAudit(store.db, request.actor, {
        entityId: fund.entity.id, kind: 'transfer.created', subject: String(transfer.id),
        detail: { from: request.from, to: request.to, amount: String(linked.amount), status: linked.status, voucher: voucher.id },
      });
    }
    return accept({ transfer: linked, payment: postedPayment.value, receipt: receiptRow });
  });
}

function paymentContent(request: TransferRequest, receiver: Fund, inTransit: boolean): VoucherContent {
  return {
    type: 'bank-payment', date: request.date, reason: request.reason, amount: request.amount,
    purpose: inTransit ? 'transfer-in-transit' : 'transfer-out',
    counterparty: { kind: 'fund', name: receiver.entity.name, ...(receiver.entity.address !== null && { address: receiver.entity.address }) },
    ...(request.fromBankAccount !== undefined && { bankAccount: request.fromBankAccount }),
    ...(request.externalRef !== undefined && { externalRef: request.externalRef }),
    ...(request.campaign !== undefined && { campaign: request.campaign }),
    ...(request.allocation !== undefined && { allocation: request.allocation }),
  };
}

function receiptContent(request: TransferRequest, giver: Fund): VoucherContent {
  return {
    type: 'bank-receipt', date: request.date, reason: request.reason, amount: request.amount, purpose: 'transfer-in',
    counterparty: { kind: 'fund', name: giver.entity.name, ...(giver.entity.address !== null && { address: giver.entity.address }) },
    ...(request.toBankAccount !== undefined && { bankAccount: request.toBankAccount }),
    ...(request.externalRef !== undefined && { externalRef: request.externalRef }),
    ...((request.toCampaign ?? request.campaign) !== undefined && { campaign: request.toCampaign ?? request.campaign }),
  };
}

export interface TransferVoucher {
  readonly fund: Fund;
  readonly transferId: number;
  readonly actor: Caller;
  readonly content: VoucherContent;
  readonly status?: 'draft' | 'approved';
}

/** A transfer's voucher, approved by the person who made the transfer (createTransfer checks they may). */
export function addVoucher(store: Store, voucher: TransferVoucher): Result<Voucher> {
  const { fund, transferId, actor, content, status = 'approved' } = voucher;
  const plan = planFor(fund, content);
  if (!plan.ok) return plan;
  const now = new Date().toISOString();
  return accept(
    insertVoucher(store.db, {
      entityId: fund.entity.id, status, ...columnsOf(content, plan.value), transferId, createdBy: actor.name, updatedAt: now,
      ...(status === 'approved' && { approvedBy: actor.name, approvedAt: now }),
    }),
  );
}
