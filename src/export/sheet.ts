/**
 * A book or statement laid out as a table, the one shape the PDF, XLSX and CSV writers
 * take. Builders turn a report value into sheets; writers only lay them out, so no writer
 * computes a figure but the one only paper has: the totals carried from page to page. The
 * body is an iterable read as it is written, so a book of a million lines never sits in
 * memory; its length is known beforehand, and the PDF writer reads it twice (to measure
 * how tall each row prints, then to draw it), so a body must start afresh each time it is
 * iterated (an array, or rereadable).
 */
import type { PrintSignature } from './print-model.js';

/** Text, an ISO date (printed dd/MM/yyyy), or an amount in minor units of its column's scale. */
export type CellValue = string | bigint | null;

export interface SheetColumn {
  readonly header: string;
  readonly kind: 'text' | 'date' | 'amount';
  /** Decimal places of the minor units in an amount column: 0 for VND, 2 for USD, 3 for quantities. */
  readonly scale?: number;
  /** Relative width, in characters. */
  readonly width: number;
}

export interface SheetRow {
  readonly cells: readonly CellValue[];
  /** Totals and balances print in bold. */
  readonly strong?: boolean;
}

export interface Sheet {
  /** The worksheet's name in XLSX (at most 31 characters). */
  readonly name: string;
  /** "SỔ QUỸ TIỀN MẶT". */
  readonly title: string;
  /** Top right: "Mẫu số S11-H" and the regulation; empty when none. */
  readonly form: readonly string[];
  /** Under the title: the period, the account, the currency … */
  readonly subtitle: readonly string[];
  readonly columns: readonly SheetColumn[];
  /** Rows before the body: the opening balance. */
  readonly head: readonly SheetRow[];
  readonly body: Iterable<SheetRow>;
  /** How many rows the body yields. */
  readonly bodyCount: number;
  /** Rows after the body: totals and the closing balance. */
  readonly foot: readonly SheetRow[];
  /** Lines under the table ("Sổ này có … trang", checks); `PAGES` in a line stands for the sheet's page count where the writer knows it. */
  readonly notes: readonly string[];
  /** What a book carries from one page to the next; none for a sheet that does not. */
  readonly carry?: SheetCarry;
  /** A book, signed by the one who keeps it (Người ghi sổ), not a report's preparer (Người lập biểu). */
  readonly book?: boolean;
  /** An annex after the signed sheet (a consolidation's reconciliation): the signatures close the sheet before it. */
  readonly annex?: boolean;
}

/**
 * Totals carried between a book's pages, as a book kept on paper has them: each page but
 * the last ends with "Cộng chuyển sang trang sau", each but the first starts with "Số
 * trang trước chuyển sang", both holding the body's sums so far and its running balance.
 */
export interface SheetCarry {
  /** The column that holds the label (the description). */
  readonly label: number;
  /** Amount columns summed over the body rows printed so far. */
  readonly sums: readonly number[];
  /** Columns holding the last printed row's cells (the balance after it), the opening row's before any body row. */
  readonly last: readonly number[];
}

export const CARRIED_OUT = 'Cộng chuyển sang trang sau';
export const CARRIED_IN = 'Số trang trước chuyển sang';

/**
 * Columns wider than this in all (in characters, times the print's scale) do not fit a
 * portrait A4 page at a readable size: the sheet prints landscape, in PDF and in XLSX.
 */
const LANDSCAPE_OVER = 110;

export function isLandscape(sheet: Pick<Sheet, 'columns'>, scale = 1): boolean {
  return sheet.columns.reduce((sum, c) => sum + c.width, 0) * scale > LANDSCAPE_OVER;
}

/** Which sheet the date line and signatures close: the last that is not an annex. */
export function signedSheet(sheets: readonly Sheet[]): number {
  const index = sheets.findLastIndex((s) => s.annex !== true);
  return index === -1 ? sheets.length - 1 : index;
}

/** Where a note prints the sheet's number of pages, two digits as a book numbers them. */
export const PAGES = '{pages}';

/** A page count as a book writes it: two digits at least ("05"). */
export const pageCountText = (pages: number): string => String(pages).padStart(2, '0');

/** The closing line of a book: how many pages it has and the day it was opened. */
export function bookNote(openedOn: string): string {
  return `Sổ này có ${PAGES} trang, đánh số từ trang 01 đến trang ${PAGES}. Ngày mở sổ: ${openedOn}.`;
}

/** The same signature box a voucher's attached lists print. */
export type SheetSignature = PrintSignature;

export interface SheetDocument {
  /** Top left: the fund's name, budget-unit code and address. */
  readonly issuer: readonly string[];
  readonly sheets: readonly Sheet[];
  /** "Ngày 31 tháng 12 năm 2024", over the signatures. */
  readonly dateLine: string;
  readonly signatures: readonly SheetSignature[];
  /** The seal's name, printed under the head's signature. */
  readonly seal: string | null;
  /** The seal's image, printed over the sealed signature; absent where the fund has none or prints none on reports. */
  readonly sealImage?: Uint8Array;
  /** Type and rows this many times their usual size: a posting version (niêm yết) prints at 1.5; default 1. */
  readonly scale?: number;
}
