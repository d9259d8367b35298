/**
 * Books and statements (SheetDocument) as XLSX for Excel: one worksheet per sheet, laid out
 * like the printed book (issuer, form, title, header row, rows, notes) with the date line,
 * signatures and seal after the signed sheet's table (the last that is not an annex), as the
 * PDF prints them. Cells hold real values, amounts as numbers and dates as dates, so the
 * accountant can sum, sort and filter. The printed pages end where the page plan
 * (xlsx-pages.ts) puts them.
 *
 * A book may have a million lines, so the workbook is written with exceljs's streaming
 * writer: each row is committed (turned into XML and let go) as soon as it is filled, and
 * the writer waits whenever the zip falls behind `out`, so memory is bounded by the zip's
 * buffers (about 2 MB of output), whatever the length of the body.
 */
import { once } from 'node:events';
import type { Stream } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { formatAmount } from '../ledger/money.js';
import { MAX_MANUAL_BREAKS, PagePlan, PRINT_MARGINS } from './xlsx-pages.js';
import { isLandscape, PAGES, pageCountText, signedSheet, type CellValue, type Sheet, type SheetColumn, type SheetDocument, type SheetRow, type SheetSignature } from './sheet.js';

export interface XlsxOptions {
  /** Written as the workbook's created and modified dates, so the metadata is repeatable. */
  readonly created?: Date;
}

type Style = Partial<ExcelJS.Style>;

/**
 * Style objects are shared, never mutated: exceljs recognises an object it has seen and
 * reuses its style id, which keeps a million styled rows cheap.
 */
