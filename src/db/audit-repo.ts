/**
 * The audit trail (nhật ký thao tác): one row per state change, written in the same
 * transaction as the change, read back by auditors with filters and a cursor.
 */
import { and, asc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { prepared } from './prepared.js';
import { auditEvents } from './schema.js';
import type { Db } from './store.js';

/** Who makes a change and from where: a user name and an origin (an IP address, or "cli"). */
export interface Actor {
  readonly name: string;
  readonly origin: string;
  readonly requestId?: string;
}

export interface AuditFact {
  /** Null for changes above any one fund. */
  readonly entityId: number | null;
  readonly kind: string;
  readonly subject: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type AuditRow = typeof auditEvents.$inferSelect;

const insertEvent = prepared((db) =>
  db
    .insert(auditEvents)
    .values({
      actor: sql.placeholder('actor'), origin: sql.placeholder('origin'), requestId: sql.placeholder('requestId'), entityId: sql.placeholder('entityId'),
      kind: sql.placeholder('kind'), subject: sql.placeholder('subject'), detail: sql.placeholder('detail'),
    })
    .prepare(),
);

export function recordAudit(db: Db, actor: Actor, fact: AuditFact): void {
  insertEvent(db).run({
    actor: actor.name,
    origin: actor.origin,
    requestId: actor.requestId ?? null,
    entityId: fact.entityId,
    kind: fact.kind,
    subject: fact.subject,
    detail: JSON.stringify(fact.detail ?? {}),
  });
}

export interface AuditFilter {
  /** The funds whose events may be read; 'all' also admits events above any fund. */
  readonly entityIds: readonly number[] | 'all';
  /** Inclusive bounds on the time of the event, ISO 8601 (a date alone is a whole day). */
  readonly from?: string;
  readonly to?: string;
  readonly actor?: string;
  readonly kind?: string;
  readonly afterId?: number;
  readonly limit: number;
}

export function listAudit(db: Db, filter: AuditFilter): AuditRow[] {
  const where: (SQL | undefined)[] = [
    filter.entityIds === 'all' ? undefined : inArray(auditEvents.entityId, [...filter.entityIds]),
    filter.from === undefined ? undefined : gte(auditEvents.at, filter.from),
    filter.to === undefined ? undefined : lte(auditEvents.at, filter.to.length === 10 ? `${filter.to}T99` : filter.to),
    filter.actor === undefined ? undefined : eq(auditEvents.actor, filter.actor),
    filter.kind === undefined ? undefined : eq(auditEvents.kind, filter.kind),
    filter.afterId === undefined ? undefined : gt(auditEvents.id, filter.afterId),
  ];
  return db.select().from(auditEvents).where(and(...where)).orderBy(asc(auditEvents.id)).limit(filter.limit).all();
}

