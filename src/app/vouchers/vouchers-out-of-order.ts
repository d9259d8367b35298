/** A fund's numbered vouchers of a period whose number order and date order disagree (reports/voucher-order.ts). */
import type { Store } from '../../db/store.js';
import { accept, type Result } from '../../ledger/rejections.js';
import { outOfOrder, type NumberedVoucher, type OutOfOrder } from '../../reports/voucher-order.js';
import { loadFund } from '../fund.js';
import { reportRange } from '../reports/report-range.js';

export function vouchersOutOfOrder(store: Store, request: { entity: string; from?: string; to?: string; period?: string }): Result<OutOfOrder[]> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const range = reportRange(request);
  if (!range.ok) return range;
  // The years the range touches, whole: a voucher is out of order against its whole series.
  const numbered = store.sqlite
    .prepare(
      `SELECT id, type, fiscal_year AS fiscalYear, number, number_seq AS sequence, date FROM vouchers
       WHERE entity_id = ? AND number_seq IS NOT NULL AND fiscal_year BETWEEN ? AND ?`,
    )
    .all(fund.value.entity.id, Number(range.value.from.slice(0, 4)), Number(range.value.to.slice(0, 4))) as NumberedVoucher[];
  const { from, to } = range.value;
  return accept(outOfOrder(numbered).filter((o) => o.voucher.date >= from && o.voucher.date <= to));
}
