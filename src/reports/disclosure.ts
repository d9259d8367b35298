/**
 * A campaign's public disclosure (Decree 93/2021 art. 14.2) as a value: the calling
 * documents; the money received — by source (organisations, individuals, donors not
 * classified, other fund levels, in kind, other), by channel (cash, each bank or treasury
 * account, goods) and per day; its uses by purpose, what went to other funds and to
 * households; the costs charged to donations (none may be); and what is left. Receipts are
 * net credits on receipt accounts and uses net debits on expenditure accounts, so a cancelled
 * voucher counts for nothing. Money between funds of one consolidation (pooled up, allocated
 * down) is left out of it on both sides, so nothing counts twice. Pure: the sums come from SQL.
 */
import { isUnder, type Account, type Chart } from '../ledger/chart.js';
import type { Minor } from '../ledger/money.js';
import { publicLocality } from './redaction.js';

export interface DisclosureLineSums {
  readonly account: string;
  readonly date: string;
  readonly counterpartyKind: string | null;
  readonly counterpartyForm: string | null;
  /** The other fund's name, for a line with a fund as counterparty. */
  readonly fundName: string | null;
  readonly bankAccount: string | null;
  readonly debit: Minor;
  readonly credit: Minor;
}

/** What one household (a beneficiary) received, net, and the support level of the decision line it was paid on, if any. */
export interface DisclosureHouseholdSums {
  readonly name: string;
  readonly address: string;
  readonly level: string | null;
  readonly amount: Minor;
}

/** A household on public output: its name, its commune, its level; no ID, phone, account or street address. */
export interface DisclosedHousehold {
  readonly name: string;
  readonly locality: string;
  readonly level: string | null;
  readonly amount: Minor;
}

/** Goods of the campaign held at a unit: quantities in thousandths of it, and value in VND. */
export interface DisclosureGoodsSums {
  readonly unit: string;
  readonly quantityIn: Minor;
  readonly quantityOut: Minor;
  readonly valueIn: Minor;
  readonly valueOut: Minor;
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
  /** The households supported, by name and commune. */
  readonly households: readonly DisclosedHousehold[];
  /** Goods in kind by unit: quantities received, given out and still held (in the unit, thousandths as decimals), with their value. */
  readonly goods: readonly { readonly unit: string; readonly received: Minor; readonly issued: Minor; readonly held: Minor; readonly valueHeld: Minor }[];
  /** Mobilising and distribution costs charged to the campaign: zero unless the rules were bypassed. */
  readonly costs: Minor;
  readonly leftover: Minor;
}

const SOURCES: readonly DisclosureSource[] = ['organisations', 'individuals', 'unclassified', 'other-levels', 'in-kind', 'other'];

type Channel = Disclosure['received']['byChannel'][number];

/** What a disclosure adds up, before it is put in its order: the one shape a fund's figures and a consolidation's both take. */
interface Tallies {
  readonly from: string;
  readonly to: string;
  readonly sources: ReadonlyMap<DisclosureSource, Minor>;
  readonly channels: readonly Channel[];
  readonly days: ReadonlyMap<string, Minor>;
  readonly purposes: ReadonlyMap<string, Minor>;
  readonly purposeName: (account: string) => string;
  readonly toFunds: ReadonlyMap<string, Minor>;
  readonly householdsPaid: { readonly count: number; readonly amount: Minor };
  readonly households: Disclosure['households'];
  readonly goods: Disclosure['goods'];
  readonly costs: Minor;
}

const total = (values: Iterable<Minor>): Minor => [...values].reduce((a, b) => a + b, 0n);
const sorted = <V>(map: ReadonlyMap<string, V>): [string, V][] => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

/** The tallies as the disclosure shows them: sources in their order, days and purposes sorted, totals and what is left. */
function assemble(t: Tallies): Disclosure {
  const received = total(t.sources.values());
  const used = total(t.purposes.values());
  return {
    from: t.from,
    to: t.to,
    received: {
      total: received,
      bySource: SOURCES.filter((s) => t.sources.has(s)).map((source) => ({ source, amount: t.sources.get(source) ?? 0n })),
      byChannel: t.channels,
      byDay: sorted(t.days).map(([date, amount]) => ({ date, amount })),
    },
    used: {
      total: used,
      byPurpose: sorted(t.purposes).map(([account, amount]) => ({ account, name: t.purposeName(account), amount })),
      toFunds: [...t.toFunds].map(([fund, amount]) => ({ fund, amount })),
      households: t.householdsPaid,
    },
    households: t.households,
    goods: t.goods,
    costs: t.costs,
    leftover: received - used,
  };
}

