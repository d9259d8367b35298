/**
 * A statement of one fund, or of a fund together with every fund below it. For the group,
 * each fund's statement is computed from its own figures less the transfers both sides of
 * the group recorded within the range, and the statements are added line by line.
 */
import { findEntityByCode, withDescendants, type EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { transfersWithin } from '../../db/transfers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { reconcileTransfers, type Reconciliation } from '../../reports/consolidation.js';
import { adjust, type Figures } from '../../reports/figures.js';
import type { DateRange } from '../../reports/period.js';
import { addStatements, statement, type Statement } from '../../reports/statement.js';
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

function fundStatement(store: Store, fund: Fund, id: StatementId, range: DateRange, eliminate: (figures: Figures) => Figures): Statement {
  const form = formOf(fund, id);
  const figures = eliminate(loadFigures(store, fund, range, splitAccounts(form)));
  return statement({ form, chart: fund.chart, figures, ...range });
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
  const head = findEntityByCode(store.db, request.entity);
  if (!head) return reject('entity_unknown', 'entity', request.entity);
  if (!request.consolidated) {
    const fund = loadFund(store, head.code);
    if (!fund.ok) return fund;
    return accept({ statement: fundStatement(store, fund.value, request.statement, range.value, (f) => f), funds: [head], reconciliation: null });
  }
  const group = withDescendants(store.db, head.id);
  const funds = loadAll(store, group);
  if (!funds.ok) return funds;
  const reconciliation = reconcileTransfers(
    transfersWithin(store.sqlite, group.map((e) => e.id)),
    new Set(group.map((e) => e.code)),
    range.value,
  );
  const parts = funds.value.map((fund) => {
    const accounts = fund.regime.transferAccounts;
    const own = reconciliation.eliminations.filter((e) => e.fund === fund.entity.code);
    const eliminate = (figures: Figures) =>
      own.reduce(
        (f, e) => adjust(f, e.account === 'sent' ? { account: accounts.sent, side: 'debit', amount: -e.amount } : { account: accounts.received, side: 'credit', amount: -e.amount }),
        figures,
      );
    return fundStatement(store, fund, request.statement, range.value, eliminate);
  });
  const [first] = funds.value;
  if (!first) return reject('entity_unknown', 'entity', request.entity);
  return accept({ statement: addStatements(formOf(first, request.statement), range.value, parts), funds: group, reconciliation });
}
