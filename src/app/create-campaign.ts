/**
 * Opening a campaign (cuộc vận động) in a fund: what it is for, the legal basis whose time
 * limits it follows (derived from its kind and launch unless named), the documents calling
 * for it, the bank or treasury accounts dedicated to it and whether it accepts designated
 * money, and its support policy. Postings then carry it, and the rules at posting hold it to its dates and accounts.
 */
import { insertSupportLevels } from '../db/allocations-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { dedicateBankAccounts, insertCampaign, insertCampaignDocuments, listCampaigns, type CampaignRow } from '../db/campaigns-repo.js';
import type { Store } from '../db/store.js';
import { legalBasisFor, type CampaignKind } from '../ledger/campaign.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { supportLevelRows, type SupportLevelInput } from './support-levels.js';

export interface CampaignDocument {
  readonly number: string;
  readonly date: string;
  readonly issuer: string;
  readonly title: string;
}

export interface CampaignRequest {
  readonly entity: string;
  readonly code: string;
  readonly name: string;
  readonly kind?: CampaignKind;
  /** A legal basis of the fund's regime; absent: the one that governs the kind at the launch date. */
  readonly legalBasis?: string;
  /** The launch. */
  readonly startsOn: string;
  /** The end of receiving, where the campaign sets its own; absent: the legal basis's limit. */
  readonly endsOn?: string;
  readonly distributionEndsOn?: string;
  readonly acceptsDesignated?: boolean;
  readonly documents?: readonly CampaignDocument[];
  /** Numbers of the fund's bank or treasury accounts that take this campaign's money and no other. */
  readonly bankAccounts?: readonly string[];
  /** The support policy: what each household (or other unit) receives at each level. */
  readonly supportLevels?: readonly SupportLevelInput[];
  readonly actor: Caller;
}

export function createCampaign(store: Store, request: CampaignRequest): Result<CampaignRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const { entity, regime } = fund.value;
    const kind = request.kind ?? 'other';
    const receivingEnd = request.endsOn ?? request.startsOn;
    if (receivingEnd < request.startsOn || (request.distributionEndsOn !== undefined && request.distributionEndsOn < receivingEnd)) {
      return reject('date_range_invalid', request.endsOn !== undefined && request.endsOn < request.startsOn ? 'endsOn' : 'distributionEndsOn', `${request.startsOn}..${request.endsOn ?? ''}..${request.distributionEndsOn ?? ''}`);
    }
    const basis = request.legalBasis === undefined ? legalBasisFor(kind, request.startsOn, regime.legalBases.values()) : regime.legalBases.get(request.legalBasis);
    if (!basis) return reject('legal_basis_unknown', 'legalBasis', request.legalBasis ?? `${kind} launched ${request.startsOn}`);
    if (listCampaigns(store.db, entity.id).some((c) => c.code === request.code)) return reject('campaign_code_taken', 'code', request.code);
    const accounts: number[] = [];
    for (const [index, number] of (request.bankAccounts ?? []).entries()) {
      const account = fund.value.bankAccounts.find((b) => b.number === number);
      if (!account) return reject('bank_account_unknown', `bankAccounts[${index}]`, number);
      if (account.campaignId !== null) return reject('campaign_account_mismatch', `bankAccounts[${index}]`, `${number} is dedicated to another campaign`);
      accounts.push(account.id);
    }
    const campaign = insertCampaign(store.db, {
      entityId: entity.id, code: request.code, name: request.name, kind, legalBasis: basis.code, startsOn: request.startsOn,
      endsOn: request.endsOn ?? null, distributionEndsOn: request.distributionEndsOn ?? null, acceptsDesignated: request.acceptsDesignated ?? true,
    });
    const levels = supportLevelRows(basis, campaign.id, request.supportLevels ?? [], []);
    if (!levels.ok) return levels;
    insertSupportLevels(store.db, levels.value);
    insertCampaignDocuments(store.db, (request.documents ?? []).map((d) => ({ campaignId: campaign.id, ...d })));
    dedicateBankAccounts(store.db, campaign.id, accounts);
    recordAudit(store.db, request.actor, {
      entityId: entity.id, kind: 'campaign.created', subject: campaign.code,
      detail: { name: campaign.name, kind, legalBasis: basis.code, bankAccounts: request.bankAccounts ?? [] },
    });
    return accept(campaign);
  });
}
