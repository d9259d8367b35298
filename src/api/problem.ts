/**
 * One error shape for every non-2xx answer: application/problem+json with a machine code,
 * a human message, the offending field where there is one, and the request id. Malformed
 * input is 400, unknown resources 404, rule rejections 422, and anything else is a bug:
 * 500 with a generic message, the details going to the log only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Rejection, RejectionCode } from '../ledger/rejections.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly field?: string;
  readonly requestId: string;
}

const NOT_FOUND: ReadonlySet<RejectionCode> = new Set(['entity_unknown', 'entry_not_found', 'account_unknown', 'year_unknown', 'period_unknown']);

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'type' | 'requestId'>): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: `about:blank#${problem.code}`, requestId: reply.request.id, ...problem });
}

export function sendRejection(reply: FastifyReply, rejection: Rejection): FastifyReply {
  return sendProblem(reply, {
    title: rejection.message,
    status: NOT_FOUND.has(rejection.code) ? 404 : 422,
    code: rejection.code,
    ...(rejection.detail !== undefined && { detail: rejection.detail }),
    ...(rejection.path !== undefined && { field: rejection.path }),
  });
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = [error.validationContext, ...(first?.instancePath.split('/').filter(Boolean) ?? [])].filter(Boolean).join('.');
      return sendProblem(reply, { title: 'The request is malformed.', status: 400, code: 'invalid_request', detail: first?.message ?? error.message, field });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, { title: 'The request is malformed.', status: error.statusCode, code: error.code?.toLowerCase() ?? 'invalid_request', detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, { title: 'Internal error; the request id identifies it in the server log.', status: 500, code: 'internal_error' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { title: 'No such resource.', status: 404, code: 'not_found', detail: `${request.method} ${request.url}` }),
  );
}
