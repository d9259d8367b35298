/**
 * What `verify` can find wrong with a fund's books, or with the database file that holds
 * them, as named checks. A problem names its check, the fund (none for damage to the file
 * as a whole), the first bad entry or row, how many the check found, and says in a
 * sentence what is wrong. The stored rows are read by src/db/integrity-queries.ts without
 * trusting their types; this module only judges what was read.
 */
import type { ChainHead, ChainReport, StoredChainEntry } from './hash-chain.js';

/** Every check, in the order a report lists its problems; `migration_refused` comes only from opening the store. */
export const INTEGRITY_CHECKS = [
  'file_corrupt',
  'migration_refused',
  'constraint_failed',
  'trigger_missing',
  'trigger_altered',
  'foreign_key_broken',
  'sequence_gap',
  'hash_mismatch',
  'head_mismatch',
  'entry_malformed',
  'entry_unbalanced',
  'day_total_not_integer',
  'day_total_mismatch',
  'fund_totals_mismatch',
] as const;

export type IntegrityCheck = (typeof INTEGRITY_CHECKS)[number];

export interface IntegrityProblem {
  readonly check: IntegrityCheck;
  /** The fund's code; null for damage to the file as a whole. */
  readonly entity: string | null;
  /** The sequence number of the first bad entry, when the problem is in an entry. */
  readonly seq: number | null;
  /** The table and rowid of the first bad row, when there is one to name. */
  readonly table: string | null;
  readonly rowid: number | null;
  /** Where, for people: "entry 7 (sequence 5, 2024-04-15)", "vouchers row 33". */
  readonly where: string;
  readonly message: string;
  /** How many entries or rows the check found wrong; the first of them is the one named. */
  readonly count: number;
}

type Located = Pick<IntegrityProblem, 'seq' | 'table' | 'rowid'>;
const nowhere: Located = { seq: null, table: null, rowid: null };

function problem(check: IntegrityCheck, entity: string | null, at: Located & { where: string }, message: string, count = 1): IntegrityProblem {
  return { check, entity, seq: at.seq, table: at.table, rowid: at.rowid, where: at.where, message, count };
}

const row = (table: string, rowid: number | null): Located & { where: string } => ({ ...nowhere, table, rowid, where: `${table} row ${rowid}` });

const theFile = { ...nowhere, where: 'the database file' };

/** SQLite's own check found the file's pages or indexes damaged, or it is no database at all. */
export function fileCorrupt(detail: string): IntegrityProblem {
  return problem('file_corrupt', null, theFile, `SQLite cannot read the file soundly: ${detail}`);
}

/** A migration could not be applied to the rows as they are; it was rolled back. */
export function migrationRefused(detail: string): IntegrityProblem {
  return problem('migration_refused', null, theFile, `the file cannot be brought up to this version's schema, and was left as it was: ${detail}`);
}

/**
 * SQLite's quick check found rows that break a NOT NULL or CHECK constraint of their table
 * ("NULL value in vouchers.status", "CHECK constraint failed in account_days").
 */
export function constraintProblem(first: string, count: number): IntegrityProblem {
  const table = /\bin (\w+)/.exec(first)?.[1] ?? null;
  const at = table === null ? theFile : { ...nowhere, table, where: `table ${table}` };
  return problem('constraint_failed', null, at, `a row breaks its table's constraints: ${first}`, count);
}

export interface TriggerFinding {
  readonly name: string;
  /** Missing, or present with a definition no migration wrote. */
  readonly state: 'missing' | 'altered';
}

export function triggerProblem(finding: TriggerFinding): IntegrityProblem {
  const at = { ...nowhere, table: 'sqlite_master', where: `trigger ${finding.name}` };
  return finding.state === 'missing'
    ? problem('trigger_missing', null, at, 'the trigger that keeps these rows from being changed or deleted is gone')
    : problem('trigger_altered', null, at, 'the trigger is not the one the migrations created, so it may no longer refuse changes');
}

/** A row whose foreign key names a row that does not exist. */
export interface ForeignKeyBreak {
  readonly table: string;
  readonly rowid: number | null;
  readonly column: string;
  readonly parent: string;
  /** The value the row holds in `column`, as SQL would write it. */
  readonly value: string;
  /** The funds the row belongs to, by stored id: its entity columns, or itself for a fund's own row. */
  readonly entityIds: readonly number[];
}

export function foreignKeyProblem(first: ForeignKeyBreak, entity: string | null, count: number): IntegrityProblem {
  return problem('foreign_key_broken', entity, row(first.table, first.rowid), `${first.column} ${first.value} names no row of ${first.parent}`, count);
}

