/**
 * Vouchers of a fund: drafts made, edited and deleted; approved, posted and cancelled;
 * listed, read, and printed as PDF one at a time or in batches. Accountants draft and
 * post, approvers approve and cancel, auditors read and print.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveVoucher } from '../../app/vouchers/approve-voucher.js';
import { cancelVoucher } from '../../app/vouchers/cancel-voucher.js';
import { findVouchers, linksOf, readVoucher } from '../../app/vouchers/find-vouchers.js';
import { postNewVoucher, postVoucher } from '../../app/vouchers/post-voucher.js';
import { voucherDocument, voucherDocuments } from '../../app/vouchers/voucher-documents.js';
import { createVoucher, discardVoucher, editVoucher } from '../../app/vouchers/voucher-drafts.js';
import { vouchersOutOfOrder } from '../../app/vouchers/vouchers-out-of-order.js';
import type { Store } from '../../db/store.js';
import type { NumberedVoucher } from '../../reports/voucher-order.js';
import { range } from '../report-schemas.js';
import { voucherJson } from '../../export/voucher-json.js';
import { pdfBuffer } from '../../export/voucher-pdf.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import { entityParams, flag } from '../schemas.js';
import { batchPrintQuery, cancellation, printQuery, voucherContent, voucherParams, voucherQuery } from '../voucher-schemas.js';
import { answerWrite, idempotencyHeaders, type WriteAnswer } from '../write.js';
import { streamPdf } from '../pdf-reply.js';
import * as success from '../response-schemas.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';

const tags = ['vouchers'];
const outOfOrderQuery = z.object(range).strict();
const numberedVoucher = z.strictObject({ id: z.number().int(), type: z.string(), number: z.string(), date: z.string() });
const outOfOrderPage = z.strictObject({ vouchers: z.array(numberedVoucher.extend({ after: numberedVoucher.meta({ description: 'The lower-numbered voucher of a later date it comes after' }) }).strict()) });
const noBody = z.object({}).strict();
const newVoucherQuery = z
  .object({ post: flag.default(false).meta({ description: 'Post at once: numbered and written to the books, or refused with no draft left behind' }) })
  .strict();

export function voucherRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    /** Answers with the row just written, as the write returned it. */
    const answer = (row: Result<Voucher>, status = 200): Result<WriteAnswer> =>
      row.ok ? accept({ status, body: voucherJson(row.value, linksOf(store, row.value)) }) : row;
    const locate = (entity: string) => (body: unknown) => `/api/entities/${entity}/vouchers/${(body as { id: number }).id}`;

    app.post(
      '/api/entities/:entity/vouchers',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags, summary: 'Make a draft voucher, or with post=true make and post it as one act', params: entityParams, querystring: newVoucherQuery, body: voucherContent, headers: idempotencyHeaders, response: { 201: success.voucher } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        const make = request.query.post ? postNewVoucher : createVoucher;
        return answerWrite(store, request, reply, { entity: fund.code, locate: locate(fund.code) }, () =>
          answer(make(store, { entity: fund.code, content: request.body, actor: actorOf(request) }), 201),
        );
      },
    );

    app.get(
      '/api/entities/:entity/vouchers',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'Vouchers by type, state, accounting date, counterparty or campaign', params: entityParams, querystring: voucherQuery, response: { 200: success.voucherPage } } },
      async (request) => {
        const page = findVouchers(store, fundOf(request).id, request.query);
        return { vouchers: page.vouchers.map((v) => voucherJson(v.row, v.links)), nextAfterId: page.nextAfterId };
      },
    );

    app.get(
      '/api/entities/:entity/vouchers/out-of-order',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'Vouchers of the period numbered after another of their type and year but dated before it: numbering follows posting order, and these are what to explain before an inspection',
          params: entityParams, querystring: outOfOrderQuery, response: { 200: outOfOrderPage },
        },
      },
      async (request, reply) => {
        const found = vouchersOutOfOrder(store, { entity: fundOf(request).code, ...request.query });
        if (!found.ok) return sendRejection(reply, { ...found, path: `querystring.${found.path ?? ''}` });
        const brief = (v: NumberedVoucher) => ({ id: v.id, type: v.type, number: v.number, date: v.date });
        return { vouchers: found.value.map((o) => ({ ...brief(o.voucher), after: brief(o.after) })) };
      },
    );

    app.get(
      '/api/entities/:entity/vouchers.pdf',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'Print every voucher of a date range into one PDF, streamed', params: entityParams, querystring: batchPrintQuery, response: { 200: success.pdfFile } } },
      async (request, reply) => {
        const { copies, ...filter } = request.query;
        const fund = fundOf(request);
        const documents = voucherDocuments(store, { entityId: fund.id, filter, copies });
        return streamPdf(reply, documents, `${fund.code}-chung-tu-${filter.from}-${filter.to}.pdf`);
      },
    );

    app.get(
      '/api/entities/:entity/vouchers/:id',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'One voucher', params: voucherParams, response: { 200: success.voucher } } },
      async (request, reply) => {
        const read = readVoucher(store, fundOf(request).id, request.params.id);
        return read.ok ? voucherJson(read.value.row, read.value.links) : sendRejection(reply, read);
      },
    );

    app.get(
      '/api/entities/:entity/vouchers/:id/pdf',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The voucher printed as PDF (A5; lists on A4), in 1 to 4 numbered copies', params: voucherParams, querystring: printQuery, response: { 200: success.pdfFile } } },
      async (request, reply) => {
        const document = voucherDocument(store, { entityId: fundOf(request).id, id: request.params.id, copies: request.query.copies });
        if (!document.ok) return sendRejection(reply, document);
        const number = document.value.references.find((r) => r.startsWith('Số: '))?.slice(4) ?? String(request.params.id);
        const pdf = await pdfBuffer([document.value], { title: `${document.value.title} ${number}` });
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName(number)}.pdf"`).send(pdf);
      },
    );

    app.put(
      '/api/entities/:entity/vouchers/:id',
      { config: { access: { permission: 'ledger.post' } }, schema: { tags, summary: 'Rewrite a draft (an approved voucher goes back to draft)', params: voucherParams, body: voucherContent, response: { 200: success.voucher } } },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code }, () =>
          answer(editVoucher(store, { entity: fund.code, id: request.params.id, content: request.body, actor: actorOf(request) })),
        );
      },
    );

    app.delete(
      '/api/entities/:entity/vouchers/:id',
      { config: { access: { permission: 'ledger.post' } }, schema: { tags, summary: 'Delete a draft', params: voucherParams, response: { 204: success.noContent } } },
      async (request, reply) => {
        const fund = fundOf(request);
        const deleted = discardVoucher(store, { entity: fund.code, id: request.params.id, actor: actorOf(request) });
        return deleted.ok ? reply.code(204).send() : sendRejection(reply, deleted);
      },
    );

    /** Approve and post take no body; cancel takes an optional date and reason. */
    const act = (path: 'approve' | 'post' | 'cancel', summary: string, permission: 'ledger.post' | 'voucher.approve', run: (entity: string, id: number, actor: ReturnType<typeof actorOf>, body: { date?: string; reason?: string }) => Result<Voucher>) =>
      app.post(
        `/api/entities/:entity/vouchers/:id/${path}`,
        { config: { access: { permission } }, schema: { tags, summary, params: voucherParams, body: (path === 'cancel' ? cancellation : noBody).nullish(), headers: idempotencyHeaders, response: { [path === 'cancel' ? 201 : 200]: success.voucher } } },
        async (request, reply) => {
          const fund = fundOf(request);
          return answerWrite(store, request, reply, { entity: fund.code, locate: locate(fund.code) }, () =>
            answer(run(fund.code, request.params.id, actorOf(request), request.body ?? {}), path === 'cancel' ? 201 : 200),
          );
        },
      );
    act('approve', 'Approve a draft voucher', 'voucher.approve', (entity, id, actor) => approveVoucher(store, { entity, id, actor }));
    act('post', 'Post a voucher: number it and write its entry', 'ledger.post', (entity, id, actor) => postVoucher(store, { entity, id, actor }));
    act('cancel', 'Cancel a posted voucher with a linked reversing voucher (answers with it)', 'voucher.approve', (entity, id, actor, body) =>
      cancelVoucher(store, { entity, id, actor, ...(body.date !== undefined && { date: body.date }), ...(body.reason !== undefined && { reason: body.reason }) }),
    );
  };
}

function fileName(number: string): string {
  return number.normalize('NFD').replace(/[^A-Za-z0-9.-]+/g, '-');
}
