/**
 * SQLite's side of backup and restore: the online backup API, which copies a database page
 * by page while other connections keep writing, and what restore asks of SQLite besides
 * `verify`'s checks — the full integrity check of a copy, its schema, and whether another
 * process still holds the database the copy would replace.
 */
import Database from 'better-sqlite3';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

export interface CopySteps {
  /** Pages copied in each step; the whole database in one step when absent. */
  readonly pagesPerStep?: number;
  /** Called between steps, with the pages still to copy. */
  readonly onProgress?: (progress: BackupProgress) => void;
}

/** The most pages better-sqlite3 copies in one step: all of them, for any database. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database behind `sqlite` into a new file at `destination`, WAL contents
 * included, and returns its size in pages. A write from another connection between two
 * steps makes SQLite start the copy again, so a copy in many small steps may never finish
 * while a server posts steadily; one step always does, and in WAL mode it reads a single
 * snapshot without holding the writers back.
 */
export async function copyDatabase(sqlite: Database.Database, destination: string, steps: CopySteps = {}): Promise<number> {
  const done = await sqlite.backup(destination, {
    progress: (progress) => {
      steps.onProgress?.(progress);
      return steps.pagesPerStep ?? ALL_PAGES;
    },
  });
  return done.totalPages;
}

/**
 * Copies the database file at `source` into a new file at `destination` through the backup
 * API, so its WAL, if it has one, comes along. Returns SQLite's reason when it cannot read
 * the source as a database.
 */
export async function copyDatabaseFile(source: string, destination: string): Promise<string | undefined> {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(source, { fileMustExist: true });
    await copyDatabase(sqlite, destination);
    return undefined;
  } catch (error) {
    if (error instanceof Database.SqliteError) return error.message;
    throw error;
  } finally {
    sqlite?.close();
  }
}

/**
 * The first thing SQLite's full integrity check finds wrong with the file, if anything:
 * unlike the quick check it also compares every index with its table. A file SQLite cannot
 * read at all fails with SQLite's reason.
 */
export function integrityCheckFailure(path: string): string | undefined {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    const result = sqlite.pragma('integrity_check(1)', { simple: true });
    return result === 'ok' ? undefined : String(result);
  } catch (error) {
    if (error instanceof Database.SqliteError) return error.message;
    throw error;
  } finally {
    sqlite.close();
  }
}

/** The tables, indexes, triggers and views of the database, by type and name, with their SQL. */
export function schemaOf(sqlite: Database.Database): ReadonlyMap<string, string> {
  const rows = sqlite.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql ?? '']));
}

/**
 * Whether another connection holds the database open, as a running server does: it keeps
 * SQLite from taking the file's exclusive lock. A file SQLite cannot read as a database is
 * held by no one.
 */
export function openElsewhere(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    if (error instanceof Database.SqliteError) return error.code === 'SQLITE_BUSY';
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * The files SQLite keeps beside a database: the write-ahead log and its index, and the
 * rollback journal. Left beside a replaced file, any of them would be replayed onto it.
 */
export function journalFiles(path: string): string[] {
  return ['-wal', '-shm', '-journal'].map((suffix) => `${path}${suffix}`);
}
