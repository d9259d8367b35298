/**
 * Reading MISA files back: an XLSX (or a zip of them, as the export writes) is read sheet by
 * sheet as it streams; a sheet's header row (row 1 for SME.NET, row 8 for AMIS, found among
 * the first rows) is matched against every known layout by its texts, trailing spaces
 * aside, and each row after it is given by field. Dates come as dd/MM/yyyy text, as dates or
 * as Excel day numbers; amounts as numbers or as text with thousands separators. Headers
 * no layout knows are listed, not guessed.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { layoutsOf } from './layouts.js';
import { MISA_PRODUCTS, type MisaField, type MisaLayout } from './layout.js';

/** How far down a sheet its header row is looked for (AMIS has seven rows above it). */
const HEADER_SEARCH = 12;

export interface ReadRow {
  /** The row's number in its sheet, as the accountant sees it. */
  readonly row: number;
  readonly values: Readonly<Partial<Record<MisaField, string>>>;
}

export interface ReadSheet {
  readonly file: string;
  readonly sheet: string;
  readonly layout: MisaLayout;
  /** Headers of the sheet no column of the layout has: left out. */
  readonly unknownHeaders: readonly string[];
  readonly rows: readonly ReadRow[];
}

export interface UnreadSheet {
  readonly file: string;
  readonly sheet: string;
}

const norm = (text: string) => text.normalize('NFC').trim();

/** The layout whose headers the row holds: every required (*) header, and most of the rest. */
function matchLayout(headers: readonly string[]): MisaLayout | undefined {
  const present = new Set(headers.map(norm).filter((h) => h !== ''));
  let best: { layout: MisaLayout; score: number } | undefined;
  for (const product of MISA_PRODUCTS) {
    for (const layout of layoutsOf(product)) {
      const texts = layout.columns.map((c) => norm(c.header));
      if (!texts.filter((t) => t.includes('(*)')).every((t) => present.has(t))) continue;
      const score = texts.filter((t) => present.has(t)).length / Math.max(texts.length, present.size);
      if (score >= 0.5 && (!best || score > best.score)) best = { layout, score };
    }
  }
  return best?.layout;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell as text: dates as dd/MM/yyyy, numbers in full. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  // A number cell is written as JavaScript writes it; amounts are then read as whole đồng or refused, never rounded.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

const DATE_FIELDS: ReadonlySet<MisaField> = new Set(['postingDate', 'voucherDate']);

/** An Excel day number in a date column, as dd/MM/yyyy. */
function dayNumber(value: ExcelJS.CellValue): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2958465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

async function readWorkbook(file: string, input: Readable, sheets: ReadSheet[], unread: UnreadSheet[]): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? '';
    let found: { layout: MisaLayout; fields: (MisaField | null)[]; unknown: string[] } | undefined;
    const rows: ReadRow[] = [];
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const raw = row.values as ExcelJS.CellValue[];
      if (!found) {
        // Rows of a sheet with no header near its top are read past: a streamed sheet is read to its end.
        if (row.number > HEADER_SEARCH) continue;
        const headers = raw.slice(1).map(cellText);
        const layout = matchLayout(headers);
        if (!layout) continue;
        const byText = new Map(layout.columns.map((c) => [norm(c.header), c.field]));
        found = {
          layout,
          fields: headers.map((h) => byText.get(norm(h)) ?? null),
          unknown: headers.filter((h) => norm(h) !== '' && !byText.has(norm(h))),
        };
        continue;
      }
      const values: Partial<Record<MisaField, string>> = {};
      let any = false;
      found.fields.forEach((field, index) => {
        if (field === null) return;
        const cell = raw[index + 1] ?? null;
        const text = (DATE_FIELDS.has(field) ? dayNumber(cell) : undefined) ?? norm(cellText(cell));
        if (text === '') return;
        values[field] = text;
        any = true;
      });
      if (any) rows.push({ row: row.number, values });
    }
    if (found) sheets.push({ file, sheet: name, layout: found.layout, unknownHeaders: found.unknown, rows });
    else unread.push({ file, sheet: name });
  }
}

/** Whether a zip holds an XLSX itself, or other files (a zip of workbooks). */
async function workbooksOf(name: string, bytes: Buffer): Promise<{ name: string; bytes: Buffer }[]> {
  const directory = await unzipper.Open.buffer(bytes);
  if (directory.files.some((f) => f.path === '[Content_Types].xml')) return [{ name, bytes }];
  const books = directory.files.filter((f) => f.type === 'File' && f.path.toLowerCase().endsWith('.xlsx'));
  return Promise.all(books.map(async (f) => ({ name: f.path, bytes: await f.buffer() })));
}

export interface ReadFiles {
  readonly sheets: readonly ReadSheet[];
  readonly unread: readonly UnreadSheet[];
}

/** Every sheet of the files; throws when a file is not a zip at all, which the caller reports. */
export async function readMisaFiles(files: readonly { readonly name: string; readonly bytes: Buffer }[]): Promise<ReadFiles> {
  const sheets: ReadSheet[] = [];
  const unread: UnreadSheet[] = [];
  for (const file of files) {
    for (const book of await workbooksOf(file.name, file.bytes)) await readWorkbook(book.name, Readable.from([book.bytes]), sheets, unread);
  }
  return { sheets, unread };
}
