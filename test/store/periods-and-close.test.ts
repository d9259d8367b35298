import { describe, expect, it } from 'vitest';
import { closeYear } from '../../src/app/close-year.js';
import { openYear } from '../../src/app/open-year.js';
import { lockPeriod, unlockPeriod } from '../../src/app/period-locks.js';
import { reopenYear } from '../../src/app/reopen-year.js';
import { getAccountBalance } from '../../src/app/trial-balance.js';
import { verifyFund } from '../../src/app/verify-chain.js';
import { listFiscalYears, listPeriodEvents, listPeriods } from '../../src/db/calendar-repo.js';
import { listOpeningBalances } from '../../src/db/opening-balances-repo.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, post, postOk } from '../support/store-fixture.js';

const YEAR = `
2024-03-01 Ủng hộ
  1121  Dr 20000000  bank=111222333
  5111  Cr 20000000
2024-04-01 Lãi tiền gửi
  1121  Dr 100000
  515   Cr 100000
2024-05-01 Hỗ trợ làm nhà
  6111  Dr 15000000
  1121  Cr 15000000
`;

function fundWithYear() {
  const store = freshStore();
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  postOk(store, YEAR);
  return store;
}

const balance = (store: ReturnType<typeof freshStore>, account: string, asOf: string) => {
  const result = getAccountBalance(store, { entity: FUND.code, account, asOf });
  return result.ok ? result.value.balance : null;
};

describe('period locks', () => {
  it('refuses entries in a locked month until it is unlocked with a reason, and records both acts', () => {
    const store = fundWithYear();
    expect(lockPeriod(store, { entity: FUND.code, year: 2024, month: 6, actor: { name: 'truong-ban', origin: 'test' } }).ok).toBe(true);
    const june = '2024-06-10 Ủng hộ\n  1111 Dr 5\n  5111 Cr 5\n';
    expect(post(store, june)).toMatchObject({ ok: false, code: 'period_locked', path: 'date' });
    expect(unlockPeriod(store, { entity: FUND.code, year: 2024, month: 6, actor: { name: 'truong-ban', origin: 'test' }, reason: 'Bổ sung chứng từ thiếu' }).ok).toBe(true);
    expect(post(store, june).ok).toBe(true);
    expect(listPeriodEvents(store.db, 1).map((e) => [e.action, e.month, e.actor, e.reason])).toEqual([
      ['open-year', null, ACTOR.name, null],
      ['lock', 6, 'truong-ban', null],
      ['unlock', 6, 'truong-ban', 'Bổ sung chứng từ thiếu'],
    ]);
  });
});

describe('opening years', () => {
  it('opens the next year before the last one is closed, and only the next one', () => {
    const store = fundWithYear();
    expect(openYear(store, { entity: FUND.code, year: 2026, actor: ACTOR })).toMatchObject({ code: 'year_unknown' });
    expect(openYear(store, { entity: FUND.code, year: 2025, actor: ACTOR }).ok).toBe(true);
    expect(post(store, '2025-01-03 Ủng hộ đầu năm\n  1111 Dr 5\n  5111 Cr 5\n').ok).toBe(true);
    expect(closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR }).ok).toBe(true);
    expect(listFiscalYears(store.db, 1).map((y) => [y.year, y.status])).toEqual([[2024, 'closed'], [2025, 'open']]);
    expect(balance(store, '5111', '2025-12-31')).toBe(-5n);
  });
});

describe('year-end close', () => {
  it('closes receipts and expenditures into 421, locks the year and opens the next with its balances', () => {
    const store = fundWithYear();
    const closed = closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR });
    expect(closed).toMatchObject({ ok: true, value: { nextYear: 2025 } });
    if (!closed.ok) return;
    expect(closed.value.closingEntries).toHaveLength(3);
    for (const account of ['5111', '515', '6111', '911']) expect(balance(store, account, '2024-12-31')).toBe(0n);
    expect(balance(store, '421', '2024-12-31')).toBe(-65100000n);
    expect(balance(store, '1121', '2024-12-31')).toBe(55100000n);
    expect(listFiscalYears(store.db, 1).map((y) => [y.year, y.status])).toEqual([[2024, 'closed'], [2025, 'open']]);
    expect(listPeriods(store.db, 1, 2024).every((p) => p.locked)).toBe(true);
    expect(listOpeningBalances(store.sqlite, 1, 2025)).toEqual([
      { code: '1111', amount: 10000000n },
      { code: '1121', amount: 55100000n },
      { code: '421', amount: -65100000n },
    ]);
    expect(post(store, '2024-12-31 Muộn\n  1111 Dr 5\n  5111 Cr 5\n')).toMatchObject({ code: 'date_outside_open_year' });
    expect(post(store, '2025-01-02 Đầu năm mới\n  1111 Dr 5\n  5111 Cr 5\n').ok).toBe(true);
  });

  it('reopens a closed year only as a recorded act, reversing its closing, and closes it again', () => {
    const store = fundWithYear();
    closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR });
    expect(reopenYear(store, { entity: FUND.code, year: 2024, actor: { name: 'truong-ban', origin: 'test' } })).toMatchObject({ code: 'reason_required' });
    const reopened = reopenYear(store, { entity: FUND.code, year: 2024, actor: { name: 'truong-ban', origin: 'test' }, reason: 'Kiểm toán điều chỉnh' });
    expect(reopened).toMatchObject({ ok: true });
    expect(reopened.ok && reopened.value).toHaveLength(3);
    expect(balance(store, '5111', '2024-12-31')).toBe(-20000000n);
    expect(listOpeningBalances(store.sqlite, 1, 2025)).toEqual([]);
    const late = '2024-12-20 Bổ sung sau kiểm toán\n  6115 Dr 100000\n  1121 Cr 100000\n';
    expect(post(store, late)).toMatchObject({ code: 'period_locked' });
    unlockPeriod(store, { entity: FUND.code, year: 2024, month: 12, actor: { name: 'truong-ban', origin: 'test' }, reason: 'Kiểm toán điều chỉnh' });
    expect(post(store, late).ok).toBe(true);
    expect(closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR }).ok).toBe(true);
    expect(balance(store, '421', '2024-12-31')).toBe(-65000000n);
    expect(listPeriodEvents(store.db, 1).map((e) => e.action)).toEqual(['open-year', 'close-year', 'open-year', 'reopen-year', 'unlock', 'close-year']);
    expect(verifyFund(store, FUND.code)).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('closes a year in order: the year before must be closed first', () => {
    const store = fundWithYear();
    closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR });
    expect(closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR })).toMatchObject({ code: 'year_closed' });
    expect(closeYear(store, { entity: FUND.code, year: 2025, actor: ACTOR }).ok).toBe(true);
    expect(reopenYear(store, { entity: FUND.code, year: 2024, actor: ACTOR, reason: 'x' })).toMatchObject({ code: 'next_year_closed' });
  });
});
