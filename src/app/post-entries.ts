/**
 * Posting entries to a fund, all or nothing: if any entry is refused, none is written,
 * and the rejection names the entry by its position.
 */
import { recordAudit } from '../db/audit-repo.js';
import type { Store } from '../db/store.js';
import type { EntryInput } from '../ledger/entry.js';
import { accept, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { PostingSession, type PostedRef, type SessionOptions } from './posting-session.js';

export interface PostEntriesRequest extends SessionOptions {
  readonly entity: string;
  readonly entries: readonly EntryInput[];
  readonly kind?: 'regular' | 'opening';
}

export function postEntries(store: Store, request: PostEntriesRequest): Result<PostedRef[]> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const session = new PostingSession(store, fund.value, request);
    const posted: PostedRef[] = [];
    for (const [index, input] of request.entries.entries()) {
      const result = session.post(input, { kind: request.kind ?? 'regular' });
      if (!result.ok) {
        const where = request.entries.length > 1 ? `entries[${index}]` : '';
        return { ...result, ...(where && { path: result.path ? `${where}.${result.path}` : where }) };
      }
      posted.push(result.value);
    }
    session.finish();
    const seqs = posted.map((p) => p.seq);
    recordAudit(store.db, request.actor, {
      entityId: fund.value.entity.id,
      kind: 'entries.posted',
      subject: seqs.length === 1 ? String(seqs[0]) : `${seqs[0]}-${seqs.at(-1)}`,
      detail: { count: seqs.length, ...(request.kind && request.kind !== 'regular' && { kind: request.kind }) },
    });
    return accept(posted);
  });
}
