/**
 * The sheet PDF read back with pdf.js: Vietnamese text and figures as printed, the page
 * head and "Trang x/y" on every page of a long book, the signatures kept together after
 * the last table and its last rows, text wrapped in its cell, totals carried between pages, sheets on their own pages, orientation, the large-type posting version,
 * repeatable bytes, and a body read lazily from a generator while the output streams to a
 * slow reader.
 */
import { describe, expect, it } from 'vitest';
import { bufferOf } from '../../src/export/pdf-stream.js';
import { writeSheetPdf } from '../../src/export/sheet-pdf.js';
import { rereadable } from '../../src/reports/rereadable.js';
import type { Sheet, SheetColumn, SheetDocument, SheetRow } from '../../src/export/sheet.js';
import { readPdf, type PdfPage } from '../support/pdf-text.js';
import { CASH_BOOK, COLUMNS, ISSUER, SEAL, SIGNATURES, documentOf } from '../support/sheet-fixture.js';
import { slowSink } from '../support/slow-sink.js';

const DATE = new Date('2024-10-17T08:00:00Z');
const A4 = { width: 595.28, height: 841.89 };

const HEADER_ROW = 'Ngày Số Diễn giải Thu Chi Tồn';

const pdfOf = (document: SheetDocument, creationDate = DATE): Promise<Buffer> =>
  bufferOf((out) => writeSheetPdf(document, out, { creationDate }));

async function render(document: SheetDocument): Promise<PdfPage[]> {
  return (await readPdf(await pdfOf(document))).pages;
}

const description = (i: number): string => `Ủng hộ của hộ ông Trịnh Văn Lực số ${i + 1}`;

/** A body of `count` receipts, made as it is read. */
function* receipts(count: number): Generator<SheetRow> {
  for (let i = 0; i < count; i++) {
    yield { cells: ['2024-10-17', `PT${String(i + 1).padStart(4, '0')}`, description(i), 100000n, null, 100000n * BigInt(i + 1)] };
  }
}

/** A sheet whose body is `count` rows made afresh each time it is read. */
const longBook = (count: number, extra: Partial<Sheet> = {}): Sheet => ({ ...CASH_BOOK, body: rereadable(() => receipts(count)), bodyCount: count, ...extra });

const sizeOf = (page: PdfPage) => ({ width: page.width, height: page.height });
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

