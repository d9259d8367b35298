/**
 * Reading a fund's figures: balances as of a date (all accounts, or one), the trial balance
 * over a date range, and the verification of its books.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccountBalance, getBalances, getTrialBalance, type AccountBalance } from '../../app/trial-balance.js';
import { verifyFund } from '../../app/verify-chain.js';
import type { Store } from '../../db/store.js';
import { trialBalanceJson } from '../../export/trial-balance-json.js';
import { fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { accountCode, entityParams, isoDate } from '../schemas.js';

const read = { access: { permission: 'ledger.read' as const } };
const balanceJson = (b: AccountBalance) => ({ account: b.account, name: b.name, asOf: b.asOf, balance: b.balance.toString(), currency: 'VND' });
const asOf = z.object({ asOf: isoDate }).strict();

export function reportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/trial-balance',
      { config: read, schema: { tags: ['reports'], summary: 'Trial balance (bảng cân đối tài khoản) over a date range', params: entityParams, querystring: z.object({ from: isoDate, to: isoDate }).strict(), response: { 200: success.trialBalance } } },
      async (request, reply) => {
        const tb = getTrialBalance(store, { entity: fundOf(request).code, ...request.query });
        return tb.ok ? trialBalanceJson(tb.value) : sendRejection(reply, tb);
      },
    );

    app.get(
      '/api/entities/:entity/balances',
      { config: read, schema: { tags: ['reports'], summary: 'Every account with a balance at the end of a day (debit positive)', params: entityParams, querystring: asOf, response: { 200: z.array(success.balance) } } },
      async (request, reply) => {
        const balances = getBalances(store, { entity: fundOf(request).code, asOf: request.query.asOf });
        return balances.ok ? balances.value.map(balanceJson) : sendRejection(reply, balances);
      },
    );

    app.get(
      '/api/entities/:entity/balances/:account',
      { config: read, schema: { tags: ['reports'], summary: 'One account’s balance, rolled up through its sub-accounts', params: entityParams.extend({ account: accountCode }).strict(), querystring: asOf, response: { 200: success.balance } } },
      async (request, reply) => {
        const balance = getAccountBalance(store, { entity: fundOf(request).code, account: request.params.account, asOf: request.query.asOf });
        return balance.ok ? balanceJson(balance.value) : sendRejection(reply, balance);
      },
    );

    app.get(
      '/api/entities/:entity/verify',
      { config: read, schema: { tags: ['reports'], summary: 'Check the fund’s books and the database file as `fund-ledger verify` does; 200 with ok and the problems named', params: entityParams, response: { 200: success.verifyReport } } },
      async (request, reply) => {
        const report = verifyFund(store, fundOf(request).code);
        return report.ok ? report.value : sendRejection(reply, report);
      },
    );
  };
}
