import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postEntries } from '../../src/app/post-entries.js';
import { reverseEntry } from '../../src/app/reverse-entry.js';
import { getAccountBalance, getTrialBalance } from '../../src/app/trial-balance.js';
import { verifyFund } from '../../src/app/verify-chain.js';
import { findEntry } from '../../src/db/entries-repo.js';
import type { EntryInput } from '../../src/ledger/entry.js';
import { parseJournal } from '../../src/ledger/journal-text.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, post, postOk } from '../support/store-fixture.js';

const balance = (store: ReturnType<typeof freshStore>, account: string, asOf = '2024-12-31', entity = FUND.code) => {
  const result = getAccountBalance(store, { entity, account, asOf });
  if (!result.ok) throw new Error(result.code);
  return result.value.balance;
};

describe('posting into the store', () => {
  it('writes nothing when one entry of a file is refused, and names that entry', () => {
    const store = freshStore();
    createFund(store);
    const result = post(store, `${OPENING}\n2024-02-01 Chi quá số dư\n  6111 Dr 99000000\n  1111 Cr 99000000\n`);
    expect(result).toMatchObject({ ok: false, code: 'balance_would_go_negative', path: 'entries[1].lines[1]' });
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM entries').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM account_days').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT chain_seq FROM entities').pluck().get()).toBe(0);
  });

  it('refuses a back-dated payment that a later payment already relies on', () => {
    const store = freshStore();
    createFund(store);
    postOk(store, OPENING, { kind: 'opening' });
    postOk(store, '2024-03-10 Chi hỗ trợ\n  6111 Dr 8000000\n  1111 Cr 8000000\n');
    const backDated = post(store, '2024-02-01 Chi lùi ngày\n  6115 Dr 5000000\n  1111 Cr 5000000\n');
    expect(backDated).toMatchObject({ ok: false, code: 'balance_would_go_negative' });
    expect(post(store, '2024-02-01 Chi lùi ngày\n  6115 Dr 2000000\n  1111 Cr 2000000\n').ok).toBe(true);
    expect(balance(store, '1111')).toBe(0n);
  });

  it('keeps a running balance through a bulk file so later entries see earlier ones', () => {
    const store = freshStore();
    createFund(store);
    const journal = [
      '2024-01-01 Số dư\n  1111 Dr 100\n  421 Cr 100\n',
      '2024-01-02 Chi\n  6111 Dr 60\n  1111 Cr 60\n',
      '2024-01-03 Chi\n  6111 Dr 50\n  1111 Cr 50\n',
    ].join('\n');
    expect(post(store, journal)).toMatchObject({ ok: false, code: 'balance_would_go_negative', path: 'entries[2].lines[1]' });
  });

  it('stores dimensions and reads them back, with one counterparty per identity', () => {
    const store = freshStore();
    createFund(store);
    const [first] = postOk(
      store,
      '2024-02-03 Ủng hộ\n  1121 Dr 500 bank=111222333 ref=FT1\n  5111 Cr 500 counterparty=donor:"Nguyễn Văn An" address="ấp 1"\n' +
        '\n2024-02-04 Ủng hộ\n  1121 Dr 700 bank=111222333 ref=FT2\n  5111 Cr 700 counterparty=donor:"Nguyễn Văn An" address="ấp 1"\n',
    );
    const stored = findEntry(store.sqlite, 1, first!.id);
    expect(stored?.lines).toMatchObject([
      { account: '1121', amount: 500n, bankAccount: '111222333', externalRef: 'FT1' },
      { account: '5111', amount: -500n, counterparty: { kind: 'donor', name: 'Nguyễn Văn An', address: 'ấp 1' } },
    ]);
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM counterparties').pluck().get()).toBe(1);
  });

  it('writes a bulk file exactly as the same entries posted one at a time, ids and order included', () => {
    // 700 entries cross many full batches and every remainder size; the back-dated one in the middle
    // makes the session write what it holds to read a balance; plain lines, lines with dimensions and
    // goods memos interleave.
    const journal = Array.from({ length: 700 }, (_, i) => {
      const day = `2024-${String(2 + Math.floor(i / 70)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      if (i === 350) return '2024-01-20 Chi lùi ngày\n  6111 Dr 1000\n  1111 Cr 1000\n';
      if (i % 3 === 0) return `${day} Ủng hộ ${i}\n  1121 Dr ${1000 + i} bank=111222333 ref=FT${i}\n  5111 Cr ${1000 + i} counterparty=donor:"Nhà hảo tâm ${i % 7}"\n`;
      if (i % 3 === 1) return `${day} Nhận gạo ${i}\n  1111 Dr ${2000 + i}\n  5111 Cr ${2000 + i}\n  003 in ${i + 1} kg item="Gạo tẻ"\n`;
      return `${day} Chi ${i}\n  6111 Dr ${500 + i}\n  1111 Cr ${500 + i}\n`;
    });
    const clock = () => '2024-12-31T00:00:00.000Z';
    const load = (bulk: boolean) => {
      const store = freshStore();
      createFund(store);
      const opening = parseJournal(OPENING);
      if (!opening.ok || !postEntries(store, { entity: FUND.code, actor: ACTOR, clock, kind: 'opening', entries: opening.value }).ok) throw new Error('opening refused');
      const entries = journal.flatMap((text) => {
        const parsed = parseJournal(text);
        if (!parsed.ok) throw new Error(parsed.code);
        return parsed.value;
      });
      const batches = bulk ? [entries] : entries.map((entry) => [entry]);
      const posted = batches.flatMap((batch) => {
        const result = postEntries(store, { entity: FUND.code, actor: ACTOR, clock, entries: batch });
        if (!result.ok) throw new Error(`${result.code} ${result.path}`);
        return result.value;
      });
      return { store, posted };
    };
    const rows = (store: ReturnType<typeof freshStore>) =>
      ['entries ORDER BY id', 'entry_lines ORDER BY id', 'entry_memos ORDER BY id', 'account_days ORDER BY account_id, date', 'counterparties ORDER BY id']
        .map((from) => store.sqlite.prepare(`SELECT * FROM ${from}`).raw().all());
    const bulk = load(true);
    const single = load(false);
    expect(bulk.posted).toEqual(single.posted);
    expect(rows(bulk.store)).toEqual(rows(single.store));
    expect(bulk.store.sqlite.prepare('SELECT chain_seq, chain_hash, debit_total, quantity_total FROM entities').get())
      .toEqual(single.store.sqlite.prepare('SELECT chain_seq, chain_hash, debit_total, quantity_total FROM entities').get());
    expect(bulk.store.sqlite.prepare('SELECT COUNT(*) FROM entry_lines').pluck().get()).toBe(3 + 700 * 2);
    expect(bulk.store.sqlite.prepare('SELECT COUNT(*) FROM entry_memos').pluck().get()).toBe(233);
    const last = bulk.posted.at(-1)!;
    expect(findEntry(bulk.store.sqlite, 1, last.id)).toMatchObject({ seq: last.seq, hash: last.hash, description: 'Ủng hộ 699' });
    expect(verifyFund(bulk.store, FUND.code)).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('records the accounting date and the system time of every entry', () => {
    const store = freshStore();
    createFund(store);
    const posted = postEntries(store, {
      entity: FUND.code, actor: { name: 'ke-toan', origin: 'test' }, clock: () => '2024-01-05T02:03:04.000Z',
      entries: [{ date: '2024-01-01', description: 'Số dư', lines: [{ account: '1111', debit: '5' }, { account: '421', credit: '5' }] }],
    });
    expect(posted.ok).toBe(true);
    expect(findEntry(store.sqlite, 1, 1)).toMatchObject({ date: '2024-01-01', recordedAt: '2024-01-05T02:03:04.000Z', recordedBy: 'ke-toan', seq: 1 });
  });
});

describe('reversal', () => {
  it('posts the mirror entry linked to the original and refuses a second reversal', () => {
    const store = freshStore();
    createFund(store);
    postOk(store, OPENING, { kind: 'opening' });
    const [donation] = postOk(store, '2024-02-01 Ủng hộ\n  1111 Dr 300\n  5111 Cr 300 counterparty=donor:"An"\n');
    const reversed = reverseEntry(store, { entity: FUND.code, entryId: donation!.id, date: '2024-02-05', actor: ACTOR });
    expect(reversed).toMatchObject({ ok: true, value: { seq: 3, date: '2024-02-05' } });
    if (!reversed.ok) return;
    const mirror = findEntry(store.sqlite, 1, reversed.value.id);
    expect(mirror).toMatchObject({ kind: 'reversal', reversesId: donation!.id, description: 'Hủy bút toán số 2: Ủng hộ' });
    expect(mirror?.lines.map((l) => [l.account, l.amount])).toEqual([['1111', -300n], ['5111', 300n]]);
    expect(balance(store, '5111')).toBe(0n);
    expect(reverseEntry(store, { entity: FUND.code, entryId: donation!.id, date: '2024-02-06', actor: ACTOR })).toMatchObject({ code: 'entry_already_reversed' });
    expect(reverseEntry(store, { entity: FUND.code, entryId: reversed.value.id, date: '2024-02-06', actor: ACTOR })).toMatchObject({ code: 'entry_not_reversible' });
  });

  it('refuses to reverse a receipt whose money has been spent', () => {
    const store = freshStore();
    createFund(store);
    const [receipt] = postOk(store, '2024-02-01 Ủng hộ\n  1111 Dr 300\n  5111 Cr 300\n');
    postOk(store, '2024-02-02 Chi\n  6111 Dr 300\n  1111 Cr 300\n');
    expect(reverseEntry(store, { entity: FUND.code, entryId: receipt!.id, date: '2024-02-03', actor: ACTOR })).toMatchObject({ code: 'balance_would_go_negative' });
  });

  it('refuses a second reversal in the database itself', () => {
    const store = freshStore();
    createFund(store);
    const [receipt] = postOk(store, '2024-02-01 Ủng hộ\n  1111 Dr 300\n  5111 Cr 300\n');
    reverseEntry(store, { entity: FUND.code, entryId: receipt!.id, date: '2024-02-03', actor: ACTOR });
    expect(() =>
      store.sqlite
        .prepare(`INSERT INTO entries (entity_id, seq, kind, date, description, reverses_id, recorded_at, recorded_by, hash) VALUES (1, 9, 'reversal', '2024-02-04', 'x', ?, 'now', 'x', x'00')`)
        .run(receipt!.id),
    ).toThrow(/UNIQUE/);
  });
});

describe('trial balance property', () => {
  const SAFE = ['1388', '331', '421', '5111', '515', '6111', '6115', '612', '615'];
  const entryArb = fc
    .tuple(fc.constantFrom(...SAFE), fc.constantFrom(...SAFE), fc.bigInt({ min: 1n, max: 10n ** 11n }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([debit, credit, amount, month, day]): EntryInput => ({
      date: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      description: 'Ngẫu nhiên',
      lines: [{ account: debit, debit: amount.toString() }, { account: credit, credit: amount.toString() }],
    }));

  it('agrees in every column and equals the sum of the postings', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (entries, fromMonth) => {
        const store = freshStore();
        createFund(store);
        const posted = postEntries(store, { entity: FUND.code, entries, actor: ACTOR });
        if (!posted.ok) return false;
        const from = `2024-${String(fromMonth).padStart(2, '0')}-01`;
        const tb = getTrialBalance(store, { entity: FUND.code, from, to: '2024-12-31' });
        if (!tb.ok) return false;
        const inRange = entries.filter((e) => e.date >= from).reduce((sum, e) => sum + BigInt(e.lines[0]!.debit!), 0n);
        store.close();
        return tb.value.balanced && tb.value.totals.period.debit === inRange;
      }),
      { numRuns: 25 },
    );
  });
});
