/**
 * Reading lines for the books: every line of a fund in (date, id) order — the order they
 * were posted within a day — optionally narrowed to accounts, a counterparty, a campaign,
 * a designation, a bank account or a currency, with what a book prints beside each line
 * (voucher number and date, the entry's text, the accounts on the other side).
 *
 * Lines come in pages of PAGE_SIZE by keyset on (date, id), each page one short read; the
 * entries of a page, with their vouchers and the accounts on each of their sides, are read
 * once per entry, not once per line. The connection is shared with the API, and an open
 * `.iterate()` would hold it for as long as a slow download takes; pages keep memory
 * bounded and let other requests in between.
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

/** The filter's terms other than its accounts, as SQL over `l`, each starting with AND. */
function narrowingOf(filter: LineFilter): Where {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
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
  return { sql: terms.map((term) => ` AND ${term}`).join(''), params };
}

/** The filter as SQL over `l`. */
function whereOf(filter: LineFilter): Where {
  const accounts = filter.accountIds ?? [];
  const narrowing = narrowingOf(filter);
  const account =
    accounts.length === 1 ? ' AND l.account_id = @account' : accounts.length > 1 ? ' AND l.account_id IN (SELECT value FROM json_each(@accounts))' : '';
  return {
    sql: `l.entity_id = @entity${account}${narrowing.sql}`,
    params: { ...narrowing.params, ...(accounts.length === 1 && { account: accounts[0] }), ...(accounts.length > 1 && { accounts: JSON.stringify(accounts) }) },
  };
}

/**
 * Whether the filter reads best through the covering (entity, account, date, id, amount)
 * index: whenever it names no counterparty, campaign or designation, whose own indexes are
 * narrower. Without statistics SQLite would take the journal's (entity, date, id) index for
 * a date range instead and visit every line of the fund, so the queries name the index.
 */
function byAccountIndex(filter: LineFilter): boolean {
  return filter.counterpartyId === undefined && filter.campaignId === undefined && filter.designation === undefined;
}

/**
 * A line's rarely filled columns as one JSON array, null on most lines: reading one null
 * costs as much as reading any value, and a book reads a million lines. The original
 * amount travels as text, exact whatever its size.
 */
const DIMENSIONS = `CASE WHEN l.counterparty_id IS NULL AND l.campaign_id IS NULL AND l.designation IS NULL AND l.currency IS NULL
                           AND l.original_amount IS NULL AND l.rate IS NULL THEN NULL
                         ELSE json_array(l.counterparty_id, l.campaign_id, l.designation, l.currency, CAST(l.original_amount AS TEXT), l.rate) END`;

/** Positions in a line row as read raw (an array is far cheaper to fetch than an object). */
const L = { id: 0, date: 1, entry: 2, account: 3, amount: 4, dimensions: 5 } as const;

type LineRow = [id: number, date: string, entryId: number, accountId: number, amount: number, dimensions: string | null];

type Dimensions = [counterpartyId: number | null, campaignId: number | null, designation: string | null, currency: string | null, originalAmount: string | null, rate: string | null];

const LINE_COLUMNS = `l.id AS id, l.date AS date, l.entry_id, l.account_id, l.amount, ${DIMENSIONS}`;
const AFTER = '(l.date, l.id) > (@afterDate, @afterId) AND l.date <= @to AND l.id <= @lastLine';

/**
 * A page of the filter's lines in (date, id) order. Lines of several accounts come one
 * index range per account, which SQLite merges in order (a compound SELECT's ORDER BY).
 */
function linesQuery(filter: LineFilter): Where {
  const accounts = filter.accountIds ?? [];
  if (accounts.length === 0 || !byAccountIndex(filter)) {
    const where = whereOf(filter);
    return { sql: `SELECT ${LINE_COLUMNS} FROM entry_lines l WHERE ${where.sql} AND ${AFTER} ORDER BY l.date, l.id LIMIT ${PAGE_SIZE}`, params: where.params };
  }
  const narrowing = narrowingOf(filter);
  const arms = accounts.map(
    (_, i) => `SELECT ${LINE_COLUMNS} FROM entry_lines l INDEXED BY entry_lines_balance
               WHERE l.entity_id = @entity AND l.account_id = @account${i}${narrowing.sql} AND ${AFTER}`,
  );
  return {
    sql: `${arms.join(' UNION ALL ')} ORDER BY date, id LIMIT ${PAGE_SIZE}`,
    params: { ...narrowing.params, ...Object.fromEntries(accounts.map((id, i) => [`account${i}`, id])) },
  };
}

