/**
 * A posting session appends entries to one fund inside a transaction. For each entry the
 * ledger checks what needs nothing of the books and names the balances its guards will
 * read; the session fetches them, the ledger's guards decide on them, then the session resolves dimensions to stored ids, seals the entry into
 * the fund's hash chain and writes it. A running tally per guarded account spares a bulk
 * load of dated entries a query per entry.
 */
import { counterpartyId } from '../db/dimensions-repo.js';
import { BalanceQueries } from '../db/balances-repo.js';
import type { Actor } from '../db/audit-repo.js';
import { EntryWriter, type EntryRecord } from '../db/entries-repo.js';
import type { Store } from '../db/store.js';
import { firstDayOfYear, lastDayOfYear } from '../ledger/calendar.js';
import type { CounterpartyRef, Entry, EntryInput, EntryKind, Line } from '../ledger/entry.js';
import { chainHash } from '../ledger/hash-chain.js';
import type { Minor } from '../ledger/money.js';
import { allocationKey } from '../ledger/allocation.js';
import { checkEntry, designationKey, entryTotals, guardEntry, holdingKey, type BalanceNeeds, type Balances, type FundTotals, type PostingContext } from '../ledger/post-entry.js';
import { accept, type Result } from '../ledger/rejections.js';
import type { Fund } from './fund.js';

export interface PostedRef {
  readonly id: number;
  readonly seq: number;
  readonly date: string;
  readonly hash: string;
}

export interface PostOptions {
  readonly kind?: EntryKind;
  readonly reversesId?: number;
  readonly ignoreLocks?: boolean;
}

export interface SessionOptions {
  readonly actor: Actor;
  /** The system time stamped on each entry; ISO 8601. */
  readonly clock?: () => string;
}

export class PostingSession {
  private readonly writer: EntryWriter;
  private readonly queries: BalanceQueries;
  private readonly tallies = new Map<string, { lastDate: string; balance: Minor }>();
  private readonly counterparties = new Map<string, number>();
  private head: { seq: number; hash: string };
  private totals: FundTotals;
  private readonly clock: () => string;
  readonly context: Omit<PostingContext, 'balances'>;

  constructor(
    private readonly store: Store,
    private readonly fund: Fund,
    private readonly options: SessionOptions,
  ) {
    this.writer = new EntryWriter(store.sqlite, fund.entity.id);
    this.queries = new BalanceQueries(store.sqlite);
    this.head = { seq: fund.entity.chainSeq, hash: fund.entity.chainHash };
    this.totals = { debits: BigInt(fund.entity.debitTotal), quantities: BigInt(fund.entity.quantityTotal) };
    this.clock = options.clock ?? systemClock();
    this.context = {
      chart: fund.chart,
      calendar: fund.calendar,
      policy: {
        managementCostsAllowed: fund.entity.managementCostsAllowed,
        managementCostCap: fund.entity.managementCostCap === null ? null : BigInt(fund.entity.managementCostCap),
      },
      campaigns: fund.campaigns,
      bankAccounts: fund.accountCampaigns,
      allocations: fund.allocations,
    };
  }

  post(input: EntryInput, options: PostOptions = {}): Result<PostedRef> {
    const checked = checkEntry(input, this.context, {
      ...(options.kind && { kind: options.kind }),
      ...(options.ignoreLocks && { ignoreLocks: options.ignoreLocks }),
    });
    if (!checked.ok) return checked;
    const decided = guardEntry(checked.value, this.context, this.prefetch(checked.value.needs));
    if (!decided.ok) return decided;
    return accept(this.seal(decided.value, options.reversesId ?? null));
  }

  /** Writes what is still gathered in memory; call before the transaction ends. */
  finish(): void {
    this.writer.flush();
  }

  private seal(entry: Entry, reversesId: number | null): PostedRef {
    const record: EntryRecord = {
      entityId: this.fund.entity.id,
      seq: this.head.seq + 1,
      kind: entry.kind,
      date: entry.date,
      description: entry.description,
      reversesId,
      recordedAt: this.clock(),
      recordedBy: this.options.actor.name,
      lines: entry.lines.map((line) => ({
        lineNo: line.lineNo,
        account: line.account,
        accountId: this.accountId(line.account),
        amount: line.amount,
        counterpartyId: line.counterparty ? this.counterpartyId(line.counterparty) : null,
        campaignId: line.campaign === undefined ? null : (this.fund.campaignIds.get(line.campaign) ?? null),
        designation: line.designation ?? null,
        bankAccountId: line.bankAccount === undefined ? null : (this.fund.bankAccountIds.get(line.bankAccount) ?? null),
        externalRef: line.externalRef ?? null,
        currency: line.currency,
        originalAmount: line.originalAmount,
        rate: line.rate,
        quantity: line.quantity,
        unit: line.unit,
        allocationLineId: line.allocation === undefined ? null : (this.fund.allocationLineIds.get(allocationKey(line.allocation)) ?? null),
      })),
      memos: entry.memos.map((memo) => ({ ...memo, accountId: this.accountId(memo.account) })),
    };
    const hash = chainHash(this.head.hash, record);
    const added = entryTotals(entry.lines, entry.memos);
    const id = this.writer.insert(record, hash, added);
    this.head = { seq: record.seq, hash };
    this.totals = { debits: this.totals.debits + added.debits, quantities: this.totals.quantities + added.quantities };
    for (const line of entry.lines) this.tally(line, entry.date);
    return { id, seq: record.seq, date: entry.date, hash };
  }

