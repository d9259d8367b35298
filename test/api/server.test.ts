import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { seedDemo } from '../../src/app/seed-demo.js';
import type { Store } from '../../src/db/store.js';
import { freshStore } from '../support/store-fixture.js';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = freshStore();
  seedDemo(store);
  app = await buildServer(store);
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('the first server', () => {
  it('answers /health', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', funds: 2 });
  });

  it('lists the funds', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/entities' });
    expect(response.json()).toEqual([
      { code: 'TVH-VNN', name: 'Ban vận động Quỹ "Vì người nghèo" tỉnh Trà Vinh', kind: 'poor-fund', level: 'province' },
      { code: 'HTH-VNN', name: 'Ban vận động Quỹ "Vì người nghèo" xã Hòa Thuận', kind: 'poor-fund', level: 'commune' },
    ]);
  });

  it('serves a demo fund’s trial balance with amounts as decimal strings', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/entities/TVH-VNN/trial-balance?from=2024-01-01&to=2024-12-31' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.balanced).toBe(true);
    expect(body.totals.closing).toEqual({ debit: '1886142000', credit: '1886142000' });
    expect(body.rows.find((r: { account: string }) => r.account === '1121')).toMatchObject({
      name: 'Tiền Việt Nam', depth: 2, closing: { debit: '1868542000', credit: '0' },
    });
  });

  it('serves an account balance rolled up through its sub-accounts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/entities/HTH-VNN/balances/112?asOf=2024-06-30' });
    expect(response.json()).toEqual({ account: '112', name: 'Tiền gửi ngân hàng, kho bạc', asOf: '2024-06-30', balance: '45098000', currency: 'VND' });
  });

  it('serves the chain verification', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/entities/HTH-VNN/verify' });
    expect(response.json()).toMatchObject({ ok: true, chain: { ok: true, entries: 13 } });
  });

  it.each([
    ['/api/entities/TVH-VNN/trial-balance?from=2024-01-01', 'querystring.to'],
    ['/api/entities/TVH-VNN/trial-balance?from=01/01/2024&to=2024-12-31', 'querystring.from'],
    ['/api/entities/TVH-VNN/balances/abc?asOf=2024-01-01', 'params.account'],
  ])('answers malformed %s with 400 naming %s', async (url, field) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid_request', field });
  });

  it('refuses unknown query fields', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/entities/TVH-VNN/trial-balance?from=2024-01-01&to=2024-12-31&x=1' });
    expect(response.statusCode).toBe(400);
  });

  it('answers an unknown fund with 404 and a rule refusal with 422, each with its code and request id', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/entities/NOPE/trial-balance?from=2024-01-01&to=2024-12-31' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'entity_unknown', field: 'entity', requestId: expect.any(String) });
    const reversed = await app.inject({ method: 'GET', url: '/api/entities/TVH-VNN/trial-balance?from=2024-12-31&to=2024-01-01' });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ code: 'date_range_invalid' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
