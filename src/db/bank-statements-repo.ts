/** Imported bank statements: the batches, and a connection's staging table for the rows of one being read. */
import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { StatementRow } from '../import/bank/statement-row.js';
import { bankStatementBatches } from './schema.js';
import type { Db } from './store.js';

export type StatementBatchRow = typeof bankStatementBatches.$inferSelect;

export function findStatementBatch(db: Db, entityId: number, bankAccountId: number, sha256: string): StatementBatchRow | undefined {
  return db.select().from(bankStatementBatches).where(and(eq(bankStatementBatches.entityId, entityId), eq(bankStatementBatches.bankAccountId, bankAccountId), eq(bankStatementBatches.sha256, sha256))).get();
}

export function insertStatementBatch(db: Db, row: typeof bankStatementBatches.$inferInsert): StatementBatchRow {
  return db.insert(bankStatementBatches).values(row).returning().get();
}

/**
 * The rows of a statement being read, in a temporary table of this connection: nothing of
 * them is in the books until `keep` copies them under their batch, and a crash or a refusal
 * leaves nothing behind.
 */
export class BankStatementStage {
  private readonly insert: Database.Statement;
  private readonly many: (rows: readonly StatementRow[]) => void;

  constructor(private readonly sqlite: Database.Database) {
    sqlite.exec(`DROP TABLE IF EXISTS temp.statement_stage;
      CREATE TEMP TABLE statement_stage (ordinal INTEGER PRIMARY KEY, posted_on TEXT NOT NULL, time TEXT, debit INTEGER NOT NULL, credit INTEGER NOT NULL,
        balance INTEGER, remark TEXT NOT NULL, ref TEXT, counter_account TEXT, sender TEXT)`);
    this.insert = sqlite.prepare('INSERT INTO temp.statement_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.many = sqlite.transaction((rows: readonly StatementRow[]) => {
      for (const r of rows) this.insert.run(r.ordinal, r.postedOn, r.time, r.debit, r.credit, r.balance, r.remark, r.ref, r.counterAccount, r.sender);
    });
  }

  add(rows: readonly StatementRow[]): void {
    if (rows.length > 0) this.many(rows);
  }

  /** Copies the staged rows under the batch, inside the caller's transaction. */
  keep(batchId: number): void {
    this.sqlite
      .prepare(`INSERT INTO bank_statement_rows (batch_id, ordinal, posted_on, time, debit, credit, balance, remark, ref, counter_account, sender)
                SELECT ?, ordinal, posted_on, time, debit, credit, balance, remark, ref, counter_account, sender FROM temp.statement_stage ORDER BY ordinal`)
      .run(batchId);
  }

  drop(): void {
    this.sqlite.exec('DROP TABLE IF EXISTS temp.statement_stage');
  }
}

export function listStatementBatches(db: Db, entityId: number): StatementBatchRow[] {
  return db.select().from(bankStatementBatches).where(eq(bankStatementBatches.entityId, entityId)).orderBy(bankStatementBatches.id).all();
}

export function findStatementBatchById(db: Db, entityId: number, id: number): StatementBatchRow | undefined {
  return db.select().from(bankStatementBatches).where(and(eq(bankStatementBatches.entityId, entityId), eq(bankStatementBatches.id, id))).get();
}

export interface UnpostedRow {
  readonly ordinal: number;
  readonly postedOn: string;
  readonly debit: number;
  readonly credit: number;
  readonly remark: string;
  readonly ref: string | null;
  readonly sender: string | null;
}

/** The batch's new transfers not yet posted, in file order, a page at a time after the ordinal given. */
export function unpostedRows(sqlite: Database.Database, batchId: number, after: number, limit: number): UnpostedRow[] {
  return sqlite
    .prepare(`SELECT ordinal, posted_on AS postedOn, debit, credit, remark, ref, sender FROM bank_statement_rows WHERE batch_id = ? AND status = 'new' AND voucher_id IS NULL AND ordinal > ? ORDER BY ordinal LIMIT ?`)
    .all(batchId, after, limit) as UnpostedRow[];
}

/** Rows a campaign rule refused, held for review with the reason. */
export function markRowsHeld(sqlite: Database.Database, batchId: number, ordinals: readonly number[], reason: string): void {
  sqlite.prepare(`UPDATE bank_statement_rows SET status = 'held', review_reason = ? WHERE batch_id = ? AND ordinal IN (SELECT value FROM json_each(?))`).run(reason, batchId, JSON.stringify(ordinals));
}

/**
 * The rows now in a voucher, and with them the rows of later statements matched to them and
 * the feed events they were seen in first: one transfer, one voucher.
 */
export function markRowsPosted(sqlite: Database.Database, batchId: number, ordinals: readonly number[], voucherId: number, options: { linked: boolean }): void {
  const list = JSON.stringify(ordinals);
  sqlite.prepare('UPDATE bank_statement_rows SET voucher_id = ? WHERE batch_id = ? AND ordinal IN (SELECT value FROM json_each(?))').run(voucherId, batchId, list);
  if (!options.linked) return;
  sqlite.prepare('UPDATE bank_statement_rows SET voucher_id = ? WHERE match_batch_id = ? AND match_ordinal IN (SELECT value FROM json_each(?))').run(voucherId, batchId, list);
  sqlite
    .prepare('UPDATE bank_events SET voucher_id = ? WHERE id IN (SELECT match_event_id FROM bank_statement_rows WHERE batch_id = ? AND match_event_id IS NOT NULL AND ordinal IN (SELECT value FROM json_each(?)))')
    .run(voucherId, batchId, list);
}

/** Whether rows of later statements were matched to the batch's rows, or its rows claimed feed events: what posting it must carry the vouchers to. */
export function hasLinkedTransfers(sqlite: Database.Database, batchId: number): boolean {
  return (
    sqlite.prepare('SELECT EXISTS (SELECT 1 FROM bank_statement_rows WHERE match_batch_id = ?) OR EXISTS (SELECT 1 FROM bank_statement_rows WHERE batch_id = ? AND match_event_id IS NOT NULL)').pluck().get(batchId, batchId) === 1
  );
}
