/**
 * One transfer, booked once, whoever saw it first: a later statement of the same account
 * matched to the earlier one by reference or by rows alike in equal number, a feed's event
 * and the statement row of the same transfer, in either order; what cannot be decided goes
 * to review; rows a campaign rule refuses are held; the campaign read from the remark; and a
 * statement imported in the background through the API, with its review list.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decideReview } from '../../src/app/bank/decide-review.js';
import { importStatement } from '../../src/app/bank/import-statement.js';
import { postStatement } from '../../src/app/bank/post-statement.js';
import { createCampaign } from '../../src/app/create-campaign.js';
import { receiveDelivery } from '../../src/app/feeds/receive-delivery.js';
import { registerFeed } from '../../src/app/feeds/register-feed.js';
import type { Store } from '../../src/db/store.js';
import { reviewRows } from '../../src/db/transfer-matches-repo.js';
import { matchTransfers, sameCounterAccount, type KnownTransfer, type NewRow } from '../../src/import/bank/match-transfers.js';
import { sortedJson } from '../../src/import/feeds/verify-delivery.js';
import { demoServer } from '../support/demo-server.js';
import { multipart } from '../support/multipart.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

const ACCOUNT = '111222333';
const SECRET = 'khoa-bi-mat-cua-quy-0123456789';

const transfer = (over: Partial<NewRow> = {}): NewRow => ({ ordinal: 1, postedOn: '2024-09-10', time: null, direction: 'in', amount: 100_000n, ref: null, counterAccount: null, remark: null, ...over });
const known = (over: Partial<KnownTransfer> = {}, eventId = 1): KnownTransfer => ({ ...transfer(over), source: { kind: 'event', eventId }, ...over });

describe('matching a transfer to the ones the books know', () => {
  it('takes the bank’s reference within the posting lag, and a reference on two known transfers to review', () => {
    expect(matchTransfers([transfer({ ref: 'FT1', postedOn: '2024-09-12' })], [known({ ref: 'FT1' })])).toEqual([{ ordinal: 1, status: 'matched', to: { kind: 'event', eventId: 1 } }]);
    expect(matchTransfers([transfer({ ref: 'FT1', postedOn: '2024-09-14' })], [known({ ref: 'FT1' })])).toEqual([]);
    expect(matchTransfers([transfer({ ref: 'FT1', amount: 5n })], [known({ ref: 'FT1' })])).toEqual([]);
    expect(matchTransfers([transfer({ ref: 'FT1' })], [known({ ref: 'FT1' }, 1), known({ ref: 'FT1' }, 2)])).toEqual([
      { ordinal: 1, status: 'review', reason: 'reference FT1 of the same amount is on feed event 1, feed event 2' },
    ]);
  });

  it('takes a time within two minutes, the same second before a nearer pair, and keeps apart counter-accounts that differ', () => {
    const row = transfer({ time: '09:15:00', counterAccount: '0071000111222' });
    expect(matchTransfers([row], [known({ time: '09:16:30', counterAccount: '0071000xxx222' })])).toMatchObject([{ status: 'matched' }]);
    expect(matchTransfers([row], [known({ time: '09:17:30' })])).toEqual([]);
    expect(matchTransfers([row], [known({ time: '09:15:40' }, 1), known({ time: '09:15:00' }, 2)])).toEqual([{ ordinal: 1, status: 'matched', to: { kind: 'event', eventId: 2 } }]);
    expect(matchTransfers([row], [known({ time: '09:15:40' }, 1), known({ time: '09:14:50' }, 2)])).toMatchObject([{ status: 'review', reason: expect.stringContaining('2 transfers of the same amount within two minutes') }]);
    expect(matchTransfers([row], [known({ time: '09:15:00', counterAccount: '0071000999888' })])).toEqual([]);
    // Two references that differ are two transfers, however close their times.
    expect(matchTransfers([transfer({ time: '09:15:00', ref: 'A' })], [known({ time: '09:15:00', ref: 'B' })])).toEqual([]);
  });

  it('matches rows alike only in equal number, and sends to review a row nothing tells apart from a known transfer', () => {
    const alike = (ordinal: number) => transfer({ ordinal, remark: 'ung ho' });
    const theirs = (n: number) => Array.from({ length: n }, (_, i): KnownTransfer => ({ ...alike(i + 1), source: { kind: 'row', batchId: 1, ordinal: i + 1 } }));
    expect(matchTransfers([alike(1), alike(2)], theirs(2)).map((d) => d.status)).toEqual(['matched', 'matched']);
    expect(matchTransfers([alike(1), alike(2), alike(3)], theirs(2)).map((d) => d.status)).toEqual(['review', 'review', 'review']);
    const other = transfer({ ordinal: 9, remark: 'UNG HO BAO LU' });
    expect(matchTransfers([other], theirs(1))).toEqual([{ ordinal: 9, status: 'review', reason: 'may be row 1 of statement 1: nothing on either side tells them apart' }]);
    expect(matchTransfers([transfer({ remark: 'x', time: '10:00:00' })], [known({ time: '12:00:00' })])).toEqual([]);
    expect(matchTransfers([transfer({ remark: 'x', postedOn: '2024-09-11' })], theirs(1))).toEqual([]);
  });

  it('reads a masked counter-account as the one it may be', () => {
    expect(sameCounterAccount('0071000111222', '0071000xxx222')).toBe(true);
    expect(sameCounterAccount('0071000111222', '0071000***')).toBe(true);
    expect(sameCounterAccount('0071000111222', '0072000xxx222')).toBe(false);
    expect(sameCounterAccount(null, '123')).toBe(true);
  });
});

function fresh(): Store {
  const store = freshStore();
  createFund(store);
  return store;
}

async function imported(store: Store, text: string, fileName = 'sao-ke.csv') {
  const result = await importStatement(store, { entity: FUND.code, bankAccount: ACCOUNT, fileName, open: () => Readable.from([Buffer.from(text)]), actor: ACTOR });
  if (!result.ok) throw new Error(`${result.code} ${result.path} ${result.detail}`);
  return result.value;
}

function posted(store: Store, batch: number, options: { refused?: 'hold'; campaignPattern?: string } = {}) {
  const result = postStatement(store, { entity: FUND.code, batch, actor: ACTOR, ...options });
  if (!result.ok) throw new Error(`${result.code} ${result.path} ${result.detail}`);
  return result.value;
}

const one = <T>(store: Store, sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as T;
/** What the books credited to donations from the bank: each transfer once. */
const credited = (store: Store) => one<number>(store, "SELECT coalesce(-SUM(l.amount), 0) FROM entry_lines l JOIN accounts a ON a.id = l.account_id WHERE a.code = '5111'");

