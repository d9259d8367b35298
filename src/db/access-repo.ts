/** Users, the roles they hold on funds, and their API tokens (secrets stored as hashes). */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { apiTokens, roleGrants, users } from './schema.js';
import type { Db } from './store.js';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleGrants.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;
export type Role = GrantRow['role'];

export function findUserByName(db: Db, name: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.name, name)).get();
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(asc(users.name)).all();
}

export function insertUser(db: Db, name: string): UserRow {
  return db.insert(users).values({ name }).returning().get();
}

export function listGrants(db: Db, userId: number): GrantRow[] {
  return db.select().from(roleGrants).where(eq(roleGrants.userId, userId)).orderBy(asc(roleGrants.id)).all();
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

export function findTokenByPublicId(db: Db, publicId: string): TokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.publicId, publicId)).get();
}

export function listTokens(db: Db, userId: number): TokenRow[] {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.id)).all();
}

export function markTokenRevoked(db: Db, id: number, revokedBy: string): void {
  db.update(apiTokens).set({ revokedAt: new Date().toISOString(), revokedBy }).where(eq(apiTokens.id, id)).run();
}
