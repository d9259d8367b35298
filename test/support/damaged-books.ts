/** Small books to damage, and the way a person editing the database file would damage them. */
import { postVoucher } from '../../src/app/vouchers/post-voucher.js';
import { createVoucher } from '../../src/app/vouchers/voucher-drafts.js';
import type { Store } from '../../src/db/store.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from './store-fixture.js';

/** Sequence 1 the opening, 2 and 3 two receipts on 1 February, 4 the entry of a cash receipt voucher. */
export function booksEndingInAVoucher(store: Store = freshStore()): Store {
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  postOk(store, '2024-02-01 Ủng hộ\n  1111 Dr 300\n  5111 Cr 300\n\n2024-02-01 Ủng hộ thêm\n  1111 Dr 100\n  5111 Cr 100\n');
  const draft = createVoucher(store, { entity: FUND.code, content: { type: 'cash-receipt', date: '2024-02-05', reason: 'Ủng hộ Quỹ', amount: '500000' }, actor: ACTOR });
  if (!draft.ok) throw new Error(`fixture voucher refused: ${draft.code}`);
  const posted = postVoucher(store, { entity: FUND.code, id: draft.value.id, actor: ACTOR });
  if (!posted.ok) throw new Error(`fixture voucher not posted: ${posted.code}`);
  return store;
}

/**
 * Changes the file as someone editing it directly would: foreign keys, CHECK constraints
 * and triggers out of the way, the triggers put back afterwards so that only the edit remains.
 */
export function tamper(store: Store, edit: string | (() => void)): void {
  const { sqlite } = store;
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('ignore_check_constraints = ON');
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  try {
    if (typeof edit === 'string') sqlite.exec(edit);
    else edit();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
    sqlite.pragma('ignore_check_constraints = OFF');
    sqlite.pragma('foreign_keys = ON');
  }
}
