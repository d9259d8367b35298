/** A fund's chart of accounts as stored. */
import { and, eq, sql } from 'drizzle-orm';
import type { ChartRow } from '../ledger/chart.js';
import type { Db } from './store.js';
import { accounts, entryLines, entryMemos } from './schema.js';

export type AccountRow = typeof accounts.$inferSelect;

export function listAccounts(db: Db, entityId: number): AccountRow[] {
  return db.select().from(accounts).where(eq(accounts.entityId, entityId)).orderBy(accounts.code).all();
}

export function insertAccounts(db: Db, entityId: number, rows: readonly ChartRow[]): void {
  if (rows.length === 0) return;
  db.insert(accounts)
    .values(
      rows.map((r) => ({
        entityId,
        code: r.code,
        parentCode: r.parent,
        nameVi: r.nameVi,
        nameEn: r.nameEn,
        class: r.class,
        normalSide: r.normalSide,
        offBalance: r.offBalance,
        note: r.note,
      })),
    )
    .run();
}

export function deactivateAccount(db: Db, entityId: number, code: string): void {
  db.update(accounts).set({ active: false }).where(and(eq(accounts.entityId, entityId), eq(accounts.code, code))).run();
}

export function deleteChart(db: Db, entityId: number): void {
  db.delete(accounts).where(eq(accounts.entityId, entityId)).run();
}

export function accountHasPostings(db: Db, entityId: number, accountId: number): boolean {
  const line = db
    .select({ one: sql`1` })
    .from(entryLines)
    .where(and(eq(entryLines.entityId, entityId), eq(entryLines.accountId, accountId)))
    .limit(1)
    .get();
  const memo = db
    .select({ one: sql`1` })
    .from(entryMemos)
    .where(and(eq(entryMemos.entityId, entityId), eq(entryMemos.accountId, accountId)))
    .limit(1)
    .get();
  return line !== undefined || memo !== undefined;
}

export function entityHasPostings(db: Db, entityId: number): boolean {
  return db.select({ one: sql`1` }).from(entryLines).where(eq(entryLines.entityId, entityId)).limit(1).get() !== undefined;
}
