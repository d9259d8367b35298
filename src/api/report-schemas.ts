/** Query strings of the books and reports routes. */
import { z } from 'zod';
import { BOOK_IDS } from '../app/reports/get-book.js';
import { REPORT_IDS } from '../app/reports/report-output.js';
import { periodRange } from '../reports/period.js';
import { accountCode, entityCode, flag, isoDate, text, wholeNumber } from './schemas.js';

export const range = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  period: z
    .string()
    .max(10)
    .refine((text) => periodRange(text) !== null, 'expected a year (2024), a half (2024-H1), a quarter (2024-Q3) or a month (2024-10)')
    .optional()
    .meta({ description: 'A year (2024), half (2024-H1), quarter (2024-Q3) or month (2024-10), instead of from and to', example: '2024' }),
};


export const reportParams = z.object({ entity: entityCode, report: z.enum(REPORT_IDS) }).strict();
export const bookParams = z.object({ entity: entityCode, book: z.enum(BOOK_IDS) }).strict();

export const reportQuery = z
  .object({ ...range, format: z.enum(['json', 'pdf', 'xlsx', 'csv']).default('json'), consolidated: flag.default(false) })
  .strict();

export const bookQuery = z
  .object({
    ...range,
    format: z.enum(['json', 'pdf', 'xlsx', 'csv', 'ledger']).default('json').meta({ description: '`ledger`: the general journal as a ledger/hledger journal (journal book only)' }),
    account: accountCode.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    bankAccount: text(40).optional(),
    counterparty: wholeNumber(1).optional(),
    campaign: text(40).optional(),
    designation: text(200).optional(),
  })
  .strict();
