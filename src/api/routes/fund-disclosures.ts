/**
 * A fund's own periodic public report (the Fund for the Poor's: opening, received, used with
 * the households supported, closing), read for any range and published; and the check of
 * any of the fund's publications against its ledger.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishDisclosure, verifyDisclosure } from '../../app/publish-disclosure.js';
import { getFundDisclosure } from '../../app/reports/get-fund-disclosure.js';
import { listPublished } from '../../db/disclosures-repo.js';
import type { Store } from '../../db/store.js';
import { disclosureJson } from '../../export/disclosure-json.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { disclosureQuery, publication } from '../campaign-schemas.js';
import { replyDisclosure } from '../disclosure-reply.js';
import { sendRejection } from '../problem.js';
import { publicationJson, publishedJson } from '../publication-json.js';
import * as success from '../response-schemas.js';
import { entityParams, wholeNumber } from '../schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const tags = ['disclosures'];

export function fundDisclosureRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/disclosure',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'The fund’s own public report for a period: opening, received by source, used by purpose with the households supported, closing',
          description: 'The current fiscal year to date unless given; as JSON, PDF, XLSX, CSV, or the posting version.',
          params: entityParams, querystring: disclosureQuery, response: { 200: success.fundDisclosureFile },
        },
      },
      async (request, reply) => {
        const { format, posting, place, postedOn, ...range } = request.query;
        const entity = fundOf(request);
        const found = getFundDisclosure(store, { entity: entity.code, ...range });
        if (!found.ok) return sendRejection(reply, { ...found, path: `querystring.${found.path ?? ''}` });
        const report = disclosureJson(found.value);
        const name = `${entity.code}-cong-khai-quy${range.consolidated ? '-hop-nhat' : ''}-${report.from}-${report.to}`;
        return replyDisclosure(store, reply, { entity, name, asked: { format, posting, place, postedOn }, body: report, report, published: null });
      },
    );

    app.get(
      '/api/entities/:entity/disclosures',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The fund’s published periodic reports, corrections included', params: entityParams, response: { 200: z.array(success.publication) } } },
      async (request) => listPublished(store.db, { entity: fundOf(request).code, campaign: null }).map(publicationJson),
    );

    app.post(
      '/api/entities/:entity/disclosures',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Publish the fund’s report for a period as it stands now: frozen, sealed, readable by the public',
          params: entityParams, body: publication.nullish(), headers: idempotencyHeaders, response: { 201: success.publishedDisclosure },
        },
      },
      async (request, reply) => {
        const { entity } = request.params;
        return answerWrite(store, request, reply, { entity, locate: (b) => `/public/disclosures/${(b as { id: number }).id}` }, () => {
          const published = publishDisclosure(store, { entity, ...request.body, actor: actorOf(request) });
          return published.ok ? accept({ status: 201, body: publishedJson(published.value) }) : published;
        });
      },
    );

    app.get(
      '/api/entities/:entity/disclosures/:id/verify',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'Derive a publication’s figures again from the ledger up to each covered fund’s recorded head, naming any that differ',
          params: entityParams.extend({ id: wholeNumber(1) }).strict(), response: { 200: success.disclosureCheck },
        },
      },
      async (request, reply) => {
        const checked = verifyDisclosure(store, { entity: fundOf(request).code, id: request.params.id });
        return checked.ok ? checked.value : sendRejection(reply, { ...checked, path: `params.${checked.path ?? 'id'}` });
      },
    );
  };
}
