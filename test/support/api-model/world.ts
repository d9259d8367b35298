/**
 * The real system of the model-based API test: a fresh in-memory store behind the real
 * server, with a province fund P and a commune fund K below it, each holding cash and a
 * bank account with money on it, an installation admin `root` whose token drives the test,
 * and a user `operator` (admin of P and the funds below) whose tokens the test issues and
 * revokes.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../../src/api/server.js';
import { issueToken } from '../../../src/app/tokens.js';
import { createUser } from '../../../src/app/users.js';
import type { Store } from '../../../src/db/store.js';
import { ACTOR, createFund, freshStore, postOk } from '../store-fixture.js';

export const FIRST_YEAR = 2024;
export const OPENING_CASH = 10_000_000;
export const OPENING_BANK = 50_000_000;
export const OPERATOR = 'operator';

export const FUND_PROFILES = {
  P: { name: 'Quỹ tỉnh', level: 'province', bank: '0071000123456' },
  K: { name: 'Quỹ xã', level: 'commune', bank: '7308205123456' },
} as const;

export type FundCode = keyof typeof FUND_PROFILES;
export const FUND_CODES = Object.keys(FUND_PROFILES) as FundCode[];

export interface World {
  /** Sends a request with a bearer token (root's unless given; null sends none). */
  send(request: InjectOptions, token?: string | null): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openWorld(): Promise<World> {
  const store = freshStore();
  for (const code of FUND_CODES) {
    const profile = FUND_PROFILES[code];
    createFund(store, {
      code, name: profile.name, level: profile.level, firstYear: FIRST_YEAR,
      ...(code === 'K' && { parent: 'P' }),
      seal: { name: profile.name.toUpperCase() },
      bankAccounts: [{ kind: 'bank', institution: 'Agribank', number: profile.bank, accountCode: '1121' }],
    });
    postOk(store, `${FIRST_YEAR}-01-01 Số dư đầu năm\n  1111 Dr ${OPENING_CASH}\n  1121 Dr ${OPENING_BANK} bank=${profile.bank}\n  421 Cr ${OPENING_CASH + OPENING_BANK}\n`, {
      entity: code, kind: 'opening',
    });
  }
  const root = userToken(store, 'root', [{ role: 'admin' }]);
  userToken(store, OPERATOR, [{ entity: 'P', role: 'admin', inherit: true }]);
  // The test sends revoked and made-up tokens on purpose; the sign-in throttle is not what it tests.
  const app = await buildServer(store, { authThrottle: { failures: Number.MAX_SAFE_INTEGER } });
  return {
    send: (request, token = root) => app.inject({ ...request, headers: { ...(token !== null && { authorization: `Bearer ${token}` }), ...request.headers } }),
    close: async () => {
      await app.close();
      store.close();
    },
  };
}

function userToken(store: Store, name: string, grants: Parameters<typeof createUser>[1]['grants']): string {
  const user = createUser(store, { name, grants, actor: ACTOR });
  const token = issueToken(store, { user: name, label: 'model test', actor: ACTOR });
  if (!user.ok || !token.ok) throw new Error(`world user ${name} refused`);
  return token.value.token;
}
