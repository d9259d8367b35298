/** The balances each fiscal year opened with, as recorded when the year before it closed. */
import type Database from 'better-sqlite3';

export function replaceOpeningBalances(
  sqlite: Database.Database,
  entityId: number,
  year: number,
  balances: readonly { accountId: number; amount: bigint }[],
): void {
  sqlite.prepare('DELETE FROM opening_balances WHERE entity_id = ? AND year = ?').run(entityId, year);
  const insert = sqlite.prepare('INSERT INTO opening_balances (entity_id, year, account_id, amount) VALUES (?, ?, ?, ?)');
  for (const b of balances) insert.run(entityId, year, b.accountId, b.amount);
}

export function listOpeningBalances(sqlite: Database.Database, entityId: number, year: number): { code: string; amount: bigint }[] {
  return (
    sqlite
      .prepare(
        `SELECT a.code AS code, o.amount AS amount FROM opening_balances o JOIN accounts a ON a.id = o.account_id
         WHERE o.entity_id = ? AND o.year = ? ORDER BY a.code`,
      )
      .safeIntegers(true)
      .all(entityId, year) as { code: string; amount: bigint }[]
  );
}
