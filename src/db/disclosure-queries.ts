/**
 * The sums a campaign's disclosure is made of, done by SQLite over the campaign's lines in a
 * date range: per account, day, counterparty kind and form, and bank account; and per
 * counterparty of its payments. Only entries up to a point of the fund's chain count, so a
 * published disclosure can be derived again as it stood: entries are numbered in the order
 * they were posted, so "up to sequence s" is "up to the id of entry s", read off the lines
 * themselves. Amounts are INTEGER đồng and come back as bigint.
 */

/** The lines of a campaign in a date range, from entries up to the entry id `lastEntry`. */
export interface CampaignQuery {
  readonly entity: number;
  readonly campaign: number;
  readonly from: string;
  readonly to: string;
  readonly lastEntry: number;
}
import type Database from 'better-sqlite3';

export interface CampaignLineSums {
  readonly accountId: number;
  readonly date: string;
  readonly counterpartyKind: string | null;
  readonly counterpartyForm: string | null;
  readonly bankAccount: string | null;
  readonly debit: bigint;
  readonly credit: bigint;
}

export interface CampaignPaymentSums {
  readonly accountId: number;
  readonly counterpartyKind: string;
  readonly counterpartyName: string;
  readonly net: bigint;
}

export function campaignLineSums(sqlite: Database.Database, query: CampaignQuery): CampaignLineSums[] {
  const rows = sqlite
    .prepare(
      `SELECT l.account_id AS accountId, l.date AS date, c.kind AS counterpartyKind, c.form AS counterpartyForm, b.number AS bankAccount,
              SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS debit, SUM(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) AS credit
       FROM entry_lines l
       LEFT JOIN counterparties c ON c.id = l.counterparty_id
       LEFT JOIN bank_accounts b ON b.id = l.bank_account_id
       WHERE l.entity_id = @entity AND l.campaign_id = @campaign AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
       GROUP BY l.account_id, l.date, c.kind, c.form, b.number
       ORDER BY l.date`,
    )
    .safeIntegers(true)
    .all(query) as (Omit<CampaignLineSums, 'accountId'> & { accountId: bigint })[];
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId) }));
}

/** Net debits of the campaign's lines on the given (expenditure) accounts, per account and named counterparty: funds, households, suppliers. */
export function campaignPaymentSums(sqlite: Database.Database, query: CampaignQuery & { readonly accounts: readonly number[] }): CampaignPaymentSums[] {
  const rows = sqlite
    .prepare(
      `SELECT l.account_id AS accountId, c.kind AS counterpartyKind, c.name AS counterpartyName, SUM(l.amount) AS net
       FROM entry_lines l JOIN counterparties c ON c.id = l.counterparty_id
       WHERE l.entity_id = @entity AND l.campaign_id = @campaign AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
         AND l.account_id IN (SELECT value FROM json_each(@accounts))
       GROUP BY l.account_id, c.id
       ORDER BY c.name`,
    )
    .safeIntegers(true)
    .all({ ...query, accounts: JSON.stringify(query.accounts) }) as (Omit<CampaignPaymentSums, 'accountId'> & { accountId: bigint })[];
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId) }));
}

export interface CampaignChannelSums {
  readonly accountId: number;
  readonly bankAccount: string | null;
  /** Debits less credits: what came in through the account. */
  readonly net: bigint;
}

/**
 * Where the campaign's receipts arrived: the other lines (cash, bank, goods) of every entry
 * that books a receipt of the campaign, net, so a cancelled receipt counts for nothing.
 */
export function campaignReceiptChannels(
  sqlite: Database.Database,
  query: CampaignQuery & { readonly receiptAccounts: readonly number[] },
): CampaignChannelSums[] {
  const rows = sqlite
    .prepare(
      `SELECT l.account_id AS accountId, b.number AS bankAccount, SUM(l.amount) AS net
       FROM entry_lines l LEFT JOIN bank_accounts b ON b.id = l.bank_account_id
       WHERE l.entity_id = @entity
         AND l.account_id NOT IN (SELECT value FROM json_each(@receiptAccounts))
         AND l.entry_id IN (SELECT r.entry_id FROM entry_lines r
                            WHERE r.entity_id = @entity AND r.campaign_id = @campaign AND r.date BETWEEN @from AND @to AND r.entry_id <= @lastEntry
                              AND r.account_id IN (SELECT value FROM json_each(@receiptAccounts)))
       GROUP BY l.account_id, b.number
       ORDER BY b.number`,
    )
    .safeIntegers(true)
    .all({ ...query, receiptAccounts: JSON.stringify(query.receiptAccounts) }) as { accountId: bigint; bankAccount: string | null; net: bigint }[];
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId) }));
}
