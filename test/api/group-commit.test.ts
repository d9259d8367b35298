/**
 * Group commit: concurrent writes share one transaction and one sync to disk, each in its
 * own savepoint, and no answer is given before its batch is on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/app/group-commit.js';
import { postEntries } from '../../src/app/post-entries.js';
import { verifyFund } from '../../src/app/verify-chain.js';
import { openStore, type Store } from '../../src/db/store.js';
import { parseJournal } from '../../src/ledger/journal-text.js';
import { payment } from '../support/api-fixture.js';
import { communeOnFile, startServerProcess } from '../support/server-process.js';
import { ACTOR, createFund, FUND, OPENING, postOk } from '../support/store-fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileStore(): { store: Store; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-group-'));
  dirs.push(dir);
  const path = join(dir, 'books.sqlite');
  return { store: openStore(path), path };
}

const journal = (amount: number) => {
  const parsed = parseJournal(`2024-03-05 Chi hỗ trợ\n  6111  Dr ${amount}\n  1111  Cr ${amount}\n`);
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.value;
};
const pay = (store: Store, amount: number) => () => postEntries(store, { entity: FUND.code, entries: journal(amount), actor: ACTOR });
const seqs = (store: Store) => (store.sqlite.prepare('SELECT seq FROM entries ORDER BY seq').pluck().all() as number[]);

describe('group commit', () => {
  it('commits writes that arrive together once, keeps a refusal and a failure to themselves, and answers after the commit', async () => {
    const { store, path } = fileStore();
    createFund(store);
    postOk(store, OPENING, { kind: 'opening' });
    const watcher = openStore(path);
    const commits = (): number => watcher.sqlite.pragma('data_version', { simple: true }) as number;
    const commitsBefore = commits();
    const writes = new GroupCommit(store);
    const answers = [
      writes.submit(pay(store, 1000)),
      writes.submit(pay(store, 999_999_999_999)),
      writes.submit(() => {
        postEntries(store, { entity: FUND.code, entries: journal(7), actor: ACTOR });
        throw new Error('a bug in the middle of a batch');
      }),
      writes.submit(pay(store, 2000)),
    ];
    // Seen by another connection the moment the first answer is given: the batch is already committed.
    const seenAtFirstAnswer = (answers[0] as Promise<unknown>).then(() => ({ open: store.sqlite.inTransaction, commits: commits() }));
    const [first, refused, failed, last] = await Promise.allSettled(answers);
    expect(first).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    expect(refused).toMatchObject({ status: 'fulfilled', value: { ok: false, code: 'balance_would_go_negative' } });
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'a bug in the middle of a batch' } });
    expect(last).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    expect(await seenAtFirstAnswer).toEqual({ open: false, commits: commitsBefore + 1 });
    expect(commits()).toBe(commitsBefore + 1);
    expect(seqs(store)).toEqual([1, 2, 3]);
    const verified = verifyFund(store, FUND.code);
    expect(verified.ok && verified.value.ok).toBe(true);
    watcher.close();
    store.close();
  });

  it('loses no acknowledged write when the server is killed under load', async () => {
    const { store, path } = fileStore();
    store.close();
    const token = communeOnFile(path);
    const { url: address, process: server } = await startServerProcess(path);
    const acknowledged: number[] = [];
    const client = async (): Promise<void> => {
      for (;;) {
        try {
          const response = await fetch(`${address}/api/entities/C1/entries`, {
            method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(payment('1000')),
          });
          if (response.status !== 201) return;
          acknowledged.push((await response.json() as { seq: number }).seq);
        } catch {
          return;
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.kill('SIGKILL');
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThan(50);
    const after = openStore(path);
    const stored = new Set(after.sqlite.prepare(`SELECT seq FROM entries e JOIN entities f ON f.id = e.entity_id WHERE f.code = 'C1'`).pluck().all() as number[]);
    expect(acknowledged.filter((seq) => !stored.has(seq))).toEqual([]);
    const verified = verifyFund(after, 'C1');
    expect(verified.ok && verified.value.ok).toBe(true);
    after.close();
  }, 30_000);
});
