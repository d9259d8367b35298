/**
 * The sheet CSV byte for byte: a byte order mark, CRLF lines, RFC 4180 quoting, the header
 * row then head, body and foot with no title lines, amounts as plain decimals in their
 * column's scale and ISO dates; a generator body read lazily, and a slow or stalled reader
 * still given every row without the body being read ahead of it.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bufferOf } from '../../src/export/pdf-stream.js';
import type { Sheet, SheetColumn, SheetRow } from '../../src/export/sheet.js';
import { writeSheetCsv } from '../../src/export/sheet-csv.js';
import { CASH_BOOK } from '../support/sheet-fixture.js';

/** The cash book with text a CSV must quote: a comma, double quotes, a line break. */
const QUOTED_BOOK: Sheet = {
  ...CASH_BOOK,
  body: [
    { cells: ['2024-10-17', 'PT0001', 'Thu tiền ủng hộ của Công ty "Điện lực", chi nhánh Cầu Kè', 1234567n, null, 6234567n] },
    { cells: ['2024-10-18', 'PC0001', 'Chi hỗ trợ\r\nhộ nghèo', null, 7234567n, -1000000n] },
  ],
};

const csvOf = async (sheet: Sheet): Promise<string> => (await bufferOf((out) => writeSheetCsv(sheet, out))).toString('utf8');

function* receipts(count: number, onRead: () => void = () => {}): Generator<SheetRow> {
  for (let i = 0; i < count; i++) {
    onRead();
    yield { cells: ['2024-10-17', `PT${String(i + 1).padStart(6, '0')}`, `Ủng hộ của hộ ông Trịnh Văn Lực số ${i + 1}`, 100000n, null, 100000n * BigInt(i + 1)] };
  }
}

const receiptLine = (i: number): string => `2024-10-17,PT${String(i + 1).padStart(6, '0')},Ủng hộ của hộ ông Trịnh Văn Lực số ${i + 1},100000,,${100000 * (i + 1)}`;

describe('a cash book as CSV', () => {
  it('starts with a byte order mark and writes the header, head, body and foot rows in CRLF lines', async () => {
    const bytes = await bufferOf((out) => writeSheetCsv(QUOTED_BOOK, out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\uFEFF' +
        'Ngày,Số,Diễn giải,Thu,Chi,Tồn\r\n' +
        ',,Số dư đầu kỳ,,,5000000\r\n' +
        '2024-10-17,PT0001,"Thu tiền ủng hộ của Công ty ""Điện lực"", chi nhánh Cầu Kè",1234567,,6234567\r\n' +
        '2024-10-18,PC0001,"Chi hỗ trợ\r\nhộ nghèo",,7234567,-1000000\r\n' +
        ',,Cộng phát sinh,1234567,7234567,\r\n',
    );
  });

  it('leaves out the title, form, subtitle and notes', async () => {
    const csv = await csvOf(CASH_BOOK);
    for (const text of [CASH_BOOK.title, ...CASH_BOOK.form, ...CASH_BOOK.subtitle, ...CASH_BOOK.notes]) expect(csv).not.toContain(text);
  });

  it('writes amounts as plain decimals in their column’s scale, with a point and no separators', async () => {
    const columns: SheetColumn[] = [
      { header: 'VND', kind: 'amount', width: 10 },
      { header: 'USD', kind: 'amount', scale: 2, width: 10 },
      { header: 'Số lượng', kind: 'amount', scale: 3, width: 10 },
    ];
    const rows: SheetRow[] = [
      { cells: [1234567n, 123456n, 12500n] },
      { cells: [-1000000n, -5n, 1n] },
      { cells: [0n, 100n, -1234567n] },
      { cells: [999999999999999n, 99999999999999999n, null] },
    ];
    const csv = await csvOf({ ...CASH_BOOK, columns, head: [], body: rows, bodyCount: rows.length, foot: [] });
    expect(csv.split('\r\n').slice(1)).toEqual([
      '1234567,1234.56,12.500',
      '-1000000,-0.05,0.001',
      '0,1.00,-1234.567',
      '999999999999999,999999999999999.99,',
      '',
    ]);
  });

  it('writes text given decomposed (NFD) composed (NFC)', async () => {
    const csv = await csvOf({ ...CASH_BOOK, head: [], body: [{ cells: ['2024-10-17', 'PT0001', 'Thu tiền ủng hộ'.normalize('NFD'), 1n, null, 1n] }], foot: [] });
    expect(csv).toContain(',Thu tiền ủng hộ,');
  });

  it('keeps text that a spreadsheet would run as a formula from becoming one, and leaves negative amounts as numbers', async () => {
    const csv = await csvOf({ ...CASH_BOOK, head: [], body: [{ cells: ['2024-10-17', 'PT0001', '=HYPERLINK("x")', null, null, -5n] }, { cells: ['2024-10-18', '@SUM', '-Ủng hộ', null, null, 1n] }], bodyCount: 2, foot: [] });
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['2024-10-17,PT0001,"\'=HYPERLINK(""x"")",,,-5', "2024-10-18,'@SUM,'-Ủng hộ,,,1"]);
  });
});

describe('a long book as CSV', () => {
  it('writes every row of a generator body, in order', async () => {
    const count = 5000;
    const lines = (await csvOf({ ...CASH_BOOK, head: [], body: receipts(count), bodyCount: count, foot: [] })).split('\r\n');
    expect(lines).toHaveLength(count + 2);
    expect(lines[1]).toBe(receiptLine(0));
    expect(lines[count]).toBe(receiptLine(count - 1));
    expect(lines.at(-1)).toBe('');
  });

  it('gives a slow reader with a small buffer every row, waiting for it to drain', async () => {
    const count = 20_000;
    const chunks: Buffer[] = [];
    let refused = 0;
    const out = new Writable({
      highWaterMark: 256,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        setTimeout(callback, 1);
      },
    });
    const write = out.write.bind(out);
    out.write = ((...args: Parameters<typeof out.write>) => {
      const accepted = write(...args);
      if (!accepted) refused += 1;
      return accepted;
    }) as typeof out.write;
    await writeSheetCsv({ ...CASH_BOOK, head: [], body: receipts(count), bodyCount: count, foot: [] }, out);
    expect(out.writableFinished).toBe(true);
    expect(refused).toBeGreaterThan(1);
    const lines = Buffer.concat(chunks).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(count + 2);
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: count }, (_, i) => receiptLine(i)));
  });

  it('stops reading the body while a stalled reader has not drained, then finishes', async () => {
    const count = 50_000;
    let read = 0;
    const held: (() => void)[] = [];
    let stalled = true;
    const out = new Writable({
      write(_chunk: Buffer, _encoding, callback) {
        if (stalled) held.push(callback);
        else callback();
      },
    });
    const done = writeSheetCsv({ ...CASH_BOOK, head: [], body: receipts(count, () => (read += 1)), bodyCount: count, foot: [] }, out);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One batch written and waiting: the body is read no further than the next.
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(2000);
    stalled = false;
    for (const callback of held.splice(0)) callback();
    await done;
    expect(read).toBe(count);
  });
});
