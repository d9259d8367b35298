/**
 * Reversing a posted entry: a new entry linked to the original, every line on the other
 * side, dated in an open period (today unless told otherwise). An entry is reversed once.
 */
import { recordAudit } from '../db/audit-repo.js';
import { findEntry } from '../db/entries-repo.js';
import { findVoucherByEntry } from '../db/vouchers-repo.js';
import type { Store } from '../db/store.js';
import { accountingDateOf } from '../ledger/calendar.js';
import { planReversal } from '../ledger/reverse-entry.js';
import { reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { PostingSession, type PostedRef, type SessionOptions } from './posting-session.js';

export interface ReverseEntryRequest extends SessionOptions {
  readonly entity: string;
  readonly entryId: number;
  readonly date?: string;
  readonly description?: string;
}

/** The number of the voucher an entry was posted from; an entry without a number is still a voucher's. */
function ownerOf(store: Store, entityId: number, entryId: number): string | null {
  const voucher = findVoucherByEntry(store.db, entityId, entryId);
  return voucher === undefined ? null : (voucher.number ?? String(voucher.id));
}

export function reverseEntry(store: Store, request: ReverseEntryRequest): Result<PostedRef> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const original = findEntry(store.sqlite, fund.value.entity.id, request.entryId);
    if (!original) return reject('entry_not_found', 'entryId', String(request.entryId));
    const plan = planReversal(original, {
      date: request.date ?? accountingDateOf(new Date()),
      alreadyReversed: original.reversedById !== null,
      voucher: ownerOf(store, fund.value.entity.id, original.id),
      originalLabel: `số ${original.seq}`,
      ...(request.description !== undefined && { description: request.description }),
    });
    if (!plan.ok) return plan;
    const session = new PostingSession(store, fund.value, request);
    const posted = session.post(plan.value, { kind: 'reversal', reversesId: original.id });
    if (!posted.ok) return posted;
    session.finish();
    recordAudit(store.db, request.actor, {
      entityId: fund.value.entity.id,
      kind: 'entry.reversed',
      subject: String(original.seq),
      detail: { reversal: posted.value.seq, date: posted.value.date },
    });
    return posted;
  });
}
