/**
 * The statement layouts the importer knows (BANK-STATEMENTS.md): the CSV exports of the 2024
 * campaign's statements as they circulate, one per shape, and the banks' own files — the
 * Vietcombank and Agribank PDFs and the VBSP workbook. A layout is found by its header row.
 */
import type { PrintedFigures } from './statement-document.js';
import type { StatementLayout } from './statement-layout.js';

export const STATEMENT_LAYOUTS: readonly StatementLayout[] = [
  {
    id: 'vcb-docno', bank: 'Vietcombank', label: 'Vietcombank: TNXDate, DocNo, Debit, Credit, Balance, Transactions in Detail (balance on the last row of a day)',
    header: ['TNXDate', 'DocNo', 'Debit', 'Credit', 'Balance', 'Transactions in Detail'],
    columns: { date: 'TNXDate', ref: 'DocNo', debit: 'Debit', credit: 'Credit', balance: 'Balance', remark: 'Transactions in Detail' },
    dates: 'dmy', amounts: 'dot-thousands', control: 'day-end-balance',
  },
  {
    id: 'page-export', bank: 'Agribank, VietinBank', label: 'PageId, Date, Time, DocumentNumber, ReferenceNumber, TransactionDetails, DebitAmount, CreditAmount, Balance, OffsetAccount',
    header: ['PageId', 'Date', 'Time', 'DocumentNumber', 'ReferenceNumber', 'TransactionDetails', 'DebitAmount', 'CreditAmount', 'Balance', 'OffsetAccount'],
    columns: { date: 'Date', time: 'Time', ref: 'ReferenceNumber', remark: 'TransactionDetails', debit: 'DebitAmount', credit: 'CreditAmount', balance: 'Balance', counterAccount: 'OffsetAccount' },
    dates: 'dmy', amounts: 'comma-thousands', control: 'row-balance',
  },
  {
    id: 'date-money-content', bank: 'BIDV', label: 'date, money, content (credits)',
    header: ['date', 'money', 'content'], columns: { date: 'date', credit: 'money', remark: 'content' }, dates: 'dmy', amounts: 'plain', control: 'none',
  },
  {
    id: 'date-content-money', bank: 'VietinBank', label: 'date, content, money (credits)',
    header: ['date', 'content', 'money'], columns: { date: 'date', remark: 'content', credit: 'money' }, dates: 'dmy', amounts: 'plain', control: 'none',
  },
  {
    id: 'date-bank-id', bank: 'BIDV', label: 'date, bank, id, money, desc, page (dd/mm without the year)',
    header: ['date', 'bank', 'id', 'money', 'desc', 'page'], columns: { date: 'date', ref: 'id', credit: 'money', remark: 'desc' }, dates: 'dm', amounts: 'plain', control: 'none',
  },
  {
    id: 'vcb-thong-ke', bank: 'Vietcombank', label: 'Vietcombank PDF "THỐNG KÊ GIAO DỊCH" (from 24/09/2024): STT, Ngày giờ giao dịch, Số tiền ghi nợ, Số tiền ghi có, Tên người chuyển, Nội dung chi tiết',
    header: ['STT', 'Ngày giờ giao dịch', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Tên người chuyển', 'Nội dung chi tiết'],
    columns: { date: 'Ngày giờ giao dịch', debit: 'Số tiền ghi nợ', credit: 'Số tiền ghi có', sender: 'Tên người chuyển', remark: 'Nội dung chi tiết' },
    dates: 'dmy', amounts: 'comma-decimals', control: 'none', serial: 'STT',
    table: {
      titles: [['STT'], ['Ngày giờ giao dịch'], ['Số tiền ghi nợ'], ['Số tiền ghi có'], ['Tên người chuyển'], ['Nội dung chi tiết']],
      pageEnd: ['^Postal address:', '^Ghi chú: Quý khách sử dụng'],
    },
  },
  {
    id: 'agribank-so-phu', bank: 'Agribank', label: 'Agribank PDF "SỔ PHỤ / STATEMENT": Ngày/Date, Ghi chú/Remark, Nợ/Dr, Có/Cr, Số dư/Balance (every row), Số tham chiếu/Ref. no; counts and sums in the header block',
    header: ['Ngày/Date', 'Ghi chú/Remark', 'Nợ/Dr', 'Có/Cr', 'Số dư/Balance', 'Số tham chiếu/Ref. no'],
    columns: { date: 'Ngày/Date', remark: 'Ghi chú/Remark', debit: 'Nợ/Dr', credit: 'Có/Cr', balance: 'Số dư/Balance', ref: 'Số tham chiếu/Ref. no' },
    dates: 'dmy', amounts: 'comma-thousands', control: 'row-balance',
    figures: {
      opening: '/ Prior Statement\\s*:\\s*\\S+\\s+(\\d[\\d,]*)', closing: '/ Ending balance\\s*:\\s*\\S+\\s+(\\d[\\d,]*)',
      debitCount: '/ Less debit\\s*:\\s*(\\d[\\d,]*)', debitSum: '/ Less debit\\s*:\\s*\\d[\\d,]*\\s+(\\d[\\d,]*)',
      creditCount: '/ Plus credit\\s*:\\s*(\\d[\\d,]*)', creditSum: '/ Plus credit\\s*:\\s*\\d[\\d,]*\\s+(\\d[\\d,]*)',
    },
    table: {
      titles: [['Ngày', 'Date'], ['Ghi chú', 'Remark'], ['Nợ', 'Dr'], ['Có', 'Cr'], ['Số dư', 'Balance'], ['Số tham chiếu', 'Ref. no']],
      pageEnd: ['Người in: .*Thời gian in:', '^Website: www\\.agribank\\.com\\.vn'],
    },
  },
  {
    // Column G repeats E's header: the bank's helper, E's text as a number. The balance column
    // breaks where debits were left out of this credits-only extract: no balance check.
    id: 'vbsp-excel', bank: 'VBSP', label: 'VBSP workbook: Stt, Ngày giao dịch, Ngày giá trị, Nội dung giao dịch, Số tiền giao dịch, Số dư tài khoản, Số tiền giao dịch, Số dư tài khoản lũy kế; footer total of credits',
    header: ['Stt', 'Ngày giao dịch', 'Ngày giá trị', 'Nội dung giao dịch', 'Số tiền giao dịch', 'Số dư tài khoản', 'Số tiền giao dịch', 'Số dư tài khoản lũy kế'],
    columns: { date: 'Ngày giao dịch', remark: 'Nội dung giao dịch', credit: 'Số tiền giao dịch' },
    dates: 'dmy', amounts: 'comma-thousands', control: 'none', serial: 'Stt', valueDate: 'Ngày giá trị',
    figures: { creditSum: '^Phát sinh đến \\S+ ngày \\S+ (\\d[\\d,]*)' },
  },
];

export function layoutOfHeader(header: readonly string[]): StatementLayout | undefined {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  return STATEMENT_LAYOUTS.find((l) => l.header.length === cells.length && l.header.every((h, i) => h === cells[i]));
}

export function findStatementLayout(id: string): StatementLayout | undefined {
  return STATEMENT_LAYOUTS.find((l) => l.id === id);
}

/** A record's cells by the header's names; a repeated name is keyed `name#2`, `name#3`. */
export function cellsOf(header: readonly string[], record: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = Object.create(null) as Record<string, string>;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    cells[times === 1 ? name : `${name}#${times}`] = record[i] ?? '';
  });
  return cells;
}

export type FoundFigures = { -readonly [K in keyof PrintedFigures]?: PrintedFigures[K] };

/** The bank's figures a line printed outside the rows gives by the layout's patterns, added to those found so far: the first line to give a figure gives it. */
export function findFigures(layout: StatementLayout, line: string, found: FoundFigures): void {
  for (const [name, pattern] of Object.entries(layout.figures ?? {}) as [keyof PrintedFigures, string][]) {
    if (found[name] !== undefined) continue;
    const digits = new RegExp(pattern).exec(line)?.[1]?.replace(/,/g, '');
    if (digits === undefined || !/^\d+$/.test(digits)) continue;
    if (name === 'creditCount' || name === 'debitCount') found[name] = Number(digits);
    else found[name] = BigInt(digits);
  }
}

/** Whether a record after the header is a row of the statement, not a document's own line. */
export function isStatementRecord(layout: StatementLayout, cells: Readonly<Record<string, string>>): boolean {
  return layout.serial === undefined || /^\d+$/.test((cells[layout.serial] ?? '').replace(/[\s\u00a0]/g, ''));
}
