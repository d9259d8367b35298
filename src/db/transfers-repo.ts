/** Transfers between fund levels: the pair of vouchers they link and whether the money has arrived. */
import type Database from 'better-sqlite3';
import { eq, or, desc } from 'drizzle-orm';
import type { Transfer } from '../ledger/transfer.js';
import { transfers } from './schema.js';
import type { Db } from './store.js';

/** A stored row as a transfer, its amount a whole number of đồng. */
function transferOf(row: typeof transfers.$inferSelect): Transfer {
  if (!Number.isSafeInteger(row.amount)) throw new Error(`transfer ${row.id} has an amount that is not a whole number of đồng`);
  return { ...row, amount: BigInt(row.amount) };
}

export function insertTransfer(db: Db, row: typeof transfers.$inferInsert): Transfer {
  return transferOf(db.insert(transfers).values(row).returning().get());
}

export function findTransfer(db: Db, id: number): Transfer | undefined {
  const row = db.select().from(transfers).where(eq(transfers.id, id)).get();
  return row === undefined ? undefined : transferOf(row);
}

export function updateTransfer(db: Db, id: number, changes: Partial<typeof transfers.$inferInsert>): Transfer {
  return transferOf(db.update(transfers).set(changes).where(eq(transfers.id, id)).returning().get());
}

/** Transfers a fund gave or received, newest first. */
export function listTransfersOf(db: Db, entityId: number, limit: number): Transfer[] {
  return db.select().from(transfers).where(or(eq(transfers.fromEntityId, entityId), eq(transfers.toEntityId, entityId))).orderBy(desc(transfers.id)).limit(limit).all().map(transferOf);
}

export interface GroupTransferRow {
  readonly id: number;
  /** The giving and the receiving fund's codes. */
  readonly from: string;
  readonly to: string;
  readonly amount: bigint;
  readonly reason: string;
  /** The accounting date of the giver's payment. */
  readonly paidOn: string;
  /** When the giver recorded the use (612): the settlement, or the payment itself when it went straight to 612. */
  readonly sentOn: string | null;
  /** When the receiver recorded the receipt (5113). */
  readonly receivedOn: string | null;
}

/** Every transfer between two of the given funds, with the dates each side recorded it. */
export function transfersWithin(sqlite: Database.Database, entityIds: readonly number[]): GroupTransferRow[] {
  const rows = sqlite
    .prepare(
      `SELECT t.id, f.code AS "from", r.code AS "to", t.amount, t.reason, p.accounting_date AS paidOn,
              CASE WHEN t.settlement_voucher_id IS NULL THEN (CASE WHEN t.status = 'received' THEN p.accounting_date END)
                   ELSE (SELECT accounting_date FROM vouchers WHERE id = t.settlement_voucher_id AND status = 'posted') END AS sentOn,
              (SELECT accounting_date FROM vouchers WHERE id = t.receipt_voucher_id AND status = 'posted') AS receivedOn
       FROM transfers t JOIN entities f ON f.id = t.from_entity_id JOIN entities r ON r.id = t.to_entity_id
       JOIN vouchers p ON p.id = t.payment_voucher_id AND p.status = 'posted'
       WHERE t.from_entity_id IN (SELECT value FROM json_each(@ids)) AND t.to_entity_id IN (SELECT value FROM json_each(@ids))
       ORDER BY t.id`,
    )
    .safeIntegers(true)
    .all({ ids: JSON.stringify(entityIds) }) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: Number(r.id),
    from: r.from as string,
    to: r.to as string,
    amount: r.amount as bigint,
    reason: r.reason as string,
    paidOn: r.paidOn as string,
    sentOn: (r.sentOn as string | null) ?? null,
    receivedOn: (r.receivedOn as string | null) ?? null,
  }));
}
