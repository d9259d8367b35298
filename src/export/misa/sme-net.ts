/** MISA SME.NET's import templates for vouchers: header in row 1, data from row 2 (MISA.md). */
import { columns, type MisaLayout } from './layout.js';
import { listLayouts } from './lists.js';

const COMMON = {
  'Ngày hạch toán (*)': 'postingDate', 'Ngày chứng từ (*)': 'voucherDate', 'Số chứng từ (*)': 'number', 'Mã đối tượng': 'counterpartyCode',
  'Tên đối tượng': 'counterpartyName', 'Địa chỉ': 'address', 'Diễn giải': 'description',
  'TK Nợ (*)': 'debitAccount', 'TK Có (*)': 'creditAccount', 'Số tiền': 'amount',
} as const;
const limits = { 'Số chứng từ (*)': 20, 'Mã đối tượng': 20, 'Tên đối tượng': 128, 'Địa chỉ': 255, 'Diễn giải': 255, 'Diễn giải (Hạch toán)': 255, 'Kèm theo': 50 };
/** The codes MISA.md lists; "Hiển thị trên sổ" is left blank, which shows the voucher on both books. */
const allowed = {
  'Lý do nộp': ['10', '11', '12', '13'], 'Lý do chi': ['21', '22', '23'], 'Lý do thu': ['30', '31', '32', '33', '34'],
  'Nội dung thanh toán': ['40', '42', '43'], 'Phương thức thanh toán': ['0', '1', '2'], 'Loại tiền': ['VND', 'USD', 'EUR', 'JPY', 'CNY', 'KRW', 'AUD', 'GBP', 'SGD', 'THB'],
};
const RULES = { limits, allowed };

