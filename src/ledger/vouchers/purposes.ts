/**
 * What money comes in for and goes out on: each purpose names the account its side of the
 * entry takes and the counterparty kind it usually has, so the common voucher needs only a
 * purpose, an amount and a counterparty. The purposes are each regime's data (src/regimes/).
 */
import type { CounterpartyKind } from '../entry.js';

export interface Purpose {
  readonly code: string;
  readonly label: string;
  /** Receipts credit the account; payments and issues debit it. */
  readonly flow: 'in' | 'out';
  readonly account: string;
  /** The kind a counterparty named on the voucher is recorded as. */
  readonly counterparty: CounterpartyKind;
  /** Cash moved to or from the bank: the line on the purpose's side names the bank account. */
  readonly namesBankAccount?: true;
  /** Money on its way to another fund: a decision line it carries out is paid when it arrives. */
  readonly inTransit?: true;
}
