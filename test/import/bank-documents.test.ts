/**
 * Bank statements imported from the banks' own documents: a Vietcombank and an Agribank PDF
 * drawn here in the banks' shapes (text at the banks' column positions, remarks wrapped over
 * lines, page footers, Agribank's header block of counts and sums), a VBSP workbook with its
 * title rows, NBSP-prefixed texts, month-first date cells and footer total, and a scan with no
 * text; then the three real documents of the 2024 campaign (../shared/data/yagi, skipped when
 * absent) with the banks' own figures.
 */
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importStatement, type StatementImport } from '../../src/app/bank/import-statement.js';
import type { Store } from '../../src/db/store.js';
import { createFontedDocument } from '../../src/export/pdf-fonts.js';
import type { Result } from '../../src/ledger/rejections.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

const ACCOUNT = '111222333';

function run(store: Store, bytes: Buffer, fileName: string) {
  return importStatement(store, { entity: FUND.code, bankAccount: ACCOUNT, fileName, open: () => Readable.from([bytes]), actor: ACTOR });
}

/** The import's value; a refusal fails the test with its code, path and detail. */
function accepted(result: Result<StatementImport>): StatementImport {
  if (!result.ok) throw new Error(`${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
  return result.value;
}

function fresh(): Store {
  const store = freshStore();
  createFund(store);
  return store;
}

const rowsOf = (store: Store) =>
  store.sqlite.prepare('SELECT ordinal, posted_on AS postedOn, time, debit, credit, balance, ref, sender, remark FROM bank_statement_rows ORDER BY ordinal').all() as {
    ordinal: number; postedOn: string; time: string | null; debit: number; credit: number; balance: number | null; ref: string | null; sender: string | null; remark: string;
  }[];

/** A text drawn at x (its right edge where it is an amount), in points from the page's left. */
interface Drawn {
  readonly text: string;
  readonly x: number;
  readonly right?: boolean;
  readonly size?: number;
}

/** A line of a page: its texts at y, in points from the page's top. */
interface PrintedLine {
  readonly y: number;
  readonly texts: readonly Drawn[];
}

/** An A4 PDF whose pages print the lines given, in DejaVu Serif as the project's documents are. */
async function printedPdf(pages: readonly (readonly PrintedLine[])[], draw?: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = createFontedDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  for (const page of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    draw?.(doc);
    for (const line of page) {
      for (const t of line.texts) {
        doc.fontSize(t.size ?? 7);
        doc.text(t.text, t.right ? t.x - doc.widthOfString(t.text) : t.x, line.y, { lineBreak: false });
      }
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const dots = (n: bigint) => `${n.toLocaleString('de-DE')},00`;
const commas = (n: bigint) => n.toLocaleString('en-US');
const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);

/** A statement row as the bank prints it: wrapped cells are their lines. */
interface PrintedRow {
  readonly at: string;
  readonly debit?: bigint;
  readonly credit?: bigint;
  readonly sender?: readonly string[];
  readonly remark: readonly string[];
  readonly ref?: string;
}

describe('a Vietcombank "THỐNG KÊ GIAO DỊCH" PDF', () => {
  const TITLES: readonly [string, number][] = [['STT', 32.6], ['Ngày giờ giao dịch', 68.3], ['Số tiền ghi nợ', 154.8], ['Số tiền ghi có', 236.2], ['Tên người chuyển', 321.3], ['Nội dung chi tiết', 458.7]];
  const ROWS: readonly PrintedRow[] = [
    { at: '24/09/2024 0:00:39', credit: 500_000n, sender: ['PHAM THANH THUY'], remark: ['MBVCB.7118029336.Cau mong To Quoc', 'duoc yen binh.CT tu 0021000318*** PHAM', 'THANH THUY toi 0011001932418'] },
    { at: '24/09/2024 0:01:09', credit: 100_000n, sender: ['Chuyen tien lien ngan', 'hang'], remark: ['135039.240924.000109.Vuong Ngoc Khanh', 'ủng hộ đồng bào miền Bắc'] },
    { at: '24/09/2024 9:05:00', debit: 2_200n, remark: ['Thu phí SMS Banking'] },
    { at: '24/09/2024 10:12:44', credit: 1_000_000n, sender: ['NGUYEN THI BICH', 'HUYEN'], remark: ['MBVCB.7118032309.Bao Yagi.CT tu', '0071000673*** toi 0011001932418'] },
    { at: '24/09/2024 22:44:28', credit: 50_000n, sender: ['LE VAN AN'], remark: ['IBVCB.ung ho'] },
  ];

  /** A page: the header, then each row from its STT line down, then the page's footer. */
  function page(rows: readonly PrintedRow[], first: number, top: readonly PrintedLine[], bottom: readonly PrintedLine[], n: number, of: number): PrintedLine[] {
    const lines: PrintedLine[] = [...top, { y: (top.at(-1)?.y ?? 20) + 20, texts: TITLES.map(([text, x]) => ({ text, x })) }];
    let y = (lines.at(-1) as PrintedLine).y + 30;
    rows.forEach((row, i) => {
      const depth = Math.max(row.sender?.length ?? 0, row.remark.length);
      for (let k = 0; k < depth; k++) {
        const texts: Drawn[] = k > 0 ? [] : [
          { text: String(first + i), x: 42.3, right: true }, { text: row.at, x: 64 },
          ...(row.debit ? [{ text: dots(row.debit), x: 222, right: true }] : []), ...(row.credit ? [{ text: dots(row.credit), x: 302.8, right: true }] : []),
        ];
        const sender = row.sender?.[k];
        const remark = row.remark[k];
        lines.push({ y: y + 12 * k, texts: [...texts, ...(sender ? [{ text: sender, x: 312 }] : []), ...(remark ? [{ text: remark, x: 408 }] : [])] });
      }
      y += 12 * depth + 18;
    });
    return [...lines, ...bottom.map((l) => ({ ...l, y: l.y + y })),
      { y: 771, texts: [{ text: 'Postal address:', x: 28 }, { text: 'Telex', x: 414 }, { text: ': (0805) 411504 VCB - VT', x: 441 }] },
      { y: 781, texts: [{ text: '198 TRAN QUANG KHAI AVENUE', x: 28 }, { text: 'Swift', x: 414 }, { text: ': BFTV VNVX', x: 441 }] },
      { y: 814, texts: [{ text: `Page ${n} of ${of}`, x: 508 }] }];
  }

  const TOP: readonly PrintedLine[] = [
    { y: 40, texts: [{ text: 'THỐNG KÊ GIAO DỊCH', x: 382, size: 14 }] },
    { y: 85, texts: [{ text: 'Tên tài khoản:', x: 24 }, { text: 'MAT TRAN TO QUOC VN - BAN CUU TRO TW', x: 90 }, { text: 'Ngày thực hiện: 25/09/2024', x: 463 }] },
    { y: 133, texts: [{ text: 'Số tài khoản:', x: 24 }, { text: '0011001932418', x: 90 }] },
    { y: 169, texts: [{ text: 'Từ:', x: 24 }, { text: '24/09/2024', x: 89 }, { text: 'Đến:', x: 180 }, { text: '24/09/2024', x: 243 }] },
  ];
  const CLOSING: readonly PrintedLine[] = [
    { y: 0, texts: [{ text: 'Ghi chú: Quý khách sử dụng bản này đúng mục đích, đảm bảo tuân thủ pháp luật Việt Nam về bảo mật thông tin', x: 24 }] },
    { y: 13, texts: [{ text: 'dữ liệu cá nhân ./.', x: 24 }] },
  ];
  const pdf = () => printedPdf([page(ROWS.slice(0, 3), 1, TOP, [], 1, 2), page(ROWS.slice(3), 4, [], CLOSING, 2, 2)]);

  it('rebuilds each row from where its text stands: wrapped senders and remarks joined, both sides, the time, footers and the closing note left out', async () => {
    const store = fresh();
    const imported = accepted(await run(store, await pdf(), 'thong-ke.pdf'));
    const credits = ROWS.flatMap((r) => (r.credit ? [r.credit] : []));
    const debits = ROWS.flatMap((r) => (r.debit ? [r.debit] : []));
    expect(imported.batch.layout).toBe('vcb-thong-ke');
    expect(imported.figures).toMatchObject({ rows: ROWS.length, credits: { count: credits.length, sum: sum(credits) }, debits: { count: debits.length, sum: sum(debits) }, firstDay: '2024-09-24', lastDay: '2024-09-24' });
    expect(rowsOf(store)).toEqual(ROWS.map((r, i) => ({
      ordinal: i + 1, postedOn: '2024-09-24', time: (r.at.split(' ')[1] as string).padStart(8, '0'), debit: Number(r.debit ?? 0n), credit: Number(r.credit ?? 0n), balance: null, ref: null,
      sender: r.sender ? r.sender.join(' ') : null, remark: r.remark.join(' '),
    })));
  });

  it('refuses a PDF with no text layer, a scan, naming what to give instead', async () => {
    const scan = await printedPdf([[], []], (doc) => doc.rect(40, 40, 500, 700).fill('#777'));
    const refused = await run(fresh(), scan, 'scan.pdf');
    expect(refused).toMatchObject({ ok: false, code: 'statement_scanned', path: 'file' });
    expect(!refused.ok && refused.detail).toMatch(/no text layer.*text PDF or a CSV or XLSX export/);
  });
});

describe('an Agribank "SỔ PHỤ / STATEMENT" PDF', () => {
  const OPENING = 58_171_509_961n;
  const ROWS: readonly PrintedRow[] = [
    { at: '17/09/2024', credit: 200_000n, remark: ['NGUYEN THI QUYNH ung ho bao', 'lut a'], ref: '4708853' },
    { at: '17/09/2024', debit: 11_000n, remark: ['Phí dịch vụ SMS Banking'], ref: '1460OTT241014092' },
    { at: '17/09/2024', credit: 5_000_000n, remark: ['Trường THPT Phúc Thọ ủng hộ', 'đồng bào bị bão lũ'] },
    { at: '17/09/2024', credit: 100_000n, remark: ['MB(457371)(NGUYEN CONG', 'THUAN ung ho cac tinh bao lu lut)'], ref: '20240917457371' },
    { at: '17/09/2024', credit: 29_000_000n, remark: ['Gd Ong Chu Duc Chi ung ho'], ref: '94780275' },
  ];
  const credits = ROWS.flatMap((r) => (r.credit ? [r.credit] : []));
  const debits = ROWS.flatMap((r) => (r.debit ? [r.debit] : []));
  const balances = ROWS.reduce<bigint[]>((list, r) => [...list, (list.at(-1) ?? OPENING) + (r.credit ?? 0n) - (r.debit ?? 0n)], []);
  const CLOSING = balances.at(-1) as bigint;

  const branch: PrintedLine[] = [
    { y: 22, texts: [{ text: 'Chi nhánh:', x: 21 }, { text: 'Chi nhánh TP Hà Nội', x: 91 }] },
    { y: 35, texts: [{ text: 'Địa chỉ:', x: 21 }, { text: 'Số 77, Phố Lạc Trung, Quận Hai Bà Trưng, TP Hà Nội', x: 91 }] },
  ];
  const titles = (y: number): PrintedLine[] => [
    { y, texts: [{ text: 'Ngày', x: 36 }, { text: 'Ghi chú', x: 124 }, { text: 'Nợ', x: 240 }, { text: 'Có', x: 314 }, { text: 'Số dư', x: 396 }, { text: 'Số tham chiếu', x: 487 }] },
    { y: y + 8, texts: [{ text: 'Date', x: 39 }, { text: 'Remark', x: 127 }, { text: 'Dr', x: 241 }, { text: 'Cr', x: 316 }, { text: 'Balance', x: 394 }, { text: 'Ref. no', x: 504 }] },
  ];
  const footer = (n: number): PrintedLine[] => [
    { y: 825, texts: [{ text: 'Người in: HNTBHA Thời gian in: 18/09/2024 13:17:18', x: 397 }] },
    { y: 826, texts: [{ text: 'Website: www.agribank.com.vn.', x: 21 }, { text: `${n}/2`, x: 306 }] },
  ];
  /** The header block's figures as the bank prints them. */
  const block = (printed: { creditSum: bigint }): PrintedLine[] => [
    { y: 65, texts: [{ text: 'SỔ PHỤ / STATEMENT', x: 222, size: 12 }] },
    { y: 90, texts: [{ text: 'Tên khách hàng', x: 21 }, { text: '/ Customer name :', x: 89 }, { text: 'Ủy Ban Mặt Trận Tổ Quốc Việt Nam TP Hà Nội', x: 157 }] },
    { y: 160, texts: [{ text: 'Số tài khoản', x: 21 }, { text: '/ A/C No', x: 79 }, { text: ':', x: 113 }, { text: '1500201113838', x: 119 }] },
    { y: 177, texts: [{ text: 'Ngày phát sinh trước', x: 21 }, { text: '/ Prior Statement :', x: 119 }, { text: '16/09/2024', x: 190 }, { text: commas(OPENING), x: 261 }, { text: 'Doanh số nợ tháng', x: 328 }, { text: '/ Monthly less debit :', x: 414 }] },
    { y: 194, texts: [{ text: 'Số dư cuối ngày', x: 21 }, { text: '/ Ending balance', x: 100 }, { text: ':', x: 173 }, { text: '17/09/2024', x: 190 }, { text: commas(CLOSING), x: 261 }, { text: 'Doanh số có tháng', x: 328 }, { text: '/ Monthly plus credit:', x: 414 }, { text: commas(CLOSING), x: 510 }] },
    { y: 211, texts: [{ text: 'Số bút toán/Doanh số nợ', x: 21 }, { text: '/ Less debit', x: 128 }, { text: ':', x: 173 }, { text: String(debits.length), x: 214, right: true }, { text: commas(sum(debits)), x: 266 }, { text: 'Doanh số nợ năm', x: 328 }, { text: '/ Annual less debit', x: 408 }, { text: ':', x: 479 }, { text: '346,471,300', x: 524 }] },
    { y: 228, texts: [{ text: 'Số bút toán/Doanh số có', x: 21 }, { text: '/ Plus credit', x: 129 }, { text: ':', x: 173 }, { text: String(credits.length), x: 214, right: true }, { text: commas(printed.creditSum), x: 266 }, { text: 'Doanh số có năm', x: 328 }, { text: '/ Annual plus credit', x: 407 }, { text: ':', x: 479 }, { text: '63,583,057,714', x: 512 }] },
  ];
  /** The rows' lines from y, each row's first line with its date, amounts, balance and Ref. */
  function rowLines(rows: readonly PrintedRow[], from: number, y: number): PrintedLine[] {
    return rows.flatMap((row, i) => {
      const top = y + rows.slice(0, i).reduce((h, r) => h + 10.3 * r.remark.length + 13, 0);
      return row.remark.map((remark, k) => ({
        y: top + 10.3 * k,
        texts: [{ text: remark, x: 71 }, ...(k > 0 ? [] : [
          { text: row.at, x: 25 }, ...(row.debit ? [{ text: commas(row.debit), x: 290, right: true }] : []), ...(row.credit ? [{ text: commas(row.credit), x: 357.1, right: true }] : []),
          { text: commas(balances[from + i] as bigint), x: 456.5, right: true }, ...(row.ref ? [{ text: row.ref, x: 459.4 }] : []),
        ])],
      }));
    });
  }
  /** Two pages; the fourth row's remark goes on over the page break. */
  function pdf(printed = { creditSum: sum(credits) }) {
    const first = rowLines(ROWS.slice(0, 4), 0, 280);
    const carried = first.pop() as PrintedLine;
    return printedPdf([
      [...branch, ...block(printed), ...titles(255), ...first, ...footer(1)],
      [...branch, ...titles(60), { ...carried, y: 85 }, ...rowLines(ROWS.slice(4), 4, 100), ...footer(2)],
    ]);
  }

  it('reads the rows and the running balance, and checks them against the counts, sums and balances of the header block', async () => {
    const store = fresh();
    const imported = accepted(await run(store, await pdf(), 'so-phu.pdf'));
    expect(imported.batch.layout).toBe('agribank-so-phu');
    expect(imported.figures).toMatchObject({
      rows: ROWS.length, credits: { count: credits.length, sum: sum(credits) }, debits: { count: debits.length, sum: sum(debits) }, opening: OPENING, closing: CLOSING, balancesChecked: ROWS.length - 1, break: null,
    });
    expect(rowsOf(store)).toEqual(ROWS.map((r, i) => ({
      ordinal: i + 1, postedOn: '2024-09-17', time: null, debit: Number(r.debit ?? 0n), credit: Number(r.credit ?? 0n), balance: Number(balances[i]), ref: r.ref ?? null, sender: null, remark: r.remark.join(' '),
    })));
  });

  it('refuses the statement when its rows do not add up to the credits the header block prints', async () => {
    const refused = await run(fresh(), await pdf({ creditSum: sum(credits) + 1n }), 'so-phu.pdf');
    expect(refused).toMatchObject({ ok: false, code: 'statement_control_mismatch', path: 'file' });
    expect(!refused.ok && refused.detail).toContain(`the statement prints credits of ${sum(credits) + 1n}`);
  });
});

describe('a VBSP workbook', () => {
  const HEADER = ['Stt', 'Ngày giao dịch', 'Ngày giá trị', 'Nội dung giao dịch', 'Số tiền giao dịch', 'Số dư tài khoản', 'Số tiền giao dịch', 'Số dư tài khoản lũy kế'];
  /** Rows as the cells hold them: a posting date as text, or as the date a spreadsheet made of it. */
  const ROWS: readonly { posted: string | Date; valueDate: string; remark: string; credit: bigint; postedOn: string }[] = [
    // Typed 10/09/2024, read month first by a spreadsheet: 9 October.
    { posted: new Date(Date.UTC(2024, 9, 9)), valueDate: '10/09/2024', remark: 'PAYTRON - CREDIT ( Ref: CT24091008628168 ) ung ho dong bao Mien Bac-MOB CHANNEL -000101', credit: 500_000n, postedOn: '2024-09-10' },
    { posted: '10/09/2024', valueDate: '10/09/2024', remark: 'PAYTRON - CREDIT ( Ref: CT24091008628159 ) Ung ho ba con mien bac-MOB CHANNEL -000101', credit: 200_000n, postedOn: '2024-09-10' },
    // A date cell whose value date agrees with the date it holds.
    { posted: new Date(Date.UTC(2024, 8, 11)), valueDate: '11/09/2024', remark: 'LPSInProcess WICS IBPS Credit ( Ref: LPSF011024266515 ) LIEN DOAN LAO DONG TP DA NANG ung ho', credit: 146_188_800n, postedOn: '2024-09-11' },
    { posted: '30/09/2024', valueDate: '01/10/2024', remark: 'PAYTRON - CREDIT ( Ref: CT24100109148587 ) Thanh toán cho số chứng từ', credit: 9_946_526n, postedOn: '2024-09-30' },
  ];
  const nbsp = (text: string): ExcelJS.CellRichTextValue => ({ richText: [{ text: '\u00a0' }, { font: { size: 8 }, text }] });

  async function workbook(footer = sum(ROWS.map((r) => r.credit))): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('01 10');
    sheet.addRow(['SAO KÊ TÀI KHOẢN ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TP ĐÀ NẴNG (SỐ TIỀN CHUYỂN VÀO TK)']);
    sheet.addRow([null, 'Từ ngày 10/9 đến 15h30 ngày 01/10/2024 ']);
    sheet.addRow([null, 'Số tài khoản: 1000007062914729 tại Ngân hàng Chính sách xã hội TP Đà Nẵng']);
    sheet.addRow([null, 'Đvt: đồng']);
    sheet.addRow(HEADER);
    sheet.addRow(['Số dư đầu:', null, null, null, null, null, null, 0]);
    let balance = 0n;
    ROWS.forEach((r, i) => {
      balance += r.credit;
      const row = sheet.addRow([i + 1, typeof r.posted === 'string' ? `\u00a0${r.posted}` : r.posted, `\u00a0${r.valueDate}`, `\u00a0${r.remark}`, nbsp(commas(r.credit)), nbsp(commas(balance)),
        { formula: `VALUE(MID(SUBSTITUTE(E${7 + i},",",""),2,100))`, result: Number(r.credit) }]);
      if (r.posted instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd';
    });
    const last = 6 + ROWS.length;
    sheet.addRow([null, null, null, 'Phát sinh đến 15h30 ngày 01/10', null, null, { formula: `SUM(G7:G${last})`, result: Number(footer) }, { formula: `G${last + 1}`, result: Number(footer) }]);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reads the rows under the title rows, each date as the bank typed it, and checks the footer total', async () => {
    const store = fresh();
    const imported = accepted(await run(store, await workbook(), 'vbsp.xlsx'));
    expect(imported.batch.layout).toBe('vbsp-excel');
    expect(imported.figures).toMatchObject({ rows: ROWS.length, credits: { count: ROWS.length, sum: sum(ROWS.map((r) => r.credit)) }, debits: { count: 0 }, opening: null, balancesChecked: 0 });
    expect(rowsOf(store).map((r) => [r.postedOn, r.credit, r.balance, r.remark])).toEqual(ROWS.map((r) => [r.postedOn, Number(r.credit), null, r.remark]));
  });

  it('refuses the workbook when its rows do not give the footer total, and a workbook that cannot be read', async () => {
    const total = sum(ROWS.map((r) => r.credit));
    const refused = await run(fresh(), await workbook(total - 1n), 'vbsp.xlsx');
    expect(refused).toMatchObject({ ok: false, code: 'statement_control_mismatch', path: 'file' });
    expect(!refused.ok && refused.detail).toContain(`the statement prints credits of ${total - 1n}`);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a workbook')]);
    const unreadable = await run(fresh(), broken, 'broken.xlsx');
    expect(unreadable).toMatchObject({ ok: false, code: 'statement_layout_unknown', path: 'file' });
    expect(!unreadable.ok && unreadable.detail).toContain('not an XLSX workbook');
  });
});

const YAGI = '../shared/data/yagi';
/** The real documents and the banks' own figures for each (data/yagi/README.md). */
const DOCUMENTS = [
  { file: 'vcb-0011001932418_2024-09-24.pdf', account: '0011001932418', layout: 'vcb-thong-ke', rows: 6_928, credits: 19_601_291_008n, days: ['2024-09-24', '2024-09-24'] },
  { file: 'agribank-1500201113838_2024-09-16_17.pdf', account: '1500201113838', layout: 'agribank-so-phu', rows: 739, credits: 5_360_300_053n, opening: 58_171_509_961n, closing: 63_531_810_014n, withoutRef: 5 },
  { file: 'vbsp-1000007062914729_2024-09-10_10-01.xlsx', account: '1000007062914729', layout: 'vbsp-excel', rows: 3_599, credits: 36_419_678_521n, days: ['2024-09-10', '2024-10-01'] },
] as const;

describe.skipIf(!existsSync(YAGI))('the banks’ own documents of the 2024 campaign', () => {
  it.each(DOCUMENTS.map((d) => [d.file, d] as const))('%s reproduces the bank’s figures', async (_file, sample) => {
    const store = freshStore();
    createFund(store, { bankAccounts: [{ kind: 'bank', institution: 'Ngân hàng', number: sample.account, accountCode: '1121' }] });
    const imported = accepted(await importStatement(store, { entity: FUND.code, bankAccount: sample.account, fileName: sample.file, open: () => createReadStream(`${YAGI}/${sample.file}`), actor: ACTOR }));
    const { figures, batch } = imported;
    expect(batch.layout).toBe(sample.layout);
    expect(figures).toMatchObject({ rows: sample.rows, credits: { count: sample.rows, sum: sample.credits }, debits: { count: 0, sum: 0n }, break: null });
    if ('days' in sample) expect([figures.firstDay, figures.lastDay]).toEqual(sample.days);
    if ('opening' in sample) expect([figures.opening, figures.closing, figures.balancesChecked]).toEqual([sample.opening, sample.closing, sample.rows - 1]);
    if ('withoutRef' in sample) expect(store.sqlite.prepare('SELECT count(*) FROM bank_statement_rows WHERE ref IS NULL').pluck().get()).toBe(sample.withoutRef);
  }, 120_000);
});
