/**
 * A bank statement's layout as data: the header cells that identify it, which column holds
 * each field, how its dates and amounts are written, which of the bank's own control
 * figures it carries and where it prints them, and, for a PDF, how its table is printed.
 * Adding a bank's layout is a new entry in `layouts.ts`, not code.
 */
import type { PrintedFigures } from './statement-document.js';

/** A row's fields; `amount` is a signed column (a debit written with a minus), for banks that print one column for both sides. */
export const STATEMENT_FIELDS = ['date', 'time', 'debit', 'credit', 'amount', 'balance', 'remark', 'ref', 'counterAccount', 'sender'] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

/** How amounts are written: `50.000`, `"500,000"`, `150000`, `500.000,00` or `500,000.00`. */
export const AMOUNT_STYLES = ['dot-thousands', 'comma-thousands', 'plain', 'comma-decimals', 'dot-decimals'] as const;
export type AmountStyle = (typeof AMOUNT_STYLES)[number];

/** How dates are written: `dmy` dd/mm/yyyy (or with `-` or `.`), `dm` dd/mm with no year, which the import is told, `ymd` yyyy-mm-dd. */
export const DATE_STYLES = ['dmy', 'dm', 'ymd'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

/**
 * The control figures a layout carries: a running balance on every row, a balance on the
 * last row of each day, or none (the bank's own counts and sums are then given with the import).
 */
export const STATEMENT_CONTROLS = ['row-balance', 'day-end-balance', 'none'] as const;
export type StatementControl = (typeof STATEMENT_CONTROLS)[number];

/** How a PDF prints the layout's table, for rebuilding its rows from where the text stands. */
export interface PrintedTable {
  /**
   * Each header cell's title as printed, line by line, in the header's order: a bilingual
   * title stands over two lines (`Ngày` over `Date`).
   */
  readonly titles: readonly (readonly string[])[];
  /** Patterns of a line that ends a page's table: the page footer, a closing note. */
  readonly pageEnd: readonly string[];
}

export interface StatementLayout {
  readonly id: string;
  readonly bank: string;
  readonly label: string;
  /** The header row's cells, in order, as the file writes them; a name the row repeats is told apart as `name#2`. */
  readonly header: readonly string[];
  readonly columns: Readonly<Partial<Record<StatementField, string>>>;
  /** A time may follow the date in the same cell. */
  readonly dates: DateStyle;
  readonly amounts: AmountStyle;
  readonly control: StatementControl;
  /**
   * A column that numbers the rows (STT): a record whose cell there is not a number is a
   * title, opening-balance or footer line of the document, not a row.
   */
  readonly serial?: string;
  /**
   * The bank's own figures printed outside the rows, each a pattern whose first group is the
   * figure, matched against every line the document prints outside its rows (a PDF's header
   * block and footers, a spreadsheet's title and footer rows with their cells joined by spaces).
   */
  readonly figures?: Readonly<Partial<Record<keyof PrintedFigures, string>>>;
  /**
   * A column printing each row's value date as text: where a spreadsheet turned the date
   * column's text into a date by reading it month first, it tells which reading the bank typed.
   */
  readonly valueDate?: string;
  readonly table?: PrintedTable;
}
