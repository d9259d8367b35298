/**
 * Who acts on the books: the principal whose rights a use case checks inside its own
 * transaction, and the name and origin the audit trail records. A signed-in API user acts
 * with their grants; the command line acts as a named local principal — whoever holds the
 * database file holds every right over it — and is recorded under that name.
 */
import type { Actor } from '../db/audit-repo.js';
import { ancestorsOf } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { reject, type Rejection } from '../ledger/rejections.js';
import { allows, type Permission, type Principal } from './permissions.js';

export interface Caller extends Actor {
  readonly principal: Principal;
}

/** The principal of a local command: every right on every fund, under the given name. */
export function localCaller(actor: Actor): Caller {
  return { ...actor, principal: { userId: 0, name: actor.name, grants: [{ entityId: null, role: 'admin', inherit: true }] } };
}

/** Whether the principal holds the permission on the fund (null: over the whole installation). */
export function holds(store: Store, principal: Principal, permission: Permission, entityId: number | null): boolean {
  return allows(principal, permission, entityId, () => (entityId === null ? [] : ancestorsOf(store.db, entityId)));
}

/** Refuses with `forbidden` unless the caller holds the permission on the fund (null: over the installation). */
export function refuseUnless(store: Store, caller: Caller, permission: Permission, fund: { readonly id: number; readonly code: string } | null, path?: string): Rejection | null {
  if (holds(store, caller.principal, permission, fund?.id ?? null)) return null;
  return reject('forbidden', path, fund ? `needs ${permission} on ${fund.code}` : `needs ${permission} over the installation`);
}
