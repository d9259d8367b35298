/**
 * The voucher PDF read back with pdf.js: pages and paper sizes, every Vietnamese string as
 * printed, copy marks, the draft watermark, attached lists across pages with their header
 * repeated, repeatable bytes, the embedded font, and streaming a batch to a slow reader.
 */
import { describe, expect, it } from 'vitest';
import type { PrintDocument, PrintSignature, PrintTable } from '../../src/export/print-model.js';
import { createFontedDocument, forgetWordLayouts, useFont } from '../../src/export/pdf-fonts.js';
import { pdfBuffer, writePdf } from '../../src/export/voucher-pdf.js';
import { readPdf, type PdfPage } from '../support/pdf-text.js';
import { slowSink } from '../support/slow-sink.js';

const A5 = { width: 419.53, height: 595.28 };
const A4 = { width: 595.28, height: 841.89 };
const DATE = new Date('2024-10-17T08:00:00Z');

const ISSUER = [
  'BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ THẠNH PHÚ',
  'Mã ĐVQHNS: 1123456',
  'Địa chỉ: ấp Mỹ Hòa, xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh',
];
const REGULATION = '(Ban hành kèm theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)';
const sign = (title: string, name: string | null, hint = '(Ký, họ tên)'): PrintSignature => ({ title, hint, name });

const RECEIPT: PrintDocument = {
  paper: 'A5',
  watermark: null,
  issuer: ISSUER,
  form: ['Mẫu số C40-BB', REGULATION],
  title: 'PHIẾU THU',
  dateLine: 'Ngày 17 tháng 10 năm 2024',
  references: ['Quyển số: 01', 'Số: PT0001/2024', 'Nợ: 1111', 'Có: 5111'],
  fields: [
    { label: 'Họ và tên người nộp tiền', value: 'Nguyễn Văn Hùng' },
    { label: 'Địa chỉ', value: 'Tổ 3, ấp Chợ, xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh' },
    { label: 'Lý do nộp', value: 'Ủng hộ Quỹ "Vì người nghèo" nhân Ngày vì người nghèo 17/10/2024, đợt vận động cao điểm "Tháng vì người nghèo" năm 2024' },
    { label: 'Số tiền', value: '1.200.000 đồng', strong: true },
    { label: 'Viết bằng chữ', value: 'Một triệu hai trăm nghìn đồng chẵn' },
    { label: 'Kèm theo', value: '01 chứng từ gốc' },
  ],
  signatures: [
    sign('Thủ trưởng đơn vị', 'Trần Quốc Tuấn', '(Ký, họ tên, đóng dấu)'),
    sign('Kế toán trưởng', 'Lê Thị Ánh Tuyết'),
    sign('Người nộp tiền', 'Nguyễn Văn Hùng'),
    sign('Người lập phiếu', 'Thạch Thị Sa Rênh'),
    sign('Thủ quỹ', 'Đặng Ngọc Ẩn'),
  ],
  closing: ['Đã nhận đủ số tiền (viết bằng chữ): Một triệu hai trăm nghìn đồng chẵn', 'Dấu: BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ THẠNH PHÚ'],
  copies: ['Liên 1', 'Liên 2'],
  attachments: [],
};

