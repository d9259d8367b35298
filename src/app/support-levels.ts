/**
 * A campaign's support policy as rows to add: each level's code new to the campaign, its
 * amount a whole number of đồng above zero, and its use one the legal basis lists (where the
 * basis lists any).
 */
import type { SupportLevelRow } from '../db/allocations-repo.js';
import type { LegalBasis } from '../ledger/campaign.js';
import { parseAmount } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';

export interface SupportLevelInput {
  readonly code: string;
  readonly name: string;
  readonly amount: string;
  readonly unit?: string;
  readonly category?: number;
}

export function supportLevelRows(
  basis: LegalBasis,
  campaignId: number,
  levels: readonly SupportLevelInput[],
  existing: readonly SupportLevelRow[],
): Result<Omit<SupportLevelRow, 'id' | 'createdAt'>[]> {
  const taken = new Set(existing.map((l) => l.code));
  const rows: Omit<SupportLevelRow, 'id' | 'createdAt'>[] = [];
  for (const [index, level] of levels.entries()) {
    if (taken.has(level.code)) return reject('support_level_code_taken', `supportLevels[${index}].code`, level.code);
    taken.add(level.code);
    const amount = parseAmount(level.amount, 0);
    if (!amount.ok || amount.value <= 0n) return reject('amount_malformed', `supportLevels[${index}].amount`, level.amount);
    if (level.category !== undefined && basis.uses.length > 0 && !basis.uses.some((u) => u.number === level.category)) {
      return reject('campaign_use_unknown', `supportLevels[${index}].category`, `${level.category} under ${basis.code}`);
    }
    rows.push({ campaignId, code: level.code, name: level.name, amount: Number(amount.value), unit: level.unit ?? 'hộ', category: level.category ?? null });
  }
  return accept(rows);
}
