/**
 * The rows of a MISA voucher sheet as vouchers of a fund: rows sharing a number and posting
 * date, one after another, are one voucher; each row is a debit–credit pair, and pairs on
 * the same account, side and counterparty are added back into one line. Accounts are read
 * back through the mapping, counterparty codes through the file's own list (or the row's
 * name), and what the fund does not know (a campaign, a bank account) is left out and said.
 * A row that cannot be read is a problem naming its file, sheet, row and column.
 */
import { isIsoDate } from '../../ledger/calendar.js';
import type { CounterpartyRef, LineInput } from '../../ledger/entry.js';
import { FUND_LIMIT } from '../../ledger/money.js';
import type { VoucherContent } from '../../ledger/vouchers/voucher.js';
import type { VoucherType } from '../../ledger/vouchers/voucher-types.js';
import type { MisaField, MisaVoucherTemplate } from './layout.js';
import { ourAccount, type MisaMapping } from './mapping.js';
import type { ReadRow, ReadSheet } from './misa-reader.js';

export const IMPORT_PROBLEMS = {
  field_missing: 'Thiếu nội dung bắt buộc',
  date_invalid: 'Ngày không đúng dạng dd/MM/yyyy hoặc không có thật',
  amount_invalid: 'Số tiền phải là số đồng nguyên dương',
  account_unknown: 'Tài khoản không có trong hệ thống tài khoản của Quỹ',
  number_too_long: 'Số chứng từ dài quá 20 ký tự',
  number_taken: 'Số chứng từ đã có trong sổ của Quỹ',
  rows_apart: 'Các dòng của một chứng từ phải liền nhau',
  opening_exists: 'Quỹ đã có số dư đầu kỳ; số dư chỉ nhập vào sổ chưa có',
} as const;
export type ImportProblem = keyof typeof IMPORT_PROBLEMS;

export interface ImportIssue {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly column?: string;
  readonly problem: ImportProblem;
  readonly value: string;
  readonly message: string;
}

export function importIssue(sheet: Pick<ReadSheet, 'file' | 'sheet' | 'layout'>, row: number, problem: ImportProblem, value: string, field?: MisaField): ImportIssue {
  const column = field === undefined ? undefined : sheet.layout.columns.find((c) => c.field === field)?.header.trim();
  return { file: sheet.file, sheet: sheet.sheet, row, ...(column !== undefined && { column }), problem, value, message: `${IMPORT_PROBLEMS[problem]}${column ? ` (cột "${column}")` : ''}: ${value}` };
}

export interface ImportedVoucher {
  readonly template: MisaVoucherTemplate;
  /** The number the voucher had in the file. */
  readonly number: string;
  readonly row: number;
  readonly content: VoucherContent;
}

export interface FundView {
  readonly mapping: MisaMapping;
  readonly hasAccount: (code: string) => boolean;
  readonly hasBankAccount: (number: string) => boolean;
  readonly hasCampaign: (code: string) => boolean;
  /** Money accounts (cash, bank, in transit): a row's counterparty goes on its other side. */
  readonly isMoney: (code: string) => boolean;
  readonly isBank: (code: string) => boolean;
  readonly typeOf: (template: MisaVoucherTemplate, number: string) => VoucherType;
  readonly numberTaken: (number: string) => boolean;
  readonly counterparty: (code: string | undefined, name: string | undefined, address: string | undefined, template: MisaVoucherTemplate) => CounterpartyRef | undefined;
}

