/** Posting, listing, reading and reversing entries over HTTP, and idempotent retries. */
import { afterEach, describe, expect, it } from 'vitest';
import { apiWorld, payment, receipt, type ApiWorld } from '../support/api-fixture.js';

let world: ApiWorld;
afterEach(() => world.close());

const count = (w: ApiWorld, table: string) => (w.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('entries over HTTP', () => {
  it('posts an entry, answers 201 with its sequence, lines as decimal strings and a Location', async () => {
    world = await apiWorld();
    const response = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('2500000') });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/api/entities/C1/entries/2');
    expect(response.json()).toMatchObject({
      seq: 2, kind: 'regular', date: '2024-03-15', recordedBy: 'c1Accountant',
      lines: [{ account: '1111', debit: '2500000' }, { account: '5111', credit: '2500000', counterparty: { kind: 'donor', name: 'Công ty An Phú' } }],
    });
    const read = await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/entries/2' });
    expect(read.json()).toEqual(response.json());
  });

  it('normalises text to NFC before it is stored', async () => {
    world = await apiWorld();
    const decomposed = 'Hòa Thuận'.normalize('NFD');
    const body = { ...receipt('1000'), description: decomposed };
    const response = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: body });
    expect(response.json().description).toBe('Hòa Thuận'.normalize('NFC'));
  });

  it('refuses by the ledger’s rules with 422 and the code, writing nothing', async () => {
    world = await apiWorld();
    const before = count(world, 'entries');
    const response = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: payment('10000001') });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'balance_would_go_negative', detail: '1111', requestId: expect.any(String) });
    expect(count(world, 'entries')).toBe(before);
  });

  it('lists entries with filters and pages through them by sequence', async () => {
    world = await apiWorld();
    for (const amount of ['1000', '2000', '3000']) await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt(amount) });
    await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: payment('500') });
    const list = (query: string) => world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/entries?${query}` }).then((r) => r.json());
    const first = await list('limit=2');
    expect(first.entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(first.nextAfterSeq).toBe(2);
    const rest = await list('limit=10&afterSeq=2');
    expect(rest.entries.map((e: { seq: number }) => e.seq)).toEqual([3, 4, 5]);
    expect(rest.nextAfterSeq).toBeNull();
    expect((await list('account=611')).entries.map((e: { seq: number }) => e.seq)).toEqual([5]);
    expect((await list('kind=opening')).entries.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect((await list('counterparty=an%20ph%C3%BA')).entries).toHaveLength(3);
    expect((await list('from=2024-03-16&to=2024-12-31')).entries.map((e: { seq: number }) => e.seq)).toEqual([5]);
  });

  it('reverses an entry once, linking both ways', async () => {
    world = await apiWorld();
    await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1000') });
    const reversed = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries/2/reverse', payload: { date: '2024-04-01' } });
    expect(reversed.statusCode).toBe(201);
    expect(reversed.json()).toMatchObject({ seq: 3, kind: 'reversal', reverses: 2, lines: [{ account: '1111', credit: '1000' }, { account: '5111', debit: '1000' }] });
    expect((await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/entries/2' })).json().reversedBy).toBe(3);
    const again = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries/2/reverse', payload: { date: '2024-04-01' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('entry_already_reversed');
    const missing = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries/99/reverse' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('entry_not_found');
  });
});

describe('idempotent writes', () => {
  const post = (w: ApiWorld, key: string, body: object) =>
    w.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'idempotency-key': key }, payload: body });

  it('returns the original answer to a replay, says so, and posts nothing new', async () => {
    world = await apiWorld();
    const first = await post(world, 'k-1', receipt('1000'));
    const entries = count(world, 'entries');
    const audit = count(world, 'audit_events');
    const replay = await post(world, 'k-1', receipt('1000'));
    expect(first.headers['idempotency-replayed']).toBe('false');
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(count(world, 'entries')).toBe(entries);
    expect(count(world, 'audit_events')).toBe(audit);
  });

  it('refuses the same key with a different body', async () => {
    world = await apiWorld();
    await post(world, 'k-1', receipt('1000'));
    const other = await post(world, 'k-1', receipt('2000'));
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused_with_different_body', field: 'headers.idempotency-key' });
  });

  it('scopes keys per fund, and leaves no key behind when the write is refused', async () => {
    world = await apiWorld();
    expect((await post(world, 'k-1', payment('99999999'))).statusCode).toBe(422);
    expect((await post(world, 'k-1', receipt('1000'))).statusCode).toBe(201);
    const elsewhere = await world.call('c2Accountant', { method: 'POST', url: '/api/entities/C2/entries', headers: { 'idempotency-key': 'k-1' }, payload: receipt('7') });
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.headers['idempotency-replayed']).toBe('false');
  });

  it('scopes keys per user, so two people on one fund never collide on a key', async () => {
    world = await apiWorld();
    expect((await post(world, 'k-1', receipt('1000'))).statusCode).toBe(201);
    const other = await world.call('c1Approver', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'idempotency-key': 'k-1' }, payload: receipt('2000') });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.headers['idempotency-replayed']).toBe('false');
  });

  it('refuses a malformed key with 400', async () => {
    world = await apiWorld();
    const response = await post(world, 'a key with spaces', receipt('1000'));
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('headers.idempotency-key');
  });
});