const DRAFT_PAYMENT: PrintDocument = {
  ...RECEIPT,
  watermark: 'BẢN NHÁP',
  form: ['Mẫu số C41-BB', REGULATION],
  title: 'PHIẾU CHI',
  dateLine: 'Ngày 05 tháng 11 năm 2024',
  references: ['Quyển số: 01', 'Số: PC0007/2024', 'Nợ: 5111', 'Có: 1111'],
  fields: [
    { label: 'Họ và tên người nhận tiền', value: 'Thạch Thị Sa Rênh' },
    { label: 'Lý do chi', value: 'Hỗ trợ xây dựng nhà Đại đoàn kết cho hộ nghèo theo Quyết định số 15/QĐ-BVĐ' },
    { label: 'Số tiền', value: '30.000.000 đồng', strong: true },
    { label: 'Viết bằng chữ', value: 'Ba mươi triệu đồng chẵn' },
  ],
  signatures: [
    sign('Thủ trưởng đơn vị', null, '(Ký, họ tên, đóng dấu)'),
    sign('Kế toán trưởng', null),
    sign('Thủ quỹ', 'Đặng Ngọc Ẩn'),
    sign('Người lập phiếu', 'Huỳnh Thị Diễm Kiều'),
    sign('Người nhận tiền', 'Thạch Thị Sa Rênh'),
  ],
  closing: ['Đã nhận đủ số tiền (viết bằng chữ): Ba mươi triệu đồng chẵn'],
  copies: [],
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Thạch'];
const GIVEN = ['Văn Ẩn', 'Thị Ướt', 'Minh Đức', 'Thị Tuyết Nhung', 'Thị Sa Rênh', 'Quốc Hưng'];
const BENEFICIARIES = FAMILY.flatMap((family) => GIVEN.map((given) => `${family} ${given}`));
const LIST_HEADERS = ['STT', 'Họ và tên chủ hộ', 'Địa chỉ', 'Số tiền (đồng)', 'Ký nhận'];

const BENEFICIARY_LIST: PrintTable = {
  title: 'DANH SÁCH CHI TIỀN HỖ TRỢ HỘ NGHÈO ĐÓN TẾT NGUYÊN ĐÁN GIÁP THÌN 2024',
  subtitle: ['(Kèm theo Phiếu chi số PC0012/2024 ngày 02/02/2024)'],
  columns: LIST_HEADERS.map((header, i) => ({
    header,
    width: [0.07, 0.28, 0.27, 0.16, 0.22][i] ?? 0,
    align: i === 3 ? 'right' : i === 0 || i === 4 ? 'center' : 'left',
  })),
  rows: BENEFICIARIES.map((name, i) => [
    String(i + 1),
    name,
    i % 7 === 0 ? `Tổ ${(i % 9) + 1}, ấp Ô Tưng, xã Thạnh Phú, huyện Cầu Kè` : 'Ấp Mỹ Hòa',
    '1.000.000',
    '',
  ]),
  totals: ['', 'Cộng', '', '60.000.000', ''],
  footer: ['Tổng số tiền bằng chữ: Sáu mươi triệu đồng chẵn'],
  signatures: [sign('Người lập biểu', 'Huỳnh Thị Diễm Kiều'), sign('Thủ trưởng đơn vị', 'Trần Quốc Tuấn', '(Ký, họ tên, đóng dấu)')],
};

const FOREIGN_CASH: PrintTable = {
  title: 'BẢNG KÊ NGOẠI TỆ',
  subtitle: ['(Kèm theo Phiếu chi số PC0012/2024)'],
  columns: [
    { header: 'Loại ngoại tệ', width: 0.3, align: 'left' },
    { header: 'Mệnh giá', width: 0.15, align: 'right' },
    { header: 'Số tờ', width: 0.15, align: 'right' },
    { header: 'Tỷ giá', width: 0.2, align: 'right' },
    { header: 'Thành tiền (VNĐ)', width: 0.2, align: 'right' },
  ],
  rows: [
    ['Đô la Mỹ (USD)', '100', '2', '24.500', '4.900.000'],
    ['Đồng Euro (EUR)', '50', '3', '26.400', '3.960.000'],
  ],
  totals: ['Cộng', '', '', '', '8.860.000'],
  footer: ['Số tiền quy đổi bằng chữ: Tám triệu tám trăm sáu mươi nghìn đồng chẵn'],
  signatures: [sign('Người lập', 'Huỳnh Thị Diễm Kiều'), sign('Thủ quỹ', 'Đặng Ngọc Ẩn')],
};

const PAYMENT_WITH_LISTS: PrintDocument = {
  ...DRAFT_PAYMENT,
  watermark: null,
  references: ['Quyển số: 02', 'Số: PC0012/2024', 'Nợ: 5111', 'Có: 1111'],
  fields: [
    { label: 'Họ và tên người nhận tiền', value: 'Võ Thị Hồng Nhung (cán bộ Mặt trận ấp, nhận chi hộ theo danh sách kèm theo)' },
    { label: 'Số tiền', value: '60.000.000 đồng', strong: true },
    { label: 'Viết bằng chữ', value: 'Sáu mươi triệu đồng chẵn' },
  ],
  closing: [],
  attachments: [BENEFICIARY_LIST, FOREIGN_CASH],
};

/** Every string a reader must find on a voucher page, whatever line it was wrapped onto. */
function voucherStrings(printed: PrintDocument): string[] {
  return [
    ...printed.issuer,
    ...printed.form,
    printed.title,
    printed.dateLine,
    ...printed.references,
    ...printed.fields.map((f) => `${f.label}: ${f.value}`),
    ...printed.signatures.flatMap((s) => [s.title, s.hint, ...(s.name === null ? [] : [s.name])]),
    ...printed.closing,
  ];
}

async function render(documents: PrintDocument[]): Promise<PdfPage[]> {
  return (await readPdf(await pdfBuffer(documents, { creationDate: DATE }))).pages;
}

const sizeOf = (page: PdfPage) => ({ width: page.width, height: page.height });
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

describe('a receipt printed in two copies', () => {
  it('prints each copy on its own A5 page, marked with its copy', async () => {
    const pages = await render([RECEIPT]);
    expect(pages.map(sizeOf)).toEqual([A5, A5]);
    expect(pages[0]?.flat).toContain('Liên 1');
    expect(pages[0]?.flat).not.toContain('Liên 2');
    expect(pages[1]?.flat).toContain('Liên 2');
    expect(pages[1]?.flat).not.toContain('Liên 1');
  });

  it('prints every string of the voucher, diacritics intact, on each copy', async () => {
    const pages = await render([RECEIPT]);
    for (const page of pages) {
      for (const text of voucherStrings(RECEIPT)) expect(page.flat).toContain(text);
      expect(page.flat).toContain('Số tiền: 1.200.000 đồng Viết bằng chữ: Một triệu hai trăm nghìn đồng chẵn');
    }
  });

  it('has no watermark', async () => {
    const pages = await render([RECEIPT]);
    for (const page of pages) expect(page.flat).not.toContain('BẢN NHÁP');
  });

  it('prints text given decomposed (NFD) exactly as when given composed (NFC)', async () => {
    const decomposed = JSON.parse(JSON.stringify(DRAFT_PAYMENT), (_key, value: unknown) =>
      typeof value === 'string' ? value.normalize('NFD') : value,
    ) as PrintDocument;
    expect(decomposed.title).not.toBe(DRAFT_PAYMENT.title);
    const fromNfd = await pdfBuffer([decomposed], { creationDate: DATE });
    const fromNfc = await pdfBuffer([DRAFT_PAYMENT], { creationDate: DATE });
    expect(fromNfd.equals(fromNfc)).toBe(true);
  });
});

describe('a draft payment', () => {
  it('prints once, unmarked, on one A5 page with the watermark', async () => {
    const pages = await render([DRAFT_PAYMENT]);
    expect(pages.map(sizeOf)).toEqual([A5]);
    expect(pages[0]?.flat).toContain('BẢN NHÁP');
    expect(pages[0]?.flat).not.toContain('Liên');
    for (const text of voucherStrings(DRAFT_PAYMENT)) expect(pages[0]?.flat).toContain(text);
  });

  it('carries the watermark on every page, attached lists included', async () => {
    const pages = await render([{ ...PAYMENT_WITH_LISTS, watermark: 'BẢN NHÁP' }]);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(occurrences(page.flat, 'BẢN NHÁP')).toBe(1);
  });
});

describe('a payment with attached lists', () => {
  const listPages = (pages: PdfPage[]) => pages.slice(1).filter((p) => !p.flat.includes(FOREIGN_CASH.title));

  it('prints the voucher on A5 and each list from a fresh A4 page', async () => {
    const pages = await render([PAYMENT_WITH_LISTS]);
    expect(sizeOf(pages[0]!)).toEqual(A5);
    for (const page of pages.slice(1)) expect(sizeOf(page)).toEqual(A4);
    expect(pages[1]?.flat).toContain(BENEFICIARY_LIST.title);
    const last = pages.at(-1)!;
    expect(last.flat).toContain(FOREIGN_CASH.title);
    for (const name of BENEFICIARIES) expect(last.flat).not.toContain(name);
    for (const page of pages) expect(page.flat).not.toContain('BẢN NHÁP');
  });

  it('prints every row once, in order, across pages that each repeat the header row', async () => {
    const pages = await render([PAYMENT_WITH_LISTS]);
    const list = listPages(pages);
    expect(list.length).toBeGreaterThanOrEqual(2);
    const header = LIST_HEADERS.join(' ');
    for (const page of list) expect(page.flat).toContain(header);
    const all = list.map((p) => p.flat).join(' ');
    const positions = BENEFICIARIES.map((name) => all.indexOf(name));
    for (const name of BENEFICIARIES) expect(occurrences(all, name)).toBe(1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(occurrences(all, '1.000.000')).toBe(60);
  });

  it('ends each list with its totals, footer and signatures', async () => {
    const pages = await render([PAYMENT_WITH_LISTS]);
    const listEnd = listPages(pages).at(-1)!.flat;
    expect(listEnd).toMatch(/Cộng 60\.000\.000/);
    for (const text of [...BENEFICIARY_LIST.footer, 'Người lập biểu', 'Huỳnh Thị Diễm Kiều', '(Ký, họ tên, đóng dấu)']) {
      expect(listEnd).toContain(text);
    }
    const cash = pages.at(-1)!.flat;
    for (const text of ['Loại ngoại tệ Mệnh giá Số tờ Tỷ giá Thành tiền (VNĐ)', 'Đô la Mỹ (USD) 100 2 24.500 4.900.000', 'Cộng 8.860.000', ...FOREIGN_CASH.footer]) {
      expect(cash).toContain(text);
    }
  });
});

describe('a voucher longer than its page', () => {
  const fieldsOf = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ label: `Khoản ${i + 1}`, value: `Hỗ trợ hộ ông Trịnh Văn Lực số ${i + 1}` }));
  const fields = fieldsOf(45);
  const long: PrintDocument = { ...DRAFT_PAYMENT, fields };

  it('continues on further pages of the same size, losing nothing', async () => {
    const pages = await render([long]);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(sizeOf(page)).toEqual(A5);
    for (const page of pages) expect(page.flat).toContain('BẢN NHÁP');
    const all = pages.map((p) => p.flat).join(' ');
    for (const f of fields) expect(occurrences(all, `${f.label}: ${f.value}`)).toBe(1);
    for (const text of voucherStrings(long)) expect(all).toContain(text);
  });

  it('keeps two rows of signatures on one page wherever the page break falls', async () => {
    const signatures = [...DRAFT_PAYMENT.signatures, sign('Người duyệt chi', 'Kiên Thị Sóc Khơ')];
    // Longer and longer vouchers walk the page break through the signature block.
    for (let count = 44; count <= 62; count++) {
      const pages = await render([{ ...long, fields: fieldsOf(count), signatures }]);
      const holding = pages.filter((p) => signatures.some((s) => p.flat.includes(s.title)));
      expect(holding, `${count} fields`).toHaveLength(1);
      for (const s of signatures) expect(holding[0]?.flat).toContain(s.title);
      expect(holding[0]?.flat).toContain('Kiên Thị Sóc Khơ');
    }
  });
});

