/** From voucher to entry: each type's accounts, foreign currency, goods and beneficiary lists. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postEntry } from '../../src/ledger/post-entry.js';
import { planVoucherEntry } from '../../src/ledger/vouchers/plan-voucher-entry.js';
import type { VoucherContent } from '../../src/ledger/vouchers/voucher.js';
import { postingContext, REGIME } from '../support/posting-context.js';

const BANKS = [
  { number: '0071000123456', currency: 'VND', accountCode: '1121' },
  { number: '0071370999888', currency: 'USD', accountCode: '1122' },
];
const plan = (content: VoucherContent) => planVoucherEntry(content, { regime: REGIME, bankAccounts: BANKS });
const base = { date: '2024-03-05', reason: 'Ủng hộ Quỹ' };

describe('planVoucherEntry', () => {
  it('needs only purpose, amount and counterparty for a cash payment', () => {
    const planned = plan({ ...base, type: 'cash-payment', purpose: 'healthcare', amount: '3000000', counterparty: { name: 'Trầm Văn Đực' } });
    expect(planned).toMatchObject({
      ok: true,
      value: {
        total: 3000000n,
        entry: { date: '2024-03-05', lines: [{ account: '6112', debit: '3000000', counterparty: { kind: 'beneficiary', name: 'Trầm Văn Đực' } }, { account: '1111', credit: '3000000' }] },
      },
    });
  });

  it('posts a bank receipt to the fund’s only VND account, with its reference, and dates it when the money arrived', () => {
    const planned = plan({ ...base, type: 'bank-receipt', accountingDate: '2024-03-06', amount: '500000', externalRef: 'FT24066', counterparty: { name: 'Công ty Điện lực' } });
    expect(planned).toMatchObject({
      ok: true,
      value: { entry: { date: '2024-03-06', lines: [{ account: '1121', debit: '500000', bankAccount: '0071000123456', externalRef: 'FT24066' }, { account: '5111', credit: '500000', counterparty: { kind: 'donor' } }] } },
    });
  });

  it('records a USD receipt at its rate on 1112 and the dollars on 007', () => {
    const planned = plan({ ...base, type: 'cash-receipt', currency: 'USD', originalAmount: '1000', rate: '25400', counterparty: { name: 'Mr. John Nguyen' } });
    expect(planned).toMatchObject({
      ok: true,
      value: {
        total: 25400000n,
        entry: {
          lines: [{ account: '1112', debit: '25400000', currency: 'USD', originalAmount: '1000', rate: '25400' }, { account: '5111', credit: '25400000' }],
          memos: [{ account: '007', direction: 'in', quantity: '1000', unit: 'USD' }],
        },
      },
    });
    expect(plan({ ...base, type: 'cash-receipt', currency: 'USD', originalAmount: '1000', rate: '25400', amount: '25000000' })).toMatchObject({ ok: false, code: 'foreign_amount_mismatch' });
  });

  it('sends foreign money through the bank account of that currency', () => {
    const planned = plan({ ...base, type: 'bank-receipt', currency: 'USD', originalAmount: '250.50', rate: '25400' });
    expect(planned).toMatchObject({ ok: true, value: { total: 6362700n, entry: { lines: [{ account: '1122', bankAccount: '0071370999888' }, {}] } } });
  });

  it('posts goods at their assessed value to 152 and their quantity, per item, to 003', () => {
    const planned = plan({
      ...base, type: 'goods-receipt', counterparty: { name: 'Công ty Lương thực' },
      goods: [{ item: 'Gạo tẻ', unit: 'kg', quantity: '2000', value: '30000000' }, { item: 'Mì tôm', unit: 'thùng', quantity: '100', value: '12000000' }],
    });
    expect(planned).toMatchObject({
      ok: true,
      value: {
        total: 42000000n,
        entry: {
          lines: [
            { account: '152', debit: '30000000', quantity: '2000', unit: 'kg' },
            { account: '152', debit: '12000000', quantity: '100', unit: 'thùng' },
            { account: '5112', credit: '42000000', counterparty: { kind: 'donor', name: 'Công ty Lương thực' } },
          ],
          memos: [
            { account: '003', direction: 'in', quantity: '2000', unit: 'kg', item: 'Gạo tẻ' },
            { account: '003', direction: 'in', quantity: '100', unit: 'thùng', item: 'Mì tôm' },
          ],
        },
      },
    });
  });

  it('splits a support payment into one line per household', () => {
    const planned = plan({
      ...base, type: 'bank-payment', purpose: 'housing', amount: '100000000',
      beneficiaries: [{ name: 'Thạch Sóc Khanh', address: 'ấp Đa Hòa Bắc', status: 'poor', amount: '50000000' }, { name: 'Lý Thị Ngọc Diệu', status: 'near-poor', amount: '50000000' }],
    });
    expect(planned).toMatchObject({
      ok: true,
      value: {
        entry: {
          lines: [
            { account: '6111', debit: '50000000', counterparty: { kind: 'beneficiary', name: 'Thạch Sóc Khanh', address: 'ấp Đa Hòa Bắc' } },
            { account: '6111', debit: '50000000', counterparty: { kind: 'beneficiary', name: 'Lý Thị Ngọc Diệu' } },
            { account: '1121', credit: '100000000' },
          ],
        },
      },
    });
  });

  it('uses lines given outright, totalling the debits', () => {
    const planned = plan({ ...base, type: 'general', lines: [{ account: '6118', debit: '700' }, { account: '1388', credit: '700' }] });
    expect(planned).toMatchObject({ ok: true, value: { total: 700n, entry: { lines: [{ account: '6118' }, { account: '1388' }] } } });
  });

  it('always plans a balanced entry the ledger accepts, whatever the amount and the split', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), (amounts) => {
        const total = amounts.reduce((a, b) => a + b, 0);
        const beneficiaries = amounts.map((amount, i) => ({ name: `Hộ ${i}`, status: 'poor' as const, amount: String(amount) }));
        const planned = plan({ ...base, type: 'cash-payment', purpose: 'gifts', amount: String(total), beneficiaries });
        if (!planned.ok) throw new Error(planned.code);
        const posted = postEntry(planned.value.entry, postingContext({ balances: { '1111': BigInt(total) } }));
        expect(posted.ok).toBe(true);
      }),
    );
  });
});