const THIN = { style: 'thin' } as const;
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Fonts named in full: a font entry with only "bold" leaves the typeface to each program's guess. */
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: 'Calibri', family: 2, size: 11, ...extra });
const BOLD = font({ bold: true });
const ITALIC = font({ italic: true });
const STYLE = {
  plain: {},
  bold: { font: BOLD },
  formCode: { font: BOLD, alignment: { horizontal: 'right' } },
  formNote: { font: ITALIC, alignment: { horizontal: 'right' } },
  title: { font: font({ bold: true, size: 13 }), alignment: { horizontal: 'center', vertical: 'middle' } },
  subtitle: { font: ITALIC, alignment: { horizontal: 'center' } },
  header: { font: BOLD, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  dateLine: { font: ITALIC, alignment: { horizontal: 'center' } },
  signTitle: { font: BOLD, alignment: { horizontal: 'center', vertical: 'top', wrapText: true } },
  signHint: { font: ITALIC, alignment: { horizontal: 'center', vertical: 'top', wrapText: true } },
  signName: { font: BOLD, alignment: { horizontal: 'center', vertical: 'top', wrapText: true } },
  seal: { font: ITALIC, alignment: { horizontal: 'center', vertical: 'top', wrapText: true } },
  note: { font: font(), alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
} as const satisfies Record<string, Style>;

/** Excel allows 31 characters in a worksheet name and none of these. */
const NAME_LIMIT = 31;
const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/g;
/** The blank rows left between the signature titles and the names, for signing and the seal. */
const SIGNING_ROWS = 3;
/** A line of 11-point Calibri is this tall, in points; a wrapped cell's row is its lines times it. */
const LINE_POINTS = 15;
/** Characters of 11-point Calibri a column of width 1 holds, a little under, so an estimate never falls short. */
const CHARS_PER_WIDTH = 1.1;
/** Rows between checks on the zip's pace: often enough to hold little, rarely enough to cost nothing. */
const PACE_EVERY = 256;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function writeSheetXlsx(document: SheetDocument, out: NodeJS.WritableStream, options: XlsxOptions = {}): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'fund-ledger';
  workbook.lastModifiedBy = 'fund-ledger';
  if (options.created) {
    workbook.created = options.created;
    workbook.modified = options.created;
  }
  const failed = failureOf(out);
  try {
    const names = worksheetNames(document.sheets.map((s) => s.name));
    for (const [index, sheet] of document.sheets.entries()) {
      const signed = index === signedSheet(document.sheets);
      await writeSheet(workbook, names[index] ?? `Sheet${index + 1}`, document, sheet, signed, failed.promise);
    }
    await Promise.race([workbook.commit(), failed.promise]);
  } finally {
    failed.release();
  }
}

/** Rejects once `out` fails, so a wait on the zip's pace cannot outlive a closed connection. */
function failureOf(out: NodeJS.WritableStream): { promise: Promise<never>; release: () => void } {
  let onError: (error: unknown) => void = () => {};
  const promise = new Promise<never>((_, reject) => {
    onError = reject;
    out.once('error', onError);
  });
  // Awaited only in a race; unobserved it must not be reported as unhandled.
  promise.catch(() => {});
  return { promise, release: () => out.removeListener('error', onError) };
}

// ---------------------------------------------------------------------------------------
// Worksheet names

/** Each sheet's name made acceptable to Excel, and unique ignoring case as Excel compares them. */
function worksheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name, index) => {
    const base = cleanName(name) || `Sheet${index + 1}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = withSuffix(base, ` (${n})`);
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function cleanName(name: string): string {
  const cleaned = name.normalize('NFC').replace(FORBIDDEN_IN_NAME, '-').trim();
  // Excel refuses a name that starts or ends with an apostrophe, and keeps "History" for itself.
  const unquoted = cleaned.replace(/^'+|'+$/g, '').trim();
  const named = unquoted.toLowerCase() === 'history' ? `${unquoted} 1` : unquoted;
  return truncate(named, NAME_LIMIT);
}

/** Cut by code points, so a character outside the BMP is never split in half. */
function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : chars.slice(0, limit).join('').trimEnd();
}

function withSuffix(base: string, suffix: string): string {
  return `${truncate(base, NAME_LIMIT - suffix.length)}${suffix}`;
}

// ---------------------------------------------------------------------------------------
// One worksheet

/** A line above or below the table: one text in the first column, or merged across the table. */
interface Line {
  readonly text: string;
  readonly style: Style;
  readonly merged: boolean;
}

/** Issuer, form, title and subtitle lines, then a blank line (null) before the header row. */
function preamble(document: SheetDocument, sheet: Sheet): (Line | null)[] {
  return [
    ...document.issuer.map((text, i) => ({ text, style: i === 0 ? STYLE.bold : STYLE.plain, merged: false })),
    ...sheet.form.map((text, i) => ({ text, style: i === 0 ? STYLE.formCode : STYLE.formNote, merged: true })),
    { text: sheet.title, style: STYLE.title, merged: true },
    ...sheet.subtitle.map((text) => ({ text, style: STYLE.subtitle, merged: true })),
    null,
  ];
}

/** The first and last column a line or signature takes. */
interface Span {
  readonly left: number;
  readonly right: number;
}

/** Where rows go, one after another: the worksheet, or a rehearsal that only counts them. */
interface Rows {
  /** Fills one row by `fill(row)` and merges each span wider than a column; the title row repeats on every printed page. */
  write(fill: (row: ExcelJS.Row) => void, merges?: readonly Span[], title?: boolean): Promise<void>;
}

/** Writes rows in order, committing each, counts them into the page plan, and keeps pace with the zip every few rows. */
class RowWriter implements Rows {
  private next = 1;

  constructor(
    private readonly worksheet: ExcelJS.Worksheet,
    private readonly plan: PagePlan,
    private readonly failed: Promise<never>,
  ) {}

  /** The number of the row written next. */
  get upcoming(): number {
    return this.next;
  }

  async write(fill: (row: ExcelJS.Row) => void, merges: readonly Span[] = [], title = false): Promise<void> {
    const number = this.next;
    const row = this.worksheet.getRow(number);
    fill(row);
    // Merged before the commit: exceljs cannot touch a row once written.
    for (const { left, right } of merges) if (right > left) this.worksheet.mergeCells(number, left, number, right);
    // Every row's height is written, so each program paginates the rows the plan counted.
    row.height ||= LINE_POINTS;
    this.plan.add(number, row.height, title);
    row.commit();
    this.next += 1;
    if (number % PACE_EVERY === 0) await keepPace(this.worksheet, this.failed);
  }
}

/** Blank rows, written with their height like every other. */
async function skip(rows: Rows, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await rows.write(() => {});
}

/**
 * Rows filled as they would be written, on a scratch worksheet, and counted into a copy of
 * the page plan: how many pages the sheet will have, before the line that says so is written.
 */
class Rehearsal implements Rows {
  private readonly scratch = new ExcelJS.Workbook().addWorksheet('rehearsal');
  private next: number;

  constructor(
    readonly plan: PagePlan,
    from: number,
  ) {
    this.next = from;
  }

  async write(fill: (row: ExcelJS.Row) => void): Promise<void> {
    const row = this.scratch.getRow(this.next);
    fill(row);
    this.plan.add(this.next, row.height || LINE_POINTS);
    this.next += 1;
  }
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, document: SheetDocument, sheet: Sheet, signed: boolean, failed: Promise<never>): Promise<void> {
  const lines = preamble(document, sheet);
  const headerRow = lines.length + 1;
  const width = Math.max(sheet.columns.length, 1);
  const landscape = isLandscape(sheet, document.scale ?? 1);
  const worksheet = workbook.addWorksheet(name, {
    // Rows above and including the header stay in view while the body scrolls.
    views: [{ state: 'frozen', ySplit: headerRow }],
    // On A4, turned as the PDF turns it, as wide as the page, the header row on every page.
    pageSetup: {
      paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`, horizontalCentered: true,
      margins: PRINT_MARGINS,
    },
    // Every printed page says whose it is and which page of how many.
    headerFooter: { oddFooter: `&L&8${footerText(document.issuer[0] ?? '')}&R&8Trang &P/&N` },
    // exceljs leaves out a column 9 characters wide, taking it for the default; make it so.
    properties: { defaultColWidth: 9 },
  });
  // Column widths are written with the first row, so they are set before any.
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
  const plan = new PagePlan({ landscape, widths: Array.from({ length: width }, (_, i) => sheet.columns[i]?.width ?? 9) });
  const rows = new RowWriter(worksheet, plan, failed);
  const across = { left: 1, right: width };
  for (const line of lines) await writeLine(rows, line, across, sheet.columns);
  await rows.write((row) => fillHeader(row, sheet.columns), [], true);
  const styles = sheet.columns.map(cellStyles);
  for (const tableRow of sheet.head) await rows.write((row) => fillRow(row, tableRow, sheet.columns, styles));
  for (const tableRow of sheet.body) await rows.write((row) => fillRow(row, tableRow, sheet.columns, styles));
  // The table's last row goes over the page with its totals, notes and signatures.
  const kept = Math.max(headerRow + 1, rows.upcoming - 1);
  for (const tableRow of sheet.foot) await rows.write((row) => fillRow(row, tableRow, sheet.columns, styles));
  const tail = (to: Rows, pages: string) => writeTail(to, document, sheet, signed, pages);
  // A note that gives the page count is written once the rest has been counted in rehearsal (with the widest count, so it wraps no shorter).
  let pages = '…';
  if (sheet.notes.some((note) => note.includes(PAGES))) {
    const rehearsal = new Rehearsal(plan.copy(), rows.upcoming);
    await tail(rehearsal, pageCountText(MAX_MANUAL_BREAKS + 1));
    rehearsal.plan.keepTogether(kept);
    const count = rehearsal.plan.pageCount();
    if (count !== null) pages = pageCountText(count);
  }
  await tail(rows, pages);
  plan.keepTogether(kept);
  // The streaming worksheet writes its row breaks at its commit; its type does not declare them.
  (worksheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks = plan.rowBreaks().map((id) => ({ id, max: 16383, man: 1 }));
  worksheet.commit();
}

