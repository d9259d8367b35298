/**
 * The queries behind `verify` and behind the check the store makes when it opens: SQLite's
 * quick check, the triggers the migrations create, foreign keys, and the day totals.
 * Damaged rows are read through typeof(), quote() and LEFT JOINs, so a value of the wrong
 * type or a row that is gone comes back as a finding, never as an exception.
 */
import Database from 'better-sqlite3';
import type { DayTotalRow, ForeignKeyBreak, TriggerFinding } from '../ledger/integrity.js';
import { migrationTriggers } from './migrations.js';

/** What SQLite's quick check finds, as two kinds of finding (each list holds at most 100). */
export interface QuickCheck {
  /** Damaged pages or indexes: any query reading them may stop with an error. */
  readonly damage: readonly string[];
  /** Rows that break a NOT NULL or CHECK constraint: wrong, but readable. */
  readonly constraints: readonly string[];
}

const CONSTRAINT_FINDING = /^(NULL value in |CHECK constraint failed in )/;

export function quickCheck(sqlite: Database.Database): QuickCheck {
  let findings: string[];
  try {
    findings = (sqlite.pragma('quick_check(100)') as { quick_check: string }[]).map((r) => r.quick_check).filter((f) => f !== 'ok');
  } catch (error) {
    // Damage bad enough stops the check itself, and is then its one finding.
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CORRUPT')) return { damage: [error.message], constraints: [] };
    throw error;
  }
  return { damage: findings.filter((f) => !CONSTRAINT_FINDING.test(f)), constraints: findings.filter((f) => CONSTRAINT_FINDING.test(f)) };
}

/** The migrations' triggers that are gone, or whose stored definition no migration wrote. */
export function triggerFindings(sqlite: Database.Database): TriggerFinding[] {
  const expected = migrationTriggers();
  const rows = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: unknown }[];
  const stored = new Map(rows.map((r) => [r.name, r.sql]));
  return expected.names.flatMap((name): TriggerFinding[] => {
    const sql = stored.get(name);
    if (sql === undefined) return [{ name, state: 'missing' }];
    return typeof sql === 'string' && expected.sql.includes(sql) ? [] : [{ name, state: 'altered' }];
  });
}

interface ForeignKeyCheckRow {
  readonly table: string;
  readonly rowid: number | null;
  readonly parent: string;
  readonly fkid: number;
}

interface ForeignKeyListRow {
  readonly id: number;
  readonly table: string;
  readonly from: string;
}

const identifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** How to read, for one table, the value a broken key holds and the funds the row belongs to. */
function keyReader(sqlite: Database.Database, table: string): (fkid: number, rowid: number) => { column: string; value: string; entityIds: number[] } {
  // The table-valued form: a PRAGMA statement may not run while foreign_key_check is being read.
  const keys = sqlite.prepare('SELECT id, "table", "from" FROM pragma_foreign_key_list(?)').all(table) as ForeignKeyListRow[];
  const ownerColumns = table === 'entities' ? ['rowid'] : keys.filter((k) => k.table === 'entities').map((k) => identifier(k.from));
  const owners = ownerColumns.map((c) => `iif(typeof(${c}) = 'integer', ${c}, NULL)`);
  const statements = new Map<number, { column: string; statement: Database.Statement }>();
  return (fkid, rowid) => {
    let read = statements.get(fkid);
    if (!read) {
      const columns = keys.filter((k) => k.id === fkid).map((k) => k.from);
      const value = columns.map((c) => `substr(quote(${identifier(c)}), 1, 60)`).join(" || ', ' || ") || 'NULL';
      const statement = sqlite.prepare(`SELECT ${value} AS value, json_array(${owners.join(', ')}) AS owners FROM ${identifier(table)} WHERE rowid = ?`);
      read = { column: columns.join(', '), statement };
      statements.set(fkid, read);
    }
    const row = read.statement.get(rowid) as { value: string; owners: string } | undefined;
    const entityIds = row ? (JSON.parse(row.owners) as unknown[]).filter((id): id is number => typeof id === 'number') : [];
    return { column: read.column, value: row?.value ?? 'NULL', entityIds };
  };
}

