/**
 * Statements laid out as sheets: the trial balance, a statement from its form (with its
 * checks under the table), and the reconciliation of transfers within a consolidated group.
 */
import type { Reconciliation, UnmatchedReason } from '../reports/consolidation.js';
import type { Statement } from '../reports/statement.js';
import type { TrialBalance } from '../reports/trial-balance.js';
import { shortDate } from './date-format.js';
import { formatQuantity } from './number-format.js';
import { nonZero, rangeLine } from './book-sheets.js';
import type { Sheet, SheetColumn } from './sheet.js';

const amount = (header: string): SheetColumn => ({ header, kind: 'amount', width: 16 });

export function trialBalanceSheet(tb: TrialBalance, subtitle: readonly string[] = []): Sheet {
  return {
    name: 'Bảng cân đối số phát sinh',
    title: 'BẢNG CÂN ĐỐI SỐ PHÁT SINH',
    form: [],
    subtitle: [...subtitle, rangeLine(tb), 'Đơn vị tính: đồng'],
    columns: [
      { header: 'Số hiệu TK', kind: 'text', width: 9 }, { header: 'Tên tài khoản', kind: 'text', width: 34 },
      amount('Dư đầu kỳ: Nợ'), amount('Dư đầu kỳ: Có'), amount('Phát sinh: Nợ'), amount('Phát sinh: Có'), amount('Dư cuối kỳ: Nợ'), amount('Dư cuối kỳ: Có'),
    ],
    head: [],
    body: tb.rows.map((r) => ({
      // Zero cells are left blank, as a trial balance is kept by hand.
      cells: [r.code, r.name, ...[r.opening.debit, r.opening.credit, r.period.debit, r.period.credit, r.closing.debit, r.closing.credit].map(nonZero)],
      strong: r.depth === 1,
    })),
    bodyCount: tb.rows.length,
    foot: [{ cells: [null, 'Tổng cộng', tb.totals.opening.debit, tb.totals.opening.credit, tb.totals.period.debit, tb.totals.period.credit, tb.totals.closing.debit, tb.totals.closing.credit], strong: true }],
    notes: [
      ...tb.offBalance.map((h) => `TK ${h.code}${h.item ? ` - ${h.item}` : ''}: đầu kỳ ${formatQuantity(h.opening)}, nhập ${formatQuantity(h.in)}, xuất ${formatQuantity(h.out)}, cuối kỳ ${formatQuantity(h.closing)} ${h.unit}`),
      ...(tb.balanced ? [] : ['Tổng Nợ và tổng Có không bằng nhau.']),
    ],
  };
}

/** The statement's range, and the one its previous-period columns cover. */
function periodLines(statement: Statement): string[] {
  if (statement.form.period === 'point') return [`Tại ngày ${shortDate(statement.to)}`];
  const compared = statement.form.columns.some((c) => c.period === 'previous');
  const previous = compared && statement.previous ? [`Kỳ trước: từ ngày ${shortDate(statement.previous.from)} đến ngày ${shortDate(statement.previous.to)}`] : [];
  return [rangeLine(statement), ...previous];
}

/** A previous-period column the books do not cover is printed blank, and says why. */
function blankColumns(statement: Statement): string[] {
  return statement.form.columns.flatMap((column, index) =>
    column.period === 'previous' && statement.lines.every((l) => l.values[index] === null) ? [`Cột "${column.label}" để trống: kỳ trước nằm trước ngày mở sổ của Quỹ.`] : [],
  );
}

export function statementSheet(statement: Statement, subtitle: readonly string[] = []): Sheet {
  return {
    name: statement.form.title.slice(0, 31),
    title: statement.form.title,
    form: statement.form.formCode,
    subtitle: [...subtitle, ...periodLines(statement), 'Đơn vị tính: đồng'],
    columns: [
      { header: 'Mã số', kind: 'text', width: 6 }, { header: 'Chỉ tiêu', kind: 'text', width: 56 },
      ...statement.form.columns.map((c) => amount(c.label)),
    ],
    head: [],
    body: statement.lines.map((l) => ({ cells: [l.code, l.level === 1 ? `    ${l.label}` : l.label, ...l.values], strong: l.strong })),
    bodyCount: statement.lines.length,
    foot: [],
    // The form's own checks are the statement's JSON; a filed page names only one that fails.
    notes: [...blankColumns(statement), ...statement.checks.filter((c) => !c.ok).map((c) => `Không khớp: ${c.label} (mã số ${c.left} ≠ mã số ${c.right}).`)],
  };
}

const REASONS: Record<UnmatchedReason | 'eliminated', string> = {
  eliminated: 'Đã loại trừ',
  'in-transit': 'Đang chuyển (TK 113), bên nhận chưa ghi',
  'sent-only': 'Chỉ bên chuyển ghi trong kỳ',
  'received-only': 'Chỉ bên nhận ghi trong kỳ',
};

export function reconciliationSheet(reconciliation: Reconciliation, range: { from: string; to: string }): Sheet {
  const rows = [
    ...reconciliation.eliminated.map((t) => ({ t, reason: 'eliminated' as const })),
    ...reconciliation.unmatched.map((u) => ({ t: u.transfer, reason: u.reason })),
  ];
  const eliminated = reconciliation.eliminated.reduce((sum, t) => sum + t.amount, 0n);
  return {
    annex: true,
    name: 'Đối chiếu điều tiết',
    title: 'BẢNG ĐỐI CHIẾU ĐIỀU TIẾT GIỮA CÁC QUỸ',
    form: [],
    subtitle: [rangeLine(range), 'Đơn vị tính: đồng'],
    columns: [
      { header: 'Số', kind: 'text', width: 5 }, { header: 'Quỹ chuyển', kind: 'text', width: 10 }, { header: 'Quỹ nhận', kind: 'text', width: 10 },
      { header: 'Nội dung', kind: 'text', width: 40 }, amount('Số tiền'), { header: 'Ngày chuyển', kind: 'date', width: 11 },
      { header: 'Ngày bên nhận ghi', kind: 'date', width: 11 }, { header: 'Tình trạng', kind: 'text', width: 30 },
    ],
    head: [],
    body: rows.map(({ t, reason }) => ({ cells: [String(t.id), t.from, t.to, t.reason, t.amount, t.paidOn, t.receivedOn, REASONS[reason]] })),
    bodyCount: rows.length,
    foot: [{ cells: [null, null, null, 'Cộng đã loại trừ (TK 612 và TK 5113)', eliminated, null, null, null], strong: true }],
    notes: reconciliation.unmatched.length === 0 ? ['Không có khoản điều tiết nào chỉ một bên ghi.'] : [],
  };
}

