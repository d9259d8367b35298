/**
 * Fiscal years and months of a fund: their state and the record of period acts; opening
 * a year, locking and unlocking a month, closing and reopening a year.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeYear } from '../../app/close-year.js';
import { openYear } from '../../app/open-year.js';
import { lockPeriod, unlockPeriod } from '../../app/period-locks.js';
import { reopenYear } from '../../app/reopen-year.js';
import { listFiscalYears, listPeriodEvents, listPeriods } from '../../db/calendar-repo.js';
import type { Store } from '../../db/store.js';
import { accept } from '../../ledger/rejections.js';
import { actorOf, fundOf } from '../access.js';
import { sendRejection } from '../problem.js';
import { entityParams, fiscalYear, month, text, year } from '../schemas.js';
import * as success from '../response-schemas.js';
import { answerWrite, idempotencyHeaders } from '../write.js';

const yearParams = entityParams.extend({ year }).strict();
const monthParams = yearParams.extend({ month }).strict();
const reason = z.object({ reason: text(1000) }).strict().meta({ example: { reason: 'Bổ sung chứng từ chi hỗ trợ nhà ở còn thiếu' } });
const optionalReason = z.object({ reason: text(1000).optional() }).strict();
/** The year to open, a JSON number in the body (`year` reads the digits of a path). */
const yearToOpen = z.object({ year: fiscalYear }).strict().meta({ example: { year: 2025 } });

export function periodRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    const periodsOf = (entityId: number) => {
      const months = listPeriods(store.db, entityId);
      const events = listPeriodEvents(store.db, entityId);
      return listFiscalYears(store.db, entityId).map((y) => ({
        year: y.year,
        regime: y.regime,
        status: y.status,
        months: months.filter((m) => m.year === y.year).map((m) => ({ month: m.month, locked: m.locked })),
        events: events.filter((e) => e.year === y.year).map((e) => ({ action: e.action, month: e.month, actor: e.actor, reason: e.reason, at: e.at })),
      }));
    };
    const manage = { access: { permission: 'periods.manage' as const } };

    app.get(
      '/api/entities/:entity/periods',
      { config: { access: { permission: 'ledger.read' } }, schema: { tags: ['periods'], summary: 'Fiscal years, months and the record of period acts', params: entityParams, response: { 200: z.array(success.fiscalYear) } } },
      async (request) => periodsOf(fundOf(request).id),
    );

    app.post(
      '/api/entities/:entity/periods',
      {
        config: manage,
        schema: { tags: ['periods'], summary: 'Open the next fiscal year', params: entityParams, body: yearToOpen, headers: idempotencyHeaders, response: { 201: success.fiscalYear } },
      },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code }, () => {
          const opened = openYear(store, { entity: fund.code, year: request.body.year, actor: actorOf(request) });
          return opened.ok ? accept({ status: 201, body: periodsOf(fund.id).find((y) => y.year === request.body.year) }) : opened;
        });
      },
    );

    app.post(
      '/api/entities/:entity/periods/:year/:month/lock',
      { config: manage, schema: { tags: ['periods'], summary: 'Lock a month', params: monthParams, body: optionalReason.nullish(), response: { 200: success.monthLock } } },
      async (request, reply) => {
        const { year, month } = request.params;
        const reason = request.body?.reason;
        const locked = lockPeriod(store, { entity: fundOf(request).code, year, month, actor: actorOf(request), ...(reason !== undefined && { reason }) });
        return locked.ok ? { year, month, locked: true } : sendRejection(reply, locked);
      },
    );

    app.post(
      '/api/entities/:entity/periods/:year/:month/unlock',
      { config: manage, schema: { tags: ['periods'], summary: 'Unlock a month, with a reason', params: monthParams, body: reason, response: { 200: success.monthLock } } },
      async (request, reply) => {
        const { year, month } = request.params;
        const unlocked = unlockPeriod(store, { entity: fundOf(request).code, year, month, actor: actorOf(request), reason: request.body.reason });
        return unlocked.ok ? { year, month, locked: false } : sendRejection(reply, unlocked);
      },
    );

    app.post(
      '/api/entities/:entity/periods/:year/close',
      { config: manage, schema: { tags: ['periods'], summary: 'Close a fiscal year', params: yearParams, body: optionalReason.nullish(), headers: idempotencyHeaders, response: { 200: success.yearClosed } } },
      async (request, reply) => {
        const fund = fundOf(request);
        const reason = request.body?.reason;
        return answerWrite(store, request, reply, { entity: fund.code }, () => {
          const closed = closeYear(store, { entity: fund.code, year: request.params.year, actor: actorOf(request), ...(reason !== undefined && { reason }) });
          return closed.ok
            ? accept({ status: 200, body: { year: request.params.year, closingEntries: closed.value.closingEntries.map((e) => e.seq), nextYear: closed.value.nextYear } })
            : closed;
        });
      },
    );

    app.post(
      '/api/entities/:entity/periods/:year/reopen',
      { config: manage, schema: { tags: ['periods'], summary: 'Reopen a closed year, with a reason', params: yearParams, body: reason, headers: idempotencyHeaders, response: { 200: success.yearReopened } } },
      async (request, reply) => {
        const fund = fundOf(request);
        return answerWrite(store, request, reply, { entity: fund.code }, () => {
          const reopened = reopenYear(store, { entity: fund.code, year: request.params.year, actor: actorOf(request), reason: request.body.reason });
          return reopened.ok ? accept({ status: 200, body: { year: request.params.year, reversals: reopened.value.map((e) => e.seq) } }) : reopened;
        });
      },
    );
  };
}
