/**
 * Posting a voucher: the ledger's rules run again on its entry, and only if they accept it
 * does the voucher draw the next number of its type and fiscal year and become posted, in
 * the same transaction. A refusal rolls everything back, so the draft stays as it was and
 * no number is used up: numbers have no gaps, whatever fails and whoever posts at once.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, markVoucherPosted, nextVoucherNumber } from '../../db/vouchers-repo.js';
import { yearOf } from '../../ledger/calendar.js';
import type { EntryKind } from '../../ledger/entry.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { checkOutsideTransfer, checkPostable } from '../../ledger/vouchers/voucher-lifecycle.js';
import { formatVoucherNumber } from '../../ledger/vouchers/voucher-number.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import { loadFund, type Fund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { PostingSession } from '../posting-session.js';
import { planFor } from './voucher-content.js';
import { draftWithin } from './voucher-drafts.js';
import { settingsFrom } from './voucher-settings.js';

export interface PostingOfVoucher {
  readonly actor: Actor;
  readonly kind?: EntryKind;
  /** For a cancellation: the entry its entry reverses. */
  readonly reversesEntryId?: number;
}

export function postVoucher(store: Store, request: { entity: string; id: number; actor: Actor }): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const row = findVoucher(store.db, fund.value.entity.id, request.id);
    if (!row) return reject('voucher_not_found', 'id', String(request.id));
    // A transfer's receipt in transit is posted when the receiving fund confirms it, with the giver's side cleared at once.
    return checkOutsideTransfer(row.transferId) ?? postVoucherWithin(store, fund.value, row, request);
  });
}

/** Makes a voucher and posts it at once, as one act: refused, it leaves no draft behind. */
export function postNewVoucher(store: Store, request: { entity: string; content: VoucherContent; actor: Actor }): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const made = draftWithin(store, fund.value, request);
    return made.ok ? postVoucherWithin(store, fund.value, made.value, request) : made;
  });
}

/** Posts a voucher inside the caller's transaction, which must roll back on a refusal. */
export function postVoucherWithin(store: Store, fund: Fund, row: Voucher, posting: PostingOfVoucher): Result<Voucher> {
  const { type } = row;
  const settings = settingsFrom(fund.entity, fund.voucherSettings, fund.regime);
  const problem = checkPostable(row.status, settings.types[type].approvalRequired);
  if (problem) return problem;
  const plan = planFor(fund, row.content);
  if (!plan.ok) return plan;
  const session = new PostingSession(store, fund, { actor: posting.actor });
  const posted = session.post(plan.value.entry, {
    ...(posting.kind && { kind: posting.kind }),
    ...(posting.reversesEntryId !== undefined && { reversesId: posting.reversesEntryId }),
  });
  if (!posted.ok) return posted;
  session.finish();
  const year = yearOf(plan.value.entry.date);
  const numberSeq = nextVoucherNumber(store.db, fund.entity.id, type, year);
  const number = formatVoucherNumber(settings.numberFormat, { prefix: settings.types[type].prefix, number: numberSeq, year });
  if (!number.ok) return number;
  const now = new Date().toISOString();
  const done = markVoucherPosted(store.db, row.id, { fiscalYear: year, numberSeq, number: number.value, entryId: posted.value.id, postedBy: posting.actor.name, postedAt: now });
  recordAudit(store.db, posting.actor, {
    entityId: fund.entity.id, kind: 'voucher.posted', subject: String(row.id), detail: { number: number.value, entry: posted.value.seq, amount: String(row.amount) },
  });
  return accept(done);
}
