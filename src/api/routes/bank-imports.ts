/**
 * Bank statements through the API: a statement uploaded (multipart, one file) and imported
 * as a batch, the same file again answered with the batch it made; the fund's batches, and
 * one batch with its figures. Only this route's plugin and the MISA import's read multipart.
 */
import { createWriteStream, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importStatement } from '../../app/bank/import-statement.js';
import { getReconciliation } from '../../app/bank/get-reconciliation.js';
import { postStatement } from '../../app/bank/post-statement.js';
import { findStatementBatchById, listStatementBatches, type StatementBatchRow } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { accept, reject } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { range } from '../report-schemas.js';
import { entityParams, isoDate, wholeNumber } from '../schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const tags = ['bank statements'];
/** The most bytes one statement may have: a day of a national appeal is about 50 MB. */
const UPLOAD = { fileSize: 512 * 1024 * 1024, files: 1, fields: 0 };

const int = z.number().int();
const batch = z.strictObject({
  id: int, bankAccount: z.string(), layout: z.string(), fileName: z.string(), sha256: z.string(),
  firstDay: isoDate.nullable(), lastDay: isoDate.nullable(), rows: int,
  credits: z.strictObject({ count: int, sum: z.string() }), debits: z.strictObject({ count: int, sum: z.string() }),
  openingBalance: z.string().nullable(), closingBalance: z.string().nullable(), balancesChecked: int, importedBy: z.string(), importedAt: z.string(),
});
const imported = z.strictObject({ created: z.boolean().meta({ description: 'False: the account already had this file, and nothing was created' }), batch });
const digits = z.string().regex(/^\d{1,16}$/, 'expected whole đồng');
const importQuery = z
  .object({
    bankAccount: z.string().min(1).max(40),
    layout: z.string().min(1).max(40).optional(),
    year: wholeNumber(1900, 2999).optional(),
    creditCount: wholeNumber(0, 1e12).optional(), creditSum: digits.optional(), debitCount: wholeNumber(0, 1e12).optional(), debitSum: digits.optional(),
  })
  .strict()
  .meta({ description: 'The fund’s account the statement is of; the layout, if not found from the header; the year of a layout without one; and the bank’s own counts and sums, checked' });
const posted = z.strictObject({ receipts: int, transfers: int, credited: z.string(), charges: int.meta({ description: 'Bank charges drafted, awaiting an approver' }) });
const reconciliationQuery = z.object({ bankAccount: z.string().min(1).max(40), ...range }).strict();
const amountText = z.string();
const reconciliation = z.strictObject({
  openingLedgerBalance: amountText,
  agrees: z.boolean().meta({ description: 'Every day moved the same in both and nothing is left unposted' }),
  days: z.array(z.strictObject({
    date: isoDate, statementNet: amountText, ledgerNet: amountText, difference: amountText, printedBalance: amountText.nullable(), ledgerBalance: amountText,
    balanceDifference: amountText.nullable(), unpostedRows: int, unpostedAmount: amountText,
  })),
});
const batchParams = entityParams.extend({ id: wholeNumber(1, Number.MAX_SAFE_INTEGER) }).strict();

function batchJson(row: StatementBatchRow, accounts: ReadonlyMap<number, string>) {
  return {
    id: row.id, bankAccount: accounts.get(row.bankAccountId) ?? String(row.bankAccountId), layout: row.layout, fileName: row.fileName, sha256: row.sha256,
    firstDay: row.firstDay, lastDay: row.lastDay, rows: row.rows,
    credits: { count: row.creditCount, sum: String(row.creditSum) }, debits: { count: row.debitCount, sum: String(row.debitSum) },
    openingBalance: row.openingBalance === null ? null : String(row.openingBalance), closingBalance: row.closingBalance === null ? null : String(row.closingBalance),
    balancesChecked: row.balancesChecked, importedBy: row.importedBy, importedAt: row.importedAt,
  };
}

