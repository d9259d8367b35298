/**
 * The generated commands of the model-based API test, with arguments valid and invalid:
 * dates over the first three years (not all of them open), amounts around what the funds
 * hold, vouchers of every type with at most one defect, references to things that exist
 * and to things that do not, and now and then one of the operator's tokens as the sender.
 */
import * as fc from 'fast-check';
import type { ApiCommand } from './command.js';
import { PURPOSE_CHOICES, type EntrySpec, type VoucherSpec } from './content.js';
import { PostEntry, ReverseEntry } from './entry-commands.js';
import { VOUCHER_TYPES } from './model.js';
import { CloseYear, LockMonth, OpenYear, ReopenYear, UnlockMonth, type MonthRef, type YearRef } from './period-commands.js';
import { IssueToken, RevokeToken, SignIn } from './token-commands.js';
import { ConfirmTransfer, CreateTransfer, type Receiver, type TransferChoice } from './transfer-commands.js';
import { ApproveVoucher, CancelVoucher, DiscardVoucher, DraftVoucher, EditVoucher, PostVoucher, type VoucherRef } from './voucher-commands.js';
import { FIRST_YEAR, FUND_CODES } from './world.js';

const YEARS = [FIRST_YEAR, FIRST_YEAR + 1, FIRST_YEAR + 2, FIRST_YEAR + 3] as const;

/** Years posted in: mostly the first, open from the start; the next ones only once opened. */
const postingYear = fc.oneof({ weight: 6, arbitrary: fc.constant(YEARS[0]) }, { weight: 3, arbitrary: fc.constant(YEARS[1]) }, { weight: 1, arbitrary: fc.constant(YEARS[2]) });
/** Few months and days, so that locks, closings and postings on the same day meet. */
const date = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(postingYear, fc.constantFrom(1, 2, 6, 12), fc.constantFrom(1, 15, 28)) },
  { weight: 1, arbitrary: fc.tuple(postingYear, fc.constant(12), fc.constant(31)) },
).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Years to close and reopen, one of them never opened. */
const year = fc.oneof({ weight: 5, arbitrary: fc.constant(YEARS[0]) }, { weight: 3, arbitrary: fc.constant(YEARS[1]) }, { weight: 1, arbitrary: fc.constant(YEARS[2]) }, { weight: 1, arbitrary: fc.constant(YEARS[3]) });
const month = fc.constantFrom(1, 2, 6, 12);
const fund = fc.constantFrom(...FUND_CODES);
const index = fc.nat(30);
/** Half a million to twenty million đồng: the funds start with ten million in cash and fifty in the bank. */
const amount = fc.integer({ min: 1, max: 40 }).map((n) => n * 500_000);
const as = fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(5) });
const rarely = <T>(usual: T, ...others: T[]) => fc.oneof({ weight: 3 * others.length + 3, arbitrary: fc.constant(usual) }, ...others.map((o) => ({ weight: 1, arbitrary: fc.constant(o) })));

const monthRef: fc.Arbitrary<MonthRef> = fc.oneof({ weight: 2, arbitrary: fc.record({ locked: index }) }, { weight: 1, arbitrary: fc.record({ year: postingYear, month }) });
const yearRef: fc.Arbitrary<YearRef> = fc.oneof({ weight: 2, arbitrary: fc.record({ closed: index }) }, { weight: 1, arbitrary: fc.record({ year }) });
const voucherRef: fc.Arbitrary<VoucherRef> = fc.record({ index, stray: rarely<VoucherRef['stray']>('none', 'wrong-fund', 'unknown') });

const voucherSpec: fc.Arbitrary<VoucherSpec> = fc
  .record({
    type: fc.constantFrom(...VOUCHER_TYPES),
    purpose: fc.nat(10),
    amount,
    quantity: fc.integer({ min: 1, max: 50 }),
    item: fc.constantFrom('Gạo', 'Đường'),
    date,
    accountingDate: fc.option(date, { freq: 6, nil: undefined }),
    lines: rarely<VoucherSpec['lines']>('support', 'bank-to-cash', 'none'),
    defect: rarely<VoucherSpec['defect']>('none', 'no-amount', 'zero-amount', 'unknown-bank', 'amount-with-goods'),
  })
  .map(({ purpose, ...spec }) => {
    const choices = PURPOSE_CHOICES[spec.type];
    return { ...spec, purpose: choices[purpose % choices.length] };
  });

const entrySpec: fc.Arbitrary<EntrySpec> = fc.record({
  shape: fc.constantFrom('receipt', 'payment', 'payment', 'bank-payment', 'bank-to-cash'),
  amount,
  date,
  defect: rarely<EntrySpec['defect']>('none', 'one-line', 'zero', 'unknown-account', 'parent-account', 'unbalanced'),
});

/** Each arbitrary listed as often as its command should come up. */
export const COMMANDS: fc.Arbitrary<ApiCommand>[] = [
  ...Array.from({ length: 3 }, () => fc.tuple(fund, voucherSpec, as).map(([f, s, a]) => new DraftVoucher(f, s, a))),
  fc.tuple(voucherRef, voucherSpec, as).map(([r, s, a]) => new EditVoucher(r, s, a)),
  fc.tuple(voucherRef, as).map(([r, a]) => new DiscardVoucher(r, a)),
  ...Array.from({ length: 2 }, () => fc.tuple(voucherRef, as).map(([r, a]) => new ApproveVoucher(r, a))),
  ...Array.from({ length: 3 }, () => fc.tuple(voucherRef, as).map(([r, a]) => new PostVoucher(r, a))),
  ...Array.from({ length: 2 }, () => fc.tuple(voucherRef, date, as).map(([r, d, a]) => new CancelVoucher(r, d, a))),
  ...Array.from({ length: 2 }, () => fc.tuple(fund, entrySpec, as).map(([f, s, a]) => new PostEntry(f, s, a))),
  ...Array.from({ length: 2 }, () => fc.tuple(fund, index, rarely(false, true), date, as).map(([f, i, s, d, a]) => new ReverseEntry(f, i, s, d, a))),
  fc.tuple(fund, postingYear, month, as).map(([f, y, m, a]) => new LockMonth(f, y, m, a)),
  fc.tuple(fund, monthRef, rarely(true, false), as).map(([f, m, r, a]) => new UnlockMonth(f, m, r, a)),
  fc.tuple(fund, rarely<0 | 1 | 2>(1, 0, 2), as).map(([f, y, a]) => new OpenYear(f, y, a)),
  fc.tuple(fund, year, as).map(([f, y, a]) => new CloseYear(f, y, a)),
  fc.tuple(fund, yearRef, rarely(true, false), as).map(([f, y, r, a]) => new ReopenYear(f, y, r, a)),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(fund, rarely<Receiver>('other', 'same', 'unknown'), fc.oneof({ weight: 12, arbitrary: amount }, { weight: 1, arbitrary: fc.constant(0) }), date, fc.boolean(), as)
      .map(([f, t, m, d, i, a]) => new CreateTransfer(f, t, m, d, i, a)),
  ),
  ...Array.from({ length: 2 }, () => fc.tuple(index, rarely<TransferChoice>('in-transit', 'any', 'unknown'), date, as).map(([i, c, d, a]) => new ConfirmTransfer(i, c, d, a))),
  as.map((a) => new IssueToken(a)),
  fc.tuple(index, rarely(false, true), as).map(([i, s, a]) => new RevokeToken(i, s, a)),
  fc.tuple(fc.constantFrom<'made-up' | 'none' | 'chosen'>('made-up', 'none', 'chosen'), as).map(([w, a]) => new SignIn(w, a)),
];
