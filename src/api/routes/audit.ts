/** The audit trail: who changed what, when and from where, within the reader's reach (src/app/audit-reach.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../db/audit-repo.js';
import { auditReach } from '../../app/audit-reach.js';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { principalOf } from '../access.js';
import { sendRejection } from '../problem.js';
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
        const reach = auditReach(store, principalOf(request), entity);
        if (!reach.ok) return sendRejection(reply, reach.path === undefined ? reach : { ...reach, path: `querystring.${reach.path}` });
        const codes = new Map(listEntities(store.db).map((e) => [e.id, e.code]));
        const rows = listAudit(store.db, { entityIds: reach.value, limit, ...filter });
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
