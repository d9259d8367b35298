/**
 * The shapes of success bodies, as the OpenAPI document shows them and as the serializer
 * checks them on the way out. Every object is strict: a field a handler sends that its
 * shape lacks fails the answer (a 500, the log naming the route) instead of being dropped
 * without a word. Amounts are decimal strings, dates YYYY-MM-DD. The checks stay plain (no patterns,
 * no transforms), since an entry or a voucher is checked again on every post.
 *
 * Books and reports stream as they are written, so no serializer sees them: their JSON
 * shapes here document them, and the API tests read real answers back through them.
 */
import { z } from 'zod';
import { ROLES } from '../app/permissions.js';
import { FILE_FORMATS } from '../export/write-report.js';
import { CAMPAIGN_STATUSES } from '../app/campaign-details.js';
import { CAMPAIGN_KINDS } from '../ledger/campaign.js';
import { COUNTERPARTY_FORMS, COUNTERPARTY_KINDS } from '../ledger/entry.js';
import { SEAL_IMAGE_DOCUMENTS } from '../ledger/fund-profile.js';
import { INTEGRITY_CHECKS } from '../ledger/integrity.js';
import { POVERTY_STATUSES, VOUCHER_STATUSES } from '../ledger/vouchers/voucher.js';
import { VOUCHER_TYPES } from '../ledger/vouchers/voucher-types.js';
import { STATEMENT_IDS } from '../reports/statement-form.js';

const int = z.number().int();
const decimal = z.string().meta({ description: 'A decimal string.', example: '1500000' });
const day = z.string().meta({ description: 'A calendar date, YYYY-MM-DD.', example: '2024-03-15' });
const instant = z.string().meta({ description: 'A UTC time, ISO 8601.', example: '2024-03-15T08:30:00.000Z' });
const allocationRef = z.strictObject({ decision: z.string(), line: int });

export const health = z.strictObject({ status: z.literal('ok'), funds: int });

// Funds

const fundKind = z.enum(['poor-fund', 'relief', 'other']);
export const entitySummary = z.strictObject({ code: z.string(), name: z.string(), kind: fundKind, level: z.string() });

const bankAccount = z.strictObject({
  kind: z.enum(['bank', 'treasury']),
  institution: z.string(),
  number: z.string(),
  currency: z.string(),
  accountCode: z.string(),
});
/** A bank account as registered: the currency only when the request named one (VND otherwise). */
export const bankAccountAdded = bankAccount.partial({ currency: true });

export const entity = entitySummary
  .extend({
    parent: z.string().nullable(),
    address: z.string().nullable(),
    budgetUnitCode: z.string().nullable(),
    seal: z.strictObject({ name: z.string(), reference: z.string().nullable(), date: day.nullable(), hasImage: z.boolean(), imageOn: z.array(z.enum(SEAL_IMAGE_DOCUMENTS)).meta({ description: 'Where the seal’s image prints over the head’s signature (once one is uploaded)' }) }),
    signatories: z.array(z.strictObject({ role: z.enum(['head', 'chief-accountant', 'cashier', 'preparer']), name: z.string(), title: z.string().nullable() })),
    bankAccounts: z.array(bankAccount),
    policy: z.strictObject({ managementCostsAllowed: z.boolean(), managementCostCap: decimal.nullable() }),
    years: z.array(z.strictObject({ year: int, regime: z.string(), status: z.enum(['open', 'closed']) })),
    entries: int.meta({ description: 'How many entries the fund has posted.' }),
  })
  .meta({ description: 'A fund’s profile.' });

const amountByDay = z.strictObject({ date: day, amount: decimal });

const coveredFund = z.strictObject({
  code: z.string(), name: z.string(), level: z.string(),
  chain: z.strictObject({ seq: int, hash: z.string() }).meta({ description: 'The head of the fund’s chain the figures were read at' }),
  received: decimal, used: decimal, leftover: decimal.meta({ description: 'What the fund still holds: spent before asking the level above' }),
});

