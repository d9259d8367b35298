/** MISA exchange records: each installation's mapping, and the files exported with the voucher numbers they carried. */
import type Database from 'better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';
import { defaultMapping, type MisaMapping } from '../export/misa/mapping.js';
import type { MisaProduct } from '../export/misa/layout.js';
import { misaExports, misaMappings } from './schema.js';
import type { Db } from './store.js';

export type MisaExportRow = Omit<typeof misaExports.$inferSelect, 'product'> & { readonly product: MisaProduct };

export function findMisaMapping(db: Db, entityId: number, product: MisaProduct): MisaMapping {
  const row = db.select().from(misaMappings).where(and(eq(misaMappings.entityId, entityId), eq(misaMappings.product, product))).get();
  if (!row) return defaultMapping(product);
  return { product, identity: row.identity, accounts: JSON.parse(row.accounts) as MisaMapping['accounts'], reasons: JSON.parse(row.reasons) as MisaMapping['reasons'] };
}

export function saveMisaMapping(db: Db, entityId: number, mapping: MisaMapping, by: string): void {
  const values = { identity: mapping.identity, accounts: JSON.stringify(mapping.accounts), reasons: JSON.stringify(mapping.reasons), updatedBy: by, updatedAt: new Date().toISOString() };
  db.insert(misaMappings).values({ entityId, product: mapping.product, ...values }).onConflictDoUpdate({ target: [misaMappings.entityId, misaMappings.product], set: values }).run();
}

export function insertMisaExport(db: Db, row: typeof misaExports.$inferInsert): MisaExportRow {
  return db.insert(misaExports).values(row).returning().get() as MisaExportRow;
}

export function finishMisaExport(db: Db, id: number, done: { sha256: string; vouchers: number; rows: number }): void {
  db.update(misaExports).set(done).where(eq(misaExports.id, id)).run();
}

export function listMisaExports(db: Db, entityId: number): MisaExportRow[] {
  return db.select().from(misaExports).where(eq(misaExports.entityId, entityId)).orderBy(desc(misaExports.id)).all() as MisaExportRow[];
}

/** Records voucher numbers as an export writes them; they count as sent once the export is finished. */
export function exportedNumberRecorder(sqlite: Database.Database, exportId: number, entityId: number, product: MisaProduct): (numbers: readonly string[]) => void {
  const insert = sqlite.prepare('INSERT INTO misa_exported_vouchers (export_id, entity_id, product, number) VALUES (?, ?, ?, ?)');
  const many = sqlite.transaction((numbers: readonly string[]) => {
    for (const number of numbers) insert.run(exportId, entityId, product, number);
  });
  return (numbers) => many(numbers);
}

/** Which of the voucher numbers went to this MISA product in an export that was written whole. */
export function sentNumbersChecker(sqlite: Database.Database, entityId: number, product: MisaProduct): (numbers: readonly string[]) => ReadonlySet<string> {
  const finished = sqlite.prepare('SELECT 1 FROM misa_exports WHERE entity_id = ? AND product = ? AND sha256 IS NOT NULL LIMIT 1').pluck().get(entityId, product) !== undefined;
  if (!finished) return () => new Set();
  const query = sqlite.prepare(
    `SELECT DISTINCT v.number FROM misa_exported_vouchers v JOIN misa_exports e ON e.id = v.export_id
     WHERE v.entity_id = ? AND v.product = ? AND v.number IN (SELECT value FROM json_each(?)) AND e.sha256 IS NOT NULL`,
  ).pluck();
  return (numbers) => new Set(query.all(entityId, product, JSON.stringify(numbers)) as string[]);
}
