/**
 * The demo's relief boards over HTTP: allocation decisions and payments that cite their
 * lines, a campaign changed once open, the consolidated disclosure and its posting version,
 * the Fund for the Poor's periodic report, and what the public sees of them.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/store.js';
import { tamper } from '../support/damaged-books.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import { readPdf } from '../support/pdf-text.js';
import { changedTables, tableDigest } from '../support/table-digest.js';

let server: DemoServer;
let app: FastifyInstance;
let store: Store;
beforeAll(async () => {
  server = await demoServer();
  ({ app, store } = server);
});
afterAll(async () => server.close());

const call = (options: InjectOptions) => app.inject({ ...options, headers: { authorization: server.authorization, ...options.headers } });
const province = (path: string) => `/api/entities/TVH-CT/campaigns/BAO9-2024${path}`;

/** A bank payment of the province's campaign to one household, citing a line of decision 30/QĐ-BVĐCT, drafted and approved. */
const approvedPayment = async (amount: string, line: number, extra: Record<string, unknown> = {}): Promise<number> => {
  const draft = await call({ method: 'POST', url: '/api/entities/TVH-CT/vouchers', payload: paymentContent(amount, line, extra) });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id } = draft.json() as { id: number };
  expect((await call({ method: 'POST', url: `/api/entities/TVH-CT/vouchers/${id}/approve` })).statusCode).toBe(200);
  return id;
};
const post = (id: number) => call({ method: 'POST', url: `/api/entities/TVH-CT/vouchers/${id}/post` });

const paymentContent = (amount: string, line: number, extra: Record<string, unknown>) => ({
    type: 'bank-payment', date: '2024-12-20', reason: 'Hỗ trợ hộ có nhà bị tốc mái (đợt 2)', purpose: 'relief', amount, bankAccount: '0071000999001',
    campaign: 'BAO9-2024', allocation: { decision: '30/QĐ-BVĐCT', line },
  beneficiaries: [{ name: 'Lâm Văn Nô', address: 'ấp Ba Se, xã Lương Hòa, huyện Châu Thành', status: 'other', amount }], ...extra,
});

describe('allocation decisions', () => {
  it('shows decided, paid and due on each line of the demo’s decision', async () => {
    const response = await call({ method: 'GET', url: province('/allocations') });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { decisions: { number: string; decided: string; due: string; lines: { recipientName: string; paid: string }[] }[] };
    expect(body.decisions).toMatchObject([{ number: '25/QĐ-BVĐCT', decided: '110000000', due: '0' }]);
    expect(body.decisions[0]?.lines.map((l) => [l.recipientName, l.paid])).toEqual([
      ['Ban Vận động cứu trợ xã Hòa Thuận', '40000000'], ['Ban Vận động cứu trợ xã Hòa Thuận', '20000000'], ['Kim Thị Phol', '40000000'], ['Thạch Sang', '10000000'],
    ]);
  });

  it('records a second tranche at the support levels, and payments on its lines never go past what it decided', async () => {
    const decided = await call({
      method: 'POST', url: province('/allocations'),
      payload: {
        number: '30/QĐ-BVĐCT', decidedOn: '2024-12-15', signer: 'Trần Văn Dũng — Trưởng ban', tranche: 2,
        lines: [{ recipientKind: 'household', recipient: 'Lâm Văn Nô', locality: 'Xã Lương Hòa', level: 'TOC-MAI', quantity: 1 }],
      },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({ number: '30/QĐ-BVĐCT', tranche: 2, decided: '10000000', paid: '0', due: '10000000', lines: [{ line: 1, level: 'TOC-MAI', category: 3 }] });

    const refused = [await approvedPayment('12000000', 1), await approvedPayment('5000000', 9), await approvedPayment('5000000', 1, { campaign: 'COVID-2021', bankAccount: '104000221021' })];
    const before = tableDigest(store);
    const answers = await Promise.all(refused.map(post));
    expect(answers.map((a) => [a.statusCode, a.json().code, a.json().field])).toEqual([
      [422, 'allocation_exceeded', 'lines[0].allocation'], [422, 'allocation_unknown', 'lines[0].allocation'], [422, 'allocation_mismatch', 'lines[0].allocation'],
    ]);
    expect(changedTables(before, tableDigest(store))).toEqual([]);

    const paid = await post(await approvedPayment('10000000', 1));
    expect(paid.statusCode, paid.body).toBe(200);
    const after = (await call({ method: 'GET', url: province('/allocations') })).json() as { decisions: { number: string; paid: string; due: string }[] };
    expect(after.decisions.find((d) => d.number === '30/QĐ-BVĐCT')).toMatchObject({ paid: '10000000', due: '0' });
    expect((await post(await approvedPayment('1', 1))).json()).toMatchObject({ code: 'allocation_exceeded' });
  });

  it('refuses a decision whose line does not add up at its level, names an unknown level, or gives to a fund that is not below', async () => {
    const line = { recipientKind: 'household', recipient: 'Hộ ông A', locality: 'Xã Lương Hòa' };
    const post = (lines: unknown[], number = '31/QĐ-BVĐCT') => call({ method: 'POST', url: province('/allocations'), payload: { number, decidedOn: '2024-12-16', signer: 'Trưởng ban', lines } });
    expect((await post([{ ...line, level: 'TOC-MAI', quantity: 2, amount: '15000000' }])).json()).toMatchObject({ code: 'allocation_amount_mismatch', field: 'lines[0].amount' });
    expect((await post([{ ...line, level: 'NHA-TROI' }])).json()).toMatchObject({ code: 'support_level_unknown', field: 'lines[0].level' });
    expect((await post([{ ...line, recipientKind: 'fund', recipient: 'TVH-VNN', amount: '1000' }])).json()).toMatchObject({ code: 'allocation_recipient_unknown' });
    expect((await post([{ ...line, amount: '1000' }], '25/QĐ-BVĐCT')).statusCode).toBe(409);
    const malformed = await post([{ ...line, amount: '1.000.000' }]);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'invalid_request' });
  });
});

