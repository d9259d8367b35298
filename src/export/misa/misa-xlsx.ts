/**
 * A MISA template as an XLSX workbook, written as it streams: the rows above the header,
 * the header texts exactly as the layout has them, then one row per debit–credit pair or
 * list entry. Dates are text (dd/MM/yyyy), amounts numbers shown #,##0, as MISA's wizard
 * reads them. A last sheet holds the validation report, which MISA's wizard passes over.
 */
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MisaField, MisaLayout } from './layout.js';
import type { MisaReport } from './misa-report.js';
import type { MisaRow } from './misa-row.js';

const NUMBER_FIELDS: ReadonlySet<MisaField> = new Set(['amount', 'convertedAmount', 'rate', 'openingDebit', 'openingDebitConverted', 'openingCredit', 'openingCreditConverted']);
/** Column widths by what they hold, so names, texts and amounts show whole; other columns fit their header. */
const WIDTHS: Partial<Record<MisaField, number>> = {
  counterpartyName: 36, address: 36, reasonText: 44, description: 44, person: 28, bankName: 36, accountName: 44, accountNameEn: 36,
  amount: 16, convertedAmount: 16, openingDebit: 18, openingDebitConverted: 18, openingCredit: 18, openingCreditConverted: 18,
  number: 16, postingDate: 12, voucherDate: 12, bankAccount: 18,
};
const BOLD = { font: { name: 'Calibri', family: 2, size: 11, bold: true } };
const AMOUNT = { numFmt: '#,##0' };
/**
 * The style of every other cell, one object for all: exceljs gives each cell a style of its
 * own and looks each up when writing, unless cells share the object, which it remembers.
 */
const PLAIN = {};
export const REPORT_SHEET = 'Kết quả kiểm tra';

function writeReportSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, report: MisaReport): void {
  const sheet = workbook.addWorksheet(REPORT_SHEET, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  sheet.columns = [{ width: 22 }, { width: 22 }, { width: 28 }, { width: 70 }];
  sheet.addRow([`Kiểm tra trước khi nhập MISA (${report.product === 'sme' ? 'MISA SME.NET' : 'MISA AMIS'}), kỳ ${report.from} – ${report.to}`]).commit();
  for (const t of report.templates) sheet.addRow([t.template, `${t.items} mục, ${t.rows} dòng`, `${t.clean} không lỗi`, t.sent > 0 ? `${t.sent} chứng từ đã xuất trước đây, không xuất lại` : '']).commit();
  for (const m of report.withoutTemplate) sheet.addRow([m.template, `${m.vouchers} chứng từ`, '', 'Sản phẩm MISA này không có mẫu nhập cho loại chứng từ này']).commit();
  const header = sheet.addRow(['Mẫu', 'Chứng từ / mã', 'Cột', 'Lỗi']);
  header.eachCell((cell) => {
    cell.style = BOLD;
  });
  header.commit();
  if (report.errors === 0) sheet.addRow(['', '', '', 'Không có lỗi']).commit();
  for (const found of report.issues) sheet.addRow([found.template, found.key, found.column?.trim() ?? '', found.message]).commit();
  if (report.errors > report.issues.length) sheet.addRow(['', '', '', `… và ${report.errors - report.issues.length} lỗi khác`]).commit();
  sheet.commit();
}

export async function writeMisaXlsx(out: NodeJS.WritableStream, layout: MisaLayout, rows: Iterable<MisaRow>, report: MisaReport): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'fund-ledger';
  // The header stays in view as the rows scroll; printed, the sheet runs across landscape pages with the header on each.
  const headerRow = layout.preamble.length + 1;
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { orientation: 'landscape', paperSize: 9, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  sheet.columns = layout.columns.map((c) => ({ width: Math.max((c.field === null ? undefined : WIDTHS[c.field]) ?? 0, Math.min(40, c.header.length + 2), 10) }));
  for (const cells of layout.preamble) sheet.addRow([...cells]).commit();
  // A header with a space at its end (MISA's own quirk) is written as rich text, whose XML keeps the space.
  const header = sheet.addRow(layout.columns.map((c) => (c.header === c.header.trim() ? c.header : { richText: [{ text: c.header }] })));
  header.eachCell((cell) => {
    cell.style = BOLD;
  });
  header.commit();
  const styles = layout.columns.map((c) => (c.field !== null && NUMBER_FIELDS.has(c.field) ? AMOUNT : PLAIN));
  for (const row of rows) {
    const written = sheet.addRow(layout.columns.map((c) => (c.field === null ? null : (row[c.field] ?? null))));
    written.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1] ?? PLAIN;
    });
    written.commit();
  }
  sheet.commit();
  writeReportSheet(workbook, report);
  await workbook.commit();
}
