/** The shapes of a campaign as opened or changed, of an extension and of an allocation decision, read by the API and the command line alike. */
import { z } from 'zod';
import { CAMPAIGN_KINDS } from '../ledger/campaign.js';
import { amount, flag, isoDate, text } from './schemas.js';

export const campaignCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore, at most 40');
const document = z.object({ number: text(100), date: isoDate, issuer: text(300), title: text(500) }).strict();
const levelCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore, at most 40');
const useNumber = z.number().int().min(1).max(99).meta({ description: 'The number of the use in the legal basis’s list (ND 93/2021 art. 11.1)' });

const supportLevel = z
  .object({ code: levelCode, name: text(300), amount, unit: text(20).optional(), category: useNumber.optional() })
  .strict()
  .meta({ description: 'A level of the support policy: what each unit (a household by default) receives' });

export const newCampaign = z
  .object({
    code: campaignCode,
    name: text(300),
    kind: z.enum(CAMPAIGN_KINDS).optional(),
    legalBasis: text(40).optional(),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
    distributionEndsOn: isoDate.optional(),
    acceptsDesignated: z.boolean().optional(),
    documents: z.array(document).max(50).optional(),
    bankAccounts: z.array(text(40)).max(20).optional(),
    supportLevels: z.array(supportLevel).max(50).optional(),
  })
  .strict()
  .meta({
    example: {
      code: 'BAO3-2025', name: 'Ủng hộ đồng bào bị thiệt hại do bão số 3', kind: 'disaster', startsOn: '2025-09-08',
      documents: [{ number: '125/TB-MTTQ-BTT', date: '2025-09-08', issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', title: 'Lời kêu gọi ủng hộ đồng bào bị thiệt hại do bão số 3' }],
    },
  });

/** What may change on a campaign once opened: its name and whether it takes designated money; documents and support levels are added, never rewritten. */
export const campaignChange = z
  .object({
    name: text(300).optional(),
    acceptsDesignated: z.boolean().optional(),
    documents: z.array(document).min(1).max(50).optional(),
    supportLevels: z.array(supportLevel).min(1).max(50).optional(),
  })
  .strict()
  .meta({ example: { supportLevels: [{ code: 'NHA-SAP', name: 'Nhà bị sập, đổ hoàn toàn', amount: '70000000', category: 3 }] } });

const allocationLine = z
  .object({
    recipientKind: z.enum(['fund', 'household']),
    recipient: text(300).meta({ description: 'The code of a fund directly below, or the household’s name' }),
    locality: text(300),
    level: levelCode.optional(),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
    amount: amount.optional().meta({ description: 'VND; at a level, its amount times the quantity when absent' }),
    category: useNumber.optional(),
  })
  .strict();

export const allocationDecision = z
  .object({
    number: text(50),
    decidedOn: isoDate,
    signer: text(300),
    tranche: z.number().int().min(1).max(99).optional(),
    lines: z.array(allocationLine).min(1).max(5000),
  })
  .strict()
  .meta({
    example: {
      number: '15/QĐ-BVĐ', decidedOn: '2024-09-20', signer: 'Nguyễn Văn An — Trưởng ban', tranche: 1,
      lines: [{ recipientKind: 'fund', recipient: 'XA-AN-BINH-CT', locality: 'Xã An Bình', level: 'NHA-SAP', quantity: 2 }],
    },
  });

export const extension = z
  .object({ decisionNumber: text(100), decidedOn: isoDate, endsOn: isoDate })
  .strict()
  .meta({ example: { decisionNumber: '45/QĐ-BVĐ', decidedOn: '2025-12-01', endsOn: '2025-12-31' } });

/** The formats a disclosure is answered in. */
export const disclosureFormat = z.enum(['json', 'pdf', 'xlsx', 'csv']).default('json');

/** How a disclosure is asked for: its range, with the funds below or not, the format, and for a posting version where and from when it hangs. */
export const disclosureQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    consolidated: flag.default(false),
    format: disclosureFormat,
    posting: flag.default(false).meta({ description: 'The posting version (niêm yết): a PDF in large type with the place and the posting days' }),
    place: text(300).optional().meta({ description: 'Where the posting version hangs; the fund’s address unless given' }),
    postedOn: isoDate.optional().meta({ description: 'The first day it hangs; it hangs for the legal basis’s posting days (30 unless set)' }),
  })
  .strict();

/** How a published disclosure is read: the format, and the posting version of it. */
export const publishedQuery = disclosureQuery.pick({ format: true, posting: true, place: true, postedOn: true }).strict();

export const publication = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    consolidated: z.boolean().optional(),
    supersedes: z.number().int().min(1).optional(),
    reason: text(500).optional(),
  })
  .strict()
  .meta({ example: { from: '2025-09-08', to: '2025-12-27' } });
