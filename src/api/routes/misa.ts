/**
 * MISA exchange: a fund's books of a period as MISA import files (one template as an XLSX,
 * or all of them in a zip), the validation report on its own, the installation's account
 * mapping, and the record of exports.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { misaExport, misaValidation } from '../../app/exports/misa-export.js';
import { getMisaMapping, setMisaMapping } from '../../app/exports/misa-mapping.js';
import { listMisaExports } from '../../db/misa-repo.js';
import type { Store } from '../../db/store.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { streamFile } from '../file-reply.js';
import { exportQuery, mapping, mappingBody, misaExports, misaReport, productQuery, templateParams } from '../misa-schemas.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { entityParams } from '../schemas.js';
import { answerWrite } from '../write.js';

const tags = ['misa'];

const queryPath = (path: string | undefined) => (path === 'template' ? 'params.template' : `querystring.${path ?? ''}`);

export function misaRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/exports/misa',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: { tags, summary: 'Every MISA template of the product for a period in one zip: the lists and the vouchers, each an XLSX, with the validation report', params: entityParams, querystring: exportQuery, response: { 200: success.zipFile } },
      },
      async (request, reply) => {
        const output = misaExport(store, { entity: fundOf(request).code, ...request.query, actor: actorOf(request) });
        return output.ok ? streamFile(reply, output.value) : sendRejection(reply, { ...output, path: queryPath(output.path) });
      },
    );
    app.get(
      '/api/entities/:entity/exports/misa/validation',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: { tags, summary: 'What MISA would refuse in an export of the period, template by template, without writing it', params: entityParams, querystring: exportQuery, response: { 200: misaReport } },
      },
      async (request, reply) => {
        const report = misaValidation(store, { entity: fundOf(request).code, ...request.query });
        return report.ok ? report.value : sendRejection(reply, { ...report, path: queryPath(report.path) });
      },
    );
    app.get(
      '/api/entities/:entity/exports/misa/records',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The MISA exports made: what, who, when, and each file’s SHA-256', params: entityParams, response: { 200: misaExports } } },
      async (request) => ({ exports: listMisaExports(store.db, fundOf(request).id).map(({ entityId: _entity, ...record }) => record) }),
    );
    app.get(
      '/api/entities/:entity/exports/misa/mapping',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags, summary: 'The account mapping to one MISA installation (identity unless set)', params: entityParams, querystring: productQuery, response: { 200: mapping } } },
      async (request, reply) => {
        const found = getMisaMapping(store, { entity: fundOf(request).code, product: request.query.product });
        return found.ok ? found.value : sendRejection(reply, found);
      },
    );
    app.put(
      '/api/entities/:entity/exports/misa/mapping',
      {
        config: { access: { permission: 'chart.manage' } },
        schema: { tags, summary: 'Sets the account mapping to one MISA installation', params: entityParams, querystring: productQuery, body: mappingBody, response: { 200: mapping } },
      },
      async (request, reply) => {
        const entity = fundOf(request).code;
        return answerWrite(store, request, reply, { entity }, () => {
          const set = setMisaMapping(store, { entity, mapping: { product: request.query.product, ...request.body }, actor: actorOf(request) });
          return set.ok ? accept({ status: 200, body: set.value }) : { ...set, path: `body.${set.path ?? ''}` };
        });
      },
    );
    app.get(
      '/api/entities/:entity/exports/misa/:template',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags, summary: 'One MISA import template for a period as an XLSX: a row per debit–credit pair (or list entry), header texts as MISA writes them, and the validation report',
          params: templateParams, querystring: exportQuery, response: { 200: success.xlsxFile },
        },
      },
      async (request, reply) => {
        const output = misaExport(store, { entity: fundOf(request).code, template: request.params.template, ...request.query, actor: actorOf(request) });
        return output.ok ? streamFile(reply, output.value) : sendRejection(reply, { ...output, path: queryPath(output.path) });
      },
    );
  };
}
