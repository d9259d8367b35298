/**
 * MISA files read back into a fund: a multipart upload of one or more files (XLSX, or the
 * zip an export writes). Only this route reads multipart bodies.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applyMisaImport, checkedImport, prepareMisaImport } from '../../app/imports/misa-import.js';
import type { Store } from '../../db/store.js';
import { accept, reject } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { importQuery, importReport } from '../misa-schemas.js';
import { sendRejection } from '../problem.js';
import { entityParams } from '../schemas.js';
import { answerWrite } from '../write.js';

/** The most bytes one uploaded file may have, and the most files in one upload. */
const UPLOAD = { fileSize: 64 * 1024 * 1024, files: 10, fields: 0 };

export function misaImportRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart);
    app.post(
      '/api/entities/:entity/imports/misa',
      {
        config: { access: { permission: 'ledger.post' } },
        schema: {
          tags: ['misa'], summary: 'MISA files (XLSX, or the zip an export writes) read into the fund: sub-accounts, counterparties, opening balances and vouchers, as drafts or posted; multipart/form-data, one or more files',
          consumes: ['multipart/form-data'], params: entityParams, querystring: importQuery, response: { 200: importReport, 201: importReport },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) return sendRejection(reply, reject('misa_file_unreadable', 'headers.content-type', 'send the files as multipart/form-data'));
        const files: { name: string; bytes: Buffer }[] = [];
        for await (const part of request.files({ limits: UPLOAD })) files.push({ name: part.filename, bytes: await part.toBuffer() });
        if (files.length === 0) return sendRejection(reply, reject('misa_file_unreadable', 'file', 'no file'));
        const entity = fundOf(request).code;
        const prepared = await prepareMisaImport(store, { entity, files });
        if (!prepared.ok) return sendRejection(reply, prepared);
        if (request.query.check) return checkedImport(prepared.value);
        const { post, openingDate } = request.query;
        return answerWrite(store, request, reply, { entity }, () => {
          const imported = applyMisaImport(store, prepared.value, { entity, actor: actorOf(request), post, ...(openingDate !== undefined && { openingDate }) });
          return imported.ok ? accept({ status: 201, body: imported.value }) : imported.path === 'post' ? { ...imported, path: 'querystring.post' } : imported;
        });
      },
    );
  };
}
