import { describe, expect, it } from 'vitest';
import { lockPeriod } from '../../src/app/period-locks.js';
import { createFund, FUND, freshStore, OPENING, postOk, ACTOR } from '../support/store-fixture.js';

function postedStore() {
  const store = freshStore();
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  postOk(store, '2024-02-01 Nhận hiện vật\n  152 Dr 1000 qty=10 unit=kg\n  5112 Cr 1000\n  003 in 10 kg\n');
  lockPeriod(store, { entity: FUND.code, year: 2024, month: 1, actor: ACTOR });
  return store;
}

describe('posted data is append-only', () => {
  it.each([
    ['UPDATE entries SET description = ? WHERE seq = 1', ['Sửa'], 'posted entries are immutable'],
    ['DELETE FROM entries WHERE seq = 1', [], 'posted entries are immutable'],
    ['UPDATE entry_lines SET amount = amount + 1', [], 'posted entry lines are immutable'],
    ['DELETE FROM entry_lines', [], 'posted entry lines are immutable'],
    ['UPDATE entry_memos SET quantity = 1', [], 'posted entry memos are immutable'],
    ['DELETE FROM entry_memos', [], 'posted entry memos are immutable'],
    ['UPDATE period_events SET reason = ?', ['x'], 'append-only'],
    ['DELETE FROM period_events', [], 'append-only'],
  ])('refuses %s', (statement, params, message) => {
    const store = postedStore();
    expect(() => store.sqlite.prepare(statement).run(...params)).toThrow(message);
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM entry_lines').pluck().get()).toBe(5);
  });
});
