/**
 * Consolidating a fund with the funds below it: a transfer between two funds of the group
 * is a use (612) of the giver and a receipt (5113) of the receiver, so the group's
 * statements would count it twice. A transfer both sides recorded within the range is taken
 * out of both; the reconciliation lists the transfers one side has and the other lacks
 * (money still in transit on 113, or recorded on either side of the range's edge), and
 * what each fund sent or received outside the group's transfers.
 */
import type { Minor } from '../ledger/money.js';

export interface GroupTransfer {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly amount: Minor;
  readonly reason: string;
  /** The day the giver recorded the use (612); null while in transit. */
  readonly sentOn: string | null;
  /** The day the receiver recorded the receipt (5113); null while in transit. */
  readonly receivedOn: string | null;
  /** The day the money left the giver's bank. */
  readonly paidOn: string;
}

export type UnmatchedReason = 'in-transit' | 'sent-only' | 'received-only';

export interface ReconciliationItem {
  readonly transfer: GroupTransfer;
  readonly reason: UnmatchedReason;
}

export interface Elimination {
  readonly fund: string;
  readonly account: 'sent' | 'received';
  readonly amount: Minor;
}

export interface Reconciliation {
  readonly eliminated: readonly GroupTransfer[];
  readonly eliminations: readonly Elimination[];
  readonly unmatched: readonly ReconciliationItem[];
}

const within = (date: string | null, range: { from: string; to: string }): boolean => date !== null && date >= range.from && date <= range.to;

/** Sorts the group's transfers into those eliminated and those one side lacks within the range. */
export function reconcileTransfers(transfers: readonly GroupTransfer[], members: ReadonlySet<string>, range: { from: string; to: string }): Reconciliation {
  const eliminated: GroupTransfer[] = [];
  const eliminations: Elimination[] = [];
  const unmatched: ReconciliationItem[] = [];
  for (const transfer of transfers) {
    if (!members.has(transfer.from) || !members.has(transfer.to)) continue;
    const sent = within(transfer.sentOn, range);
    const received = within(transfer.receivedOn, range);
    if (sent && received) {
      eliminated.push(transfer);
      eliminations.push({ fund: transfer.from, account: 'sent', amount: transfer.amount }, { fund: transfer.to, account: 'received', amount: transfer.amount });
    } else if (transfer.receivedOn === null || transfer.receivedOn > range.to) {
      if (within(transfer.paidOn, range) || sent) unmatched.push({ transfer, reason: sent ? 'sent-only' : 'in-transit' });
    } else if (sent) {
      unmatched.push({ transfer, reason: 'sent-only' });
    } else if (received) {
      unmatched.push({ transfer, reason: 'received-only' });
    }
  }
  return { eliminated, eliminations, unmatched };
}
