/**
 * The general journal (nhật ký chung): every line of the fund in the order it was posted,
 * with its voucher, and the period's debits and credits, which must agree.
 */
import type { Minor } from '../ledger/money.js';
import type { BookPosting } from './account-book.js';

export interface GeneralJournal {
  readonly from: string;
  readonly to: string;
  readonly debit: Minor;
  readonly credit: Minor;
  readonly balanced: boolean;
  readonly count: number;
  /** Read again from the first line each time it is iterated (see rereadable). */
  readonly lines: Iterable<BookPosting>;
}

export function generalJournal(input: Omit<GeneralJournal, 'balanced'>): GeneralJournal {
  return { ...input, balanced: input.debit === input.credit };
}
