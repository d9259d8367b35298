/** A fund's vouchers of a period as a MISA import template (SME.NET or AMIS), one XLSX. */
import type { Store } from '../../db/store.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { misaExport } from '../../app/exports/misa-export.js';
import { MISA_PRODUCTS, MISA_VOUCHER_TEMPLATES } from '../../export/misa/layout.js';
import { fundOf } from '../access.js';
import { streamFile } from '../file-reply.js';
import { sendRejection } from '../problem.js';
import * as success from '../response-schemas.js';
import { entityParams, isoDate } from '../schemas.js';

const params = entityParams.extend({ template: z.enum(MISA_VOUCHER_TEMPLATES) }).strict();
const query = z
  .object({ product: z.enum(MISA_PRODUCTS).default('sme'), from: isoDate, to: isoDate })
  .strict()
  .meta({ description: 'The posted vouchers whose accounting date falls in the range' });

export function misaRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/entities/:entity/exports/misa/:template',
      {
        config: { access: { permission: 'ledger.read' } },
        schema: {
          tags: ['exports'], summary: 'The posted vouchers of a period as a MISA import template: one row per debit–credit pair, header texts as MISA writes them',
          params, querystring: query, response: { 200: success.xlsxFile },
        },
      },
      async (request, reply) => {
        const output = misaExport(store, { entity: fundOf(request).code, template: request.params.template, ...request.query });
        return output.ok ? streamFile(reply, output.value) : sendRejection(reply, { ...output, path: output.path === 'template' ? 'params.template' : `querystring.${output.path ?? ''}` });
      },
    );
  };
}
