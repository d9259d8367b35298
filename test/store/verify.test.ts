import { describe, expect, it } from 'vitest';
import { verifyFund } from '../../src/app/verify-chain.js';
import { createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';

function booksWithThreeEntries() {
  const store = freshStore();
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  postOk(store, '2024-02-01 Ủng hộ\n  1111 Dr 300\n  5111 Cr 300\n\n2024-02-02 Chi\n  6111 Dr 200\n  1111 Cr 200\n');
  return store;
}

const behindTheTriggersBack = (store: ReturnType<typeof freshStore>, sql: string) => {
  store.sqlite.exec('DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; DROP TRIGGER entry_lines_no_update; DROP TRIGGER entry_lines_no_delete;');
  store.sqlite.exec(sql);
};

describe('verify', () => {
  it('passes untouched books', () => {
    expect(verifyFund(booksWithThreeEntries(), FUND.code)).toMatchObject({
      ok: true,
      value: { ok: true, chain: { ok: true, entries: 3 }, dayTotalMismatches: 0 },
    });
  });

  it('names the entry whose line amount was edited', () => {
    const store = booksWithThreeEntries();
    behindTheTriggersBack(store, "UPDATE entry_lines SET amount = 250 WHERE account_id = (SELECT id FROM accounts WHERE code = '6111')");
    expect(verifyFund(store, FUND.code)).toMatchObject({
      ok: true,
      value: { ok: false, chain: { ok: false, problem: 'hash_mismatch', seq: 3, entryId: 3, date: '2024-02-02' }, dayTotalMismatches: 1 },
    });
  });

  it('names the entry whose description was edited', () => {
    const store = booksWithThreeEntries();
    behindTheTriggersBack(store, "UPDATE entries SET description = 'Chi khác' WHERE seq = 2");
    expect(verifyFund(store, FUND.code)).toMatchObject({ value: { chain: { problem: 'hash_mismatch', seq: 2 } } });
  });

  it('notices an entry deleted from the middle and one cut from the end', () => {
    const middle = booksWithThreeEntries();
    behindTheTriggersBack(middle, 'DELETE FROM entry_lines WHERE entry_id = 2; DELETE FROM entries WHERE id = 2');
    expect(verifyFund(middle, FUND.code)).toMatchObject({ value: { chain: { problem: 'sequence_gap', seq: 3 } } });
    const tail = booksWithThreeEntries();
    behindTheTriggersBack(tail, 'DELETE FROM entry_lines WHERE entry_id = 3; DELETE FROM entries WHERE id = 3');
    expect(verifyFund(tail, FUND.code)).toMatchObject({ value: { chain: { problem: 'head_mismatch', entryId: null, seq: 3 } } });
  });

  it('notices day totals that no longer match the lines', () => {
    const store = booksWithThreeEntries();
    store.sqlite.exec('UPDATE account_days SET debit = debit + 1 WHERE rowid = 1');
    expect(verifyFund(store, FUND.code)).toMatchObject({ value: { ok: false, chain: { ok: true }, dayTotalMismatches: 1 } });
  });
});
