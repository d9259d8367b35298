/**
 * Commands on vouchers: draft, edit, delete, approve, post and cancel. A command names a
 * voucher by an index into every voucher the model has seen, newest first (deleted ones
 * included), or names one that does not exist, or names it under the other fund.
 */
import { expect } from 'vitest';
import { accepted, refused, type Code } from './answer.js';
import { ApiCommand, type Body, type Step } from './command.js';
import { planVoucher, voucherBody, type VoucherSpec } from './content.js';
import {
  addVoucher, APPROVAL_BY_DEFAULT, entryOf, negated, nextNumber, nextSeq, otherFund, pick, postInModel, postingRefusal, yearOf,
  type Model, type VoucherState,
} from './model.js';
import type { FundCode } from './world.js';

/** How a command names a voucher: by index, or deliberately one that the fund does not have. */
export interface VoucherRef {
  readonly index: number;
  readonly stray: 'none' | 'wrong-fund' | 'unknown';
}

const UNKNOWN_VOUCHER = 999_999;

interface Target {
  readonly url: string;
  readonly fund: FundCode;
  /** Undefined when the fund in the URL has no such voucher. */
  readonly voucher: VoucherState | undefined;
}

function target(model: Model, ref: VoucherRef): Target {
  const voucher = ref.stray === 'unknown' ? undefined : pick(model.vouchers, ref.index);
  if (!voucher) return { url: `/api/entities/K/vouchers/${UNKNOWN_VOUCHER}`, fund: 'K', voucher: undefined };
  const fund = ref.stray === 'wrong-fund' ? otherFund(voucher.fund) : voucher.fund;
  const found = fund === voucher.fund && voucher.status !== 'deleted' ? voucher : undefined;
  return { url: `/api/entities/${fund}/vouchers/${voucher.id}`, fund, voucher: found };
}

const describeRef = (ref: VoucherRef) => (ref.stray === 'none' ? `#${ref.index}` : `#${ref.index}(${ref.stray})`);
const describeSpec = (s: VoucherSpec) =>
  `${s.type} ${s.type === 'general' ? s.lines : (s.purpose ?? '-')} ${s.amount}${s.type.startsWith('goods') ? ` ${s.quantity}kg ${s.item}` : ''} ${s.date}${s.accountingDate ? `→${s.accountingDate}` : ''}${s.defect === 'none' ? '' : ` [${s.defect}]`}`;

/** A command on one voucher; one that names a voucher by index waits until there is one. */
abstract class VoucherCommand extends ApiCommand {
  constructor(readonly ref: VoucherRef, as: number | null) {
    super(as);
  }
  override check(model: Readonly<Model>): boolean {
    return this.ref.stray !== 'none' || model.vouchers.length > 0;
  }
}

/** Refusal of a change to a voucher that must still be a draft and not a transfer's. */
function draftRefusal(voucher: VoucherState | undefined): Code | null {
  if (!voucher) return 'voucher_not_found';
  if (voucher.transfer !== null) return 'voucher_in_transfer';
  return voucher.status === 'draft' || voucher.status === 'approved' ? null : 'voucher_not_draft';
}

