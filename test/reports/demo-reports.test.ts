/**
 * The demo year's books and statements against figures worked out by hand in fixtures/demo:
 * opening + receipts − uses = closing = 421 for each fund and for the province with the
 * commune below it, where the transfer between them appears neither as a receipt nor a use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getBook } from '../../src/app/reports/get-book.js';
import { getStatement } from '../../src/app/reports/get-statement.js';
import { DEMO_DIR, seedDemo } from '../../src/app/seed-demo.js';
import type { Store } from '../../src/db/store.js';
import type { AccountBook } from '../../src/reports/account-book.js';
import type { Book } from '../../src/reports/book.js';
import type { HoldingBook } from '../../src/reports/holding-book.js';
import type { StatementId } from '../../src/reports/statement-form.js';
import { freshStore } from '../support/store-fixture.js';

function expected(file: string): Map<string, bigint[]> {
  const rows = readFileSync(join(DEMO_DIR, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
  return new Map(rows.map((l) => { const [code = '', ...values] = l.split(','); return [code, values.map(BigInt)]; }));
}

let store: Store;
beforeAll(() => {
  store = freshStore();
  const seeded = seedDemo(store);
  if (!seeded.ok) throw new Error(seeded.code);
});

function statementValues(statement: StatementId, entity: string, consolidated = false): Map<string, (bigint | null)[]> {
  const result = getStatement(store, { entity, statement, period: '2024', consolidated });
  if (!result.ok) throw new Error(result.code);
  expect(result.value.statement.checks.every((c) => c.ok)).toBe(true);
  return new Map(result.value.statement.lines.filter((l) => l.values[0] !== null).map((l) => [l.code, [...l.values]]));
}

function book(request: Parameters<typeof getBook>[1]): Book {
  const result = getBook(store, request);
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

describe('statements of the demo year', () => {
  it('gives the hand-worked receipts and uses for each fund and the consolidated province', () => {
    const golden = expected('expected-receipts-and-uses-2024.csv');
    const columns = [statementValues('receipts-and-uses', 'TVH-VNN'), statementValues('receipts-and-uses', 'HTH-VNN'), statementValues('receipts-and-uses', 'TVH-VNN', true)];
    for (const [code, values] of golden) expect(columns.map((c) => c.get(code)?.[0]), `line ${code}`).toEqual(values);
    expect(columns.map((c) => c.size)).toEqual([golden.size, golden.size, golden.size]);
  });

  it('gives the hand-worked financial position, assets equal to sources', () => {
    const golden = expected('expected-financial-position-2024.csv');
    const columns = [statementValues('financial-position', 'TVH-VNN'), statementValues('financial-position', 'HTH-VNN'), statementValues('financial-position', 'TVH-VNN', true)];
    for (const [code, values] of golden) expect(columns.flatMap((c) => c.get(code)), `line ${code}`).toEqual(values);
  });

  const column = (entity: string, period: string, index: number, consolidated = false) => {
    const result = getStatement(store, { entity, statement: 'receipts-and-uses', period, consolidated });
    if (!result.ok) throw new Error(result.code);
    return new Map(result.value.statement.lines.map((l) => [l.code, l.values[index]]));
  };

  it('compares with the previous period: blank before a fund’s first year, else that period’s own statement', () => {
    expect([...column('TVH-VNN', '2024', 1).values()].every((v) => v === null)).toBe(true);
    // The relief fund keeps its books since 2021; the commune’s relief fund only since 2024.
    expect(column('TVH-CT', '2024', 1)).toEqual(column('TVH-CT', '2023', 0));
    expect(column('TVH-CT', '2024', 1).get('21')).toBe(column('TVH-CT', '2024', 0).get('01'));
    expect([...column('TVH-CT', '2024', 1, true).values()].every((v) => v === null)).toBe(true);
  });

  it('eliminates the transfer from the previous period’s column of the consolidated statement too', () => {
    const november = column('TVH-VNN', '2024-11', 0, true);
    expect(column('TVH-VNN', '2024-12', 1, true)).toEqual(november);
    expect([november.get('07'), november.get('18'), column('TVH-VNN', '2024-11', 0).get('18')]).toEqual([0n, 0n, 200_000_000n]);
  });

  it('eliminates the province-to-commune transfer once and lists nothing unmatched', () => {
    const result = getStatement(store, { entity: 'TVH-VNN', statement: 'receipts-and-uses', period: '2024', consolidated: true });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.funds.map((f) => f.code)).toEqual(['TVH-VNN', 'HTH-VNN']);
    expect(result.value.reconciliation?.eliminated.map((t) => [t.from, t.to, t.amount])).toEqual([['TVH-VNN', 'HTH-VNN', 200_000_000n]]);
    expect(result.value.reconciliation?.unmatched).toEqual([]);
  });

  it('lists the transfer as in transit when the range ends while the money travels', () => {
    const result = getStatement(store, { entity: 'TVH-VNN', statement: 'financial-position', from: '2024-11-01', to: '2024-11-26', consolidated: true });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.reconciliation?.eliminated).toEqual([]);
    expect(result.value.reconciliation?.unmatched.map((u) => [u.transfer.id, u.reason])).toEqual([[1, 'in-transit']]);
    const inTransit = result.value.statement.lines.find((l) => l.code === '03');
    expect(inTransit?.values).toEqual([0n, 200_000_000n]);
  });
});

describe('books of the demo year', () => {
  it('keeps the province cash book with its receipt, its payment and what remains', () => {
    const cash = book({ entity: 'TVH-VNN', book: 'cash', period: '2024' }).value as AccountBook;
    expect([cash.opening, cash.debit, cash.credit, cash.closing]).toEqual([12_000_000n, 85_600_000n, 80_000_000n, 17_600_000n]);
    expect([...cash.lines].map((l) => [l.date, l.voucherNumber, l.debit, l.credit, l.balance])).toEqual([
      ['2024-10-17', 'PT0001/2024', 85_600_000n, 0n, 97_600_000n],
      ['2024-10-25', 'PC0001/2024', 0n, 80_000_000n, 17_600_000n],
    ]);
  });

  it('keeps the dollars of the cash book in dollars', () => {
    const usd = book({ entity: 'TVH-VNN', book: 'cash', period: '2024', currency: 'USD' }).value as AccountBook;
    expect([usd.scale, usd.opening, usd.debit, usd.closing]).toEqual([2, 0n, 100_000n, 100_000n]);
  });

  it('gives the ledger of 1121 its opening, movements and closing, the last line ending on the closing', () => {
    const ledger = book({ entity: 'TVH-VNN', book: 'ledger', account: '1121', period: '2024' }).value as AccountBook;
    expect([ledger.opening, ledger.debit, ledger.credit, ledger.closing]).toEqual([1_850_000_000n, 1_072_097_000n, 1_053_555_000n, 1_868_542_000n]);
    const lines = [...ledger.lines];
    expect(lines).toHaveLength(ledger.count);
    expect(lines.at(-1)?.balance).toBe(ledger.closing);
    expect(lines.every((l) => l.contra !== null && l.voucherNumber !== null)).toBe(true);
  });

  it('gives the bank book of the fund’s only bank account the same figures as the ledger of 1121', () => {
    const bank = book({ entity: 'TVH-VNN', book: 'bank', period: '2024' }).value as AccountBook;
    expect([bank.opening, bank.debit, bank.credit, bank.closing]).toEqual([1_850_000_000n, 1_072_097_000n, 1_053_555_000n, 1_868_542_000n]);
  });

  it('balances the general journal and lists every line of the year but the opening entry', () => {
    const journal = book({ entity: 'TVH-VNN', book: 'journal', period: '2024' });
    if (journal.kind !== 'journal') throw new Error(journal.kind);
    expect(journal.value.balanced).toBe(true);
    expect(journal.value.debit).toBe(4_635_846_000n);
    expect([...journal.value.lines]).toHaveLength(journal.value.count);
  });

  it('follows the rice in kilograms and đồng through the goods book', () => {
    const goods = book({ entity: 'HTH-VNN', book: 'goods', period: '2024' }).value as HoldingBook;
    expect(goods.holdings.map((h) => [h.item, h.unit, h.in, h.inValue, h.out, h.outValue, h.closing, h.closingValue])).toEqual([
      ['Gạo tẻ', 'kg', 2_000_000n, 30_000_000n, 1_500_000n, 22_500_000n, 500_000n, 7_500_000n],
    ]);
    expect([...goods.lines].map((l) => [l.voucherNumber, l.held, l.heldValue])).toEqual([
      ['NK0001/2024', 2_000_000n, 30_000_000n],
      ['XK0001/2024', 500_000n, 7_500_000n],
    ]);
  });

  it('sums a campaign’s subsidiary ledger to what the donors gave through it', () => {
    const campaign = book({ entity: 'TVH-VNN', book: 'campaign', campaign: 'TCD2024', period: '2024' }).value as AccountBook;
    const donated = [...campaign.lines].filter((l) => l.account === '5111').reduce((sum, l) => sum + l.credit - l.debit, 0n);
    expect(donated).toBe(1_084_500_000n);
  });
});
