/**
 * Users, their roles and their tokens, managed by admins within their reach: a grant on a
 * fund needs admin on that fund (or above it, inherited); a user's tokens need admin over
 * every fund the user holds a role on. Anyone may list, issue and revoke their own tokens.
 * The reach is checked before an idempotent write is looked up, so repeating another
 * user's Idempotency-Key cannot replay the token secret it was answered with.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../app/permissions.js';
import { issueToken, revokeToken } from '../../app/tokens.js';
import { createUser, grantRole, revokeGrant, tokenHolderInReach, userInReach, type UserWithGrants } from '../../app/users.js';
import { findTokenByPublicId, findUserById, findUserByName, listGrants, listTokens, listUsers } from '../../db/access-repo.js';
import { findEntityByCode, listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { accept, reject } from '../../ledger/rejections.js';
import { actorOf, mayOn, principalOf } from '../access.js';
import { sendApiProblem, sendRejection } from '../problem.js';
import { entityCode, text, wholeNumber } from '../schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const userName = z.string().regex(/^[\p{L}\p{N}._@-]{1,100}$/u, 'letters, digits, dot, dash, underscore or @, at most 100');
const grant = z
  .object({ entity: entityCode.optional(), role: z.enum(ROLES), inherit: z.boolean().optional() })
  .strict()
  .meta({ example: { entity: 'HTH-VNN', role: 'accountant' } });
const newUser = z
  .object({ name: userName, grants: z.array(grant).max(100) })
  .strict()
  .meta({ example: { name: 'ketoan.hoathuan', grants: [{ entity: 'HTH-VNN', role: 'accountant' }] } });
const userParams = z.object({ user: userName }).strict();
const tokenRequest = z.object({ label: text(200) }).strict().meta({ example: { label: 'Máy kế toán xã Hòa Thuận' } });
/** A token's secret is kept nowhere, not even as an answer to replay: issuing is never idempotent. */
const onceOnly = z.object({
  'idempotency-key': z.never({ error: 'a token is issued once; its secret is not kept for a replay' }).optional(),
});

