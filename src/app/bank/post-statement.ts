/**
 * A batch's rows posted as vouchers: its credits as bank receipts — one per day with a line
 * per transfer (split where a day holds more than a voucher's lines), or one per transfer —
 * each line keeping the donor's name read from the remark, the bank's reference and the
 * campaign the account is dedicated to; its debits as bank-charge payments left as drafts
 * for an approver. Every rule of the ledger applies; the batch's posting is one transaction,
 * refused whole. Rows already posted are passed over, so posting again creates nothing.
 */
import { markRowsPosted, unpostedRows, type UnpostedRow } from '../../db/bank-statements-repo.js';
import { findStatementBatchById } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { shortDate } from '../../export/date-format.js';
import { donorName } from '../../import/bank/donor-name.js';
import type { LineInput } from '../../ledger/entry.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { postNewVoucher } from '../vouchers/post-voucher.js';
import { createVoucher } from '../vouchers/voucher-drafts.js';

/** The most transfers one day's receipt takes: a voucher's lines, less its bank line. */
export const TRANSFERS_PER_RECEIPT = 2_000;
const PAGE = 10_000;

export interface PostStatementRequest {
  readonly entity: string;
  readonly batch: number;
  /** One receipt per day (the default), or one per transfer. */
  readonly per?: 'day' | 'transfer';
  readonly actor: Caller;
}

export interface PostedStatement {
  readonly receipts: number;
  readonly transfers: number;
  readonly credited: bigint;
  /** Bank charges drafted, awaiting an approver. */
  readonly charges: number;
}

export function postStatement(store: Store, request: PostStatementRequest): Result<PostedStatement> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const batch = findStatementBatchById(store.db, fund.value.entity.id, request.batch);
    if (!batch) return reject('statement_batch_unknown', 'batch', String(request.batch));
    const account = fund.value.bankAccounts.find((b) => b.id === batch.bankAccountId);
    if (!account) return reject('bank_account_unknown', 'batch', String(batch.bankAccountId));
    const campaign = fund.value.accountCampaigns.get(account.number) ?? undefined;
    const donations = fund.value.regime.purposes.get('donation')?.account;
    if (donations === undefined) return reject('voucher_purpose_required', 'purpose', 'donation');
    const done = { receipts: 0, transfers: 0, credited: 0n, charges: 0 };

    const receipt = (rows: readonly UnpostedRow[]): Result<null> => {
      const first = rows[0] as UnpostedRow;
      const last = rows.at(-1) as UnpostedRow;
      const total = rows.reduce((sum, r) => sum + BigInt(r.credit), 0n);
      const lines: LineInput[] = [
        { account: account.accountCode, debit: total.toString(), bankAccount: account.number, ...(campaign && { campaign }) },
        ...rows.map((r): LineInput => {
          const name = donorName(r.remark);
          return {
            account: donations, credit: String(r.credit), externalRef: r.ref ?? `${batch.id}:${r.ordinal}`, ...(campaign && { campaign }),
            ...(name !== null && { counterparty: { kind: 'donor' as const, name } }),
          };
        }),
      ];
      const single = rows.length === 1;
      const content: VoucherContent = {
        type: 'bank-receipt', date: first.postedOn, bankAccount: account.number, lines, ...(campaign && { campaign }),
        reason: single ? `Nhận chuyển khoản ủng hộ: ${first.remark}`.slice(0, 500) : `Nhận ${rows.length} chuyển khoản ủng hộ ngày ${shortDate(first.postedOn)} qua tài khoản ${account.number} (sao kê ${batch.fileName}, dòng ${first.ordinal}–${last.ordinal})`,
      };
      const posted = postNewVoucher(store, { entity: request.entity, content, actor: request.actor });
      if (!posted.ok) return { ...posted, detail: `rows ${first.ordinal}–${last.ordinal}: ${posted.detail ?? posted.message}` };
      markRowsPosted(store.sqlite, batch.id, rows.map((r) => r.ordinal), posted.value.id);
      done.receipts += 1;
      done.transfers += rows.length;
      done.credited += total;
      return accept(null);
    };
    const charge = (row: UnpostedRow): Result<null> => {
      const content: VoucherContent = { type: 'bank-payment', date: row.postedOn, purpose: 'bank-charges', amount: String(row.debit), bankAccount: account.number, reason: `Phí ngân hàng: ${row.remark}`.slice(0, 500) };
      const drafted = createVoucher(store, { entity: request.entity, content, actor: request.actor });
      if (!drafted.ok) return { ...drafted, detail: `row ${row.ordinal}: ${drafted.detail ?? drafted.message}` };
      markRowsPosted(store.sqlite, batch.id, [row.ordinal], drafted.value.id);
      done.charges += 1;
      return accept(null);
    };

    let day: UnpostedRow[] = [];
    const flush = (): Result<null> => {
      const rows = day;
      day = [];
      return rows.length === 0 ? accept(null) : receipt(rows);
    };
    for (let after = 0; ; ) {
      const page = unpostedRows(store.sqlite, batch.id, after, PAGE);
      for (const row of page) {
        // A new day closes the last one's receipt before anything of the new day is made.
        if (day.length > 0 && ((day[0] as UnpostedRow).postedOn !== row.postedOn || day.length >= TRANSFERS_PER_RECEIPT)) {
          const posted = flush();
          if (!posted.ok) return posted;
        }
        if (row.debit > 0) {
          const drafted = charge(row);
          if (!drafted.ok) return drafted;
          continue;
        }
        if (request.per === 'transfer') {
          const posted = receipt([row]);
          if (!posted.ok) return posted;
          continue;
        }
        day.push(row);
      }
      if (page.length < PAGE) break;
      after = (page.at(-1) as UnpostedRow).ordinal;
    }
    const posted = flush();
    return posted.ok ? accept(done) : posted;
  });
}
