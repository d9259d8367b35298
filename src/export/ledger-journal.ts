/**
 * A fund's books over a range as a plain-text accounting journal that hledger and ledger-cli
 * both read, so an auditor can recompute every balance with a tool of their own: account and
 * commodity declarations, one transaction carrying the balances at the start of the range,
 * then one transaction per entry. Off-balance memos (goods on 003, foreign currency on 007)
 * are virtual postings, which neither tool asks to balance.
 *
 * Amounts are plain integers of đồng ("250000000 VND"): no separators and no decimals, so
 * neither tool has a thousands mark to guess and both print them back the same way. Text is
 * NFC and cleared of what either tool would read as syntax (";" starts a comment in one of
 * them, a line break ends the transaction, a leading "(" or "*" is a code or a status).
 */
import { shortDate } from './date-format.js';
import { endStream, writeText } from './text-stream.js';

export interface JournalPosting {
  /** Account code. */
  readonly account: string;
  /** VND, debit positive. */
  readonly amount: bigint;
}

export interface JournalMemo {
  /** Off-balance account code. */
  readonly account: string;
  /** The goods counted; null for a currency. */
  readonly item: string | null;
  /** "kg", or the currency code. */
  readonly unit: string;
  /** Thousandths of the unit; in positive, out negative. */
  readonly quantity: bigint;
}

export interface JournalTransaction {
  readonly date: string;
  /** The voucher number, when the entry has one. */
  readonly code: string | null;
  readonly description: string;
  readonly postings: readonly JournalPosting[];
  readonly memos: readonly JournalMemo[];
}

export interface LedgerJournal {
  readonly header: { readonly fundCode: string; readonly fundName: string; readonly from: string; readonly to: string };
  /** Every account code the journal posts to, with its name up the chart: "112:1121". */
  readonly accounts: ReadonlyMap<string, string>;
  /** Each account's balance at the start of the range, debit positive. */
  readonly opening: ReadonlyMap<string, bigint>;
  /** What the off-balance accounts held at the start of the range, per item and unit: every one the journal counts, held or not. */
  readonly holdings: readonly JournalMemo[];
  /** In date order. */
  readonly transactions: Iterable<JournalTransaction>;
}

const VND = 'VND';

/** One line of text: NFC, no control characters or runs of blanks, no ";" (a comment in hledger). */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/;/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The voucher number as the code, then the text; without a code, a leading "(" would read as one and "*" or "!" as a status. */
function titleOf(text: string, code: string | null): string {
  const description = clean(text);
  if (code !== null) return `(${clean(code).replace(/[()]/g, '')}) ${description}`.trimEnd();
  return /^[(*!]/.test(description) ? `- ${description}` : description;
}

/** A commodity made of letters only stands bare; any other is quoted. */
function commodityOf(unit: string): string {
  const name = clean(unit).replace(/"/g, '');
  return /^\p{L}+$/u.test(name) ? name : `"${name}"`;
}

/** Thousandths as a decimal with only the digits it needs: 1500500 → 1500.5. */
function quantityOf(thousandths: bigint): string {
  const sign = thousandths < 0n ? '-' : '';
  const magnitude = thousandths < 0n ? -thousandths : thousandths;
  const fraction = String(magnitude % 1000n).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${magnitude / 1000n}${fraction ? `.${fraction}` : ''}`;
}

function accountName(journal: LedgerJournal, code: string): string {
  return journal.accounts.get(code) ?? code;
}

/** The holding's account: the item, when there is one, under the off-balance account (":" would nest it further). */
function memoAccount(journal: LedgerJournal, memo: JournalMemo): string {
  const account = accountName(journal, memo.account);
  return memo.item === null ? account : `${account}:${clean(memo.item).replace(/:/g, '-')}`;
}

function postingLine(journal: LedgerJournal, posting: JournalPosting): string {
  return `    ${accountName(journal, posting.account)}  ${posting.amount} ${VND}\n`;
}

function memoLine(journal: LedgerJournal, memo: JournalMemo): string {
  return `    (${memoAccount(journal, memo)})  ${quantityOf(memo.quantity)} ${commodityOf(memo.unit)}\n`;
}

function transactionText(journal: LedgerJournal, transaction: JournalTransaction): string {
  const lines = [
    `${transaction.date} ${titleOf(transaction.description, transaction.code)}\n`,
    ...transaction.postings.map((p) => postingLine(journal, p)),
    ...transaction.memos.map((m) => memoLine(journal, m)),
  ];
  return `\n${lines.join('')}`;
}

function headerText(journal: LedgerJournal): string {
  const { fundCode, fundName, from, to } = journal.header;
  const commodities = new Set([VND, ...journal.holdings.map((h) => commodityOf(h.unit))]);
  const accounts = new Set([...journal.accounts.values(), ...journal.holdings.map((h) => memoAccount(journal, h))]);
  return [
    `; ${clean(fundCode)} - ${clean(fundName)}\n`,
    `; Sổ nhật ký từ ${shortDate(from)} đến ${shortDate(to)}, số tiền bằng đồng (VND)\n\n`,
    ...[...commodities].map((c) => `commodity ${c}\n`),
    '\n',
    ...[...accounts].sort().map((a) => `account ${a}\n`),
  ].join('');
}

/** The balances at the start of the range, dated its first day; nothing when there are none. */
function openingTransaction(journal: LedgerJournal): JournalTransaction | null {
  const postings = [...journal.opening]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, amount]) => ({ account, amount }));
  const memos = journal.holdings.filter((h) => h.quantity !== 0n);
  if (postings.length === 0 && memos.length === 0) return null;
  return { date: journal.header.from, code: null, description: 'Số dư đầu kỳ', postings, memos };
}

/** Writes the journal into `out`, waiting whenever `out` asks to, and ends it. */
export async function writeLedgerJournal(journal: LedgerJournal, out: NodeJS.WritableStream): Promise<void> {
  await writeText(out, headerText(journal));
  const opening = openingTransaction(journal);
  if (opening) await writeText(out, transactionText(journal, opening));
  for (const transaction of journal.transactions) await writeText(out, transactionText(journal, transaction));
  await endStream(out);
}
