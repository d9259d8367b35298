/**
 * Books of what an off-balance account counts: the in-kind goods book (sổ theo dõi hiện
 * vật: quantities and values in, out and held, per item) on 003, and the foreign-currency
 * book (sổ theo dõi ngoại tệ, per currency) on 007. The value of each movement is the VND
 * of the on-balance line it came with (152 for goods, the foreign cash or deposit line).
 */
import type { Minor } from '../ledger/money.js';
import { rereadable } from './rereadable.js';

export interface HoldingMovement {
  readonly date: string;
  readonly voucherNumber: string | null;
  readonly voucherDate: string | null;
  readonly description: string;
  /** The goods; for currency, null. */
  readonly item: string | null;
  /** "kg", or the currency code. */
  readonly unit: string;
  /** Thousandths of the unit (goods) or minor units (currency); in positive. */
  readonly quantity: Minor;
  /** VND, unsigned; null when no on-balance line matches. */
  readonly value: Minor | null;
}

export interface HoldingKey {
  readonly item: string | null;
  readonly unit: string;
}

export interface HoldingSummary extends HoldingKey {
  readonly opening: Minor;
  readonly openingValue: Minor;
  readonly in: Minor;
  readonly inValue: Minor;
  readonly out: Minor;
  readonly outValue: Minor;
  readonly closing: Minor;
  readonly closingValue: Minor;
}

export interface HoldingBookLine extends HoldingMovement {
  readonly held: Minor;
  readonly heldValue: Minor;
}

export interface HoldingBook {
  readonly kind: 'goods' | 'currency';
  readonly account: string;
  readonly from: string;
  readonly to: string;
  readonly holdings: readonly HoldingSummary[];
  readonly count: number;
  readonly lines: Iterable<HoldingBookLine>;
}

const keyOf = (h: HoldingKey): string => `${h.item ?? ''}\u0000${h.unit}`;

function* running(holdings: readonly HoldingSummary[], movements: Iterable<HoldingMovement>): Generator<HoldingBookLine> {
  const held = new Map(holdings.map((h) => [keyOf(h), { quantity: h.opening, value: h.openingValue }]));
  for (const movement of movements) {
    const now = held.get(keyOf(movement)) ?? { quantity: 0n, value: 0n };
    const value = movement.value ?? 0n;
    const next = { quantity: now.quantity + movement.quantity, value: now.value + (movement.quantity >= 0n ? value : -value) };
    held.set(keyOf(movement), next);
    yield { ...movement, held: next.quantity, heldValue: next.value };
  }
}

export interface HoldingBookInput extends Omit<HoldingBook, 'lines' | 'holdings'> {
  readonly holdings: readonly Omit<HoldingSummary, 'closing' | 'closingValue'>[];
  /** Read again from the first each time it is iterated, as the lines are. */
  readonly movements: Iterable<HoldingMovement>;
}

export function holdingBook(input: HoldingBookInput): HoldingBook {
  const holdings = input.holdings
    .map((h) => ({ ...h, closing: h.opening + h.in - h.out, closingValue: h.openingValue + h.inValue - h.outValue }))
    .sort((a, b) => (a.item ?? '').localeCompare(b.item ?? '') || a.unit.localeCompare(b.unit));
  return { kind: input.kind, account: input.account, from: input.from, to: input.to, count: input.count, holdings, lines: rereadable(() => running(holdings, input.movements)) };
}
