/**
 * Posted entries: appending them with their lines, memos and day totals, and reading them
 * back (src/db/chain-queries.ts streams a fund's whole chain for verification). Hot paths
 * use prepared statements directly, appending in multi-row statements; amounts travel as
 * bigint.
 */
import type Database from 'better-sqlite3';
import type { EntryKind, Line, Memo, StoredEntry } from '../ledger/entry.js';
import type { FundTotals } from '../ledger/post-entry.js';
import type { ChainEntry, ChainLine, ChainMemo } from '../ledger/hash-chain.js';

/** An entry as written: the chained form, with the stored id of every account. */
export interface EntryRecord extends ChainEntry {
  readonly lines: readonly (ChainLine & { readonly accountId: number })[];
  readonly memos: readonly (ChainMemo & { readonly accountId: number })[];
}

/**
 * Rows one multi-row INSERT writes at most: enough that a statement's fixed cost is spread
 * thin, and far below SQLite's limit of 32,766 bound values (17 columns × 256 rows = 4,352).
 */
const BATCH_ROWS = 256;

/**
 * Rows of one table gathered in memory and written with multi-row INSERT statements: full
 * batches first, then what remains in statements of halving size, so that any number of
 * rows takes few statements and only nine statement shapes per table are ever compiled.
 */
