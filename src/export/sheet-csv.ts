/**
 * One sheet of a book or statement as CSV, for other programs rather than for reading: the
 * header row then the head, body and foot rows, with no title or signature lines. Amounts
 * are plain decimals ("1234.56", no thousands separator) and dates ISO, so any tool parses
 * them the same way whatever its locale. RFC 4180 quoting and CRLF line ends; a byte order
 * mark first, without which Excel reads the UTF-8 Vietnamese as a legacy code page.
 *
 * The body is written as it is read, in batches, waiting whenever `out` asks to, so a book
 * of a million lines holds only one batch in memory.
 */
import { formatAmount } from '../ledger/money.js';
import type { CellValue, Sheet, SheetColumn, SheetRow } from './sheet.js';
import { endStream, writeText } from './text-stream.js';

const BOM = '\uFEFF';
const EOL = '\r\n';
/** Characters gathered before a write: large enough that a long body costs few writes. */
const BATCH = 64 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;

export async function writeSheetCsv(sheet: Sheet, out: NodeJS.WritableStream): Promise<void> {
  let batch = BOM + line(sheet.columns.map((column) => column.header.normalize('NFC')));
  for (const row of rowsOf(sheet)) {
    batch += line(sheet.columns.map((column, i) => csvValue(row.cells[i], column)));
    if (batch.length >= BATCH) {
      await writeText(out, batch);
      batch = '';
    }
  }
  await writeText(out, batch);
  await endStream(out);
}

function* rowsOf(sheet: Sheet): Iterable<SheetRow> {
  yield* sheet.head;
  yield* sheet.body;
  yield* sheet.foot;
}

function line(fields: readonly string[]): string {
  return fields.map(quoted).join(',') + EOL;
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
function quoted(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Text a spreadsheet would run as a formula: a donor's name must never become one. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * An amount as a plain decimal in its column's scale; text (dates are already ISO) as given,
 * in NFC, with an apostrophe before a leading formula character, as spreadsheets expect.
 */
function csvValue(value: CellValue | undefined, column: SheetColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return column.kind === 'amount' ? formatAmount(value, column.scale ?? 0) : value.toString();
  const text = value.normalize('NFC');
  return column.kind === 'text' && FORMULA.test(text) ? `'${text}` : text;
}
