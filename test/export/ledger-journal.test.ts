/**
 * The demo funds exported as a ledger/hledger journal and read back by the tools themselves:
 * every balance hledger and ledger-cli compute from the file, at every level of the chart and
 * on the off-balance accounts, is the closing balance of our own trial balance, to the đồng.
 * The tool cases are skipped only where the tool is not installed.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundJournal, type JournalRequest } from '../../src/app/reports/export-journal.js';
import { seedDemo } from '../../src/app/seed-demo.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import type { Store } from '../../src/db/store.js';
import { writeLedgerJournal, type LedgerJournal } from '../../src/export/ledger-journal.js';
import { freshStore } from '../support/store-fixture.js';

const installed = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;
const HLEDGER = installed('hledger');
const LEDGER = installed('ledger');

/** Full account name → commodity → thousandths of the commodity. */
type Balances = Map<string, Map<string, bigint>>;

let store: Store;
let dir: string;
beforeAll(() => {
  store = freshStore();
  const seeded = seedDemo(store);
  if (!seeded.ok) throw new Error(`demo refused: ${seeded.code}`);
  dir = mkdtempSync(join(tmpdir(), 'fund-ledger-journal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

async function exported(journal: LedgerJournal, name: string): Promise<string> {
  const file = join(dir, `${name}.journal`);
  await writeLedgerJournal(journal, createWriteStream(file));
  return file;
}

function journalOf(request: JournalRequest): LedgerJournal {
  const journal = fundJournal(store, request);
  if (!journal.ok) throw new Error(journal.code);
  return journal.value;
}

/** "1700.500 kg", "-85600000 VND", '12.5 "m2"' in thousandths, or null for a bare zero. */
function amountOf(text: string): [string, bigint] | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))? (.+)$/.exec(text.trim());
  if (!match) {
    if (text.trim() === '0') return null;
    throw new Error(`unreadable amount ${text}`);
  }
  const [, sign = '', units = '', fraction = '', commodity = ''] = match;
  const thousandths = BigInt(units) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return [commodity.replace(/^"(.*)"$/, '$1'), sign ? -thousandths : thousandths];
}

function add(balances: Balances, account: string, amount: [string, bigint] | null): void {
  if (!amount) return;
  const held = balances.get(account) ?? new Map<string, bigint>();
  held.set(amount[0], (held.get(amount[0]) ?? 0n) + amount[1]);
  balances.set(account, held);
}

/** Every account at every level, inclusive of its sub-accounts, as hledger reports it. */
function hledgerBalances(file: string): Balances {
  const balances: Balances = new Map();
  for (const line of run('hledger', ['-f', file, 'balance', '--tree', '--no-elide', '--no-total', '-O', 'csv']).split('\n').slice(1)) {
    const match = /^"((?:[^"]|"")*)","((?:[^"]|"")*)"$/.exec(line);
    if (!match) continue;
    const [account = '', amounts = ''] = [match[1], match[2]].map((s) => (s ?? '').replace(/""/g, '"'));
    for (const amount of amounts.split(', ')) add(balances, account, amountOf(amount));
  }
  return balances;
}

/**
 * The same from ledger-cli, which leaves out a parent with a single sub-account in a tree:
 * one report per depth, each giving the accounts of exactly that depth. A multi-commodity
 * balance continues on lines of its own.
 */
function ledgerBalances(file: string, depth: number): Balances {
  const balances: Balances = new Map();
  for (let d = 1; d <= depth; d += 1) {
    const report = run('ledger', ['-f', file, 'balance', '--depth', String(d), '--no-total', '--format', '%(account)|%(scrub(display_total))\n']);
    let account = '';
    for (const line of report.split('\n').filter(Boolean)) {
      const [name, amount] = line.includes('|') ? line.split('|') : [account, line];
      account = name ?? '';
      if (account.split(':').length === d) add(balances, account, amountOf(amount ?? ''));
    }
  }
  return balances;
}

interface Expected {
  /** Account code → closing balance in đồng, every account of the trial balance with one. */
  readonly vnd: Map<string, bigint>;
  /** Off-balance account, and item under it → unit → thousandths held at the end. */
  readonly held: Balances;
  readonly depth: number;
}

function expectedOf(journal: LedgerJournal): Expected {
  const tb = getTrialBalance(store, { entity: journal.header.fundCode, from: journal.header.from, to: journal.header.to });
  if (!tb.ok) throw new Error(tb.code);
  const vnd = new Map(tb.value.rows.map((r) => [r.code, r.closing.debit - r.closing.credit] as const).filter(([, b]) => b !== 0n));
  const held: Balances = new Map();
  for (const h of tb.value.offBalance.filter((h) => h.closing !== 0n)) {
    add(held, h.code, [h.unit, h.closing]);
    if (h.item !== null) add(held, `${h.code}:${h.item}`, [h.unit, h.closing]);
  }
  return { vnd, held, depth: Math.max(2, ...tb.value.rows.map((r) => r.depth)) };
}

/** The tool's balances split as the expectation is: đồng by account code, the rest by name. */
function compare(actual: Balances, expected: Expected): void {
  const vnd = new Map<string, bigint>();
  const held: Balances = new Map();
  for (const [account, amounts] of actual) {
    for (const [commodity, thousandths] of amounts) {
      if (commodity === 'VND') vnd.set(account.split(':').at(-1) ?? account, thousandths / 1000n);
      else add(held, account, [commodity, thousandths]);
    }
  }
  expect(vnd).toEqual(expected.vnd);
  expect(held).toEqual(expected.held);
}

const RANGES: readonly [string, JournalRequest][] = [
  ['TVH-VNN 2024', { entity: 'TVH-VNN', from: '2024-01-01', to: '2024-12-31' }],
  ['HTH-VNN 2024', { entity: 'HTH-VNN', from: '2024-01-01', to: '2024-12-31' }],
  ['TVH-VNN November', { entity: 'TVH-VNN', from: '2024-11-01', to: '2024-11-30' }],
  ['HTH-VNN November', { entity: 'HTH-VNN', from: '2024-11-01', to: '2024-11-30' }],
  ['HTH-VNN first half', { entity: 'HTH-VNN', period: '2024-H1' }],
];

describe.each(RANGES)('the journal of %s', (name, request) => {
  let file: string;
  let expected: Expected;
  beforeAll(async () => {
    const journal = journalOf(request);
    file = await exported(journal, name.replace(/ /g, '-'));
    expected = expectedOf(journal);
  });

  it.skipIf(!HLEDGER)('passes hledger check, strict on accounts and commodities, and gives our trial balance', () => {
    run('hledger', ['-f', file, 'check']);
    run('hledger', ['-f', file, '--strict', 'check']);
    compare(hledgerBalances(file), expected);
  });

  it.skipIf(!LEDGER)('reads in ledger-cli, pedantic on accounts and commodities, and gives our trial balance', () => {
    run('ledger', ['-f', file, '--pedantic', 'balance']);
    compare(ledgerBalances(file, expected.depth), expected);
  });
});

describe('the journal text', () => {
  it('opens with the declarations and the balances at the start of the year, then one transaction per voucher', async () => {
    const text = readFileSync(await exported(journalOf({ entity: 'TVH-VNN', period: '2024' }), 'tvh-text'), 'utf8');
    expect(text).toMatch(/^; TVH-VNN - Ban vận động Quỹ "Vì người nghèo" tỉnh Trà Vinh\n; Sổ nhật ký từ 01\/01\/2024 đến 31\/12\/2024/);
    expect(text).toContain('commodity VND\ncommodity USD\n');
    expect(text).toContain('account 007\naccount 111:1111\naccount 111:1112\naccount 112:1121\n');
    expect(text).toContain('\n2024-01-01 Số dư đầu kỳ\n    111:1111  12000000 VND\n    112:1121  1850000000 VND\n    421  -1862000000 VND\n\n');
    expect(text).toContain('\n2024-10-17 (PT0001/2024) Cán bộ, công chức các cơ quan tỉnh ủng hộ tại lễ phát động Tháng cao điểm\n    111:1111  85600000 VND\n    511:5111  -85600000 VND\n\n');
    expect(text).toContain('\n2024-10-21 (PT0002/2024) Hội người Việt tại Melbourne ủng hộ Tháng cao điểm bằng ngoại tệ\n    111:1112  25400000 VND\n    511:5111  -25400000 VND\n    (007)  1000 USD\n');
    expect(text).not.toContain('Số dư đầu năm 2024');
  });

  it('carries the goods held at the start of the range and their movements as virtual postings', async () => {
    const text = readFileSync(await exported(journalOf({ entity: 'HTH-VNN', from: '2024-11-01', to: '2024-11-30' }), 'hth-text'), 'utf8');
    expect(text).toContain('account 003:Gạo tẻ\n');
    expect(text).toMatch(/\n2024-11-01 Số dư đầu kỳ\n(    .*\n)*    \(003:Gạo tẻ\)  2000 kg\n\n/);
    expect(text).toMatch(/\n2024-11-08 \(XK0001\/2024\) Cấp gạo hỗ trợ 10 hộ nghèo, cận nghèo \(10 hộ x 150 kg\)\n(    .*\n)*    152  -22500000 VND\n    \(003:Gạo tẻ\)  -1500 kg\n/);
  });

  it('refuses an unknown fund and a reversed range', () => {
    expect(fundJournal(store, { entity: 'NOPE', period: '2024' })).toMatchObject({ ok: false, code: 'entity_unknown' });
    expect(fundJournal(store, { entity: 'TVH-VNN', from: '2024-12-31', to: '2024-01-01' })).toMatchObject({ ok: false, code: 'date_range_invalid' });
  });
});

/** A journal that tries every character the format could trip on. */
const AWKWARD: LedgerJournal = {
  header: { fundCode: 'F1', fundName: 'Quỹ\nthử; nghiệm', from: '2024-01-01', to: '2024-12-31' },
  accounts: new Map([['1111', '111:1111'], ['421', '421'], ['003', '003'], ['007', '007']]),
  opening: new Map([['421', -1000n], ['1111', 1000n], ['007', 0n]]),
  holdings: [
    { account: '003', item: 'Mì tôm: thùng (30 gói)', unit: 'thùng', quantity: 0n },
    { account: '003', item: 'Gạo  tẻ', unit: 'kg', quantity: 1500500n },
    { account: '007', item: null, unit: 'm2', quantity: 125n },
  ],
  transactions: [
    {
      date: '2024-02-01',
      code: null,
      description: '(Bổ sung) nhận; hàng\r\nmới',
      postings: [],
      memos: [{ account: '003', item: 'Mì tôm: thùng (30 gói)', unit: 'thùng', quantity: 20000n }],
    },
    {
      date: '2024-02-02',
      code: 'PT0001/2024',
      description: 'Ho\u0300a Thua\u0323\u0302n ủng hộ',
      postings: [{ account: '1111', amount: 500n }, { account: '421', amount: -500n }],
      memos: [{ account: '003', item: 'Gạo  tẻ', unit: 'kg', quantity: -500n }],
    },
  ],
};

const AWKWARD_TEXT = `; F1 - Quỹ thử, nghiệm
; Sổ nhật ký từ 01/01/2024 đến 31/12/2024, số tiền bằng đồng (VND)

commodity VND
commodity thùng
commodity kg
commodity "m2"

account 003
account 003:Gạo tẻ
account 003:Mì tôm- thùng (30 gói)
account 007
account 111:1111
account 421

2024-01-01 Số dư đầu kỳ
    111:1111  1000 VND
    421  -1000 VND
    (003:Gạo tẻ)  1500.5 kg
    (007)  0.125 "m2"

2024-02-01 - (Bổ sung) nhận, hàng mới
    (003:Mì tôm- thùng (30 gói))  20 thùng

2024-02-02 (PT0001/2024) Hòa Thuận ủng hộ
    111:1111  500 VND
    421  -500 VND
    (003:Gạo tẻ)  -0.5 kg
`;

describe('the journal format', () => {
  it('keeps text from being read as syntax, quotes commodities that are not words, and writes quantities in full', async () => {
    const text = readFileSync(await exported(AWKWARD, 'awkward'), 'utf8');
    expect(text).toBe(AWKWARD_TEXT);
  });

  it.skipIf(!HLEDGER || !LEDGER)('reads the same in both tools', async () => {
    const file = await exported(AWKWARD, 'awkward-tools');
    run('hledger', ['-f', file, '--strict', 'check']);
    const expected: Balances = new Map([
      ['003', new Map([['kg', 1500000n], ['thùng', 20000n]])],
      ['003:Gạo tẻ', new Map([['kg', 1500000n]])],
      ['003:Mì tôm- thùng (30 gói)', new Map([['thùng', 20000n]])],
      ['007', new Map([['m2', 125n]])],
      ['111', new Map([['VND', 1500000n]])],
      ['111:1111', new Map([['VND', 1500000n]])],
      ['421', new Map([['VND', -1500000n]])],
    ]);
    expect(hledgerBalances(file)).toEqual(expected);
    expect(ledgerBalances(file, 2)).toEqual(expected);
    expect(run('hledger', ['-f', file, 'register', '-O', 'csv'])).toContain('"2024-02-01","","- (Bổ sung) nhận, hàng mới"');
  });

  it('writes only while the reader has room, and ends the stream', async () => {
    const chunks: string[] = [];
    const out = new Writable({
      highWaterMark: 8,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        setImmediate(done);
      },
    });
    let overruns = 0;
    const write = out.write.bind(out) as (chunk: string) => boolean;
    (out as unknown as { write: (chunk: string) => boolean }).write = (chunk) => {
      if (out.writableNeedDrain) overruns += 1;
      return write(chunk);
    };
    await writeLedgerJournal(AWKWARD, out);
    expect(overruns).toBe(0);
    expect(out.writableFinished).toBe(true);
    expect(chunks.join('')).toBe(AWKWARD_TEXT);
  });
});
