/**
 * The SQLite schema. Every table that holds fund data carries the entity, and every query
 * is scoped by it. Money is INTEGER minor units so SUM is exact; quantities are INTEGER
 * thousandths. Posted entries, their lines and memos are append-only (triggers in the
 * migrations refuse UPDATE and DELETE).
 */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** Administrative levels (central, province, commune …) as data, not an enum in logic. */
export const levels = sqliteTable('levels', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  rank: integer('rank').notNull(),
});

export const entities = sqliteTable('entities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['poor-fund', 'relief', 'other'] }).notNull(),
  level: text('level').notNull().references(() => levels.code),
  parentId: integer('parent_id').references((): AnySQLiteColumn => entities.id),
  address: text('address'),
  budgetUnitCode: text('budget_unit_code'),
  sealName: text('seal_name').notNull(),
  sealReference: text('seal_reference'),
  sealDate: text('seal_date'),
  sealImage: blob('seal_image', { mode: 'buffer' }),
  sealImageType: text('seal_image_type'),
  /** Where the seal's image prints, over the head's signature: on vouchers, on books and reports. */
  sealImageOnVouchers: integer('seal_image_on_vouchers', { mode: 'boolean' }).notNull().default(false),
  sealImageOnReports: integer('seal_image_on_reports', { mode: 'boolean' }).notNull().default(false),
  managementCostsAllowed: integer('management_costs_allowed', { mode: 'boolean' }).notNull().default(false),
  /** Yearly cap in VND; null for none. */
  managementCostCap: integer('management_cost_cap'),
  /** How the fund's voucher numbers are written: {prefix}, {number:N}, {year}, {yy}. */
  voucherNumberFormat: text('voucher_number_format').notNull().default('{prefix}{number:4}/{year}'),
  chainSeq: integer('chain_seq').notNull().default(0),
  chainHash: text('chain_hash').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
  /** Every debit the fund has posted, in đồng: kept below FUND_LIMIT so that every sum of its books fits in int64. */
  debitTotal: integer('debit_total').notNull().default(0),
  /** Every quantity and foreign original amount it has recorded, each in its minor unit, likewise bounded. */
  quantityTotal: integer('quantity_total').notNull().default(0),
  createdAt: createdAt(),
});

export const signatories = sqliteTable(
  'signatories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    role: text('role', { enum: ['head', 'chief-accountant', 'cashier', 'preparer'] }).notNull(),
    name: text('name').notNull(),
    title: text('title'),
  },
  (t) => [uniqueIndex('signatories_entity_role').on(t.entityId, t.role)],
);

export const bankAccounts = sqliteTable(
  'bank_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    kind: text('kind', { enum: ['bank', 'treasury'] }).notNull(),
    institution: text('institution').notNull(),
    number: text('number').notNull(),
    currency: text('currency').notNull().default('VND'),
    /** The ledger account its money sits on (1121, 1122 or a sub-account). */
    accountCode: text('account_code').notNull(),
    campaignId: integer('campaign_id').references(() => campaigns.id),
  },
  (t) => [uniqueIndex('bank_accounts_entity_number').on(t.entityId, t.number)],
);

/** The accounting regime (and so the chart family) a fund uses in each fiscal year. */
export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    year: integer('year').notNull(),
    regime: text('regime').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.year] })],
);

export const periods = sqliteTable(
  'periods',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.year, t.month] })],
);

/** Who locked, unlocked, closed or reopened what, when and why. */
export const periodEvents = sqliteTable(
  'period_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    year: integer('year').notNull(),
    month: integer('month'),
    action: text('action', { enum: ['open-year', 'lock', 'unlock', 'close-year', 'reopen-year'] }).notNull(),
    actor: text('actor').notNull(),
    reason: text('reason'),
    at: createdAt(),
  },
  (t) => [index('period_events_entity').on(t.entityId, t.year)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    code: text('code').notNull(),
    parentCode: text('parent_code'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull().default(''),
    class: text('class').notNull(),
    normalSide: text('normal_side', { enum: ['debit', 'credit', 'none'] }).notNull(),
    offBalance: integer('off_balance', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note'),
  },
  (t) => [uniqueIndex('accounts_entity_code').on(t.entityId, t.code)],
);

export const counterparties = sqliteTable(
  'counterparties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    kind: text('kind', { enum: ['donor', 'beneficiary', 'supplier', 'fund', 'other'] }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    /** Whether a donor is an organisation or a person: reports split cash donations by it. */
    form: text('form', { enum: ['organisation', 'individual'] }),
    /** For kind 'fund': the other fund this is. */
    linkedEntityId: integer('linked_entity_id').references(() => entities.id),
  },
  (t) => [uniqueIndex('counterparties_identity').on(t.entityId, t.kind, t.name, t.address)],
);

