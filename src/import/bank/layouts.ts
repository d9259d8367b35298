/**
 * The statement layouts the importer knows (BANK-STATEMENTS.md): the CSV exports of the 2024
 * campaign's statements as they circulate, one per shape. A layout is found by its header row.
 */
import type { StatementLayout } from './statement-layout.js';

export const STATEMENT_LAYOUTS: readonly StatementLayout[] = [
  {
    id: 'vcb-docno', bank: 'Vietcombank', label: 'Vietcombank: TNXDate, DocNo, Debit, Credit, Balance, Transactions in Detail (balance on the last row of a day)',
    header: ['TNXDate', 'DocNo', 'Debit', 'Credit', 'Balance', 'Transactions in Detail'],
    columns: { date: 'TNXDate', ref: 'DocNo', debit: 'Debit', credit: 'Credit', balance: 'Balance', remark: 'Transactions in Detail' },
    dates: 'dmy', amounts: 'dot-thousands', control: 'day-end-balance',
  },
  {
    id: 'page-export', bank: 'Agribank, VietinBank', label: 'PageId, Date, Time, DocumentNumber, ReferenceNumber, TransactionDetails, DebitAmount, CreditAmount, Balance, OffsetAccount',
    header: ['PageId', 'Date', 'Time', 'DocumentNumber', 'ReferenceNumber', 'TransactionDetails', 'DebitAmount', 'CreditAmount', 'Balance', 'OffsetAccount'],
    columns: { date: 'Date', time: 'Time', ref: 'ReferenceNumber', remark: 'TransactionDetails', debit: 'DebitAmount', credit: 'CreditAmount', balance: 'Balance', counterAccount: 'OffsetAccount' },
    dates: 'dmy', amounts: 'comma-thousands', control: 'row-balance',
  },
  {
    id: 'date-money-content', bank: 'BIDV', label: 'date, money, content (credits)',
    header: ['date', 'money', 'content'], columns: { date: 'date', credit: 'money', remark: 'content' }, dates: 'dmy', amounts: 'plain', control: 'none',
  },
  {
    id: 'date-content-money', bank: 'VietinBank', label: 'date, content, money (credits)',
    header: ['date', 'content', 'money'], columns: { date: 'date', remark: 'content', credit: 'money' }, dates: 'dmy', amounts: 'plain', control: 'none',
  },
  {
    id: 'date-bank-id', bank: 'BIDV', label: 'date, bank, id, money, desc, page (dd/mm without the year)',
    header: ['date', 'bank', 'id', 'money', 'desc', 'page'], columns: { date: 'date', ref: 'id', credit: 'money', remark: 'desc' }, dates: 'dm', amounts: 'plain', control: 'none',
  },
];

export function layoutOfHeader(header: readonly string[]): StatementLayout | undefined {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  return STATEMENT_LAYOUTS.find((l) => l.header.length === cells.length && l.header.every((h, i) => h === cells[i]));
}

export function findStatementLayout(id: string): StatementLayout | undefined {
  return STATEMENT_LAYOUTS.find((l) => l.id === id);
}

/** A record's cells by the header's names; a repeated name is keyed `name#2`, `name#3`. */
export function cellsOf(header: readonly string[], record: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = Object.create(null) as Record<string, string>;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    cells[times === 1 ? name : `${name}#${times}`] = record[i] ?? '';
  });
  return cells;
}

/** Whether a record after the header is a row of the statement, not a document's own line. */
export function isStatementRecord(layout: StatementLayout, cells: Readonly<Record<string, string>>): boolean {
  return layout.serial === undefined || /^\d+$/.test((cells[layout.serial] ?? '').replace(/[\s\u00a0]/g, ''));
}
