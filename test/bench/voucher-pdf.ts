/**
 * Batch printing: a fund's vouchers rendered into one PDF, streamed to a file. Vouchers
 * are posted first (receipts, support payments with a list of households, US dollar
 * receipts), then printed twice: N vouchers and 4 × N, so that time per voucher and the
 * growth of memory with the batch can be read side by side. Memory is the process's
 * resident size sampled every 10 ms while printing, above what it was before printing.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEntity } from '../../src/app/create-entity.js';
import { postEntries } from '../../src/app/post-entries.js';
import { postDemoVouchers, type DemoVoucher } from '../../src/app/vouchers/demo-vouchers.js';
import { voucherDocuments } from '../../src/app/vouchers/voucher-documents.js';
import { localCaller } from '../../src/app/caller.js';
import { findEntityByCode } from '../../src/db/entities-repo.js';
import { openStore, type Store } from '../../src/db/store.js';
import { writePdf } from '../../src/export/voucher-pdf.js';
import { must } from './bench-support.js';

const ACTOR = localCaller({ name: 'bench', origin: 'bench' });
const FUND = 'PDF';

export interface PrintRun {
  readonly vouchers: number;
  readonly pages: number;
  readonly seconds: number;
  readonly vouchersPerSecond: number;
  readonly bytes: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
}

function voucher(i: number): DemoVoucher {
  const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  if (i % 10 === 9) return { voucher: { type: 'cash-receipt', date, reason: `Kiều bào ủng hộ bằng ngoại tệ, đợt ${i}`, currency: 'USD', originalAmount: '250.50', rate: '25400', counterparty: { name: `Nhà hảo tâm ${i}` } } };
  if (i % 3 === 2) {
    const beneficiaries = Array.from({ length: 5 }, (_, k) => ({ name: `Hộ ông Nguyễn Văn Số ${i}-${k}`, address: 'ấp Đa Hòa Bắc, xã Hòa Thuận', status: 'poor' as const, amount: '2000000' }));
    return { voucher: { type: 'cash-payment', date, reason: `Chi hỗ trợ sinh kế cho 5 hộ nghèo, đợt ${i}`, purpose: 'livelihood', amount: '10000000', beneficiaries, attachments: 1 } };
  }
  return { voucher: { type: 'cash-receipt', date, reason: `Ủng hộ Quỹ "Vì người nghèo", lượt ${i}`, amount: String(500000 + i * 1000), counterparty: { name: `Nguyễn Thị Hảo Tâm ${i}`, address: 'xã Hòa Thuận' }, attachments: 1 } };
}

function setUp(store: Store, count: number): number {
  must(createEntity(store, {
    code: FUND, name: 'Ban vận động Quỹ "Vì người nghèo" xã Hòa Thuận', kind: 'poor-fund', level: 'commune', budgetUnitCode: '1068523',
    seal: { name: 'BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ HÒA THUẬN' },
    signatories: [{ role: 'head', name: 'Kim Văn Sơn' }, { role: 'chief-accountant', name: 'Trương Thị Bích Ngọc' }, { role: 'cashier', name: 'Lâm Thị Hồng' }, { role: 'preparer', name: 'Phạm Minh Tâm' }],
    firstYear: 2024,
  }, ACTOR));
  must(postEntries(store, { entity: FUND, actor: ACTOR, kind: 'opening', entries: [{ date: '2024-01-01', description: 'Số dư đầu năm', lines: [{ account: '1111', debit: '100000000000' }, { account: '421', credit: '100000000000' }] }] }));
  must(postDemoVouchers(store, { entity: FUND, items: Array.from({ length: count }, (_, i) => voucher(i)), actor: ACTOR }));
  return findEntityByCode(store.db, FUND)?.id ?? 0;
}

async function printOnce(store: Store, options: { entityId: number; out: string; vouchers: number }): Promise<PrintRun> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  let pages = 0;
  const documents = (function* () {
    for (const document of voucherDocuments(store, { entityId: options.entityId, filter: { from: '2024-01-01', to: '2024-12-31' } })) {
      pages += Math.max(1, document.copies.length) + document.attachments.length;
      yield document;
    }
  })();
  const start = process.hrtime.bigint();
  await writePdf(documents, createWriteStream(options.out), { creationDate: new Date('2024-12-31T00:00:00Z') });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return { vouchers: options.vouchers, pages, seconds, vouchersPerSecond: Math.round(options.vouchers / seconds), bytes: statSync(options.out).size, rssBeforeMb: mb(rssBefore), peakRssMb: mb(peak) };
}

/** Prints `count` vouchers, then 4 × `count` in a second fund-year, each into one PDF. */
export async function benchVoucherPdf(options: { count: number; dir: string }): Promise<PrintRun[]> {
  mkdirSync(options.dir, { recursive: true });
  const runs: PrintRun[] = [];
  for (const count of [options.count, options.count * 4]) {
    const path = join(options.dir, `vouchers-${count}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const store = openStore(path);
    const entityId = setUp(store, count);
    runs.push(await printOnce(store, { entityId, out: join(options.dir, `vouchers-${count}.pdf`), vouchers: count }));
    store.close();
  }
  return runs;
}
