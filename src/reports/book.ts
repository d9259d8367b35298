/** Any of a fund's books, as a value tagged by its shape. */
import type { AccountBook } from './account-book.js';
import type { GeneralJournal } from './general-journal.js';
import type { HoldingBook } from './holding-book.js';

export type Book =
  | { readonly kind: 'account'; readonly value: AccountBook }
  | { readonly kind: 'journal'; readonly value: GeneralJournal }
  | { readonly kind: 'holding'; readonly value: HoldingBook };
