/**
 * Statements from their line definitions, periods by name, and the sorting of transfers
 * within a consolidated group.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getStatement } from '../../src/app/reports/get-statement.js';
import { reconcileTransfers, type GroupTransfer } from '../../src/reports/consolidation.js';
import { closeYear } from '../../src/app/close-year.js';
import { periodRange, previousRange } from '../../src/reports/period.js';
import { REGIMES } from '../../src/regimes/regimes.js';
import { STATEMENT_IDS } from '../../src/reports/statement-form.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, post, postOk } from '../support/store-fixture.js';

describe('periods by name', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
  ])('reads %s as %s to %s', (text, from, to) => {
    expect(periodRange(text)).toEqual({ from, to });
  });

  it.each(['2024-Q5', '2024-H3', '2024-13', '24', '2024-1', ''])('refuses %j', (text) => {
    expect(periodRange(text)).toBeNull();
  });
});

describe('the period a statement compares with', () => {
  it.each([
    ['2024-01-01', '2024-12-31', '2023-01-01', '2023-12-31'],
    ['2024-07-01', '2024-12-31', '2024-01-01', '2024-06-30'],
    ['2024-01-01', '2024-03-31', '2023-10-01', '2023-12-31'],
    ['2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['2024-02-01', '2024-04-30', '2023-11-01', '2024-01-31'],
    ['2024-02-10', '2024-02-19', '2024-01-31', '2024-02-09'],
    ['2024-01-01', '2024-03-15', '2023-10-18', '2023-12-31'],
    ['2024-05-31', '2024-05-31', '2024-05-30', '2024-05-30'],
    ['0001-02-01', '0001-02-28', '0001-01-01', '0001-01-31'],
    ['0050-03-01', '0050-03-03', '0050-02-26', '0050-02-28'],
  ])('compares %s..%s with %s..%s', (from, to, previousFrom, previousTo) => {
    expect(previousRange({ from, to })).toEqual({ from: previousFrom, to: previousTo });
  });

  it.each([
    ['0001-01-01', '0001-12-31'],
    ['0001-01-05', '0001-01-10'],
    ['0001-02-01', '0001-03-31'],
  ])('has none before the first year the calendar writes (%s..%s)', (from, to) => {
    expect(previousRange({ from, to })).toBeNull();
  });
});

const transfer = (over: Partial<GroupTransfer>): GroupTransfer => ({
  id: 1, from: 'P', to: 'C', amount: 100n, reason: 'Điều tiết', paidOn: '2024-06-10', sentOn: '2024-06-12', receivedOn: '2024-06-12', ...over,
});
const JUNE = { from: '2024-06-01', to: '2024-06-30' };
const GROUP = new Set(['P', 'C']);

describe('transfers within a group', () => {
  it('eliminates a transfer both sides recorded within the range, from the giver’s uses and the receiver’s receipts', () => {
    const r = reconcileTransfers([transfer({})], GROUP, JUNE);
    expect(r.eliminations).toEqual([{ fund: 'P', account: 'sent', amount: 100n }, { fund: 'C', account: 'received', amount: 100n }]);
    expect(r.unmatched).toEqual([]);
  });

  it('lists money still in transit at the end of the range', () => {
    const r = reconcileTransfers([transfer({ sentOn: null, receivedOn: null })], GROUP, JUNE);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['in-transit']);
    expect(r.eliminations).toEqual([]);
  });

  it('lists a transfer the giver recorded in the range and the receiver after it', () => {
    const r = reconcileTransfers([transfer({ sentOn: '2024-06-30', receivedOn: '2024-07-02' })], GROUP, JUNE);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['sent-only']);
  });

  it('lists a transfer the receiver recorded in the range and the giver before it', () => {
    const r = reconcileTransfers([transfer({ paidOn: '2024-05-30', sentOn: '2024-05-30', receivedOn: '2024-06-02' })], GROUP, JUNE);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['received-only']);
  });

  it('leaves out transfers with a fund outside the group and transfers outside the range', () => {
    const r = reconcileTransfers([transfer({ to: 'X' }), transfer({ id: 2, paidOn: '2024-01-01', sentOn: '2024-01-01', receivedOn: '2024-01-02' })], GROUP, JUNE);
    expect([r.eliminated, r.unmatched]).toEqual([[], []]);
  });
});

const MOVES = [
  ['1111', '5111'], ['1121', '5111'], ['1121', '515'], ['6111', '1121'], ['6115', '1111'], ['615', '1121'], ['1121', '1111'], ['6112', '1121'],
] as const;

describe('statement forms', () => {
  it.each([...REGIMES.keys()])('exist for the regime %s, each line’s terms naming accounts of its chart or lines of its form', (code) => {
    const regime = REGIMES.get(code);
    const codes = new Set(regime?.chart.map((a) => a.code));
    for (const id of STATEMENT_IDS) {
      const form = regime!.statements[id];
      const lines = new Set(form.lines.map((l) => l.code));
      for (const term of form.lines.flatMap((l) => l.terms)) expect('line' in term ? lines.has(term.line) : codes.has(term.account), JSON.stringify(term)).toBe(true);
      for (const check of form.checks) expect([lines.has(check.left), lines.has(check.right)]).toEqual([true, true]);
    }
  });
});

describe('statements of any year', () => {
  it('always close on 421: opening + receipts − uses, and assets equal sources; the previous quarter’s column is that quarter’s statement', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: MOVES.length - 1 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 365 })), { maxLength: 25 }), (moves) => {
        const store = freshStore();
        createFund(store);
        postOk(store, OPENING, { kind: 'opening' });
        for (const [which, amount, day] of moves) {
          const [debit, credit] = MOVES[which] ?? MOVES[0];
          const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
          // Payments the fund cannot afford are refused by the ledger; the rest must report consistently.
          post(store, `${date} Nghiệp vụ\n  ${debit}  Dr ${amount}\n  ${credit}  Cr ${amount}\n`);
        }
        for (const statement of ['receipts-and-uses', 'financial-position'] as const) {
          for (const range of [{ period: '2024' }, { period: '2024-Q3' }]) {
            const result = getStatement(store, { entity: FUND.code, statement, ...range });
            if (!result.ok) throw new Error(result.code);
            expect(result.value.statement.checks.every((c) => c.ok)).toBe(true);
          }
        }
        const values = (period: string, index: number) => {
          const result = getStatement(store, { entity: FUND.code, statement: 'receipts-and-uses', period });
          if (!result.ok) throw new Error(result.code);
          return result.value.statement.lines.map((l) => l.values[index]);
        };
        expect(values('2024-Q3', 1)).toEqual(values('2024-Q2', 0));
        store.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('the previous period’s column', () => {
  const column = (result: ReturnType<typeof getStatement>, index: number) => {
    if (!result.ok) throw new Error(result.code);
    return new Map(result.value.statement.lines.map((l) => [l.code, l.values[index]]));
  };

  it('is blank where the previous period lies before the fund’s first fiscal year', () => {
    const store = freshStore();
    createFund(store);
    postOk(store, OPENING, { kind: 'opening' });
    const result = getStatement(store, { entity: FUND.code, statement: 'receipts-and-uses', period: '2024' });
    expect([...column(result, 1).values()].every((v) => v === null)).toBe(true);
    expect(column(result, 0).get('21')).toBe(60_000_000n);
    expect(result.ok && result.value.statement.previous).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    store.close();
  });

  it('holds what the previous period’s own statement shows, across a closed year', () => {
    const store = freshStore();
    createFund(store, { firstYear: 2023 });
    postOk(store, OPENING.replace('2024-01-01', '2023-01-01'), { kind: 'opening' });
    postOk(store, '2023-05-10 Ủng hộ\n  1121  Dr 7000000\n  5111  Cr 7000000\n2023-06-02 Hỗ trợ\n  6111  Dr 2500000\n  1121  Cr 2500000\n');
    const closed = closeYear(store, { entity: FUND.code, year: 2023, actor: ACTOR });
    if (!closed.ok) throw new Error(closed.code);
    postOk(store, '2024-03-04 Ủng hộ\n  1111  Dr 1000000\n  5111  Cr 1000000\n');
    const previous = column(getStatement(store, { entity: FUND.code, statement: 'receipts-and-uses', period: '2023' }), 0);
    const current = getStatement(store, { entity: FUND.code, statement: 'receipts-and-uses', period: '2024' });
    expect(column(current, 1)).toEqual(previous);
    expect([previous.get('01'), previous.get('02'), previous.get('10'), previous.get('21')]).toEqual([60_000_000n, 7_000_000n, 2_500_000n, 64_500_000n]);
    expect([column(current, 0).get('01'), column(current, 0).get('21')]).toEqual([64_500_000n, 65_500_000n]);
    expect(current.ok && current.value.statement.checks.every((c) => c.ok)).toBe(true);
    store.close();
  });
});