/** A campaign (cuộc vận động) of a fund: what it is for, the legal basis its time limits follow, and its launch. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['disaster', 'epidemic', 'poor-fund-drive', 'patient', 'other'] }).notNull().default('other'),
    /** The legal basis whose time limits apply (ND93/2021, ND64/2008, HD22/2020, QD1198/2016): derived from the launch, or given. */
    legalBasis: text('legal_basis').notNull().default('ND93/2021'),
    /** The launch: receipts may not be dated before it. */
    startsOn: text('starts_on').notNull(),
    /** The end of receiving as launched, before extensions; null: the legal basis's limit from the launch. */
    endsOn: text('ends_on'),
    /** The last day of distribution, when the campaign sets its own; null: the legal basis's limit after receiving ends. */
    distributionEndsOn: text('distribution_ends_on'),
    /** Whether donors may designate their money (có địa chỉ) for a named use. */
    acceptsDesignated: integer('accepts_designated', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('campaigns_entity_code').on(t.entityId, t.code)],
);

/** The documents that call for and organise a campaign, disclosed with it. */
export const campaignDocuments = sqliteTable('campaign_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  number: text('number').notNull(),
  date: text('date').notNull(),
  issuer: text('issuer').notNull(),
  title: text('title').notNull(),
});

/** Decisions that extend a campaign's receiving (by a fund of a level the legal basis allows). */
export const campaignExtensions = sqliteTable('campaign_extensions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  decisionNumber: text('decision_number').notNull(),
  decidedOn: text('decided_on').notNull(),
  /** The new last day of receiving. */
  endsOn: text('ends_on').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** A campaign's support policy: one level per kind of damage or need, what each unit of it receives, and the ND 93 art. 11.1 use it falls under. */
export const campaignSupportLevels = sqliteTable(
  'campaign_support_levels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** VND per unit (a household, a person). */
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
    /** The number of the use in the legal basis's list (ND 93 art. 11.1), if it is one. */
    category: integer('category'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_support_levels_code').on(t.campaignId, t.code)],
);

/** An allocation decision (quyết định phân bổ) of a campaign's money: to funds below, or to households. Append-only. */
export const allocationDecisions = sqliteTable(
  'allocation_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
    number: text('number').notNull(),
    decidedOn: text('decided_on').notNull(),
    signer: text('signer').notNull(),
    /** Lần 1, lần 2 …: decisions come in tranches. */
    tranche: integer('tranche'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('allocation_decisions_number').on(t.entityId, t.number)],
);

/** One line of an allocation decision: an amount to a recipient fund or a group of households at one support level, in one locality. */
export const allocationLines = sqliteTable(
  'allocation_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id').notNull().references(() => allocationDecisions.id),
    /** 1, 2, …: payments cite the decision's number and this. */
    lineNo: integer('line_no').notNull(),
    recipientKind: text('recipient_kind', { enum: ['fund', 'household'] }).notNull(),
    /** The recipient fund's code, or the household's (or households') name. */
    recipient: text('recipient').notNull(),
    locality: text('locality').notNull(),
    levelId: integer('level_id').references(() => campaignSupportLevels.id),
    /** Units at the level (households, people); 1 without a level. */
    quantity: integer('quantity').notNull(),
    amount: integer('amount').notNull(),
    /** The ND 93 art. 11.1 use: the level's unless the decision names one. */
    category: integer('category'),
  },
  (t) => [uniqueIndex('allocation_lines_decision').on(t.decisionId, t.lineNo)],
);

