/**
 * npm run bench: the ledger core at campaign scale, against ledger-cli in the same run, then
 * the HTTP API under concurrent clients.
 *
 *  1. bulk posting: the synthetic journal's postings (1,000,000 lines by default) through
 *     every posting rule and the hash chain into a fresh SQLite file;
 *  2. trial balance over all of those lines (median of several runs);
 *  3. ledger-cli computing every balance from the same postings, and the balances compared;
 *  4. single entries posted over HTTP to a running server by concurrent clients
 *     (see http-posting.ts);
 *  5. a batch of vouchers printed into one PDF (see voucher-pdf.ts);
 *  6. every book and statement, and the general journal as XLSX, PDF, CSV and a ledger
 *     journal, on the fund of step 1, reused when a previous run left it (see reports.ts);
 *  7. a campaign's disclosure at the scale of a national appeal: its value, publication,
 *     verification and PDF (see disclosure.ts);
 *  8. a fund year exported as every MISA SME.NET template and imported back (see misa.ts);
 *  9. a campaign's bank statement of 2,000,000 rows imported, then again (see statements.ts);
 * 10. 1,000 signed webhook deliveries from 16 clients, then again as replays (see feeds.ts).
 *
 * Options: --only core|http|pdf|reports|disclosure|misa|statements|feeds (default all), --txns N (default 500000 two-line entries),
 * --vouchers N (default 1000) for the PDF batch, --receipts N (default 1000000 two-line receipts) for the disclosure,
 * --misa-vouchers N (default 100000) for the MISA exchange, --statement-rows N (default 2000000), --runs N (default 7), --seconds N (default 15) and --connections N (default 32) for HTTP.
 * Results go to bench-results/core.json and core.md, http.json and http.md, pdf.json and pdf.md,
 * reports.json and reports.md, disclosure.json and disclosure.md, misa.json and misa.md, statements.json and statements.md, feeds.json and feeds.md.
 */
import { localCaller } from '../../src/app/caller.js';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addSubAccount } from '../../src/app/add-sub-account.js';
import { createEntity } from '../../src/app/create-entity.js';
import { openYear } from '../../src/app/open-year.js';
import { postEntries } from '../../src/app/post-entries.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import { findEntityByCode } from '../../src/db/entities-repo.js';
import { openStore, type Store } from '../../src/db/store.js';
import type { EntryInput } from '../../src/ledger/entry.js';
import { benchHttpPosting, type HttpPostingResult } from './http-posting.js';
import { benchDisclosure } from './disclosure.js';
import { benchMisa, misaMarkdown } from './misa.js';
import { benchStatements, statementsMarkdown } from './statements.js';
import { benchFeeds, feedsMarkdown } from './feeds.js';
import { benchReports, reportsMarkdown } from './reports.js';
import { benchVoucherPdf } from './voucher-pdf.js';
import { ledgerAvailable, runLedger } from './ledger-cli.js';
import { ACCOUNT_MAP, generate, readEntries } from './synthetic-journal.js';
import { must } from './bench-support.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' }, txns: { type: 'string' }, runs: { type: 'string' },
    seconds: { type: 'string' }, connections: { type: 'string' }, vouchers: { type: 'string' }, receipts: { type: 'string' }, 'misa-vouchers': { type: 'string' }, 'statement-rows': { type: 'string' },
  },
});
if (values.only !== undefined && !['core', 'http', 'pdf', 'reports', 'disclosure', 'misa', 'statements', 'feeds'].includes(values.only)) throw new Error('--only takes core, http, pdf, reports, disclosure, misa, statements or feeds');
const STATEMENT_ROWS = Number(values['statement-rows'] ?? 2_000_000);
const MISA_VOUCHERS = Number(values['misa-vouchers'] ?? 100_000);
const RECEIPTS = Number(values.receipts ?? 1_000_000);
const VOUCHERS = Number(values.vouchers ?? 1_000);
const TXNS = Number(values.txns ?? 500_000);
const RUNS = Number(values.runs ?? 7);
const HTTP_SECONDS = Number(values.seconds ?? 15);
const HTTP_CONNECTIONS = Number(values.connections ?? 32);
const OUT = resolve('bench-results');
const DB_PATH = join(OUT, 'bench.sqlite');
const MACHINE = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
const FUND = 'BENCH';
const BENCH = localCaller({ name: 'bench', origin: 'bench' });
/** Opening balance of every cash and bank account, so random spending never runs them dry. */
const OPENING = 10n ** 13n;
const CHUNK = 50_000;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

