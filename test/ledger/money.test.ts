import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, convertToVnd, formatAmount, parseAmount } from '../../src/ledger/money.js';

describe('parseAmount', () => {
  it.each([
    ['1250000', 0, 1250000n],
    ['1250000.00', 0, 1250000n],
    ['12.5', 2, 1250n],
    ['0.001', 3, 1n],
    ['-42', 0, -42n],
    ['1000000000000000', 0, 10n ** 15n],
  ])('reads %s at scale %i', (text, scale, expected) => {
    expect(parseAmount(text, scale)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1.000.000', 0, 'malformed'],
    ['1,5', 0, 'malformed'],
    ['1e6', 0, 'malformed'],
    [' 5', 0, 'malformed'],
    ['', 0, 'malformed'],
    ['12.5', 0, 'too_precise'],
    ['0.001', 2, 'too_precise'],
    ['1000000000000001', 0, 'out_of_range'],
  ])('refuses %s at scale %i as %s', (text, scale, reason) => {
    expect(parseAmount(text, scale)).toEqual({ ok: false, reason });
  });
});

describe('formatAmount', () => {
  it('writes minor units back as plain decimals', () => {
    expect(formatAmount(1250000n, 0)).toBe('1250000');
    expect(formatAmount(1250n, 2)).toBe('12.50');
    expect(formatAmount(5n, 3)).toBe('0.005');
    expect(formatAmount(-1250n, 2)).toBe('-12.50');
  });

  it('round-trips through parseAmount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 3 }), (value, scale) => {
        const parsed = parseAmount(formatAmount(value, scale), scale);
        return parsed.ok && parsed.value === value;
      }),
    );
  });
});

describe('convertToVnd', () => {
  it('converts at the rate and rounds half away from zero to the đồng', () => {
    expect(convertToVnd(10050n, 2, '25450')).toBe(2557725n);
    expect(convertToVnd(1n, 2, '250.5')).toBe(3n); // 2.505 → 3
    expect(convertToVnd(1n, 2, '249.9')).toBe(2n); // 2.499 → 2
    expect(convertToVnd(100000n, 0, '0.1735')).toBe(17350n); // JPY
  });
});

describe('allocate', () => {
  it('splits by largest remainder, earliest first on ties', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(10n, [3n, 7n])).toEqual([3n, 7n]);
    expect(allocate(1000000n, [1n, 2n, 3n])).toEqual([166667n, 333333n, 500000n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it('refuses weights that cannot split anything', () => {
    expect(() => allocate(5n, [])).toThrow();
    expect(() => allocate(5n, [0n, 0n])).toThrow();
    expect(() => allocate(5n, [1n, -1n])).toThrow();
  });

  it('always adds back to the total, each part within one đồng of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0n);
          const exactOk = parts.every((p, i) => {
            const scaled = p * sum - total * (weights[i] ?? 0n);
            return (scaled < 0n ? -scaled : scaled) < sum;
          });
          return parts.reduce((a, b) => a + b, 0n) === total && exactOk;
        },
      ),
    );
  });
});
