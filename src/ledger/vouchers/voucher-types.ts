/**
 * The kinds of voucher (chứng từ) a fund makes, and what a regime says of each: what it is
 * called, where its money or goods sit, which side of the entry they take, its default
 * number prefix and whether it waits for an approver unless the fund says otherwise. The
 * values are each regime's data (src/regimes/).
 */

export const VOUCHER_TYPES = [
  'cash-receipt',
  'cash-payment',
  'bank-receipt',
  'bank-payment',
  'goods-receipt',
  'goods-issue',
  'general',
] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];

export interface VoucherTypeSpec {
  readonly type: VoucherType;
  /** The document's title as printed. */
  readonly title: string;
  /** The default prefix of its numbers (PT0001/2024). */
  readonly prefix: string;
  /** Money or goods come in (receipt) or go out (payment); general vouchers give their lines. */
  readonly flow: 'in' | 'out' | 'lines';
  /** Where the money or goods sit: the account in VND and, for money, in foreign currency. */
  readonly holding: { readonly vnd: string; readonly foreign: string | null } | null;
  /** Whether the holding is a bank or treasury account, which each line then names. */
  readonly bank: boolean;
  /** Goods vouchers carry items with quantities; money vouchers an amount. */
  readonly goods: boolean;
  /** The purpose used when the request names none; null: the request must name one. */
  readonly defaultPurpose: string | null;
  /** Payments and goods issues wait for an approver unless the fund decides otherwise. */
  readonly approvalByDefault: boolean;
}
