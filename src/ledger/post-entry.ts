/**
 * Posting: the pure decision whether an entry may enter the books.
 *
 * The checks run in a fixed order and the first failure is the answer, so one bad entry
 * always gets the same code (the order of the posting codes in rejections.ts). Within a
 * check, lines are examined in order. Nothing here reads the store: `checkEntry` runs the
 * checks that need nothing of the books and names the balances the guards will read, the
 * caller fetches them, and `guardEntry` takes them as plain data.
 */
import { isIsoDate, monthOf, yearOf, type Calendar } from './calendar.js';
import { allocationKey, type AllocationRef, type AllocationTerms } from './allocation.js';
import type { CampaignTerms } from './campaign.js';
import type { Account, Chart } from './chart.js';
import { ACCOUNTING_CURRENCY, currencyScale } from './currency.js';
import type { Entry, EntryInput, EntryKind, Line, LineInput, Memo, MemoInput } from './entry.js';
import { dimensionsOf, QUANTITY_SCALE } from './entry.js';
import { convertToVnd, FUND_LIMIT, isValidRate, parseAmount, type Minor } from './money.js';
import { accept, reject, type Rejection, type Result } from './rejections.js';

export const MAX_LINES = 5000;

/** The balances an entry's guards read from the books, named before the decision so they can be fetched first. */
export interface BalanceNeeds {
  /** The entry's date: each balance is the lowest end of day on it or after it. */
  readonly date: string;
  /** Accounts that may not go below zero and that the entry takes money from. */
  readonly accounts: readonly string[];
  /** Off-balance holdings the entry takes quantities from. */
  readonly holdings: readonly Holding[];
  /** The fiscal year whose management costs count against the cap, when the entry books such costs under one. */
  readonly managementCostYear: number | null;
  /** The designations of a campaign the entry spends more of than it receives. */
  readonly designations: readonly Designation[];
  /** The allocation decision lines the entry pays more on than it takes back. */
  readonly allocations: readonly AllocationRef[];
}

/** Money a donor gave a campaign for a named use (có địa chỉ). */
export interface Designation {
  readonly campaign: string;
  readonly designation: string;
}

export const designationKey = (d: Designation): string => `${d.campaign}\u0000${d.designation}`;

/** What the books held for the needs of one entry, fetched before the decision. */
export interface Balances {
  /** The lowest end-of-day balance (debit positive) of each needed account from the entry's date on. */
  readonly lowest: ReadonlyMap<string, Minor>;
  /** The lowest end-of-day holding of each needed holding from the entry's date on, by `holdingKey`. */
  readonly lowestHoldings: ReadonlyMap<string, Minor>;
  /** Management costs (net debits) already booked in the needed year; 0 when none was needed. */
  readonly managementCostInYear: Minor;
  /** What each needed designation holds (its receipts less what was spent of it), by `designationKey`. */
  readonly designationsHeld: ReadonlyMap<string, Minor>;
  /** What has been paid on each needed allocation line (net debits citing it), by `allocationKey`. */
  readonly allocationsPaid: ReadonlyMap<string, Minor>;
  /** What the fund has posted over its life, bounded by FUND_LIMIT. */
  readonly fundTotals: FundTotals;
}

export interface FundTotals {
  /** Every debit, in đồng. */
  readonly debits: Minor;
  /** Every quantity and foreign original amount, each in its minor unit, counted without sign. */
  readonly quantities: Minor;
}

/** What an off-balance record counts: an item (or none) in a unit, on an account. */
export interface Holding {
  readonly account: string;
  readonly unit: string;
  readonly item: string | null;
}

export const holdingKey = (holding: Holding): string => `${holding.account}\u0000${holding.unit}\u0000${holding.item ?? ''}`;

export interface PostingPolicy {
  readonly managementCostsAllowed: boolean;
  /** Yearly cap in VND; null for none. */
  readonly managementCostCap: Minor | null;
}

