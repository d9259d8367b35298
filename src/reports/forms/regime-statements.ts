/** The statements each accounting regime publishes, and the accounts its books and consolidation read. */
import type { StatementForm } from '../statement-form.js';
import { BOOK_ACCOUNTS, FINANCIAL_POSITION, RECEIPTS_AND_USES, TRANSFER_ACCOUNTS } from './tt103-2018.js';

export const STATEMENT_IDS = ['financial-position', 'receipts-and-uses'] as const;
export type StatementId = (typeof STATEMENT_IDS)[number];

export interface RegimeStatements {
  readonly forms: Readonly<Record<StatementId, StatementForm>>;
  readonly transferAccounts: { readonly sent: string; readonly received: string; readonly inTransit: string };
  /** The accounts the books are kept on: cash (sổ quỹ), goods by quantity and foreign currency. */
  readonly bookAccounts: { readonly cash: string; readonly goods: string; readonly currency: string };
}

export const REGIME_STATEMENTS: ReadonlyMap<string, RegimeStatements> = new Map(Object.entries({
  'TT103/2018': {
    forms: { 'financial-position': FINANCIAL_POSITION, 'receipts-and-uses': RECEIPTS_AND_USES },
    transferAccounts: TRANSFER_ACCOUNTS,
    bookAccounts: BOOK_ACCOUNTS,
  },
}));

/** The statements and book accounts of a regime; every regime a fund can have is listed here. */
export function regimeStatements(regime: string): RegimeStatements {
  const statements = REGIME_STATEMENTS.get(regime);
  if (!statements) throw new Error(`regime ${regime} has no statement forms`);
  return statements;
}