/** dd/MM/yyyy as an ISO date, if it is a real one. */
export function isoOf(text: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text ?? '');
  if (!match) return undefined;
  const iso = `${match[3]}-${(match[2] as string).padStart(2, '0')}-${(match[1] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Whole đồng from a number cell or text with thousands separators; undefined unless positive and within the books' limit. */
export function dongOf(text: string | undefined): bigint | undefined {
  const plain = (text ?? '').replace(/\s/g, '');
  const digits = /^\d+$/.test(plain) ? plain : /^\d{1,3}([.,]\d{3})+$/.test(plain) ? plain.replace(/[.,]/g, '') : undefined;
  if (digits === undefined || digits.length > 16) return undefined;
  const value = BigInt(digits);
  return value > 0n && value <= FUND_LIMIT ? value : undefined;
}

interface Pending {
  key: string;
  first: ReadRow;
  rows: ReadRow[];
}

export interface SheetVouchers {
  readonly vouchers: ImportedVoucher[];
  readonly issues: ImportIssue[];
  readonly notes: string[];
}

export function readVouchers(sheet: ReadSheet, fund: FundView): SheetVouchers {
  const template = sheet.layout.template as MisaVoucherTemplate;
  const out: SheetVouchers = { vouchers: [], issues: [], notes: [] };
  const seen = new Set<string>();
  const dropped = { campaigns: new Set<string>(), banks: new Set<string>() };
  let pending: Pending | undefined;
  const flush = () => {
    if (pending) toVoucher(pending);
    pending = undefined;
  };

  function toVoucher(group: Pending): void {
    const head = group.first.values;
    const problems: ImportIssue[] = [];
    const at = (row: ReadRow, problem: ImportProblem, value: string, field?: MisaField) => problems.push(importIssue(sheet, row.row, problem, value, field));
    const number = head.number ?? '';
    if (number.length > 20) at(group.first, 'number_too_long', number, 'number');
    else if (fund.numberTaken(number)) at(group.first, 'number_taken', number, 'number');
    const postingDate = isoOf(head.postingDate);
    if (!postingDate) at(group.first, head.postingDate === undefined ? 'field_missing' : 'date_invalid', head.postingDate ?? '', 'postingDate');
    const date = head.voucherDate === undefined ? postingDate : isoOf(head.voucherDate);
    if (!date) at(group.first, 'date_invalid', head.voucherDate ?? '', 'voucherDate');
    const lines = new Map<string, { line: LineInput; side: 'debit' | 'credit'; amount: bigint }>();
    const party = fund.counterparty(head.counterpartyCode, head.counterpartyName, head.address, template);
    for (const row of group.rows) {
      const v = row.values;
      const accounts = (['debitAccount', 'creditAccount'] as const).map((field) => {
        const misa = v[field];
        if (misa === undefined) return at(row, 'field_missing', '', field), undefined;
        const ours = ourAccount(fund.mapping, misa);
        if (ours === undefined || !fund.hasAccount(ours)) return at(row, 'account_unknown', misa, field), undefined;
        return ours;
      });
      const foreign = v.currency !== undefined && v.currency !== 'VND';
      const amount = dongOf(foreign ? v.convertedAmount : (v.amount ?? v.convertedAmount));
      if (amount === undefined) at(row, 'amount_invalid', (foreign ? v.convertedAmount : v.amount) ?? '', foreign ? 'convertedAmount' : 'amount');
      const [debit, credit] = accounts;
      if (debit === undefined || credit === undefined || amount === undefined) continue;
      const campaign = v.statisticsCode !== undefined && fund.hasCampaign(v.statisticsCode) ? v.statisticsCode : undefined;
      if (v.statisticsCode !== undefined && campaign === undefined) dropped.campaigns.add(v.statisticsCode);
      const bank = v.bankAccount !== undefined && fund.hasBankAccount(v.bankAccount) ? v.bankAccount : undefined;
      if (v.bankAccount !== undefined && bank === undefined) dropped.banks.add(v.bankAccount);
      // A template with one counterparty column puts it on the side that is not money, the debit if neither is.
      const lineSide = fund.isMoney(debit) ? 'credit' : 'debit';
      const code = (side: 'debit' | 'credit') => (side === 'debit' ? v.debitCounterpartyCode : v.creditCounterpartyCode) ?? (side === lineSide ? v.lineCounterpartyCode : undefined);
      for (const side of ['debit', 'credit'] as const) {
        const account = side === 'debit' ? debit : credit;
        const partyCode = code(side);
        const counterparty = partyCode === undefined ? undefined : fund.counterparty(partyCode, partyCode === head.counterpartyCode ? head.counterpartyName : undefined, undefined, template);
        const bankAccount = bank !== undefined && fund.isBank(account) ? bank : undefined;
        const key = foreign ? `${row.row}:${side}` : [account, side, partyCode ?? '', bankAccount ?? '', campaign ?? ''].join('\u0000');
        const known = lines.get(key);
        if (known) {
          known.amount += amount;
          continue;
        }
        const line: LineInput = {
          account, ...(counterparty && { counterparty }), ...(bankAccount !== undefined && { bankAccount }), ...(campaign !== undefined && { campaign }),
          ...(foreign && v.currency !== undefined && v.amount !== undefined && v.rate !== undefined && { currency: v.currency, originalAmount: v.amount, rate: v.rate }),
        };
        lines.set(key, { line, side, amount });
      }
    }
    // A file that names the counterparty only in the voucher's header (as MISA's own files do) has it on the side that is not money.
    if (party && !group.rows.some((r) => r.values.lineCounterpartyCode !== undefined || r.values.debitCounterpartyCode !== undefined || r.values.creditCounterpartyCode !== undefined)) {
      for (const [key, entry] of lines) if (!fund.isMoney(entry.line.account) && entry.line.counterparty === undefined) lines.set(key, { ...entry, line: { ...entry.line, counterparty: party } });
    }
    if (problems.length > 0 || !postingDate || !date) {
      out.issues.push(...problems);
      return;
    }
    const reason = head.reasonText ?? head.description ?? number;
    const bankAccount = head.bankAccount !== undefined && fund.hasBankAccount(head.bankAccount) ? head.bankAccount : undefined;
    const attachments = head.attachments === undefined ? undefined : Number(head.attachments);
    const content: VoucherContent = {
      type: fund.typeOf(template, number), date, accountingDate: postingDate, reason,
      ...(party && { counterparty: { name: party.name, ...(party.address && { address: party.address }), kind: party.kind, ...(party.form && { form: party.form }) } }),
      ...(bankAccount !== undefined && { bankAccount }),
      ...(attachments !== undefined && Number.isInteger(attachments) && attachments >= 0 && { attachments }),
      lines: [...lines.values()].map(({ line, side, amount }) => ({ ...line, [side]: amount.toString() })),
    };
    out.vouchers.push({ template, number, row: group.first.row, content });
  }

  for (const row of sheet.rows) {
    const key = `${row.values.number ?? ''}\u0000${row.values.postingDate ?? ''}`;
    if (row.values.number === undefined) {
      out.issues.push(importIssue(sheet, row.row, 'field_missing', '', 'number'));
      continue;
    }
    if (pending?.key === key) {
      pending.rows.push(row);
      continue;
    }
    flush();
    if (seen.has(key)) {
      out.issues.push(importIssue(sheet, row.row, 'rows_apart', row.values.number));
      continue;
    }
    seen.add(key);
    pending = { key, first: row, rows: [row] };
  }
  flush();
  if (dropped.campaigns.size > 0) out.notes.push(`${sheet.file} / ${sheet.sheet}: Quỹ không có cuộc vận động ${[...dropped.campaigns].join(', ')}; các dòng được nhập không gắn cuộc vận động`);
  if (dropped.banks.size > 0) out.notes.push(`${sheet.file} / ${sheet.sheet}: Quỹ không có tài khoản ngân hàng ${[...dropped.banks].join(', ')}; các dòng được nhập không gắn tài khoản ngân hàng`);
  return out;
}