export interface PostingContext {
  readonly chart: Chart;
  readonly calendar: Calendar;
  readonly policy: PostingPolicy;
  /** The fund's campaigns by code, with the dates that limit what they receive and pay out. */
  readonly campaigns: ReadonlyMap<string, CampaignTerms>;
  /** The fund's bank and treasury account numbers, each with the campaign it is dedicated to, if any. */
  readonly bankAccounts: ReadonlyMap<string, string | null>;
  /** The lines of the fund's allocation decisions, by `allocationKey`. */
  readonly allocations: ReadonlyMap<string, AllocationTerms>;
  readonly balances: Balances;
}

export interface PostingOptions {
  readonly kind?: EntryKind;
  /** Year-end closing entries land on 31 December even when December is locked. */
  readonly ignoreLocks?: boolean;
}

/** An entry that passed every check that reads nothing of the books, and the balances its guards will read. */
export interface CheckedEntry {
  readonly entry: Entry;
  readonly needs: BalanceNeeds;
}

/** Posting in one call, for a caller that already holds every balance the guards may read. */
export function postEntry(input: EntryInput, context: PostingContext, options: PostingOptions = {}): Result<Entry> {
  const checked = checkEntry(input, context, options);
  return checked.ok ? guardEntry(checked.value, context, context.balances) : checked;
}

/**
 * The checks that need nothing of the books, in their fixed order; the entry that passes
 * comes with the balances its guards will read, for the caller to fetch before `guardEntry`.
 */
export function checkEntry(input: EntryInput, context: Omit<PostingContext, 'balances'>, options: PostingOptions = {}): Result<CheckedEntry> {
  const shape = checkShape(input);
  if (shape) return shape;
  const amounts = parseLineAmounts(input.lines);
  if (!amounts.ok) return amounts;
  const memoQuantities = parseMemoQuantities(input.memos ?? []);
  if (!memoQuantities.ok) return memoQuantities;
  const accounts = checkAccounts(input, context.chart);
  if (accounts) return accounts;
  const foreign = parseForeign(input.lines, amounts.value);
  if (!foreign.ok) return foreign;
  const dimensions = checkDimensions(input.lines, context);
  if (dimensions) return dimensions;
  if (sumOf(amounts.value) !== 0n) return reject('entry_must_balance', 'lines');
  const calendar = checkCalendar(input.date, context.calendar, options.ignoreLocks ?? false);
  if (calendar) return calendar;
  const campaigns = checkCampaigns(input, amounts.value, context);
  if (campaigns) return campaigns;
  const lines = input.lines.map((line, index): Line => buildLine(line, index, amounts.value[index], foreign.value[index]));
  const memos = (input.memos ?? []).map((memo, index): Memo => ({
    lineNo: index + 1,
    account: memo.account,
    quantity: memoQuantities.value[index] ?? 0n,
    unit: memo.unit,
    item: memo.item ?? null,
  }));
  const entry: Entry = { kind: options.kind ?? 'regular', date: input.date, description: input.description, lines, memos };
  return accept({ entry, needs: needsOf(entry, context) });
}

/** The guards that read the books, on the balances fetched for the entry's needs: the fund's limit, management costs, no balance below zero. */
export function guardEntry(checked: CheckedEntry, context: Pick<PostingContext, 'chart' | 'policy' | 'allocations'>, balances: Balances): Result<Entry> {
  const { lines, memos } = checked.entry;
  const limit = checkFundLimit(lines, memos, balances);
  if (limit) return limit;
  const policy = checkManagementCost(lines, context, balances);
  if (policy) return policy;
  const negative = checkNonNegative(lines, memos, context, balances);
  if (negative) return negative;
  const designated = checkDesignations(lines, context, balances);
  if (designated) return designated;
  const allocated = checkAllocationsPaid(lines, context, balances);
  if (allocated) return allocated;
  return accept(checked.entry);
}

