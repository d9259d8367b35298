/**
 * Currencies and their ISO 4217 minor-unit scales.
 *
 * The accounting currency is VND, which has no minor unit; a foreign amount keeps the
 * scale of its own currency (USD cents, KWD fils). The list is data: add a currency here,
 * never a branch in code.
 */

export const ACCOUNTING_CURRENCY = 'VND';

const SCALES: ReadonlyMap<string, number> = new Map(Object.entries({
  VND: 0,
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  HKD: 2,
  SGD: 2,
  THB: 2,
  TWD: 2,
  KRW: 0,
  JPY: 0,
  LAK: 2,
  KHR: 2,
  KWD: 3,
  BHD: 3,
}));

/** The number of decimal places of a currency's minor unit; undefined when unknown. */
export function currencyScale(code: string): number | undefined {
  return SCALES.get(code);
}
