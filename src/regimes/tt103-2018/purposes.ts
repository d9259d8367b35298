/**
 * What money comes in for and goes out on in a fund under Circular 103/2018: each purpose
 * names the account its side of the entry takes and the kind of counterparty it usually has.
 */
import type { Purpose } from '../../ledger/vouchers/purposes.js';

const purposes: readonly Purpose[] = [
  { code: 'donation', label: 'Thu ủng hộ bằng tiền', flow: 'in', account: '5111', counterparty: 'donor' },
  { code: 'goods-donation', label: 'Thu ủng hộ bằng hiện vật', flow: 'in', account: '5112', counterparty: 'donor' },
  { code: 'transfer-in', label: 'Thu điều tiết từ Quỹ cấp khác', flow: 'in', account: '5113', counterparty: 'fund' },
  { code: 'other-receipt', label: 'Thu khác', flow: 'in', account: '5118', counterparty: 'other' },
  { code: 'interest', label: 'Thu lãi tiền gửi', flow: 'in', account: '515', counterparty: 'other' },
  { code: 'housing', label: 'Chi hỗ trợ xây dựng, sửa chữa nhà ở', flow: 'out', account: '6111', counterparty: 'beneficiary' },
  { code: 'healthcare', label: 'Chi hỗ trợ khám chữa bệnh', flow: 'out', account: '6112', counterparty: 'beneficiary' },
  { code: 'education', label: 'Chi hỗ trợ học tập', flow: 'out', account: '6113', counterparty: 'beneficiary' },
  { code: 'livelihood', label: 'Chi hỗ trợ sản xuất, sinh kế', flow: 'out', account: '6114', counterparty: 'beneficiary' },
  { code: 'gifts', label: 'Chi thăm hỏi, tặng quà', flow: 'out', account: '6115', counterparty: 'beneficiary' },
  { code: 'relief', label: 'Chi cứu trợ đột xuất', flow: 'out', account: '6116', counterparty: 'beneficiary' },
  { code: 'other-support', label: 'Chi hỗ trợ khác', flow: 'out', account: '6118', counterparty: 'beneficiary' },
  { code: 'transfer-out', label: 'Chi điều tiết cho Quỹ cấp khác', flow: 'out', account: '612', counterparty: 'fund' },
  { code: 'transfer-in-transit', label: 'Tiền điều tiết đang chuyển', flow: 'out', account: '113', counterparty: 'fund', inTransit: true },
  { code: 'management', label: 'Chi phí quản lý Quỹ', flow: 'out', account: '614', counterparty: 'supplier' },
  { code: 'bank-charges', label: 'Phí ngân hàng', flow: 'out', account: '615', counterparty: 'other' },
  { code: 'deposit', label: 'Nộp tiền mặt vào tài khoản', flow: 'out', account: '1121', counterparty: 'other', namesBankAccount: true },
  { code: 'withdrawal', label: 'Rút tiền gửi về quỹ tiền mặt', flow: 'in', account: '1121', counterparty: 'other', namesBankAccount: true },
];

export const PURPOSES: ReadonlyMap<string, Purpose> = new Map(purposes.map((p) => [p.code, p]));
