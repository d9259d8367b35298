/**
 * Bank statements through the API: a statement uploaded (multipart, one file) and imported
 * as a batch — at once, or in the background as a job whose progress can be read — the same
 * file again answered with the batch it made; the fund's batches, one batch with its figures
 * and how its rows stand, and the rows held for review; its credits posted as receipts; the
 * account's reconciliation. Only this route's plugin and the MISA import's read multipart.
 */
import { createWriteStream, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importStatement } from '../../app/bank/import-statement.js';
import { getReconciliation } from '../../app/bank/get-reconciliation.js';
import { decideReview } from '../../app/bank/decide-review.js';
import { ImportJobs, type ImportJob } from '../../app/bank/import-jobs.js';
import { postStatement } from '../../app/bank/post-statement.js';
import { findStatementBatchById, listStatementBatches, type StatementBatchRow } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { batchCounts, reviewRows } from '../../db/transfer-matches-repo.js';
import { readMapping, type StatementMapping } from '../../import/bank/statement-mapping.js';
import { accept, reject, type Rejection } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { range } from '../report-schemas.js';
import { entityParams, flag, isoDate, wholeNumber } from '../schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const tags = ['bank statements'];
/** The most bytes one statement may have: a day of a national appeal is about 50 MB. */
/** A mapping file, sent as the field `mapping` before the statement, is a few hundred bytes. */
const UPLOAD = { fileSize: 512 * 1024 * 1024, files: 1, fields: 1, fieldSize: 16 * 1024 };

const int = z.number().int();
const batch = z.strictObject({
  id: int, bankAccount: z.string(), layout: z.string(), fileName: z.string(), sha256: z.string(),
  firstDay: isoDate.nullable(), lastDay: isoDate.nullable(), rows: int,
  credits: z.strictObject({ count: int, sum: z.string() }), debits: z.strictObject({ count: int, sum: z.string() }),
  openingBalance: z.string().nullable(), closingBalance: z.string().nullable(), balancesChecked: int, importedBy: z.string(), importedAt: z.string(),
  counts: z.strictObject({
    new: int.meta({ description: 'Transfers first seen in this statement' }),
    matched: int.meta({ description: 'Transfers an earlier statement or a live feed already holds, never counted again' }),
    review: int.meta({ description: 'Rows the import could not decide, listed under …/review' }),
    held: int.meta({ description: 'Rows a campaign rule refused, held for review' }),
    posted: int.meta({ description: 'Rows in a voucher' }),
  }),
});
const job = z.strictObject({
  id: z.string(), fileName: z.string(), state: z.enum(['running', 'done', 'refused', 'failed']), rows: int.meta({ description: 'Rows read so far' }),
  rowsPerSecond: int, startedAt: z.string(), finishedAt: z.string().nullable(), created: z.boolean().nullable(), batch: batch.nullable(),
  problem: z.strictObject({ code: z.string(), detail: z.string().nullable(), path: z.string().nullable() }).nullable(),
});
const review = z.strictObject({
  rows: z.array(z.strictObject({
    ordinal: int, postedOn: isoDate, time: z.string().nullable(), debit: z.string(), credit: z.string(), remark: z.string(), ref: z.string().nullable(),
    counterAccount: z.string().nullable(), status: z.enum(['review', 'held']), reason: z.string(),
  })),
});
const imported = z.strictObject({ created: z.boolean().meta({ description: 'False: the account already had this file, and nothing was created' }), batch });
const digits = z.string().regex(/^\d{1,16}$/, 'expected whole đồng');
const importQuery = z
  .object({
    bankAccount: z.string().min(1).max(40),
    layout: z.string().min(1).max(40).optional(),
    year: wholeNumber(1900, 2999).optional(),
    creditCount: wholeNumber(0, 1e12).optional(), creditSum: digits.optional(), debitCount: wholeNumber(0, 1e12).optional(), debitSum: digits.optional(),
    background: flag.default(false).meta({ description: 'Answer at once with an import job (202) whose progress is read at …/bank-import-jobs/:job' }),
  })
  .strict()
  .meta({ description: 'The fund’s account the statement is of; the layout, if not found from the header; the year of a layout without one; and the bank’s own counts and sums, checked' });
