/**
 * Tamper evidence: every posted entry of a fund is numbered in sequence and hashed
 * together with the hash of the entry before it, over a canonical form of the entry and
 * its lines exactly as stored. Changing, removing or inserting any stored entry breaks the
 * chain at that entry, which `checkChain` names.
 */
import { createHash } from 'node:crypto';
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
}

export interface ChainMemo {
  readonly lineNo: number;
  readonly account: string;
  readonly quantity: bigint;
  readonly unit: string;
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

const text = (value: bigint | null): string | null => (value === null ? null : value.toString());

export function canonicalForm(entry: ChainEntry): string {
  return JSON.stringify([
    entry.entityId,
    entry.seq,
    entry.kind,
    entry.date,
    entry.description,
    entry.reversesId,
    entry.recordedAt,
    entry.recordedBy,
    entry.lines.map((l) => [
      l.lineNo, l.account, l.amount.toString(), l.counterpartyId, l.campaignId, l.designation,
      l.bankAccountId, l.externalRef, l.currency, text(l.originalAmount), l.rate, text(l.quantity), l.unit,
    ]),
    entry.memos.map((m) => [m.lineNo, m.account, m.quantity.toString(), m.unit]),
  ]);
}

export function chainHash(prevHash: string, entry: ChainEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalForm(entry)).digest('hex');
}

export interface StoredChainEntry extends ChainEntry {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainProblem = 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch' | 'head_mismatch';

/** The last sequence number and hash the fund recorded when it last posted. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type ChainReport =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly problem: ChainProblem;
      /** The first entry that no longer matches; null when entries are missing at the end. */
      readonly entryId: number | null;
      readonly seq: number;
      readonly date: string | null;
    };

/**
 * Recomputes the chain over a fund's entries in sequence order and stops at the first
 * break. The recorded head catches entries cut off the end, which leave no break behind.
 */
export function checkChain(entries: Iterable<StoredChainEntry>, head: ChainHead): ChainReport {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const entry of entries) {
    const broken = (problem: ChainProblem): ChainReport => ({
      ok: false, entries: count, problem, entryId: entry.id, seq: entry.seq, date: entry.date,
    });
    if (entry.seq !== expectedSeq) return broken('sequence_gap');
    if (entry.prevHash !== prevHash) return broken('previous_hash_mismatch');
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
