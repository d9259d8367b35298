/**
 * MISA AMIS Kế toán's import templates for vouchers (MISA.md): a title row, "Hướng dẫn:" and
 * four lines of instructions, a row of group labels with "Chi tiết hạch toán" over the
 * line columns, the header in row 8 and data from row 9. Option fields take text, not codes.
 * AMIS's cash-payment and general-voucher templates were not found, so there are none here;
 * its lists take the same columns as SME.NET's.
 */
import { columns, type MisaLayout } from './layout.js';
import { listLayouts } from './lists.js';

const COMMON = {
  'Ngày hạch toán (*)': 'postingDate', 'Ngày chứng từ (*)': 'voucherDate', 'Số chứng từ (*)': 'number',
  'Mã đối tượng': 'counterpartyCode', 'Mã đối tượng ': 'counterpartyCode', 'Tên đối tượng': 'counterpartyName', 'Địa chỉ': 'address',
  'Diễn giải (hạch toán)': 'description', 'TK Nợ (*)': 'debitAccount', 'TK Có (*)': 'creditAccount', 'Số tiền': 'amount',
  'Mã đối tượng (hạch toán)': 'lineCounterpartyCode', 'Mã thống kê': 'statisticsCode',
} as const;
const LIMITS = { limits: { 'Số chứng từ (*)': 20, 'Mã đối tượng': 20, 'Mã đối tượng ': 20, 'Tên đối tượng': 128, 'Địa chỉ': 255, 'Diễn giải (hạch toán)': 255 } };

/** The rows above the header: the title, the instructions, and the group label over the first line column. */
function preamble(kind: string, firstLineColumn: number): string[][] {
  return [
    [`FILE MẪU ${kind} ĐỂ NHẬP VÀO PHẦN MỀM AMIS ACCOUNTING`],
    ['Hướng dẫn:'],
    ['- Các cột có dấu (*) là bắt buộc nhập.'],
    ['- Ngày nhập dạng văn bản dd/MM/yyyy; số tiền nhập dạng số.'],
    ['- Mỗi dòng là một cặp Nợ/Có; các dòng cùng Số chứng từ và ngày là một chứng từ.'],
    ['- Tệp do fund-ledger lập từ sổ kế toán của Quỹ.'],
    [...Array.from({ length: firstLineColumn }, () => ''), 'Chi tiết hạch toán'],
  ];
}

const phieuThu = columns(
  `Ngày hạch toán (*) | Ngày chứng từ (*) | Số chứng từ (*) | \`Mã đối tượng \` |
   Tên đối tượng | Người nộp | Địa chỉ | Lý do nộp | Diễn giải lý do nộp | Mã nhân viên thu |
   Số lượng chứng từ kèm theo | Diễn giải (hạch toán) | TK Nợ (*) | TK Có (*) | Số tiền |
   Mã đối tượng (hạch toán) | Số TK ngân hàng | Tên ngân hàng | Số khế ước đi vay |
   Số khế ước cho vay | Mã khoản mục chi phí | Mã đơn vị | Mã đối tượng THCP | Mã công trình |
   Số đơn đặt hàng | Số đơn mua hàng | Số hợp đồng mua | Số hợp đồng bán | Mã thống kê | CP không hợp lý`,
  { ...COMMON, 'Người nộp': 'person', 'Lý do nộp': 'reason', 'Diễn giải lý do nộp': 'reasonText', 'Số lượng chứng từ kèm theo': 'attachments', 'Số TK ngân hàng': 'bankAccount', 'Tên ngân hàng': 'bankName' },
  LIMITS,
);

