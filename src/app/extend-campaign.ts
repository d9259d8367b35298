/**
 * Extending a campaign's receiving by decision (gia hạn): only a fund of a level its legal
 * basis allows may extend, and the new end must come after the present one. The decision
 * stays on record; the rules at posting count it from then on.
 */
import { recordAudit } from '../db/audit-repo.js';
import { insertCampaignExtension, type CampaignExtensionRow } from '../db/campaigns-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export interface ExtensionRequest {
  readonly entity: string;
  readonly campaign: string;
  readonly decisionNumber: string;
  readonly decidedOn: string;
  /** The new last day of receiving. */
  readonly endsOn: string;
  readonly actor: Caller;
}

export function extendCampaign(store: Store, request: ExtensionRequest): Result<CampaignExtensionRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const { entity, regime } = fund.value;
    const terms = fund.value.campaigns.get(request.campaign);
    const id = fund.value.campaignIds.get(request.campaign);
    if (!terms || id === undefined) return reject('campaign_unknown', 'campaign', request.campaign);
    const levels = regime.legalBases.get(terms.legalBasis)?.extendingLevels ?? [];
    if (!levels.includes(entity.level)) {
      return reject('campaign_extension_not_allowed', 'campaign', `${terms.legalBasis} lets the ${levels.join(', ')} level extend, not ${entity.level}`);
    }
    if (request.endsOn <= (terms.receivingEndsOn ?? request.endsOn)) {
      return reject('date_range_invalid', 'endsOn', `${request.endsOn} is not after ${terms.receivingEndsOn ?? 'an open end'}`);
    }
    const extension = insertCampaignExtension(store.db, {
      campaignId: id, decisionNumber: request.decisionNumber, decidedOn: request.decidedOn, endsOn: request.endsOn, createdBy: request.actor.name,
    });
    recordAudit(store.db, request.actor, {
      entityId: entity.id, kind: 'campaign.extended', subject: request.campaign,
      detail: { decision: request.decisionNumber, decidedOn: request.decidedOn, endsOn: request.endsOn, previousEnd: terms.receivingEndsOn },
    });
    return accept(extension);
  });
}