export const entries = sqliteTable(
  'entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: ['regular', 'opening', 'reversal', 'closing'] }).notNull(),
    date: text('date').notNull(),
    description: text('description').notNull(),
    reversesId: integer('reverses_id').references((): AnySQLiteColumn => entries.id),
    recordedAt: text('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    /** SHA-256 over the previous entry's hash and this entry's canonical form. */
    hash: blob('hash', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    uniqueIndex('entries_entity_seq').on(t.entityId, t.seq),
    // A partial index: an entry can be reversed once, and ordinary entries cost nothing here.
    uniqueIndex('entries_reverses').on(t.reversesId).where(sql`reverses_id IS NOT NULL`),
    // Opening and closing entries are few; books and statements set them apart from movements.
    index('entries_opening_closing').on(t.entityId, t.kind, t.date).where(sql`kind IN ('opening', 'closing')`),
  ],
);

export const entryLines = sqliteTable(
  'entry_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    lineNo: integer('line_no').notNull(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    /** The entry's date, repeated so balances come from one covering index. */
    date: text('date').notNull(),
    /** VND, debit positive, credit negative. */
    amount: integer('amount').notNull(),
    counterpartyId: integer('counterparty_id').references(() => counterparties.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    designation: text('designation'),
    bankAccountId: integer('bank_account_id').references(() => bankAccounts.id),
    externalRef: text('external_ref'),
    currency: text('currency'),
    originalAmount: integer('original_amount'),
    rate: text('rate'),
    quantity: integer('quantity'),
    unit: text('unit'),
    /** The line of an allocation decision this payment carries out. */
    allocationLineId: integer('allocation_line_id').references(() => allocationLines.id),
  },
  (t) => [
    uniqueIndex('entry_lines_entry').on(t.entryId, t.lineNo),
    // Books read lines in (date, id) order: the id keeps posting order within a day.
    index('entry_lines_balance').on(t.entityId, t.accountId, t.date, t.id, t.amount),
    index('entry_lines_journal').on(t.entityId, t.date, t.id),
    index('entry_lines_counterparty').on(t.entityId, t.counterpartyId, t.date, t.id).where(sql`counterparty_id IS NOT NULL`),
    index('entry_lines_campaign').on(t.entityId, t.campaignId, t.date, t.id).where(sql`campaign_id IS NOT NULL`),
    // A campaign's disclosure reads its sums from this index alone, per account and in the
    // order of its grouping; payments and receipts find their accounts' lines by seeking.
    index('entry_lines_disclosure')
      .on(t.entityId, t.campaignId, t.accountId, t.date, t.bankAccountId, t.counterpartyId, t.amount, t.entryId)
      .where(sql`campaign_id IS NOT NULL`),
    index('entry_lines_designation').on(t.entityId, t.designation, t.date, t.id).where(sql`designation IS NOT NULL`),
    index('entry_lines_allocation').on(t.allocationLineId, t.amount).where(sql`allocation_line_id IS NOT NULL`),
  ],
);

/** Single-entry records on off-balance accounts: goods by quantity, currency by amount. */
export const entryMemos = sqliteTable(
  'entry_memos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id').notNull().references(() => entries.id),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    lineNo: integer('line_no').notNull(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    date: text('date').notNull(),
    /** Thousandths of the unit; in positive, out negative. */
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    /** The goods ("Gạo tẻ"); null for currency and for goods recorded by unit alone. */
    item: text('item'),
  },
  (t) => [
    uniqueIndex('entry_memos_entry').on(t.entryId, t.lineNo),
    index('entry_memos_holding').on(t.entityId, t.accountId, t.unit, t.item, t.date, t.quantity),
  ],
);

/**
 * Debit and credit totals per account and day, kept in the same transaction as the lines
 * they sum. Balances and trial balances read these instead of every line; `verify`
 * recomputes them from the lines.
 */
export const accountDays = sqliteTable(
  'account_days',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    date: text('date').notNull(),
    debit: integer('debit').notNull().default(0),
    credit: integer('credit').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.accountId, t.date] }),
    // An integer sum that overflows becomes a REAL in SQLite; the books refuse it instead.
    check('account_days_integers', sql`typeof(debit) = 'integer' AND typeof(credit) = 'integer'`),
  ],
);

/** The balances a fiscal year opened with, written when the year before it closed. */
export const openingBalances = sqliteTable(
  'opening_balances',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    year: integer('year').notNull(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.year, t.accountId] })],
);

/** People and systems that call the API; they act through tokens and hold roles on funds. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** The person's full name, printed where a document names who drew it up; null for none given. */
  fullName: text('full_name'),
  createdAt: createdAt(),
});

/**
 * A role a user holds on one fund, or on every fund when the entity is null; with
 * `inherit` it reaches the funds below that one in the entity tree too.
 */
