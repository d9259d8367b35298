/**
 * A campaign's disclosure for a date range (by default from its launch to the end of its
 * distribution, or today while it has none): its documents and dates; how, when and where
 * it received; the figures its lines add up to; its allocation decisions with what was paid
 * and is still due on each line, and its support levels with the households paid at each.
 * Consolidated, it covers the fund and every fund below it that runs a campaign of the same
 * code, and leaves out the money pooled and allocated between them so nothing counts twice.
 * The figures are read by SQL aggregates and shaped by the pure reports.
 */
import type { Store } from '../../db/store.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import type { CampaignUse } from '../../ledger/campaign.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { usesSummed, type AllocationReport, type DecisionReport, type LevelReport } from '../../reports/allocations.js';
import { combineDisclosures, type Disclosure } from '../../reports/disclosure.js';
import { oneCampaign, type CampaignDetails } from '../campaign-details.js';
import { loadFund } from '../fund.js';
import { coveredFunds, coveredJson, fundParts, type CoveredFund } from './disclosure-figures.js';
import { getAllocations } from './get-allocations.js';
import { reportRange } from './report-range.js';

export interface CampaignDisclosure extends Disclosure {
  readonly fund: { readonly code: string; readonly name: string };
  readonly campaign: CampaignDetails;
  readonly consolidated: boolean;
  /** The fund itself, then (consolidated) the funds below it, each with its leftover: what it spends before asking the level above. */
  readonly funds: readonly CoveredFund[];
  /** ND 93 art. 14.2.d: when, where and how the money was received. */
  readonly receiving: {
    readonly from: string;
    readonly until: string | null;
    readonly place: string | null;
    readonly bankAccounts: readonly { readonly fund: string; readonly number: string; readonly institution: string }[];
  };
  /** The allocation decisions (of each covered fund) with decided, paid and due per line; the support levels; what was paid per use. */
  readonly allocations: {
    readonly decisions: readonly (DecisionReport & { readonly fund: string })[];
    readonly levels: readonly (LevelReport & { readonly fund: string })[];
    readonly byUse: AllocationReport['byUse'];
  };
  /** The uses of donations the legal basis lists (ND 93 art. 11.1), for the numbers above. */
  readonly uses: readonly CampaignUse[];
}

export interface DisclosureRequest {
  readonly entity: string;
  readonly campaign: string;
  readonly from?: string;
  readonly to?: string;
  readonly consolidated?: boolean;
  /** How a publication stood: each covered fund's chain sequence, by fund code; entries after it are left out. */
  readonly upto?: ReadonlyMap<string, number>;
  /** How a publication stood: the instant it was made; decisions and support levels recorded later are left out. */
  readonly asOf?: string;
}

/** The disclosure from each fund's whole chain, or from its entries up to the sequence `upto` gives (how a publication stood). */
export function getDisclosure(store: Store, request: DisclosureRequest): Result<CampaignDisclosure> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const campaign = oneCampaign(store, fund.value, request.campaign);
  if (!campaign.ok) return campaign;
  const range = reportRange({
    from: request.from ?? campaign.value.startsOn,
    to: request.to ?? campaign.value.distributionEndsOn ?? accountingDateOf(new Date()),
  });
  if (!range.ok) return range;
  const consolidated = request.consolidated ?? false;
  const covered = coveredFunds(store, fund.value, consolidated, (below) => below.campaignIds.has(request.campaign));
  const parts = fundParts(store, covered, { campaign: request.campaign, ...range.value, upto: request.upto });
  const value = parts.length === 1 ? (parts[0] as (typeof parts)[number]).value : combineDisclosures(parts.map((p) => p.value));
  const codes = new Set(covered.map((f) => f.entity.code));
  const allocations = parts.map((p) => ({
    fund: p.fund.entity.code,
    report: getAllocations(store, p.fund, {
      campaign: request.campaign, to: range.value.to, lastEntry: p.lastEntry, internalRecipients: codes, ...(request.asOf !== undefined && { asOf: request.asOf }),
    }),
  }));
  const { entity, regime } = fund.value;
  return accept({
    fund: { code: entity.code, name: entity.name },
    campaign: campaign.value,
    consolidated,
    funds: coveredJson(store, parts, request.upto),
    receiving: {
      from: campaign.value.startsOn,
      until: campaign.value.receivingEndsOn,
      place: entity.address,
      bankAccounts: covered.flatMap((f) => f.bankAccounts.filter((b) => b.campaignId === f.campaignIds.get(request.campaign)).map((b) => ({ fund: f.entity.code, number: b.number, institution: b.institution }))),
    },
    ...value,
    allocations: {
      decisions: allocations.flatMap(({ fund: code, report }) => report.decisions.map((d) => ({ fund: code, ...d }))),
      levels: allocations.flatMap(({ fund: code, report }) => report.levels.map((l) => ({ fund: code, ...l }))),
      byUse: usesSummed(allocations.flatMap(({ report }) => report.byUse)),
    },
    uses: regime.legalBases.get(campaign.value.legalBasis.code)?.uses ?? [],
  });
}

