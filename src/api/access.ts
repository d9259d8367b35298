/**
 * Authentication and permission for every route. Each route declares its access in its
 * config: public, any signed-in user (the route then narrows what it shows), or a
 * permission on the fund named in its path. A route without a
 * declaration cannot be registered. Checks run before the body is read: an address with
 * too many failed sign-ins → 429 (see auth-throttle.ts), no token → 401, unknown fund → 404,
 * no right on it → 403.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { holds, type Caller } from '../app/caller.js';
import { authenticate } from '../app/tokens.js';
import type { Permission, Principal } from '../app/permissions.js';
import { findEntityByCode, type EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { AuthThrottle } from './auth-throttle.js';
import { sendApiProblem, sendRejection } from './problem.js';
import { reject } from '../ledger/rejections.js';

export type Access =
  | { readonly public: true }
  | { readonly signedIn: true }
  | { readonly permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
    fund: EntityRow | null;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

export function installAccess(app: FastifyInstance, store: Store, throttle: AuthThrottle): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('fund', null);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (route.url.startsWith('/docs')) return;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    // The rule is stated in the route's OpenAPI description, where clients and tests read it.
    route.schema = { ...route.schema, description: [route.schema?.description, `Access: ${describeAccess(access)}.`].filter(Boolean).join('\n\n') };
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || 'public' in access) return;
    const wait = throttle.retryAfter(request.ip);
    if (wait > 0) return sendApiProblem(reply.header('retry-after', String(wait)), 'authentication_throttled', `retry in ${wait} s`);
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) return sendApiProblem(reply, 'unauthenticated');
    const principal = authenticate(store, token);
    if (!principal) {
      if (throttle.fail(request.ip)) request.log.warn({ ip: request.ip }, 'too many failed sign-ins; address refused until its window ends');
      return sendApiProblem(reply, 'token_invalid');
    }
    request.principal = principal;
    if ('signedIn' in access) return;
    return checkFund(store, request, reply, access.permission);
  });
}

function describeAccess(access: Access): string {
  if ('public' in access) return 'public';
  if ('signedIn' in access) return 'any signed-in user; the route narrows what it shows or allows';
  return `\`${access.permission}\` on the fund`;
}

async function checkFund(store: Store, request: FastifyRequest, reply: FastifyReply, permission: Permission): Promise<unknown> {
  const code = (request.params as { entity?: string }).entity ?? '';
  const fund = findEntityByCode(store.db, code);
  if (!fund) return sendRejection(reply, reject('entity_unknown', 'params.entity', code));
  if (!holds(store, principalOf(request), permission, fund.id)) return sendRejection(reply, reject('forbidden', undefined, `needs ${permission} on ${fund.code}`));
  request.fund = fund;
  return undefined;
}

/** The fund an entity-scoped route was admitted to. */
export function fundOf(request: FastifyRequest): EntityRow {
  if (!request.fund) throw new Error(`${request.url} reached its handler without an admitted fund`);
  return request.fund;
}

/** The user behind a signed-in request. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.url} reached its handler without a principal`);
  return request.principal;
}

/** The user behind a signed-in request: the principal the use case checks, named as the audit trail records them. */
export function actorOf(request: FastifyRequest): Caller {
  const principal = principalOf(request);
  return { name: principal.name, origin: request.ip, requestId: request.id, principal };
}
