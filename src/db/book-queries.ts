/**
 * Reading lines for the books: every line of a fund in (date, id) order — the order they
 * were posted within a day — optionally narrowed to accounts, a counterparty, a campaign,
 * a designation, a bank account or a currency, with what a book prints beside each line
 * (voucher number and date, the entry's text, the accounts on the other side).
 *
 * Lines come in pages of PAGE_SIZE by keyset on (date, id), each page one short read. The
 * connection is shared with the API, and an open `.iterate()` would hold it for as long as
 * a slow download takes; pages keep memory bounded and let other requests in between.
 */
import type Database from 'better-sqlite3';

const PAGE_SIZE = 4096;

/** Which lines a book takes. Every field narrows; none gives the whole journal. */
export interface LineFilter {
  readonly accountIds?: readonly number[];
  readonly counterpartyId?: number;
  readonly campaignId?: number;
  readonly designation?: string;
  readonly bankAccountId?: number;
  /** Lines in this foreign currency; 'VND' for lines without one. */
  readonly currency?: string;
}

export interface BookLineRow {
  readonly id: number;
  readonly date: string;
  readonly entrySeq: number;
  readonly entryKind: 'regular' | 'opening' | 'reversal' | 'closing';
  readonly description: string;
  readonly voucherNumber: string | null;
  readonly voucherDate: string | null;
  readonly voucherType: string | null;
  readonly account: string;
  /** VND, debit positive. */
  readonly amount: bigint;
  readonly counterparty: string | null;
  readonly campaign: string | null;
  readonly designation: string | null;
  readonly currency: string | null;
  /** Minor units of the currency, unsigned. */
  readonly originalAmount: bigint | null;
  readonly rate: string | null;
  /** The accounts on the other side of the entry, comma-separated, when asked for. */
  readonly contra: string | null;
}

export interface LineTotals {
  /** Net debit of the lines before the range, and of opening entries within it. */
  readonly opening: bigint;
  readonly debit: bigint;
  readonly credit: bigint;
  readonly count: number;
  /** The same in the lines' original currency (for a foreign-currency book). */
  readonly originalOpening: bigint;
  readonly originalDebit: bigint;
  readonly originalCredit: bigint;
}

