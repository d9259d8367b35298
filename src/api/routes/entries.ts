/**
 * Entries of a fund: post one, list them with filters a page at a time, read one by its
 * sequence number, reverse one. Entries are never changed or deleted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findEntryBySeq, listEntries } from '../../app/find-entries.js';
import { postEntries } from '../../app/post-entries.js';
import { reverseEntry } from '../../app/reverse-entry.js';
import { findEntry, findEntryIdBySeq } from '../../db/entries-repo.js';
import type { Store } from '../../db/store.js';
import { entryJson } from '../../export/entry-json.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { PostedRef } from '../../app/posting-session.js';
import { actorOf, fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import { accountCode, entityParams, entryInput, isoDate, limit, text, wholeNumber } from '../schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders, type WriteAnswer } from '../write.js';

const seqParams = entityParams.extend({ seq: wholeNumber(1).meta({ example: 3 }) }).strict();

const listQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    kind: z.enum(['regular', 'opening', 'reversal', 'closing']).optional(),
    account: accountCode.optional(),
    campaign: text(40).optional(),
    counterparty: text(300).optional(),
    afterSeq: wholeNumber(0).optional(),
    limit,
  })
  .strict();

const reversal = z
  .object({ date: isoDate.optional(), description: text(500).optional() })
  .strict()
  .meta({ example: { date: '2025-01-20', description: 'Đảo bút toán ghi trùng' } });

export function entryRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    /** The posted entry as the API shows it, read back inside the write's transaction. */
    const created = (entityId: number, entity: string, posted: Result<PostedRef>): Result<WriteAnswer> => {
      if (!posted.ok) return posted;
      const entry = findEntry(store.sqlite, entityId, posted.value.id);
      if (!entry) throw new Error(`entry ${posted.value.id} of ${entity} not found right after posting`);
      return accept({ status: 201, body: entryJson(entry) });
    };
    const locate = (entity: string) => (body: unknown) => `/api/entities/${entity}/entries/${(body as { seq: number }).seq}`;

    app.post(
      '/api/entities/:entity/entries',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags: ['entries'], summary: 'Post a balanced entry', params: entityParams, body: entryInput, headers: idempotencyHeaders, response: { 201: success.entry } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        const { kind, ...input } = request.body;
        return answerWrite(store, request, reply, { entity: fund.code, locate: locate(fund.code) }, () => {
          const posted = postEntries(store, { entity: fund.code, entries: [input], actor: actorOf(request), ...(kind && { kind }) });
          return created(fund.id, fund.code, posted.ok ? accept(posted.value[0] as PostedRef) : posted);
        });
      },
    );

    app.get(
      '/api/entities/:entity/entries',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: { tags: ['entries'], summary: 'Entries by date, kind, account, campaign or counterparty, in sequence order', params: entityParams, querystring: listQuery, response: { 200: success.entryPage } },
      },
      async (request) => {
        const page = listEntries(store, fundOf(request).id, request.query);
        return { entries: page.entries.map(entryJson), nextAfterSeq: page.nextAfterSeq };
      },
    );

    app.get(
      '/api/entities/:entity/entries/:seq',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags: ['entries'], summary: 'One entry by its sequence number', params: seqParams, response: { 200: success.entry } } },
      async (request, reply) => {
        const entry = findEntryBySeq(store, fundOf(request).id, request.params.seq);
        return entry.ok ? entryJson(entry.value) : sendRejection(reply, entry);
      },
    );

    app.post(
      '/api/entities/:entity/entries/:seq/reverse',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags: ['entries'], summary: 'Reverse an entry with a linked entry on the other side', params: seqParams, body: reversal.nullish(), headers: idempotencyHeaders, response: { 201: success.entry } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code, locate: locate(fund.code) }, () => {
          const entryId = findEntryIdBySeq(store.sqlite, fund.id, request.params.seq);
          if (entryId === undefined) return reject('entry_not_found', 'params.seq', String(request.params.seq));
          const body = request.body ?? {};
          const reversed = reverseEntry(store, {
            entity: fund.code, entryId, actor: actorOf(request),
            ...(body.date !== undefined && { date: body.date }),
            ...(body.description !== undefined && { description: body.description }),
          });
          return created(fund.id, fund.code, reversed);
        });
      },
    );
  };
}
