/**
 * Books laid out as sheets: the columns each book prints, its opening row, its lines and
 * its totals, in Vietnamese. Figures come from the book value as they are; the lines are
 * mapped one by one as the writer reads them, so nothing is held.
 */
import type { AccountBook, AccountBookKind, AccountBookLine, BookPosting } from '../reports/account-book.js';
import type { GeneralJournal } from '../reports/general-journal.js';
import type { HoldingBook, HoldingBookLine, HoldingSummary } from '../reports/holding-book.js';
import { rereadable } from '../reports/rereadable.js';
import { currencyScale } from '../ledger/currency.js';
import { QUANTITY_SCALE } from '../ledger/entry.js';
import { shortDate } from './date-format.js';
import { bookNote, type CellValue, type Sheet, type SheetColumn, type SheetRow } from './sheet.js';

const text = (header: string, width: number): SheetColumn => ({ header, kind: 'text', width });
const date = (header: string): SheetColumn => ({ header, kind: 'date', width: 11 });
const amount = (header: string, scale = 0): SheetColumn => ({ header, kind: 'amount', scale, width: 15 });

export function rangeLine(range: { from: string; to: string }): string {
  return `Từ ngày ${shortDate(range.from)} đến ngày ${shortDate(range.to)}`;
}

function* each<T>(items: Iterable<T>, row: (item: T) => SheetRow): Generator<SheetRow> {
  for (const item of items) yield row(item);
}

/** A book's lines as rows, mapped one by one as they are read, and read afresh each time as the lines are. */
const mapped = <T>(items: Iterable<T>, row: (item: T) => SheetRow): Iterable<SheetRow> => rereadable(() => each(items, row));

const TITLES: Record<AccountBookKind, { title: string; name: string }> = {
  cash: { title: 'SỔ QUỸ TIỀN MẶT', name: 'Sổ quỹ tiền mặt' },
  bank: { title: 'SỔ TIỀN GỬI NGÂN HÀNG, KHO BẠC', name: 'Sổ tiền gửi' },
  ledger: { title: 'SỔ CÁI', name: 'Sổ cái' },
  counterparty: { title: 'SỔ CHI TIẾT THEO ĐỐI TƯỢNG', name: 'Sổ chi tiết đối tượng' },
  campaign: { title: 'SỔ CHI TIẾT THEO ĐỢT VẬN ĐỘNG', name: 'Sổ chi tiết đợt vận động' },
  designation: { title: 'SỔ CHI TIẾT TIỀN ỦNG HỘ CÓ ĐỊA CHỈ', name: 'Sổ chi tiết có địa chỉ' },
};

/** Where the ledgers, the journal and the holding books print a line's description. */
const DESCRIPTION = 3;

/** Debit and credit balance columns from one debit-positive figure. */
const sided = (balance: bigint): [CellValue, CellValue] => (balance >= 0n ? [balance, null] : [null, -balance]);
/** A zero printed as an empty cell, as books kept by hand leave it. */
export const nonZero = (value: bigint): CellValue => (value === 0n ? null : value);

