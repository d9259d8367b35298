/**
 * A fund's chart of accounts and the rules for changing it.
 *
 * Codes are hierarchical: a sub-account's code extends its parent's (1121 → 11211). Only
 * active leaf accounts take postings; a parent that gains a child stops taking them.
 * Off-balance accounts (003, 007) record quantities and original-currency amounts in
 * single entry. Roles (never below zero, management cost) come from the regime.
 */
import type { Regime } from '../regimes/regimes.js';
import { accept, reject, type Rejection, type Result } from './rejections.js';

export type NormalSide = 'debit' | 'credit' | 'none';

/** One account as it stands in a chart file or data module. */
export interface ChartRow {
  readonly code: string;
  readonly parent: string | null;
  readonly nameVi: string;
  readonly nameEn: string;
  readonly class: string;
  readonly normalSide: NormalSide;
  readonly offBalance: boolean;
  readonly note: string | null;
}

/** An account of one fund's chart, with what the rules need to know about it. */
export interface Account extends ChartRow {
  readonly active: boolean;
  readonly leaf: boolean;
  readonly nonNegative: boolean;
  readonly managementCost: boolean;
  /** A cost that may never be charged to a campaign's donations. */
  readonly campaignCost: boolean;
  /** Receipts are credited to receipt accounts and payments debited to expenditure accounts (by the regime's classes). */
  readonly flow: 'receipt' | 'expenditure' | null;
}

export interface Chart {
  readonly accounts: ReadonlyMap<string, Account>;
}

export const ACCOUNT_CODE = /^\d{3,12}$/;

/** Builds a chart from stored rows, deriving leaf-ness and the regime's roles. */
/** Whether the account is the root or lies under it in the chart. */
export function isUnder(chart: Chart, code: string, root: string): boolean {
  for (let c: string | null | undefined = code; c; c = chart.accounts.get(c)?.parent) if (c === root) return true;
  return false;
}

export function buildChart(
  rows: readonly (ChartRow & { readonly active: boolean })[],
  regime: Pick<Regime, 'nonNegativeRoots' | 'managementCostRoots' | 'campaignCostRoots' | 'receiptClasses' | 'expenditureClasses'>,
): Chart {
  const parents = new Set(rows.map((r) => r.parent).filter((p): p is string => p !== null));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const hasRoot = (code: string, roots: readonly string[]): boolean => {
    for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parent) {
      if (roots.includes(c)) return true;
    }
    return false;
  };
  const accounts = new Map<string, Account>();
  for (const row of rows) {
    accounts.set(row.code, {
      ...row,
      leaf: !parents.has(row.code),
      nonNegative: hasRoot(row.code, regime.nonNegativeRoots),
      managementCost: hasRoot(row.code, regime.managementCostRoots),
      campaignCost: hasRoot(row.code, regime.campaignCostRoots),
      flow: regime.receiptClasses.includes(row.class) ? 'receipt' : regime.expenditureClasses.includes(row.class) ? 'expenditure' : null,
    });
  }
  return { accounts };
}

export interface SubAccountRequest {
  readonly code: string;
  readonly parent: string;
  readonly nameVi: string;
  readonly nameEn?: string;
}

/**
 * Decides whether a sub-account may be added. It inherits class, side and off-balance
 * from its parent. A parent with postings is refused: its history would no longer sit on
 * a leaf, and the balance could not be told apart from its children's.
 */
export function planSubAccount(
  chart: Chart,
  request: SubAccountRequest,
  parentHasPostings: boolean,
): Result<ChartRow> {
  const parent = chart.accounts.get(request.parent);
  if (!parent) return reject('account_unknown', 'parent', request.parent);
  if (!parent.active) return reject('account_inactive', 'parent', request.parent);
  if (!ACCOUNT_CODE.test(request.code) || !request.code.startsWith(parent.code) || request.code === parent.code) {
    return reject('account_code_must_extend_parent', 'code', request.code);
  }
  if (chart.accounts.has(request.code)) return reject('account_code_taken', 'code', request.code);
  if (parentHasPostings) return reject('account_has_postings', 'parent', request.parent);
  return accept({
    code: request.code,
    parent: parent.code,
    nameVi: request.nameVi,
    nameEn: request.nameEn ?? '',
    class: parent.class,
    normalSide: parent.normalSide,
    offBalance: parent.offBalance,
    note: null,
  });
}

/** Decides whether an account may be deactivated: no active children, no balance left. */
export function checkDeactivation(chart: Chart, code: string, hasBalance: boolean): Rejection | null {
  const account = chart.accounts.get(code);
  if (!account) return reject('account_unknown', 'code', code);
  if (!account.active) return reject('account_inactive', 'code', code);
  for (const other of chart.accounts.values()) {
    if (other.parent === code && other.active) return reject('account_has_active_children', 'code', other.code);
  }
  if (hasBalance) return reject('account_has_balance', 'code', code);
  return null;
}

/**
 * Checks a whole chart before it replaces a fund's chart: well-formed unique codes, every
 * parent present and a prefix of its children, and off-balance accounts kept apart.
 */
export function validateChart(rows: readonly ChartRow[]): Result<readonly ChartRow[]> {
  if (rows.length === 0) return reject('chart_malformed', 'rows', 'the chart has no accounts');
  const codes = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const where = `rows[${index}]`;
    if (!ACCOUNT_CODE.test(row.code)) return reject('chart_malformed', `${where}.code`, `bad code ${row.code}`);
    if (codes.has(row.code)) return reject('chart_malformed', `${where}.code`, `duplicate code ${row.code}`);
    if (row.nameVi.trim() === '') return reject('chart_malformed', `${where}.name_vi`, `account ${row.code} has no name`);
    codes.add(row.code);
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const [index, row] of rows.entries()) {
    if (row.parent === null) continue;
    const parent = byCode.get(row.parent);
    const where = `rows[${index}].parent`;
    if (!parent) return reject('chart_malformed', where, `parent ${row.parent} of ${row.code} is missing`);
    if (!row.code.startsWith(parent.code) || row.code === parent.code) {
      return reject('chart_malformed', where, `${row.code} does not extend its parent ${parent.code}`);
    }
    if (parent.offBalance !== row.offBalance) {
      return reject('chart_malformed', where, `${row.code} and its parent differ in off-balance`);
    }
  }
  return accept(rows);
}
