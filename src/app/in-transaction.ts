/**
 * Runs a use case in one immediate SQLite transaction: load, decide and write together,
 * and a rejection anywhere rolls back everything the use case wrote (and the funds'
 * snapshots read meanwhile are forgotten).
 */
import type { Store } from '../db/store.js';
import type { Rejection, Result } from '../ledger/rejections.js';
import { forgetFundSnapshots } from './fund.js';

class Rollback extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.code);
  }
}

export function inTransaction<T>(store: Store, work: () => Result<T>): Result<T> {
  try {
    return store.sqlite
      .transaction(() => {
        const result = work();
        if (!result.ok) throw new Rollback(result);
        return result;
      })
      .immediate();
  } catch (error) {
    forgetFundSnapshots(store);
    if (error instanceof Rollback) return error.rejection;
    throw error;
  }
}