const posted = z.strictObject({
  receipts: int, transfers: int, credited: z.string(), charges: int.meta({ description: 'Bank charges drafted, awaiting an approver' }),
  held: int.meta({ description: 'Rows a campaign rule refused, held for review (refused=hold)' }),
});
const receiptsQuery = z
  .object({
    per: z.enum(['day', 'transfer']).default('day'),
    campaignPattern: z.string().min(1).max(200).optional().meta({ description: 'Text with {code} where donors write a campaign’s code (e.g. "UH {code}"); the account’s campaign otherwise' }),
    refused: z.enum(['refuse', 'hold']).default('refuse').meta({ description: 'A receipt a campaign rule refuses: refuse the posting, or hold its rows for review and post the rest' }),
  })
  .strict();
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
const rowParams = batchParams.extend({ ordinal: wholeNumber(1, Number.MAX_SAFE_INTEGER) }).strict();
const positive = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const decisionBody = z
  .strictObject({
    decision: z.enum(['new', 'same']).meta({ description: 'new: a transfer of its own, posted with the batch’s new rows; same: the transfer named by batch and ordinal, or by event' }),
    batch: positive.optional().meta({ description: 'Another statement of the account' }), ordinal: positive.optional(),
    event: positive.optional().meta({ description: 'An event of the account’s feeds' }),
  })
  .superRefine((b, ctx) => {
    const row = b.batch !== undefined || b.ordinal !== undefined;
    if (b.decision === 'new' && (row || b.event !== undefined)) ctx.addIssue({ code: 'custom', path: [b.event !== undefined ? 'event' : b.batch !== undefined ? 'batch' : 'ordinal'], message: 'a new transfer names no other' });
    if (b.decision === 'same' && row === (b.event !== undefined)) ctx.addIssue({ code: 'custom', path: [row ? 'event' : 'batch'], message: 'name the row (batch and ordinal) or the event it is' });
    if (b.decision === 'same' && row && (b.batch === undefined || b.ordinal === undefined)) ctx.addIssue({ code: 'custom', path: [b.batch === undefined ? 'batch' : 'ordinal'], message: 'a row is named by batch and ordinal' });
  });
const decided = z.strictObject({ ordinal: int, status: z.enum(['new', 'matched']), voucherId: int.nullable().meta({ description: 'The voucher the row is now in, when the transfer it is has one' }) });
const jobParams = entityParams.extend({ job: z.uuid() }).strict();

/** A refusal of the import named where the request gave it: the query's fields, or the file. */
function inQuery(refusal: Rejection): Rejection {
  const path = refusal.path ?? '';
  return ['bankAccount', 'layout', 'year'].includes(path) || path.startsWith('expected.') ? { ...refusal, path: `querystring.${path.replace(/^expected\./, '')}` } : refusal;
}

function batchJson(store: Store, row: StatementBatchRow, accounts: ReadonlyMap<number, string>) {
  return {
    id: row.id, bankAccount: accounts.get(row.bankAccountId) ?? String(row.bankAccountId), layout: row.layout, fileName: row.fileName, sha256: row.sha256,
    firstDay: row.firstDay, lastDay: row.lastDay, rows: row.rows,
    credits: { count: row.creditCount, sum: String(row.creditSum) }, debits: { count: row.debitCount, sum: String(row.debitSum) },
    openingBalance: row.openingBalance === null ? null : String(row.openingBalance), closingBalance: row.closingBalance === null ? null : String(row.closingBalance),
    balancesChecked: row.balancesChecked, importedBy: row.importedBy, importedAt: row.importedAt, counts: batchCounts(store.sqlite, row.id),
  };
}

/** The `mapping` field of the upload, read as a mapping file; undefined where none was sent. */
function mappingField(part: Multipart | Multipart[] | undefined): { ok: true; value: StatementMapping } | { ok: false; message: string; field: string } | undefined {
  if (part === undefined) return undefined;
  const field = Array.isArray(part) ? part[0] : part;
  if (!field || field.type !== 'field' || typeof field.value !== 'string') return { ok: false, message: 'the mapping is a JSON text field sent before the file', field: 'mapping' };
  const read = readMapping(field.value);
  return read.ok ? read : { ok: false, message: read.message, field: read.path };
}