interface Where {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/** The filter as SQL over `l`, written so the narrowest index applies. */
function whereOf(filter: LineFilter): Where {
  const terms: string[] = ['l.entity_id = @entity'];
  const params: Record<string, unknown> = {};
  const accounts = filter.accountIds ?? [];
  if (accounts.length === 1) {
    terms.push('l.account_id = @account');
    params.account = accounts[0];
  } else if (accounts.length > 1) {
    terms.push('l.account_id IN (SELECT value FROM json_each(@accounts))');
    params.accounts = JSON.stringify(accounts);
  }
  if (filter.counterpartyId !== undefined) {
    terms.push('l.counterparty_id = @counterparty');
    params.counterparty = filter.counterpartyId;
  }
  if (filter.campaignId !== undefined) {
    terms.push('l.campaign_id = @campaign');
    params.campaign = filter.campaignId;
  }
  if (filter.designation !== undefined) {
    terms.push('l.designation = @designation');
    params.designation = filter.designation;
  }
  if (filter.bankAccountId !== undefined) {
    terms.push('l.bank_account_id = @bankAccount');
    params.bankAccount = filter.bankAccountId;
  }
  if (filter.currency !== undefined) {
    terms.push(filter.currency === 'VND' ? 'l.currency IS NULL' : 'l.currency = @currency');
    if (filter.currency !== 'VND') params.currency = filter.currency;
  }
  return { sql: terms.join(' AND '), params };
}


/** Positions in a line row as read raw (an array is far cheaper to fetch than an object). */
const L = { id: 0, date: 1, entry: 2, account: 3, amount: 4, counterparty: 5, campaign: 6, designation: 7, currency: 8, original: 9, rate: 10, contra: 11 } as const;

/** The accounts on the other side of a line's entry, found through the entry's own index. */
const CONTRA = `(SELECT group_concat(code, ', ') FROM (SELECT DISTINCT a2.code FROM entry_lines l2 JOIN accounts a2 ON a2.id = l2.account_id
                 WHERE l2.entry_id = l.entry_id AND (l2.amount < 0) <> (l.amount < 0) ORDER BY a2.code))`;

function linesSql(where: string, contra: boolean): string {
  return `SELECT l.id, l.date, l.entry_id, l.account_id, l.amount, l.counterparty_id, l.campaign_id, l.designation, l.currency,
                 l.original_amount, l.rate, ${contra ? CONTRA : 'NULL'}
          FROM entry_lines l
          WHERE ${where} AND (l.date, l.id) > (@afterDate, @afterId) AND l.date <= @to AND l.id <= @lastLine
          ORDER BY l.date, l.id LIMIT ${PAGE_SIZE}`;
}

/** The entries of a page's lines with their vouchers, one lookup per entry rather than per line. */
const ENTRIES_SQL = `SELECT e.id, e.seq, e.kind, e.description, v.number, v.date, v.type
                     FROM entries e LEFT JOIN vouchers v ON v.entry_id = e.id
                     WHERE e.id IN (SELECT value FROM json_each(@ids))`;
const COUNTERPARTIES_SQL = `SELECT id, name FROM counterparties WHERE id IN (SELECT value FROM json_each(@ids))`;
const ACCOUNT_CODES_SQL = `SELECT id, code FROM accounts WHERE entity_id = @entity`;
const CAMPAIGN_CODES_SQL = `SELECT id, code FROM campaigns WHERE entity_id = @entity`;

type EntryInfo = readonly [seq: number, kind: BookLineRow['entryKind'], description: string, voucherNumber: string | null, voucherDate: string | null, voucherType: string | null];

const SUMS = `COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS debit,
              COALESCE(-SUM(CASE WHEN l.amount < 0 THEN l.amount END), 0) AS credit,
              COUNT(*) AS count,
              COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.original_amount END), 0) AS originalDebit,
              COALESCE(SUM(CASE WHEN l.amount < 0 THEN l.original_amount END), 0) AS originalCredit`;

/** Sums before the range and within it; one pass over the index the filter picks. */
function rangeSumsSql(where: string): string {
  return `SELECT COALESCE(SUM(CASE WHEN l.date < @from THEN l.amount END), 0) AS opening,
                 COALESCE(SUM(CASE WHEN l.date < @from THEN SIGN(l.amount) * l.original_amount END), 0) AS originalOpening,
                 COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.amount END), 0) AS debit,
                 COALESCE(-SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN l.amount END), 0) AS credit,
                 COALESCE(SUM(CASE WHEN l.date >= @from THEN 1 END), 0) AS count,
                 COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.original_amount END), 0) AS originalDebit,
                 COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN l.original_amount END), 0) AS originalCredit
          FROM entry_lines l WHERE ${where} AND l.date <= @to AND l.id <= @lastLine`;
}

/**
 * The lines of opening entries within the range: few, found through their own partial
 * index, whose condition the query repeats so that SQLite may use it.
 */
function openingSumsSql(where: string): string {
  return `SELECT ${SUMS} FROM entries e JOIN entry_lines l ON l.entry_id = e.id
          WHERE e.entity_id = @entity AND e.kind = 'opening' AND e.kind IN ('opening', 'closing')
                AND e.date BETWEEN @from AND @to AND ${where} AND l.id <= @lastLine`;
}

/** The VND of the on-balance line a memo came with: the currency's money line, or the goods line of its unit and quantity. */
const MEMO_VALUE = `COALESCE(
  (SELECT ABS(SUM(l.amount)) FROM entry_lines l WHERE l.entry_id = m.entry_id AND l.currency = m.unit),
  (SELECT ABS(l.amount) FROM entry_lines l WHERE l.entry_id = m.entry_id AND l.unit = m.unit AND l.quantity = ABS(m.quantity) ORDER BY l.line_no LIMIT 1))`;

const MEMOS_SQL = `SELECT m.id, m.date, e.seq AS entrySeq, e.description, v.number AS voucherNumber, v.date AS voucherDate, m.item, m.unit, m.quantity,
                          ${MEMO_VALUE} AS value
                   FROM entry_memos m JOIN entries e ON e.id = m.entry_id LEFT JOIN vouchers v ON v.entry_id = m.entry_id
                   WHERE m.entity_id = @entity AND m.account_id = @account AND (m.date, m.id) > (@afterDate, @afterId) AND m.date <= @to AND m.id <= @lastMemo
                   ORDER BY m.date, m.id LIMIT ${PAGE_SIZE}`;

const MEMO_SUMS_SQL = `SELECT item, unit,
         COALESCE(SUM(CASE WHEN date < @from THEN quantity END), 0) AS opening,
         COALESCE(SUM(CASE WHEN date < @from THEN SIGN(quantity) * value END), 0) AS openingValue,
         COALESCE(SUM(CASE WHEN date >= @from AND quantity > 0 THEN quantity END), 0) AS "in",
         COALESCE(SUM(CASE WHEN date >= @from AND quantity > 0 THEN value END), 0) AS inValue,
         COALESCE(-SUM(CASE WHEN date >= @from AND quantity < 0 THEN quantity END), 0) AS "out",
         COALESCE(SUM(CASE WHEN date >= @from AND quantity < 0 THEN value END), 0) AS outValue,
         COALESCE(SUM(CASE WHEN date >= @from THEN 1 END), 0) AS count
       FROM (SELECT m.date, m.item, m.unit, m.quantity, ${MEMO_VALUE} AS value FROM entry_memos m
             WHERE m.entity_id = @entity AND m.account_id = @account AND m.date <= @to AND m.id <= @lastMemo)
       GROUP BY item, unit`;

export interface MemoRow {
  readonly date: string;
  readonly entrySeq: number;
  readonly description: string;
  readonly voucherNumber: string | null;
  readonly voucherDate: string | null;
  readonly item: string | null;
  readonly unit: string;
  /** In positive, out negative. */
  readonly quantity: bigint;
  /** VND, unsigned. */
  readonly value: bigint | null;
}

export interface MemoSums {
  readonly item: string | null;
  readonly unit: string;
  readonly opening: bigint;
  readonly openingValue: bigint;
  readonly in: bigint;
  readonly inValue: bigint;
  readonly out: bigint;
  readonly outValue: bigint;
  readonly count: number;
}

/**
 * One book's reads. Posted lines and memos are never changed or deleted, only added, so the
 * last ids at construction make a snapshot: the totals and the lines read page by page
 * afterwards agree even while other requests post in between.
 */
export class BookQueries {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly snapshot: { readonly lastLine: number; readonly lastMemo: number };