/** The notes under the table (the page count written as `pages`), then, on the signed sheet, the date line, signatures and seal. */
async function writeTail(rows: Rows, document: SheetDocument, sheet: Sheet, signed: boolean, pages: string): Promise<void> {
  const width = Math.max(sheet.columns.length, 1);
  if (sheet.notes.length > 0) await skip(rows);
  for (const note of sheet.notes) await writeLine(rows, { text: note.replaceAll(PAGES, pages), style: STYLE.note, merged: true }, { left: 1, right: width }, sheet.columns);
  if (signed) await writeClosing(rows, document, sheet.columns, Math.max(width, document.signatures.length));
}

async function writeLine(rows: Rows, line: Line | null, span: Span, columns: readonly SheetColumn[]): Promise<void> {
  if (line === null) return await skip(rows);
  await rows.write((row) => {
    setCell(row.getCell(span.left), text(line.text), line.style);
    // A merged cell does not grow to fit its text in Excel: its row is given the height the text wraps to.
    if (line.merged && line.style.alignment?.wrapText === true) row.height = LINE_POINTS * linesOf(line.text, widthOf(columns, span));
  }, line.merged ? [span] : []);
}

/** The width of columns left to right of a span, in Excel's units. */
function widthOf(columns: readonly SheetColumn[], span: Span): number {
  let width = 0;
  for (let c = span.left; c <= span.right; c++) width += columns[c - 1]?.width ?? 9;
  return width;
}

