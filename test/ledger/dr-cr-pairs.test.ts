/** Debit–credit pairs: each line's pairs add up to it exactly, and the same lines give the same pairs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drCrPairs } from '../../src/ledger/dr-cr-pairs.js';

describe('debit–credit pairs', () => {
  it('split one debit over two credits in line order', () => {
    const lines = [{ n: 1, amount: 300n }, { n: 2, amount: -100n }, { n: 3, amount: -200n }];
    expect(drCrPairs(lines).map((p) => [p.debit.n, p.credit.n, p.amount])).toEqual([[1, 2, 100n], [1, 3, 200n]]);
  });

  it('refuse lines that do not balance', () => {
    expect(() => drCrPairs([{ amount: 5n }, { amount: -4n }])).toThrow(RangeError);
  });

  it('add up, for any balanced lines, to every line exactly, deterministically', () => {
    const side = fc.array(fc.bigInt({ min: 1n, max: 10n ** 15n }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(side, side, (debitParts, creditParts) => {
        const debitTotal = debitParts.reduce((a, b) => a + b, 0n);
        const creditTotal = creditParts.reduce((a, b) => a + b, 0n);
        // Scale the credit side so both add up to the same total.
        const credits = [...creditParts.slice(0, -1).map((c) => (c * debitTotal) / creditTotal)];
        const last = debitTotal - credits.reduce((a, b) => a + b, 0n);
        fc.pre(last > 0n && credits.every((c) => c > 0n));
        const lines = [...debitParts.map((amount, i) => ({ id: `d${i}`, amount })), ...[...credits, last].map((amount, i) => ({ id: `c${i}`, amount: -amount }))];
        const pairs = drCrPairs(lines);
        for (const line of lines) {
          const paired = pairs.filter((p) => p.debit === line || p.credit === line).reduce((a, p) => a + p.amount, 0n);
          expect(paired).toBe(line.amount < 0n ? -line.amount : line.amount);
        }
        expect(drCrPairs(lines)).toEqual(pairs);
      }),
    );
  });
});
