/** Sending a PDF that is still being written: the document streams out as its pages are made. */
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { PrintDocument } from '../export/print-model.js';
import { writePdf } from '../export/voucher-pdf.js';

export function streamPdf(reply: FastifyReply, documents: Iterable<PrintDocument>, fileName: string): FastifyReply {
  const out = new PassThrough();
  writePdf(documents, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(out);
}
