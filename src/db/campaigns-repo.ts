/** Campaigns of a fund, the documents that call for them, and the decisions that extend them. */
import { asc, eq, inArray } from 'drizzle-orm';
import { bankAccounts, campaignDocuments, campaignExtensions, campaigns } from './schema.js';
import type { Db } from './store.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignDocumentRow = typeof campaignDocuments.$inferSelect;
export type CampaignExtensionRow = typeof campaignExtensions.$inferSelect;

export function listCampaigns(db: Db, entityId: number): CampaignRow[] {
  return db.select().from(campaigns).where(eq(campaigns.entityId, entityId)).all();
}

export function insertCampaign(db: Db, row: typeof campaigns.$inferInsert): CampaignRow {
  return db.insert(campaigns).values(row).returning().get();
}

export function updateCampaignRow(db: Db, id: number, patch: Partial<Pick<CampaignRow, 'name' | 'acceptsDesignated'>>): void {
  db.update(campaigns).set(patch).where(eq(campaigns.id, id)).run();
}

export function insertCampaignDocuments(db: Db, rows: (typeof campaignDocuments.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(campaignDocuments).values(rows).run();
}

export function listCampaignDocuments(db: Db, campaignId: number): CampaignDocumentRow[] {
  return db.select().from(campaignDocuments).where(eq(campaignDocuments.campaignId, campaignId)).orderBy(asc(campaignDocuments.id)).all();
}

export function insertCampaignExtension(db: Db, row: typeof campaignExtensions.$inferInsert): CampaignExtensionRow {
  return db.insert(campaignExtensions).values(row).returning().get();
}

/** The extensions of every campaign of a fund, in the order decided. */
export function listCampaignExtensions(db: Db, entityId: number): CampaignExtensionRow[] {
  return db
    .select({ extension: campaignExtensions })
    .from(campaignExtensions)
    .innerJoin(campaigns, eq(campaigns.id, campaignExtensions.campaignId))
    .where(eq(campaigns.entityId, entityId))
    .orderBy(asc(campaignExtensions.id))
    .all()
    .map((r) => r.extension);
}

/** Dedicates bank or treasury accounts of the fund to a campaign. */
export function dedicateBankAccounts(db: Db, campaignId: number, bankAccountIds: readonly number[]): void {
  if (bankAccountIds.length > 0) db.update(bankAccounts).set({ campaignId }).where(inArray(bankAccounts.id, [...bankAccountIds])).run();
}
