/** Books read while the fund keeps posting: the book is the one its totals describe. */
import { describe, expect, it } from 'vitest';
import { addSubAccount } from '../../src/app/add-sub-account.js';
import { getBook } from '../../src/app/reports/get-book.js';
import type { AccountBook } from '../../src/reports/account-book.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';

const receipt = (day: string, amount: number) => `2024-03-${day} Thu ủng hộ\n  1111  Dr ${amount}\n  5111  Cr ${amount}\n`;

describe('a book read while entries are posted', () => {
  it('lists the lines its totals count, and none posted after it was made', () => {
    const store = freshStore();
    createFund(store);
    postOk(store, OPENING, { kind: 'opening' });
    for (let day = 10; day < 20; day += 1) postOk(store, receipt(String(day), 1000));
    const book = getBook(store, { entity: FUND.code, book: 'cash', period: '2024' });
    if (!book.ok) throw new Error(book.code);
    const cash = book.value.value as AccountBook;
    postOk(store, receipt('15', 7));
    const lines = [...cash.lines];
    expect(lines).toHaveLength(cash.count);
    expect(lines.reduce((sum, l) => sum + l.debit, 0n)).toBe(cash.debit);
    expect(lines.at(-1)?.balance).toBe(cash.closing);
    expect(lines.some((l) => l.debit === 7n)).toBe(false);
  });
});

describe('the ledger of an account with sub-accounts', () => {
  it('merges the sub-accounts in posting order by date, each line with the accounts on the other side of its entry', () => {
    const store = freshStore();
    createFund(store);
    for (const code of ['11211', '11212']) {
      const added = addSubAccount(store, { entity: FUND.code, code, parent: '1121', nameVi: `Tài khoản ${code}`, actor: ACTOR });
      if (!added.ok) throw new Error(added.code);
    }
    postOk(store, '2024-01-01 Số dư đầu năm\n  11211 Dr 1000\n  11212 Dr 500\n  421 Cr 1500\n', { kind: 'opening' });
    postOk(store, '2024-02-10 Thu ủng hộ\n  11212 Dr 300\n  5111 Cr 300\n');
    postOk(store, '2024-02-05 Thu ủng hộ ghi lùi ngày\n  11211 Dr 200\n  5111 Cr 200\n');
    postOk(store, '2024-02-10 Chuyển giữa hai tài khoản\n  11211 Dr 100\n  11212 Cr 100\n');
    postOk(store, '2024-02-20 Chi hỗ trợ\n  6111 Dr 50\n  6112 Dr 30\n  6111 Dr 20\n  11211 Cr 100\n');
    const book = getBook(store, { entity: FUND.code, book: 'ledger', account: '1121', period: '2024' });
    if (!book.ok) throw new Error(book.code);
    const ledger = book.value.value as AccountBook;
    expect([...ledger.lines].map((l) => [l.date, l.entrySeq, l.account, l.amount, l.contra, l.balance])).toEqual([
      ['2024-02-05', 3, '11211', 200n, '5111', 1700n],
      ['2024-02-10', 2, '11212', 300n, '5111', 2000n],
      ['2024-02-10', 4, '11211', 100n, '11212', 2100n],
      ['2024-02-10', 4, '11212', -100n, '11211', 2000n],
      ['2024-02-20', 5, '11211', -100n, '6111, 6112', 1900n],
    ]);
    expect(ledger).toMatchObject({ opening: 1500n, debit: 600n, credit: 200n, closing: 1900n, count: 5 });
  });
});
