/**
 * Users and the roles they hold on funds. A user is created with its first grants; roles
 * are granted and withdrawn one by one afterwards, each act on the audit trail. Users are
 * managed within the caller's reach: a grant on a fund needs users.manage on that fund (or
 * above it, inherited), and a user without roles is managed from the installation level.
 */
import { deleteGrant, findGrant, findUserByName, insertGrant, insertUser, listGrants, listUsers, type GrantRow, type Role, type UserRow } from '../db/access-repo.js';
import { recordAudit } from '../db/audit-repo.js';
import { ancestorsOf, findEntityByCode, findEntityById } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { refuseUnless, type Caller } from './caller.js';
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

export function createUser(store: Store, request: { name: string; fullName?: string; grants: readonly GrantRequest[]; actor: Caller }): Result<UserWithGrants> {
  return inTransaction(store, () => {
    const scopes = request.grants.length === 0 ? [{ entity: undefined, path: 'grants' }] : request.grants.map((g, i) => ({ entity: g.entity, path: `grants[${i}].entity` }));
    for (const { entity, path } of scopes) {
      const refused = refuseManaging(store, request.actor, entity, path);
      if (refused) return refused;
    }
    if (findUserByName(store.db, request.name)) return reject('user_name_taken', 'name', request.name);
    const user = insertUser(store.db, request.name, request.fullName ?? null);
    recordAudit(store.db, request.actor, { entityId: null, kind: 'user.created', subject: user.name });
    for (const [index, grant] of request.grants.entries()) {
      const granted = addGrant(store, user, grant, request.actor);
      if (!granted.ok) return { ...granted, path: `grants[${index}].${granted.path ?? ''}`.replace(/\.$/, '') };
    }
    return accept({ user, grants: listGrants(store.db, user.id) });
  });
}

export function grantRole(store: Store, request: { user: string; grant: GrantRequest; actor: Caller }): Result<GrantRow> {
  return inTransaction(store, () => {
    const refused = refuseManaging(store, request.actor, request.grant.entity, 'entity');
    if (refused) return refused;
    const user = findUserByName(store.db, request.user);
    if (!user) return reject('user_unknown', 'user', request.user);
    return addGrant(store, user, request.grant, request.actor);
  });
}

export function revokeGrant(store: Store, request: { user: string; grantId: number; actor: Caller }): Result<GrantRow> {
  return inTransaction(store, () => {
    const user = findUserByName(store.db, request.user);
    if (!user) return reject('user_unknown', 'user', request.user);
    const grant = listGrants(store.db, user.id).find((g) => g.id === request.grantId);
    if (!grant) return reject('grant_unknown', 'grantId', String(request.grantId));
    const fund = grant.entityId === null ? null : (findEntityById(store.db, grant.entityId) ?? null);
    const refused = refuseUnless(store, request.actor, 'users.manage', fund, 'grantId');
    if (refused) return refused;
    deleteGrant(store.db, grant.id);
    recordAudit(store.db, request.actor, { entityId: grant.entityId, kind: 'role.revoked', subject: user.name, detail: { role: grant.role, grantId: grant.id } });
    return accept(grant);
  });
}

/** The users the principal administers (see userInReach); refused to a principal who is no admin anywhere. */
export function usersInReach(store: Store, principal: Principal): Result<UserWithGrants[]> {
  if (!principal.grants.some((g) => g.role === 'admin')) return reject('forbidden', undefined, 'needs the admin role');
  return accept(listUsers(store.db).flatMap((u) => {
    const reached = userInReach(store, principal, u.name);
    return reached.ok ? [reached.value] : [];
  }));
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

/** Refuses unless the caller manages users on the fund named (absent: the whole installation). */
function refuseManaging(store: Store, caller: Caller, entity: string | undefined, path: string) {
  const fund = entity === undefined ? null : findEntityByCode(store.db, entity);
  if (fund === undefined) return reject('entity_unknown', path, entity);
  return refuseUnless(store, caller, 'users.manage', fund, path);
}

function addGrant(store: Store, user: UserRow, request: GrantRequest, actor: Caller): Result<GrantRow> {
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
