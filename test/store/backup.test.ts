/** Backups taken while another connection posts, and restores that check a copy before it replaces the books. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/app/backup-database.js';
import { restoreDatabase } from '../../src/app/restore-database.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import { findEntityByCode } from '../../src/db/entities-repo.js';
import { MIGRATIONS_FOLDER, openStore, type Store } from '../../src/db/store.js';
import { createFund, FUND, OPENING, postOk } from '../support/store-fixture.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fund-ledger-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const donation = (n: number) => `2024-03-${String((n % 28) + 1).padStart(2, '0')} Ủng hộ lần ${n}\n  1111 Dr ${1000 * (n + 1)}\n  5111 Cr ${1000 * (n + 1)}\n`;

/** A fund on a database file, with an opening entry and `donations` more. */
function booksOnFile(name: string, donations: number): { path: string; store: Store } {
  const path = join(dir, name);
  const store = openStore(path);
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  postOk(store, Array.from({ length: donations }, (_, n) => donation(n)).join('\n'));
  return { path, store };
}

/** What a restore must bring back: the fund's chain head and its trial balance for the year. */
function state(store: Store) {
  const entity = findEntityByCode(store.db, FUND.code);
  return {
    head: { seq: entity?.chainSeq, hash: entity?.chainHash },
    trialBalance: getTrialBalance(store, { entity: FUND.code, from: '2024-01-01', to: '2024-12-31' }),
  };
}

function stateOfFile(path: string) {
  const store = openStore(path);
  try {
    return state(store);
  } finally {
    store.close();
  }
}

/** Edits a closed database file with a plain connection, as someone bypassing the application would. */
function edit(path: string, sql: string): void {
  const raw = new Database(path);
  raw.exec(sql);
  raw.close();
}

const DROP_IMMUTABILITY = 'DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; DROP TRIGGER entry_lines_no_update; DROP TRIGGER entry_lines_no_delete;';

/** A backup of small books, closed, and a target database holding other books. */
async function backupAndTarget() {
  const source = booksOnFile('source.sqlite', 3);
  const copy = join(dir, 'backup.sqlite');
  expect(await backupDatabase(source.store, { out: copy })).toMatchObject({ ok: true });
  source.store.close();
  const target = booksOnFile('target.sqlite', 1);
  target.store.close();
  return { copy, target: target.path };
}

async function expectRefusedAndUnchanged(copy: string, target: string, refusal: object): Promise<void> {
  const before = readFileSync(target);
  const files = readdirSync(dir).sort();
  expect(await restoreDatabase({ copy, target })).toMatchObject({ ok: false, ...refusal });
  expect(readFileSync(target).equals(before)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(files);
}

describe('backup', () => {
  it('copies the books as they stand when the copy completes, although another connection posts between its steps', async () => {
    const source = booksOnFile('books.sqlite', 40);
    const server = openStore(source.path);
    const out = join(dir, 'backup.sqlite');
    const postedMidCopy: number[] = [];
    let pages = 0;
    const done = await backupDatabase(source.store, {
      out,
      pagesPerStep: 2,
      onProgress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        if (remainingPages < totalPages && postedMidCopy.length < 3) {
          postedMidCopy.push(remainingPages);
          postOk(server, donation(100 + postedMidCopy.length));
        }
      },
    });
    const asOfCopy = state(server);
    postOk(server, donation(200));
    const afterCopy = state(server);

    expect(done).toEqual({ ok: true, pages });
    expect(postedMidCopy).toHaveLength(3);
    expect(asOfCopy.head.seq).toBe(1 + 40 + 3);
    expect(existsSync(`${out}-wal`)).toBe(false);
    const target = join(dir, 'restored', 'books.sqlite');
    const restored = await restoreDatabase({ copy: out, target });
    expect(restored).toMatchObject({ ok: true, funds: [{ entity: FUND.code, ok: true, chain: { entries: 44 } }] });
    expect(stateOfFile(target)).toEqual(asOfCopy);
    expect(afterCopy.head.seq).toBe(45);
    server.close();
    source.store.close();
  });

  it('refuses to overwrite an existing file', async () => {
    const source = booksOnFile('books.sqlite', 1);
    const out = join(dir, 'earlier-backup.sqlite');
    writeFileSync(out, 'an earlier backup');
    expect(await backupDatabase(source.store, { out })).toEqual({ ok: false, problem: 'out_exists' });
    expect(readFileSync(out, 'utf8')).toBe('an earlier backup');
    source.store.close();
  });
});

