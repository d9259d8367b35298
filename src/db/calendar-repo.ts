/** Fiscal years, monthly periods and the record of every act on them. */
import { and, asc, eq } from 'drizzle-orm';
import { monthKey, type Calendar } from '../ledger/calendar.js';
import type { Db } from './store.js';
import { fiscalYears, periodEvents, periods } from './schema.js';

export type FiscalYearRow = typeof fiscalYears.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;
export type PeriodEventRow = typeof periodEvents.$inferSelect;
export type PeriodAction = PeriodEventRow['action'];

export function listFiscalYears(db: Db, entityId: number): FiscalYearRow[] {
  return db.select().from(fiscalYears).where(eq(fiscalYears.entityId, entityId)).orderBy(asc(fiscalYears.year)).all();
}

export function findFiscalYear(db: Db, entityId: number, year: number): FiscalYearRow | undefined {
  return db.select().from(fiscalYears).where(and(eq(fiscalYears.entityId, entityId), eq(fiscalYears.year, year))).get();
}

/** Creates a fiscal year with its twelve open months. */
export function insertFiscalYear(db: Db, entityId: number, year: number, regime: string): void {
  db.insert(fiscalYears).values({ entityId, year, regime, status: 'open' }).run();
  db.insert(periods)
    .values(Array.from({ length: 12 }, (_, i) => ({ entityId, year, month: i + 1, locked: false })))
    .run();
}

export function setYearStatus(db: Db, entityId: number, year: number, status: FiscalYearRow['status']): void {
  db.update(fiscalYears).set({ status }).where(and(eq(fiscalYears.entityId, entityId), eq(fiscalYears.year, year))).run();
}

export function listPeriods(db: Db, entityId: number, year?: number): PeriodRow[] {
  const scope = year === undefined ? eq(periods.entityId, entityId) : and(eq(periods.entityId, entityId), eq(periods.year, year));
  return db.select().from(periods).where(scope).orderBy(asc(periods.year), asc(periods.month)).all();
}

export function findPeriod(db: Db, entityId: number, year: number, month: number): PeriodRow | undefined {
  return db
    .select()
    .from(periods)
    .where(and(eq(periods.entityId, entityId), eq(periods.year, year), eq(periods.month, month)))
    .get();
}

export function setPeriodLocked(db: Db, entityId: number, year: number, month: number | null, locked: boolean): void {
  const scope = and(eq(periods.entityId, entityId), eq(periods.year, year), ...(month === null ? [] : [eq(periods.month, month)]));
  db.update(periods).set({ locked }).where(scope).run();
}

export function recordPeriodEvent(
  db: Db,
  event: { entityId: number; year: number; month: number | null; action: PeriodAction; actor: string; reason: string | null },
): void {
  db.insert(periodEvents).values(event).run();
}

export function listPeriodEvents(db: Db, entityId: number): PeriodEventRow[] {
  return db.select().from(periodEvents).where(eq(periodEvents.entityId, entityId)).orderBy(asc(periodEvents.id)).all();
}

export function loadCalendar(db: Db, entityId: number): Calendar {
  const years = new Map(listFiscalYears(db, entityId).map((y) => [y.year, y.status] as const));
  const lockedMonths = new Set(listPeriods(db, entityId).filter((p) => p.locked).map((p) => monthKey(p.year, p.month)));
  return { years, lockedMonths };
}