/**
 * The entries of a page's lines with their vouchers, one lookup per entry rather than per
 * line; with `sides`, also the accounts of each entry's lines, credits negated ("40,-12"),
 * from which the contra accounts of all its lines are found at once. When the page's
 * entries are (nearly) all those between its first and last, as in the general journal,
 * they are read as that range, which costs less than looking up each.
 */
function entriesSql(sides: boolean, range: boolean): string {
  const accounts = sides ? ', (SELECT group_concat(IIF(l.amount < 0, -l.account_id, l.account_id)) FROM entry_lines l WHERE l.entry_id = e.id)' : '';
  return `SELECT e.id, e.seq, e.kind, e.description, v.number, v.date, v.type${accounts}
          FROM entries e LEFT JOIN vouchers v ON v.entry_id = e.id
          WHERE ${range ? 'e.id BETWEEN @first AND @last' : 'e.id IN (SELECT value FROM json_each(@ids))'}`;
}
const COUNTERPARTIES_SQL = `SELECT id, name FROM counterparties WHERE id IN (SELECT value FROM json_each(@ids))`;
const ACCOUNT_CODES_SQL = `SELECT id, code FROM accounts WHERE entity_id = @entity`;
const CAMPAIGN_CODES_SQL = `SELECT id, code FROM campaigns WHERE entity_id = @entity`;

type EntryInfo = readonly [
  id: number, seq: number, kind: BookLineRow['entryKind'], description: string,
  voucherNumber: string | null, voucherDate: string | null, voucherType: string | null, accounts?: string | null,
];

/** The accounts on the debit side and on the credit side of an entry, as a book prints them. */
type Sides = readonly [debit: string | null, credit: string | null];

const SUMS = `COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS debit,
              COALESCE(-SUM(CASE WHEN l.amount < 0 THEN l.amount END), 0) AS credit,
              COUNT(*) AS count,
              COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.original_amount END), 0) AS originalDebit,
              COALESCE(SUM(CASE WHEN l.amount < 0 THEN l.original_amount END), 0) AS originalCredit`;

/**
 * Sums before the range and within it; one pass over the index the filter picks. Sums in
 * the original currency only for a book of one foreign currency: without them the account
 * index holds everything the sums read.
 */
