/** The Fastify server: zod validation, one problem shape for errors, the ledger routes. */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../db/store.js';
import { installProblemHandlers } from './problem.js';
import { healthRoutes } from './routes/health.js';
import { ledgerReadRoutes } from './routes/ledger-reads.js';

export interface ServerOptions {
  readonly logger?: boolean;
}

export async function buildServer(store: Store, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  await app.register(healthRoutes(store));
  await app.register(ledgerReadRoutes(store));
  return app;
}
