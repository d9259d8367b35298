/**
 * Opening the SQLite store: pragmas for a single-writer ledger, and migrations applied at
 * start-up. Migrations run with foreign keys off, because drizzle-kit rebuilds a table by
 * copying it and dropping the old one, which would otherwise cascade into child rows; a
 * foreign_key_check afterwards refuses to start on a database left inconsistent.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { cacheStatements } from './statement-cache.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  readonly sqlite: Database.Database;
  readonly db: Db;
  close(): void;
}

/** The migrations folder at the top of the package, from src/db or dist/db alike. */
export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export const DEFAULT_DATABASE = 'data/fund-ledger.sqlite';

/** Opens (creating if need be) the database at `path`, or in memory for ':memory:'. */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  runMigrations(sqlite, db);
  return { sqlite, db, close: () => sqlite.close() };
}

function runMigrations(sqlite: Database.Database, db: Db): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const problems = sqlite.pragma('foreign_key_check') as unknown[];
    if (problems.length > 0) {
      throw new Error(`migration left ${problems.length} rows with broken foreign keys: ${JSON.stringify(problems.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
