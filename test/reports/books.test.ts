/** Books read while the fund keeps posting: the book is the one its totals describe. */
import { describe, expect, it } from 'vitest';
import { getBook } from '../../src/app/reports/get-book.js';
import type { AccountBook } from '../../src/reports/account-book.js';
import { createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';

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
