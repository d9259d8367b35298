/**
 * Books damaged behind the application's back, one kind of damage at a time: `verify`
 * names the check that catches it and the first bad entry or row, and never throws; the
 * store refuses to open a file that fails its start-up check, except for `verify`.
 */
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyBooks, verifyFund, type VerifyReport } from '../../src/app/verify-chain.js';
import { iterateChain } from '../../src/db/chain-queries.js';
import { MIGRATIONS_FOLDER, openStore, StoreDamagedError, type Store } from '../../src/db/store.js';
import { chainHash, type StoredChainEntry } from '../../src/ledger/hash-chain.js';
import { INTEGRITY_CHECKS, type IntegrityCheck, type IntegrityProblem } from '../../src/ledger/integrity.js';
import { apiWorld } from '../support/api-fixture.js';
import { booksEndingInAVoucher as books, tamper } from '../support/damaged-books.js';
import { FUND, freshStore } from '../support/store-fixture.js';

function verified(store: Store): VerifyReport {
  const result = verifyFund(store, FUND.code);
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

const checks = (report: VerifyReport): IntegrityCheck[] => report.problems.map((p) => p.check);
const found = (report: VerifyReport, check: IntegrityCheck): IntegrityProblem | undefined => report.problems.find((p) => p.check === check);
const entryId = (store: Store, seq: number): number => store.sqlite.prepare('SELECT id FROM entries WHERE seq = ?').pluck().get(seq) as number;
const lineId = (store: Store, seq: number, lineNo: number): number =>
  store.sqlite.prepare('SELECT l.id FROM entry_lines l JOIN entries e ON e.id = l.entry_id WHERE e.seq = ? AND l.line_no = ?').pluck().get(seq, lineNo) as number;
const firstLineOf = (store: Store, entry: number): number => store.sqlite.prepare('SELECT MIN(id) FROM entry_lines WHERE entry_id = ?').pluck().get(entry) as number;
const dayRow = (store: Store, account: string, date: string): number =>
  store.sqlite.prepare('SELECT d.rowid FROM account_days d JOIN accounts a ON a.id = d.account_id WHERE a.code = ? AND d.date = ?').pluck().get(account, date) as number;

describe('verify on damaged books', () => {
  it('passes the undamaged books with no problems', () => {
    expect(verified(books())).toMatchObject({ ok: true, problems: [], chain: { ok: true, entries: 4 } });
  });

  it('names the entries cut off the end, where the fund’s head records more', () => {
    const store = books();
    const last = entryId(store, 4);
    tamper(store, `DELETE FROM vouchers WHERE entry_id = ${last}; DELETE FROM entry_lines WHERE entry_id = ${last}; DELETE FROM entries WHERE id = ${last}`);
    const report = verified(store);
    expect(found(report, 'head_mismatch')).toMatchObject({
      entity: FUND.code, seq: 4, table: 'entities', where: 'entries missing after sequence 3',
      message: expect.stringContaining('recorded its last posting as sequence 4 but the chain holds 3 entries'),
    });
    expect(checks(report)).not.toContain('foreign_key_broken');
  });

  it('names the entry whose lines were all removed, and the one that lost a line', () => {
    const store = books();
    tamper(store, `DELETE FROM entry_lines WHERE entry_id = ${entryId(store, 2)}; DELETE FROM entry_lines WHERE id = ${lineId(store, 3, 2)}`);
    const report = verified(store);
    expect(found(report, 'entry_unbalanced')).toMatchObject({ seq: 2, table: 'entries', rowid: entryId(store, 2), message: expect.stringContaining('it has 0 lines') });
    expect(found(report, 'hash_mismatch')).toMatchObject({ seq: 2 });
    expect(found(report, 'day_total_mismatch')).toMatchObject({ where: expect.stringContaining('(account 1111, 2024-02-01)'), count: 2 });

    const oneLine = books();
    tamper(oneLine, `DELETE FROM entry_lines WHERE id = ${lineId(oneLine, 3, 2)}`);
    expect(found(verified(oneLine), 'entry_unbalanced')).toMatchObject({ seq: 3, message: 'it has 1 line; a double entry has at least two' });
  });

  it('names the gap where an entry was removed from the middle', () => {
    const store = books();
    tamper(store, `DELETE FROM entry_lines WHERE entry_id = ${entryId(store, 2)}; DELETE FROM entries WHERE seq = 2`);
    expect(found(verified(store), 'sequence_gap')).toMatchObject({
      seq: 3, table: 'entries', rowid: entryId(store, 3), where: `entry ${entryId(store, 3)} (sequence 3, 2024-02-01)`,
      message: expect.stringContaining('holds 1 entries in sequence, then jumps to sequence 3'),
    });
  });

  describe('foreign keys', () => {
    it('names the lines left behind by a deleted entry, counting them', () => {
      const store = books();
      const gone = entryId(store, 2);
      tamper(store, `DELETE FROM entries WHERE id = ${gone}`);
      expect(found(verified(store), 'foreign_key_broken')).toMatchObject({
        entity: FUND.code, table: 'entry_lines', rowid: firstLineOf(store, gone), message: `entry_id ${gone} names no row of entries`, count: 2,
      });
    });

    it('names a line whose account is gone, in the foreign keys and in its entry', () => {
      const store = books();
      const line = lineId(store, 3, 1);
      tamper(store, `UPDATE entry_lines SET account_id = 999 WHERE id = ${line}`);
      const report = verified(store);
      expect(found(report, 'foreign_key_broken')).toMatchObject({ table: 'entry_lines', rowid: line, message: 'account_id 999 names no row of accounts' });
      expect(found(report, 'entry_malformed')).toMatchObject({ seq: 3, table: 'entry_lines', rowid: line, message: expect.stringContaining('account_id 999 names no account') });
    });

    it('names a voucher whose entry is gone and a transfer whose voucher is gone', () => {
      const store = books();
      const voucher = store.sqlite.prepare('SELECT id FROM vouchers').pluck().get() as number;
      tamper(store, 'UPDATE vouchers SET entry_id = 999');
      expect(found(verified(store), 'foreign_key_broken')).toMatchObject({ table: 'vouchers', rowid: voucher, message: 'entry_id 999 names no row of entries', count: 1 });
      tamper(store, `UPDATE vouchers SET entry_id = ${entryId(store, 4)};
        INSERT INTO transfers (from_entity_id, to_entity_id, status, amount, date, reason, payment_voucher_id, created_by)
        VALUES (1, 1, 'in-transit', 1000, '2024-02-05', 'Điều tiết', 777, 'x')`);
      expect(found(verified(store), 'foreign_key_broken')).toMatchObject({ table: 'transfers', rowid: 1, message: 'payment_voucher_id 777 names no row of vouchers', count: 1 });
    });

    it('gives a broken row of no fund to the file as a whole', () => {
      const store = books();
      tamper(store, "INSERT INTO role_grants (user_id, entity_id, role, granted_by) VALUES (999, NULL, 'auditor', 'x')");
      const whole = verifyBooks(store);
      if (!whole.ok) throw new Error(whole.code);
      expect(whole.value.file).toMatchObject([{ check: 'foreign_key_broken', entity: null, table: 'role_grants', message: 'user_id 999 names no row of users' }]);
      expect(whole.value.funds[0]).toMatchObject({ ok: false, problems: [{ check: 'foreign_key_broken', entity: null }] });
    });
  });

  describe('day totals', () => {
    it('names a day total stored as a REAL or as text, not as an integer', () => {
      const store = books();
      const real = dayRow(store, '1111', '2024-02-01');
      const text = dayRow(store, '5111', '2024-02-01');
      tamper(store, `UPDATE account_days SET debit = 1.25e19 WHERE rowid = ${real}; UPDATE account_days SET credit = 'bốn trăm' WHERE rowid = ${text}`);
      const report = verified(store);
      expect(found(report, 'day_total_not_integer')).toMatchObject({
        table: 'account_days', rowid: Math.min(real, text), count: 2, message: expect.stringMatching(/is stored as (real|text)/),
      });
      expect(found(report, 'day_total_mismatch')).toMatchObject({ rowid: real, message: expect.stringContaining('debit 1.25e+19') });
      // The table's CHECK constraint, which SQLite's quick check tests, names them as well.
      expect(found(report, 'constraint_failed')).toMatchObject({ entity: null, table: 'account_days', message: expect.stringContaining('CHECK constraint failed in account_days') });
    });

    it('names the first day total that differs from its lines, with both sums', () => {
      const store = books();
      const row = dayRow(store, '1111', '2024-02-01');
      store.sqlite.exec(`UPDATE account_days SET debit = debit + 1 WHERE rowid = ${row}`);
      expect(verified(store)).toMatchObject({
        chain: { ok: true }, dayTotalMismatches: 1,
        problems: [{ check: 'day_total_mismatch', where: `account_days row ${row} (account 1111, 2024-02-01)`, message: 'the lines sum to debit 400, credit 0, but the kept totals are debit 401, credit 0' }],
      });
    });

    it('names the fund whose kept lifetime totals differ from its lines', () => {
      const store = books();
      const kept = store.sqlite.prepare('SELECT debit_total FROM entities WHERE code = ?').pluck().get(FUND.code) as number;
      store.sqlite.prepare('UPDATE entities SET debit_total = 0 WHERE code = ?').run(FUND.code);
      expect(verified(store)).toMatchObject({
        chain: { ok: true },
        problems: [{ check: 'fund_totals_mismatch', table: 'entities', message: `the fund keeps debits 0 and quantities 0, but its lines sum to ${kept} and 0` }],
      });
    });

    it('sums forged amounts too large for SQLite’s SUM exactly, without stopping', () => {
      const store = books();
      tamper(store, `UPDATE entry_lines SET amount = 9000000000000000000 WHERE id IN (${lineId(store, 2, 1)}, ${lineId(store, 3, 1)})`);
      const report = verified(store);
      expect(found(report, 'day_total_mismatch')).toMatchObject({ message: expect.stringContaining('the lines sum to debit 18000000000000000000, credit 0') });
      expect(found(report, 'entry_unbalanced')).toMatchObject({ seq: 2, message: 'its debits (9000000000000000000) and credits (300) differ' });
    });
  });

  describe('triggers', () => {
    const names = (freshStore().sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all() as string[]);

    it.each(names)('names the immutability trigger %s when it is gone', (name) => {
      const store = books();
      store.sqlite.exec(`DROP TRIGGER ${name}`);
      expect(verified(store).problems).toEqual([expect.objectContaining({ check: 'trigger_missing', entity: null, where: `trigger ${name}` })]);
    });

    it('names a trigger replaced by one that refuses nothing', () => {
      const store = books();
      store.sqlite.exec('DROP TRIGGER entries_no_delete; CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT 1; END');
      expect(verified(store).problems).toMatchObject([{ check: 'trigger_altered', where: 'trigger entries_no_delete' }]);
    });
  });

  describe('values of the wrong type', () => {
    it.each([
      ['a line amount stored as a REAL', 'entry_lines', 'amount = 1.25e19', 'amount holds real 1.25e+19'],
      ['a line amount stored as text', 'entry_lines', "amount = 'ba trăm'", "amount holds text 'ba trăm'"],
      ['a designation stored as a BLOB', 'entry_lines', "designation = X'00ff'", "designation holds blob X'00FF'"],
      ['a description stored as a BLOB', 'entries', "description = X'00ff'", "description holds blob X'00FF'"],
      ['a sequence number stored as a REAL', 'entries', 'seq = 2.5', 'seq holds real 2.5'],
    ])('names the entry with %s', (_, table, set, detail) => {
      const store = books();
      const rowid = table === 'entries' ? entryId(store, 2) : lineId(store, 2, 1);
      tamper(store, `UPDATE ${table} SET ${set} WHERE id = ${rowid}`);
      expect(found(verified(store), 'entry_malformed')).toMatchObject({ table, rowid, message: `${table} row ${rowid} cannot be read as posted: ${detail}` });
    });

    it('names a null left in a NOT NULL column by a table rebuilt without its constraints', () => {
      const store = books();
      const line = lineId(store, 3, 2);
      tamper(store, `CREATE TABLE loose AS SELECT * FROM entry_lines; DROP TABLE entry_lines; ALTER TABLE loose RENAME TO entry_lines;
        UPDATE entry_lines SET amount = NULL WHERE id = ${line}`);
      expect(found(verified(store), 'entry_malformed')).toMatchObject({ seq: 3, table: 'entry_lines', rowid: line, message: expect.stringContaining('amount holds null') });
    });

    it('reports a description with a lone surrogate, hashed before text was checked, as a hash mismatch', () => {
      const store = books();
      const stored = [...iterateChain(store.sqlite, 1)] as StoredChainEntry[];
      const [previous, last] = stored.slice(-2);
      const forged = { ...last!, description: 'Ủng hộ \ud800' };
      const hash = chainHash(previous!.hash, forged);
      tamper(store, () => {
        store.sqlite.prepare('UPDATE entries SET description = ?, hash = ? WHERE id = ?').run(forged.description, Buffer.from(hash, 'hex'), forged.id);
        store.sqlite.prepare('UPDATE entities SET chain_hash = ? WHERE id = 1').run(hash);
      });
      expect(verified(store).problems).toMatchObject([{ check: 'hash_mismatch', seq: 4 }]);
    });

    const values = [null, 1.25e19, 2.5, -0.5, 'văn bản', '', Buffer.from([0, 255]), 9223372036854775807n, -9223372036854775808n, 0, -1];
    /** Columns verify checks, where any change must make it fail, and columns it may not notice. */
    const checked = {
      entries: ['seq', 'kind', 'date', 'description', 'reverses_id', 'recorded_at', 'recorded_by', 'hash'],
      entry_lines: ['line_no', 'account_id', 'amount', 'counterparty_id', 'campaign_id', 'designation', 'bank_account_id', 'external_ref', 'currency', 'original_amount', 'rate', 'quantity', 'unit'],
      account_days: ['debit', 'credit', 'date', 'account_id'],
      entities: ['chain_seq', 'chain_hash'],
    };
    const unchecked = { entry_lines: ['entry_id', 'entity_id', 'date'], vouchers: ['entry_id', 'entity_id', 'status'] };
    const columns = (tables: Record<string, string[]>, noticed: boolean) =>
      Object.entries(tables).flatMap(([table, names]) => names.map((column) => ({ table, column, noticed })));

    it('never throws, whatever value any column holds, and notices every change to what it checks', { timeout: 20_000 }, () => {
      const store = books();
      const rows = (table: string) => store.sqlite.prepare(`SELECT rowid FROM ${table}`).pluck().all() as number[];
      const edits = fc.constantFrom(...columns(checked, true), ...columns(unchecked, false)).chain((target) =>
        fc.record({ target: fc.constant(target), rowid: fc.constantFrom(...rows(target.table)), value: fc.constantFrom(...values) }));
      fc.assert(
        fc.property(edits, ({ target: { table, column, noticed }, rowid, value }) => {
          const damaged = books();
          const read = () => damaged.sqlite.prepare(`SELECT quote(${column}) FROM ${table} WHERE rowid = ?`).pluck().get(rowid);
          const before = read();
          try {
            tamper(damaged, () => damaged.sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(value, rowid));
          } catch (error) {
            // A NOT NULL or UNIQUE constraint refused the edit: nothing was damaged.
            if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return;
            throw error;
          }
          const changed = read() !== before;
          const report = verified(damaged);
          if (noticed && changed) expect(report.ok).toBe(false);
        }),
        { numRuns: 60 },
      );
    });
  });
});

describe('opening a damaged file', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  function damagedFile(edit: (store: Store) => void): string {
    dir = mkdtempSync(join(tmpdir(), 'fund-ledger-damage-'));
    const path = join(dir, 'books.sqlite');
    const store = books(openStore(path));
    edit(store);
    store.close();
    return path;
  }

  function refusal(path: string): StoreDamagedError {
    try {
      openStore(path).close();
    } catch (error) {
      if (error instanceof StoreDamagedError) return error;
      throw error;
    }
    throw new Error('the store opened the damaged file');
  }

  it('refuses the last entry cut off with its voucher left behind, and verify names both', () => {
    const path = damagedFile((store) => {
      const last = entryId(store, 4);
      tamper(store, `DELETE FROM entry_lines WHERE entry_id = ${last}; DELETE FROM entries WHERE id = ${last}`);
    });
    expect(refusal(path).problem).toMatchObject({ check: 'foreign_key_broken', table: 'vouchers', message: expect.stringContaining('names no row of entries') });
    const store = openStore(path, { evenIfDamaged: true });
    const report = verified(store);
    store.close();
    expect(report.ok).toBe(false);
    expect(found(report, 'foreign_key_broken')).toMatchObject({ entity: FUND.code, table: 'vouchers', count: 1 });
    expect(found(report, 'head_mismatch')).toMatchObject({ entity: FUND.code, seq: 4, where: 'entries missing after sequence 3' });
  });

  it('refuses a file whose immutability trigger is gone', () => {
    const path = damagedFile((store) => store.sqlite.exec('DROP TRIGGER entry_lines_no_update'));
    expect(refusal(path)).toMatchObject({ problem: { check: 'trigger_missing', where: 'trigger entry_lines_no_update' } });
  });

  it('refuses a file with a day total that is not an integer', () => {
    const path = damagedFile((store) => tamper(store, "UPDATE account_days SET debit = '1.25e19' WHERE rowid = 1"));
    expect(refusal(path)).toMatchObject({ problem: { check: 'day_total_not_integer', table: 'account_days', rowid: 1 } });
  });

  it('refuses a file with a damaged page, and verify names it without reading further', () => {
    let page = { size: 0, number: 0 };
    const path = damagedFile((store) => {
      page = { size: store.sqlite.pragma('page_size', { simple: true }) as number, number: store.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'entry_lines'").pluck().get() as number };
    });
    const file = openSync(path, 'r+');
    writeSync(file, Buffer.alloc(page.size, 0xff), 0, page.size, (page.number - 1) * page.size);
    closeSync(file);
    expect(refusal(path).problem).toMatchObject({ check: 'file_corrupt', message: expect.stringContaining('malformed') });
    const store = openStore(path, { evenIfDamaged: true });
    const report = verified(store);
    store.close();
    expect(report).toMatchObject({ ok: false, chain: { ok: false, problem: 'not_read' }, problems: [{ check: 'file_corrupt', entity: null }] });
  });

  it('refuses, leaving it as it was, a file made before day totals had to be integers that holds a REAL one', () => {
    dir = mkdtempSync(join(tmpdir(), 'fund-ledger-damage-'));
    const older = join(dir, 'migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const journalFile = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const integers = journal.entries.findIndex((e) => readFileSync(join(older, `${e.tag}.sql`), 'utf8').includes('account_days_integers'));
    expect(integers).toBeGreaterThan(0);
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, integers) }));
    const path = join(dir, 'books.sqlite');
    const raw = new Database(path);
    migrate(drizzle(raw), { migrationsFolder: older });
    raw.pragma('foreign_keys = OFF');
    raw.exec("INSERT INTO account_days (entity_id, account_id, date, debit, credit) VALUES (1, 1, '2024-01-01', 1.25e19, 0)");
    raw.close();
    expect(refusal(path).problem).toMatchObject({ check: 'migration_refused', message: expect.stringContaining('CHECK constraint failed: account_days_integers') });
    const after = new Database(path, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(integers);
    after.close();
  });

  it('refuses a file that is not a database, even for verify', () => {
    dir = mkdtempSync(join(tmpdir(), 'fund-ledger-damage-'));
    const path = join(dir, 'books.sqlite');
    writeFileSync(path, 'không phải cơ sở dữ liệu '.repeat(100));
    expect(refusal(path).problem).toMatchObject({ check: 'file_corrupt', message: expect.stringContaining('file is not a database') });
    expect(() => openStore(path, { evenIfDamaged: true })).toThrow(StoreDamagedError);
  });
});

