/**
 * What a statement's rows are matched against, and the matches kept: the canonical records
 * of an account's transfers (rows of its earlier statements not themselves matched, and its
 * feeds' events no row has claimed) on the days a batch covers, and each decision written
 * on its row — a matched row takes the voucher of the transfer it is.
 */
import type Database from 'better-sqlite3';
import type { Decision, KnownTransfer, NewRow, Transfer } from '../import/bank/match-transfers.js';

/** A batch's days widened by the posting lag, as the bounds of a query. */
function window(firstDay: string, lastDay: string): { from: string; to: string } {
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { from: shift(firstDay, -3), to: shift(lastDay, 3) };
}

interface TransferRecord {
  postedOn: string;
  time: string | null;
  debit: bigint;
  credit: bigint;
  ref: string | null;
  counterAccount: string | null;
  remark: string | null;
}

const transferOf = (r: TransferRecord) => ({
  postedOn: r.postedOn, time: r.time, direction: r.debit > 0n ? ('out' as const) : ('in' as const), amount: r.debit > 0n ? r.debit : r.credit,
  ref: r.ref, counterAccount: r.counterAccount, remark: r.remark,
});

/**
 * The canonical statement rows of an account on the days given, widened by the posting lag:
 * rows of its statements other than the one being matched, not themselves matched to another;
 * `unclaimed` leaves out rows a feed's event was already matched to.
 */
export function statementTransfers(sqlite: Database.Database, bankAccountId: number, firstDay: string, lastDay: string, options: { exceptBatch?: number; unclaimed?: boolean }): KnownTransfer[] {
  const { from, to } = window(firstDay, lastDay);
  const rows = sqlite
    .prepare(
      `SELECT r.batch_id AS batchId, r.ordinal, r.posted_on AS postedOn, r.time, r.debit, r.credit, r.ref, r.counter_account AS counterAccount, r.remark
       FROM bank_statement_rows r JOIN bank_statement_batches b ON b.id = r.batch_id
       WHERE b.bank_account_id = ? AND b.id <> ? AND r.status IN ('new', 'held') AND b.last_day >= ? AND b.first_day <= ? AND r.posted_on BETWEEN ? AND ?
         ${options.unclaimed ? 'AND r.match_event_id IS NULL' : ''}`,
    )
    .safeIntegers(true)
    .all(bankAccountId, options.exceptBatch ?? 0, from, to, from, to) as (TransferRecord & { batchId: bigint; ordinal: bigint })[];
  return rows.map((r): KnownTransfer => ({ ...transferOf(r), source: { kind: 'row', batchId: Number(r.batchId), ordinal: Number(r.ordinal) } }));
}

/** The account's feed events on the days given, widened by the posting lag, that no statement row was matched to. */
export function feedTransfers(sqlite: Database.Database, bankAccountId: number, firstDay: string, lastDay: string): KnownTransfer[] {
  const { from, to } = window(firstDay, lastDay);
  const events = sqlite
    .prepare(
      `SELECT e.id, substr(e.time, 1, 10) AS postedOn, substr(e.time, 12) AS time, e.direction, e.amount, e.reference AS ref, e.counter_account AS counterAccount
       FROM bank_events e JOIN bank_feeds f ON f.id = e.feed_id
       WHERE f.bank_account_id = ? AND substr(e.time, 1, 10) BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM bank_statement_rows r WHERE r.match_event_id = e.id)`,
    )
    .safeIntegers(true)
    .all(bankAccountId, from, to) as { id: bigint; postedOn: string; time: string; direction: 'in' | 'out'; amount: bigint; ref: string | null; counterAccount: string | null }[];
  return events.map((e): KnownTransfer => ({ postedOn: e.postedOn, time: e.time, direction: e.direction, amount: e.amount, ref: e.ref, counterAccount: e.counterAccount, remark: null, source: { kind: 'event', eventId: Number(e.id) } }));
}

export function batchTransfers(sqlite: Database.Database, batchId: number): NewRow[] {
  const rows = sqlite
    .prepare('SELECT ordinal, posted_on AS postedOn, time, debit, credit, ref, counter_account AS counterAccount, remark FROM bank_statement_rows WHERE batch_id = ? ORDER BY ordinal')
    .safeIntegers(true)
    .all(batchId) as (TransferRecord & { ordinal: bigint })[];
  return rows.map((r) => ({ ...transferOf(r), ordinal: Number(r.ordinal) }));
}

export function keepDecisions(sqlite: Database.Database, batchId: number, decisions: readonly Decision[]): void {
  const toRow = sqlite.prepare(
    `UPDATE bank_statement_rows SET status = 'matched', match_batch_id = @batch, match_ordinal = @ordinal,
       voucher_id = (SELECT voucher_id FROM bank_statement_rows WHERE batch_id = @batch AND ordinal = @ordinal)
     WHERE batch_id = @self AND ordinal = @row`,
  );
  const toEvent = sqlite.prepare(
    // An event that made no voucher (held) is still this transfer, but the row is what books it.
    `UPDATE bank_statement_rows SET match_event_id = @event, voucher_id = (SELECT voucher_id FROM bank_events WHERE id = @event),
       status = CASE WHEN (SELECT voucher_id FROM bank_events WHERE id = @event) IS NULL THEN 'new' ELSE 'matched' END
     WHERE batch_id = @self AND ordinal = @row`,
  );
  const review = sqlite.prepare(`UPDATE bank_statement_rows SET status = 'review', review_reason = @reason WHERE batch_id = @self AND ordinal = @row`);
  for (const d of decisions) {
    if (d.status === 'review') review.run({ self: batchId, row: d.ordinal, reason: d.reason });
    else if (d.to.kind === 'row') toRow.run({ self: batchId, row: d.ordinal, batch: d.to.batchId, ordinal: d.to.ordinal });
    else toEvent.run({ self: batchId, row: d.ordinal, event: d.to.eventId });
  }
}

