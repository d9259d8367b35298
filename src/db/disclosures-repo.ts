/** Published disclosures: frozen, append-only, each with the chain head it was derived at. */
import { and, asc, eq } from 'drizzle-orm';
import { campaigns, disclosures, entities } from './schema.js';
import type { Db } from './store.js';

export type DisclosureRow = typeof disclosures.$inferSelect;

/** A published disclosure with the codes of its fund and campaign, and the id of the one that superseded it. */
export interface PublishedRow extends DisclosureRow {
  readonly entity: string;
  readonly campaign: string;
  readonly supersededBy: number | null;
}

export function insertDisclosure(db: Db, row: typeof disclosures.$inferInsert): DisclosureRow {
  return db.insert(disclosures).values(row).returning().get();
}

export function listPublished(db: Db, filter: { entity?: string; campaign?: string }): PublishedRow[] {
  const rows = db
    .select({ disclosure: disclosures, entity: entities.code, campaign: campaigns.code })
    .from(disclosures)
    .innerJoin(entities, eq(entities.id, disclosures.entityId))
    .innerJoin(campaigns, eq(campaigns.id, disclosures.campaignId))
    .where(and(filter.entity === undefined ? undefined : eq(entities.code, filter.entity), filter.campaign === undefined ? undefined : eq(campaigns.code, filter.campaign)))
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
    .innerJoin(campaigns, eq(campaigns.id, disclosures.campaignId))
    .where(eq(disclosures.id, id))
    .get();
  if (!row) return undefined;
  const next = db.select({ id: disclosures.id }).from(disclosures).where(eq(disclosures.supersedesId, id)).get();
  return { ...row.disclosure, entity: row.entity, campaign: row.campaign, supersededBy: next?.id ?? null };
}
