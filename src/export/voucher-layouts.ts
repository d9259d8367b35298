/**
 * How each voucher type prints, as data: the form it follows (the public-sector forms
 * C40-BB Phiếu thu, C41-BB Phiếu chi, C30-BB and C31-BB for goods, of Circular
 * 107/2017/TT-BTC, which fund accountants fill every day), the labels of its lines and
 * the signature boxes in the order the form has them.
 */
import type { VoucherType } from '../ledger/vouchers/voucher-types.js';

export type SignatureRole = 'head' | 'chief-accountant' | 'preparer' | 'cashier' | 'counterparty';

export interface VoucherLayout {
  readonly paper: 'A5' | 'A4';
  readonly form: readonly string[];
  readonly counterpartyLabel: string;
  /** Whether the form has the counterparty's address line (a cash voucher); a bank form has accounts instead. */
  readonly addressLine: boolean;
  /**
   * A bank form's account lines: the fund's own account and its bank, and the counterparty's,
   * printed as a blank to fill where the form needs it (`required`) and the voucher names none.
   */
  readonly accounts?: { readonly own: string; readonly other: string; readonly otherRequired: boolean };
  readonly reasonLabel: string;
  readonly signatures: readonly { readonly role: SignatureRole; readonly title: string }[];
  /** "Đã nhận đủ số tiền": the receipt line under a cash voucher's signatures. */
  readonly receivedLine: boolean;
}

const CIRCULAR = '(Ban hành theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)';

const sign = (role: SignatureRole, title: string) => ({ role, title });

export const VOUCHER_LAYOUTS: Readonly<Record<VoucherType, VoucherLayout>> = {
  'cash-receipt': {
    paper: 'A5', form: ['Mẫu số: C40-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nộp tiền', addressLine: true, reasonLabel: 'Lý do nộp',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('counterparty', 'Người nộp tiền'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ quỹ')],
    receivedLine: true,
  },
  'cash-payment': {
    paper: 'A5', form: ['Mẫu số: C41-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nhận tiền', addressLine: true, reasonLabel: 'Lý do chi',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ quỹ'), sign('counterparty', 'Người nhận tiền')],
    receivedLine: true,
  },
  'bank-receipt': {
    paper: 'A5', form: ['Chứng từ ngân hàng', '(Giấy báo Có)'], counterpartyLabel: 'Đơn vị, cá nhân nộp tiền', addressLine: false,
    accounts: { own: 'Tài khoản nhận tiền', other: 'Tài khoản người nộp', otherRequired: false }, reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
  'bank-payment': {
    paper: 'A5', form: ['Chứng từ ngân hàng', '(Ủy nhiệm chi / Giấy báo Nợ)'], counterpartyLabel: 'Đơn vị, cá nhân nhận tiền', addressLine: false,
    accounts: { own: 'Tài khoản trả tiền', other: 'Tài khoản người nhận', otherRequired: true }, reasonLabel: 'Nội dung thanh toán',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
  'goods-receipt': {
    paper: 'A5', form: ['Mẫu số: C30-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người giao (nhà tài trợ)', addressLine: true, reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('counterparty', 'Người giao hàng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ kho')],
    receivedLine: false,
  },
  'goods-issue': {
    paper: 'A5', form: ['Mẫu số: C31-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nhận', addressLine: true, reasonLabel: 'Lý do xuất',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ kho'), sign('counterparty', 'Người nhận hàng')],
    receivedLine: false,
  },
  general: {
    paper: 'A4', form: ['Chứng từ kế toán khác'], counterpartyLabel: 'Đối tượng', addressLine: false, reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
};

export const POVERTY_LABELS = { poor: 'Hộ nghèo', 'near-poor': 'Hộ cận nghèo', other: 'Hộ khác' } as const;
