/**
 * A digest of every table in a store, its row count and a hash of all its rows, so that a
 * test can tell a request changed nothing at all, and name the tables it changed if it did.
 * SQLite's total_changes() counts every row the connection has inserted, updated or
 * deleted, inside triggers too and even when rolled back: while it stands still no table
 * can have changed, and the tables need not be read again.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../src/db/store.js';

export interface TableDigest {
  /** The connection's count of rows written since it opened, rolled-back writes and trigger writes included. */
  readonly writes: number;
  readonly tables: ReadonlyMap<string, string>;
}

/** The digest now; when nothing has been written since `previous`, that one, without reading the tables again. */
export function tableDigest(store: Store, previous?: TableDigest): TableDigest {
  const writes = store.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  if (previous && previous.writes === writes) return previous;
  const names = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  const tables = new Map(
    names.map((table) => {
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of store.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
        hash.update(JSON.stringify(row));
        rows += 1;
      }
      return [table, `${rows} rows, ${hash.digest('hex').slice(0, 16)}`] as const;
    }),
  );
  return { writes, tables };
}

/** The tables whose rows differ, with their counts and hashes before and after. */
export function changedTables(before: TableDigest, after: TableDigest): string[] {
  const names = new Set([...before.tables.keys(), ...after.tables.keys()]);
  return [...names]
    .filter((name) => before.tables.get(name) !== after.tables.get(name))
    .map((name) => `${name} (${before.tables.get(name) ?? 'absent'} → ${after.tables.get(name) ?? 'absent'})`);
}
