/**
 * A bank statement imported into a fund: the file is hashed first, and a file the account
 * already has creates nothing. Otherwise its rows are read as they stream, checked and
 * staged in a temporary table, so memory does not grow with the file; the figures they add
 * up to must reproduce the bank's own (the balance chain the layout prints, and the counts
 * and sums given with the import), or the batch is refused with the difference named and
 * nothing is kept. A kept batch is written in one transaction, its rows each under their
 * place in the file, so identical-looking rows stay distinct transfers; rows that are
 * transfers the account's earlier statements or feeds already hold are matched to them, and
 * what cannot be decided is held for review.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { recordAudit } from '../../db/audit-repo.js';
import { BankStatementStage, findStatementBatch, insertStatementBatch, type StatementBatchRow } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { batchCounts, batchTransfers, feedTransfers, keepDecisions, statementTransfers, type BatchCounts } from '../../db/transfer-matches-repo.js';
import { matchTransfers } from '../../import/bank/match-transfers.js';
import { FigureCounter, type StatementFigures } from '../../import/bank/control-figures.js';
import { cellsOf, findStatementLayout, isStatementRecord, layoutOfHeader, STATEMENT_LAYOUTS } from '../../import/bank/layouts.js';
import { formatOf, openDocument } from '../../import/bank/open-document.js';
import type { PrintedFigures } from '../../import/bank/statement-document.js';
import type { StatementLayout } from '../../import/bank/statement-layout.js';
import { layoutOfMapping, type StatementMapping } from '../../import/bank/statement-mapping.js';
import { isRowProblem, readStatementRow, type StatementRow } from '../../import/bank/statement-row.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

const STAGE_BATCH = 5_000;
const HEAD_BYTES = 8;
/** How many records may come before the header: a document's title lines. */
const HEADER_WITHIN = 30;

/** The bank's own figures for a statement whose layout prints none. */
export interface ExpectedFigures {
  readonly creditCount?: number;
  readonly creditSum?: bigint;
  readonly debitCount?: number;
  readonly debitSum?: bigint;
}

export interface StatementImportRequest {
  readonly entity: string;
  readonly bankAccount: string;
  readonly fileName: string;
  /** Opens the file's bytes; called once to hash them and once to read them. */
  readonly open: () => Readable;
  /** A layout's id; found from the header row if absent. */
  readonly layout?: string;
  /** For a bank no layout reads: the header's row and what its columns hold (statement-mapping.ts). */
  readonly mapping?: StatementMapping;
  /** The year of a layout whose dates print none. */
  readonly year?: number;
  readonly expected?: ExpectedFigures;
  readonly actor: Caller;
  /** Called as rows are read. */
  readonly onRows?: (rows: number) => void;
}

export interface StatementImport {
  readonly batch: StatementBatchRow;
  /** False when the account already had this file: nothing was created. */
  readonly created: boolean;
  readonly figures: StatementFigures;
  /** How the batch's rows stand: new, matched to transfers the books know, for review. */
  readonly counts: BatchCounts;
}

/** The file's SHA-256 and its first bytes, which say its format. */
async function fingerprint(open: () => Readable): Promise<{ sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  for await (const chunk of open()) {
    hash.update(chunk as Buffer);
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, (chunk as Buffer).subarray(0, HEAD_BYTES - head.length)]);
  }
  return { sha256: hash.digest('hex'), head };
}

