/**
 * The sheet XLSX read back with exceljs: real numbers and dates with their formats,
 * Vietnamese text intact, one worksheet per sheet with names Excel accepts, the header row
 * frozen, bold totals, the signatures after the last table, a body read lazily from a
 * generator, and a stalled reader holding the body back instead of memory filling up.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { describe, expect, it } from 'vitest';
import { bufferOf } from '../../src/export/pdf-stream.js';
import { bookNote, type Sheet, type SheetDocument, type SheetRow } from '../../src/export/sheet.js';
import { writeSheetXlsx } from '../../src/export/sheet-xlsx.js';
import { CASH_BOOK, COLUMNS, ISSUER, SEAL, SIGNATURES, documentOf } from '../support/sheet-fixture.js';

const CREATED = new Date('2024-10-17T08:00:00Z');

const USD_BOOK: Sheet = {
  ...CASH_BOOK,
  name: 'Tiền gửi USD',
  title: 'SỔ TIỀN GỬI NGÂN HÀNG',
  columns: COLUMNS.map((c) => (c.kind === 'amount' ? { ...c, scale: 2 } : c)),
  head: [],
  body: [{ cells: ['2024-12-31', 'BC0007', 'Thu ngoại tệ', 123456n, -5n, 999999999999999n] }],
  bodyCount: 1,
  foot: [],
  notes: [],
};

/** Issuer (3), form (2), title, subtitle (2) and a blank row come before the header row. */
const HEADER_ROW = 10;

async function workbookOf(document: SheetDocument): Promise<ExcelJS.Workbook> {
  const buffer = await bufferOf((out) => writeSheetXlsx(document, out, { created: CREATED }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every text value in a worksheet, row by row. */
function textsOf(worksheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  worksheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string' && !cell.isMerged) texts.push(cell.value);
    else if (typeof cell.value === 'string' && cell.master === cell) texts.push(cell.value);
  }));
  return texts;
}

/** The value once it has stayed the same for a while: a writer that has stopped to wait. */
async function steady(value: () => number, still = 250): Promise<number> {
  let last = value();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, still));
    const now = value();
    if (now === last) return now;
    last = now;
  }
}

function* receipts(count: number, onRead: () => void = () => {}): Generator<SheetRow> {
  for (let i = 0; i < count; i++) {
    onRead();
    yield { cells: ['2024-10-17', `PT${String(i + 1).padStart(6, '0')}`, `Ủng hộ của hộ ông Trịnh Văn Lực số ${i + 1}`, 100000n, null, 100000n * BigInt(i + 1)] };
  }
}

