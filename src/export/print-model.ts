/**
 * A printed document as data: every word already in Vietnamese, every figure already
 * formatted. A builder turns a voucher into this value; the PDF renderer only lays it out,
 * so the renderer never decides what a voucher says.
 */

/** One signature box: the role, a hint under it, and the printed name under the space. */
export interface PrintSignature {
  /** "Thủ trưởng đơn vị", "Kế toán trưởng", "Người lập phiếu" … */
  readonly title: string;
  /** "(Ký, họ tên, đóng dấu)" or "(Ký, họ tên)". */
  readonly hint: string;
  /** The signatory's name printed under the signing space; null leaves the space blank. */
  readonly name: string | null;
  /** The seal's image is pressed over this signature (the head's), where the document carries one. */
  readonly sealed?: boolean;
}

export interface PrintField {
  /** "Họ và tên người nộp tiền", "Lý do nộp", "Số tiền", "Viết bằng chữ" … */
  readonly label: string;
  readonly value: string;
  /** Printed in bold (the amount). */
  readonly strong?: boolean;
}

export interface PrintColumn {
  readonly header: string;
  /** Share of the usable page width; the columns' widths add up to 1. */
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
}

/** A list attached to a voucher, printed on A4: beneficiaries, foreign cash, goods. */
export interface PrintTable {
  /** "DANH SÁCH CHI TIỀN HỖ TRỢ HỘ NGHÈO", "BẢNG KÊ NGOẠI TỆ" … */
  readonly title: string;
  /** Lines under the title: what voucher it is attached to, the date. */
  readonly subtitle: readonly string[];
  readonly columns: readonly PrintColumn[];
  readonly rows: readonly (readonly string[])[];
  /** The totals row, one cell per column ("" where none); null for none. */
  readonly totals: readonly string[] | null;
  /** Lines under the table, before the signatures ("Tổng số tiền bằng chữ: …"). */
  readonly footer: readonly string[];
  readonly signatures: readonly PrintSignature[];
}

export interface PrintDocument {
  /** A5 for receipts and payments, A4 for the others; attached lists always print on A4. */
  readonly paper: 'A5' | 'A4';
  /** Printed across every page of a draft, so it cannot pass for a posted voucher. */
  readonly watermark: string | null;
  /** Top left: the fund's name, its budget-unit code and address lines. */
  readonly issuer: readonly string[];
  /** Top right: the form code and the regulation it comes from. */
  readonly form: readonly string[];
  /** Centred: "PHIẾU THU". */
  readonly title: string;
  /** Under the title: "Ngày 17 tháng 10 năm 2024". */
  readonly dateLine: string;
  /** Right of the title: "Quyển số: …", "Số: PT0001/2024", "Nợ: 1111", "Có: 5111". */
  readonly references: readonly string[];
  readonly fields: readonly PrintField[];
  readonly signatures: readonly PrintSignature[];
  /** Right above the signatures, as the form has it: "Ngày 17 tháng 10 năm 2024". */
  readonly signDate?: string;
  /** Lines under the signatures: "Đã nhận đủ số tiền (viết bằng chữ): …", the seal's name. */
  readonly closing: readonly string[];
  /** The seal's image, printed over the sealed signatures; absent where the fund has none or prints none on vouchers. */
  readonly sealImage?: Uint8Array;
  /** "Liên 1", "Liên 2" …: the document prints once per copy, marked; empty prints once unmarked. */
  readonly copies: readonly string[];
  readonly attachments: readonly PrintTable[];
}