/** The figures every disclosure has, of a campaign or of a fund's own period. */
const disclosureFigures = {
  from: day,
  to: day,
  fund: z.strictObject({ code: z.string(), name: z.string() }),
  consolidated: z.boolean().meta({ description: 'With the funds below, money between them counted once' }),
  funds: z.array(coveredFund),
  received: z.strictObject({
    total: decimal,
    bySource: z.array(z.strictObject({ source: z.enum(['organisations', 'individuals', 'unclassified', 'other-levels', 'in-kind', 'other']), amount: decimal })),
    byChannel: z.array(z.strictObject({ channel: z.enum(['cash', 'bank', 'goods', 'other']), bankAccount: z.string().nullable(), amount: decimal })),
    byDay: z.array(amountByDay),
  }),
  used: z.strictObject({
    total: decimal,
    byPurpose: z.array(z.strictObject({ account: z.string(), name: z.string(), amount: decimal })),
    toFunds: z.array(z.strictObject({ fund: z.string(), amount: decimal })),
    households: z.strictObject({ count: int, amount: decimal }),
  }),
  households: z.array(z.strictObject({ name: z.string(), locality: z.string(), level: z.string().nullable(), amount: decimal }))
    .meta({ description: 'The households supported, by name and commune only (no ID, phone, account or street address), with the support level paid' }),
  goods: z.array(z.strictObject({ unit: z.string(), received: decimal, issued: decimal, held: decimal, valueHeld: decimal })).meta({ description: 'Goods in kind by unit: quantities received, given out and held, and the value held' }),
  costs: decimal.meta({ description: 'Mobilising and distribution costs charged to the donations: 0 unless the rules were bypassed' }),
  leftover: decimal.meta({ description: 'Received less used: what is still held at this level' }),
};

/** A campaign's disclosure (ND 93/2021 art. 14.2): its documents, how it received, what it received and used, its allocations and support levels, costs and what is left. */
export const disclosure = z.strictObject({
  ...disclosureFigures,
  campaign: z.lazy(() => campaign),
  receiving: z.strictObject({
    from: day, until: day.nullable(), place: z.string().nullable(),
    bankAccounts: z.array(z.strictObject({ fund: z.string(), number: z.string(), institution: z.string() })),
  }),
  allocations: z.strictObject({
    decisions: z.array(z.lazy(() => allocationDecision.extend({ fund: z.string() }))),
    levels: z.array(z.lazy(() => levelReport.extend({ fund: z.string() }))),
    byUse: z.array(z.strictObject({ category: int.nullable(), paid: decimal })),
  }),
  uses: z.array(z.strictObject({ number: int, title: z.string() })).meta({ description: 'The uses of donations the legal basis lists (ND 93/2021 art. 11.1)' }),
});

/** A fund's own periodic report (the Fund for the Poor's): opening, received by source, used by purpose with the households supported, closing. */
export const fundDisclosure = z.strictObject({
  ...disclosureFigures,
  opening: decimal.meta({ description: 'Số dư đầu kỳ: what the fund held when the period began' }),
  closing: decimal.meta({ description: 'Số còn lại: opening + received − used' }),
});

/** A published disclosure: what it covers, when it was published, its seal and the chain head it was derived at. */
export const publication = z.strictObject({
  id: int,
  entity: z.string(),
  campaign: z.string().nullable().meta({ description: 'Null for a fund’s own periodic report' }),
  consolidated: z.boolean(),
  from: day,
  to: day,
  publishedAt: z.string(),
  sha256: z.string().meta({ description: 'SHA-256 of the canonical JSON of the report as published' }),
  chain: z.strictObject({ seq: int, hash: z.string() }).meta({ description: 'The head of the fund’s hash chain at publication' }),
  supersedes: int.nullable(),
  supersededBy: int.nullable(),
  reason: z.string().nullable(),
});

export const publishedDisclosure = publication.extend({ report: z.lazy(() => z.union([disclosure, fundDisclosure])) });

export const disclosureCheck = z.strictObject({
  id: int,
  sealed: z.boolean().meta({ description: 'The stored report still has the SHA-256 it was published with' }),
  differences: z.array(z.string()).meta({ description: 'The figures the ledger, up to the recorded head, no longer gives' }),
});

