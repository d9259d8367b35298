/**
 * Answering a write: runs it in the server's next group commit, under the request's
 * Idempotency-Key when one is given (keys are kept per fund and per user, so two people
 * never collide on a key), and once the batch is on disk
 * sends the new resource (or the stored answer of an earlier identical request, marked
 * with `Idempotency-Replayed: true`), or the rejection.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idempotent } from '../app/idempotent.js';
import type { Store } from '../db/store.js';
import type { Result } from '../ledger/rejections.js';
import { sendRejection } from './problem.js';

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'expected 1 to 200 visible ASCII characters')
    .optional()
    .meta({ description: 'Makes the write safe to retry: the same key with the same body returns the first answer.', example: 'b1c4e0a2-2f6a-4c53-9a53-1f0c6c8a1e77' }),
});

export interface WriteAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface WriteScope {
  /** The fund the write belongs to, or null for writes above any fund. */
  readonly entity: string | null;
  /** Where the created resource lives, for the Location header. */
  readonly locate?: (body: unknown) => string;
}

export async function answerWrite(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: WriteScope,
  write: () => Result<WriteAnswer>,
): Promise<FastifyReply> {
  const key = request.headers['idempotency-key'];
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url ?? ''}\n${JSON.stringify(request.params)}\n${JSON.stringify(request.query)}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const idempotencyKey = typeof key === 'string' ? { scope: `${scope.entity === null ? 'installation' : `entity:${scope.entity}`} user:${request.principal?.userId ?? '-'}`, key, fingerprint } : undefined;
  const answer = await request.server.writes.submit(() => idempotent(store, idempotencyKey, write));
  if (!answer.ok) return sendRejection(reply, answer);
  const { status, body, replayed } = answer.value;
  if (scope.locate) reply.header('location', scope.locate(body));
  return reply.code(status).header('idempotency-replayed', String(replayed)).send(body);
}
