/**
 * Group commit. Writes that arrive while the server is busy are made together in one
 * immediate transaction, each inside a savepoint of its own, so a refusal or a failure in
 * one never touches another; one commit, one sync to disk, makes the whole batch durable.
 * Every answer waits for that commit, so nothing is acknowledged before it is on disk; the
 * writes are decided in the order they arrived, and sequence numbers follow that order.
 * This is how PostgreSQL and TigerBeetle keep their throughput with a sync on every commit.
 */
import type { Store } from '../db/store.js';
import { forgetFundSnapshots } from './fund.js';

interface Job {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** The most writes one transaction takes; more wait for the next. */
export const MAX_BATCH = 256;

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly store: Store) {}

  /** Runs `work` in the next batch and settles once the batch is committed (or failed). */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the requests already read from the sockets have been handled and queued.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) this.schedule();
    const { sqlite } = this.store;
    const outcomes: Outcome[] = [];
    try {
      sqlite
        .transaction(() => {
          for (const job of batch) {
            try {
              outcomes.push({ ok: true, value: sqlite.transaction(job.work)() });
            } catch (error) {
              forgetFundSnapshots(this.store);
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The batch could not begin or commit (another process held the lock too long): none of it is written.
      forgetFundSnapshots(this.store);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}
