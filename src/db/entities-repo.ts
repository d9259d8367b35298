/**
 * Funds (entities) with their seal, signatories, bank accounts and policy, and the head
 * of each fund's hash chain.
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import { prepared } from './prepared.js';
import type { Db } from './store.js';
import { bankAccounts, entities, levels, signatories } from './schema.js';

export type EntityRow = typeof entities.$inferSelect;
export type NewEntityRow = typeof entities.$inferInsert;
export type SignatoryRow = typeof signatories.$inferSelect;
export type BankAccountRow = typeof bankAccounts.$inferSelect;

const byCode = prepared((db) => db.select().from(entities).where(eq(entities.code, sql.placeholder('code'))).prepare());

export function findEntityByCode(db: Db, code: string): EntityRow | undefined {
  return byCode(db).get({ code });
}

export function findEntityById(db: Db, id: number): EntityRow | undefined {
  return db.select().from(entities).where(eq(entities.id, id)).get();
}

export function listEntities(db: Db): EntityRow[] {
  return db.select().from(entities).orderBy(asc(entities.id)).all();
}

export function countEntities(db: Db): number {
  return db.select({ n: count() }).from(entities).get()?.n ?? 0;
}

export function levelExists(db: Db, code: string): boolean {
  return db.select({ code: levels.code }).from(levels).where(eq(levels.code, code)).get() !== undefined;
}

export function insertEntity(db: Db, row: NewEntityRow): EntityRow {
  return db.insert(entities).values(row).returning().get();
}

export function insertSignatories(db: Db, rows: (typeof signatories.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(signatories).values(rows).run();
}

export function insertBankAccounts(db: Db, rows: (typeof bankAccounts.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(bankAccounts).values(rows).run();
}

export function listSignatories(db: Db, entityId: number): SignatoryRow[] {
  return db.select().from(signatories).where(eq(signatories.entityId, entityId)).orderBy(asc(signatories.id)).all();
}

const bankAccountsOf = prepared((db) => db.select().from(bankAccounts).where(eq(bankAccounts.entityId, sql.placeholder('entityId'))).prepare());

export function listBankAccounts(db: Db, entityId: number): BankAccountRow[] {
  return bankAccountsOf(db).all({ entityId });
}

export function updateEntityRow(db: Db, id: number, patch: Partial<NewEntityRow>): EntityRow {
  return db.update(entities).set(patch).where(eq(entities.id, id)).returning().get() ?? missing(id);
}

export function replaceSignatories(db: Db, entityId: number, rows: (typeof signatories.$inferInsert)[]): void {
  db.delete(signatories).where(eq(signatories.entityId, entityId)).run();
  insertSignatories(db, rows);
}

function missing(id: number): never {
  throw new Error(`entity ${id} vanished inside its own transaction`);
}

/** The funds above `entityId`, its parent first. */
export function ancestorsOf(db: Db, entityId: number): number[] {
  const chain: number[] = [];
  let parent = db.select({ parentId: entities.parentId }).from(entities).where(eq(entities.id, entityId)).get()?.parentId ?? null;
  while (parent !== null && !chain.includes(parent)) {
    chain.push(parent);
    parent = db.select({ parentId: entities.parentId }).from(entities).where(eq(entities.id, parent)).get()?.parentId ?? null;
  }
  return chain;
}

/** The fund and every fund below it, the fund first. */
export function withDescendants(db: Db, entityId: number): EntityRow[] {
  const all = listEntities(db);
  const group: EntityRow[] = all.filter((e) => e.id === entityId);
  for (let i = 0; i < group.length; i += 1) {
    const parent = group[i]?.id;
    group.push(...all.filter((e) => e.parentId === parent && !group.includes(e)));
  }
  return group;
}
