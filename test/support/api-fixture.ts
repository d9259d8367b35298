/**
 * A fresh database behind a fresh server for API tests: a province fund PROV with two
 * commune funds C1 and C2 under it, each holding 10,000,000 đồng in cash, and one user
 * with one token per role of interest.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/api/server.js';
import { issueToken } from '../../src/app/tokens.js';
import { createUser, type GrantRequest } from '../../src/app/users.js';
import type { Store } from '../../src/db/store.js';
import { ACTOR, createFund, freshStore, postOk } from './store-fixture.js';

export const CASH = `
2024-01-01 Số dư đầu năm
  1111  Dr 10000000
  421   Cr 10000000
`;

/** Who holds what: one user per key. */
export const PEOPLE = {
  root: [{ role: 'admin' }],
  provAdmin: [{ entity: 'PROV', role: 'admin', inherit: true }],
  provAuditor: [{ entity: 'PROV', role: 'auditor', inherit: true }],
  c1Admin: [{ entity: 'C1', role: 'admin' }],
  c1Approver: [{ entity: 'C1', role: 'approver' }],
  c1Accountant: [{ entity: 'C1', role: 'accountant' }],
  c1Auditor: [{ entity: 'C1', role: 'auditor' }],
  c2Accountant: [{ entity: 'C2', role: 'accountant' }],
} as const satisfies Record<string, readonly GrantRequest[]>;

export type Person = keyof typeof PEOPLE;

export interface ApiWorld {
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly tokens: Readonly<Record<Person, string>>;
  /** Sends a request as `who` (or without a token for null). */
  call(who: Person | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function apiWorld(options: ServerOptions = {}): Promise<ApiWorld> {
  const store = freshStore();
  createFund(store, { code: 'PROV', level: 'province', name: 'Quỹ tỉnh', bankAccounts: [] });
  for (const code of ['C1', 'C2']) {
    createFund(store, { code, parent: 'PROV', name: `Quỹ xã ${code}`, bankAccounts: [] });
  }
  for (const code of ['PROV', 'C1', 'C2']) postOk(store, CASH, { entity: code, kind: 'opening' });
  const tokens = {} as Record<Person, string>;
  for (const [name, grants] of Object.entries(PEOPLE) as [Person, readonly GrantRequest[]][]) {
    const user = createUser(store, { name, grants, actor: ACTOR });
    const token = issueToken(store, { user: name, label: 'test', actor: ACTOR });
    if (!user.ok || !token.ok) throw new Error(`fixture user ${name} refused`);
    tokens[name] = token.value.token;
  }
  const app = await buildServer(store, options);
  return {
    store,
    app,
    tokens,
    call: (who, request) =>
      app.inject({ ...request, headers: { ...(who && { authorization: `Bearer ${tokens[who]}` }), ...request.headers } }),
    close: async () => {
      await app.close();
      store.close();
    },
  };
}

/** A receipt of `amount` đồng in cash on `date`. */
export function receipt(amount: string, date = '2024-03-15') {
  return {
    date,
    description: 'Thu ủng hộ',
    lines: [
      { account: '1111', debit: amount },
      { account: '5111', credit: amount, counterparty: { kind: 'donor', name: 'Công ty An Phú' } },
    ],
  };
}

/** A payment of `amount` đồng from cash on `date`. */
export function payment(amount: string, date = '2024-03-20') {
  return {
    date,
    description: 'Chi hỗ trợ hộ nghèo',
    lines: [
      { account: '6111', debit: amount, counterparty: { kind: 'beneficiary', name: 'Hộ ông Nguyễn Văn A' } },
      { account: '1111', credit: amount },
    ],
  };
}
