/**
 * The sums a disclosure is made of, done by SQLite over a campaign's lines (or a fund's) in a
 * date range: per account, day, counterparty kind and form, and bank account; and per
 * counterparty of its payments. Only entries up to a point of the fund's chain count, so a
 * published disclosure can be derived again as it stood: entries are numbered in the order
 * they were posted, so "up to sequence s" is "up to the id of entry s", read off the lines
 * themselves. Amounts are INTEGER đồng and come back as bigint.
 */

/**
 * The lines of a campaign — or, with `campaign` null, every line of the fund but those of
 * its opening and closing entries — in a date range, from entries up to the entry id `lastEntry`.
 */
export interface CampaignQuery {
  readonly entity: number;
  readonly campaign: number | null;
  readonly from: string;
  readonly to: string;
  readonly lastEntry: number;
}

/** The condition on the lines aliased `alias` that keeps the query's scope: the campaign's, or the fund's own period. */
/** A campaign's lines are read off the disclosure index alone; a fund's period off the others. */
const byScope = (query: CampaignQuery): string => (query.campaign === null ? '' : 'INDEXED BY entry_lines_disclosure');

function scope(query: CampaignQuery, alias: string): string {
  return query.campaign === null
    ? `${alias}.entry_id NOT IN (SELECT id FROM entries WHERE entity_id = @entity AND kind IN ('opening', 'closing'))`
    : `${alias}.campaign_id = @campaign`;
}
import type Database from 'better-sqlite3';

export interface CampaignLineSums {
  readonly accountId: number;
  readonly date: string;
  readonly counterpartyKind: string | null;
  readonly counterpartyForm: string | null;
  readonly fundName: string | null;
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
  // Summed first by the line's own columns, in the order of the disclosure index, so SQLite
  // adds them up as it reads them; only those sums (a row per donor and day at most, not
  // per line) meet the counterparty and bank account they are then grouped by.
  const rows = sqlite
    .prepare(
      `SELECT s.account_id AS accountId, s.date AS date, c.kind AS counterpartyKind, c.form AS counterpartyForm,
              CASE WHEN c.kind = 'fund' THEN c.name END AS fundName, b.number AS bankAccount, SUM(s.debit) AS debit, SUM(s.credit) AS credit
       FROM (SELECT l.account_id, l.date, l.bank_account_id, l.counterparty_id,
                    SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END) AS debit, SUM(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END) AS credit
             FROM entry_lines l ${byScope(query)}
             WHERE l.entity_id = @entity AND ${scope(query, 'l')} AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
             GROUP BY l.account_id, l.date, l.bank_account_id, l.counterparty_id) s
       LEFT JOIN counterparties c ON c.id = s.counterparty_id
       LEFT JOIN bank_accounts b ON b.id = s.bank_account_id
       GROUP BY s.account_id, s.date, c.kind, c.form, fundName, b.number
       ORDER BY s.date`,
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
       FROM entry_lines l ${byScope(query)} JOIN counterparties c ON c.id = l.counterparty_id
       WHERE l.entity_id = @entity AND ${scope(query, 'l')} AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
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
 * Where the receipts arrived, net, so a cancelled receipt counts for nothing. A campaign's:
 * its own lines (cash, bank, goods: every line of a campaign voucher carries the campaign,
 * and a dedicated account's must) in the entries that book one of its receipts, read off
 * the disclosure index alone. A fund's own period: the other lines of every entry that books
 * a receipt, through the entry's own index. What arrived on no such line, the report shows
 * as another channel, so the channels always add up to what was received.
 */
export function campaignReceiptChannels(
  sqlite: Database.Database,
  query: CampaignQuery & { readonly receiptAccounts: readonly number[] },
): CampaignChannelSums[] {
  const receiptEntries = `SELECT r.entry_id FROM entry_lines r ${byScope(query)}
                     WHERE r.entity_id = @entity AND ${scope(query, 'r')} AND r.date BETWEEN @from AND @to AND r.entry_id <= @lastEntry
                       AND r.account_id IN (SELECT value FROM json_each(@receiptAccounts))`;
  const lines = query.campaign === null
    ? `SELECT l.account_id, l.bank_account_id, SUM(l.amount) AS net
       FROM (SELECT DISTINCT entry_id FROM (${receiptEntries})) e
       CROSS JOIN entry_lines l ON l.entry_id = e.entry_id
       WHERE l.entity_id = @entity AND l.account_id NOT IN (SELECT value FROM json_each(@receiptAccounts))
       GROUP BY l.account_id, l.bank_account_id`
    : `SELECT l.account_id, l.bank_account_id, SUM(l.amount) AS net
       FROM entry_lines l INDEXED BY entry_lines_disclosure
       WHERE l.entity_id = @entity AND l.campaign_id = @campaign AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
         AND l.account_id NOT IN (SELECT value FROM json_each(@receiptAccounts)) AND l.entry_id IN (${receiptEntries})
       GROUP BY l.account_id, l.bank_account_id`;
  const rows = sqlite
    .prepare(
      `SELECT g.account_id AS accountId, b.number AS bankAccount, SUM(g.net) AS net
       FROM (${lines}) g LEFT JOIN bank_accounts b ON b.id = g.bank_account_id
       GROUP BY g.account_id, b.number
       ORDER BY b.number`,
    )
    .safeIntegers(true)
    .all({ ...query, receiptAccounts: JSON.stringify(query.receiptAccounts) }) as { accountId: bigint; bankAccount: string | null; net: bigint }[];
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId) }));
}

