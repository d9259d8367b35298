/**
 * A book of one account or one dimension over a date range: the cash book (sổ quỹ tiền
 * mặt), the bank book (sổ tiền gửi), the general ledger of an account (sổ cái) and the
 * subsidiary ledgers by counterparty, campaign or designation (sổ chi tiết). Each is an
 * opening balance, the lines in posting order with the running balance after each, the
 * period's debits and credits, and the closing balance.
 *
 * The totals come from the store before the lines are read, so a writer can print them
 * (and count pages) while the lines stream through once.
 */
import type { Minor } from '../ledger/money.js';
import { rereadable } from './rereadable.js';

/** A line as a book reads it from the store. */
export interface BookPosting {
  readonly date: string;
  readonly entrySeq: number;
  readonly description: string;
  readonly voucherNumber: string | null;
  readonly voucherDate: string | null;
  readonly voucherType: string | null;
  readonly account: string;
  /** In the book's unit (VND, or the foreign currency's minor units), debit positive. */
  readonly amount: Minor;
  readonly counterparty: string | null;
  readonly campaign: string | null;
  readonly contra: string | null;
}

export interface AccountBookLine extends BookPosting {
  readonly debit: Minor;
  readonly credit: Minor;
  /** Debit positive, after this line. */
  readonly balance: Minor;
}

export type AccountBookKind = 'cash' | 'bank' | 'ledger' | 'counterparty' | 'campaign' | 'designation';

export interface AccountBook {
  readonly kind: AccountBookKind;
  readonly from: string;
  readonly to: string;
  /** What the book is of: an account's code, a currency, a counterparty's name … */
  readonly subject: readonly { readonly label: string; readonly value: string }[];
  /** 'VND' or the foreign currency the amounts are in. */
  readonly currency: string;
  /** Decimal places of the amounts' minor units. */
  readonly scale: number;
  readonly opening: Minor;
  readonly debit: Minor;
  readonly credit: Minor;
  readonly closing: Minor;
  readonly count: number;
  /** Read again from the first line each time it is iterated (see rereadable). */
  readonly lines: Iterable<AccountBookLine>;
}

export interface AccountBookInput extends Omit<AccountBook, 'closing' | 'lines'> {
  /** Read again from the first each time it is iterated, as the lines are. */
  readonly postings: Iterable<BookPosting>;
}

function* running(opening: Minor, postings: Iterable<BookPosting>): Generator<AccountBookLine> {
  let balance = opening;
  for (const posting of postings) {
    const { amount } = posting;
    balance += amount;
    // Fields spelled out: spreading a million postings costs more than reading them.
    yield {
      date: posting.date,
      entrySeq: posting.entrySeq,
      description: posting.description,
      voucherNumber: posting.voucherNumber,
      voucherDate: posting.voucherDate,
      voucherType: posting.voucherType,
      account: posting.account,
      amount,
      counterparty: posting.counterparty,
      campaign: posting.campaign,
      contra: posting.contra,
      debit: amount > 0n ? amount : 0n,
      credit: amount < 0n ? -amount : 0n,
      balance,
    };
  }
}

export function accountBook(input: AccountBookInput): AccountBook {
  const { postings, ...book } = input;
  return { ...book, closing: input.opening + input.debit - input.credit, lines: rereadable(() => running(input.opening, postings)) };
}
