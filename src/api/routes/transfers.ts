/**
 * Transfers between fund levels. Making one needs the right to post in both funds (a role
 * on both, or on a fund above both) and, where a fund requires approval of bank vouchers,
 * the right to approve there; confirming one needs the same on the receiving fund.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { confirmTransfer } from '../../app/transfers/confirm-transfer.js';
import { createTransfer, type TransferPair } from '../../app/transfers/create-transfer.js';
import { voucherSettingsOf } from '../../app/vouchers/voucher-settings.js';
import { findEntityByCode, findEntityById, type EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { findTransfer } from '../../db/transfers-repo.js';
import type { Transfer } from '../../ledger/transfer.js';
import { findVoucher } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { VoucherType } from '../../ledger/vouchers/voucher-types.js';
import { actorOf, mayOn, principalOf } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { confirmation, transferInput, transferParams } from '../voucher-schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders, type WriteAnswer } from '../write.js';

const tags = ['transfers'];

export function transferRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    /** Null when the user may post (and, where required, approve) vouchers of `type` in the fund. */
    const refusal = (request: FastifyRequest, fund: EntityRow, type: VoucherType): string | null => {
      const principal = principalOf(request);
      if (!mayOn(store, principal, 'ledger.post', fund.id)) return `needs ledger.post on ${fund.code}`;
      const approval = voucherSettingsOf(store, fund).types[type].approvalRequired;
      return approval && !mayOn(store, principal, 'voucher.approve', fund.id) ? `needs voucher.approve on ${fund.code}` : null;
    };
    const json = (transfer: Transfer) => transferJson(store, transfer);
    const pairAnswer = (pair: Result<TransferPair>, status: number): Result<WriteAnswer> => (pair.ok ? accept({ status, body: json(pair.value.transfer) }) : pair);

    app.post(
      '/api/transfers',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'Send money from one fund to another: the paired payment and receipt vouchers', body: transferInput, headers: idempotencyHeaders, response: { 201: success.transfer } } },
      async (request, reply) => {
        const body = request.body;
        const from = findEntityByCode(store.db, body.from);
        const to = findEntityByCode(store.db, body.to);
        if (!from || !to) return sendRejection(reply, reject('entity_unknown', from ? 'body.to' : 'body.from', from ? body.to : body.from));
        const refused = refusal(request, from, 'bank-payment') ?? (body.inTransit ? null : refusal(request, to, 'bank-receipt'));
        if (refused) return sendApiProblem(reply, 'forbidden', refused);
        return answerWrite(store, request, reply, { entity: null, locate: (b) => `/api/transfers/${(b as { id: number }).id}` }, () =>
          pairAnswer(createTransfer(store, { ...body, actor: actorOf(request) }), 201),
        );
      },
    );

    app.get(
      '/api/transfers/:id',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'A transfer and its vouchers on both sides', params: transferParams, response: { 200: success.transfer } } },
      async (request, reply) => {
        const transfer = readable(store, request, request.params.id);
        return transfer.ok ? json(transfer.value) : answerRefusal(reply, transfer.refusal);
      },
    );

    app.post(
      '/api/transfers/:id/confirm',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'The receiving fund confirms money sent in transit has arrived', params: transferParams, body: confirmation.nullish(), headers: idempotencyHeaders, response: { 200: success.transfer } } },
      async (request, reply) => {
        const found = readable(store, request, request.params.id);
        if (!found.ok) return answerRefusal(reply, found.refusal);
        const transfer = found.value;
        const receiver = findEntityById(store.db, transfer.toEntityId);
        const refused = receiver ? refusal(request, receiver, 'bank-receipt') : 'no receiving fund';
        if (refused) return sendApiProblem(reply, 'forbidden', refused);
        const date = request.body?.date;
        return answerWrite(store, request, reply, { entity: null }, () =>
          pairAnswer(confirmTransfer(store, { id: transfer.id, actor: actorOf(request), ...(date !== undefined && { date }) }), 200),
        );
      },
    );
  };
}

type Found = { ok: true; value: Transfer } | { ok: false; refusal: 'missing' | 'forbidden' };

/** The transfer, if it exists and the user may read the books of either fund. */
function readable(store: Store, request: FastifyRequest, id: number): Found {
  const transfer = findTransfer(store.db, id);
  if (!transfer) return { ok: false, refusal: 'missing' };
  const principal = principalOf(request);
  const may = [transfer.fromEntityId, transfer.toEntityId].some((entityId) => mayOn(store, principal, 'ledger.read', entityId));
  return may ? { ok: true, value: transfer } : { ok: false, refusal: 'forbidden' };
}

function answerRefusal(reply: FastifyReply, refusal: 'missing' | 'forbidden'): FastifyReply {
  return refusal === 'missing' ? sendRejection(reply, reject('transfer_not_found', 'params.id')) : sendApiProblem(reply, 'forbidden', 'needs ledger.read on one of its funds');
}

function transferJson(store: Store, transfer: Transfer) {
  const side = (entityId: number, voucherId: number | null) => {
    const voucher = voucherId === null ? undefined : findVoucher(store.db, entityId, voucherId);
    return voucher ? { id: voucher.id, type: voucher.type, status: voucher.status, number: voucher.number, date: voucher.accountingDate } : null;
  };
  return {
    id: transfer.id,
    from: findEntityById(store.db, transfer.fromEntityId)?.code ?? null,
    to: findEntityById(store.db, transfer.toEntityId)?.code ?? null,
    status: transfer.status,
    amount: String(transfer.amount),
    date: transfer.date,
    reason: transfer.reason,
    payment: side(transfer.fromEntityId, transfer.paymentVoucherId),
    settlement: side(transfer.fromEntityId, transfer.settlementVoucherId),
    receipt: side(transfer.toEntityId, transfer.receiptVoucherId),
    createdBy: transfer.createdBy,
    receivedAt: transfer.receivedAt,
    receivedBy: transfer.receivedBy,
  };
}