function setUpFund(store: Store): void {
  must(createEntity(store, {
    code: FUND, name: 'Quỹ đo hiệu năng', kind: 'relief', level: 'province', seal: { name: 'QUỸ ĐO HIỆU NĂNG' },
    policy: { managementCostsAllowed: true }, firstYear: 2019,
  }, BENCH));
  for (let year = 2020; year <= 2024; year++) must(openYear(store, { entity: FUND, year, actor: BENCH }));
  for (const [code, parent, nameVi] of Object.values(ACCOUNT_MAP)) {
    if (code !== parent) must(addSubAccount(store, { entity: FUND, code, parent, nameVi, actor: BENCH }));
  }
  const guarded = Object.values(ACCOUNT_MAP).map(([code]) => code).filter((code) => /^11[12]/.test(code));
  must(postEntries(store, {
    entity: FUND, actor: BENCH, kind: 'opening',
    entries: [{
      date: '2019-12-31', description: 'Số dư đầu kỳ',
      lines: [...guarded.map((account) => ({ account, debit: OPENING.toString() })), { account: '4211', credit: (OPENING * BigInt(guarded.length)).toString() }],
    }],
  }));
}

function postAll(store: Store, entries: EntryInput[]): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < entries.length; i += CHUNK) must(postEntries(store, { entity: FUND, actor: BENCH, entries: entries.slice(i, i + CHUNK) }));
  return ms(start);
}

interface BuiltFund {
  readonly store: Store;
  readonly journal: string;
  readonly transactions: number;
  readonly lines: number;
  readonly postMs: number;
  readonly rssAfterPosting: number;
}

/** The synthetic journal (generated if need be) posted into a fresh database at DB_PATH. */
async function buildFund(): Promise<BuiltFund> {
  const dataDir = join(OUT, 'data');
  mkdirSync(dataDir, { recursive: true });
  const files = generate(dataDir, TXNS);
  const entries = await readEntries(files.csv);
  const lines = entries.reduce((n, e) => n + e.lines.length, 0);
  for (const suffix of ['', '-wal', '-shm']) rmSync(DB_PATH + suffix, { force: true });
  const store = openStore(DB_PATH);
  setUpFund(store);
  const postMs = postAll(store, entries);
  return { store, journal: files.journal, transactions: entries.length, lines, postMs, rssAfterPosting: process.memoryUsage().rss };
}