/** The first difference between the rows' figures and the bank's own, in words. */
function difference(figures: StatementFigures, printed: PrintedFigures, expected: ExpectedFigures | undefined): { path: string; detail: string } | null {
  const broken = figures.break;
  if (broken) return { path: 'file', detail: `row ${broken.ordinal}: the rows give a balance of ${broken.expected}, the bank printed ${broken.printed} (difference ${broken.printed - broken.expected})` };
  const checks: [string, string, bigint | number | undefined, bigint | number | null][] = [
    ['file', 'the statement prints a credit count of', printed.creditCount, figures.credits.count], ['file', 'the statement prints credits of', printed.creditSum, figures.credits.sum],
    ['file', 'the statement prints a debit count of', printed.debitCount, figures.debits.count], ['file', 'the statement prints debits of', printed.debitSum, figures.debits.sum],
    ['file', 'the statement prints an opening balance of', printed.opening, figures.opening], ['file', 'the statement prints a closing balance of', printed.closing, figures.closing],
    ['expected.creditCount', 'the bank gives', expected?.creditCount, figures.credits.count], ['expected.creditSum', 'the bank gives', expected?.creditSum, figures.credits.sum],
    ['expected.debitCount', 'the bank gives', expected?.debitCount, figures.debits.count], ['expected.debitSum', 'the bank gives', expected?.debitSum, figures.debits.sum],
  ];
  for (const [path, says, bank, rows] of checks) {
    if (bank === undefined) continue;
    if (rows === null) return { path, detail: `${says} ${bank}; the rows print no balance to check it against` };
    if (BigInt(bank) !== BigInt(rows)) return { path, detail: `${says} ${bank}, the rows give ${rows} (difference ${BigInt(bank) - BigInt(rows)})` };
  }
  return null;
}

