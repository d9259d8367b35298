/**
 * Taking a list of vouchers through their whole life, as the demo and the benchmarks do:
 * each is drafted, approved where the fund requires it, posted, and cancelled if the list
 * says so. Stops at the first refusal.
 */
import type { Actor } from '../../db/audit-repo.js';
import { findEntityByCode } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { VoucherType } from '../../ledger/vouchers/voucher-types.js';
import { approveVoucher } from './approve-voucher.js';
import { cancelVoucher } from './cancel-voucher.js';
import { postVoucher } from './post-voucher.js';
import { createVoucher } from './voucher-drafts.js';
import { voucherSettingsOf } from './voucher-settings.js';

export interface DemoVoucher {
  readonly voucher: VoucherContent;
  readonly cancel?: { readonly date: string; readonly reason: string };
}

export function postDemoVouchers(store: Store, request: { entity: string; items: readonly DemoVoucher[]; actor: Actor }): Result<Voucher[]> {
  const fund = findEntityByCode(store.db, request.entity);
  if (!fund) return reject('entity_unknown', 'entity', request.entity);
  const settings = voucherSettingsOf(store, fund);
  const step = { entity: request.entity, actor: request.actor };
  const posted: Voucher[] = [];
  for (const item of request.items) {
    const made = createVoucher(store, { ...step, content: item.voucher });
    if (!made.ok) return made;
    if (settings.types[item.voucher.type as VoucherType].approvalRequired) {
      const approved = approveVoucher(store, { ...step, id: made.value.id });
      if (!approved.ok) return approved;
    }
    const done = postVoucher(store, { ...step, id: made.value.id });
    if (!done.ok) return done;
    posted.push(done.value);
    if (item.cancel) {
      const cancelled = cancelVoucher(store, { ...step, id: made.value.id, ...item.cancel });
      if (!cancelled.ok) return cancelled;
    }
  }
  return accept(posted);
}
