/**
 * A campaign's support levels, its allocation decisions with their lines, and what has been
 * paid on each line (net debits of the lines that cite it, as INTEGER đồng read as bigint).
 */
import type Database from 'better-sqlite3';
import { and, asc, eq } from 'drizzle-orm';
import { allocationDecisions, allocationLines, campaigns, campaignSupportLevels } from './schema.js';
import type { Db } from './store.js';

export type SupportLevelRow = typeof campaignSupportLevels.$inferSelect;
export type AllocationDecisionRow = typeof allocationDecisions.$inferSelect;
export type AllocationLineRow = typeof allocationLines.$inferSelect;

export function insertSupportLevels(db: Db, rows: (typeof campaignSupportLevels.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(campaignSupportLevels).values(rows).run();
}

export function listSupportLevels(db: Db, campaignId: number): SupportLevelRow[] {
  return db.select().from(campaignSupportLevels).where(eq(campaignSupportLevels.campaignId, campaignId)).orderBy(asc(campaignSupportLevels.id)).all();
}

export function insertAllocationDecision(db: Db, row: typeof allocationDecisions.$inferInsert): AllocationDecisionRow {
  return db.insert(allocationDecisions).values(row).returning().get();
}

/** Rows per INSERT: a decision may have thousands of lines, and one statement takes at most 32,766 values. */
const LINES_PER_INSERT = 1000;

export function insertAllocationLines(db: Db, rows: (typeof allocationLines.$inferInsert)[]): void {
  for (let start = 0; start < rows.length; start += LINES_PER_INSERT) db.insert(allocationLines).values(rows.slice(start, start + LINES_PER_INSERT)).run();
}

export function findAllocationDecision(db: Db, entityId: number, number: string): AllocationDecisionRow | undefined {
  return db.select().from(allocationDecisions).where(and(eq(allocationDecisions.entityId, entityId), eq(allocationDecisions.number, number))).get();
}

/** Every decision line of a fund, with its decision's number and its campaign's code: what payments may cite. */
export function listFundAllocationLines(db: Db, entityId: number): { id: number; decision: string; lineNo: number; campaign: string; amount: number }[] {
  return db
    .select({ id: allocationLines.id, decision: allocationDecisions.number, lineNo: allocationLines.lineNo, campaign: campaigns.code, amount: allocationLines.amount })
    .from(allocationLines)
    .innerJoin(allocationDecisions, eq(allocationDecisions.id, allocationLines.decisionId))
    .innerJoin(campaigns, eq(campaigns.id, allocationDecisions.campaignId))
    .where(eq(allocationDecisions.entityId, entityId))
    .all();
}

export function listAllocationDecisions(db: Db, campaignId: number): AllocationDecisionRow[] {
  return db.select().from(allocationDecisions).where(eq(allocationDecisions.campaignId, campaignId)).orderBy(asc(allocationDecisions.decidedOn), asc(allocationDecisions.id)).all();
}

export function listAllocationLines(db: Db, decisionId: number): AllocationLineRow[] {
  return db.select().from(allocationLines).where(eq(allocationLines.decisionId, decisionId)).orderBy(asc(allocationLines.lineNo)).all();
}

export interface AllocationPaid {
  readonly allocationLineId: number;
  readonly paid: bigint;
}

/**
 * What was paid on each decision line of a campaign, from entries up to the entry id
 * `lastEntry` and dated up to `to`: net debits of the lines citing it.
 */
export function allocationPaidSums(sqlite: Database.Database, query: { entity: number; campaign: number; to: string; lastEntry: number }): AllocationPaid[] {
  const rows = sqlite
    .prepare(
      `SELECT l.allocation_line_id AS allocationLineId, SUM(l.amount) AS paid
       FROM allocation_lines a
       JOIN allocation_decisions d ON d.id = a.decision_id
       JOIN entry_lines l ON l.allocation_line_id = a.id
       WHERE d.entity_id = @entity AND d.campaign_id = @campaign AND l.date <= @to AND l.entry_id <= @lastEntry
       GROUP BY l.allocation_line_id`,
    )
    .safeIntegers(true)
    .all(query) as { allocationLineId: bigint; paid: bigint }[];
  return rows.map((r) => ({ allocationLineId: Number(r.allocationLineId), paid: r.paid }));
}

/** The households paid on a campaign's decision lines, by name, with what each received: the public list (no address, ID or account). */
export function allocationHouseholds(sqlite: Database.Database, query: { entity: number; campaign: number; to: string; lastEntry: number }): { allocationLineId: number; name: string; amount: bigint }[] {
  const rows = sqlite
    .prepare(
      `SELECT l.allocation_line_id AS allocationLineId, c.name AS name, SUM(l.amount) AS amount
       FROM allocation_lines a
       JOIN allocation_decisions d ON d.id = a.decision_id
       JOIN entry_lines l ON l.allocation_line_id = a.id
       JOIN counterparties c ON c.id = l.counterparty_id AND c.kind = 'beneficiary'
       WHERE d.entity_id = @entity AND d.campaign_id = @campaign AND l.date <= @to AND l.entry_id <= @lastEntry
       GROUP BY l.allocation_line_id, c.id
       HAVING SUM(l.amount) <> 0
       ORDER BY l.allocation_line_id, c.name`,
    )
    .safeIntegers(true)
    .all(query) as { allocationLineId: bigint; name: string; amount: bigint }[];
  return rows.map((r) => ({ allocationLineId: Number(r.allocationLineId), name: r.name, amount: r.amount }));
}
