/**
 * Vouchers as printable documents: one, or every voucher of a fund in a date range one
 * page of rows at a time, so a batch of thousands prints with bounded memory.
 */
import { findEntry } from '../../db/entries-repo.js';
import { findUserByName } from '../../db/access-repo.js';
import { findEntityById, listSignatories } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, listVouchers, type VoucherFilter } from '../../db/vouchers-repo.js';
import type { PrintDocument } from '../../export/print-model.js';
import { printVoucher } from '../../export/voucher-print.js';
import type { LineInput } from '../../ledger/entry.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { loadFund, type Fund } from '../fund.js';
import { linksOf } from './find-vouchers.js';
import { planFor } from './voucher-content.js';
import type { Voucher } from '../../ledger/vouchers/voucher.js';

const PAGE = 200;

export function voucherDocument(store: Store, request: { entityId: number; id: number; copies?: number }): Result<PrintDocument> {
  const row = findVoucher(store.db, request.entityId, request.id);
  if (!row) return reject('voucher_not_found', 'id', String(request.id));
  return accept(documentOf(store, row, request.copies ?? 1));
}

export function* voucherDocuments(store: Store, request: { entityId: number; filter: Omit<VoucherFilter, 'limit' | 'afterId'>; copies?: number }): Generator<PrintDocument> {
  let afterId = 0;
  for (;;) {
    const rows = listVouchers(store.db, request.entityId, { ...request.filter, afterId, limit: PAGE });
    for (const row of rows) yield documentOf(store, row, request.copies ?? 1);
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    afterId = last.id;
  }
}

function documentOf(store: Store, row: Voucher, copies: number): PrintDocument {
  const fund = loadFund(store, findEntityById(store.db, row.entityId)?.code ?? '');
  if (!fund.ok) throw new Error(`voucher ${row.id} belongs to no fund`);
  const { entity, regime } = fund.value;
  const content = row.content;
  const title = regime.voucherTypes[content.type].title;
  const { cancelledBy, cancels } = linksOf(store, row);
  const lines = linesOf(store, fund.value, row);
  const drafter = findUserByName(store.db, row.createdBy)?.fullName ?? null;
  const bankAccount = fund.value.bankAccounts.find((b) => b.number === (content.bankAccount ?? lines.find((l) => l.bankAccount !== undefined)?.bankAccount));
  return printVoucher({
    voucher: row, title, content, lines, entity, signatories: listSignatories(store.db, entity.id), copies,
    ...(drafter !== null && { drafter }), ...(cancelledBy?.number && { cancelledBy: cancelledBy.number }), ...(cancels?.number && { cancels: cancels.number }), ...(bankAccount && { bankAccount }),
  });
}

/** The posted entry's lines, or for a voucher not yet posted the lines it would post. */
function linesOf(store: Store, fund: Fund, row: Voucher): readonly LineInput[] {
  if (row.entryId !== null) {
    const entry = findEntry(store.sqlite, row.entityId, row.entryId);
    return (entry?.lines ?? []).map((l) => ({
      account: l.account, ...(l.amount >= 0n ? { debit: String(l.amount) } : { credit: String(-l.amount) }), ...(l.bankAccount !== undefined && { bankAccount: l.bankAccount }),
    }));
  }
  const plan = planFor(fund, row.content);
  return plan.ok ? plan.value.entry.lines : [];
}
