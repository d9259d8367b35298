/**
 * Year-end close: posts the closing entries (receipts and expenditures through the result
 * account into the fund balance) on 31 December, locks every month, closes the year, opens
 * the next one if need be and records the balances it opens with.
 */
import {
  findFiscalYear,
  insertFiscalYear,
  recordPeriodEvent,
  setPeriodLocked,
  setYearStatus,
} from '../db/calendar-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { replaceOpeningBalances } from '../db/opening-balances-repo.js';
import type { Store } from '../db/store.js';
import { lastDayOfYear } from '../ledger/calendar.js';
import { planYearClose } from '../ledger/close-year.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { PostingSession, type PostedRef, type SessionOptions } from './posting-session.js';
import { balancesAt } from './trial-balance.js';

export interface YearRequest extends SessionOptions {
  readonly entity: string;
  readonly year: number;
  readonly reason?: string;
}

export interface YearClosed {
  readonly closingEntries: readonly PostedRef[];
  readonly nextYear: number;
}

export function closeYear(store: Store, request: YearRequest): Result<YearClosed> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const entityId = fund.value.entity.id;
    const year = findFiscalYear(store.db, entityId, request.year);
    if (!year) return reject('year_unknown', 'year', String(request.year));
    if (year.status === 'closed') return reject('year_closed', 'year', String(request.year));
    if (findFiscalYear(store.db, entityId, request.year - 1)?.status === 'open') return reject('previous_year_open', 'year', String(request.year - 1));
    const yearEnd = lastDayOfYear(request.year);
    const plan = planYearClose({ year: request.year, regime: fund.value.regime, chart: fund.value.chart, balances: balancesAt(store, fund.value, yearEnd) });
    const session = new PostingSession(store, fund.value, request);
    const closingEntries: PostedRef[] = [];
    for (const input of plan) {
      const posted = session.post(input, { kind: 'closing', ignoreLocks: true });
      if (!posted.ok) return posted;
      closingEntries.push(posted.value);
    }
    session.finish();
    setPeriodLocked(store.db, entityId, request.year, null, true);
    setYearStatus(store.db, entityId, request.year, 'closed');
    recordPeriodEvent(store.db, { entityId, year: request.year, month: null, action: 'close-year', actor: request.actor.name, reason: request.reason ?? null });
    const nextYear = request.year + 1;
    if (!findFiscalYear(store.db, entityId, nextYear)) {
      insertFiscalYear(store.db, entityId, nextYear, year.regime);
      recordPeriodEvent(store.db, { entityId, year: nextYear, month: null, action: 'open-year', actor: request.actor.name, reason: null });
    }
    const opening = [...balancesAt(store, fund.value, yearEnd)]
      .filter(([, amount]) => amount !== 0n)
      .map(([code, amount]) => ({ accountId: fund.value.accountIds.get(code) ?? 0, amount }));
    replaceOpeningBalances(store.sqlite, entityId, nextYear, opening);
    recordAudit(store.db, request.actor, {
      entityId,
      kind: 'year.closed',
      subject: String(request.year),
      detail: { closingEntries: closingEntries.map((e) => e.seq), nextYear, ...(request.reason && { reason: request.reason }) },
    });
    return accept({ closingEntries, nextYear });
  });
}