/** How many lines text wraps to in a width: by its words, as Excel breaks them. */
function linesOf(value: string, width: number): number {
  const room = Math.max(1, Math.floor(width * CHARS_PER_WIDTH) - 1);
  let lines = 1;
  let used = 0;
  for (const word of value.split(/\s+/).filter((w) => w !== '')) {
    const length = Array.from(word).length;
    if (used > 0 && used + 1 + length > room) {
      lines += 1;
      used = 0;
    }
    used += (used > 0 ? 1 : 0) + length;
    while (used > room) {
      lines += 1;
      used -= room;
    }
  }
  return lines;
}

function fillHeader(row: ExcelJS.Row, columns: readonly SheetColumn[]): void {
  columns.forEach((column, i) => setCell(row.getCell(i + 1), text(column.header), STYLE.header));
  // Headers wrap within their columns; the row is as tall as the longest needs, so none is clipped.
  row.height = LINE_POINTS * Math.max(1, ...columns.map((c) => linesOf(c.header, c.width)));
}

// ---------------------------------------------------------------------------------------
// Table cells

interface CellStyles {
  readonly normal: Style;
  readonly strong: Style;
}

/** A column's cell style, plain and bold, built once per sheet so every cell shares it. */
function cellStyles(column: SheetColumn): CellStyles {
  // Top-aligned, so a row grown by a wrapped description still reads across.
  const base: Style =
    column.kind === 'amount'
      ? { numFmt: amountFormat(column.scale ?? 0), border: BOX, alignment: { vertical: 'top' } }
      : column.kind === 'date'
        ? { numFmt: 'dd/mm/yyyy', border: BOX, alignment: { horizontal: 'center', vertical: 'top' } }
        : { border: BOX, alignment: { vertical: 'top', wrapText: true } };
  return { normal: base, strong: { ...base, font: BOLD } };
}

/** '#,##0' for đồng, '#,##0.00' for cents, '#,##0.000' for thousandths. */
function amountFormat(scale: number): string {
  return scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
}

function fillRow(row: ExcelJS.Row, tableRow: SheetRow, columns: readonly SheetColumn[], styles: readonly CellStyles[]): void {
  let lines = 1;
  columns.forEach((column, i) => {
    const style = styles[i];
    const value = cellValue(tableRow.cells[i], column);
    setCell(row.getCell(i + 1), value, tableRow.strong ? style?.strong : style?.normal);
    if (column.kind === 'text' && typeof value === 'string' && value.length > column.width) lines = Math.max(lines, linesOf(value, column.width));
  });
  // Excel keeps a row one line tall unless told: a wrapped description gets the height it needs.
  if (lines > 1) row.height = LINE_POINTS * lines;
}

function setCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, style: Style | undefined): void {
  if (value !== null) cell.value = value;
  // Styled even when empty, so the table's borders run unbroken.
  if (style) cell.style = style;
}

const text = (value: string): string => value.normalize('NFC');

/** An amount as a number, a valid ISO date as a date; anything else as its (NFC) text. */
function cellValue(value: CellValue | undefined, column: SheetColumn): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'bigint') return column.kind === 'amount' ? amountValue(value, column.scale ?? 0) : value.toString();
  const written = text(value);
  return column.kind === 'date' && ISO_DATE.test(written) ? (utcDate(written) ?? written) : written;
}

/**
 * Minor units as the number they stand for. Read from the exact decimal string, so a scaled
 * amount is the double nearest its true value and a whole one up to 2^53 is exact (VND
 * amounts stop at 10^15). Past that a double would silently change the figure, so it is
 * written as its digits instead.
 */
function amountValue(minor: bigint, scale: number): number | string {
  const decimal = formatAmount(minor, scale);
  const magnitude = minor < 0n ? -minor : minor;
  return magnitude <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(decimal) : decimal;
}

/** Midnight UTC of the day, which exceljs turns into that day's serial; null for a date that does not exist. */
function utcDate(iso: string): Date | null {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? date : null;
}

// ---------------------------------------------------------------------------------------
// Date line, signatures and seal

