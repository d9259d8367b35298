/** Approving a voucher: an approver's consent, recorded with their name and time, before posting. */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import { findEntityByCode } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, updateVoucher } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { checkApprovable, checkOutsideTransfer } from '../../ledger/vouchers/voucher-lifecycle.js';
import { inTransaction } from '../in-transaction.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';

export function approveVoucher(store: Store, request: { entity: string; id: number; actor: Actor }): Result<Voucher> {
  return inTransaction(store, () => {
    const entity = findEntityByCode(store.db, request.entity);
    if (!entity) return reject('entity_unknown', 'entity', request.entity);
    const row = findVoucher(store.db, entity.id, request.id);
    if (!row) return reject('voucher_not_found', 'id', String(request.id));
    const problem = checkOutsideTransfer(row.transferId) ?? checkApprovable(row.status);
    if (problem) return problem;
    const now = new Date().toISOString();
    const approved = updateVoucher(store.db, row.id, { status: 'approved', approvedBy: request.actor.name, approvedAt: now, updatedAt: now });
    recordAudit(store.db, request.actor, { entityId: entity.id, kind: 'voucher.approved', subject: String(row.id), detail: { type: row.type, amount: String(row.amount) } });
    return accept(approved);
  });
}
