/**
 * The lists MISA imports beside the vouchers, as MISA.md names them: opening balances per
 * account (Số dư tài khoản, its six columns, then the counterparty and bank account the
 * balance is detailed by), counterparties (Khách hàng, with the supplier flag), and the chart
 * (Hệ thống tài khoản, whose columns MISA.md does not list: the wizard's own names for the
 * account, its parent and its nature). Both products take the same columns, header in row 1.
 */
import { columns, type MisaLayout, type MisaProduct } from './layout.js';

/** Tính chất of an account in MISA: 0 debit balance, 1 credit balance, 2 either, 3 none. */
export const NATURE = { debit: '0', credit: '1', both: '2', none: '3' } as const;

const rules = {
  limits: { 'Số tài khoản (*)': 20, 'Mã khách hàng (*)': 20, 'Tên khách hàng (*)': 128, 'Địa chỉ': 255, 'Tên tài khoản (*)': 255, 'Tên tiếng Anh': 255, 'Đối tượng': 20 },
  allowed: { 'Là tổ chức/cá nhân': ['0', '1'], 'Là nhà cung cấp': ['0', '1'], 'Tính chất (*)': Object.values(NATURE), 'Loại tiền': ['VND'] },
};
const none = { byPurpose: {}, otherwise: '' };

export function listLayouts(product: MisaProduct): MisaLayout[] {
  return [
    {
      product, template: 'so-du-ban-dau', sheet: 'Số dư tài khoản', preamble: [], reasons: none,
      columns: columns(
        'Số tài khoản (*) | Loại tiền | Dư Nợ | Dư Nợ quy đổi | Dư Có | Dư Có quy đổi | Đối tượng | TK ngân hàng',
        {
          'Số tài khoản (*)': 'account', 'Loại tiền': 'currency', 'Dư Nợ': 'openingDebit', 'Dư Nợ quy đổi': 'openingDebitConverted',
          'Dư Có': 'openingCredit', 'Dư Có quy đổi': 'openingCreditConverted', 'Đối tượng': 'lineCounterpartyCode', 'TK ngân hàng': 'bankAccount',
        },
        rules,
      ),
    },
    {
      product, template: 'doi-tuong', sheet: 'Khách hàng', preamble: [], reasons: none,
      columns: columns(
        'Là tổ chức/cá nhân | Là nhà cung cấp | Mã khách hàng (*) | Tên khách hàng (*) | Địa chỉ | Mã số thuế | Điện thoại',
        { 'Là tổ chức/cá nhân': 'isPerson', 'Là nhà cung cấp': 'isSupplier', 'Mã khách hàng (*)': 'counterpartyCode', 'Tên khách hàng (*)': 'counterpartyName', 'Địa chỉ': 'address' },
        rules,
      ),
    },
    {
      product, template: 'he-thong-tai-khoan', sheet: 'Hệ thống tài khoản', preamble: [], reasons: none,
      columns: columns(
        'Số tài khoản (*) | Tên tài khoản (*) | Tên tiếng Anh | Tài khoản tổng hợp | Tính chất (*)',
        { 'Số tài khoản (*)': 'account', 'Tên tài khoản (*)': 'accountName', 'Tên tiếng Anh': 'accountNameEn', 'Tài khoản tổng hợp': 'parentAccount', 'Tính chất (*)': 'nature' },
        rules,
      ),
    },
  ];
}
