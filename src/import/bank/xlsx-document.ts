/**
 * A statement in an Excel workbook (VBSP's), read as it streams with exceljs so memory does
 * not grow with the file: every sheet in order, each row's cells as the text a reader of the
 * sheet sees (dates as dd/mm/yyyy, numbers in full, rich text and formulas' results as their
 * text). Title rows may come before the header, which a later sheet may repeat; the records the
 * layout does not count as rows (an opening-balance line, a footer) are where the bank prints
 * its own figures, read by the layout's patterns.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellsOf, findFigures, isStatementRecord, layoutOfHeader, type FoundFigures } from './layouts.js';
import type { StatementDocument } from './statement-document.js';
import type { StatementLayout } from './statement-layout.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as dd/mm/yyyy, and its time of day where it has one. */
function dateText(date: Date): string {
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const [hours, minutes, seconds] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return hours + minutes + seconds === 0 ? day : `${day} ${hours}:${pad(minutes)}:${pad(seconds)}`;
}

function textOf(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return textOf(value.result as ExcelJS.CellValue);
  if ('text' in value) return textOf(value.text as ExcelJS.CellValue);
  return '';
}

/**
 * The date column's cell as the bank typed it. A cell that holds a spreadsheet date rather
 * than text was text a spreadsheet read month first: VBSP's B7 holds 2024-10-09 on a row whose
 * value date reads 10/09/2024, in a statement of 10/09 to 01/10 printed on 01/10. Its day and
 * month are swapped back only where the row's value date reads exactly so; otherwise the cell
 * is the date it holds.
 */
function typedDate(layout: StatementLayout, header: readonly string[], values: readonly ExcelJS.CellValue[], record: string[]): void {
  const at = header.indexOf(layout.columns.date ?? '');
  const held = values[at];
  if (layout.valueDate === undefined || !(held instanceof Date)) return;
  const monthFirst = `${pad(held.getUTCMonth() + 1)}/${pad(held.getUTCDate())}/${held.getUTCFullYear()}`;
  const valueDate = (cellsOf(header, record)[layout.valueDate] ?? '').replace(/\u00a0/g, ' ').trim();
  if (valueDate === monthFirst) record[at] = dateText(held).replace(/^\S+/, monthFirst);
}

/** A row's cells from the first column to the last that holds something. */
function cellValues(row: ExcelJS.Row): ExcelJS.CellValue[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => values[i + 1] ?? null);
  while (cells.length > 0 && textOf(cells.at(-1)) === '') cells.pop();
  return cells;
}

const lineOf = (record: readonly string[]) => record.map((c) => c.trim()).filter((c) => c !== '').join(' ');

async function* recordsOf(bytes: Readable, figures: FoundFigures): AsyncGenerator<readonly string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let layout: StatementLayout | undefined;
  let header: string[] = [];
  /** The lines before the header, where a title block may print figures. */
  const before: string[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = cellValues(row);
      const record = values.map(textOf);
      if (!layout) {
        layout = layoutOfHeader(record);
        if (layout) {
          header = record.map((h) => h.trim());
          for (const text of before) findFigures(layout, text, figures);
        } else before.push(lineOf(record));
        yield record;
        continue;
      }
      if (layoutOfHeader(record) === layout) continue;
      typedDate(layout, header, values, record);
      if (!isStatementRecord(layout, cellsOf(header, record))) findFigures(layout, lineOf(record), figures);
      yield record;
    }
  }
}

/** The workbook, refused if exceljs cannot read it as far as its first row. */
export async function xlsxDocument(bytes: Readable): Promise<Result<StatementDocument>> {
  const figures: FoundFigures = {};
  const records = recordsOf(bytes, figures);
  let first: IteratorResult<readonly string[]>;
  try {
    first = await records.next();
  } catch (error) {
    bytes.destroy();
    return reject('statement_layout_unknown', 'file', `the file is not an XLSX workbook that can be read: ${(error as Error).message}`);
  }
  async function* all(): AsyncGenerator<readonly string[]> {
    if (first.done) return;
    yield first.value;
    yield* records;
  }
  return accept({ titled: true, records: all(), printed: () => ({ ...figures }), close: () => bytes.destroy() });
}
