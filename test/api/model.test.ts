/**
 * No sequence of calls can break the books: random sequences of commands, with valid and
 * invalid arguments, drive the real HTTP API over a parent and a child fund, while a small
 * model predicts every answer (accepted, or refused with which code) and the invariants
 * are read back after each step (test/support/api-model/).
 *
 * `npm test` runs a few sequences from a fixed seed; `npm run test:model` runs many more
 * from a random one (MODEL_RUNS, MODEL_SEED; a failure prints its seed, path and replay
 * path, which MODEL_SEED, MODEL_PATH and MODEL_REPLAY replay).
 */
import * as fc from 'fast-check';
import { it } from 'vitest';
import { COMMANDS } from '../support/api-model/commands.js';
import { initialModel } from '../support/api-model/model.js';
import { openWorld } from '../support/api-model/world.js';

const env = process.env;
const runs = Number(env.MODEL_RUNS ?? 25);
const seed = env.MODEL_SEED === undefined ? 20_240_101 : env.MODEL_SEED === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(env.MODEL_SEED);
const replay = env.MODEL_PATH === undefined ? {} : { path: env.MODEL_PATH, endOnFailure: true };

it(`no sequence of API calls breaks the books (${runs} runs, seed ${seed})`, { timeout: Math.max(60_000, runs * 10_000) }, async () => {
  const sequences = fc.commands(COMMANDS, { maxCommands: 40, size: 'max', ...(env.MODEL_REPLAY !== undefined && { replayPath: env.MODEL_REPLAY }) });
  await fc.assert(
    fc.asyncProperty(sequences, async (commands) => {
      const world = await openWorld();
      try {
        await fc.asyncModelRun(() => ({ model: initialModel(), real: world }), commands);
      } finally {
        await world.close();
      }
    }),
    { numRuns: runs, seed, ...replay },
  );
});
