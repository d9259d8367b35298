/** The shapes of a campaign as opened and of an extension decision, read by the API and the command line alike. */
import { z } from 'zod';
import { CAMPAIGN_KINDS } from '../ledger/campaign.js';
import { isoDate, text } from './schemas.js';

export const campaignCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore, at most 40');
const document = z.object({ number: text(100), date: isoDate, issuer: text(300), title: text(500) }).strict();

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
  })
  .strict()
  .meta({
    example: {
      code: 'BAO3-2025', name: 'Ủng hộ đồng bào bị thiệt hại do bão số 3', kind: 'disaster', startsOn: '2025-09-08',
      documents: [{ number: '125/TB-MTTQ-BTT', date: '2025-09-08', issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh', title: 'Lời kêu gọi ủng hộ đồng bào bị thiệt hại do bão số 3' }],
    },
  });

export const extension = z
  .object({ decisionNumber: text(100), decidedOn: isoDate, endsOn: isoDate })
  .strict()
  .meta({ example: { decisionNumber: '45/QĐ-BVĐ', decidedOn: '2025-12-01', endsOn: '2025-12-31' } });

/** The formats a disclosure is answered in. */
export const disclosureFormat = z.enum(['json', 'pdf', 'xlsx', 'csv']).default('json');

export const publication = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), supersedes: z.number().int().min(1).optional(), reason: text(500).optional() })
  .strict()
  .meta({ example: { from: '2025-09-08', to: '2025-12-27' } });
