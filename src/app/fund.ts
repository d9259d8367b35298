/**
 * Everything the rules need to know about one fund, loaded at the start of a use case:
 * its row, regime, chart (with the stored id of every account), calendar, campaigns with
 * the dates their legal basis and extensions give them, the lines of their allocation
 * decisions, and dimensions.
 *
 * The row (with the head of the fund's chain) is read every time; the rest is a snapshot
 * kept per connection while the catalog version is the one it was read at. Triggers raise
 * that version on every change to the chart, years, periods, campaigns and their
 * extensions, bank accounts and voucher settings,
 * in this process or another, and a transaction that rolls back forgets every snapshot,
 * since it may have read what it undid.
 */
import { listAccounts } from '../db/accounts-repo.js';
import { catalogVersion } from '../db/catalog-repo.js';
import { listFiscalYears, loadCalendar } from '../db/calendar-repo.js';
import { listFundAllocationLines } from '../db/allocations-repo.js';
import { listCampaignExtensions, listCampaigns, type CampaignRow } from '../db/campaigns-repo.js';
import { findEntityByCode, listBankAccounts, type BankAccountRow, type EntityRow } from '../db/entities-repo.js';
import { listVoucherSettings, type VoucherSettingRow } from '../db/vouchers-repo.js';
import type { Store } from '../db/store.js';
import type { Calendar } from '../ledger/calendar.js';
import { allocationKey, type AllocationTerms } from '../ledger/allocation.js';
import { campaignEnds, type CampaignTerms } from '../ledger/campaign.js';
import { buildChart, type Chart } from '../ledger/chart.js';
import { DEFAULT_REGIME, findRegime, type Regime } from '../regimes/regimes.js';
import { accept, reject, type Result } from '../ledger/rejections.js';

export interface Fund {
  readonly entity: EntityRow;
  readonly regime: Regime;
  readonly chart: Chart;
  readonly accountIds: ReadonlyMap<string, number>;
  readonly calendar: Calendar;
  readonly campaignIds: ReadonlyMap<string, number>;
  /** Its campaigns by code, with their effective ends and dedicated accounts. */
  readonly campaigns: ReadonlyMap<string, CampaignTerms>;
  /** Every bank or treasury account number with the campaign it is dedicated to, if any. */
  readonly accountCampaigns: ReadonlyMap<string, string | null>;
  /** The lines of its allocation decisions that payments may cite, by `allocationKey`, and their stored ids. */
  readonly allocations: ReadonlyMap<string, AllocationTerms>;
  readonly allocationLineIds: ReadonlyMap<string, number>;
  readonly bankAccounts: readonly BankAccountRow[];
  readonly bankAccountIds: ReadonlyMap<string, number>;
  /** The voucher types whose prefix or approval the fund has set. */
  readonly voucherSettings: readonly VoucherSettingRow[];
}

/** The regime of the fund's latest fiscal year: the one new postings and sub-accounts follow. */
export function currentRegime(store: Store, entityId: number): Regime {
  const years = listFiscalYears(store.db, entityId);
  const code = years.at(-1)?.regime ?? DEFAULT_REGIME;
  const regime = findRegime(code);
  if (!regime) throw new Error(`fund ${entityId} uses unknown regime ${code}`);
  return regime;
}

type Snapshot = Omit<Fund, 'entity'>;

const snapshots = new WeakMap<Store, Map<number, { readonly version: number; readonly snapshot: Snapshot }>>();

/** Forgets the snapshots read on the store's connection; after a rollback they may hold what it undid. */
export function forgetFundSnapshots(store: Store): void {
  snapshots.delete(store);
}

export function loadFund(store: Store, code: string): Result<Fund> {
  const entity = findEntityByCode(store.db, code);
  if (!entity) return reject('entity_unknown', 'entity', code);
  const version = catalogVersion(store.sqlite);
  let kept = snapshots.get(store);
  if (!kept) {
    kept = new Map();
    snapshots.set(store, kept);
  }
  const cached = kept.get(entity.id);
  if (cached?.version === version) return accept({ entity, ...cached.snapshot });
  const snapshot = readSnapshot(store, entity);
  kept.set(entity.id, { version, snapshot });
  return accept({ entity, ...snapshot });
}

function readSnapshot(store: Store, entity: EntityRow): Snapshot {
  const entityId = entity.id;
  const regime = currentRegime(store, entityId);
  const rows = listAccounts(store.db, entityId);
  const bankAccounts = listBankAccounts(store.db, entityId);
  const campaigns = listCampaigns(store.db, entityId);
  const allocationLines = listFundAllocationLines(store.db, entityId).map((l) => ({ id: l.id, terms: { ref: { decision: l.decision, line: l.lineNo }, campaign: l.campaign, amount: BigInt(l.amount) } }));
  const extendedTo = new Map<number, string[]>();
  for (const extension of listCampaignExtensions(store.db, entityId)) extendedTo.set(extension.campaignId, [...(extendedTo.get(extension.campaignId) ?? []), extension.endsOn]);
  const chart = buildChart(
    rows.map((r) => ({
      code: r.code, parent: r.parentCode, nameVi: r.nameVi, nameEn: r.nameEn, class: r.class,
      normalSide: r.normalSide, offBalance: r.offBalance, note: r.note, active: r.active,
    })),
    regime,
  );
  return {
    regime,
    chart,
    accountIds: new Map(rows.map((r) => [r.code, r.id])),
    calendar: loadCalendar(store.db, entityId),
    campaignIds: new Map(campaigns.map((c) => [c.code, c.id])),
    campaigns: new Map(campaigns.map((c) => [c.code, termsOf(c, extendedTo.get(c.id) ?? [], bankAccounts, regime, entity.level)])),
    accountCampaigns: new Map(bankAccounts.map((b) => [b.number, campaigns.find((c) => c.id === b.campaignId)?.code ?? null])),
    allocations: new Map(allocationLines.map((l) => [allocationKey(l.terms.ref), l.terms])),
    allocationLineIds: new Map(allocationLines.map((l) => [allocationKey(l.terms.ref), l.id])),
    bankAccounts,
    bankAccountIds: new Map(bankAccounts.map((b) => [b.number, b.id])),
    voucherSettings: listVoucherSettings(store.db, entityId),
  };
}

function termsOf(campaign: CampaignRow, extendedTo: readonly string[], bankAccounts: readonly BankAccountRow[], regime: Regime, level: string): CampaignTerms {
  const basis = regime.legalBases.get(campaign.legalBasis);
  if (!basis) throw new Error(`campaign ${campaign.code} follows unknown legal basis ${campaign.legalBasis}`);
  const ends = campaignEnds({ launchedOn: campaign.startsOn, endsOn: campaign.endsOn, distributionEndsOn: campaign.distributionEndsOn, extendedTo }, basis, level);
  return {
    code: campaign.code, legalBasis: basis.code, launchedOn: campaign.startsOn, ...ends, acceptsDesignated: campaign.acceptsDesignated,
    accounts: bankAccounts.filter((b) => b.campaignId === campaign.id).map((b) => b.number),
  };
}

/** The account code of every stored account id of the fund. */
export function codeOf(fund: Fund): (accountId: number) => string {
  const codes = new Map([...fund.accountIds].map(([code, id]) => [id, code]));
  return (accountId) => codes.get(accountId) ?? String(accountId);
}