describe('a cash book and a USD bank book', () => {
  it('writes one worksheet per sheet, named as the sheets, with fixed metadata', async () => {
    const workbook = await workbookOf(documentOf([CASH_BOOK, USD_BOOK]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sổ quỹ tiền mặt', 'Tiền gửi USD']);
    expect(workbook.creator).toBe('fund-ledger');
    expect(workbook.created).toEqual(CREATED);
    expect(workbook.modified).toEqual(CREATED);
  });

  it('lays out the issuer, form, title and subtitle above a frozen, bold, bordered header row', async () => {
    const sheet = (await workbookOf(documentOf([CASH_BOOK]))).worksheets[0]!;
    expect([1, 2, 3].map((r) => sheet.getCell(r, 1).value)).toEqual(ISSUER);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.getCell(2, 1).font?.bold).toBeFalsy();
    expect([4, 5].map((r) => sheet.getCell(r, 1).value)).toEqual(CASH_BOOK.form);
    const title = sheet.getCell(6, 1);
    expect(title.value).toBe('SỔ QUỸ TIỀN MẶT');
    expect(title.font?.bold).toBe(true);
    expect(title.alignment?.horizontal).toBe('center');
    expect(sheet.getCell(6, 6).master.address).toBe('A6');
    expect([7, 8].map((r) => sheet.getCell(r, 1).value)).toEqual(CASH_BOOK.subtitle);
    expect(sheet.getCell(7, 1).font?.italic).toBe(true);
    expect(sheet.getCell(8, 6).master.address).toBe('A8');
    expect(sheet.getRow(9).hasValues).toBe(false);

    const header = sheet.getRow(HEADER_ROW);
    expect(COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(COLUMNS.map((c) => c.header));
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(header.getCell(3).alignment?.wrapText).toBe(true);
    expect(header.getCell(3).border?.bottom?.style).toBe('thin');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    // exceljs omits a column as wide as the default, so the default is the same 9 characters.
    expect(COLUMNS.map((_, i) => sheet.getColumn(i + 1).width ?? sheet.properties.defaultColWidth)).toEqual(COLUMNS.map((c) => c.width));
  });

  it('writes amounts as numbers and dates as dates, each with its format, and text exactly', async () => {
    const sheet = (await workbookOf(documentOf([CASH_BOOK]))).worksheets[0]!;
    const opening = sheet.getRow(HEADER_ROW + 1);
    expect(opening.getCell(3).value).toBe('Số dư đầu kỳ');
    expect(opening.getCell(6).value).toBe(5000000);
    expect(opening.getCell(1).value).toBeNull();

    const receipt = sheet.getRow(HEADER_ROW + 2);
    const date = receipt.getCell(1);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2024-10-17T00:00:00.000Z');
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(receipt.getCell(2).value).toBe('PT0001');
    expect(receipt.getCell(3).value).toBe('Thu tiền ủng hộ của Công ty Điện lực');
    expect(receipt.getCell(4).value).toBe(1234567);
    expect(receipt.getCell(4).numFmt).toBe('#,##0');
    expect(receipt.getCell(5).value).toBeNull();

    const payment = sheet.getRow(HEADER_ROW + 3);
    expect(payment.getCell(5).value).toBe(7234567);
    expect(payment.getCell(6).value).toBe(-1000000);
  });

  it('writes scale-2 amounts as their exact decimal value with two decimals shown', async () => {
    const sheet = (await workbookOf(documentOf([USD_BOOK]))).worksheets[0]!;
    const row = sheet.getRow(HEADER_ROW + 1);
    expect(row.getCell(4).value).toBe(1234.56);
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
    expect(row.getCell(5).value).toBe(-0.05);
    expect(row.getCell(6).value).toBe(9999999999999.99);
    expect((row.getCell(1).value as Date).toISOString()).toBe('2024-12-31T00:00:00.000Z');
  });

  it('prints the opening balance and totals in bold, other rows not', async () => {
    const sheet = (await workbookOf(documentOf([CASH_BOOK]))).worksheets[0]!;
    expect(sheet.getCell(HEADER_ROW + 1, 6).font?.bold).toBe(true);
    expect(sheet.getCell(HEADER_ROW + 2, 4).font?.bold).toBeFalsy();
    const totals = sheet.getRow(HEADER_ROW + 4);
    expect(totals.getCell(3).value).toBe('Cộng phát sinh');
    expect(totals.getCell(3).font?.bold).toBe(true);
    expect(totals.getCell(5).font?.bold).toBe(true);
    expect(totals.getCell(5).numFmt).toBe('#,##0');
  });

  it('puts the notes under the table, and the date line, signatures and seal after the last sheet only', async () => {
    const [cash, usd] = (await workbookOf(documentOf([CASH_BOOK, USD_BOOK]))).worksheets;
    const first = textsOf(cash!);
    expect(first).toContain(CASH_BOOK.notes[0]);
    expect(first).not.toContain('Ngày 31 tháng 10 năm 2024');
    const last = textsOf(usd!);
    const closing = last.slice(last.indexOf('Ngày 31 tháng 10 năm 2024'));
    expect(closing).toEqual([
      'Ngày 31 tháng 10 năm 2024',
      ...SIGNATURES.map((s) => s.title),
      ...SIGNATURES.map((s) => s.hint),
      ...SIGNATURES.map((s) => s.name),
      `(Dấu: ${SEAL})`,
    ]);
  });

  it('writes text given decomposed (NFD) composed (NFC)', async () => {
    const nfd = (text: string) => text.normalize('NFD');
    const sheet = (await workbookOf(documentOf([{ ...CASH_BOOK, title: nfd(CASH_BOOK.title), body: [{ cells: ['2024-10-17', 'PT0001', nfd('Thu tiền ủng hộ'), 1n, null, 1n] }] }]))).worksheets[0]!;
    expect(sheet.getCell(6, 1).value).toBe('SỔ QUỸ TIỀN MẶT');
    expect(sheet.getCell(HEADER_ROW + 2, 3).value).toBe('Thu tiền ủng hộ');
  });
});

describe('print setup', () => {
  const wide: Sheet = { ...CASH_BOOK, name: 'Rộng', columns: [...COLUMNS, ...COLUMNS.filter((c) => c.kind === 'amount')] };
  const long = 'Chi hỗ trợ xây dựng nhà Đại đoàn kết cho hộ nghèo ông Trịnh Văn Lực ở ấp Đa Hòa Bắc theo quyết định số 25/QĐ-BVĐ ngày 15/04/2024';

  it('prints on A4 as the PDF turns it, fitted to the width, the header row on every page, with a footer of the fund and the page', async () => {
    const workbook = await workbookOf(documentOf([CASH_BOOK, wide]));
    const [narrow, broad] = [workbook.worksheets[0]!, workbook.worksheets[1]!];
    expect(narrow.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
    expect(broad.pageSetup.orientation).toBe('landscape');
    expect(narrow.headerFooter.oddFooter).toBe(`&L&8${ISSUER[0]}&R&8Trang &P/&N`);
  });

  it('wraps a long description in its cell and gives its row the height it needs', async () => {
    const sheet: Sheet = { ...CASH_BOOK, body: [{ cells: ['2024-10-17', 'PC0002', long, null, 1n, 1n] }], bodyCount: 1 };
    const worksheet = (await workbookOf(documentOf([sheet]))).worksheets[0]!;
    const row = worksheet.getRow(HEADER_ROW + 2);
    expect(row.getCell(3).value).toBe(long);
    expect(row.getCell(3).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(row.height).toBeGreaterThanOrEqual(45);
    expect(worksheet.getRow(HEADER_ROW + 1).height ?? 15).toBeLessThanOrEqual(15);
  });

  it('merges notes and the seal line across their columns, wrapped, and spreads each signature over its columns', async () => {
    const worksheet = (await workbookOf(documentOf([{ ...CASH_BOOK, notes: [long] }]))).worksheets[0]!;
    const merged = (worksheet.model as unknown as { merges: string[] }).merges;
    const noteRow = Array.from({ length: worksheet.rowCount }, (_, i) => i + 1).find((n) => worksheet.getRow(n).getCell(1).value === long)!;
    expect(merged).toContain(`A${noteRow}:F${noteRow}`);
    expect(worksheet.getRow(noteRow).height).toBeGreaterThan(15);
    const sealRow = Array.from({ length: worksheet.rowCount }, (_, i) => i + 1).find((n) => String(worksheet.getRow(n).getCell(4).value ?? '').startsWith('(Dấu:'))!;
    expect(merged).toContain(`D${sealRow}:F${sealRow}`);
    expect(worksheet.getRow(sealRow).getCell(4).alignment).toMatchObject({ wrapText: true });
    // Widths 11, 9, 38, 14, 14, 14: cut so the narrowest signature is widest (20, 38 and 42).
    const titleRow = Array.from({ length: worksheet.rowCount }, (_, i) => i + 1).find((n) => worksheet.getRow(n).getCell(1).value === SIGNATURES[0]!.title)!;
    expect(merged).toEqual(expect.arrayContaining([`A${titleRow}:B${titleRow}`, `D${titleRow}:F${titleRow}`]));
    expect(merged.filter((m) => m.endsWith(`${titleRow}`) && m.startsWith('C'))).toEqual([]);
    expect([1, 3, 4].map((c) => worksheet.getRow(titleRow).getCell(c).value)).toEqual(SIGNATURES.map((s) => s.title));
  });

  it('gives no signature a narrow code column of its own', async () => {
    const statement: Sheet = {
      ...CASH_BOOK,
      columns: [{ header: 'Mã số', kind: 'text', width: 6 }, { header: 'Chỉ tiêu', kind: 'text', width: 56 }, { header: 'Kỳ này', kind: 'amount', width: 16 }, { header: 'Kỳ trước', kind: 'amount', width: 16 }],
      body: [{ cells: ['01', 'Số dư Quỹ đầu kỳ', 1n, null] }],
      bodyCount: 1,
      foot: [],
    };
    const worksheet = (await workbookOf(documentOf([statement]))).worksheets[0]!;
    const titleRow = Array.from({ length: worksheet.rowCount }, (_, i) => i + 1).find((n) => worksheet.getRow(n).getCell(1).value === SIGNATURES[0]!.title)!;
    expect((worksheet.model as unknown as { merges: string[] }).merges).toContain(`A${titleRow}:B${titleRow}`);
    expect([1, 3, 4].map((c) => worksheet.getRow(titleRow).getCell(c).value)).toEqual(SIGNATURES.map((s) => s.title));
  });
});

describe('printed pages', () => {
  async function printed(count: number, notes = CASH_BOOK.notes): Promise<{ breaks: number[]; lastBody: number; heights: (string | null)[]; xml: string }> {
    const buffer = await bufferOf((out) => writeSheetXlsx(documentOf([{ ...CASH_BOOK, body: receipts(count), bodyCount: count, notes }]), out, { created: CREATED }));
    const zip = await unzipper.Open.buffer(buffer);
    const xml = (await zip.files.find((f) => f.path === 'xl/worksheets/sheet1.xml')!.buffer()).toString('utf8');
    const rows = [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)];
    return {
      breaks: [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1])),
      lastBody: HEADER_ROW + CASH_BOOK.head.length + count,
      heights: rows.map((m) => /customHeight="1"/.test(m[2]!) ? (/ht="([\d.]+)"/.exec(m[2]!)?.[1] ?? null) : null),
      xml,
    };
  }

  it('writes a book’s page count into its closing line, as many pages as its breaks make', async () => {
    for (const count of [5, 60, 150]) {
      const { breaks, xml } = await printed(count, [bookNote('01/01/2024')]);
      const pages = String(breaks.length + 1).padStart(2, '0');
      expect(xml, `${count} rows`).toContain(`Sổ này có ${pages} trang, đánh số từ trang 01 đến trang ${pages}. Ngày mở sổ: 01/01/2024.`);
      if (count === 150) expect(breaks.length).toBeGreaterThan(1);
    }
  });

  it('keeps the last row of the table with its totals and signatures on the last page, whatever the length', async () => {
    let moved = 0;
    for (let count = 30; count <= 75; count += 1) {
      const { breaks, lastBody } = await printed(count);
      const last = breaks.at(-1);
      if (last !== undefined) expect(last, `${count} rows`).toBeLessThan(lastBody);
      if (last === lastBody - 1) moved += 1;
    }
    // Some lengths would have put the signatures over alone; the block went over with the last row.
    expect(moved).toBeGreaterThan(0);
  });

  it('writes every row’s height, so each program paginates the same rows', async () => {
    const { heights } = await printed(5);
    expect(heights.length).toBeGreaterThan(20);
    expect(heights.every((h) => h !== null && Number(h) >= 15)).toBe(true);
  });
});

describe('worksheet names', () => {
  it('replaces characters Excel forbids, cuts to 31 characters and keeps names unique', async () => {
    const names = ['Sổ 111/112: [tiền]*?\\', 'Sổ chi tiết các khoản thu, chi theo từng nguồn quỹ', 'sổ quỹ tiền mặt', 'Sổ quỹ tiền mặt', "'History'", ''];
    const workbook = await workbookOf(documentOf(names.map((name) => ({ ...CASH_BOOK, name }))));
    const written = workbook.worksheets.map((w) => w.name);
    expect(written).toEqual([
      'Sổ 111-112- -tiền----',
      'Sổ chi tiết các khoản thu, chi',
      'sổ quỹ tiền mặt',
      'Sổ quỹ tiền mặt (2)',
      'History 1',
      'Sheet6',
    ]);
    for (const name of written) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});

describe('a long book', () => {
  it('writes every row of a 5,000-row generator body, in order, between the header and the totals', async () => {
    const count = 5000;
    const sheet = (await workbookOf(documentOf([{ ...CASH_BOOK, body: receipts(count), bodyCount: count }]))).worksheets[0]!;
    const numbers: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > HEADER_ROW && /^PT\d+$/.test(String(row.getCell(2).value))) numbers.push(String(row.getCell(2).value));
    });
    expect(numbers).toHaveLength(count);
    expect(numbers[0]).toBe('PT000001');
    expect(numbers.at(-1)).toBe('PT005000');
    const lastBody = sheet.getRow(HEADER_ROW + 1 + count);
    expect(lastBody.getCell(6).value).toBe(100000 * count);
    expect(sheet.getCell(HEADER_ROW + 2 + count, 3).value).toBe('Cộng phát sinh');
  });

  // The zip holds up to 2 MB of output (archiver's buffers) beyond the reader: some 60,000 rows.
  it('reads no further ahead of a stalled reader than its buffers hold, then finishes', { timeout: 60_000 }, async () => {
    const count = 150_000;
    let read = 0;
    let received = 0;
    const held: (() => void)[] = [];
    let stalled = true;
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (stalled) held.push(callback);
        else setImmediate(callback);
      },
    });
    const done = writeSheetXlsx(documentOf([{ ...CASH_BOOK, body: receipts(count, () => (read += 1)), bodyCount: count }]), out);
    // Once the buffers between the body and the stalled reader are full, reading stops.
    const readWhileStalled = await steady(() => read);
    expect(readWhileStalled).toBeGreaterThan(0);
    expect(readWhileStalled).toBeLessThan(count * 0.6);
    stalled = false;
    for (const callback of held.splice(0)) callback();
    await done;
    expect(read).toBe(count);
    expect(received).toBeGreaterThan(0);
  });
});
