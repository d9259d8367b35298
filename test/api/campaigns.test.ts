/**
 * Campaigns over the API: opened with a legal basis derived from their kind and launch, held
 * at posting to their dates, accounts and the ban on costs, and extended only by a fund of a
 * level the basis allows.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/store.js';
import { tamper } from '../support/damaged-books.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import { readPdf } from '../support/pdf-text.js';
import { changedTables, tableDigest } from '../support/table-digest.js';

let store: Store;
let app: FastifyInstance;
let server: DemoServer;

beforeAll(async () => {
  server = await demoServer();
  ({ store, app } = server);
  const account = await call({ method: 'POST', url: '/api/entities/TVH-VNN/bank-accounts', payload: { kind: 'bank', institution: 'Vietcombank Trà Vinh', number: '0071000999888', accountCode: '1121' } });
  expect(account.statusCode, account.body).toBe(201);
  const commune = await call({ method: 'POST', url: '/api/entities/HTH-VNN/campaigns', payload: { code: 'BAO3-XA', name: 'Bão số 3 (xã)', kind: 'disaster', startsOn: '2025-09-08' } });
  expect(commune.statusCode, commune.body).toBe(201);
  const opened = await call({
    method: 'POST', url: '/api/entities/TVH-VNN/campaigns',
    payload: {
      code: 'BAO3-2025', name: 'Ủng hộ đồng bào bị thiệt hại do bão số 3', kind: 'disaster', startsOn: '2025-09-08', bankAccounts: ['0071000999888'],
      documents: [{ number: '125/TB-MTTQ-BTT', date: '2025-09-08', issuer: 'Ban Thường trực Ủy ban MTTQ tỉnh', title: 'Lời kêu gọi ủng hộ' }],
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
});

afterAll(() => server.close());

const call = (options: InjectOptions) => app.inject({ ...options, headers: { authorization: server.authorization, ...options.headers } });
const receipt = (date: string, extra: Record<string, unknown> = {}) => ({
  method: 'POST' as const, url: '/api/entities/TVH-VNN/vouchers?post=true',
  payload: { type: 'bank-receipt', date, reason: 'Ủng hộ bão số 3', amount: '2000000', campaign: 'BAO3-2025', bankAccount: '0071000999888', counterparty: { name: 'Công ty An Phú' }, ...extra },
});

describe('a campaign', () => {
  it('is opened under the legal basis of its kind and launch, with the limits that basis sets', async () => {
    const response = await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'disaster', legalBasis: { code: 'ND93/2021' }, startsOn: '2025-09-08', endsOn: null,
      receivingEndsOn: '2025-12-07', distributionEndsOn: '2025-12-27', bankAccounts: ['0071000999888'],
      documents: [{ number: '125/TB-MTTQ-BTT' }], extensions: [],
    });
  });

  it.each([
    ['disaster', '2020-10-12', 'ND64/2008', '2020-12-11'],
    ['epidemic', '2020-03-20', 'HD22/2020', null],
    ['poor-fund-drive', '2025-10-17', 'QD1198/2016', null],
  ])('of kind %s launched %s follows %s', async (kind, startsOn, basis, receivingEndsOn) => {
    const code = `${kind}-${startsOn}`;
    const opened = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns', payload: { code, name: code, kind, startsOn } });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ legalBasis: { code: basis }, receivingEndsOn });
  });

  it('takes a receipt within its window through its own account, and refuses money through that account without it', async () => {
    expect((await call(receipt('2025-10-01'))).statusCode).toBe(201);
    const untagged = await call(receipt('2025-10-01', { campaign: undefined }));
    expect(untagged.statusCode).toBe(422);
    expect(untagged.json()).toMatchObject({ code: 'campaign_account_mismatch' });
    const elsewhere = await call(receipt('2025-10-01', { bankAccount: '0071000123456' }));
    expect(elsewhere.json()).toMatchObject({ code: 'campaign_account_mismatch', detail: 'BAO3-2025 takes money through 0071000999888, not 0071000123456' });
  });

  it('refuses a receipt dated before its launch or after its window, writing nothing', async () => {
    const before = tableDigest(store);
    expect((await call(receipt('2025-09-07'))).json()).toMatchObject({ code: 'campaign_not_started' });
    const late = await call(receipt('2025-12-08'));
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'campaign_receiving_closed', detail: 'BAO3-2025 received until 2025-12-07' });
    expect(changedTables(before, tableDigest(store))).toEqual([]);
  });

  it('spends designated money only as far as its designation holds', async () => {
    const designated = await call(receipt('2025-10-03', { designation: 'Hộ bà Lê Thị Hoa', amount: '3000000' }));
    expect(designated.statusCode, designated.body).toBe(201);
    const spend = (amount: string) => call({
      method: 'POST', url: '/api/entities/TVH-VNN/entries',
      payload: { date: '2025-10-04', description: 'Chi hỗ trợ theo địa chỉ', lines: [{ account: '6111', debit: amount, campaign: 'BAO3-2025', designation: 'Hộ bà Lê Thị Hoa' }, { account: '1111', credit: amount }] },
    });
    const over = await spend('3000001');
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'designation_mismatch', detail: 'Hộ bà Lê Thị Hoa holds 3000000 in BAO3-2025' });
    expect((await spend('3000000')).statusCode).toBe(201);
    expect((await spend('1')).json()).toMatchObject({ code: 'designation_mismatch', detail: 'Hộ bà Lê Thị Hoa holds 0 in BAO3-2025' });
  });

  it('refuses a cost charged to its donations', async () => {
    const cost = await call({
      method: 'POST', url: '/api/entities/TVH-VNN/entries',
      payload: { date: '2025-10-02', description: 'Thuê xe chở hàng cứu trợ', lines: [{ account: '614', debit: '500000', campaign: 'BAO3-2025' }, { account: '1111', credit: '500000' }] },
    });
    expect(cost.statusCode).toBe(422);
    expect(cost.json()).toMatchObject({ code: 'campaign_cost_forbidden' });
  });

  it('is extended by decision at the province, after which the late receipt posts', async () => {
    const extended = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/extensions', payload: { decisionNumber: '45/QĐ-BVĐ', decidedOn: '2025-12-05', endsOn: '2025-12-31' } });
    expect(extended.statusCode, extended.body).toBe(201);
    expect(extended.json()).toMatchObject({ receivingEndsOn: '2025-12-31', distributionEndsOn: '2026-01-20', extensions: [{ decisionNumber: '45/QĐ-BVĐ', endsOn: '2025-12-31' }] });
    expect((await call(receipt('2025-12-08'))).statusCode).toBe(201);
    const shorter = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/extensions', payload: { decisionNumber: '46/QĐ-BVĐ', decidedOn: '2025-12-06', endsOn: '2025-12-20' } });
    expect(shorter.json()).toMatchObject({ code: 'date_range_invalid', field: 'endsOn' });
  });

  it('is not extended by a commune fund', async () => {
    const refused = await call({ method: 'POST', url: '/api/entities/HTH-VNN/campaigns/BAO3-XA/extensions', payload: { decisionNumber: '3/QĐ', decidedOn: '2025-12-01', endsOn: '2025-12-31' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'campaign_extension_not_allowed', detail: 'ND93/2021 lets the central, province level extend, not commune' });
  });

  it('takes money pooled up from a commune as a transfer tagged with the campaign on both sides, through its own account', async () => {
    const pool = (extra: Record<string, unknown>) => call({
      method: 'POST', url: '/api/transfers',
      payload: { from: 'HTH-VNN', to: 'TVH-VNN', date: '2025-10-05', amount: '100000', reason: 'Chuyển tiền ủng hộ bão số 3 về tỉnh', campaign: 'BAO3-XA', toCampaign: 'BAO3-2025', ...extra },
    });
    const astray = await pool({ toBankAccount: '0071000123456' });
    expect(astray.statusCode).toBe(422);
    expect(astray.json()).toMatchObject({ code: 'campaign_account_mismatch', field: 'receipt.lines[0].bankAccount' });
    const pooled = await pool({ toBankAccount: '0071000999888' });
    expect(pooled.statusCode, pooled.body).toBe(201);
    const { payment, receipt: received } = pooled.json() as { payment: { id: number }; receipt: { id: number } };
    const sides = await Promise.all([
      call({ method: 'GET', url: `/api/entities/HTH-VNN/vouchers/${payment.id}` }),
      call({ method: 'GET', url: `/api/entities/TVH-VNN/vouchers/${received.id}` }),
    ]);
    expect(sides.map((r) => (r.json() as { content: { campaign?: string } }).content.campaign)).toEqual(['BAO3-XA', 'BAO3-2025']);
  });

  it('discloses what it received, by source, channel and day, what it used and what is left, figures worked by hand', async () => {
    // Receipts through the campaign's account: 2,000,000 (1/10), 3,000,000 designated (3/10), 100,000 pooled
    // from the commune (5/10), 2,000,000 after the extension (8/12); refused posts count for nothing.
    // Used: 3,000,000 of the designation to a household's house (6111). Left: 7,100,000 − 3,000,000.
    const response = await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosure' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2025-09-08', to: '2026-01-20',
      fund: { code: 'TVH-VNN', name: expect.any(String) },
      campaign: expect.objectContaining({ code: 'BAO3-2025', legalBasis: { code: 'ND93/2021', title: 'Nghị định 93/2021/NĐ-CP ngày 27/10/2021' }, documents: [expect.objectContaining({ number: '125/TB-MTTQ-BTT' })] }),
      received: {
        total: '7100000',
        bySource: [{ source: 'unclassified', amount: '7000000' }, { source: 'other-levels', amount: '100000' }],
        byChannel: [{ channel: 'bank', bankAccount: '0071000999888', amount: '7100000' }],
        byDay: [
          { date: '2025-10-01', amount: '2000000' }, { date: '2025-10-03', amount: '3000000' },
          { date: '2025-10-05', amount: '100000' }, { date: '2025-12-08', amount: '2000000' },
        ],
      },
      used: { total: '3000000', byPurpose: [{ account: '6111', name: expect.any(String), amount: '3000000' }], toFunds: [], households: { count: 0, amount: '0' } },
      households: [],
      goods: [],
      costs: '0',
      leftover: '4100000',
      consolidated: false,
      funds: [{ code: 'TVH-VNN', name: expect.any(String), level: 'province', chain: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }, received: '7100000', used: '3000000', leftover: '4100000' }],
      receiving: { from: '2025-09-08', until: '2025-12-31', place: expect.any(String), bankAccounts: [{ fund: 'TVH-VNN', number: '0071000999888', institution: expect.any(String) }] },
      allocations: { decisions: [], levels: [], byUse: [] },
      uses: expect.arrayContaining([{ number: 3, title: expect.stringContaining('nhà ở') }]),
    });
    const october = (await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosure?from=2025-10-01&to=2025-10-31' })).json() as { received: { total: string }; leftover: string };
    expect([october.received.total, october.leftover]).toEqual(['5100000', '2100000']);
    const commune = (await call({ method: 'GET', url: '/api/entities/HTH-VNN/campaigns/BAO3-XA/disclosure' })).json() as { used: { toFunds: unknown[]; byPurpose: { account: string }[] } };
    expect(commune.used.toFunds).toEqual([{ fund: expect.stringContaining('Trà Vinh'), amount: '100000' }]);
    expect(commune.used.byPurpose.map((p) => p.account)).toEqual(['612']);
    const backwards = await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosure?from=2025-11-01&to=2025-10-01' });
    expect(backwards.json()).toMatchObject({ code: 'date_range_invalid' });
  });

  it('is published as a frozen act that anyone reads without signing in, and later postings leave untouched', async () => {
    const published = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures', payload: { to: '2025-12-31' } });
    expect(published.statusCode, published.body).toBe(201);
    const body = published.json() as { id: number; sha256: string; chain: { seq: number }; report: { received: { total: string } } };
    expect(body).toMatchObject({ entity: 'TVH-VNN', campaign: 'BAO3-2025', from: '2025-09-08', to: '2025-12-31', supersedes: null, supersededBy: null, report: { received: { total: '7100000' } } });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const anyone = await app.inject({ method: 'GET', url: `/public/disclosures/${body.id}` });
    expect(anyone.statusCode).toBe(200);
    expect(anyone.json()).toEqual(body);
    expect((await app.inject({ method: 'GET', url: '/public/disclosures?campaign=BAO3-2025' })).json()).toMatchObject([{ id: body.id, sha256: body.sha256 }]);
    expect((await app.inject({ method: 'GET', url: '/public/disclosures?campaign=NOPE' })).json()).toEqual([]);
    expect((await call(receipt('2025-12-09'))).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: `/public/disclosures/${body.id}` })).json()).toEqual(body);
    expect(() => store.sqlite.prepare('UPDATE disclosures SET report = ? WHERE id = ?').run('{}', body.id)).toThrow(/frozen/);
    const verified = await call({ method: 'GET', url: `/api/entities/TVH-VNN/disclosures/${body.id}/verify` });
    expect(verified.json()).toEqual({ id: body.id, sealed: true, differences: [] });
  });

  it('prints its publication for the website as the report was frozen, in Vietnamese, with its number, seal code and signatures', async () => {
    const [first] = (await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures' })).json() as { id: number; sha256: string }[];
    const response = await app.inject({ method: 'GET', url: `/public/disclosures/${first?.id}?format=pdf` });
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(response.rawPayload);
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const expected of [
      'BÁO CÁO CÔNG KHAI', 'Nghị định 93/2021/NĐ-CP', 'Ủng hộ đồng bào bị thiệt hại do bão số 3', 'Từ ngày 08/09/2025 đến ngày 31/12/2025',
      'Căn cứ 125/TB-MTTQ-BTT', '7.100.000', '4.100.000', 'Chuyển khoản vào tài khoản số 0071000999888', 'mã kiểm tra SHA-256',
      'SỐ TIỀN TIẾP NHẬN THEO NGÀY', 'Trưởng ban',
    ]) expect(text).toContain(expected);
    expect(text.replace(/\s/g, '')).toContain(first?.sha256);
    expect(text).not.toContain('9.100.000');
    const csv = await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosure?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('"TỔNG SỐ TIỀN, HIỆN VẬT TIẾP NHẬN",9100000');
  });

  it('is corrected by a publication that supersedes the earlier one with a reason, both readable', async () => {
    const [first] = (await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures' })).json() as { id: number }[];
    const unexplained = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures', payload: { to: '2025-12-31', supersedes: first?.id } });
    expect(unexplained.json()).toMatchObject({ code: 'reason_required' });
    const corrected = await call({ method: 'POST', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures', payload: { to: '2025-12-31', supersedes: first?.id, reason: 'Bổ sung khoản ủng hộ ngày 09/12' } });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({ supersedes: first?.id, reason: 'Bổ sung khoản ủng hộ ngày 09/12', report: { received: { total: '9100000' } } });
    expect((await app.inject({ method: 'GET', url: `/public/disclosures/${first?.id}` })).json()).toMatchObject({ supersededBy: (corrected.json() as { id: number }).id, report: { received: { total: '7100000' } } });
  });

  it('names the figures a changed ledger no longer gives when a publication is verified', async () => {
    const [first] = (await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/BAO3-2025/disclosures' })).json() as { id: number }[];
    tamper(store, `UPDATE entry_lines SET amount = -2500000 WHERE amount = -2000000 AND date = '2025-10-01' AND campaign_id IS NOT NULL`);
    const verified = await call({ method: 'GET', url: `/api/entities/TVH-VNN/disclosures/${first?.id}/verify` });
    expect(verified.json()).toMatchObject({ sealed: true, differences: expect.arrayContaining(['received.total', 'received.byDay.0.amount', 'leftover']) });
  });

  it('takes a launch on the last day the calendar writes, its limits ending there, and the fund stays usable', async () => {
    const opened = await call({ method: 'POST', url: '/api/entities/HTH-VNN/campaigns', payload: { code: 'CUOI', name: 'Cuối lịch', kind: 'disaster', startsOn: '9999-12-31' } });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ receivingEndsOn: '9999-12-31', distributionEndsOn: '9999-12-31' });
    expect((await call({ method: 'GET', url: '/api/entities/HTH-VNN/campaigns' })).statusCode).toBe(200);
  });

  it('answers 404 for a campaign the fund does not have', async () => {
    const missing = await call({ method: 'GET', url: '/api/entities/TVH-VNN/campaigns/NOPE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'campaign_unknown', field: 'params.campaign' });
  });
});