describe('the PDF file', () => {
  it('is byte-identical for the same documents and creation date', async () => {
    const a = await pdfBuffer([RECEIPT, PAYMENT_WITH_LISTS], { creationDate: DATE });
    const b = await pdfBuffer([RECEIPT, PAYMENT_WITH_LISTS], { creationDate: DATE });
    const later = await pdfBuffer([RECEIPT, PAYMENT_WITH_LISTS], { creationDate: new Date('2025-01-01T00:00:00Z') });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(later)).toBe(false);
  });

  it('names its title, producer and dates', async () => {
    const buf = await pdfBuffer([RECEIPT], { creationDate: DATE, title: 'Phiếu thu PT0001/2024' });
    const { info } = await readPdf(buf);
    expect(info).toMatchObject({ Title: 'Phiếu thu PT0001/2024', Producer: 'fund-ledger', Creator: 'fund-ledger' });
    expect(info['CreationDate']).toMatch(/^D:20241017080000Z/);
    expect(info['ModDate']).toBe(info['CreationDate']);
  });

  it('embeds DejaVu Serif and no built-in PDF font', async () => {
    const raw = (await pdfBuffer([DRAFT_PAYMENT], { creationDate: DATE })).toString('latin1');
    for (const face of ['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic']) expect(raw).toMatch(new RegExp(`/FontName /[A-Z]{6}\\+${face}\\b`));
    expect(raw).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });
});

