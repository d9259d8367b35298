/**
 * The MISA exchange around the files: the validation report (empty for the demo, naming
 * each problem MISA would refuse), refusals and the clean-only and skip-sent exports, the
 * record of exports with the file's SHA-256, the zip of every template, the lists' cells,
 * a second reader (LibreOffice), and MISA files read back with what was not understood.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLayout } from '../../src/export/misa/layouts.js';
import { MISA_PROBLEMS } from '../../src/export/misa/misa-check.js';
import { IMPORT_PROBLEMS } from '../../src/export/misa/read-vouchers.js';
import { demoServer, type DemoServer } from '../support/demo-server.js';
import { multipart } from '../support/multipart.js';

const YEAR = 'period=2024';
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;

interface Report {
  errors: number;
  issues: { template: string; key: string; problem: string; column?: string; message: string }[];
  templates: { template: string; items: number; clean: number; sent: number }[];
  withoutTemplate: { template: string; vouchers: number }[];
}

/** A workbook of the sheets given, each its rows and name. */
async function books(...sheets: readonly [readonly (readonly unknown[])[], string][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [rows, name] of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const book = (rows: readonly (readonly unknown[])[], sheetName = 'Sheet1') => books([rows, sheetName]);

describe('MISA exchange', () => {
  let server: DemoServer;
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, extra: { payload?: unknown; headers?: Record<string, string> } = {}) =>
    server.app.inject({ method, url, ...(extra.payload !== undefined && { payload: extra.payload as string }), headers: { authorization: server.authorization, ...extra.headers } });
  const validation = async (query: string) => {
    const response = await call('GET', `/api/entities/TVH-VNN/exports/misa/validation?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Report;
  };
  const problems = (report: Report) => new Set(report.issues.map((i) => i.problem));

  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => server.close());

  it('finds nothing MISA would refuse in the demo province’s 2024 books, for SME.NET and for AMIS', async () => {
    const sme = await validation(`product=sme&${YEAR}`);
    expect([sme.errors, sme.issues, sme.withoutTemplate]).toEqual([0, [], []]);
    expect(sme.templates.map((t) => t.template)).toEqual(['so-du-ban-dau', 'doi-tuong', 'he-thong-tai-khoan', 'phieu-thu', 'phieu-chi', 'thu-tien-gui', 'chi-tien-gui', 'chung-tu-khac']);
    expect(sme.templates.every((t) => t.items === t.clean && t.items > 0)).toBe(true);
    const amis = await validation(`product=amis&${YEAR}`);
    expect(amis.errors).toBe(0);
    // AMIS has no cash payment or general voucher template: the report says how many vouchers that leaves out.
    expect(amis.withoutTemplate.map((w) => w.template).sort()).toEqual(['chung-tu-khac', 'phieu-chi']);
    expect(amis.withoutTemplate.find((w) => w.template === 'phieu-chi')?.vouchers).toBe(sme.templates.find((t) => t.template === 'phieu-chi')?.items);
  });

  it('names an account a broken mapping leaves out, refuses the export, and writes the clean vouchers when asked', async () => {
    const accounts = (await call('GET', '/api/entities/TVH-VNN/accounts')).json() as { code: string }[];
    const all = Object.fromEntries(accounts.map((a) => [a.code, a.code]));
    const { '1121': _bank, ...withoutBank } = all;
    const put = await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: false, accounts: withoutBank } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call('GET', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme')).json()).toMatchObject({ product: 'sme', identity: false });

    const report = await validation(`product=sme&${YEAR}`);
    const unmapped = report.issues.filter((i) => i.problem === 'account_unmapped');
    expect(unmapped.length).toBeGreaterThan(0);
    expect(new Set(unmapped.map((i) => i.message))).toEqual(new Set([`${MISA_PROBLEMS.account_unmapped}: 1121`]));
    expect(unmapped.map((i) => i.template)).toContain('thu-tien-gui');

    const refused = await call('GET', `/api/entities/TVH-VNN/exports/misa/thu-tien-gui?${YEAR}`);
    expect([refused.statusCode, refused.json().code, refused.json().field]).toEqual([422, 'misa_export_invalid', 'querystring.mapping']);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);

    const clean = await call('GET', `/api/entities/TVH-VNN/exports/misa/thu-tien-gui?${YEAR}&cleanOnly=true`);
    expect(clean.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(clean.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Thu tiền gửi')?.rowCount).toBe(1);
    const checks = workbook.getWorksheet('Kết quả kiểm tra');
    const texts = checks?.getSheetValues().flat().map(String) ?? [];
    expect(texts.some((t) => t.includes(`${MISA_PROBLEMS.account_unmapped}: 1121`))).toBe(true);

    const restored = await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: true, accounts: {} } });
    expect(restored.statusCode).toBe(200);
    const unknown = await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: true, accounts: { '9999': '9999' } } });
    expect([unknown.statusCode, unknown.json().code, unknown.json().field]).toEqual([404, 'account_unknown', 'body.accounts.9999']);
    const malformed = await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: true, accounts: { '1121': 'có dấu cách' } } });
    expect([malformed.statusCode, malformed.json().field]).toEqual([400, 'body.accounts.1121']);
  });

  it('names a reason code outside MISA’s list, a text over its limit and a voucher dated outside the period', async () => {
    await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: true, accounts: {}, reasons: { 'phieu-thu': { otherwise: '99' } } } });
    const coded = await validation(`product=sme&${YEAR}`);
    expect(coded.issues.find((i) => i.problem === 'code_not_allowed')).toMatchObject({ template: 'phieu-thu', column: 'Lý do nộp' });
    await call('PUT', '/api/entities/TVH-VNN/exports/misa/mapping?product=sme', { payload: { identity: true, accounts: {} } });

    const content = { type: 'cash-receipt', date: '2025-01-29', accountingDate: '2025-02-03', reason: `Ủng hộ ${'rất '.repeat(70)}nhiều`, counterparty: { name: 'Ông Trần Văn Bình' }, amount: '500000' };
    const posted = await call('POST', '/api/entities/TVH-VNN/vouchers?post=true', { payload: content });
    expect(posted.statusCode, posted.body).toBe(201);
    const number = posted.json().number as string;
    const report = await validation('product=sme&period=2025-02');
    const mine = report.issues.filter((i) => i.key === number);
    expect(new Set(mine.map((i) => i.problem))).toEqual(new Set(['too_long', 'date_outside_period']));
    expect(mine.find((i) => i.problem === 'too_long')?.column).toBe('Diễn giải');
    // A wider period holds its voucher date; the text is still too long.
    expect(new Set((await validation('product=sme&period=2025')).issues.filter((i) => i.key === number).map((i) => i.problem))).toEqual(new Set(['too_long']));
  });

  it('records each export with its file’s SHA-256, and refuses or leaves out what was sent before', async () => {
    const first = await call('GET', '/api/entities/TVH-VNN/exports/misa/phieu-chi?product=sme&period=2024');
    expect(first.statusCode).toBe(200);
    const listed = await call('GET', '/api/entities/TVH-VNN/exports/misa/records');
    expect(listed.statusCode, listed.body).toBe(200);
    const records = listed.json() as { exports: { template: string; sha256: string | null; vouchers: number; exportedBy: string }[] };
    const record = records.exports.find((r) => r.template === 'phieu-chi');
    expect(record?.sha256).toBe(createHash('sha256').update(first.rawPayload).digest('hex'));
    expect(record?.vouchers).toBeGreaterThan(0);
    expect(record?.exportedBy).toBe('admin');

    const again = await call('GET', '/api/entities/TVH-VNN/exports/misa/phieu-chi?product=sme&period=2024');
    expect([again.statusCode, again.json().code, again.json().field]).toEqual([422, 'misa_export_invalid', 'querystring.skipSent']);
    expect(problems(await validation('product=sme&period=2024'))).toContain('number_sent');
    // The same vouchers to the other product are not sent yet.
    expect(problems(await validation('product=amis&period=2024')).has('number_sent')).toBe(false);
    const skipped = await validation('product=sme&period=2024&skipSent=true');
    expect(skipped.templates.find((t) => t.template === 'phieu-chi')).toMatchObject({ items: 0, sent: record?.vouchers });
    const rest = await call('GET', '/api/entities/TVH-VNN/exports/misa/phieu-chi?product=sme&period=2024&skipSent=true');
    expect(rest.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rest.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Phiếu chi')?.rowCount).toBe(1);
  });

  it('zips every template with the report; the lists’ cells are typed and the vouchers’ counterparty codes are in the list', async () => {
    const response = await call('GET', '/api/entities/HTH-VNN/exports/misa?product=sme&period=2024');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/HTH-VNN-misa-sme-tat-ca-2024-01-01-2024-12-31\.zip/);
    const zip = await unzipper.Open.buffer(response.rawPayload);
    expect(zip.files.map((f) => f.path).sort()).toEqual(['chi-tien-gui.xlsx', 'chung-tu-khac.xlsx', 'doi-tuong.xlsx', 'he-thong-tai-khoan.xlsx', 'kiem-tra.json', 'phieu-chi.xlsx', 'phieu-thu.xlsx', 'so-du-ban-dau.xlsx', 'thu-tien-gui.xlsx']);
    const file = async (name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await zip.files.find((f) => f.path === name)?.buffer()) as unknown as ArrayBuffer);
      return workbook.worksheets[0] as ExcelJS.Worksheet;
    };
    expect(JSON.parse(String(await zip.files.find((f) => f.path === 'kiem-tra.json')?.buffer())).errors).toBe(0);
    const opening = await file('so-du-ban-dau.xlsx');
    expect(opening.getRow(1).values).toEqual([undefined, ...(findLayout('sme', 'so-du-ban-dau')?.columns.map((c) => c.header) ?? [])]);
    let debit = 0;
    let credit = 0;
    for (let r = 2; r <= opening.rowCount; r += 1) {
      const row = opening.getRow(r);
      // One side, a number; the other empty.
      expect([typeof row.getCell(3).value, typeof row.getCell(5).value].sort()).toEqual(['number', 'object']);
      expect([row.getCell(3).value, row.getCell(5).value]).toContain(null);
      debit += Number(row.getCell(3).value);
      credit += Number(row.getCell(5).value);
    }
    expect(debit).toBe(credit);
    expect(debit).toBeGreaterThan(0);
    const parties = await file('doi-tuong.xlsx');
    const codes = new Set(Array.from({ length: parties.rowCount - 1 }, (_, i) => String(parties.getRow(i + 2).getCell(3).value)));
    const receipts = await file('thu-tien-gui.xlsx');
    const used = Array.from({ length: receipts.rowCount - 1 }, (_, i) => receipts.getRow(i + 2).getCell(5).value).filter((v) => v !== null).map(String);
    expect(used.length).toBeGreaterThan(0);
    for (const code of used) expect(codes).toContain(code);
    const chart = await file('he-thong-tai-khoan.xlsx');
    const accounts = Array.from({ length: chart.rowCount - 1 }, (_, i) => chart.getRow(i + 2));
    expect(accounts.find((r) => r.getCell(1).value === '1121')?.getCell(4).value).toBe('112');
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice, a second reader: the template converts to CSV with its header first', async () => {
    const response = await call('GET', '/api/entities/TVH-CT/exports/misa/thu-tien-gui?product=sme&period=2024');
    expect(response.statusCode, response.body).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'misa-'));
    writeFileSync(join(dir, 'thu-tien-gui.xlsx'), response.rawPayload);
    const csv = join(dir, 'thu-tien-gui.csv');
    // A fresh LibreOffice profile can end its first start before converting: it is asked again.
    for (let attempt = 0; attempt < 3 && !existsSync(csv); attempt += 1) {
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'thu-tien-gui.xlsx')], { encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
    }
    const [header, first] = readFileSync(csv, 'utf8').split('\n');
    expect(header?.split(',')).toEqual(findLayout('sme', 'thu-tien-gui')?.columns.map((c) => c.header));
    expect(first?.split(',')[1]).toMatch(/^\d{2}\/\d{2}\/2024$/);
  });

  it('reads back a file as MISA AMIS writes it: title rows, real dates, amounts with separators; unknown columns and sheets are said, not guessed', async () => {
    const header = findLayout('amis', 'phieu-thu')?.columns.map((c) => c.header) ?? [];
    const cell = (values: Record<string, unknown>) => header.map((h) => values[h.trim()] ?? null);
    const rows = [
      ['FILE MẪU PHIẾU THU ĐỂ NHẬP VÀO PHẦN MỀM AMIS ACCOUNTING'], ['Hướng dẫn:'], ['-'], ['-'], ['-'], ['-'], [],
      [...header, 'Ghi chú'],
      cell({ 'Ngày hạch toán (*)': new Date(Date.UTC(2024, 11, 3)), 'Ngày chứng từ (*)': new Date(Date.UTC(2024, 11, 3)), 'Số chứng từ (*)': 'PT-AMIS-01', 'Tên đối tượng': 'Bà Lê Thị Mai', 'Diễn giải lý do nộp': 'Ủng hộ Quỹ', 'TK Nợ (*)': '1111', 'TK Có (*)': '5111', 'Số tiền': '1.500.000' }),
      cell({ 'Ngày hạch toán (*)': '03/12/2024', 'Ngày chứng từ (*)': '03/12/2024', 'Số chứng từ (*)': 'PT-AMIS-01', 'Tên đối tượng': 'Bà Lê Thị Mai', 'Diễn giải lý do nộp': 'Ủng hộ Quỹ', 'TK Nợ (*)': '1111', 'TK Có (*)': '5111', 'Số tiền': 500000 }),
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Phiếu thu');
    for (const row of rows) sheet.addRow(row);
    workbook.addWorksheet('Ghi chép').addRow(['Không phải mẫu MISA']);
    const upload = multipart([{ name: 'amis.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) }]);
    const imported = await call('POST', '/api/entities/HTH-VNN/imports/misa', upload);
    expect(imported.statusCode, imported.body).toBe(201);
    const report = imported.json() as { sheets: { product: string; template: string; rows: number }[]; vouchers: { id: number; number: string; type: string }[]; notes: string[]; drafts: number };
    expect(report.sheets).toMatchObject([{ product: 'amis', template: 'phieu-thu', rows: 2 }]);
    expect(report.drafts).toBe(1);
    expect(report.notes.some((n) => n.includes('Ghi chú'))).toBe(true);
    expect(report.notes.some((n) => n.includes('Ghi chép'))).toBe(true);
    const draft = (await call('GET', `/api/entities/HTH-VNN/vouchers/${report.vouchers[0]?.id}`)).json();
    expect(draft).toMatchObject({ status: 'draft', type: 'cash-receipt', date: '2024-12-03', amount: '2000000', counterparty: { name: 'Bà Lê Thị Mai', kind: 'donor' } });
    // The voucher's counterparty goes on the side that is not money, as the fund's own receipts carry it.
    expect(draft.content.lines).toEqual([
      { account: '1111', debit: '2000000' },
      { account: '5111', credit: '2000000', counterparty: { kind: 'donor', name: 'Bà Lê Thị Mai' } },
    ]);
  });

  it('lists every row it cannot read, by file, sheet, row and column, and imports nothing', async () => {
    const header = findLayout('sme', 'phieu-thu')?.columns.map((c) => c.header) ?? [];
    const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '');
    const good = { 'Ngày hạch toán (*)': '05/12/2024', 'Ngày chứng từ (*)': '05/12/2024', 'TK Nợ (*)': '1111', 'TK Có (*)': '5111', 'Số tiền': '100000' };
    const opening = findLayout('sme', 'so-du-ban-dau')?.columns.map((c) => c.header) ?? [];
    const bytes = await books([[opening, ['1111', 'VND', '5000']], 'Số dư tài khoản'], [[
      header,
      row({ ...good, 'Số chứng từ (*)': 'A1', 'Ngày hạch toán (*)': '31/02/2024' }),
      row({ ...good, 'Số chứng từ (*)': 'A2', 'Số tiền': '0' }),
      row({ ...good, 'Số chứng từ (*)': 'A3', 'TK Nợ (*)': '9999' }),
      row({ ...good, 'Số chứng từ (*)': 'A4-QUA-DAI-HAI-MUOI-KY-TU' }),
      row({ ...good, 'Số chứng từ (*)': 'PT0001/2024' }),
      row({ ...good, 'Số chứng từ (*)': 'A6' }),
      row({ ...good, 'Số chứng từ (*)': 'A7' }),
      row({ ...good, 'Số chứng từ (*)': 'A6' }),
      row({ ...good, 'Số chứng từ (*)': 'A8', 'TK Có (*)': '' }),
    ], 'Phiếu thu']);
    const before = (await call('GET', '/api/entities/TVH-VNN/vouchers?limit=500')).json().vouchers.length as number;
    const checked = await call('POST', '/api/entities/TVH-VNN/imports/misa?check=true', multipart([{ name: 'sai.xlsx', bytes }]));
    expect(checked.statusCode, checked.body).toBe(200);
    const report = checked.json() as { issues: { row: number; problem: string; column?: string; sheet: string; file: string }[]; imported: boolean };
    expect(report.imported).toBe(false);
    expect(report.issues.map((i) => [i.row, i.problem, i.column ?? null])).toEqual([
      [2, 'opening_exists', null],
      [2, 'date_invalid', 'Ngày hạch toán (*)'], [3, 'amount_invalid', 'Số tiền'], [4, 'account_unknown', 'TK Nợ (*)'], [5, 'number_too_long', 'Số chứng từ (*)'],
      [6, 'number_taken', 'Số chứng từ (*)'], [9, 'rows_apart', null], [10, 'field_missing', 'TK Có (*)'],
    ]);
    expect(new Set(report.issues.map((i) => i.problem))).toEqual(new Set(Object.keys(IMPORT_PROBLEMS)));
    expect(report.issues[1]).toMatchObject({ file: 'sai.xlsx', sheet: 'Phiếu thu' });

    const refused = await call('POST', '/api/entities/TVH-VNN/imports/misa', multipart([{ name: 'sai.xlsx', bytes }]));
    expect([refused.statusCode, refused.json().code, refused.json().field]).toEqual([422, 'misa_import_invalid', 'file']);
    expect((await call('GET', '/api/entities/TVH-VNN/vouchers?limit=500')).json().vouchers.length).toBe(before);
  });

  it('refuses what is not a MISA file: not multipart, not a workbook, no known header', async () => {
    const json = await call('POST', '/api/entities/HTH-VNN/imports/misa', { payload: { file: 'x' } });
    expect([json.statusCode, json.json().code, json.json().field]).toEqual([422, 'misa_file_unreadable', 'headers.content-type']);
    const junk = await call('POST', '/api/entities/HTH-VNN/imports/misa', multipart([{ name: 'a.xlsx', bytes: Buffer.from('PK not really') }]));
    expect([junk.statusCode, junk.json().code]).toEqual([422, 'misa_file_unreadable']);
    const other = await call('POST', '/api/entities/HTH-VNN/imports/misa', multipart([{ name: 'b.xlsx', bytes: await book([['Họ tên', 'Số tiền']]) }]));
    expect([other.statusCode, other.json().code, other.json().detail]).toEqual([422, 'misa_layout_unknown', 'b.xlsx / Sheet1']);
  });
});
