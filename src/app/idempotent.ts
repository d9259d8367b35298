/**
 * Idempotent writes. A write made under a key stores its answer in the same transaction
 * as the write itself, so a retry after a lost answer gets the original answer back and
 * writes nothing; the same key with a different request is refused. Refused writes leave
 * no trace, so a corrected request may reuse the key.
 */
import { findIdempotencyKey, insertIdempotencyKey } from '../db/idempotency-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { inTransaction } from './in-transaction.js';

export interface IdempotencyKey {
  /** The fund the write belongs to ("entity:CODE"), or "installation". */
  readonly scope: string;
  readonly key: string;
  /** A digest of the request (method, route, body) the key was first used with. */
  readonly fingerprint: string;
}

export interface Answer {
  readonly status: number;
  /** Plain JSON, stored as text for replays. */
  readonly body: unknown;
  readonly replayed: boolean;
}

export function idempotent(
  store: Store,
  key: IdempotencyKey | undefined,
  write: () => Result<Omit<Answer, 'replayed'>>,
): Result<Answer> {
  if (!key) {
    const answer = write();
    return answer.ok ? accept({ ...answer.value, replayed: false }) : answer;
  }
  return inTransaction(store, (): Result<Answer> => {
    const earlier = findIdempotencyKey(store.db, key.scope, key.key);
    if (earlier) {
      if (earlier.requestHash !== key.fingerprint) return reject('idempotency_key_reused_with_different_body', 'headers.idempotency-key', key.key);
      return accept({ status: earlier.status, body: JSON.parse(earlier.response) as unknown, replayed: true });
    }
    const answer = write();
    if (!answer.ok) return answer;
    insertIdempotencyKey(store.db, {
      scope: key.scope, key: key.key, requestHash: key.fingerprint, status: answer.value.status, response: JSON.stringify(answer.value.body),
    });
    return accept({ ...answer.value, replayed: false });
  });
}
