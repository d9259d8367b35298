/**
 * A person's decision on a statement row held for review: the transfer is new after all (it
 * is then posted with the batch's other new rows, and a row a campaign rule held is tried
 * again), or it is the same transfer as a known one — a row of another statement of the
 * account, or a feed's event — and takes that transfer's voucher without being counted
 * again. The known transfer must move the same money through the same account and be one no
 * other row is already. The decision is audited.
 */
import { recordAudit } from '../../db/audit-repo.js';
import { findStatementBatchById } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { keepDecisions, releaseRow, reviewRow, sameTransferOf } from '../../db/transfer-matches-repo.js';
import type { KnownTransfer } from '../../import/bank/match-transfers.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

export interface ReviewDecisionRequest {
  readonly entity: string;
  readonly batch: number;
  readonly ordinal: number;
  readonly decision: { readonly kind: 'new' } | { readonly kind: 'same'; readonly as: KnownTransfer['source'] };
  readonly actor: Caller;
}

export interface ReviewDecided {
  readonly ordinal: number;
  readonly status: 'new' | 'matched';
  readonly voucherId: number | null;
}

export function decideReview(store: Store, request: ReviewDecisionRequest): Result<ReviewDecided> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const batch = findStatementBatchById(store.db, fund.value.entity.id, request.batch);
    if (!batch) return reject('statement_batch_unknown', 'batch', String(request.batch));
    const row = reviewRow(store.sqlite, batch.id, request.ordinal);
    if (!row) return reject('statement_row_not_in_review', 'ordinal', `row ${request.ordinal} of statement ${batch.id} is not held for review`);
    const { decision } = request;
    if (decision.kind === 'same') {
      if (row.status === 'held') return reject('statement_row_not_in_review', 'ordinal', `row ${request.ordinal} was held by a campaign rule: it is a transfer of its own`);
      const target = decision.as;
      if (target.kind === 'row' && target.batchId === batch.id) return reject('review_target_invalid', 'as', 'a row of the same statement is another transfer');
      const known = sameTransferOf(store.sqlite, batch.bankAccountId, batch.id, target);
      if (!known) return reject('review_target_invalid', 'as', `${target.kind === 'row' ? `row ${target.ordinal} of statement ${target.batchId}` : `feed event ${target.eventId}`} is not a transfer of this account that no other row already is`);
      if (known.direction !== (row.debit > 0 ? 'out' : 'in') || known.amount !== BigInt(row.debit > 0 ? row.debit : row.credit)) {
        return reject('review_target_invalid', 'as', `it moved ${known.direction === 'in' ? 'in' : 'out'} ${known.amount}, the row ${row.debit > 0 ? `out ${row.debit}` : `in ${row.credit}`}`);
      }
      keepDecisions(store.sqlite, batch.id, [{ ordinal: request.ordinal, status: 'matched', to: target }]);
    } else releaseRow(store.sqlite, batch.id, request.ordinal);
    const decided = reviewRow(store.sqlite, batch.id, request.ordinal, { any: true });
    recordAudit(store.db, request.actor, {
      entityId: fund.value.entity.id, kind: 'bank-statement.review-decided', subject: `${batch.id}:${request.ordinal}`,
      detail: { was: row.status, reason: row.reason, decision: decision.kind, ...(decision.kind === 'same' && { as: decision.as }) },
    });
    return accept({ ordinal: request.ordinal, status: decided?.status === 'matched' ? 'matched' : 'new', voucherId: decided?.voucherId ?? null });
  });
}