describe('a small cash book', () => {
  it('prints on one portrait A4 page everything a reader files, Vietnamese intact', async () => {
    const pages = await render(documentOf([CASH_BOOK]));
    expect(pages.map(sizeOf)).toEqual([A4]);
    const page = pages[0]!.flat;
    for (const text of [...ISSUER, ...CASH_BOOK.form, CASH_BOOK.title, ...CASH_BOOK.subtitle, HEADER_ROW, ...CASH_BOOK.notes]) {
      expect(page).toContain(text);
    }
    expect(page).toContain('Số dư đầu kỳ 5.000.000');
    expect(page).toContain('17/10/2024 PT0001 Thu tiền ủng hộ của Công ty Điện lực 1.234.567 6.234.567');
    // A blank amount prints nothing; a negative one keeps its sign.
    expect(page).toContain('18/10/2024 PC0001 Chi hỗ trợ hộ nghèo Thạch Thị Sa Rênh 7.234.567 -1.000.000');
    expect(page).toContain('Cộng phát sinh 1.234.567 7.234.567');
    expect(page).toContain('Trang 1/1');
    expect(page).not.toContain('2024-10-17');
  });

  it('prints amounts in their column’s scale with a decimal comma', async () => {
    const usd: Sheet = {
      ...CASH_BOOK,
      columns: COLUMNS.map((c) => (c.kind === 'amount' ? { ...c, scale: 2 } : c)),
      head: [],
      body: [{ cells: ['2024-10-17', 'PT0002', 'Thu ngoại tệ', 123456n, -5n, 100n] }],
      bodyCount: 1,
      foot: [],
    };
    const page = (await render(documentOf([usd])))[0]!.flat;
    expect(page).toContain('17/10/2024 PT0002 Thu ngoại tệ 1.234,56 -0,05 1,00');
  });

  it('wraps overlong text within its cell, the row growing to hold it, and prints a wide figure whole', async () => {
    const tail = 'ĐOẠNCUỐICŨNGIN';
    const long: Sheet = {
      ...CASH_BOOK,
      head: [],
      body: [
        { cells: ['2024-10-17', 'PT0003', `Thu tiền ủng hộ ${'của các nhà hảo tâm trong và ngoài tỉnh '.repeat(6)}${tail}`, 999999999999999n, null, null] },
        { cells: ['2024-10-18', 'PT0004', 'Dòng kế tiếp', 1n, null, null] },
      ],
      bodyCount: 2,
      foot: [],
    };
    const page = (await render(documentOf([long])))[0]!;
    expect(page.flat).not.toContain('…');
    expect(page.flat).toContain(tail);
    expect(page.flat).toContain('999.999.999.999.999');
    // The description runs over several lines of its own cell, all before the next row.
    const lines = page.text.split('\n');
    const first = lines.findIndex((l) => l.includes('PT0003'));
    const next = lines.findIndex((l) => l.includes('PT0004'));
    expect(next - first).toBeGreaterThanOrEqual(4);
    expect(lines.slice(first + 1, next).join(' ')).toContain(tail);
    expect(page.text).toMatch(/^18\/10\/2024 PT0004 Dòng kế tiếp 1$/m);
  });

  it('cuts with an ellipsis only a cell too long for a whole page', async () => {
    const endless: Sheet = { ...CASH_BOOK, head: [], foot: [], body: [{ cells: ['2024-10-17', 'PT0005', `${'rất dài '.repeat(2000)}KẾTTHÚC`, 1n, null, null] }], bodyCount: 1 };
    const pages = await render(documentOf([endless]));
    expect(pages[0]?.flat).toContain('…');
    expect(pages.map((p) => p.flat).join(' ')).not.toContain('KẾTTHÚC');
  });

  it('prints text given decomposed (NFD) exactly as when given composed (NFC)', async () => {
    const nfd = (text: string) => text.normalize('NFD');
    const decomposed = documentOf(
      [{
        ...CASH_BOOK,
        title: nfd(CASH_BOOK.title),
        columns: COLUMNS.map((c) => ({ ...c, header: nfd(c.header) })),
        body: [{ cells: ['2024-10-17', 'PT0001', nfd('Thu tiền ủng hộ của Công ty Điện lực'), 1234567n, null, 6234567n] }],
        bodyCount: 1,
      }],
      { issuer: ISSUER.map(nfd), signatures: SIGNATURES.map((s) => ({ title: nfd(s.title), hint: nfd(s.hint), name: nfd(s.name) })), seal: nfd(SEAL) },
    );
    const composed = documentOf([{ ...CASH_BOOK, body: [{ cells: ['2024-10-17', 'PT0001', 'Thu tiền ủng hộ của Công ty Điện lực', 1234567n, null, 6234567n] }], bodyCount: 1 }]);
    expect(decomposed.sheets[0]?.title).not.toBe(CASH_BOOK.title);
    expect((await pdfOf(decomposed)).equals(await pdfOf(composed))).toBe(true);
  });
});

describe('a book of 300 rows', () => {
  it('spans several pages, each with the page head, the header row and "Trang i/N"', async () => {
    const pages = await render(documentOf([longBook(300)]));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(sizeOf(page)).toEqual(A4);
      expect(page.flat).toContain(ISSUER[0]);
      expect(page.flat).toContain(CASH_BOOK.title);
      expect(page.flat).toContain(HEADER_ROW);
      expect(page.flat).toContain(`Trang ${i + 1}/${pages.length}`);
      expect(occurrences(page.flat, 'Trang ')).toBe(1);
    });
  });

  it('prints every row once, in order, with the totals after the last', async () => {
    const pages = await render(documentOf([longBook(300)]));
    const all = pages.map((p) => p.flat).join(' ');
    const positions = Array.from({ length: 300 }, (_, i) => all.indexOf(`PT${String(i + 1).padStart(4, '0')} ${description(i)} 100.000`));
    expect(positions.flatMap((p, i) => (p < 0 ? [i] : []))).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(all).toContain('PT0300 Ủng hộ của hộ ông Trịnh Văn Lực số 300 100.000 30.000.000');
    expect(all.indexOf('Cộng phát sinh')).toBeGreaterThan(positions.at(-1)!);
  });

  it('ends with the date line, the signatures and the seal, on the last page only', async () => {
    const pages = await render(documentOf([longBook(300)]));
    const last = pages.at(-1)!.flat;
    const closing = ['Ngày 31 tháng 10 năm 2024', ...SIGNATURES.flatMap((s) => [s.title, s.hint, s.name]), `(Dấu: ${SEAL})`];
    for (const text of closing) expect(last).toContain(text);
    for (const page of pages.slice(0, -1)) {
      for (const s of SIGNATURES) expect(page.flat).not.toContain(s.name);
      expect(page.flat).not.toContain('(Dấu:');
    }
  });

  it('prints no seal line when the fund has no seal, and a signature without a name blank', async () => {
    const signatures = [...SIGNATURES.slice(0, 2), { title: 'Trưởng ban', hint: '(Ký, họ tên, đóng dấu)', name: null }];
    const last = (await render(documentOf([longBook(10)], { seal: null, signatures }))).at(-1)!.flat;
    expect(last).toContain('Trưởng ban');
    expect(last).not.toContain('Dấu:');
    expect(last).not.toContain('Trần Quốc Tuấn');
  });
});

