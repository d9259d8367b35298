/**
 * Campaigns of a fund: open one (its kind, legal basis, documents, dedicated accounts, support
 * levels), change it, read them with their effective dates and status, extend receiving by
 * decision, and read and publish the disclosure.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignDetails, oneCampaign } from '../../app/campaign-details.js';
import { createCampaign } from '../../app/create-campaign.js';
import { extendCampaign } from '../../app/extend-campaign.js';
import { loadFund } from '../../app/fund.js';
import { publishDisclosure } from '../../app/publish-disclosure.js';
import { listPublished } from '../../db/disclosures-repo.js';
import { getDisclosure } from '../../app/reports/get-disclosure.js';
import { disclosureJson } from '../../export/disclosure-json.js';
import { replyDisclosure } from '../disclosure-reply.js';
import type { Store } from '../../db/store.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { campaignChange, campaignCode, disclosureQuery, extension, newCampaign, publication } from '../campaign-schemas.js';
import { changeCampaign } from '../../app/change-campaign.js';
import { publicationJson, publishedJson } from '../publication-json.js';
import { entityParams } from '../schemas.js';
import { answerWrite, idempotencyHeaders, type WriteAnswer } from '../write.js';

const tags = ['campaigns'];
const campaignParams = entityParams.extend({ campaign: campaignCode }).strict();

export function campaignRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    /** The campaign as it now stands, read after the write in the same transaction's snapshot. */
    const details = (entity: string, code: string, status: number): Result<WriteAnswer> => {
      const fund = loadFund(store, entity);
      if (!fund.ok) return fund;
      const found = oneCampaign(store, fund.value, code);
      return found.ok ? accept({ status, body: found.value }) : found;
    };

    app.get(
      '/api/entities/:entity/campaigns',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'Campaigns of a fund, with their effective dates', params: entityParams, response: { 200: z.array(success.campaign) } } },
      async (request, reply) => {
        const fund = loadFund(store, fundOf(request).code);
        return fund.ok ? campaignDetails(store, fund.value) : sendRejection(reply, fund);
      },
    );

    app.get(
      '/api/entities/:entity/campaigns/:campaign',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'One campaign', params: campaignParams, response: { 200: success.campaign } } },
      async (request, reply) => {
        const fund = loadFund(store, fundOf(request).code);
        const found = fund.ok ? oneCampaign(store, fund.value, request.params.campaign) : fund;
        return found.ok ? found.value : sendRejection(reply, { ...found, path: `params.${found.path ?? 'campaign'}` });
      },
    );

    app.get(
      '/api/entities/:entity/campaigns/:campaign/disclosure',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'The campaign’s disclosure (ND 93/2021 art. 14.2), for the fund or consolidated with the funds below; as JSON, PDF, XLSX, CSV, or the posting version',
          description: 'From the launch to the end of distribution (or today) unless given.',
          params: campaignParams, querystring: disclosureQuery, response: { 200: success.disclosureFile },
        },
      },
      async (request, reply) => {
        const { format, posting, place, postedOn, ...range } = request.query;
        const entity = fundOf(request);
        const found = getDisclosure(store, { entity: entity.code, campaign: request.params.campaign, ...range });
        if (!found.ok) return sendRejection(reply, { ...found, path: found.code === 'campaign_unknown' ? 'params.campaign' : `querystring.${found.path ?? ''}` });
        const report = disclosureJson(found.value);
        const name = `${entity.code}-cong-khai-${request.params.campaign}${range.consolidated ? '-hop-nhat' : ''}-${report.from}-${report.to}`;
        return replyDisclosure(store, reply, { entity, name, asked: { format, posting, place, postedOn }, body: report, report, published: null });
      },
    );

    app.get(
      '/api/entities/:entity/campaigns/:campaign/disclosures',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The campaign’s published disclosures, corrections included', params: campaignParams, response: { 200: z.array(success.publication) } } },
      async (request) => listPublished(store.db, { entity: fundOf(request).code, campaign: request.params.campaign }).map(publicationJson),
    );

    app.post(
      '/api/entities/:entity/campaigns/:campaign/disclosures',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Publish the disclosure as it stands now: frozen, sealed with its SHA-256 and each covered fund’s chain head, readable by the public',
          params: campaignParams, body: publication.nullish(), headers: idempotencyHeaders, response: { 201: success.publishedDisclosure },
        },
      },
      async (request, reply) => {
        const { entity, campaign } = request.params;
        return answerWrite(store, request, reply, { entity, locate: (b) => `/public/disclosures/${(b as { id: number }).id}` }, () => {
          const published = publishDisclosure(store, { entity, campaign, ...request.body, actor: actorOf(request) });
          return published.ok ? accept({ status: 201, body: publishedJson(published.value) }) : published;
        });
      },
    );

    app.post(
      '/api/entities/:entity/campaigns',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags, summary: 'Open a campaign (cuộc vận động)', params: entityParams, body: newCampaign, headers: idempotencyHeaders, response: { 201: success.campaign } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code, locate: () => `/api/entities/${fund.code}/campaigns/${request.body.code}` }, () => {
          const created = createCampaign(store, { entity: fund.code, ...request.body, actor: actorOf(request) });
          return created.ok ? details(fund.code, created.value.code, 201) : created;
        });
      },
    );

    app.patch(
      '/api/entities/:entity/campaigns/:campaign',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Rename a campaign, say whether it takes designated money, add calling documents and support levels',
          params: campaignParams, body: campaignChange, headers: idempotencyHeaders, response: { 200: success.campaign },
        },
      },
      async (request, reply) => {
        const { entity, campaign } = request.params;
        return answerWrite(store, request, reply, { entity }, () => {
          const changed = changeCampaign(store, { entity, campaign, ...request.body, actor: actorOf(request) });
          return changed.ok ? details(entity, campaign, 200) : changed;
        });
      },
    );

    app.post(
      '/api/entities/:entity/campaigns/:campaign/extensions',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags, summary: 'Extend receiving by decision (a fund of a level the legal basis allows)', params: campaignParams, body: extension, headers: idempotencyHeaders, response: { 201: success.campaign } },
      },
      async (request, reply) => {
        const { entity, campaign } = request.params;
        return answerWrite(store, request, reply, { entity }, () => {
          const extended = extendCampaign(store, { entity, campaign, ...request.body, actor: actorOf(request) });
          return extended.ok ? details(entity, campaign, 201) : extended;
        });
      },
    );
  };
}
