/**
 * Accounting regimes: the chart a new fund starts from and the accounts the rules lean on.
 *
 * A fund keeps its regime per fiscal year (TT 103/2018 for the Fund for the Poor, TT
 * 41/2022 from 2023 where a province adopts it). The rules name root accounts; an account
 * inherits a role from its nearest listed ancestor, so sub-accounts and imported charts
 * keep the protections without a code change.
 */
import type { ChartRow } from './chart.js';
import { TT103_2018_CHART } from './charts/tt103-2018.js';

export interface Regime {
  readonly code: string;
  readonly name: string;
  readonly chart: readonly ChartRow[];
  /** Accounts (and their sub-accounts) whose balance may never go below zero. */
  readonly nonNegativeRoots: readonly string[];
  /** Accounts (and their sub-accounts) that hold the fund's own management costs. */
  readonly managementCostRoots: readonly string[];
  /** Account classes closed at year end: receipts are credited out, expenditures debited out. */
  readonly receiptClasses: readonly string[];
  readonly expenditureClasses: readonly string[];
  /** The result account the closing runs through, and the fund balance it lands in. */
  readonly resultAccount: string;
  readonly fundBalanceAccount: string;
}

export const REGIMES: ReadonlyMap<string, Regime> = new Map(Object.entries({
  'TT103/2018': {
    code: 'TT103/2018',
    name: 'Thông tư 103/2018/TT-BTC',
    chart: TT103_2018_CHART,
    nonNegativeRoots: ['111', '112', '113', '152', '003', '007'],
    managementCostRoots: ['614'],
    receiptClasses: ['5'],
    expenditureClasses: ['6'],
    resultAccount: '911',
    fundBalanceAccount: '421',
  },
}));

export const DEFAULT_REGIME = 'TT103/2018';

export function findRegime(code: string): Regime | undefined {
  return REGIMES.get(code);
}
