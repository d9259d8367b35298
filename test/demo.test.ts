/**
 * The demo scenario replayed on a fresh database, checked against the trial balances
 * worked out by hand in fixtures/demo.
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
    const expected = expectedRows(fund).filter((r) => ['1111', '1121', '421'].includes(r[0]!));
    expect(listOpeningBalances(store.sqlite, id, 2025)).toEqual(expected.map((r) => ({ code: r[0], amount: BigInt(r[5]!) - BigInt(r[6]!) })));
  });
});

describe('demo details', () => {
  it('reverses the duplicated Peak Month transfer, linked to it', () => {
    const id = findEntityByCode(store.db, 'TVH-VNN')!.id;
    const duplicate = findEntry(store.sqlite, id, 14);
    expect(duplicate?.lines[0]).toMatchObject({ externalRef: 'FT24317B5521' });
    const reversal = findEntry(store.sqlite, id, duplicate!.reversedById!);
    expect(reversal).toMatchObject({ kind: 'reversal', date: '2024-11-15', reversesId: 14 });
  });

  it('records the transfer as a payment in the province and a receipt in the commune', () => {
    const province = getTrialBalance(store, { entity: 'TVH-VNN', from: '2024-11-25', to: '2024-11-25' });
    const commune = getTrialBalance(store, { entity: 'HTH-VNN', from: '2024-11-27', to: '2024-11-27' });
    expect(province.ok && province.value.rows.find((r) => r.code === '612')?.period.debit).toBe(200000000n);
    expect(commune.ok && commune.value.rows.find((r) => r.code === '5113')?.period.credit).toBe(200000000n);
  });
});
