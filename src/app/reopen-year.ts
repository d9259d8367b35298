/**
 * Reopening a closed year: an explicit act with a reason. The closing entries are reversed
 * on 31 December (the chain keeps both), the year is open again with its months still
 * locked, and the next year's recorded opening balances are withdrawn until it closes again.
 */
import { findFiscalYear, recordPeriodEvent, setYearStatus } from '../db/calendar-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { findEntry, listClosingEntryIds } from '../db/entries-repo.js';
import { replaceOpeningBalances } from '../db/opening-balances-repo.js';
import type { Store } from '../db/store.js';
import { lastDayOfYear } from '../ledger/calendar.js';
import { planReversal } from '../ledger/reverse-entry.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { YearRequest } from './close-year.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { PostingSession, type PostedRef } from './posting-session.js';

export function reopenYear(store: Store, request: YearRequest): Result<PostedRef[]> {
  return inTransaction(store, () => {
    const before = loadFund(store, request.entity);
    if (!before.ok) return before;
    const entityId = before.value.entity.id;
    const year = findFiscalYear(store.db, entityId, request.year);
    if (!year) return reject('year_unknown', 'year', String(request.year));
    if (year.status !== 'closed') return reject('year_not_closed', 'year', String(request.year));
    if (findFiscalYear(store.db, entityId, request.year + 1)?.status === 'closed') return reject('next_year_closed', 'year', String(request.year + 1));
    if (!request.reason?.trim()) return reject('reason_required', 'reason');
    setYearStatus(store.db, entityId, request.year, 'open');
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const session = new PostingSession(store, fund.value, request);
    const reversals: PostedRef[] = [];
    for (const id of listClosingEntryIds(store.sqlite, entityId, request.year)) {
      const original = findEntry(store.sqlite, entityId, id);
      if (!original) continue;
      const plan = planReversal(original, {
        date: lastDayOfYear(request.year),
        alreadyReversed: original.reversedById !== null,
        voucher: null,
        originalLabel: `số ${original.seq}`,
        reopeningYear: true,
      });
      if (!plan.ok) return plan;
      const posted = session.post(plan.value, { kind: 'reversal', reversesId: original.id, ignoreLocks: true });
      if (!posted.ok) return posted;
      reversals.push(posted.value);
    }
    session.finish();
    replaceOpeningBalances(store.sqlite, entityId, request.year + 1, []);
    recordPeriodEvent(store.db, { entityId, year: request.year, month: null, action: 'reopen-year', actor: request.actor.name, reason: request.reason });
    recordAudit(store.db, request.actor, { entityId, kind: 'year.reopened', subject: String(request.year), detail: { reason: request.reason, reversals: reversals.map((e) => e.seq) } });
    return accept(reversals);
  });
}
