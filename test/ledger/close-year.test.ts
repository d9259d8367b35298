import { describe, expect, it } from 'vitest';
import { planYearClose } from '../../src/ledger/close-year.js';
import { postingContext, REGIME } from '../support/posting-context.js';

describe('planYearClose', () => {
  const chart = postingContext().chart;

  it('closes receipts and expenditures through 911 into 421 on a surplus', () => {
    const plan = planYearClose({
      year: 2024, regime: REGIME, chart,
      balances: new Map([['1121', 90n], ['421', -60n], ['5111', -100n], ['515', -5n], ['6111', 60n], ['615', 5n], ['003', 7n]]),
    });
    expect(plan).toEqual([
      { date: '2024-12-31', description: 'Kết chuyển các khoản thu Quỹ năm 2024', lines: [{ account: '5111', debit: '100' }, { account: '515', debit: '5' }, { account: '911', credit: '105' }] },
      { date: '2024-12-31', description: 'Kết chuyển các khoản chi Quỹ năm 2024', lines: [{ account: '6111', credit: '60' }, { account: '615', credit: '5' }, { account: '911', debit: '65' }] },
      { date: '2024-12-31', description: 'Kết chuyển thặng dư năm 2024 vào nguồn Quỹ', lines: [{ account: '911', debit: '40' }, { account: '421', credit: '40' }] },
    ]);
  });

  it('carries a deficit into 421 as a debit', () => {
    const plan = planYearClose({ year: 2024, regime: REGIME, chart, balances: new Map([['5111', -10n], ['6111', 30n]]) });
    expect(plan.at(-1)).toEqual({
      date: '2024-12-31',
      description: 'Kết chuyển thâm hụt năm 2024 vào nguồn Quỹ',
      lines: [{ account: '911', credit: '20' }, { account: '421', debit: '20' }],
    });
  });

  it('plans nothing for a year without receipts or expenditures', () => {
    expect(planYearClose({ year: 2024, regime: REGIME, chart, balances: new Map([['1111', 5n], ['421', -5n]]) })).toEqual([]);
  });
});