class RowBuffer {
  private values: unknown[] = [];
  private readonly statements = new Map<number, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    /** `INSERT INTO table (columns)`, to which the VALUES rows are appended. */
    private readonly insert: string,
    private readonly columns: number,
    /** What follows the rows, such as an upsert clause. */
    private readonly tail = '',
  ) {}

  get rows(): number {
    return this.values.length / this.columns;
  }

  /** Gathers one row; `values` must hold exactly one value per column. */
  add(values: readonly unknown[]): void {
    for (const value of values) this.values.push(value);
  }

  write(): void {
    const values = this.values;
    this.values = [];
    let offset = 0;
    for (let size = BATCH_ROWS; size >= 1; size >>= 1) {
      const length = size * this.columns;
      while (values.length - offset >= length) {
        this.statement(size).run(offset === 0 && length === values.length ? values : values.slice(offset, offset + length));
        offset += length;
      }
    }
  }

  private statement(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${new Array<string>(this.columns).fill('?').join(', ')})`;
      statement = this.sqlite.prepare(`${this.insert} VALUES ${new Array<string>(rows).fill(row).join(', ')}${this.tail}`);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

interface DayTotal {
  debit: bigint;
  credit: bigint;
}

/**
 * Appends entries of one fund. Entries, lines and memos are gathered and written in
 * multi-row statements, entries before the lines and memos that refer to them. The writer
 * numbers entries and lines itself, from the next ids the tables would give, so that posting
 * answers with an entry's id before its row is written, and so that lines without dimensions
 * take a shorter statement than the others and still keep their ids in posting order. Day
 * totals and the chain head are gathered until `flush`, which writes everything gathered and
 * must run before anything else reads or writes entries or balances, and before the
 * transaction ends.
 */
export class EntryWriter {
  private readonly entries: RowBuffer;
  private readonly plainLines: RowBuffer;
  private readonly lines: RowBuffer;
  private readonly memos: RowBuffer;
  private readonly dayTotals: RowBuffer;
  private readonly nextIdsQuery: Database.Statement;
  private readonly headUpdate: Database.Statement;
  /** Per account id, the totals of each day gathered since the last flush. */
  private readonly pending = new Map<number, Map<string, DayTotal>>();
  /** The ids the next entry and line take; read again after every flush, when others may have written. */
  private next: { entry: number; line: number } | null = null;
  private head: { seq: number; hash: string } | null = null;
  private addedDebits = 0n;
  private addedQuantities = 0n;

  constructor(
    sqlite: Database.Database,
    private readonly entityId: number,
  ) {
    this.entries = new RowBuffer(
      sqlite, 'INSERT INTO entries (id, entity_id, seq, kind, date, description, reverses_id, recorded_at, recorded_by, hash)', 10,
    );
    this.plainLines = new RowBuffer(sqlite, 'INSERT INTO entry_lines (id, entry_id, entity_id, line_no, account_id, date, amount)', 7);
    this.lines = new RowBuffer(
      sqlite,
      `INSERT INTO entry_lines (id, entry_id, entity_id, line_no, account_id, date, amount, counterparty_id, campaign_id,
         designation, bank_account_id, external_ref, currency, original_amount, rate, quantity, unit, allocation_line_id)`,
      18,
    );
    this.memos = new RowBuffer(sqlite, 'INSERT INTO entry_memos (entry_id, entity_id, line_no, account_id, date, quantity, unit, item)', 8);
    this.dayTotals = new RowBuffer(
      sqlite, 'INSERT INTO account_days (entity_id, account_id, date, debit, credit)', 5,
      ' ON CONFLICT DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit',
    );
    // AUTOINCREMENT's rule: one past the largest id the table has ever held.
    const nextId = (table: string): string =>
      `max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), coalesce((SELECT max(id) FROM ${table}), 0)) + 1`;
    this.nextIdsQuery = sqlite.prepare(`SELECT ${nextId('entries')} AS entry, ${nextId('entry_lines')} AS line`);
    this.headUpdate = sqlite.prepare(
      `UPDATE entities SET chain_seq = ?, chain_hash = ?, debit_total = debit_total + ?, quantity_total = quantity_total + ? WHERE id = ?`,
    );
  }

  /**
   * Appends one entry sealed with `hash` (hex, as the ledger computes it; stored as 32 bytes);
   * `totals` is what it adds to the fund's lifetime totals. Returns the entry's id.
   */
  insert(record: EntryRecord, hash: string, totals: FundTotals): number {
    const next = (this.next ??= this.nextIdsQuery.get() as { entry: number; line: number });
    const id = next.entry++;
    const { entityId, date } = record;
    this.entries.add([id, entityId, record.seq, record.kind, date, record.description, record.reversesId, record.recordedAt, record.recordedBy, Buffer.from(hash, 'hex')]);
    if (this.entries.rows === BATCH_ROWS) this.entries.write();
    for (const l of record.lines) {
      const lineId = next.line++;
      if (hasDimensions(l)) {
        this.lines.add([
          lineId, id, entityId, l.lineNo, l.accountId, date, l.amount, l.counterpartyId, l.campaignId, l.designation,
          l.bankAccountId, l.externalRef, l.currency, l.originalAmount, l.rate, l.quantity, l.unit, l.allocationLineId,
        ]);
      } else {
        this.plainLines.add([lineId, id, entityId, l.lineNo, l.accountId, date, l.amount]);
      }
      if (this.lines.rows === BATCH_ROWS || this.plainLines.rows === BATCH_ROWS) this.writeRows();
      this.addDayTotal(l.accountId, date, l.amount);
    }
    for (const m of record.memos) {
      this.memos.add([id, entityId, m.lineNo, m.accountId, date, m.quantity, m.unit, m.item]);
      if (this.memos.rows === BATCH_ROWS) this.writeRows();
    }
    this.head = { seq: record.seq, hash };
    this.addedDebits += totals.debits;
    this.addedQuantities += totals.quantities;
    return id;
  }

  private addDayTotal(accountId: number, date: string, amount: bigint): void {
    let days = this.pending.get(accountId);
    if (!days) {
      days = new Map();
      this.pending.set(accountId, days);
    }
    let total = days.get(date);
    if (!total) {
      total = { debit: 0n, credit: 0n };
      days.set(date, total);
    }
    if (amount > 0n) total.debit += amount;
    else total.credit -= amount;
  }

  /** Writes the gathered rows, entries first: lines and memos refer to them. */
  private writeRows(): void {
    this.entries.write();
    this.plainLines.write();
    this.lines.write();
    this.memos.write();
  }

  /** Writes everything gathered: rows, day totals and the fund's chain head. */
  flush(): void {
    this.writeRows();
    this.next = null;
    for (const [accountId, days] of this.pending) {
      for (const [date, t] of days) {
        this.dayTotals.add([this.entityId, accountId, date, t.debit, t.credit]);
        if (this.dayTotals.rows === BATCH_ROWS) this.dayTotals.write();
      }
    }
    this.dayTotals.write();
    this.pending.clear();
    if (this.head) this.headUpdate.run(this.head.seq, this.head.hash, this.addedDebits, this.addedQuantities, this.entityId);
    this.head = null;
    this.addedDebits = 0n;
    this.addedQuantities = 0n;
  }
}

/** Most lines carry no dimension; they take a shorter statement. */
function hasDimensions(l: ChainLine): boolean {
  return (
    l.counterpartyId !== null || l.campaignId !== null || l.designation !== null || l.bankAccountId !== null ||
    l.externalRef !== null || l.currency !== null || l.quantity !== null || l.unit !== null || l.allocationLineId !== null
  );
}

interface EntryHeaderRow {
  id: number;
  seq: number;
  kind: EntryKind;
  date: string;
  description: string;
  reverses_id: number | null;
  reversed_by: number | null;
  reverses_seq: number | null;
  reversed_by_seq: number | null;
  recorded_at: string;
  recorded_by: string;
  hash: string;
}

export function findEntry(sqlite: Database.Database, entityId: number, id: number): StoredEntry | undefined {
  const header = sqlite
    .prepare(
      `SELECT e.id, e.seq, e.kind, e.date, e.description, e.reverses_id, r.id AS reversed_by, o.seq AS reverses_seq, r.seq AS reversed_by_seq,
              e.recorded_at, e.recorded_by, lower(hex(e.hash)) AS hash
       FROM entries e LEFT JOIN entries r ON r.reverses_id = e.id LEFT JOIN entries o ON o.id = e.reverses_id
       WHERE e.entity_id = ? AND e.id = ?`,
    )
    .get(entityId, id) as EntryHeaderRow | undefined;
  if (!header) return undefined;
  const lines = sqlite
    .prepare(
      `SELECT l.line_no, a.code AS account, l.amount, l.currency, l.original_amount, l.rate, l.quantity, l.unit,
              l.designation, l.external_ref, cp.kind AS cp_kind, cp.name AS cp_name, cp.address AS cp_address,
              c.code AS campaign, b.number AS bank_account, d.number AS allocation_decision, al.line_no AS allocation_line
       FROM entry_lines l JOIN accounts a ON a.id = l.account_id
       LEFT JOIN allocation_lines al ON al.id = l.allocation_line_id
       LEFT JOIN allocation_decisions d ON d.id = al.decision_id
       LEFT JOIN counterparties cp ON cp.id = l.counterparty_id
       LEFT JOIN campaigns c ON c.id = l.campaign_id
       LEFT JOIN bank_accounts b ON b.id = l.bank_account_id
       WHERE l.entry_id = ? ORDER BY l.line_no`,
    )
    .safeIntegers(true)
    .all(id) as Record<string, unknown>[];
  const memos = sqlite
    .prepare(
      `SELECT m.line_no, a.code AS account, m.quantity, m.unit, m.item FROM entry_memos m JOIN accounts a ON a.id = m.account_id
       WHERE m.entry_id = ? ORDER BY m.line_no`,
    )
    .safeIntegers(true)
    .all(id) as Record<string, unknown>[];
  return {
    id: header.id,
    seq: header.seq,
    kind: header.kind,
    date: header.date,
    description: header.description,
    reversesId: header.reverses_id,
    reversedById: header.reversed_by,
    reversesSeq: header.reverses_seq,
    reversedBySeq: header.reversed_by_seq,
    recordedAt: header.recorded_at,
    recordedBy: header.recorded_by,
    hash: header.hash,
    lines: lines.map(toLine),
    memos: memos.map(
      (m): Memo => ({ lineNo: Number(m.line_no), account: String(m.account), quantity: m.quantity as bigint, unit: String(m.unit), item: (m.item as string | null) ?? null }),
    ),
  };
}

function toLine(row: Record<string, unknown>): Line {
  const optional = (value: unknown): string | undefined => (value === null ? undefined : String(value));
  const campaign = optional(row.campaign);
  const designation = optional(row.designation);
  const bankAccount = optional(row.bank_account);
  const externalRef = optional(row.external_ref);
  return {
    lineNo: Number(row.line_no),
    account: String(row.account),
    amount: row.amount as bigint,
    currency: (row.currency as string | null) ?? null,
    originalAmount: (row.original_amount as bigint | null) ?? null,
    rate: (row.rate as string | null) ?? null,
    quantity: (row.quantity as bigint | null) ?? null,
    unit: (row.unit as string | null) ?? null,
    ...(row.cp_kind !== null && {
      counterparty: {
        kind: row.cp_kind as NonNullable<Line['counterparty']>['kind'],
        name: String(row.cp_name),
        ...(row.cp_address !== '' && { address: String(row.cp_address) }),
      },
    }),
    ...(campaign !== undefined && { campaign }),
    ...(designation !== undefined && { designation }),
    ...(bankAccount !== undefined && { bankAccount }),
    ...(externalRef !== undefined && { externalRef }),
    ...(row.allocation_decision !== null && { allocation: { decision: String(row.allocation_decision), line: Number(row.allocation_line) } }),
  };
}

/** Closing entries of a year that still stand (not yet reversed), in posting order. */
export function listClosingEntryIds(sqlite: Database.Database, entityId: number, year: number): number[] {
  return (
    sqlite
      .prepare(
        `SELECT e.id FROM entries e WHERE e.entity_id = ? AND e.kind = 'closing' AND e.date BETWEEN ? AND ?
           AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses_id = e.id) ORDER BY e.seq`,
      )
      .all(entityId, `${year}-01-01`, `${year}-12-31`) as { id: number }[]
  ).map((r) => r.id);
}

export function findEntryIdBySeq(sqlite: Database.Database, entityId: number, seq: number): number | undefined {
  return sqlite.prepare('SELECT id FROM entries WHERE entity_id = ? AND seq = ?').pluck().get(entityId, seq) as number | undefined;
}

/** The hash (hex) the fund's chain had at sequence `seq`. */
export function findEntryHashBySeq(sqlite: Database.Database, entityId: number, seq: number): string | undefined {
  return sqlite.prepare('SELECT lower(hex(hash)) FROM entries WHERE entity_id = ? AND seq = ?').pluck().get(entityId, seq) as string | undefined;
}

export interface EntryFilter {
  readonly from?: string;
  readonly to?: string;
  readonly kind?: EntryKind;
  /** An account code: entries with a line on it or on any of its sub-accounts. */
  readonly account?: string;
  readonly campaign?: string;
  /** Part of a counterparty's name. */
  readonly counterparty?: string;
  readonly afterSeq?: number;
  readonly limit: number;
}

/** The ids of a fund's entries matching the filter, in sequence order from `afterSeq`. */
export function listEntryIds(sqlite: Database.Database, entityId: number, filter: EntryFilter): number[] {
  const where = ['e.entity_id = @entityId', 'e.seq > @afterSeq'];
  if (filter.from !== undefined) where.push('e.date >= @from');
  if (filter.to !== undefined) where.push('e.date <= @to');
  if (filter.kind !== undefined) where.push('e.kind = @kind');
  const lineConditions: string[] = [];
  if (filter.account !== undefined) lineConditions.push("l.account_id IN (SELECT id FROM accounts WHERE entity_id = @entityId AND code LIKE @account || '%')");
  if (filter.campaign !== undefined) lineConditions.push('l.campaign_id IN (SELECT id FROM campaigns WHERE entity_id = @entityId AND code = @campaign)');
  if (filter.counterparty !== undefined) {
    lineConditions.push("l.counterparty_id IN (SELECT id FROM counterparties WHERE entity_id = @entityId AND instr(lower(name), lower(@counterparty)) > 0)");
  }
  if (lineConditions.length > 0) where.push(`EXISTS (SELECT 1 FROM entry_lines l WHERE l.entry_id = e.id AND ${lineConditions.join(' AND ')})`);
  const rows = sqlite
    .prepare(`SELECT e.id FROM entries e WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT @limit`)
    .all({
      entityId,
      afterSeq: filter.afterSeq ?? 0,
      limit: filter.limit,
      from: filter.from ?? null,
      to: filter.to ?? null,
      kind: filter.kind ?? null,
      account: filter.account ?? null,
      campaign: filter.campaign ?? null,
      counterparty: filter.counterparty ?? null,
    }) as { id: number }[];
  return rows.map((r) => r.id);
}

export function entrySeqOf(sqlite: Database.Database, id: number): number | undefined {
  return sqlite.prepare('SELECT seq FROM entries WHERE id = ?').pluck().get(id) as number | undefined;
}
