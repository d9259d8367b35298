/**
 * A fund's snapshot (chart, calendar, dimensions) is kept per connection only while nothing
 * it holds has changed: in another process on the same file, or in a transaction that was
 * then rolled back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addSubAccount } from '../../src/app/add-sub-account.js';
import { loadFund } from '../../src/app/fund.js';
import { inTransaction } from '../../src/app/in-transaction.js';
import { lockPeriod } from '../../src/app/period-locks.js';
import { setVoucherSettings } from '../../src/app/vouchers/voucher-settings.js';
import { openStore } from '../../src/db/store.js';
import { reject } from '../../src/ledger/rejections.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, post, postOk } from '../support/store-fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const payment = `
2024-03-05 Chi hỗ trợ
  6111  Dr 1000
  1111  Cr 1000
`;

describe('the snapshot of a fund', () => {
  it('follows a month locked, an account added and a voucher setting changed by another connection to the same file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-snapshot-'));
    dirs.push(dir);
    const path = join(dir, 'books.sqlite');
    const first = openStore(path);
    createFund(first);
    postOk(first, OPENING, { kind: 'opening' });
    expect(post(first, payment).ok).toBe(true);
    const second = openStore(path);
    expect(lockPeriod(second, { entity: FUND.code, year: 2024, month: 3, actor: ACTOR }).ok).toBe(true);
    expect(addSubAccount(second, { entity: FUND.code, code: '61129', parent: '6112', nameVi: 'Hỗ trợ khác', actor: ACTOR }).ok).toBe(true);
    expect(post(first, payment)).toMatchObject({ ok: false, code: 'period_locked' });
    expect(setVoucherSettings(second, { entity: FUND.code, change: { types: { 'cash-receipt': { approvalRequired: true } } }, actor: ACTOR }).ok).toBe(true);
    const fund = loadFund(first, FUND.code);
    expect(fund.ok && fund.value.chart.accounts.has('61129')).toBe(true);
    expect(fund.ok && fund.value.voucherSettings.find((s) => s.type === 'cash-receipt')?.approvalRequired).toBe(true);
    second.close();
    first.close();
  });

  it('forgets what a rolled-back transaction read', () => {
    const store = freshStore();
    createFund(store);
    const refused = inTransaction(store, () => {
      const added = addSubAccount(store, { entity: FUND.code, code: '61129', parent: '6112', nameVi: 'Hỗ trợ khác', actor: ACTOR });
      if (!added.ok) throw new Error(added.code);
      const inside = loadFund(store, FUND.code);
      expect(inside.ok && inside.value.chart.accounts.has('61129')).toBe(true);
      return reject('reason_required');
    });
    expect(refused.ok).toBe(false);
    const after = loadFund(store, FUND.code);
    expect(after.ok && after.value.chart.accounts.has('61129')).toBe(false);
  });
});
