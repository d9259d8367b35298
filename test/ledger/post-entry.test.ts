import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryInput } from '../../src/ledger/entry.js';
import { checkEntry, postEntry } from '../../src/ledger/post-entry.js';
import { planReversal } from '../../src/ledger/reverse-entry.js';
import { entry, postingContext } from '../support/posting-context.js';

describe('checkEntry names, before the guards, exactly the balances they read', () => {
  const context = postingContext();
  const capped = postingContext({ managementCostsAllowed: true, managementCostCap: 1_000_000n });
  const needs = (input: EntryInput, on = context) => {
    const checked = checkEntry(input, on);
    return checked.ok ? checked.value.needs : checked.code;
  };

  it.each([
    ['a receipt into cash needs nothing', entry([{ account: '1111', debit: '5' }, { account: '5111', credit: '5' }]), { accounts: [], holdings: [], managementCostYear: null }],
    ['a payment out of cash needs the cash account', entry([{ account: '6111', debit: '5' }, { account: '1111', credit: '5' }]), { accounts: ['1111'], holdings: [], managementCostYear: null }],
    [
      'cash moved in and out of the same account on net needs it only when the net goes out',
      entry([{ account: '1111', debit: '3' }, { account: '1111', credit: '5' }, { account: '1121', debit: '2' }]),
      { accounts: ['1111'], holdings: [], managementCostYear: null },
    ],
    [
      'goods issued need the holding of that item',
      entry([{ account: '6116', debit: '5' }, { account: '152', credit: '5' }], { memos: [{ account: '003', direction: 'out', quantity: '10', unit: 'kg', item: 'Gạo' }] }),
      { accounts: ['152'], holdings: [{ account: '003', unit: 'kg', item: 'Gạo' }], managementCostYear: null },
    ],
  ])('%s', (_name, input, expected) => {
    expect(needs(input)).toEqual({ date: input.date, designations: [], allocations: [], ...expected });
  });

  it('names nothing for an entry it refuses before any guard', () => {
    expect(needs(entry([{ account: '6111', debit: 'abc' }, { account: '1111', credit: '5' }]))).toBe('amount_malformed');
  });

  it('asks for the year of management costs only under a cap', () => {
    const cost = entry([{ account: '614', debit: '5' }, { account: '1121', credit: '5' }]);
    expect(needs(cost)).toMatchObject({ accounts: ['1121'], managementCostYear: null });
    expect(needs(cost, capped)).toMatchObject({ accounts: ['1121'], managementCostYear: 2024 });
  });

  it('lets the decision read nothing that was not fetched', () => {
    const unfetched = { ...context, balances: { ...context.balances, lowest: new Map<string, bigint>() } };
    expect(() => postEntry(entry([{ account: '6111', debit: '5' }, { account: '1111', credit: '5' }]), unfetched)).toThrow(/1111 was not fetched/);
  });
});

describe('designated money of a campaign', () => {
  const STORM = { code: 'BAO3', legalBasis: 'ND93/2021', launchedOn: '2024-03-01', receivingEndsOn: null, distributionEndsOn: null, acceptsDesignated: true, accounts: [] };
  const pay = (amount: string) =>
    entry([{ account: '6113', debit: amount, campaign: 'BAO3', designation: 'Hộ bà Hoa' }, { account: '1111', credit: amount }]);
  const context = postingContext({ campaigns: [STORM], balances: { '1111': 10_000_000n }, designations: { 'BAO3 Hộ bà Hoa': 2_000_000n } });

  it('is named among the balances to fetch when the entry spends it', () => {
    const checked = checkEntry(pay('500000'), context);
    expect(checked).toMatchObject({ ok: true, value: { needs: { accounts: ['1111'], designations: [{ campaign: 'BAO3', designation: 'Hộ bà Hoa' }] } } });
  });

  it('is spent as far as the designation holds, and no further', () => {
    expect(postEntry(pay('2000000'), context)).toMatchObject({ ok: true });
    expect(postEntry(pay('2000001'), context)).toMatchObject({ ok: false, code: 'designation_mismatch', path: 'lines[0].designation', detail: 'Hộ bà Hoa holds 2000000 in BAO3' });
  });
});

