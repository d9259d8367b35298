/**
 * Bank statements imported: each layout on a small file written by hand in its shape, the
 * bank's figures reproduced or the batch refused with the difference named, the same file
 * again creating nothing, identical-looking rows kept apart; and each real CSV sample of the
 * 2024 campaign (../shared/data/yagi, skipped when absent) with its control totals.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importStatement, type ExpectedFigures } from '../../src/app/bank/import-statement.js';
import { postStatement } from '../../src/app/bank/post-statement.js';
import type { Store } from '../../src/db/store.js';
import { demoServer } from '../support/demo-server.js';
import { multipart } from '../support/multipart.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

const ACCOUNT = '111222333';

function run(store: Store, text: string, options: { year?: number; expected?: ExpectedFigures; layout?: string; account?: string } = {}) {
  return importStatement(store, {
    entity: FUND.code, bankAccount: options.account ?? ACCOUNT, fileName: 'sao-ke.csv', open: () => Readable.from([Buffer.from(text)]), actor: ACTOR,
    ...(options.year !== undefined && { year: options.year }), ...(options.expected && { expected: options.expected }), ...(options.layout && { layout: options.layout }),
  });
}

const count = (store: Store, table: string) => store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function fresh(): Store {
  const store = freshStore();
  createFund(store);
  return store;
}

const VCB = `TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail
01/09/2024,5213.45946,,50.000,,292976.010924.013647.xin cam on
01/09/2024,5090.85797,,20.000,1.000.070.000,MBVCB.6916176124.CAO VIET TUAN chuyen tien.CT tu 0101001222009 CAO VIET TUAN toi 0011001932418
02/09/2024,5090.85797,55.000,,,PHI SMS
02/09/2024,5241.83107,,1.000.000,1.001.015.000,"IBVCB.ung ho
dong bao bao lu"
`;

describe('bank statements', () => {
  it('reads Vietcombank’s layout, checks each day-end balance and keeps both sides, the reference and the remark', async () => {
    const store = fresh();
    const imported = await run(store, VCB);
    expect(imported.ok, imported.ok ? "" : `${imported.code} ${imported.path} ${imported.detail}`).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.created).toBe(true);
    expect(imported.value.figures).toMatchObject({
      rows: 4, credits: { count: 3, sum: 1_070_000n }, debits: { count: 1, sum: 55_000n }, opening: 1_000_000_000n, closing: 1_001_015_000n, balancesChecked: 1,
      firstDay: '2024-09-01', lastDay: '2024-09-02',
    });
    const rows = store.sqlite.prepare('SELECT ordinal, posted_on, debit, credit, ref, remark FROM bank_statement_rows ORDER BY ordinal').all();
    expect(rows[3]).toEqual({ ordinal: 4, posted_on: '2024-09-02', debit: 0, credit: 1_000_000, ref: '5241.83107', remark: 'IBVCB.ung ho dong bao bao lu' });
    expect(rows[2]).toMatchObject({ debit: 55_000, credit: 0 });
  });

  it('refuses a statement whose rows do not give the balance the bank printed, and keeps nothing', async () => {
    const store = fresh();
    const broken = await run(store, VCB.replace('1.000.000,1.001.015.000', '100.000,1.001.015.000'));
    expect(broken).toMatchObject({ ok: false, code: 'statement_control_mismatch', path: 'file' });
    expect(!broken.ok && broken.detail).toContain('difference 900000');
    expect([count(store, 'bank_statement_batches'), count(store, 'bank_statement_rows')]).toEqual([0, 0]);
  });

  it('refuses counts and sums the bank gives that the rows do not reproduce', async () => {
    const store = fresh();
    const refused = await run(store, VCB, { expected: { creditCount: 3, creditSum: 1_070_001n } });
    expect(refused).toMatchObject({ ok: false, code: 'statement_control_mismatch', path: 'expected.creditSum' });
    expect((await run(store, VCB, { expected: { creditCount: 3, creditSum: 1_070_000n, debitCount: 1, debitSum: 55_000n } })).ok).toBe(true);
  });

  it('creates nothing when the same file comes again, and keeps identical-looking rows as the distinct transfers they are', async () => {
    const store = fresh();
    const twins = `date,content,money\n18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000\n18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000\n`;
    const first = await run(store, twins);
    expect(first.ok && first.value.figures.credits).toEqual({ count: 2, sum: 400_000n });
    const again = await run(store, twins);
    expect(again.ok && again.value.created).toBe(false);
    expect(again.ok && again.value.batch.id).toBe(first.ok ? first.value.batch.id : -1);
    expect([count(store, 'bank_statement_batches'), count(store, 'bank_statement_rows')]).toEqual([1, 2]);
  });

  it('reads the page export with a running balance on every row, and BIDV’s files with and without the year', async () => {
    const store = fresh();
    const pages = `PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount
1,09/09/2024,,,1375649,NGUYEN THI ANH ung ho,,"500,000","524,700",
1,10/09/2024,12:01:29,,,"CT nhanh 247 den: TRAN TIEN ANH chuyen
tien ung ho",,"50,000","574,700",TRAN TIEN ANH – A/C
`;
    const paged = await run(store, pages);
    expect(paged.ok && paged.value.figures).toMatchObject({ opening: 24_700n, closing: 574_700n, balancesChecked: 1, credits: { count: 2, sum: 550_000n } });
    const timed = store.sqlite.prepare('SELECT time, counter_account, ref FROM bank_statement_rows WHERE ordinal = 2').get();
    expect(timed).toEqual({ time: '12:01:29', counter_account: 'TRAN TIEN ANH – A/C', ref: null });

    const bidv = `date,money,content\n01/09/2024,150000,1261122666 Ung ho\n02/09/2024,1,1261122666 TRAN QUANG HUY Chuyen tien\n`;
    expect((await run(store, bidv)).ok).toBe(true);
    const noYear = `date,bank,id,money,desc,page\n10/09 0:54:04,BIDV,1,20000000,0501000016xxx TKThe :0501000016xxx tai VCB.,1\n`;
    expect(await run(store, noYear)).toMatchObject({ ok: false, code: 'statement_year_required', path: 'year' });
    const dated = await run(store, noYear, { year: 2024 });
    expect(dated.ok && dated.value.figures.firstDay).toBe('2024-09-10');
    expect(store.sqlite.prepare("SELECT time, ref FROM bank_statement_rows WHERE remark LIKE '0501000016xxx%'").get()).toEqual({ time: '00:54:04', ref: '1' });
  });

  it('refuses a header it does not know naming the layouts it expects, a layout other than the one asked for, an unreadable amount or date, and an account of another fund', async () => {
    const store = fresh();
    const unknown = await run(store, 'Ngay,So tien\n01/09/2024,5\n');
    expect(unknown).toMatchObject({ ok: false, code: 'statement_layout_unknown', path: 'file' });
    expect(!unknown.ok && unknown.detail).toContain('vcb-docno: TNXDate, DocNo');
    expect(await run(store, VCB, { layout: 'page-export' })).toMatchObject({ ok: false, code: 'statement_layout_unknown' });
    expect(await run(store, VCB, { layout: 'nope' })).toMatchObject({ ok: false, code: 'statement_layout_unknown', path: 'layout' });
    expect(await run(store, `date,money,content\n01/09/2024,,Ung ho\n`)).toMatchObject({ ok: false, code: 'statement_row_invalid', path: 'rows[1].credit' });
    expect(await run(store, `date,money,content\n01/09/2024,1.5,Ung ho\n`)).toMatchObject({ ok: false, code: 'statement_row_invalid', path: 'rows[1].credit' });
    expect(await run(store, `date,money,content\n31/02/2024,5,Ung ho\n`)).toMatchObject({ ok: false, code: 'statement_row_invalid', path: 'rows[1].date' });
    expect(await run(store, VCB, { account: '999' })).toMatchObject({ ok: false, code: 'bank_account_unknown' });
    expect([count(store, 'bank_statement_batches'), count(store, 'bank_statement_rows')]).toEqual([0, 0]);
  });
});

const YAGI = '../shared/data/yagi';
/** The real samples and the bank's own figures for each (data/yagi/README.md). */
const SAMPLES = [
  { file: 'vcb-0011001932418_2024-09-01_09.csv', account: '0011001932418', rows: 6_977, credits: 8_773_133_584n, debits: 55_000n, opening: 10_847_182_843n, closing: 19_620_261_427n },
  { file: 'vietinbank-111602391111_2024-09-10_12.csv', account: '111602391111', rows: 5_000, credits: 2_869_598_967n },
  { file: 'vietinbank-111602391111_2024-09-18.csv', account: '111602391111', rows: 7_534, credits: 6_649_657_484n },
  { file: 'bidv-1261122666_2024-09-01_12.csv', account: '1261122666', rows: 5_807, credits: 5_981_208_156n },
  { file: 'bidv-1261122666_2024-09-10_17.csv', account: '1261122666', rows: 5_000, credits: 4_748_153_710n, year: 2024 },
  { file: 'agribank-1500201113838_2024-09-09_12.csv', account: '1500201113838', rows: 5_000, credits: 2_642_932_873n, closing: 2_642_957_573n },
] as const;

