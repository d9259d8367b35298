/**
 * Commands on periods: lock and unlock a month, open the next year, close and reopen a
 * year. Years and months may be ones the fund has not opened (or, to unlock and reopen,
 * ones it has locked or closed), and the reason an unlock or a reopening needs may be
 * left out.
 */
import { expect } from 'vitest';
import { accepted, refused, type Code } from './answer.js';
import { ApiCommand, type Body, type Step } from './command.js';
import { latestYear, nextSeq, pick, record, type FundState, type Model } from './model.js';
import { FIRST_YEAR, type FundCode } from './world.js';

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The refusal of locking or unlocking a month before its own state is looked at. */
function monthRefusal(fund: FundState, year: number): Code | null {
  const status = fund.years.get(year);
  if (status === undefined) return 'period_unknown';
  return status === 'closed' ? 'year_closed' : null;
}

/** Expects `seqs` to be the fund's next sequence numbers, in order. */
function expectNextSeqs(fund: FundState, seqs: readonly number[], what: string): void {
  expect(seqs, what).toEqual(seqs.map((_, i) => nextSeq(fund) + i));
}

export class LockMonth extends ApiCommand {
  constructor(readonly fund: FundCode, readonly year: number, readonly month: number, as: number | null) {
    super(as);
  }
  describe() {
    return `LockMonth(${this.fund} ${monthKey(this.year, this.month)})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const key = monthKey(this.year, this.month);
    const refusal = monthRefusal(fund, this.year) ?? (fund.locked.has(key) ? 'period_already_locked' : null);
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/periods/${this.year}/${this.month}/lock`, payload: {} },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: () => fund.locked.add(key),
    };
  }
}

/** A month named outright, or one of the fund's locked months by index. */
export type MonthRef = { readonly locked: number } | { readonly year: number; readonly month: number };

export class UnlockMonth extends ApiCommand {
  constructor(readonly fund: FundCode, readonly ref: MonthRef, readonly withReason: boolean, as: number | null) {
    super(as);
  }
  override check(model: Readonly<Model>): boolean {
    return !('locked' in this.ref) || model.funds[this.fund].locked.size > 0;
  }
  describe() {
    const month = 'locked' in this.ref ? `locked #${this.ref.locked}` : monthKey(this.ref.year, this.ref.month);
    return `UnlockMonth(${this.fund} ${month}${this.withReason ? '' : ' without a reason'})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const key = 'locked' in this.ref ? (pick([...fund.locked].sort(), this.ref.locked) ?? `${FIRST_YEAR}-01`) : monthKey(this.ref.year, this.ref.month);
    const [year, month] = key.split('-').map(Number) as [number, number];
    const refusal = !this.withReason ? 'invalid_request' : (monthRefusal(fund, year) ?? (fund.locked.has(key) ? null : 'period_not_locked'));
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/periods/${year}/${month}/unlock`, payload: this.withReason ? { reason: 'Bổ sung chứng từ' } : {} },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: () => fund.locked.delete(key),
    };
  }
}

export class OpenYear extends ApiCommand {
  /** @param after how far after the fund's latest year: 1 opens the next one, 0 and 2 are refused. */
  constructor(readonly fund: FundCode, readonly after: 0 | 1 | 2, as: number | null) {
    super(as);
  }
  describe() {
    return `OpenYear(${this.fund} latest+${this.after})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const year = latestYear(fund) + this.after;
    const refusal = this.after === 0 ? 'year_exists' : this.after === 2 ? 'year_unknown' : null;
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/periods`, payload: { year } },
      prediction: refusal ? refused(refusal) : accepted(201),
      apply: () => fund.years.set(year, 'open'),
    };
  }
}

export class CloseYear extends ApiCommand {
  constructor(readonly fund: FundCode, readonly year: number, as: number | null) {
    super(as);
  }
  describe() {
    return `CloseYear(${this.fund} ${this.year})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const status = fund.years.get(this.year);
    const refusal =
      status === undefined ? 'year_unknown' : status === 'closed' ? 'year_closed' : fund.years.get(this.year - 1) === 'open' ? 'previous_year_open' : null;
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/periods/${this.year}/close`, payload: {} },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: (body: Body) => {
        expect(body.nextYear, 'next year').toBe(this.year + 1);
        expectNextSeqs(fund, body.closingEntries, 'closing entries');
        for (const _ of body.closingEntries) record(fund, { kind: 'closing', date: `${this.year}-12-31`, moves: [], voucher: null });
        fund.years.set(this.year, 'closed');
        for (let month = 1; month <= 12; month++) fund.locked.add(monthKey(this.year, month));
        if (!fund.years.has(this.year + 1)) fund.years.set(this.year + 1, 'open');
      },
    };
  }
}

/** A year named outright, or one of the fund's closed years by index. */
export type YearRef = { readonly closed: number } | { readonly year: number };

export class ReopenYear extends ApiCommand {
  constructor(readonly fund: FundCode, readonly ref: YearRef, readonly withReason: boolean, as: number | null) {
    super(as);
  }
  override check(model: Readonly<Model>): boolean {
    return !('closed' in this.ref) || closedYears(model.funds[this.fund]).length > 0;
  }
  describe() {
    return `ReopenYear(${this.fund} ${'closed' in this.ref ? `closed #${this.ref.closed}` : this.ref.year}${this.withReason ? '' : ' without a reason'})`;
  }
  step(model: Model): Step {
    const fund = model.funds[this.fund];
    const year = 'closed' in this.ref ? (pick(closedYears(fund), this.ref.closed) ?? FIRST_YEAR) : this.ref.year;
    const status = fund.years.get(year);
    const refusal = !this.withReason
      ? 'invalid_request'
      : status === undefined ? 'year_unknown'
        : status !== 'closed' ? 'year_not_closed'
          : fund.years.get(year + 1) === 'closed' ? 'next_year_closed' : null;
    const closing = fund.entries.filter((e) => e.kind === 'closing' && !e.reversed && e.date === `${year}-12-31`);
    return {
      request: { method: 'POST', url: `/api/entities/${this.fund}/periods/${year}/reopen`, payload: this.withReason ? { reason: 'Điều chỉnh sau kiểm toán' } : {} },
      prediction: refusal ? refused(refusal) : accepted(200),
      apply: (body: Body) => {
        expect(body.reversals, 'one reversal per closing entry').toHaveLength(closing.length);
        expectNextSeqs(fund, body.reversals, 'reversals of the closing entries');
        for (const entry of closing) {
          record(fund, { kind: 'reversal', date: entry.date, moves: [], voucher: null });
          entry.reversed = true;
        }
        fund.years.set(year, 'open');
      },
    };
  }
}

function closedYears(fund: FundState): number[] {
  return [...fund.years].filter(([, status]) => status === 'closed').map(([year]) => year).sort();
}