/** Guarded accounts the entry takes money from, holdings it takes quantities from, and the year of capped management costs. */
function needsOf(entry: Entry, context: Pick<PostingContext, 'chart' | 'policy'>): BalanceNeeds {
  const nets = new Map<string, Minor>();
  let managementCost = 0n;
  for (const line of entry.lines) {
    const account = context.chart.accounts.get(line.account);
    if (account?.nonNegative) nets.set(line.account, (nets.get(line.account) ?? 0n) + line.amount);
    if (account?.managementCost) managementCost += line.amount;
  }
  const held = new Map<string, { holding: Holding; net: Minor }>();
  for (const memo of entry.memos) {
    const key = holdingKey(memo);
    held.set(key, { holding: { account: memo.account, unit: memo.unit, item: memo.item }, net: (held.get(key)?.net ?? 0n) + memo.quantity });
  }
  const capped = context.policy.managementCostsAllowed && context.policy.managementCostCap !== null && managementCost > 0n;
  const accounts: string[] = [];
  for (const [code, net] of nets) if (net < 0n) accounts.push(code);
  const holdings: Holding[] = [];
  for (const { holding, net } of held.values()) if (net < 0n) holdings.push(holding);
  const designations: Designation[] = [];
  if (entry.lines.some((line) => line.designation !== undefined)) {
    for (const { designation, net } of designatedNets(entry.lines, context).values()) if (net < 0n) designations.push(designation);
  }
  const allocations: AllocationRef[] = [];
  for (const { ref, net } of allocationNets(entry.lines).values()) if (net > 0n) allocations.push(ref);
  return { date: entry.date, accounts, holdings, managementCostYear: capped ? yearOf(entry.date) : null, designations, allocations };
}

/** Per allocation line cited, what the entry pays on it (net debits), and its first line. */
function allocationNets(lines: readonly Line[]): ReadonlyMap<string, { ref: AllocationRef; net: Minor; index: number }> {
  const nets = new Map<string, { ref: AllocationRef; net: Minor; index: number }>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (line.allocation === undefined) continue;
    const key = allocationKey(line.allocation);
    const seen = nets.get(key);
    nets.set(key, { ref: line.allocation, net: (seen?.net ?? 0n) + line.amount, index: seen?.index ?? index });
  }
  return nets;
}

/** A decision line is paid up to what was decided on it, never past it. */
function checkAllocationsPaid(lines: readonly Line[], context: Pick<PostingContext, 'allocations'>, balances: Balances): Rejection | null {
  if (!lines.some((line) => line.allocation !== undefined)) return null;
  for (const [key, { ref, net, index }] of allocationNets(lines)) {
    if (net <= 0n) continue;
    const decided = (context.allocations.get(key) as AllocationTerms).amount;
    const paid = fetched(balances.allocationsPaid, key);
    if (paid + net > decided) return reject('allocation_exceeded', `lines[${index}].allocation`, `${ref.decision} line ${ref.line}: decided ${decided}, paid ${paid}, this ${net}`);
  }
  return null;
}

/** Per campaign designation, what the entry receives less what it spends, and its first line. */
function designatedNets(lines: readonly Line[], context: Pick<PostingContext, 'chart'>): ReadonlyMap<string, { designation: Designation; net: Minor; index: number }> {
  const nets = new Map<string, { designation: Designation; net: Minor; index: number }>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (line.designation === undefined || line.campaign === undefined || context.chart.accounts.get(line.account)?.flow == null) continue;
    const designation = { campaign: line.campaign, designation: line.designation };
    const key = designationKey(designation);
    const seen = nets.get(key);
    nets.set(key, { designation, net: (seen?.net ?? 0n) - line.amount, index: seen?.index ?? index });
  }
  return nets;
}

/** Designated money is spent only as far as its designation holds. */
function checkDesignations(lines: readonly Line[], context: Pick<PostingContext, 'chart'>, balances: Balances): Rejection | null {
  if (!lines.some((line) => line.designation !== undefined)) return null;
  for (const [key, { designation, net, index }] of designatedNets(lines, context)) {
    if (net < 0n && fetched(balances.designationsHeld, key) + net < 0n) {
      return reject('designation_mismatch', `lines[${index}].designation`, `${designation.designation} holds ${fetched(balances.designationsHeld, key)} in ${designation.campaign}`);
    }
  }
  return null;
}

