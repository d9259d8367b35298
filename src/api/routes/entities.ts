/**
 * Funds: the list a user may see, creating a fund (under a parent one administers, or at
 * the top with installation rights), reading and changing a profile, bank accounts and
 * counterparties.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addBankAccount } from '../../app/add-bank-account.js';
import { createEntity } from '../../app/create-entity.js';
import { entityDetails } from '../../app/entity-details.js';
import { holds } from '../../app/caller.js';
import { entityProfileSchema } from '../../app/entity-profile-schema.js';
import { removeSealImage, setSealImage } from '../../app/seal-image.js';
import { updateEntity } from '../../app/update-entity.js';
import { listCounterparties } from '../../db/dimensions-repo.js';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { entityJson, entitySummaryJson } from '../../export/entity-json.js';
import { SEAL_IMAGE_MAX_BYTES, sealImageType } from '../../export/seal-image.js';
import { accept, reject } from '../../ledger/rejections.js';
import { actorOf, fundOf, principalOf } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { entityParams, limit, text, wholeNumber } from '../schemas.js';
import { COUNTERPARTY_KINDS } from '../../ledger/entry.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const profileShape = entityProfileSchema.shape;
const entityChanges = z
  .object({
    name: profileShape.name.optional(),
    address: profileShape.address,
    budgetUnitCode: profileShape.budgetUnitCode,
    seal: profileShape.seal.optional(),
    signatories: profileShape.signatories,
    policy: profileShape.policy,
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change')
  .meta({ example: { address: 'Số 1 Phạm Thái Bường, Phường 4, TP Trà Vinh', seal: { name: 'ỦY BAN MTTQ VIỆT NAM TỈNH TRÀ VINH' } } });
const counterpartyQuery = z
  .object({ kind: z.enum(COUNTERPARTY_KINDS).optional(), name: text(300).optional(), afterId: wholeNumber(1).optional(), limit })
  .strict();
const bankAccount = z.object({ ...profileShape.bankAccounts.unwrap().element.shape }).strict();
export function entityRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/entities', { config: { access: { signedIn: true } }, schema: { tags: ['entities'], summary: 'Funds you hold a role on', response: { 200: z.array(success.entitySummary) } } }, async (request) =>
      listEntities(store.db)
        .filter((e) => holds(store, principalOf(request), 'entity.read', e.id))
        .map(entitySummaryJson),
    );

    app.post(
      '/api/entities',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['entities'], summary: 'Create a fund (admin of its parent, or of the installation for a top-level fund)', body: entityProfileSchema, headers: idempotencyHeaders, response: { 201: success.entity } },
      },
      async (request, reply) => {
        const profile = request.body;
        return answerWrite(store, request, reply, { entity: profile.parent ?? null, locate: () => `/api/entities/${profile.code}` }, () => {
          const created = createEntity(store, profile, actorOf(request));
          return created.ok ? accept({ status: 201, body: entityJson(entityDetails(store, created.value)) }) : created;
        });
      },
    );

    app.get(
      '/api/entities/:entity',
      { config: { access: { permission: 'entity.read' } }, schema: { tags: ['entities'], summary: 'A fund’s profile', params: entityParams, response: { 200: success.entity } } },
      async (request) => entityJson(entityDetails(store, fundOf(request))),
    );

    app.patch(
      '/api/entities/:entity',
      {
        config: { access: { permission: 'entity.manage' } },
        schema: { tags: ['entities'], summary: 'Change a fund’s profile, seal, signatories or policy', params: entityParams, body: entityChanges, response: { 200: success.entity } },
      },
      async (request, reply) => {
        const updated = updateEntity(store, { entity: fundOf(request).code, changes: request.body, actor: actorOf(request) });
        return updated.ok ? entityJson(entityDetails(store, updated.value)) : sendRejection(reply, updated);
      },
    );

    app.put(
      '/api/entities/:entity/seal-image',
      {
        config: { access: { permission: 'entity.manage' } },
        bodyLimit: SEAL_IMAGE_MAX_BYTES,
        schema: {
          tags: ['entities'],
          summary: 'Upload the seal’s image, printed over the head’s signature where seal.imageOn says',
          description: 'The body is the image’s bytes, sent as Content-Type image/png or image/jpeg: at most 1 MiB and 2,400 pixels a side. Any other content type is 415.',
          params: entityParams,
          response: { 200: success.entity },
        },
      },
      async (request, reply) => {
        // The parsers took the body only as one of these types; without a body there is no type.
        const type = sealImageType(request.headers['content-type']);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (type === null && request.headers['content-type'] !== undefined) return sendApiProblem(reply, 'unsupported_media_type', 'a seal image is sent as image/png or image/jpeg', 'headers.content-type');
        if (type === null) return sendRejection(reply, reject('seal_image_invalid', 'body', 'the body is the PNG or JPEG image itself, sent as image/png or image/jpeg'));
        const set = setSealImage(store, { entity: fundOf(request).code, bytes, type, actor: actorOf(request) });
        return set.ok ? entityJson(entityDetails(store, set.value)) : sendRejection(reply, set);
      },
    );

    app.get(
      '/api/entities/:entity/seal-image',
      { config: { access: { permission: 'entity.read' } }, schema: { tags: ['entities'], summary: 'The seal’s image', params: entityParams, response: { 200: success.sealImageFile } } },
      async (request, reply) => {
        const fund = fundOf(request);
        if (fund.sealImage === null || fund.sealImageType === null) return sendRejection(reply, reject('seal_image_none', 'entity', fund.code));
        return reply.type(fund.sealImageType).header('cache-control', 'no-store').send(fund.sealImage);
      },
    );

    app.delete(
      '/api/entities/:entity/seal-image',
      { config: { access: { permission: 'entity.manage' } }, schema: { tags: ['entities'], summary: 'Remove the seal’s image', params: entityParams, response: { 204: success.noContent } } },
      async (request, reply) => {
        const removed = removeSealImage(store, { entity: fundOf(request).code, actor: actorOf(request) });
        return removed.ok ? reply.code(204).send() : sendRejection(reply, removed);
      },
    );

    app.post(
      '/api/entities/:entity/bank-accounts',
      {
        config: { access: { permission: 'entity.manage' } },
        schema: { tags: ['entities'], summary: 'Register a bank or treasury account', params: entityParams, body: bankAccount, headers: idempotencyHeaders, response: { 201: success.bankAccountAdded } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code }, () => {
          const added = addBankAccount(store, { entity: fund.code, bank: request.body, actor: actorOf(request) });
          return added.ok ? accept({ status: 201, body: added.value }) : added;
        });
      },
    );

    app.get(
      '/api/entities/:entity/counterparties',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: { tags: ['entities'], summary: 'Donors, beneficiaries, suppliers and other funds of a fund, a page at a time (ids for their subsidiary ledgers)', params: entityParams, querystring: counterpartyQuery, response: { 200: success.counterpartyPage } },
      },
      async (request) => {
        const { limit, ...filter } = request.query;
        const rows = listCounterparties(store.db, fundOf(request).id, { ...filter, limit });
        const last = rows.at(-1);
        return {
          counterparties: rows.map((c) => ({ id: c.id, kind: c.kind, name: c.name, address: c.address, form: c.form })),
          nextAfterId: rows.length === limit && last ? last.id : null,
        };
      },
    );
  };
}
