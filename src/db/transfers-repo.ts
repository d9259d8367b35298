/** Transfers between fund levels: the pair of vouchers they link and whether the money has arrived. */
import { eq, or, desc } from 'drizzle-orm';
import { transfers } from './schema.js';
import type { Db } from './store.js';

export type TransferRow = typeof transfers.$inferSelect;

export function insertTransfer(db: Db, row: typeof transfers.$inferInsert): TransferRow {
  return db.insert(transfers).values(row).returning().get();
}

export function findTransfer(db: Db, id: number): TransferRow | undefined {
  return db.select().from(transfers).where(eq(transfers.id, id)).get();
}

export function updateTransfer(db: Db, id: number, changes: Partial<typeof transfers.$inferInsert>): TransferRow {
  return db.update(transfers).set(changes).where(eq(transfers.id, id)).returning().get();
}

/** Transfers a fund gave or received, newest first. */
export function listTransfersOf(db: Db, entityId: number, limit: number): TransferRow[] {
  return db.select().from(transfers).where(or(eq(transfers.fromEntityId, entityId), eq(transfers.toEntityId, entityId))).orderBy(desc(transfers.id)).limit(limit).all();
}
