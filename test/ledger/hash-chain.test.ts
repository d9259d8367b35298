import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalForm, chainHash, checkChain, GENESIS_HASH, type ChainEntry, type MalformedChainEntry, type StoredChainEntry } from '../../src/ledger/hash-chain.js';

const base = (seq: number): ChainEntry => ({
  entityId: 1, seq, kind: 'regular', date: '2024-03-01', description: `Bút toán ${seq}`, reversesId: null,
  recordedAt: '2024-03-01T08:00:00.000Z', recordedBy: 'kt',
  lines: [
    { lineNo: 1, account: '1111', amount: 5n, counterpartyId: null, campaignId: null, designation: null, bankAccountId: null, externalRef: null, currency: null, originalAmount: null, rate: null, quantity: null, unit: null, allocationLineId: null },
    { lineNo: 2, account: '5111', amount: -5n, counterpartyId: 3, campaignId: null, designation: null, bankAccountId: null, externalRef: null, currency: null, originalAmount: null, rate: null, quantity: null, unit: null, allocationLineId: null },
  ],
  memos: [],
});

function chain(count: number): StoredChainEntry[] {
  const entries: StoredChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry = base(seq);
    const hash = chainHash(prev, entry);
    entries.push({ ...entry, id: seq * 10, hash });
    prev = hash;
  }
  return entries;
}

const headOf = (entries: StoredChainEntry[]) => ({ seq: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH });

describe('the hash chain', () => {
  it('accepts an untouched chain', () => {
    const entries = chain(5);
    expect(checkChain(entries, headOf(entries))).toEqual({ ok: true, entries: 5, lastHash: entries[4]!.hash });
  });

  it('names the first entry whose content changed', () => {
    const entries = chain(5);
    const head = headOf(entries);
    entries[2] = { ...entries[2]!, lines: [{ ...entries[2]!.lines[0]!, amount: 6n }, entries[2]!.lines[1]!] };
    expect(checkChain(entries, head)).toMatchObject({ ok: false, problem: 'hash_mismatch', entryId: 30, seq: 3 });
  });

  it('names a gap where an entry was removed', () => {
    const entries = chain(5);
    const head = headOf(entries);
    entries.splice(1, 1);
    expect(checkChain(entries, head)).toMatchObject({ ok: false, problem: 'sequence_gap', entryId: 30, seq: 3 });
  });

  it('notices entries cut off the end through the recorded head', () => {
    const entries = chain(5);
    const head = headOf(entries);
    expect(checkChain(entries.slice(0, 4), head)).toMatchObject({ ok: false, problem: 'head_mismatch', entryId: null, seq: 5 });
  });

  it('stops at an entry whose stored values could not be read, naming its row', () => {
    const entries: (StoredChainEntry | MalformedChainEntry)[] = chain(3);
    const head = headOf(entries as StoredChainEntry[]);
    entries[1] = { id: 20, seq: 2, date: '2024-03-01', malformed: { table: 'entry_lines', rowid: 7, detail: 'amount holds real 1.25e+19' } };
    expect(checkChain(entries, head)).toEqual({
      ok: false, entries: 1, problem: 'entry_malformed', entryId: 20, seq: 2, date: '2024-03-01', row: { table: 'entry_lines', rowid: 7, detail: 'amount holds real 1.25e+19' },
    });
  });

  it('notices a forged entry rehashed in place at the entry after it', () => {
    const entries = chain(3);
    const head = headOf(entries);
    const forged = { ...entries[1]!, description: 'Sửa lén' };
    entries[1] = { ...forged, hash: chainHash(entries[0]!.hash, forged) };
    expect(checkChain(entries, head)).toMatchObject({ ok: false, problem: 'hash_mismatch', seq: 3 });
  });

  it('writes the canonical form as the JSON array of the stored fields', () => {
    const entry = { ...base(1), description: 'Quà "Tết" \\ Giáp Thìn\n', memos: [{ lineNo: 1, account: '003', quantity: 500000n, unit: 'kg', item: null }] };
    const asJson = JSON.stringify([
      entry.entityId, entry.seq, entry.kind, entry.date, entry.description, entry.reversesId, entry.recordedAt, entry.recordedBy,
      entry.lines.map((l) => [l.lineNo, l.account, String(l.amount), l.counterpartyId, l.campaignId, l.designation, l.bankAccountId, l.externalRef, l.currency, l.originalAmount, l.rate, l.quantity, l.unit]),
      entry.memos.map((m) => [m.lineNo, m.account, String(m.quantity), m.unit]),
    ]);
    expect(canonicalForm(entry)).toBe(asJson);
  });

  it('writes any string exactly as JSON.stringify does, escapes and unpaired surrogates included', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\ud800', '\udfff', '😀', 'ệ'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(text, text, text, (description, designation, unit) => {
        const [line] = base(1).lines;
        const entry = { ...base(1), description, lines: [{ ...line!, designation, unit }], memos: [{ lineNo: 1, account: '003', quantity: 1n, unit, item: description }] };
        const asJson = JSON.stringify([
          1, 1, 'regular', '2024-03-01', description, null, '2024-03-01T08:00:00.000Z', 'kt',
          [[1, '1111', '5', null, null, designation, null, null, null, null, null, null, unit]],
          [[1, '003', '1', unit, description]],
        ]);
        expect(canonicalForm(entry)).toBe(asJson);
      }),
    );
  });

  it('keeps the hash of an entry with every field filled', () => {
    const entry: ChainEntry = {
      ...base(1),
      description: 'Quà "Tết" \\ Giáp Thìn\n\u0001 \ud800 😀',
      lines: [
        { lineNo: 1, account: '1122', amount: 254500n, counterpartyId: 4, campaignId: 2, designation: 'Hộ nghèo', bankAccountId: 1, externalRef: 'FT24061', currency: 'USD', originalAmount: 1000n, rate: '254.5', quantity: null, unit: null, allocationLineId: null },
        { ...base(1).lines[1]!, counterpartyId: null, amount: -254500n },
      ],
      memos: [{ lineNo: 1, account: '003', quantity: 500000n, unit: 'kg', item: null }, { lineNo: 2, account: '003', quantity: -2000n, unit: 'thùng', item: 'Mì tôm' }],
    };
    expect(chainHash(GENESIS_HASH, entry)).toBe('56d9171cb9708761496e4d36325b902229056203a3850484ef88400aef3cf436');
  });

  it('changes the hash when any field changes', () => {
    const original = chainHash(GENESIS_HASH, base(1));
    expect(chainHash(GENESIS_HASH, { ...base(1), recordedBy: 'khác' })).not.toBe(original);
    expect(chainHash(GENESIS_HASH, { ...base(1), date: '2024-03-02' })).not.toBe(original);
    expect(chainHash('f'.repeat(64), base(1))).not.toBe(original);
  });
});
