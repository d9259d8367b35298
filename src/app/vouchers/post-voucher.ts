/**
 * Posting a voucher: the ledger's rules run again on its entry, and only if they accept it
 * does the voucher draw the next number of its type and fiscal year and become posted, in
 * the same transaction. A refusal rolls everything back, so the draft stays as it was and
 * no number is used up: numbers have no gaps, whatever fails and whoever posts at once.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import type { Store } from '../../db/store.js';
import { findVoucher, insertVoucher, markVoucherPosted, nextVoucherNumber } from '../../db/vouchers-repo.js';
import { yearOf } from '../../ledger/calendar.js';
import type { EntryKind } from '../../ledger/entry.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { checkOutsideTransfer, checkPostable } from '../../ledger/vouchers/voucher-lifecycle.js';
import { formatVoucherNumber } from '../../ledger/vouchers/voucher-number.js';
import type { PlannedEntry } from '../../ledger/vouchers/plan-voucher-entry.js';
import type { Voucher, VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { VoucherType } from '../../ledger/vouchers/voucher-types.js';
import { loadFund, type Fund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { PostingSession } from '../posting-session.js';
import { columnsOf, planFor } from './voucher-content.js';
import { settingsFrom, type VoucherSettings } from './voucher-settings.js';

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

/**
 * Makes a voucher and posts it at once, as one act: the entry is decided and written, the
 * number drawn, and the voucher written once, already posted. Refused, it leaves nothing.
 */
export function postNewVoucher(store: Store, request: { entity: string; content: VoucherContent; actor: Actor }): Result<Voucher> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const settings = settingsFrom(fund.value.entity, fund.value.voucherSettings, fund.value.regime);
    const problem = checkPostable('draft', settings.types[request.content.type].approvalRequired);
    if (problem) return problem;
    const plan = planFor(fund.value, request.content);
    if (!plan.ok) return plan;
    const posted = postPlanned(store, fund.value, settings, request.content.type, plan.value, request);
    if (!posted.ok) return posted;
    const { numbering, entrySeq } = posted.value;
    const row = insertVoucher(store.db, {
      entityId: fund.value.entity.id, status: 'posted', ...columnsOf(request.content, plan.value), ...numbering,
      createdBy: request.actor.name, updatedAt: numbering.postedAt,
    });
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'voucher.created', subject: String(row.id), detail: { type: row.type, amount: String(row.amount) } });
    auditPosted(store, request.actor, row, entrySeq);
    return accept(row);
  });
}

/** Posts a voucher inside the caller's transaction, which must roll back on a refusal. */
export function postVoucherWithin(store: Store, fund: Fund, row: Voucher, posting: PostingOfVoucher): Result<Voucher> {
  const settings = settingsFrom(fund.entity, fund.voucherSettings, fund.regime);
  const problem = checkPostable(row.status, settings.types[row.type].approvalRequired);
  if (problem) return problem;
  const plan = planFor(fund, row.content);
  if (!plan.ok) return plan;
  const posted = postPlanned(store, fund, settings, row.type, plan.value, posting);
  if (!posted.ok) return posted;
  const done = markVoucherPosted(store.db, row.id, posted.value.numbering);
  auditPosted(store, posting.actor, done, posted.value.entrySeq);
  return accept(done);
}

/** The entry of a planned voucher posted through the rules, and the number its type and year draw next. */
function postPlanned(store: Store, fund: Fund, settings: VoucherSettings, type: VoucherType, plan: PlannedEntry, posting: PostingOfVoucher) {
  const session = new PostingSession(store, fund, { actor: posting.actor });
  const posted = session.post(plan.entry, {
    ...(posting.kind && { kind: posting.kind }),
    ...(posting.reversesEntryId !== undefined && { reversesId: posting.reversesEntryId }),
  });
  if (!posted.ok) return posted;
  session.finish();
  const year = yearOf(plan.entry.date);
  const numberSeq = nextVoucherNumber(store.db, fund.entity.id, type, year);
  const number = formatVoucherNumber(settings.numberFormat, { prefix: settings.types[type].prefix, number: numberSeq, year });
  if (!number.ok) return number;
  const numbering = { fiscalYear: year, numberSeq, number: number.value, entryId: posted.value.id, postedBy: posting.actor.name, postedAt: new Date().toISOString() };
  return accept({ numbering, entrySeq: posted.value.seq });
}

function auditPosted(store: Store, actor: Actor, row: Voucher, entrySeq: number): void {
  recordAudit(store.db, actor, { entityId: row.entityId, kind: 'voucher.posted', subject: String(row.id), detail: { number: row.number, entry: entrySeq, amount: String(row.amount) } });
}
