/**
 * What one post costs in SQL statements, transaction control aside, signing in included:
 * the figure the benchmark reports beside its throughput, held here so it cannot grow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiWorld, receipt, type ApiWorld } from '../support/api-fixture.js';
import { statementsOf } from '../support/statement-count.js';

let world: ApiWorld;
beforeEach(async () => {
  world = await apiWorld();
});
afterEach(() => world.close());

const voucher = { type: 'cash-receipt', date: '2024-03-15', reason: 'Ủng hộ', amount: '700000', counterparty: { name: 'Nguyễn Văn An' } };

describe('statements per post', () => {
  it('posts a voucher in one call within 18 statements', async () => {
    const statements = await statementsOf(world.store.sqlite, async () => {
      const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/vouchers?post=true', payload: voucher });
      expect(posted.statusCode, posted.body).toBe(201);
    });
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(18);
  });

  it('posts an entry within 17 statements', async () => {
    const statements = await statementsOf(world.store.sqlite, async () => {
      const posted = await world.call('c1Accountant', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1000') });
      expect(posted.statusCode, posted.body).toBe(201);
    });
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(17);
  });
});
