/** Any of a fund's books, as a value tagged by its shape, with the form it prints on. */
import type { AccountBook, AccountBookKind } from './account-book.js';
import type { GeneralJournal } from './general-journal.js';
import type { HoldingBook } from './holding-book.js';

/** Which book a form is for: the kinds of account book, the journal, goods and currency. */
export type BookFormId = AccountBookKind | 'journal' | HoldingBook['kind'];

/** A regime's form per book: "Mẫu số S11-H" and the circular it comes from; a book not listed prints none. */
export type BookForms = Readonly<Partial<Record<BookFormId, readonly string[]>>>;

export type Book = (
  | { readonly kind: 'account'; readonly value: AccountBook }
  | { readonly kind: 'journal'; readonly value: GeneralJournal }
  | { readonly kind: 'holding'; readonly value: HoldingBook }
) & {
  /** The form's lines from the fund's regime; empty when it has none. */
  readonly form: readonly string[];
};