describe('the signature block', () => {
  it('stays whole on one page with the end of its table, counted in "Trang x/y", wherever the page break falls', async () => {
    const closing = ['Ngày 31 tháng 10 năm 2024', ...SIGNATURES.flatMap((s) => [s.title, s.name]), `(Dấu: ${SEAL})`];
    // Longer and longer books walk the page break through the notes and the signatures.
    for (let count = 30; count <= 60; count += 2) {
      const notes = ['Sổ này có … trang, đánh số từ trang 01 đến trang …', 'Ngày mở sổ: 01/10/2024'];
      const pages = await render(documentOf([longBook(count, { notes })]));
      const holding = pages.filter((p) => closing.some((text) => p.flat.includes(text)));
      expect(holding, `${count} rows`).toHaveLength(1);
      for (const text of closing) expect(holding[0]?.flat, `${count} rows`).toContain(text);
      expect(pages.at(-1), `${count} rows`).toBe(holding[0]);
      pages.forEach((page, i) => expect(page.flat, `${count} rows`).toContain(`Trang ${i + 1}/${pages.length}`));
      // Never alone: the last body row and the totals come with it.
      const last = pages.at(-1)!.flat;
      expect(last, `${count} rows`).toContain(`PT${String(count).padStart(4, '0')}`);
      expect(last, `${count} rows`).toContain('Cộng phát sinh');
      expect(last, `${count} rows`).toContain('Diễn giải');
    }
  });

  it('moves the last rows to the next page rather than leave the signatures alone there', async () => {
    // Enough rows that the table ends near the foot of page 1, with no room for the signatures.
    const sizes = [];
    for (let count = 20; count <= 45; count++) {
      const pages = await render(documentOf([longBook(count)]));
      sizes.push(pages.length);
      if (pages.length === 2) {
        expect(pages[1]?.flat).toContain('Cộng phát sinh');
        expect(pages[1]?.flat).toContain(`PT${String(count).padStart(4, '0')}`);
        expect(pages[0]?.flat).not.toContain('Cộng phát sinh');
      }
    }
    expect(sizes).toContain(1);
    expect(sizes).toContain(2);
  });
});

describe('a book carrying its totals from page to page', () => {
  const carrying = (count: number): Sheet => longBook(count, { carry: { label: 2, sums: [3, 4], last: [5] } });

  it('ends each page but the last with the sums so far and starts each but the first with them', async () => {
    const pages = await render(documentOf([carrying(300)]));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    let carried = 0n;
    pages.forEach((page, i) => {
      const rows = [...page.flat.matchAll(/PT(\d{4}) /g)].map((m) => Number(m[1]));
      if (i > 0) expect(page.flat).toMatch(new RegExp(`Số trang trước chuyển sang ${fmt(carried)} ${fmt(carried)}`));
      carried = 100000n * BigInt(Math.max(...rows));
      if (i < pages.length - 1) expect(page.flat).toContain(`Cộng chuyển sang trang sau ${fmt(carried)} ${fmt(carried)}`);
      else expect(page.flat).not.toContain('Cộng chuyển sang trang sau');
    });
    expect(pages[0]?.flat).not.toContain('Số trang trước chuyển sang');
  });

  it('prints no carried rows on a book of one page, nor on a sheet that carries nothing', async () => {
    const one = (await render(documentOf([carrying(5)]))).map((p) => p.flat).join(' ');
    expect(one).not.toContain('chuyển sang');
    const plain = (await render(documentOf([longBook(300)]))).map((p) => p.flat).join(' ');
    expect(plain).not.toContain('chuyển sang');
  });
});