/** The fourth header of AMIS's bank receipt: generators that import write it without a space, copies of the template with one (MISA.md). */
export function amisBankReceiptColumns(counterpartyCode: 'Mã đối tượng' | 'Mã đối tượng ') {
  return columns(
    `Ngày hạch toán (*) | Ngày chứng từ (*) | Số chứng từ (*) | \`${counterpartyCode}\` | Tên đối tượng |
     Địa chỉ | Nộp vào TK | Mở tại ngân hàng | Lý do thu | Diễn giải lý do thu | Mã nhân viên thu |
     Diễn giải (hạch toán) | TK Nợ (*) | TK Có (*) | Số tiền | Mã đối tượng (hạch toán) |
     Số khế ước đi vay | Số khế ước cho vay | Mã khoản mục chi phí | Mã đơn vị | Mã đối tượng THCP |
     Mã công trình | Số đơn đặt hàng | Số đơn mua hàng | Số hợp đồng mua | Số hợp đồng bán |
     Mã thống kê | CP không hợp lý`,
    { ...COMMON, 'Nộp vào TK': 'bankAccount', 'Mở tại ngân hàng': 'bankName', 'Lý do thu': 'reason', 'Diễn giải lý do thu': 'reasonText' },
    LIMITS,
  );
}

const chiTienGui = columns(
  `Phương thức thanh toán | Ngày hạch toán (*) | Ngày chứng từ (*) |
   Số chứng từ (*) | Lý do chi | Là UNC chuyển tiền theo lô | Nội dung thanh toán |
   Số tài khoản chi | Tên ngân hàng chi | Mã đối tượng | Tên đối tượng | Địa chỉ |
   Số tài khoản nhận | Tên ngân hàng nhận | Người lĩnh tiền | Số CMND | Ngày cấp CMND |
   Nơi cấp CMND | Mã nhân viên | Diễn giải (hạch toán) | TK Nợ (*) | TK Có (*) | Số tiền |
   Tên người hưởng | TK hưởng | Tên NH thụ hưởng | Tên chi nhánh NH thụ hưởng |
   Mã đối tượng (hạch toán) | Số khế ước đi vay | Số khế ước cho vay | Mã khoản mục chi phí |
   Nghiệp vụ | Mã đơn vị | Mã đối tượng THCP | Mã công trình | Số đơn đặt hàng | Số đơn mua hàng |
   Số hợp đồng mua | Số hợp đồng bán | Mã thống kê | CP không hợp lý |
   Hạch toán gộp nhiều hóa đơn | Diễn giải thuế | Có hóa đơn (Có/Không) |
   Giá trị HHDV chưa thuế | % thuế GTGT | % thuế suất KHAC | Tiền thuế GTGT | TK thuế GTGT |
   Ngày hóa đơn | Số hóa đơn | Mẫu số HĐ | Ký hiệu HĐ | Nhóm HHDV mua vào | Mã NCC | Tên NCC |
   Mã số thuế NCC`,
  { ...COMMON, 'Phương thức thanh toán': 'paymentMethod', 'Lý do chi': 'reason', 'Nội dung thanh toán': 'reasonText', 'Số tài khoản chi': 'bankAccount', 'Tên ngân hàng chi': 'bankName', 'Người lĩnh tiền': 'person' },
  LIMITS,
);

export const AMIS: readonly MisaLayout[] = [
  ...listLayouts('amis'),
  { product: 'amis', template: 'phieu-thu', sheet: 'Phiếu thu', preamble: preamble('PHIẾU THU', 11), columns: phieuThu, reasons: { byPurpose: {}, otherwise: 'Thu khác' } },
  {
    product: 'amis', template: 'thu-tien-gui', sheet: 'Thu tiền gửi', preamble: preamble('PHIẾU THU TIỀN GỬI', 11), columns: amisBankReceiptColumns('Mã đối tượng'),
    reasons: { byPurpose: {}, otherwise: 'Thu khác' },
  },
  {
    product: 'amis', template: 'chi-tien-gui', sheet: 'Chi tiền gửi', preamble: preamble('ỦY NHIỆM CHI', 19), columns: chiTienGui,
    reasons: { byPurpose: {}, otherwise: 'Chi khác' }, paymentMethod: 'Ủy nhiệm chi',
  },
];
