/**
 * The zod shapes every entry point shares, the API's requests and the command line's files
 * alike: one date (a real calendar date, or a refusal naming the field) and bounded text.
 */
import { z } from 'zod';
import { isIsoDate } from '../ledger/calendar.js';

export const isoDate = z
  .string()
  .refine(isIsoDate, 'expected a real calendar date YYYY-MM-DD')
  .meta({ example: '2024-03-15', description: 'A calendar date, YYYY-MM-DD.' });

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?Z)?$/;

/** A calendar date, or a UTC time on one ("2024-03-15T08:30:00Z"). */
export const isoInstant = z
  .string()
  .refine((value) => {
    const match = INSTANT.exec(value);
    return match !== null && isIsoDate(match[1] ?? '');
  }, 'expected a date YYYY-MM-DD or a UTC time YYYY-MM-DDThh:mm[:ss[.fff]]Z')
  .meta({ example: '2024-03-15' });

/**
 * A whole number written in decimal digits, as path and query parameters carry ids, years
 * and counts: "0x1", "1e3" and " 1" are refused rather than read as numbers.
 */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'expected a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The fiscal years a fund may keep, as a JSON number in a body. */
export const FISCAL_YEARS = { first: 1990, last: 2200 } as const;
export const fiscalYear = z.number().int().min(FISCAL_YEARS.first).max(FISCAL_YEARS.last);

/** Text that must say something, at most `max` characters once trimmed. */
export const text = (max: number) => z.string().trim().min(1).max(max);
