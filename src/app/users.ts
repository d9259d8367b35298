/**
 * Users and the roles they hold on funds. A user is created with its first grants; roles
 * are granted and withdrawn one by one afterwards, each act on the audit trail.
 */
import { deleteGrant, findGrant, findUserByName, insertGrant, insertUser, listGrants, type GrantRow, type Role, type UserRow } from '../db/access-repo.js';
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { ancestorsOf, findEntityByCode } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { inTransaction } from './in-transaction.js';
import { allows, type Principal } from './permissions.js';

export interface GrantRequest {
  /** A fund code, or absent for every fund of the installation. */
  readonly entity?: string;
  readonly role: Role;
  readonly inherit?: boolean;
}

export interface UserWithGrants {
  readonly user: UserRow;
  readonly grants: readonly GrantRow[];
}

export function createUser(store: Store, request: { name: string; grants: readonly GrantRequest[]; actor: Actor }): Result<UserWithGrants> {
  return inTransaction(store, () => {
    if (findUserByName(store.db, request.name)) return reject('user_name_taken', 'name', request.name);
    const user = insertUser(store.db, request.name);
    recordAudit(store.db, request.actor, { entityId: null, kind: 'user.created', subject: user.name });
    for (const [index, grant] of request.grants.entries()) {
      const granted = addGrant(store, user, grant, request.actor);
      if (!granted.ok) return { ...granted, path: `grants[${index}].${granted.path ?? ''}`.replace(/\.$/, '') };
    }
    return accept({ user, grants: listGrants(store.db, user.id) });
  });
}

export function grantRole(store: Store, request: { user: string; grant: GrantRequest; actor: Actor }): Result<GrantRow> {
  return inTransaction(store, () => {
    const user = findUserByName(store.db, request.user);
    if (!user) return reject('user_unknown', 'user', request.user);
    return addGrant(store, user, request.grant, request.actor);
  });
}

export function revokeGrant(store: Store, request: { user: string; grantId: number; actor: Actor }): Result<GrantRow> {
  return inTransaction(store, () => {
    const user = findUserByName(store.db, request.user);
    if (!user) return reject('user_unknown', 'user', request.user);
    const grant = listGrants(store.db, user.id).find((g) => g.id === request.grantId);
    if (!grant) return reject('grant_unknown', 'grantId', String(request.grantId));
    deleteGrant(store.db, grant.id);
    recordAudit(store.db, request.actor, { entityId: grant.entityId, kind: 'role.revoked', subject: user.name, detail: { role: grant.role, grantId: grant.id } });
    return accept(grant);
  });
}

/**
 * The user, if the principal administers every fund the user holds a role on; a user with
 * no role at all is managed from the installation level only. This keeps a commune's
 * admin from issuing or revoking tokens of a province's staff.
 */
export function userInReach(store: Store, principal: Principal, name: string): Result<UserWithGrants> {
  const user = findUserByName(store.db, name);
  if (!user) return reject('user_unknown', 'user', name);
  const grants = listGrants(store.db, user.id);
  const scopes = grants.length === 0 ? [null] : grants.map((g) => g.entityId);
  const reached = scopes.every((entityId) => allows(principal, 'users.manage', entityId, () => (entityId === null ? [] : ancestorsOf(store.db, entityId))));
  return reached ? accept({ user, grants }) : reject('user_beyond_reach', 'user', name);
}

/**
 * The user whose tokens the principal may list, issue and revoke: themselves, whatever their
 * roles, or a user within their reach as an admin (see userInReach).
 */
export function tokenHolderInReach(store: Store, principal: Principal, name: string): Result<UserWithGrants> {
  const user = findUserByName(store.db, name);
  if (user?.id === principal.userId) return accept({ user, grants: listGrants(store.db, user.id) });
  return userInReach(store, principal, name);
}

function addGrant(store: Store, user: UserRow, request: GrantRequest, actor: Actor): Result<GrantRow> {
  const entity = request.entity === undefined ? null : findEntityByCode(store.db, request.entity);
  if (entity === undefined) return reject('entity_unknown', 'entity', request.entity);
  const entityId = entity?.id ?? null;
  if (findGrant(store.db, { userId: user.id, entityId, role: request.role })) return reject('role_already_granted', 'role', request.role);
  const grant = insertGrant(store.db, { userId: user.id, entityId, role: request.role, inherit: request.inherit ?? false, grantedBy: actor.name });
  recordAudit(store.db, actor, {
    entityId,
    kind: 'role.granted',
    subject: user.name,
    detail: { role: grant.role, inherit: grant.inherit, grantId: grant.id },
  });
  return accept(grant);
}
