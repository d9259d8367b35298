/**
 * A bank no layout knows, read by a mapping file: the header's row, which column holds each
 * field, how dates and amounts are written; a CSV with title lines and one signed amount
 * column, a workbook with date cells; a mapping the file does not fit refused naming the
 * column, one that is malformed refused naming its field — by the use case, the API and the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importStatement } from '../../src/app/bank/import-statement.js';
import type { Store } from '../../src/db/store.js';
import { statementMapping, type StatementMapping } from '../../src/import/bank/statement-mapping.js';
import { demoServer } from '../support/demo-server.js';
import { multipart } from '../support/multipart.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

const ACCOUNT = '111222333';
const SACOMBANK = readFileSync('fixtures/statements/TVH-VNN-2025-01-sacombank.csv');
const MAPPING = statementMapping.parse(JSON.parse(readFileSync('fixtures/statements/sacombank-mapping.json', 'utf8')));

function fresh(): Store {
  const store = freshStore();
  createFund(store);
  return store;
}

const run = (store: Store, bytes: Buffer, mapping: StatementMapping, extra: { layout?: string } = {}) =>
  importStatement(store, { entity: FUND.code, bankAccount: ACCOUNT, fileName: 'sao-ke', open: () => Readable.from([bytes]), mapping, actor: ACTOR, ...extra });

describe('a statement read by a mapping file', () => {
  it('reads a CSV from its header row, one signed column as debits and credits, ISO dates with times, and checks the running balance', async () => {
    const store = fresh();
    const imported = await run(store, SACOMBANK, MAPPING);
    expect(imported.ok, imported.ok ? '' : `${imported.code} ${imported.path} ${imported.detail}`).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.batch.layout).toBe('mapping:Sacombank');
    expect(imported.value.figures).toMatchObject({ rows: 3, credits: { count: 2, sum: 1_300_000n }, debits: { count: 1, sum: 5_500n }, opening: 1_863_889_000n, closing: 1_865_183_500n, balancesChecked: 2 });
    expect(store.sqlite.prepare('SELECT posted_on, time, debit, credit, ref FROM bank_statement_rows ORDER BY ordinal').all()).toEqual([
      { posted_on: '2025-01-08', time: '08:15:02', debit: 0, credit: 300_000, ref: 'FT25008001' },
      { posted_on: '2025-01-08', time: '09:40:11', debit: 5_500, credit: 0, ref: 'FT25008002' },
      { posted_on: '2025-01-09', time: '10:02:45', debit: 0, credit: 1_000_000, ref: 'FT25009001' },
    ]);
    const broken = await run(store, Buffer.from(String(SACOMBANK).replace('"-5,500.00"', '"-5,000.00"')), MAPPING);
    expect(broken).toMatchObject({ ok: false, code: 'statement_control_mismatch', path: 'file' });
  });

  it('reads a workbook whose dates are date cells, with debit and credit columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sao kê');
    sheet.addRow(['Ngân hàng TMCP Kỹ Thương Việt Nam']);
    sheet.addRow(['Ngày', 'Diễn giải', 'Nợ', 'Có']);
    sheet.addRow([new Date(Date.UTC(2024, 8, 12)), 'TRAN VAN B ung ho dong bao', null, 250000]);
    sheet.addRow([new Date(Date.UTC(2024, 8, 13)), 'Phi quan ly', 11000, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = statementMapping.parse({ bank: 'Techcombank', headerRow: 2, columns: { date: 'Ngày', remark: 'Diễn giải', debit: 'Nợ', credit: 'Có' }, dates: 'dmy', amounts: 'plain' });
    const imported = await run(fresh(), bytes, mapping);
    expect(imported.ok && imported.value.figures).toMatchObject({ rows: 2, firstDay: '2024-09-12', lastDay: '2024-09-13', credits: { sum: 250_000n }, debits: { sum: 11_000n } });
  });

  it('refuses a mapping the file does not fit, naming the column, and one given with a layout or for a PDF; keeps nothing', async () => {
    const store = fresh();
    expect(await run(store, SACOMBANK, { ...MAPPING, columns: { ...MAPPING.columns, ref: 'Mã GD' } })).toMatchObject({
      ok: false, code: 'statement_layout_unknown', path: 'mapping.columns.ref', detail: expect.stringContaining('column "Mã GD" is not in row 3: Ngày giao dịch, Số chứng từ'),
    });
    expect(await run(store, SACOMBANK, { ...MAPPING, headerRow: 2 })).toMatchObject({ ok: false, path: 'mapping.columns.date' });
    expect(await run(store, SACOMBANK, { ...MAPPING, headerRow: 40 })).toMatchObject({ ok: false, path: 'mapping.headerRow' });
    expect(await run(store, SACOMBANK, { ...MAPPING, dates: 'dmy' })).toMatchObject({ ok: false, code: 'statement_row_invalid', path: 'rows[1].date' });
    expect(await run(store, SACOMBANK, { ...MAPPING, amounts: 'comma-decimals' })).toMatchObject({ ok: false, code: 'statement_row_invalid', path: 'rows[1].amount' });
    expect(await run(store, SACOMBANK, MAPPING, { layout: 'vcb-docno' })).toMatchObject({ ok: false, code: 'statement_layout_unknown', path: 'mapping' });
    expect(await run(store, Buffer.from('%PDF-1.4\n'), MAPPING)).toMatchObject({ ok: false, code: 'statement_layout_unknown', path: 'mapping' });
    expect(store.sqlite.prepare('SELECT count(*) FROM bank_statement_batches').pluck().get()).toBe(0);
  });

  it('takes a mapping only with a date, a remark and a side of the money, and a balance check only with a balance column', () => {
    const issue = (input: unknown) => {
      const parsed = statementMapping.safeParse(input);
      return parsed.success ? 'ok' : parsed.error.issues[0]?.path.join('.');
    };
    const base = { bank: 'ACB', columns: { date: 'Ngày', remark: 'Nội dung', credit: 'Có' }, dates: 'dmy', amounts: 'plain' };
    expect(issue(base)).toBe('ok');
    expect(issue({ ...base, columns: { date: 'Ngày', remark: 'Nội dung' } })).toBe('columns.credit');
    expect(issue({ ...base, columns: { ...base.columns, amount: 'Số tiền' } })).toBe('columns.amount');
    expect(issue({ ...base, control: 'row-balance' })).toBe('control');
    expect(issue({ ...base, dates: 'mdy' })).toBe('dates');
    expect(issue({ ...base, headerRow: 0 })).toBe('headerRow');
    expect(issue({ ...base, columns: { ...base.columns, colour: 'x' } })).toBe('columns');
    expect(issue({ ...base, __proto__: { bank: 1 } })).toBe('ok');
  });
});

describe('a mapping file through the API and the CLI', () => {
  it('imports an upload with its mapping field, and refuses a mapping that is not JSON or names no date with 400 naming the field', async () => {
    const server = await demoServer();
    try {
      const post = (fields: Record<string, string>) => {
        const body = multipart([{ name: 'sacombank.csv', bytes: SACOMBANK }], fields);
        return server.app.inject({ method: 'POST', url: '/api/entities/TVH-VNN/bank-imports?bankAccount=0071000123456', payload: body.payload, headers: { authorization: server.authorization, ...body.headers } });
      };
      const mapping = readFileSync('fixtures/statements/sacombank-mapping.json', 'utf8');
      const notJson = await post({ mapping: '{"bank":' });
      expect([notJson.statusCode, notJson.json().code, notJson.json().field]).toEqual([400, 'invalid_request', 'mapping']);
      const noDate = await post({ mapping: JSON.stringify({ ...JSON.parse(mapping), columns: { remark: 'Nội dung', amount: 'Số tiền' } }) });
      expect([noDate.statusCode, noDate.json().field]).toEqual([400, 'mapping.columns.date']);
      expect(noDate.headers['content-type']).toMatch(/^application\/problem\+json/);
      const imported = await post({ mapping });
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json().batch).toMatchObject({ layout: 'mapping:Sacombank', rows: 3, credits: { count: 2, sum: '1300000' } });
    } finally {
      await server.close();
    }
  });

  it('reads --mapping on the command line, and names what is wrong with a mapping file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-mapping-'));
    const db = join(dir, 'so.db');
    const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    cli('seed-demo');
    const out = cli('import-statement', '--entity', 'TVH-VNN', '--bank-account', '0071000123456', '--file', 'fixtures/statements/TVH-VNN-2025-01-sacombank.csv', '--mapping', 'fixtures/statements/sacombank-mapping.json');
    expect(out).toMatch(/^imported batch \d+ \(mapping:Sacombank\): 3 rows 2025-01-08 – 2025-01-09, credits 2 = 1300000, debits 1 = 5500/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ bank: 'X', columns: { date: 'Ngày', remark: 'Nội dung', credit: 'Có' }, dates: 'dmy', amounts: 'lakh' }));
    let error = '';
    try {
      cli('import-statement', '--entity', 'TVH-VNN', '--bank-account', '0071000123456', '--file', 'fixtures/statements/TVH-VNN-2025-01-sacombank.csv', '--mapping', bad);
    } catch (e) {
      error = String((e as { stderr: string }).stderr);
    }
    expect(error).toContain('--mapping');
    expect(error).toContain('amounts:');
  }, 60_000);
});
