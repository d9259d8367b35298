/**
 * A campaign's allocation decisions with decided, paid and due per line, and its support
 * levels with the households paid at each — from the fund's whole chain, or from its entries
 * up to the entry id `lastEntry` and the decisions and levels recorded by the instant `asOf`
 * (how a publication stood), paid up to a date; without them, as the books stand now.
 */
import { allocationHouseholds, allocationPaidSums, listAllocationDecisions, listAllocationLines, listSupportLevels } from '../../db/allocations-repo.js';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { allocationReport, type AllocationReport, type DecisionLineRecord } from '../../reports/allocations.js';
import type { Fund } from '../fund.js';
import { LAST_DAY } from '../../ledger/calendar.js';

export function getAllocations(
  store: Store,
  fund: Fund,
  request: { campaign: string; to?: string; lastEntry?: number; internalRecipients?: ReadonlySet<string>; asOf?: string },
): AllocationReport {
  const campaign = fund.campaignIds.get(request.campaign) as number;
  const recorded = <T extends { createdAt: string }>(rows: readonly T[]): T[] => (request.asOf === undefined ? [...rows] : rows.filter((r) => r.createdAt <= (request.asOf as string)));
  const decisions = recorded(listAllocationDecisions(store.db, campaign));
  const levelRows = recorded(listSupportLevels(store.db, campaign));
  const levelCode = new Map(levelRows.map((l) => [l.id, l.code]));
  const names = new Map(listEntities(store.db).map((e) => [e.code, e.name]));
  const lines = decisions.flatMap((d) =>
    listAllocationLines(store.db, d.id).map((l): DecisionLineRecord => ({
      id: l.id, decisionId: d.id, lineNo: l.lineNo, recipientKind: l.recipientKind, recipient: l.recipient,
      recipientName: l.recipientKind === 'fund' ? (names.get(l.recipient) ?? l.recipient) : l.recipient,
      locality: l.locality, level: l.levelId === null ? null : (levelCode.get(l.levelId) ?? null), quantity: l.quantity, amount: BigInt(l.amount), category: l.category,
    })),
  );
  // Without a bound: everything paid, as the books stand now.
  const query = { entity: fund.entity.id, campaign, to: request.to ?? LAST_DAY, lastEntry: request.lastEntry ?? Number.MAX_SAFE_INTEGER };
  return allocationReport({
    decisions,
    lines,
    levels: levelRows.map((l) => ({ code: l.code, name: l.name, amount: BigInt(l.amount), unit: l.unit, category: l.category })),
    paid: new Map(allocationPaidSums(store.sqlite, query).map((p) => [p.allocationLineId, p.paid])),
    households: allocationHouseholds(store.sqlite, query),
    ...(request.internalRecipients && { internalRecipients: request.internalRecipients }),
  });
}
