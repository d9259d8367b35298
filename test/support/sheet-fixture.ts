/** A fund's cash book for the sheet export tests: its columns and rows, the issuer, signatures and seal, and a document of sheets. */
import type { Sheet, SheetColumn, SheetDocument } from '../../src/export/sheet.js';

export const ISSUER = [
  'BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ THẠNH PHÚ',
  'Mã ĐVQHNS: 1123456',
  'Địa chỉ: ấp Mỹ Hòa, xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh',
];
export const SIGNATURES = [
  { title: 'Người lập biểu', hint: '(Ký, họ tên)', name: 'Huỳnh Thị Diễm Kiều' },
  { title: 'Kế toán trưởng', hint: '(Ký, họ tên)', name: 'Lê Thị Ánh Tuyết' },
  { title: 'Trưởng ban', hint: '(Ký, họ tên, đóng dấu)', name: 'Trần Quốc Tuấn' },
];
export const SEAL = 'BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ THẠNH PHÚ';

/** Headers short enough to print on one line each, so a PDF's header row reads as one text line. */
export const COLUMNS: readonly SheetColumn[] = [
  { header: 'Ngày', kind: 'date', width: 11 },
  { header: 'Số', kind: 'text', width: 9 },
  { header: 'Diễn giải', kind: 'text', width: 38 },
  { header: 'Thu', kind: 'amount', width: 14 },
  { header: 'Chi', kind: 'amount', width: 14 },
  { header: 'Tồn', kind: 'amount', width: 14 },
];

/** Two lines each of form and subtitle, an opening balance, a receipt, a payment (its blank receipt amount given as '') and the totals. */
export const CASH_BOOK: Sheet = {
  name: 'Sổ quỹ tiền mặt',
  title: 'SỔ QUỸ TIỀN MẶT',
  form: ['Mẫu số S11-H', '(Ban hành kèm theo Thông tư số 107/2017/TT-BTC)'],
  subtitle: ['Từ ngày 01/10/2024 đến ngày 31/10/2024', 'Loại quỹ: Tiền Việt Nam'],
  columns: COLUMNS,
  head: [{ cells: [null, null, 'Số dư đầu kỳ', null, null, 5000000n], strong: true }],
  body: [
    { cells: ['2024-10-17', 'PT0001', 'Thu tiền ủng hộ của Công ty Điện lực', 1234567n, null, 6234567n] },
    { cells: ['2024-10-18', 'PC0001', 'Chi hỗ trợ hộ nghèo Thạch Thị Sa Rênh', '', 7234567n, -1000000n] },
  ],
  bodyCount: 2,
  foot: [{ cells: [null, null, 'Cộng phát sinh', 1234567n, 7234567n, null], strong: true }],
  notes: ['Sổ này có 01 trang, đánh số từ trang 01 đến trang 01'],
};

/** The sheets as one document from the fund, dated 31/10/2024 and signed and sealed; `overrides` replace any of that. */
export function documentOf(sheets: readonly Sheet[], overrides: Partial<SheetDocument> = {}): SheetDocument {
  return { issuer: ISSUER, sheets, dateLine: 'Ngày 31 tháng 10 năm 2024', signatures: SIGNATURES, seal: SEAL, ...overrides };
}