/** The fund a previous run left at DB_PATH when it holds all TXNS entries; otherwise one built now. */
async function reuseOrBuildFund(): Promise<Store> {
  if (existsSync(DB_PATH)) {
    const store = openStore(DB_PATH);
    const fund = findEntityByCode(store.db, FUND);
    const count = fund && (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM entries WHERE entity_id = ? AND kind = 'regular'`).get(fund.id) as { n: number }).n;
    if (count === TXNS) return store;
    store.close();
  }
  console.log(`building the ${FUND} fund (${TXNS.toLocaleString('en')} entries) in ${DB_PATH}…`);
  return (await buildFund()).store;
}

async function benchCore(): Promise<void> {
  const { store, journal, transactions, lines, postMs, rssAfterPosting } = await buildFund();

  const tbTimes: number[] = [];
  let tb = must(getTrialBalance(store, { entity: FUND, from: '2020-01-01', to: '2024-12-31' }));
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    tb = must(getTrialBalance(store, { entity: FUND, from: '2020-01-01', to: '2024-12-31' }));
    tbTimes.push(ms(start));
  }

  let anchor: { seconds: number; peakRssMb: number | null; runs: number; mismatches: string[] } | null = null;
  if (ledgerAvailable()) {
    const runs = Array.from({ length: 3 }, () => runLedger(journal));
    const ours = new Map(tb.rows.map((r) => [r.code, r.closing.debit - r.closing.credit]));
    const mismatches = Object.entries(ACCOUNT_MAP).filter(([name, [code]]) => {
      const opening = /^11[12]/.test(code) ? OPENING : code === '4211' ? -OPENING * 6n : 0n;
      return (ours.get(code) ?? 0n) - opening !== (runs[0]?.balances.get(name) ?? 0n);
    }).map(([name]) => name);
    anchor = { seconds: median(runs.map((r) => r.seconds)), peakRssMb: runs[0]?.peakRssMb ?? null, runs: runs.length, mismatches };
  }

  const tbMedian = median(tbTimes);
  const results = {
    machine: MACHINE,
    data: { transactions, lines },
    bulkPosting: { seconds: postMs / 1000, linesPerSecond: Math.round(lines / (postMs / 1000)), rssMbAfter: Math.round(rssAfterPosting / 2 ** 20) },
    trialBalance: { medianMs: tbMedian, runs: RUNS, balanced: tb.balanced },
    ledgerCli: anchor && { ...anchor, ratio: Math.round((anchor.seconds * 1000) / tbMedian) },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  store.close();
  writeFileSync(join(OUT, 'core.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    `| work | result | target |`,
    `|---|---|---|`,
    `| bulk posting, ${lines.toLocaleString('en')} lines through the rules into SQLite | ${results.bulkPosting.seconds.toFixed(2)} s, ${results.bulkPosting.linesPerSecond.toLocaleString('en')} lines/s | ≥ 200,000 lines/s |`,
    `| trial balance over those lines (median of ${RUNS}) | ${tbMedian.toFixed(1)} ms | ≤ 100 ms |`,
    anchor ? `| ledger-cli balance on the same postings (median of ${anchor.runs}) | ${anchor.seconds.toFixed(2)} s, peak ${anchor.peakRssMb} MB; ratio ${results.ledgerCli?.ratio}×; balances differing: ${anchor.mismatches.length} | ≥ 30× |` : '| ledger-cli | not installed | |',
    `| peak RSS of the benchmark process | ${results.peakRssMb} MB | |`,
  ].join('\n');
  writeFileSync(join(OUT, 'core.md'), `${md}\n`);
  console.log(md);
}

async function benchHttp(): Promise<void> {
  const runs: (HttpPostingResult & { targets: { perSecond: { target: number; met: boolean }; p99Ms: { target: number; met: boolean } } })[] = [];
  const rows: string[] = [`| work | result | target | |`, `|---|---|---|---|`];
  for (const kind of ['entries', 'vouchers'] as const) {
    const http = await benchHttpPosting({ kind, seconds: HTTP_SECONDS, connections: HTTP_CONNECTIONS });
    const targets = { perSecond: { target: 2_000, met: http.entriesPerSecond >= 2_000 }, p99Ms: { target: 50, met: http.latencyMs.p99 <= 50 } };
    runs.push({ ...http, targets });
    const { check } = http;
    const what = kind === 'entries' ? 'single entries' : 'cash receipt vouchers, each made and posted in one call (`?post=true`)';
    rows.push(
      `| posting ${what} over HTTP, ${http.connections} connections for ${http.seconds} s, an Idempotency-Key on each, \`synchronous = FULL\` | ${http.entriesPerSecond.toLocaleString('en')}/s; the same server's \`/health\` ${http.healthPerSecond.toLocaleString('en')}/s (${Math.round((100 * http.entriesPerSecond) / http.healthPerSecond)} %) | ≥ 2,000/s | ${verdict(targets.perSecond.met)} |`,
      `| latency of those posts | p50 ${http.latencyMs.p50} ms, p90 ${http.latencyMs.p90} ms, p99 ${http.latencyMs.p99} ms, max ${http.latencyMs.max} ms | p99 ≤ 50 ms | ${verdict(targets.p99Ms.met)} |`,
      `| answers other than 2xx; connection errors; timeouts | ${http.non2xx}; ${http.errors}; ${http.timeouts} | 0 | ${http.non2xx + http.errors === 0 ? 'met' : '**missed**'} |`,
      `| afterwards: chain verified; entries added = 2xx answers + ${check.resent} unanswered requests resent (${check.resentReplayed} had been posted) | ${check.chainOk ? 'yes' : '**no**'}; ${check.countOk ? 'yes' : `**no** (${check.entriesBefore} → ${check.entriesAfter})`} | yes | ${check.chainOk && check.countOk ? 'met' : '**missed**'} |`,
      `| server during the run: CPU; peak RSS | ${http.serverCpuPercent ?? '?'} % of a core; ${http.serverPeakRssMb ?? '?'} MB | | |`,
    );
    if (!(http.check.chainOk && http.check.countOk && http.non2xx === 0 && http.errors === 0)) process.exitCode = 1;
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'http.json'), `${JSON.stringify({ machine: MACHINE, runs }, null, 2)}\n`);
  const md = rows.join('\n');
  writeFileSync(join(OUT, 'http.md'), `${md}\n`);
  console.log(md);
}

async function benchPdf(): Promise<void> {
  const runs = await benchVoucherPdf({ count: VOUCHERS, dir: join(OUT, 'pdf') });
  writeFileSync(join(OUT, 'pdf.json'), `${JSON.stringify({ machine: MACHINE, runs }, null, 2)}\n`);
  const md = [
    `| work | result | |`,
    `|---|---|---|`,
    ...runs.map((r) => `| ${r.vouchers.toLocaleString('en')} vouchers (${r.pages.toLocaleString('en')} pages, ${(r.bytes / 2 ** 20).toFixed(1)} MB) printed into one PDF, streamed to a file | ${r.seconds.toFixed(2)} s, ${r.vouchersPerSecond.toLocaleString('en')} vouchers/s | resident ${r.rssBeforeMb} MB before, peak ${r.peakRssMb} MB while printing |`),
  ].join('\n');
  writeFileSync(join(OUT, 'pdf.md'), `${md}\n`);
  console.log(md);
}

