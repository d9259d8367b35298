/** A fund's bank account reconciled, statement against ledger, day by day over a range. */
import { ledgerDays, statementDays } from '../../db/reconciliation-queries.js';
import type { Store } from '../../db/store.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { reconcile, type Reconciliation } from '../../reports/reconciliation.js';
import { loadFund } from '../fund.js';
import { reportRange } from '../reports/report-range.js';

export function getReconciliation(store: Store, request: { entity: string; bankAccount: string; from?: string; to?: string; period?: string }): Result<Reconciliation> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const bankAccountId = fund.value.bankAccountIds.get(request.bankAccount);
  if (bankAccountId === undefined) return reject('bank_account_unknown', 'bankAccount', request.bankAccount);
  const range = reportRange(request);
  if (!range.ok) return range;
  const { from, to } = range.value;
  const entityId = fund.value.entity.id;
  const ledger = ledgerDays(store.sqlite, entityId, bankAccountId, from, to);
  return accept(reconcile(ledger.opening, statementDays(store.sqlite, entityId, bankAccountId, from, to), ledger.days));
}
