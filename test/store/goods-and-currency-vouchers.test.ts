/** In-kind goods and foreign cash through vouchers: what is held bounds what can go out. */
import { describe, expect, it } from 'vitest';
import { approveVoucher } from '../../src/app/vouchers/approve-voucher.js';
import { postVoucher } from '../../src/app/vouchers/post-voucher.js';
import { createVoucher } from '../../src/app/vouchers/voucher-drafts.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import type { Store } from '../../src/db/store.js';
import type { VoucherContent } from '../../src/ledger/vouchers/voucher.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';

function fund(): Store {
  const store = freshStore();
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  return store;
}

function postNow(store: Store, content: VoucherContent) {
  const made = createVoucher(store, { entity: FUND.code, content, actor: ACTOR });
  if (!made.ok) throw new Error(made.code);
  approveVoucher(store, { entity: FUND.code, id: made.value.id, actor: ACTOR });
  return postVoucher(store, { entity: FUND.code, id: made.value.id, actor: ACTOR });
}

const rice = (quantity: string, value: string) => [{ item: 'Gạo tẻ', unit: 'kg', quantity, value }];
const issue = (quantity: string, value: string): VoucherContent => ({
  type: 'goods-issue', date: '2024-03-10', reason: 'Xuất gạo cứu trợ', purpose: 'relief', goods: rice(quantity, value),
});

describe('in-kind goods', () => {
  it('receives rice, then refuses to issue more kilograms or more value than is held', () => {
    const store = fund();
    expect(postNow(store, { type: 'goods-receipt', date: '2024-03-05', reason: 'Nhận gạo ủng hộ', counterparty: { name: 'Công ty Lương thực Trà Vinh' }, goods: rice('2000', '30000000') })).toMatchObject({ ok: true, value: { number: 'NK0001/2024' } });
    expect(postNow(store, issue('2500', '30000000'))).toMatchObject({ ok: false, code: 'off_balance_would_go_negative', detail: '003 kg Gạo tẻ' });
    expect(postNow(store, issue('1500', '31000000'))).toMatchObject({ ok: false, code: 'balance_would_go_negative', detail: '152' });
    expect(postNow(store, issue('1500', '22500000'))).toMatchObject({ ok: true, value: { number: 'XK0001/2024' } });
    const tb = getTrialBalance(store, { entity: FUND.code, from: '2024-01-01', to: '2024-12-31' });
    if (!tb.ok) throw new Error(tb.code);
    expect(tb.value.offBalance).toMatchObject([{ code: '003', item: 'Gạo tẻ', unit: 'kg', in: 2000000n, out: 1500000n, closing: 500000n }]);
    expect(tb.value.rows.find((r) => r.code === '152')?.closing).toEqual({ debit: 7500000n, credit: 0n });
  });
});

describe('foreign currency', () => {
  it('holds the dollars received on 007 and refuses to pay out more dollars than held', () => {
    const store = fund();
    const usd = (type: 'cash-receipt' | 'cash-payment', original: string): VoucherContent => ({
      type, date: '2024-03-05', reason: 'Ngoại tệ', currency: 'USD', originalAmount: original, rate: '25400', ...(type === 'cash-payment' && { purpose: 'relief' }),
    });
    expect(postNow(store, usd('cash-receipt', '1000'))).toMatchObject({ ok: true, value: { amount: 25400000n } });
    expect(postNow(store, usd('cash-payment', '1200'))).toMatchObject({ ok: false });
    const tb = getTrialBalance(store, { entity: FUND.code, from: '2024-01-01', to: '2024-12-31' });
    if (!tb.ok) throw new Error(tb.code);
    expect(tb.value.offBalance).toMatchObject([{ code: '007', unit: 'USD', closing: 1000000n }]);
    expect(tb.value.rows.find((r) => r.code === '1112')?.closing.debit).toBe(25400000n);
  });
});
