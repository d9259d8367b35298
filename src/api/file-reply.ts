/** Sending an answer that is still being written: the body streams out as the writer makes it. */
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { Output } from '../app/reports/report-output.js';

export function streamFile(reply: FastifyReply, file: Output): FastifyReply {
  const out = new PassThrough();
  file.write(out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  const attached = file.contentType.startsWith('application/json') ? reply : reply.header('content-disposition', `attachment; filename="${file.name}"`);
  return attached.type(file.contentType).send(out);
}
