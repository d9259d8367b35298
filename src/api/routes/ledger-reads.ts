/**
 * Read-only ledger routes: the funds, a fund's trial balance over a date range, the
 * balance of one account as of a date, and the verification of its hash chain.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccountBalance, getTrialBalance } from '../../app/trial-balance.js';
import { verifyFund } from '../../app/verify-chain.js';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { trialBalanceJson } from '../../export/trial-balance-json.js';
import { sendRejection } from '../problem.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const entityParams = z.object({ entity: z.string().min(1).max(40) }).strict();

export function ledgerReadRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/entities', async () =>
      listEntities(store.db).map((e) => ({ code: e.code, name: e.name, kind: e.kind, level: e.level })),
    );

    app.get(
      '/api/entities/:entity/trial-balance',
      { schema: { params: entityParams, querystring: z.object({ from: isoDate, to: isoDate }).strict() } },
      async (request, reply) => {
        const tb = getTrialBalance(store, { entity: request.params.entity, ...request.query });
        return tb.ok ? trialBalanceJson(tb.value) : sendRejection(reply, tb);
      },
    );

    app.get(
      '/api/entities/:entity/balances/:account',
      {
        schema: {
          params: entityParams.extend({ account: z.string().regex(/^\d{3,12}$/, 'expected an account code') }),
          querystring: z.object({ asOf: isoDate }).strict(),
        },
      },
      async (request, reply) => {
        const balance = getAccountBalance(store, { ...request.params, asOf: request.query.asOf });
        if (!balance.ok) return sendRejection(reply, balance);
        return { ...balance.value, balance: balance.value.balance.toString(), currency: 'VND' };
      },
    );

    app.get('/api/entities/:entity/verify', { schema: { params: entityParams } }, async (request, reply) => {
      const report = verifyFund(store, request.params.entity);
      return report.ok ? report.value : sendRejection(reply, report);
    });
  };
}
