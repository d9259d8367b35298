/** Results of writes made under an Idempotency-Key, per scope (a fund, or the installation). */
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from './schema.js';
import type { Db } from './store.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export function findIdempotencyKey(db: Db, scope: string, key: string): IdempotencyRow | undefined {
  return db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key))).get();
}

export function insertIdempotencyKey(db: Db, row: typeof idempotencyKeys.$inferInsert): void {
  db.insert(idempotencyKeys).values(row).run();
}
