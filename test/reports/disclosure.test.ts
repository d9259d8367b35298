/** The disclosure value from a campaign's sums: every source, channel and use sorted into its place, a cancellation netting out. */
import { describe, expect, it } from 'vitest';
import { combineDisclosures, disclosure, type DisclosureLineSums } from '../../src/reports/disclosure.js';
import { postingContext } from '../support/posting-context.js';

const chart = postingContext().chart;
const roles = { donations: '5111', inKind: '5112', fromOtherLevels: '5113', toOtherLevels: '612', cash: '111', goods: '152' };
const line = (account: string, date: string, amounts: { debit?: bigint; credit?: bigint }, extra: Partial<DisclosureLineSums> = {}): DisclosureLineSums => ({
  account, date, counterpartyKind: null, counterpartyForm: null, fundName: null, bankAccount: null, debit: amounts.debit ?? 0n, credit: amounts.credit ?? 0n, ...extra,
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
    goods: [{ unit: 'kg', quantityIn: 500_000n, quantityOut: 200_000n, valueIn: 2_000_000n, valueOut: 800_000n }],
    households: [
      { name: 'Hộ ông A', address: 'ấp Ô Chích, xã Hòa Thuận, huyện Châu Thành', level: null, amount: 2_500_000n },
      { name: 'Hộ bà B', address: 'Số 5 đường 3/2, khóm 2, Phường 1, thành phố Trà Vinh', level: 'NHA-SAP', amount: 1_500_000n },
      // Paid and the payment cancelled: no longer a household supported.
      { name: 'Hộ ông D', address: 'ấp Ba Se, xã Lương Hòa', level: null, amount: 0n },
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

  it('lists the households supported by name and commune only, a cancelled payment leaving its household out', () => {
    expect(value.households).toEqual([
      { name: 'Hộ ông A', locality: 'xã Hòa Thuận, huyện Châu Thành', level: null, amount: 2_500_000n },
      { name: 'Hộ bà B', locality: 'Phường 1, thành phố Trà Vinh', level: 'NHA-SAP', amount: 1_500_000n },
    ]);
  });
});

describe('a consolidation', () => {
  const PROVINCE = 'Ban vận động cứu trợ tỉnh';
  const COMMUNE = 'Ban vận động cứu trợ xã An Bình';
  // The commune received 10,000,000 from donors and pooled 4,000,000 up to the province.
  const commune = disclosure({
    from: '2024-09-08', to: '2024-12-31', chart, roles, internalFunds: new Set([PROVINCE]),
    lines: [
      line('5111', '2024-09-09', { credit: 10_000_000n }, { counterpartyKind: 'donor', counterpartyForm: 'individual' }),
      line('612', '2024-09-12', { debit: 4_000_000n }, { counterpartyKind: 'fund', fundName: PROVINCE }),
    ],
    channels: [{ account: '1121', bankAccount: '111', net: 10_000_000n }],
    payments: [{ account: '612', counterpartyKind: 'fund', counterpartyName: PROVINCE, net: 4_000_000n }],
    goods: [],
    households: [],
    internalChannels: [],
  });
  // The province received 50,000,000 from organisations and the commune's 4,000,000, and paid 30,000,000 to households.
  const province = disclosure({
    from: '2024-09-08', to: '2024-12-31', chart, roles, internalFunds: new Set([COMMUNE]),
    lines: [
      line('5111', '2024-09-10', { credit: 50_000_000n }, { counterpartyKind: 'donor', counterpartyForm: 'organisation' }),
      line('5113', '2024-09-12', { credit: 4_000_000n }, { counterpartyKind: 'fund', fundName: COMMUNE }),
      line('6116', '2024-09-20', { debit: 30_000_000n }, { counterpartyKind: 'beneficiary' }),
    ],
    channels: [{ account: '1121', bankAccount: '222', net: 54_000_000n }],
    payments: [{ account: '6116', counterpartyKind: 'beneficiary', counterpartyName: 'Hộ ông C', net: 30_000_000n }],
    goods: [],
    households: [{ name: 'Hộ ông C', address: 'ấp Sâm Bua, xã Lương Hòa', level: null, amount: 30_000_000n }],
    internalChannels: [{ account: '1121', bankAccount: '222', net: 4_000_000n }],
  });

  it('leaves the money pooled between its funds out of each side', () => {
    expect([commune.received.total, commune.used.total, commune.leftover]).toEqual([10_000_000n, 0n, 10_000_000n]);
    expect(commune.used.toFunds).toEqual([]);
    expect([province.received.total, province.used.total]).toEqual([50_000_000n, 30_000_000n]);
    expect(province.received.bySource.map((s) => s.source)).toEqual(['organisations']);
    expect(province.received.byChannel).toEqual([{ channel: 'bank', bankAccount: '222', amount: 50_000_000n }]);
  });

  it('adds its funds up into one report, the pooled money counted once', () => {
    const whole = combineDisclosures([province, commune]);
    expect(whole.received.total).toBe(60_000_000n);
    expect(whole.received.bySource).toEqual([{ source: 'organisations', amount: 50_000_000n }, { source: 'individuals', amount: 10_000_000n }]);
    expect(whole.received.byChannel).toEqual([{ channel: 'bank', bankAccount: '222', amount: 50_000_000n }, { channel: 'bank', bankAccount: '111', amount: 10_000_000n }]);
    expect(whole.received.byDay).toEqual([{ date: '2024-09-09', amount: 10_000_000n }, { date: '2024-09-10', amount: 50_000_000n }]);
    expect([whole.used.total, whole.used.households, whole.leftover]).toEqual([30_000_000n, { count: 1, amount: 30_000_000n }, 30_000_000n]);
  });

  it('without the consolidation, counts the pooled money at both levels', () => {
    const alone = disclosure({
      from: '2024-09-08', to: '2024-12-31', chart, roles,
      lines: [line('5113', '2024-09-12', { credit: 4_000_000n }, { counterpartyKind: 'fund', fundName: COMMUNE })],
      channels: [{ account: '1121', bankAccount: '222', net: 4_000_000n }], payments: [], goods: [], households: [],
    });
    expect(alone.received.bySource).toEqual([{ source: 'other-levels', amount: 4_000_000n }]);
  });
});

describe('goods in a disclosure', () => {
  it('shows what was received, given out and is still held, by unit', () => {
    const value = disclosure({
      from: '2024-09-08', to: '2024-12-31', chart, roles, lines: [], channels: [], payments: [], households: [],
      goods: [{ unit: 'kg', quantityIn: 500_000n, quantityOut: 200_000n, valueIn: 7_500_000n, valueOut: 3_000_000n }],
    });
    expect(value.goods).toEqual([{ unit: 'kg', received: 500_000n, issued: 200_000n, held: 300_000n, valueHeld: 4_500_000n }]);
  });
});

describe('the channels of a disclosure', () => {
  it('show what arrived on a line they do not read (a receipt entry whose cash line names no campaign) as another channel, so they add up to what was received', () => {
    const value = disclosure({
      from: '2024-09-08', to: '2024-12-31', chart, roles, payments: [], goods: [], households: [],
      lines: [line('5111', '2024-09-09', { credit: 3_000_000n }, { counterpartyForm: 'individual' })],
      channels: [{ account: '1121', bankAccount: '0071000123456', net: 2_000_000n }],
    });
    expect(value.received.byChannel).toEqual([
      { channel: 'bank', bankAccount: '0071000123456', amount: 2_000_000n },
      { channel: 'other', bankAccount: null, amount: 1_000_000n },
    ]);
  });
});
