/**
 * Allocation decisions (quyết định phân bổ): a campaign's money decided, line by line, for
 * funds below or for households at a support level. A payment cites the decision's number
 * and the line it carries out; the line's campaign is the payment's, it is paid from an
 * expenditure account, and what is paid on it never goes past what was decided.
 */
import type { Minor } from './money.js';

/** A decision line as a payment cites it: the decision's number and the line's number in it. */
export interface AllocationRef {
  readonly decision: string;
  readonly line: number;
}

export const allocationKey = (ref: AllocationRef): string => `${ref.decision}\u0000${ref.line}`;

/** What a payment citing a decision line must agree with. */
export interface AllocationTerms {
  readonly ref: AllocationRef;
  readonly campaign: string;
  /** VND decided on the line. */
  readonly amount: Minor;
}

export type RecipientKind = 'fund' | 'household';

/** A level of a campaign's support policy: e.g. 70,000,000 per collapsed house. */
export interface SupportLevel {
  readonly code: string;
  readonly name: string;
  readonly amount: Minor;
  readonly unit: string;
  readonly category: number | null;
}

export interface AllocationLineInput {
  readonly recipientKind: RecipientKind;
  readonly recipient: string;
  readonly locality: string;
  readonly level?: string;
  readonly quantity?: number;
  /** VND; at a level, its amount times the quantity unless given. */
  readonly amount?: string;
  readonly category?: number;
}
