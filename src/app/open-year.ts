/**
 * Opening the next fiscal year before the last one is closed, as accountants do: January's
 * vouchers are recorded while the old year's books are still being finished. The year
 * after the latest one opens with its twelve months; the first year of a fund opens with
 * the fund itself.
 */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { insertFiscalYear, listFiscalYears, recordPeriodEvent } from '../db/calendar-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export function openYear(store: Store, request: { readonly entity: string; readonly year: number; readonly actor: Actor }): Result<null> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const entityId = fund.value.entity.id;
    const latest = listFiscalYears(store.db, entityId).at(-1);
    if (latest && request.year <= latest.year) return reject('year_exists', 'year', String(request.year));
    if (latest && request.year !== latest.year + 1) return reject('year_unknown', 'year', String(request.year - 1));
    insertFiscalYear(store.db, entityId, request.year, fund.value.regime.code);
    recordPeriodEvent(store.db, { entityId, year: request.year, month: null, action: 'open-year', actor: request.actor.name, reason: null });
    recordAudit(store.db, request.actor, { entityId, kind: 'year.opened', subject: String(request.year) });
    return accept(null);
  });
}
