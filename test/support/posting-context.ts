/** A posting context for pure ledger tests: the default chart, 2024 open, balances from a map. */
import type { Calendar } from '../../src/ledger/calendar.js';
import { allocationKey, type AllocationTerms } from '../../src/ledger/allocation.js';
import type { CampaignTerms } from '../../src/ledger/campaign.js';
import { buildChart, type ChartRow } from '../../src/ledger/chart.js';
import type { EntryInput, LineInput } from '../../src/ledger/entry.js';
import type { FundTotals, PostingContext } from '../../src/ledger/post-entry.js';
import { REGIMES } from '../../src/regimes/regimes.js';

export const REGIME = REGIMES.get('TT103/2018')!;

export interface ContextOptions {
  readonly extraAccounts?: readonly ChartRow[];
  readonly inactive?: readonly string[];
  readonly calendar?: Partial<Calendar>;
  readonly managementCostsAllowed?: boolean;
  readonly managementCostCap?: bigint | null;
  readonly managementCostInYear?: bigint;
  /** Lowest balance ahead of any date, per account; 0 when absent. */
  readonly balances?: Readonly<Record<string, bigint>>;
  readonly holdings?: Readonly<Record<string, bigint>>;
  /** What the fund has posted over its life; nothing when absent. */
  readonly fundTotals?: FundTotals;
  /** What each campaign's designation holds, keyed 'CAMPAIGN designation'; 0 when absent. */
  readonly designations?: Readonly<Record<string, bigint>>;
  /** Campaigns beside TCD2024, an open-ended drive launched on 1 January 2024. */
  readonly campaigns?: readonly CampaignTerms[];
  /** Bank account numbers beside 0071000123456, each with the campaign it is dedicated to. */
  readonly bankAccounts?: Readonly<Record<string, string | null>>;
  /** Allocation decision lines payments may cite. */
  readonly allocations?: readonly AllocationTerms[];
  /** What has been paid on each allocation line, keyed 'DECISION line'; 0 when absent. */
  readonly allocationsPaid?: Readonly<Record<string, bigint>>;
}

/** An open-ended campaign launched on 1 January 2024, the shape every test campaign starts from. */
export const DRIVE: CampaignTerms = { code: 'TCD2024', legalBasis: 'QD1198/2016', launchedOn: '2024-01-01', receivingEndsOn: null, distributionEndsOn: null, acceptsDesignated: true, accounts: [] };

export function postingContext(options: ContextOptions = {}): PostingContext {
  const rows = [...REGIME.chart, ...(options.extraAccounts ?? [])].map((r) => ({ ...r, active: !(options.inactive ?? []).includes(r.code) }));
  return {
    chart: buildChart(rows, REGIME),
    calendar: {
      years: options.calendar?.years ?? new Map([[2024, 'open' as const], [2023, 'closed' as const]]),
      lockedMonths: options.calendar?.lockedMonths ?? new Set(['2024-01']),
    },
    policy: { managementCostsAllowed: options.managementCostsAllowed ?? false, managementCostCap: options.managementCostCap ?? null },
    campaigns: new Map([DRIVE, ...(options.campaigns ?? [])].map((c) => [c.code, c])),
    bankAccounts: new Map([['0071000123456', null], ...Object.entries(options.bankAccounts ?? {})]),
    allocations: new Map((options.allocations ?? []).map((a) => [allocationKey(a.ref), a])),
    balances: {
      lowest: new Lookup((account) => options.balances?.[account] ?? 0n),
      lowestHoldings: new Lookup((key) => options.holdings?.[key.split('\u0000').filter(Boolean).join(' ')] ?? 0n),
      managementCostInYear: options.managementCostInYear ?? 0n,
      designationsHeld: new Lookup((key) => options.designations?.[key.split('\u0000').join(' ')] ?? 0n),
      allocationsPaid: new Lookup((key) => options.allocationsPaid?.[key.split('\u0000').join(' ')] ?? 0n),
      fundTotals: options.fundTotals ?? { debits: 0n, quantities: 0n },
    },
  };
}

/** A map that answers every key from the test's figures, as if every balance had been fetched. */
class Lookup extends Map<string, bigint> {
  constructor(private readonly figure: (key: string) => bigint) {
    super();
  }

  override get(key: string): bigint {
    return this.figure(key);
  }
}

/** An entry dated in the open, unlocked March 2024 of the test context. */
export const entry = (lines: LineInput[], overrides: Partial<EntryInput> = {}): EntryInput => ({
  date: '2024-03-05',
  description: 'Ủng hộ Quỹ',
  lines,
  ...overrides,
});