  constructor(private readonly sqlite: Database.Database) {
    const last = sqlite.prepare('SELECT (SELECT COALESCE(MAX(id), 0) FROM entry_lines) AS lastLine, (SELECT COALESCE(MAX(id), 0) FROM entry_memos) AS lastMemo');
    this.snapshot = last.get() as { lastLine: number; lastMemo: number };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql).safeIntegers(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Opening balance (lines before `from`, and opening entries within the range, which
   * carry balances rather than movements) and the debits and credits of the range.
   */
  totals(entity: number, filter: LineFilter, range: { from: string; to: string }): LineTotals {
    const where = whereOf(filter);
    const params = { entity, ...range, ...where.params, lastLine: this.snapshot.lastLine };
    const all = this.statement(rangeSumsSql(where.sql)).get(params) as Record<string, bigint>;
    const opening = this.statement(openingSumsSql(where.sql)).get(params) as Record<string, bigint>;
    const [debit, credit] = [opening.debit ?? 0n, opening.credit ?? 0n];
    const [originalDebit, originalCredit] = [opening.originalDebit ?? 0n, opening.originalCredit ?? 0n];
    return {
      opening: (all.opening ?? 0n) + debit - credit,
      debit: (all.debit ?? 0n) - debit,
      credit: (all.credit ?? 0n) - credit,
      count: Number((all.count ?? 0n) - (opening.count ?? 0n)),
      originalOpening: (all.originalOpening ?? 0n) + originalDebit - originalCredit,
      originalDebit: (all.originalDebit ?? 0n) - originalDebit,
      originalCredit: (all.originalCredit ?? 0n) - originalCredit,
    };
  }

  /**
   * The lines of the range in posting order, page by page, leaving out opening entries
   * (their amounts are in the opening balance). `contra` adds the other side's accounts.
   */
  *lines(entity: number, filter: LineFilter, range: { from: string; to: string; contra?: boolean }): Generator<BookLineRow> {
    const accounts = this.codes(ACCOUNT_CODES_SQL, entity);
    const campaigns = this.codes(CAMPAIGN_CODES_SQL, entity);
    const where = whereOf(filter);
    const statement = this.statement(linesSql(where.sql, range.contra ?? false)).raw(true);
    const key = (row: unknown[]) => [row[L.date], row[L.id]];
    for (const page of pages(statement, { entity, to: range.to, ...where.params, lastLine: this.snapshot.lastLine }, range.from, key)) {
      const entries = this.entriesOf(page);
      const parties = this.lookup(COUNTERPARTIES_SQL, page.map((r) => r[L.counterparty]));
      for (const row of page) {
        const entry = entries.get(Number(row[L.entry]));
        if (!entry || entry[1] === 'opening') continue;
        yield {
          id: Number(row[L.id]),
          date: row[L.date] as string,
          entrySeq: entry[0],
          entryKind: entry[1],
          description: entry[2],
          voucherNumber: entry[3],
          voucherDate: entry[4],
          voucherType: entry[5],
          account: accounts.get(Number(row[L.account])) ?? '',
          amount: row[L.amount] as bigint,
          counterparty: row[L.counterparty] === null ? null : (parties.get(Number(row[L.counterparty])) ?? null),
          campaign: row[L.campaign] === null ? null : (campaigns.get(Number(row[L.campaign])) ?? null),
          designation: row[L.designation] as string | null,
          currency: row[L.currency] as string | null,
          originalAmount: row[L.original] as bigint | null,
          rate: row[L.rate] as string | null,
          contra: row[L.contra] as string | null,
        };
      }
    }
  }

  /** Id → code of a fund's accounts or campaigns: few, read once per book. */
  private codes(sql: string, entity: number): Map<number, string> {
    const rows = this.statement(sql).raw(true).all({ entity }) as [bigint, string][];
    return new Map(rows.map(([id, code]) => [Number(id), code]));
  }

  private lookup(sql: string, ids: readonly unknown[]): Map<number, string> {
    const wanted = [...new Set(ids.filter((id) => id !== null).map(Number))];
    if (wanted.length === 0) return new Map();
    const rows = this.statement(sql).raw(true).all({ ids: JSON.stringify(wanted) }) as [bigint, string][];
    return new Map(rows.map(([id, name]) => [Number(id), name]));
  }

  private entriesOf(page: readonly unknown[][]): Map<number, EntryInfo> {
    const ids = [...new Set(page.map((r) => Number(r[L.entry])))];
    const rows = this.statement(ENTRIES_SQL).raw(true).all({ ids: JSON.stringify(ids) }) as unknown[][];
    return new Map(rows.map((r) => [Number(r[0]), [Number(r[1]), r[2], r[3], r[4], r[5], r[6]] as unknown as EntryInfo]));
  }


  /** Per item and unit on an off-balance account: held before the range, in and out within it. */
  memoSums(entity: number, account: number, range: { from: string; to: string }): MemoSums[] {
    return (this.statement(MEMO_SUMS_SQL).all({ entity, account, ...range, lastMemo: this.snapshot.lastMemo }) as Record<string, unknown>[]).map((r) => ({
      item: (r.item as string | null) ?? null,
      unit: r.unit as string,
      opening: r.opening as bigint,
      openingValue: r.openingValue as bigint,
      in: r.in as bigint,
      inValue: r.inValue as bigint,
      out: r.out as bigint,
      outValue: r.outValue as bigint,
      count: Number(r.count),
    }));
  }

  /** The memos on an off-balance account within the range, in posting order, page by page. */
  *memos(entity: number, account: number, range: { from: string; to: string }): Generator<MemoRow> {
    const memoPages = pages(this.statement(MEMOS_SQL), { entity, account, to: range.to, lastMemo: this.snapshot.lastMemo }, range.from, (row: Record<string, unknown>) => [row.date, row.id]);
    for (const page of memoPages) {
      for (const row of page) {
        yield {
          date: row.date as string,
          entrySeq: Number(row.entrySeq),
          description: row.description as string,
          voucherNumber: (row.voucherNumber as string | null) ?? null,
          voucherDate: (row.voucherDate as string | null) ?? null,
          item: (row.item as string | null) ?? null,
          unit: row.unit as string,
          quantity: row.quantity as bigint,
          value: (row.value as bigint | null) ?? null,
        };
      }
    }
  }

}

/** Pages of PAGE_SIZE rows of a statement ordered by (date, id), from `from` on; `key` reads a row's (date, id). */
function* pages<Row>(statement: Database.Statement, params: Record<string, unknown>, from: string, key: (row: Row) => readonly unknown[]): Generator<Row[]> {
  let after = { afterDate: from, afterId: 0 };
  for (;;) {
    const page = statement.all({ ...params, ...after }) as Row[];
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < PAGE_SIZE || last === undefined) return;
    const [date, id] = key(last);
    after = { afterDate: date as string, afterId: Number(id) };
  }
}
