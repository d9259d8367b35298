/**
 * What a bank account's reconciliation reads: its statements' days, each transfer once (a row
 * matched to an earlier statement's is that row; a row counts as posted once its voucher is),
 * and its ledger lines' days.
 */
import type Database from 'better-sqlite3';
import type { LedgerDay, StatementDay } from '../reports/reconciliation.js';

export function statementDays(sqlite: Database.Database, entityId: number, bankAccountId: number, from: string, to: string): StatementDay[] {
  const rows = sqlite
    .prepare(
      `SELECT r.posted_on AS date, SUM(r.credit) AS credits, SUM(r.debit) AS debits,
              (SELECT r2.balance FROM bank_statement_rows r2 JOIN bank_statement_batches b2 ON b2.id = r2.batch_id
                WHERE b2.entity_id = @entity AND b2.bank_account_id = @account AND r2.posted_on = r.posted_on AND r2.balance IS NOT NULL
                ORDER BY b2.id DESC, r2.ordinal DESC LIMIT 1) AS printed,
              SUM(coalesce(v.status, '') <> 'posted') AS unpostedRows, SUM(CASE WHEN coalesce(v.status, '') <> 'posted' THEN r.credit - r.debit ELSE 0 END) AS unpostedAmount
       FROM bank_statement_rows r JOIN bank_statement_batches b ON b.id = r.batch_id LEFT JOIN vouchers v ON v.id = r.voucher_id
       WHERE b.entity_id = @entity AND b.bank_account_id = @account AND r.posted_on BETWEEN @from AND @to AND r.status <> 'matched'
       GROUP BY r.posted_on ORDER BY r.posted_on`,
    )
    .safeIntegers(true)
    .all({ entity: entityId, account: bankAccountId, from, to }) as Record<string, bigint | string | null>[];
  return rows.map((r) => ({
    date: String(r.date), credits: r.credits as bigint, debits: r.debits as bigint, printedBalance: r.printed as bigint | null,
    unpostedRows: Number(r.unpostedRows), unpostedAmount: r.unpostedAmount as bigint,
  }));
}

/** The account's ledger lines summed per day in the range, and their sum before it. */
export function ledgerDays(sqlite: Database.Database, entityId: number, bankAccountId: number, from: string, to: string): { opening: bigint; days: LedgerDay[] } {
  const opening = sqlite
    .prepare('SELECT coalesce(SUM(amount), 0) FROM entry_lines WHERE entity_id = ? AND bank_account_id = ? AND date < ?')
    .pluck().safeIntegers(true).get(entityId, bankAccountId, from) as bigint;
  const days = sqlite
    .prepare('SELECT date, SUM(amount) AS net FROM entry_lines WHERE entity_id = ? AND bank_account_id = ? AND date BETWEEN ? AND ? GROUP BY date ORDER BY date')
    .safeIntegers(true)
    .all(entityId, bankAccountId, from, to) as { date: string; net: bigint }[];
  return { opening, days };
}
