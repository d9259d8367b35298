/**
 * One error shape for every failure, each API code exercised, and a flood of malformed
 * requests that gets only 4xx answers and changes nothing.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { API_PROBLEMS, type ApiProblemCode } from '../../src/api/problem-codes.js';
import { clientErrorHandler } from '../../src/api/problem.js';
import { addBankAccount } from '../../src/app/add-bank-account.js';
import { registerFeed } from '../../src/app/feeds/register-feed.js';
import { apiWorld, receipt, type ApiWorld } from '../support/api-fixture.js';
import { ACTOR } from '../support/store-fixture.js';

let world: ApiWorld;
afterEach(() => world.close());

const seen = new Set<string>();

async function expectProblem(response: Awaited<ReturnType<ApiWorld['call']>>, code: ApiProblemCode, field?: string): Promise<void> {
  expect(response.statusCode, response.body).toBe(API_PROBLEMS[code].status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ code, status: API_PROBLEMS[code].status, title: API_PROBLEMS[code].title, requestId: expect.any(String), ...(field && { field }) });
  seen.add(code);
}

const snapshot = (w: ApiWorld) =>
  ['entries', 'entry_lines', 'audit_events', 'idempotency_keys', 'accounts', 'periods', 'campaigns', 'entities']
    .map((table) => (w.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)
    .join(',');

describe('error answers', () => {
  it('answers malformed input with 400 naming the field', async () => {
    world = await apiWorld();
    const post = (payload: object) => world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload });
    await expectProblem(await post({ ...receipt('1'), date: '15/03/2024' }), 'invalid_request', 'body.date');
    await expectProblem(await post({ ...receipt('1'), extra: true }), 'invalid_request', 'body');
    await expectProblem(await post({ ...receipt('1'), lines: [{ account: '1111', debit: '1,5' }] }), 'invalid_request', 'body.lines.0.debit');
    await expectProblem(await post({ ...receipt('1'), description: 'x'.repeat(501) }), 'invalid_request', 'body.description');
    await expectProblem(await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'content-type': 'application/json' }, payload: '{"date":' }), 'invalid_request', 'body');
  });

  it('answers a missing token and a bad or revoked token with 401', async () => {
    world = await apiWorld();
    await expectProblem(await world.call(null, { method: 'GET', url: '/api/entities/C1' }), 'unauthenticated');
    await expectProblem(await world.call(null, { method: 'GET', url: '/api/entities/C1', headers: { authorization: 'Bearer flt_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } }), 'token_invalid');
    const forged = world.tokens.c1Auditor.slice(0, -1) + (world.tokens.c1Auditor.endsWith('A') ? 'B' : 'A');
    await expectProblem(await world.call(null, { method: 'GET', url: '/api/entities/C1', headers: { authorization: `Bearer ${forged}` } }), 'token_invalid');
    const id = world.tokens.c1Auditor.split('_')[1];
    expect((await world.call('c1Auditor', { method: 'POST', url: `/api/tokens/${id}/revoke` })).statusCode).toBe(200);
    await expectProblem(await world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1' }), 'token_invalid');
  });

  it('answers 429 with Retry-After to an address that sent too many bad tokens', async () => {
    world = await apiWorld({ authThrottle: { failures: 1 } });
    const bad = { method: 'GET', url: '/api/entities/C1', headers: { authorization: 'Bearer flt_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } } as const;
    await expectProblem(await world.call(null, bad), 'token_invalid');
    const throttled = await world.call(null, bad);
    await expectProblem(throttled, 'authentication_throttled');
    expect(throttled.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  });

  it('answers 403 to a role without the right, and 404 to unknown funds and routes', async () => {
    world = await apiWorld();
    const forbidden = await world.call('c1Auditor', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1') });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect(forbidden.json()).toMatchObject({ code: 'forbidden', title: 'Your roles do not allow this here.', detail: 'needs ledger.post on C1' });
    await expectProblem(await world.call('c1Auditor', { method: 'GET', url: '/nowhere' }), 'not_found');
    const unknown = await world.call('root', { method: 'GET', url: '/api/entities/NOPE/entries' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'entity_unknown', field: 'params.entity' });
  });

  it('refuses bodies beyond the limit with 413 and other media types with 415', async () => {
    world = await apiWorld({ bodyLimit: 1024 });
    const big = { ...receipt('1'), description: 'x'.repeat(2000) };
    await expectProblem(await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: big }), 'payload_too_large');
    await expectProblem(
      await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'content-type': 'application/xml' }, payload: '<entry/>' }),
      'unsupported_media_type',
    );
  });

  it('answers a webhook delivery that is not the provider’s with 401, one it cannot read with 400, and another account’s with 422', async () => {
    world = await apiWorld();
    expect(addBankAccount(world.store, { entity: 'C1', bank: { kind: 'bank', institution: 'Agribank', number: '4455', accountCode: '1121' }, actor: ACTOR }).ok).toBe(true);
    const feed = registerFeed(world.store, { entity: 'C1', provider: 'sepay', auth: 'apikey', bankAccount: '4455', secret: 'khoa-bi-mat-0123456789', actor: ACTOR });
    if (!feed.ok) throw new Error(feed.code);
    const deliver = (payload: object, key = 'khoa-bi-mat-0123456789') => world.call(null, { method: 'POST', url: feed.value.url, headers: { authorization: `Apikey ${key}` }, payload });
    const event = { id: 7, transferType: 'in', transferAmount: 50000, accountNumber: '4455', transactionDate: '2025-01-06 09:00:00', content: 'ung ho' };
    await expectProblem(await deliver(event, 'sai'), 'delivery_unverified', 'body');
    await expectProblem(await deliver({ ...event, transferAmount: 'nhiều' }), 'delivery_unreadable', 'body');
    await expectProblem(await deliver({ ...event, accountNumber: '9999' }), 'delivery_account_mismatch', 'body');
    expect((await deliver(event)).json()).toEqual({ success: true, outcome: 'accepted', events: 1 });
  });

  it('answers 503 with Retry-After while another process holds the write lock', async () => {
    world = await apiWorld();
    world.store.sqlite.pragma('busy_timeout = 0');
    const original = world.store.sqlite.transaction;
    world.store.sqlite.transaction = () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    };
    const response = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1') });
    world.store.sqlite.transaction = original;
    await expectProblem(response, 'busy');
    expect(response.headers['retry-after']).toBe('1');
  });

  it('answers a bug with 500 and a generic message that leaks nothing', async () => {
    world = await apiWorld();
    world.store.sqlite.prepare = () => {
      throw new Error('SELECT secret FROM internals');
    };
    const response = await world.call('root', { method: 'GET', url: '/api/entities/C1/entries' });
    await expectProblem(response, 'internal_error');
    expect(response.body).not.toContain('internals');
  });

  it('answers an over-long path parameter with 414', async () => {
    world = await apiWorld();
    await expectProblem(await world.call('c1Auditor', { method: 'GET', url: `/api/entities/${'C'.repeat(300)}` }), 'uri_too_long', 'params');
  });

  it.each([
    ['HPE_HEADER_OVERFLOW', 'headers_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'request_timeout'],
    ['HPE_INVALID_METHOD', 'invalid_request'],
  ] as const)('answers the HTTP parser’s %s as %s problem+json on the socket', async (parserCode, code) => {
    const socket = new PassThrough();
    let written = '';
    socket.on('data', (chunk: Buffer) => (written += chunk.toString()));
    socket.on('error', () => undefined);
    clientErrorHandler(Object.assign(new Error(parserCode), { code: parserCode }), socket);
    const [head = '', body = ''] = written.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${API_PROBLEMS[code].status} `));
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ code, status: API_PROBLEMS[code].status, title: API_PROBLEMS[code].title });
    expect(socket.destroyed).toBe(true);
    seen.add(code);
  });

  it('has exercised every API code', () => {
    expect([...seen].sort()).toEqual(Object.keys(API_PROBLEMS).sort());
  });
});

describe('a flood of malformed requests', () => {
  it('gets only 4xx answers and changes nothing', async () => {
    world = await apiWorld();
    const before = snapshot(world);
    const targets = ['/api/entities/C1/entries', '/api/entities/C1/accounts', '/api/entities/C1/periods', '/api/entities/C1/campaigns', '/api/entities', '/api/users'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), async (url, payload) => {
        const response = await world.call('root', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
        return response.statusCode >= 400 && response.statusCode < 500 && String(response.headers['content-type']).includes('application/problem+json');
      }),
      { numRuns: 300 },
    );
    expect(snapshot(world)).toBe(before);
  });
});
