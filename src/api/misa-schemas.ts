/** What the MISA exchange routes take and answer: the query of an export, the mapping, and the reports of an export and an import. */
import { z } from 'zod';
import { MISA_PRODUCTS, MISA_TEMPLATES, MISA_VOUCHER_TEMPLATES } from '../export/misa/layout.js';
import { MISA_PROBLEMS } from '../export/misa/misa-check.js';
import { IMPORT_PROBLEMS } from '../export/misa/read-vouchers.js';
import { VOUCHER_TYPES } from '../ledger/vouchers/voucher-types.js';
import { EXAMPLE_ACCOUNTS } from './examples.js';
import { range } from './report-schemas.js';
import { accountCode, entityParams, flag, isoDate } from './schemas.js';

const int = z.number().int();
export const product = z.enum(MISA_PRODUCTS).default('sme').meta({ description: 'sme: MISA SME.NET; amis: MISA AMIS Kế toán' });
/** A MISA account or reason code: what the installation's own lists hold. */
const misaCode = z.string().regex(/^[0-9A-Za-z._-]{1,20}$/, 'expected a MISA code of 1 to 20 letters or digits');

export const templateParams = entityParams.extend({ template: z.enum(MISA_TEMPLATES) }).strict();

export const exportQuery = z
  .object({
    product, ...range,
    cleanOnly: flag.default(false).meta({ description: 'Write only the vouchers without problems; the report sheet names the others' }),
    skipSent: flag.default(false).meta({ description: 'Leave out the vouchers an earlier export to this product carried' }),
  })
  .strict()
  .meta({ description: 'The entries whose accounting date falls in the range; the lists as they stand at its start (balances) or end' });

export const productQuery = z.object({ product }).strict();

export const mappingBody = z
  .strictObject({
    identity: z.boolean().meta({ description: 'Accounts not listed keep their own code; false: every account used must be listed' }),
    accounts: z.record(accountCode, misaCode).meta({ description: 'Our account code → the MISA database’s', example: { [EXAMPLE_ACCOUNTS.bank]: `${EXAMPLE_ACCOUNTS.bank}1`, [EXAMPLE_ACCOUNTS.donations]: EXAMPLE_ACCOUNTS.donations } }),
    reasons: z.partialRecord(z.enum(MISA_VOUCHER_TEMPLATES), z.record(z.string().regex(/^[a-z-]{1,40}$/), z.string().min(1).max(40))).default({})
      .meta({ description: 'Per template: a voucher purpose (or "otherwise") → the reason code the installation takes', example: { 'phieu-thu': { withdrawal: '10' } } }),
  });

export const mapping = mappingBody.extend({ product: z.enum(MISA_PRODUCTS), reasons: z.partialRecord(z.enum(MISA_VOUCHER_TEMPLATES), z.record(z.string(), z.string())) });

const misaIssue = z.strictObject({
  template: z.enum(MISA_TEMPLATES), key: z.string().meta({ description: 'The voucher number, or the account or counterparty code of a list row' }),
  problem: z.enum(Object.keys(MISA_PROBLEMS) as [keyof typeof MISA_PROBLEMS]), column: z.string().optional(), value: z.string(), message: z.string(),
});

export const misaReport = z.strictObject({
  product: z.enum(MISA_PRODUCTS), from: isoDate, to: isoDate,
  templates: z.array(z.strictObject({ template: z.enum(MISA_TEMPLATES), items: int, rows: int, clean: int, sent: int })),
  errors: int.meta({ description: 'All problems found; `issues` lists the first thousand' }),
  issues: z.array(misaIssue),
  withoutTemplate: z.array(z.strictObject({ template: z.enum(MISA_TEMPLATES), vouchers: int })),
});

export const misaExports = z.strictObject({
  exports: z.array(z.strictObject({
    id: int, product: z.enum(MISA_PRODUCTS), template: z.string(), from: isoDate, to: isoDate, exportedBy: z.string(), exportedAt: z.string(),
    sha256: z.string().nullable().meta({ description: 'Null while the file was being written or if writing it failed: its numbers do not count as sent' }),
    vouchers: int, rows: int,
  })),
});

export const importQuery = z
  .object({
    post: flag.default(false).meta({ description: 'Post the vouchers (an approver’s act); otherwise they are drafts' }),
    check: flag.default(false).meta({ description: 'Read and check only: the report, nothing imported' }),
    openingDate: isoDate.optional().meta({ description: 'The date of the opening balances; the first day of the first open year if absent' }),
  })
  .strict();

const importIssue = z.strictObject({
  file: z.string(), sheet: z.string(), row: int, column: z.string().optional(),
  problem: z.enum(Object.keys(IMPORT_PROBLEMS) as [keyof typeof IMPORT_PROBLEMS]), value: z.string(), message: z.string(),
});

export const importReport = z.strictObject({
  sheets: z.array(z.strictObject({ file: z.string(), sheet: z.string(), product: z.enum(MISA_PRODUCTS), template: z.string(), rows: int, unknownHeaders: z.array(z.string()) })),
  unread: z.array(z.strictObject({ file: z.string(), sheet: z.string() })),
  accountsAdded: z.array(z.string()),
  counterparties: int,
  openingLines: int,
  vouchers: z.array(z.strictObject({
    number: z.string().meta({ description: 'The number in the file' }), type: z.enum(VOUCHER_TYPES), id: int.nullable(),
    postedAs: z.string().nullable().meta({ description: 'The number the fund gave it when posted' }),
  })),
  drafts: int, posted: int, notes: z.array(z.string()), issues: z.array(importIssue), imported: z.boolean(),
});
