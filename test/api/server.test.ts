import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PROBLEMS } from '../../src/api/problem-codes.js';
import { buildServer } from '../../src/api/server.js';
import { REJECTIONS } from '../../src/ledger/rejections.js';
import { DEMO_ADMIN, seedDemo } from '../../src/app/seed-demo.js';
import { issueToken } from '../../src/app/tokens.js';
import type { Store } from '../../src/db/store.js';
import { ACTOR, freshStore } from '../support/store-fixture.js';

let store: Store;
let app: FastifyInstance;
let get: (url: string) => Promise<LightMyRequestResponse>;
let authorization: string;

beforeAll(async () => {
  store = freshStore();
  seedDemo(store);
  const token = issueToken(store, { user: DEMO_ADMIN, label: 'test', actor: ACTOR });
  if (!token.ok) throw new Error(token.code);
  authorization = `Bearer ${token.value.token}`;
  app = await buildServer(store);
  get = (url) => app.inject({ method: 'GET', url, headers: { authorization } });
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('the API over the demo funds', () => {
  it('answers /health', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', funds: 4 });
  });

  it('lists the funds', async () => {
    const response = await get('/api/entities');
    expect(response.json()).toEqual([
      { code: 'TVH-VNN', name: 'Ban vận động Quỹ "Vì người nghèo" tỉnh Trà Vinh', kind: 'poor-fund', level: 'province' },
      { code: 'HTH-VNN', name: 'Ban vận động Quỹ "Vì người nghèo" xã Hòa Thuận', kind: 'poor-fund', level: 'commune' },
      { code: 'TVH-CT', name: 'Ban Vận động cứu trợ tỉnh Trà Vinh', kind: 'relief', level: 'province' },
      { code: 'HTH-CT', name: 'Ban Vận động cứu trợ xã Hòa Thuận', kind: 'relief', level: 'commune' },
    ]);
  });

  it('serves a demo fund’s trial balance with amounts as decimal strings', async () => {
    const response = await get('/api/entities/TVH-VNN/trial-balance?from=2024-01-01&to=2024-12-31');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.balanced).toBe(true);
    expect(body.totals.closing).toEqual({ debit: '1911542000', credit: '1911542000' });
    expect(body.rows.find((r: { account: string }) => r.account === '1121')).toMatchObject({
      name: 'Tiền Việt Nam', depth: 2, closing: { debit: '1868542000', credit: '0' },
    });
  });

  it('serves an account balance rolled up through its sub-accounts', async () => {
    const response = await get('/api/entities/HTH-VNN/balances/112?asOf=2024-06-30');
    expect(response.json()).toEqual({ account: '112', name: 'Tiền gửi ngân hàng, kho bạc', asOf: '2024-06-30', balance: '45098000', currency: 'VND' });
  });

  it('serves the chain verification', async () => {
    const response = await get('/api/entities/HTH-VNN/verify');
    expect(response.json()).toMatchObject({ ok: true, chain: { ok: true, entries: 15 } });
  });

  it.each([
    ['/api/entities/TVH-VNN/trial-balance?from=2024-01-01', 'querystring.to'],
    ['/api/entities/TVH-VNN/trial-balance?from=01/01/2024&to=2024-12-31', 'querystring.from'],
    ['/api/entities/TVH-VNN/balances/abc?asOf=2024-01-01', 'params.account'],
  ])('answers malformed %s with 400 naming %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'invalid_request', field });
  });

  it('refuses unknown query fields', async () => {
    const response = await get('/api/entities/TVH-VNN/trial-balance?from=2024-01-01&to=2024-12-31&x=1');
    expect(response.statusCode).toBe(400);
  });

  it('answers an unknown fund with 404 and a rule refusal with 422, each with its code and request id', async () => {
    const unknown = await get('/api/entities/NOPE/trial-balance?from=2024-01-01&to=2024-12-31');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'entity_unknown', field: 'params.entity', requestId: expect.any(String) });
    const reversed = await get('/api/entities/TVH-VNN/trial-balance?from=2024-12-31&to=2024-01-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ code: 'date_range_invalid' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await get('/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });

  it('serves the OpenAPI document listing every error code, and a browsable page at /docs', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { info: { description: string }; paths: Record<string, unknown> };
    for (const code of [...Object.keys(REJECTIONS), ...Object.keys(API_PROBLEMS)]) expect(doc.info.description).toContain(`\`${code}\``);
    expect(Object.keys(doc.paths)).toContain('/api/entities/{entity}/entries');
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
  });

  it('accepts the documented example entry against the demo', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { example: unknown } } } } } }>;
    };
    const example = doc.paths['/api/entities/{entity}/entries']?.post.requestBody.content['application/json'].schema.example;
    expect(example).toBeDefined();
    const posted = await app.inject({ method: 'POST', url: '/api/entities/HTH-VNN/entries', headers: { authorization }, payload: example as object });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.headers.location).toBe(`/api/entities/HTH-VNN/entries/${posted.json().seq}`);
  });
});
