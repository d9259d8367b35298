/**
 * Locking and unlocking months. A locked month takes no entries; unlocking is an explicit
 * act recorded with who did it and why. Months of a closed year stay locked.
 */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { findFiscalYear, findPeriod, recordPeriodEvent, setPeriodLocked, type PeriodRow } from '../db/calendar-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export interface PeriodRequest {
  readonly entity: string;
  readonly year: number;
  readonly month: number;
  readonly actor: Actor;
  readonly reason?: string;
}

export function lockPeriod(store: Store, request: PeriodRequest): Result<null> {
  return inTransaction(store, () => {
    const period = loadOpenYearPeriod(store, request);
    if (!period.ok) return period;
    if (period.value.locked) return reject('period_already_locked', 'month', `${request.year}-${request.month}`);
    return setLock(store, period.value, request, true);
  });
}

export function unlockPeriod(store: Store, request: PeriodRequest): Result<null> {
  return inTransaction(store, () => {
    const period = loadOpenYearPeriod(store, request);
    if (!period.ok) return period;
    if (!period.value.locked) return reject('period_not_locked', 'month', `${request.year}-${request.month}`);
    if (!request.reason?.trim()) return reject('reason_required', 'reason');
    return setLock(store, period.value, request, false);
  });
}

function loadOpenYearPeriod(store: Store, request: PeriodRequest): Result<PeriodRow> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const entityId = fund.value.entity.id;
  const period = findPeriod(store.db, entityId, request.year, request.month);
  if (!period) return reject('period_unknown', 'month', `${request.year}-${request.month}`);
  if (findFiscalYear(store.db, entityId, request.year)?.status === 'closed') return reject('year_closed', 'year', String(request.year));
  return accept(period);
}

function setLock(store: Store, period: PeriodRow, request: PeriodRequest, locked: boolean): Result<null> {
  setPeriodLocked(store.db, period.entityId, period.year, period.month, locked);
  recordPeriodEvent(store.db, {
    entityId: period.entityId,
    year: period.year,
    month: period.month,
    action: locked ? 'lock' : 'unlock',
    actor: request.actor.name,
    reason: request.reason ?? null,
  });
  recordAudit(store.db, request.actor, {
    entityId: period.entityId,
    kind: locked ? 'period.locked' : 'period.unlocked',
    subject: `${period.year}-${String(period.month).padStart(2, '0')}`,
    ...(request.reason && { detail: { reason: request.reason } }),
  });
  return accept(null);
}
