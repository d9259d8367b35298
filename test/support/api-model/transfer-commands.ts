/**
 * Commands on transfers between the two funds: send money straight through or in
 * transit (to the other fund, to the same fund, or to a fund that does not exist), and
 * confirm that money in transit has arrived.
 */
import { expect } from 'vitest';
import { accepted, refused, type Code } from './answer.js';
import { ApiCommand, type Body, type Step } from './command.js';
import { addVoucher, nextNumber, otherFund, pick, postInModel, postingRefusal, yearOf, type Model, type Move, type TransferState } from './model.js';
import type { FundCode } from './world.js';

export type Receiver = 'other' | 'same' | 'unknown';

const UNKNOWN_TRANSFER = 99_999;

export class CreateTransfer extends ApiCommand {
  constructor(
    readonly from: FundCode,
    readonly to: Receiver,
    readonly amount: number,
    readonly date: string,
    readonly inTransit: boolean,
    as: number | null,
  ) {
    super(as);
  }
  describe() {
    return `CreateTransfer(${this.from}→${this.to} ${this.amount} ${this.date}${this.inTransit ? ' in transit' : ''})`;
  }
  step(model: Model): Step {
    const to = this.to === 'other' ? otherFund(this.from) : this.to === 'same' ? this.from : 'ZZ';
    const giver = model.funds[this.from];
    const receiver = this.to === 'other' ? model.funds[otherFund(this.from)] : undefined;
    const paid: Move[] = this.inTransit ? [{ key: '113', delta: this.amount }, { key: '1121', delta: -this.amount }] : [{ key: '1121', delta: -this.amount }];
    const received: Move[] = [{ key: '1121', delta: this.amount }];
    const refusal = ((): Code | null => {
      if (this.to === 'unknown') return 'entity_unknown';
      if (!receiver) return 'transfer_same_fund';
      if (this.amount === 0) return 'amount_not_positive';
      return postingRefusal(giver, this.date, paid) ?? (this.inTransit ? null : postingRefusal(receiver, this.date, received));
    })();
    const year = yearOf(this.date);
    return {
      request: { method: 'POST', url: '/api/transfers', payload: { from: this.from, to, date: this.date, amount: String(this.amount), reason: 'Điều tiết hỗ trợ', inTransit: this.inTransit } },
      prediction: refusal ? refused(refusal) : accepted(201),
      dates: [this.date],
      apply: (body: Body) => {
        if (!receiver) return;
        expect(body, 'transfer').toMatchObject({
          status: this.inTransit ? 'in-transit' : 'received', amount: String(this.amount), settlement: null,
          payment: { status: 'posted', number: nextNumber(giver, 'bank-payment', year) },
          receipt: this.inTransit ? { status: 'draft', number: null } : { status: 'posted', number: nextNumber(receiver, 'bank-receipt', year) },
        });
        const transfer = body.id as number;
        const payment = addVoucher(model, { id: body.payment.id, fund: giver.code, type: 'bank-payment', status: 'approved', plan: { date: this.date, moves: paid, refusal: null }, transfer, cancels: null });
        postInModel(model, payment);
        const receipt = addVoucher(model, { id: body.receipt.id, fund: receiver.code, type: 'bank-receipt', status: 'draft', plan: { date: this.date, moves: received, refusal: null }, transfer, cancels: null });
        if (!this.inTransit) postInModel(model, receipt);
        model.transfers.push({
          id: transfer, from: giver.code, to: receiver.code, amount: this.amount, status: this.inTransit ? 'in-transit' : 'received', payment: payment.id, receipt: receipt.id, settlement: null,
        });
      },
    };
  }
}

/** Which transfer a confirmation names: one in transit, any, or one that does not exist. */
export type TransferChoice = 'in-transit' | 'any' | 'unknown';

export class ConfirmTransfer extends ApiCommand {
  constructor(readonly index: number, readonly choice: TransferChoice, readonly date: string, as: number | null) {
    super(as);
  }
  override check(model: Readonly<Model>): boolean {
    return this.choice === 'unknown' || candidates(model, this.choice).length > 0;
  }
  describe() {
    return `ConfirmTransfer(${this.choice} #${this.index} on ${this.date})`;
  }
  step(model: Model): Step {
    const transfer = this.choice === 'unknown' ? undefined : pick(candidates(model, this.choice), this.index);
    const receipt = transfer && model.vouchers.find((v) => v.id === transfer.receipt);
    const arrived: Move[] = [{ key: '1121', delta: transfer?.amount ?? 0 }];
    const cleared: Move[] = [{ key: '113', delta: -(transfer?.amount ?? 0) }];
    const refusal = ((): Code | null => {
      if (!transfer) return 'transfer_not_found';
      if (transfer.status !== 'in-transit') return 'transfer_not_in_transit';
      return postingRefusal(model.funds[transfer.to], this.date, arrived) ?? postingRefusal(model.funds[transfer.from], this.date, cleared);
    })();
    const year = yearOf(this.date);
    return {
      request: { method: 'POST', url: `/api/transfers/${transfer?.id ?? UNKNOWN_TRANSFER}/confirm`, payload: { date: this.date } },
      prediction: refusal ? refused(refusal) : accepted(200),
      dates: [this.date],
      apply: (body: Body) => {
        if (!transfer || !receipt) return;
        const giver = model.funds[transfer.from];
        expect(body, 'confirmed transfer').toMatchObject({
          status: 'received',
          receipt: { id: receipt.id, status: 'posted', number: nextNumber(model.funds[transfer.to], 'bank-receipt', year), date: this.date },
          settlement: { type: 'general', status: 'posted', number: nextNumber(giver, 'general', year), date: this.date },
        });
        receipt.plan = { date: this.date, moves: arrived, refusal: null };
        postInModel(model, receipt);
        const settlement = addVoucher(model, { id: body.settlement.id, fund: giver.code, type: 'general', status: 'approved', plan: { date: this.date, moves: cleared, refusal: null }, transfer: transfer.id, cancels: null });
        postInModel(model, settlement);
        transfer.status = 'received';
        transfer.settlement = settlement.id;
      },
    };
  }
}

function candidates(model: Readonly<Model>, choice: TransferChoice): readonly TransferState[] {
  return choice === 'in-transit' ? model.transfers.filter((t) => t.status === 'in-transit') : model.transfers;
}
