/**
 * Users, their roles and their tokens, managed by admins within their reach: a grant on a
 * fund needs admin on that fund (or above it, inherited); a user's tokens need admin over
 * every fund the user holds a role on. Anyone may list, issue and revoke their own tokens.
 * The reach is the use cases' rule (src/app/users.ts, tokens.ts); idempotent answers are
 * kept per user, so another user's Idempotency-Key replays nothing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../app/permissions.js';
import { issueToken, revokeToken } from '../../app/tokens.js';
import { createUser, grantRole, revokeGrant, tokenHolderInReach, usersInReach, type UserWithGrants } from '../../app/users.js';
import { listTokens } from '../../db/access-repo.js';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, principalOf } from '../access.js';
import { sendRejection } from '../problem.js';
import { entityCode, text, wholeNumber } from '../schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const userName = z.string().regex(/^[\p{L}\p{N}._@-]{1,100}$/u, 'letters, digits, dot, dash, underscore or @, at most 100');
const grant = z
  .object({ entity: entityCode.optional(), role: z.enum(ROLES), inherit: z.boolean().optional() })
  .strict()
  .meta({ example: { entity: 'HTH-VNN', role: 'accountant' } });
const newUser = z
  .object({ name: userName, fullName: text(200).optional(), grants: z.array(grant).max(100) })
  .strict()
  .meta({ example: { name: 'ketoan.hoathuan', fullName: 'Phạm Minh Tâm', grants: [{ entity: 'HTH-VNN', role: 'accountant' }] } });
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
        fullName: user.fullName,
        grants: grants.map((g) => ({ id: g.id, entity: g.entityId === null ? null : (code.get(g.entityId) ?? null), role: g.role, inherit: g.inherit })),
        tokens: listTokens(store.db, user.id).map((t) => ({ id: t.publicId, label: t.label, createdAt: t.createdAt, createdBy: t.createdBy, revokedAt: t.revokedAt })),
      };
    };
    const signedIn = { access: { signedIn: true as const } };

    app.get('/api/users', { config: signedIn, schema: { tags: ['users'], summary: 'Users within your reach as an admin', response: { 200: z.array(success.user) } } }, async (request, reply) => {
      const users = usersInReach(store, principalOf(request));
      return users.ok ? users.value.map(userJson) : sendRejection(reply, users);
    });

    app.post(
      '/api/users',
      { config: signedIn, schema: { tags: ['users'], summary: 'Create a user with roles', body: newUser, headers: idempotencyHeaders, response: { 201: success.user } } },
      async (request, reply) => {
        const { name, fullName, grants } = request.body;
        return answerWrite(store, request, reply, { entity: null, locate: () => `/api/users/${name}` }, () => {
          const created = createUser(store, { name, ...(fullName !== undefined && { fullName }), grants, actor: actorOf(request) });
          return created.ok ? accept({ status: 201, body: userJson(created.value) }) : created;
        });
      },
    );

    app.post(
      '/api/users/:user/grants',
      { config: signedIn, schema: { tags: ['users'], summary: 'Grant a role', params: userParams, body: grant, headers: idempotencyHeaders, response: { 201: success.grant } } },
      async (request, reply) =>
        answerWrite(store, request, reply, { entity: null }, () => {
          const granted = grantRole(store, { user: request.params.user, grant: request.body, actor: actorOf(request) });
          return granted.ok ? accept({ status: 201, body: { id: granted.value.id, entity: request.body.entity ?? null, role: granted.value.role, inherit: granted.value.inherit } }) : granted;
        }),
    );

    app.delete(
      '/api/users/:user/grants/:grantId',
      { config: signedIn, schema: { tags: ['users'], summary: 'Withdraw a role', params: userParams.extend({ grantId: wholeNumber(1) }).strict(), response: { 204: success.noContent } } },
      async (request, reply) => {
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
        const issued = issueToken(store, { user: request.params.user, label: request.body.label, actor: actorOf(request) });
        return issued.ok ? reply.code(201).send(issued.value) : sendRejection(reply, issued);
      },
    );

    app.post(
      '/api/tokens/:id/revoke',
      { config: signedIn, schema: { tags: ['users'], summary: 'Revoke a token (your own, or one of a user within your reach)', params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict(), response: { 200: success.tokenRevoked } } },
      async (request, reply) => {
        const revoked = revokeToken(store, { id: request.params.id, actor: actorOf(request) });
        return revoked.ok ? { id: request.params.id, revoked: true } : sendRejection(reply, revoked);
      },
    );
  };
}
