/**
 * Accounting regimes: everything a regulation decides about a fund's books, one bundle per
 * regime — the chart a new fund starts from, the accounts the posting rules lean on, the
 * statements it publishes, its kinds of voucher, the purposes money is received and spent
 * for, and the legal bases campaigns follow.
 *
 * A fund keeps its regime per fiscal year (TT 103/2018 for the Fund for the Poor, TT
 * 41/2022 from 2023 where a province adopts it). The rules name root accounts; an account
 * inherits a role from its nearest listed ancestor, so sub-accounts and imported charts
 * keep the protections without a code change. Account numbers live here and nowhere else
 * in the code.
 */
import type { LegalBasis } from '../ledger/campaign.js';
import type { ChartRow } from '../ledger/chart.js';
import type { Purpose } from '../ledger/vouchers/purposes.js';
import type { VoucherType, VoucherTypeSpec } from '../ledger/vouchers/voucher-types.js';
import type { BookForms } from '../reports/book.js';
import type { StatementForm, StatementId } from '../reports/statement-form.js';
import { TT103_2018 } from './tt103-2018/regime.js';

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
  /** The off-balance accounts that count goods by quantity and foreign money by its original amount. */
  readonly goodsQuantityAccount: string;
  readonly foreignCurrencyAccount: string;
  /** The accounts a transfer between fund levels passes through, which consolidation eliminates. */
  readonly transferAccounts: { readonly sent: string; readonly received: string; readonly inTransit: string };
  /** The accounts the books are kept on: cash (sổ quỹ), goods by quantity and foreign currency. */
  readonly bookAccounts: { readonly cash: string; readonly goods: string; readonly currency: string };
  readonly statements: Readonly<Record<StatementId, StatementForm>>;
  /** The form number each book prints. */
  readonly bookForms: BookForms;
  readonly voucherTypes: Readonly<Record<VoucherType, VoucherTypeSpec>>;
  readonly purposes: ReadonlyMap<string, Purpose>;
  /** The legal bases campaigns follow, in the order a launch is matched against them. */
  readonly legalBases: ReadonlyMap<string, LegalBasis>;
  /** Accounts (and their sub-accounts) of costs that may never be charged to a campaign's donations. */
  readonly campaignCostRoots: readonly string[];
  /** Accounts (and their sub-accounts) whose balances are kept per counterparty: receivables, advances, payables. */
  readonly counterpartyRoots: readonly string[];
}

export const REGIMES: ReadonlyMap<string, Regime> = new Map([[TT103_2018.code, TT103_2018]]);

export const DEFAULT_REGIME = TT103_2018.code;

export function findRegime(code: string): Regime | undefined {
  return REGIMES.get(code);
}