export class DraftVoucher extends ApiCommand {
  constructor(readonly fund: FundCode, readonly spec: VoucherSpec, as: number | null) {
    super(as);
  }
  describe() {
    return `DraftVoucher(${this.fund} ${describeSpec(this.spec)})`;
  }
  step(model: Model): Step {
    const planned = planVoucher(this.spec);
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/vouchers`, payload: voucherBody(this.spec, this.fund) },
      prediction: 'refusal' in planned ? refused(planned.refusal) : accepted(201),
      apply: (body: Body) => {
        if ('refusal' in planned) return;
        expect(body, 'new draft').toMatchObject({ status: 'draft', number: null, type: this.spec.type });
        addVoucher(model, { id: body.id, fund: this.fund, type: this.spec.type, status: 'draft', plan: planned.plan, transfer: null, cancels: null });
      },
    };
  }
}

export class EditVoucher extends VoucherCommand {
  constructor(ref: VoucherRef, readonly spec: VoucherSpec, as: number | null) {
    super(ref, as);
  }
  describe() {
    return `EditVoucher(${describeRef(this.ref)} ${describeSpec(this.spec)})`;
  }
  step(model: Model): Step {
    const t = target(model, this.ref);
    const planned = planVoucher(this.spec);
    const refusal = draftRefusal(t.voucher) ?? ('refusal' in planned ? planned.refusal : null);
    return {
      request: { method: 'PUT', url: t.url, payload: voucherBody(this.spec, t.fund) },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: (body: Body) => {
        if (!t.voucher || 'refusal' in planned) return;
        expect(body, 'edited voucher').toMatchObject({ status: 'draft', type: this.spec.type, approvedBy: null });
        Object.assign(t.voucher, { type: this.spec.type, plan: planned.plan, status: 'draft' });
      },
    };
  }
}

export class DiscardVoucher extends VoucherCommand {
  describe() {
    return `DiscardVoucher(${describeRef(this.ref)})`;
  }
  step(model: Model): Step {
    const t = target(model, this.ref);
    const refusal = draftRefusal(t.voucher);
    return {
      request: { method: 'DELETE', url: t.url },
      prediction: refusal ? refused(refusal) : accepted(204),
      apply: () => {
        if (t.voucher) t.voucher.status = 'deleted';
      },
    };
  }
}

export class ApproveVoucher extends VoucherCommand {
  describe() {
    return `ApproveVoucher(${describeRef(this.ref)})`;
  }
  step(model: Model): Step {
    const t = target(model, this.ref);
    const status = t.voucher?.status;
    const refusal = !t.voucher
      ? 'voucher_not_found'
      : t.voucher.transfer !== null
        ? 'voucher_in_transfer'
        : status === 'approved' ? 'voucher_already_approved' : status === 'draft' ? null : 'voucher_not_draft';
    return {
      request: { method: 'POST', url: `${t.url}/approve` },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: (body: Body) => {
        expect(body, 'approved voucher').toMatchObject({ status: 'approved' });
        if (t.voucher) t.voucher.status = 'approved';
      },
    };
  }
}

export class PostVoucher extends VoucherCommand {
  describe() {
    return `PostVoucher(${describeRef(this.ref)})`;
  }
  step(model: Model): Step {
    const t = target(model, this.ref);
    const v = t.voucher;
    const fund = model.funds[t.fund];
    const refusal = ((): Code | null => {
      if (!v) return 'voucher_not_found';
      // A transfer's vouchers are posted by the transfer (its receipt when it is confirmed), never on their own.
      if (v.transfer !== null) return 'voucher_in_transfer';
      if (v.status !== 'draft' && v.status !== 'approved') return 'voucher_not_draft';
      if (APPROVAL_BY_DEFAULT.has(v.type) && v.status !== 'approved') return 'voucher_approval_required';
      return v.plan.refusal ?? postingRefusal(fund, v.plan.date, v.plan.moves);
    })();
    return {
      request: { method: 'POST', url: `${t.url}/post` },
      prediction: refusal ? refused(refusal) : accepted(200),
      dates: v ? [v.plan.date] : [],
      apply: (body: Body) => {
        if (!v) return;
        expect(body, 'posted voucher').toMatchObject({ status: 'posted', number: nextNumber(fund, v.type, yearOf(v.plan.date)), entry: nextSeq(fund) });
        postInModel(model, v);
      },
    };
  }
}

export class CancelVoucher extends VoucherCommand {
  constructor(ref: VoucherRef, readonly date: string, as: number | null) {
    super(ref, as);
  }
  describe() {
    return `CancelVoucher(${describeRef(this.ref)} on ${this.date})`;
  }
  step(model: Model): Step {
    const t = target(model, this.ref);
    const v = t.voucher;
    const fund = model.funds[t.fund];
    const entry = v?.entrySeq ? entryOf(fund, v.entrySeq) : undefined;
    const refusal = ((): Code | null => {
      if (!v) return 'voucher_not_found';
      if (v.transfer !== null) return 'voucher_in_transfer';
      if (v.status === 'cancelled') return 'voucher_already_cancelled';
      if (v.status !== 'posted' || !entry) return 'voucher_not_posted';
      if (entry.reversed) return 'entry_already_reversed';
      if (entry.kind !== 'regular') return 'entry_not_reversible';
      return postingRefusal(fund, this.date, negated(entry.moves));
    })();
    return {
      request: { method: 'POST', url: `${t.url}/cancel`, payload: { date: this.date } },
      prediction: refusal ? refused(refusal) : accepted(201),
      dates: [this.date],
      apply: (body: Body) => {
        if (!v || !entry) return;
        expect(body, 'cancelling voucher').toMatchObject({
          type: 'general', status: 'posted', number: nextNumber(fund, 'general', yearOf(this.date)), entry: nextSeq(fund), cancels: { id: v.id, number: v.number },
        });
        const cancelling = addVoucher(model, {
          id: body.id, fund: t.fund, type: 'general', status: 'approved', plan: { date: this.date, moves: negated(entry.moves), refusal: null }, transfer: null, cancels: v.id,
        });
        postInModel(model, cancelling, 'reversal');
        v.status = 'cancelled';
        entry.reversed = true;
      },
    };
  }
}
