/**
 * A batch's new transfers posted as vouchers: its credits as bank receipts — one per day and
 * campaign with a line per transfer (split where a day holds more than a voucher's lines), or
 * one per transfer — each line keeping the donor's name, the bank's reference and the
 * campaign: the account's, or the one the fund's pattern reads from the remark; its debits as
 * bank-charge payments left as drafts for an approver. Every rule of the ledger applies: a
 * receipt a campaign rule refuses (a transfer after the receiving window) refuses the posting
 * whole, or, where the fund holds such transfers, holds its rows for review with the reason
 * and posts the rest. Rows matched to known transfers, held or for review are passed over,
 * and so are rows already posted, so posting again creates nothing.
 */
import { findStatementBatchById, hasLinkedTransfers, markRowsHeld, markRowsPosted, unpostedRows, type UnpostedRow } from '../../db/bank-statements-repo.js';
import type { Store } from '../../db/store.js';
import { shortDate } from '../../export/date-format.js';
import { campaignReader, patternProblem } from '../../import/bank/campaign-code.js';
import { donorOf } from '../../import/bank/donor-name.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { postNewVoucher } from '../vouchers/post-voucher.js';
import { createVoucher } from '../vouchers/voucher-drafts.js';
import { CAMPAIGN_RULES } from './campaign-rules.js';
import { transferReceipt } from './transfer-receipt.js';

/** The most transfers one day's receipt takes: a voucher's lines, less its bank line. */
export const TRANSFERS_PER_RECEIPT = 2_000;
const PAGE = 10_000;

export interface PostStatementRequest {
  readonly entity: string;
  readonly batch: number;
  /** One receipt per day (the default), or one per transfer. */
  readonly per?: 'day' | 'transfer';
  /** Where the campaign is read from the remark: text with `{code}` (see campaign-code.ts). */
  readonly campaignPattern?: string;
  /** A transfer a campaign rule refuses: the posting is refused (the default), or its rows are held for review. */
  readonly refused?: 'refuse' | 'hold';
  /** Told after each page of rows, how many of the batch's rows have been gone through. */
  readonly onRows?: (done: number, total: number) => void;
  readonly actor: Caller;
}

export interface PostedStatement {
  readonly receipts: number;
  readonly transfers: number;
  readonly credited: bigint;
  /** Bank charges drafted, awaiting an approver. */
  readonly charges: number;
  /** Rows a campaign rule refused, held for review. */
  readonly held: number;
}

