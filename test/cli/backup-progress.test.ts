/** A backup in steps shows its pages, and falls back to one step when a write restarts it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSteps } from '../../src/cli/backup-progress.js';
import type { Progress } from '../../src/cli/progress.js';
import { copyDatabase } from '../../src/db/backup.js';

let dir = '';
let source: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fund-ledger-backup-progress-'));
  source = new Database(join(dir, 'books.sqlite'));
  source.pragma('journal_mode = WAL');
  source.exec('CREATE TABLE pages (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = source.prepare('INSERT INTO pages (body) VALUES (?)');
  for (let i = 0; i < 2_000; i += 1) insert.run(Buffer.alloc(3_000, i % 251));
});
afterEach(() => {
  source.close();
  rmSync(dir, { recursive: true, force: true });
});

function recordingLine(onShow: () => void = () => undefined) {
  const shown: { what: string; done?: number; total?: number }[] = [];
  const line: Progress = {
    visible: true,
    show: (what, done, total) => {
      shown.push({ what, ...(done !== undefined && { done }), ...(total !== undefined && { total }) });
      onShow();
    },
    end: () => undefined,
  };
  return { line, shown };
}

const rowsIn = (path: string): number => {
  const copy = new Database(path, { readonly: true });
  try {
    return copy.prepare('SELECT COUNT(*) FROM pages').pluck().get() as number;
  } finally {
    copy.close();
  }
};

describe('backupSteps', () => {
  it('copies in about a hundred steps, showing the pages copied so far', async () => {
    const { line, shown } = recordingLine();
    const pages = await copyDatabase(source, join(dir, 'copy.sqlite'), backupSteps(line));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.every((s) => s.what === 'Số trang đã sao lưu' && s.total === pages)).toBe(true);
    const done = shown.map((s) => s.done ?? -1);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(rowsIn(join(dir, 'copy.sqlite'))).toBe(2_000);
  });

  it('finishes in one step once a write from another connection starts the copy again', async () => {
    const writer = new Database(join(dir, 'books.sqlite'));
    let writes = 0;
    // Writes between every step would restart a copy in steps forever.
    const { line, shown } = recordingLine(() => {
      writer.prepare('INSERT INTO pages (body) VALUES (?)').run(Buffer.alloc(10, 1));
      writes += 1;
    });
    await copyDatabase(source, join(dir, 'copy.sqlite'), backupSteps(line));
    writer.close();
    expect(shown.at(-1)?.what).toBe('Có dữ liệu mới được ghi, đang sao lưu lại từ đầu');
    expect(writes).toBeLessThan(5);
    // The last step copied the database as it stood after the last write.
    expect(rowsIn(join(dir, 'copy.sqlite'))).toBe(2_000 + writes);
  });

  it('copies in one step when there is no terminal to show progress on', () => {
    expect(backupSteps({ visible: false, show: () => undefined, end: () => undefined })).toEqual({});
  });
});
