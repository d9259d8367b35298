/**
 * One of a fund's books over a range: the cash book per currency, the bank book per bank
 * account, the general journal, the general ledger of an account, the subsidiary ledgers
 * by counterparty, campaign or designation, and the goods and foreign-currency books. The
 * totals are read first; the lines stream from the store as the book is written.
 */
import { BookQueries, type BookLineRow, type LineFilter } from '../../db/book-queries.js';
import { listBankAccounts } from '../../db/entities-repo.js';
import { findCounterparty } from '../../db/dimensions-repo.js';
import type { Store } from '../../db/store.js';
import { currencyScale } from '../../ledger/currency.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { accountBook, type AccountBook, type AccountBookKind, type BookPosting } from '../../reports/account-book.js';
import type { Book } from '../../reports/book.js';
import { leavesUnder } from '../../reports/figures.js';
import { generalJournal, type GeneralJournal } from '../../reports/general-journal.js';
import { holdingBook, type HoldingBook } from '../../reports/holding-book.js';
import type { DateRange } from '../../reports/period.js';
import { rereadable } from '../../reports/rereadable.js';
import { loadFund, type Fund } from '../fund.js';
import { reportRange, type RangeRequest } from './report-range.js';

export const BOOK_IDS = ['cash', 'bank', 'journal', 'ledger', 'counterparty', 'campaign', 'designation', 'goods', 'currency'] as const;
export type BookId = (typeof BOOK_IDS)[number];

export interface BookRequest extends RangeRequest {
  readonly entity: string;
  readonly book: BookId;
  /** The ledger's account; narrows a subsidiary ledger to one account. */
  readonly account?: string;
  /** The cash book's currency (VND by default). */
  readonly currency?: string;
  /** The bank book's account number (the fund's only one by default). */
  readonly bankAccount?: string;
  readonly counterparty?: number;
  readonly campaign?: string;
  readonly designation?: string;
}

interface Subject {
  readonly kind: AccountBookKind;
  readonly filter: LineFilter;
  readonly subject: AccountBook['subject'];
  readonly currency: string;
}

function accountIdsUnder(fund: Fund, code: string): number[] {
  return leavesUnder(fund.chart, code, fund.accountIds.keys()).map((c) => fund.accountIds.get(c) ?? 0);
}

function narrowedToAccount(fund: Fund, account: string | undefined): Result<LineFilter> {
  if (account === undefined) return accept({});
  if (!fund.chart.accounts.has(account)) return reject('account_unknown', 'account', account);
  return accept({ accountIds: accountIdsUnder(fund, account) });
}

function cashSubject(fund: Fund, request: BookRequest): Result<Subject> {
  const currency = request.currency ?? 'VND';
  if (currency !== 'VND' && currencyScale(currency) === undefined) return reject('currency_unknown', 'currency', currency);
  const { cash } = fund.regime.bookAccounts;
  return accept({ kind: 'cash', currency, filter: { accountIds: accountIdsUnder(fund, cash), currency }, subject: [{ label: 'Loại quỹ', value: currency }] });
}

function bankSubject(store: Store, fund: Fund, request: BookRequest): Result<Subject> {
  const banks = listBankAccounts(store.db, fund.entity.id);
  const bank = request.bankAccount === undefined ? (banks.length === 1 ? banks[0] : undefined) : banks.find((b) => b.number === request.bankAccount);
  if (!bank) return request.bankAccount === undefined ? reject('book_subject_required', 'bankAccount') : reject('bank_account_unknown', 'bankAccount', request.bankAccount);
  const shared = banks.some((b) => b.id !== bank.id && b.accountCode === bank.accountCode);
  const filter: LineFilter = { accountIds: accountIdsUnder(fund, bank.accountCode), ...(shared && { bankAccountId: bank.id }) };
  return accept({
    kind: 'bank',
    currency: bank.currency,
    filter: bank.currency === 'VND' ? filter : { ...filter, currency: bank.currency },
    subject: [
      { label: 'Nơi mở tài khoản giao dịch', value: bank.institution },
      { label: 'Số hiệu tài khoản tại nơi gửi', value: bank.number },
      { label: 'Tài khoản', value: bank.accountCode },
    ],
  });
}

