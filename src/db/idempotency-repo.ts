/** Results of writes made under an Idempotency-Key, per scope (a fund, or the installation). */
import { and, eq, sql } from 'drizzle-orm';
import { prepared } from './prepared.js';
import { idempotencyKeys } from './schema.js';
import type { Db } from './store.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

const byKey = prepared((db) =>
  db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')))).prepare(),
);
const insert = prepared((db) =>
  db
    .insert(idempotencyKeys)
    .values({ scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestHash: sql.placeholder('requestHash'), status: sql.placeholder('status'), response: sql.placeholder('response') })
    .prepare(),
);

export function findIdempotencyKey(db: Db, scope: string, key: string): IdempotencyRow | undefined {
  return byKey(db).get({ scope, key });
}

export function insertIdempotencyKey(db: Db, row: Omit<typeof idempotencyKeys.$inferInsert, 'createdAt'>): void {
  insert(db).run(row);
}
