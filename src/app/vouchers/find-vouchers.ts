/** Reading vouchers: one with its links (entry, cancellation), or a filtered page of them. */
import { entrySeqOf } from '../../db/entries-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, findVoucherByCancels, listVouchers, type VoucherFilter } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { VoucherLinks } from '../../export/voucher-json.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';

export interface LinkedVoucher {
  readonly row: Voucher;
  readonly links: VoucherLinks;
}

export function linksOf(store: Store, row: Voucher): VoucherLinks {
  const entrySeq = row.entryId === null ? null : (entrySeqOf(store.sqlite, row.entryId) ?? null);
  const by = row.status === 'cancelled' ? findVoucherByCancels(store.db, row.id) : undefined;
  const of = row.cancelsId === null ? undefined : findVoucher(store.db, row.entityId, row.cancelsId);
  return {
    entrySeq,
    cancelledBy: by ? { id: by.id, number: by.number } : null,
    cancels: of ? { id: of.id, number: of.number } : null,
  };
}

export function readVoucher(store: Store, entityId: number, id: number): Result<LinkedVoucher> {
  const row = findVoucher(store.db, entityId, id);
  return row ? accept({ row, links: linksOf(store, row) }) : reject('voucher_not_found', 'id', String(id));
}

export function findVouchers(store: Store, entityId: number, filter: VoucherFilter): { vouchers: LinkedVoucher[]; nextAfterId: number | null } {
  const rows = listVouchers(store.db, entityId, filter);
  const last = rows.at(-1);
  return {
    vouchers: rows.map((row) => ({ row, links: linksOf(store, row) })),
    nextAfterId: rows.length === filter.limit && last ? last.id : null,
  };
}
