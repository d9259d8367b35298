/**
 * A book or report as something to write: its file name, content type and a writer that
 * streams it in the format asked for (JSON, PDF, XLSX, CSV, or for the general journal a
 * ledger/hledger journal). The API sends it; the CLI writes it to a file.
 */
import { listSignatories, type EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { writeLedgerJournal } from '../../export/ledger-journal.js';
import { bookSheet, reportDocument, statementSheets } from '../../export/report-document.js';
import { bookJsonChunks, statementJson } from '../../export/report-json.js';
import type { Sheet } from '../../export/sheet.js';
import { trialBalanceSheet } from '../../export/statement-sheets.js';
import { writeTextChunks } from '../../export/text-stream.js';
import { trialBalanceJson } from '../../export/trial-balance-json.js';
import { FILE_FORMATS, writeReport, type FileFormat } from '../../export/write-report.js';
import { accountingDateOf } from '../../ledger/calendar.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { STATEMENT_IDS } from '../../reports/statement-form.js';
import { getTrialBalanceReport } from '../trial-balance.js';
import { fundJournal } from './export-journal.js';
import { checkBookFormat, getBook, type BookRequest } from './get-book.js';
import { getStatement } from './get-statement.js';
import { reportRange, type RangeRequest } from './report-range.js';

export const REPORT_IDS = ['trial-balance', ...STATEMENT_IDS] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export type ReportFormat = 'json' | FileFormat;
export type BookFormat = ReportFormat | 'ledger';

export interface Output {
  readonly name: string;
  readonly contentType: string;
  write(out: NodeJS.WritableStream): Promise<void>;
}

export interface ReportRequest extends RangeRequest {
  readonly entity: string;
  readonly report: ReportId;
  readonly consolidated?: boolean;
  readonly format: ReportFormat;
  /** The day the document is signed, printed over the signatures; today unless given. */
  readonly signedOn?: string;
}

export function jsonOutput(name: string, chunks: () => Iterable<string>): Output {
  return { name: `${name}.json`, contentType: 'application/json; charset=utf-8', write: (out) => writeTextChunks(chunks(), out) };
}

/** Sheets as a file of the fund, signed on the day given; `scale` enlarges the type (a posting version). */
export function sheetsOutput(store: Store, entity: EntityRow, name: string, format: FileFormat, sheets: Sheet[], signedOn = accountingDateOf(new Date()), scale = 1): Output {
  const document = reportDocument({ entity, signatories: listSignatories(store.db, entity.id), sheets, signedOn, scale });
  const { contentType, extension } = FILE_FORMATS[format];
  return { name: `${name}.${extension}`, contentType, write: (out) => writeReport(document, format, out, { title: sheets[0]?.title ?? name }) };
}

export function reportOutput(store: Store, entity: EntityRow, request: ReportRequest): Result<Output> {
  const range = reportRange(request);
  if (!range.ok) return range;
  const name = `${entity.code}-${request.report}${request.consolidated ? '-hop-nhat' : ''}-${range.value.from}-${range.value.to}`;
  if (request.report === 'trial-balance') {
    const result = getTrialBalanceReport(store, { entity: entity.code, ...range.value, ...(request.consolidated && { consolidated: true }) });
    if (!result.ok) return result;
    const { trialBalance, funds } = result.value;
    if (request.format === 'json') return accept(jsonOutput(name, () => [JSON.stringify({ ...trialBalanceJson(trialBalance), funds: funds.map((f) => f.code) })]));
    const subtitle = request.consolidated ? [`Cộng ${funds.length} Quỹ: ${funds.map((f) => f.code).join(', ')}`] : [];
    return accept(sheetsOutput(store, entity, name, request.format, [trialBalanceSheet(trialBalance, subtitle)], request.signedOn));
  }
  const result = getStatement(store, { entity: entity.code, statement: request.report, ...range.value, ...(request.consolidated && { consolidated: true }) });
  if (!result.ok) return result;
  if (request.format === 'json') {
    return accept(jsonOutput(name, () => [JSON.stringify(statementJson({ ...result.value, funds: result.value.funds.map((f) => f.code) }))]));
  }
  return accept(sheetsOutput(store, entity, name, request.format, statementSheets(result.value), request.signedOn));
}

export function bookOutput(store: Store, entity: EntityRow, request: BookRequest & { format: BookFormat; signedOn?: string }): Result<Output> {
  const allowed = checkBookFormat(request.book, request.format);
  if (!allowed.ok) return allowed;
  const range = reportRange(request);
  if (!range.ok) return range;
  const subject = request.account ?? request.currency ?? request.bankAccount ?? request.counterparty ?? request.campaign ?? request.designation;
  const name = `${entity.code}-${request.book}${subject === undefined ? '' : `-${String(subject).replace(/[^\p{L}\p{N}._-]+/gu, '_')}`}-${range.value.from}-${range.value.to}`;
  if (request.format === 'ledger') {
    const journal = fundJournal(store, { entity: entity.code, ...range.value });
    if (!journal.ok) return journal;
    return accept({ name: `${name}.journal`, contentType: 'text/plain; charset=utf-8', write: (out) => writeLedgerJournal(journal.value, out) });
  }
  const result = getBook(store, request);
  if (!result.ok) return result;
  const book = result.value;
  if (request.format === 'json') return accept(jsonOutput(name, () => bookJsonChunks(book, entity.code)));
  return accept(sheetsOutput(store, entity, name, request.format, [bookSheet(book)], request.signedOn));
}
