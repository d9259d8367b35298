/** Vouchers come out of the store as domain values, and a damaged row is refused, not passed on. */
import { describe, expect, it } from 'vitest';
import { createVoucher } from '../../src/app/vouchers/voucher-drafts.js';
import { findVoucher } from '../../src/db/vouchers-repo.js';
import { ACTOR, createFund, FUND, freshStore } from '../support/store-fixture.js';

function withDraft() {
  const store = freshStore();
  const fund = createFund(store);
  const made = createVoucher(store, { entity: FUND.code, actor: ACTOR, content: { type: 'cash-receipt', date: '2024-03-05', reason: 'Ủng hộ Quỹ', amount: '1500000' } });
  if (!made.ok) throw new Error(made.code);
  return { store, fund, id: made.value.id };
}

describe('a stored voucher', () => {
  it('has its content parsed, its type known and its total in đồng as bigint', () => {
    const { store, fund, id } = withDraft();
    const voucher = findVoucher(store.db, fund.id, id);
    expect(voucher).toMatchObject({ type: 'cash-receipt', status: 'draft', amount: 1_500_000n, content: { type: 'cash-receipt', amount: '1500000', reason: 'Ủng hộ Quỹ' } });
  });

  it.each([
    ['an unknown type', `UPDATE vouchers SET type = 'promissory-note'`, /unknown type promissory-note/],
    ['a total that is not whole đồng', `UPDATE vouchers SET amount = 1.5`, /not a whole number of đồng/],
    ['content of another type', `UPDATE vouchers SET content = json_set(content, '$.type', 'cash-payment')`, /whose content says cash-payment/],
  ])('is refused when its row has %s', (_name, damage, message) => {
    const { store, fund, id } = withDraft();
    store.sqlite.exec(damage);
    expect(() => findVoucher(store.db, fund.id, id)).toThrow(message);
  });
});