function checkShape(input: EntryInput): Rejection | null {
  if (!isIsoDate(input.date)) return reject('entry_date_malformed', 'date', input.date);
  if (input.description.trim() === '') return reject('description_required', 'description');
  if (input.lines.length < 2) return reject('too_few_lines', 'lines');
  if (input.lines.length > MAX_LINES || (input.memos?.length ?? 0) > MAX_LINES) return reject('too_many_lines', 'lines');
  for (let index = 0; index < input.lines.length; index++) {
    const line = input.lines[index] as LineInput;
    if ((line.debit === undefined) === (line.credit === undefined)) return reject('line_side_invalid', `lines[${index}]`);
  }
  return null;
}

interface LineAmounts {
  /** VND, debit positive, credit negative. */
  readonly amount: Minor;
  readonly quantity: Minor | null;
}

function sumOf(amounts: readonly LineAmounts[]): Minor {
  let sum = 0n;
  for (const { amount } of amounts) sum += amount;
  return sum;
}

function parseLineAmounts(lines: readonly LineInput[]): Result<LineAmounts[]> {
  const amounts: LineAmounts[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as LineInput;
    const side = line.debit === undefined ? 'credit' : 'debit';
    const parsed = parsePositive(line[side] ?? '', 0, `lines[${index}].${side}`);
    if (!parsed.ok) return parsed;
    let quantity: Minor | null = null;
    if (line.quantity !== undefined || line.unit !== undefined) {
      const parsedQuantity = parseQuantity(line.quantity ?? '', line.unit ?? '', `lines[${index}].quantity`);
      if (!parsedQuantity.ok) return parsedQuantity;
      quantity = parsedQuantity.value;
    }
    amounts.push({ amount: side === 'debit' ? parsed.value : -parsed.value, quantity });
  }
  return accept(amounts);
}

function parseMemoQuantities(memos: readonly MemoInput[]): Result<Minor[]> {
  const quantities: Minor[] = [];
  for (let index = 0; index < memos.length; index++) {
    const memo = memos[index] as MemoInput;
    const parsed = parseQuantity(memo.quantity, memo.unit, `memos[${index}].quantity`);
    if (!parsed.ok) return parsed;
    quantities.push(memo.direction === 'in' ? parsed.value : -parsed.value);
  }
  return accept(quantities);
}

/**
 * A quantity in thousandths of its unit. When the unit is a currency code (foreign
 * currency held on 007) the amount may not be finer than the currency's minor unit.
 */
function parseQuantity(text: string, unit: string, path: string): Result<Minor> {
  if (unit.trim() === '') return reject('amount_malformed', path, 'a quantity needs its unit');
  const scale = Math.min(currencyScale(unit) ?? QUANTITY_SCALE, QUANTITY_SCALE);
  const parsed = parsePositive(text, scale, path);
  if (!parsed.ok) return parsed;
  return accept(parsed.value * 10n ** BigInt(QUANTITY_SCALE - scale));
}

function parsePositive(text: string, scale: number, path: string): Result<Minor> {
  const parsed = parseAmount(text, scale);
  if (!parsed.ok) return reject('amount_malformed', path, `${text} (${parsed.reason})`);
  if (parsed.value <= 0n) return reject('amount_not_positive', path, text);
  return accept(parsed.value);
}

