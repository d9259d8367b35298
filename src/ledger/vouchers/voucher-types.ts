/**
 * The kinds of voucher (chứng từ) a fund makes, as data: what each is called, where its
 * money or goods sit, which side of the entry they take, its default number prefix and
 * whether a payment of this kind waits for an approver unless the fund says otherwise.
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

export const VOUCHER_TYPE_SPECS: Readonly<Record<VoucherType, VoucherTypeSpec>> = {
  'cash-receipt': {
    type: 'cash-receipt', title: 'PHIẾU THU', prefix: 'PT', flow: 'in', holding: { vnd: '1111', foreign: '1112' },
    bank: false, goods: false, defaultPurpose: 'donation', approvalByDefault: false,
  },
  'cash-payment': {
    type: 'cash-payment', title: 'PHIẾU CHI', prefix: 'PC', flow: 'out', holding: { vnd: '1111', foreign: '1112' },
    bank: false, goods: false, defaultPurpose: null, approvalByDefault: true,
  },
  'bank-receipt': {
    type: 'bank-receipt', title: 'GIẤY BÁO CÓ', prefix: 'BC', flow: 'in', holding: { vnd: '1121', foreign: '1122' },
    bank: true, goods: false, defaultPurpose: 'donation', approvalByDefault: false,
  },
  'bank-payment': {
    type: 'bank-payment', title: 'ỦY NHIỆM CHI', prefix: 'UNC', flow: 'out', holding: { vnd: '1121', foreign: '1122' },
    bank: true, goods: false, defaultPurpose: null, approvalByDefault: true,
  },
  'goods-receipt': {
    type: 'goods-receipt', title: 'BIÊN NHẬN HIỆN VẬT', prefix: 'NK', flow: 'in', holding: { vnd: '152', foreign: null },
    bank: false, goods: true, defaultPurpose: 'goods-donation', approvalByDefault: false,
  },
  'goods-issue': {
    type: 'goods-issue', title: 'PHIẾU XUẤT HIỆN VẬT', prefix: 'XK', flow: 'out', holding: { vnd: '152', foreign: null },
    bank: false, goods: true, defaultPurpose: 'relief', approvalByDefault: true,
  },
  general: {
    type: 'general', title: 'CHỨNG TỪ KẾ TOÁN', prefix: 'CTK', flow: 'lines', holding: null,
    bank: false, goods: false, defaultPurpose: null, approvalByDefault: false,
  },
};

/** The off-balance accounts that count goods by quantity and foreign money by amount. */
export const GOODS_QUANTITY_ACCOUNT = '003';
export const FOREIGN_CURRENCY_ACCOUNT = '007';
