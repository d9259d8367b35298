/**
 * One error shape for every non-2xx answer: application/problem+json with a machine code,
 * a human message, the offending field where there is one, and the request id. Malformed
 * input is 400 naming the field; the rules' refusals carry the ledger's code; anything
 * unforeseen is a bug: 500 with a generic message, the details going to the log only.
 */
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

/** Fastify's own 4xx errors, by their error code. */
const FASTIFY_CODES: Readonly<Record<string, ApiProblemCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

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
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendApiProblem(reply, FASTIFY_CODES[error.code] ?? 'invalid_request', error.message, 'body');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendApiProblem(reply, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => sendApiProblem(reply, 'not_found', `${request.method} ${request.url.split('?')[0] ?? ''}`));
}
