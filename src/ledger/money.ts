/**
 * Money: exact amounts as bigint minor units, decimal strings at every edge.
 *
 * Amounts are parsed from plain decimal strings with decimal.js (never through a float),
 * kept as bigint counts of the currency's minor unit, and formatted back to decimal
 * strings. Conversion and allocation name their rounding mode at the call site.
 */
import { Decimal as BaseDecimal } from 'decimal.js';

/** decimal.js configured never to write exponent notation, so whole values read straight into bigint. */
const Decimal = BaseDecimal.clone({ precision: 64, toExpPos: 1000, toExpNeg: -1000 });

/** An amount in minor units of some currency (VND: đồng). */
export type Minor = bigint;

/** The largest amount one line may carry: 10^15 đồng, far above any fund's year. */
export const MAX_LINE_AMOUNT: Minor = 10n ** 15n;

/**
 * The most one fund may post over its whole life: 10^15 đồng of debits (all entries,
 * closing entries included), and 10^15 minor units of quantities and foreign amounts. Every
 * sum of one fund's books — a day, an account, a balance, a report line — then stays within
 * 2 × 10^15, and a consolidation of up to MAX_FUNDS funds within int64 (9.22 × 10^18).
 */
export const FUND_LIMIT: Minor = 10n ** 15n;

/** The most funds one installation keeps, so that summing all of them stays within int64. */
export const MAX_FUNDS = 4000;

const PLAIN_DECIMAL = /^-?\d{1,19}(\.\d{1,12})?$/;
/** Whole numbers short enough to be exact without decimal arithmetic: the common case. */
const PLAIN_WHOLE = /^-?\d{1,15}$/;

export type ParsedAmount =
  | { readonly ok: true; readonly value: Minor }
  | { readonly ok: false; readonly reason: 'malformed' | 'too_precise' | 'out_of_range' };

/**
 * Parses a plain decimal string ("1250000", "12.50") into minor units of the given scale.
 * Refuses exponents, thousands separators, more decimals than the scale carries (unless
 * they are zeros) and magnitudes above MAX_LINE_AMOUNT.
 */
export function parseAmount(text: string, scale: number): ParsedAmount {
  if (PLAIN_WHOLE.test(text)) return { ok: true, value: BigInt(text) * 10n ** BigInt(scale) };
  if (!PLAIN_DECIMAL.test(text)) return { ok: false, reason: 'malformed' };
  const shifted = new Decimal(text).times(new Decimal(10).pow(scale));
  if (!shifted.isInteger()) return { ok: false, reason: 'too_precise' };
  const value = BigInt(shifted.toString());
  const magnitude = value < 0n ? -value : value;
  if (magnitude > MAX_LINE_AMOUNT * 10n ** BigInt(scale)) return { ok: false, reason: 'out_of_range' };
  return { ok: true, value };
}

/** Formats minor units as a plain decimal string with exactly `scale` decimals. */
export function formatAmount(value: Minor, scale: number): string {
  if (scale === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** A positive exchange rate written as a plain decimal string ("25450", "25450.5"). */
export function isValidRate(text: string): boolean {
  return PLAIN_DECIMAL.test(text) && new Decimal(text).greaterThan(0);
}

/**
 * Converts a foreign amount (minor units at `fromScale`) to VND at `rate` VND per unit,
 * rounding half away from zero to the đồng, as a bank does on a conversion slip.
 */
export function convertToVnd(original: Minor, fromScale: number, rate: string): Minor {
  const units = new Decimal(original.toString()).dividedBy(new Decimal(10).pow(fromScale));
  return BigInt(units.times(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString());
}

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method:
 * every part is floored, then the leftover units go to the largest remainders (earliest
 * first on ties), so the parts always add back to the total exactly.
 */
export function allocate(total: Minor, weights: readonly bigint[]): Minor[] {
  if (weights.length === 0) throw new Error('allocate needs at least one weight');
  if (weights.some((w) => w < 0n)) throw new Error('allocation weights must not be negative');
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new Error('allocation weights must not all be zero');
  const sign = total < 0n ? -1n : 1n;
  const magnitude = total * sign;
  const parts = weights.map((w) => (magnitude * w) / weightSum);
  const remainders = weights.map((w, index) => ({ index, rest: (magnitude * w) % weightSum }));
  let leftover = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((p) => p * sign);
}
