/** A fund's chart of accounts: list, add a sub-account, deactivate, replace from CSV. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addSubAccount } from '../../app/add-sub-account.js';
import { deactivateAccount } from '../../app/deactivate-account.js';
import { loadFund } from '../../app/fund.js';
import { importChart } from '../../app/import-chart.js';
import type { Store } from '../../db/store.js';
import type { Account } from '../../ledger/chart.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { EXAMPLE_ACCOUNTS } from '../examples.js';
import { sendRejection } from '../problem.js';
import { accountCode, entityParams, text } from '../schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const accountJson = (a: Account) => ({
  code: a.code, parent: a.parent, nameVi: a.nameVi, nameEn: a.nameEn, class: a.class, normalSide: a.normalSide,
  offBalance: a.offBalance, active: a.active, postable: a.leaf && a.active && !a.offBalance,
});

const subAccount = z
  .object({ code: accountCode, parent: accountCode, nameVi: text(300), nameEn: z.string().max(300).optional() })
  .strict()
  .meta({ example: { code: `${EXAMPLE_ACCOUNTS.bank}1`, parent: EXAMPLE_ACCOUNTS.bank, nameVi: 'Tiền gửi Vietcombank - tài khoản vận động' } });

export function accountRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    const chartOf = (entity: string) => {
      const fund = loadFund(store, entity);
      if (!fund.ok) throw new Error(`admitted fund ${entity} cannot be loaded: ${fund.code}`);
      return [...fund.value.chart.accounts.values()].sort((a, b) => a.code.localeCompare(b.code)).map(accountJson);
    };

    app.get(
      '/api/entities/:entity/accounts',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags: ['accounts'], summary: 'The fund’s chart of accounts', params: entityParams, response: { 200: z.array(success.account) } } },
      async (request) => chartOf(fundOf(request).code),
    );

    app.post(
      '/api/entities/:entity/accounts',
      {
        config: { access: { permission: 'chart.manage' } },
        schema: { tags: ['accounts'], summary: 'Add a sub-account', params: entityParams, body: subAccount, headers: idempotencyHeaders, response: { 201: success.accountAdded } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code, locate: () => `/api/entities/${fund.code}/accounts` }, () => {
          const added = addSubAccount(store, { entity: fund.code, ...request.body, actor: actorOf(request) });
          return added.ok ? accept({ status: 201, body: added.value }) : added;
        });
      },
    );

    app.post(
      '/api/entities/:entity/accounts/:code/deactivate',
      {
        config: { access: { permission: 'chart.manage' } },
        schema: { tags: ['accounts'], summary: 'Deactivate an account without balance or active sub-accounts', params: entityParams.extend({ code: accountCode }).strict(), response: { 200: success.accountDeactivated } },
      },
      async (request, reply) => {
        const done = deactivateAccount(store, { entity: fundOf(request).code, code: request.params.code, actor: actorOf(request) });
        return done.ok ? { code: request.params.code, active: false } : sendRejection(reply, done);
      },
    );

    app.put(
      '/api/entities/:entity/accounts',
      {
        config: { access: { permission: 'chart.manage' } },
        schema: {
          tags: ['accounts'],
          summary: 'Replace the whole chart from CSV (text/csv), before anything is posted',
          params: entityParams,
          body: z.string().min(1).max(2_000_000),
          response: { 200: z.array(success.account) },
        },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        const imported = importChart(store, { entity: fund.code, csv: request.body, actor: actorOf(request) });
        return imported.ok ? chartOf(fund.code) : sendRejection(reply, imported);
      },
    );
  };
}
