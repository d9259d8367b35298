/**
 * Golden images of the demo's printed documents: a voucher of each type the demo posts,
 * each book and each statement (single and consolidated), printed to PDF, every page
 * rasterised and compared with the PNG committed in golden-images/, within a tolerance for
 * antialiasing. A layout that moves a column, a row, a title or a signature fails; a test
 * breaks a layout on purpose to show it does. `UPDATE_GOLDEN=1` writes the images anew,
 * to be looked at before they are committed. Needs pdftoppm (poppler-utils).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOutput, reportOutput } from '../../src/app/reports/report-output.js';
import { seedDemo } from '../../src/app/seed-demo.js';
import { voucherDocument } from '../../src/app/vouchers/voucher-documents.js';
import { findEntityByCode, listSignatories, type EntityRow } from '../../src/db/entities-repo.js';
import type { Store } from '../../src/db/store.js';
import { listVouchers } from '../../src/db/vouchers-repo.js';
import { reportDocument, bookSheet } from '../../src/export/report-document.js';
import { writeSheetPdf } from '../../src/export/sheet-pdf.js';
import { pdfBuffer } from '../../src/export/voucher-pdf.js';
import { getBook } from '../../src/app/reports/get-book.js';
import { difference, HAS_PDFTOPPM, pageImages } from '../support/page-images.js';
import { freshStore } from '../support/store-fixture.js';

const DIR = join(import.meta.dirname, 'golden-images');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** At most this share of a page's pixels may differ: antialiasing, never a moved line. */
const TOLERANCE = 0.0005;
const SIGNED_ON = '2025-01-15';
const CREATED = new Date('2025-01-15T00:00:00Z');

let store: Store;
beforeAll(() => {
  store = freshStore();
  const seeded = seedDemo(store, { clock: () => '2025-01-15T08:00:00.000Z' });
  if (!seeded.ok) throw new Error(seeded.code);
});
afterAll(() => store.close());

const entity = (code: string): EntityRow => {
  const row = findEntityByCode(store.db, code);
  if (!row) throw new Error(`no demo fund ${code}`);
  return row;
};

async function collect(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => { chunks.push(chunk); done(); } });
  await write(out);
  return Buffer.concat(chunks);
}

/** The golden pages of a document, in order. */
function goldenPages(name: string): Buffer[] {
  const pages: Buffer[] = [];
  for (let i = 1; existsSync(join(DIR, `${name}-${i}.png`)); i++) pages.push(readFileSync(join(DIR, `${name}-${i}.png`)));
  return pages;
}

/** The worst page's difference from the golden images (1 when the page counts differ), writing them first under UPDATE_GOLDEN. */
function compare(name: string, pdf: Buffer): number {
  const pages = pageImages(pdf);
  if (UPDATE) {
    mkdirSync(DIR, { recursive: true });
    pages.forEach((png, i) => writeFileSync(join(DIR, `${name}-${i + 1}.png`), png));
  }
  const golden = goldenPages(name);
  if (golden.length !== pages.length) return 1;
  return Math.max(0, ...pages.map((png, i) => difference(png, golden[i] as Buffer)));
}

const DEMO_VOUCHER_FUNDS = ['TVH-VNN', 'HTH-VNN', 'TVH-CT', 'HTH-CT'];

const BOOKS = [
  { name: 'so-quy-tien-mat', entity: 'TVH-VNN', book: 'cash' },
  { name: 'so-tien-gui', entity: 'TVH-VNN', book: 'bank' },
  { name: 'so-nhat-ky-chung', entity: 'TVH-VNN', book: 'journal' },
  { name: 'so-cai-1121', entity: 'TVH-VNN', book: 'ledger', account: '1121' },
  { name: 'so-hien-vat', entity: 'TVH-VNN', book: 'goods' },
  { name: 'so-ngoai-te', entity: 'TVH-VNN', book: 'currency' },
  { name: 'so-dot-van-dong', entity: 'TVH-CT', book: 'campaign', campaign: 'BAO9-2024' },
] as const;