function dimensionSubject(store: Store, fund: Fund, request: BookRequest): Result<Subject> {
  const narrowed = narrowedToAccount(fund, request.account);
  if (!narrowed.ok) return narrowed;
  const account = request.account === undefined ? [] : [{ label: 'Tài khoản', value: request.account }];
  const of = (kind: AccountBookKind, filter: LineFilter, label: string, value: string): Result<Subject> =>
    accept({ kind, currency: 'VND', filter: { ...narrowed.value, ...filter }, subject: [{ label, value }, ...account] });
  switch (request.book) {
    case 'ledger':
      if (request.account === undefined) return reject('book_subject_required', 'account');
      return accept({ kind: 'ledger', currency: 'VND', filter: narrowed.value, subject: [{ label: 'Tài khoản', value: `${request.account} - ${fund.chart.accounts.get(request.account)?.nameVi ?? ''}` }] });
    case 'counterparty': {
      if (request.counterparty === undefined) return reject('book_subject_required', 'counterparty');
      const party = findCounterparty(store.db, fund.entity.id, request.counterparty);
      if (!party) return reject('counterparty_unknown', 'counterparty', String(request.counterparty));
      return of('counterparty', { counterpartyId: party.id }, 'Đối tượng', party.address ? `${party.name} (${party.address})` : party.name);
    }
    case 'campaign': {
      if (request.campaign === undefined) return reject('book_subject_required', 'campaign');
      const id = fund.campaignIds.get(request.campaign);
      if (id === undefined) return reject('campaign_unknown', 'campaign', request.campaign);
      return of('campaign', { campaignId: id }, 'Đợt vận động', request.campaign);
    }
    default:
      if (request.designation === undefined) return reject('book_subject_required', 'designation');
      return of('designation', { designation: request.designation }, 'Địa chỉ ủng hộ', request.designation);
  }
}

/** A line in the foreign currency's minor units, signed as the VND. */
function inOriginal(row: BookLineRow): BookPosting {
  return { ...row, amount: row.amount < 0n ? -(row.originalAmount ?? 0n) : (row.originalAmount ?? 0n) };
}

function* originals(rows: Iterable<BookLineRow>): Generator<BookPosting> {
  for (const row of rows) yield inOriginal(row);
}

function accountBookOf(store: Store, fund: Fund, subject: Subject, range: DateRange): AccountBook {
  const queries = new BookQueries(store.sqlite);
  const totals = queries.totals(fund.entity.id, subject.filter, range);
  const foreign = subject.currency !== 'VND';
  const rows = rereadable(() => queries.lines(fund.entity.id, subject.filter, { ...range, contra: true }));
  return accountBook({
    kind: subject.kind,
    ...range,
    subject: subject.subject,
    currency: subject.currency,
    scale: foreign ? (currencyScale(subject.currency) ?? 2) : 0,
    opening: foreign ? totals.originalOpening : totals.opening,
    debit: foreign ? totals.originalDebit : totals.debit,
    credit: foreign ? totals.originalCredit : totals.credit,
    count: totals.count,
    postings: foreign ? rereadable(() => originals(rows)) : rows,
  });
}

function journalOf(store: Store, fund: Fund, range: DateRange): GeneralJournal {
  const queries = new BookQueries(store.sqlite);
  const totals = queries.totals(fund.entity.id, {}, range);
  const rows = rereadable(() => queries.lines(fund.entity.id, {}, range));
  return generalJournal({
    ...range,
    debit: totals.debit,
    credit: totals.credit,
    count: totals.count,
    lines: rows,
  });
}

function holdingBookOf(store: Store, fund: Fund, kind: 'goods' | 'currency', range: DateRange): HoldingBook {
  const accounts = fund.regime.bookAccounts;
  const account = kind === 'goods' ? accounts.goods : accounts.currency;
  const id = fund.accountIds.get(account) ?? 0;
  const queries = new BookQueries(store.sqlite);
  const sums = queries.memoSums(fund.entity.id, id, range);
  return holdingBook({
    kind,
    account,
    ...range,
    holdings: sums.map(({ count: _count, ...h }) => h),
    count: sums.reduce((n, s) => n + s.count, 0),
    movements: rereadable(() => queries.memos(fund.entity.id, id, range)),
  });
}

function bookOf(store: Store, fund: Fund, request: BookRequest, range: DateRange): Result<Book> {
  const form = fund.regime.bookForms[request.book] ?? [];
  switch (request.book) {
    case 'journal':
      return accept({ kind: 'journal', value: journalOf(store, fund, range), form });
    case 'goods':
    case 'currency':
      return accept({ kind: 'holding', value: holdingBookOf(store, fund, request.book, range), form });
    default: {
      const subject = request.book === 'cash' ? cashSubject(fund, request) : request.book === 'bank' ? bankSubject(store, fund, request) : dimensionSubject(store, fund, request);
      if (!subject.ok) return subject;
      return accept({ kind: 'account', value: accountBookOf(store, fund, subject.value, range), form });
    }
  }
}

export function getBook(store: Store, request: BookRequest): Result<Book> {
  const range = reportRange(request);
  if (!range.ok) return range;
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  return bookOf(store, fund.value, request, range.value);
}

/** Only the general journal is also written as a plain-text accounting journal. */
export function checkBookFormat(book: BookId, format: string): Result<null> {
  return format === 'ledger' && book !== 'journal' ? reject('report_format_unavailable', 'format', format) : accept(null);
}