/** Every row whose foreign key names a row that does not exist, in the order SQLite finds them. */
export function* foreignKeyBreaks(sqlite: Database.Database): Generator<ForeignKeyBreak> {
  const readers = new Map<string, ReturnType<typeof keyReader>>();
  for (const found of sqlite.prepare('PRAGMA foreign_key_check').iterate() as IterableIterator<ForeignKeyCheckRow>) {
    let read = readers.get(found.table);
    if (!read) {
      read = keyReader(sqlite, found.table);
      readers.set(found.table, read);
    }
    const key = found.rowid === null ? { column: '?', value: '?', entityIds: [] } : read(found.fkid, found.rowid);
    yield { table: found.table, rowid: found.rowid, parent: found.parent, ...key };
  }
}

export type MistypedDayTotal = DayTotalRow & { readonly types: { readonly debit: string; readonly credit: string }; readonly count: number };

/**
 * The first day total not stored as integers, and how many there are: of one fund, or of
 * every fund when `entityId` is null.
 */
export function mistypedDayTotal(sqlite: Database.Database, entityId: number | null): MistypedDayTotal | undefined {
  const row = sqlite
    .prepare(
      `SELECT d.rowid AS rowid, a.code AS account, d.date AS date, quote(d.debit) AS debit, quote(d.credit) AS credit,
         typeof(d.debit) AS debit_type, typeof(d.credit) AS credit_type, COUNT(*) OVER () AS count
       FROM account_days d LEFT JOIN accounts a ON a.id = d.account_id
       WHERE (@entity IS NULL OR d.entity_id = @entity) AND (typeof(d.debit) <> 'integer' OR typeof(d.credit) <> 'integer')
       ORDER BY d.rowid LIMIT 1`,
    )
    .get({ entity: entityId }) as (DayTotalRow & { debit_type: string; credit_type: string; count: number }) | undefined;
  return row && { ...row, types: { debit: row.debit_type, credit: row.credit_type } };
}

export type DayTotalDisagreement = DayTotalRow & { readonly lines: { readonly debit: string; readonly credit: string }; readonly count: number };

/** A sum kept as a high part (millions) and a low part, which SQL adds up without overflowing. */
const sumOf = (high: unknown, low: unknown): string =>
  typeof high === 'bigint' && typeof low === 'bigint' ? String(high * 1_000_000n + low) : String(Number(high) * 1e6 + Number(low));

/**
 * The first account-day, by date, whose kept totals differ from the sums of its lines, and
 * how many differ. SQLite's SUM stops with an error when an integer sum overflows, which
 * forged amounts can make happen, so each side is summed as millions and remainders; two
 * totals are equal exactly when both parts agree once the remainders carry into millions.
 */
