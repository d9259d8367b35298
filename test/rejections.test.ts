/**
 * Every rejection code, one row each: the row makes the ledger refuse with that code.
 * The table is typed over every code, and a test checks it covers them all at run time too.
 */
import { removeSealImage, setSealImage } from '../src/app/seal-image.js';
import { sealPng } from './support/seal-png.js';
import { describe, expect, it } from 'vitest';
import { addBankAccount } from '../src/app/add-bank-account.js';
import { addSubAccount } from '../src/app/add-sub-account.js';
import { closeYear } from '../src/app/close-year.js';
import { createCampaign } from '../src/app/create-campaign.js';
import { createEntity } from '../src/app/create-entity.js';
import { deactivateAccount } from '../src/app/deactivate-account.js';
import { importChart } from '../src/app/import-chart.js';
import { openYear } from '../src/app/open-year.js';
import { lockPeriod, unlockPeriod } from '../src/app/period-locks.js';
import { reopenYear } from '../src/app/reopen-year.js';
import { reverseEntry } from '../src/app/reverse-entry.js';
import { idempotent } from '../src/app/idempotent.js';
import { issueToken, revokeToken } from '../src/app/tokens.js';
import { getTrialBalance } from '../src/app/trial-balance.js';
import { checkBookFormat, getBook } from '../src/app/reports/get-book.js';
import { getStatement } from '../src/app/reports/get-statement.js';
import { createUser, revokeGrant, userInReach } from '../src/app/users.js';
import { parseChartCsv } from '../src/ledger/chart-csv.js';
import { planSubAccount, checkDeactivation } from '../src/ledger/chart.js';
import type { EntryInput, LineInput } from '../src/ledger/entry.js';
import { parseJournal } from '../src/ledger/journal-text.js';
import { MAX_FUNDS } from '../src/ledger/money.js';
import { postEntry } from '../src/ledger/post-entry.js';
import { accept, REJECTIONS, type RejectionCode, type Result } from '../src/ledger/rejections.js';
import { planReversal } from '../src/ledger/reverse-entry.js';
import { approveVoucher } from '../src/app/vouchers/approve-voucher.js';
import { cancelVoucher } from '../src/app/vouchers/cancel-voucher.js';
import { postVoucher } from '../src/app/vouchers/post-voucher.js';
import { createVoucher } from '../src/app/vouchers/voucher-drafts.js';
import { createTransfer } from '../src/app/transfers/create-transfer.js';
import { confirmTransfer } from '../src/app/transfers/confirm-transfer.js';
import type { Store } from '../src/db/store.js';
import { planVoucherEntry } from '../src/ledger/vouchers/plan-voucher-entry.js';
import type { VoucherContent } from '../src/ledger/vouchers/voucher.js';
import { checkNumberFormat, formatVoucherNumber } from '../src/ledger/vouchers/voucher-number.js';
import { DRIVE, entry, postingContext, REGIME as TT103_2018 } from './support/posting-context.js';
import type { CampaignTerms } from '../src/ledger/campaign.js';
import { extendCampaign } from '../src/app/extend-campaign.js';
import { allocate, type AllocationRequest } from '../src/app/allocate.js';
import { changeCampaign } from '../src/app/change-campaign.js';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { decideReview } from '../src/app/bank/decide-review.js';
import { importStatement } from '../src/app/bank/import-statement.js';
import { postStatement } from '../src/app/bank/post-statement.js';
import { registerFeed } from '../src/app/feeds/register-feed.js';
import { misaExport } from '../src/app/exports/misa-export.js';
import { setMisaMapping } from '../src/app/exports/misa-mapping.js';
import { misaImport } from '../src/app/imports/misa-import.js';
import { findLayout } from '../src/export/misa/layouts.js';
import { publishDisclosure, verifyDisclosure } from '../src/app/publish-disclosure.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from './support/store-fixture.js';

const donation = (amount = '1000000'): LineInput[] => [
  { account: '1111', debit: amount },
  { account: '5111', credit: amount },
];
const post = (input: EntryInput, options: Parameters<typeof postingContext>[0] = {}) => postEntry(input, postingContext(options));

function withFund<T>(work: (store: ReturnType<typeof freshStore>) => Result<T>): Result<T> {
  const store = freshStore();
  createFund(store);
  return work(store);
}

async function withFundAsync<T>(work: (store: ReturnType<typeof freshStore>) => Promise<Result<T>>): Promise<Result<T>> {
  const store = freshStore();
  createFund(store);
  return work(store);
}