  private accountId(code: string): number {
    const id = this.fund.accountIds.get(code);
    if (id === undefined) throw new Error(`account ${code} passed the rules but has no stored id`);
    return id;
  }

  private counterpartyId(ref: CounterpartyRef): number {
    const key = `${ref.kind}\u0000${ref.name}\u0000${ref.address ?? ''}\u0000${ref.form ?? ''}`;
    let id = this.counterparties.get(key);
    if (id === undefined) {
      id = counterpartyId(this.store.db, this.fund.entity.id, ref);
      this.counterparties.set(key, id);
    }
    return id;
  }

  private tally(line: Line, date: string): void {
    const tally = this.tallies.get(line.account);
    if (!tally) return;
    tally.balance += line.amount;
    if (date > tally.lastDate) tally.lastDate = date;
  }

  /** Reads what the entry's guards need, before the decision: from the running tallies where they answer, else from the books. */
  private prefetch(needs: BalanceNeeds): Balances {
    const entity = this.fund.entity.id;
    const lowest = new Map<string, Minor>();
    for (const account of needs.accounts) {
      const tally = this.tallyOf(account);
      if (needs.date >= tally.lastDate) {
        lowest.set(account, tally.balance);
        continue;
      }
      this.writer.flush();
      lowest.set(account, this.queries.lowestBalanceFrom(entity, this.accountId(account), needs.date));
    }
    const lowestHoldings = new Map<string, Minor>();
    for (const holding of needs.holdings) {
      this.writer.flush();
      const held = this.queries.lowestHoldingFrom(entity, { accountId: this.accountId(holding.account), unit: holding.unit, item: holding.item }, needs.date);
      lowestHoldings.set(holdingKey(holding), held);
    }
    const designationsHeld = new Map<string, Minor>();
    for (const designation of needs.designations) {
      this.writer.flush();
      const campaign = this.fund.campaignIds.get(designation.campaign) as number;
      designationsHeld.set(designationKey(designation), this.queries.designationHeld(entity, campaign, designation.designation, this.flowAccountIds()));
    }
    const allocationsPaid = new Map<string, Minor>();
    for (const ref of needs.allocations) {
      this.writer.flush();
      const key = allocationKey(ref);
      allocationsPaid.set(key, this.queries.allocationPaid(this.fund.allocationLineIds.get(key) as number));
    }
    return { lowest, lowestHoldings, managementCostInYear: this.managementCostIn(needs.managementCostYear), fundTotals: this.totals, designationsHeld, allocationsPaid };
  }

  /** The stored ids of the receipt and expenditure accounts, whose lines a designation's holding sums. */
  private flowAccountIds(): number[] {
    return [...this.fund.chart.accounts.values()].filter((a) => a.flow !== null).map((a) => this.accountId(a.code));
  }

  private managementCostIn(year: number | null): Minor {
    if (year === null) return 0n;
    this.writer.flush();
    const ids = [...this.fund.chart.accounts.values()].filter((a) => a.managementCost).map((a) => this.accountId(a.code));
    return this.queries.netDebits(this.fund.entity.id, ids, firstDayOfYear(year), lastDayOfYear(year));
  }

  /** The account's balance after its last posted day, loaded once and then kept running. */
  private tallyOf(account: string): { lastDate: string; balance: Minor } {
    let tally = this.tallies.get(account);
    if (!tally) {
      this.writer.flush();
      tally = this.queries.latest(this.fund.entity.id, this.accountId(account));
      this.tallies.set(account, tally);
    }
    return tally;
  }
}

/** The system time in ISO 8601, formatted once per millisecond: a bulk load stamps many entries in each. */
function systemClock(): () => string {
  let last = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== last) {
      last = now;
      text = new Date(now).toISOString();
    }
    return text;
  };
}
