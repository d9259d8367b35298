/**
 * A fund's books and statements for a range, as JSON or as files to print or open in
 * Excel: /api/entities/:entity/reports/:report and /api/entities/:entity/books/:book.
 * Every answer streams as it is written; every role on the fund may read them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookOutput, reportOutput } from '../../app/reports/report-output.js';
import type { Store } from '../../db/store.js';
import { fundOf } from '../access.js';
import { streamFile } from '../file-reply.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { bookParams, bookQuery, reportParams, reportQuery } from '../report-schemas.js';

const read = { access: { permission: 'ledger.read' as const } };
const tags = ['books and reports'];

export function bookAndReportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/reports/:report',
      { config: read, schema: { tags, summary: 'Trial balance, statement of financial position or of fund receipts and uses; consolidated=true adds the funds below', params: reportParams, querystring: reportQuery, response: { 200: success.reportFile } } },
      async (request, reply) => {
        const output = reportOutput(store, fundOf(request), { ...request.query, report: request.params.report, entity: request.params.entity });
        return output.ok ? streamFile(reply, output.value) : sendRejection(reply, output);
      },
    );

    app.get(
      '/api/entities/:entity/books/:book',
      { config: read, schema: { tags, summary: 'A book over a range: cash, bank, journal, ledger, counterparty, campaign, designation, goods or currency', params: bookParams, querystring: bookQuery, response: { 200: success.bookFile } } },
      async (request, reply) => {
        const output = bookOutput(store, fundOf(request), { ...request.query, book: request.params.book, entity: request.params.entity });
        return output.ok ? streamFile(reply, output.value) : sendRejection(reply, output);
      },
    );
  };
}
