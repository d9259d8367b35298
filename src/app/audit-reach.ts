/**
 * Which audit events a principal may read: auditors and admins read the events of the funds
 * they hold those roles on; events above any fund (users, tokens) need the role over the
 * whole installation.
 */
import { findEntityByCode, listEntities } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { holds } from './caller.js';
import type { Principal } from './permissions.js';

/** The funds whose events the principal may read, narrowed to one fund when it names one; 'all' also admits events above any fund. */
export function auditReach(store: Store, principal: Principal, entity?: string): Result<number[] | 'all'> {
  if (entity !== undefined) {
    const fund = findEntityByCode(store.db, entity);
    if (!fund) return reject('entity_unknown', 'entity', entity);
    return holds(store, principal, 'audit.read', fund.id) ? accept([fund.id]) : reject('forbidden', 'entity', `needs audit.read on ${entity}`);
  }
  if (holds(store, principal, 'audit.read', null)) return accept('all');
  const ids = listEntities(store.db).filter((e) => holds(store, principal, 'audit.read', e.id)).map((e) => e.id);
  return ids.length > 0 ? accept(ids) : reject('forbidden', undefined, 'needs audit.read on some fund');
}