describe('goods held on 003 are counted per item', () => {
  const issue = (item: string) =>
    entry([{ account: '6116', debit: '150000' }, { account: '152', credit: '150000' }], {
      memos: [{ account: '003', direction: 'out', quantity: '10', unit: 'kg', item }],
    });
  const context = postingContext({ balances: { '152': 1000000n }, holdings: { '003 kg Gạo tẻ': 50000n, '003 kg Đường': 0n } });

  it('issues rice that is held', () => {
    expect(postEntry(issue('Gạo tẻ'), context)).toMatchObject({ ok: true, value: { memos: [{ item: 'Gạo tẻ', quantity: -10000n }] } });
  });

  it('refuses sugar although rice in the same unit is held', () => {
    expect(postEntry(issue('Đường'), context)).toMatchObject({ ok: false, code: 'off_balance_would_go_negative', detail: '003 kg Đường' });
  });
});

describe('postEntry accepts', () => {
  it('a balanced cash donation, debit positive and credit negative', () => {
    const result = postEntry(
      entry([
        { account: '1111', debit: '1200000' },
        { account: '5111', credit: '1200000', counterparty: { kind: 'donor', name: 'Nguyễn Văn An' }, campaign: 'TCD2024' },
      ]),
      postingContext(),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'regular',
        lines: [
          { lineNo: 1, account: '1111', amount: 1200000n, currency: null },
          { lineNo: 2, account: '5111', amount: -1200000n, counterparty: { kind: 'donor', name: 'Nguyễn Văn An' }, campaign: 'TCD2024' },
        ],
      },
    });
  });

  it('a USD donation with its original amount on 007', () => {
    const result = postEntry(
      entry(
        [
          { account: '1122', debit: '2557725', currency: 'USD', originalAmount: '100.50', rate: '25450', bankAccount: '0071000123456' },
          { account: '5111', credit: '2557725' },
        ],
        { memos: [{ account: '007', direction: 'in', quantity: '100.50', unit: 'USD' }] },
      ),
      postingContext(),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        lines: [{ currency: 'USD', originalAmount: 10050n, rate: '25450', amount: 2557725n }, { amount: -2557725n }],
        memos: [{ account: '007', quantity: 100500n, unit: 'USD' }],
      },
    });
  });

  it('rice received in kind, value on 152 and quantity on 003', () => {
    const result = postEntry(
      entry([{ account: '152', debit: '7500000', quantity: '500', unit: 'kg' }, { account: '5112', credit: '7500000' }], {
        memos: [{ account: '003', direction: 'in', quantity: '500', unit: 'kg' }],
      }),
      postingContext(),
    );
    expect(result).toMatchObject({ ok: true, value: { lines: [{ quantity: 500000n, unit: 'kg' }, {}], memos: [{ quantity: 500000n }] } });
  });

  it('a payment that the lowest balance ahead still covers', () => {
    const result = postEntry(entry([{ account: '6111', debit: '5000000' }, { account: '1111', credit: '5000000' }]), postingContext({ balances: { '1111': 5000000n } }));
    expect(result.ok).toBe(true);
  });

  it('a transfer between two guarded accounts judged on each account’s net', () => {
    const result = postEntry(
      entry([
        { account: '1121', debit: '3000000' },
        { account: '1111', credit: '3000000' },
      ]),
      postingContext({ balances: { '1111': 3000000n, '1121': 0n } }),
    );
    expect(result.ok).toBe(true);
  });

  it('management costs when the fund allows them, up to the cap', () => {
    const result = postEntry(entry([{ account: '614', debit: '400000' }, { account: '1111', credit: '400000' }]), postingContext({
      managementCostsAllowed: true, managementCostCap: 1000000n, managementCostInYear: 600000n, balances: { '1111': 400000n },
    }));
    expect(result.ok).toBe(true);
  });

  it('a closing entry on 31 December even when December is locked', () => {
    const context = postingContext({ calendar: { lockedMonths: new Set(['2024-12']) } });
    const closing = entry([{ account: '5111', debit: '5' }, { account: '911', credit: '5' }], { date: '2024-12-31' });
    expect(postEntry(closing, context)).toMatchObject({ ok: false, code: 'period_locked' });
    expect(postEntry(closing, context, { kind: 'closing', ignoreLocks: true })).toMatchObject({ ok: true, value: { kind: 'closing' } });
  });
});