describe('the verify route', () => {
  it('answers 200 with the problems named for a damaged fund, and ok for an untouched one', async () => {
    const world = await apiWorld();
    tamper(world.store, "DELETE FROM entry_lines WHERE entity_id = (SELECT id FROM entities WHERE code = 'C1')");
    const damaged = await world.call('provAuditor', { method: 'GET', url: '/api/entities/C1/verify' });
    expect(damaged.statusCode).toBe(200);
    expect(damaged.json()).toMatchObject({
      entity: 'C1', ok: false, chain: { ok: false, problem: 'hash_mismatch', seq: 1 }, dayTotalMismatches: 2,
      problems: [
        { check: 'hash_mismatch', entity: 'C1', seq: 1, table: 'entries' },
        { check: 'entry_unbalanced', entity: 'C1', seq: 1, message: 'it has 0 lines; a double entry has at least two' },
        { check: 'day_total_mismatch', entity: 'C1', table: 'account_days', count: 2 },
        { check: 'fund_totals_mismatch', entity: 'C1', table: 'entities' },
      ],
    });
    expect((await world.call('provAuditor', { method: 'GET', url: '/api/entities/C2/verify' })).json()).toMatchObject({ ok: true, problems: [] });
    await world.close();
  });
});

describe('README', () => {
  it('documents every check verify makes', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(INTEGRITY_CHECKS.filter((check) => !readme.includes(`\`${check}\``))).toEqual([]);
  });
});
