/**
 * One error shape for every non-2xx answer: application/problem+json with a machine code,
 * a human message, the offending field where there is one, and the request id. Malformed
 * input is 400 naming the field; the rules' refusals carry the ledger's code; anything
 * unforeseen is a bug: 500 with a generic message, the details going to the log only.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Rejection } from '../ledger/rejections.js';
import { API_PROBLEMS, statusOf, type ApiProblemCode } from './problem-codes.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly field?: string;
  readonly requestId: string;
}

function send(reply: FastifyReply, problem: Omit<Problem, 'type' | 'requestId'>): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: `about:blank#${problem.code}`, requestId: reply.request.id, ...problem });
}

export function sendApiProblem(reply: FastifyReply, code: ApiProblemCode, detail?: string, field?: string): FastifyReply {
  const { status, title } = API_PROBLEMS[code];
  return send(reply, { status, title, code, ...(detail !== undefined && { detail }), ...(field !== undefined && { field }) });
}

export function sendRejection(reply: FastifyReply, rejection: Rejection): FastifyReply {
  return send(reply, {
    title: rejection.message,
    status: statusOf(rejection.code),
    code: rejection.code,
    ...(rejection.detail !== undefined && { detail: rejection.detail }),
    ...(rejection.path !== undefined && { field: rejection.path }),
  });
}

/** Fastify's own 4xx errors, by their error code, and the part of the request at fault. */
const FASTIFY_CODES: ReadonlyMap<string, { readonly code: ApiProblemCode; readonly field: string }> = new Map([
  ['FST_ERR_CTP_BODY_TOO_LARGE', { code: 'payload_too_large', field: 'body' }],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', { code: 'unsupported_media_type', field: 'headers.content-type' }],
  ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', { code: 'invalid_request', field: 'headers.content-length' }],
  ['FST_ERR_BAD_URL', { code: 'invalid_request', field: 'url' }],
  ['FST_ERR_MAX_PARAM_LENGTH', { code: 'uri_too_long', field: 'params' }],
  ['FST_REQ_FILE_TOO_LARGE', { code: 'payload_too_large', field: 'file' }],
  ['FST_FILES_LIMIT', { code: 'payload_too_large', field: 'file' }],
  ['FST_PARTS_LIMIT', { code: 'payload_too_large', field: 'file' }],
  ['FST_INVALID_MULTIPART_CONTENT_TYPE', { code: 'unsupported_media_type', field: 'headers.content-type' }],
]);

function sendFrameworkError(error: FastifyError, reply: FastifyReply): FastifyReply {
  const known = FASTIFY_CODES.get(error.code);
  return sendApiProblem(reply, known?.code ?? 'invalid_request', error.message, known?.field ?? 'body');
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = [error.validationContext, ...(first?.instancePath.split('/').filter(Boolean) ?? [])].filter(Boolean).join('.');
      return sendApiProblem(reply, 'invalid_request', first?.message ?? error.message, field);
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      request.log.warn({ err: error }, 'database busy');
      return sendApiProblem(reply.header('retry-after', '1'), 'busy');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return sendFrameworkError(error, reply);
    request.log.error({ err: error }, 'unhandled error');
    return sendApiProblem(reply, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => sendApiProblem(reply, 'not_found', `${request.method} ${request.url.split('?')[0] ?? ''}`));
}

/** Errors the router meets before any route is chosen: a URL that does not decode, a parameter too long. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendFrameworkError(error, reply);
}

/** What Node's HTTP parser refuses before Fastify sees a request, answered in the same shape. */
const CLIENT_ERRORS: ReadonlyMap<string, ApiProblemCode> = new Map([
  ['HPE_HEADER_OVERFLOW', 'headers_too_large'],
  ['ERR_HTTP_REQUEST_TIMEOUT', 'request_timeout'],
]);

export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS.get(error.code ?? '') ?? 'invalid_request';
  const { status, title } = API_PROBLEMS[code];
  const body = JSON.stringify({ type: `about:blank#${code}`, title, status, code, detail: error.code ?? error.message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