const REPORTS = [
  { name: 'bang-can-doi-so-phat-sinh', entity: 'TVH-VNN', report: 'trial-balance' },
  { name: 'tinh-hinh-tai-chinh', entity: 'TVH-VNN', report: 'financial-position' },
  { name: 'thu-chi-quy', entity: 'TVH-VNN', report: 'receipts-and-uses' },
  { name: 'thu-chi-quy-hop-nhat', entity: 'TVH-VNN', report: 'receipts-and-uses', consolidated: true },
] as const;

describe.skipIf(!HAS_PDFTOPPM)('golden images of the demo’s documents', () => {
  it('prints the first voucher of each type each demo fund posts as its golden images', async () => {
    const seen = new Set<string>();
    for (const code of DEMO_VOUCHER_FUNDS) {
      const fund = entity(code);
      for (const voucher of listVouchers(store.db, fund.id, { status: 'posted', limit: 1000 })) {
        if (seen.has(voucher.type)) continue;
        seen.add(voucher.type);
        const document = voucherDocument(store, { entityId: fund.id, id: voucher.id });
        if (!document.ok) throw new Error(document.code);
        const worst = compare(`chung-tu-${voucher.type}`, await pdfBuffer([document.value], { creationDate: CREATED }));
        expect(worst, `${code} ${voucher.number}`).toBeLessThanOrEqual(TOLERANCE);
      }
    }
    expect([...seen].sort()).toEqual(['bank-payment', 'bank-receipt', 'cash-payment', 'cash-receipt', 'general', 'goods-issue', 'goods-receipt']);
  });

  it.each(BOOKS)('prints the book $name as its golden images', async ({ name, ...request }) => {
    const output = bookOutput(store, entity(request.entity), { ...request, period: '2024', format: 'pdf', signedOn: SIGNED_ON });
    if (!output.ok) throw new Error(output.code);
    expect(compare(name, await collect((out) => output.value.write(out)))).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each(REPORTS)('prints the statement $name as its golden images', async ({ name, ...request }) => {
    const output = reportOutput(store, entity(request.entity), { ...request, period: '2024', format: 'pdf', signedOn: SIGNED_ON });
    if (!output.ok) throw new Error(output.code);
    expect(compare(name, await collect((out) => output.value.write(out)))).toBeLessThanOrEqual(TOLERANCE);
  });

  it.skipIf(UPDATE)('fails when a layout is broken on purpose: a narrower description column, a row dropped, another title', async () => {
    const fund = entity('TVH-VNN');
    const book = getBook(store, { entity: 'TVH-VNN', book: 'cash', period: '2024' });
    if (!book.ok) throw new Error(book.code);
    const sheet = bookSheet(book.value);
    const print = (sheets: typeof sheet[]) =>
      collect((out) => writeSheetPdf(reportDocument({ entity: fund, signatories: listSignatories(store.db, fund.id), sheets, signedOn: SIGNED_ON }), out, { creationDate: CREATED }));
    const rows = [...sheet.body];
    expect(compare('so-quy-tien-mat', await print([sheet]))).toBeLessThanOrEqual(TOLERANCE);
    const narrower = { ...sheet, columns: sheet.columns.map((c) => (c.header === 'Diễn giải' ? { ...c, width: c.width - 12 } : c)) };
    expect(compare('so-quy-tien-mat', await print([narrower]))).toBeGreaterThan(TOLERANCE);
    const dropped = { ...sheet, body: rows.slice(1), bodyCount: rows.length - 1 };
    expect(compare('so-quy-tien-mat', await print([dropped]))).toBeGreaterThan(TOLERANCE);
    expect(compare('so-quy-tien-mat', await print([{ ...sheet, title: 'SỔ QUỸ TIỀN GỬI' }]))).toBeGreaterThan(TOLERANCE);
  });
});
