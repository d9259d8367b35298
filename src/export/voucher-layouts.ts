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
  readonly reasonLabel: string;
  readonly signatures: readonly { readonly role: SignatureRole; readonly title: string }[];
  /** "Đã nhận đủ số tiền": the receipt line under a cash voucher's signatures. */
  readonly receivedLine: boolean;
}

const CIRCULAR = '(Ban hành theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)';

const sign = (role: SignatureRole, title: string) => ({ role, title });

export const VOUCHER_LAYOUTS: Readonly<Record<VoucherType, VoucherLayout>> = {
  'cash-receipt': {
    paper: 'A5', form: ['Mẫu số: C40-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nộp tiền', reasonLabel: 'Lý do nộp',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('counterparty', 'Người nộp tiền'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ quỹ')],
    receivedLine: true,
  },
  'cash-payment': {
    paper: 'A5', form: ['Mẫu số: C41-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nhận tiền', reasonLabel: 'Lý do chi',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ quỹ'), sign('counterparty', 'Người nhận tiền')],
    receivedLine: true,
  },
  'bank-receipt': {
    paper: 'A5', form: ['Chứng từ ngân hàng', '(Giấy báo Có)'], counterpartyLabel: 'Đơn vị, cá nhân nộp tiền', reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
  'bank-payment': {
    paper: 'A5', form: ['Chứng từ ngân hàng', '(Ủy nhiệm chi / Giấy báo Nợ)'], counterpartyLabel: 'Đơn vị, cá nhân nhận tiền', reasonLabel: 'Nội dung thanh toán',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
  'goods-receipt': {
    paper: 'A5', form: ['Mẫu số: C30-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người giao (nhà tài trợ)', reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('counterparty', 'Người giao hàng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ kho')],
    receivedLine: false,
  },
  'goods-issue': {
    paper: 'A5', form: ['Mẫu số: C31-BB', CIRCULAR], counterpartyLabel: 'Họ và tên người nhận', reasonLabel: 'Lý do xuất',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập phiếu'), sign('cashier', 'Thủ kho'), sign('counterparty', 'Người nhận hàng')],
    receivedLine: false,
  },
  general: {
    paper: 'A4', form: ['Chứng từ kế toán khác'], counterpartyLabel: 'Đối tượng', reasonLabel: 'Nội dung',
    signatures: [sign('head', 'Thủ trưởng đơn vị'), sign('chief-accountant', 'Kế toán trưởng'), sign('preparer', 'Người lập')],
    receivedLine: false,
  },
};

export const POVERTY_LABELS = { poor: 'Hộ nghèo', 'near-poor': 'Hộ cận nghèo', other: 'Hộ khác' } as const;