describe.skipIf(!existsSync(YAGI))('the real statements of the 2024 campaign', () => {
  it.each(SAMPLES.map((s) => [s.file, s] as const))('%s reproduces the bank’s totals', async (_file, sample) => {
    const store = freshStore();
    const accounts = [...new Set(SAMPLES.map((s) => s.account))];
    createFund(store, { bankAccounts: accounts.map((number) => ({ kind: 'bank' as const, institution: 'Ngân hàng', number, accountCode: '1121' })) });
    const imported = await importStatement(store, {
      entity: FUND.code, bankAccount: sample.account, fileName: sample.file, open: () => createReadStream(`${YAGI}/${sample.file}`), actor: ACTOR,
      ...('year' in sample && { year: sample.year }),
    });
    expect(imported.ok, imported.ok ? "" : `${imported.code} ${imported.path} ${imported.detail}`).toBe(true);
    if (!imported.ok) return;
    const { figures } = imported.value;
    expect(figures.rows).toBe(sample.rows);
    expect(figures.credits.sum).toBe(sample.credits);
    if ('debits' in sample) expect(figures.debits.sum).toBe(sample.debits);
    if ('closing' in sample) expect(figures.closing).toBe(sample.closing);
    if ('opening' in sample && sample.file.startsWith('vcb')) expect(figures.opening).toBe(sample.opening);
  });
});