const fmt = (value: bigint): string => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('a document of two sheets', () => {
  const bankBook: Sheet = { ...CASH_BOOK, name: 'So tien gui', title: 'SỔ TIỀN GỬI NGÂN HÀNG, KHO BẠC', subtitle: ['Nơi mở tài khoản: Kho bạc Nhà nước Cầu Kè'] };

  it('starts each sheet on a new page and numbers the pages across the document', async () => {
    const pages = await render(documentOf([longBook(120), bankBook]));
    const first = pages.findIndex((p) => p.flat.includes(bankBook.title));
    expect(first).toBeGreaterThan(0);
    for (const page of pages.slice(0, first)) {
      expect(page.flat).toContain(CASH_BOOK.title);
      expect(page.flat).not.toContain(bankBook.title);
      // The signatures close the document, not each sheet.
      expect(page.flat).not.toContain('Trần Quốc Tuấn');
    }
    for (const page of pages.slice(first)) {
      expect(page.flat).toContain(bankBook.title);
      expect(page.flat).not.toContain(CASH_BOOK.title);
    }
    const cashPages = pages.slice(0, first).map((p) => p.flat).join(' ');
    expect(cashPages).toContain('PT0120 Ủng hộ của hộ ông Trịnh Văn Lực số 120');
    expect(cashPages.indexOf(CASH_BOOK.notes[0]!)).toBeGreaterThan(cashPages.indexOf('Cộng phát sinh 1.234.567 7.234.567'));
    expect(cashPages.indexOf('Cộng phát sinh')).toBeGreaterThan(0);
    expect(pages[first]?.flat).toContain('17/10/2024 PT0001 Thu tiền ủng hộ của Công ty Điện lực 1.234.567');
    pages.forEach((page, i) => expect(page.flat).toContain(`Trang ${i + 1}/${pages.length}`));
    expect(pages.at(-1)?.flat).toContain('Trần Quốc Tuấn');
  });
});

describe('orientation', () => {
  it('is portrait for a narrow sheet and landscape for a wide one', async () => {
    const wide: Sheet = {
      ...CASH_BOOK,
      title: 'SỔ CHI TIẾT VẬT TƯ, HÀNG HÓA',
      columns: Array.from({ length: 9 }, (_, i): SheetColumn => ({ header: `Cột ${i + 1}`, kind: i === 0 ? 'text' : 'amount', scale: 3, width: 14 })),
      head: [],
      body: [{ cells: ['Gạo tẻ', 12500n, 1000n, null, -1n, 0n, '', null, 7n] }],
      bodyCount: 1,
      foot: [],
    };
    const pages = await render(documentOf([CASH_BOOK, wide]));
    expect(pages.map(sizeOf)).toEqual([A4, { width: A4.height, height: A4.width }]);
    expect(pages[1]!.width).toBeGreaterThan(pages[1]!.height);
    expect(pages[1]?.flat).toContain('Gạo tẻ 12,500 1,000 -0,001 0,000 0,007');
  });
});

describe('a posting version (scale 1.5)', () => {
  const rowsOn = (page: PdfPage): number => occurrences(page.flat, ' PT0');

  it('puts fewer rows on each page than the usual print, so a book takes more pages', async () => {
    const usual = await render(documentOf([longBook(200)]));
    const posting = await render(documentOf([longBook(200)], { scale: 1.5 }));
    expect(posting.length).toBeGreaterThan(usual.length);
    expect(rowsOn(posting[0]!)).toBeLessThan(rowsOn(usual[0]!));
    posting.forEach((page, i) => expect(page.flat).toContain(`Trang ${i + 1}/${posting.length}`));
  });

  it('still prints the title, every cell and the closing, in large type', async () => {
    const pages = await render(documentOf([longBook(200)], { scale: 1.5 }));
    for (const page of pages) expect(page.flat).toContain(CASH_BOOK.title);
    const all = pages.map((p) => p.flat).join(' ');
    expect(all).toContain('17/10/2024 PT0150 Ủng hộ của hộ ông Trịnh Văn Lực số 150 100.000 15.000.000');
    const missing = Array.from({ length: 200 }, (_, i) => i).filter((i) => !all.includes(`PT${String(i + 1).padStart(4, '0')} ${description(i)} 100.000`));
    expect(missing).toEqual([]);
    const last = pages.at(-1)!.flat;
    for (const text of ['Ngày 31 tháng 10 năm 2024', ...SIGNATURES.flatMap((s) => [s.title, s.name]), `(Dấu: ${SEAL})`]) expect(last).toContain(text);
  });

  it('turns landscape once the columns times the scale no longer fit portrait', async () => {
    // 110 characters fit portrait at scale 1; at 1.5 that is 73 (73 × 1.5 = 109.5), not 74.
    const sheetOf = (characters: number): Sheet => ({
      ...CASH_BOOK,
      columns: [{ header: 'Ngày', kind: 'date', width: 11 }, { header: 'Diễn giải', kind: 'text', width: characters - 25 }, { header: 'Số tiền', kind: 'amount', width: 14 }],
      head: [],
      body: [{ cells: ['2024-10-17', 'Thu tiền ủng hộ', 1234567n] }],
      bodyCount: 1,
      foot: [],
    });
    const landscape = { width: A4.height, height: A4.width };
    const firstPage = async (sheet: Sheet, scale?: number) => sizeOf((await render(documentOf([sheet], { scale })))[0]!);
    // The cash book, 100 characters wide, is portrait as usual but too wide for portrait in large type.
    expect(await firstPage(CASH_BOOK)).toEqual(A4);
    expect(await firstPage(CASH_BOOK, 1.5)).toEqual(landscape);
    expect(await firstPage(sheetOf(73), 1.5)).toEqual(A4);
    expect(await firstPage(sheetOf(74), 1.5)).toEqual(landscape);
    expect(await firstPage(sheetOf(74))).toEqual(A4);
  });

  it('prints at scale 1 exactly as with no scale given, and refuses a scale that is not a positive number', async () => {
    expect((await pdfOf(documentOf([longBook(80)], { scale: 1 }))).equals(await pdfOf(documentOf([longBook(80)])))).toBe(true);
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { sink } = slowSink();
      await expect(writeSheetPdf(documentOf([CASH_BOOK], { scale }), sink, { creationDate: DATE })).rejects.toThrow(RangeError);
      expect(sink.writableFinished).toBe(false);
    }
  });
});

