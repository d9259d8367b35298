/**
 * A fund's posted vouchers of a period as one MISA import template (SME.NET or AMIS): the
 * vouchers of that template's kind, in the order they were made, each as its debit–credit
 * rows. The rows are read a page of vouchers at a time as the workbook is written, so memory
 * does not grow with the period.
 */
import { findEntry } from '../../db/entries-repo.js';
import { listBankAccounts } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { listVouchers } from '../../db/vouchers-repo.js';
import { FILE_FORMATS } from '../../export/write-report.js';
import { TEMPLATE_OF_TYPE, type MisaLayout, type MisaProduct, type MisaVoucherTemplate } from '../../export/misa/layout.js';
import { findLayout } from '../../export/misa/layouts.js';
import { writeMisaXlsx } from '../../export/misa/misa-xlsx.js';
import { voucherRows, type MisaRow } from '../../export/misa/voucher-rows.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { loadFund } from '../fund.js';
import { reportRange } from '../reports/report-range.js';
import type { Output } from '../reports/report-output.js';

const PAGE = 500;

export interface MisaExportRequest {
  readonly entity: string;
  readonly product: MisaProduct;
  readonly template: MisaVoucherTemplate;
  /** A named period (2024, 2024-Q3 …), or from and to dates. */
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
}

export function misaExport(store: Store, request: MisaExportRequest): Result<Output> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const layout = findLayout(request.product, request.template);
  if (!layout) return reject('misa_template_unavailable', 'template', `${request.template} for ${request.product}`);
  const range = reportRange(request);
  if (!range.ok) return range;
  const { from, to } = range.value;
  const { entity } = fund.value;
  const bankNames = new Map(listBankAccounts(store.db, entity.id).map((b) => [b.number, b.institution]));
  function* rows(layout: MisaLayout): Generator<MisaRow> {
    for (let afterId: number | undefined; ; ) {
      const page = listVouchers(store.db, entity.id, { from, to, limit: PAGE, ...(afterId !== undefined && { afterId }) });
      for (const voucher of page) {
        if (voucher.entryId === null || TEMPLATE_OF_TYPE[voucher.type] !== request.template) continue;
        const entry = findEntry(store.sqlite, entity.id, voucher.entryId);
        if (entry) yield* voucherRows(layout, voucher, entry.lines, bankNames);
      }
      if (page.length < PAGE) return;
      afterId = page.at(-1)?.id;
    }
  }
  const { contentType, extension } = FILE_FORMATS.xlsx;
  return accept({
    name: `${entity.code}-misa-${request.product}-${request.template}-${from}-${to}.${extension}`,
    contentType,
    write: (out) => writeMisaXlsx(out, [{ layout, rows: rows(layout) }]),
  });
}
