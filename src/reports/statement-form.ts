/**
 * A statement's shape as data: its lines, each with a code, a label and the terms that make
 * its figure (accounts with a measure and a sign, or other lines), its columns, and the
 * checks it must pass. A regulator's official form is added as another such value, with
 * no code.
 */
import type { FormKey } from './figures.js';

/**
 * `balance` is the balance at the column's point (start or end of the range); `opening`
 * and `closing` are fixed points; `debit` and `credit` are the period's movements without
 * opening and closing entries; `net-debit` is debits less credits, `net-credit` the reverse.
 */
export type Measure = 'balance' | 'opening' | 'closing' | 'debit' | 'credit' | 'net-debit' | 'net-credit';

export type Term =
  | {
      /** The account, rolled up through its sub-accounts. */
      readonly account: string;
      readonly measure: Measure;
      readonly sign?: 1 | -1;
      /** Only lines whose counterparty has this form (for 'debit', 'credit' and their nets). */
      readonly counterpartyForm?: FormKey;
    }
  | { readonly line: string; readonly sign?: 1 | -1 };

export interface StatementLineDefinition {
  readonly code: string;
  readonly label: string;
  /** 0 for section headings and totals, 1 for their lines. */
  readonly level: 0 | 1;
  readonly strong?: boolean;
  /** No terms: a heading without a figure. */
  readonly terms: readonly Term[];
}

export interface StatementColumnDefinition {
  readonly label: string;
  /** Where `balance` terms are read. */
  readonly at: 'start' | 'end';
  /** The statement's own range, or the one it compares with (`previousRange`). */
  readonly period: 'current' | 'previous';
}

/** The statements every regime publishes, each in its own form. */
export const STATEMENT_IDS = ['financial-position', 'receipts-and-uses'] as const;
export type StatementId = (typeof STATEMENT_IDS)[number];

export interface StatementForm {
  readonly id: StatementId;
  readonly title: string;
  /** Top right of the printed statement. */
  readonly formCode: readonly string[];
  /** `point`: a position at the period's last day ("Tại ngày …"); `range`: what the period moved ("Từ ngày … đến ngày …"). */
  readonly period: 'point' | 'range';
  readonly columns: readonly StatementColumnDefinition[];
  readonly lines: readonly StatementLineDefinition[];
  /** Pairs of lines that must be equal in every column. */
  readonly checks: readonly { readonly label: string; readonly left: string; readonly right: string }[];
}
