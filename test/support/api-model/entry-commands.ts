/**
 * Commands on plain entries: post one (a receipt, a payment that may exceed the cash, a
 * bank payment, cash drawn from the bank), and reverse any entry of a fund by its
 * sequence number — including the entries vouchers own, which only cancelling the voucher
 * may undo.
 */
import { expect } from 'vitest';
import { accepted, refused, type Code } from './answer.js';
import { ApiCommand, type Body, type Step } from './command.js';
import { entryBody, planEntry, type EntrySpec } from './content.js';
import { negated, nextSeq, pick, postingRefusal, record, type EntryState, type Model } from './model.js';
import type { FundCode } from './world.js';

export class PostEntry extends ApiCommand {
  constructor(readonly fund: FundCode, readonly spec: EntrySpec, as: number | null) {
    super(as);
  }
  describe() {
    const s = this.spec;
    return `PostEntry(${this.fund} ${s.shape} ${s.amount} ${s.date}${s.defect === 'none' ? '' : ` [${s.defect}]`})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const planned = planEntry(this.spec);
    const refusal = planned.refusal ?? postingRefusal(fund, this.spec.date, planned.moves);
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/entries`, payload: entryBody(this.spec, this.fund) },
      prediction: refusal ? refused(refusal) : accepted(201),
      dates: [this.spec.date],
      apply: (body: Body) => {
        expect(body, 'posted entry').toMatchObject({ seq: nextSeq(fund), kind: 'regular', date: this.spec.date });
        record(fund, { kind: 'regular', date: this.spec.date, moves: planned.moves, voucher: null });
      },
    };
  }
}

/** The refusal of reversing an entry, before the reversal meets the posting rules. */
function reversalRefusal(entry: EntryState): Code | null {
  if (entry.kind === 'closing' || entry.kind === 'reversal') return 'entry_not_reversible';
  if (entry.reversed) return 'entry_already_reversed';
  return entry.voucher === null ? null : 'entry_owned_by_voucher';
}

export class ReverseEntry extends ApiCommand {
  /** @param index picks the entry; stray names a sequence number the fund does not have. */
  constructor(readonly fund: FundCode, readonly index: number, readonly stray: boolean, readonly date: string, as: number | null) {
    super(as);
  }
  describe() {
    return `ReverseEntry(${this.fund} #${this.index}${this.stray ? '(unknown)' : ''} on ${this.date})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const entry = this.stray ? undefined : pick(fund.entries, this.index);
    const seq = entry?.seq ?? fund.entries.length + 7;
    const refusal = entry ? (reversalRefusal(entry) ?? postingRefusal(fund, this.date, negated(entry.moves))) : 'entry_not_found';
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/entries/${seq}/reverse`, payload: { date: this.date } },
      prediction: refusal ? refused(refusal) : accepted(201),
      dates: [this.date],
      apply: (body: Body) => {
        if (!entry) return;
        expect(body, 'reversal').toMatchObject({ seq: nextSeq(fund), kind: 'reversal', reverses: entry.seq, date: this.date });
        record(fund, { kind: 'reversal', date: this.date, moves: negated(entry.moves), voucher: null });
        entry.reversed = true;
      },
    };
  }
}