describe('the PDF file', () => {
  it('is byte-identical for the same document and creation date', async () => {
    const a = await pdfOf(documentOf([longBook(80), CASH_BOOK]));
    const b = await pdfOf(documentOf([longBook(80), CASH_BOOK]));
    const later = await pdfOf(documentOf([longBook(80), CASH_BOOK]), new Date('2025-01-01T00:00:00Z'));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(later)).toBe(false);
  });

  it('is titled after its first sheet unless told otherwise', async () => {
    const { info } = await readPdf(await pdfOf(documentOf([CASH_BOOK])));
    expect(info).toMatchObject({ Title: 'SỔ QUỸ TIỀN MẶT', Producer: 'fund-ledger' });
    const titled = await bufferOf((out) => writeSheetPdf(documentOf([CASH_BOOK]), out, { creationDate: DATE, title: 'Sổ quỹ tháng 10' }));
    expect((await readPdf(titled)).info).toMatchObject({ Title: 'Sổ quỹ tháng 10' });
  });
});

describe('writeSheetPdf', () => {
  it('reads a generator body as it draws, streaming pages to a slow reader before the body ends', async () => {
    const { sink, chunks } = slowSink();
    const count = 400;
    let receivedBeforeLast = -1;
    function* body(): Generator<SheetRow> {
      for (const [i, row] of [...receipts(count)].entries()) {
        if (i === count - 1) receivedBeforeLast = Buffer.concat(chunks).length;
        yield row;
      }
    }
    await writeSheetPdf(documentOf([{ ...CASH_BOOK, body: rereadable(body), bodyCount: count }]), sink, { creationDate: DATE });
    expect(sink.writableFinished).toBe(true);
    const streamed = Buffer.concat(chunks);
    expect(receivedBeforeLast).toBeGreaterThan(10_000);
    expect(streamed.equals(await pdfOf(documentOf([longBook(count)])))).toBe(true);
    const pages = (await readPdf(streamed)).pages;
    expect(pages.at(-1)?.flat).toContain(`Trang ${pages.length}/${pages.length}`);
  });

  it('rejects, leaving the output unfinished, when the body does not yield bodyCount rows', async () => {
    for (const [yielded, counted] of [[5, 6], [7, 6]] as const) {
      const { sink } = slowSink();
      await expect(writeSheetPdf(documentOf([longBook(yielded, { bodyCount: counted })]), sink, { creationDate: DATE })).rejects.toThrow(/bodyCount 6/);
      expect(sink.writableFinished).toBe(false);
    }
  });

  it('rejects a body that cannot be read a second time (a bare generator)', async () => {
    const { sink } = slowSink();
    await expect(writeSheetPdf(documentOf([{ ...CASH_BOOK, body: receipts(50), bodyCount: 50 }]), sink, { creationDate: DATE })).rejects.toThrow(/0 body rows, not its bodyCount 50/);
    expect(sink.writableFinished).toBe(false);
  });

  it('rejects when the body fails', async () => {
    const { sink } = slowSink();
    function* failing(): Generator<SheetRow> {
      yield* receipts(100);
      throw new Error('query failed');
    }
    await expect(writeSheetPdf(documentOf([{ ...CASH_BOOK, body: rereadable(failing), bodyCount: 200 }]), sink, { creationDate: DATE })).rejects.toThrow('query failed');
    expect(sink.writableFinished).toBe(false);
  });
});