function rangeSumsSql(filter: LineFilter, where: string, originals: boolean): string {
  const original = originals
    ? `COALESCE(SUM(CASE WHEN l.date < @from THEN SIGN(l.amount) * l.original_amount END), 0) AS originalOpening,
       COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.original_amount END), 0) AS originalDebit,
       COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN l.original_amount END), 0) AS originalCredit,`
    : '';
  return `SELECT ${original}
                 COALESCE(SUM(CASE WHEN l.date < @from THEN l.amount END), 0) AS opening,
                 COALESCE(SUM(CASE WHEN l.date >= @from AND l.amount > 0 THEN l.amount END), 0) AS debit,
                 COALESCE(-SUM(CASE WHEN l.date >= @from AND l.amount < 0 THEN l.amount END), 0) AS credit,
                 COALESCE(SUM(CASE WHEN l.date >= @from THEN 1 END), 0) AS count
          FROM entry_lines l${byAccountIndex(filter) ? ' INDEXED BY entry_lines_balance' : ''} WHERE ${where} AND l.date <= @to AND l.id <= @lastLine`;
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

  /**
   * A statement of this book, its rows as objects with integers as bigint, or as `arrays` with
   * integers as numbers, the fastest form. The modes are set at each use: the connection may
   * hand the same compiled statement to another reader in between.
   */
  private statement(sql: string, rows: 'objects' | 'arrays' = 'objects'): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return rows === 'arrays' ? statement.raw(true).safeIntegers(false) : statement.raw(false).safeIntegers(true);
  }

  /**
   * Opening balance (lines before `from`, and opening entries within the range, which
   * carry balances rather than movements) and the debits and credits of the range. The
   * sums in the original currency are those of a book of one foreign currency, zero for
   * any other filter.
   */
  totals(entity: number, filter: LineFilter, range: { from: string; to: string }): LineTotals {
    const where = whereOf(filter);
    const originals = filter.currency !== undefined && filter.currency !== 'VND';
    const params = { entity, ...range, ...where.params, lastLine: this.snapshot.lastLine };
    const all = this.statement(rangeSumsSql(filter, where.sql, originals)).get(params) as Record<string, bigint>;
    const opening = this.statement(openingSumsSql(where.sql)).get(params) as Record<string, bigint>;
    const [debit, credit] = [opening.debit ?? 0n, opening.credit ?? 0n];
    const [originalDebit, originalCredit] = originals ? [opening.originalDebit ?? 0n, opening.originalCredit ?? 0n] : [0n, 0n];
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
    const sides = sidesReader(accounts);
    const query = linesQuery(filter);
    const statement = this.statement(query.sql, 'arrays');
    const key = (row: LineRow) => [row[L.date], row[L.id]];
    for (const page of pages(statement, { entity, to: range.to, ...query.params, lastLine: this.snapshot.lastLine }, range.from, key)) {
      const entries = this.entriesOf(page, range.contra ?? false);
      const dimensions = page.map((row) => {
        const text = row[L.dimensions];
        return text === null ? null : (JSON.parse(text) as Dimensions);
      });
      const parties = this.lookup(COUNTERPARTIES_SQL, dimensions.map((d) => d?.[0] ?? null));
      for (const [index, row] of page.entries()) {
        const entry = entries.get(row[L.entry]);
        if (!entry || entry[2] === 'opening') continue;
        const amount = minor(row[L.amount], row[L.id]);
        const [counterparty, campaign, designation, currency, original, rate] = dimensions[index] ?? NO_DIMENSIONS;
        yield {
          id: row[L.id],
          date: row[L.date],
          entrySeq: entry[1],
          entryKind: entry[2],
          description: entry[3],
          voucherNumber: entry[4],
          voucherDate: entry[5],
          voucherType: entry[6],
          account: accounts.get(row[L.account]) ?? '',
          amount,
          counterparty: counterparty === null ? null : (parties.get(counterparty) ?? null),
          campaign: campaign === null ? null : (campaigns.get(campaign) ?? null),
          designation,
          currency,
          originalAmount: original === null ? null : BigInt(original),
          rate,
          // A line's contra accounts are those on the other side of its entry.
          contra: entry[7] ? sides(entry[7])[amount < 0n ? 0 : 1] : null,
        };
      }
    }
  }

  /** Id → code of a fund's accounts or campaigns: few, read once per book. */
  private codes(sql: string, entity: number): Map<number, string> {
    return new Map(this.statement(sql, 'arrays').all({ entity }) as [number, string][]);
  }

  private lookup(sql: string, ids: readonly (number | null)[]): Map<number, string> {
    const wanted = [...new Set(ids.filter((id) => id !== null))];
    if (wanted.length === 0) return new Map();
    return new Map(this.statement(sql, 'arrays').all({ ids: JSON.stringify(wanted) }) as [number, string][]);
  }

  private entriesOf(page: readonly LineRow[], sides: boolean): Map<number, EntryInfo> {
    const ids = [...new Set(page.map((r) => r[L.entry]))];
    let first = Infinity;
    let last = 0;
    for (const id of ids) {
      if (id < first) first = id;
      if (id > last) last = id;
    }
    const range = last - first < ids.length * 1.25;
    const rows = this.statement(entriesSql(sides, range), 'arrays').all(range ? { first, last } : { ids: JSON.stringify(ids) }) as EntryInfo[];
    return new Map(rows.map((r) => [r[0], r]));
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

const NO_DIMENSIONS: Dimensions = [null, null, null, null, null, null];

/** An amount read as a number, which holds every amount the rules let in (at most 10^15) exactly. */
function minor(amount: number, lineId: number): bigint {
  if (!Number.isSafeInteger(amount)) throw new Error(`entry line ${lineId} holds ${amount}, which no posting can make`);
  return BigInt(amount);
}

/**
 * The sides of an entry from the accounts of its lines ("40,-12"): the codes on each side,
 * distinct and in order, as "1111, 5111", null for a side without lines. Entries repeat the
 * same few combinations, so each is worked out once per book.
 */
function sidesReader(codes: ReadonlyMap<number, string>): (accounts: string) => Sides {
  const known = new Map<string, Sides>();
  const listed = (ids: number[]): string | null => (ids.length === 0 ? null : [...new Set(ids.map((id) => codes.get(id) ?? ''))].sort().join(', '));
  return (accounts) => {
    let sides = known.get(accounts);
    if (!sides) {
      const ids = accounts.split(',').map(Number);
      sides = [listed(ids.filter((id) => id > 0)), listed(ids.filter((id) => id < 0).map((id) => -id))];
      // A fund whose entries rarely repeat must not fill memory.
      if (known.size >= 10_000) known.clear();
      known.set(accounts, sides);
    }
    return sides;
  };
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