/** Adds to the channel of its kind and bank account. */
function addChannel(channels: Map<string, Channel>, channel: Channel['channel'], bankAccount: string | null, amount: Minor): void {
  const key = `${channel}\u0000${bankAccount ?? ''}`;
  channels.set(key, { channel, bankAccount, amount: (channels.get(key)?.amount ?? 0n) + amount });
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
  readonly goods: readonly DisclosureGoodsSums[];
  readonly households: readonly DisclosureHouseholdSums[];
  /** The names of the other funds of a consolidation: money to and from them is left out. */
  readonly internalFunds?: ReadonlySet<string>;
  /** Where the money from those funds arrived, to take out of the channels. */
  readonly internalChannels?: readonly DisclosureChannelSums[];
}): Disclosure {
  const { chart, roles } = input;
  const internal = input.internalFunds ?? new Set<string>();
  const isInternal = (kind: string | null, name: string | null): boolean => kind === 'fund' && name !== null && internal.has(name);
  const account = (code: string): Account | undefined => chart.accounts.get(code);
  const sources = new Map<DisclosureSource, Minor>();
  const channels = new Map<string, Channel>();
  const days = new Map<string, Minor>();
  const purposes = new Map<string, Minor>();
  let costs = 0n;
  for (const line of input.lines) {
    if (isInternal(line.counterpartyKind, line.fundName) && (isUnder(chart, line.account, roles.fromOtherLevels) || isUnder(chart, line.account, roles.toOtherLevels))) continue;
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
  const internalChannel = new Map<string, Minor>();
  for (const line of input.internalChannels ?? []) add(internalChannel, `${line.account}\u0000${line.bankAccount ?? ''}`, line.net);
  for (const sums of input.channels) {
    const line = { ...sums, net: sums.net - (internalChannel.get(`${sums.account}\u0000${sums.bankAccount ?? ''}`) ?? 0n) };
    if (line.net === 0n) continue;
    const channel = line.bankAccount !== null ? 'bank' : isUnder(chart, line.account, roles.cash) ? 'cash' : isUnder(chart, line.account, roles.goods) ? 'goods' : 'other';
    addChannel(channels, channel, line.bankAccount, line.net);
  }
  // What arrived on no line the channels read is shown as another channel: they add up to what was received.
  const unplaced = total(sources.values()) - total([...channels.values()].map((c) => c.amount));
  if (unplaced !== 0n) addChannel(channels, 'other', null, unplaced);
  const households = input.households.filter((h) => h.amount !== 0n).map((h) => ({ name: h.name, locality: publicLocality(h.address), level: h.level, amount: h.amount }));
  const toFunds = new Map<string, Minor>();
  for (const p of input.payments) if (p.counterpartyKind === 'fund' && !internal.has(p.counterpartyName) && isUnder(chart, p.account, roles.toOtherLevels)) add(toFunds, p.counterpartyName, p.net);
  return assemble({
    from: input.from, to: input.to, sources, channels: [...channels.values()], days, purposes,
    purposeName: (code) => account(code)?.nameVi ?? code,
    toFunds,
    householdsPaid: { count: households.length, amount: total(households.map((h) => h.amount)) },
    households,
    goods: input.goods.map((g) => ({ unit: g.unit, received: g.quantityIn, issued: g.quantityOut, held: g.quantityIn - g.quantityOut, valueHeld: g.valueIn - g.valueOut })),
    costs,
  });
}

function sourceOf(chart: Chart, line: DisclosureLineSums, roles: DisclosureRoles): DisclosureSource {
  if (isUnder(chart, line.account, roles.fromOtherLevels)) return 'other-levels';
  if (isUnder(chart, line.account, roles.inKind)) return 'in-kind';
  if (!isUnder(chart, line.account, roles.donations)) return 'other';
  if (line.counterpartyForm === 'organisation') return 'organisations';
  if (line.counterpartyForm === 'individual') return 'individuals';
  return 'unclassified';
}

/** The disclosures of the funds of one consolidation, each already without the money between them, as one. */
export function combineDisclosures(parts: readonly Disclosure[]): Disclosure {
  const [first] = parts;
  if (!first) throw new Error('a consolidation covers at least one fund');
  const summed = <K extends string>(rows: readonly { key: K; amount: Minor }[]): Map<K, Minor> => {
    const map = new Map<K, Minor>();
    for (const r of rows) add(map, r.key, r.amount);
    return map;
  };
  const sources = summed(parts.flatMap((p) => p.received.bySource.map((s) => ({ key: s.source, amount: s.amount }))));
  const channels = new Map<string, Channel>();
  for (const c of parts.flatMap((p) => p.received.byChannel)) addChannel(channels, c.channel, c.bankAccount, c.amount);
  const days = summed(parts.flatMap((p) => p.received.byDay.map((d) => ({ key: d.date, amount: d.amount }))));
  const names = new Map(parts.flatMap((p) => p.used.byPurpose.map((u) => [u.account, u.name] as const)));
  const purposes = summed(parts.flatMap((p) => p.used.byPurpose.map((u) => ({ key: u.account, amount: u.amount }))));
  const toFunds = summed(parts.flatMap((p) => p.used.toFunds.map((f) => ({ key: f.fund, amount: f.amount }))));
  const goods = new Map<string, { unit: string; received: Minor; issued: Minor; held: Minor; valueHeld: Minor }>();
  for (const g of parts.flatMap((p) => p.goods)) {
    const seen = goods.get(g.unit) ?? { unit: g.unit, received: 0n, issued: 0n, held: 0n, valueHeld: 0n };
    goods.set(g.unit, { unit: g.unit, received: seen.received + g.received, issued: seen.issued + g.issued, held: seen.held + g.held, valueHeld: seen.valueHeld + g.valueHeld });
  }
  return assemble({
    from: first.from, to: first.to, sources, channels: [...channels.values()].filter((c) => c.amount !== 0n), days, purposes,
    purposeName: (account) => names.get(account) ?? account,
    toFunds,
    householdsPaid: { count: parts.reduce((a, p) => a + p.used.households.count, 0), amount: total(parts.map((p) => p.used.households.amount)) },
    households: parts.flatMap((p) => p.households),
    goods: [...goods.values()],
    costs: total(parts.map((p) => p.costs)),
  });
}
