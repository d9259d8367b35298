/**
 * Voucher numbers: a fund's format turns the type's prefix, the running number and the
 * fiscal year into the printed number ("PT0001/2024"). Numbers go to MISA, which keeps at
 * most 20 characters, so a format that could write longer is refused when it is set, and
 * a number that outgrows it is refused when it is assigned.
 */
import { accept, reject, type Rejection, type Result } from '../rejections.js';

export const DEFAULT_NUMBER_FORMAT = '{prefix}{number:4}/{year}';
export const MAX_VOUCHER_NUMBER_LENGTH = 20;

const TOKEN = /\{(prefix|year|yy|number(?::(\d))?)\}/g;

export interface NumberParts {
  readonly prefix: string;
  readonly number: number;
  readonly year: number;
}

function render(format: string, parts: NumberParts): string {
  return format.replace(TOKEN, (_match, name: string, width: string | undefined) => {
    if (name === 'prefix') return parts.prefix;
    if (name === 'year') return String(parts.year);
    if (name === 'yy') return String(parts.year % 100).padStart(2, '0');
    return String(parts.number).padStart(Number(width ?? 0), '0');
  });
}

/** Null when the format is usable with this prefix: it has a number, no stray braces, and fits 20 characters up to number 9999. */
export function checkNumberFormat(format: string, prefix: string): Rejection | null {
  if (!/\{number(:\d)?\}/.test(format)) return reject('voucher_number_format_invalid', 'numberFormat', 'needs {number} or {number:N}');
  if (/[{}]/.test(format.replace(TOKEN, ''))) return reject('voucher_number_format_invalid', 'numberFormat', 'unknown {…} token');
  const longest = render(format, { prefix, number: 9999, year: 2099 });
  if (longest.length > MAX_VOUCHER_NUMBER_LENGTH) {
    return reject('voucher_number_format_invalid', 'numberFormat', `${longest} is longer than ${MAX_VOUCHER_NUMBER_LENGTH} characters`);
  }
  return null;
}

export function formatVoucherNumber(format: string, parts: NumberParts): Result<string> {
  const number = render(format, parts);
  if (number.length > MAX_VOUCHER_NUMBER_LENGTH) return reject('voucher_number_too_long', 'number', number);
  return accept(number);
}