describe('postEntry precedence', () => {
  it('names the malformed amount before the unknown account on another line', () => {
    const result = postEntry(entry([{ account: '9999', debit: '5' }, { account: '5111', credit: 'abc' }]), postingContext());
    expect(result).toMatchObject({ ok: false, code: 'amount_malformed', path: 'lines[1].credit' });
  });

  it('checks balance before the calendar, and the calendar before the cash', () => {
    const unbalancedLocked = entry([{ account: '6111', debit: '5' }, { account: '1111', credit: '4' }], { date: '2024-01-10' });
    expect(postEntry(unbalancedLocked, postingContext())).toMatchObject({ code: 'entry_must_balance' });
    const lockedOverdraw = entry([{ account: '6111', debit: '5' }, { account: '1111', credit: '5' }], { date: '2024-01-10' });
    expect(postEntry(lockedOverdraw, postingContext())).toMatchObject({ code: 'period_locked' });
  });

  it('points at the offending line', () => {
    const result = postEntry(entry([{ account: '1111', debit: '5' }, { account: '111', credit: '5' }]), postingContext());
    expect(result).toMatchObject({ code: 'account_not_postable', path: 'lines[1].account', detail: '111' });
  });

  it('reads "12.5" đồng as too precise', () => {
    expect(postEntry(entry([{ account: '1111', debit: '12.5' }, { account: '5111', credit: '12.5' }]), postingContext())).toMatchObject({
      code: 'amount_malformed',
      detail: '12.5 (too_precise)',
    });
  });

  it('refuses a rate without its original amount and currency', () => {
    const result = postEntry(entry([{ account: '1112', debit: '5', rate: '25000' }, { account: '5111', credit: '5' }]), postingContext());
    expect(result).toMatchObject({ code: 'foreign_amount_without_rate', path: 'lines[0]' });
  });

  it('refuses VND given as a foreign currency', () => {
    const result = postEntry(entry([{ account: '1112', debit: '5', currency: 'VND', originalAmount: '5', rate: '1' }, { account: '5111', credit: '5' }]), postingContext());
    expect(result).toMatchObject({ code: 'currency_unknown' });
  });

  it('refuses a quantity without its unit', () => {
    const result = postEntry(entry([{ account: '152', debit: '5', quantity: '3' }, { account: '5112', credit: '5' }]), postingContext());
    expect(result).toMatchObject({ code: 'amount_malformed', path: 'lines[0].quantity' });
  });
});

const SAFE_ACCOUNTS = ['1388', '331', '3388', '421', '5111', '5118', '515', '6111', '6115', '612', '615'];

const balancedEntry = fc
  .array(fc.record({ account: fc.constantFrom(...SAFE_ACCOUNTS), amount: fc.bigInt({ min: 1n, max: 10n ** 12n }) }), { minLength: 1, maxLength: 8 })
  .chain((debits) =>
    fc.constantFrom(...SAFE_ACCOUNTS).map((creditAccount): EntryInput => {
      const total = debits.reduce((sum, d) => sum + d.amount, 0n);
      return entry([
        ...debits.map((d) => ({ account: d.account, debit: d.amount.toString() })),
        { account: creditAccount, credit: total.toString() },
      ]);
    }),
  );

describe('posting properties', () => {
  it('accepts every balanced entry on open accounts and every accepted entry balances', () => {
    fc.assert(
      fc.property(balancedEntry, (input) => {
        const result = postEntry(input, postingContext());
        return result.ok && result.value.lines.reduce((sum, l) => sum + l.amount, 0n) === 0n;
      }),
    );
  });

  it('refuses every entry whose sides differ', () => {
    fc.assert(
      fc.property(balancedEntry, fc.bigInt({ min: 1n, max: 1000n }), (input, extra) => {
        const [first, ...rest] = input.lines;
        const skewed = { ...input, lines: [{ ...first!, debit: (BigInt(first!.debit!) + extra).toString() }, ...rest] };
        const result = postEntry(skewed, postingContext());
        return !result.ok && result.code === 'entry_must_balance';
      }),
    );
  });

  it('reverse(post(x)) nets every account to zero', () => {
    fc.assert(
      fc.property(balancedEntry, (input) => {
        const context = postingContext({ balances: Object.fromEntries(SAFE_ACCOUNTS.map((a) => [a, 10n ** 15n])) });
        const posted = postEntry(input, context);
        if (!posted.ok) return false;
        const plan = planReversal(posted.value, { date: '2024-04-01', alreadyReversed: false, voucher: null, originalLabel: '1' });
        if (!plan.ok) return false;
        const reversed = postEntry(plan.value, context, { kind: 'reversal' });
        if (!reversed.ok) return false;
        const net = new Map<string, bigint>();
        for (const line of [...posted.value.lines, ...reversed.value.lines]) net.set(line.account, (net.get(line.account) ?? 0n) + line.amount);
        return [...net.values()].every((v) => v === 0n);
      }),
    );
  });
});
