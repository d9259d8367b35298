/**
 * The MISA round trip: the demo province's 2024 books exported as every SME.NET template,
 * imported into an empty fund with the same profile and posted, give the same trial
 * balance, the same counterparties and the same voucher numbers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import { multipart } from '../support/multipart.js';

const SCENARIO = JSON.parse(readFileSync('fixtures/demo/scenario.json', 'utf8')) as { entities: { code: string }[] };

describe('the MISA round trip on the demo year', () => {
  let server: DemoServer;
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, extra: { payload?: unknown; headers?: Record<string, string> } = {}) =>
    server.app.inject({ method, url, ...(extra.payload !== undefined && { payload: extra.payload as string }), headers: { authorization: server.authorization, ...extra.headers } });

  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => server.close());

  it('exports TVH-VNN 2024, imports it into an empty fund and gets the same books', async () => {
    const zip = await call('GET', '/api/entities/TVH-VNN/exports/misa?product=sme&period=2024');
    expect(zip.statusCode, zip.body).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');

    const profile = { ...(SCENARIO.entities.find((e) => e.code === 'TVH-VNN') as object), code: 'TVH-MISA' };
    const created = await call('POST', '/api/entities', { payload: profile });
    expect(created.statusCode, created.body).toBe(201);

    const upload = multipart([{ name: 'TVH-VNN-2024.zip', bytes: zip.rawPayload }]);
    const imported = await call('POST', '/api/entities/TVH-MISA/imports/misa?post=true', upload);
    expect(imported.statusCode, imported.body).toBe(201);
    const report = imported.json() as { vouchers: { number: string; postedAs: string | null }[]; issues: unknown[]; imported: boolean };
    expect(report.issues).toEqual([]);
    expect(report.imported).toBe(true);
    expect(report.vouchers.length).toBeGreaterThan(20);
    expect(report.vouchers.filter((v) => v.postedAs !== v.number)).toEqual([]);

    const balances = async (code: string) => {
      const tb = (await call('GET', `/api/entities/${code}/reports/trial-balance?period=2024`)).json() as { rows: { account: string }[] };
      return tb.rows;
    };
    expect(await balances('TVH-MISA')).toEqual(await balances('TVH-VNN'));

    const numbers = async (code: string) => {
      const page = (await call('GET', `/api/entities/${code}/vouchers?limit=500`)).json() as { vouchers: { number: string | null }[] };
      return page.vouchers.flatMap((v) => (v.number === null ? [] : [v.number])).sort();
    };
    const original = await numbers('TVH-VNN');
    expect(original.length).toBeGreaterThan(0);
    expect(await numbers('TVH-MISA')).toEqual(original);

    const parties = async (code: string) => {
      const page = (await call('GET', `/api/entities/${code}/counterparties?limit=500`)).json() as { counterparties: { kind: string; name: string; address: string }[] };
      return page.counterparties.map((c) => `${c.kind} ${c.name} ${c.address}`).sort();
    };
    expect(await parties('TVH-MISA')).toEqual(await parties('TVH-VNN'));
  });
});