/** Cash and bank books: receipts, payments and what remains, as a cashier keeps them. */
function moneyBook(book: AccountBook): Pick<Sheet, 'columns' | 'head' | 'body' | 'foot' | 'carry'> {
  const cash = book.kind === 'cash';
  const [inHeader, outHeader, leftHeader] = cash ? ['Thu', 'Chi', 'Tồn'] : ['Gửi vào', 'Rút ra', 'Còn lại'];
  const columns = [
    date('Ngày ghi sổ'), date('Ngày chứng từ'),
    ...(cash ? [text('Số phiếu thu', 13), text('Số phiếu chi', 13)] : [text('Số hiệu chứng từ', 14)]),
    text('Diễn giải', 44), text('TK đối ứng', 9),
    amount(inHeader, book.scale), amount(outHeader, book.scale), amount(leftHeader, book.scale),
  ];
  const blanks = (n: number): CellValue[] => Array.from({ length: n }, () => null);
  const lead = cash ? 4 : 3;
  const row = (l: AccountBookLine): SheetRow => ({
    cells: [
      l.date, l.voucherDate,
      ...(cash ? [l.debit > 0n ? l.voucherNumber : null, l.credit > 0n ? l.voucherNumber : null] : [l.voucherNumber]),
      l.description, l.contra, nonZero(l.debit), nonZero(l.credit), l.balance,
    ],
  });
  return {
    columns,
    head: [{ cells: [...blanks(lead), `Số ${leftHeader.toLowerCase()} đầu kỳ`, null, null, null, book.opening], strong: true }],
    body: mapped(book.lines, row),
    foot: [
      { cells: [...blanks(lead), 'Cộng phát sinh trong kỳ', null, book.debit, book.credit, null], strong: true },
      { cells: [...blanks(lead), `Số ${leftHeader.toLowerCase()} cuối kỳ`, null, null, null, book.closing], strong: true },
    ],
    carry: { label: lead, sums: [lead + 2, lead + 3], last: [lead + 4] },
  };
}

/** The ledger of an account and the subsidiary ledgers: debits, credits and the balance on its side. */
function ledgerBook(book: AccountBook): Pick<Sheet, 'columns' | 'head' | 'body' | 'foot' | 'carry'> {
  const byAccount = book.kind !== 'ledger';
  const columns = [
    date('Ngày ghi sổ'), text('Số hiệu chứng từ', 14), date('Ngày chứng từ'), text('Diễn giải', 40),
    ...(byAccount ? [text('Tài khoản', 9)] : []), text('TK đối ứng', 9),
    amount('Nợ'), amount('Có'), amount('Dư Nợ'), amount('Dư Có'),
  ];
  const lead = byAccount ? 5 : 4;
  const row = (l: AccountBookLine): SheetRow => ({
    cells: [l.date, l.voucherNumber, l.voucherDate, l.description, ...(byAccount ? [l.account] : []), l.contra, nonZero(l.debit), nonZero(l.credit), ...sided(l.balance)],
  });
  // The opening, totals and closing read in the description column, whatever columns follow it.
  const summary = (label: string, figures: CellValue[]): SheetRow => ({ cells: [null, null, null, label, ...(byAccount ? [null] : []), null, ...figures], strong: true });
  return {
    columns,
    head: [summary('Số dư đầu kỳ', [null, null, ...sided(book.opening)])],
    body: mapped(book.lines, row),
    foot: [summary('Cộng phát sinh trong kỳ', [book.debit, book.credit, null, null]), summary('Số dư cuối kỳ', [null, null, ...sided(book.closing)])],
    carry: { label: DESCRIPTION, sums: [lead + 1, lead + 2], last: [lead + 3, lead + 4] },
  };
}

export function accountBookSheet(book: AccountBook): Sheet {
  const layout = book.kind === 'cash' || book.kind === 'bank' ? moneyBook(book) : ledgerBook(book);
  const unit = book.currency === 'VND' ? 'Đơn vị tính: đồng' : `Đơn vị tính: ${book.currency}`;
  return {
    name: TITLES[book.kind].name,
    title: TITLES[book.kind].title,
    form: [],
    subtitle: [...book.subject.map((s) => `${s.label}: ${s.value}`), rangeLine(book), unit],
    ...layout,
    bodyCount: book.count,
    notes: [bookNote(shortDate(book.from))],
    book: true,
  };
}

export function journalSheet(journal: GeneralJournal): Sheet {
  const row = (l: BookPosting): SheetRow => ({
    cells: [l.date, l.voucherNumber, l.voucherDate, l.description, l.account, l.amount > 0n ? l.amount : null, l.amount < 0n ? -l.amount : null],
  });
  return {
    name: 'Nhật ký chung',
    title: 'SỔ NHẬT KÝ CHUNG',
    form: [],
    subtitle: [rangeLine(journal), 'Đơn vị tính: đồng'],
    columns: [date('Ngày ghi sổ'), text('Số hiệu chứng từ', 14), date('Ngày chứng từ'), text('Diễn giải', 48), text('Số hiệu TK', 10), amount('Nợ'), amount('Có')],
    head: [],
    body: mapped(journal.lines, row),
    bodyCount: journal.count,
    foot: [{ cells: [null, null, null, 'Cộng phát sinh', null, journal.debit, journal.credit], strong: true }],
    carry: { label: DESCRIPTION, sums: [5, 6], last: [] },
    notes: [...(journal.balanced ? [] : ['Tổng phát sinh Nợ và Có không bằng nhau.']), bookNote(shortDate(journal.from))],
    book: true,
  };
}