function checkAccounts(input: EntryInput, chart: Chart): Rejection | null {
  for (let index = 0; index < input.lines.length; index++) {
    const { account: code } = input.lines[index] as LineInput;
    const account = chart.accounts.get(code);
    const problem = checkPostable(account, code, `lines[${index}].account`);
    if (problem) return problem;
    if (account?.offBalance) return reject('account_off_balance', `lines[${index}].account`, code);
  }
  const memos = input.memos ?? [];
  for (let index = 0; index < memos.length; index++) {
    const { account: code } = memos[index] as MemoInput;
    const account = chart.accounts.get(code);
    const problem = checkPostable(account, code, `memos[${index}].account`);
    if (problem) return problem;
    if (!account?.offBalance) return reject('memo_account_not_off_balance', `memos[${index}].account`, code);
  }
  return null;
}

function checkPostable(account: Account | undefined, code: string, path: string): Rejection | null {
  if (!account) return reject('account_unknown', path, code);
  if (!account.active) return reject('account_inactive', path, code);
  if (!account.leaf) return reject('account_not_postable', path, code);
  return null;
}

interface Foreign {
  readonly currency: string;
  readonly originalAmount: Minor;
  readonly rate: string;
}

function parseForeign(lines: readonly LineInput[], amounts: readonly LineAmounts[]): Result<(Foreign | null)[]> {
  const result: (Foreign | null)[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as LineInput;
    if (line.currency === undefined && line.originalAmount === undefined && line.rate === undefined) {
      result.push(null);
      continue;
    }
    const path = `lines[${index}]`;
    const scale = line.currency === undefined ? undefined : currencyScale(line.currency);
    if (line.currency !== undefined && (scale === undefined || line.currency === ACCOUNTING_CURRENCY)) {
      return reject('currency_unknown', `${path}.currency`, line.currency);
    }
    if (scale === undefined || line.originalAmount === undefined || line.rate === undefined) {
      return reject('foreign_amount_without_rate', path);
    }
    const original = parsePositive(line.originalAmount, scale, `${path}.originalAmount`);
    if (!original.ok) return original;
    if (!isValidRate(line.rate)) return reject('amount_malformed', `${path}.rate`, line.rate);
    const amount = amounts[index]?.amount ?? 0n;
    if (convertToVnd(original.value, scale, line.rate) !== (amount < 0n ? -amount : amount)) {
      return reject('foreign_amount_mismatch', path);
    }
    result.push({ currency: line.currency as string, originalAmount: original.value, rate: line.rate });
  }
  return accept(result);
}

/**
 * What a campaign's terms allow: nothing before its launch, no receipt after receiving
 * ends, no payment after distribution ends, its money only through its own accounts and no
 * other campaign's through them, no cost charged to its donations, and designated money only
 * where it accepts some. A receipt credits a receipt account, a payment debits an
 * expenditure account, a cost debits a campaign-cost account (all by the regime's roles).
 */
function checkCampaigns(input: EntryInput, amounts: readonly LineAmounts[], context: Pick<PostingContext, 'chart' | 'campaigns' | 'bankAccounts' | 'allocations'>): Rejection | null {
  const date = input.date;
  for (let index = 0; index < input.lines.length; index++) {
    const line = input.lines[index] as LineInput;
    const path = `lines[${index}]`;
    const mismatch = checkCampaignAccount(line, context, path);
    if (mismatch) return mismatch;
    const allocation = checkAllocationLine(line, context, path);
    if (allocation) return allocation;
    if (line.campaign === undefined) continue;
    const terms = context.campaigns.get(line.campaign) as CampaignTerms;
    const account = context.chart.accounts.get(line.account) as Account;
    const amount = (amounts[index] as LineAmounts).amount;
    if (date < terms.launchedOn) return reject('campaign_not_started', `${path}.campaign`, `${terms.code} launched ${terms.launchedOn}`);
    if (account.flow === 'receipt' && amount < 0n) {
      if (terms.receivingEndsOn !== null && date > terms.receivingEndsOn) return reject('campaign_receiving_closed', `${path}.campaign`, `${terms.code} received until ${terms.receivingEndsOn}`);
      if (line.designation !== undefined && !terms.acceptsDesignated) return reject('designation_mismatch', `${path}.designation`, `${terms.code} accepts no designated money`);
    }
    if (account.flow === 'expenditure' && amount > 0n && terms.distributionEndsOn !== null && date > terms.distributionEndsOn) {
      return reject('campaign_distribution_closed', `${path}.campaign`, `${terms.code} distributed until ${terms.distributionEndsOn}`);
    }
    if (account.campaignCost && amount > 0n) return reject('campaign_cost_forbidden', `${path}.campaign`, `${line.account} charged to ${terms.code}`);
  }
  return null;
}

