/** The disclosure value from a campaign's sums: every source, channel and use sorted into its place, a cancellation netting out. */
import { describe, expect, it } from 'vitest';
import { disclosure, type DisclosureLineSums } from '../../src/reports/disclosure.js';
import { postingContext } from '../support/posting-context.js';

const chart = postingContext().chart;
const roles = { donations: '5111', inKind: '5112', fromOtherLevels: '5113', toOtherLevels: '612', cash: '111', goods: '152' };
const line = (account: string, date: string, amounts: { debit?: bigint; credit?: bigint }, extra: Partial<DisclosureLineSums> = {}): DisclosureLineSums => ({
  account, date, counterpartyKind: null, counterpartyForm: null, bankAccount: null, debit: amounts.debit ?? 0n, credit: amounts.credit ?? 0n, ...extra,
});

describe('a disclosure', () => {
  const value = disclosure({
    from: '2024-09-08', to: '2024-12-31', chart, roles,
    lines: [
      line('5111', '2024-09-09', { credit: 5_000_000n }, { counterpartyKind: 'donor', counterpartyForm: 'organisation' }),
      line('5111', '2024-09-09', { credit: 300_000n }, { counterpartyKind: 'donor', counterpartyForm: 'individual' }),
      // A receipt of 1,000,000 and its cancellation the next day.
      line('5111', '2024-09-10', { credit: 1_000_000n, debit: 1_000_000n }, { counterpartyKind: 'donor' }),
      line('5112', '2024-09-11', { credit: 2_000_000n }),
      line('515', '2024-09-30', { credit: 10_000n }),
      line('6116', '2024-09-20', { debit: 4_000_000n }, { counterpartyKind: 'beneficiary' }),
      line('612', '2024-09-21', { debit: 1_000_000n }, { counterpartyKind: 'fund' }),
      line('1111', '2024-09-09', { debit: 5_300_000n }),
    ],
    channels: [
      { account: '1111', bankAccount: null, net: 300_000n },
      { account: '1121', bankAccount: '0071000123456', net: 5_010_000n },
      { account: '152', bankAccount: null, net: 2_000_000n },
      { account: '1121', bankAccount: '0071000999888', net: 0n },
    ],
    payments: [
      { account: '6116', counterpartyKind: 'beneficiary', counterpartyName: 'Hộ ông A', net: 2_500_000n },
      { account: '6116', counterpartyKind: 'beneficiary', counterpartyName: 'Hộ bà B', net: 1_500_000n },
      { account: '612', counterpartyKind: 'fund', counterpartyName: 'Ban vận động xã Hòa Thuận', net: 1_000_000n },
    ],
  });

  it('sorts what came in by source, channel and day, a cancelled receipt counting for nothing', () => {
    expect(value.received).toEqual({
      total: 7_310_000n,
      bySource: [
        { source: 'organisations', amount: 5_000_000n }, { source: 'individuals', amount: 300_000n }, { source: 'unclassified', amount: 0n },
        { source: 'in-kind', amount: 2_000_000n }, { source: 'other', amount: 10_000n },
      ],
      byChannel: [
        { channel: 'cash', bankAccount: null, amount: 300_000n },
        { channel: 'bank', bankAccount: '0071000123456', amount: 5_010_000n },
        { channel: 'goods', bankAccount: null, amount: 2_000_000n },
      ],
      byDay: [
        { date: '2024-09-09', amount: 5_300_000n }, { date: '2024-09-10', amount: 0n },
        { date: '2024-09-11', amount: 2_000_000n }, { date: '2024-09-30', amount: 10_000n },
      ],
    });
  });

  it('shows the uses by purpose, what went to other funds and to how many households, and what is left', () => {
    expect(value.used).toMatchObject({
      total: 5_000_000n,
      byPurpose: [{ account: '6116', amount: 4_000_000n }, { account: '612', amount: 1_000_000n }],
      toFunds: [{ fund: 'Ban vận động xã Hòa Thuận', amount: 1_000_000n }],
      households: { count: 2, amount: 4_000_000n },
    });
    expect([value.costs, value.leftover]).toEqual([0n, 2_310_000n]);
  });
});