/** Goods and foreign-currency books: quantities with their value, in, out and held. */
export function holdingBookSheet(book: HoldingBook): Sheet {
  const goods = book.kind === 'goods';
  // Currency held is kept in thousandths like goods; it prints in its currencies' own decimals.
  const scale = goods ? QUANTITY_SCALE : Math.max(0, ...book.holdings.map((h) => Math.min(QUANTITY_SCALE, currencyScale(h.unit) ?? QUANTITY_SCALE)));
  const divisor = 10n ** BigInt(QUANTITY_SCALE - scale);
  const n = (thousandths: bigint): bigint => thousandths / divisor;
  const q = (header: string): SheetColumn => ({ header, kind: 'amount', scale, width: 12 });
  const what = (h: { item: string | null; unit: string }): CellValue => (goods ? (h.item ?? '') : h.unit);
  const row = (l: HoldingBookLine): SheetRow => {
    const out = l.quantity < 0n;
    return {
      cells: [l.date, l.voucherNumber, l.voucherDate, l.description, what(l), goods ? l.unit : null,
        out ? null : n(l.quantity), out ? null : l.value, out ? n(-l.quantity) : null, out ? l.value : null, n(l.held), l.heldValue],
    };
  };
  const summary = (label: string, pick: (h: HoldingSummary) => CellValue[]) =>
    book.holdings.map((h) => ({ cells: [null, null, null, label, what(h), goods ? h.unit : null, ...pick(h)], strong: true }));
  return {
    name: goods ? 'Sổ hiện vật' : 'Sổ ngoại tệ',
    title: goods ? 'SỔ THEO DÕI HIỆN VẬT NHẬN ỦNG HỘ' : 'SỔ THEO DÕI NGOẠI TỆ',
    form: [],
    subtitle: [`Tài khoản: ${book.account}`, rangeLine(book), 'Giá trị tính bằng đồng'],
    columns: [
      date('Ngày ghi sổ'), text('Số hiệu chứng từ', 14), date('Ngày chứng từ'), text('Diễn giải', 36),
      text(goods ? 'Tên hiện vật' : 'Loại ngoại tệ', goods ? 16 : 8), text('ĐVT', 6),
      q(goods ? 'Nhập: số lượng' : 'Thu: nguyên tệ'), amount(goods ? 'Nhập: giá trị' : 'Thu: quy đồng'),
      q(goods ? 'Xuất: số lượng' : 'Chi: nguyên tệ'), amount(goods ? 'Xuất: giá trị' : 'Chi: quy đồng'),
      q(goods ? 'Tồn: số lượng' : 'Tồn: nguyên tệ'), amount(goods ? 'Tồn: giá trị' : 'Tồn: quy đồng'),
    ],
    head: summary('Tồn đầu kỳ', (h) => [null, null, null, null, n(h.opening), h.openingValue]),
    body: mapped(book.lines, row),
    bodyCount: book.count,
    foot: [
      ...summary('Cộng phát sinh', (h) => [n(h.in), h.inValue, n(h.out), h.outValue, null, null]),
      ...summary('Tồn cuối kỳ', (h) => [null, null, null, null, n(h.closing), h.closingValue]),
    ],
    // Values add up across goods and currencies; quantities of different kinds do not.
    carry: { label: DESCRIPTION, sums: [7, 9], last: [] },
    notes: [bookNote(shortDate(book.from))],
    book: true,
  };
}
