/** Vouchers numbered after another of their series but dated before it, listed with the one they come after. */
import { describe, expect, it } from 'vitest';
import { outOfOrder, type NumberedVoucher } from '../../src/reports/voucher-order.js';

const v = (id: number, type: string, sequence: number, date: string, fiscalYear = 2024): NumberedVoucher => ({ id, type, fiscalYear, sequence, number: `${type}${String(sequence).padStart(4, '0')}/${fiscalYear}`, date });

describe('vouchers out of date order', () => {
  it('lists each voucher dated before a lower-numbered one of its series, against the latest such', () => {
    const found = outOfOrder([v(1, 'BC', 1, '2024-11-27'), v(2, 'BC', 2, '2024-03-31'), v(3, 'BC', 3, '2024-10-30'), v(4, 'BC', 4, '2024-12-01'), v(5, 'BC', 5, '2024-12-01')]);
    expect(found.map((o) => [o.voucher.number, o.after.number])).toEqual([['BC0002/2024', 'BC0001/2024'], ['BC0003/2024', 'BC0001/2024']]);
  });

  it('compares within a type and a year only, and passes over the same day', () => {
    expect(outOfOrder([v(1, 'BC', 1, '2024-11-27'), v(2, 'PT', 1, '2024-01-02'), v(3, 'BC', 1, '2025-01-02', 2025), v(4, 'BC', 2, '2024-11-27')])).toEqual([]);
    expect(outOfOrder([v(2, 'PT', 2, '2024-01-01'), v(1, 'PT', 1, '2024-01-05')])).toMatchObject([{ voucher: { id: 2 }, after: { id: 1 } }]);
  });
});
