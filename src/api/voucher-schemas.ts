/** The zod shapes of vouchers and transfers: content as the accountant gives it, and the list filters. */
import { z } from 'zod';
import { COUNTERPARTY_FORMS, COUNTERPARTY_KINDS } from '../ledger/entry.js';
import { MAX_LINES } from '../ledger/post-entry.js';
import { POVERTY_STATUSES, VOUCHER_STATUSES } from '../ledger/vouchers/voucher.js';
import { VOUCHER_TYPES } from '../ledger/vouchers/voucher-types.js';
import { allocationRef, amount, entityCode, entityParams, isoDate, limit, lineInput, memoInput, text, wholeNumber } from './schemas.js';

const beneficiary = z
  .object({ name: text(300), address: z.string().max(500).optional(), status: z.enum(POVERTY_STATUSES), amount, note: z.string().max(300).optional() })
  .strict();

const goods = z.object({ item: text(200), unit: text(20), quantity: amount, value: amount }).strict();

export const voucherContent = z
  .object({
    type: z.enum(VOUCHER_TYPES),
    date: isoDate,
    accountingDate: isoDate.optional(),
    reason: text(500),
    counterparty: z
      .object({
        name: text(300), address: z.string().max(500).optional(), bankAccount: text(40).optional().meta({ description: 'The payee’s (or payer’s) bank account, printed on a bank voucher' }),
        bank: text(200).optional(), kind: z.enum(COUNTERPARTY_KINDS).optional(), form: z.enum(COUNTERPARTY_FORMS).optional(),
      })
      .strict()
      .optional(),
    purpose: text(40).optional(),
    amount: amount.optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD').optional(),
    originalAmount: amount.optional(),
    rate: z.string().regex(/^\d{1,12}(\.\d{1,8})?$/, 'expected a rate such as "25400"').optional(),
    goods: z.array(goods).min(1).max(500).optional(),
    beneficiaries: z.array(beneficiary).min(1).max(MAX_LINES - 1).optional(),
    lines: z.array(lineInput).min(1).max(MAX_LINES).optional(),
    memos: z.array(memoInput).max(MAX_LINES).optional(),
    attachments: z.number().int().min(0).max(9999).optional(),
    campaign: text(40).optional(),
    designation: text(200).optional(),
    allocation: allocationRef.optional(),
    bankAccount: text(40).optional(),
    externalRef: text(100).optional(),
  })
  .strict()
  .meta({
    id: 'VoucherContent',
    example: {
      type: 'cash-receipt',
      date: '2025-01-15',
      reason: 'Ủng hộ Quỹ "Vì người nghèo" năm 2025',
      counterparty: { name: 'Công ty TNHH An Phú', address: 'Phường 1, thành phố Trà Vinh' },
      amount: '5000000',
      attachments: 1,
    },
  });

export const voucherParams = entityParams.extend({ id: wholeNumber(1).meta({ example: 1 }) }).strict();

export const voucherQuery = z
  .object({
    type: z.enum(VOUCHER_TYPES).optional(),
    status: z.enum(VOUCHER_STATUSES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    counterparty: text(300).optional(),
    campaign: text(40).optional(),
    afterId: wholeNumber(0).optional(),
    limit,
  })
  .strict();

export const printQuery = z.object({ copies: wholeNumber(1, 4).default(1) }).strict();

export const batchPrintQuery = z
  .object({ from: isoDate, to: isoDate, type: z.enum(VOUCHER_TYPES).optional(), status: z.enum(VOUCHER_STATUSES).optional(), copies: wholeNumber(1, 4).default(1) })
  .strict();

export const cancellation = z.object({ date: isoDate.optional(), reason: text(500).optional() }).strict();

const typeSetting = z.object({ prefix: z.string().regex(/^[A-Za-z0-9.-]{0,8}$/, 'expected up to 8 letters or digits').optional(), approvalRequired: z.boolean().optional() }).strict();

export const voucherSettingsChange = z
  .object({
    numberFormat: z.string().min(1).max(40).optional(),
    types: z.partialRecord(z.enum(VOUCHER_TYPES), typeSetting).optional(),
  })
  .strict()
  .meta({ example: { numberFormat: '{prefix}{number:4}/{year}', types: { 'cash-payment': { approvalRequired: true } } } });

export const transferInput = z
  .object({
    from: entityCode,
    to: entityCode,
    date: isoDate,
    amount,
    reason: text(500),
    inTransit: z.boolean().optional(),
    fromBankAccount: text(40).optional(),
    toBankAccount: text(40).optional(),
    externalRef: text(100).optional(),
    campaign: text(40).optional().meta({ description: 'Money pooled for a campaign: its code in the giving fund' }),
    toCampaign: text(40).optional().meta({ description: 'The campaign’s code in the receiving fund, when it differs' }),
    allocation: allocationRef.optional().meta({ description: 'The giver’s allocation decision line this transfer carries out' }),
  })
  .strict()
  .meta({ example: { from: 'TVH-VNN', to: 'HTH-VNN', date: '2025-03-10', amount: '100000000', reason: 'Điều tiết hỗ trợ xây nhà Đại đoàn kết' } });

export const transferParams = z.object({ id: wholeNumber(1) }).strict();

export const confirmation = z.object({ date: isoDate.optional() }).strict();