/**
 * Where money from the named funds (pooled up or allocated down within a consolidation)
 * arrived: the lines, read as `campaignReceiptChannels` reads them, of the receipt entries
 * whose receipt line has one of them as counterparty.
 */
export function campaignChannelsFromFunds(
  sqlite: Database.Database,
  query: CampaignQuery & { readonly receiptAccounts: readonly number[]; readonly funds: readonly string[] },
): CampaignChannelSums[] {
  if (query.funds.length === 0) return [];
  const rows = sqlite
    .prepare(
      `SELECT l.account_id AS accountId, b.number AS bankAccount, SUM(l.amount) AS net
       FROM entry_lines r
       JOIN counterparties c ON c.id = r.counterparty_id AND c.kind = 'fund' AND c.name IN (SELECT value FROM json_each(@funds))
       JOIN entry_lines l ON l.entry_id = r.entry_id AND l.account_id NOT IN (SELECT value FROM json_each(@receiptAccounts)) AND ${scope(query, 'l')}
       LEFT JOIN bank_accounts b ON b.id = l.bank_account_id
       WHERE r.entity_id = @entity AND ${scope(query, 'r')} AND r.date BETWEEN @from AND @to AND r.entry_id <= @lastEntry
         AND r.account_id IN (SELECT value FROM json_each(@receiptAccounts))
       GROUP BY l.account_id, b.number`,
    )
    .safeIntegers(true)
    .all({ ...query, receiptAccounts: JSON.stringify(query.receiptAccounts), funds: JSON.stringify(query.funds) }) as { accountId: bigint; bankAccount: string | null; net: bigint }[];
  return rows.map((r) => ({ ...r, accountId: Number(r.accountId) }));
}

export interface CampaignHouseholdSums {
  readonly name: string;
  readonly address: string;
  readonly level: string | null;
  readonly amount: bigint;
}

/** What each beneficiary received net on the given (expenditure) accounts, with the support level of the decision line it was paid on. */
export function campaignHouseholdSums(sqlite: Database.Database, query: CampaignQuery & { readonly accounts: readonly number[] }): CampaignHouseholdSums[] {
  return sqlite
    .prepare(
      `SELECT c.name AS name, c.address AS address, MIN(s.code) AS level, SUM(l.amount) AS amount
       FROM entry_lines l ${byScope(query)}
       JOIN counterparties c ON c.id = l.counterparty_id AND c.kind = 'beneficiary'
       LEFT JOIN allocation_lines a ON a.id = l.allocation_line_id
       LEFT JOIN campaign_support_levels s ON s.id = a.level_id
       WHERE l.entity_id = @entity AND ${scope(query, 'l')} AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
         AND l.account_id IN (SELECT value FROM json_each(@accounts))
       GROUP BY c.id
       ORDER BY c.name, c.id`,
    )
    .safeIntegers(true)
    .all({ ...query, accounts: JSON.stringify(query.accounts) }) as CampaignHouseholdSums[];
}

export interface CampaignGoodsSums {
  readonly unit: string;
  readonly quantityIn: bigint;
  readonly quantityOut: bigint;
  readonly valueIn: bigint;
  readonly valueOut: bigint;
}

/** The campaign's goods by unit on the given (goods) accounts: quantities (thousandths) and values in and out. */
export function campaignGoodsSums(sqlite: Database.Database, query: CampaignQuery & { readonly accounts: readonly number[] }): CampaignGoodsSums[] {
  return sqlite
    .prepare(
      `SELECT l.unit AS unit,
              COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.quantity END), 0) AS quantityIn, COALESCE(SUM(CASE WHEN l.amount < 0 THEN l.quantity END), 0) AS quantityOut,
              COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount END), 0) AS valueIn, COALESCE(-SUM(CASE WHEN l.amount < 0 THEN l.amount END), 0) AS valueOut
       FROM entry_lines l ${byScope(query)}
       WHERE l.entity_id = @entity AND ${scope(query, 'l')} AND l.date BETWEEN @from AND @to AND l.entry_id <= @lastEntry
         AND l.account_id IN (SELECT value FROM json_each(@accounts)) AND l.quantity IS NOT NULL AND l.unit IS NOT NULL
       GROUP BY l.unit
       ORDER BY l.unit`,
    )
    .safeIntegers(true)
    .all({ ...query, accounts: JSON.stringify(query.accounts) }) as CampaignGoodsSums[];
}

/**
 * What the fund held of its own resources before `from`: credits less debits on the given
 * (fund-balance, result, receipt and expenditure) accounts of the lines dated before it and of
 * the opening entries, from entries up to the entry id `lastEntry`.
 */
export function resourcesBefore(sqlite: Database.Database, query: { entity: number; from: string; to: string; lastEntry: number; accounts: readonly number[] }): bigint {
  const row = sqlite
    .prepare(
      `SELECT COALESCE(-SUM(l.amount), 0) AS held FROM entry_lines l
       WHERE l.entity_id = @entity AND l.account_id IN (SELECT value FROM json_each(@accounts)) AND l.entry_id <= @lastEntry
         AND (l.date < @from OR l.entry_id IN (SELECT id FROM entries WHERE entity_id = @entity AND kind = 'opening' AND date <= @to))`,
    )
    .safeIntegers(true)
    .get({ ...query, accounts: JSON.stringify(query.accounts) }) as { held: bigint };
  return row.held;
}
