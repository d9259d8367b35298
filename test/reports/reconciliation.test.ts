/** Reconciliation day by day: movements and printed balances against the ledger, unposted rows counted. */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reports/reconciliation.js';

describe('reconcile', () => {
  it('agrees when every day moved alike and nothing is unposted, and names the day and the amount when not', () => {
    const statement = [
      { date: '2024-09-01', credits: 70_000n, debits: 0n, printedBalance: 1_000_070_000n, unpostedRows: 0, unpostedAmount: 0n },
      { date: '2024-09-02', credits: 1_000_000n, debits: 55_000n, printedBalance: null, unpostedRows: 1, unpostedAmount: -55_000n },
    ];
    const result = reconcile(1_000_000_000n, statement, [{ date: '2024-09-01', net: 70_000n }, { date: '2024-09-02', net: 1_000_000n }, { date: '2024-09-03', net: -5n }]);
    expect(result.agrees).toBe(false);
    expect(result.days.map((d) => [d.date, d.difference, d.ledgerBalance, d.balanceDifference, d.unpostedRows])).toEqual([
      ['2024-09-01', 0n, 1_000_070_000n, 0n, 0],
      ['2024-09-02', -55_000n, 1_001_070_000n, null, 1],
      ['2024-09-03', 5n, 1_001_069_995n, null, 0],
    ]);
    expect(reconcile(0n, [statement[0] as (typeof statement)[number]], [{ date: '2024-09-01', net: 70_000n }]).agrees).toBe(true);
  });
});
