/** What anyone may read without signing in: the disclosures funds have published, exactly as published. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPublished, listPublished } from '../../db/disclosures-repo.js';
import { findEntityByCode } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { reject } from '../../ledger/rejections.js';
import { publishedQuery } from '../campaign-schemas.js';
import { replyDisclosure } from '../disclosure-reply.js';
import { sendRejection } from '../problem.js';
import { publicationJson, publishedJson } from '../publication-json.js';
import * as success from '../response-schemas.js';
import { entityCode, text, wholeNumber } from '../schemas.js';

const tags = ['public'];
const open = { access: { public: true as const } };

export function publicRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/disclosures',
      {
        config: open,
        schema: { tags, summary: 'Published disclosures, by fund and campaign', querystring: z.object({ entity: entityCode.optional(), campaign: text(40).optional() }).strict(), response: { 200: z.array(success.publication) } },
      },
      async (request) => listPublished(store.db, request.query).map(publicationJson),
    );

    app.get(
      '/public/disclosures/:id',
      {
        config: open,
        schema: {
          tags, summary: 'One published disclosure, with its report as published; as PDF, XLSX or CSV the report printed as frozen, or its posting version (niêm yết)',
          params: z.object({ id: wholeNumber(1) }).strict(), querystring: publishedQuery,
          response: { 200: success.publishedFile },
        },
      },
      async (request, reply) => {
        const found = findPublished(store.db, request.params.id);
        const entity = found && findEntityByCode(store.db, found.entity);
        if (!found || !entity) return sendRejection(reply, reject('disclosure_not_found', 'params.id', String(request.params.id)));
        const body = publishedJson(found);
        const name = `${found.entity}-cong-khai-${found.campaign ?? 'quy'}-so-${found.id}`;
        return replyDisclosure(store, reply, { entity, name, asked: request.query, body, report: body.report, published: found });
      },
    );
  };
}
