/**
 * A campaign's allocation decisions (quyết định phân bổ): record one, and read them all with
 * decided, paid and still due per line and the households paid at each support level.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allocate } from '../../app/allocate.js';
import { loadFund } from '../../app/fund.js';
import { getAllocations } from '../../app/reports/get-allocations.js';
import type { Store } from '../../db/store.js';
import { asJson } from '../../export/disclosure-json.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { AllocationReport } from '../../reports/allocations.js';
import { actorOf, fundOf } from '../access.js';
import { allocationDecision, campaignCode } from '../campaign-schemas.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { entityParams } from '../schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const tags = ['campaigns'];
const campaignParams = entityParams.extend({ campaign: campaignCode }).strict();

export function allocationRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    /** The campaign's decisions as they stand now, in the transaction that read or wrote them. */
    const report = (entity: string, campaign: string): Result<AllocationReport> => {
      const fund = loadFund(store, entity);
      if (!fund.ok) return fund;
      if (!fund.value.campaignIds.has(campaign)) return reject('campaign_unknown', 'params.campaign', campaign);
      return accept(getAllocations(store, fund.value, { campaign }));
    };

    app.get(
      '/api/entities/:entity/campaigns/:campaign/allocations',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: { tags, summary: 'The campaign’s allocation decisions: decided, paid and still due per line; households paid per support level', params: campaignParams, response: { 200: success.allocations } },
      },
      async (request, reply) => {
        const found = report(fundOf(request).code, request.params.campaign);
        return found.ok ? asJson(found.value) : sendRejection(reply, found);
      },
    );

    app.post(
      '/api/entities/:entity/campaigns/:campaign/allocations',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Record an allocation decision: lines to funds directly below or to households, at the campaign’s support levels',
          params: campaignParams, body: allocationDecision, headers: idempotencyHeaders, response: { 201: success.allocationDecision },
        },
      },
      async (request, reply) => {
        const { entity, campaign } = request.params;
        return answerWrite(store, request, reply, { entity, locate: () => `/api/entities/${entity}/campaigns/${campaign}/allocations` }, () => {
          const decided = allocate(store, { entity, campaign, ...request.body, actor: actorOf(request) });
          if (!decided.ok) return decided;
          const now = report(entity, campaign);
          if (!now.ok) return now;
          const decision = now.value.decisions.find((d) => d.number === decided.value.number);
          return decision ? accept({ status: 201, body: asJson(decision) }) : reject('campaign_unknown', 'campaign', campaign);
        });
      },
    );
  };
}
