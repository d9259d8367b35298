/**
 * Verification of a fund's books as an auditor would ask for it: the hash chain recomputed
 * from the stored entries, and the day totals recomputed from the stored lines.
 */
import { dayTotalMismatches, iterateChain } from '../db/entries-repo.js';
import type { Store } from '../db/store.js';
import { checkChain, type ChainReport } from '../ledger/hash-chain.js';
import { accept, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';

export interface VerifyReport {
  readonly entity: string;
  readonly chain: ChainReport;
  /** Day totals that differ from the lines they sum; 0 when the books agree. */
  readonly dayTotalMismatches: number;
  readonly ok: boolean;
}

export function verifyFund(store: Store, entity: string): Result<VerifyReport> {
  const fund = loadFund(store, entity);
  if (!fund.ok) return fund;
  const { id, chainSeq, chainHash } = fund.value.entity;
  const chain = checkChain(iterateChain(store.sqlite, id), { seq: chainSeq, hash: chainHash });
  const mismatches = dayTotalMismatches(store.sqlite, id);
  return accept({ entity, chain, dayTotalMismatches: mismatches, ok: chain.ok && mismatches === 0 });
}