export const SME_NET: readonly MisaLayout[] = [
  ...listLayouts('sme'),
  {
    product: 'sme', template: 'phieu-thu', sheet: 'Phiếu thu', preamble: [],
    columns: columns(
      `Hiển thị trên sổ | Ngày hạch toán (*) | Ngày chứng từ (*) | Số chứng từ (*) | Mã đối tượng |
       Tên đối tượng | Địa chỉ | Lý do nộp | Diễn giải lý do nộp | Người nộp | Nhân viên thu |
       Kèm theo | Diễn giải | TK Nợ (*) | TK Có (*) | Số tiền | Đối tượng | TK ngân hàng`,
      { ...COMMON, 'Lý do nộp': 'reason', 'Diễn giải lý do nộp': 'reasonText', 'Người nộp': 'person', 'Kèm theo': 'attachments', 'Đối tượng': 'lineCounterpartyCode', 'TK ngân hàng': 'bankAccount' },
      RULES,
    ),
    // 10: a withdrawal from the bank into cash; 13: any other receipt.
    reasons: { byPurpose: { withdrawal: '10' }, otherwise: '13' },
  },
  {
    product: 'sme', template: 'phieu-chi', sheet: 'Phiếu chi', preamble: [],
    columns: columns(
      `Hiển thị trên sổ | Ngày hạch toán (*) | Ngày chứng từ (*) | Số chứng từ (*) | Mã đối tượng |
       Tên đối tượng | Địa chỉ | Nhân viên | Kèm theo | Lý do chi | Diễn giải lý do chi | Người nhận |
       Diễn giải | TK Nợ (*) | TK Có (*) | Số tiền | Đối tượng | TK ngân hàng | Diễn giải (Thuế) |
       TK thuế GTGT | Tiền thuế GTGT | % thuế GTGT | Tỷ lệ tính thuế (Thuế suất KHAC) |
       Giá trị HHDV chưa thuế | Ngày hóa đơn | Số hóa đơn | Mẫu số hóa đơn | Ký hiệu hóa đơn |
       Nhóm HHDV mua vào | Mã nhà cung cấp | Tên nhà cung cấp | Mã số thuế nhà cung cấp`,
      { ...COMMON, 'Kèm theo': 'attachments', 'Lý do chi': 'reason', 'Diễn giải lý do chi': 'reasonText', 'Người nhận': 'person', 'Đối tượng': 'lineCounterpartyCode', 'TK ngân hàng': 'bankAccount' },
      RULES,
    ),
    // 22: cash deposited into the bank; 23: any other payment.
    reasons: { byPurpose: { deposit: '22' }, otherwise: '23' },
  },
  {
    product: 'sme', template: 'thu-tien-gui', sheet: 'Thu tiền gửi', preamble: [],
    columns: columns(
      `Hiển thị trên sổ | Ngày hạch toán (*) | Ngày chứng từ (*) | Số chứng từ (*) | Mã đối tượng |
       Tên đối tượng | Địa chỉ | Nộp vào TK | Mở tại NH | Lý do thu | \`Diễn giải lý do thu \` | Nhân viên thu | Diễn giải | TK Nợ (*) | TK Có (*) | Số tiền |
       Đối tượng | Khoản mục CP | Đơn vị | Đối tượng THCP | Công trình | Đơn đặt hàng | Hợp đồng mua |
       Hợp đồng bán | Mã thống kê`,
      { ...COMMON, 'Nộp vào TK': 'bankAccount', 'Mở tại NH': 'bankName', 'Lý do thu': 'reason', 'Diễn giải lý do thu ': 'reasonText', 'Đối tượng': 'lineCounterpartyCode', 'Mã thống kê': 'statisticsCode' },
      RULES,
    ),
    // 34: any other receipt (the codes were seen only in a clone).
    reasons: { byPurpose: {}, otherwise: '34' },
  },
  {
    product: 'sme', template: 'chi-tien-gui', sheet: 'Chi tiền gửi', preamble: [],
    columns: columns(
      `Hiển thị trên sổ | Phương thức thanh toán | Ngày hạch toán (*) | Ngày chứng từ (*) |
       Số chứng từ (*) | Tài khoản chi | Mở tại NH | Nội dung thanh toán |
       Diễn giải nội dung thanh toán | Mã đối tượng | Tên đối tượng | Địa chỉ | Tài khoản nhận |
       Tên NH nhận | Người lĩnh tiền | Số CMND | Ngày cấp CMND | Nơi cấp CMND | Nhân viên | Diễn giải |
       TK Nợ (*) | TK Có (*) | Số tiền | Mã đối tượng (Chi tiết) | Khoản mục chi phí | Đơn vị |
       ĐT tập hợp chi phí | Công trình | Đơn đặt hàng | Hợp đồng mua | Hợp đồng bán |
       Chi phí không hợp lý | Mã thống kê | Diễn giải (Thuế) | TK thuế GTGT | Tiền thuế GTGT |
       % thuế GTGT | Tỷ lệ tính thuế (Thuế suất KHAC) | Giá trị HHDV chưa thuế | Mẫu số hóa đơn |
       Ký hiệu hóa đơn | Số hóa đơn | Ngày hóa đơn | Nhóm HHDV mua vào | Mã NCC | Tên NCC | Mã số thuế NCC`,
      {
        ...COMMON, 'Phương thức thanh toán': 'paymentMethod', 'Tài khoản chi': 'bankAccount', 'Mở tại NH': 'bankName',
        'Nội dung thanh toán': 'reason', 'Diễn giải nội dung thanh toán': 'reasonText', 'Người lĩnh tiền': 'person',
        'Mã đối tượng (Chi tiết)': 'lineCounterpartyCode', 'Mã thống kê': 'statisticsCode',
      },
      RULES,
    ),
    // 43: any other payment (seen only in a clone); paid by Ủy nhiệm chi (0).
    reasons: { byPurpose: {}, otherwise: '43' },
    paymentMethod: '0',
  },
  {
    product: 'sme', template: 'chung-tu-khac', sheet: 'Chứng từ nghiệp vụ khác', preamble: [],
    columns: columns(
      `Hiển thị trên sổ | Ngày chứng từ (*) | Ngày hạch toán (*) | Số chứng từ (*) | Diễn giải |
       Hạn thanh toán | Loại tiền | Tỷ giá | Diễn giải (Hạch toán) | TK Nợ (*) | TK Có (*) | Số tiền |
       Số tiền quy đổi | Đối tượng Nợ | Đối tượng Có | TK ngân hàng | Khoản mục CP | Đơn vị |
       Đối tượng THCP | Công trình | Hợp đồng bán | CP không hợp lý | Mã thống kê | Diễn giải (Thuế) |
       TK thuế GTGT | Tiền thuế GTGT | % thuế GTGT | Tỷ lệ tính thuế (Thuế suất KHAC) |
       Giá trị HHDV chưa thuế | Mẫu số HĐ | Ngày hóa đơn | Ký hiệu HĐ | Số hóa đơn | Nhóm HHDV mua vào |
       Mã đối tượng thuế | Tên đối tượng thuế | Mã số thuế đối tượng thuế`,
      { ...COMMON, 'Diễn giải': 'reasonText', 'Diễn giải (Hạch toán)': 'description', 'Loại tiền': 'currency', 'Tỷ giá': 'rate', 'Số tiền quy đổi': 'convertedAmount',
        'Đối tượng Nợ': 'debitCounterpartyCode', 'Đối tượng Có': 'creditCounterpartyCode', 'TK ngân hàng': 'bankAccount', 'Mã thống kê': 'statisticsCode' },
      RULES,
    ),
    reasons: { byPurpose: {}, otherwise: '' },
  },
];
