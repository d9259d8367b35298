/**
 * Changing a fund's profile: names, address, seal, signatories (replaced as a set) and
 * management-cost policy. The code, level, parent and regime stay as created, since
 * entries and reports refer to them. Every change is on the audit trail with the fields
 * it touched.
 */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { findEntityByCode, replaceSignatories, updateEntityRow, type EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { sealImageOn } from '../ledger/fund-profile.js';
import { parseAmount } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { EntityProfile } from './create-entity.js';
import { inTransaction } from './in-transaction.js';

export type EntityChanges = Partial<Pick<EntityProfile, 'name' | 'address' | 'budgetUnitCode' | 'seal' | 'signatories' | 'policy'>>;

export function updateEntity(store: Store, request: { entity: string; changes: EntityChanges; actor: Actor }): Result<EntityRow> {
  return inTransaction(store, () => {
    const current = findEntityByCode(store.db, request.entity);
    if (!current) return reject('entity_unknown', 'entity', request.entity);
    const { changes } = request;
    const cap = changes.policy?.managementCostCap;
    const parsedCap = cap === undefined ? undefined : parseAmount(cap, 0);
    if (parsedCap && (!parsedCap.ok || parsedCap.value < 0n)) return reject('amount_malformed', 'policy.managementCostCap', cap);
    const row = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(changes.budgetUnitCode !== undefined && { budgetUnitCode: changes.budgetUnitCode }),
      ...(changes.seal && { sealName: changes.seal.name, sealReference: changes.seal.reference ?? null, sealDate: changes.seal.date ?? null, ...sealImageOn(changes.seal.imageOn) }),
      ...(changes.policy && {
        managementCostsAllowed: changes.policy.managementCostsAllowed,
        managementCostCap: parsedCap?.ok ? Number(parsedCap.value) : null,
      }),
    };
    const updated = Object.keys(row).length > 0 ? updateEntityRow(store.db, current.id, row) : current;
    if (changes.signatories) {
      replaceSignatories(store.db, current.id, changes.signatories.map((s) => ({ entityId: current.id, role: s.role, name: s.name, title: s.title ?? null })));
    }
    recordAudit(store.db, request.actor, { entityId: current.id, kind: 'entity.updated', subject: current.code, detail: { fields: Object.keys(changes), changes } });
    return accept(updated);
  });
}
