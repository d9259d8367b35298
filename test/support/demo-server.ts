/** A server over a fresh in-memory demo database, and the demo admin's token to call it with. */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { DEMO_ADMIN, seedDemo } from '../../src/app/seed-demo.js';
import { issueToken } from '../../src/app/tokens.js';
import type { Store } from '../../src/db/store.js';
import { ACTOR, freshStore } from './store-fixture.js';

export interface DemoServer {
  readonly store: Store;
  readonly app: FastifyInstance;
  /** `Bearer flt_…` of the demo admin. */
  readonly authorization: string;
  close(): Promise<void>;
}

export async function demoServer(): Promise<DemoServer> {
  const store = freshStore();
  const seeded = seedDemo(store);
  if (!seeded.ok) throw new Error(seeded.code);
  const token = issueToken(store, { user: DEMO_ADMIN, label: 'test', actor: ACTOR });
  if (!token.ok) throw new Error(token.code);
  const app = await buildServer(store);
  return {
    store, app, authorization: `Bearer ${token.value.token}`,
    close: async () => {
      await app.close();
      store.close();
    },
  };
}
