/**
 * The trial balance (bảng cân đối số phát sinh): per account, the balance at the start of
 * the range, the debits and credits within it and the balance at its end, each balance
 * shown on its debit or credit side. Parents roll up their sub-accounts; totals are taken
 * over top-level accounts and must agree (debits = credits in every column pair).
 */
import type { Chart } from '../ledger/chart.js';
import type { Minor } from '../ledger/money.js';

export interface Sums {
  /** Balance before the range, debit positive. */
  readonly opening: Minor;
  readonly debit: Minor;
  readonly credit: Minor;
}

export interface Sided {
  readonly debit: Minor;
  readonly credit: Minor;
}

export interface TrialBalanceRow {
  readonly code: string;
  readonly name: string;
  /** 1 for top-level accounts, 2 for their sub-accounts, and so on. */
  readonly depth: number;
  readonly leaf: boolean;
  readonly opening: Sided;
  readonly period: Sided;
  readonly closing: Sided;
}

export interface HoldingRow {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** The goods counted, when the holding is of a named item. */
  readonly item: string | null;
  /** Thousandths of the unit. */
  readonly opening: Minor;
  readonly in: Minor;
  readonly out: Minor;
  readonly closing: Minor;
}

export interface TrialBalance {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly TrialBalanceRow[];
  readonly totals: { readonly opening: Sided; readonly period: Sided; readonly closing: Sided };
  readonly balanced: boolean;
  readonly offBalance: readonly HoldingRow[];
}

const ZERO: Sums = { opening: 0n, debit: 0n, credit: 0n };

/** Adds each account's sums into itself and every ancestor. */
export function rollUp(chart: Chart, sums: ReadonlyMap<string, Sums>): Map<string, Sums> {
  const rolled = new Map<string, Sums>();
  for (const [code, own] of sums) {
    for (let c: string | null | undefined = code; c; c = chart.accounts.get(c)?.parent) {
      const seen = rolled.get(c) ?? ZERO;
      rolled.set(c, { opening: seen.opening + own.opening, debit: seen.debit + own.debit, credit: seen.credit + own.credit });
    }
  }
  return rolled;
}

const sided = (balance: Minor): Sided => (balance >= 0n ? { debit: balance, credit: 0n } : { debit: 0n, credit: -balance });
const add = (a: Sided, b: Sided): Sided => ({ debit: a.debit + b.debit, credit: a.credit + b.credit });

function depthOf(chart: Chart, code: string): number {
  let depth = 0;
  for (let c: string | null | undefined = code; c; c = chart.accounts.get(c)?.parent) depth += 1;
  return depth;
}

export interface TrialBalanceInput {
  readonly from: string;
  readonly to: string;
  readonly chart: Chart;
  /** Sums per account code, as posted (leaf level). */
  readonly sums: ReadonlyMap<string, Sums>;
  readonly holdings: readonly { readonly code: string; readonly unit: string; readonly item: string | null; readonly opening: Minor; readonly in: Minor; readonly out: Minor }[];
}

export function trialBalance(input: TrialBalanceInput): TrialBalance {
  const rolled = rollUp(input.chart, input.sums);
  const rows: TrialBalanceRow[] = [];
  let totals = { opening: sided(0n), period: sided(0n), closing: sided(0n) };
  for (const code of [...rolled.keys()].sort()) {
    const sums = rolled.get(code) ?? ZERO;
    const closing = sums.opening + sums.debit - sums.credit;
    if (sums.opening === 0n && sums.debit === 0n && sums.credit === 0n) continue;
    const account = input.chart.accounts.get(code);
    const row: TrialBalanceRow = {
      code,
      name: account?.nameVi ?? code,
      depth: depthOf(input.chart, code),
      leaf: account?.leaf ?? true,
      opening: sided(sums.opening),
      period: { debit: sums.debit, credit: sums.credit },
      closing: sided(closing),
    };
    rows.push(row);
    if (row.depth === 1) {
      totals = { opening: add(totals.opening, row.opening), period: add(totals.period, row.period), closing: add(totals.closing, row.closing) };
    }
  }
  const balanced = [totals.opening, totals.period, totals.closing].every((s) => s.debit === s.credit);
  const offBalance = input.holdings
    .map((h) => ({ ...h, name: input.chart.accounts.get(h.code)?.nameVi ?? h.code, closing: h.opening + h.in - h.out }))
    .filter((h) => h.opening !== 0n || h.in !== 0n || h.out !== 0n)
    .sort((a, b) => a.code.localeCompare(b.code) || (a.item ?? '').localeCompare(b.item ?? '') || a.unit.localeCompare(b.unit));
  return { from: input.from, to: input.to, rows, totals, balanced, offBalance };
}

const net = (s: Sided): Minor => s.debit - s.credit;

/** The trial balances of several funds added account by account: balances netted, then sided again. */
export function addTrialBalances(range: { from: string; to: string }, parts: readonly TrialBalance[]): TrialBalance {
  const rows = new Map<string, TrialBalanceRow>();
  for (const row of parts.flatMap((p) => p.rows)) {
    const seen = rows.get(row.code);
    rows.set(
      row.code,
      seen
        ? {
            ...seen,
            opening: sided(net(seen.opening) + net(row.opening)),
            period: add(seen.period, row.period),
            closing: sided(net(seen.closing) + net(row.closing)),
          }
        : row,
    );
  }
  const sorted = [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
  const top = sorted.filter((r) => r.depth === 1);
  const totals = {
    opening: top.reduce((s, r) => add(s, r.opening), sided(0n)),
    period: top.reduce((s, r) => add(s, r.period), sided(0n)),
    closing: top.reduce((s, r) => add(s, r.closing), sided(0n)),
  };
  const holdings = new Map<string, HoldingRow>();
  for (const h of parts.flatMap((p) => p.offBalance)) {
    const key = `${h.code}\u0000${h.item ?? ''}\u0000${h.unit}`;
    const seen = holdings.get(key);
    holdings.set(key, seen ? { ...seen, opening: seen.opening + h.opening, in: seen.in + h.in, out: seen.out + h.out, closing: seen.closing + h.closing } : h);
  }
  return {
    ...range,
    rows: sorted,
    totals,
    balanced: [totals.opening, totals.period, totals.closing].every((s) => s.debit === s.credit),
    offBalance: [...holdings.values()].sort((a, b) => a.code.localeCompare(b.code) || (a.item ?? '').localeCompare(b.item ?? '')),
  };
}
