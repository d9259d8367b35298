/**
 * The trial balance of a fund for a date range, and the balance of one account (rolled up
 * through its sub-accounts) as of a date. SQLite sums the day totals; the report shapes them.
 */
import { BalanceQueries } from '../db/balances-repo.js';
import type { Store } from '../db/store.js';
import { isIsoDate } from '../ledger/calendar.js';
import type { Minor } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { addTrialBalances, rollUp, trialBalance, type Sums, type TrialBalance } from '../reports/trial-balance.js';
import { findEntityByCode, withDescendants, type EntityRow } from '../db/entities-repo.js';
import { codeOf, loadFund, type Fund } from './fund.js';
import { loadFigures } from './reports/load-figures.js';

/** Before any date a fund can have. */
const BEGINNING = '0000-01-01';


function sumsByCode(store: Store, fund: Fund, from: string, to: string): Map<string, Sums> {
  const code = codeOf(fund);
  return new Map(new BalanceQueries(store.sqlite).accountSums(fund.entity.id, from, to).map((s) => [code(s.accountId), s]));
}

/**
 * The sums of a trial balance: opening entries inside the range count as opening balances,
 * not movements; the year-end closing entries are movements like any other.
 */
function trialBalanceSums(store: Store, fund: Fund, from: string, to: string): Map<string, Sums> {
  const figures = loadFigures(store, fund, { from, to }, []).accounts;
  return new Map([...figures].map(([code, f]) => [code, { opening: f.opening, debit: f.debit + f.closingDebit, credit: f.credit + f.closingCredit }]));
}

export function getTrialBalance(store: Store, request: { entity: string; from: string; to: string }): Result<TrialBalance> {
  if (!isIsoDate(request.from) || !isIsoDate(request.to) || request.from > request.to) {
    return reject('date_range_invalid', 'from', `${request.from}..${request.to}`);
  }
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const code = codeOf(fund.value);
  const holdings = new BalanceQueries(store.sqlite)
    .holdingSums(fund.value.entity.id, request.from, request.to)
    .map((h) => ({ ...h, code: code(h.accountId) }));
  return accept(
    trialBalance({
      from: request.from,
      to: request.to,
      chart: fund.value.chart,
      sums: trialBalanceSums(store, fund.value, request.from, request.to),
      holdings,
    }),
  );
}

export interface AccountBalance {
  readonly account: string;
  readonly name: string;
  readonly asOf: string;
  /** Debit positive. */
  readonly balance: Minor;
}

export function getAccountBalance(store: Store, request: { entity: string; account: string; asOf: string }): Result<AccountBalance> {
  if (!isIsoDate(request.asOf)) return reject('entry_date_malformed', 'asOf', request.asOf);
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const account = fund.value.chart.accounts.get(request.account);
  if (!account) return reject('account_unknown', 'account', request.account);
  const rolled = rollUp(fund.value.chart, sumsByCode(store, fund.value, BEGINNING, request.asOf)).get(request.account);
  const balance = rolled ? rolled.opening + rolled.debit - rolled.credit : 0n;
  return accept({ account: account.code, name: account.nameVi, asOf: request.asOf, balance });
}

/** Every account with a balance at the end of a day, rolled up through sub-accounts, in code order. */
export function getBalances(store: Store, request: { entity: string; asOf: string }): Result<AccountBalance[]> {
  if (!isIsoDate(request.asOf)) return reject('entry_date_malformed', 'asOf', request.asOf);
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const rolled = rollUp(fund.value.chart, sumsByCode(store, fund.value, BEGINNING, request.asOf));
  const balances: AccountBalance[] = [];
  for (const account of [...fund.value.chart.accounts.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const sums = rolled.get(account.code);
    const balance = sums ? sums.opening + sums.debit - sums.credit : 0n;
    if (balance !== 0n) balances.push({ account: account.code, name: account.nameVi, asOf: request.asOf, balance });
  }
  return accept(balances);
}

/** Every account's balance at the end of a day, debit positive, for the year-end close. */
export function balancesAt(store: Store, fund: Fund, date: string): Map<string, Minor> {
  const sums = sumsByCode(store, fund, BEGINNING, date);
  return new Map([...sums].map(([code, s]) => [code, s.opening + s.debit - s.credit]));
}

/** The trial balance of a fund, or with `consolidated` of the fund and every fund below it, added account by account. */
export function getTrialBalanceReport(
  store: Store,
  request: { entity: string; from: string; to: string; consolidated?: boolean },
): Result<{ trialBalance: TrialBalance; funds: EntityRow[] }> {
  const head = findEntityByCode(store.db, request.entity);
  if (!head) return reject('entity_unknown', 'entity', request.entity);
  const funds = request.consolidated ? withDescendants(store.db, head.id) : [head];
  const parts: TrialBalance[] = [];
  for (const fund of funds) {
    const tb = getTrialBalance(store, { from: request.from, to: request.to, entity: fund.code });
    if (!tb.ok) return tb;
    parts.push(tb.value);
  }
  const [only] = parts;
  return accept({ trialBalance: parts.length === 1 && only ? only : addTrialBalances(request, parts), funds });
}
