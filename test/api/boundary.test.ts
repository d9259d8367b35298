/**
 * The guarded boundary: each hostile input that once answered 500 or was stored as it came
 * is now a 4xx problem naming the field, and changes nothing.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyFund } from '../../src/app/verify-chain.js';
import { apiWorld, receipt, type ApiWorld } from '../support/api-fixture.js';

let world: ApiWorld;
afterEach(() => world.close());

const rows = (w: ApiWorld) =>
  (w.store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
    .map(({ name }) => `${name}:${(w.store.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n}`)
    .join(',');

async function refused(w: ApiWorld, send: () => Promise<Awaited<ReturnType<ApiWorld['call']>>>, status: number, field?: string): Promise<Record<string, unknown>> {
  const before = rows(w);
  const response = await send();
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json() as Record<string, unknown>;
  if (field !== undefined) expect(body.field).toBe(field);
  expect(rows(w)).toBe(before);
  return body;
}

const voucher = (extra: object = {}) => ({ type: 'cash-receipt', date: '2024-03-05', reason: 'Ủng hộ', amount: '500000', ...extra });

describe('the guarded boundary', () => {
  it('refuses a body nested 4,096 levels deep on every route that takes one, with 400', async () => {
    world = await apiWorld();
    const deep = '['.repeat(4096) + ']'.repeat(4096);
    for (const url of ['/api/entities/C1/entries', '/api/entities/C1/vouchers', '/api/transfers', '/api/users', '/api/entities']) {
      const body = await refused(world, () => world.call('root', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: deep }), 400, 'body');
      expect(body.code).toBe('invalid_request');
    }
    const objects = '{"a":'.repeat(4096) + '1' + '}'.repeat(4096);
    await refused(world, () => world.call('root', { method: 'PATCH', url: '/api/entities/C1', headers: { 'content-type': 'application/json' }, payload: objects }), 400, 'body');
  });

  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])('takes %s as a unit name like any other, never as a prototype member', async (unit) => {
    world = await apiWorld();
    const lines = [
      { account: '152', debit: '1000', quantity: '5', unit },
      { account: '5112', credit: '1000' },
    ];
    const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: { date: '2024-03-05', description: 'Nhận hàng', lines, memos: [{ account: '003', direction: 'in', quantity: '5', unit }] } });
    expect(posted.statusCode, posted.body).toBe(201);
    const currency = await world.call('c1Accountant', {
      method: 'POST', url: '/api/entities/C1/entries',
      payload: { ...receipt('25000'), lines: [{ account: '1112', debit: '25000', currency: 'USD', originalAmount: '1', rate: '25000' }, { account: '5111', credit: '25000' }], memos: [{ account: '007', direction: 'in', quantity: '1', unit }] },
    });
    expect(currency.statusCode, currency.body).toBe(201);
  });

  it('refuses an empty change to a fund with 400 instead of failing', async () => {
    world = await apiWorld();
    await refused(world, () => world.call('root', { method: 'PATCH', url: '/api/entities/C1', payload: {} }), 400, 'body');
    const signatoriesOnly = await world.call('root', { method: 'PATCH', url: '/api/entities/C1', payload: { signatories: [{ role: 'head', name: 'Nguyễn Văn A' }] } });
    expect(signatoriesOnly.statusCode, signatoriesOnly.body).toBe(200);
  });

  it('refuses a lone surrogate with 400 naming the field, so verify never raises a false alarm', async () => {
    world = await apiWorld();
    const body = JSON.stringify({ ...receipt('1000'), description: 'a\ud800b' });
    await refused(world, () => world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'content-type': 'application/json' }, payload: body }), 400, 'body.description');
    const escaped = '{"date":"2024-03-15","description":"a\\udc00b","lines":[{"account":"1111","debit":"1"},{"account":"5111","credit":"1"}]}';
    await refused(world, () => world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', headers: { 'content-type': 'application/json' }, payload: escaped }), 400, 'body.description');
    const verified = verifyFund(world.store, 'C1');
    expect(verified.ok && verified.value.ok).toBe(true);
  });

  it.each([
    ['a NUL', 'Công ty\u0000An Phú'],
    ['an escape', 'Công ty\u001b[31mAn Phú'],
    ['a right-to-left override', 'Công ty \u202eúhP nA'],
    ['an isolate', 'Công ty \u2066An Phú\u2069'],
  ])('refuses %s in a counterparty name with 400 naming the field', async (_kind, name) => {
    world = await apiWorld();
    const entry = receipt('1000');
    const payload = { ...entry, lines: [entry.lines[0], { ...entry.lines[1], counterparty: { kind: 'donor', name } }] };
    await refused(world, () => world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload }), 400, 'body.lines.1.counterparty.name');
  });

  it('refuses control characters in query strings and path parameters too', async () => {
    world = await apiWorld();
    await refused(world, () => world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1/counterparties?name=a%00b' }), 400, 'querystring.name');
    await refused(world, () => world.call('c1Auditor', { method: 'GET', url: '/api/entities/C1%E2%80%AE' }), 400, 'params.entity');
  });

  it('keeps tabs and line breaks in free text', async () => {
    world = await apiWorld();
    const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: { ...receipt('1000'), description: 'Thu ủng hộ\nđợt 1\tTháng 3' } });
    expect(posted.statusCode, posted.body).toBe(201);
  });

  it.each([
    ['a draft dated 30 February', '/api/entities/C1/vouchers', 'POST', voucher({ date: '2025-02-30' }), 'body.date'],
    ['a draft with accountingDate 31 April', '/api/entities/C1/vouchers', 'POST', voucher({ accountingDate: '2025-04-31' }), 'body.accountingDate'],
    ['an entry dated 29 February of a common year', '/api/entities/C1/entries', 'POST', receipt('1', '2025-02-29'), 'body.date'],
    ['a seal dated 30 February', '/api/entities/C1', 'PATCH', { seal: { name: 'QUỸ XÃ', date: '2025-02-30' } }, 'body.seal.date'],
    ['a fund created with a seal dated 29 February 2025', '/api/entities', 'POST', { code: 'C3', name: 'Quỹ xã C3', kind: 'poor-fund', level: 'commune', parent: 'PROV', seal: { name: 'QUỸ XÃ C3', date: '2025-02-29' }, firstYear: 2025 }, 'body.seal.date'],
    ['a campaign starting on 31 June', '/api/entities/C1/campaigns', 'POST', { code: 'BAO3', name: 'Bão số 3', startsOn: '2024-06-31' }, 'body.startsOn'],
    ['a cancellation dated 0000-01-01', '/api/entities/C1/vouchers/1/cancel', 'POST', { date: '0000-01-01' }, 'body.date'],
  ])('refuses %s with 400 naming the field', async (_case, url, method, payload, field) => {
    world = await apiWorld();
    await refused(world, () => world.call('root', { method: method as 'POST', url, payload }), 400, field);
  });

  it.each([
    ['the trial balance', '/api/entities/C1/trial-balance?from=2024-02-30&to=2024-12-31', 'querystring.from'],
    ['a balance', '/api/entities/C1/balances?asOf=2024-13-01', 'querystring.asOf'],
    ['the entries', '/api/entities/C1/entries?to=2024-04-31', 'querystring.to'],
  ])('refuses an impossible date in the query of %s with 400', async (_case, url, field) => {
    world = await apiWorld();
    await refused(world, () => world.call('c1Auditor', { method: 'GET', url }), 400, field);
  });

  it.each([
    ['a lone surrogate encoded in a filter', '/api/entities/C1/entries?counterparty=a%ED%A0%80b', 'querystring.counterparty'],
    ['bytes that are not UTF-8 in a filter', '/api/entities/C1/counterparties?name=%FF%FE', 'querystring.name'],
    ['a broken percent-encoding in a filter', '/api/entities/C1/entries?campaign=%ZZ', 'querystring.campaign'],
    ['a hexadecimal entry number', '/api/entities/C1/entries/0x1', 'params.seq'],
    ['an exponent as a page size', '/api/entities/C1/entries?limit=1e2', 'querystring.limit'],
    ['a month 13 as a period', '/api/entities/C1/reports/trial-balance?period=2025-13', 'querystring.period'],
    ['year 0000 as a period', '/api/entities/C1/books/cash?period=0000', 'querystring.period'],
    ['an impossible date in the audit trail', '/api/audit?from=2025-02-30', 'querystring.from'],
    ['an impossible time in the audit trail', '/api/audit?to=2025-01-01T25:61:00Z', 'querystring.to'],
  ])('refuses %s with 400 naming the field', async (_case, url, field) => {
    world = await apiWorld();
    await refused(world, () => world.call('root', { method: 'GET', url }), 400, field);
  });

  it('refuses a body that is not valid UTF-8 instead of storing replacement characters', async () => {
    world = await apiWorld();
    const bytes = Buffer.concat([Buffer.from('{"label":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]);
    await refused(world, () => world.call('root', { method: 'POST', url: '/api/users/root/tokens', headers: { 'content-type': 'application/json' }, payload: bytes }), 400, 'body');
  });

  it('answers a URL that does not decode and an over-long parameter as problems', async () => {
    world = await apiWorld();
    const bad = await refused(world, () => world.call('c1Auditor', { method: 'GET', url: '/api/entities/%E0%A4%A' }), 400, 'url');
    expect(bad.code).toBe('invalid_request');
    const long = await refused(world, () => world.call('c1Auditor', { method: 'GET', url: `/api/entities/${'C'.repeat(300)}` }), 414);
    expect(long.code).toBe('uri_too_long');
  });
});

describe('what the HTTP parser refuses', () => {
  async function raw(world: ApiWorld, head: string): Promise<{ status: number; type: string; body: string }> {
    await world.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = world.app.server.address() as AddressInfo;
    const { connect } = await import('node:net');
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => {
        const [headers = '', body = ''] = text.split('\r\n\r\n');
        resolve({ status: Number(headers.split(' ')[1]), type: /content-type: ([^\r]+)/i.exec(headers)?.[1] ?? '', body });
      });
    });
  }

  it('answers headers too large with 431 problem+json', async () => {
    world = await apiWorld();
    const answer = await raw(world, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'headers_too_large', status: 431 });
  });

  it('answers a request the parser cannot read with 400 problem+json', async () => {
    world = await apiWorld();
    const answer = await raw(world, 'GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'invalid_request', status: 400 });
  });

  it('answers a chunked GET as a problem or as the route, never in another shape', async () => {
    world = await apiWorld();
    await world.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = world.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      const request = httpRequest({ port, host: '127.0.0.1', method: 'GET', path: '/api/entities/C1', headers: { authorization: `Bearer ${world.tokens.c1Auditor}`, 'transfer-encoding': 'chunked', 'content-type': 'application/json' } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']) }));
      });
      request.on('error', reject);
      request.write('{"a":1}');
      request.end();
    });
    expect(answer.status < 300 ? 'application/json' : 'application/problem+json').toBe(answer.type.split(';')[0]);
  });
});
