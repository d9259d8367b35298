/**
 * API tokens. A token reads `flt_<public id>_<secret>`: the public id finds the row, and
 * only a SHA-256 of the secret is stored, compared in constant time. The whole token is
 * shown once, when it is issued. A caller issues and revokes their own tokens, and those
 * of users within their reach as an admin (see tokenHolderInReach).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { findTokenByPublicId, findUserById, insertToken, listGrants, markTokenRevoked, type TokenRow } from '../db/access-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import { inTransaction } from './in-transaction.js';
import type { Principal } from './permissions.js';
import { tokenHolderInReach } from './users.js';

const TOKEN_FORM = /^flt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedToken {
  readonly id: string;
  readonly user: string;
  readonly label: string;
  /** The secret, shown this once. */
  readonly token: string;
}

export function issueToken(store: Store, request: { user: string; label: string; actor: Caller }): Result<IssuedToken> {
  return inTransaction(store, () => {
    const holder = tokenHolderInReach(store, request.actor.principal, request.user);
    if (!holder.ok) return holder;
    const { user } = holder.value;
    const publicId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    insertToken(store.db, { publicId, userId: user.id, label: request.label, secretHash: digest(secret), createdBy: request.actor.name });
    recordAudit(store.db, request.actor, { entityId: null, kind: 'token.issued', subject: user.name, detail: { tokenId: publicId, label: request.label } });
    return accept({ id: publicId, user: user.name, label: request.label, token: `flt_${publicId}_${secret}` });
  });
}

export function revokeToken(store: Store, request: { id: string; actor: Caller }): Result<TokenRow> {
  return inTransaction(store, () => {
    const token = findTokenByPublicId(store.db, request.id);
    if (!token) return reject('token_unknown', 'id', request.id);
    const holder = tokenHolderInReach(store, request.actor.principal, findUserById(store.db, token.userId)?.name ?? '');
    if (!holder.ok) return holder;
    if (token.revokedAt !== null) return reject('token_already_revoked', 'id', request.id);
    markTokenRevoked(store.db, token.id, request.actor.name);
    recordAudit(store.db, request.actor, { entityId: null, kind: 'token.revoked', subject: request.id, detail: { userId: token.userId } });
    return accept(token);
  });
}

/** The user a bearer token stands for, with their grants; undefined for anything not a live token. */
export function authenticate(store: Store, token: string): Principal | undefined {
  const parts = TOKEN_FORM.exec(token);
  if (!parts?.[1] || !parts[2]) return undefined;
  const row = findTokenByPublicId(store.db, parts[1]);
  if (!row || row.revokedAt !== null) return undefined;
  if (!timingSafeEqual(digest(parts[2]), row.secretHash)) return undefined;
  const user = findUserById(store.db, row.userId);
  if (!user) return undefined;
  return { userId: user.id, name: user.name, grants: listGrants(store.db, user.id) };
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