/** The chain's first break, named as a problem of the fund whose head is `head`. */
export function chainProblem(chain: Extract<ChainReport, { ok: false }>, fund: { readonly code: string; readonly id: number; readonly head: ChainHead }): IntegrityProblem {
  const entry = { seq: chain.seq, table: 'entries', rowid: chain.entryId, where: `entry ${chain.entryId} (sequence ${chain.seq}, ${chain.date})` };
  switch (chain.problem) {
    case 'sequence_gap':
      return problem('sequence_gap', fund.code, entry, `the chain holds ${chain.entries} entries in sequence, then jumps to sequence ${chain.seq}: entries were removed`);
    case 'hash_mismatch':
      return problem('hash_mismatch', fund.code, entry, 'the stored entry, or the one before it, is not what was posted: its hash does not match its content');
    case 'head_mismatch': {
      const head = headMismatch(chain.entries, fund.head);
      return problem('head_mismatch', fund.code, { seq: chain.seq, table: 'entities', rowid: fund.id, where: head.where }, head.message);
    }
    case 'entry_malformed':
      return problem(
        'entry_malformed', fund.code, { ...entry, table: chain.row.table, rowid: chain.row.rowid },
        `${chain.row.table} row ${chain.row.rowid} cannot be read as posted: ${chain.row.detail}`,
      );
  }
}

/** How the fund's recorded head disagrees with a chain of `entries` entries that is sound in itself. */
function headMismatch(entries: number, head: ChainHead): { where: string; message: string } {
  const recorded = `the fund recorded its last posting as sequence ${String(head.seq)}`;
  if (head.seq === entries) {
    return { where: `entry sequence ${entries}`, message: `${recorded}, but with another hash: the last entry was replaced` };
  }
  const held = `the chain holds ${entries} ${entries === 1 ? 'entry' : 'entries'}`;
  return head.seq > entries
    ? { where: `entries missing after sequence ${entries}`, message: `${recorded} but ${held}: entries were cut off the end` }
    : { where: `entries after sequence ${String(head.seq)}`, message: `${recorded} but ${held}: entries were added past it` };
}

/** Why an entry read back is no longer a double entry, or null when it still is one. */
export function imbalance(entry: StoredChainEntry): string | null {
  if (entry.lines.length < 2) return `it has ${entry.lines.length} line${entry.lines.length === 1 ? '' : 's'}; a double entry has at least two`;
  let debit = 0n;
  let credit = 0n;
  for (const line of entry.lines) {
    if (line.amount > 0n) debit += line.amount;
    else credit -= line.amount;
  }
  return debit === credit ? null : `its debits (${debit}) and credits (${credit}) differ`;
}

export function unbalancedProblem(first: StoredChainEntry, detail: string, entity: string, count: number): IntegrityProblem {
  return problem('entry_unbalanced', entity, { seq: first.seq, table: 'entries', rowid: first.id, where: `entry ${first.id} (sequence ${first.seq}, ${first.date})` }, detail, count);
}

/** A day total as stored, every value as read, whatever its type. */
export interface DayTotalRow {
  readonly rowid: number | null;
  readonly account: unknown;
  readonly date: unknown;
  readonly debit: unknown;
  readonly credit: unknown;
}

function dayOf(day: DayTotalRow): Located & { where: string } {
  const accountDay = `account ${String(day.account)}, ${String(day.date)}`;
  if (day.rowid === null) return { ...nowhere, where: accountDay };
  return { ...row('account_days', day.rowid), where: `account_days row ${day.rowid} (${accountDay})` };
}

/** A day total that is not a whole number of minor units: stored as a REAL, as text, or as null. */
export function mistypedDayTotalProblem(
  first: DayTotalRow & { readonly types: { readonly debit: string; readonly credit: string } },
  entity: string | null,
  count: number,
): IntegrityProblem {
  const { debit, credit } = first.types;
  return problem('day_total_not_integer', entity, dayOf(first), `debit ${String(first.debit)} is stored as ${debit} and credit ${String(first.credit)} as ${credit}; both must be integers`, count);
}

/** A day total that differs from the sum of the lines it stands for; `lines` are those sums. */
export function dayTotalMismatchProblem(first: DayTotalRow & { readonly lines: { readonly debit: string; readonly credit: string } }, entity: string, count: number): IntegrityProblem {
  const kept = first.rowid === null ? 'no day total is kept' : `the kept totals are debit ${String(first.debit)}, credit ${String(first.credit)}`;
  return problem('day_total_mismatch', entity, dayOf(first), `the lines sum to debit ${first.lines.debit}, credit ${first.lines.credit}, but ${kept}`, count);
}

/** The fund's kept lifetime totals, which bound what it may post, differ from its lines. */
export function fundTotalsProblem(found: { readonly kept: { readonly debits: string; readonly quantities: string }; readonly lines: { readonly debits: string; readonly quantities: string } }, entity: string): IntegrityProblem {
  return problem(
    'fund_totals_mismatch', entity, { ...nowhere, table: 'entities', where: 'entities (debit_total, quantity_total)' },
    `the fund keeps debits ${found.kept.debits} and quantities ${found.kept.quantities}, but its lines sum to ${found.lines.debits} and ${found.lines.quantities}`,
  );
}
