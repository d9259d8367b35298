/** The counterparties postings carry: donors, beneficiaries, suppliers and other funds of a fund. */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { CounterpartyRef } from '../ledger/entry.js';
import { prepared } from './prepared.js';
import type { Db } from './store.js';
import { counterparties } from './schema.js';

/**
 * Finds a counterparty by kind, name and address, creating it on first use. A form given
 * later (organisation or individual) is recorded on the counterparty it names.
 */
const upsertCounterparty = prepared((db) =>
  db
    .insert(counterparties)
    .values({ entityId: sql.placeholder('entityId'), kind: sql.placeholder('kind'), name: sql.placeholder('name'), address: sql.placeholder('address'), form: sql.placeholder('form') })
    .onConflictDoUpdate({
      target: [counterparties.entityId, counterparties.kind, counterparties.name, counterparties.address],
      set: { form: sql`coalesce(excluded.form, ${counterparties.form})` },
    })
    .returning({ id: counterparties.id })
    .prepare(),
);

/** The id of a counterparty of the fund, recorded on first use; a form given later is kept. */
export function counterpartyId(db: Db, entityId: number, ref: CounterpartyRef): number {
  const row = upsertCounterparty(db).get({ entityId, kind: ref.kind, name: ref.name, address: ref.address ?? '', form: ref.form ?? null });
  if (!row) throw new Error(`counterparty ${ref.name} was not recorded`);
  return row.id;
}

export function findCounterparty(db: Db, entityId: number, id: number): typeof counterparties.$inferSelect | undefined {
  return db.select().from(counterparties).where(and(eq(counterparties.entityId, entityId), eq(counterparties.id, id))).get();
}

export interface CounterpartyFilter {
  readonly kind?: (typeof counterparties.$inferSelect)['kind'];
  /** Part of the name, as typed (case as stored). */
  readonly name?: string;
  readonly afterId?: number;
  readonly limit: number;
}

/** A fund's counterparties in id order, a page at a time, for finding the one a subsidiary ledger is kept for. */
export function listCounterparties(db: Db, entityId: number, filter: CounterpartyFilter): (typeof counterparties.$inferSelect)[] {
  return db
    .select()
    .from(counterparties)
    .where(
      and(
        eq(counterparties.entityId, entityId),
        filter.kind === undefined ? undefined : eq(counterparties.kind, filter.kind),
        filter.name === undefined ? undefined : sql`instr(${counterparties.name}, ${filter.name}) > 0`,
        filter.afterId === undefined ? undefined : gt(counterparties.id, filter.afterId),
      ),
    )
    .orderBy(asc(counterparties.id))
    .limit(filter.limit)
    .all();
}
