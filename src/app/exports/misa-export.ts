/**
 * A fund's books of a period as MISA import files (SME.NET or AMIS): one template as an
 * XLSX, or every template of the product in a zip with the validation report. Everything
 * is checked first; an export with problems is refused with the first of them named, unless
 * only the clean vouchers are asked for, and vouchers an earlier export carried can be left
 * out. Each export is recorded with its file's SHA-256 and the numbers it carried, once the
 * file is written whole. Rows stream from the books as the file is written.
 */
import { createHash } from 'node:crypto';
import { PassThrough, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import archiver from 'archiver';
import type { Actor } from '../../db/audit-repo.js';
import { exportedNumberRecorder, finishMisaExport, findMisaMapping, insertMisaExport } from '../../db/misa-repo.js';
import type { Store } from '../../db/store.js';
import { FILE_FORMATS } from '../../export/write-report.js';
import { MISA_VOUCHER_TEMPLATES, type MisaLayout, type MisaProduct, type MisaTemplate } from '../../export/misa/layout.js';
import { findLayout, layoutsOf } from '../../export/misa/layouts.js';
import type { MisaProblem } from '../../export/misa/misa-check.js';
import { MisaReportBuilder, type MisaReport } from '../../export/misa/misa-report.js';
import type { MisaRow } from '../../export/misa/misa-row.js';
import { writeMisaXlsx } from '../../export/misa/misa-xlsx.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { loadFund, type Fund } from '../fund.js';
import { reportRange } from '../reports/report-range.js';
import type { Output } from '../reports/report-output.js';
import { MisaSource, templateOfRef } from './misa-source.js';

const RECORD_BATCH = 500;
/** Where a refused export points the caller: the mapping, the option that skips what was sent, or the period's vouchers. */
const PROBLEM_PATH: Readonly<Record<MisaProblem, string>> = {
  account_unmapped: 'mapping', number_sent: 'skipSent', too_long: 'cleanOnly', code_not_allowed: 'mapping', date_outside_period: 'cleanOnly',
};

export interface MisaExportRequest {
  readonly entity: string;
  readonly product: MisaProduct;
  /** One template as an XLSX; absent, every template of the product in a zip. */
  readonly template?: MisaTemplate;
  /** A named period (2024, 2024-Q3 …), or from and to dates. */
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  /** Write the vouchers without problems and leave the others out (the report names them). */
  readonly cleanOnly?: boolean;
  /** Leave out the vouchers an earlier export to this product carried. */
  readonly skipSent?: boolean;
}

interface MisaPlan {
  readonly fund: Fund;
  readonly layouts: readonly MisaLayout[];
  readonly from: string;
  readonly to: string;
  readonly source: MisaSource;
}

function plan(store: Store, request: MisaExportRequest): Result<MisaPlan> {
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const layout = request.template === undefined ? undefined : findLayout(request.product, request.template);
  if (request.template !== undefined && !layout) return reject('misa_template_unavailable', 'template', `${request.template} for ${request.product}`);
  const range = reportRange(request);
  if (!range.ok) return range;
  const { from, to } = range.value;
  const mapping = findMisaMapping(store.db, fund.value.entity.id, request.product);
  const source = new MisaSource(store, { fund: fund.value, mapping, from, to });
  return accept({ fund: fund.value, layouts: layout ? [layout] : layoutsOf(request.product), from, to, source });
}

/** The problems MISA would find, item by item, over every template planned; vouchers already sent count as problems unless they are to be left out. */
function check(request: MisaExportRequest, planned: MisaPlan): MisaReport {
  const builder = new MisaReportBuilder(request.product, planned.from, planned.to, planned.layouts);
  for (const layout of planned.layouts) {
    for (const item of planned.source.items(layout)) {
      if (item.sent && request.skipSent) builder.sent(layout.template);
      else builder.add(layout.template, item.rows.length, item.issues);
    }
  }
  if (request.template === undefined) {
    const has = new Set(planned.layouts.map((l) => l.template));
    for (const page of planned.source.refPages()) {
      for (const ref of page) {
        const template = templateOfRef(ref);
        if (!has.has(template)) builder.withoutTemplate(template);
      }
    }
  }
  return builder.report();
}

export function misaValidation(store: Store, request: MisaExportRequest): Result<MisaReport> {
  const planned = plan(store, request);
  return planned.ok ? accept(check(request, planned.value)) : planned;
}

export function misaExport(store: Store, request: MisaExportRequest & { readonly actor: Actor }): Result<Output> {
  const planned = plan(store, request);
  if (!planned.ok) return planned;
  const { fund, layouts, from, to, source } = planned.value;
  const report = check(request, planned.value);
  const first = report.issues[0];
  if (first && !request.cleanOnly) return reject('misa_export_invalid', PROBLEM_PATH[first.problem], `${report.errors} lỗi; lỗi đầu: ${first.key}: ${first.message}`);
  const entity = fund.entity;
  const name = `${entity.code}-misa-${request.product}-${request.template ?? 'tat-ca'}-${from}-${to}`;

  async function write(out: NodeJS.WritableStream): Promise<void> {
    const record = insertMisaExport(store.db, { entityId: entity.id, product: request.product, template: request.template ?? 'all', from, to, exportedBy: request.actor.name });
    const recordNumbers = exportedNumberRecorder(store.sqlite, record.id, entity.id, request.product);
    const counts = { vouchers: 0, rows: 0 };
    let pending: string[] = [];
    function* rowsOf(layout: MisaLayout): Generator<MisaRow> {
      const vouchers = (MISA_VOUCHER_TEMPLATES as readonly string[]).includes(layout.template);
      for (const item of source.items(layout)) {
        if ((item.sent && request.skipSent) || item.issues.length > 0) continue;
        if (vouchers) {
          counts.vouchers += 1;
          pending.push(item.key);
          if (pending.length >= RECORD_BATCH) {
            recordNumbers(pending);
            pending = [];
          }
        }
        counts.rows += item.rows.length;
        yield* item.rows;
      }
    }
    const hash = createHash('sha256');
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // The file ends only once its export is recorded: whoever has received it whole finds the record with its hash.
    tee.pipe(out as NodeJS.WritableStream & PassThrough, { end: false });
    const [only] = layouts;
    if (request.template !== undefined && only) {
      await writeMisaXlsx(tee, only, rowsOf(only), report);
    } else {
      const zip = archiver('zip', { zlib: { level: 6 } });
      zip.pipe(tee);
      for (const layout of layouts) {
        const entry = new PassThrough();
        zip.append(entry, { name: `${layout.template}.xlsx` });
        await writeMisaXlsx(entry, layout, rowsOf(layout), report);
      }
      zip.append(JSON.stringify(report, null, 2), { name: 'kiem-tra.json' });
      await zip.finalize();
    }
    await finished(tee);
    recordNumbers(pending);
    finishMisaExport(store.db, record.id, { sha256: hash.digest('hex'), ...counts });
    out.end();
    await finished(out as NodeJS.WritableStream & PassThrough, { readable: false });
  }

  const format = request.template === undefined ? { contentType: 'application/zip', extension: 'zip' } : FILE_FORMATS.xlsx;
  return accept({ name: `${name}.${format.extension}`, contentType: format.contentType, write });
}
