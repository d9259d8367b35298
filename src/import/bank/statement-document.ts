/**
 * A bank statement as its file holds it, whatever the format: its records as cells in order
 * (title lines, the header row, the rows, footers), and the bank's own figures printed
 * outside the rows — a header block's counts and sums, a footer's total, the balances
 * before and after — known once the records have been read.
 */

export interface PrintedFigures {
  readonly creditCount?: number;
  readonly creditSum?: bigint;
  readonly debitCount?: number;
  readonly debitSum?: bigint;
  readonly opening?: bigint;
  readonly closing?: bigint;
}

export interface StatementDocument {
  /** Whether title lines may come before the header row (a printed document), or the header is the first record (CSV). */
  readonly titled: boolean;
  readonly records: AsyncIterable<readonly string[]>;
  /** What the document printed of its own figures; complete once `records` is exhausted. */
  printed(): PrintedFigures;
  /** Stops reading and lets go of the file. */
  close(): void;
}
