/**
 * What each role may do, and whether a user's grants allow an act on a fund.
 *
 * A grant names a fund (or every fund, when its entity is null) and, with `inherit`, also
 * reaches the funds below it. An admin can grant any role within its reach, so it is given
 * every permission there rather than pretending otherwise.
 */
import type { GrantRow, Role } from '../db/access-repo.js';

export const ROLES = ['admin', 'accountant', 'approver', 'auditor'] as const satisfies readonly Role[];

export const PERMISSIONS = [
  'entity.read',
  'entity.manage',
  'ledger.read',
  'ledger.post',
  'voucher.approve',
  'chart.manage',
  'periods.manage',
  'audit.read',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS,
  approver: ['entity.read', 'ledger.read', 'ledger.post', 'voucher.approve', 'chart.manage', 'periods.manage'],
  accountant: ['entity.read', 'ledger.read', 'ledger.post', 'chart.manage'],
  auditor: ['entity.read', 'ledger.read', 'audit.read'],
};

export interface Principal {
  readonly userId: number;
  readonly name: string;
  readonly grants: readonly Pick<GrantRow, 'entityId' | 'role' | 'inherit'>[];
}

/**
 * Whether the principal holds `permission` on the fund `entityId`, whose ancestors (parent
 * first) are given lazily; `null` asks for the permission over the whole installation.
 */
export function allows(principal: Principal, permission: Permission, entityId: number | null, ancestors: () => readonly number[]): boolean {
  let chain: readonly number[] | undefined;
  return principal.grants.some((grant) => {
    if (!ROLE_PERMISSIONS[grant.role].includes(permission)) return false;
    if (grant.entityId === null) return true;
    if (entityId === null) return false;
    if (grant.entityId === entityId) return true;
    if (!grant.inherit) return false;
    chain ??= ancestors();
    return chain.includes(grant.entityId);
  });
}
