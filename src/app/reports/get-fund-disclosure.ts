/**
 * A fund's own periodic public report (the Fund for the Poor's under QĐ 1198/QĐ-MTTW-ĐCT):
 * what it held at the start (số dư đầu kỳ), what it received in the period by source (the
 * upper level's transfers apart), what it spent by purpose with the households supported,
 * and what it holds at the end (số còn lại) — opening + received − used. By default the
 * current fiscal year to date. Consolidated, with the funds below it, money between them
 * counted once.
 */
import { resourcesBefore } from '../../db/disclosure-queries.js';
import type { Store } from '../../db/store.js';
import { accountingDateOf, firstDayOfYear, yearOf } from '../../ledger/calendar.js';
import { isUnder } from '../../ledger/chart.js';
import type { Minor } from '../../ledger/money.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { combineDisclosures, type Disclosure } from '../../reports/disclosure.js';
import { loadFund, type Fund } from '../fund.js';
import { coveredFunds, coveredJson, fundParts, type CoveredFund } from './disclosure-figures.js';
import { reportRange } from './report-range.js';

export interface FundDisclosure extends Disclosure {
  readonly fund: { readonly code: string; readonly name: string };
  readonly consolidated: boolean;
  readonly funds: readonly CoveredFund[];
  /** What the fund held of its own resources when the period began. */
  readonly opening: Minor;
  /** Opening + received − used. */
  readonly closing: Minor;
}

export function getFundDisclosure(store: Store, request: { entity: string; from?: string; to?: string; consolidated?: boolean; upto?: ReadonlyMap<string, number> }): Result<FundDisclosure> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const today = accountingDateOf(new Date());
  const range = reportRange({ from: request.from ?? firstDayOfYear(yearOf(request.to ?? today)), to: request.to ?? today });
  if (!range.ok) return range;
  const consolidated = request.consolidated ?? false;
  const covered = coveredFunds(store, fund.value, consolidated, () => true);
  const parts = fundParts(store, covered, { campaign: null, ...range.value, upto: request.upto });
  const value = parts.length === 1 ? (parts[0] as (typeof parts)[number]).value : combineDisclosures(parts.map((p) => p.value));
  const opening = parts.reduce((sum, p) => sum + resourcesBefore(store.sqlite, { entity: p.fund.entity.id, ...range.value, lastEntry: p.lastEntry, accounts: resourceAccounts(p.fund) }), 0n);
  const { entity } = fund.value;
  return accept({
    fund: { code: entity.code, name: entity.name },
    consolidated,
    funds: coveredJson(store, parts, request.upto),
    opening,
    ...value,
    closing: opening + value.leftover,
  });
}

/** The accounts a fund's own resources are on: its balance, the year's result, and every receipt and expenditure. */
function resourceAccounts(fund: Fund): number[] {
  const { regime, chart, accountIds } = fund;
  return [...chart.accounts.values()]
    .filter((a) => a.flow !== null || isUnder(chart, a.code, regime.fundBalanceAccount) || isUnder(chart, a.code, regime.resultAccount))
    .map((a) => accountIds.get(a.code) as number);
}
