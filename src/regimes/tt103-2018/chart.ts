/**
 * The default chart of accounts: the structure of Circular 103/2018/TT-BTC with the account
 * numbers of the public-sector chart family (TT 107/2017) that fund accountants and MISA
 * users know. Data only; a whole chart can replace it by CSV import.
 */
import type { ChartRow } from '../../ledger/chart.js';

export const CHART: readonly ChartRow[] = [
  { code: '111', parent: null, nameVi: 'Tiền mặt', nameEn: 'Cash on hand', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '1111', parent: '111', nameVi: 'Tiền Việt Nam', nameEn: 'Cash in VND', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '1112', parent: '111', nameVi: 'Ngoại tệ', nameEn: 'Cash in foreign currency', class: '1', normalSide: 'debit', offBalance: false, note: 'original amount also tracked on 007' },
  { code: '112', parent: null, nameVi: 'Tiền gửi ngân hàng, kho bạc', nameEn: 'Bank and State Treasury deposits', class: '1', normalSide: 'debit', offBalance: false, note: 'one detail per bank account' },
  { code: '1121', parent: '112', nameVi: 'Tiền Việt Nam', nameEn: 'Deposits in VND', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '1122', parent: '112', nameVi: 'Ngoại tệ', nameEn: 'Deposits in foreign currency', class: '1', normalSide: 'debit', offBalance: false, note: 'original amount also tracked on 007' },
  { code: '113', parent: null, nameVi: 'Tiền đang chuyển', nameEn: 'Cash in transit', class: '1', normalSide: 'debit', offBalance: false, note: 'transfers between fund levels not yet received' },
  { code: '138', parent: null, nameVi: 'Phải thu khác', nameEn: 'Other receivables', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '1381', parent: '138', nameVi: 'Phải thu tiền lãi', nameEn: 'Interest receivable', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '1388', parent: '138', nameVi: 'Phải thu khác', nameEn: 'Other receivables', class: '1', normalSide: 'debit', offBalance: false, note: null },
  { code: '141', parent: null, nameVi: 'Tạm ứng', nameEn: 'Advances', class: '1', normalSide: 'debit', offBalance: false, note: 'advances for staged support (e.g. housing)' },
  { code: '152', parent: null, nameVi: 'Hiện vật nhận ủng hộ (vật tư, hàng hóa)', nameEn: 'In-kind goods held for distribution', class: '1', normalSide: 'debit', offBalance: false, note: 'value; quantity on 003' },
  { code: '331', parent: null, nameVi: 'Phải trả cho người bán', nameEn: 'Payables to suppliers', class: '3', normalSide: 'credit', offBalance: false, note: 'builders and suppliers' },
  { code: '338', parent: null, nameVi: 'Phải trả khác', nameEn: 'Other payables', class: '3', normalSide: 'credit', offBalance: false, note: null },
  { code: '3381', parent: '338', nameVi: 'Tiền ủng hộ có địa chỉ chờ chuyển', nameEn: 'Designated donations awaiting handover', class: '3', normalSide: 'credit', offBalance: false, note: 'pass-through money for a named beneficiary' },
  { code: '3388', parent: '338', nameVi: 'Phải trả khác', nameEn: 'Other payables', class: '3', normalSide: 'credit', offBalance: false, note: null },
  { code: '421', parent: null, nameVi: 'Thặng dư (thâm hụt) lũy kế - Nguồn Quỹ', nameEn: 'Accumulated fund balance', class: '4', normalSide: 'credit', offBalance: false, note: 'carried into the next year' },
  { code: '511', parent: null, nameVi: 'Thu Quỹ', nameEn: 'Fund receipts', class: '5', normalSide: 'credit', offBalance: false, note: null },
  { code: '5111', parent: '511', nameVi: 'Thu ủng hộ bằng tiền', nameEn: 'Cash donations', class: '5', normalSide: 'credit', offBalance: false, note: 'donor kept on each posting' },
  { code: '5112', parent: '511', nameVi: 'Thu ủng hộ bằng hiện vật', nameEn: 'In-kind donations', class: '5', normalSide: 'credit', offBalance: false, note: null },
  { code: '5113', parent: '511', nameVi: 'Thu điều tiết từ Quỹ cấp khác', nameEn: 'Transfers received from other fund levels', class: '5', normalSide: 'credit', offBalance: false, note: 'eliminated on consolidation' },
  { code: '5118', parent: '511', nameVi: 'Thu khác', nameEn: 'Other receipts', class: '5', normalSide: 'credit', offBalance: false, note: null },
  { code: '515', parent: null, nameVi: 'Thu lãi tiền gửi', nameEn: 'Bank interest received', class: '5', normalSide: 'credit', offBalance: false, note: null },
  { code: '611', parent: null, nameVi: 'Chi hỗ trợ', nameEn: 'Support paid out', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6111', parent: '611', nameVi: 'Chi hỗ trợ xây dựng, sửa chữa nhà ở', nameEn: 'Housing (Great Solidarity houses)', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6112', parent: '611', nameVi: 'Chi hỗ trợ khám chữa bệnh', nameEn: 'Healthcare', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6113', parent: '611', nameVi: 'Chi hỗ trợ học tập', nameEn: 'Education', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6114', parent: '611', nameVi: 'Chi hỗ trợ sản xuất, sinh kế', nameEn: 'Livelihoods and production', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6115', parent: '611', nameVi: 'Chi thăm hỏi, tặng quà', nameEn: 'Visits and gifts (Tết)', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6116', parent: '611', nameVi: 'Chi cứu trợ đột xuất (thiên tai, dịch bệnh, sự cố)', nameEn: 'Emergency relief', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '6118', parent: '611', nameVi: 'Chi hỗ trợ khác', nameEn: 'Other support', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '612', parent: null, nameVi: 'Chi điều tiết cho Quỹ cấp khác', nameEn: 'Transfers to other fund levels', class: '6', normalSide: 'debit', offBalance: false, note: 'eliminated on consolidation' },
  { code: '614', parent: null, nameVi: 'Chi phí quản lý Quỹ', nameEn: 'Fund management costs', class: '6', normalSide: 'debit', offBalance: false, note: 'allowed or not per entity policy' },
  { code: '615', parent: null, nameVi: 'Chi phí tài chính (phí ngân hàng)', nameEn: 'Bank charges', class: '6', normalSide: 'debit', offBalance: false, note: null },
  { code: '911', parent: null, nameVi: 'Xác định kết quả', nameEn: 'Result determination (year-end closing)', class: '9', normalSide: 'none', offBalance: false, note: 'zero after closing' },
  { code: '003', parent: null, nameVi: 'Hiện vật nhận ủng hộ (số lượng)', nameEn: 'In-kind goods by quantity', class: '0', normalSide: 'debit', offBalance: true, note: 'single entry: quantity and unit' },
  { code: '007', parent: null, nameVi: 'Ngoại tệ các loại', nameEn: 'Foreign currencies', class: '0', normalSide: 'debit', offBalance: true, note: 'single entry: original currency amount' },
];
