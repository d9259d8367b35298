/**
 * What statements are computed from: per posted account, the balance at the start of the
 * range, the period's debits and credits, and the year-end closing entries (kết chuyển)
 * kept apart, so receipts and uses are the year's movements and not their closing. Opening
 * entries within the range count as the opening balance, not as movements. Cash donations
 * are also kept per counterparty form (organisation, individual, not recorded).
 */
import type { Chart } from '../ledger/chart.js';
import type { CounterpartyForm } from '../ledger/entry.js';
import type { Minor } from '../ledger/money.js';

export interface AccountFigures {
  /** Debit positive. */
  readonly opening: Minor;
  readonly debit: Minor;
  readonly credit: Minor;
  readonly closingDebit: Minor;
  readonly closingCredit: Minor;
}

export type FormKey = CounterpartyForm | 'none';

export interface Figures {
  /** Per posted (leaf) account code. */
  readonly accounts: ReadonlyMap<string, AccountFigures>;
  /** Per posted account code and counterparty form: the period's debits and credits. */
  readonly byForm: ReadonlyMap<string, ReadonlyMap<FormKey, { readonly debit: Minor; readonly credit: Minor }>>;
}

export const NO_FIGURES: AccountFigures = { opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n };

export const closingOf = (f: AccountFigures): Minor => f.opening + f.debit - f.credit + f.closingDebit - f.closingCredit;

/** The posted accounts at or under a code. */
export function leavesUnder(chart: Chart, code: string, posted: Iterable<string>): string[] {
  const under: string[] = [];
  for (const leaf of posted) {
    for (let c: string | null | undefined = leaf; c; c = chart.accounts.get(c)?.parent) {
      if (c === code) {
        under.push(leaf);
        break;
      }
    }
  }
  return under;
}

/** Adds a movement to (or, with a negative amount, takes it from) an account's debits or credits. */
export function adjust(figures: Figures, adjustment: { account: string; side: 'debit' | 'credit'; amount: Minor }): Figures {
  const accounts = new Map(figures.accounts);
  const before = accounts.get(adjustment.account) ?? NO_FIGURES;
  accounts.set(adjustment.account, { ...before, [adjustment.side]: before[adjustment.side] + adjustment.amount });
  return { accounts, byForm: figures.byForm };
}