export const roleGrants = sqliteTable(
  'role_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    entityId: integer('entity_id').references(() => entities.id),
    role: text('role', { enum: ['admin', 'accountant', 'approver', 'auditor'] }).notNull(),
    inherit: integer('inherit', { mode: 'boolean' }).notNull().default(false),
    grantedBy: text('granted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('role_grants_user').on(t.userId)],
);

/** API tokens: only a SHA-256 of the secret is kept; the public id finds the row. */
export const apiTokens = sqliteTable('api_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  publicId: text('public_id').notNull().unique(),
  userId: integer('user_id').notNull().references(() => users.id),
  label: text('label').notNull(),
  secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  revokedAt: text('revoked_at'),
  revokedBy: text('revoked_by'),
});

/**
 * The result of a write made under an Idempotency-Key, kept so that a retry returns it
 * instead of writing again. Scoped per fund (or to the installation for writes above funds).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, route and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Nhật ký thao tác: every state change, who made it, when, from where, and what. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actor: text('actor').notNull(),
    origin: text('origin').notNull(),
    requestId: text('request_id'),
    /** Null for changes above any one fund (users and tokens). */
    entityId: integer('entity_id').references(() => entities.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** JSON with what changed. */
    detail: text('detail').notNull(),
  },
  (t) => [index('audit_events_entity_at').on(t.entityId, t.at), index('audit_events_at').on(t.at)],
);

/**
 * Chứng từ: receipts, payments, bank advices, goods notes and general vouchers. A draft
 * holds its content as JSON and can change; posting gives it a number and its entry, after
 * which triggers keep it as it was (only the cancellation link may still be set).
 */
export const vouchers = sqliteTable(
  'vouchers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    type: text('type').notNull(),
    status: text('status', { enum: ['draft', 'approved', 'posted', 'cancelled'] }).notNull(),
    /** The voucher's content as given (VoucherContent). */
    content: text('content').notNull(),
    date: text('date').notNull(),
    accountingDate: text('accounting_date').notNull(),
    counterparty: text('counterparty'),
    reason: text('reason').notNull(),
    /** VND total. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull().default('VND'),
    campaign: text('campaign'),
    fiscalYear: integer('fiscal_year'),
    numberSeq: integer('number_seq'),
    number: text('number'),
    entryId: integer('entry_id').references(() => entries.id),
    /** For the reversing voucher of a cancellation: the voucher it cancels. */
    cancelsId: integer('cancels_id').references((): AnySQLiteColumn => vouchers.id),
    transferId: integer('transfer_id').references((): AnySQLiteColumn => transfers.id),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    postedBy: text('posted_by'),
    postedAt: text('posted_at'),
  },
  (t) => [
    uniqueIndex('vouchers_number').on(t.entityId, t.type, t.fiscalYear, t.numberSeq).where(sql`number_seq IS NOT NULL`),
    uniqueIndex('vouchers_cancels').on(t.cancelsId).where(sql`cancels_id IS NOT NULL`),
    index('vouchers_entity_date').on(t.entityId, t.accountingDate),
    index('vouchers_entry').on(t.entryId),
  ],
);

/** The last number given per fund, voucher type and fiscal year: moved in the posting's transaction. */
export const voucherCounters = sqliteTable(
  'voucher_counters',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    type: text('type').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.type, t.year] })],
);

/** A fund's own choices per voucher type: its number prefix and whether an approver must approve. */
export const voucherSettings = sqliteTable(
  'voucher_settings',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    type: text('type').notNull(),
    prefix: text('prefix').notNull(),
    approvalRequired: integer('approval_required', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.type] })],
);

/**
 * Điều tiết: money sent from one fund to another. The giving fund's payment and the
 * receiving fund's receipt are two vouchers, each in its own books and numbering; money
 * sent but not yet confirmed by the receiver sits in 113 until the receipt is posted.
 */
export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromEntityId: integer('from_entity_id').notNull().references(() => entities.id),
    toEntityId: integer('to_entity_id').notNull().references(() => entities.id),
    status: text('status', { enum: ['in-transit', 'received'] }).notNull(),
    amount: integer('amount').notNull(),
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    paymentVoucherId: integer('payment_voucher_id').references((): AnySQLiteColumn => vouchers.id),
    receiptVoucherId: integer('receipt_voucher_id').references((): AnySQLiteColumn => vouchers.id),
    /** In the giving fund: the voucher that moves the money from 113 to 612 once received. */
    settlementVoucherId: integer('settlement_voucher_id').references((): AnySQLiteColumn => vouchers.id),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    receivedAt: text('received_at'),
    receivedBy: text('received_by'),
  },
  (t) => [index('transfers_from').on(t.fromEntityId), index('transfers_to').on(t.toEntityId)],
);

