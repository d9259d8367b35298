/**
 * The Fastify server: authentication and per-fund permissions, one guarded boundary (bounded
 * JSON, clean NFC text, then zod validation), one problem shape for every error — the
 * router's and the HTTP parser's included —, OpenAPI at /docs, and the ledger routes.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { cleanInput } from '../app/clean-input.js';
import { GroupCommit } from '../app/group-commit.js';
import type { Store } from '../db/store.js';
import { installAccess } from './access.js';
import { authThrottle, type AuthThrottleOptions } from './auth-throttle.js';
import { installOpenApi } from './openapi.js';
import { clientErrorHandler, frameworkErrors, installProblemHandlers, sendApiProblem } from './problem.js';
import { installBodyParsers } from './body-parsers.js';
import { undecodableQueryField } from './query-string.js';
import { accountRoutes } from './routes/accounts.js';
import { auditRoutes } from './routes/audit.js';
import { allocationRoutes } from './routes/allocations.js';
import { fundDisclosureRoutes } from './routes/fund-disclosures.js';
import { bankImportRoutes } from './routes/bank-imports.js';
import { feedRoutes } from './routes/feeds.js';
import { misaImportRoutes } from './routes/misa-import.js';
import { misaRoutes } from './routes/misa.js';
import { campaignRoutes } from './routes/campaigns.js';
import { publicRoutes } from './routes/public.js';
import { entityRoutes } from './routes/entities.js';
import { entryRoutes } from './routes/entries.js';
import { healthRoutes } from './routes/health.js';
import { periodRoutes } from './routes/periods.js';
import { reportRoutes } from './routes/reports.js';
import { bookAndReportRoutes } from './routes/books-and-reports.js';
import { transferRoutes } from './routes/transfers.js';
import { voucherSettingRoutes } from './routes/voucher-settings.js';
import { voucherRoutes } from './routes/vouchers.js';
import { userRoutes } from './routes/users.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every write the routes make goes through the group commit. */
    writes: GroupCommit;
  }
}

export interface ServerOptions {
  readonly logger?: boolean;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit?: number;
  /** Failed sign-ins allowed per client address and window; see DEFAULT_AUTH_THROTTLE. */
  readonly authThrottle?: Partial<AuthThrottleOptions>;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/** The parts of a request that carry user text, named as validation errors name them. */
interface InputPart {
  readonly key: 'params' | 'query' | 'body';
  readonly context: string;
}
const URL_PARTS: readonly InputPart[] = [{ key: 'params', context: 'params' }, { key: 'query', context: 'querystring' }];
const BODY_PART: readonly InputPart[] = [{ key: 'body', context: 'body' }];

function cleanParts(request: FastifyRequest, reply: FastifyReply, parts: readonly InputPart[]): FastifyReply | undefined {
  for (const part of parts) {
    if (request[part.key] === undefined) continue;
    const clean = cleanInput(request[part.key]);
    if (!clean.ok) return sendApiProblem(reply, 'invalid_request', clean.problem, [part.context, ...clean.path].join('.'));
    request[part.key] = clean.value;
  }
  return undefined;
}

export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installBodyParsers(app);
  // The URL's parts are clean before access is checked against them; the body once it is parsed.
  app.addHook('onRequest', async (request, reply) => {
    const undecodable = undecodableQueryField(request.url);
    if (undecodable) return sendApiProblem(reply, 'invalid_request', 'the query string does not decode to UTF-8 text', undecodable);
    return cleanParts(request, reply, URL_PARTS);
  });
  app.addHook('preValidation', async (request, reply) => cleanParts(request, reply, BODY_PART));
  installProblemHandlers(app);
  app.decorate('writes', new GroupCommit(store));
  installAccess(app, store, authThrottle(options.authThrottle));
  await installOpenApi(app);
  for (const routes of [healthRoutes, publicRoutes, entityRoutes, campaignRoutes, allocationRoutes, fundDisclosureRoutes, misaRoutes, misaImportRoutes, bankImportRoutes, feedRoutes, accountRoutes, entryRoutes, voucherRoutes, voucherSettingRoutes, transferRoutes, periodRoutes, reportRoutes, bookAndReportRoutes, auditRoutes, userRoutes]) {
    await app.register(routes(store));
  }
  return app;
}
