/**
 * A campaign's allocation decisions as their readers follow them: per decision line, what
 * was decided, what has been paid on it and what is still due, with the households paid;
 * and the support policy's levels with the households and amounts at each. Pure: the sums
 * come from SQL.
 */
import type { RecipientKind, SupportLevel } from '../ledger/allocation.js';
import type { Minor } from '../ledger/money.js';

export interface DecisionRecord {
  readonly id: number;
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly tranche: number | null;
}

export interface DecisionLineRecord {
  readonly id: number;
  readonly decisionId: number;
  readonly lineNo: number;
  readonly recipientKind: RecipientKind;
  readonly recipient: string;
  /** The recipient fund's name, for a fund. */
  readonly recipientName: string;
  readonly locality: string;
  readonly level: string | null;
  readonly quantity: number;
  readonly amount: Minor;
  readonly category: number | null;
}

/** A decision line as read: what it gives to whom at which level, and what has been paid on it. */
export interface AllocationLineReport extends Pick<DecisionLineRecord, 'recipientKind' | 'recipient' | 'recipientName' | 'locality' | 'level' | 'quantity' | 'category'> {
  readonly line: number;
  readonly decided: Minor;
  readonly paid: Minor;
  readonly due: Minor;
  /** The households paid on the line, by name (no address, ID or account). */
  readonly households: readonly { readonly name: string; readonly amount: Minor }[];
}

export interface DecisionReport {
  readonly number: string;
  readonly decidedOn: string;
  readonly signer: string;
  readonly tranche: number | null;
  readonly decided: Minor;
  readonly paid: Minor;
  readonly due: Minor;
  readonly lines: readonly AllocationLineReport[];
}

export interface LevelReport extends SupportLevel {
  /** Units decided at the level, and the households actually paid on its lines. */
  readonly decidedUnits: number;
  readonly decided: Minor;
  readonly households: number;
  readonly paid: Minor;
}

export interface AllocationReport {
  readonly decisions: readonly DecisionReport[];
  readonly levels: readonly LevelReport[];
  /** Paid on the decisions' lines, by the legal basis's use (null: no use named); to a fund of the consolidation, not at all. */
  readonly byUse: readonly { readonly category: number | null; readonly paid: Minor }[];
}

export function allocationReport(input: {
  readonly decisions: readonly DecisionRecord[];
  readonly lines: readonly DecisionLineRecord[];
  readonly levels: readonly SupportLevel[];
  readonly paid: ReadonlyMap<number, Minor>;
  readonly households: readonly { readonly allocationLineId: number; readonly name: string; readonly amount: Minor }[];
  /** Funds of a consolidation: what is allocated to them is used once, where they spend it, not twice. */
  readonly internalRecipients?: ReadonlySet<string>;
}): AllocationReport {
  const householdsOf = new Map<number, { name: string; amount: Minor }[]>();
  for (const h of input.households) householdsOf.set(h.allocationLineId, [...(householdsOf.get(h.allocationLineId) ?? []), { name: h.name, amount: h.amount }]);
  const lineReports = new Map<number, AllocationLineReport>();
  for (const l of input.lines) {
    const paid = input.paid.get(l.id) ?? 0n;
    lineReports.set(l.id, {
      line: l.lineNo, recipientKind: l.recipientKind, recipient: l.recipient, recipientName: l.recipientName, locality: l.locality,
      level: l.level, quantity: l.quantity, category: l.category, decided: l.amount, paid, due: l.amount - paid, households: householdsOf.get(l.id) ?? [],
    });
  }
  const decisions = input.decisions.map((d): DecisionReport => {
    const lines = input.lines.filter((l) => l.decisionId === d.id).sort((a, b) => a.lineNo - b.lineNo).map((l) => lineReports.get(l.id) as AllocationLineReport);
    const decided = lines.reduce((a, l) => a + l.decided, 0n);
    const paid = lines.reduce((a, l) => a + l.paid, 0n);
    return { number: d.number, decidedOn: d.decidedOn, signer: d.signer, tranche: d.tranche, decided, paid, due: decided - paid, lines };
  });
  const all = [...lineReports.values()];
  const levels = input.levels.map((level): LevelReport => {
    const at = all.filter((l) => l.level === level.code);
    return {
      ...level,
      decidedUnits: at.reduce((a, l) => a + l.quantity, 0),
      decided: at.reduce((a, l) => a + l.decided, 0n),
      households: at.reduce((a, l) => a + l.households.length, 0),
      paid: at.reduce((a, l) => a + l.households.reduce((s, h) => s + h.amount, 0n), 0n),
    };
  });
  const internal = input.internalRecipients ?? new Set<string>();
  const paidUses = all.filter((l) => l.paid !== 0n && !(l.recipientKind === 'fund' && internal.has(l.recipient))).map((l) => ({ category: l.category, paid: l.paid }));
  return { decisions, levels, byUse: usesSummed(paidUses) };
}

/** What was paid per use, the uses in their legal basis's order and the unnamed last: of one fund's lines, or of several funds' sums. */
export function usesSummed(paid: readonly { readonly category: number | null; readonly paid: Minor }[]): AllocationReport['byUse'] {
  const uses = new Map<number | null, Minor>();
  for (const u of paid) uses.set(u.category, (uses.get(u.category) ?? 0n) + u.paid);
  return [...uses].sort(([a], [b]) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER)).map(([category, amount]) => ({ category, paid: amount }));
}