/**
 * A disclosure as published — a campaign's, or (without a campaign) the fund's own periodic
 * report of receipts and uses: the report value frozen as canonical JSON with its SHA-256,
 * the range it covers, and the head of the fund's chain at publication (of each fund it
 * consolidates, in the report), from which it can be derived again. A corrected publication supersedes an earlier one with a reason;
 * both stay. Append-only.
 */
export const disclosures = sqliteTable(
  'disclosures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** With the funds below it, pooled money counted once. */
    consolidated: integer('consolidated', { mode: 'boolean' }).notNull().default(false),
    from: text('from_date').notNull(),
    to: text('to_date').notNull(),
    chainSeq: integer('chain_seq').notNull(),
    chainHash: text('chain_hash').notNull(),
    report: text('report').notNull(),
    sha256: text('sha256').notNull(),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => disclosures.id),
    reason: text('reason'),
    publishedBy: text('published_by').notNull(),
    publishedAt: createdAt(),
  },
  (t) => [index('disclosures_entity_campaign').on(t.entityId, t.campaignId), uniqueIndex('disclosures_supersedes').on(t.supersedesId).where(sql`supersedes_id IS NOT NULL`)],
);

/**
 * One row whose version triggers raise on every change to what a fund's snapshot holds
 * (chart, fiscal years, periods, campaigns, bank accounts, voucher settings), in this
 * process or another;
 * a connection keeps a fund's snapshot only while the version is the one it was read at.
 */
export const catalogVersion = sqliteTable('catalog_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * How a fund's accounts are written for one MISA installation (product): our chart's code →
 * the MISA database's, over the identity unless `identity` is off, and the reason codes a
 * template's vouchers carry where the installation's differ. Absent: identity, the layouts'
 * own codes.
 */
export const misaMappings = sqliteTable(
  'misa_mappings',
  {
    entityId: integer('entity_id').notNull().references(() => entities.id),
    product: text('product').notNull(),
    identity: integer('identity', { mode: 'boolean' }).notNull(),
    /** JSON: { our code: MISA code }. */
    accounts: text('accounts').notNull(),
    /** JSON: { template: { purpose or "otherwise": code } }. */
    reasons: text('reasons').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.product] })],
);

/**
 * A MISA file written for a fund: which templates, product and period, who took it and when,
 * and the SHA-256 of the file once it was written whole. The voucher numbers it carried are
 * kept beside it, so a later export can tell what MISA already holds.
 */
export const misaExports = sqliteTable(
  'misa_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    product: text('product').notNull(),
    /** The template, or "all" for the zip of every template. */
    template: text('template').notNull(),
    from: text('from_date').notNull(),
    to: text('to_date').notNull(),
    exportedBy: text('exported_by').notNull(),
    exportedAt: createdAt(),
    /** Null while the file is being written, or if writing it failed. */
    sha256: text('sha256'),
    vouchers: integer('vouchers').notNull().default(0),
    rows: integer('rows').notNull().default(0),
  },
  (t) => [index('misa_exports_entity').on(t.entityId, t.exportedAt)],
);

export const misaExportedVouchers = sqliteTable(
  'misa_exported_vouchers',
  {
    exportId: integer('export_id').notNull().references(() => misaExports.id),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    product: text('product').notNull(),
    number: text('number').notNull(),
  },
  (t) => [index('misa_exported_vouchers_number').on(t.entityId, t.product, t.number)],
);

/**
 * A bank statement imported into a fund: the file's SHA-256 (the same file again creates
 * nothing), the account, the layout, the period its rows cover, and the figures its rows add
 * up to, which reproduced the bank's own control figures before the batch was kept.
 */
export const bankStatementBatches = sqliteTable(
  'bank_statement_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityId: integer('entity_id').notNull().references(() => entities.id),
    bankAccountId: integer('bank_account_id').notNull().references(() => bankAccounts.id),
    layout: text('layout').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    firstDay: text('first_day'),
    lastDay: text('last_day'),
    rows: integer('rows').notNull(),
    creditCount: integer('credit_count').notNull(),
    creditSum: integer('credit_sum').notNull(),
    debitCount: integer('debit_count').notNull(),
    debitSum: integer('debit_sum').notNull(),
    openingBalance: integer('opening_balance'),
    closingBalance: integer('closing_balance'),
    balancesChecked: integer('balances_checked').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: createdAt(),
  },
  (t) => [uniqueIndex('bank_statement_batches_file').on(t.entityId, t.bankAccountId, t.sha256)],
);

