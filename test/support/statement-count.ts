/**
 * Counts the SQL statements a piece of work runs on a connection, transaction control
 * (BEGIN, SAVEPOINT, RELEASE, COMMIT) aside, by watching every prepared statement's run.
 */
import type Database from 'better-sqlite3';

const CONTROL = /^\s*(BEGIN|SAVEPOINT|RELEASE|COMMIT|ROLLBACK)\b/i;

export async function statementsOf(sqlite: Database.Database, work: () => Promise<unknown>): Promise<string[]> {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  const seen: string[] = [];
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    originals.set(method, original);
    prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (!CONTROL.test(this.source)) seen.push(this.source.replace(/\s+/g, ' ').trim());
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
  return seen;
}