const VCB = (rows: string[]) => `TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail\n${rows.join('\n')}\n`;
const SEPT = VCB(['01/09/2024,5213.1,,50.000,,MBVCB.1.NGUYEN VAN AN ung ho', '01/09/2024,5213.2,,20.000,,MBVCB.2.TRAN THI BINH ung ho', '02/09/2024,5213.3,,30.000,,MBVCB.3.LE VAN CUONG ung ho']);
const LATER = VCB(['02/09/2024,5213.3,,30.000,,MBVCB.3.LE VAN CUONG ung ho', '02/09/2024,5213.4,,30.000,,MBVCB.4.LE VAN CUONG ung ho', '03/09/2024,5213.5,,70.000,,MBVCB.5.PHAM THI DUNG ung ho']);

describe('a later statement of the same account', () => {
  it('matches the days it shares by reference, books only its new transfers, and gives the matched row the earlier row’s receipt', async () => {
    const store = fresh();
    const first = await imported(store, SEPT);
    const second = await imported(store, LATER, 'sao-ke-2.csv');
    expect(second.counts).toMatchObject({ new: 2, matched: 1, review: 0 });
    expect(posted(store, second.batch.id)).toMatchObject({ receipts: 2, transfers: 2, credited: 100_000n });
    expect(posted(store, first.batch.id)).toMatchObject({ receipts: 2, transfers: 3, credited: 100_000n });
    expect(credited(store)).toBe(200_000);
    const voucherOf = (batch: number, ordinal: number) => one<number | null>(store, 'SELECT voucher_id FROM bank_statement_rows WHERE batch_id = ? AND ordinal = ?', batch, ordinal);
    expect(voucherOf(second.batch.id, 1)).toBe(voucherOf(first.batch.id, 3));
    expect(voucherOf(second.batch.id, 1)).not.toBeNull();
  });

  it('matches rows without a reference when both sides hold as many alike, and sends the rest to review', async () => {
    const store = fresh();
    const twin = '18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000';
    const csv = (rows: string[]) => `date,content,money\n${rows.join('\n')}\n`;
    const first = await imported(store, csv([twin, twin, '18/09/2024,NGUYEN VAN B ung ho,50000']));
    const second = await imported(store, csv([twin, twin, '18/09/2024,NGUYEN VAN B ung ho,50000', '19/09/2024,TRAN C ung ho,10000']), 'b.csv');
    expect(second.counts).toMatchObject({ new: 1, matched: 3, review: 0 });
    const third = await imported(store, csv([twin, twin, twin, '18/09/2024,NGUYEN VAN B UNG HO BAO LU,50000']), 'c.csv');
    expect(third.counts).toMatchObject({ new: 0, matched: 0, review: 4 });
    expect(reviewRows(store.sqlite, third.batch.id).map((r) => [r.ordinal, r.status, r.reason])).toEqual([
      [1, 'review', `3 alike rows here, 2 in row 1 of statement ${first.batch.id} and alike`],
      [2, 'review', `3 alike rows here, 2 in row 1 of statement ${first.batch.id} and alike`],
      [3, 'review', `3 alike rows here, 2 in row 1 of statement ${first.batch.id} and alike`],
      [4, 'review', `may be row 3 of statement ${first.batch.id}: nothing on either side tells them apart`],
    ]);
    for (const batch of [first, second, third]) posted(store, batch.batch.id);
    expect(credited(store)).toBe(460_000);
    expect(one<number>(store, "SELECT count(*) FROM bank_statement_rows WHERE status = 'review' AND voucher_id IS NULL")).toBe(4);
  });
});

