/**
 * A bank account's statement against its ledger, day by day: what the statement moved and
 * the ledger moved, the difference, the balance the bank printed at the day's end against the
 * ledger's, and the statement's rows not yet posted. A day that agrees has no difference and
 * nothing unposted.
 */

export interface StatementDay {
  readonly date: string;
  readonly credits: bigint;
  readonly debits: bigint;
  /** The last balance the bank printed that day, if it printed one. */
  readonly printedBalance: bigint | null;
  readonly unpostedRows: number;
  readonly unpostedAmount: bigint;
}

export interface LedgerDay {
  readonly date: string;
  /** Debit positive: money into the account. */
  readonly net: bigint;
}

export interface ReconciliationDay {
  readonly date: string;
  readonly statementNet: bigint;
  readonly ledgerNet: bigint;
  readonly difference: bigint;
  readonly printedBalance: bigint | null;
  readonly ledgerBalance: bigint;
  readonly balanceDifference: bigint | null;
  readonly unpostedRows: number;
  readonly unpostedAmount: bigint;
}

export interface Reconciliation {
  readonly openingLedgerBalance: bigint;
  readonly days: readonly ReconciliationDay[];
  readonly agrees: boolean;
}

export function reconcile(opening: bigint, statement: readonly StatementDay[], ledger: readonly LedgerDay[]): Reconciliation {
  const byDate = new Map(statement.map((d) => [d.date, d]));
  const moved = new Map(ledger.map((d) => [d.date, d.net]));
  const dates = [...new Set([...byDate.keys(), ...moved.keys()])].sort();
  let balance = opening;
  const days = dates.map((date): ReconciliationDay => {
    const s = byDate.get(date);
    const ledgerNet = moved.get(date) ?? 0n;
    balance += ledgerNet;
    const statementNet = s ? s.credits - s.debits : 0n;
    const printed = s?.printedBalance ?? null;
    return {
      date, statementNet, ledgerNet, difference: statementNet - ledgerNet, printedBalance: printed, ledgerBalance: balance,
      balanceDifference: printed === null ? null : printed - balance, unpostedRows: s?.unpostedRows ?? 0, unpostedAmount: s?.unpostedAmount ?? 0n,
    };
  });
  return { openingLedgerBalance: opening, days, agrees: days.every((d) => d.difference === 0n && d.unpostedRows === 0) };
}
