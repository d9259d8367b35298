/**
 * A campaign's disclosure for a date range (by default from its launch to the end of its
 * distribution, or today while it has none): its documents and dates, and the figures its
 * lines add up to, read by SQL aggregates and shaped by the pure report.
 */
import { campaignLineSums, campaignPaymentSums, campaignReceiptChannels } from '../../db/disclosure-queries.js';
import { findEntryIdBySeq } from '../../db/entries-repo.js';
import type { Store } from '../../db/store.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { disclosure, type Disclosure } from '../../reports/disclosure.js';
import { oneCampaign, type CampaignDetails } from '../campaign-details.js';
import { codeOf, loadFund } from '../fund.js';
import { reportRange } from './report-range.js';

export interface CampaignDisclosure extends Disclosure {
  readonly fund: { readonly code: string; readonly name: string };
  readonly campaign: CampaignDetails;
}

/** The disclosure from the fund's whole chain, or from its entries up to `uptoSeq` (how a publication stood). */
export function getDisclosure(store: Store, request: { entity: string; campaign: string; from?: string; to?: string; uptoSeq?: number }): Result<CampaignDisclosure> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const campaign = oneCampaign(store, fund.value, request.campaign);
  if (!campaign.ok) return campaign;
  const range = reportRange({
    from: request.from ?? campaign.value.startsOn,
    to: request.to ?? campaign.value.distributionEndsOn ?? accountingDateOf(new Date()),
  });
  if (!range.ok) return range;
  const { entity, regime, chart } = fund.value;
  const lastEntry = request.uptoSeq === undefined ? Number.MAX_SAFE_INTEGER : (findEntryIdBySeq(store.sqlite, entity.id, request.uptoSeq) ?? 0);
  const query = { entity: entity.id, campaign: fund.value.campaignIds.get(request.campaign) as number, ...range.value, lastEntry };
  const code = codeOf(fund.value);
  const idsOf = (flow: 'receipt' | 'expenditure') => [...chart.accounts.values()].filter((a) => a.flow === flow).map((a) => fund.value.accountIds.get(a.code) as number);
  const receiptAccounts = idsOf('receipt');
  const value = disclosure({
    ...range.value,
    chart,
    roles: {
      donations: regime.purposes.get('donation')?.account ?? '',
      inKind: regime.purposes.get('goods-donation')?.account ?? '',
      fromOtherLevels: regime.transferAccounts.received,
      toOtherLevels: regime.transferAccounts.sent,
      cash: regime.bookAccounts.cash,
      goods: regime.voucherTypes['goods-receipt'].holding?.vnd ?? '',
    },
    lines: campaignLineSums(store.sqlite, query).map(({ accountId, ...rest }) => ({ ...rest, account: code(accountId) })),
    payments: campaignPaymentSums(store.sqlite, { ...query, accounts: idsOf('expenditure') }).map(({ accountId, ...rest }) => ({ ...rest, account: code(accountId) })),
    channels: campaignReceiptChannels(store.sqlite, { ...query, receiptAccounts }).map(({ accountId, ...rest }) => ({ ...rest, account: code(accountId) })),
  });
  return accept({ fund: { code: entity.code, name: entity.name }, campaign: campaign.value, ...value });
}
