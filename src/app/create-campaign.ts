/** Opening a campaign (cuộc vận động) in a fund, so postings can carry it as a dimension. */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { insertCampaign, listCampaigns, type CampaignRow } from '../db/dimensions-repo.js';
import type { Store } from '../db/store.js';
import { isIsoDate } from '../ledger/calendar.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export interface CampaignRequest {
  readonly entity: string;
  readonly code: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn?: string;
  readonly actor: Actor;
}

export function createCampaign(store: Store, request: CampaignRequest): Result<CampaignRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    if (!isIsoDate(request.startsOn) || (request.endsOn !== undefined && (!isIsoDate(request.endsOn) || request.endsOn < request.startsOn))) {
      return reject('date_range_invalid', 'startsOn', `${request.startsOn}..${request.endsOn ?? ''}`);
    }
    if (listCampaigns(store.db, fund.value.entity.id).some((c) => c.code === request.code)) {
      return reject('campaign_code_taken', 'code', request.code);
    }
    const campaign = insertCampaign(store.db, {
      entityId: fund.value.entity.id, code: request.code, name: request.name, startsOn: request.startsOn, endsOn: request.endsOn ?? null,
    });
    recordAudit(store.db, request.actor, { entityId: campaign.entityId, kind: 'campaign.created', subject: campaign.code, detail: { name: campaign.name } });
    return accept(campaign);
  });
}