async function benchDisclosurePart(): Promise<void> {
  const r = await benchDisclosure({ receipts: RECEIPTS, dir: join(OUT, 'disclosure') });
  writeFileSync(join(OUT, 'disclosure.json'), `${JSON.stringify({ machine: MACHINE, ...r }, null, 2)}\n`);
  const md = [
    `| work | result | target | |`,
    `|---|---|---|---|`,
    `| a campaign of ${r.receipts.toLocaleString('en')} receipts (${r.lines.toLocaleString('en')} campaign lines) posted through the rules | ${r.postSeconds.toFixed(1)} s | | |`,
    `| its disclosure's value (median of 3), received ${r.total} đồng | ${Math.round(r.reportMs).toLocaleString('en')} ms | ≤ 2 s | ${verdict(r.reportMs <= 2_000)} |`,
    `| publishing it (canonical JSON, SHA-256, stored) | ${Math.round(r.publishMs).toLocaleString('en')} ms | ≤ 10 s | ${verdict(r.publishMs <= 10_000)} |`,
    `| verifying the publication against the ledger up to its head | ${Math.round(r.verifyMs).toLocaleString('en')} ms; ${r.verified ? 'holds' : '**differs**'} | | |`,
    `| the report as PDF, streamed to a file | ${Math.round(r.pdfMs).toLocaleString('en')} ms, ${(r.pdfBytes / 1024).toFixed(0)} KB | ≤ 10 s | ${verdict(r.pdfMs <= 10_000)} |`,
  ].join('\n');
  writeFileSync(join(OUT, 'disclosure.md'), `${md}\n`);
  console.log(md);
  if (!r.verified) process.exitCode = 1;
}

async function benchMisaPart(): Promise<void> {
  const r = await benchMisa({ vouchers: MISA_VOUCHERS, dir: join(OUT, 'misa') });
  writeFileSync(join(OUT, 'misa.json'), `${JSON.stringify({ machine: MACHINE, ...r }, null, 2)}\n`);
  const md = misaMarkdown(r);
  writeFileSync(join(OUT, 'misa.md'), `${md}\n`);
  console.log(md);
}

async function benchStatementsPart(): Promise<void> {
  const r = await benchStatements({ rows: STATEMENT_ROWS, dir: join(OUT, 'statements') });
  writeFileSync(join(OUT, 'statements.json'), `${JSON.stringify({ machine: MACHINE, ...r }, null, 2)}\n`);
  const md = statementsMarkdown(r);
  writeFileSync(join(OUT, 'statements.md'), `${md}\n`);
  console.log(md);
}

async function benchFeedsPart(): Promise<void> {
  const r = await benchFeeds({ deliveries: 1_000, clients: 16 });
  writeFileSync(join(OUT, 'feeds.json'), `${JSON.stringify({ machine: MACHINE, ...r }, null, 2)}\n`);
  const md = feedsMarkdown(r);
  writeFileSync(join(OUT, 'feeds.md'), `${md}\n`);
  console.log(md);
}

async function benchReportsPart(): Promise<void> {
  const store = await reuseOrBuildFund();
  try {
    const results = await benchReports(store, { fund: FUND, dir: join(OUT, 'reports'), runs: RUNS });
    writeFileSync(join(OUT, 'reports.json'), `${JSON.stringify({ machine: MACHINE, ...results }, null, 2)}\n`);
    const md = reportsMarkdown(results);
    writeFileSync(join(OUT, 'reports.md'), `${md}\n`);
    console.log(md);
  } finally {
    store.close();
  }
}

if (values.only === undefined || values.only === 'core') await benchCore();
if (values.only === undefined || values.only === 'http') await benchHttp();
if (values.only === undefined || values.only === 'pdf') await benchPdf();
if (values.only === undefined || values.only === 'reports') await benchReportsPart();
if (values.only === undefined || values.only === 'disclosure') await benchDisclosurePart();
if (values.only === undefined || values.only === 'misa') await benchMisaPart();
if (values.only === undefined || values.only === 'statements') await benchStatementsPart();
if (values.only === undefined || values.only === 'feeds') await benchFeedsPart();
console.log(`\nmachine: ${MACHINE.cpus} × ${MACHINE.cpu}, ${MACHINE.memoryGb} GB, Node ${MACHINE.node}`);
