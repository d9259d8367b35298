/**
 * What may happen to a voucher in each state. A draft is edited, deleted or approved; an
 * approved voucher can still be edited (which sends it back to draft) or deleted, since it
 * has no number yet; posting numbers it and writes its entry, after which it never
 * changes and is undone only by a reversing voucher linked to it.
 */
import { reject, type Rejection } from '../rejections.js';
import type { VoucherStatus } from './voucher.js';

export function checkEditable(status: VoucherStatus): Rejection | null {
  return status === 'draft' || status === 'approved' ? null : reject('voucher_not_draft', 'status', status);
}

/**
 * A transfer's vouchers are drafted, posted and dated by the transfer, never one by one:
 * cancelling one side alone would leave the other fund holding money the giver took back.
 */
export function checkOutsideTransfer(transferId: number | null): Rejection | null {
  return transferId === null ? null : reject('voucher_in_transfer', 'id', `transfer ${transferId}`);
}

export function checkApprovable(status: VoucherStatus): Rejection | null {
  if (status === 'approved') return reject('voucher_already_approved', 'status', status);
  return status === 'draft' ? null : reject('voucher_not_draft', 'status', status);
}

export function checkPostable(status: VoucherStatus, approvalRequired: boolean): Rejection | null {
  if (status !== 'draft' && status !== 'approved') return reject('voucher_not_draft', 'status', status);
  if (approvalRequired && status !== 'approved') return reject('voucher_approval_required', 'status', status);
  return null;
}

export function checkCancellable(status: VoucherStatus): Rejection | null {
  if (status === 'cancelled') return reject('voucher_already_cancelled', 'status', status);
  return status === 'posted' ? null : reject('voucher_not_posted', 'status', status);
}