/** A payment citing a decision line pays the line's campaign from an expenditure account. */
function checkAllocationLine(line: LineInput, context: Pick<PostingContext, 'chart' | 'allocations'>, path: string): Rejection | null {
  if (line.allocation === undefined) return null;
  const terms = context.allocations.get(allocationKey(line.allocation)) as AllocationTerms;
  if (line.campaign !== terms.campaign) return reject('allocation_mismatch', `${path}.allocation`, `${terms.ref.decision} allocates ${terms.campaign}'s money, not ${line.campaign ?? 'money of no campaign'}`);
  if (context.chart.accounts.get(line.account)?.flow !== 'expenditure') return reject('allocation_mismatch', `${path}.allocation`, `${line.account} is not an expenditure account`);
  return null;
}

/** Money through a bank account dedicated to a campaign is that campaign's, and a campaign with dedicated accounts takes money through them only. */
function checkCampaignAccount(line: LineInput, context: Pick<PostingContext, 'campaigns' | 'bankAccounts'>, path: string): Rejection | null {
  if (line.bankAccount === undefined) return null;
  const dedicated = context.bankAccounts.get(line.bankAccount) ?? null;
  if (dedicated !== null && line.campaign !== dedicated) {
    return reject('campaign_account_mismatch', `${path}.bankAccount`, `${line.bankAccount} is ${dedicated}'s account`);
  }
  const own = line.campaign === undefined ? [] : (context.campaigns.get(line.campaign)?.accounts ?? []);
  if (own.length > 0 && !own.includes(line.bankAccount)) {
    return reject('campaign_account_mismatch', `${path}.bankAccount`, `${line.campaign} takes money through ${own.join(', ')}, not ${line.bankAccount}`);
  }
  return null;
}

function checkDimensions(lines: readonly LineInput[], context: Pick<PostingContext, 'campaigns' | 'bankAccounts' | 'allocations'>): Rejection | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as LineInput;
    if (line.campaign !== undefined && !context.campaigns.has(line.campaign)) {
      return reject('campaign_unknown', `lines[${index}].campaign`, line.campaign);
    }
    if (line.bankAccount !== undefined && !context.bankAccounts.has(line.bankAccount)) {
      return reject('bank_account_unknown', `lines[${index}].bankAccount`, line.bankAccount);
    }
    if (line.allocation !== undefined && !context.allocations.has(allocationKey(line.allocation))) {
      return reject('allocation_unknown', `lines[${index}].allocation`, `${line.allocation.decision} line ${line.allocation.line}`);
    }
  }
  return null;
}

/** What an entry adds to the fund's lifetime totals. */
export function entryTotals(lines: readonly Line[], memos: readonly Memo[]): FundTotals {
  let debits = 0n;
  let quantities = 0n;
  for (const line of lines) {
    if (line.amount > 0n) debits += line.amount;
    quantities += magnitude(line.quantity ?? 0n) + magnitude(line.originalAmount ?? 0n);
  }
  for (const memo of memos) quantities += magnitude(memo.quantity);
  return { debits, quantities };
}

function magnitude(value: Minor): Minor {
  return value < 0n ? -value : value;
}

function checkFundLimit(lines: readonly Line[], memos: readonly Memo[], balances: Balances): Rejection | null {
  const added = entryTotals(lines, memos);
  const totals = balances.fundTotals;
  if (totals.debits + added.debits > FUND_LIMIT) return reject('fund_limit_reached', 'lines', `debits ${totals.debits} + ${added.debits} > ${FUND_LIMIT}`);
  if (totals.quantities + added.quantities > FUND_LIMIT) {
    return reject('fund_limit_reached', 'lines', `quantities ${totals.quantities} + ${added.quantities} > ${FUND_LIMIT}`);
  }
  return null;
}

