/**
 * A statement of one fund, or of a fund together with every fund below it. For the group,
 * each fund's statement is computed from its own figures less the transfers both sides of
 * the group recorded within the range, and the statements are added line by line. Columns
 * of the previous period are figured the same way over that range, where every fund's books
 * cover it.
 */
import { findEntityByCode, withDescendants, type EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { transfersWithin } from '../../db/transfers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { reconcileTransfers, type Reconciliation } from '../../reports/consolidation.js';
import { adjust, type Figures } from '../../reports/figures.js';
import { previousRange, type DateRange } from '../../reports/period.js';
import { addStatements, statement, type Statement, type StatementRanges } from '../../reports/statement.js';
import { firstDayOfYear } from '../../ledger/calendar.js';
import type { StatementForm, StatementId } from '../../reports/statement-form.js';
import { loadFund, type Fund } from '../fund.js';
import { loadFigures } from './load-figures.js';
import { reportRange, type RangeRequest } from './report-range.js';

export interface StatementReport {
  readonly statement: Statement;
  /** The fund, then the funds below it when consolidated. */
  readonly funds: readonly EntityRow[];
  readonly reconciliation: Reconciliation | null;
}

export interface StatementRequest extends RangeRequest {
  readonly entity: string;
  readonly statement: StatementId;
  readonly consolidated?: boolean;
}

const formOf = (fund: Fund, id: StatementId): StatementForm => fund.regime.statements[id];

/** Accounts some line splits by counterparty form. */
function splitAccounts(form: StatementForm): string[] {
  return form.lines.flatMap((l) => l.terms.flatMap((t) => ('account' in t && t.counterpartyForm !== undefined ? [t.account] : [])));
}

/** A fund's figures less what `eliminate` takes out for the range. */
type Eliminate = (figures: Figures, range: DateRange) => Figures;

/** The books cover a range from the first day of the fund's first fiscal year. */
function covers(fund: Fund, range: DateRange): boolean {
  const first = Math.min(...fund.calendar.years.keys());
  return Number.isFinite(first) && range.from >= firstDayOfYear(first);
}

function fundStatement(store: Store, fund: Fund, id: StatementId, ranges: StatementRanges, eliminate: Eliminate): Statement {
  const form = formOf(fund, id);
  const figuresOf = (range: DateRange) => eliminate(loadFigures(store, fund, range, splitAccounts(form)), range);
  const compared = form.columns.some((c) => c.period === 'previous') && ranges.previous !== null && covers(fund, ranges.previous);
  return statement({ form, chart: fund.chart, figures: figuresOf(ranges), previous: compared && ranges.previous ? figuresOf(ranges.previous) : null, ranges });
}

function loadAll(store: Store, group: readonly EntityRow[]): Result<Fund[]> {
  const funds: Fund[] = [];
  for (const member of group) {
    const fund = loadFund(store, member.code);
    if (!fund.ok) return fund;
    funds.push(fund.value);
  }
  return accept(funds);
}

export function getStatement(store: Store, request: StatementRequest): Result<StatementReport> {
  const range = reportRange(request);
  if (!range.ok) return range;
  const ranges: StatementRanges = { ...range.value, previous: previousRange(range.value) };
  const head = findEntityByCode(store.db, request.entity);
  if (!head) return reject('entity_unknown', 'entity', request.entity);
  if (!request.consolidated) {
    const fund = loadFund(store, head.code);
    if (!fund.ok) return fund;
    return accept({ statement: fundStatement(store, fund.value, request.statement, ranges, (f) => f), funds: [head], reconciliation: null });
  }
  const group = withDescendants(store.db, head.id);
  const funds = loadAll(store, group);
  if (!funds.ok) return funds;
  const transfers = transfersWithin(store.sqlite, group.map((e) => e.id));
  const codes = new Set(group.map((e) => e.code));
  const reconciliation = reconcileTransfers(transfers, codes, range.value);
  const eliminations = (within: DateRange) =>
    (within.from === range.value.from && within.to === range.value.to ? reconciliation : reconcileTransfers(transfers, codes, within)).eliminations;
  const parts = funds.value.map((fund) => {
    const accounts = fund.regime.transferAccounts;
    const eliminate: Eliminate = (figures, within) =>
      eliminations(within)
        .filter((e) => e.fund === fund.entity.code)
        .reduce(
          (f, e) => adjust(f, e.account === 'sent' ? { account: accounts.sent, side: 'debit', amount: -e.amount } : { account: accounts.received, side: 'credit', amount: -e.amount }),
          figures,
        );
    return fundStatement(store, fund, request.statement, ranges, eliminate);
  });
  const [first] = funds.value;
  if (!first) return reject('entity_unknown', 'entity', request.entity);
  return accept({ statement: addStatements(formOf(first, request.statement), ranges, parts), funds: group, reconciliation });
}
