/**
 * Vouchers of a fund: drafts written and rewritten, numbers drawn from the per-type,
 * per-year counter, posted and cancelled states, and lists with filters a page at a time.
 */
import { and, asc, eq, gt, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Voucher, VoucherContent } from '../ledger/vouchers/voucher.js';
import { VOUCHER_TYPES, type VoucherType } from '../ledger/vouchers/voucher-types.js';
import { prepared } from './prepared.js';
import { voucherCounters, vouchers, voucherSettings } from './schema.js';
import type { Db } from './store.js';

type VoucherRow = typeof vouchers.$inferSelect;
export type NewVoucherRow = typeof vouchers.$inferInsert;
export type VoucherSettingRow = typeof voucherSettings.$inferSelect;

/** Every column a new voucher may be given, as placeholders of one prepared insert. */
const INSERTED = [
  'entityId', 'type', 'status', 'content', 'date', 'accountingDate', 'counterparty', 'reason', 'amount', 'currency', 'campaign', 'fiscalYear',
  'numberSeq', 'number', 'entryId', 'cancelsId', 'transferId', 'createdBy', 'updatedAt', 'approvedBy', 'approvedAt', 'postedBy', 'postedAt',
] as const satisfies readonly (keyof NewVoucherRow)[];

const insert = prepared((db) =>
  db
    .insert(vouchers)
    .values(Object.fromEntries(INSERTED.map((column) => [column, sql.placeholder(column)])) as unknown as NewVoucherRow)
    .returning()
    .prepare(),
);
const byId = prepared((db) => db.select().from(vouchers).where(and(eq(vouchers.entityId, sql.placeholder('entityId')), eq(vouchers.id, sql.placeholder('id')))).prepare());

const KNOWN_TYPES: ReadonlySet<string> = new Set(VOUCHER_TYPES);

/** A stored row as a voucher: its type known, its total a whole number of đồng, its content the JSON it was written with. */
function voucherOf(row: VoucherRow): Voucher {
  if (!KNOWN_TYPES.has(row.type)) throw new Error(`voucher ${row.id} has an unknown type ${row.type}`);
  if (!Number.isSafeInteger(row.amount)) throw new Error(`voucher ${row.id} has a total that is not a whole number of đồng`);
  const content = JSON.parse(row.content) as VoucherContent;
  if (content.type !== row.type) throw new Error(`voucher ${row.id} is a ${row.type} whose content says ${content.type}`);
  return { ...row, type: row.type as VoucherType, amount: BigInt(row.amount), content };
}

const voucherOrNothing = (row: VoucherRow | undefined): Voucher | undefined => (row === undefined ? undefined : voucherOf(row));

export function insertVoucher(db: Db, row: NewVoucherRow): Voucher {
  const values = Object.fromEntries(INSERTED.map((column) => [column, row[column] ?? null]));
  const inserted = insert(db).get({ ...values, currency: row.currency ?? 'VND' });
  if (!inserted) throw new Error('the voucher was not inserted');
  return voucherOf(inserted);
}

export function findVoucher(db: Db, entityId: number, id: number): Voucher | undefined {
  return voucherOrNothing(byId(db).get({ entityId, id }));
}

/** The voucher whose posting wrote the entry, if a voucher did. */
export function findVoucherByEntry(db: Db, entityId: number, entryId: number): Voucher | undefined {
  return voucherOrNothing(db.select().from(vouchers).where(and(eq(vouchers.entityId, entityId), eq(vouchers.entryId, entryId))).get());
}

export function findVoucherByCancels(db: Db, cancelsId: number): Voucher | undefined {
  return voucherOrNothing(db.select().from(vouchers).where(eq(vouchers.cancelsId, cancelsId)).get());
}