function checkCalendar(date: string, calendar: Calendar, ignoreLocks: boolean): Rejection | null {
  if (calendar.years.get(yearOf(date)) !== 'open') return reject('date_outside_open_year', 'date', date);
  if (!ignoreLocks && calendar.lockedMonths.has(monthOf(date))) return reject('period_locked', 'date', monthOf(date));
  return null;
}

function buildLine(line: LineInput, index: number, amounts: LineAmounts | undefined, fx: Foreign | null | undefined): Line {
  const built: Line = {
    lineNo: index + 1,
    account: line.account,
    amount: amounts?.amount ?? 0n,
    currency: fx?.currency ?? null,
    originalAmount: fx?.originalAmount ?? null,
    rate: fx?.rate ?? null,
    quantity: amounts?.quantity ?? null,
    unit: line.unit ?? null,
  };
  // Most lines carry no dimension and need no second object.
  const plain = line.counterparty === undefined && line.campaign === undefined && line.designation === undefined &&
    line.bankAccount === undefined && line.externalRef === undefined && line.allocation === undefined;
  return plain ? built : { ...built, ...dimensionsOf(line) };
}

function checkManagementCost(lines: readonly Line[], context: Pick<PostingContext, 'chart' | 'policy'>, balances: Balances): Rejection | null {
  let net = 0n;
  let firstIndex = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!context.chart.accounts.get(line.account)?.managementCost) continue;
    net += line.amount;
    if (firstIndex < 0 && line.amount > 0n) firstIndex = index;
  }
  if (net <= 0n) return null;
  const path = `lines[${firstIndex}]`;
  if (!context.policy.managementCostsAllowed) return reject('management_cost_forbidden', path);
  const cap = context.policy.managementCostCap;
  if (cap !== null && balances.managementCostInYear + net > cap) {
    return reject('management_cost_cap_exceeded', path, `cap ${cap}`);
  }
  return null;
}

function checkNonNegative(lines: readonly Line[], memos: readonly Memo[], context: Pick<PostingContext, 'chart'>, balances: Balances): Rejection | null {
  const nets = new Map<string, { net: Minor; index: number }>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    if (!context.chart.accounts.get(line.account)?.nonNegative) continue;
    const seen = nets.get(line.account);
    nets.set(line.account, { net: (seen?.net ?? 0n) + line.amount, index: seen?.index ?? index });
  }
  for (const [account, { net, index }] of nets) {
    if (net < 0n && fetched(balances.lowest, account) + net < 0n) {
      return reject('balance_would_go_negative', `lines[${index}]`, account);
    }
  }
  if (memos.length === 0) return null;
  const holdings = new Map<string, { memo: Memo; net: Minor; index: number }>();
  for (let index = 0; index < memos.length; index++) {
    const memo = memos[index] as Memo;
    const key = holdingKey(memo);
    const seen = holdings.get(key);
    holdings.set(key, { memo, net: (seen?.net ?? 0n) + memo.quantity, index: seen?.index ?? index });
  }
  for (const [key, { memo, net, index }] of holdings) {
    if (net < 0n && fetched(balances.lowestHoldings, key) + net < 0n) {
      return reject('off_balance_would_go_negative', `memos[${index}]`, [memo.account, memo.unit, memo.item].filter(Boolean).join(' '));
    }
  }
  return null;
}

/** A balance the caller fetched for the entry's needs; one missing is a caller that did not fetch what `checkEntry` named. */
function fetched(balances: ReadonlyMap<string, Minor>, key: string): Minor {
  const balance = balances.get(key);
  if (balance === undefined) throw new Error(`the balance ${key.replaceAll('\u0000', ' ').trim()} was not fetched for the entry`);
  return balance;
}
