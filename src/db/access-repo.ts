/** Users, the roles they hold on funds, and their API tokens (secrets stored as hashes). */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from './prepared.js';
import { apiTokens, roleGrants, users } from './schema.js';
import type { Db } from './store.js';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleGrants.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
export type Role = GrantRow['role'];

export function findUserByName(db: Db, name: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.name, name)).get();
}

const userById = prepared((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

export function findUserById(db: Db, id: number): UserRow | undefined {
  return userById(db).get({ id });
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.name)).all();
}

export function insertUser(db: Db, name: string, fullName: string | null = null): UserRow {
  return db.insert(users).values({ name, fullName }).returning().get();
}

const grantsOf = prepared((db) => db.select().from(roleGrants).where(eq(roleGrants.userId, sql.placeholder('userId'))).orderBy(asc(roleGrants.id)).prepare());

export function listGrants(db: Db, userId: number): GrantRow[] {
  return grantsOf(db).all({ userId });
}

export function findGrant(db: Db, grant: { userId: number; entityId: number | null; role: Role }): GrantRow | undefined {
  const entity = grant.entityId === null ? isNull(roleGrants.entityId) : eq(roleGrants.entityId, grant.entityId);
  return db.select().from(roleGrants).where(and(eq(roleGrants.userId, grant.userId), entity, eq(roleGrants.role, grant.role))).get();
}

export function insertGrant(db: Db, grant: typeof roleGrants.$inferInsert): GrantRow {
  return db.insert(roleGrants).values(grant).returning().get();
}

export function deleteGrant(db: Db, id: number): void {
  db.delete(roleGrants).where(eq(roleGrants.id, id)).run();
}

export function insertToken(db: Db, token: typeof apiTokens.$inferInsert): TokenRow {
  return db.insert(apiTokens).values(token).returning().get();
}

const tokenByPublicId = prepared((db) => db.select().from(apiTokens).where(eq(apiTokens.publicId, sql.placeholder('publicId'))).prepare());

export function findTokenByPublicId(db: Db, publicId: string): TokenRow | undefined {
  return tokenByPublicId(db).get({ publicId });
}

export function listTokens(db: Db, userId: number): TokenRow[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.id)).all();
}

export function markTokenRevoked(db: Db, id: number, revokedBy: string): void {
  db.update(apiTokens).set({ revokedAt: new Date().toISOString(), revokedBy }).where(eq(apiTokens.id, id)).run();
}
