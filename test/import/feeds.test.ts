/**
 * Live feeds end to end: a fund registers Casso and SePay feeds; signed deliveries are kept
 * once per provider id, replays change nothing but their own record, and bad, stale, foreign
 * or unknown deliveries are refused as problem+json — every one of them stored.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedJson } from '../../src/import/feeds/verify-delivery.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';

const ACCOUNT = '0071000123456';
const SECRET = 'khoa-bi-mat-cua-quy-0123456789';

function cassoDelivery(id: number, options: { account?: string; secret?: string; t?: number } = {}) {
  const body = {
    error: 0,
    data: { id, reference: `FT24${id}`, description: `NGUYEN VAN A ung ho Quy ${id}`, amount: 500000, runningBalance: 0, transactionDateTime: '2025-01-06 09:15:00', accountNumber: options.account ?? ACCOUNT, bankName: 'Vietcombank', bankAbbreviation: 'VCB', virtualAccountNumber: '', virtualAccountName: '', counterAccountName: 'NGUYEN VAN A', counterAccountNumber: '0071000111222', counterAccountBankId: '970436', counterAccountBankName: 'Vietcombank' },
  };
  const t = options.t ?? Date.now();
  const v1 = createHmac('sha512', options.secret ?? SECRET).update(`${t}.${sortedJson(body)}`).digest('hex');
  return { payload: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${v1}` } };
}

describe('live bank feeds', () => {
  let server: DemoServer;
  let casso = 0;
  let sepay = 0;
  const call = (method: 'GET' | 'POST', url: string, extra: { payload?: string; headers?: Record<string, string> } = {}, token = true) =>
    server.app.inject({ method, url, ...(extra.payload !== undefined && { payload: extra.payload }), headers: { ...(token && { authorization: server.authorization }), ...extra.headers } });
  const deliver = (provider: string, feed: number, delivery: { payload: string; headers: Record<string, string> }) => call('POST', `/api/feeds/${provider}/${feed}`, delivery, false);

  beforeAll(async () => {
    server = await demoServer();
    const made = await call('POST', '/api/entities/TVH-VNN/feeds', { payload: JSON.stringify({ provider: 'casso', auth: 'v2', bankAccount: ACCOUNT, secret: SECRET }), headers: { 'content-type': 'application/json' } });
    expect(made.statusCode, made.body).toBe(201);
    casso = made.json().id;
    expect(made.json().url).toBe(`/api/feeds/casso/${casso}`);
    sepay = (await call('POST', '/api/entities/TVH-VNN/feeds', { payload: JSON.stringify({ provider: 'sepay', auth: 'apikey', bankAccount: ACCOUNT, secret: SECRET }), headers: { 'content-type': 'application/json' } })).json().id;
  });
  afterAll(async () => server.close());

  it('keeps a signed transaction once: the replay is answered 2xx and keeps nothing new', async () => {
    const first = await deliver('casso', casso, cassoDelivery(101));
    expect([first.statusCode, first.json()]).toEqual([200, { success: true, outcome: 'accepted', events: 1 }]);
    const replay = await deliver('casso', casso, cassoDelivery(101));
    expect(replay.json()).toEqual({ success: true, outcome: 'duplicate', events: 0 });
    expect(server.store.sqlite.prepare("SELECT count(*) FROM bank_events WHERE provider_id = '101'").pluck().get()).toBe(1);
    const test = await deliver('casso', casso, cassoDelivery(0));
    expect(test.json()).toEqual({ success: true, outcome: 'test', events: 0 });
  });

  it('refuses a bad signature, a stale one, another account and an unknown feed, and stores each delivery', async () => {
    const before = server.store.sqlite.prepare('SELECT count(*) FROM feed_deliveries').pluck().get() as number;
    const forged = await deliver('casso', casso, cassoDelivery(102, { secret: 'khoa-khac-khong-dung-0000' }));
    expect([forged.statusCode, forged.json().code]).toEqual([401, 'delivery_unverified']);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    const stale = await deliver('casso', casso, cassoDelivery(103, { t: Date.now() - 10 * 60 * 1000 }));
    expect([stale.statusCode, stale.json().detail]).toEqual([401, expect.stringMatching(/^stale/)]);
    const foreign = await deliver('casso', casso, cassoDelivery(104, { account: '999999' }));
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'delivery_account_mismatch']);
    const unknown = await deliver('casso', 9999, cassoDelivery(105));
    expect([unknown.statusCode, unknown.json().code, unknown.json().field]).toEqual([404, 'not_found', 'params.feed']);
    const wrongProvider = await deliver('sepay', casso, cassoDelivery(106));
    expect(wrongProvider.statusCode).toBe(404);
    const notJson = await deliver('casso', casso, { payload: '{"error":0,', headers: { 'content-type': 'application/json', 'x-casso-signature': 't=1,v1=00' } });
    expect(notJson.statusCode).toBe(401);
    expect((server.store.sqlite.prepare('SELECT count(*) FROM feed_deliveries').pluck().get() as number) - before).toBe(6);
    expect(server.store.sqlite.prepare("SELECT count(*) FROM bank_events WHERE provider_id IN ('102', '103', '104', '105', '106')").pluck().get()).toBe(0);
    expect(server.store.sqlite.prepare("SELECT headers FROM feed_deliveries WHERE outcome = 'rejected' ORDER BY id DESC LIMIT 1").pluck().get()).not.toContain(SECRET);
  });

  it('takes SePay’s payload with its Apikey and refuses it without; lists the feeds with their counts and no secret', async () => {
    const body = JSON.stringify({ id: 92704, gateway: 'Vietcombank', transactionDate: '2025-01-06 14:02:37', accountNumber: ACCOUNT, code: null, content: 'ung ho Quy', transferType: 'in', transferAmount: 2277000, accumulated: 19077000, subAccount: null, referenceCode: 'MBVCB.3278907687', description: '' });
    const ok = await deliver('sepay', sepay, { payload: body, headers: { 'content-type': 'application/json', authorization: `Apikey ${SECRET}` } });
    expect([ok.statusCode, ok.json().outcome]).toEqual([200, 'accepted']);
    const without = await deliver('sepay', sepay, { payload: body, headers: { 'content-type': 'application/json' } });
    expect(without.statusCode).toBe(401);
    const malformed = await deliver('sepay', sepay, { payload: JSON.stringify({ id: 1, transferType: 'sideways' }), headers: { 'content-type': 'application/json', authorization: `Apikey ${SECRET}` } });
    expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'delivery_unreadable']);
    const listed = await call('GET', '/api/entities/TVH-VNN/feeds');
    expect(listed.body).not.toContain(SECRET);
    expect(listed.json().feeds.find((f: { id: number }) => f.id === sepay)).toMatchObject({ provider: 'sepay', auth: 'apikey', bankAccount: ACCOUNT, accepted: 1, rejected: 2, events: 1 });
  });

  it('refuses a feed registered for another fund’s account or with a way its provider does not use', async () => {
    const json = { 'content-type': 'application/json' };
    const account = await call('POST', '/api/entities/TVH-VNN/feeds', { payload: JSON.stringify({ provider: 'casso', auth: 'v2', bankAccount: '999', secret: SECRET }), headers: json });
    expect([account.statusCode, account.json().code, account.json().field]).toEqual([422, 'bank_account_unknown', 'body.bankAccount']);
    const auth = await call('POST', '/api/entities/TVH-VNN/feeds', { payload: JSON.stringify({ provider: 'sepay', auth: 'v2', bankAccount: ACCOUNT, secret: SECRET }), headers: json });
    expect([auth.statusCode, auth.json().code, auth.json().field]).toEqual([422, 'feed_auth_unknown', 'body.auth']);
  });

  it('acknowledges many deliveries at once, each kept once', async () => {
    const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => deliver('casso', casso, cassoDelivery(1000 + (i % 32)))));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(server.store.sqlite.prepare("SELECT count(*) FROM bank_events WHERE CAST(provider_id AS INTEGER) BETWEEN 1000 AND 1031").pluck().get()).toBe(32);
  });
});