export function dayTotalDisagreement(sqlite: Database.Database, entityId: number): DayTotalDisagreement | undefined {
  const row = sqlite
    .prepare(
      `WITH actual AS (
         SELECT account_id, date,
           SUM(MAX(amount, 0) / 1000000) AS debit_high, SUM(MAX(amount, 0) % 1000000) AS debit_low,
           SUM(MAX(-amount, 0) / 1000000) AS credit_high, SUM(MAX(-amount, 0) % 1000000) AS credit_low
         FROM entry_lines WHERE entity_id = @entity AND typeof(amount) = 'integer' GROUP BY account_id, date),
       kept AS (SELECT rowid, account_id, date, debit, credit FROM account_days WHERE entity_id = @entity),
       paired AS (
         SELECT k.rowid AS kept_rowid, COALESCE(k.account_id, s.account_id) AS account_id, COALESCE(k.date, s.date) AS date,
           COALESCE(k.debit, 0) AS debit, COALESCE(k.credit, 0) AS credit,
           COALESCE(s.debit_high, 0) AS debit_high, COALESCE(s.debit_low, 0) AS debit_low,
           COALESCE(s.credit_high, 0) AS credit_high, COALESCE(s.credit_low, 0) AS credit_low
         FROM kept k FULL JOIN actual s ON s.account_id = k.account_id AND s.date = k.date)
       SELECT p.kept_rowid AS rowid, a.code AS account, p.date AS date, quote(p.debit) AS debit, quote(p.credit) AS credit,
         p.debit_high, p.debit_low, p.credit_high, p.credit_low, COUNT(*) OVER () AS count
       FROM paired p LEFT JOIN accounts a ON a.id = p.account_id
       WHERE NOT (p.debit / 1000000 = p.debit_high + p.debit_low / 1000000 AND p.debit % 1000000 = p.debit_low % 1000000
         AND p.credit / 1000000 = p.credit_high + p.credit_low / 1000000 AND p.credit % 1000000 = p.credit_low % 1000000)
       ORDER BY p.date, p.account_id LIMIT 1`,
    )
    .safeIntegers(true)
    .get({ entity: entityId }) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    rowid: row.rowid === null ? null : Number(row.rowid),
    account: row.account,
    date: row.date,
    debit: row.debit,
    credit: row.credit,
    lines: { debit: sumOf(row.debit_high, row.debit_low), credit: sumOf(row.credit_high, row.credit_low) },
    count: Number(row.count),
  };
}

export interface FundTotalsDisagreement {
  readonly kept: { readonly debits: string; readonly quantities: string };
  readonly lines: { readonly debits: string; readonly quantities: string };
}

/**
 * The fund's kept lifetime totals (entities.debit_total, quantity_total) against the sums
 * of its lines and memos, summed as millions and remainders so that forged amounts cannot
 * overflow; undefined when they agree.
 */
export function fundTotalsDisagreement(sqlite: Database.Database, entityId: number): FundTotalsDisagreement | undefined {
  const row = sqlite
    .prepare(
      `WITH measures(kind, value) AS (
         SELECT 'debit', amount FROM entry_lines WHERE entity_id = @entity AND typeof(amount) = 'integer' AND amount > 0
         UNION ALL SELECT 'quantity', quantity FROM entry_lines WHERE entity_id = @entity AND typeof(quantity) = 'integer'
         UNION ALL SELECT 'quantity', original_amount FROM entry_lines WHERE entity_id = @entity AND typeof(original_amount) = 'integer'
         UNION ALL SELECT 'quantity', quantity FROM entry_memos WHERE entity_id = @entity AND typeof(quantity) = 'integer'),
       parts AS (
         SELECT kind, CASE WHEN value < 0 THEN -(value / 1000000) ELSE value / 1000000 END AS high,
           CASE WHEN value < 0 THEN -(value % 1000000) ELSE value % 1000000 END AS low
         FROM measures)
       SELECT quote(e.debit_total) AS kept_debits, quote(e.quantity_total) AS kept_quantities,
         (SELECT COALESCE(SUM(high), 0) FROM parts WHERE kind = 'debit') AS debit_high,
         (SELECT COALESCE(SUM(low), 0) FROM parts WHERE kind = 'debit') AS debit_low,
         (SELECT COALESCE(SUM(high), 0) FROM parts WHERE kind = 'quantity') AS quantity_high,
         (SELECT COALESCE(SUM(low), 0) FROM parts WHERE kind = 'quantity') AS quantity_low
       FROM entities e WHERE e.id = @entity`,
    )
    .safeIntegers(true)
    .get({ entity: entityId }) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const lines = { debits: sumOf(row.debit_high, row.debit_low), quantities: sumOf(row.quantity_high, row.quantity_low) };
  const kept = { debits: String(row.kept_debits), quantities: String(row.kept_quantities) };
  return kept.debits === lines.debits && kept.quantities === lines.quantities ? undefined : { kept, lines };
}
