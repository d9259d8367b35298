/**
 * A backup of the whole database, taken while the server may be writing: SQLite's online
 * backup API copies a consistent state of it into a standalone file, WAL contents included.
 * The copy is written under a temporary name beside the one asked for and renamed into
 * place when complete, so a copy cut short never stands under that name.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyDatabase, type CopySteps } from '../db/backup.js';
import type { Store } from '../db/store.js';

export type BackupOutcome =
  | { readonly ok: true; readonly pages: number }
  /** A backup never overwrites a file, lest it replace an earlier backup. */
  | { readonly ok: false; readonly problem: 'out_exists' };

export async function backupDatabase(store: Store, request: { readonly out: string } & CopySteps): Promise<BackupOutcome> {
  if (existsSync(request.out)) return { ok: false, problem: 'out_exists' };
  mkdirSync(dirname(resolve(request.out)), { recursive: true });
  const partial = `${request.out}.partial`;
  rmSync(partial, { force: true });
  try {
    const pages = await copyDatabase(store.sqlite, partial, request);
    renameSync(partial, request.out);
    return { ok: true, pages };
  } finally {
    rmSync(partial, { force: true });
  }
}
