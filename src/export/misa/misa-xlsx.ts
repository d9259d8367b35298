/**
 * A MISA template as an XLSX workbook, written as it streams: the rows above the header,
 * the header texts exactly as the layout has them, then one row per debit–credit pair.
 * Dates are text (dd/MM/yyyy), amounts numbers shown #,##0, as MISA's wizard reads them.
 */
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { MisaField, MisaLayout } from './layout.js';
import type { MisaRow } from './voucher-rows.js';

const NUMBER_FIELDS: ReadonlySet<MisaField> = new Set(['amount', 'convertedAmount', 'rate']);
const BOLD = { font: { name: 'Calibri', family: 2, size: 11, bold: true } };
const AMOUNT = { numFmt: '#,##0' };

export async function writeMisaXlsx(out: NodeJS.WritableStream, sheets: readonly { readonly layout: MisaLayout; readonly rows: Iterable<MisaRow> }[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'fund-ledger';
  for (const { layout, rows } of sheets) {
    const sheet = workbook.addWorksheet(layout.sheet);
    sheet.columns = layout.columns.map((c) => ({ width: Math.max(10, Math.min(40, c.header.length + 2)) }));
    for (const cells of layout.preamble) sheet.addRow([...cells]).commit();
    const header = sheet.addRow(layout.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.style = BOLD;
    });
    header.commit();
    for (const row of rows) {
      const written = sheet.addRow(layout.columns.map((c) => (c.field === null ? null : (row[c.field] ?? null))));
      layout.columns.forEach((c, index) => {
        if (c.field !== null && NUMBER_FIELDS.has(c.field)) written.getCell(index + 1).style = AMOUNT;
      });
      written.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}