/** A feed's event seen after the statement row of the same transfer: the row claims it, and the event takes the row's voucher. */
export function claimRowForEvent(sqlite: Database.Database, batchId: number, ordinal: number, eventId: number): void {
  sqlite.prepare('UPDATE bank_statement_rows SET match_event_id = ? WHERE batch_id = ? AND ordinal = ?').run(eventId, batchId, ordinal);
  sqlite.prepare('UPDATE bank_events SET voucher_id = (SELECT voucher_id FROM bank_statement_rows WHERE batch_id = ? AND ordinal = ?) WHERE id = ?').run(batchId, ordinal, eventId);
}

export interface BatchCounts {
  readonly new: number;
  readonly matched: number;
  readonly review: number;
  readonly held: number;
  readonly posted: number;
}

/** How a batch's rows stand: new transfers, matched to known ones, for review, held by a rule; and how many have a voucher. */
export function batchCounts(sqlite: Database.Database, batchId: number): BatchCounts {
  const row = sqlite
    .prepare(
      `SELECT coalesce(SUM(status = 'new'), 0) AS new, coalesce(SUM(status = 'matched'), 0) AS matched, coalesce(SUM(status = 'review'), 0) AS review,
              coalesce(SUM(status = 'held'), 0) AS held, coalesce(SUM(voucher_id IS NOT NULL), 0) AS posted
       FROM bank_statement_rows WHERE batch_id = ?`,
    )
    .get(batchId) as BatchCounts;
  return row;
}

export interface ReviewRow {
  readonly ordinal: number;
  readonly postedOn: string;
  readonly time: string | null;
  readonly debit: number;
  readonly credit: number;
  readonly remark: string;
  readonly ref: string | null;
  readonly counterAccount: string | null;
  readonly status: 'review' | 'held';
  readonly reason: string;
}

/** A batch's rows held for someone to decide, in file order. */
export function reviewRows(sqlite: Database.Database, batchId: number): ReviewRow[] {
  return sqlite
    .prepare(
      `SELECT ordinal, posted_on AS postedOn, time, debit, credit, remark, ref, counter_account AS counterAccount, status, coalesce(review_reason, '') AS reason
       FROM bank_statement_rows WHERE batch_id = ? AND status IN ('review', 'held') ORDER BY ordinal`,
    )
    .all(batchId) as ReviewRow[];
}

export interface RowUnderReview {
  readonly status: 'new' | 'matched' | 'review' | 'held';
  readonly reason: string | null;
  readonly debit: number;
  readonly credit: number;
  readonly voucherId: number | null;
}

/** A batch's row held for review (or, with `any`, in whatever state it is). */
export function reviewRow(sqlite: Database.Database, batchId: number, ordinal: number, options: { any?: boolean } = {}): RowUnderReview | undefined {
  return sqlite
    .prepare(
      `SELECT status, review_reason AS reason, debit, credit, voucher_id AS voucherId FROM bank_statement_rows
       WHERE batch_id = ? AND ordinal = ? ${options.any ? '' : "AND status IN ('review', 'held')"}`,
    )
    .get(batchId, ordinal) as RowUnderReview | undefined;
}

/** A row decided to be a new transfer: posted with the batch's other new rows. */
export function releaseRow(sqlite: Database.Database, batchId: number, ordinal: number): void {
  sqlite.prepare("UPDATE bank_statement_rows SET status = 'new', review_reason = NULL WHERE batch_id = ? AND ordinal = ?").run(batchId, ordinal);
}

/**
 * The known transfer a reviewed row of `batchId` may be decided to be: a canonical row of
 * another statement of the account that no row of this batch is already, or an event of the
 * account's feeds that no row has claimed.
 */
export function sameTransferOf(sqlite: Database.Database, bankAccountId: number, batchId: number, source: KnownTransfer['source']): Transfer | undefined {
  if (source.kind === 'row') {
    const row = sqlite
      .prepare(
        `SELECT r.posted_on AS postedOn, r.time, r.debit, r.credit, r.ref, r.counter_account AS counterAccount, r.remark
         FROM bank_statement_rows r JOIN bank_statement_batches b ON b.id = r.batch_id
         WHERE r.batch_id = ? AND r.ordinal = ? AND b.bank_account_id = ? AND r.batch_id <> ? AND r.status IN ('new', 'held')
           AND NOT EXISTS (SELECT 1 FROM bank_statement_rows m WHERE m.batch_id = ? AND m.match_batch_id = r.batch_id AND m.match_ordinal = r.ordinal)`,
      )
      .safeIntegers(true)
      .get(source.batchId, source.ordinal, bankAccountId, batchId, batchId) as TransferRecord | undefined;
    return row && transferOf(row);
  }
  const event = sqlite
    .prepare(
      `SELECT e.direction, e.amount FROM bank_events e JOIN bank_feeds f ON f.id = e.feed_id
       WHERE e.id = ? AND f.bank_account_id = ? AND NOT EXISTS (SELECT 1 FROM bank_statement_rows r WHERE r.match_event_id = e.id)`,
    )
    .safeIntegers(true)
    .get(source.eventId, bankAccountId) as { direction: 'in' | 'out'; amount: bigint } | undefined;
  return event && { postedOn: '', time: null, direction: event.direction, amount: event.amount, ref: null, counterAccount: null, remark: null };
}
