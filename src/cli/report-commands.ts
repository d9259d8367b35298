/**
 * Books and reports from the command line, written to files: the format follows the
 * file's extension (.pdf, .xlsx, .csv, .json, and .journal for the general journal as a
 * ledger/hledger journal).
 */
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { BOOK_IDS, type BookId } from '../app/reports/get-book.js';
import { bookOutput, REPORT_IDS, reportOutput, type BookFormat, type Output, type ReportId } from '../app/reports/report-output.js';
import { findEntityByCode } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { reject, type Result } from '../ledger/rejections.js';
import { need, report, UsageError, type Options } from './options.js';

export const REPORT_USAGE = `  report --entity CODE --report R (--period P | --from D --to D) [--consolidated] --out FILE
                                              R: ${REPORT_IDS.join(', ')};
                                              P: 2024, 2024-H1, 2024-Q3 or 2024-10
  book --entity CODE --book B (--period P | --from D --to D) --out FILE
       [--account CODE] [--currency USD] [--bank-account NUMBER] [--counterparty ID]
       [--campaign CODE] [--designation TEXT]
                                              B: ${BOOK_IDS.join(', ')};
                                              FILE: .pdf, .xlsx, .csv, .json (.journal: journal book)`;

const FORMATS: ReadonlyMap<string, BookFormat> = new Map(Object.entries({ '.pdf': 'pdf', '.xlsx': 'xlsx', '.csv': 'csv', '.json': 'json', '.journal': 'ledger', '.ledger': 'ledger' } as const));

function formatOf(out: string): BookFormat {
  const format = FORMATS.get(extname(out).toLowerCase());
  if (!format) throw new UsageError(`--out must end in ${[...FORMATS.keys()].join(', ')}`);
  return format;
}

export function range(options: Options) {
  return { ...(options.period && { period: options.period }), ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) };
}

async function write(result: Result<Output>, out: string): Promise<number> {
  if (!result.ok) return report(result, () => undefined);
  await result.value.write(createWriteStream(out));
  console.log(`written ${out}`);
  return 0;
}

export function runReportCommand(command: string, store: Store, options: Options): Promise<number> | undefined {
  if (command !== 'report' && command !== 'book') return undefined;
  const code = need(options, 'entity');
  const out = need(options, 'out');
  const format = formatOf(out);
  const entity = findEntityByCode(store.db, code);
  if (!entity) return write(reject('entity_unknown', 'entity', code), out);
  if (command === 'report') {
    const which = need(options, 'report');
    if (!(REPORT_IDS as readonly string[]).includes(which)) throw new UsageError(`--report must be one of ${REPORT_IDS.join(', ')}`);
    if (format === 'ledger') throw new UsageError('a report is written as .pdf, .xlsx, .csv or .json');
    return write(reportOutput(store, entity, { entity: code, report: which as ReportId, format, ...range(options), ...(options.consolidated && { consolidated: true }) }), out);
  }
  const book = need(options, 'book');
  if (!(BOOK_IDS as readonly string[]).includes(book)) throw new UsageError(`--book must be one of ${BOOK_IDS.join(', ')}`);
  const counterparty = options.counterparty === undefined ? undefined : Number(options.counterparty);
  if (counterparty !== undefined && !(Number.isInteger(counterparty) && counterparty > 0)) throw new UsageError('--counterparty must be a counterparty id');
  return write(
    bookOutput(store, entity, {
      entity: code,
      book: book as BookId,
      format,
      ...range(options),
      ...(options.account && { account: options.account }),
      ...(options.currency && { currency: options.currency }),
      ...(options['bank-account'] && { bankAccount: options['bank-account'] }),
      ...(counterparty !== undefined && { counterparty }),
      ...(options.campaign && { campaign: options.campaign }),
      ...(options.designation && { designation: options.designation }),
    }),
    out,
  );
}

