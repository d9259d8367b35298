/**
 * The kinds of voucher a fund under Circular 103/2018 makes: what each is called, where its
 * money or goods sit, its default number prefix and whether it waits for an approver.
 */
import type { VoucherType, VoucherTypeSpec } from '../../ledger/vouchers/voucher-types.js';

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