const supportLevel = z.strictObject({ code: z.string(), name: z.string(), amount: decimal, unit: z.string(), category: int.nullable() });

export const campaign = z.strictObject({
  code: z.string(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  legalBasis: z.strictObject({ code: z.string(), title: z.string() }),
  startsOn: day,
  endsOn: day.nullable().meta({ description: 'The end of receiving as launched, when the campaign set its own' }),
  receivingEndsOn: day.nullable().meta({ description: 'The last day of receiving, extensions counted; null: no limit' }),
  distributionEndsOn: day.nullable().meta({ description: 'The last day of distribution; null: no limit' }),
  acceptsDesignated: z.boolean(),
  bankAccounts: z.array(z.string()).meta({ description: 'The accounts dedicated to the campaign' }),
  documents: z.array(z.strictObject({ number: z.string(), date: day, issuer: z.string(), title: z.string() })),
  extensions: z.array(z.strictObject({ decisionNumber: z.string(), decidedOn: day, endsOn: day })),
  status: z.enum(CAMPAIGN_STATUSES).meta({ description: 'Today: not yet launched, receiving, distributing (receiving ended), or closed' }),
  supportLevels: z.array(supportLevel),
});

const allocationLine = z.strictObject({
  line: int,
  recipientKind: z.enum(['fund', 'household']),
  recipient: z.string(),
  recipientName: z.string(),
  locality: z.string(),
  level: z.string().nullable(),
  quantity: int,
  category: int.nullable().meta({ description: 'The use of donations (ND 93/2021 art. 11.1) the line falls under' }),
  decided: decimal,
  paid: decimal,
  due: decimal,
  households: z.array(z.strictObject({ name: z.string(), amount: decimal })).meta({ description: 'The households paid on the line, by name only' }),
});

/** An allocation decision with decided, paid and still due per line. */
export const allocationDecision = z.strictObject({
  number: z.string(),
  decidedOn: day,
  signer: z.string(),
  tranche: int.nullable(),
  decided: decimal,
  paid: decimal,
  due: decimal,
  lines: z.array(allocationLine),
});

const levelReport = z.strictObject({
  code: z.string(), name: z.string(), amount: decimal, unit: z.string(), category: int.nullable(),
  decidedUnits: int, decided: decimal, households: int, paid: decimal,
});

export const allocations = z.strictObject({
  decisions: z.array(allocationDecision),
  levels: z.array(levelReport),
  byUse: z.array(z.strictObject({ category: int.nullable(), paid: decimal })),
});

export const counterpartyPage = z.strictObject({
  counterparties: z.array(z.strictObject({ id: int, kind: z.enum(COUNTERPARTY_KINDS), name: z.string(), address: z.string(), form: z.enum(COUNTERPARTY_FORMS).nullable() })),
  nextAfterId: int.nullable(),
});

// Accounts

const accountFields = {
  code: z.string(),
  parent: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  class: z.string(),
  normalSide: z.enum(['debit', 'credit', 'none']),
  offBalance: z.boolean(),
};
export const account = z.strictObject({ ...accountFields, active: z.boolean(), postable: z.boolean() });
export const accountAdded = z.strictObject({ ...accountFields, note: z.string().nullable() });
export const accountDeactivated = z.strictObject({ code: z.string(), active: z.boolean() });

// Entries

const entryKind = z.enum(['regular', 'opening', 'reversal', 'closing']);
const counterpartyRef = z.strictObject({ kind: z.enum(COUNTERPARTY_KINDS), name: z.string(), address: z.string().optional(), form: z.enum(COUNTERPARTY_FORMS).optional() });
const dimensions = {
  counterparty: counterpartyRef.optional(),
  campaign: z.string().optional(),
  designation: z.string().optional(),
  bankAccount: z.string().optional(),
  externalRef: z.string().optional(),
  allocation: allocationRef.optional(),
};

export const entry = z
  .strictObject({
    seq: int,
    kind: entryKind,
    date: day,
    description: z.string(),
    currency: z.string(),
    lines: z.array(
      z.strictObject({
        lineNo: int,
        account: z.string(),
        debit: decimal.optional(),
        credit: decimal.optional(),
        currency: z.string().optional(),
        originalAmount: decimal.optional(),
        rate: z.string().nullable().optional(),
        quantity: decimal.optional(),
        unit: z.string().nullable().optional(),
        ...dimensions,
      }),
    ),
    memos: z.array(z.strictObject({ lineNo: int, account: z.string(), direction: z.string().meta({ description: '`in` or `out`.' }), quantity: decimal, unit: z.string(), item: z.string().optional() })),
    reverses: int.nullable(),
    reversedBy: int.nullable(),
    recordedAt: instant,
    recordedBy: z.string(),
    hash: z.string(),
  })
  .meta({ description: 'A posted entry: VND on the debit or credit side of each line, original-currency amounts and quantities as decimals of their unit.' });

export const entryPage = z.strictObject({ entries: z.array(entry), nextAfterSeq: int.nullable() });

// Vouchers

const voucherCounterparty = z.strictObject({ name: z.string(), address: z.string().optional(), bankAccount: z.string().optional(), bank: z.string().optional(), kind: z.enum(COUNTERPARTY_KINDS).optional(), form: z.enum(COUNTERPARTY_FORMS).optional() });

/** The content as it was given (see VoucherContent among the request bodies), or as the server made it for a cancellation or a transfer. */
const voucherContent = z.strictObject({
  type: z.enum(VOUCHER_TYPES),
  date: day,
  accountingDate: day.optional(),
  reason: z.string(),
  counterparty: voucherCounterparty.optional(),
  purpose: z.string().optional(),
  amount: decimal.optional(),
  currency: z.string().optional(),
  originalAmount: decimal.optional(),
  rate: z.string().optional(),
  goods: z.array(z.strictObject({ item: z.string(), unit: z.string(), quantity: decimal, value: decimal })).readonly().optional(),
  beneficiaries: z.array(z.strictObject({ name: z.string(), address: z.string().optional(), status: z.enum(POVERTY_STATUSES), amount: decimal, note: z.string().optional() })).readonly().optional(),
  lines: z
    .array(
      z.strictObject({
        account: z.string(),
        debit: decimal.optional(),
        credit: decimal.optional(),
        currency: z.string().optional(),
        originalAmount: decimal.optional(),
        rate: z.string().optional(),
        quantity: decimal.optional(),
        unit: z.string().optional(),
        ...dimensions,
      }),
    )
    .readonly()
    .optional(),
  memos: z.array(z.strictObject({ account: z.string(), direction: z.enum(['in', 'out']), quantity: decimal, unit: z.string(), item: z.string().optional() })).readonly().optional(),
  attachments: int.optional(),
  campaign: z.string().optional(),
  designation: z.string().optional(),
  allocation: allocationRef.optional(),
  bankAccount: z.string().optional(),
  externalRef: z.string().optional(),
});

const voucherLink = z.strictObject({ id: int, number: z.string().nullable() });

export const voucher = z
  .strictObject({
    id: int,
    type: z.enum(VOUCHER_TYPES),
    status: z.enum(VOUCHER_STATUSES),
    number: z.string().nullable(),
    fiscalYear: int.nullable(),
    date: day,
    accountingDate: day,
    reason: z.string(),
    counterparty: voucherCounterparty.nullable(),
    amount: decimal,
    amountInWords: z.string(),
    currency: z.string(),
    content: voucherContent,
    entry: int.nullable().meta({ description: 'The sequence number of its entry, once posted.' }),
    transfer: int.nullable(),
    cancels: voucherLink.nullable(),
    cancelledBy: voucherLink.nullable(),
    createdBy: z.string(),
    createdAt: instant,
    approvedBy: z.string().nullable(),
    approvedAt: instant.nullable(),
    postedBy: z.string().nullable(),
    postedAt: instant.nullable(),
  })
  .meta({ description: 'A voucher: its state, number, content, and total in figures (VND) and in words.' });

export const voucherPage = z.strictObject({ vouchers: z.array(voucher), nextAfterId: int.nullable() });

export const voucherSettings = z.strictObject({
  numberFormat: z.string(),
  types: z.record(z.enum(VOUCHER_TYPES), z.strictObject({ prefix: z.string(), approvalRequired: z.boolean() })),
});

// Transfers

const transferVoucher = z.strictObject({ id: int, type: z.enum(VOUCHER_TYPES), status: z.enum(VOUCHER_STATUSES), number: z.string().nullable(), date: day }).nullable();

export const transfer = z
  .strictObject({
    id: int,
    from: z.string().nullable(),
    to: z.string().nullable(),
    status: z.enum(['in-transit', 'received']),
    amount: decimal,
    date: day,
    reason: z.string(),
    payment: transferVoucher,
    settlement: transferVoucher,
    receipt: transferVoucher,
    createdBy: z.string(),
    receivedAt: instant.nullable(),
    receivedBy: z.string().nullable(),
  })
  .meta({ description: 'A transfer and the vouchers on both sides.' });

// Periods

export const fiscalYear = z.strictObject({
  year: int,
  regime: z.string(),
  status: z.enum(['open', 'closed']),
  months: z.array(z.strictObject({ month: int, locked: z.boolean() })),
  events: z.array(
    z.strictObject({ action: z.enum(['open-year', 'lock', 'unlock', 'close-year', 'reopen-year']), month: int.nullable(), actor: z.string(), reason: z.string().nullable(), at: instant }),
  ),
});
export const monthLock = z.strictObject({ year: int, month: int, locked: z.boolean() });
export const yearClosed = z.strictObject({ year: int, closingEntries: z.array(int).meta({ description: 'Sequence numbers of the closing entries.' }), nextYear: int });
export const yearReopened = z.strictObject({ year: int, reversals: z.array(int).meta({ description: 'Sequence numbers of the entries reversing the closing ones.' }) });

// Figures

const sided = z.strictObject({ debit: decimal, credit: decimal });
const sidedPeriods = { opening: sided, period: sided, closing: sided };

export const trialBalance = z
  .strictObject({
    from: day,
    to: day,
    currency: z.string(),
    balanced: z.boolean(),
    rows: z.array(z.strictObject({ account: z.string(), name: z.string(), depth: int, leaf: z.boolean(), ...sidedPeriods })),
    totals: z.strictObject(sidedPeriods),
    offBalance: z.array(
      z.strictObject({ account: z.string(), name: z.string(), unit: z.string(), item: z.string().optional(), opening: decimal, in: decimal, out: decimal, closing: decimal }),
    ),
  })
  .meta({ description: 'Trial balance: opening, period and closing debit and credit per account, and the holdings of off-balance accounts.' });

export const balance = z.strictObject({ account: z.string(), name: z.string(), asOf: day, balance: decimal.meta({ description: 'Debit positive.' }), currency: z.string() });

const chainFailure = z.strictObject({
  ok: z.literal(false),
  entries: int,
  entryId: int.nullable(),
  seq: int,
  date: day.nullable(),
  problem: z.enum(['sequence_gap', 'hash_mismatch', 'head_mismatch', 'entry_malformed', 'not_read']),
  row: z.strictObject({ table: z.enum(['entries', 'entry_lines', 'entry_memos']), rowid: int, detail: z.string() }).optional(),
});

const integrityProblem = z.strictObject({
  check: z.enum(INTEGRITY_CHECKS),
  entity: z.string().nullable(),
  seq: int.nullable(),
  table: z.string().nullable(),
  rowid: int.nullable(),
  where: z.string(),
  message: z.string(),
  count: int,
});

export const verifyReport = z.strictObject({
  entity: z.string(),
  chain: z.union([z.strictObject({ ok: z.literal(true), entries: int, lastHash: z.string() }), chainFailure]),
  dayTotalMismatches: int,
  problems: z.array(integrityProblem).readonly(),
  ok: z.boolean(),
});

// Audit and users

export const auditPage = z.strictObject({
  events: z.array(
    z.strictObject({
      id: int,
      at: instant,
      actor: z.string(),
      origin: z.string(),
      requestId: z.string().nullable(),
      entity: z.string().nullable(),
      kind: z.string(),
      subject: z.string(),
      detail: z.record(z.string(), z.unknown()).meta({ description: 'What changed; its fields depend on the kind.' }),
    }),
  ),
  nextAfterId: int.nullable(),
});

export const grant = z.strictObject({ id: int, entity: z.string().nullable(), role: z.enum(ROLES), inherit: z.boolean() });
export const token = z.strictObject({ id: z.string(), label: z.string(), createdAt: instant, createdBy: z.string(), revokedAt: instant.nullable() });
export const user = z.strictObject({ name: z.string(), fullName: z.string().nullable().meta({ description: 'Printed as the preparer of the vouchers the user drafts, where the fund names none' }), grants: z.array(grant), tokens: z.array(token) });
export const issuedToken = z.strictObject({ id: z.string(), user: z.string(), label: z.string(), token: z.string().meta({ description: 'The secret, shown this once: `flt_<id>_<secret>`.' }) });
export const tokenRevoked = z.strictObject({ id: z.string(), revoked: z.boolean() });

/** An answer without a body. */
export const noContent = z.undefined().meta({ description: 'Done; no body.' });

// Books and reports, streamed

const statementJson = z.strictObject({
  statement: z.enum(STATEMENT_IDS),
  title: z.string(),
  from: day,
  to: day,
  currency: z.string(),
  funds: z.array(z.string()),
  previous: z
    .strictObject({ from: day, to: day })
    .nullable()
    .meta({ description: 'The range the columns of the previous period cover: as many whole months, or days, just before the statement’s.' }),
  columns: z.array(z.strictObject({ label: z.string(), period: z.enum(['current', 'previous']) })),
  lines: z.array(
    z.strictObject({
      code: z.string(), label: z.string(), level: int,
      values: z.array(decimal.nullable()).meta({ description: 'One per column; null for a heading, and in a previous-period column the books do not cover (before the fund’s first fiscal year).' }),
    }),
  ),
  checks: z.array(z.strictObject({ label: z.string(), left: z.string(), right: z.string(), ok: z.boolean() })),
  reconciliation: z
    .strictObject({
      eliminated: z.array(z.strictObject({ id: int, from: z.string(), to: z.string(), amount: decimal, reason: z.string(), sentOn: day.nullable(), receivedOn: day.nullable(), paidOn: day })),
      unmatched: z.array(
        z.strictObject({
          id: int, from: z.string(), to: z.string(), amount: decimal, reason: z.string().meta({ description: 'The transfer’s own reason' }),
          found: z.enum(['in-transit', 'sent-only', 'received-only']).meta({ description: 'Why it was not eliminated: still in transit, or seen on one side only' }),
          sentOn: day.nullable(), receivedOn: day.nullable(), paidOn: day,
        }),
      ),
    })
    .optional()
    .meta({ description: 'Consolidated only: the transfers between the funds, eliminated or found on one side only.' }),
});

/** A report as JSON: the trial balance with the funds it covers, or a statement. */
export const reportJson = z.union([trialBalance.extend({ funds: z.array(z.string()) }), statementJson]);

const posting = {
  date: day,
  entrySeq: int,
  description: z.string(),
  voucherNumber: z.string().nullable(),
  voucherDate: day.nullable(),
  voucherType: z.string().nullable(),
  account: z.string(),
  amount: decimal.meta({ description: 'Debit positive.' }),
  counterparty: z.string().nullable(),
  campaign: z.string().nullable(),
  contra: z.string().nullable(),
};
const journalLine = z.strictObject({
  id: int,
  ...posting,
  entryKind,
  designation: z.string().nullable(),
  currency: z.string().nullable(),
  originalAmount: decimal.nullable().meta({ description: 'Minor units of the currency, unsigned.' }),
  rate: z.string().nullable(),
});
const accountBookKind = z.enum(['cash', 'bank', 'ledger', 'counterparty', 'campaign', 'designation']);
const accountBookJson = z.strictObject({
  book: accountBookKind,
  entity: z.string(),
  kind: accountBookKind,
  from: day,
  to: day,
  subject: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  currency: z.string(),
  scale: int.meta({ description: 'Decimal places of the amounts’ minor units.' }),
  opening: decimal,
  debit: decimal,
  credit: decimal,
  closing: decimal,
  count: int,
  lines: z.array(z.strictObject({ ...posting, debit: decimal, credit: decimal, balance: decimal })),
});
const journalJson = z.strictObject({
  book: z.literal('journal'),
  entity: z.string(),
  from: day,
  to: day,
  debit: decimal,
  credit: decimal,
  balanced: z.boolean(),
  count: int,
  lines: z.array(journalLine),
});
const holdingKind = z.enum(['goods', 'currency']);
const holdingJson = z.strictObject({
  book: holdingKind,
  entity: z.string(),
  kind: holdingKind,
  account: z.string(),
  from: day,
  to: day,
  holdings: z.array(
    z.strictObject({
      item: z.string().nullable(),
      unit: z.string(),
      opening: decimal,
      openingValue: decimal,
      in: decimal,
      inValue: decimal,
      out: decimal,
      outValue: decimal,
      closing: decimal,
      closingValue: decimal,
    }),
  ),
  count: int,
  lines: z.array(
    z.strictObject({
      date: day,
      entrySeq: int,
      voucherNumber: z.string().nullable(),
      voucherDate: day.nullable(),
      description: z.string(),
      item: z.string().nullable(),
      unit: z.string(),
      quantity: decimal.meta({ description: 'In positive, out negative.' }),
      value: decimal.nullable(),
      held: decimal,
      heldValue: decimal,
    }),
  ),
});

/** A book as JSON: amounts in minor units of its currency, its lines in order. */
export const bookJson = z.union([accountBookJson, journalJson, holdingJson]);

/** A file's bytes: a buffer or a stream, documented as a binary string. */
const binary = z.custom<Uint8Array>().meta({ type: 'string', format: 'binary' });
const mediaType = (contentType: string): string => contentType.split(';')[0] ?? contentType;
const SHEET_FILES = Object.fromEntries(Object.values(FILE_FORMATS).map((f) => [mediaType(f.contentType), { schema: binary }]));

/*
 * File answers, documented by their media types. The body is a stream or a buffer, which
 * Fastify sends as it is: the serializer never checks it.
 */
export const pdfFile = { description: 'The PDF.', content: { 'application/pdf': { schema: binary } } };
export const xlsxFile = { description: 'The workbook.', content: { [mediaType(FILE_FORMATS.xlsx.contentType)]: { schema: binary } } };
export const sealImageFile = { description: 'The seal image as uploaded.', content: { 'image/png': { schema: binary }, 'image/jpeg': { schema: binary } } };
export const zipFile = { description: 'The zip of every template as its own workbook, with kiem-tra.json, the validation report.', content: { 'application/zip': { schema: binary } } };
export const reportFile = {
  description: 'The report in the format asked for: JSON, PDF, XLSX or CSV.',
  content: { 'application/json': { schema: reportJson }, ...SHEET_FILES },
};
export const disclosureFile = {
  description: 'The disclosure in the format asked for: JSON, PDF (A4, for the website), XLSX or CSV; or the posting version, a PDF in large type.',
  content: { 'application/json': { schema: disclosure }, ...SHEET_FILES },
};
export const fundDisclosureFile = {
  description: 'The fund’s report in the format asked for: JSON, PDF (A4, for the website), XLSX or CSV; or the posting version, a PDF in large type.',
  content: { 'application/json': { schema: fundDisclosure }, ...SHEET_FILES },
};
export const publishedFile = {
  description: 'The publication in the format asked for: JSON with its report as published, or the report as PDF, XLSX or CSV.',
  content: { 'application/json': { schema: publishedDisclosure }, ...SHEET_FILES },
};
export const bookFile = {
  description: 'The book in the format asked for: JSON, PDF, XLSX, CSV, or for the journal a ledger/hledger journal as text.',
  content: { 'application/json': { schema: bookJson }, ...SHEET_FILES, 'text/plain': { schema: z.string() } },
};
