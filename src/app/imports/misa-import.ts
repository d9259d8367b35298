/**
 * MISA files read back into a fund: the chart's missing sub-accounts, the counterparties,
 * the opening balances (an opening entry) and the vouchers, as drafts or posted. Everything
 * is read and checked first; a file with any row that cannot become a voucher of the fund
 * changes nothing and is refused with the first problem named (`check` gives the whole
 * report without importing). Posting goes type by type in the file's order, so each type's
 * numbers come out as they were, the types interleaved by date; a voucher the rules refuse
 * rolls the whole import back. An entry that had no voucher (numbered BT…) is posted as an
 * entry, so it draws no voucher number.
 */
import { findMisaMapping } from '../../db/misa-repo.js';
import type { Store } from '../../db/store.js';
import { kindOfCode } from '../../export/misa/counterparty-code.js';
import { TEMPLATE_OF_TYPE, type MisaProduct, type MisaVoucherTemplate } from '../../export/misa/layout.js';
import { ourAccount } from '../../export/misa/mapping.js';
import { readMisaFiles, type ReadFiles, type ReadSheet } from '../../export/misa/misa-reader.js';
import { dongOf, importIssue, readVouchers, type FundView, type ImportedVoucher, type ImportIssue } from '../../export/misa/read-vouchers.js';
import { isUnder } from '../../ledger/chart.js';
import type { CounterpartyRef, LineInput } from '../../ledger/entry.js';
import { accept, reject, type Rejection, type Result } from '../../ledger/rejections.js';
import { VOUCHER_TYPES, type VoucherType } from '../../ledger/vouchers/voucher-types.js';
import { addSubAccount } from '../add-sub-account.js';
import { refuseUnless, type Caller } from '../caller.js';
import { loadFund, type Fund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';
import { postEntries } from '../post-entries.js';
import { approveVoucher } from '../vouchers/approve-voucher.js';
import { postVoucher } from '../vouchers/post-voucher.js';
import { createVoucher } from '../vouchers/voucher-drafts.js';
import { settingsFrom } from '../vouchers/voucher-settings.js';

/** The type each template's vouchers are when the number does not name one. */
const DEFAULT_TYPE: Readonly<Record<MisaVoucherTemplate, VoucherType>> = {
  'phieu-thu': 'cash-receipt', 'phieu-chi': 'cash-payment', 'thu-tien-gui': 'bank-receipt', 'chi-tien-gui': 'bank-payment', 'chung-tu-khac': 'general',
};
/** On one day, money comes in before it goes out, and general vouchers (money arriving in transit, goods, cancellations) come last. */
const DAY_ORDER: readonly MisaVoucherTemplate[] = ['phieu-thu', 'thu-tien-gui', 'phieu-chi', 'chi-tien-gui', 'chung-tu-khac'];
const ENTRY_NUMBER = /^BT\d{6,}$/;

export interface MisaImportRequest {
  readonly entity: string;
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
  /** Post the vouchers (approving those that wait for an approver); otherwise they stay drafts. */
  readonly post?: boolean;
  /** Read and check only. */
  readonly check?: boolean;
  /** The opening balances' date; the first day of the fund's first open year if absent. */
  readonly openingDate?: string;
  readonly actor: Caller;
}

export interface MisaImportReport {
  readonly sheets: { readonly file: string; readonly sheet: string; readonly product: MisaProduct; readonly template: string; readonly rows: number; readonly unknownHeaders: string[] }[];
  readonly unread: { readonly file: string; readonly sheet: string }[];
  readonly accountsAdded: string[];
  readonly counterparties: number;
  readonly openingLines: number;
  readonly vouchers: { readonly number: string; readonly type: VoucherType; readonly id: number | null; readonly postedAs: string | null }[];
  readonly drafts: number;
  readonly posted: number;
  readonly notes: string[];
  readonly issues: ImportIssue[];
  readonly imported: boolean;
}

interface Parsed {
  readonly accounts: { code: string; parent: string; nameVi: string; nameEn?: string }[];
  readonly counterparties: Map<string, CounterpartyRef>;
  readonly opening: LineInput[];
  readonly vouchers: ImportedVoucher[];
  readonly issues: ImportIssue[];
  readonly notes: string[];
}

function partyKind(template: MisaVoucherTemplate): CounterpartyRef['kind'] {
  return template === 'phieu-thu' || template === 'thu-tien-gui' ? 'donor' : template === 'chung-tu-khac' ? 'other' : 'beneficiary';
}

function parse(store: Store, fund: Fund, files: ReadFiles): Parsed {
  const parsed: Parsed = { accounts: [], counterparties: new Map(), opening: [], vouchers: [], issues: [], notes: [] };
  const of = (template: string) => files.sheets.filter((s) => s.layout.template === template);
  const mappingOf = (sheet: ReadSheet) => findMisaMapping(store.db, fund.entity.id, sheet.layout.product);
  const known = new Set(fund.chart.accounts.keys());

  for (const sheet of of('he-thong-tai-khoan')) {
    const mapping = mappingOf(sheet);
    for (const { values } of sheet.rows) {
      const code = values.account === undefined ? undefined : ourAccount(mapping, values.account);
      const parent = values.parentAccount === undefined ? undefined : ourAccount(mapping, values.parentAccount);
      if (code === undefined || known.has(code) || parent === undefined || !known.has(parent)) continue;
      known.add(code);
      parsed.accounts.push({ code, parent, nameVi: values.accountName ?? code, ...(values.accountNameEn !== undefined && { nameEn: values.accountNameEn }) });
    }
  }
  for (const sheet of of('doi-tuong')) {
    for (const { values } of sheet.rows) {
      if (values.counterpartyCode === undefined || values.counterpartyName === undefined) continue;
      const kind = kindOfCode(values.counterpartyCode) ?? (values.isSupplier === '1' ? 'supplier' : 'other');
      const form = values.isPerson === '1' ? 'individual' : values.isPerson === '0' ? 'organisation' : undefined;
      parsed.counterparties.set(values.counterpartyCode, { kind, name: values.counterpartyName, ...(values.address !== undefined && { address: values.address }), ...(form && { form }) });
    }
  }
  const counterparty: FundView['counterparty'] = (code, name, address, template) => {
    const listed = code === undefined ? undefined : parsed.counterparties.get(code);
    if (listed) return listed;
    if (name === undefined) return undefined;
    return { kind: (code === undefined ? undefined : kindOfCode(code)) ?? partyKind(template), name, ...(address !== undefined && { address }) };
  };
  const bankHolding = fund.regime.voucherTypes['bank-receipt'].holding?.vnd ?? fund.regime.bookAccounts.cash;
  const bankRoot = fund.chart.accounts.get(bankHolding)?.parent ?? bankHolding;
  const moneyRoots = [fund.regime.bookAccounts.cash, bankRoot, fund.regime.transferAccounts.inTransit];
  const settings = settingsFrom(fund.entity, fund.voucherSettings, fund.regime);
  const prefixes = VOUCHER_TYPES.map((type) => ({ type, prefix: settings.types[type].prefix })).sort((a, b) => b.prefix.length - a.prefix.length);
  const taken = new Set(store.sqlite.prepare('SELECT number FROM vouchers WHERE entity_id = ? AND number IS NOT NULL').pluck().all(fund.entity.id) as string[]);
  const view = (sheet: ReadSheet): FundView => ({
    mapping: mappingOf(sheet),
    hasAccount: (code) => known.has(code),
    hasBankAccount: (number) => fund.bankAccountIds.has(number),
    hasCampaign: (code) => fund.campaigns.has(code),
    isMoney: (code) => moneyRoots.some((root) => isUnder(fund.chart, code, root) || code.startsWith(root)),
    isBank: (code) => isUnder(fund.chart, code, bankRoot) || code.startsWith(bankRoot),
    typeOf: (template, number) => {
      const named = prefixes.find((p) => new RegExp(`^${p.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d`).test(number))?.type;
      return named !== undefined && (template === 'chung-tu-khac' || TEMPLATE_OF_TYPE[named] === template) ? named : DEFAULT_TYPE[template];
    },
    numberTaken: (number) => taken.has(number),
    counterparty,
  });

  const opened = store.sqlite.prepare("SELECT 1 FROM entries WHERE entity_id = ? AND kind = 'opening' LIMIT 1").pluck().get(fund.entity.id) !== undefined;
  for (const sheet of of('so-du-ban-dau')) {
    const first = sheet.rows[0];
    if (opened && first) {
      parsed.issues.push(importIssue(sheet, first.row, 'opening_exists', fund.entity.code));
      continue;
    }
    const fundView = view(sheet);
    for (const row of sheet.rows) {
      const { values } = row;
      const code = values.account === undefined ? undefined : ourAccount(fundView.mapping, values.account);
      if (code === undefined || !known.has(code)) {
        parsed.issues.push(importIssue(sheet, row.row, 'account_unknown', values.account ?? '', 'account'));
        continue;
      }
      const debit = dongOf(values.openingDebitConverted ?? values.openingDebit);
      const credit = dongOf(values.openingCreditConverted ?? values.openingCredit);
      if ((debit === undefined) === (credit === undefined)) {
        parsed.issues.push(importIssue(sheet, row.row, 'amount_invalid', `${values.openingDebit ?? ''} / ${values.openingCredit ?? ''}`, 'openingDebit'));
        continue;
      }
      const party = values.lineCounterpartyCode === undefined ? undefined : counterparty(values.lineCounterpartyCode, undefined, undefined, 'chung-tu-khac');
      const bankAccount = values.bankAccount !== undefined && fund.bankAccountIds.has(values.bankAccount) ? values.bankAccount : undefined;
      parsed.opening.push({
        account: code, ...(debit !== undefined ? { debit: debit.toString() } : { credit: (credit as bigint).toString() }),
        ...(party && { counterparty: party }), ...(bankAccount !== undefined && { bankAccount }),
      });
    }
  }
  for (const sheet of files.sheets) {
    if (!(Object.keys(DEFAULT_TYPE) as string[]).includes(sheet.layout.template)) continue;
    const read = readVouchers(sheet, view(sheet));
    parsed.vouchers.push(...read.vouchers);
    parsed.issues.push(...read.issues);
    parsed.notes.push(...read.notes);
  }
  for (const sheet of files.sheets) if (sheet.unknownHeaders.length > 0) parsed.notes.push(`${sheet.file} / ${sheet.sheet}: bỏ qua các cột không thuộc mẫu: ${sheet.unknownHeaders.join(', ')}`);
  for (const sheet of files.unread) parsed.notes.push(`${sheet.file} / ${sheet.sheet}: không phải mẫu nhập của MISA, bỏ qua`);
  return parsed;
}

/** Refusals that a voucher posted later the same run may lift: a balance that would go below zero. */
const WAITS: ReadonlySet<string> = new Set(['balance_would_go_negative', 'off_balance_would_go_negative']);

/**
 * Posts each type's vouchers in the file's order, the types interleaved by date (money in
 * before money out on a day). A voucher refused only because a balance would go below zero
 * waits, with the rest of its type, until another type's voucher has posted; the first
 * other refusal, or a wait nothing lifts, ends the run.
 */
function postInOrder(vouchers: readonly ImportedVoucher[], post: (v: ImportedVoucher) => Result<unknown>): { readonly voucher: ImportedVoucher; readonly refusal: Rejection } | null {
  const queues = new Map<string, ImportedVoucher[]>();
  for (const v of vouchers) {
    const key = ENTRY_NUMBER.test(v.number) ? 'entry' : v.content.type;
    const queue = queues.get(key);
    if (queue) queue.push(v);
    else queues.set(key, [v]);
  }
  const heads = [...queues.values()].map((queue) => ({ queue, at: 0 }));
  const dateOf = (v: ImportedVoucher) => v.content.accountingDate ?? v.content.date;
  const before = (x: ImportedVoucher, y: ImportedVoucher) => dateOf(x) < dateOf(y) || (dateOf(x) === dateOf(y) && DAY_ORDER.indexOf(x.template) < DAY_ORDER.indexOf(y.template));
  for (;;) {
    const waiting = heads.filter((h) => h.at < h.queue.length).sort((x, y) => (before(x.queue[x.at] as ImportedVoucher, y.queue[y.at] as ImportedVoucher) ? -1 : 1));
    if (waiting.length === 0) return null;
    let firstWait: { voucher: ImportedVoucher; refusal: Rejection } | undefined;
    let moved = false;
    for (const head of waiting) {
      const voucher = head.queue[head.at] as ImportedVoucher;
      const posted = post(voucher);
      if (posted.ok) {
        head.at += 1;
        moved = true;
        break;
      }
      if (!WAITS.has(posted.code)) return { voucher, refusal: posted };
      firstWait ??= { voucher, refusal: posted };
    }
    if (!moved && firstWait) return firstWait;
  }
}

function firstOpenDay(fund: Fund): string | undefined {
  const year = [...fund.calendar.years].filter(([, status]) => status === 'open').map(([y]) => y).sort((a, b) => a - b)[0];
  return year === undefined ? undefined : `${year}-01-01`;
}

export interface PreparedImport {
  readonly fund: Fund;
  readonly parsed: Parsed;
  readonly ordered: readonly ImportedVoucher[];
  readonly base: Omit<MisaImportReport, 'vouchers' | 'drafts' | 'posted' | 'imported'>;
}

/** Reads and checks the files against the fund as it stands; nothing is written. */
export async function prepareMisaImport(store: Store, request: Pick<MisaImportRequest, 'entity' | 'files'>): Promise<Result<PreparedImport>> {
  let files: ReadFiles;
  try {
    files = await readMisaFiles(request.files);
  } catch (error) {
    return reject('misa_file_unreadable', 'file', (error as Error).message);
  }
  if (files.sheets.length === 0) return reject('misa_layout_unknown', 'file', files.unread.map((s) => `${s.file} / ${s.sheet}`).join(', ') || 'no sheet');
  const fund = loadFund(store, request.entity);
  if (!fund.ok) return fund;
  const parsed = parse(store, fund.value, files);
  const base = {
    sheets: files.sheets.map((s) => ({ file: s.file, sheet: s.sheet, product: s.layout.product, template: s.layout.template, rows: s.rows.length, unknownHeaders: [...s.unknownHeaders] })),
    unread: [...files.unread], accountsAdded: parsed.accounts.map((a) => a.code), counterparties: parsed.counterparties.size, openingLines: parsed.opening.length,
    notes: parsed.notes, issues: parsed.issues,
  };
  return accept({ fund: fund.value, parsed, ordered: parsed.vouchers, base });
}

/** The report of a check: what would be imported, and every problem. */
export function checkedImport(prepared: PreparedImport): MisaImportReport {
  return { ...prepared.base, vouchers: prepared.ordered.map((v) => ({ number: v.number, type: v.content.type, id: null, postedAs: null })), drafts: 0, posted: 0, imported: false };
}

/** Writes a prepared import in one transaction, or refuses it whole. */
export function applyMisaImport(store: Store, prepared: PreparedImport, request: Omit<MisaImportRequest, 'files' | 'check'>): Result<MisaImportReport> {
  const { parsed, ordered, base, fund } = prepared;
  const unapproved = request.post ? refuseUnless(store, request.actor, 'voucher.approve', fund.entity, 'post') : null;
  if (unapproved) return unapproved;
  const first = parsed.issues[0];
  if (first) return reject('misa_import_invalid', 'file', `${parsed.issues.length}: ${first.file} / ${first.sheet} dòng ${first.row}: ${first.message}`);
  return inTransaction(store, () => {
    const { actor, entity } = request;
    for (const account of parsed.accounts) {
      const added = addSubAccount(store, { entity, actor, ...account });
      if (!added.ok) return { ...added, detail: `${account.code}: ${added.detail ?? added.message}` };
    }
    if (parsed.opening.length > 0) {
      const date = request.openingDate ?? firstOpenDay(fund);
      if (date === undefined) return reject('date_outside_open_year', 'openingDate', 'no open year');
      const opened = postEntries(store, { entity, actor, kind: 'opening', entries: [{ date, description: 'Số dư đầu kỳ nhập từ MISA', lines: parsed.opening }] });
      if (!opened.ok) return { ...opened, path: 'openingDate', detail: `${opened.code}: ${opened.detail ?? opened.message}` };
    }
    const settings = settingsFrom(fund.entity, fund.voucherSettings, fund.regime);
    const vouchers: MisaImportReport['vouchers'][number][] = [];
    const labelled = (v: ImportedVoucher) => (r: { code: string; detail?: string; message: string }) =>
      reject('misa_import_invalid', 'file', `${v.number} (dòng ${v.row}): ${r.code} ${r.detail ?? r.message}`);
    if (!request.post) {
      for (const v of ordered) {
        const draft = createVoucher(store, { entity, content: v.content, actor });
        if (!draft.ok) return labelled(v)(draft);
        vouchers.push({ number: v.number, type: v.content.type, id: draft.value.id, postedAs: null });
      }
    } else {
      // Each voucher is drafted, approved and posted in its own savepoint, so one that must wait leaves nothing behind.
      const failed = postInOrder(ordered, (v) =>
        inTransaction<unknown>(store, () => {
          if (ENTRY_NUMBER.test(v.number)) {
            const posted = postEntries(store, { entity, actor, entries: [{ date: v.content.accountingDate ?? v.content.date, description: v.content.reason, lines: v.content.lines ?? [] }] });
            if (posted.ok) vouchers.push({ number: v.number, type: v.content.type, id: null, postedAs: v.number });
            return posted;
          }
          const draft = createVoucher(store, { entity, content: v.content, actor });
          if (!draft.ok) return draft;
          if (settings.types[v.content.type].approvalRequired) {
            const approved = approveVoucher(store, { entity, id: draft.value.id, actor });
            if (!approved.ok) return approved;
          }
          const posted = postVoucher(store, { entity, id: draft.value.id, actor });
          if (posted.ok) vouchers.push({ number: v.number, type: v.content.type, id: posted.value.id, postedAs: posted.value.number });
          return posted;
        }),
      );
      if (failed) return labelled(failed.voucher)(failed.refusal);
    }
    const posted = vouchers.filter((v) => v.postedAs !== null).length;
    const renumbered = vouchers.filter((v) => v.postedAs !== null && v.postedAs !== v.number).length;
    const notes = renumbered > 0 ? [...base.notes, `${renumbered} chứng từ được ghi sổ với số khác số trong tệp (số do Quỹ cấp theo thứ tự)`] : base.notes;
    return accept({ ...base, notes, vouchers, drafts: vouchers.length - posted, posted, imported: true });
  });
}

/** Reads, checks and (unless only a check is asked for) writes. */
export async function misaImport(store: Store, request: MisaImportRequest): Promise<Result<MisaImportReport>> {
  const prepared = await prepareMisaImport(store, request);
  if (!prepared.ok) return prepared;
  return request.check ? accept(checkedImport(prepared.value)) : applyMisaImport(store, prepared.value, request);
}
