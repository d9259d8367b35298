/**
 * Restoring the database from a backup. The copy is first staged beside the database it is
 * to replace and checked there: SQLite's full integrity check, then migrated as any database
 * is when opened (a backup made by an earlier version comes back up to date), then verified
 * as `verify` verifies — every fund's chain, balances and day totals, foreign keys and the
 * immutability triggers — and its schema compared with the one migrations build. Only a copy
 * that passes everything is renamed over the database, in one atomic step, after the
 * database's old journal files are removed so they cannot be replayed onto it. A copy that
 * fails replaces nothing.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { copyDatabaseFile, integrityCheckFailure, journalFiles, openElsewhere, schemaOf } from '../db/backup.js';
import { openStore, type Store } from '../db/store.js';
import { fileCorrupt, type IntegrityProblem } from '../ledger/integrity.js';
import { verifyBooks, type VerifyReport } from './verify-chain.js';

export type RestoreProblem =
  | { readonly problem: 'copy_missing' }
  /** Another process, a server most likely, holds the database open. */
  | { readonly problem: 'target_in_use' }
  /** What is wrong with the copy as `verify` names it: the file's damage, then each fund's own. */
  | { readonly problem: 'copy_unverified'; readonly problems: readonly IntegrityProblem[] }
  | { readonly problem: 'schema_differs'; readonly detail: string };

export type RestoreOutcome = { readonly ok: true; readonly funds: readonly VerifyReport[] } | ({ readonly ok: false } & RestoreProblem);

const unverified = (problems: readonly IntegrityProblem[]): RestoreOutcome => ({ ok: false, problem: 'copy_unverified', problems });

export async function restoreDatabase(request: { readonly copy: string; readonly target: string }): Promise<RestoreOutcome> {
  const { copy, target } = request;
  if (!existsSync(copy)) return { ok: false, problem: 'copy_missing' };
  if (inUse(target)) return { ok: false, problem: 'target_in_use' };
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const staged = `${target}.restoring`;
  removeWithJournals(staged);
  try {
    const unreadable = await copyDatabaseFile(copy, staged);
    if (unreadable !== undefined) return unverified([fileCorrupt(unreadable)]);
    const checked = checkStaged(staged);
    if (!checked.ok) return checked;
    if (inUse(target)) return { ok: false, problem: 'target_in_use' };
    for (const file of journalFiles(target)) rmSync(file, { force: true });
    renameSync(staged, target);
    return checked;
  } finally {
    removeWithJournals(staged);
  }
}

function inUse(target: string): boolean {
  return existsSync(target) && openElsewhere(target);
}

function removeWithJournals(path: string): void {
  for (const file of [path, ...journalFiles(path)]) rmSync(file, { force: true });
}

/** The checks a staged copy must pass; a file SQLite finds damaged is not migrated at all. */
function checkStaged(staged: string): RestoreOutcome {
  const corrupt = integrityCheckFailure(staged);
  if (corrupt !== undefined) return unverified([fileCorrupt(corrupt)]);
  const store = openStore(staged, { evenIfDamaged: true });
  try {
    const books = verifyBooks(store);
    if (!books.ok) throw new Error(`verifying every fund was refused: ${books.code}`);
    const { file, funds } = books.value;
    const problems = [...file, ...funds.flatMap((f) => f.problems.filter((p) => p.entity !== null))];
    if (problems.length > 0) return unverified(problems);
    const difference = schemaDifference(store);
    if (difference) return { ok: false, problem: 'schema_differs', detail: difference };
    return { ok: true, funds };
  } finally {
    store.close();
  }
}

/** The first way the store's schema differs from the one this version's migrations build. */
function schemaDifference(store: Store): string | undefined {
  const fresh = openStore(':memory:');
  const expected = schemaOf(fresh.sqlite);
  fresh.close();
  const actual = schemaOf(store.sqlite);
  for (const [object, sql] of expected) {
    if (!actual.has(object)) return `${object} is missing`;
    if (actual.get(object) !== sql) return `${object} is not as this version defines it`;
  }
  const extra = [...actual.keys()].find((object) => !expected.has(object));
  return extra && `${extra} is not part of this version`;
}
