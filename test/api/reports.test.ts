/**
 * Books and reports over HTTP on the demo year: JSON values, files in every format read
 * back (XLSX as cells, PDF as text, CSV with its BOM), the journal as ledger text, and
 * every refusal with its status and code.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import { readPdf } from '../support/pdf-text.js';

let server: DemoServer;

beforeAll(async () => {
  server = await demoServer();
});

afterAll(() => server.close());

const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: server.authorization } });

describe('reports as JSON', () => {
  it('answers the statement of receipts and uses with its lines and checks', async () => {
    const response = await get('/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { lines: { code: string; values: (string | null)[] }[]; checks: { ok: boolean }[]; funds: string[]; columns: unknown; previous: unknown };
    expect(body.lines.find((l) => l.code === '21')?.values).toEqual(['1911542000', null]);
    expect(body.columns).toEqual([{ label: 'Kỳ này', period: 'current' }, { label: 'Kỳ trước', period: 'previous' }]);
    expect(body.previous).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(body.checks.every((c) => c.ok)).toBe(true);
    expect(body.funds).toEqual(['TVH-VNN']);
  });

  it('consolidates the province with the commune and shows the eliminated transfer', async () => {
    const body = (await get('/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024&consolidated=true')).json() as {
      lines: { code: string; values: string[] }[];
      funds: string[];
      reconciliation: { eliminated: { id: number; amount: string }[]; unmatched: unknown[] };
    };
    expect(body.funds).toEqual(['TVH-VNN', 'HTH-VNN']);
    expect(body.lines.find((l) => l.code === '07')?.values).toEqual(['0', null]);
    expect(body.lines.find((l) => l.code === '18')?.values).toEqual(['0', null]);
    expect(body.reconciliation.eliminated.map((t) => [t.id, t.amount])).toEqual([[1, '200000000']]);
  });

  it('names a transfer still in transit with its own reason and why it was not eliminated', async () => {
    const body = (await get('/api/entities/TVH-VNN/reports/financial-position?from=2024-11-01&to=2024-11-26&consolidated=true')).json() as {
      reconciliation: { unmatched: { id: number; reason: string; found: string }[] };
    };
    expect(body.reconciliation.unmatched).toMatchObject([{ id: 1, reason: 'Điều tiết Quỹ cho Ban vận động Quỹ xã Hòa Thuận để hỗ trợ xây nhà Đại đoàn kết', found: 'in-transit' }]);
  });

  it('answers the trial balance for a quarter, consolidated or not', async () => {
    const one = (await get('/api/entities/HTH-VNN/reports/trial-balance?period=2024-Q4')).json() as { from: string; to: string; balanced: boolean };
    expect([one.from, one.to, one.balanced]).toEqual(['2024-10-01', '2024-12-31', true]);
    const group = (await get('/api/entities/TVH-VNN/reports/trial-balance?from=2024-01-01&to=2024-12-31&consolidated=true')).json() as {
      rows: { account: string; closing: { credit: string } }[];
      funds: string[];
    };
    expect(group.funds).toEqual(['TVH-VNN', 'HTH-VNN']);
    expect(group.rows.find((r) => r.account === '421')?.closing.credit).toBe('1986791000');
  });

  it('finds a donor among the fund’s counterparties and keeps that donor’s subsidiary ledger', async () => {
    const found = (await get('/api/entities/TVH-VNN/counterparties?kind=donor&name=Điện lực')).json() as { counterparties: { id: number; name: string; form: string }[]; nextAfterId: number | null };
    expect(found.counterparties.map((c) => [c.name, c.form])).toEqual([['Công ty Điện lực Trà Vinh', 'organisation']]);
    expect(found.nextAfterId).toBeNull();
    const ledger = (await get(`/api/entities/TVH-VNN/books/counterparty?period=2024&counterparty=${found.counterparties[0]?.id}`)).json() as { credit: string; lines: { account: string; voucherNumber: string }[] };
    expect(ledger.credit).toBe('150000000');
    expect(ledger.lines.map((l) => [l.account, l.voucherNumber])).toEqual([['5111', 'BC0006/2024']]);
  });

  it('pages through the counterparties', async () => {
    const first = (await get('/api/entities/TVH-VNN/counterparties?limit=2')).json() as { counterparties: { id: number }[]; nextAfterId: number };
    expect(first.counterparties).toHaveLength(2);
    const next = (await get(`/api/entities/TVH-VNN/counterparties?limit=2&afterId=${first.nextAfterId}`)).json() as { counterparties: { id: number }[] };
    expect(next.counterparties[0]?.id).toBeGreaterThan(first.nextAfterId);
  });

  it('streams a book as one JSON document with its lines', async () => {
    const body = (await get('/api/entities/TVH-VNN/books/cash?period=2024')).json() as { book: string; opening: string; closing: string; lines: { voucherNumber: string; balance: string }[] };
    expect([body.book, body.opening, body.closing]).toEqual(['cash', '12000000', '17600000']);
    expect(body.lines.map((l) => [l.voucherNumber, l.balance])).toEqual([['PT0001/2024', '97600000'], ['PC0001/2024', '17600000']]);
  });
});

describe('reports as files', () => {
  it('writes the ledger of 1121 as an Excel workbook of real numbers', async () => {
    const response = await get('/api/entities/TVH-VNN/books/ledger?period=2024&account=1121&format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('TVH-VNN-ledger-1121-2024-01-01-2024-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values: unknown[] = [];
    sheet?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('SỔ CÁI');
    expect(values).toContain(1_850_000_000);
    expect(values).toContain(1_868_542_000);
  });

  it('prints the statement of receipts and uses with the fund’s header, signatures and page numbers', async () => {
    const response = await get('/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024&format=pdf');
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(response.rawPayload);
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const expected of ['BÁO CÁO TÌNH HÌNH THU, CHI QUỸ', 'Từ ngày 01/01/2024 đến ngày 31/12/2024', '1.911.542.000', 'Phụ trách kế toán', 'Lê Thị Thu Hà', 'Trưởng ban', `Trang 1/${pdf.pages.length}`]) {
      expect(text).toContain(expected);
    }
    // The form's checks hold, and a page meant for filing does not print them.
    expect(text).not.toContain('Kiểm tra');
  });

  it('prints the statement of financial position at the period’s last day', async () => {
    const pdf = await readPdf((await get('/api/entities/TVH-VNN/reports/financial-position?period=2024&format=pdf')).rawPayload);
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH TÀI CHÍNH');
    expect(text).toContain('Tại ngày 31/12/2024');
    expect(text).not.toContain('Từ ngày');
    expect(text).not.toContain('Kiểm tra');
  });

  it('signs a book by its keeper and closes it with its page count and the day it was opened', async () => {
    const pdf = await readPdf((await get('/api/entities/TVH-VNN/books/journal?period=2024&format=pdf')).rawPayload);
    const text = pdf.pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    const pages = String(pdf.pages.length).padStart(2, '0');
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(text).toContain(`Sổ này có ${pages} trang, đánh số từ trang 01 đến trang ${pages}. Ngày mở sổ: 01/01/2024.`);
    expect(text).toContain('Người ghi sổ');
    expect(text).not.toContain('Người lập biểu');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('/api/entities/TVH-VNN/books/cash?period=2024&format=xlsx')).rawPayload as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('Sổ này có 01 trang, đánh số từ trang 01 đến trang 01. Ngày mở sổ: 01/01/2024.');
    const consolidated = await readPdf((await get('/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024&consolidated=true&format=pdf')).rawPayload);
    const page = consolidated.pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
    expect(page).toContain('Ban vận động Quỹ "Vì người nghèo" tỉnh Trà Vinh;');
    // The statement is what is signed; the reconciliation of transfers follows it as an annex.
    expect(consolidated.pages.length).toBeGreaterThan(1);
    expect(consolidated.pages[0]?.text).toContain('Người lập biểu');
    expect(consolidated.pages.at(-1)?.text).toContain('BẢNG ĐỐI CHIẾU ĐIỀU TIẾT GIỮA CÁC QUỸ');
    expect(consolidated.pages.at(-1)?.text).not.toContain('Người lập biểu');
  });

  it('lists the vouchers whose number order and date order disagree, for the accountant to explain', async () => {
    const body = (await get('/api/entities/HTH-VNN/vouchers/out-of-order?period=2024')).json();
    expect(body.vouchers.map((o: { number: string; date: string; after: { number: string; date: string } }) => [o.number, o.date, o.after.number, o.after.date])).toEqual([
      ['BC0002/2024', '2024-03-31', 'BC0001/2024', '2024-11-27'],
      ['BC0003/2024', '2024-10-30', 'BC0001/2024', '2024-11-27'],
    ]);
    expect((await get('/api/entities/HTH-VNN/vouchers/out-of-order?period=2024-03')).json().vouchers).toHaveLength(1);
    const bad = await get('/api/entities/HTH-VNN/vouchers/out-of-order?from=2024-05-01&to=2024-01-01');
    expect([bad.statusCode, bad.headers['content-type']]).toEqual([expect.any(Number), expect.stringMatching(/problem\+json/)]);
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('writes the cash book as CSV with a byte order mark for Excel', async () => {
    const response = await get('/api/entities/TVH-VNN/books/cash?period=2024&format=csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toContain('PT0001/2024');
  });

  it('prints foreign currency held in the currency’s own decimals beside its đồng', async () => {
    const response = await get('/api/entities/TVH-VNN/books/currency?period=2024&format=csv');
    expect(response.body).toContain(',USD,,1000.00,25400000,,,1000.00,25400000');
  });

  it('writes the general journal as ledger text', async () => {
    const response = await get('/api/entities/HTH-VNN/books/journal?period=2024&format=ledger');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('2024-01-01');
    expect(response.body).toContain('VND');
  });
});

describe('refusals', () => {
  it.each([
    ['/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024&format=doc', 400, 'format'],
    ['/api/entities/TVH-VNN/reports/balance-sheet?period=2024', 400, 'report'],
    ['/api/entities/TVH-VNN/books/cash?period=2024&counterparty=abc', 400, 'counterparty'],
    ['/api/entities/TVH-VNN/books/cash?period=2024&colour=red', 400, 'colour'],
  ])('answers %s with %i naming the field', async (url, status, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(field);
  });

  it.each([
    ['/api/entities/TVH-VNN/reports/receipts-and-uses?period=2024-Q5', 400, 'invalid_request'],
    ['/api/entities/TVH-VNN/reports/financial-position?from=2024-12-31&to=2024-01-01', 422, 'date_range_invalid'],
    ['/api/entities/TVH-VNN/reports/trial-balance', 422, 'date_range_invalid'],
    ['/api/entities/TVH-VNN/books/ledger?period=2024', 422, 'book_subject_required'],
    ['/api/entities/TVH-VNN/books/ledger?period=2024&account=999', 404, 'account_unknown'],
    ['/api/entities/TVH-VNN/books/counterparty?period=2024&counterparty=9999', 404, 'counterparty_unknown'],
    ['/api/entities/TVH-VNN/books/campaign?period=2024&campaign=NOPE', 404, 'campaign_unknown'],
    ['/api/entities/TVH-VNN/books/bank?period=2024&bankAccount=000', 422, 'bank_account_unknown'],
    ['/api/entities/TVH-VNN/books/cash?period=2024&currency=XXX', 422, 'currency_unknown'],
    ['/api/entities/TVH-VNN/books/cash?period=2024&format=ledger', 422, 'report_format_unavailable'],
    ['/api/entities/NOPE/books/cash?period=2024', 404, 'entity_unknown'],
  ])('answers %s with %i %s', async (url, status, code) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(status);
    expect((response.json() as { code: string }).code).toBe(code);
  });
});