describe('bank statements posted as receipts', () => {
  it('posts a batch’s credits as one bank receipt a day, keeps each transfer’s donor and reference, drafts its bank charge, and creates nothing the second time', async () => {
    const store = fresh();
    const imported = await run(store, VCB);
    if (!imported.ok) throw new Error(imported.code);
    const posted = postStatement(store, { entity: FUND.code, batch: imported.value.batch.id, actor: ACTOR });
    expect(posted).toEqual({ ok: true, value: { receipts: 2, transfers: 3, credited: 1_070_000n, charges: 1, held: 0 } });
    const vouchers = store.sqlite.prepare("SELECT type, status, number, amount FROM vouchers ORDER BY id").all();
    expect(vouchers).toEqual([
      { type: 'bank-receipt', status: 'posted', number: 'BC0001/2024', amount: 70_000 },
      { type: 'bank-payment', status: 'draft', number: null, amount: 55_000 },
      { type: 'bank-receipt', status: 'posted', number: 'BC0002/2024', amount: 1_000_000 },
    ]);
    const lines = store.sqlite.prepare(`SELECT l.external_ref AS ref, cp.name AS donor, l.amount FROM entry_lines l LEFT JOIN counterparties cp ON cp.id = l.counterparty_id WHERE l.amount < 0 ORDER BY l.id`).all();
    expect(lines).toEqual([{ ref: '5213.45946', donor: null, amount: -50_000 }, { ref: '5090.85797', donor: 'CAO VIET TUAN', amount: -20_000 }, { ref: '5241.83107', donor: null, amount: -1_000_000 }]);
    expect(store.sqlite.prepare('SELECT count(*) FROM bank_statement_rows WHERE voucher_id IS NULL').pluck().get()).toBe(0);
    expect(postStatement(store, { entity: FUND.code, batch: imported.value.batch.id, actor: ACTOR })).toEqual({ ok: true, value: { receipts: 0, transfers: 0, credited: 0n, charges: 0, held: 0 } });
    expect(postStatement(store, { entity: FUND.code, batch: 99, actor: ACTOR })).toMatchObject({ ok: false, code: 'statement_batch_unknown', path: 'batch' });
  });

  it('posts one receipt a transfer when asked, and refuses the whole batch when the rules refuse one of its days', async () => {
    const store = fresh();
    const twins = `date,content,money\n18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000\n18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000\n`;
    const imported = await run(store, twins);
    if (!imported.ok) throw new Error(imported.code);
    expect(postStatement(store, { entity: FUND.code, batch: imported.value.batch.id, per: 'transfer', actor: ACTOR })).toMatchObject({ ok: true, value: { receipts: 2, transfers: 2, credited: 400_000n } });
    const early = await run(store, `date,money,content\n15/06/2023,5000,Ung ho truoc nam mo so\n`);
    if (!early.ok) throw new Error(early.code);
    const refused = postStatement(store, { entity: FUND.code, batch: early.value.batch.id, actor: ACTOR });
    expect(refused).toMatchObject({ ok: false, code: 'date_outside_open_year' });
    expect(store.sqlite.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(2);
  });
});

describe('bank statements through the API', () => {
  it('imports an upload as a batch, answers the same file again with that batch, lists and shows batches, and refuses with problem+json', async () => {
    const server = await demoServer();
    try {
      const call = (method: 'GET' | 'POST', url: string, extra: { payload?: Buffer; headers?: Record<string, string> } = {}) =>
        server.app.inject({ method, url, ...(extra.payload && { payload: extra.payload }), headers: { authorization: server.authorization, ...extra.headers } });
      const file = readFileSync('fixtures/statements/TVH-VNN-2025-01.csv');
      const url = '/api/entities/TVH-VNN/bank-imports?bankAccount=0071000123456&creditCount=4&creditSum=1900000';
      const first = await call('POST', url, multipart([{ name: 'TVH-VNN-2025-01.csv', bytes: file }]));
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        created: true,
        batch: { bankAccount: '0071000123456', layout: 'vcb-docno', fileName: 'TVH-VNN-2025-01.csv', rows: 5, credits: { count: 4, sum: '1900000' }, debits: { count: 1, sum: '11000' }, openingBalance: '1862000000', closingBalance: '1863889000' },
      });
      const again = await call('POST', url, multipart([{ name: 'copy.csv', bytes: file }]));
      expect([again.statusCode, again.json().created, again.json().batch.id]).toEqual([200, false, first.json().batch.id]);
      const list = (await call('GET', '/api/entities/TVH-VNN/bank-imports')).json();
      expect(list.batches).toHaveLength(1);
      expect((await call('GET', `/api/entities/TVH-VNN/bank-imports/${first.json().batch.id}`)).json().sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await call('GET', '/api/entities/TVH-VNN/bank-imports/999')).statusCode).toBe(404);

      const wrongSum = await call('POST', '/api/entities/TVH-VNN/bank-imports?bankAccount=0071000123456&creditSum=1', multipart([{ name: 'x.csv', bytes: Buffer.from(String(file).replace('06/01/2025', '05/01/2025')) }]));
      expect([wrongSum.statusCode, wrongSum.json().code, wrongSum.json().field]).toEqual([422, 'statement_control_mismatch', 'querystring.creditSum']);
      expect(wrongSum.headers['content-type']).toMatch(/^application\/problem\+json/);
      const unknownAccount = await call('POST', '/api/entities/TVH-VNN/bank-imports?bankAccount=999', multipart([{ name: 'x.csv', bytes: file }]));
      expect([unknownAccount.statusCode, unknownAccount.json().code, unknownAccount.json().field]).toEqual([422, 'bank_account_unknown', 'querystring.bankAccount']);
      const json = await call('POST', '/api/entities/TVH-VNN/bank-imports?bankAccount=0071000123456', { payload: Buffer.from('{}'), headers: { 'content-type': 'application/json' } });
      expect([json.statusCode, json.json().code]).toEqual([422, 'statement_layout_unknown']);
      expect((await call('GET', '/api/entities/TVH-VNN/bank-imports')).json().batches).toHaveLength(1);
      const recon = async () => (await call('GET', '/api/entities/TVH-VNN/reconciliation?bankAccount=0071000123456&from=2025-01-01&to=2025-01-31')).json();
      const before = await recon();
      expect(before.agrees).toBe(false);
      expect(before.days).toEqual([
        expect.objectContaining({ date: '2025-01-06', statementNet: '900000', ledgerNet: '0', difference: '900000', printedBalance: '1862900000', unpostedRows: 3, unpostedAmount: '900000' }),
        expect.objectContaining({ date: '2025-01-07', statementNet: '989000', ledgerNet: '0', difference: '989000', printedBalance: '1863889000', unpostedRows: 2 }),
      ]);
      const receipts = await call('POST', `/api/entities/TVH-VNN/bank-imports/${first.json().batch.id}/receipts`);
      expect([receipts.statusCode, receipts.json()]).toEqual([200, { receipts: 2, transfers: 4, credited: '1900000', charges: 1, held: 0 }]);
      const after = await recon();
      // The receipts are posted; the bank charge waits for an approver, so its day differs by it.
      expect(after.days.map((d: { date: string; difference: string; unpostedRows: number }) => [d.date, d.difference, d.unpostedRows])).toEqual([['2025-01-06', '0', 0], ['2025-01-07', '-11000', 1]]);
      expect(after.days[1].ledgerBalance).toBe(String(BigInt(after.openingLedgerBalance) + 1_900_000n));
      const badAccount = await call('GET', '/api/entities/TVH-VNN/reconciliation?bankAccount=999&period=2025');
      expect([badAccount.statusCode, badAccount.json().code, badAccount.json().field]).toEqual([422, 'bank_account_unknown', 'querystring.bankAccount']);
      const none = await call('POST', '/api/entities/TVH-VNN/bank-imports/999/receipts');
      expect([none.statusCode, none.json().code, none.json().field]).toEqual([404, 'statement_batch_unknown', 'params.id']);
    } finally {
      await server.close();
    }
  });
});
