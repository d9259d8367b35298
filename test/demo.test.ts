/**
 * The demo scenario replayed on a fresh database, checked against the trial balances and
 * the published disclosures worked out by hand in fixtures/demo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, seedDemo } from '../src/app/seed-demo.js';
import { getTrialBalance } from '../src/app/trial-balance.js';
import { verifyFund } from '../src/app/verify-chain.js';
import { listFiscalYears, listPeriodEvents } from '../src/db/calendar-repo.js';
import { findEntityByCode } from '../src/db/entities-repo.js';
import { findEntry } from '../src/db/entries-repo.js';
import { listOpeningBalances } from '../src/db/opening-balances-repo.js';
import { listVouchers } from '../src/db/vouchers-repo.js';
import { listPublished } from '../src/db/disclosures-repo.js';
import { verifyDisclosure } from '../src/app/publish-disclosure.js';
import { campaignDetails } from '../src/app/campaign-details.js';
import { loadFund } from '../src/app/fund.js';
import type { Store } from '../src/db/store.js';
import { freshStore } from './support/store-fixture.js';

function expectedRows(fund: string): string[][] {
  return readFileSync(join(DEMO_DIR, `expected-trial-balance-${fund}-2024.csv`), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split(','));
}

let store: Store;
beforeAll(() => {
  store = freshStore();
  const seeded = seedDemo(store);
  if (!seeded.ok) throw new Error(`demo refused: ${seeded.code} ${seeded.path ?? ''} ${seeded.detail ?? ''}`);
});

describe.each(['TVH-VNN', 'HTH-VNN'])('demo fund %s, fiscal year 2024', (fund) => {
  it('has the trial balance worked out by hand', () => {
    const tb = getTrialBalance(store, { entity: fund, from: '2024-01-01', to: '2024-12-31' });
    if (!tb.ok) throw new Error(tb.code);
    const actual = tb.value.rows.map((r) => [r.code, r.opening.debit, r.opening.credit, r.period.debit, r.period.credit, r.closing.debit, r.closing.credit].map(String));
    const { opening, period, closing } = tb.value.totals;
    actual.push(['total', opening.debit, opening.credit, period.debit, period.credit, closing.debit, closing.credit].map(String));
    expect(actual).toEqual(expectedRows(fund));
    expect(tb.value.balanced).toBe(true);
  });

  it('verifies, is closed, has every month locked and 2025 open with the closing balances', () => {
    expect(verifyFund(store, fund)).toMatchObject({ ok: true, value: { ok: true } });
    const id = findEntityByCode(store.db, fund)!.id;
    expect(listFiscalYears(store.db, id).map((y) => [y.year, y.status])).toEqual([[2024, 'closed'], [2025, 'open']]);
    expect(listPeriodEvents(store.db, id).filter((e) => e.action === 'lock')).toHaveLength(12);
    const expected = expectedRows(fund).filter((r) => ['1111', '1112', '1121', '152', '421'].includes(r[0]!) && (r[5] !== '0' || r[6] !== '0'));
    expect(listOpeningBalances(store.sqlite, id, 2025)).toEqual(expected.map((r) => ({ code: r[0], amount: BigInt(r[5]!) - BigInt(r[6]!) })));
  });
});

describe('demo details', () => {
  const fundId = (code: string) => findEntityByCode(store.db, code)!.id;
  const vouchers = (code: string) => listVouchers(store.db, fundId(code), { limit: 500 });

  it('makes every entry of the year from a voucher, except the opening and closing ones', () => {
    for (const code of ['TVH-VNN', 'HTH-VNN']) {
      const fromVouchers = new Set(vouchers(code).map((v) => v.entryId));
      const kinds = store.sqlite.prepare("SELECT id, kind FROM entries WHERE entity_id = ? AND kind IN ('regular', 'reversal')").all(fundId(code)) as { id: number }[];
      expect(kinds.length).toBeGreaterThan(5);
      for (const entry of kinds) expect(fromVouchers.has(entry.id), `entry ${entry.id} of ${code}`).toBe(true);
    }
  });

  it('cancels the duplicated Peak Month transfer with a linked reversing voucher', () => {
    const duplicate = vouchers('TVH-VNN').find((v) => v.status === 'cancelled');
    expect(duplicate).toMatchObject({ type: 'bank-receipt', accountingDate: '2024-11-12' });
    const reversing = vouchers('TVH-VNN').find((v) => v.cancelsId === duplicate?.id);
    expect(reversing).toMatchObject({ type: 'general', status: 'posted', accountingDate: '2024-11-15', number: 'CTK0001/2024' });
    expect(findEntry(store.sqlite, fundId('TVH-VNN'), reversing!.entryId!)).toMatchObject({ kind: 'reversal', reversesId: duplicate!.entryId });
  });

  it('numbers each voucher type of each fund from 1 without gaps', () => {
    for (const code of ['TVH-VNN', 'HTH-VNN']) {
      const byType = new Map<string, number[]>();
      for (const v of vouchers(code)) byType.set(v.type, [...(byType.get(v.type) ?? []), v.numberSeq!]);
      for (const [type, seqs] of byType) expect(seqs.sort((a, b) => a - b), `${code} ${type}`).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it('sends the transfer in transit through the province’s 113 and receives it in the commune, linked', () => {
    const province = getTrialBalance(store, { entity: 'TVH-VNN', from: '2024-11-25', to: '2024-11-25' });
    const settled = getTrialBalance(store, { entity: 'TVH-VNN', from: '2024-11-27', to: '2024-11-27' });
    const commune = getTrialBalance(store, { entity: 'HTH-VNN', from: '2024-11-27', to: '2024-11-27' });
    expect(province.ok && province.value.rows.find((r) => r.code === '113')?.period.debit).toBe(200000000n);
    expect(settled.ok && settled.value.rows.find((r) => r.code === '612')?.period.debit).toBe(200000000n);
    expect(commune.ok && commune.value.rows.find((r) => r.code === '5113')?.period.credit).toBe(200000000n);
    const receipt = vouchers('HTH-VNN').find((v) => v.transferId !== null);
    const payment = vouchers('TVH-VNN').find((v) => v.transferId === receipt?.transferId && v.type === 'bank-payment');
    expect(receipt).toMatchObject({ type: 'bank-receipt', number: 'BC0001/2024', accountingDate: '2024-11-27' });
    expect(payment).toMatchObject({ accountingDate: '2024-11-25', reason: expect.stringContaining('Hòa Thuận') });
  });

  it('holds the US dollars and the rice left over at the end of the year', () => {
    const province = getTrialBalance(store, { entity: 'TVH-VNN', from: '2024-01-01', to: '2024-12-31' });
    const commune = getTrialBalance(store, { entity: 'HTH-VNN', from: '2024-01-01', to: '2024-12-31' });
    expect(province.ok && province.value.offBalance).toMatchObject([{ code: '007', unit: 'USD', closing: 1000000n }]);
    expect(commune.ok && commune.value.offBalance).toMatchObject([{ code: '003', item: 'Gạo tẻ', unit: 'kg', in: 2000000n, out: 1500000n, closing: 500000n }]);
  });

  it('pays housing support with its list of beneficiaries', () => {
    const housing = vouchers('HTH-VNN').find((v) => v.reason.startsWith('Chi hỗ trợ xây dựng'));
    const entry = findEntry(store.sqlite, fundId('HTH-VNN'), housing!.entryId!);
    expect(entry?.lines.filter((l) => l.account === '6111').map((l) => l.counterparty?.name)).toEqual(['Thạch Sóc Khanh', 'Lý Thị Ngọc Diệu', 'Trầm Văn Đực', 'Châu Thị Sa Huôl']);
  });
});

interface ExpectedDisclosure {
  readonly entity: string;
  readonly campaign: string | null;
  readonly consolidated: boolean;
  readonly report: Record<string, unknown>;
}

describe('the demo relief boards and their published disclosures', () => {
  const expected = JSON.parse(readFileSync(join(DEMO_DIR, 'expected-disclosures.json'), 'utf8')) as ExpectedDisclosure[];

  it.each(expected.map((e) => [`${e.entity} ${e.campaign ?? 'periodic report'}${e.consolidated ? ' consolidated' : ''}`, e] as const))('publishes %s with every figure worked out by hand', (_, want) => {
    const published = listPublished(store.db, { entity: want.entity, campaign: want.campaign }).filter((p) => p.consolidated === want.consolidated);
    expect(published).toHaveLength(1);
    const [publication] = published;
    expect(JSON.parse(publication!.report)).toMatchObject(want.report);
    expect(verifyDisclosure(store, { entity: want.entity, id: publication!.id })).toEqual({ ok: true, value: { id: publication!.id, sealed: true, differences: [] } });
  });

  it('runs the typhoon campaign under ND 93 with its extension at the province, and the Covid-19 campaign under HD 22', () => {
    const province = loadFund(store, 'TVH-CT');
    const commune = loadFund(store, 'HTH-CT');
    if (!province.ok || !commune.ok) throw new Error('the relief boards are missing');
    const campaigns = campaignDetails(store, province.value);
    const covid = campaigns.find((c) => c.code === 'COVID-2021');
    const storm = campaigns.find((c) => c.code === 'BAO9-2024');
    expect(covid).toMatchObject({ code: 'COVID-2021', kind: 'epidemic', legalBasis: { code: 'HD22/2020' }, receivingEndsOn: null });
    expect(storm).toMatchObject({
      code: 'BAO9-2024', legalBasis: { code: 'ND93/2021' }, receivingEndsOn: '2024-12-31', distributionEndsOn: '2025-01-20',
      extensions: [{ decisionNumber: '40/QĐ-BVĐCT', endsOn: '2024-12-31' }], supportLevels: [{ code: 'NHA-SAP', amount: '40000000', category: 3 }, { code: 'TOC-MAI' }],
    });
    expect(campaignDetails(store, commune.value)[0]).toMatchObject({ receivingEndsOn: '2024-12-09', distributionEndsOn: '2024-12-29', extensions: [] });
  });

  it('posts neither the refused late receipt nor the refused cost', () => {
    const posted = (code: string) => listVouchers(store.db, fundId(code), { limit: 500 }).filter((v) => v.status === 'posted').map((v) => v.content.reason);
    expect(posted('HTH-CT').some((reason) => reason.includes('Lý Văn Hên'))).toBe(false);
    expect(posted('TVH-CT').some((reason) => reason.includes('thuê xe'))).toBe(false);
    expect(posted('TVH-CT').some((reason) => reason.includes('Nguyễn Thiện Thành'))).toBe(true);
  });

  it('verifies every relief board\'s chain', () => {
    for (const code of ['TVH-CT', 'HTH-CT']) expect(verifyFund(store, code)).toMatchObject({ ok: true, value: { ok: true } });
  });
});

const fundId = (code: string) => findEntityByCode(store.db, code)!.id;
