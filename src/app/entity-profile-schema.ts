/** The shape of a fund profile as it arrives from a file or a request, checked before use. */
import { z } from 'zod';
import { FUND_KINDS, SEAL_IMAGE_DOCUMENTS, SIGNATORY_ROLES } from '../ledger/fund-profile.js';
import type { EntityProfile } from './create-entity.js';
import { cleanInput } from './clean-input.js';
import { fiscalYear, isoDate, text } from './input-schemas.js';

export const entityProfileSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, dot, dash or underscore, at most 40'),
    name: text(300),
    kind: z.enum(FUND_KINDS),
    level: text(40),
    parent: text(40).optional(),
    address: z.string().max(500).optional(),
    budgetUnitCode: z.string().max(20).optional(),
    seal: z
      .object({
        name: text(300),
        reference: z.string().max(200).optional(),
        date: isoDate.optional(),
        /** Where the uploaded image of the seal prints over the head's signature; nowhere unless named. */
        imageOn: z.array(z.enum(SEAL_IMAGE_DOCUMENTS)).max(SEAL_IMAGE_DOCUMENTS.length).optional(),
      })
      .strict(),
    signatories: z
      .array(z.object({ role: z.enum(SIGNATORY_ROLES), name: text(200), title: z.string().max(200).optional() }).strict())
      .max(20)
      .optional(),
    bankAccounts: z
      .array(
        z
          .object({
            kind: z.enum(['bank', 'treasury']),
            institution: text(300),
            number: text(40),
            currency: z.string().regex(/^[A-Z]{3}$/).optional(),
            accountCode: z.string().regex(/^\d{3,12}$/),
          })
          .strict(),
      )
      .max(50)
      .optional(),
    policy: z.object({ managementCostsAllowed: z.boolean(), managementCostCap: z.string().regex(/^\d{1,15}$/).optional() }).strict().optional(),
    firstYear: fiscalYear,
    regime: text(40).optional(),
  })
  .strict();

/** Parses a profile, its text clean and in NFC; the error names the first bad field. */
export function parseEntityProfile(value: unknown): { ok: true; value: EntityProfile } | { ok: false; field: string; message: string } {
  const clean = cleanInput(value);
  if (!clean.ok) return { ok: false, field: clean.path.join('.'), message: clean.problem };
  const parsed = entityProfileSchema.safeParse(clean.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid profile' };
}
