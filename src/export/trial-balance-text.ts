/**
 * The trial balance as a plain-text table for the terminal, with the column headings of
 * the Vietnamese form (Bảng cân đối số phát sinh).
 */
import { shortDate } from './date-format.js';
import type { TrialBalance } from '../reports/trial-balance.js';
import { formatQuantity, formatVnd } from './number-format.js';

const HEAD = ['Tài khoản', 'Tên tài khoản', 'Dư Nợ đầu kỳ', 'Dư Có đầu kỳ', 'Phát sinh Nợ', 'Phát sinh Có', 'Dư Nợ cuối kỳ', 'Dư Có cuối kỳ'];

function table(rows: string[][]): string {
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}


export function trialBalanceText(tb: TrialBalance, fundName: string): string {
  const amounts = (s: { debit: bigint; credit: bigint }) => [formatVnd(s.debit, { blankZero: true }), formatVnd(s.credit, { blankZero: true })];
  const rows = tb.rows.map((r) => [
    `${'  '.repeat(r.depth - 1)}${r.code}`,
    r.name.length > 40 ? `${r.name.slice(0, 39)}…` : r.name,
    ...amounts(r.opening),
    ...amounts(r.period),
    ...amounts(r.closing),
  ]);
  const totals = ['Cộng', '', ...amounts(tb.totals.opening), ...amounts(tb.totals.period), ...amounts(tb.totals.closing)];
  const lines = [
    fundName,
    `BẢNG CÂN ĐỐI SỐ PHÁT SINH từ ngày ${shortDate(tb.from)} đến ngày ${shortDate(tb.to)} (đơn vị tính: đồng)`,
    '',
    table([HEAD, ...rows, totals]),
    '',
    tb.balanced ? 'Tổng phát sinh Nợ bằng tổng phát sinh Có.' : 'CẢNH BÁO: số liệu không cân đối.',
  ];
  if (tb.offBalance.length > 0) {
    lines.push('', 'Tài khoản ngoài bảng:');
    for (const h of tb.offBalance) {
      lines.push(`  ${h.code} ${h.item === null ? '' : `${h.item}, `}${h.unit}: đầu kỳ ${formatQuantity(h.opening)}, nhập ${formatQuantity(h.in)}, xuất ${formatQuantity(h.out)}, cuối kỳ ${formatQuantity(h.closing)}`);
    }
  }
  return lines.join('\n');
}