export async function importStatement(store: Store, request: StatementImportRequest): Promise<Result<StatementImport>> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const entityId = fund.value.entity.id;
  const bankAccountId = fund.value.bankAccountIds.get(request.bankAccount);
  if (bankAccountId === undefined) return reject('bank_account_unknown', 'bankAccount', request.bankAccount);
  const chosen = request.layout === undefined ? undefined : findStatementLayout(request.layout);
  if (request.layout !== undefined && !chosen) return reject('statement_layout_unknown', 'layout', `${request.layout}; known: ${STATEMENT_LAYOUTS.map((l) => l.id).join(', ')}`);
  if (chosen && request.mapping) return reject('statement_layout_unknown', 'mapping', 'give a layout or a mapping, not both');

  const { sha256, head } = await fingerprint(request.open);
  const known = findStatementBatch(store.db, entityId, bankAccountId, sha256);
  if (known) return accept({ batch: known, created: false, figures: figuresOf(known), counts: batchCounts(store.sqlite, known.id) });

  const format = formatOf(head);
  if (request.mapping && format === 'pdf') return reject('statement_layout_unknown', 'mapping', 'a mapping reads CSV and XLSX files; a PDF is read by its bank’s layout');
  const document = await openDocument(format, request.open);
  if (!document.ok) return document;
  const stage = new BankStatementStage(store.sqlite);
  try {
    let layout: StatementLayout | undefined;
    let header: string[] = [];
    let counter: FigureCounter | undefined;
    let pending: StatementRow[] = [];
    let before = 0;
    let ordinal = 0;
    for await (const record of document.value.records) {
      if (!layout && request.mapping) {
        if ((before += 1) < request.mapping.headerRow) continue;
        const mapped = layoutOfMapping(request.mapping, record);
        if ('missing' in mapped) return reject('statement_layout_unknown', mapped.path, `column "${mapped.missing}" is not in row ${request.mapping.headerRow}: ${record.join(', ')}`);
        if (mapped.layout.dates === 'dm' && request.year === undefined) return reject('statement_year_required', 'year', 'the mapping reads dates without the year');
        layout = mapped.layout;
        header = [...mapped.layout.header];
        counter = new FigureCounter(layout.control);
        continue;
      }
      if (!layout) {
        const found = layoutOfHeader(record);
        if (!found || (chosen && chosen.id !== found.id)) {
          // Title lines may come before the header; a CSV's header is its first record.
          if (document.value.titled && (before += 1) < HEADER_WITHIN) continue;
          const expected = chosen ? chosen.header.join(', ') : STATEMENT_LAYOUTS.map((l) => `${l.id}: ${l.header.join(', ')}`).join(' | ');
          return reject('statement_layout_unknown', 'file', `the header is ${record.join(', ')}; expected ${expected}`);
        }
        if (found.dates === 'dm' && request.year === undefined) return reject('statement_year_required', 'year', `${found.id} prints dates without the year`);
        layout = found;
        header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
        counter = new FigureCounter(found.control);
        continue;
      }
      const cells = cellsOf(header, record);
      if (!isStatementRecord(layout, cells)) continue;
      ordinal += 1;
      const row = readStatementRow(layout, cells, ordinal, request.year);
      if (isRowProblem(row)) return reject('statement_row_invalid', `rows[${row.ordinal}].${row.field}`, `row ${row.ordinal} of ${request.fileName}: ${row.field} "${row.value}"`);
      counter?.add(row);
      pending.push(row);
      if (pending.length >= STAGE_BATCH) {
        stage.add(pending);
        pending = [];
        request.onRows?.(ordinal);
      }
    }
    if (!layout || !counter) return reject('statement_layout_unknown', request.mapping ? 'mapping.headerRow' : 'file', request.mapping ? `the file has no row ${request.mapping.headerRow}` : 'the file has no header row of a known layout');
    stage.add(pending);
    request.onRows?.(ordinal);
    const figures = counter.figures();
    const differs = difference(figures, document.value.printed(), request.expected);
    if (differs) return reject('statement_control_mismatch', differs.path, differs.detail);
    const usedLayout = layout;
    return inTransaction(store, () => {
      const batch = insertStatementBatch(store.db, {
        entityId, bankAccountId, layout: usedLayout.id, fileName: request.fileName, sha256, firstDay: figures.firstDay, lastDay: figures.lastDay, rows: figures.rows,
        creditCount: figures.credits.count, creditSum: Number(figures.credits.sum), debitCount: figures.debits.count, debitSum: Number(figures.debits.sum),
        openingBalance: figures.opening === null ? null : Number(figures.opening), closingBalance: figures.closing === null ? null : Number(figures.closing),
        balancesChecked: figures.balancesChecked, importedBy: request.actor.name,
      });
      stage.keep(batch.id);
      const { firstDay, lastDay } = figures;
      const seen = firstDay === null || lastDay === null ? [] : [...statementTransfers(store.sqlite, bankAccountId, firstDay, lastDay, { exceptBatch: batch.id }), ...feedTransfers(store.sqlite, bankAccountId, firstDay, lastDay)];
      if (seen.length > 0) keepDecisions(store.sqlite, batch.id, matchTransfers(batchTransfers(store.sqlite, batch.id), seen));
      // With nothing known on its days, every row is a new transfer.
      const counts = seen.length > 0 ? batchCounts(store.sqlite, batch.id) : { new: figures.rows, matched: 0, review: 0, held: 0, posted: 0 };
      recordAudit(store.db, request.actor, { entityId, kind: 'bank-statement.imported', subject: String(batch.id), detail: { file: request.fileName, sha256, rows: figures.rows, credits: String(figures.credits.sum), matched: counts.matched, review: counts.review } });
      return accept({ batch, created: true, figures, counts });
    });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('CSV_')) return reject('statement_row_invalid', 'file', (error as Error).message);
    throw error;
  } finally {
    document.value.close();
    stage.drop();
  }
}

function figuresOf(batch: StatementBatchRow): StatementFigures {
  return {
    rows: batch.rows, credits: { count: batch.creditCount, sum: BigInt(batch.creditSum) }, debits: { count: batch.debitCount, sum: BigInt(batch.debitSum) },
    opening: batch.openingBalance === null ? null : BigInt(batch.openingBalance), closing: batch.closingBalance === null ? null : BigInt(batch.closingBalance),
    balancesChecked: batch.balancesChecked, firstDay: batch.firstDay, lastDay: batch.lastDay, break: null,
  };
}
