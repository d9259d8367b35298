/**
 * Prepared queries held per database handle: a hot query is built by drizzle once and then
 * only bound and run, instead of being assembled again on every request.
 */
import type { Db } from './store.js';

export function prepared<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const held = new WeakMap<Db, Q>();
  return (db) => {
    let query = held.get(db);
    if (query === undefined) {
      query = build(db);
      held.set(db, query);
    }
    return query;
  };
}
