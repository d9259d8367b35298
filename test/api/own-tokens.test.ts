/**
 * Tokens of one's own: every user lists, issues and revokes their own tokens whatever their
 * roles; another user's tokens need admin over every fund that user holds a role on.
 */
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/app/tokens.js';
import { createUser } from '../../src/app/users.js';
import { findUserByName, listTokens } from '../../src/db/access-repo.js';
import { apiWorld, type ApiWorld, type Person } from '../support/api-fixture.js';
import { ACTOR } from '../support/store-fixture.js';

let world: ApiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

type Act = 'list' | 'issue' | 'revoke';

const SUCCESS: Record<Act, number> = { list: 200, issue: 201, revoke: 200 };

function request(w: ApiWorld, act: Act, holder: Person): InjectOptions {
  if (act === 'list') return { method: 'GET', url: `/api/users/${holder}/tokens` };
  if (act === 'issue') return { method: 'POST', url: `/api/users/${holder}/tokens`, payload: { label: 'Máy mới' } };
  return { method: 'POST', url: `/api/tokens/${w.tokens[holder].split('_')[1]}/revoke` };
}

const tokenCount = (w: ApiWorld, holder: Person) => listTokens(w.store.db, findUserByName(w.store.db, holder)?.id ?? 0).filter((t) => t.revokedAt === null).length;

interface Row {
  readonly who: Person;
  readonly act: Act;
  readonly holder: Person;
  readonly allowed: boolean;
}

const acts: readonly Act[] = ['list', 'issue', 'revoke'];
const rows = (who: Person, holder: Person, allowed: boolean): Row[] => acts.map((act) => ({ who, act, holder, allowed }));

const ROWS: readonly Row[] = [
  ...rows('c1Accountant', 'c1Accountant', true),
  ...rows('c1Auditor', 'c1Auditor', true),
  ...rows('provAuditor', 'provAuditor', true),
  ...rows('c1Accountant', 'c1Auditor', false),
  ...rows('c1Auditor', 'c1Accountant', false),
  ...rows('provAuditor', 'c1Accountant', false),
  ...rows('c1Admin', 'c1Accountant', true),
  ...rows('provAdmin', 'c1Accountant', true),
  ...rows('c1Admin', 'c2Accountant', false),
  ...rows('c1Admin', 'provAuditor', false),
];

describe('who manages which tokens', () => {
  it.each(ROWS)('$who may $act the tokens of $holder: $allowed', async ({ who, act, holder, allowed }) => {
    const w = (world = await apiWorld());
    const before = tokenCount(w, holder);
    const response = await w.call(who, request(w, act, holder));
    if (allowed) {
      expect(response.statusCode, response.body).toBe(SUCCESS[act]);
      expect(tokenCount(w, holder)).toBe(before + (act === 'issue' ? 1 : act === 'revoke' ? -1 : 0));
    } else {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ code: 'user_beyond_reach', status: 403 });
      expect(tokenCount(w, holder)).toBe(before);
    }
  });
});

describe('one’s own tokens', () => {
  it('lets an accountant issue a token for themselves that signs in, and see it listed without its secret', async () => {
    const w = (world = await apiWorld());
    const issued = await w.call('c1Accountant', { method: 'POST', url: '/api/users/c1Accountant/tokens', payload: { label: 'Máy ở nhà' } });
    const { token, id } = issued.json() as { token: string; id: string };
    const signedIn = await w.app.inject({ method: 'GET', url: '/api/entities/C1/entries', headers: { authorization: `Bearer ${token}` } });
    expect(signedIn.statusCode).toBe(200);
    const listed = await w.call('c1Accountant', { method: 'GET', url: '/api/users/c1Accountant/tokens' });
    expect(listed.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id, label: 'Máy ở nhà', createdBy: 'c1Accountant', revokedAt: null })]));
    expect(listed.body).not.toContain(token.slice(-43));
  });

  it('lets a user with no role at all manage their own tokens', async () => {
    const w = (world = await apiWorld());
    expect(createUser(w.store, { name: 'nobody.yet', grants: [], actor: ACTOR }).ok).toBe(true);
    const issued = issueToken(w.store, { user: 'nobody.yet', label: 'x', actor: ACTOR });
    if (!issued.ok) throw new Error(issued.code);
    const call = (options: InjectOptions) => w.app.inject({ ...options, headers: { authorization: `Bearer ${issued.value.token}` } });
    expect((await call({ method: 'GET', url: '/api/users/nobody.yet/tokens' })).statusCode).toBe(200);
    expect((await call({ method: 'POST', url: `/api/tokens/${issued.value.id}/revoke` })).statusCode).toBe(200);
  });

  it('issues a token once: an Idempotency-Key is refused, so its secret is never kept for a replay', async () => {
    const w = (world = await apiWorld());
    const keyed = await w.call('c1Accountant', { method: 'POST', url: '/api/users/c1Accountant/tokens', payload: { label: 'Máy mới' }, headers: { 'idempotency-key': 'k-1' } });
    expect(keyed.statusCode, keyed.body).toBe(400);
    expect(keyed.json()).toMatchObject({ code: 'invalid_request', field: 'headers.idempotency-key' });
    expect((await w.call('c1Accountant', { method: 'POST', url: '/api/users/c1Accountant/tokens', payload: { label: 'Máy mới' } })).statusCode).toBe(201);
    const kept = w.store.sqlite.prepare(`SELECT count(*) AS n FROM idempotency_keys WHERE CAST(response AS TEXT) LIKE '%flt_%'`).get() as { n: number };
    expect(kept.n).toBe(0);
  });
});
