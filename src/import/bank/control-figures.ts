/**
 * The figures a statement's rows add up to, checked against the bank's own as they stream:
 * counts and sums of credits and debits, and the balance chain where the layout prints
 * balances (on every row, or on each day's last row). The first break of the chain is kept
 * with what the rows gave and what the bank printed.
 */
import type { StatementControl } from './statement-layout.js';
import type { StatementRow } from './statement-row.js';

export interface ControlBreak {
  readonly ordinal: number;
  /** The balance the rows give. */
  readonly expected: bigint;
  /** The balance the bank printed. */
  readonly printed: bigint;
}

export interface StatementFigures {
  readonly rows: number;
  readonly credits: { readonly count: number; readonly sum: bigint };
  readonly debits: { readonly count: number; readonly sum: bigint };
  /** The balance before the first row and after the last, where the bank prints balances. */
  readonly opening: bigint | null;
  readonly closing: bigint | null;
  readonly balancesChecked: number;
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly break: ControlBreak | null;
}

export class FigureCounter {
  private rows = 0;
  private readonly credits = { count: 0, sum: 0n };
  private readonly debits = { count: 0, sum: 0n };
  private opening: bigint | null = null;
  private last: bigint | null = null;
  /** Movements since the last printed balance. */
  private moved = 0n;
  private checked = 0;
  private firstDay: string | null = null;
  private lastDay: string | null = null;
  private broken: ControlBreak | null = null;

  constructor(private readonly control: StatementControl) {}

  add(row: StatementRow): void {
    this.rows += 1;
    if (row.credit > 0n) {
      this.credits.count += 1;
      this.credits.sum += row.credit;
    }
    if (row.debit > 0n) {
      this.debits.count += 1;
      this.debits.sum += row.debit;
    }
    this.firstDay ??= row.postedOn;
    this.lastDay = row.postedOn;
    this.moved += row.credit - row.debit;
    if (this.control === 'none' || row.balance === null) return;
    if (this.last === null) this.opening = row.balance - this.moved;
    else {
      this.checked += 1;
      const expected = this.last + this.moved;
      if (expected !== row.balance && !this.broken) this.broken = { ordinal: row.ordinal, expected, printed: row.balance };
    }
    this.last = row.balance;
    this.moved = 0n;
  }

  figures(): StatementFigures {
    return {
      rows: this.rows, credits: { ...this.credits }, debits: { ...this.debits }, opening: this.opening,
      closing: this.last === null ? null : this.last + this.moved, balancesChecked: this.checked, firstDay: this.firstDay, lastDay: this.lastDay, break: this.broken,
    };
  }
}
