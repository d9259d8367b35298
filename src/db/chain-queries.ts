/**
 * Streaming a fund's posted entries exactly as stored, for the chain check. The rows may
 * have been edited outside the application, so nothing read is trusted to have its type:
 * every hashed column is checked with typeof() in SQL first, an entry with a value of the
 * wrong type, or a line whose account is gone, comes back marked as malformed instead of
 * being converted, and no BLOB reaches SQLite's JSON functions, which refuse them.
 */
import type Database from 'better-sqlite3';
import type { EntryKind } from '../ledger/entry.js';
import type { MalformedChainEntry, MalformedRow, StoredChainEntry } from '../ledger/hash-chain.js';

/** The storage class a stored column holds; `?` allows null as well. */
type Storage = 'integer' | 'text' | 'integer?' | 'text?';

const ENTRY_COLUMNS: Readonly<Record<string, Storage>> = {
  seq: 'integer', kind: 'text', date: 'text', description: 'text', reverses_id: 'integer?', recorded_at: 'text', recorded_by: 'text',
};
const LINE_COLUMNS: Readonly<Record<string, Storage>> = {
  line_no: 'integer', amount: 'integer', counterparty_id: 'integer?', campaign_id: 'integer?', designation: 'text?', bank_account_id: 'integer?',
  external_ref: 'text?', currency: 'text?', original_amount: 'integer?', rate: 'text?', quantity: 'integer?', unit: 'text?',
  allocation_line_id: 'integer?',
};
const MEMO_COLUMNS: Readonly<Record<string, Storage>> = { line_no: 'integer', quantity: 'integer', unit: 'text', item: 'text?' };

/**
 * SQL naming the first column of `alias` that does not hold its storage class, with what it
 * holds ("amount holds real 1.25e+19"), or NULL when every column does. With `account`,
 * the row's account must also exist and have a code.
 */
function firstMistyped(alias: string, columns: Readonly<Record<string, Storage>>, account?: string): string {
  const whens = Object.entries(columns).map(([column, storage]) => {
    const ref = `${alias}.${column}`;
    const allowed = storage.endsWith('?') ? `'${storage.slice(0, -1)}', 'null'` : `'${storage}'`;
    return `WHEN typeof(${ref}) NOT IN (${allowed}) THEN '${column} holds ' || typeof(${ref}) || iif(${ref} IS NULL, '', ' ' || substr(quote(${ref}), 1, 40))`;
  });
  if (account) whens.push(`WHEN typeof(${account}.code) <> 'text' THEN 'account_id ' || substr(quote(${alias}.account_id), 1, 40) || ' names no account'`);
  return `CASE ${whens.join(' ')} END`;
}

/** A column as JSON may carry it: a BLOB, which json_array refuses, becomes null (and is reported as mistyped). */
const jsonSafe = (ref: string): string => `iif(typeof(${ref}) = 'blob', NULL, ${ref})`;
const asText = (ref: string): string => `CAST(${ref} AS TEXT)`;

const CHAIN_SQL = `
  SELECT e.id, e.seq, e.kind, e.date, e.description, e.reverses_id, e.recorded_at, e.recorded_by, lower(hex(e.hash)) AS hash,
    ${firstMistyped('e', ENTRY_COLUMNS)} AS problem,
    (SELECT json_group_array(json_array(l.id, ${jsonSafe('l.line_no')}, ${jsonSafe('a.code')}, ${asText('l.amount')},
        ${['l.counterparty_id', 'l.campaign_id', 'l.designation', 'l.bank_account_id', 'l.external_ref', 'l.currency'].map(jsonSafe).join(', ')},
        ${asText('l.original_amount')}, ${jsonSafe('l.rate')}, ${asText('l.quantity')}, ${jsonSafe('l.unit')}, ${jsonSafe('l.allocation_line_id')},
        ${firstMistyped('l', LINE_COLUMNS, 'a')}) ORDER BY l.line_no)
     FROM entry_lines l LEFT JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = e.id) AS lines,
    (SELECT json_group_array(json_array(m.id, ${jsonSafe('m.line_no')}, ${jsonSafe('a.code')}, ${asText('m.quantity')}, ${jsonSafe('m.unit')},
        ${jsonSafe('m.item')}, ${firstMistyped('m', MEMO_COLUMNS, 'a')}) ORDER BY m.line_no)
     FROM entry_memos m LEFT JOIN accounts a ON a.id = m.account_id WHERE m.entry_id = e.id) AS memos
  FROM entries e WHERE e.entity_id = ? ORDER BY e.seq`;

/** A line as the query writes it: its rowid, its hashed columns, then what is mistyped in it, if anything. */
type JsonLine = [number, number, string, string, number | null, number | null, string | null, number | null, string | null, string | null, string | null, string | null, string | null, string | null, number | null, string | null];
type JsonMemo = [number, number, string, string, string, string | null, string | null];

const big = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

/** Streams a fund's entries in sequence order, exactly as stored, for the chain check. */
export function* iterateChain(sqlite: Database.Database, entityId: number): Generator<StoredChainEntry | MalformedChainEntry> {
  const rows = sqlite.prepare(CHAIN_SQL).iterate(entityId) as IterableIterator<Record<string, unknown>>;
  for (const row of rows) {
    const id = Number(row.id);
    const at = { id, seq: typeof row.seq === 'number' ? row.seq : null, date: typeof row.date === 'string' ? row.date : null };
    const lines = JSON.parse(String(row.lines)) as JsonLine[];
    const memos = JSON.parse(String(row.memos)) as JsonMemo[];
    const malformed = malformedRow(id, row.problem, lines, memos);
    if (malformed) {
      yield { ...at, malformed };
      continue;
    }
    yield {
      id,
      entityId,
      seq: Number(row.seq),
      kind: row.kind as EntryKind,
      date: String(row.date),
      description: String(row.description),
      reversesId: (row.reverses_id as number | null) ?? null,
      recordedAt: String(row.recorded_at),
      recordedBy: String(row.recorded_by),
      hash: String(row.hash),
      lines: lines.map(([, lineNo, account, amount, counterpartyId, campaignId, designation, bankAccountId, externalRef, currency, originalAmount, rate, quantity, unit, allocationLineId]) => ({
        lineNo, account, amount: BigInt(amount), counterpartyId, campaignId, designation, bankAccountId, externalRef,
        currency, originalAmount: big(originalAmount), rate, quantity: big(quantity), unit, allocationLineId,
      })),
      memos: memos.map(([, lineNo, account, quantity, unit, item]) => ({ lineNo, account, quantity: BigInt(quantity), unit, item })),
    };
  }
}

/** The entry's own row, else its first line, else its first memo, that holds a value of the wrong type. */
function malformedRow(id: number, problem: unknown, lines: readonly JsonLine[], memos: readonly JsonMemo[]): MalformedRow | undefined {
  if (problem !== null) return { table: 'entries', rowid: id, detail: String(problem) };
  const line = lines.find((l) => l[15] !== null);
  if (line) return { table: 'entry_lines', rowid: line[0], detail: String(line[15]) };
  const memo = memos.find((m) => m[6] !== null);
  if (memo) return { table: 'entry_memos', rowid: memo[0], detail: String(memo[6]) };
  return undefined;
}
