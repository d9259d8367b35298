/**
 * Compiling SQL is a large part of a short request's cost, and the same few dozen
 * statements run on every request. This keeps each compiled statement per SQL text on the
 * connection and hands it out again, reset to the modes of a fresh one, unless it is still
 * busy (an unfinished iteration), in which case a new one is compiled.
 */
import type Database from 'better-sqlite3';

/** Queries whose text varies with their arguments must not fill memory. */
const LIMIT = 1000;

export function cacheStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const compiled = new Map<string, Database.Statement>();
  const reused = (source: string): Database.Statement => {
    const statement = compiled.get(source);
    if (statement && !statement.busy) {
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement.safeIntegers(false);
    }
    const fresh = compile(source);
    if (statement) return fresh;
    if (compiled.size >= LIMIT) compiled.clear();
    compiled.set(source, fresh);
    return fresh;
  };
  sqlite.prepare = reused as typeof sqlite.prepare;
}
