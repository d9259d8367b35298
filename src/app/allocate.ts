/**
 * Recording an allocation decision (quyết định phân bổ) of a campaign: its number (unique in
 * the fund), date, signer and tranche, and lines that give amounts to funds directly below
 * or to households, each in a locality and, for a level of the campaign's support policy,
 * that level's amount times the units. The decision stays on record; payments and transfers
 * then cite its lines, and never pay more on a line than it decided.
 */
import { findAllocationDecision, insertAllocationDecision, insertAllocationLines, listSupportLevels, type AllocationDecisionRow, type AllocationLineRow } from '../db/allocations-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { listEntities } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { AllocationLineInput } from '../ledger/allocation.js';
import { FUND_LIMIT, parseAmount } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export interface AllocationRequest {
  readonly entity: string;
  readonly campaign: string;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly tranche?: number;
  readonly lines: readonly AllocationLineInput[];
  readonly actor: Caller;
}

export function allocate(store: Store, request: AllocationRequest): Result<AllocationDecisionRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const { entity, regime } = fund.value;
    const campaignId = fund.value.campaignIds.get(request.campaign);
    const terms = fund.value.campaigns.get(request.campaign);
    if (campaignId === undefined || !terms) return reject('campaign_unknown', 'campaign', request.campaign);
    if (request.decidedOn < terms.launchedOn) return reject('campaign_not_started', 'decidedOn', `${terms.code} launched ${terms.launchedOn}`);
    if (findAllocationDecision(store.db, entity.id, request.number)) return reject('allocation_number_taken', 'number', request.number);
    const basis = regime.legalBases.get(terms.legalBasis);
    const levels = new Map(listSupportLevels(store.db, campaignId).map((l) => [l.code, l]));
    const children = new Set(listEntities(store.db).filter((e) => e.parentId === entity.id).map((e) => e.code));
    const rows: Omit<AllocationLineRow, 'id' | 'decisionId'>[] = [];
    for (const [index, line] of request.lines.entries()) {
      const path = `lines[${index}]`;
      if (line.recipientKind === 'fund' && !children.has(line.recipient)) return reject('allocation_recipient_unknown', `${path}.recipient`, line.recipient);
      const level = line.level === undefined ? undefined : levels.get(line.level);
      if (line.level !== undefined && !level) return reject('support_level_unknown', `${path}.level`, line.level);
      const quantity = line.quantity ?? 1;
      const given = line.amount === undefined ? null : parseAmount(line.amount, 0);
      if (given && (!given.ok || given.value <= 0n || given.value > FUND_LIMIT)) return reject('amount_malformed', `${path}.amount`, line.amount);
      const atLevel = level ? BigInt(level.amount) * BigInt(quantity) : null;
      if (atLevel !== null && given?.ok && given.value !== atLevel) return reject('allocation_amount_mismatch', `${path}.amount`, `${level?.code}: ${quantity} × ${level?.amount} = ${atLevel}`);
      const amount = given?.ok ? given.value : atLevel;
      if (amount === null) return reject('amount_malformed', `${path}.amount`, 'a line without a support level gives its amount');
      if (amount > FUND_LIMIT) return reject('amount_malformed', `${path}.amount`, `${amount}`);
      const category = line.category ?? level?.category ?? null;
      if (category !== null && basis && basis.uses.length > 0 && !basis.uses.some((u) => u.number === category)) {
        return reject('campaign_use_unknown', `${path}.category`, `${category} under ${basis.code}`);
      }
      rows.push({
        lineNo: index + 1, recipientKind: line.recipientKind, recipient: line.recipient, locality: line.locality,
        levelId: level?.id ?? null, quantity, amount: Number(amount), category,
      });
    }
    const decision = insertAllocationDecision(store.db, {
      entityId: entity.id, campaignId, number: request.number, decidedOn: request.decidedOn, signer: request.signer,
      tranche: request.tranche ?? null, createdBy: request.actor.name,
    });
    insertAllocationLines(store.db, rows.map((r) => ({ ...r, decisionId: decision.id })));
    recordAudit(store.db, request.actor, {
      entityId: entity.id, kind: 'allocation.decided', subject: decision.number,
      detail: { campaign: request.campaign, lines: rows.length, total: String(rows.reduce((a, r) => a + BigInt(r.amount), 0n)) },
    });
    return accept(decision);
  });
}
