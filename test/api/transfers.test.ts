/** Transfers between fund levels: the paired vouchers, money in transit, and who may make them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBankAccount } from '../../src/app/add-bank-account.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import { apiWorld, type ApiWorld } from '../support/api-fixture.js';
import { ACTOR, postOk } from '../support/store-fixture.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
  for (const [entity, number] of [['PROV', '0071000123456'], ['C1', '7308205123456']] as const) {
    const added = addBankAccount(world.store, { entity, bank: { kind: 'bank', institution: 'Ngân hàng', number, accountCode: '1121' }, actor: ACTOR });
    if (!added.ok) throw new Error(added.code);
  }
  postOk(world.store, `2024-01-02 Nộp tiền\n  1121 Dr 500000000 bank=0071000123456\n  421 Cr 500000000\n`, { entity: 'PROV', kind: 'opening' });
});
afterEach(() => world.close());

const transfer = (extra: Record<string, unknown> = {}) => ({ from: 'PROV', to: 'C1', date: '2024-11-25', amount: '200000000', reason: 'Điều tiết hỗ trợ xây nhà Đại đoàn kết', ...extra });
const period = (entity: string, account: string, from: string, to = from) => {
  const tb = getTrialBalance(world.store, { entity, from, to });
  if (!tb.ok) throw new Error(tb.code);
  return tb.value.rows.find((r) => r.code === account)?.period;
};

describe('a transfer sent straight through', () => {
  it('posts a payment in the giver (Dr 612 / Cr 1121) and a receipt in the receiver (Dr 1121 / Cr 5113), linked', async () => {
    const response = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer() });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      from: 'PROV', to: 'C1', status: 'received', amount: '200000000',
      payment: { type: 'bank-payment', status: 'posted', number: 'UNC0001/2024' },
      receipt: { type: 'bank-receipt', status: 'posted', number: 'BC0001/2024' },
      settlement: null,
    });
    expect(period('PROV', '612', '2024-11-25')).toEqual({ debit: 200000000n, credit: 0n });
    expect(period('C1', '5113', '2024-11-25')).toEqual({ debit: 0n, credit: 200000000n });
    expect(period('C1', '1121', '2024-11-25')).toEqual({ debit: 200000000n, credit: 0n });
    const payment = await world.call('provAdmin', { method: 'GET', url: `/api/entities/PROV/vouchers/${body.payment.id}` });
    expect(payment.json()).toMatchObject({ transfer: body.id, counterparty: { kind: 'fund', name: 'Quỹ xã C1' } });
    const read = await world.call('c1Auditor', { method: 'GET', url: `/api/transfers/${body.id}` });
    expect(read.json()).toEqual(body);
  });

  it('is refused to a user without rights on both funds, and writes nothing', async () => {
    const response = await world.call('c1Admin', { method: 'POST', url: '/api/transfers', payload: transfer() });
    expect(response.statusCode).toBe(403);
    expect((world.store.sqlite.prepare('SELECT count(*) AS n FROM transfers').get() as { n: number }).n).toBe(0);
    
  });

  it('is refused whole when the giver cannot pay, numbering nothing', async () => {
    const response = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ amount: '900000000' }) });
    expect(response.json()).toMatchObject({ code: 'balance_would_go_negative' });
    expect((world.store.sqlite.prepare('SELECT count(*) AS n FROM vouchers').get() as { n: number }).n).toBe(0);
    expect((world.store.sqlite.prepare('SELECT count(*) AS n FROM voucher_counters').get() as { n: number }).n).toBe(0);
  });

  it('refuses a transfer to the same fund', async () => {
    const response = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ to: 'PROV' }) });
    expect(response.json()).toMatchObject({ code: 'transfer_same_fund' });
  });
});

describe('a transfer in transit', () => {
  it('holds the money in 113 until the receiving fund confirms, then completes both sides', async () => {
    const sent = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ inTransit: true }) });
    expect(sent.json()).toMatchObject({ status: 'in-transit', payment: { status: 'posted' }, receipt: { status: 'draft', number: null } });
    expect(period('PROV', '113', '2024-11-25')).toEqual({ debit: 200000000n, credit: 0n });
    expect(period('C1', '5113', '2024-01-01', '2024-12-31')).toBeUndefined();
    const id = sent.json().id;
    expect((await world.call('c2Accountant', { method: 'POST', url: `/api/transfers/${id}/confirm`, payload: {} })).statusCode).toBe(403);
    expect((await world.call('c2Accountant', { method: 'GET', url: `/api/transfers/${id}` })).statusCode).toBe(403);
    const confirmed = await world.call('c1Approver', { method: 'POST', url: `/api/transfers/${id}/confirm`, payload: { date: '2024-11-27' } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      status: 'received', receivedBy: 'c1Approver',
      receipt: { status: 'posted', number: 'BC0001/2024', date: '2024-11-27' },
      settlement: { type: 'general', status: 'posted', number: 'CTK0001/2024', date: '2024-11-27' },
    });
    expect(period('PROV', '113', '2024-11-27')).toEqual({ debit: 0n, credit: 200000000n });
    expect(period('PROV', '612', '2024-11-27')).toEqual({ debit: 200000000n, credit: 0n });
    expect(period('C1', '5113', '2024-11-27')).toEqual({ debit: 0n, credit: 200000000n });
    const again = await world.call('c1Approver', { method: 'POST', url: `/api/transfers/${id}/confirm`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'transfer_not_in_transit' });
  });

  it('keeps the receipt of a transfer out of ordinary edits', async () => {
    const sent = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ inTransit: true }) });
    const receipt = sent.json().receipt.id;
    const deleted = await world.call('c1Accountant', { method: 'DELETE', url: `/api/entities/C1/vouchers/${receipt}` });
    expect(deleted.json()).toMatchObject({ code: 'voucher_in_transfer' });
  });

  it('refuses to post the receipt of a transfer on its own, so that confirming it still completes both sides', async () => {
    const sent = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ inTransit: true }) });
    const { id, receipt } = sent.json();
    const posted = await world.call('c1Approver', { method: 'POST', url: `/api/entities/C1/vouchers/${receipt.id}/post` });
    expect(posted.statusCode).toBe(409);
    expect(posted.json()).toMatchObject({ code: 'voucher_in_transfer' });
    const confirmed = await world.call('c1Approver', { method: 'POST', url: `/api/transfers/${id}/confirm`, payload: { date: '2024-11-27' } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'received', receipt: { status: 'posted' }, settlement: { status: 'posted' } });
  });

  it('refuses to approve or cancel one side of a transfer alone', async () => {
    const sent = await world.call('provAdmin', { method: 'POST', url: '/api/transfers', payload: transfer({ inTransit: true }) });
    const { payment, receipt } = sent.json();
    const approved = await world.call('c1Approver', { method: 'POST', url: `/api/entities/C1/vouchers/${receipt.id}/approve` });
    expect(approved.json()).toMatchObject({ status: 409, code: 'voucher_in_transfer' });
    const cancelled = await world.call('provAdmin', { method: 'POST', url: `/api/entities/PROV/vouchers/${payment.id}/cancel`, payload: { date: '2024-11-26' } });
    expect(cancelled.json()).toMatchObject({ status: 409, code: 'voucher_in_transfer' });
  });

  it('answers transfer_not_found for a transfer that does not exist', async () => {
    const response = await world.call('root', { method: 'POST', url: '/api/transfers/99/confirm', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'transfer_not_found' });
  });
});
