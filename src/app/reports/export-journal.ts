/**
 * A fund's books over a range as a ledger/hledger journal, for an auditor to recompute the
 * balances with an independent tool: the balances at the start of the range (opening entries
 * within it included, as the trial balance counts them), what the off-balance accounts held
 * then, and every other entry of the range with its lines and memos. The lines of the fund
 * and the memos of each off-balance account stream from the store in (date, entry) order and
 * are merged into one transaction per entry as the journal is written.
 */
import { BookQueries, type BookLineRow, type MemoRow } from '../../db/book-queries.js';
import type { Store } from '../../db/store.js';
import type { JournalMemo, JournalPosting, JournalTransaction, LedgerJournal } from '../../export/ledger-journal.js';
import type { Chart } from '../../ledger/chart.js';
import { accept, type Result } from '../../ledger/rejections.js';
import type { DateRange } from '../../reports/period.js';
import { loadFund, type Fund } from '../fund.js';
import { loadFigures } from './load-figures.js';
import { reportRange, type RangeRequest } from './report-range.js';

export interface JournalRequest extends RangeRequest {
  readonly entity: string;
}

/** The entry a line or memo belongs to. */
interface EntryKey {
  readonly date: string;
  readonly entrySeq: number;
  readonly voucherNumber: string | null;
  readonly description: string;
}

/** One line or one memo, with its entry. */
interface Part extends EntryKey {
  readonly posting?: JournalPosting;
  readonly memo?: JournalMemo;
}

const entryOf = ({ date, entrySeq, voucherNumber, description }: EntryKey): EntryKey => ({ date, entrySeq, voucherNumber, description });

const sameEntry = (a: EntryKey, b: EntryKey): boolean => a.date === b.date && a.entrySeq === b.entrySeq;

const before = (a: EntryKey, b: EntryKey): boolean => a.date < b.date || (a.date === b.date && a.entrySeq < b.entrySeq);

/** An account's name up the chart, so the tools roll sub-accounts into their parents: "112:1121". */
function pathOf(chart: Chart, code: string): string {
  const parent = chart.accounts.get(code)?.parent;
  return parent ? `${pathOf(chart, parent)}:${code}` : code;
}

function offBalanceAccounts(fund: Fund): { code: string; id: number }[] {
  return [...fund.chart.accounts.values()]
    .filter((a) => a.offBalance)
    .flatMap((a) => {
      const id = fund.accountIds.get(a.code);
      return id === undefined ? [] : [{ code: a.code, id }];
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

function* postingParts(rows: Iterable<BookLineRow>): Generator<Part> {
  for (const row of rows) yield { ...entryOf(row), posting: { account: row.account, amount: row.amount } };
}

function* memoParts(rows: Iterable<MemoRow>, account: string): Generator<Part> {
  for (const row of rows) yield { ...entryOf(row), memo: { account, item: row.item, unit: row.unit, quantity: row.quantity } };
}

/** Streams each sorted by entry, merged into one; among parts of the same entry, the earlier stream's come first. */
function* merged(streams: readonly Iterable<Part>[]): Generator<Part> {
  const heads = streams.map((stream) => {
    const iterator = stream[Symbol.iterator]();
    const take = (): Part | undefined => {
      const next = iterator.next();
      return next.done ? undefined : next.value;
    };
    return { take, part: take() };
  });
  for (;;) {
    let first: (typeof heads)[number] | undefined;
    for (const head of heads) {
      if (head.part && (!first?.part || before(head.part, first.part))) first = head;
    }
    if (!first?.part) return;
    yield first.part;
    first.part = first.take();
  }
}

/** Consecutive parts of one entry as its transaction. */
function* transactionsOf(parts: Iterable<Part>): Generator<JournalTransaction> {
  let entry: EntryKey | undefined;
  let postings: JournalPosting[] = [];
  let memos: JournalMemo[] = [];
  const transaction = (key: EntryKey): JournalTransaction => ({ date: key.date, code: key.voucherNumber, description: key.description, postings, memos });
  for (const part of parts) {
    if (entry && !sameEntry(entry, part)) {
      yield transaction(entry);
      [postings, memos] = [[], []];
    }
    entry = part;
    if (part.posting) postings.push(part.posting);
    if (part.memo) memos.push(part.memo);
  }
  if (entry) yield transaction(entry);
}

function transactions(queries: BookQueries, fund: Fund, range: DateRange): Iterable<JournalTransaction> {
  const entity = fund.entity.id;
  return {
    [Symbol.iterator]: () =>
      transactionsOf(
        merged([
          postingParts(queries.lines(entity, {}, range)),
          ...offBalanceAccounts(fund).map((a) => memoParts(queries.memos(entity, a.id, range), a.code)),
        ]),
      ),
  };
}

/** What each off-balance account held at the start of the range, per item and unit counted up to its end. */
function holdingsOf(queries: BookQueries, fund: Fund, range: DateRange): JournalMemo[] {
  return offBalanceAccounts(fund).flatMap(({ code, id }) =>
    queries.memoSums(fund.entity.id, id, range).map((s) => ({ account: code, item: s.item, unit: s.unit, quantity: s.opening })),
  );
}

export function fundJournal(store: Store, request: JournalRequest): Result<LedgerJournal> {
  const range = reportRange(request);
  if (!range.ok) return range;
  const loaded = loadFund(store, request.entity);
  if (!loaded.ok) return loaded;
  const fund = loaded.value;
  const figures = loadFigures(store, fund, range.value, []);
  // One reader for holdings and transactions: both read up to the same last posted line and memo.
  const queries = new BookQueries(store.sqlite);
  const holdings = holdingsOf(queries, fund, range.value);
  const codes = new Set([...figures.accounts.keys(), ...holdings.map((h) => h.account)]);
  return accept({
    header: { fundCode: fund.entity.code, fundName: fund.entity.name, ...range.value },
    accounts: new Map([...codes].map((code) => [code, pathOf(fund.chart, code)])),
    opening: new Map([...figures.accounts].map(([code, f]) => [code, f.opening])),
    holdings,
    transactions: transactions(queries, fund, range.value),
  });
}