const posted = prepared((db) =>
  db
    .update(vouchers)
    .set({
      status: 'posted', fiscalYear: sql.placeholder('fiscalYear'), numberSeq: sql.placeholder('numberSeq'), number: sql.placeholder('number'),
      entryId: sql.placeholder('entryId'), postedBy: sql.placeholder('postedBy'), postedAt: sql.placeholder('postedAt'), updatedAt: sql.placeholder('postedAt'),
    } as unknown as Partial<NewVoucherRow>)
    .where(eq(vouchers.id, sql.placeholder('id')))
    .returning()
    .prepare(),
);

/** Marks a voucher posted with its number and entry. */
export function markVoucherPosted(
  db: Db,
  id: number,
  posting: { readonly fiscalYear: number; readonly numberSeq: number; readonly number: string; readonly entryId: number; readonly postedBy: string; readonly postedAt: string },
): Voucher {
  const row = posted(db).get({ id, ...posting });
  if (!row) throw new Error(`voucher ${id} was not marked posted`);
  return voucherOf(row);
}

export function updateVoucher(db: Db, id: number, changes: Partial<NewVoucherRow>): Voucher {
  return voucherOf(db.update(vouchers).set(changes).where(eq(vouchers.id, id)).returning().get());
}

export function deleteVoucher(db: Db, id: number): void {
  db.delete(vouchers).where(eq(vouchers.id, id)).run();
}

const drawNumber = prepared((db) =>
  db
    .insert(voucherCounters)
    .values({ entityId: sql.placeholder('entityId'), type: sql.placeholder('type'), year: sql.placeholder('year'), last: 1 })
    .onConflictDoUpdate({ target: [voucherCounters.entityId, voucherCounters.type, voucherCounters.year], set: { last: sql`${voucherCounters.last} + 1` } })
    .returning({ last: voucherCounters.last })
    .prepare(),
);

/**
 * Draws the next number of a fund's voucher type in a fiscal year, in one statement (the
 * counter's triggers let it start at one and move up by one only); call inside the posting's
 * transaction.
 */
export function nextVoucherNumber(db: Db, entityId: number, type: string, year: number): number {
  const drawn = drawNumber(db).get({ entityId, type, year });
  if (!drawn) throw new Error(`no voucher number drawn for ${type} ${year}`);
  return drawn.last;
}

export interface VoucherFilter {
  readonly type?: string;
  readonly status?: string;
  readonly from?: string;
  readonly to?: string;
  readonly counterparty?: string;
  readonly campaign?: string;
  readonly afterId?: number;
  readonly limit: number;
}

export function listVouchers(db: Db, entityId: number, filter: VoucherFilter): Voucher[] {
  const where: SQL[] = [eq(vouchers.entityId, entityId)];
  if (filter.type !== undefined) where.push(eq(vouchers.type, filter.type));
  if (filter.status !== undefined) where.push(eq(vouchers.status, filter.status as VoucherRow['status']));
  if (filter.from !== undefined) where.push(gte(vouchers.accountingDate, filter.from));
  if (filter.to !== undefined) where.push(lte(vouchers.accountingDate, filter.to));
  if (filter.counterparty !== undefined) where.push(like(vouchers.counterparty, `%${filter.counterparty.replace(/[%_]/g, '')}%`));
  if (filter.campaign !== undefined) where.push(eq(vouchers.campaign, filter.campaign));
  if (filter.afterId !== undefined) where.push(gt(vouchers.id, filter.afterId));
  return db.select().from(vouchers).where(and(...where)).orderBy(asc(vouchers.id)).limit(filter.limit).all().map(voucherOf);
}

const settingsOf = prepared((db) => db.select().from(voucherSettings).where(eq(voucherSettings.entityId, sql.placeholder('entityId'))).prepare());

export function listVoucherSettings(db: Db, entityId: number): VoucherSettingRow[] {
  return settingsOf(db).all({ entityId });
}

export function saveVoucherSetting(db: Db, row: VoucherSettingRow): void {
  db.insert(voucherSettings)
    .values(row)
    .onConflictDoUpdate({ target: [voucherSettings.entityId, voucherSettings.type], set: { prefix: row.prefix, approvalRequired: row.approvalRequired } })
    .run();
}