function cassoDelivery(data: { id: number; reference: string | null; amount: number; time: string; description?: string }) {
  const body = {
    error: 0,
    data: {
      id: data.id, reference: data.reference ?? '', description: data.description ?? `NGUYEN VAN AN ung ho ${data.id}`, amount: data.amount, runningBalance: 0, transactionDateTime: data.time,
      accountNumber: ACCOUNT, bankName: 'Agribank', bankAbbreviation: 'AGR', virtualAccountNumber: '', virtualAccountName: '', counterAccountName: '', counterAccountNumber: '', counterAccountBankId: '', counterAccountBankName: '',
    },
  };
  const t = Date.now();
  const v1 = createHmac('sha512', SECRET).update(`${t}.${sortedJson(body)}`).digest('hex');
  return { raw: Buffer.from(JSON.stringify(body)), headers: { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${v1}` }, now: t };
}

function withFeed(store: Store) {
  const feed = registerFeed(store, { entity: FUND.code, provider: 'casso', auth: 'v2', bankAccount: ACCOUNT, secret: SECRET, posting: 'post', actor: ACTOR });
  if (!feed.ok) throw new Error(feed.code);
  return (data: Parameters<typeof cassoDelivery>[0]) => receiveDelivery(store, { provider: 'casso', feedId: feed.value.id, ...cassoDelivery(data) });
}

describe('a row under review, decided', () => {
  const twin = '18/09/2024,CT nhanh 247 den: VO THI NGOC HUE ung ho (CT1111),200000';
  const csv = (rows: string[]) => `date,content,money\n${rows.join('\n')}\n`;
  const decide = (store: Store, batch: number, ordinal: number, decision: Parameters<typeof decideReview>[1]['decision']) => decideReview(store, { entity: FUND.code, batch, ordinal, decision, actor: ACTOR });

  it('as the known transfer it is takes that transfer’s receipt; as a new one is posted with the next receipts; each decision audited', async () => {
    const store = fresh();
    const first = await imported(store, csv([twin, twin]));
    posted(store, first.batch.id);
    const third = await imported(store, csv([twin, twin, twin]), 'c.csv');
    expect(third.counts.review).toBe(3);
    const rowVoucher = one<number>(store, 'SELECT voucher_id FROM bank_statement_rows WHERE batch_id = ? AND ordinal = 1', first.batch.id);
    expect(decide(store, third.batch.id, 1, { kind: 'same', as: { kind: 'row', batchId: first.batch.id, ordinal: 1 } })).toEqual({ ok: true, value: { ordinal: 1, status: 'matched', voucherId: rowVoucher } });
    expect(decide(store, third.batch.id, 2, { kind: 'same', as: { kind: 'row', batchId: first.batch.id, ordinal: 1 } })).toMatchObject({ ok: false, code: 'review_target_invalid', path: 'as' });
    expect(decide(store, third.batch.id, 2, { kind: 'same', as: { kind: 'row', batchId: first.batch.id, ordinal: 2 } })).toMatchObject({ ok: true, value: { status: 'matched' } });
    expect(decide(store, third.batch.id, 3, { kind: 'new' })).toEqual({ ok: true, value: { ordinal: 3, status: 'new', voucherId: null } });
    expect(decide(store, third.batch.id, 3, { kind: 'new' })).toMatchObject({ ok: false, code: 'statement_row_not_in_review', path: 'ordinal' });
    expect(posted(store, third.batch.id)).toMatchObject({ transfers: 1, credited: 200_000n });
    expect(credited(store)).toBe(600_000);
    expect(one<number>(store, "SELECT count(*) FROM audit_events WHERE kind = 'bank-statement.review-decided'")).toBe(3);
  });

  it('refuses a row of another fund’s account, a row not under review, an event no feed of the account has, and an unknown statement', async () => {
    const store = fresh();
    createFund(store, { code: 'F2', bankAccounts: [{ kind: 'bank', institution: 'BIDV', number: '444', accountCode: '1121' }] });
    const other = await importStatement(store, { entity: 'F2', bankAccount: '444', fileName: 'x.csv', open: () => Readable.from([Buffer.from(csv([twin]))]), actor: ACTOR });
    const first = await imported(store, csv(['18/09/2024,ung ho,5000']));
    const later = await imported(store, csv(['18/09/2024,UNG HO BAO,5000']), 'b.csv');
    expect(later.counts.review).toBe(1);
    const otherBatch = other.ok ? other.value.batch.id : -1;
    expect(decide(store, later.batch.id, 1, { kind: 'same', as: { kind: 'row', batchId: otherBatch, ordinal: 1 } })).toMatchObject({ ok: false, code: 'review_target_invalid' });
    const third = await imported(store, csv(['18/09/2024,ung ho,7000', '18/09/2024,ung ho ,5000']), 'c.csv');
    expect(decide(store, third.batch.id, 1, { kind: 'same', as: { kind: 'row', batchId: first.batch.id, ordinal: 1 } })).toMatchObject({ ok: false, code: 'statement_row_not_in_review' });
    expect(decide(store, later.batch.id, 1, { kind: 'same', as: { kind: 'event', eventId: 99 } })).toMatchObject({ ok: false, code: 'review_target_invalid' });
    expect(decide(store, 999, 1, { kind: 'new' })).toMatchObject({ ok: false, code: 'statement_batch_unknown' });
  });
});

describe('a transfer the feed reported and the statement shows', () => {
  it('is booked once when the webhook comes first: the statement’s row takes the event’s receipt', async () => {
    const store = fresh();
    const deliver = withFeed(store);
    expect(deliver({ id: 7, reference: '5213.1', amount: 50_000, time: '2024-09-01 10:00:00' })).toMatchObject({ status: 200, outcome: 'accepted', events: 1 });
    expect([one<number>(store, 'SELECT count(*) FROM vouchers'), credited(store)]).toEqual([1, 50_000]);
    const batch = await imported(store, SEPT);
    expect(batch.counts).toMatchObject({ new: 2, matched: 1, review: 0 });
    expect(posted(store, batch.batch.id)).toMatchObject({ transfers: 2, credited: 50_000n });
    expect(credited(store)).toBe(100_000);
    expect(one(store, 'SELECT voucher_id FROM bank_statement_rows WHERE ordinal = 1')).toBe(one(store, "SELECT voucher_id FROM bank_events WHERE provider_id = '7'"));
  });

  it('is booked once when the statement comes first: the event claims the row and makes no voucher', async () => {
    const store = fresh();
    const batch = await imported(store, SEPT);
    posted(store, batch.batch.id);
    const deliver = withFeed(store);
    const vouchers = one<number>(store, 'SELECT count(*) FROM vouchers');
    expect(deliver({ id: 8, reference: '5213.3', amount: 30_000, time: '2024-09-02 08:00:00' }).outcome).toBe('accepted');
    expect([one<number>(store, 'SELECT count(*) FROM vouchers'), credited(store)]).toEqual([vouchers, 100_000]);
    expect(one(store, "SELECT voucher_id FROM bank_events WHERE provider_id = '8'")).toBe(one(store, 'SELECT voucher_id FROM bank_statement_rows WHERE ordinal = 3'));
    expect(one(store, 'SELECT match_event_id FROM bank_statement_rows WHERE ordinal = 3')).toBe(one(store, "SELECT id FROM bank_events WHERE provider_id = '8'"));
    // A new transfer on a day the statement holds is booked as its own receipt.
    deliver({ id: 9, reference: 'FT999', amount: 5_000, time: '2024-09-02 09:00:00' });
    expect(credited(store)).toBe(105_000);
  });

  it('holds an event the statement cannot tell from one of its rows, with why', async () => {
    const store = fresh();
    const batch = await imported(store, 'date,content,money\n18/09/2024,ung ho,200000\n');
    posted(store, batch.batch.id);
    withFeed(store)({ id: 10, reference: 'FT10', amount: 200_000, time: '2024-09-18 11:00:00' });
    expect(one(store, "SELECT held_reason FROM bank_events WHERE provider_id = '10'")).toBe(`may be row 1 of statement ${batch.batch.id}: nothing on either side tells them apart`);
    expect(credited(store)).toBe(200_000);
  });
});

describe('campaigns read from a statement', () => {
  const campaign = (store: Store, code: string, extra: { endsOn?: string; bankAccounts?: string[] } = {}) => {
    const made = createCampaign(store, { entity: FUND.code, code, name: `Cứu trợ ${code}`, kind: 'disaster', startsOn: '2024-09-08', ...extra, actor: ACTOR });
    if (!made.ok) throw new Error(`${made.code} ${made.detail}`);
  };

  it('holds the rows after the receiving window for review when asked, and otherwise refuses the posting whole', async () => {
    const store = fresh();
    campaign(store, 'BAO3', { endsOn: '2024-09-20', bankAccounts: [ACCOUNT] });
    const batch = await imported(store, 'date,content,money\n18/09/2024,ung ho bao lu,200000\n25/09/2024,ung ho muon,70000\n');
    expect(postStatement(store, { entity: FUND.code, batch: batch.batch.id, actor: ACTOR })).toMatchObject({ ok: false, code: 'campaign_receiving_closed' });
    expect(one<number>(store, 'SELECT count(*) FROM vouchers')).toBe(0);
    expect(posted(store, batch.batch.id, { refused: 'hold' })).toMatchObject({ receipts: 1, transfers: 1, credited: 200_000n, held: 1 });
    expect(reviewRows(store.sqlite, batch.batch.id)).toEqual([expect.objectContaining({ ordinal: 2, status: 'held', reason: expect.stringMatching(/^campaign_receiving_closed: /) })]);
    expect(posted(store, batch.batch.id, { refused: 'hold' })).toMatchObject({ receipts: 0, held: 0 });
    expect(one(store, 'SELECT c.code FROM entry_lines l JOIN campaigns c ON c.id = l.campaign_id LIMIT 1')).toBe('BAO3');
  });

  it('reads the campaign from the remark by the fund’s pattern, one receipt a day and campaign', async () => {
    const store = fresh();
    campaign(store, 'BAO3');
    campaign(store, 'LU5');
    const batch = await imported(store, 'date,content,money\n18/09/2024,NGUYEN A UH BAO3,100000\n18/09/2024,tran b uh  lu5 gia dinh,20000\n18/09/2024,ung ho chung,3000\n18/09/2024,UH BAO30,4000\n');
    expect(posted(store, batch.batch.id, { campaignPattern: 'UH {code}' })).toMatchObject({ receipts: 3, transfers: 4 });
    const byCampaign = store.sqlite.prepare("SELECT coalesce(c.code, '-') AS campaign, -SUM(l.amount) AS amount FROM entry_lines l LEFT JOIN campaigns c ON c.id = l.campaign_id WHERE l.amount < 0 GROUP BY 1 ORDER BY 1").all();
    expect(byCampaign).toEqual([{ campaign: '-', amount: 7_000 }, { campaign: 'BAO3', amount: 100_000 }, { campaign: 'LU5', amount: 20_000 }]);
  });
});

describe('a statement imported in the background through the API', () => {
  it('answers 202 with a job whose progress and batch can be read, and lists the rows it could not decide', async () => {
    const server = await demoServer();
    try {
      const call = (method: 'GET' | 'POST', url: string, extra: { payload?: Buffer; headers?: Record<string, string> } = {}) =>
        server.app.inject({ method, url, ...(extra.payload && { payload: extra.payload }), headers: { authorization: server.authorization, ...extra.headers } });
      const url = '/api/entities/TVH-VNN/bank-imports?bankAccount=0071000123456';
      const first = await call('POST', url, multipart([{ name: 'sao-ke.csv', bytes: Buffer.from(String.raw`date,content,money
06/01/2025,ung ho Quy,200000
06/01/2025,NGUYEN VAN AN ung ho,500000
`) }]));
      expect(first.statusCode, first.body).toBe(201);
      const firstBatch = first.json().batch.id;
      const started = await call('POST', `${url}&background=true`, multipart([{ name: 'TVH-VNN-2025-01.csv', bytes: readFileSync('fixtures/statements/TVH-VNN-2025-01.csv') }]));
      expect(started.statusCode, started.body).toBe(202);
      const jobUrl = started.headers.location as string;
      expect(jobUrl).toBe(`/api/entities/TVH-VNN/bank-import-jobs/${started.json().id}`);
      let job = started.json();
      for (let i = 0; i < 200 && job.state === 'running'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        job = (await call('GET', jobUrl)).json();
      }
      expect(job).toMatchObject({ state: 'done', rows: 5, fileName: 'TVH-VNN-2025-01.csv', created: true, problem: null });
      // The fund's own CSV gave no reference: its rows may be the bank's, so the bank's rows of that day wait for a decision.
      expect(job.batch.counts).toMatchObject({ new: 2, matched: 0, review: 3 });
      expect((await call('GET', `/api/entities/TVH-VNN/bank-imports/${job.batch.id}`)).json().counts).toEqual(job.batch.counts);
      const review = await call('GET', `/api/entities/TVH-VNN/bank-imports/${job.batch.id}/review`);
      expect(review.statusCode).toBe(200);
      expect(review.json().rows.map((r: { ordinal: number; credit: string; reason: string }) => [r.ordinal, r.credit, r.reason])).toEqual([
        [1, '500000', `may be row 2 of statement ${firstBatch}: nothing on either side tells them apart`],
        [2, '200000', `may be row 1 of statement ${firstBatch}: nothing on either side tells them apart`],
        [3, '200000', `may be row 1 of statement ${firstBatch}: nothing on either side tells them apart`],
      ]);
      expect((await call('GET', '/api/entities/TVH-VNN/bank-import-jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

      const decide = (ordinal: number, body: unknown) => call('POST', `/api/entities/TVH-VNN/bank-imports/${job.batch.id}/review/${ordinal}`, { payload: Buffer.from(JSON.stringify(body)), headers: { 'content-type': 'application/json' } });
      const same = await decide(1, { decision: 'same', batch: firstBatch, ordinal: 2 });
      expect([same.statusCode, same.json()]).toEqual([200, { ordinal: 1, status: 'matched', voucherId: null }]);
      const fresh = await decide(2, { decision: 'new' });
      expect([fresh.statusCode, fresh.json().status]).toEqual([200, 'new']);
      const wrong = await decide(3, { decision: 'same', batch: firstBatch, ordinal: 2 });
      expect([wrong.statusCode, wrong.json().code, wrong.json().field]).toEqual([422, 'review_target_invalid', 'body']);
      const notUnder = await decide(2, { decision: 'new' });
      expect([notUnder.statusCode, notUnder.json().code, notUnder.json().field]).toEqual([409, 'statement_row_not_in_review', 'params.ordinal']);
      const malformed = await decide(3, { decision: 'same', batch: firstBatch });
      expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'invalid_request']);
      expect((await call('GET', `/api/entities/TVH-VNN/bank-imports/${job.batch.id}/review`)).json().rows.map((r: { ordinal: number }) => r.ordinal)).toEqual([3]);
    } finally {
      await server.close();
    }
  });
});
