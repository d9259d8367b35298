/**
 * Statement imports running in the background, each a job whose progress can be read while
 * it runs: the rows read so far, the rate, and at the end the batch it made or the refusal.
 * Jobs are this process's own and the most recent are kept; the batch a job made is in the
 * books for good, and is listed with the others.
 */
import { randomUUID } from 'node:crypto';
import type { Rejection, Result } from '../../ledger/rejections.js';
import type { StatementImport } from './import-statement.js';

export interface ImportJob {
  readonly id: string;
  readonly entityId: number;
  readonly fileName: string;
  state: 'running' | 'done' | 'refused' | 'failed';
  rows: number;
  readonly startedAt: number;
  finishedAt: number | null;
  result: StatementImport | null;
  refusal: Rejection | null;
}

const KEPT = 200;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** Starts the import; `run` is told how to report rows read, and its end settles the job. */
  start(entityId: number, fileName: string, run: (onRows: (rows: number) => void) => Promise<Result<StatementImport>>, settled?: () => void): ImportJob {
    const job: ImportJob = { id: randomUUID(), entityId, fileName, state: 'running', rows: 0, startedAt: Date.now(), finishedAt: null, result: null, refusal: null };
    this.jobs.set(job.id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= KEPT) break;
      if (this.jobs.get(old)?.state !== 'running') this.jobs.delete(old);
    }
    run((rows) => {
      job.rows = rows;
    })
      .then((result) => {
        if (result.ok) {
          job.result = result.value;
          job.rows = result.value.figures.rows;
          job.state = 'done';
        } else {
          job.refusal = result;
          job.state = 'refused';
        }
      })
      .catch(() => {
        job.state = 'failed';
      })
      .finally(() => {
        job.finishedAt = Date.now();
        settled?.();
      });
    return job;
  }

  find(entityId: number, id: string): ImportJob | undefined {
    const job = this.jobs.get(id);
    return job?.entityId === entityId ? job : undefined;
  }
}
