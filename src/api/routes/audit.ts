/**
 * The audit trail: who changed what, when and from where. Auditors and admins read the
 * events of the funds they hold those roles on; events above any fund (users, tokens)
 * need the role over the whole installation.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../db/audit-repo.js';
import { findEntityByCode, listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { reject } from '../../ledger/rejections.js';
import { mayOn } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { isoInstant } from '../../app/input-schemas.js';
import * as success from '../response-schemas.js';
import { entityCode, limit, text, wholeNumber } from '../schemas.js';

const query = z
  .object({
    entity: entityCode.optional(),
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    actor: text(200).optional(),
    kind: text(60).optional().meta({ example: 'entries.posted' }),
    afterId: wholeNumber(0).optional(),
    limit,
  })
  .strict();

export function auditRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      { config: { access: { signedIn: true } }, schema: { tags: ['audit'], summary: 'Audit trail, filtered by fund, time, actor and kind', querystring: query, response: { 200: success.auditPage } } },
      async (request, reply) => {
        const { entity, limit, ...filter } = request.query;
        const funds = listEntities(store.db);
        const everywhere = mayOn(store, request.principal, 'audit.read', null);
        let entityIds: number[] | 'all';
        if (entity !== undefined) {
          const fund = findEntityByCode(store.db, entity);
          if (!fund) return sendRejection(reply, reject('entity_unknown', 'querystring.entity', entity));
          if (!mayOn(store, request.principal, 'audit.read', fund.id)) return sendApiProblem(reply, 'forbidden', `needs audit.read on ${entity}`);
          entityIds = [fund.id];
        } else if (everywhere) {
          entityIds = 'all';
        } else {
          entityIds = funds.filter((e) => mayOn(store, request.principal, 'audit.read', e.id)).map((e) => e.id);
          if (entityIds.length === 0) return sendApiProblem(reply, 'forbidden', 'needs audit.read on some fund');
        }
        const codes = new Map(funds.map((e) => [e.id, e.code]));
        const rows = listAudit(store.db, { entityIds, limit, ...filter });
        return {
          events: rows.map((r) => ({
            id: r.id, at: r.at, actor: r.actor, origin: r.origin, requestId: r.requestId,
            entity: r.entityId === null ? null : (codes.get(r.entityId) ?? null),
            kind: r.kind, subject: r.subject, detail: JSON.parse(r.detail) as Record<string, unknown>,
          })),
          nextAfterId: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
        };
      },
    );
  };
}
