/** Live bank feeds, the deliveries they received, and the events those reported. */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { BankEvent } from '../import/feeds/bank-event.js';
import { bankAccounts, bankFeeds, entities, feedDeliveries } from './schema.js';
import type { Db } from './store.js';

export type FeedRow = typeof bankFeeds.$inferSelect & { readonly bankAccount: string; readonly entity: string };

export function insertFeed(db: Db, row: typeof bankFeeds.$inferInsert): typeof bankFeeds.$inferSelect {
  return db.insert(bankFeeds).values(row).returning().get();
}

export function findFeed(db: Db, id: number): FeedRow | undefined {
  const row = db
    .select({ feed: bankFeeds, bankAccount: bankAccounts.number, entity: entities.code })
    .from(bankFeeds).innerJoin(bankAccounts, eq(bankAccounts.id, bankFeeds.bankAccountId)).innerJoin(entities, eq(entities.id, bankFeeds.entityId))
    .where(eq(bankFeeds.id, id)).get();
  return row ? { ...row.feed, bankAccount: row.bankAccount, entity: row.entity } : undefined;
}

export function listFeeds(sqlite: Database.Database, entityId: number): { id: number; provider: string; auth: string; bankAccount: string; createdAt: string; accepted: number; rejected: number; events: number }[] {
  return sqlite
    .prepare(
      `SELECT f.id, f.provider, f.auth, b.number AS bankAccount, f.created_at AS createdAt,
              (SELECT count(*) FROM feed_deliveries d WHERE d.feed_id = f.id AND d.outcome <> 'rejected') AS accepted,
              (SELECT count(*) FROM feed_deliveries d WHERE d.feed_id = f.id AND d.outcome = 'rejected') AS rejected,
              (SELECT count(*) FROM bank_events e WHERE e.feed_id = f.id) AS events
       FROM bank_feeds f JOIN bank_accounts b ON b.id = f.bank_account_id WHERE f.entity_id = ? ORDER BY f.id`,
    )
    .all(entityId) as { id: number; provider: string; auth: string; bankAccount: string; createdAt: string; accepted: number; rejected: number; events: number }[];
}

export function insertDelivery(db: Db, row: typeof feedDeliveries.$inferInsert): number {
  return db.insert(feedDeliveries).values(row).returning({ id: feedDeliveries.id }).get().id;
}

/** The provider ids among these that the feed already has. */
export function knownEvents(sqlite: Database.Database, feedId: number, ids: readonly string[]): Set<string> {
  const rows = sqlite.prepare('SELECT provider_id FROM bank_events WHERE feed_id = ? AND provider_id IN (SELECT value FROM json_each(?))').pluck().all(feedId, JSON.stringify(ids)) as string[];
  return new Set(rows);
}

/** The events kept, each with its id; one the feed already has is passed over. */
export function insertEvents(sqlite: Database.Database, feedId: number, deliveryId: number, events: readonly BankEvent[]): { id: number; event: BankEvent }[] {
  const insert = sqlite.prepare(
    `INSERT INTO bank_events (feed_id, provider_id, direction, amount, time, reference, counter_account, narrative, delivery_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, provider_id) DO NOTHING RETURNING id`,
  );
  return events.flatMap((e) => {
    const kept = insert.get(feedId, e.providerId, e.direction, e.amount, e.time, e.reference, e.counterAccount, e.narrative, deliveryId) as { id: number } | undefined;
    return kept ? [{ id: kept.id, event: e }] : [];
  });
}

/** What became of an event: the voucher it is in, or why it is held. */
export function settleEvent(sqlite: Database.Database, id: number, outcome: { voucherId: number } | { held: string }): void {
  if ('voucherId' in outcome) sqlite.prepare('UPDATE bank_events SET voucher_id = ?, held_reason = NULL WHERE id = ?').run(outcome.voucherId, id);
  else sqlite.prepare('UPDATE bank_events SET held_reason = ? WHERE id = ?').run(outcome.held, id);
}

export function feedOfEntity(db: Db, entityId: number, id: number): boolean {
  return db.select({ id: bankFeeds.id }).from(bankFeeds).where(and(eq(bankFeeds.entityId, entityId), eq(bankFeeds.id, id))).get() !== undefined;
}
