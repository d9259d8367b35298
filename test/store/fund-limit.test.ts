/**
 * Sums that always fit: a fund posts at most FUND_LIMIT over its life, refused before
 * anything is written, so every total of its books and of a consolidation stays an integer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postEntries } from '../../src/app/post-entries.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import { verifyFund } from '../../src/app/verify-chain.js';
import type { EntryInput } from '../../src/ledger/entry.js';
import { FUND_LIMIT } from '../../src/ledger/money.js';
import { apiWorld } from '../support/api-fixture.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

const donation = (amount: bigint, lines = 1): EntryInput => ({
  date: '2024-03-05',
  description: 'Ủng hộ',
  lines: [
    ...Array.from({ length: lines }, () => ({ account: '1121', debit: amount.toString() })),
    ...Array.from({ length: lines }, () => ({ account: '5111', credit: amount.toString() })),
  ],
});

const totals = (store: ReturnType<typeof freshStore>) =>
  store.sqlite.prepare(`SELECT debit_total AS debits, quantity_total AS quantities FROM entities WHERE code = ?`).safeIntegers(true).get(FUND.code) as { debits: bigint; quantities: bigint };

describe('the lifetime limit of a fund', () => {
  it('accepts debits up to the limit exactly and refuses one đồng more, writing nothing', () => {
    const store = freshStore();
    createFund(store);
    const first = postEntries(store, { entity: FUND.code, entries: [donation(FUND_LIMIT - 1n)], actor: ACTOR });
    expect(first.ok).toBe(true);
    const last = postEntries(store, { entity: FUND.code, entries: [donation(1n)], actor: ACTOR });
    expect(last.ok).toBe(true);
    const over = postEntries(store, { entity: FUND.code, entries: [donation(1n)], actor: ACTOR });
    expect(over).toMatchObject({ ok: false, code: 'fund_limit_reached', path: 'lines' });
    expect(totals(store).debits).toBe(FUND_LIMIT);
    const tb = getTrialBalance(store, { entity: FUND.code, from: '2024-01-01', to: '2024-12-31' });
    expect(tb.ok && tb.value.totals.period.debit).toBe(FUND_LIMIT);
    const verified = verifyFund(store, FUND.code);
    expect(verified.ok && verified.value.ok).toBe(true);
  });

  it('refuses the entry of 2,500 + 2,500 lines at the largest line amount before it is written', async () => {
    const world = await apiWorld();
    const entries = () => (world.store.sqlite.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
    const before = entries();
    const answer = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: donation(10n ** 15n, 2500) });
    expect(answer.statusCode, answer.body).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'fund_limit_reached', field: 'lines' });
    expect(entries()).toBe(before);
    await world.close();
  });

  it('keeps the books, reports and consolidation of a fund at its limit answering', async () => {
    const world = await apiWorld();
    // The fixture's opening balance took 10,000,000; leave room for one small payment.
    const full = FUND_LIMIT - 20_000_000n;
    const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: { ...donation(full), lines: [{ account: '1111', debit: full.toString() }, { account: '5111', credit: full.toString() }] } });
    expect(posted.statusCode, posted.body).toBe(201);
    for (const url of [
      '/api/entities/C1/trial-balance?from=2024-01-01&to=2024-12-31',
      '/api/entities/C1/balances?asOf=2024-12-31',
      '/api/entities/C1/books/journal?period=2024',
      '/api/entities/C1/books/cash?period=2024',
      '/api/entities/C1/reports/receipts-and-uses?period=2024',
      '/api/entities/PROV/reports/receipts-and-uses?period=2024&consolidated=true',
      '/api/entities/PROV/reports/financial-position?period=2024&consolidated=true',
      '/api/entities/C1/verify',
    ]) {
      const answer = await world.call('provAuditor', { method: 'GET', url });
      expect(answer.statusCode, `${url} ${answer.body.slice(0, 200)}`).toBe(200);
    }
    const payment = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: { date: '2024-03-06', description: 'Chi', lines: [{ account: '6111', debit: '5000000' }, { account: '1111', credit: '5000000' }] } });
    expect(payment.statusCode, payment.body).toBe(201);
    await world.close();
  });

  it('counts quantities and foreign amounts against their own limit', () => {
    const store = freshStore();
    createFund(store);
    const goods = (quantity: string): EntryInput => ({
      date: '2024-03-05', description: 'Nhận gạo',
      lines: [{ account: '152', debit: '1000', quantity, unit: 'kg' }, { account: '5112', credit: '1000' }],
      memos: [{ account: '003', direction: 'in', quantity, unit: 'kg' }],
    });
    // Quantities are kept in thousandths: 10^11 kg on the line and on the memo is 2 × 10^14 units.
    for (let i = 0; i < 5; i += 1) expect(postEntries(store, { entity: FUND.code, entries: [goods('100000000000')], actor: ACTOR }).ok).toBe(true);
    expect(totals(store).quantities).toBe(FUND_LIMIT);
    expect(postEntries(store, { entity: FUND.code, entries: [goods('0.001')], actor: ACTOR })).toMatchObject({ ok: false, code: 'fund_limit_reached' });
  });

  it('accepts exactly the entries that keep the running total within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: FUND_LIMIT / 3n }), { minLength: 1, maxLength: 8 }), (amounts) => {
        const store = freshStore();
        createFund(store);
        let expected = 0n;
        for (const amount of amounts) {
          const result = postEntries(store, { entity: FUND.code, entries: [donation(amount)], actor: ACTOR });
          expect(result.ok).toBe(expected + amount <= FUND_LIMIT);
          if (result.ok) expected += amount;
        }
        expect(totals(store).debits).toBe(expected);
        const days = store.sqlite.prepare(`SELECT count(*) AS n FROM account_days WHERE typeof(debit) <> 'integer' OR typeof(credit) <> 'integer'`).get() as { n: number };
        expect(days.n).toBe(0);
        store.close();
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });

  it('will not store a day total that is not an integer', () => {
    const store = freshStore();
    createFund(store);
    expect(postEntries(store, { entity: FUND.code, entries: [donation(5n)], actor: ACTOR }).ok).toBe(true);
    expect(() => store.sqlite.prepare(`UPDATE account_days SET debit = 1.25e19`).run()).toThrow(/CHECK constraint failed/);
    expect(() => store.sqlite.prepare(`UPDATE account_days SET credit = 'five'`).run()).toThrow(/CHECK constraint failed/);
  });
});