/** A statement file imported into the fixture fund's bank account. */
function statement(store: ReturnType<typeof freshStore>, text: string) {
  const bankAccount = FUND.bankAccounts?.[0]?.number ?? '';
  return importStatement(store, { entity: FUND.code, bankAccount, fileName: 'sao-ke.csv', open: () => Readable.from([Buffer.from(text)]), actor: ACTOR });
}

/** An XLSX of one sheet holding the rows. */
async function workbook(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function closedYear2024<T>(work: (store: ReturnType<typeof freshStore>) => Result<T>): Result<T> {
  return withFund((store) => {
    postOk(store, OPENING, { kind: 'opening' });
    const closed = closeYear(store, { entity: FUND.code, year: 2024, actor: ACTOR });
    if (!closed.ok) throw new Error(closed.code);
    return work(store);
  });
}

const receipt = (extra: Partial<VoucherContent> = {}): VoucherContent => ({ type: 'cash-receipt', date: '2024-03-05', reason: 'Ủng hộ', amount: '500000', ...extra });
const plan = (content: VoucherContent, bankAccounts = [{ number: '111222333', currency: 'VND', accountCode: '1121' }]) => planVoucherEntry(content, { regime: TT103_2018, bankAccounts });

/** A fund with cash and bank, and a voucher in it made and taken through the given steps. */
function withVoucher(content: VoucherContent, steps: (store: Store, id: number) => Result<unknown>): Result<unknown> {
  return withFund((store) => {
    postOk(store, OPENING, { kind: 'opening' });
    const made = createVoucher(store, { entity: FUND.code, content, actor: ACTOR });
    if (!made.ok) throw new Error(made.code);
    return steps(store, made.value.id);
  });
}
const voucherStep = { entity: FUND.code, actor: ACTOR };

/** Two funds, the second below the first, both with a bank account and the first with money. */
function withTwoFunds<T>(work: (store: Store) => Result<T>): Result<T> {
  return withFund((store) => {
    postOk(store, OPENING, { kind: 'opening' });
    createFund(store, { code: 'F2', parent: FUND.code, bankAccounts: [{ kind: 'bank', institution: 'Agribank', number: '999', accountCode: '1121' }] });
    return work(store);
  });
}

/** A decision line of the typhoon campaign: 70,000,000 for a collapsed house. */
const HOUSE = { ref: { decision: '15/QĐ-BVĐ', line: 1 }, campaign: 'BAO3', amount: 70_000_000n };
const payHouse = (amount: string, campaign = 'BAO3'): LineInput[] => [
  { account: '6111', debit: amount, campaign, allocation: HOUSE.ref }, { account: '1111', credit: amount, campaign },
];

/** A fund with a typhoon campaign whose support policy pays 70,000,000 per collapsed house, and a fund below it. */
function withPolicy<T>(work: (store: Store) => Result<T>): Result<T> {
  return withFund((store) => {
    createFund(store, { code: 'F2', parent: FUND.code, bankAccounts: [{ kind: 'bank', institution: 'Agribank', number: '999', accountCode: '1121' }] });
    const opened = createCampaign(store, {
      entity: FUND.code, code: 'BAO3', name: 'Bão số 3', kind: 'disaster', startsOn: '2024-09-08', actor: ACTOR,
      supportLevels: [{ code: 'NHA-SAP', name: 'Nhà bị sập hoàn toàn', amount: '70000000', category: 3 }],
    });
    if (!opened.ok) throw new Error(opened.code);
    return work(store);
  });
}
const decision = (lines: AllocationRequest['lines'], number = '15/QĐ-BVĐ'): AllocationRequest => ({
  entity: FUND.code, campaign: 'BAO3', number, decidedOn: '2024-09-20', signer: 'Trưởng ban', lines, actor: ACTOR,
});
const toCommune = { recipientKind: 'fund' as const, recipient: 'F2', locality: 'Xã An Bình' };

/** A typhoon campaign launched on 1 March 2024, and a cash receipt for it. */
const STORM: CampaignTerms = { ...DRIVE, code: 'BAO3', legalBasis: 'ND93/2021', launchedOn: '2024-03-01' };
const storm = () => [{ account: '1111', debit: '5', campaign: 'BAO3' }, { account: '5111', credit: '5', campaign: 'BAO3' }];

const closingEntry = { kind: 'closing' as const, date: '2024-12-31', description: 'Kết chuyển', lines: [], memos: [] };

const CASES = {
  entry_date_malformed: () => post(entry(donation(), { date: '2024-02-30' })),
  description_required: () => post(entry(donation(), { description: '   ' })),
  too_few_lines: () => post(entry([{ account: '1111', debit: '1000' }])),
  too_many_lines: () => post(entry(Array.from({ length: 5001 }, (_, i) => ({ account: '1111', ...(i % 2 ? { credit: '1' } : { debit: '1' }) })))),
  line_side_invalid: () => post(entry([{ account: '1111', debit: '5', credit: '5' }, { account: '5111', credit: '5' }])),
  amount_malformed: () => post(entry(donation('1.000.000'))),
  amount_not_positive: () => post(entry(donation('0'))),
  account_unknown: () => post(entry([{ account: '9999', debit: '5' }, { account: '5111', credit: '5' }])),
  account_inactive: () => post(entry([{ account: '6118', debit: '5' }, { account: '1111', credit: '5' }]), { inactive: ['6118'], balances: { '1111': 5n } }),
  account_not_postable: () => post(entry([{ account: '111', debit: '5' }, { account: '5111', credit: '5' }])),
  account_off_balance: () => post(entry([{ account: '007', debit: '5' }, { account: '5111', credit: '5' }])),
  memo_account_not_off_balance: () => post(entry(donation(), { memos: [{ account: '152', direction: 'in', quantity: '5', unit: 'kg' }] })),
  currency_unknown: () => post(entry([{ account: '1112', debit: '2500000', currency: 'XYZ', originalAmount: '100', rate: '25000' }, { account: '5111', credit: '2500000' }])),
  foreign_amount_without_rate: () => post(entry([{ account: '1112', debit: '2500000', currency: 'USD', originalAmount: '100' }, { account: '5111', credit: '2500000' }])),
  foreign_amount_mismatch: () => post(entry([{ account: '1112', debit: '2600000', currency: 'USD', originalAmount: '100', rate: '25000' }, { account: '5111', credit: '2600000' }])),
  campaign_unknown: () => post(entry([{ account: '1111', debit: '5' }, { account: '5111', credit: '5', campaign: 'NOPE' }])),
  bank_account_unknown: () => post(entry([{ account: '1121', debit: '5', bankAccount: '999' }, { account: '5111', credit: '5' }])),
  entry_must_balance: () => post(entry([{ account: '1111', debit: '1000000' }, { account: '5111', credit: '900000' }])),
  date_outside_open_year: () => post(entry(donation(), { date: '2023-06-01' })),
  period_locked: () => post(entry(donation(), { date: '2024-01-15' })),
  campaign_not_started: () => post(entry(storm(), { date: '2024-03-05' }), { campaigns: [{ ...STORM, launchedOn: '2024-04-01' }] }),
  campaign_receiving_closed: () => post(entry(storm()), { campaigns: [{ ...STORM, receivingEndsOn: '2024-03-01' }] }),
  campaign_distribution_closed: () =>
    post(entry([{ account: '6116', debit: '5', campaign: 'BAO3' }, { account: '1111', credit: '5', campaign: 'BAO3' }]), { campaigns: [{ ...STORM, distributionEndsOn: '2024-03-01' }], balances: { '1111': 5n } }),
  campaign_account_mismatch: () =>
    post(entry([{ account: '1121', debit: '5', bankAccount: '0071000999888' }, { account: '5111', credit: '5' }]), { campaigns: [{ ...STORM, accounts: ['0071000999888'] }], bankAccounts: { '0071000999888': 'BAO3' } }),
  campaign_cost_forbidden: () =>
    post(entry([{ account: '614', debit: '5', campaign: 'BAO3' }, { account: '1111', credit: '5' }]), { campaigns: [STORM], managementCostsAllowed: true, balances: { '1111': 5n } }),
  allocation_unknown: () => post(entry(payHouse('5')), { campaigns: [STORM], balances: { '1111': 5n } }),
  allocation_mismatch: () => post(entry(payHouse('5', 'TCD2024')), { campaigns: [STORM], allocations: [HOUSE], balances: { '1111': 5n } }),
  allocation_exceeded: () =>
    post(entry(payHouse('20000000')), { campaigns: [STORM], allocations: [HOUSE], allocationsPaid: { '15/QĐ-BVĐ 1': 60_000_000n }, balances: { '1111': 20_000_000n } }),
  designation_mismatch: () =>
    post(entry([{ account: '1111', debit: '5', campaign: 'BAO3' }, { account: '5111', credit: '5', campaign: 'BAO3', designation: 'Hộ bà Lê Thị Hoa' }]), { campaigns: [{ ...STORM, acceptsDesignated: false }] }),
  fund_limit_reached: () => post(entry(donation('2')), { fundTotals: { debits: 10n ** 15n - 1n, quantities: 0n } }),
  management_cost_forbidden: () => post(entry([{ account: '614', debit: '5' }, { account: '1111', credit: '5' }]), { balances: { '1111': 5n } }),
  management_cost_cap_exceeded: () =>
    post(entry([{ account: '614', debit: '600000' }, { account: '1111', credit: '600000' }]), {
      managementCostsAllowed: true, managementCostCap: 1000000n, managementCostInYear: 500000n, balances: { '1111': 10000000n },
    }),
  balance_would_go_negative: () => post(entry([{ account: '6111', debit: '5' }, { account: '1111', credit: '5' }]), { balances: { '1111': 4n } }),
  off_balance_would_go_negative: () =>
    post(entry([{ account: '6116', debit: '5' }, { account: '152', credit: '5' }], { memos: [{ account: '003', direction: 'out', quantity: '10', unit: 'kg' }] }), {
      balances: { '152': 5n }, holdings: { '003 kg': 9n },
    }),
  entry_not_found: () => withFund((store) => reverseEntry(store, { entity: FUND.code, entryId: 999, actor: ACTOR })),
  entry_already_reversed: () => planReversal({ ...closingEntry, kind: 'regular' }, { date: '2024-03-01', alreadyReversed: true, voucher: null, originalLabel: '1' }),
  entry_owned_by_voucher: () =>
    withVoucher(receipt(), (store, id) => {
      const posted = postVoucher(store, { ...voucherStep, id });
      if (!posted.ok || posted.value.entryId === null) throw new Error('the receipt did not post');
      return reverseEntry(store, { entity: FUND.code, entryId: posted.value.entryId, actor: ACTOR });
    }),
  entry_not_reversible: () => planReversal(closingEntry, { date: '2024-12-31', alreadyReversed: false, voucher: null, originalLabel: '1' }),
  period_unknown: () => withFund((store) => lockPeriod(store, { entity: FUND.code, year: 2030, month: 1, actor: ACTOR })),
  period_already_locked: () =>
    withFund((store) => {
      lockPeriod(store, { entity: FUND.code, year: 2024, month: 2, actor: ACTOR });
      return lockPeriod(store, { entity: FUND.code, year: 2024, month: 2, actor: ACTOR });
    }),
  period_not_locked: () => withFund((store) => unlockPeriod(store, { entity: FUND.code, year: 2024, month: 2, actor: ACTOR, reason: 'sửa sai' })),
  reason_required: () =>
    withFund((store) => {
      lockPeriod(store, { entity: FUND.code, year: 2024, month: 2, actor: ACTOR });
      return unlockPeriod(store, { entity: FUND.code, year: 2024, month: 2, actor: ACTOR, reason: ' ' });
    }),
  year_closed: () => closedYear2024((store) => unlockPeriod(store, { entity: FUND.code, year: 2024, month: 12, actor: ACTOR, reason: 'x' })),
  year_unknown: () => withFund((store) => closeYear(store, { entity: FUND.code, year: 2030, actor: ACTOR })),
  year_exists: () => withFund((store) => openYear(store, { entity: FUND.code, year: 2024, actor: ACTOR })),
  year_not_closed: () => withFund((store) => reopenYear(store, { entity: FUND.code, year: 2024, actor: ACTOR, reason: 'kiểm toán' })),
  previous_year_open: () =>
    withFund((store) => {
      openYear(store, { entity: FUND.code, year: 2025, actor: ACTOR });
      return closeYear(store, { entity: FUND.code, year: 2025, actor: ACTOR });
    }),
  next_year_closed: () =>
    closedYear2024((store) => {
      closeYear(store, { entity: FUND.code, year: 2025, actor: ACTOR });
      return reopenYear(store, { entity: FUND.code, year: 2024, actor: ACTOR, reason: 'kiểm toán' });
    }),
  date_range_invalid: () => withFund((store) => getTrialBalance(store, { entity: FUND.code, from: '2024-12-31', to: '2024-01-01' })),
  account_code_taken: () => planSubAccount(postingContext().chart, { code: '1121', parent: '112', nameVi: 'Trùng' }, false),
  account_code_must_extend_parent: () => planSubAccount(postingContext().chart, { code: '2001', parent: '1121', nameVi: 'Sai mã' }, false),
  account_has_postings: () => planSubAccount(postingContext().chart, { code: '11211', parent: '1121', nameVi: 'Vietcombank' }, true),
  account_has_balance: () => checkDeactivation(postingContext().chart, '1121', true) ?? { ok: true, value: null },
  account_has_active_children: () => withFund((store) => deactivateAccount(store, { actor: ACTOR, entity: FUND.code, code: '111' })),
  chart_malformed: () => parseChartCsv('code,parent,name_vi,name_en,class,normal_side,off_balance,note\n1111,111,Tiền,Cash,1,debit,0,\n'),
  chart_in_use: () =>
    withFund((store) => {
      postOk(store, OPENING, { kind: 'opening' });
      return importChart(store, { actor: ACTOR, entity: FUND.code, csv: 'code,parent,name_vi,name_en,class,normal_side,off_balance,note\n111,,Tiền,Cash,1,debit,0,\n' });
    }),
  legal_basis_unknown: () => withFund((store) => createCampaign(store, { entity: FUND.code, code: 'BAO3', name: 'Bão số 3', startsOn: '2024-09-08', legalBasis: 'ND1/1900', actor: ACTOR })),
  campaign_extension_not_allowed: () =>
    withFund((store) => {
      createCampaign(store, { entity: FUND.code, code: 'BAO3', name: 'Bão số 3', kind: 'disaster', startsOn: '2024-09-08', actor: ACTOR });
      return extendCampaign(store, { entity: FUND.code, campaign: 'BAO3', decisionNumber: '12/QĐ-BVĐ', decidedOn: '2024-12-01', endsOn: '2024-12-31', actor: ACTOR });
    }),
  disclosure_not_found: () => withFund((store) => verifyDisclosure(store, { entity: FUND.code, id: 1 })),
  disclosure_already_superseded: () =>
    withFund((store) => {
      createCampaign(store, { entity: FUND.code, code: 'BAO3', name: 'Bão số 3', kind: 'disaster', startsOn: '2024-09-08', actor: ACTOR });
      const first = publishDisclosure(store, { entity: FUND.code, campaign: 'BAO3', actor: ACTOR });
      if (!first.ok) return first;
      publishDisclosure(store, { entity: FUND.code, campaign: 'BAO3', supersedes: first.value.id, reason: 'Sửa số liệu', actor: ACTOR });
      return publishDisclosure(store, { entity: FUND.code, campaign: 'BAO3', supersedes: first.value.id, reason: 'Sửa lần nữa', actor: ACTOR });
    }),
  support_level_code_taken: () =>
    withPolicy((store) => changeCampaign(store, { entity: FUND.code, campaign: 'BAO3', supportLevels: [{ code: 'NHA-SAP', name: 'Trùng mã', amount: '1' }], actor: ACTOR })),
  support_level_unknown: () => withPolicy((store) => allocate(store, decision([{ ...toCommune, level: 'NHA-TROI', quantity: 2 }]))),
  campaign_use_unknown: () => withPolicy((store) => changeCampaign(store, { entity: FUND.code, campaign: 'BAO3', supportLevels: [{ code: 'X', name: 'Khác', amount: '1', category: 42 }], actor: ACTOR })),
  allocation_number_taken: () =>
    withPolicy((store) => {
      allocate(store, decision([{ ...toCommune, amount: '100000000' }]));
      return allocate(store, decision([{ ...toCommune, amount: '5000000' }]));
    }),
  allocation_recipient_unknown: () => withPolicy((store) => allocate(store, decision([{ ...toCommune, recipient: FUND.code, amount: '100000000' }]))),
  allocation_amount_mismatch: () => withPolicy((store) => allocate(store, decision([{ ...toCommune, level: 'NHA-SAP', quantity: 2, amount: '100000000' }]))),
  campaign_code_taken: () =>
    withFund((store) => {
      createCampaign(store, { actor: ACTOR, entity: FUND.code, code: 'C1', name: 'Bão số 3', startsOn: '2024-09-08' });
      return createCampaign(store, { actor: ACTOR, entity: FUND.code, code: 'C1', name: 'Bão số 3', startsOn: '2024-09-08' });
    }),
  misa_template_unavailable: () => withFund((store) => misaExport(store, { entity: FUND.code, product: 'amis', template: 'phieu-chi', from: '2024-01-01', to: '2024-12-31', actor: ACTOR })),
  misa_export_invalid: () =>
    withFund((store) => {
      setMisaMapping(store, { entity: FUND.code, mapping: { product: 'sme', identity: false, accounts: {}, reasons: {} }, actor: ACTOR });
      return misaExport(store, { entity: FUND.code, product: 'sme', template: 'he-thong-tai-khoan', period: '2024', actor: ACTOR });
    }),
  misa_file_unreadable: () => withFundAsync((store) => misaImport(store, { entity: FUND.code, files: [{ name: 'a.xlsx', bytes: Buffer.from('not a workbook') }], actor: ACTOR })),
  misa_layout_unknown: () =>
    withFundAsync(async (store) => misaImport(store, { entity: FUND.code, files: [{ name: 'a.xlsx', bytes: await workbook([['Họ tên', 'Số tiền'], ['An', '5']]) }], actor: ACTOR })),
  misa_import_invalid: () =>
    withFundAsync(async (store) => {
      const header = findLayout('sme', 'phieu-thu')?.columns.map((c) => c.header) ?? [];
      const row = header.map((h) => ({ 'Ngày hạch toán (*)': '31/02/2024', 'Ngày chứng từ (*)': '31/02/2024', 'Số chứng từ (*)': 'PT0001/2024', 'TK Nợ (*)': '1111', 'TK Có (*)': '5111', 'Số tiền': '5' })[h] ?? '');
      return misaImport(store, { entity: FUND.code, files: [{ name: 'a.xlsx', bytes: await workbook([header, row]) }], actor: ACTOR });
    }),
  feed_auth_unknown: () => withFund((store) => registerFeed(store, { entity: FUND.code, provider: 'sepay', auth: 'v2', bankAccount: FUND.bankAccounts?.[0]?.number ?? '', secret: 'khoa-bi-mat-0123456789', actor: ACTOR })),
  campaign_pattern_invalid: () =>
    withFund((store) => registerFeed(store, { entity: FUND.code, provider: 'casso', auth: 'v2', bankAccount: FUND.bankAccounts?.[0]?.number ?? '', secret: 'khoa-bi-mat-0123456789', campaignPattern: 'UH code', actor: ACTOR })),
  statement_batch_unknown: () => withFund((store) => postStatement(store, { entity: FUND.code, batch: 1, actor: ACTOR })),
  statement_row_not_in_review: () =>
    withFundAsync(async (store) => {
      const imported = await statement(store, 'date,money,content\n01/09/2024,5,Ung ho\n');
      if (!imported.ok) return imported;
      return decideReview(store, { entity: FUND.code, batch: imported.value.batch.id, ordinal: 1, decision: { kind: 'new' }, actor: ACTOR });
    }),
  review_target_invalid: () =>
    withFundAsync(async (store) => {
      await statement(store, 'date,money,content\n01/09/2024,5,Ung ho\n');
      const later = await statement(store, 'date,money,content\n01/09/2024,5,UNG HO BAO\n');
      if (!later.ok) return later;
      return decideReview(store, { entity: FUND.code, batch: later.value.batch.id, ordinal: 1, decision: { kind: 'same', as: { kind: 'row', batchId: later.value.batch.id, ordinal: 1 } }, actor: ACTOR });
    }),
  statement_layout_unknown: () => withFundAsync((store) => statement(store, 'Ngay,So tien\n01/09/2024,5\n')),
  seal_image_invalid: () => withFund((store) => setSealImage(store, { entity: FUND.code, bytes: Buffer.from('GIF89a not a seal'), type: 'image/png', actor: ACTOR })),
  seal_image_too_large: () => withFund((store) => setSealImage(store, { entity: FUND.code, bytes: sealPng(2500, 40), type: 'image/png', actor: ACTOR })),
  seal_image_none: () => withFund((store) => removeSealImage(store, { entity: FUND.code, actor: ACTOR })),
  statement_scanned: () => withFundAsync((store) => statement(store, '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n')),
  statement_year_required: () => withFundAsync((store) => statement(store, 'date,bank,id,money,desc,page\n10/09 0:54:04,BIDV,1,5,Ung ho,1\n')),
  statement_row_invalid: () => withFundAsync((store) => statement(store, 'date,money,content\n31/02/2024,5,Ung ho\n')),
  statement_control_mismatch: () =>
    withFundAsync((store) => statement(store, 'TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail\n01/09/2024,1,,5,100,a\n02/09/2024,2,,5,106,b\n')),
  journal_malformed: () => parseJournal('2024-01-01 Một bút toán\n  1111 Nợ 5\n'),
  entity_code_taken: () => withFund((store) => createEntity(store, FUND, ACTOR)),
  entity_limit_reached: () =>
    withFund((store) => {
      store.sqlite
        .prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
                  INSERT INTO entities (code, name, kind, level, seal_name) SELECT 'X' || i, 'Quỹ ' || i, 'poor-fund', 'commune', 'QUỸ' FROM n`)
        .run(MAX_FUNDS);
      return createEntity(store, { ...FUND, code: 'F2' }, ACTOR);
    }),
  entity_unknown: () => withFund((store) => createEntity(store, { ...FUND, code: 'F2', parent: 'NOPE' }, ACTOR)),
  level_unknown: () => withFund((store) => createEntity(store, { ...FUND, code: 'F2', level: 'hamlet' }, ACTOR)),
  regime_unknown: () => withFund((store) => createEntity(store, { ...FUND, code: 'F2', regime: 'TT999/2099' }, ACTOR)),
  bank_account_number_taken: () =>
    withFund((store) => {
      const bank = { kind: 'bank' as const, institution: 'Agribank', number: '7400-1', accountCode: '1121' };
      addBankAccount(store, { entity: FUND.code, bank, actor: ACTOR });
      return addBankAccount(store, { entity: FUND.code, bank, actor: ACTOR });
    }),
  user_unknown: () => withFund((store) => issueToken(store, { user: 'nobody', label: 'x', actor: ACTOR })),
  user_name_taken: () =>
    withFund((store) => {
      createUser(store, { name: 'lan', grants: [], actor: ACTOR });
      return createUser(store, { name: 'lan', grants: [], actor: ACTOR });
    }),
  role_already_granted: () =>
    withFund((store) => createUser(store, { name: 'lan', grants: [{ entity: FUND.code, role: 'auditor' }, { entity: FUND.code, role: 'auditor' }], actor: ACTOR })),
  grant_unknown: () =>
    withFund((store) => {
      createUser(store, { name: 'lan', grants: [], actor: ACTOR });
      return revokeGrant(store, { user: 'lan', grantId: 42, actor: ACTOR });
    }),
  token_unknown: () => withFund((store) => revokeToken(store, { id: '0123456789abcdef', actor: ACTOR })),
  token_already_revoked: () =>
    withFund((store) => {
      createUser(store, { name: 'lan', grants: [], actor: ACTOR });
      const issued = issueToken(store, { user: 'lan', label: 'x', actor: ACTOR });
      if (!issued.ok) throw new Error(issued.code);
      revokeToken(store, { id: issued.value.id, actor: ACTOR });
      return revokeToken(store, { id: issued.value.id, actor: ACTOR });
    }),
  user_beyond_reach: () =>
    withFund((store) => {
      createUser(store, { name: 'lan', grants: [{ role: 'accountant' }], actor: ACTOR });
      const fundAdmin = { userId: 0, name: 'admin', grants: [{ entityId: 1, role: 'admin' as const, inherit: true }] };
      return userInReach(store, fundAdmin, 'lan');
    }),
  forbidden: () =>
    withFund((store) => {
      const auditor = { name: 'kiemtoan', origin: 'test', principal: { userId: 7, name: 'kiemtoan', grants: [{ entityId: 1, role: 'auditor' as const, inherit: true }] } };
      return createEntity(store, { ...FUND, code: 'F2', parent: FUND.code }, auditor);
    }),
  idempotency_key_reused_with_different_body: () =>
    withFund((store) => {
      const write = () => accept({ status: 201, body: {} });
      idempotent(store, { scope: 'installation', key: 'k1', fingerprint: 'a' }, write);
      return idempotent(store, { scope: 'installation', key: 'k1', fingerprint: 'b' }, write);
    }),
  voucher_not_found: () => withFund((store) => postVoucher(store, { ...voucherStep, id: 77 })),
  voucher_lines_required: () => plan({ type: 'general', date: '2024-03-05', reason: 'Điều chỉnh' }),
  voucher_purpose_required: () => plan({ type: 'cash-payment', date: '2024-03-05', reason: 'Chi', amount: '5' }),
  voucher_purpose_invalid: () => plan(receipt({ purpose: 'housing' })),
  voucher_amount_required: () => plan(receipt({ amount: undefined })),
  voucher_goods_required: () => plan({ type: 'goods-receipt', date: '2024-03-05', reason: 'Nhận gạo' }),
  voucher_goods_not_allowed: () => plan(receipt({ goods: [{ item: 'Gạo', unit: 'kg', quantity: '10', value: '150000' }] })),
  voucher_goods_amount_not_allowed: () => plan({ type: 'goods-receipt', date: '2024-03-05', reason: 'Nhận gạo', amount: '5', goods: [{ item: 'Gạo', unit: 'kg', quantity: '10', value: '150000' }] }),
  voucher_bank_account_required: () => plan({ ...receipt(), type: 'bank-receipt' }, []),
  voucher_beneficiaries_total_mismatch: () =>
    plan({ type: 'cash-payment', date: '2024-03-05', reason: 'Chi', purpose: 'housing', amount: '100', beneficiaries: [{ name: 'A', status: 'poor', amount: '60' }] }),
  voucher_not_draft: () => withVoucher(receipt(), (store, id) => {
    postVoucher(store, { ...voucherStep, id });
    return approveVoucher(store, { ...voucherStep, id: id });
  }),
  voucher_already_approved: () => withVoucher(receipt(), (store, id) => {
    approveVoucher(store, { ...voucherStep, id });
    return approveVoucher(store, { ...voucherStep, id });
  }),
  voucher_approval_required: () => withVoucher({ type: 'cash-payment', date: '2024-03-05', reason: 'Chi', purpose: 'gifts', amount: '5' }, (store, id) => postVoucher(store, { ...voucherStep, id })),
  voucher_not_posted: () => withVoucher(receipt(), (store, id) => cancelVoucher(store, { ...voucherStep, id })),
  voucher_already_cancelled: () => withVoucher(receipt(), (store, id) => {
    postVoucher(store, { ...voucherStep, id });
    cancelVoucher(store, { ...voucherStep, id, date: '2024-03-06' });
    return cancelVoucher(store, { ...voucherStep, id, date: '2024-03-06' });
  }),
  voucher_number_format_invalid: () => checkNumberFormat('{prefix}-{seq}', 'PT') ?? accept(null),
  voucher_number_too_long: () => formatVoucherNumber('QUY-XA-{prefix}{number:4}/{year}', { prefix: 'PT', number: 1234567, year: 2024 }),
  transfer_not_found: () => withFund((store) => confirmTransfer(store, { id: 5, actor: ACTOR })),
  transfer_same_fund: () => withTwoFunds((store) => createTransfer(store, { from: FUND.code, to: FUND.code, date: '2024-03-05', amount: '5', reason: 'Điều tiết', actor: ACTOR })),
  transfer_not_in_transit: () =>
    withTwoFunds((store) => {
      const sent = createTransfer(store, { from: FUND.code, to: 'F2', date: '2024-03-05', amount: '5', reason: 'Điều tiết', actor: ACTOR });
      if (!sent.ok) throw new Error(sent.code);
      return confirmTransfer(store, { id: sent.value.transfer.id, actor: ACTOR });
    }),
  voucher_in_transfer: () =>
    withTwoFunds((store) => {
      const sent = createTransfer(store, { from: FUND.code, to: 'F2', date: '2024-03-05', amount: '5', reason: 'Điều tiết', actor: ACTOR });
      if (!sent.ok) throw new Error(sent.code);
      return cancelVoucher(store, { ...voucherStep, id: sent.value.payment.id, date: '2024-03-06' });
    }),
  period_invalid: () => withFund((store) => getStatement(store, { entity: FUND.code, statement: 'receipts-and-uses', period: '2024-Q5' })),
  book_subject_required: () => withFund((store) => getBook(store, { entity: FUND.code, book: 'ledger', period: '2024' })),
  counterparty_unknown: () => withFund((store) => getBook(store, { entity: FUND.code, book: 'counterparty', counterparty: 999, period: '2024' })),
  report_format_unavailable: () => checkBookFormat('cash', 'ledger'),
} satisfies Record<RejectionCode, () => Result<unknown> | Promise<Result<unknown>>>;

describe('rejection codes', () => {
  it('has a row for every code', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(REJECTIONS).sort());
  });

  it.each(Object.entries(CASES))('refuses with %s', async (code, run) => {
    const result = await run();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toBe(REJECTIONS[code as RejectionCode]);
    }
  });

  it('refuses entries to a sub-account of an unknown parent through the store', () => {
    const store = freshStore();
    createFund(store);
    const result = addSubAccount(store, { actor: ACTOR, entity: FUND.code, code: '99901', parent: '999', nameVi: 'Không có' });
    expect(result).toMatchObject({ ok: false, code: 'account_unknown', path: 'parent' });
  });
});
