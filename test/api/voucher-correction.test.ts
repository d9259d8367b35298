/** One way to correct a voucher: its entry is reversed only by cancelling it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFund } from '../../src/app/fund.js';
import { PostingSession } from '../../src/app/posting-session.js';
import { findEntry } from '../../src/db/entries-repo.js';
import { planReversal } from '../../src/ledger/reverse-entry.js';
import { apiWorld, type ApiWorld } from '../support/api-fixture.js';
import { ACTOR } from '../support/store-fixture.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
});
afterEach(() => world.close());

async function postedReceipt(): Promise<{ id: number; entry: number }> {
  const made = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers', payload: { type: 'cash-receipt', date: '2024-03-15', reason: 'Ủng hộ', amount: '700000' } });
  const posted = await world.call('c1Accountant', { method: 'POST', url: `/api/entities/C1/vouchers/${(made.json() as { id: number }).id}/post` });
  expect(posted.statusCode, posted.body).toBe(200);
  return posted.json() as { id: number; entry: number };
}

describe('correcting a posted voucher', () => {
  it('refuses to reverse the voucher’s entry directly, naming the voucher, and leaves it posted', async () => {
    const voucher = await postedReceipt();
    const reversal = await world.call('c1Accountant', { method: 'POST', url: `/api/entities/C1/entries/${voucher.entry}/reverse`, payload: { date: '2024-03-20' } });
    expect(reversal.statusCode, reversal.body).toBe(409);
    expect(reversal.json()).toMatchObject({ code: 'entry_owned_by_voucher', detail: 'PT0001/2024' });
    expect((await world.call('c1Auditor', { method: 'GET', url: `/api/entities/C1/vouchers/${voucher.id}` })).json()).toMatchObject({ status: 'posted' });
    const cancelled = await world.call('c1Approver', { method: 'POST', url: `/api/entities/C1/vouchers/${voucher.id}/cancel`, payload: { date: '2024-03-20' } });
    expect(cancelled.statusCode, cancelled.body).toBe(201);
  });

  it('answers entry_already_reversed when a voucher’s entry was reversed before this rule existed', async () => {
    const voucher = await postedReceipt();
    const fund = loadFund(world.store, 'C1');
    if (!fund.ok) throw new Error(fund.code);
    const original = findEntry(world.store.sqlite, fund.value.entity.id, (world.store.sqlite.prepare('SELECT entry_id AS id FROM vouchers WHERE id = ?').get(voucher.id) as { id: number }).id);
    if (!original) throw new Error('no entry');
    const plan = planReversal(original, { date: '2024-03-16', alreadyReversed: false, voucher: null, originalLabel: '2' });
    if (!plan.ok) throw new Error(plan.code);
    world.store.sqlite.transaction(() => {
      const session = new PostingSession(world.store, fund.value, { actor: ACTOR });
      const posted = session.post(plan.value, { kind: 'reversal', reversesId: original.id });
      if (!posted.ok) throw new Error(posted.code);
      session.finish();
    })();
    const cancelled = await world.call('c1Approver', { method: 'POST', url: `/api/entities/C1/vouchers/${voucher.id}/cancel`, payload: { date: '2024-03-20' } });
    expect(cancelled.statusCode, cancelled.body).toBe(409);
    expect(cancelled.json()).toMatchObject({ code: 'entry_already_reversed' });
  });
});
