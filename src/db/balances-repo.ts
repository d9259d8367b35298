/**
 * Balances from the day totals: the lowest balance ahead of a date (for the never-below-
 * zero rule), balances as of a date and the per-account sums of a trial balance. All sums
 * are done by SQLite over INTEGER columns and come back as bigint.
 */
import type Database from 'better-sqlite3';

export interface AccountSums {
  readonly accountId: number;
  /** Balance before the range, debit positive. */
  readonly opening: bigint;
  readonly debit: bigint;
  readonly credit: bigint;
}

export interface HoldingSums {
  readonly accountId: number;
  readonly unit: string;
  readonly item: string | null;
  readonly opening: bigint;
  readonly in: bigint;
  readonly out: bigint;
}

export class BalanceQueries {
  private readonly last: Database.Statement;
  private readonly lowest: Database.Statement;
  private readonly lowestHolding: Database.Statement;
  private readonly netInRange: Database.Statement;
  private readonly sums: Database.Statement;
  private readonly holdings: Database.Statement;
  private readonly designated: Database.Statement;
  private readonly allocated: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.last = sqlite
      .prepare(
        `SELECT COALESCE(MAX(date), '') AS lastDate, COALESCE(SUM(debit - credit), 0) AS balance FROM account_days
         WHERE entity_id = @entity AND account_id = @account`,
      )
      .safeIntegers(true);
    this.lowest = sqlite
      .prepare(
        `WITH base AS (SELECT COALESCE(SUM(debit - credit), 0) AS b FROM account_days
                       WHERE entity_id = @entity AND account_id = @account AND date <= @date),
              later AS (SELECT date, debit - credit AS s FROM account_days
                        WHERE entity_id = @entity AND account_id = @account AND date > @date)
         SELECT MIN(v) AS lowest FROM (SELECT b AS v FROM base
                                        UNION ALL SELECT (SELECT b FROM base) + SUM(s) OVER (ORDER BY date) FROM later)`,
      )
      .safeIntegers(true);
    this.lowestHolding = sqlite
      .prepare(
        `WITH days AS (SELECT date, SUM(quantity) AS s FROM entry_memos
                       WHERE entity_id = @entity AND account_id = @account AND unit = @unit AND item IS @item GROUP BY date),
              base AS (SELECT COALESCE(SUM(s), 0) AS b FROM days WHERE date <= @date)
         SELECT MIN(v) AS lowest FROM (SELECT b AS v FROM base
                                        UNION ALL SELECT (SELECT b FROM base) + SUM(s) OVER (ORDER BY date) FROM days WHERE date > @date)`,
      )
      .safeIntegers(true);
    this.netInRange = sqlite
      .prepare(
        `SELECT COALESCE(SUM(debit - credit), 0) AS net FROM account_days
         WHERE entity_id = @entity AND account_id IN (SELECT value FROM json_each(@accounts)) AND date BETWEEN @from AND @to`,
      )
      .safeIntegers(true);
    this.sums = sqlite
      .prepare(
        `SELECT account_id AS accountId,
                SUM(CASE WHEN date < @from THEN debit - credit ELSE 0 END) AS opening,
                SUM(CASE WHEN date >= @from THEN debit ELSE 0 END) AS debit,
                SUM(CASE WHEN date >= @from THEN credit ELSE 0 END) AS credit
         FROM account_days WHERE entity_id = @entity AND date <= @to GROUP BY account_id`,
      )
      .safeIntegers(true);
    // A designation's lines are few; SQLite would otherwise take the disclosure index, on
    // campaign and account, and read every line of the campaign's flow accounts.
    this.designated = sqlite
      .prepare(
        `SELECT COALESCE(-SUM(amount), 0) AS held FROM entry_lines INDEXED BY entry_lines_designation
         WHERE entity_id = @entity AND designation = @designation AND campaign_id = @campaign
           AND account_id IN (SELECT value FROM json_each(@accounts))`,
      )
      .safeIntegers(true);
    this.allocated = sqlite.prepare('SELECT COALESCE(SUM(amount), 0) AS paid FROM entry_lines WHERE allocation_line_id = ?').safeIntegers(true);
    this.holdings = sqlite
      .prepare(
        `SELECT account_id AS accountId, unit, item,
                SUM(CASE WHEN date < @from THEN quantity ELSE 0 END) AS opening,
                SUM(CASE WHEN date >= @from AND quantity > 0 THEN quantity ELSE 0 END) AS "in",
                SUM(CASE WHEN date >= @from AND quantity < 0 THEN -quantity ELSE 0 END) AS "out"
         FROM entry_memos WHERE entity_id = @entity AND date <= @to GROUP BY account_id, unit, item`,
      )
      .safeIntegers(true);
  }

  /** The account's last posted day ('' when none) and its balance after it. */
  latest(entity: number, account: number): { lastDate: string; balance: bigint } {
    return this.last.get({ entity, account }) as { lastDate: string; balance: bigint };
  }

  lowestBalanceFrom(entity: number, account: number, date: string): bigint {
    return (this.lowest.get({ entity, account, date }) as { lowest: bigint }).lowest;
  }

  lowestHoldingFrom(entity: number, holding: { accountId: number; unit: string; item: string | null }, date: string): bigint {
    const { accountId: account, unit, item } = holding;
    return (this.lowestHolding.get({ entity, account, unit, item, date }) as { lowest: bigint }).lowest;
  }

  /** What has been paid on an allocation decision line: the net debits of every posted line citing it. */
  allocationPaid(allocationLineId: number): bigint {
    return (this.allocated.get(allocationLineId) as { paid: bigint }).paid;
  }

  /** What a campaign's designation holds: credits less debits on the given accounts (its receipts and expenditures), over every posted line. */
  designationHeld(entity: number, campaign: number, designation: string, accounts: readonly number[]): bigint {
    return (this.designated.get({ entity, campaign, designation, accounts: JSON.stringify(accounts) }) as { held: bigint }).held;
  }

  /** Net debits of the accounts over an inclusive date range. */
  netDebits(entity: number, accounts: readonly number[], from: string, to: string): bigint {
    return (this.netInRange.get({ entity, accounts: JSON.stringify(accounts), from, to }) as { net: bigint }).net;
  }

  /** Per-account opening balance before `from` and debit and credit totals up to `to`. */
  accountSums(entity: number, from: string, to: string): AccountSums[] {
    return (this.sums.all({ entity, from, to }) as Record<string, bigint>[]).map((r) => ({
      accountId: Number(r.accountId),
      opening: r.opening ?? 0n,
      debit: r.debit ?? 0n,
      credit: r.credit ?? 0n,
    }));
  }

  /** Per-account and unit off-balance holdings before `from`, and quantities in and out up to `to`. */
  holdingSums(entity: number, from: string, to: string): HoldingSums[] {
    return (this.holdings.all({ entity, from, to }) as Record<string, unknown>[]).map((r) => ({
      accountId: Number(r.accountId),
      unit: String(r.unit),
      item: (r.item as string | null) ?? null,
      opening: (r.opening as bigint) ?? 0n,
      in: (r.in as bigint) ?? 0n,
      out: (r.out as bigint) ?? 0n,
    }));
  }
}
