/**
 * A bank statement imported into a fund: the file is hashed first, and a file the account
 * already has creates nothing. Otherwise its rows are read as they stream, checked and
 * staged in a temporary table, so memory does not grow with the file; the figures they add
 * up to must reproduce the bank's own (the balance chain the layout prints, and the counts
 * and sums given with the import), or the batch is refused with the difference named and
 * nothing is kept. A kept batch is written in one transaction, its rows each under their
 * place in the file, so identical-looking rows stay distinct transfers.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { recordAudit } from '../../db/audit-repo.js';
import { BankStatementStage, findStatementBatch, insertStatementBatch, type StatementBatchRow } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { FigureCounter, type StatementFigures } from '../../import/bank/control-figures.js';
import { findStatementLayout, layoutOfHeader, STATEMENT_LAYOUTS } from '../../import/bank/layouts.js';
import type { StatementLayout } from '../../import/bank/statement-layout.js';
import { isRowProblem, readStatementRow, type StatementRow } from '../../import/bank/statement-row.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

const STAGE_BATCH = 5_000;

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
}

async function sha256Of(open: () => Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first difference between the rows' figures and the bank's own, in words. */
function difference(figures: StatementFigures, expected: ExpectedFigures | undefined): { path: string; detail: string } | null {
  const broken = figures.break;
  if (broken) return { path: 'file', detail: `row ${broken.ordinal}: the rows give a balance of ${broken.expected}, the bank printed ${broken.printed} (difference ${broken.printed - broken.expected})` };
  const checks: [string, bigint | number | undefined, bigint | number][] = [
    ['expected.creditCount', expected?.creditCount, figures.credits.count], ['expected.creditSum', expected?.creditSum, figures.credits.sum],
    ['expected.debitCount', expected?.debitCount, figures.debits.count], ['expected.debitSum', expected?.debitSum, figures.debits.sum],
  ];
  for (const [path, bank, rows] of checks) {
    if (bank !== undefined && BigInt(bank) !== BigInt(rows)) return { path, detail: `the bank gives ${bank}, the rows ${rows} (difference ${BigInt(bank) - BigInt(rows)})` };
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

  const sha256 = await sha256Of(request.open);
  const known = findStatementBatch(store.db, entityId, bankAccountId, sha256);
  if (known) return accept({ batch: known, created: false, figures: figuresOf(known) });

  const parser = request.open().pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  const stage = new BankStatementStage(store.sqlite);
  try {
    let layout: StatementLayout | undefined;
    let header: string[] = [];
    let counter: FigureCounter | undefined;
    let pending: StatementRow[] = [];
    let ordinal = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!layout) {
        const found = layoutOfHeader(record);
        if (!found || (chosen && chosen.id !== found.id)) {
          const expected = chosen ? chosen.header.join(', ') : STATEMENT_LAYOUTS.map((l) => `${l.id}: ${l.header.join(', ')}`).join(' | ');
          return reject('statement_layout_unknown', 'file', `the header is ${record.join(', ')}; expected ${expected}`);
        }
        if (found.dates === 'dm' && request.year === undefined) return reject('statement_year_required', 'year', `${found.id} prints dates without the year`);
        layout = found;
        header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
        counter = new FigureCounter(found.control);
        continue;
      }
      ordinal += 1;
      const cells = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
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
    if (!layout || !counter) return reject('statement_layout_unknown', 'file', 'the file is empty');
    stage.add(pending);
    request.onRows?.(ordinal);
    const figures = counter.figures();
    const differs = difference(figures, request.expected);
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
      recordAudit(store.db, request.actor, { entityId, kind: 'bank-statement.imported', subject: String(batch.id), detail: { file: request.fileName, sha256, rows: figures.rows, credits: String(figures.credits.sum) } });
      return accept({ batch, created: true, figures });
    });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('CSV_')) return reject('statement_row_invalid', 'file', (error as Error).message);
    throw error;
  } finally {
    parser.destroy();
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
