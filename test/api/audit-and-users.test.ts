/** The audit trail over HTTP, and users, roles and tokens managed by admins within reach. */
import { afterEach, describe, expect, it } from 'vitest';
import { apiWorld, receipt, type ApiWorld } from '../support/api-fixture.js';

let world: ApiWorld;

/** The secret part of `flt_<id>_<secret>`; the secret itself may contain underscores. */
const secretOf = (token: string) => token.slice('flt_'.length + 16 + 1);
afterEach(() => world.close());

interface AuditEvent { actor: string; origin: string; requestId: string | null; entity: string | null; kind: string; subject: string; detail: Record<string, unknown> }
const audit = async (w: ApiWorld, query: string, who: 'root' | 'c1Auditor' = 'root'): Promise<AuditEvent[]> =>
  (await w.call(who, { method: 'GET', url: `/api/audit?${query}` })).json().events;

describe('the audit trail', () => {
  it('records each change with who, from where, the request and what', async () => {
    world = await apiWorld();
    const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1000'), remoteAddress: '10.1.2.3' });
    await world.call('c1Approver', { method: 'POST', url: '/api/entities/C1/periods/2024/3/lock' });
    await world.call('c1Approver', { method: 'POST', url: '/api/entities/C1/periods/2024/3/unlock', payload: { reason: 'Bổ sung chứng từ' } });
    await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/accounts', payload: { code: '11211', parent: '1121', nameVi: 'Tiền gửi Agribank' } });
    await world.call('c1Admin', { method: 'PATCH', url: '/api/entities/C1', payload: { address: 'Ấp Mới' } });
    const events = await audit(world, 'entity=C1&afterId=0', 'c1Auditor');
    const recent = events.filter((e) => e.origin !== 'test');
    expect(recent.map((e) => [e.kind, e.actor, e.subject])).toEqual([
      ['entries.posted', 'c1Accountant', '2'],
      ['period.locked', 'c1Approver', '2024-03'],
      ['period.unlocked', 'c1Approver', '2024-03'],
      ['account.added', 'c1Accountant', '11211'],
      ['entity.updated', 'c1Admin', 'C1'],
    ]);
    expect(recent[0]).toMatchObject({ origin: '10.1.2.3', requestId: posted.json() && expect.any(String), entity: 'C1' });
    expect(recent[2]?.detail).toEqual({ reason: 'Bổ sung chứng từ' });
  });

  it('filters by kind, actor and time', async () => {
    world = await apiWorld();
    await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1000') });
    await world.call('c2Accountant', { method: 'POST', url: '/api/entities/C2/entries', payload: receipt('1000') });
    expect((await audit(world, 'kind=entries.posted&actor=c2Accountant')).map((e) => e.entity)).toEqual(['C2']);
    expect(await audit(world, 'from=2000-01-01&to=2000-12-31')).toEqual([]);
    expect((await audit(world, 'from=2000-01-01')).length).toBeGreaterThan(0);
  });

  it('shows events above any fund only to installation-wide auditors and admins', async () => {
    world = await apiWorld();
    expect((await audit(world, 'kind=token.issued')).length).toBeGreaterThan(0);
    expect(await audit(world, 'kind=token.issued', 'c1Auditor')).toEqual([]);
    const denied = await world.call('c1Accountant', { method: 'GET', url: '/api/audit' });
    expect(denied.statusCode).toBe(403);
  });

  it('cannot be edited, even in the database', async () => {
    world = await apiWorld();
    expect(() => world.store.sqlite.prepare("UPDATE audit_events SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => world.store.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });
});

describe('users, roles and tokens', () => {
  it('lets an admin create a user, issue a token the user can use once shown, and revoke it', async () => {
    world = await apiWorld();
    const created = await world.call('c1Admin', { method: 'POST', url: '/api/users', payload: { name: 'thu.quy', grants: [{ entity: 'C1', role: 'accountant' }] } });
    expect(created.statusCode).toBe(201);
    const issued = await world.call('c1Admin', { method: 'POST', url: '/api/users/thu.quy/tokens', payload: { label: 'Máy thủ quỹ' } });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json() as { token: string; id: string };
    const asNew = (url: string) => world.call(null, { method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await asNew('/api/entities/C1/entries')).statusCode).toBe(200);
    expect((await asNew('/api/entities/C2/entries')).statusCode).toBe(403);
    const listed = await world.call('c1Admin', { method: 'GET', url: '/api/users/thu.quy/tokens' });
    expect(JSON.stringify(listed.json())).not.toContain(secretOf(token));
    expect((await world.call('c1Admin', { method: 'POST', url: `/api/tokens/${id}/revoke` })).statusCode).toBe(200);
    expect((await asNew('/api/entities/C1/entries')).statusCode).toBe(401);
  });

  it('stores only a hash of each secret', async () => {
    world = await apiWorld();
    const secret = secretOf(world.tokens.c1Accountant);
    const dump = JSON.stringify(world.store.sqlite.prepare('SELECT * FROM api_tokens').all());
    expect(secret.length).toBe(43);
    expect(dump).not.toContain(secret);
  });

  it('keeps a commune admin from reaching users and funds beyond its commune', async () => {
    world = await apiWorld();
    const token = await world.call('c1Admin', { method: 'POST', url: '/api/users/provAuditor/tokens', payload: { label: 'x' } });
    expect(token.statusCode).toBe(403);
    expect(token.json().code).toBe('user_beyond_reach');
    const grant = await world.call('c1Admin', { method: 'POST', url: '/api/users/c1Accountant/grants', payload: { entity: 'PROV', role: 'admin' } });
    expect(grant.statusCode).toBe(403);
    const root = await world.call('c1Admin', { method: 'POST', url: '/api/users', payload: { name: 'x', grants: [{ role: 'admin' }] } });
    expect(root.statusCode).toBe(403);
  });

  it('withdraws a role with immediate effect', async () => {
    world = await apiWorld();
    const users = (await world.call('c1Admin', { method: 'GET', url: '/api/users' })).json() as { name: string; grants: { id: number }[] }[];
    expect(users.map((u) => u.name).sort()).toEqual(['c1Accountant', 'c1Admin', 'c1Approver', 'c1Auditor']);
    const grantId = users.find((u) => u.name === 'c1Accountant')?.grants[0]?.id;
    expect((await world.call('c1Admin', { method: 'DELETE', url: `/api/users/c1Accountant/grants/${grantId}` })).statusCode).toBe(204);
    expect((await world.call('c1Accountant', { method: 'GET', url: '/api/entities/C1/entries' })).statusCode).toBe(403);
    const again = await world.call('c1Admin', { method: 'DELETE', url: `/api/users/c1Accountant/grants/${grantId}` });
    expect(again.json().code).toBe('grant_unknown');
  });
});