describe('writePdf', () => {
  it('streams a batch to a slow reader as it renders, with the same bytes as pdfBuffer', async () => {
    const { sink, chunks } = slowSink();
    const receivedBeforeLast: number[] = [];
    async function* batch(): AsyncGenerator<PrintDocument> {
      for (let i = 0; i < 30; i++) {
        if (i === 29) receivedBeforeLast.push(chunks.length);
        yield { ...RECEIPT, references: [`Số: PT${String(i + 1).padStart(4, '0')}/2024`] };
      }
    }
    await writePdf(batch(), sink, { creationDate: DATE });
    const streamed = Buffer.concat(chunks);
    expect(receivedBeforeLast[0]).toBeGreaterThan(0);
    const expected = await pdfBuffer(
      Array.from({ length: 30 }, (_, i) => ({ ...RECEIPT, references: [`Số: PT${String(i + 1).padStart(4, '0')}/2024`] })),
      { creationDate: DATE },
    );
    expect(streamed.equals(expected)).toBe(true);
    const pages = (await readPdf(streamed)).pages;
    expect(pages).toHaveLength(60);
    expect(pages[59]?.flat).toContain('Số: PT0030/2024');
  });

  it('rejects when the input fails, without finishing the output', async () => {
    const { sink } = slowSink();
    async function* failing(): AsyncGenerator<PrintDocument> {
      yield RECEIPT;
      throw new Error('query failed');
    }
    await expect(writePdf(failing(), sink, { creationDate: DATE })).rejects.toThrow('query failed');
    expect(sink.writableFinished).toBe(false);
  });
});

describe('forgetWordLayouts', () => {
  /** pdfkit's internal word cache, which the writer empties to bound a batch's memory. */
  const cachedWords = (doc: PDFKit.PDFDocument): number =>
    Object.values((doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })._fontFamilies)
      .reduce((sum, font) => sum + Object.keys(font.layoutCache ?? {}).length, 0);

  it('empties the words pdfkit has cached (fails if a pdfkit upgrade moves the cache)', () => {
    const doc = createFontedDocument({ autoFirstPage: false });
    useFont(doc, 'bold', 10);
    doc.widthOfString('Thạch Thị Sa Rênh');
    expect(cachedWords(doc)).toBeGreaterThan(0);
    forgetWordLayouts(doc);
    expect(cachedWords(doc)).toBe(0);
  });
});
