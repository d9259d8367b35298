/**
 * Verification of a fund's books as an auditor would ask for it: the hash chain recomputed
 * from the stored entries, every entry still a balanced double entry, the day totals stored
 * as integers and recomputed from the stored lines, no row whose foreign key names nothing,
 * and, for the file as a whole, SQLite's quick check and the immutability triggers. Damage
 * is reported, never thrown over: each check names its first bad entry or row.
 */
import { iterateChain } from '../db/chain-queries.js';
import { listEntities, type EntityRow } from '../db/entities-repo.js';
import { dayTotalDisagreement, foreignKeyBreaks, fundTotalsDisagreement, mistypedDayTotal, quickCheck, triggerFindings } from '../db/integrity-queries.js';
import type { Store } from '../db/store.js';
import { checkChain, type ChainReport, type MalformedChainEntry, type StoredChainEntry } from '../ledger/hash-chain.js';
import {
  chainProblem, constraintProblem, dayTotalMismatchProblem, fileCorrupt, foreignKeyProblem, fundTotalsProblem, imbalance, mistypedDayTotalProblem, triggerProblem,
  unbalancedProblem, type ForeignKeyBreak, type IntegrityProblem,
} from '../ledger/integrity.js';
import { accept, reject, type Result } from '../ledger/rejections.js';

/** The chain of a fund in a file SQLite's quick check finds damaged: not read at all. */
export interface UnreadChain {
  readonly ok: false;
  readonly entries: 0;
  readonly problem: 'not_read';
  readonly entryId: null;
  readonly seq: 0;
  readonly date: null;
}

export interface VerifyReport {
  readonly entity: string;
  readonly chain: ChainReport | UnreadChain;
  /** Day totals that differ from the lines they sum; 0 when the books agree. */
  readonly dayTotalMismatches: number;
  /**
   * Everything found wrong, in the order of INTEGRITY_CHECKS. Damage to the file as a whole
   * is in every fund's report, since every fund's books are in the file.
   */
  readonly problems: readonly IntegrityProblem[];
  readonly ok: boolean;
}

/** The funds' reports, and apart from them the damage to the file as a whole. */
export interface BooksReport {
  readonly file: readonly IntegrityProblem[];
  readonly funds: readonly VerifyReport[];
}

export function verifyFund(store: Store, entity: string): Result<VerifyReport> {
  const books = verifyBooks(store, [entity]);
  if (!books.ok) return books;
  const [report] = books.value.funds;
  return accept(report ?? unread(entity, books.value.file));
}

/**
 * Verifies the funds named, or every fund, making the checks of the file as a whole once.
 * A file whose pages or indexes SQLite's quick check finds damaged is read no further,
 * since any query may stop on those pages: the report holds that problem and no fund.
 */
export function verifyBooks(store: Store, codes?: readonly string[]): Result<BooksReport> {
  const checked = quickCheck(store.sqlite);
  const [damage] = checked.damage;
  if (damage !== undefined) return accept({ file: [fileCorrupt(damage)], funds: [] });
  const [broken] = checked.constraints;
  const constraints = broken === undefined ? [] : [constraintProblem(broken, checked.constraints.length)];
  const all = listEntities(store.db);
  const funds: EntityRow[] = [];
  for (const code of codes ?? all.map((e) => e.code)) {
    const fund = all.find((e) => e.code === code);
    if (!fund) return reject('entity_unknown', 'entity', code);
    funds.push(fund);
  }
  const keys = brokenKeysByFund(store, all);
  const file = [...constraints, ...triggerFindings(store.sqlite).map(triggerProblem), ...keys.of(null)];
  return accept({ file, funds: funds.map((fund) => verifyOne(store, fund, [...file, ...keys.of(fund.id)])) });
}

function unread(entity: string, file: readonly IntegrityProblem[]): VerifyReport {
  const chain: UnreadChain = { ok: false, entries: 0, problem: 'not_read', entryId: null, seq: 0, date: null };
  return { entity, chain, dayTotalMismatches: 0, problems: file, ok: false };
}

/**
 * One pass over the broken foreign keys for all the funds: a row goes to the funds it
 * belongs to, and to the file as a whole when it belongs to none that exists.
 */
function brokenKeysByFund(store: Store, all: readonly EntityRow[]): { of(entityId: number | null): IntegrityProblem[] } {
  const codes = new Map(all.map((e) => [e.id, e.code]));
  const found = new Map<number | null, { first: ForeignKeyBreak; count: number }>();
  for (const broken of foreignKeyBreaks(store.sqlite)) {
    const owners = new Set(broken.entityIds.filter((id) => codes.has(id)));
    for (const owner of owners.size > 0 ? owners : [null]) {
      const seen = found.get(owner);
      if (seen) seen.count += 1;
      else found.set(owner, { first: broken, count: 1 });
    }
  }
  return {
    of: (entityId) => {
      const seen = found.get(entityId);
      return seen ? [foreignKeyProblem(seen.first, entityId === null ? null : (codes.get(entityId) ?? null), seen.count)] : [];
    },
  };
}

function verifyOne(store: Store, fund: EntityRow, shared: readonly IntegrityProblem[]): VerifyReport {
  const head = { seq: fund.chainSeq, hash: fund.chainHash };
  const unbalanced: Imbalances = { count: 0 };
  const chain = checkChain(balanceChecked(iterateChain(store.sqlite, fund.id), unbalanced), head);
  const mistyped = mistypedDayTotal(store.sqlite, fund.id);
  const disagreement = dayTotalDisagreement(store.sqlite, fund.id);
  const totals = fundTotalsDisagreement(store.sqlite, fund.id);
  const problems = [
    ...shared,
    ...(chain.ok ? [] : [chainProblem(chain, { code: fund.code, id: fund.id, head })]),
    ...(unbalanced.first ? [unbalancedProblem(unbalanced.first.entry, unbalanced.first.detail, fund.code, unbalanced.count)] : []),
    ...(mistyped ? [mistypedDayTotalProblem(mistyped, fund.code, mistyped.count)] : []),
    ...(disagreement ? [dayTotalMismatchProblem(disagreement, fund.code, disagreement.count)] : []),
    ...(totals ? [fundTotalsProblem(totals, fund.code)] : []),
  ];
  return { entity: fund.code, chain, dayTotalMismatches: disagreement?.count ?? 0, problems, ok: problems.length === 0 };
}

/** Entries that no longer balance, among those the chain check reads (up to its first break). */
interface Imbalances {
  first?: { readonly entry: StoredChainEntry; readonly detail: string };
  count: number;
}

/** Hands the entries on to the chain check, noting on the way those that no longer balance. */
function* balanceChecked(entries: Iterable<StoredChainEntry | MalformedChainEntry>, found: Imbalances): Generator<StoredChainEntry | MalformedChainEntry> {
  for (const entry of entries) {
    if (!('malformed' in entry)) {
      const detail = imbalance(entry);
      if (detail !== null) {
        found.first ??= { entry, detail };
        found.count += 1;
      }
    }
    yield entry;
  }
}
