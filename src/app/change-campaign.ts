/**
 * Changing a campaign once opened (PATCH): its name and whether it accepts designated money
 * are set; calling documents and support levels are added to what is on record, never
 * rewritten, since payments and disclosures already cite them. Its dates move only by an
 * extension decision.
 */
import { insertSupportLevels, listSupportLevels } from '../db/allocations-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { insertCampaignDocuments, updateCampaignRow } from '../db/campaigns-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import type { CampaignDocument } from './create-campaign.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { supportLevelRows, type SupportLevelInput } from './support-levels.js';

export interface CampaignChange {
  readonly entity: string;
  readonly campaign: string;
  readonly name?: string;
  readonly acceptsDesignated?: boolean;
  readonly documents?: readonly CampaignDocument[];
  readonly supportLevels?: readonly SupportLevelInput[];
  readonly actor: Caller;
}

export function changeCampaign(store: Store, change: CampaignChange): Result<{ readonly code: string }> {
  return inTransaction(store, () => {
    const fund = loadFund(store, change.entity);
    if (!fund.ok) return fund;
    const id = fund.value.campaignIds.get(change.campaign);
    const terms = fund.value.campaigns.get(change.campaign);
    if (id === undefined || !terms) return reject('campaign_unknown', 'campaign', change.campaign);
    const basis = fund.value.regime.legalBases.get(terms.legalBasis);
    if (!basis) throw new Error(`campaign ${change.campaign} follows unknown legal basis ${terms.legalBasis}`);
    const levels = supportLevelRows(basis, id, change.supportLevels ?? [], listSupportLevels(store.db, id));
    if (!levels.ok) return levels;
    if (change.name !== undefined || change.acceptsDesignated !== undefined) {
      updateCampaignRow(store.db, id, { ...(change.name !== undefined && { name: change.name }), ...(change.acceptsDesignated !== undefined && { acceptsDesignated: change.acceptsDesignated }) });
    }
    insertCampaignDocuments(store.db, (change.documents ?? []).map((d) => ({ campaignId: id, ...d })));
    insertSupportLevels(store.db, levels.value);
    recordAudit(store.db, change.actor, {
      entityId: fund.value.entity.id, kind: 'campaign.changed', subject: change.campaign,
      detail: {
        ...(change.name !== undefined && { name: change.name }),
        ...(change.acceptsDesignated !== undefined && { acceptsDesignated: change.acceptsDesignated }),
        documents: (change.documents ?? []).map((d) => d.number),
        supportLevels: (change.supportLevels ?? []).map((l) => l.code),
      },
    });
    return accept({ code: change.campaign });
  });
}
