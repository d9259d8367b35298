/**
 * What every disclosure is made of, for a campaign or for a fund's own period: the funds it
 * covers (the fund, and consolidated the funds below it, with the head of each one's chain
 * as read or as a publication recorded), and each fund's figures without the money between
 * it and the others covered, read by SQL aggregates and shaped by the pure report.
 */
import { campaignChannelsFromFunds, campaignGoodsSums, campaignHouseholdSums, campaignLineSums, campaignPaymentSums, campaignReceiptChannels } from '../../db/disclosure-queries.js';
import { withDescendants } from '../../db/entities-repo.js';
import { findEntryHashBySeq, findEntryIdBySeq } from '../../db/entries-repo.js';
import type { Store } from '../../db/store.js';
import { isUnder } from '../../ledger/chart.js';
import { GENESIS_HASH } from '../../ledger/hash-chain.js';
import type { Minor } from '../../ledger/money.js';
import { disclosure, type Disclosure } from '../../reports/disclosure.js';
import { codeOf, loadFund, type Fund } from '../fund.js';

/** A fund a disclosure covers, with the head of its chain the figures were read at and what it holds of the subject. */
export interface CoveredFund {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly chain: { readonly seq: number; readonly hash: string };
  readonly received: Minor;
  readonly used: Minor;
  readonly leftover: Minor;
}

/** The fund, and (consolidated) every fund below it that `keep` admits, the fund first. */
export function coveredFunds(store: Store, fund: Fund, consolidated: boolean, keep: (below: Fund) => boolean): Fund[] {
  const covered: Fund[] = [fund];
  if (!consolidated) return covered;
  for (const below of withDescendants(store.db, fund.entity.id).slice(1)) {
    const loaded = loadFund(store, below.code);
    if (loaded.ok && keep(loaded.value)) covered.push(loaded.value);
  }
  return covered;
}

export interface FundPart {
  readonly fund: Fund;
  readonly lastEntry: number;
  /** Its figures without the money between it and the other funds covered: what the consolidation adds up. */
  readonly value: Disclosure;
  /** Its own figures, that money included: what it received, used and still holds at its level. */
  readonly own: Disclosure;
}

/** Each covered fund's figures for the campaign (or, with none, for its own period), without the money between the funds covered. */
export function fundParts(store: Store, covered: readonly Fund[], request: { campaign: string | null; from: string; to: string; upto: ReadonlyMap<string, number> | undefined }): FundPart[] {
  const names = new Set(covered.map((f) => f.entity.name));
  return covered.map((fund) => {
    const lastEntry = entryBound(store, fund, request.upto);
    const internal = new Set([...names].filter((n) => n !== fund.entity.name));
    const value = fundFigures(store, fund, { ...request, lastEntry, internal });
    return { fund, lastEntry, value, own: internal.size === 0 ? value : fundFigures(store, fund, { ...request, lastEntry, internal: new Set() }) };
  });
}

export function coveredJson(store: Store, parts: readonly FundPart[], upto: ReadonlyMap<string, number> | undefined): CoveredFund[] {
  return parts.map(({ fund, own }) => ({
    code: fund.entity.code, name: fund.entity.name, level: fund.entity.level, chain: chainAt(store, fund, upto),
    received: own.received.total, used: own.used.total, leftover: own.leftover,
  }));
}

/** The last entry id of the fund that counts: all of them, or those up to the sequence a publication recorded. */
function entryBound(store: Store, fund: Fund, upto: ReadonlyMap<string, number> | undefined): number {
  if (upto === undefined) return Number.MAX_SAFE_INTEGER;
  const seq = upto.get(fund.entity.code) ?? 0;
  return findEntryIdBySeq(store.sqlite, fund.entity.id, seq) ?? 0;
}

function chainAt(store: Store, fund: Fund, upto: ReadonlyMap<string, number> | undefined): { seq: number; hash: string } {
  if (upto === undefined) return { seq: fund.entity.chainSeq, hash: fund.entity.chainHash };
  const seq = upto.get(fund.entity.code) ?? 0;
  const hash = seq === fund.entity.chainSeq ? fund.entity.chainHash : findEntryHashBySeq(store.sqlite, fund.entity.id, seq);
  return { seq, hash: hash ?? GENESIS_HASH };
}

/** One fund's figures for the campaign (or its own period), without the money between it and the `internal` funds. */
function fundFigures(store: Store, fund: Fund, request: { campaign: string | null; from: string; to: string; lastEntry: number; internal: ReadonlySet<string> }): Disclosure {
  const { entity, regime, chart } = fund;
  const campaign = request.campaign === null ? null : (fund.campaignIds.get(request.campaign) as number);
  const query = { entity: entity.id, campaign, from: request.from, to: request.to, lastEntry: request.lastEntry };
  const code = codeOf(fund);
  const ids = (keep: (a: { code: string; flow: string | null }) => boolean) => [...chart.accounts.values()].filter(keep).map((a) => fund.accountIds.get(a.code) as number);
  const receiptAccounts = ids((a) => a.flow === 'receipt');
  const goodsRoot = regime.voucherTypes['goods-receipt'].holding?.vnd ?? '';
  const coded = <T extends { accountId: number }>(rows: readonly T[]) => rows.map(({ accountId, ...rest }) => ({ ...rest, account: code(accountId) }));
  return disclosure({
    from: request.from,
    to: request.to,
    chart,
    roles: {
      donations: regime.purposes.get('donation')?.account ?? '',
      inKind: regime.purposes.get('goods-donation')?.account ?? '',
      fromOtherLevels: regime.transferAccounts.received,
      toOtherLevels: regime.transferAccounts.sent,
      cash: regime.bookAccounts.cash,
      goods: goodsRoot,
    },
    lines: coded(campaignLineSums(store.sqlite, query)),
    payments: coded(campaignPaymentSums(store.sqlite, { ...query, accounts: ids((a) => a.flow === 'expenditure') })),
    channels: coded(campaignReceiptChannels(store.sqlite, { ...query, receiptAccounts })),
    households: campaignHouseholdSums(store.sqlite, { ...query, accounts: ids((a) => a.flow === 'expenditure') }),
    goods: campaignGoodsSums(store.sqlite, { ...query, accounts: ids((a) => isUnder(chart, a.code, goodsRoot)) }),
    internalFunds: request.internal,
    internalChannels: coded(campaignChannelsFromFunds(store.sqlite, { ...query, receiptAccounts, funds: [...request.internal] })),
  });
}

