/**
 * Voucher and transfer commands: make a draft from a JSON file, approve, post, cancel,
 * list, print to PDF, send money to another fund and confirm it arrived.
 */
import { createWriteStream } from 'node:fs';
import { readJsonInput } from './input-file.js';
import type { Caller } from '../app/caller.js';
import { confirmTransfer } from '../app/transfers/confirm-transfer.js';
import { createTransfer } from '../app/transfers/create-transfer.js';
import { approveVoucher } from '../app/vouchers/approve-voucher.js';
import { cancelVoucher } from '../app/vouchers/cancel-voucher.js';
import { findVouchers } from '../app/vouchers/find-vouchers.js';
import { postVoucher } from '../app/vouchers/post-voucher.js';
import { voucherDocument, voucherDocuments } from '../app/vouchers/voucher-documents.js';
import { createVoucher } from '../app/vouchers/voucher-drafts.js';
import { voucherContent } from '../api/voucher-schemas.js';
import { findEntityByCode } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { formatVnd } from '../export/number-format.js';
import type { PrintDocument } from '../export/print-model.js';
import { writePdf } from '../export/voucher-pdf.js';
import { reject, type Result } from '../ledger/rejections.js';
import { VOUCHER_STATUSES, type VoucherStatus, type Voucher } from '../ledger/vouchers/voucher.js';
import { VOUCHER_TYPES, type VoucherType } from '../ledger/vouchers/voucher-types.js';
import { idOption, need, report, UsageError, type Options } from './options.js';
import { counted, withProgress } from './progress.js';

export const VOUCHER_USAGE = `  vouchers --entity CODE [--from D] [--to D] [--type T] [--status S]
  add-voucher --entity CODE --file voucher.json [--post]
                                              make a draft (and post it); see templates/
  approve-voucher --entity CODE --id ID
  post-voucher --entity CODE --id ID           number it and write its entry
  cancel-voucher --entity CODE --id ID [--date D] [--reason TEXT]
  print-vouchers --entity CODE (--id ID | --from D --to D) --out FILE.pdf [--copies N]
  transfer --from CODE --to CODE --date D --amount VND --reason TEXT [--in-transit] [--campaign CODE]
  confirm-transfer --id ID [--date D]         the receiving fund confirms the money arrived`;

const line = (v: Voucher) => `${v.id}\t${v.number ?? '-'}\t${v.type}\t${v.status}\t${v.accountingDate}\t${formatVnd(v.amount)}\t${v.reason}`;

export function runVoucherCommand(command: string, store: Store, options: Options, actor: Caller): number | Promise<number> | undefined {
  const entity = (): string => need(options, 'entity');
  const step = { entity: '', id: 0, actor };
  switch (command) {
    case 'vouchers':
      return listCommand(store, options);
    case 'add-voucher':
      return addCommand(store, options, actor);
    case 'approve-voucher':
      return report(approveVoucher(store, { ...step, entity: entity(), id: idOption(options) }), (v) => console.log(line(v)));
    case 'post-voucher':
      return report(postVoucher(store, { ...step, entity: entity(), id: idOption(options) }), (v) => console.log(line(v)));
    case 'cancel-voucher':
      return report(
        cancelVoucher(store, { ...step, entity: entity(), id: idOption(options), ...(options.date && { date: options.date }), ...(options.reason && { reason: options.reason }) }),
        (v) => console.log(`cancelled by ${line(v)}`),
      );
    case 'print-vouchers':
      return printCommand(store, options);
    case 'transfer':
      return report(
        createTransfer(store, {
          from: need(options, 'from'), to: need(options, 'to'), date: need(options, 'date'), amount: need(options, 'amount'), reason: need(options, 'reason'),
          inTransit: options['in-transit'] ?? false, actor, ...(options.campaign && { campaign: options.campaign }),
        }),
        (pair) => console.log(`transfer ${pair.transfer.id} ${pair.transfer.status}: payment ${pair.payment.number}, receipt ${pair.receipt.number ?? '(awaiting confirmation)'}`),
      );
    case 'confirm-transfer':
      return report(confirmTransfer(store, { id: idOption(options), actor, ...(options.date && { date: options.date }) }), (pair) =>
        console.log(`transfer ${pair.transfer.id} received: receipt ${pair.receipt.number}`),
      );
    default:
      return undefined;
  }
}

function fundId(store: Store, code: string): number {
  const fund = findEntityByCode(store.db, code);
  if (!fund) throw new UsageError(`no fund ${code}`);
  return fund.id;
}

function listCommand(store: Store, options: Options): number {
  if (options.type && !VOUCHER_TYPES.includes(options.type as VoucherType)) throw new UsageError(`--type must be one of ${VOUCHER_TYPES.join(', ')}`);
  if (options.status && !VOUCHER_STATUSES.includes(options.status as VoucherStatus)) throw new UsageError(`--status must be one of ${VOUCHER_STATUSES.join(', ')}`);
  const filter = {
    ...(options.from && { from: options.from }), ...(options.to && { to: options.to }),
    ...(options.type && { type: options.type }), ...(options.status && { status: options.status }),
  };
  let afterId = 0;
  for (;;) {
    const page = findVouchers(store, fundId(store, need(options, 'entity')), { ...filter, afterId, limit: 500 });
    for (const v of page.vouchers) console.log(line(v.row));
    if (page.nextAfterId === null) return 0;
    afterId = page.nextAfterId;
  }
}

function addCommand(store: Store, options: Options, actor: Caller): number {
  const parsed = voucherContent.safeParse(readJsonInput(need(options, 'file')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`the voucher is malformed at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? ''}`);
  }
  const code = need(options, 'entity');
  const made = createVoucher(store, { entity: code, content: parsed.data, actor });
  const done: Result<Voucher> = made.ok && options.post ? postVoucher(store, { entity: code, id: made.value.id, actor }) : made;
  return report(done, (v) => console.log(line(v)));
}

async function printCommand(store: Store, options: Options): Promise<number> {
  const entityId = fundId(store, need(options, 'entity'));
  const copies = options.copies === undefined ? 1 : Number(options.copies);
  if (!Number.isInteger(copies) || copies < 1 || copies > 4) throw new UsageError('--copies must be 1 to 4');
  let documents: Iterable<PrintDocument>;
  if (options.id !== undefined) {
    const one = voucherDocument(store, { entityId, id: idOption(options), copies });
    if (!one.ok) return report(one, () => undefined);
    documents = [one.value];
  } else {
    if (!options.from || !options.to) return report(reject('date_range_invalid', 'from'), () => undefined);
    documents = voucherDocuments(store, { entityId, filter: { from: options.from, to: options.to }, copies });
  }
  const out = need(options, 'out');
  await withProgress((line) => writePdf(counted(documents, line, 'Số chứng từ đã in'), createWriteStream(out)));
  console.log(`written ${out}`);
  return 0;
}