describe('a campaign once open', () => {
  it('is renamed and gains support levels, never loses or rewrites one', async () => {
    const changed = await call({
      method: 'PATCH', url: province(''),
      payload: { name: 'Ủng hộ đồng bào bị thiệt hại do bão số 9 và mưa lũ năm 2024', supportLevels: [{ code: 'GAO', name: 'Gạo cứu đói', amount: '300000', unit: 'người', category: 2 }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: expect.stringContaining('mưa lũ'), supportLevels: [{ code: 'NHA-SAP' }, { code: 'TOC-MAI' }, { code: 'GAO', unit: 'người', amount: '300000' }] });
    const again = await call({ method: 'PATCH', url: province(''), payload: { supportLevels: [{ code: 'GAO', name: 'Trùng', amount: '1' }] } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'support_level_code_taken']);
    const use = await call({ method: 'PATCH', url: province(''), payload: { supportLevels: [{ code: 'X', name: 'Khác', amount: '1', category: 42 }] } });
    expect(use.json()).toMatchObject({ code: 'campaign_use_unknown', field: 'supportLevels[0].category' });
    expect((await call({ method: 'PATCH', url: province(''), payload: { startsOn: '2024-01-01' } })).statusCode).toBe(400);
  });
});

describe('the consolidated disclosure', () => {
  it('counts the money pooled up and allocated down once, and shows what each level still holds', async () => {
    const response = await call({ method: 'GET', url: province('/disclosure?to=2024-12-31&consolidated=true') });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { received: { total: string; bySource: { source: string }[] }; funds: { code: string; leftover: string }[]; consolidated: boolean };
    expect(body.consolidated).toBe(true);
    expect(body.received.bySource.map((s) => s.source)).not.toContain('other-levels');
    expect(body.funds.map((f) => f.code)).toEqual(['TVH-CT', 'HTH-CT']);
    const alone = (await call({ method: 'GET', url: province('/disclosure?to=2024-12-31') })).json() as { received: { bySource: { source: string; amount: string }[] } };
    expect(alone.received.bySource).toContainEqual({ source: 'other-levels', amount: '15000000' });
  });

  it('prints a posting version in large type with where and until when it hangs, signed and sealed', async () => {
    const response = await call({ method: 'GET', url: province('/disclosure?to=2024-12-31&consolidated=true&format=pdf&posting=true&place=Nh%C3%A0%20v%C4%83n%20h%C3%B3a%20%E1%BA%A5p%20%C3%94%20Ch%C3%ADch&postedOn=2025-01-05') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('niem-yet');
    const pdf = await readPdf(response.rawPayload);
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const expected of ['BÁO CÁO CÔNG KHAI', 'Niêm yết tại Nhà văn hóa ấp Ô Chích từ ngày 05/01/2025 đến ngày 03/02/2025', 'DANH SÁCH HỘ ĐƯỢC HỖ TRỢ', 'Trưởng ban', 'Trần Văn Dũng']) {
      expect(text).toContain(expected);
    }
    const website = await readPdf((await call({ method: 'GET', url: province('/disclosure?to=2024-12-31&consolidated=true&format=pdf') })).rawPayload);
    expect(pdf.pages.length).toBeGreaterThan(website.pages.length);
    const json = await call({ method: 'GET', url: province('/disclosure?posting=true') });
    expect([json.statusCode, json.json().code, json.json().field]).toEqual([422, 'report_format_unavailable', 'querystring.format']);
  });
});

describe('the Fund for the Poor’s periodic report', () => {
  it('gives opening, received, used and closing for any range, and is published for anyone to read', async () => {
    const q1 = await call({ method: 'GET', url: '/api/entities/TVH-VNN/disclosure?from=2024-01-01&to=2024-03-31' });
    expect(q1.statusCode, q1.body).toBe(200);
    const figures = q1.json() as { opening: string; received: { total: string }; used: { total: string }; closing: string };
    expect(BigInt(figures.opening) + BigInt(figures.received.total) - BigInt(figures.used.total)).toBe(BigInt(figures.closing));
    expect(figures.opening).toBe('1862000000');
    const published = await call({ method: 'POST', url: '/api/entities/TVH-VNN/disclosures', payload: { from: '2024-01-01', to: '2024-03-31' } });
    expect(published.statusCode, published.body).toBe(201);
    const { id } = published.json() as { id: number };
    expect(published.json()).toMatchObject({ campaign: null, consolidated: false, report: { closing: figures.closing } });
    const listed = (await call({ method: 'GET', url: '/api/entities/TVH-VNN/disclosures' })).json() as { id: number; campaign: null }[];
    expect(listed.map((p) => p.id)).toContain(id);
    const anyone = await app.inject({ method: 'GET', url: `/public/disclosures/${id}?format=pdf` });
    expect(anyone.statusCode).toBe(200);
    expect((await readPdf(anyone.rawPayload)).pages[0]?.text).toContain('SỐ DƯ ĐẦU KỲ');
  });
});

describe('what the public sees', () => {
  it('lists every publication of the demo without a token, and nothing that was not published', async () => {
    const list = (await app.inject({ method: 'GET', url: '/public/disclosures' })).json() as { entity: string; campaign: string | null; consolidated: boolean }[];
    expect(list.map((p) => [p.entity, p.campaign, p.consolidated])).toEqual(expect.arrayContaining([
      ['TVH-CT', 'COVID-2021', false], ['HTH-CT', 'BAO9-2024', false], ['TVH-CT', 'BAO9-2024', true], ['TVH-VNN', null, false],
    ]));
    expect(list.some((p) => p.campaign === 'TCD2024')).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/public/disclosures?entity=TVH-CT&campaign=BAO9-2024' })).json()).toHaveLength(1);
  });

  it('never shows a household’s street address, hamlet or ID on public output', async () => {
    const [consolidated] = (await app.inject({ method: 'GET', url: '/public/disclosures?entity=TVH-CT&campaign=BAO9-2024' })).json() as { id: number }[];
    const json = (await app.inject({ method: 'GET', url: `/public/disclosures/${consolidated?.id}` })).body;
    const pdf = (await readPdf((await app.inject({ method: 'GET', url: `/public/disclosures/${consolidated?.id}?format=pdf` })).rawPayload)).pages.map((p) => p.text).join('\n');
    for (const body of [json, pdf]) {
      expect(body).toContain('Kim Thị Phol');
      expect(body).toContain('xã Lương Hòa');
      expect(body).not.toContain('ấp Ba Se');
    }
  });

  it('catches a changed commune ledger when the consolidated publication is verified', async () => {
    const [consolidated] = (await app.inject({ method: 'GET', url: '/public/disclosures?entity=TVH-CT&campaign=BAO9-2024' })).json() as { id: number }[];
    const clean = await call({ method: 'GET', url: `/api/entities/TVH-CT/disclosures/${consolidated?.id}/verify` });
    expect(clean.json()).toMatchObject({ sealed: true, differences: [] });
    tamper(store, `UPDATE entry_lines SET amount = -13000000 WHERE amount = -12000000 AND date = '2024-09-15'
                   AND entity_id = (SELECT id FROM entities WHERE code = 'HTH-CT')`);
    const verified = await call({ method: 'GET', url: `/api/entities/TVH-CT/disclosures/${consolidated?.id}/verify` });
    expect(verified.json()).toMatchObject({ sealed: true, differences: expect.arrayContaining(['received.total', 'funds.1.received', 'leftover']) });
  });
});

describe('the largest decision', () => {
  it('records 5,000 lines, each at the most a fund can hold, in one decision', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ({ recipientKind: 'household', recipient: `Hộ số ${i + 1}`, locality: 'Xã Lương Hòa', amount: '1000000000000000' }));
    const decided = await call({ method: 'POST', url: province('/allocations'), payload: { number: '99/QĐ-BVĐCT', decidedOn: '2024-12-20', signer: 'Trưởng ban', lines } });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({ decided: '5000000000000000000', due: '5000000000000000000' });
    expect((decided.json() as { lines: unknown[] }).lines).toHaveLength(5000);
    for (const format of ['json', 'pdf', 'xlsx', 'csv']) {
      expect((await call({ method: 'GET', url: province(`/disclosure?to=2024-12-31&consolidated=true&format=${format}`) })).statusCode).toBe(200);
    }
  }, 30_000);
});
