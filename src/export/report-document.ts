/**
 * A fund's books and statements as a printable document: its header, the sheets, the date
 * line and the signatures of the preparer, the chief accountant and the head, with the
 * fund's own seal.
 */
import type { EntityRow, SignatoryRow } from '../db/entities-repo.js';
import { longDate } from './date-format.js';
import { issuerLines, reportSignatures } from './issuer.js';
import type { Sheet, SheetDocument } from './sheet.js';

export function reportDocument(input: { entity: EntityRow; signatories: readonly SignatoryRow[]; sheets: readonly Sheet[]; signedOn: string }): SheetDocument {
  return {
    issuer: issuerLines(input.entity),
    sheets: input.sheets,
    dateLine: `${longDate(input.signedOn)}`,
    signatures: reportSignatures(input.signatories),
    seal: input.entity.sealName,
  };
}
