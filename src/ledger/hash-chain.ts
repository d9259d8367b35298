/**
 * Tamper evidence: every posted entry of a fund is numbered in sequence and hashed
 * together with the hash of the entry before it, over a canonical form of the entry and
 * its lines exactly as stored. Changing, removing or inserting any stored entry breaks the
 * chain at that entry, which `checkChain` names.
 */
import { hash } from 'node:crypto';
import type { EntryKind } from './entry.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLine {
  readonly lineNo: number;
  readonly account: string;
  readonly amount: bigint;
  readonly counterpartyId: number | null;
  readonly campaignId: number | null;
  readonly designation: string | null;
  readonly bankAccountId: number | null;
  readonly externalRef: string | null;
  readonly currency: string | null;
  readonly originalAmount: bigint | null;
  readonly rate: string | null;
  readonly quantity: bigint | null;
  readonly unit: string | null;
  /** The allocation decision line a payment carries out. */
  readonly allocationLineId: number | null;
}

export interface ChainMemo {
  readonly lineNo: number;
  readonly account: string;
  readonly quantity: bigint;
  readonly unit: string;
  readonly item: string | null;
}

/** An entry in the exact form it is stored and hashed. */
export interface ChainEntry {
  readonly entityId: number;
  readonly seq: number;
  readonly kind: EntryKind;
  readonly date: string;
  readonly description: string;
  readonly reversesId: number | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly lines: readonly ChainLine[];
  readonly memos: readonly ChainMemo[];
}

/**
 * The characters JSON.stringify writes escaped: quotes, backslashes, control characters
 * and (when unpaired) surrogates. A string without any is written as it is, between quotes,
 * which spares the call for nearly every string an entry holds.
 */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

const str = (value: string | null): string => (value === null ? 'null' : ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`);
const num = (value: number | null): string => (value === null ? 'null' : String(value));
const big = (value: bigint | null): string => (value === null ? 'null' : `"${value}"`);

/**
 * The canonical form: a JSON array of the entry's fields, then its lines and memos as
 * arrays, amounts as decimal strings. Written out by hand because it runs once per posted
 * entry; it is exactly what JSON.stringify would write for the same arrays.
 */
export function canonicalForm(entry: ChainEntry): string {
  let out = `[${entry.entityId},${entry.seq},${str(entry.kind)},${str(entry.date)},${str(entry.description)},${num(entry.reversesId)},${str(entry.recordedAt)},${str(entry.recordedBy)},[`;
  const { lines, memos } = entry;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ChainLine;
    // The allocation line joined the form later; lines without one hash exactly as before it existed.
    const allocation = l.allocationLineId === null ? '' : `,${l.allocationLineId}`;
    out += `${i ? ',' : ''}[${l.lineNo},${str(l.account)},${big(l.amount)},${num(l.counterpartyId)},${num(l.campaignId)},${str(l.designation)},${num(l.bankAccountId)},${str(l.externalRef)},${str(l.currency)},${big(l.originalAmount)},${str(l.rate)},${big(l.quantity)},${str(l.unit)}${allocation}]`;
  }
  out += '],[';
  for (let i = 0; i < memos.length; i++) {
    const m = memos[i] as ChainMemo;
    // The item joined the form later; memos without one hash exactly as before it existed.
    const item = m.item === null ? '' : `,${str(m.item)}`;
    out += `${i ? ',' : ''}[${m.lineNo},${str(m.account)},${big(m.quantity)},${str(m.unit)}${item}]`;
  }
  return `${out}]]`;
}

export function chainHash(prevHash: string, entry: ChainEntry): string {
  return hash('sha256', `${prevHash}\n${canonicalForm(entry)}`, 'hex');
}

export interface StoredChainEntry extends ChainEntry {
  readonly id: number;
  readonly hash: string;
}

export type ChainProblem = 'sequence_gap' | 'hash_mismatch' | 'head_mismatch' | 'entry_malformed';

/** The first row of an entry (its own, a line's or a memo's) whose stored values have the wrong type. */
export interface MalformedRow {
  readonly table: 'entries' | 'entry_lines' | 'entry_memos';
  readonly rowid: number;
  /** Which column holds what, e.g. "amount holds real 1.25e+19". */
  readonly detail: string;
}

/** An entry that cannot be hashed, because a value it is hashed over is not of its stored type. */
export interface MalformedChainEntry {
  readonly id: number;
  readonly seq: number | null;
  readonly date: string | null;
  readonly malformed: MalformedRow;
}

/** The last sequence number and hash the fund recorded when it last posted. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type ChainReport =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | ({
      readonly ok: false;
      readonly entries: number;
      /** The first entry that no longer matches; null when entries are missing at the end. */
      readonly entryId: number | null;
      readonly seq: number;
      readonly date: string | null;
    } & (
      | { readonly problem: Exclude<ChainProblem, 'entry_malformed'> }
      | { readonly problem: 'entry_malformed'; readonly row: MalformedRow }
    ));

/**
 * Recomputes the chain over a fund's entries in sequence order and stops at the first
 * break. The recorded head catches entries cut off the end, which leave no break behind.
 */
export function checkChain(entries: Iterable<StoredChainEntry | MalformedChainEntry>, head: ChainHead): ChainReport {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const entry of entries) {
    const at = { ok: false, entries: count, entryId: entry.id, seq: entry.seq ?? expectedSeq, date: entry.date } as const;
    if ('malformed' in entry) return { ...at, problem: 'entry_malformed', row: entry.malformed };
    const broken = (problem: Exclude<ChainProblem, 'entry_malformed'>): ChainReport => ({ ...at, problem });
    if (entry.seq !== expectedSeq) return broken('sequence_gap');
    if (chainHash(prevHash, entry) !== entry.hash) return broken('hash_mismatch');
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return { ok: false, entries: count, problem: 'head_mismatch', entryId: null, seq: Math.min(count, head.seq) + 1, date: null };
  }
  return { ok: true, entries: count, lastHash: prevHash };
}