/**
 * A row of an imported statement, identified by its batch and its place in the file:
 * identical-looking rows are distinct transfers and each keeps its own. Both dates, the
 * remark, the bank's reference and the counter-account are kept as printed.
 */
export const bankStatementRows = sqliteTable(
  'bank_statement_rows',
  {
    batchId: integer('batch_id').notNull().references(() => bankStatementBatches.id),
    ordinal: integer('ordinal').notNull(),
    postedOn: text('posted_on').notNull(),
    time: text('time'),
    debit: integer('debit').notNull(),
    credit: integer('credit').notNull(),
    balance: integer('balance'),
    remark: text('remark').notNull(),
    ref: text('ref'),
    counterAccount: text('counter_account'),
    /** The sender's name, where the bank prints it in a column of its own. */
    sender: text('sender'),
    /** The voucher the row was posted in, once it is, or the voucher of the transfer it was matched to. */
    voucherId: integer('voucher_id').references(() => vouchers.id),
    /**
     * new: a transfer first seen here, to be posted; matched: the same transfer as a row of an
     * earlier statement or a feed's event, never posted again; review: what the import could
     * not decide, held until someone does; held: refused by a campaign rule and held for review.
     */
    status: text('status', { enum: ['new', 'matched', 'review', 'held'] }).notNull().default('new'),
    /** The earlier statement row this one is the same transfer as. */
    matchBatchId: integer('match_batch_id'),
    matchOrdinal: integer('match_ordinal'),
    /** The feed event this one is the same transfer as. */
    matchEventId: integer('match_event_id').references(() => bankEvents.id),
    /** Why the row is held for review. */
    reviewReason: text('review_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.ordinal] }),
    index('bank_statement_rows_match_row').on(t.matchBatchId, t.matchOrdinal).where(sql`${t.matchBatchId} IS NOT NULL`),
    index('bank_statement_rows_match_event').on(t.matchEventId).where(sql`${t.matchEventId} IS NOT NULL`),
  ],
);

/**
 * A live bank feed: a provider (SePay, Casso) pushing one bank account's transactions to one
 * fund, with how its deliveries prove they are the provider's and the secret they use.
 */
export const bankFeeds = sqliteTable('bank_feeds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  entityId: integer('entity_id').notNull().references(() => entities.id),
  bankAccountId: integer('bank_account_id').notNull().references(() => bankAccounts.id),
  provider: text('provider', { enum: ['sepay', 'casso'] }).notNull(),
  /** sepay: apikey or hmac; casso: v1 (secure-token) or v2 (signature). */
  auth: text('auth').notNull(),
  secret: text('secret').notNull(),
  /** What an accepted event becomes: a posted receipt, or a draft for an approver. */
  posting: text('posting', { enum: ['post', 'draft'] }).notNull().default('draft'),
  /** A pattern whose first group reads a campaign's code from the narrative; the account's campaign otherwise. */
  campaignPattern: text('campaign_pattern'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** Every delivery a feed's URL received, stored raw before anything else, with what became of it. Append-only. */
export const feedDeliveries = sqliteTable(
  'feed_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null when the URL named no feed. */
    feedId: integer('feed_id').references(() => bankFeeds.id),
    provider: text('provider').notNull(),
    /** JSON of the headers, secrets left out. */
    headers: text('headers').notNull(),
    body: blob('body', { mode: 'buffer' }).notNull(),
    outcome: text('outcome', { enum: ['accepted', 'duplicate', 'test', 'rejected'] }).notNull(),
    reason: text('reason'),
    receivedAt: createdAt(),
  },
  (t) => [index('feed_deliveries_feed').on(t.feedId, t.receivedAt)],
);

/** A transaction a feed reported, once per provider id: a replay finds it and changes nothing. */
export const bankEvents = sqliteTable(
  'bank_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feedId: integer('feed_id').notNull().references(() => bankFeeds.id),
    providerId: text('provider_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    amount: integer('amount').notNull(),
    time: text('time').notNull(),
    reference: text('reference'),
    counterAccount: text('counter_account'),
    narrative: text('narrative').notNull(),
    deliveryId: integer('delivery_id').notNull().references(() => feedDeliveries.id),
    /** The receipt the event became, or the voucher of the statement row it was matched to. */
    voucherId: integer('voucher_id').references(() => vouchers.id),
    /** Why an accepted event made no voucher: the ledger's refusal, kept for review. */
    heldReason: text('held_reason'),
  },
  (t) => [uniqueIndex('bank_events_provider_id').on(t.feedId, t.providerId)],
);