export function bankImportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart);
    const accountsOf = (entityId: number) => new Map((store.sqlite.prepare('SELECT id, number FROM bank_accounts WHERE entity_id = ?').all(entityId) as { id: number; number: string }[]).map((b) => [b.id, b.number]));

    app.post(
      '/api/entities/:entity/bank-imports',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: { tags, summary: 'Import a bank statement (multipart, one CSV file): checked against the bank’s own figures, kept as a batch; the same file again creates nothing', consumes: ['multipart/form-data'], params: entityParams, querystring: importQuery, response: { 200: imported, 201: imported } },
      },
      async (request, reply) => {
        if (!request.isMultipart()) return sendRejection(reply, reject('statement_layout_unknown', 'headers.content-type', 'send the statement as multipart/form-data'));
        const file = await request.file({ limits: UPLOAD });
        if (!file) return sendApiProblem(reply, 'invalid_request', 'no file', 'file');
        const dir = mkdtempSync(join(tmpdir(), 'sao-ke-'));
        try {
          const path = join(dir, 'statement');
          await pipeline(file.file, createWriteStream(path));
          if (file.file.truncated) return sendApiProblem(reply, 'payload_too_large', `a statement is at most ${UPLOAD.fileSize} bytes`, 'file');
          const fund = fundOf(request);
          const { bankAccount, layout, year, creditCount, creditSum, debitCount, debitSum } = request.query;
          const result = await importStatement(store, {
            entity: fund.code, bankAccount, fileName: file.filename, open: () => createReadStream(path), actor: actorOf(request),
            ...(layout !== undefined && { layout }), ...(year !== undefined && { year }),
            expected: {
              ...(creditCount !== undefined && { creditCount }), ...(creditSum !== undefined && { creditSum: BigInt(creditSum) }),
              ...(debitCount !== undefined && { debitCount }), ...(debitSum !== undefined && { debitSum: BigInt(debitSum) }),
            },
          });
          if (!result.ok) {
            const inQuery = ['bankAccount', 'layout', 'year'].includes(result.path ?? '') || result.path?.startsWith('expected.');
            return sendRejection(reply, inQuery ? { ...result, path: `querystring.${(result.path ?? '').replace(/^expected\./, '')}` } : result);
          }
          return reply.code(result.value.created ? 201 : 200).send({ created: result.value.created, batch: batchJson(result.value.batch, accountsOf(fund.id)) });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
    app.post(
      '/api/entities/:entity/bank-imports/:id/receipts',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Post the batch’s credits as bank receipts (one a day with a line per transfer, or one a transfer) and draft its bank charges for approval; rows already posted are passed over',
          params: batchParams, querystring: z.object({ per: z.enum(['day', 'transfer']).default('day') }).strict(), headers: idempotencyHeaders, response: { 200: posted },
        },
      },
      async (request, reply) => {
        const entity = fundOf(request).code;
        return answerWrite(store, request, reply, { entity }, () => {
          const done = postStatement(store, { entity, batch: request.params.id, per: request.query.per, actor: actorOf(request) });
          return done.ok ? accept({ status: 200, body: { ...done.value, credited: String(done.value.credited) } }) : done.path === 'batch' ? { ...done, path: 'params.id' } : done;
        });
      },
    );
    app.get(
      '/api/entities/:entity/reconciliation',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'A bank account’s statements against its ledger, day by day: movements, the difference, the printed balance against the ledger’s, and the rows not yet posted',
          params: entityParams, querystring: reconciliationQuery, response: { 200: reconciliation },
        },
      },
      async (request, reply) => {
        const found = getReconciliation(store, { entity: fundOf(request).code, ...request.query });
        if (!found.ok) return sendRejection(reply, { ...found, path: `querystring.${found.path ?? ''}` });
        const text = (v: bigint | null) => (v === null ? null : String(v));
        return {
          openingLedgerBalance: String(found.value.openingLedgerBalance), agrees: found.value.agrees,
          days: found.value.days.map((d) => ({
            date: d.date, statementNet: String(d.statementNet), ledgerNet: String(d.ledgerNet), difference: String(d.difference), printedBalance: text(d.printedBalance),
            ledgerBalance: String(d.ledgerBalance), balanceDifference: text(d.balanceDifference), unpostedRows: d.unpostedRows, unpostedAmount: String(d.unpostedAmount),
          })),
        };
      },
    );
    app.get(
      '/api/entities/:entity/bank-imports',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The fund’s imported statements, each with its file’s SHA-256 and figures', params: entityParams, response: { 200: z.strictObject({ batches: z.array(batch) }) } } },
      async (request) => {
        const fund = fundOf(request);
        const accounts = accountsOf(fund.id);
        return { batches: listStatementBatches(store.db, fund.id).map((row) => batchJson(row, accounts)) };
      },
    );
    app.get(
      '/api/entities/:entity/bank-imports/:id',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'One imported statement with its figures', params: batchParams, response: { 200: batch } } },
      async (request, reply) => {
        const fund = fundOf(request);
        const row = findStatementBatchById(store.db, fund.id, request.params.id);
        return row ? batchJson(row, accountsOf(fund.id)) : sendApiProblem(reply, 'not_found', `bank import ${request.params.id}`, 'params.id');
      },
    );
  };
}
