/** GET /health: the server is up and its database answers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listEntities } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import * as success from '../response-schemas.js';

export function healthRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { config: { access: { public: true } }, schema: { tags: ['health'], summary: 'The server is up and its database answers', response: { 200: success.health } } },
      async () => ({ status: 'ok' as const, funds: listEntities(store.db).length }),
    );
  };
}