export function bankImportRoutes(store: Store): FastifyPluginAsyncZod {
  const jobs = new ImportJobs();
  return async (app) => {

    const jobJson = (j: ImportJob, entityId: number) => {
      const seconds = ((j.finishedAt ?? Date.now()) - j.startedAt) / 1000;
      const refusal = j.refusal ? inQuery(j.refusal) : null;
      return {
        id: j.id, fileName: j.fileName, state: j.state, rows: j.rows, rowsPerSecond: seconds > 0 ? Math.round(j.rows / seconds) : 0,
        startedAt: new Date(j.startedAt).toISOString(), finishedAt: j.finishedAt === null ? null : new Date(j.finishedAt).toISOString(),
        created: j.result?.created ?? null, batch: j.result ? batchJson(store, j.result.batch, accountsOf(entityId)) : null,
        problem: refusal ? { code: refusal.code, detail: refusal.detail ?? null, path: refusal.path ?? null } : null,
      };
    };
    const accountsOf = (entityId: number) => new Map((store.sqlite.prepare('SELECT id, number FROM bank_accounts WHERE entity_id = ?').all(entityId) as { id: number; number: string }[]).map((b) => [b.id, b.number]));

    // Only the upload reads multipart: the fund's other routes take JSON.
    await app.register(async (scope) => {
      await scope.register(multipart);
      const upload = scope.withTypeProvider<ZodTypeProvider>();
      upload.post(
        '/api/entities/:entity/bank-imports',
        {
          config: { access: { permission: 'ledger.post' } },
          schema: { tags, summary: 'Import a bank statement (multipart: one CSV, XLSX or text PDF file, preceded for a bank no layout reads by the field `mapping`, a mapping file as JSON): checked against the bank’s own figures, kept as a batch, its rows matched to transfers already known; the same file again creates nothing; background=true answers 202 with a job', consumes: ['multipart/form-data'], params: entityParams, querystring: importQuery, response: { 200: imported, 201: imported, 202: job } },
        },
        async (request, reply) => {
          if (!request.isMultipart()) return sendRejection(reply, reject('statement_layout_unknown', 'headers.content-type', 'send the statement as multipart/form-data'));
          const file = await request.file({ limits: UPLOAD });
          if (!file) return sendApiProblem(reply, 'invalid_request', 'no file', 'file');
          const mapping = mappingField(file.fields.mapping);
          if (mapping && !mapping.ok) {
            file.file.resume();
            return sendApiProblem(reply, 'invalid_request', mapping.message, mapping.field);
          }
          const dir = mkdtempSync(join(tmpdir(), 'sao-ke-'));
          const removeUpload = () => rmSync(dir, { recursive: true, force: true });
          let inBackground = false;
          try {
            const path = join(dir, 'statement');
            await pipeline(file.file, createWriteStream(path));
            if (file.file.truncated) return sendApiProblem(reply, 'payload_too_large', `a statement is at most ${UPLOAD.fileSize} bytes`, 'file');
            const fund = fundOf(request);
            const { bankAccount, layout, year, creditCount, creditSum, debitCount, debitSum, background } = request.query;
            const run = (onRows?: (rows: number) => void) =>
              importStatement(store, {
                entity: fund.code, bankAccount, fileName: file.filename, open: () => createReadStream(path), actor: actorOf(request),
                ...(layout !== undefined && { layout }), ...(mapping && { mapping: mapping.value }), ...(year !== undefined && { year }), ...(onRows && { onRows }),
                expected: {
                  ...(creditCount !== undefined && { creditCount }), ...(creditSum !== undefined && { creditSum: BigInt(creditSum) }),
                  ...(debitCount !== undefined && { debitCount }), ...(debitSum !== undefined && { debitSum: BigInt(debitSum) }),
                },
              });
            if (background) {
              const started = jobs.start(fund.id, file.filename, run, removeUpload);
              inBackground = true;
              return reply.code(202).header('location', `/api/entities/${fund.code}/bank-import-jobs/${started.id}`).send(jobJson(started, fund.id));
            }
            const result = await run();
            if (!result.ok) return sendRejection(reply, inQuery(result));
            return reply.code(result.value.created ? 201 : 200).send({ created: result.value.created, batch: batchJson(store, result.value.batch, accountsOf(fund.id)) });
          } finally {
            if (!inBackground) removeUpload();
          }
        },
      );
    });
    app.get(
      '/api/entities/:entity/bank-import-jobs/:job',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'A statement import running in the background: rows read, rate, and at the end the batch or the refusal', params: jobParams, response: { 200: job } } },
      async (request, reply) => {
        const fund = fundOf(request);
        const found = jobs.find(fund.id, request.params.job);
        return found ? jobJson(found, fund.id) : sendApiProblem(reply, 'not_found', `import job ${request.params.job}`, 'params.job');
      },
    );
    app.get(
      '/api/entities/:entity/bank-imports/:id/review',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The batch’s rows held for someone to decide: transfers the import could not tell from known ones, and rows a campaign rule refused, each with why', params: batchParams, response: { 200: review } } },
      async (request, reply) => {
        const fund = fundOf(request);
        if (!findStatementBatchById(store.db, fund.id, request.params.id)) return sendApiProblem(reply, 'not_found', `bank import ${request.params.id}`, 'params.id');
        return { rows: reviewRows(store.sqlite, request.params.id).map((r) => ({ ...r, debit: String(r.debit), credit: String(r.credit) })) };
      },
    );
    app.post(
      '/api/entities/:entity/bank-imports/:id/review/:ordinal',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Decide a row held for review: a transfer of its own (decision new; a row a campaign rule held is tried again when receipts are next posted), or the same transfer as a row of another statement or a feed’s event (decision same), which it is never counted apart from',
          params: rowParams, body: decisionBody, headers: idempotencyHeaders, response: { 200: decided },
        },
      },
      async (request, reply) => {
        const entity = fundOf(request).code;
        return answerWrite(store, request, reply, { entity }, () => {
          const body = request.body;
          const decision =
            body.decision === 'new' ? { kind: 'new' as const }
              : { kind: 'same' as const, as: body.event !== undefined ? { kind: 'event' as const, eventId: body.event } : { kind: 'row' as const, batchId: body.batch ?? 0, ordinal: body.ordinal ?? 0 } };
          const done = decideReview(store, { entity, batch: request.params.id, ordinal: request.params.ordinal, decision, actor: actorOf(request) });
          if (done.ok) return accept({ status: 200, body: done.value });
          return { ...done, path: done.path === 'batch' ? 'params.id' : done.path === 'ordinal' ? 'params.ordinal' : done.path === 'as' ? 'body' : done.path };
        });
      },
    );
    app.post(
      '/api/entities/:entity/bank-imports/:id/receipts',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags, summary: 'Post the batch’s credits as bank receipts (one a day with a line per transfer, or one a transfer) and draft its bank charges for approval; rows already posted are passed over',
          params: batchParams, querystring: receiptsQuery, headers: idempotencyHeaders, response: { 200: posted },
        },
      },
      async (request, reply) => {
        const entity = fundOf(request).code;
        return answerWrite(store, request, reply, { entity }, () => {
          const { per, campaignPattern, refused } = request.query;
          const done = postStatement(store, { entity, batch: request.params.id, per, refused, ...(campaignPattern !== undefined && { campaignPattern }), actor: actorOf(request) });
          if (done.ok) return accept({ status: 200, body: { ...done.value, credited: String(done.value.credited) } });
          return done.path === 'batch' ? { ...done, path: 'params.id' } : done.path === 'campaignPattern' ? { ...done, path: 'querystring.campaignPattern' } : done;
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
        return { batches: listStatementBatches(store.db, fund.id).map((row) => batchJson(store, row, accounts)) };
      },
    );
    app.get(
      '/api/entities/:entity/bank-imports/:id',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'One imported statement with its figures', params: batchParams, response: { 200: batch } } },
      async (request, reply) => {
        const fund = fundOf(request);
        const row = findStatementBatchById(store.db, fund.id, request.params.id);
        return row ? batchJson(store, row, accountsOf(fund.id)) : sendApiProblem(reply, 'not_found', `bank import ${request.params.id}`, 'params.id');
      },
    );
  };
}
