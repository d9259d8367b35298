/**
 * The Fastify server: authentication and per-fund permissions, zod validation with NFC
 * text, one problem shape for errors, OpenAPI at /docs, and the ledger routes.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { toNfc } from '../app/nfc.js';
import type { Store } from '../db/store.js';
import { installAccess } from './access.js';
import { installOpenApi } from './openapi.js';
import { installProblemHandlers } from './problem.js';
import { accountRoutes } from './routes/accounts.js';
import { auditRoutes } from './routes/audit.js';
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

export interface ServerOptions {
  readonly logger?: boolean;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit?: number;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = toNfc(request.body);
    request.query = toNfc(request.query);
  });
  installProblemHandlers(app);
  installAccess(app, store);
  await installOpenApi(app);
  for (const routes of [healthRoutes, entityRoutes, accountRoutes, entryRoutes, voucherRoutes, voucherSettingRoutes, transferRoutes, periodRoutes, reportRoutes, bookAndReportRoutes, auditRoutes, userRoutes]) {
    await app.register(routes(store));
  }
  return app;
}
