/** The fund-ledger command end to end, on a database file of its own. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/store.js';
import { booksEndingInAVoucher, tamper } from './support/damaged-books.js';
import { readPdf } from './support/pdf-text.js';

let dir = '';
let db = '';

function cliOn(database: string, ...args: string[]) {
  // The timeout ends a server that starts when it should have refused to.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--db', database], { encoding: 'utf8', timeout: 25_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const cli = (...args: string[]) => cliOn(db, ...args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fund-ledger-cli-'));
  db = join(dir, 'books.sqlite');
  expect(cli('seed-demo').code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fund-ledger', { timeout: 30_000 }, () => {
  it('prints the trial balance with Vietnamese headings and dotted thousands', () => {
    const { code, out } = cli('trial-balance', '--entity', 'TVH-VNN', '--from', '2024-01-01', '--to', '2024-12-31');
    expect(code).toBe(0);
    expect(out).toContain('BẢNG CÂN ĐỐI SỐ PHÁT SINH từ ngày 01/01/2024 đến ngày 31/12/2024');
    expect(out).toMatch(/Cộng\s+1\.862\.000\.000\s+1\.862\.000\.000\s+4\.635\.846\.000\s+4\.635\.846\.000\s+1\.911\.542\.000\s+1\.911\.542\.000/);
  });

  it('posts a journal file into the open year and refuses an unbalanced one, writing nothing', () => {
    const good = join(dir, 'good.journal');
    writeFileSync(good, '2025-01-05 Ủng hộ đầu năm\n  1111 Dr 2000000\n  5111 Cr 2000000 counterparty=donor:"Trần Văn Bảy"\n');
    expect(cli('post', '--entity', 'HTH-VNN', '--file', good)).toMatchObject({ code: 0, out: 'posted 1 entries, sequence 16–16\n' });
    const bad = join(dir, 'bad.journal');
    writeFileSync(bad, '2025-01-06 Sai\n  1111 Dr 2000000\n  5111 Cr 1000000\n');
    const refused = cli('post', '--entity', 'HTH-VNN', '--file', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('refused: entry_must_balance');
  });

  it('writes books and reports to files in the format their extension names', async () => {
    const pdf = join(dir, 'so-quy.pdf');
    expect(cli('book', '--entity', 'TVH-VNN', '--book', 'cash', '--period', '2024', '--out', pdf)).toMatchObject({ code: 0, out: `written ${pdf}\n` });
    const { pages } = await readPdf(readFileSync(pdf));
    expect(pages[0]?.text).toContain('SỔ QUỸ TIỀN MẶT');
    expect(pages[0]?.text).toContain('17.600.000');
    const csv = join(dir, 'thu-chi.csv');
    expect(cli('report', '--entity', 'TVH-VNN', '--report', 'receipts-and-uses', '--period', '2024', '--consolidated', '--out', csv).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFF/);
    expect(readFileSync(csv, 'utf8')).toContain('1986791000');
    const journal = join(dir, 'xa.journal');
    expect(cli('book', '--entity', 'HTH-VNN', '--book', 'journal', '--from', '2024-01-01', '--to', '2024-12-31', '--out', journal).code).toBe(0);
    expect(readFileSync(journal, 'utf8')).toContain('(003:Gạo tẻ)  2000 kg');
  });

  it('refuses a report it cannot make, and a file type it cannot write', () => {
    expect(cli('report', '--entity', 'TVH-VNN', '--report', 'receipts-and-uses', '--period', '2024-Q5', '--out', join(dir, 'x.pdf'))).toMatchObject({ code: 2, err: expect.stringContaining('refused: period_invalid') });
    expect(cli('book', '--entity', 'TVH-VNN', '--book', 'ledger', '--period', '2024', '--out', join(dir, 'x.pdf'))).toMatchObject({ code: 2, err: expect.stringContaining('refused: book_subject_required') });
    expect(cli('book', '--entity', 'TVH-VNN', '--book', 'cash', '--period', '2024', '--out', join(dir, 'x.docx')).code).toBe(64);
    expect(cli('report', '--entity', 'TVH-VNN', '--report', 'balance-sheet', '--period', '2024', '--out', join(dir, 'x.pdf')).code).toBe(64);
  });

  it('refuses an entry into a locked month', () => {
    const late = join(dir, 'late.journal');
    writeFileSync(late, '2025-02-10 Ủng hộ\n  1111 Dr 1000\n  5111 Cr 1000\n');
    expect(cli('lock', '--entity', 'HTH-VNN', '--month', '2025-02').code).toBe(0);
    expect(cli('post', '--entity', 'HTH-VNN', '--file', late)).toMatchObject({ code: 2, err: expect.stringContaining('period_locked') });
    expect(cli('unlock', '--entity', 'HTH-VNN', '--month', '2025-02')).toMatchObject({ code: 2, err: expect.stringContaining('reason_required') });
  });

  it('backs up the database, never over an earlier backup, and restores it, refusing a tampered copy', () => {
    const copy = join(dir, 'backup.sqlite');
    expect(cli('backup', '--out', copy)).toMatchObject({ code: 0, out: expect.stringContaining(`backup written to ${copy}`) });
    expect(cli('backup', '--out', copy)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    const atBackup = cli('verify').out;
    const later = join(dir, 'after-backup.journal');
    writeFileSync(later, '2025-01-07 Ủng hộ sau khi sao lưu\n  1111 Dr 500000\n  5111 Cr 500000\n');
    expect(cli('post', '--entity', 'HTH-VNN', '--file', later).code).toBe(0);
    const tampered = join(dir, 'tampered.sqlite');
    copyFileSync(copy, tampered);
    const raw = new Database(tampered);
    raw.exec('DROP TRIGGER entries_no_update');
    raw.prepare("UPDATE entries SET description = 'Khác' WHERE entity_id = 1 AND seq = 2").run();
    raw.close();
    const refused = cli('restore', tampered);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/fails verification\n.*\n  TVH-VNN: TAMPERED — hash_mismatch at entry \d+ \(sequence 2, [\d-]+\)/);
    expect(refused.err).toContain(`${db} is unchanged`);
    expect(cli('verify').out).not.toBe(atBackup);
    expect(cli('restore')).toMatchObject({ code: 64 });
    expect(cli('restore', copy)).toMatchObject({ code: 0, out: expect.stringContaining(`restored ${db} from ${copy}`) });
    expect(cli('verify').out).toBe(atBackup);
  });

  it('verifies the books, and names an entry edited behind the triggers’ back', () => {
    expect(cli('verify')).toMatchObject({ code: 0, out: expect.stringContaining('TVH-VNN: OK — 25 entries') });
    const raw = new Database(db);
    const trigger = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'entry_lines_no_update'").pluck().get() as string;
    raw.exec('DROP TRIGGER entry_lines_no_update');
    raw.prepare("UPDATE entry_lines SET amount = amount - 1000000 WHERE entry_id = (SELECT id FROM entries WHERE entity_id = 1 AND seq = 5) AND line_no = 1").run();
    // Put back, so that the database still opens for the commands after this one.
    raw.exec(trigger);
    raw.close();
    const tampered = cli('verify', '--entity', 'TVH-VNN');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/TVH-VNN: TAMPERED — hash_mismatch at entry \d+ \(sequence 5, 2024-04-15\)/);
  });

  it('creates a fund from a profile file and names the field of a malformed one', () => {
    const good = join(dir, 'fund.json');
    writeFileSync(good, JSON.stringify({ code: 'XA-MOI', name: 'Quỹ xã Mới', kind: 'poor-fund', level: 'commune', parent: 'TVH-VNN', seal: { name: 'QUỸ XÃ MỚI' }, firstYear: 2025 }));
    expect(cli('create-entity', '--file', good)).toMatchObject({ code: 0, out: 'created XA-MOI\n' });
    const bad = join(dir, 'bad-fund.json');
    writeFileSync(bad, JSON.stringify({ code: 'XA-2', name: 'Quỹ', kind: 'charity', level: 'commune', seal: { name: 'Q' }, firstYear: 2025 }));
    expect(cli('create-entity', '--file', bad)).toMatchObject({ code: 64, err: expect.stringContaining('malformed at kind') });
    expect(cli('create-entity', '--file', join(dir, 'missing.json'))).toMatchObject({ code: 66, err: expect.stringContaining('cannot read the input') });
  });

  it('opens a campaign from a file, extends it only at the province, lists it, and records the acts under the local name', () => {
    const file = join(dir, 'campaign.json');
    writeFileSync(file, JSON.stringify({ code: 'BAO3', name: 'Ủng hộ đồng bào bị thiệt hại do bão số 3', kind: 'disaster', startsOn: '2025-09-08' }));
    expect(cli('open-campaign', '--entity', 'TVH-VNN', '--file', file, '--actor', 'ketoan.tinh')).toMatchObject({ code: 0, out: 'opened BAO3 under ND93/2021\n' });
    expect(cli('open-campaign', '--entity', 'HTH-VNN', '--file', file)).toMatchObject({ code: 0 });
    const extend = (entity: string) => cli('extend-campaign', '--entity', entity, '--campaign', 'BAO3', '--decision', '45/QĐ-BVĐ', '--date', '2025-12-05', '--ends-on', '2025-12-31');
    expect(extend('HTH-VNN')).toMatchObject({ code: 2, err: expect.stringContaining('refused: campaign_extension_not_allowed') });
    expect(extend('TVH-VNN')).toMatchObject({ code: 0, out: 'extended BAO3 to 2025-12-31 by 45/QĐ-BVĐ\n' });
    expect(cli('campaigns', '--entity', 'TVH-VNN').out).toContain('BAO3\tdisaster\tND93/2021\t2025-09-08\treceiving until 2025-12-31\tdistribution until 2026-01-20');
    expect(cli('extend-campaign', '--entity', 'TVH-VNN', '--campaign', 'BAO3')).toMatchObject({ code: 64, err: expect.stringContaining('--decision, --date and --ends-on are needed') });
    const store = openStore(db);
    const opened = store.sqlite.prepare(`SELECT actor, origin FROM audit_events WHERE kind = 'campaign.created' AND subject = 'BAO3' ORDER BY id`).all();
    store.close();
    expect(opened[0]).toEqual({ actor: 'ketoan.tinh', origin: 'cli' });
  });

  it('prints a campaign’s disclosure, publishes it, and verifies the publication against the books', () => {
    const copy = join(dir, 'disclosed.sqlite');
    expect(cliOn(copy, 'seed-demo').code).toBe(0);
    const figures = JSON.parse(cliOn(copy, 'disclosure', '--entity', 'TVH-VNN', '--campaign', 'TCD2024', '--to', '2024-12-31').out) as { received: { total: string } };
    expect(figures.received.total).toBe('1084500000');
    expect(cliOn(copy, 'publish-disclosure', '--entity', 'TVH-VNN', '--campaign', 'TCD2024', '--to', '2024-12-31')).toMatchObject({ code: 0, out: expect.stringMatching(/^published disclosure 5 of TCD2024 \(2024-10-17\.\.2024-12-31\), sha256 [0-9a-f]{64}\n$/) });
    const verified = cliOn(copy, 'verify', '--entity', 'TVH-VNN');
    expect(verified).toMatchObject({ code: 0, out: expect.stringContaining('TVH-VNN: disclosure 5 (TCD2024, 2024-10-17..2024-12-31): OK — as published at chain head 25') });
    expect(verified.out).toContain('TVH-VNN: disclosure 4 (periodic report, 2024-01-01..2024-12-31): OK');
    const store = openStore(copy);
    tamper(store, `UPDATE entry_lines SET amount = amount - 1 WHERE amount = -500000000`);
    store.close();
    const changed = cliOn(copy, 'verify', '--entity', 'TVH-VNN');
    expect(changed).toMatchObject({ code: 1, out: expect.stringMatching(/TVH-VNN: disclosure 5 \(TCD2024, 2024-10-17\.\.2024-12-31\): DIFFERS — .*received\.total/) });
  });

  it('adds users with roles, issues a token that is stored only as a hash, and revokes it', () => {
    expect(cli('add-user', '--name', 'ke-toan-xa', '--role', 'accountant', '--entity', 'HTH-VNN')).toMatchObject({ code: 0, out: 'added ke-toan-xa\n' });
    expect(cli('grant', '--user', 'ke-toan-xa', '--role', 'auditor', '--entity', 'TVH-VNN', '--inherit').code).toBe(0);
    expect(cli('grant', '--user', 'ke-toan-xa', '--role', 'boss').code).toBe(64);
    expect(cli('grant', '--user', 'nobody', '--role', 'auditor').err).toContain('refused: user_unknown');
    const issued = cli('issue-token', '--user', 'ke-toan-xa', '--label', 'máy xã');
    expect(issued.out).toMatch(/^flt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
    const [, id, secret] = /^flt_([0-9a-f]{16})_(.+)$/.exec(issued.out.trim()) ?? [];
    const books = new Database(db, { readonly: true });
    expect(JSON.stringify(books.prepare('SELECT * FROM api_tokens').all())).not.toContain(secret);
    books.close();
    expect(cli('users').out).toContain(`ke-toan-xa\troles: accountant@HTH-VNN, auditor@TVH-VNN+\ttokens: ${id}`);
    expect(cli('revoke-token', '--id', id ?? '').code).toBe(0);
    expect(cli('revoke-token', '--id', id ?? '').err).toContain('refused: token_already_revoked');
  });

  it('makes, posts, lists, prints and cancels vouchers, and sends a transfer', async () => {
    const made = cli('add-voucher', '--entity', 'HTH-VNN', '--file', 'templates/voucher-cash-receipt.json', '--post');
    expect(made).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+\tPT0001\/2025\tcash-receipt\tposted\t2025-01-15\t1\.200\.000\t/) });
    const id = made.out.split('\t')[0] ?? '';
    const payment = cli('add-voucher', '--entity', 'HTH-VNN', '--file', 'templates/voucher-support-payment.json', '--post');
    expect(payment).toMatchObject({ code: 2, err: expect.stringContaining('refused: voucher_approval_required') });
    expect(cli('vouchers', '--entity', 'HTH-VNN', '--from', '2025-01-01', '--status', 'draft').out).toMatch(/\t-\tbank-payment\tdraft\t2025-02-10\t30\.000\.000\t/);
    const pdf = join(dir, 'phieu-thu.pdf');
    expect(cli('print-vouchers', '--entity', 'HTH-VNN', '--id', id, '--out', pdf, '--copies', '2')).toMatchObject({ code: 0, out: `written ${pdf}\n` });
    const { pages } = await readPdf(readFileSync(pdf));
    expect(pages.map((p) => p.flat.includes('PT0001/2025'))).toEqual([true, true]);
    expect(cli('cancel-voucher', '--entity', 'HTH-VNN', '--id', id, '--date', '2025-01-20', '--reason', 'Ghi nhầm')).toMatchObject({ code: 0, out: expect.stringContaining('cancelled by') });
    const sent = cli('transfer', '--from', 'TVH-VNN', '--to', 'HTH-VNN', '--date', '2025-03-01', '--amount', '50000000', '--reason', 'Điều tiết', '--in-transit');
    expect(sent).toMatchObject({ code: 0, out: expect.stringMatching(/^transfer (\d+) in-transit: payment UNC0001\/2025, receipt \(awaiting confirmation\)/) });
    const transfer = /^transfer (\d+)/.exec(sent.out)?.[1] ?? '';
    expect(cli('confirm-transfer', '--id', transfer, '--date', '2025-03-03')).toMatchObject({ code: 0, out: `transfer ${transfer} received: receipt BC0001/2025\n` });
    expect(cli('confirm-transfer', '--id', transfer)).toMatchObject({ code: 2, err: expect.stringContaining('transfer_not_in_transit') });
  });

  it('explains its usage on a bad call', () => {
    expect(cli('trial-balance', '--entity', 'TVH-VNN')).toMatchObject({ code: 64, err: expect.stringContaining('--from is required') });
    expect(cli('frobnicate')).toMatchObject({ code: 64, err: expect.stringContaining('unknown command') });
    expect(cli('add-voucher', '--entity', 'HTH-VNN', '--file', 'templates/entity-profile.json')).toMatchObject({ code: 64, err: expect.stringContaining('the voucher is malformed') });
    expect(cli('post-voucher', '--entity', 'HTH-VNN', '--id', 'abc')).toMatchObject({ code: 64, err: expect.stringContaining('--id must be a positive whole number') });
  });

  it('prints its usage on stdout for help, --help and -h and exits 0; without a command, on stderr with 64', () => {
    for (const args of [['help'], ['--help'], ['-h'], ['post', '--help']]) {
      expect(cli(...args)).toMatchObject({ code: 0, out: expect.stringContaining('fund-ledger <command> [options]'), err: '' });
    }
    expect(cli()).toMatchObject({ code: 64, out: '', err: expect.stringContaining('fund-ledger <command> [options]') });
  });

  it('shows no progress line when stderr is not a terminal', () => {
    const journal = join(dir, 'quiet.journal');
    writeFileSync(journal, '2025-01-08 Ủng hộ\n  1111 Dr 1000\n  5111 Cr 1000\n');
    expect(cli('post', '--entity', 'HTH-VNN', '--file', journal)).toMatchObject({ code: 0, err: '' });
    expect(cli('backup', '--out', join(dir, 'quiet.sqlite'))).toMatchObject({ code: 0, err: '' });
  });
});

describe('fund-ledger on a damaged database', { timeout: 60_000 }, () => {
  /** Books whose last entry was cut off, rows and all, while the voucher it was posted from stayed. */
  function cutOffBooks(name: string): string {
    const path = join(dir, name);
    const store = booksEndingInAVoucher(openStore(path));
    tamper(store, 'DELETE FROM entry_lines WHERE entry_id = (SELECT MAX(id) FROM entries); DELETE FROM entries WHERE id = (SELECT MAX(id) FROM entries)');
    store.close();
    return path;
  }

  const oneLine = (err: string) => err.trimEnd().split('\n');

  it('verify names the voucher left behind and the entries cut off, and exits 1', () => {
    const run = cliOn(cutOffBooks('cut-off-verify.sqlite'), 'verify');
    expect(run.code).toBe(1);
    expect(run.out).toContain('F1: TAMPERED — foreign_key_broken at vouchers row 1: entry_id 4 names no row of entries');
    expect(run.out).toContain('F1: TAMPERED — head_mismatch at entries missing after sequence 3');
  });

  it('serve, and every other command, refuse it with one line that says to run verify', () => {
    const path = cutOffBooks('cut-off-serve.sqlite');
    for (const args of [['serve', '--port', '0'], ['entities']]) {
      const run = cliOn(path, ...args);
      expect(run.code).toBe(65);
      expect(oneLine(run.err)).toEqual([expect.stringContaining('foreign_key_broken at vouchers row 1')]);
      expect(run.err).toContain(`fund-ledger verify --db ${path}`);
      expect(run.out).toBe('');
    }
  });

  it('names a file that is not a database, in verify and in one line for serve', () => {
    const path = join(dir, 'not-a-database.sqlite');
    writeFileSync(path, 'không phải cơ sở dữ liệu '.repeat(100));
    expect(cliOn(path, 'verify')).toMatchObject({ code: 1, out: 'file: CORRUPT — file_corrupt at the database file: SQLite cannot read the file soundly: file is not a database\n' });
    const serve = cliOn(path, 'serve', '--port', '0');
    expect(serve.code).toBe(65);
    expect(oneLine(serve.err)).toEqual([expect.stringContaining('file is not a database')]);
  });
});
