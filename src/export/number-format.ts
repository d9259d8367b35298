/**
 * Numbers as Vietnamese documents print them: 1.234.567 for amounts, 12,5 for quantities.
 * Formatting only; figures come computed from the report value.
 */
import { formatAmount, parseAmount } from '../ledger/money.js';
import { QUANTITY_SCALE } from '../ledger/entry.js';

const AMOUNT = new Intl.NumberFormat('vi-VN');
const QUANTITY = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: QUANTITY_SCALE });

/** VND with dot thousands separators; blank for zero, as ledgers leave empty cells. */
export function formatVnd(amount: bigint, { blankZero = false } = {}): string {
  if (blankZero && amount === 0n) return '';
  return AMOUNT.format(amount);
}

/** A quantity held in thousandths, e.g. 12500n → "12,5". */
export function formatQuantity(thousandths: bigint): string {
  return QUANTITY.format(formatAmount(thousandths, QUANTITY_SCALE) as Intl.StringNumericLiteral);
}

/** A quantity written as a decimal ("12.5") in thousandths; 0 when it does not read. */
export function thousandths(quantity: string): bigint {
  const parsed = parseAmount(quantity, QUANTITY_SCALE);
  return parsed.ok ? parsed.value : 0n;
}

/** A plain decimal string ("1000.5") as documents write it ("1.000,5"), digits unchanged. */
export function formatDecimal(text: string): string {
  const [whole = '', fraction] = text.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction === undefined ? '' : `,${fraction}`}`;
}
