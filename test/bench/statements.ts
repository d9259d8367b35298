/**
 * A campaign's bank statement at the scale of the 2024 appeal: N rows (2,000,000 by default)
 * in Vietcombank's DocNo layout, amounts drawn from the real distribution (median 200,000,
 * tenth percentile 50,000, ninetieth 1,000,000, ninety-ninth 10,000,000, from 1 đồng),
 * remarks in the real shapes and lengths, a balance on each day's last row. Imported by
 * `import-statement` as its own process under /usr/bin/time, its credits posted as daily bank
 * receipts by `post-statement`, then the same file imported again.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { localCaller } from '../../src/app/caller.js';
import { createEntity } from '../../src/app/create-entity.js';
import { openStore } from '../../src/db/store.js';
import { addDays } from '../../src/ledger/calendar.js';
import { timedCli } from './bench-support.js';

const ACTOR = localCaller({ name: 'bench', origin: 'bench' });
const ACCOUNT = '0011001932418';

export interface StatementsBench {
  readonly rows: number;
  readonly fileMb: number;
  readonly importSeconds: number;
  readonly importPeakMb: number;
  readonly postSeconds: number;
  readonly postPeakMb: number;
  readonly posted: string;
  readonly againSeconds: number;
  readonly againPeakMb: number;
  readonly summary: string;
}

/** An amount in đồng at the quantile q of the appeal's transfers, by linear steps between the known points. */
function amountAt(q: number): number {
  const points: [number, number][] = [[0, 1], [0.01, 10_000], [0.1, 50_000], [0.5, 200_000], [0.9, 1_000_000], [0.99, 10_000_000], [1, 1_000_000_000]];
  for (let i = 1; i < points.length; i++) {
    const [q1, a1] = points[i] as [number, number];
    const [q0, a0] = points[i - 1] as [number, number];
    if (q <= q1) return Math.max(1, Math.round((a0 + ((q - q0) / (q1 - q0)) * (a1 - a0)) / 1_000) * 1_000 || 1);
  }
  return 1_000_000_000;
}

const dots = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function writeStatement(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail\n');
  let balance = 10_847_182_843n;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const days = 23;
  for (let i = 0; i < rows; i++) {
    const day = Math.floor((i * days) / rows);
    const lastOfDay = Math.floor(((i + 1) * days) / rows) !== day || i === rows - 1;
    const amount = BigInt(amountAt(random()));
    balance += amount;
    const shape = i % 10;
    const remark = shape < 5 ? `${292976 + (i % 700000)}.${String(10924 + day).padStart(6, '0')}.${String(i % 240000).padStart(6, '0')}.NGUYEN VAN ${i % 9973} ung ho dong bao bao lu mien Bac`
      : shape < 8 ? `MBVCB.${6916176124 + i}.NGUYEN THI ${i % 7919} chuyen tien ung ho khac phuc hau qua bao so 3.CT tu 0101001${String(i % 999999).padStart(6, '0')} toi ${ACCOUNT} MAT TRAN TO QUOC VN - BAN CUU TRO TW`
        : `020097040${String(i).padStart(10, '0')} ung ho dong bao mien Bac`;
    out.write(`${dmy(addDays('2024-09-01', day))},${5000 + (i % 9000)}.${String(i % 99999).padStart(5, '0')},,${dots(amount)},${lastOfDay ? dots(balance) : ''},"${remark}"\n`);
    if (i % 10_000 === 0 && out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

export async function benchStatements(options: { rows: number; dir: string }): Promise<StatementsBench> {
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const db = join(options.dir, 'statements.sqlite');
  const store = openStore(db);
  const created = createEntity(store, {
    code: 'CUUTRO', name: 'Ban Vận động cứu trợ Trung ương', kind: 'relief', level: 'central', seal: { name: 'ỦY BAN TRUNG ƯƠNG MTTQ VIỆT NAM' },
    bankAccounts: [{ kind: 'bank', institution: 'Vietcombank - Sở giao dịch', number: ACCOUNT, accountCode: '1121' }], firstYear: 2024,
  }, ACTOR);
  store.close();
  if (!created.ok) throw new Error(created.code);
  const file = join(options.dir, 'vcb-statement.csv');
  await writeStatement(file, options.rows);
  const args = ['import-statement', '--db', db, '--entity', 'CUUTRO', '--bank-account', ACCOUNT, '--file', file];
  const first = timedCli(args);
  const post = timedCli(['post-statement', '--db', db, '--entity', 'CUUTRO', '--batch', '1']);
  const again = timedCli(args);
  return {
    rows: options.rows, fileMb: Math.round(statSync(file).size / 2 ** 20), importSeconds: first.seconds, importPeakMb: first.peakMb,
    postSeconds: post.seconds, postPeakMb: post.peakMb, posted: post.stdout, againSeconds: again.seconds, againPeakMb: again.peakMb, summary: first.stdout,
  };
}

export function statementsMarkdown(r: StatementsBench): string {
  const verdict = (met: boolean): string => (met ? 'met' : '**missed**');
  return [
    `| work | result | target | |`,
    `|---|---|---|---|`,
    `| ${r.rows.toLocaleString('en')} rows of a Vietcombank statement (${r.fileMb} MB) imported by \`import-statement\`: read, checked, every day-end balance reconciled, kept | ${r.importSeconds.toFixed(1)} s, peak ${r.importPeakMb} MB | | |`,
    `| its credits posted by \`post-statement\` as daily bank receipts through every rule (${r.posted}) | ${r.postSeconds.toFixed(1)} s, peak ${r.postPeakMb} MB | | |`,
    `| import and posting together | ${(r.importSeconds + r.postSeconds).toFixed(1)} s, peak ${Math.max(r.importPeakMb, r.postPeakMb)} MB | ≤ 60 s, ≤ 512 MB | ${verdict(r.importSeconds + r.postSeconds <= 60 && Math.max(r.importPeakMb, r.postPeakMb) <= 512)} |`,
    `| the same file again: hashed, nothing created | ${r.againSeconds.toFixed(1)} s, peak ${r.againPeakMb} MB | ≤ 30 s | ${verdict(r.againSeconds <= 30)} |`,
    `| what the import reported | ${r.summary} | | |`,
  ].join('\n');
}
