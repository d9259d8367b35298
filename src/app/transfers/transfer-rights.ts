/**
 * Who may act on a transfer. Making one needs the right to post in both funds (a role on
 * both, or on a fund above both) and, where a fund requires approval of bank vouchers, the
 * right to approve there; only the giving side when the money goes in transit. Confirming
 * needs the same on the receiving fund; reading needs the books of either fund.
 */
import type { Store } from '../../db/store.js';
import { findTransfer } from '../../db/transfers-repo.js';
import { accept, reject, type Rejection, type Result } from '../../ledger/rejections.js';
import type { Transfer } from '../../ledger/transfer.js';
import type { VoucherType } from '../../ledger/vouchers/voucher-types.js';
import { holds, refuseUnless, type Caller } from '../caller.js';
import type { Fund } from '../fund.js';
import { settingsFrom } from '../vouchers/voucher-settings.js';

/** Refuses unless the caller may post vouchers of `type` in the fund, and approve them where the fund asks for approval. */
export function refuseTransferSide(store: Store, caller: Caller, fund: Fund, type: VoucherType, path: string): Rejection | null {
  const posting = refuseUnless(store, caller, 'ledger.post', fund.entity, path);
  if (posting) return posting;
  const approval = settingsFrom(fund.entity, fund.voucherSettings, fund.regime).types[type].approvalRequired;
  return approval ? refuseUnless(store, caller, 'voucher.approve', fund.entity, path) : null;
}

/** The transfer, if it exists and the caller may read the books of either of its funds. */
export function readableTransfer(store: Store, caller: Caller, id: number): Result<Transfer> {
  const transfer = findTransfer(store.db, id);
  if (!transfer) return reject('transfer_not_found', 'id', String(id));
  const may = [transfer.fromEntityId, transfer.toEntityId].some((entityId) => holds(store, caller.principal, 'ledger.read', entityId));
  return may ? accept(transfer) : reject('forbidden', 'id', 'needs ledger.read on one of its funds');
}
