/**
 * A MISA import template as data: its sheet, the rows above its header, and each column in
 * order with its exact header text (quirks such as a trailing space included), what it is
 * filled with, its limit and the codes it allows. Adding another installation's template is
 * a new data module beside the SME.NET and AMIS ones, not code.
 */

/** The kinds of voucher MISA imports, one template each. */
export const MISA_VOUCHER_TEMPLATES = ['phieu-thu', 'phieu-chi', 'thu-tien-gui', 'chi-tien-gui', 'chung-tu-khac'] as const;
export type MisaVoucherTemplate = (typeof MISA_VOUCHER_TEMPLATES)[number];

/** The lists MISA imports beside the vouchers: opening balances, counterparties and the chart. */
export const MISA_LIST_TEMPLATES = ['so-du-ban-dau', 'doi-tuong', 'he-thong-tai-khoan'] as const;
export type MisaListTemplate = (typeof MISA_LIST_TEMPLATES)[number];

export const MISA_TEMPLATES = [...MISA_VOUCHER_TEMPLATES, ...MISA_LIST_TEMPLATES] as const;
export type MisaTemplate = (typeof MISA_TEMPLATES)[number];

export const MISA_PRODUCTS = ['sme', 'amis'] as const;
export type MisaProduct = (typeof MISA_PRODUCTS)[number];

/** What a row can put in a column: a debit–credit pair of a voucher, a balance, a counterparty or an account. */
export type MisaField =
  | 'postingDate' | 'voucherDate' | 'number' | 'counterpartyCode' | 'counterpartyName' | 'address' | 'reason' | 'reasonText' | 'person'
  | 'attachments' | 'description' | 'debitAccount' | 'creditAccount' | 'amount' | 'bankAccount' | 'bankName'
  | 'currency' | 'rate' | 'convertedAmount' | 'paymentMethod' | 'lineCounterpartyCode' | 'debitCounterpartyCode' | 'creditCounterpartyCode'
  | 'statisticsCode'
  | 'account' | 'openingDebit' | 'openingDebitConverted' | 'openingCredit' | 'openingCreditConverted'
  | 'isPerson' | 'isSupplier'
  | 'accountName' | 'accountNameEn' | 'parentAccount' | 'nature';

export interface MisaColumn {
  readonly header: string;
  /** Null: the column stays empty. */
  readonly field: MisaField | null;
  /** The most characters MISA takes in it. */
  readonly maxLength?: number;
  /** The codes MISA accepts in it. */
  readonly allowed?: readonly string[];
}

/** What the reason column holds: a code or text per purpose of the voucher, else the default. */
export interface MisaReasons {
  readonly byPurpose: Readonly<Record<string, string>>;
  readonly otherwise: string;
}

export interface MisaLayout {
  readonly product: MisaProduct;
  readonly template: MisaTemplate;
  readonly sheet: string;
  /** Rows above the header, each a list of cells from column A. */
  readonly preamble: readonly (readonly string[])[];
  readonly columns: readonly MisaColumn[];
  readonly reasons: MisaReasons;
  /** For a payment template with a payment method column: what it holds. */
  readonly paymentMethod?: string;
}

export interface ColumnRules {
  readonly limits?: Readonly<Record<string, number>>;
  readonly allowed?: Readonly<Record<string, readonly string[]>>;
}

/** The columns of a header line written as in MISA.md: texts between bars, in order. */
export function columns(spec: string, fields: Readonly<Record<string, MisaField>>, rules: ColumnRules = {}): MisaColumn[] {
  return spec.split('|').map((raw) => {
    // A header MISA writes with a trailing space is given in backticks, as MISA.md quotes it.
    const quoted = /^\s*`([^`]*)`\s*$/.exec(raw);
    const header = quoted ? (quoted[1] as string) : raw.trim();
    const maxLength = rules.limits?.[header];
    const allowed = rules.allowed?.[header];
    return { header, field: fields[header] ?? null, ...(maxLength !== undefined && { maxLength }), ...(allowed !== undefined && { allowed }) };
  });
}

/** The template each kind of voucher goes to: money by cash or bank, everything else as a general voucher. */
export const TEMPLATE_OF_TYPE: Readonly<Record<string, MisaVoucherTemplate>> = {
  'cash-receipt': 'phieu-thu', 'cash-payment': 'phieu-chi', 'bank-receipt': 'thu-tien-gui', 'bank-payment': 'chi-tien-gui',
  'goods-receipt': 'chung-tu-khac', 'goods-issue': 'chung-tu-khac', general: 'chung-tu-khac',
};
