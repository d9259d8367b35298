/**
 * Drafts: made, rewritten and thrown away before they are posted. A draft's content is
 * planned into its entry when it is saved, so a voucher that cannot become an entry (no
 * purpose, beneficiaries not adding up) is refused at once; the ledger's own rules, which
 * depend on the books at the time, run again when it is posted.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import { findEntityByCode } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { deleteVoucher, findVoucher, insertVoucher, updateVoucher } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import { checkEditable, checkOutsideTransfer } from '../../ledger/vouchers/voucher-lifecycle.js';
import { loadFund, type Fund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { columnsOf, planFor } from './voucher-content.js';

export interface DraftRequest {
  readonly entity: string;
  readonly content: VoucherContent;
  readonly actor: Actor;
}

export function createVoucher(store: Store, request: DraftRequest): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    return fund.ok ? draftWithin(store, fund.value, request) : fund;
  });
}

/** Makes a draft of the loaded fund inside the caller's transaction, which must roll back on a refusal. */
function draftWithin(store: Store, fund: Fund, request: Omit<DraftRequest, 'entity'>): Result<Voucher> {
  const plan = planFor(fund, request.content);
  if (!plan.ok) return plan;
  const now = new Date().toISOString();
  const row = insertVoucher(store.db, {
    entityId: fund.entity.id, status: 'draft', ...columnsOf(request.content, plan.value), createdBy: request.actor.name, updatedAt: now,
  });
  recordAudit(store.db, request.actor, { entityId: fund.entity.id, kind: 'voucher.created', subject: String(row.id), detail: { type: row.type, amount: String(row.amount) } });
  return accept(row);
}

/** Replaces a draft's content; an approved voucher edited goes back to draft and needs approving again. */
export function editVoucher(store: Store, request: DraftRequest & { readonly id: number }): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const found = draftOf(store, fund.value.entity.id, request.id);
    if (!found.ok) return found;
    const plan = planFor(fund.value, request.content);
    if (!plan.ok) return plan;
    const row = updateVoucher(store.db, found.value.id, {
      ...columnsOf(request.content, plan.value), status: 'draft', approvedBy: null, approvedAt: null, updatedAt: new Date().toISOString(),
    });
    recordAudit(store.db, request.actor, {
      entityId: row.entityId, kind: 'voucher.updated', subject: String(row.id),
      detail: { amount: String(row.amount), ...(found.value.status === 'approved' && { approvalWithdrawn: true }) },
    });
    return accept(row);
  });
}

export function discardVoucher(store: Store, request: { entity: string; id: number; actor: Actor }): Result<Voucher> {
  return inTransaction(store, () => {
    const entity = findEntityByCode(store.db, request.entity);
    if (!entity) return reject('entity_unknown', 'entity', request.entity);
    const found = draftOf(store, entity.id, request.id);
    if (!found.ok) return found;
    deleteVoucher(store.db, found.value.id);
    recordAudit(store.db, request.actor, { entityId: found.value.entityId, kind: 'voucher.deleted', subject: String(found.value.id), detail: { type: found.value.type, amount: String(found.value.amount) } });
    return accept(found.value);
  });
}

function draftOf(store: Store, entityId: number, id: number): Result<Voucher> {
  const row = findVoucher(store.db, entityId, id);
  if (!row) return reject('voucher_not_found', 'id', String(id));
  const problem = checkOutsideTransfer(row.transferId) ?? checkEditable(row.status);
  return problem ?? accept(row);
}
