/**
 * The zod shapes shared by the routes. Amounts are decimal strings, dates ISO YYYY-MM-DD,
 * and every object refuses fields it does not know. Sizes are bounded so that one request
 * cannot exhaust the server; the ledger's own rules (scale of a currency, balance) answer
 * with their codes after these shapes pass.
 */
import { z } from 'zod';
import { FISCAL_YEARS, fiscalYear, isoDate, text, wholeNumber } from '../app/input-schemas.js';
import { COUNTERPARTY_FORMS, COUNTERPARTY_KINDS } from '../ledger/entry.js';
import { MAX_LINES } from '../ledger/post-entry.js';
import { EXAMPLE_ACCOUNTS } from './examples.js';

export { fiscalYear, isoDate, text, wholeNumber };
export const amount = z.string().regex(/^\d{1,18}(\.\d{1,6})?$/, 'expected a decimal string such as "1500000"').meta({ example: '1500000' });
export const accountCode = z.string().regex(/^\d{3,12}$/, 'expected an account code of 3 to 12 digits').meta({ example: EXAMPLE_ACCOUNTS.cash });
export const entityCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'expected a fund code').meta({ example: 'TVH-VNN' });
export const year = wholeNumber(FISCAL_YEARS.first, FISCAL_YEARS.last).meta({ example: 2024 });
export const month = wholeNumber(1, 12).meta({ example: 3 });
export const limit = wholeNumber(1, 500).default(100);
/** A yes-or-no query parameter. */
export const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const entityParams = z.object({ entity: entityCode }).strict();

export const counterparty = z
  .object({ kind: z.enum(COUNTERPARTY_KINDS), name: text(300), address: z.string().max(500).optional(), form: z.enum(COUNTERPARTY_FORMS).optional() })
  .strict();

/** The allocation decision line a payment carries out: the decision's number and the line's. */
export const allocationRef = z
  .object({ decision: text(50), line: z.number().int().min(1).max(100_000) })
  .strict()
  .meta({ description: 'The allocation decision (quyết định phân bổ) line this payment carries out', example: { decision: '15/QĐ-BVĐ', line: 1 } });

export const lineInput = z
  .object({
    account: accountCode,
    debit: amount.optional(),
    credit: amount.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    originalAmount: amount.optional(),
    rate: z.string().regex(/^\d{1,12}(\.\d{1,8})?$/).optional(),
    quantity: amount.optional(),
    unit: text(20).optional(),
    counterparty: counterparty.optional(),
    campaign: text(40).optional(),
    designation: text(200).optional(),
    bankAccount: text(40).optional(),
    externalRef: text(100).optional(),
    allocation: allocationRef.optional(),
  })
  .strict();

export const memoInput = z
  .object({ account: accountCode, direction: z.enum(['in', 'out']), quantity: amount, unit: text(20), item: text(200).optional() })
  .strict();

export const entryInput = z
  .object({
    date: isoDate,
    description: text(500),
    lines: z.array(lineInput).min(1).max(MAX_LINES),
    memos: z.array(memoInput).max(MAX_LINES).optional(),
    kind: z.enum(['regular', 'opening']).optional(),
  })
  .strict()
  .meta({
    example: {
      date: '2025-01-15',
      description: 'Thu ủng hộ Quỹ Vì người nghèo của Công ty An Phú',
      lines: [
        { account: EXAMPLE_ACCOUNTS.cash, debit: '5000000' },
        { account: EXAMPLE_ACCOUNTS.donations, credit: '5000000', counterparty: { kind: 'donor', name: 'Công ty TNHH An Phú' } },
      ],
    },
  });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    field: z.string().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json; `code` is one of the codes listed in the API description.' });
