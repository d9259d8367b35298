/** A fund's campaigns as their readers see them: what each is, its legal basis, its effective dates and status, accounts, documents, extensions and support levels. */
import { listSupportLevels } from '../db/allocations-repo.js';
import { accountingDateOf } from '../ledger/calendar.js';
import { listCampaignDocuments, listCampaignExtensions, listCampaigns } from '../db/campaigns-repo.js';
import type { Store } from '../db/store.js';
import type { CampaignKind, CampaignTerms } from '../ledger/campaign.js';
import { formatAmount } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Fund } from './fund.js';

export interface CampaignDetails {
  readonly code: string;
  readonly name: string;
  readonly kind: CampaignKind;
  readonly legalBasis: { readonly code: string; readonly title: string };
  readonly startsOn: string;
  /** The end of receiving as launched, when the campaign set its own. */
  readonly endsOn: string | null;
  /** The effective last days of receiving (extensions counted) and of distribution; null: open-ended. */
  readonly receivingEndsOn: string | null;
  readonly distributionEndsOn: string | null;
  readonly acceptsDesignated: boolean;
  readonly bankAccounts: string[];
  readonly documents: { readonly number: string; readonly date: string; readonly issuer: string; readonly title: string }[];
  readonly extensions: { readonly decisionNumber: string; readonly decidedOn: string; readonly endsOn: string }[];
  /** Where the campaign stands today. */
  readonly status: CampaignStatus;
  /** The support policy: each level's amount per unit (VND, decimal string) and the use it falls under. */
  readonly supportLevels: { readonly code: string; readonly name: string; readonly amount: string; readonly unit: string; readonly category: number | null }[];
}

export const CAMPAIGN_STATUSES = ['not-started', 'receiving', 'distributing', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export function campaignStatus(terms: CampaignTerms, today: string): CampaignStatus {
  if (today < terms.launchedOn) return 'not-started';
  if (terms.receivingEndsOn === null || today <= terms.receivingEndsOn) return 'receiving';
  if (terms.distributionEndsOn === null || today <= terms.distributionEndsOn) return 'distributing';
  return 'closed';
}

export function campaignDetails(store: Store, fund: Fund): CampaignDetails[] {
  const extensions = listCampaignExtensions(store.db, fund.entity.id);
  const today = accountingDateOf(new Date());
  return listCampaigns(store.db, fund.entity.id).map((row) => {
    const terms = fund.campaigns.get(row.code);
    if (!terms) throw new Error(`campaign ${row.code} is missing from the fund's snapshot`);
    return {
      code: row.code, name: row.name, kind: row.kind,
      legalBasis: { code: terms.legalBasis, title: fund.regime.legalBases.get(terms.legalBasis)?.title ?? terms.legalBasis },
      startsOn: row.startsOn, endsOn: row.endsOn, receivingEndsOn: terms.receivingEndsOn, distributionEndsOn: terms.distributionEndsOn,
      acceptsDesignated: row.acceptsDesignated, bankAccounts: [...terms.accounts],
      documents: listCampaignDocuments(store.db, row.id).map(({ number, date, issuer, title }) => ({ number, date, issuer, title })),
      extensions: extensions.filter((e) => e.campaignId === row.id).map(({ decisionNumber, decidedOn, endsOn }) => ({ decisionNumber, decidedOn, endsOn })),
      status: campaignStatus(terms, today),
      supportLevels: listSupportLevels(store.db, row.id).map((l) => ({ code: l.code, name: l.name, amount: formatAmount(BigInt(l.amount), 0), unit: l.unit, category: l.category })),
    };
  });
}

export function oneCampaign(store: Store, fund: Fund, code: string): Result<CampaignDetails> {
  const found = campaignDetails(store, fund).find((c) => c.code === code);
  return found ? accept(found) : reject('campaign_unknown', 'campaign', code);
}
