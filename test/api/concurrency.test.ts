/**
 * Concurrent posting to one fund: whatever the interleaving, the sequence stays gap-free,
 * the hash chain verifies, and cash never goes below zero — exactly as many payments pass
 * as a serial order would allow. First within one server, then across two server
 * processes writing the same database file.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyFund } from '../../src/app/verify-chain.js';
import { getAccountBalance } from '../../src/app/trial-balance.js';
import { openStore, type Store } from '../../src/db/store.js';
import { apiWorld, payment } from '../support/api-fixture.js';
import { communeOnFile, startServerProcess } from '../support/server-process.js';

const PAYMENT = '150000';
/** 10,000,000 đồng of cash pays 66 payments of 150,000 and not a 67th. */
const FITTING = 66;
const REQUESTS = 100;

function expectSerialOutcome(store: Store, codes: number[], entity: string): void {
  expect(codes.filter((c) => c === 201)).toHaveLength(FITTING);
  expect(codes.filter((c) => c === 422)).toHaveLength(REQUESTS - FITTING);
  const cash = getAccountBalance(store, { entity, account: '1111', asOf: '2024-12-31' });
  expect(cash.ok && cash.value.balance).toBe(10_000_000n - 150_000n * BigInt(FITTING));
  const seqs = (store.sqlite.prepare('SELECT seq FROM entries e JOIN entities f ON f.id = e.entity_id WHERE f.code = ? ORDER BY seq').all(entity) as { seq: number }[]).map((r) => r.seq);
  expect(seqs).toEqual(Array.from({ length: FITTING + 1 }, (_, i) => i + 1));
  const verified = verifyFund(store, entity);
  expect(verified.ok && verified.value.ok).toBe(true);
}

describe('concurrent posting', () => {
  it('keeps sequence, chain and cash right under parallel requests to one server', async () => {
    const world = await apiWorld();
    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, () => world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: payment(PAYMENT) })),
    );
    expectSerialOutcome(world.store, answers.map((a) => a.statusCode), 'C1');
    expect(answers.filter((a) => a.statusCode === 422).every((a) => a.json().code === 'balance_would_go_negative')).toBe(true);
    await world.close();
  });

  const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-concurrency-'));
  const servers: ChildProcess[] = [];
  afterAll(() => {
    for (const server of servers) server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startServer(db: string): Promise<string> {
    const server = await startServerProcess(db);
    servers.push(server.process);
    return server.url;
  }

  it('keeps sequence, chain and cash right when two server processes write the same file', async () => {
    const db = join(dir, 'shared.sqlite');
    const token = communeOnFile(db);
    const addresses = await Promise.all([startServer(db), startServer(db)]);
    const codes = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const response = await fetch(`${addresses[i % 2]}/api/entities/C1/entries`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(payment(PAYMENT)),
        });
        return response.status;
      }),
    );
    const after = openStore(db);
    expectSerialOutcome(after, codes, 'C1');
    after.close();
  }, 30_000);
});
