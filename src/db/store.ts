/**
 * Opening the SQLite store: pragmas for a single-writer ledger, and migrations applied at
 * start-up. Migrations run with foreign keys off, because drizzle-kit rebuilds a table by
 * copying it and dropping the old one, which would otherwise cascade into child rows.
 * The store refuses, with a StoreDamagedError naming the problem, a file that is not a sound
 * database, whose rows a migration cannot take (the migration rolls back), or that fails the
 * start-up check: a row whose foreign key names nothing, an immutability trigger missing or
 * altered, a day total that is not an integer — checks that cost little at each start.
 * Recomputing the hash chains is `verify`'s work, which opens a file failing the start-up
 * check anyway, to say everything that is wrong with it.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  fileCorrupt, foreignKeyProblem, migrationRefused, mistypedDayTotalProblem, triggerProblem, type IntegrityProblem,
} from '../ledger/integrity.js';
import { foreignKeyBreaks, mistypedDayTotal, triggerFindings } from './integrity-queries.js';
import { MIGRATIONS_FOLDER } from './migrations.js';
import * as schema from './schema.js';
import { cacheStatements } from './statement-cache.js';

export { MIGRATIONS_FOLDER };

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  readonly sqlite: Database.Database;
  readonly db: Db;
  close(): void;
}

export const DEFAULT_DATABASE = 'data/fund-ledger.sqlite';

export interface OpenOptions {
  /** Open a file that fails the start-up check anyway, for `verify` to say what is wrong with it. */
  readonly evenIfDamaged?: boolean;
}

/** The store would not open a file: it is not a sound SQLite database, or it fails the start-up check. */
export class StoreDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly problem: IntegrityProblem,
  ) {
    super(`${path}: ${problem.check} at ${problem.where}: ${problem.message}`);
    this.name = 'StoreDamagedError';
  }
}

/** Opens (creating if need be) the database at `path`, or in memory for ':memory:'. */
export function openStore(path: string, options: OpenOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  let db: Db;
  let problem: IntegrityProblem | undefined;
  try {
    sqlite.pragma('journal_mode = WAL');
    // An answered write is on disk: WAL with a sync at every commit (a group commit makes that one sync per batch).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    cacheStatements(sqlite);
    db = drizzle(sqlite, { schema });
    runMigrations(sqlite, db);
    problem = options.evenIfDamaged ? undefined : startupProblem(sqlite);
  } catch (error) {
    sqlite.close();
    throw unreadable(path, error);
  }
  if (problem) {
    sqlite.close();
    throw new StoreDamagedError(path, problem);
  }
  return { sqlite, db, close: () => sqlite.close() };
}

function runMigrations(sqlite: Database.Database, db: Db): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/**
 * A file SQLite cannot read as a database, or whose rows break a constraint a migration
 * adds (drizzle reports that SQLite error as the cause of its own), is damage to report,
 * not a fault of the program.
 */
function unreadable(path: string, error: unknown): unknown {
  const sqliteError = error instanceof Error && error.cause instanceof Database.SqliteError ? error.cause : error;
  if (!(sqliteError instanceof Database.SqliteError)) return error;
  const { code, message } = sqliteError;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new StoreDamagedError(path, fileCorrupt(message));
  // A migration stopped by the rows it met: a constraint they break, or forged sums that overflow.
  if (code.startsWith('SQLITE_CONSTRAINT') || message === 'integer overflow') return new StoreDamagedError(path, migrationRefused(message));
  return error;
}

/** The first thing wrong that is cheap to find: a broken foreign key, a trigger, a day total. */
function startupProblem(sqlite: Database.Database): IntegrityProblem | undefined {
  for (const broken of foreignKeyBreaks(sqlite)) return foreignKeyProblem(broken, null, 1);
  const [trigger] = triggerFindings(sqlite);
  if (trigger) return triggerProblem(trigger);
  const mistyped = mistypedDayTotal(sqlite, null);
  return mistyped && mistypedDayTotalProblem(mistyped, null, mistyped.count);
}
