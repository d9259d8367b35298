/**
 * A MISA import template as data: its sheet, the rows above its header, and each column in
 * order with its exact header text (quirks such as a trailing space included), what it is
 * filled with and its limit. Adding another installation's template is a new data module
 * beside the SME.NET and AMIS ones, not code.
 */

/** The kinds of voucher MISA imports, one template each. */
export const MISA_VOUCHER_TEMPLATES = ['phieu-thu', 'phieu-chi', 'thu-tien-gui', 'chi-tien-gui', 'chung-tu-khac'] as const;
export type MisaVoucherTemplate = (typeof MISA_VOUCHER_TEMPLATES)[number];

export const MISA_PRODUCTS = ['sme', 'amis'] as const;
export type MisaProduct = (typeof MISA_PRODUCTS)[number];

/** What one row (one debit–credit pair of a voucher) can put in a column. */
export type MisaField =
  | 'postingDate' | 'voucherDate' | 'number' | 'counterpartyName' | 'address' | 'reason' | 'reasonText' | 'person'
  | 'attachments' | 'description' | 'debitAccount' | 'creditAccount' | 'amount' | 'bankAccount' | 'bankName'
  | 'currency' | 'rate' | 'convertedAmount' | 'paymentMethod';

export interface MisaColumn {
  readonly header: string;
  /** Null: the column stays empty. */
  readonly field: MisaField | null;
  /** The most characters MISA takes in it. */
  readonly maxLength?: number;
}

/** What the reason column holds: a code or text per purpose of the voucher, else the default. */
export interface MisaReasons {
  readonly byPurpose: Readonly<Record<string, string>>;
  readonly otherwise: string;
}

export interface MisaLayout {
  readonly product: MisaProduct;
  readonly template: MisaVoucherTemplate;
  readonly sheet: string;
  /** Rows above the header, each a list of cells from column A. */
  readonly preamble: readonly (readonly string[])[];
  readonly columns: readonly MisaColumn[];
  readonly reasons: MisaReasons;
  /** For a payment template with a payment method column: what it holds. */
  readonly paymentMethod?: string;
}

/** The columns of a header line written as in MISA.md: texts between bars, in order. */
export function columns(spec: string, fields: Readonly<Record<string, MisaField>>, limits: Readonly<Record<string, number>> = {}): MisaColumn[] {
  return spec.split('|').map((raw) => {
    // A header MISA writes with a trailing space is given in backticks, as MISA.md quotes it.
    const quoted = /^\s*`([^`]*)`\s*$/.exec(raw);
    const header = quoted ? (quoted[1] as string) : raw.trim();
    return { header, field: fields[header] ?? null, ...(limits[header] !== undefined && { maxLength: limits[header] }) };
  });
}

/** The template each kind of voucher goes to: money by cash or bank, everything else as a general voucher. */
export const TEMPLATE_OF_TYPE: Readonly<Record<string, MisaVoucherTemplate>> = {
  'cash-receipt': 'phieu-thu', 'cash-payment': 'phieu-chi', 'bank-receipt': 'thu-tien-gui', 'bank-payment': 'chi-tien-gui',
  'goods-receipt': 'chung-tu-khac', 'goods-issue': 'chung-tu-khac', general: 'chung-tu-khac',
};
