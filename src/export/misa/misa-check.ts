/**
 * What MISA would refuse in a file, found before it is written: an account the mapping
 * leaves out, a text longer than its column takes, a code outside the column's list, a date
 * outside the period, a voucher number MISA already holds. Each problem names the voucher
 * (or list entry), the column and what is wrong, in Vietnamese for the accountant.
 */
import type { MisaLayout, MisaTemplate } from './layout.js';
import type { MisaRow } from './misa-row.js';

export const MISA_PROBLEMS = {
  account_unmapped: 'Tài khoản chưa được ánh xạ sang hệ thống tài khoản của MISA',
  too_long: 'Nội dung dài quá độ dài MISA nhận',
  code_not_allowed: 'Mã không thuộc danh sách MISA nhận',
  date_outside_period: 'Ngày nằm ngoài kỳ xuất',
  number_sent: 'Số chứng từ đã được xuất sang MISA trước đây (MISA báo "Số chứng từ đã tồn tại")',
} as const;
export type MisaProblem = keyof typeof MISA_PROBLEMS;

export interface MisaIssue {
  readonly template: MisaTemplate;
  /** The voucher number, or the account or counterparty code of a list row. */
  readonly key: string;
  readonly problem: MisaProblem;
  readonly column?: string;
  readonly value: string;
  readonly message: string;
}

export function issue(template: MisaTemplate, key: string, problem: MisaProblem, value: string, column?: string): MisaIssue {
  return { template, key, problem, ...(column !== undefined && { column }), value, message: `${MISA_PROBLEMS[problem]}${column === undefined ? '' : ` (cột "${column.trim()}")`}: ${value}` };
}

/** The problems of a voucher's or a list entry's rows against the columns' limits and codes, each once. */
export function checkRows(layout: MisaLayout, key: string, rows: readonly MisaRow[]): MisaIssue[] {
  const found = new Map<string, MisaIssue>();
  for (const row of rows) {
    for (const column of layout.columns) {
      if (column.field === null) continue;
      const value = row[column.field];
      if (value === undefined || value === '') continue;
      const text = String(value);
      if (column.maxLength !== undefined && text.length > column.maxLength) {
        found.set(`${column.header}:too_long`, issue(layout.template, key, 'too_long', `${text.length} > ${column.maxLength} ký tự`, column.header));
      }
      if (column.allowed !== undefined && !column.allowed.includes(text)) {
        found.set(`${column.header}:code`, issue(layout.template, key, 'code_not_allowed', `${text} (nhận: ${column.allowed.join(', ')})`, column.header));
      }
    }
  }
  return [...found.values()];
}
