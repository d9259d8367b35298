/** The version of what funds' snapshots hold, raised by triggers on every change to it. */
import type Database from 'better-sqlite3';

export function catalogVersion(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT version FROM catalog_version WHERE id = 1').pluck().get() as number;
}
