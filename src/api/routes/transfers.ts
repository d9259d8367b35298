/**
 * Transfers between fund levels. Who may make, confirm and read one is the use cases' rule
 * (src/app/transfers/transfer-rights.ts); the routes parse, call and answer.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmTransfer } from '../../app/transfers/confirm-transfer.js';
import { createTransfer, type TransferPair } from '../../app/transfers/create-transfer.js';
import { readableTransfer } from '../../app/transfers/transfer-rights.js';
import { findEntityById } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher } from '../../db/vouchers-repo.js';
import { accept, type Result } from '../../ledger/rejections.js';
import type { Transfer } from '../../ledger/transfer.js';
import { actorOf } from '../access.js';
import { sendRejection } from '../problem.js';
import { confirmation, transferInput, transferParams } from '../voucher-schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders, type WriteAnswer } from '../write.js';

const tags = ['transfers'];

export function transferRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    const json = (transfer: Transfer) => transferJson(store, transfer);
    const pairAnswer = (pair: Result<TransferPair>, status: number): Result<WriteAnswer> => (pair.ok ? accept({ status, body: json(pair.value.transfer) }) : pair);

    app.post(
      '/api/transfers',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'Send money from one fund to another: the paired payment and receipt vouchers', body: transferInput, headers: idempotencyHeaders, response: { 201: success.transfer } } },
      async (request, reply) =>
        answerWrite(store, request, reply, { entity: null, locate: (b) => `/api/transfers/${(b as { id: number }).id}` }, () =>
          pairAnswer(createTransfer(store, { ...request.body, actor: actorOf(request) }), 201),
        ),
    );

    app.get(
      '/api/transfers/:id',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'A transfer and its vouchers on both sides', params: transferParams, response: { 200: success.transfer } } },
      async (request, reply) => {
        const transfer = readableTransfer(store, actorOf(request), request.params.id);
        return transfer.ok ? json(transfer.value) : sendRejection(reply, { ...transfer, path: 'params.id' });
      },
    );

    app.post(
      '/api/transfers/:id/confirm',
      { config: { access: { signedIn: true } }, schema: { tags, summary: 'The receiving fund confirms money sent in transit has arrived', params: transferParams, body: confirmation.nullish(), headers: idempotencyHeaders, response: { 200: success.transfer } } },
      async (request, reply) => {
        const date = request.body?.date;
        return answerWrite(store, request, reply, { entity: null }, () =>
          pairAnswer(confirmTransfer(store, { id: request.params.id, actor: actorOf(request), ...(date !== undefined && { date }) }), 200),
        );
      },
    );
  };
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