describe('restore', () => {
  it('replaces the books with the copy, leaving the copy as it was and no journal of the old books beside them', async () => {
    const { copy, target } = await backupAndTarget();
    const expected = stateOfFile(copy);
    const copied = readFileSync(copy);
    expect(await restoreDatabase({ copy, target })).toMatchObject({ ok: true });
    expect(stateOfFile(target)).toEqual(expected);
    expect(stateOfFile(target).head.seq).toBe(4);
    expect(readFileSync(copy).equals(copied)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['backup.sqlite', 'source.sqlite', 'target.sqlite']);
  });

  it('replaces a damaged database and removes the journal files left beside it', async () => {
    const { copy } = await backupAndTarget();
    const target = join(dir, 'damaged.sqlite');
    for (const file of [target, `${target}-wal`, `${target}-shm`, `${target}-journal`]) writeFileSync(file, 'hỏng '.repeat(1000));
    expect(await restoreDatabase({ copy, target })).toMatchObject({ ok: true });
    expect(readdirSync(dir).filter((file) => file.startsWith('damaged'))).toEqual(['damaged.sqlite']);
    expect(stateOfFile(target)).toEqual(stateOfFile(copy));
  });

  it('refuses a copy whose entry was edited behind the triggers’ back, naming the fund and the entry', async () => {
    const { copy, target } = await backupAndTarget();
    edit(copy, `${DROP_IMMUTABILITY} UPDATE entries SET description = 'Chi khác' WHERE seq = 3;`);
    await expectRefusedAndUnchanged(copy, target, {
      problem: 'copy_unverified',
      problems: expect.arrayContaining([expect.objectContaining({ check: 'hash_mismatch', entity: FUND.code, seq: 3 })]),
    });
  });

  it('refuses a copy whose books verify but whose immutability trigger is gone', async () => {
    const { copy, target } = await backupAndTarget();
    edit(copy, 'DROP TRIGGER entry_lines_no_update;');
    await expectRefusedAndUnchanged(copy, target, {
      problem: 'copy_unverified',
      problems: [expect.objectContaining({ check: 'trigger_missing', where: 'trigger entry_lines_no_update' })],
    });
  });

  it('refuses a copy whose tables are not the ones this version defines', async () => {
    const { copy, target } = await backupAndTarget();
    edit(copy, 'ALTER TABLE entries ADD COLUMN approved_by text;');
    await expectRefusedAndUnchanged(copy, target, { problem: 'schema_differs', detail: 'table entries is not as this version defines it' });
  });

  it('refuses a copy with a damaged page', async () => {
    const { copy, target } = await backupAndTarget();
    const raw = new Database(copy, { readonly: true });
    const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'accounts_entity_code'").pluck().get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = readFileSync(copy);
    bytes.fill(0, (root - 1) * pageSize, root * pageSize);
    writeFileSync(copy, bytes);
    rmSync(`${copy}-wal`, { force: true });
    rmSync(`${copy}-shm`, { force: true });
    await expectRefusedAndUnchanged(copy, target, { problem: 'copy_unverified', problems: [expect.objectContaining({ check: 'file_corrupt' })] });
  });

  it('refuses a copy with a row whose foreign key points nowhere', async () => {
    const { copy, target } = await backupAndTarget();
    edit(copy, "PRAGMA foreign_keys = OFF; INSERT INTO bank_accounts (entity_id, kind, institution, number, account_code) VALUES (99, 'bank', 'Agribank', '1', '1121');");
    await expectRefusedAndUnchanged(copy, target, {
      problem: 'copy_unverified',
      problems: [expect.objectContaining({ check: 'foreign_key_broken', table: 'bank_accounts' })],
    });
  });

  it('refuses a file that is not a database, and one that does not exist', async () => {
    const { target } = await backupAndTarget();
    const junk = join(dir, 'notes.txt');
    writeFileSync(junk, 'không phải cơ sở dữ liệu '.repeat(200));
    await expectRefusedAndUnchanged(junk, target, {
      problem: 'copy_unverified',
      problems: [expect.objectContaining({ check: 'file_corrupt', message: expect.stringContaining('file is not a database') })],
    });
    await expectRefusedAndUnchanged(join(dir, 'missing.sqlite'), target, { problem: 'copy_missing' });
  });

  it('refuses while another connection holds the books open', async () => {
    const { copy, target } = await backupAndTarget();
    const server = openStore(target);
    expect(await restoreDatabase({ copy, target })).toEqual({ ok: false, problem: 'target_in_use' });
    server.close();
    expect(await restoreDatabase({ copy, target })).toMatchObject({ ok: true });
  });

  it('migrates a copy made before the latest migration', async () => {
    const older = join(dir, 'older-migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const journal = JSON.parse(readFileSync(join(older, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    writeFileSync(join(older, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const copy = join(dir, 'older.sqlite');
    const raw = new Database(copy);
    migrate(drizzle(raw), { migrationsFolder: older });
    raw.close();
    const target = join(dir, 'books.sqlite');
    expect(await restoreDatabase({ copy, target })).toEqual({ ok: true, funds: [] });
    const restored = openStore(target);
    const fresh = openStore(':memory:');
    const applied = (store: Store) => store.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get();
    expect(applied(restored)).toBe(journal.entries.length);
    expect(applied(restored)).toBe(applied(fresh));
    restored.close();
    fresh.close();
  });
});
