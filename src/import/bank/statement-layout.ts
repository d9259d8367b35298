/**
 * A bank statement's layout as data: the header cells that identify it, which column holds
 * each field, how its dates and amounts are written, and which of the bank's own control
 * figures it carries. Adding a bank's layout is a new entry in `layouts.ts`, not code.
 */

export type StatementField = 'date' | 'time' | 'debit' | 'credit' | 'amount' | 'balance' | 'remark' | 'ref' | 'counterAccount' | 'sender';

/** How amounts are written: `50.000`, `"500,000"`, `150000`, or `500.000,00`. */
export type AmountStyle = 'dot-thousands' | 'comma-thousands' | 'plain' | 'comma-decimals';

/**
 * The control figures a layout carries: a running balance on every row, a balance on the
 * last row of each day, or none (the bank's own counts and sums are then given with the import).
 */
export type StatementControl = 'row-balance' | 'day-end-balance' | 'none';

export interface StatementLayout {
  readonly id: string;
  readonly bank: string;
  readonly label: string;
  /** The header row's cells, in order, as the file writes them; a name the row repeats is told apart as `name#2`. */
  readonly header: readonly string[];
  readonly columns: Readonly<Partial<Record<StatementField, string>>>;
  /** `dmy`: dd/mm/yyyy; `dm`: dd/mm with no year, which the import is told. A time may follow the date in the same cell. */
  readonly dates: 'dmy' | 'dm';
  readonly amounts: AmountStyle;
  readonly control: StatementControl;
  /**
   * A column that numbers the rows (STT): a record whose cell there is not a number is a
   * title, opening-balance or footer line of the document, not a row.
   */
  readonly serial?: string;
}
