/** Sending a PDF of vouchers that is still being written: the document streams out as its pages are made. */
import type { FastifyReply } from 'fastify';
import type { PrintDocument } from '../export/print-model.js';
import { writePdf } from '../export/voucher-pdf.js';
import { streamFile } from './file-reply.js';

export function streamPdf(reply: FastifyReply, documents: Iterable<PrintDocument>, fileName: string): FastifyReply {
  return streamFile(reply, { contentType: 'application/pdf', name: fileName, write: (out) => writePdf(documents, out) });
}