export function postStatement(store: Store, request: PostStatementRequest): Result<PostedStatement> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const batch = findStatementBatchById(store.db, fund.value.entity.id, request.batch);
    if (!batch) return reject('statement_batch_unknown', 'batch', String(request.batch));
    const account = fund.value.bankAccounts.find((b) => b.id === batch.bankAccountId);
    if (!account) return reject('bank_account_unknown', 'batch', String(batch.bankAccountId));
    const pattern = request.campaignPattern === undefined ? null : patternProblem(request.campaignPattern);
    if (pattern !== null) return reject('campaign_pattern_invalid', 'campaignPattern', pattern);
    const accountCampaign = fund.value.accountCampaigns.get(account.number) ?? undefined;
    const fromRemark = request.campaignPattern === undefined ? () => undefined : campaignReader(request.campaignPattern, [...fund.value.campaigns.keys()]);
    const donations = fund.value.regime.purposes.get('donation')?.account;
    if (donations === undefined) return reject('voucher_purpose_required', 'purpose', 'donation');
    const done = { receipts: 0, transfers: 0, credited: 0n, charges: 0, held: 0 };
    const linked = { linked: hasLinkedTransfers(store.sqlite, batch.id) };

    const receipt = (campaign: string | undefined, rows: readonly UnpostedRow[]): Result<null> => {
      const first = rows[0] as UnpostedRow;
      const last = rows.at(-1) as UnpostedRow;
      const content = transferReceipt({
        account, donations, campaign, date: first.postedOn,
        transfers: rows.map((r) => ({ amount: BigInt(r.credit), ref: r.ref ?? `${batch.id}:${r.ordinal}`, donor: donorOf(r.remark, r.sender) })),
        reason: rows.length === 1 ? `Nhận chuyển khoản ủng hộ: ${first.remark}` : `Nhận ${rows.length} chuyển khoản ủng hộ ngày ${shortDate(first.postedOn)} qua tài khoản ${account.number} (sao kê ${batch.fileName}, dòng ${first.ordinal}–${last.ordinal})`,
      });
      const posted = postNewVoucher(store, { entity: request.entity, content, actor: request.actor });
      const ordinals = rows.map((r) => r.ordinal);
      if (!posted.ok && request.refused === 'hold' && CAMPAIGN_RULES.has(posted.code)) {
        markRowsHeld(store.sqlite, batch.id, ordinals, `${posted.code}: ${posted.detail ?? posted.message}`);
        done.held += rows.length;
        return accept(null);
      }
      if (!posted.ok) return { ...posted, detail: `rows ${first.ordinal}–${last.ordinal}: ${posted.detail ?? posted.message}` };
      markRowsPosted(store.sqlite, batch.id, ordinals, posted.value.id, linked);
      done.receipts += 1;
      done.transfers += rows.length;
      done.credited += rows.reduce((sum, r) => sum + BigInt(r.credit), 0n);
      return accept(null);
    };
    const charge = (row: UnpostedRow): Result<null> => {
      const content: VoucherContent = { type: 'bank-payment', date: row.postedOn, purpose: 'bank-charges', amount: String(row.debit), bankAccount: account.number, reason: `Phí ngân hàng: ${row.remark}`.slice(0, 500) };
      const drafted = createVoucher(store, { entity: request.entity, content, actor: request.actor });
      if (!drafted.ok) return { ...drafted, detail: `row ${row.ordinal}: ${drafted.detail ?? drafted.message}` };
      markRowsPosted(store.sqlite, batch.id, [row.ordinal], drafted.value.id, linked);
      done.charges += 1;
      return accept(null);
    };

    // A day's transfers wait per campaign; a new day, or a full receipt, closes them.
    let day: string | undefined;
    const waiting = new Map<string | undefined, UnpostedRow[]>();
    const close = (campaign: string | undefined): Result<null> => {
      const rows = waiting.get(campaign) ?? [];
      waiting.delete(campaign);
      return rows.length === 0 ? accept(null) : receipt(campaign, rows);
    };
    const closeDay = (): Result<null> => {
      for (const campaign of [...waiting.keys()]) {
        const closed = close(campaign);
        if (!closed.ok) return closed;
      }
      return accept(null);
    };
    for (let after = 0; ; ) {
      const page = unpostedRows(store.sqlite, batch.id, after, PAGE);
      for (const row of page) {
        if (day !== row.postedOn) {
          const closed = closeDay();
          if (!closed.ok) return closed;
          day = row.postedOn;
        }
        if (row.debit > 0) {
          const drafted = charge(row);
          if (!drafted.ok) return drafted;
          continue;
        }
        const campaign = fromRemark(row.remark) ?? accountCampaign;
        if (request.per === 'transfer') {
          const posted = receipt(campaign, [row]);
          if (!posted.ok) return posted;
          continue;
        }
        const rows = waiting.get(campaign) ?? [];
        rows.push(row);
        waiting.set(campaign, rows);
        if (rows.length >= TRANSFERS_PER_RECEIPT) {
          const closed = close(campaign);
          if (!closed.ok) return closed;
        }
      }
      if (page.length < PAGE) break;
      after = (page.at(-1) as UnpostedRow).ordinal;
      request.onRows?.(after, batch.rows);
    }
    const closed = closeDay();
    return closed.ok ? accept(done) : closed;
  });
}
