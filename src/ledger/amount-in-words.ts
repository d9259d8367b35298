/**
 * The amount in Vietnamese words that every voucher carries ("Viết bằng chữ").
 *
 * Reading numbers is done by read-vietnamese-number, with "tỷ" for 10^9 as vouchers write
 * it; this module adds what the forms add: the currency's name, its minor unit for
 * foreign amounts, "chẵn" after a whole number of thousands, and a capital first letter.
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';
import { currencyScale } from './currency.js';
import type { Minor } from './money.js';

/** How each currency is named in words, with its minor unit where it has one. */
const CURRENCY_NAMES: ReadonlyMap<string, { readonly unit: string; readonly minor?: string }> = new Map(Object.entries({
  VND: { unit: 'đồng' },
  USD: { unit: 'đô la Mỹ', minor: 'xu' },
  EUR: { unit: 'euro', minor: 'xu' },
  GBP: { unit: 'bảng Anh', minor: 'xu' },
  AUD: { unit: 'đô la Úc', minor: 'xu' },
  CAD: { unit: 'đô la Canada', minor: 'xu' },
  SGD: { unit: 'đô la Singapore', minor: 'xu' },
  JPY: { unit: 'yên Nhật' },
  KRW: { unit: 'won Hàn Quốc' },
  CNY: { unit: 'nhân dân tệ', minor: 'xu' },
}));

const config = new ReadingConfig();
config.unit = [];
config.units = [[], ['nghìn'], ['triệu'], ['tỷ']];

function read(value: bigint): string {
  return doReadNumber(value.toString(), config);
}

/**
 * `amount` in minor units of `currency`, in words: 1200000 VND → "Một triệu hai trăm nghìn
 * đồng chẵn"; 125050 USD cents → "Một nghìn hai trăm năm mươi đô la Mỹ và năm mươi xu".
 */
export function amountInWords(amount: Minor, currency = 'VND'): string {
  const scale = currencyScale(currency) ?? 0;
  const names = CURRENCY_NAMES.get(currency) ?? { unit: currency };
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const whole = magnitude / 10n ** BigInt(scale);
  const fraction = magnitude % 10n ** BigInt(scale);
  let words = `${read(whole)} ${names.unit}`;
  if (fraction > 0n) words += ` và ${read(fraction)} ${names.minor ?? `phần ${10n ** BigInt(scale)}`}`;
  else if (whole > 0n && whole % 1000n === 0n) words += ' chẵn';
  if (negative) words = `âm ${words}`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