export function userRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    const codes = () => new Map(listEntities(store.db).map((e) => [e.id, e.code]));
    const userJson = ({ user, grants }: UserWithGrants) => {
      const code = codes();
      return {
        name: user.name,
        grants: grants.map((g) => ({ id: g.id, entity: g.entityId === null ? null : (code.get(g.entityId) ?? null), role: g.role, inherit: g.inherit })),
        tokens: listTokens(store.db, user.id).map((t) => ({ id: t.publicId, label: t.label, createdAt: t.createdAt, createdBy: t.createdBy, revokedAt: t.revokedAt })),
      };
    };
    /** Refuses, and answers, unless the principal administers the fund (absent: the whole installation). */
    const manageRefused = (request: FastifyRequest, reply: FastifyReply, entity: string | undefined, field: string): FastifyReply | undefined => {
      const fund = entity === undefined ? null : findEntityByCode(store.db, entity);
      if (fund === undefined) return sendRejection(reply, reject('entity_unknown', field, entity));
      if (!mayOn(store, request.principal, 'users.manage', fund?.id ?? null)) {
        return sendApiProblem(reply, 'forbidden', fund ? `needs users.manage on ${fund.code}` : 'needs users.manage over the installation', field);
      }
      return undefined;
    };
    const signedIn = { access: { signedIn: true as const } };

    app.get('/api/users', { config: signedIn, schema: { tags: ['users'], summary: 'Users within your reach as an admin', response: { 200: z.array(success.user) } } }, async (request, reply) => {
      const principal = principalOf(request);
      if (!principal.grants.some((g) => g.role === 'admin')) return sendApiProblem(reply, 'forbidden', 'needs the admin role');
      return listUsers(store.db)
        .map((u) => userInReach(store, principal, u.name))
        .flatMap((r) => (r.ok ? [userJson(r.value)] : []));
    });

    app.post(
      '/api/users',
      { config: signedIn, schema: { tags: ['users'], summary: 'Create a user with roles', body: newUser, headers: idempotencyHeaders, response: { 201: success.user } } },
      async (request, reply) => {
        const { name, grants } = request.body;
        // A user without roles is managed from the installation level only (see userInReach).
        const scopes = grants.length === 0 ? [{ entity: undefined, field: 'body.grants' }] : grants.map((g, i) => ({ entity: g.entity, field: `body.grants.${i}.entity` }));
        for (const { entity, field } of scopes) {
          const refused = manageRefused(request, reply, entity, field);
          if (refused) return refused;
        }
        return answerWrite(store, request, reply, { entity: null, locate: () => `/api/users/${name}` }, () => {
          const created = createUser(store, { name, grants, actor: actorOf(request) });
          return created.ok ? accept({ status: 201, body: userJson(created.value) }) : created;
        });
      },
    );

    app.post(
      '/api/users/:user/grants',
      { config: signedIn, schema: { tags: ['users'], summary: 'Grant a role', params: userParams, body: grant, headers: idempotencyHeaders, response: { 201: success.grant } } },
      async (request, reply) => {
        const refused = manageRefused(request, reply, request.body.entity, 'body.entity');
        if (refused) return refused;
        return answerWrite(store, request, reply, { entity: null }, () => {
          const granted = grantRole(store, { user: request.params.user, grant: request.body, actor: actorOf(request) });
          return granted.ok ? accept({ status: 201, body: { id: granted.value.id, entity: request.body.entity ?? null, role: granted.value.role, inherit: granted.value.inherit } }) : granted;
        });
      },
    );

    app.delete(
      '/api/users/:user/grants/:grantId',
      { config: signedIn, schema: { tags: ['users'], summary: 'Withdraw a role', params: userParams.extend({ grantId: wholeNumber(1) }).strict(), response: { 204: success.noContent } } },
      async (request, reply) => {
        const user = findUserByName(store.db, request.params.user);
        const held = user && listGrants(store.db, user.id).find((g) => g.id === request.params.grantId);
        if (held && !mayOn(store, request.principal, 'users.manage', held.entityId)) return sendApiProblem(reply, 'forbidden', 'needs users.manage on the grant’s fund');
        const revoked = revokeGrant(store, { user: request.params.user, grantId: request.params.grantId, actor: actorOf(request) });
        return revoked.ok ? reply.code(204).send() : sendRejection(reply, revoked);
      },
    );

    app.get(
      '/api/users/:user/tokens',
      { config: signedIn, schema: { tags: ['users'], summary: 'A user’s tokens (never their secrets)', params: userParams, response: { 200: z.array(success.token) } } },
      async (request, reply) => {
        const target = tokenHolderInReach(store, principalOf(request), request.params.user);
        return target.ok ? userJson(target.value).tokens : sendRejection(reply, target);
      },
    );

    app.post(
      '/api/users/:user/tokens',
      { config: signedIn, schema: { tags: ['users'], summary: 'Issue a token; its secret is shown this once', params: userParams, body: tokenRequest, headers: onceOnly, response: { 201: success.issuedToken } } },
      async (request, reply) => {
        const target = tokenHolderInReach(store, principalOf(request), request.params.user);
        if (!target.ok) return sendRejection(reply, target);
        const issued = issueToken(store, { user: request.params.user, label: request.body.label, actor: actorOf(request) });
        return issued.ok ? reply.code(201).send(issued.value) : sendRejection(reply, issued);
      },
    );

    app.post(
      '/api/tokens/:id/revoke',
      { config: signedIn, schema: { tags: ['users'], summary: 'Revoke a token (your own, or one of a user within your reach)', params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict(), response: { 200: success.tokenRevoked } } },
      async (request, reply) => {
        const token = findTokenByPublicId(store.db, request.params.id);
        if (!token) return sendRejection(reply, reject('token_unknown', 'params.id', request.params.id));
        const holder = tokenHolderInReach(store, principalOf(request), findUserById(store.db, token.userId)?.name ?? '');
        if (!holder.ok) return sendRejection(reply, holder);
        const revoked = revokeToken(store, { id: request.params.id, actor: actorOf(request) });
        return revoked.ok ? { id: request.params.id, revoked: true } : sendRejection(reply, revoked);
      },
    );
  };
}
