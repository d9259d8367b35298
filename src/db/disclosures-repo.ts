/** Published disclosures, of campaigns and of funds' own periods: frozen, append-only, each with the chain head it was derived at. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { campaigns, disclosures, entities } from './schema.js';
import type { Db } from './store.js';

export type DisclosureRow = typeof disclosures.$inferSelect;

/** A published disclosure with the codes of its fund and campaign, and the id of the one that superseded it. */
export interface PublishedRow extends DisclosureRow {
  readonly entity: string;
  /** Null for a fund's own periodic report. */
  readonly campaign: string | null;
  readonly supersededBy: number | null;
}

export function insertDisclosure(db: Db, row: typeof disclosures.$inferInsert): DisclosureRow {
  return db.insert(disclosures).values(row).returning().get();
}

/** Publications filtered by fund and by campaign; `campaign: null` keeps the funds' own periodic reports. */
export function listPublished(db: Db, filter: { entity?: string; campaign?: string | null }): PublishedRow[] {
  const rows = db
    .select({ disclosure: disclosures, entity: entities.code, campaign: campaigns.code })
    .from(disclosures)
    .innerJoin(entities, eq(entities.id, disclosures.entityId))
    .leftJoin(campaigns, eq(campaigns.id, disclosures.campaignId))
    .where(and(filter.entity === undefined ? undefined : eq(entities.code, filter.entity), filter.campaign === undefined ? undefined : filter.campaign === null ? isNull(disclosures.campaignId) : eq(campaigns.code, filter.campaign)))
    .orderBy(asc(disclosures.id))
    .all();
  const superseding = new Map(rows.filter((r) => r.disclosure.supersedesId !== null).map((r) => [r.disclosure.supersedesId, r.disclosure.id]));
  return rows.map((r) => ({ ...r.disclosure, entity: r.entity, campaign: r.campaign, supersededBy: superseding.get(r.disclosure.id) ?? null }));
}

export function findPublished(db: Db, id: number): PublishedRow | undefined {
  const row = db
    .select({ disclosure: disclosures, entity: entities.code, campaign: campaigns.code })
    .from(disclosures)
    .innerJoin(entities, eq(entities.id, disclosures.entityId))
    .leftJoin(campaigns, eq(campaigns.id, disclosures.campaignId))
    .where(eq(disclosures.id, id))
    .get();
  if (!row) return undefined;
  const next = db.select({ id: disclosures.id }).from(disclosures).where(eq(disclosures.supersedesId, id)).get();
  return { ...row.disclosure, entity: row.entity, campaign: row.campaign, supersededBy: next?.id ?? null };
}