/**
 * `count` signatures side by side across the first `width` columns, each on a run of whole
 * columns: of every way to cut them, the one whose narrowest signature is widest, so no
 * title is squeezed into a narrow code column.
 */
function signatureSpans(count: number, columns: readonly SheetColumn[], width: number): Span[] {
  let best: { spans: Span[]; narrowest: number } = { spans: [], narrowest: -1 };
  const cut = (left: number, chosen: Span[], narrowest: number): void => {
    const remaining = count - chosen.length;
    if (remaining === 0) {
      if (left > width && narrowest > best.narrowest) best = { spans: chosen, narrowest };
      return;
    }
    const lastRight = remaining === 1 ? width : width - remaining + 1;
    for (let right = remaining === 1 ? width : left; right <= lastRight; right++) {
      const next = { left, right };
      cut(right + 1, [...chosen, next], Math.min(narrowest, widthOf(columns, next)));
    }
  };
  cut(1, [], Number.POSITIVE_INFINITY);
  return best.spans;
}

/**
 * The date line over the last signature (the head's, who dates and seals), the signature
 * titles, hints, room to sign, names, and the seal under the last signature. With no
 * signatures the date line and seal take the right half of the table.
 */
async function writeClosing(rows: Rows, document: SheetDocument, columns: readonly SheetColumn[], width: number): Promise<void> {
  const signatures = document.signatures;
  const spans = signatureSpans(signatures.length, columns, width);
  const right = spans.at(-1) ?? { left: Math.floor(width / 2) + 1, right: width };
  await skip(rows);
  await rows.write((row) => setCell(row.getCell(right.left), text(document.dateLine), STYLE.dateLine), [right]);
  if (signatures.length > 0) {
    // Each signature takes its span of columns, merged, its text wrapped and its row as tall as the longest needs.
    const across = (pick: (signature: SheetSignature) => string | null, style: Style): Promise<void> =>
      rows.write((row) => {
        signatures.forEach((signature, i) => setCell(row.getCell(spans[i]?.left ?? i + 1), nullable(pick(signature)), style));
        row.height = LINE_POINTS * Math.max(1, ...signatures.map((s, i) => linesOf(pick(s) ?? '', widthOf(columns, spans[i] ?? right))));
      }, spans);
    await across((s) => s.title, STYLE.signTitle);
    await across((s) => s.hint, STYLE.signHint);
    await skip(rows, SIGNING_ROWS);
    await across((s) => s.name, STYLE.signName);
  }
  if (document.seal !== null) await writeLine(rows, { text: `(Dấu: ${document.seal})`, style: STYLE.seal, merged: true }, right, columns);
}

/** Text for a page footer: Excel reads "&" as the start of a code, so one is doubled. */
const footerText = (value: string): string => text(value).replaceAll('&', '&&');

const nullable = (value: string | null): string | null => (value === null ? null : text(value));

// ---------------------------------------------------------------------------------------
// Pace

/**
 * The zip entry a worksheet's XML is piped into: in exceljs 4 the worksheet's `stream` is a
 * buffer piped into archiver's PassThrough for the entry. exceljs does not expose it, so it
 * is found by shape; should a later version change that, pacing falls back to a turn of
 * the event loop every few rows.
 */
interface ZipEntry {
  readonly _writableState?: { readonly needDrain?: boolean };
  once(event: 'drain', listener: () => void): unknown;
}

function zipEntryOf(worksheet: ExcelJS.Worksheet): ZipEntry | null {
  const stream = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const entry = stream?.pipes?.[0] as ZipEntry | undefined;
  return entry && typeof entry.once === 'function' ? entry : null;
}

/**
 * exceljs writes each committed row's XML on towards the zip without waiting (its stream
 * ignores backpressure), so a body read faster than it compresses, or than `out` takes it,
 * would pile up in memory. That XML lands in a zip entry whose write side does report it,
 * and is piped through compression into `out`: while the entry asks to wait, wait for it
 * to drain, which happens only as `out` takes the output. A turn of the event loop lets
 * the compression and the pipes move in any case.
 */
async function keepPace(worksheet: ExcelJS.Worksheet, failed: Promise<never>): Promise<void> {
  const entry = zipEntryOf(worksheet);
  if (entry?._writableState?.needDrain) await Promise.race([once(entry as unknown as NodeJS.EventEmitter, 'drain'), failed]);
  await nextTurn();
}
