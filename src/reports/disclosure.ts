/**
 * A campaign's public disclosure (Decree 93/2021 art. 14.2) as a value: the calling
 * documents; the money received — by source (organisations, individuals, donors not
 * classified, other fund levels, in kind, other), by channel (cash, each bank or treasury
 * account, goods) and per day; its uses by purpose, what went to other funds and to
 * households; the costs charged to donations (none may be); and what is left. Receipts are
 * net credits on receipt accounts and uses net debits on expenditure accounts, so a cancelled
 * voucher counts for nothing. Pure: the sums come from SQL.
 */
import type { Account, Chart } from '../ledger/chart.js';
import type { Minor } from '../ledger/money.js';

export interface DisclosureLineSums {
  readonly account: string;
  readonly date: string;
  readonly counterpartyKind: string | null;
  readonly counterpartyForm: string | null;
  readonly bankAccount: string | null;
  readonly debit: Minor;
  readonly credit: Minor;
}

export interface DisclosureChannelSums {
  readonly account: string;
  readonly bankAccount: string | null;
  readonly net: Minor;
}

export interface DisclosurePaymentSums {
  readonly account: string;
  readonly counterpartyKind: string;
  readonly counterpartyName: string;
  readonly net: Minor;
}

/** The accounts the regime gives each source and channel. */
export interface DisclosureRoles {
  /** Cash donations, split by the donor's form. */
  readonly donations: string;
  readonly inKind: string;
  /** Money pooled from and passed to other fund levels. */
  readonly fromOtherLevels: string;
  readonly toOtherLevels: string;
  /** The roots of cash and of goods held. */
  readonly cash: string;
  readonly goods: string;
}

export type DisclosureSource = 'organisations' | 'individuals' | 'unclassified' | 'other-levels' | 'in-kind' | 'other';

export interface Disclosure {
  readonly from: string;
  readonly to: string;
  readonly received: {
    readonly total: Minor;
    readonly bySource: readonly { readonly source: DisclosureSource; readonly amount: Minor }[];
    readonly byChannel: readonly { readonly channel: 'cash' | 'bank' | 'goods' | 'other'; readonly bankAccount: string | null; readonly amount: Minor }[];
    readonly byDay: readonly { readonly date: string; readonly amount: Minor }[];
  };
  readonly used: {
    readonly total: Minor;
    readonly byPurpose: readonly { readonly account: string; readonly name: string; readonly amount: Minor }[];
    readonly toFunds: readonly { readonly fund: string; readonly amount: Minor }[];
    readonly households: { readonly count: number; readonly amount: Minor };
  };
  /** Mobilising and distribution costs charged to the campaign: zero unless the rules were bypassed. */
  readonly costs: Minor;
  readonly leftover: Minor;
}

const SOURCES: readonly DisclosureSource[] = ['organisations', 'individuals', 'unclassified', 'other-levels', 'in-kind', 'other'];

function under(chart: Chart, code: string, root: string): boolean {
  for (let c: string | null | undefined = code; c; c = chart.accounts.get(c)?.parent) if (c === root) return true;
  return false;
}

function add<K>(map: Map<K, Minor>, key: K, amount: Minor): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

export function disclosure(input: {
  readonly from: string;
  readonly to: string;
  readonly chart: Chart;
  readonly roles: DisclosureRoles;
  readonly lines: readonly DisclosureLineSums[];
  readonly payments: readonly DisclosurePaymentSums[];
  readonly channels: readonly DisclosureChannelSums[];
}): Disclosure {
  const { chart, roles } = input;
  const account = (code: string): Account | undefined => chart.accounts.get(code);
  const sources = new Map<DisclosureSource, Minor>();
  const channels = new Map<string, { channel: 'cash' | 'bank' | 'goods' | 'other'; bankAccount: string | null; amount: Minor }>();
  const days = new Map<string, Minor>();
  const purposes = new Map<string, Minor>();
  let costs = 0n;
  for (const line of input.lines) {
    const held = account(line.account);
    if (held?.flow === 'receipt') {
      const net = line.credit - line.debit;
      add(sources, sourceOf(chart, line, roles), net);
      add(days, line.date, net);
    } else if (held?.flow === 'expenditure') {
      add(purposes, line.account, line.debit - line.credit);
    }
    if (held?.campaignCost) costs += line.debit - line.credit;
  }
  for (const line of input.channels) {
    if (line.net === 0n) continue;
    const channel = line.bankAccount !== null ? 'bank' : under(chart, line.account, roles.cash) ? 'cash' : under(chart, line.account, roles.goods) ? 'goods' : 'other';
    const key = `${channel}\u0000${line.bankAccount ?? ''}`;
    const seen = channels.get(key);
    channels.set(key, { channel, bankAccount: line.bankAccount, amount: (seen?.amount ?? 0n) + line.net });
  }
  const received = [...sources.values()].reduce((a, b) => a + b, 0n);
  const used = [...purposes.values()].reduce((a, b) => a + b, 0n);
  const households = input.payments.filter((p) => p.counterpartyKind === 'beneficiary' && account(p.account)?.flow === 'expenditure' && p.net > 0n);
  const toFunds = new Map<string, Minor>();
  for (const p of input.payments) if (p.counterpartyKind === 'fund' && under(chart, p.account, roles.toOtherLevels)) add(toFunds, p.counterpartyName, p.net);
  return {
    from: input.from,
    to: input.to,
    received: {
      total: received,
      bySource: SOURCES.filter((s) => sources.has(s)).map((source) => ({ source, amount: sources.get(source) ?? 0n })),
      byChannel: [...channels.values()],
      byDay: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, amount]) => ({ date, amount })),
    },
    used: {
      total: used,
      byPurpose: [...purposes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, amount]) => ({ account: code, name: account(code)?.nameVi ?? code, amount })),
      toFunds: [...toFunds].map(([fund, amount]) => ({ fund, amount })),
      households: { count: households.length, amount: households.reduce((a, p) => a + p.net, 0n) },
    },
    costs,
    leftover: received - used,
  };
}

function sourceOf(chart: Chart, line: DisclosureLineSums, roles: DisclosureRoles): DisclosureSource {
  if (under(chart, line.account, roles.fromOtherLevels)) return 'other-levels';
  if (under(chart, line.account, roles.inKind)) return 'in-kind';
  if (!under(chart, line.account, roles.donations)) return 'other';
  if (line.counterpartyForm === 'organisation') return 'organisations';
  if (line.counterpartyForm === 'individual') return 'individuals';
  return 'unclassified';
}
