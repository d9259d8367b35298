/**
 * A fund's books and statements as a printable document: its header, the sheets, the date
 * line and the signatures of the preparer, the chief accountant and the head, with the
 * fund's own seal.
 */
import type { FundProfile, Signatory } from '../ledger/fund-profile.js';
import { longDate } from './date-format.js';
import { issuerLines, reportSignatures } from './issuer.js';
import type { Book } from '../reports/book.js';
import type { Reconciliation } from '../reports/consolidation.js';
import type { Statement } from '../reports/statement.js';
import { accountBookSheet, holdingBookSheet, journalSheet } from './book-sheets.js';
import type { Sheet, SheetDocument } from './sheet.js';
import { reconciliationSheet, statementSheet } from './statement-sheets.js';

export function reportDocument(input: { entity: FundProfile; signatories: readonly Signatory[]; sheets: readonly Sheet[]; signedOn: string; scale?: number }): SheetDocument {
  const sealImage = input.entity.sealImageOnReports ? input.entity.sealImage : null;
  return {
    ...(sealImage !== null && { sealImage }),
    ...(input.scale !== undefined && input.scale !== 1 && { scale: input.scale }),
    issuer: issuerLines(input.entity),
    sheets: input.sheets,
    dateLine: `${longDate(input.signedOn)}`,
    signatures: reportSignatures(input.signatories, { book: input.sheets.length > 0 && input.sheets.every((s) => s.book === true), sealed: sealImage !== null }),
    seal: input.entity.sealName,
  };
}

/** The sheet a book prints as, on its form. */
export function bookSheet(book: Book): Sheet {
  return { ...layoutOf(book), form: book.form };
}

function layoutOf(book: Book): Sheet {
  switch (book.kind) {
    case 'account':
      return accountBookSheet(book.value);
    case 'journal':
      return journalSheet(book.value);
    case 'holding':
      return holdingBookSheet(book.value);
  }
}

/** A statement's sheet, and for a group the funds it covers and the reconciliation of their transfers. */
export function statementSheets(input: { statement: Statement; funds: readonly Pick<FundProfile, 'code' | 'name'>[]; reconciliation: Reconciliation | null }): Sheet[] {
  if (!input.reconciliation) return [statementSheet(input.statement)];
  const subtitle = [`Hợp nhất ${input.funds.length} Quỹ: ${input.funds.map((f) => f.name).join('; ')}`, 'Đã loại trừ các khoản điều tiết giữa các Quỹ trong nhóm'];
  return [statementSheet(input.statement, subtitle), reconciliationSheet(input.reconciliation, input.statement)];
}
