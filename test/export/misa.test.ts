/**
 * MISA import templates: every header text, in order, as MISA.md gives it (both spellings of
 * the disputed AMIS header), and the demo's vouchers written as workbooks a second reader
 * opens, one row per debit–credit pair adding up to the vouchers.
 */
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amisBankReceiptColumns } from '../../src/export/misa/amis.js';
import { MISA_PRODUCTS, MISA_VOUCHER_TEMPLATES } from '../../src/export/misa/layout.js';
import { findLayout } from '../../src/export/misa/layouts.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';

const MISA_MD = '../shared/domain/MISA.md';

/** The column list MISA.md gives under a template's bold title, read without the project's own parser. */
function documented(section: string, title: string): string[] {
  const doc = readFileSync(MISA_MD, 'utf8');
  const [sme = '', amis = ''] = doc.split('## MISA AMIS');
  const text = section === 'sme' ? sme : amis;
  const start = text.indexOf(`**${title}**`);
  if (start < 0) throw new Error(`MISA.md has no ${title}`);
  const after = text.slice(start).split('\n');
  const lines = [after[0] ?? ''];
  for (const line of after.slice(1)) {
    if (line.trim() === '' || line.startsWith('- ') || line.startsWith('**') || line.startsWith('(')) break;
    lines.push(line);
  }
  // The list begins after the last colon before its first bar.
  const joined = lines.join(' ');
  const list = joined.slice(joined.lastIndexOf(':', joined.indexOf('|')) + 1);
  return list.split('|').map((cell) => {
    const quoted = /`([^`]*)`/.exec(cell);
    return quoted ? (quoted[1] as string) : cell.replace(/\s*\("[^"]*"\)/, '').trim();
  }).filter((h) => h !== '');
}

const TITLES: Readonly<Record<string, string>> = {
  'sme phieu-thu': 'Phiếu thu', 'sme phieu-chi': 'Phiếu chi', 'sme thu-tien-gui': 'Thu tiền gửi', 'sme chi-tien-gui': 'Chi tiền gửi',
  'sme chung-tu-khac': 'Chứng từ nghiệp vụ khác', 'amis phieu-thu': 'Phiếu thu tiền mặt', 'amis thu-tien-gui': 'Thu tiền gửi', 'amis chi-tien-gui': 'Chi tiền gửi (Ủy nhiệm chi)',
};

const layouts = MISA_PRODUCTS.flatMap((product) => MISA_VOUCHER_TEMPLATES.map((template) => ({ product, template, layout: findLayout(product, template) })));

describe.skipIf(!existsSync(MISA_MD))('MISA layouts against MISA.md', () => {
  it.each(layouts.filter((l) => l.layout !== undefined).map((l) => [`${l.product} ${l.template}`] as const))('%s has every header text, in order, byte for byte', (key) => {
    const [product, template] = key.split(' ') as [(typeof MISA_PRODUCTS)[number], (typeof MISA_VOUCHER_TEMPLATES)[number]];
    expect(findLayout(product, template)?.columns.map((c) => c.header)).toEqual(documented(product, TITLES[key] ?? ''));
  });

  it('writes both spellings of the disputed fourth header of AMIS’s bank receipt', () => {
    expect(documented('amis', 'Thu tiền gửi')[3]).toBe('Mã đối tượng');
    expect(amisBankReceiptColumns('Mã đối tượng ').map((c) => c.header)[3]).toBe('Mã đối tượng ');
    expect(amisBankReceiptColumns('Mã đối tượng ').slice(4)).toEqual(amisBankReceiptColumns('Mã đối tượng').slice(4));
  });

  it('names the opening balances’ and the counterparties’ columns as MISA.md does, for both products', () => {
    const doc = readFileSync(MISA_MD, 'utf8').replace(/\n/g, ' ');
    const listed = (after: string, until: string) => {
      const start = doc.indexOf(after) + after.length;
      // Codes MISA.md explains in brackets after a name, such as (0 organisation, 1 person), are not part of it.
      return doc.slice(start, doc.indexOf(until, start)).split('|').map((h) => h.replace(/\s*\(\d[^)]*\)/, '').trim());
    };
    const opening = listed('**Opening balances, Số dư tài khoản** [low: names only, order unverified]:', '(plus');
    const parties = listed('**Counterparties, Khách hàng** [medium]:', '| …');
    expect(opening).toEqual(['Số tài khoản (*)', 'Loại tiền', 'Dư Nợ', 'Dư Nợ quy đổi', 'Dư Có', 'Dư Có quy đổi']);
    for (const product of MISA_PRODUCTS) {
      expect(findLayout(product, 'so-du-ban-dau')?.columns.map((c) => c.header).slice(0, opening.length)).toEqual(opening);
      expect(findLayout(product, 'doi-tuong')?.columns.map((c) => c.header)).toEqual(parties);
    }
  });

  it('keeps the trailing space of SME.NET’s bank receipt and AMIS’s cash receipt', () => {
    expect(findLayout('sme', 'thu-tien-gui')?.columns[10]?.header).toBe('Diễn giải lý do thu ');
    expect(findLayout('amis', 'phieu-thu')?.columns[3]?.header).toBe('Mã đối tượng ');
  });
});

describe('the demo’s vouchers as MISA templates', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => server.close());

  const download = async (path: string) => {
    const response = await server.app.inject({ method: 'GET', url: path, headers: { authorization: server.authorization } });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const values = (row: ExcelJS.Row, count: number) => Array.from({ length: count }, (_, i) => row.getCell(i + 1).value);

  it('writes the province’s 2024 cash receipts for SME.NET: the header in row 1, a row per pair, dates as text, amounts as numbers adding up to the receipts', async () => {
    const layout = findLayout('sme', 'phieu-thu');
    const workbook = await download('/api/entities/TVH-VNN/exports/misa/phieu-thu?product=sme&from=2024-01-01&to=2024-12-31');
    const sheet = workbook.getWorksheet('Phiếu thu');
    expect(values(sheet!.getRow(1), 18)).toEqual(layout?.columns.map((c) => c.header));
    const rows = Array.from({ length: sheet!.rowCount - 1 }, (_, i) => sheet!.getRow(i + 2));
    const vouchers = server.store.sqlite.prepare(`SELECT v.number, v.amount FROM vouchers v JOIN entities e ON e.id = v.entity_id
      WHERE e.code = 'TVH-VNN' AND v.type = 'cash-receipt' AND v.entry_id IS NOT NULL AND v.accounting_date BETWEEN '2024-01-01' AND '2024-12-31'`).all() as { number: string; amount: number }[];
    expect(vouchers.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.getCell(4).value))).toEqual(new Set(vouchers.map((v) => v.number)));
    expect(rows.reduce((sum, r) => sum + Number(r.getCell(16).value), 0)).toBe(vouchers.reduce((sum, v) => sum + v.amount, 0));
    for (const row of rows) {
      expect(row.getCell(2).value).toMatch(/^\d{2}\/\d{2}\/2024$/);
      expect(typeof row.getCell(16).value).toBe('number');
      expect(row.getCell(14).value).toMatch(/^111/);
    }
  });

  it('writes AMIS’s bank receipt with its title and instructions above the header in row 8', async () => {
    const workbook = await download('/api/entities/TVH-VNN/exports/misa/thu-tien-gui?product=amis&from=2024-01-01&to=2024-12-31');
    const sheet = workbook.getWorksheet('Thu tiền gửi');
    expect(sheet!.getRow(1).getCell(1).value).toBe('FILE MẪU PHIẾU THU TIỀN GỬI ĐỂ NHẬP VÀO PHẦN MỀM AMIS ACCOUNTING');
    expect(sheet!.getRow(2).getCell(1).value).toBe('Hướng dẫn:');
    expect(values(sheet!.getRow(8), 3)).toEqual(['Ngày hạch toán (*)', 'Ngày chứng từ (*)', 'Số chứng từ (*)']);
    expect(sheet!.rowCount).toBeGreaterThan(8);
    expect(sheet!.getRow(9).getCell(9).value).toBe('Thu khác');
  });

  it('refuses a template the product does not have, and a range that is not one', async () => {
    const call = (url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: server.authorization } });
    const missing = await call('/api/entities/TVH-VNN/exports/misa/phieu-chi?product=amis&from=2024-01-01&to=2024-12-31');
    expect([missing.statusCode, missing.json().code, missing.json().field]).toEqual([422, 'misa_template_unavailable', 'params.template']);
    const backwards = await call('/api/entities/TVH-VNN/exports/misa/phieu-chi?from=2024-12-31&to=2024-01-01');
    expect([backwards.statusCode, backwards.json().code]).toEqual([422, 'date_range_invalid']);
    expect((await call('/api/entities/TVH-VNN/exports/misa/so-du?from=2024-01-01&to=2024-12-31')).statusCode).toBe(400);
  });
});
