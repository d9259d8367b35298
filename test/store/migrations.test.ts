import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/store.js';
import { createFund, OPENING, postOk } from '../support/store-fixture.js';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the store', () => {
  it('creates the database file and its folder, and reopens it without migrating twice', () => {
    dir = mkdtempSync(join(tmpdir(), 'fund-ledger-'));
    const path = join(dir, 'nested', 'books.sqlite');
    const first = openStore(path);
    createFund(first);
    postOk(first, OPENING, { kind: 'opening' });
    const applied = first.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get();
    first.close();
    const again = openStore(path);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(applied);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM entry_lines').pluck().get()).toBe(3);
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.pragma('foreign_key_check')).toEqual([]);
    again.close();
  });

  it('answers the trial balance from a covering index over the day totals', () => {
    const store = openStore(':memory:');
    const plan = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT account_id, SUM(debit), SUM(credit) FROM account_days WHERE entity_id = 1 AND date <= '2024-12-31' GROUP BY account_id`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
  });
});
