/**
 * Books and statements at campaign scale, on run.ts's benchmark fund (1,000,000 lines by
 * default), over the whole range of its journal (its first to its last regular entry):
 *
 *  1. every book read to its last line (the lines counted, and checked against the book's
 *     count), both statements and the trial balance, each the median of several runs,
 *     against 1 s;
 *  2. the general journal written to a file as XLSX (against 30 s and 512 MB resident),
 *     CSV and PDF: the time, the resident size before, and its peak during the export,
 *     both sampled every 50 ms and read as the kernel's high-water mark (VmHWM, reset
 *     through /proc/self/clear_refs just before);
 *  3. the journal exported for ledger/hledger, `balance --flat --no-total` of each tool on
 *     it timed (wall time, peak RSS through /usr/bin/time) beside our trial balance, and
 *     every leaf account's balance from each tool compared with ours to the đồng.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBook, type BookRequest } from '../../src/app/reports/get-book.js';
import { getStatement } from '../../src/app/reports/get-statement.js';
import { bookOutput, type BookFormat, type Output } from '../../src/app/reports/report-output.js';
import { getTrialBalance } from '../../src/app/trial-balance.js';
import { findEntityByCode, listBankAccounts, type EntityRow } from '../../src/db/entities-repo.js';
import type { Store } from '../../src/db/store.js';
import { STATEMENT_IDS, type StatementId } from '../../src/reports/statement-form.js';
import type { TrialBalance } from '../../src/reports/trial-balance.js';
import { must } from './bench-support.js';

const BOOK_RUNS = 5;
const TARGET_MS = 1_000;
const XLSX_TARGET = { seconds: 30, rssMb: 512 };
/** An export still running after this long has its file stream destroyed and is reported as stopped. */
const EXPORT_LIMIT_S = 300;
const SAMPLE_MS = 50;
/** The general ledger timed: the deposits account, whose four sub-accounts carry the most lines. */
const LEDGER_ACCOUNT = '1121';
const MB = 2 ** 20;

export interface ReportsOptions {
  readonly fund: string;
  /** Where the exported files go. */
  readonly dir: string;
  /** Runs of our trial balance beside the tools. */
  readonly runs: number;
}

interface Range {
  readonly from: string;
  readonly to: string;
}

export interface Timing {
  readonly name: string;
  readonly lines: number;
  readonly medianMs: number;
  readonly runs: number;
  readonly pass: boolean;
  readonly note?: string;
}

export interface Skipped {
  readonly name: string;
  readonly note: string;
}

export interface ExportRun {
  readonly what: string;
  readonly file: string;
  readonly completed: boolean;
  readonly error?: string;
  readonly seconds: number;
  readonly bytes: number;
  readonly rssBeforeMb: number;
  readonly peakSampledMb: number;
  /** The kernel's high-water mark over the export; null where it could not be reset. */
  readonly peakHwmMb: number | null;
}

export interface ToolRun {
  readonly tool: string;
  readonly seconds: number;
  readonly peakRssMb: number | null;
  /** Tool time over our trial balance's median. */
  readonly ratio: number;
  readonly accounts: number;
  /** "code: ours vs theirs" for each leaf whose balance differs. */
  readonly mismatches: readonly string[];
  readonly error?: string;
}

export interface ReportsResults {
  readonly fund: string;
  readonly range: Range;
  readonly lines: number;
  readonly timings: readonly Timing[];
  readonly skipped: readonly Skipped[];
  readonly exports: readonly ExportRun[];
  readonly trialBalance: { readonly medianMs: number; readonly runs: number; readonly balanced: boolean };
  readonly tools: readonly ToolRun[];
  readonly toolsMissing: readonly string[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number): number => Math.round(bytes / MB);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads an iterable to its end, so that a lazy book does all its work. */
function count(items: Iterable<unknown>): number {
  const iterator = items[Symbol.iterator]();
  let n = 0;
  while (!iterator.next().done) n++;
  return n;
}

function timed(name: string, runs: number, work: () => number, note?: string): Timing {
  const times: number[] = [];
  let lines = 0;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    lines = work();
    times.push(elapsedMs(start));
  }
  const medianMs = median(times);
  return { name, lines, medianMs, runs, pass: medianMs <= TARGET_MS, ...(note !== undefined && { note }) };
}

// ---- the fund's data -------------------------------------------------------------------

function journalRange(store: Store, entityId: number): Range {
  const row = store.sqlite.prepare(`SELECT MIN(date) AS first, MAX(date) AS last FROM entries WHERE entity_id = ? AND kind = 'regular'`).get(entityId) as
    | { first: string | null; last: string | null }
    | undefined;
  if (!row?.first || !row.last) throw new Error('the benchmark fund has no entries');
  return { from: row.first, to: row.last };
}

function linesWithin(store: Store, entityId: number, range: Range): number {
  const row = store.sqlite.prepare(`SELECT COUNT(*) AS n FROM entry_lines WHERE entity_id = ? AND date BETWEEN ? AND ?`).get(entityId, range.from, range.to) as { n: number };
  return Number(row.n);
}

/** The value of a dimension column found on the most lines, or null when no line has one. */
function busiest(store: Store, entityId: number, column: 'counterparty_id' | 'campaign_id' | 'designation'): string | number | null {
  const row = store.sqlite
    .prepare(`SELECT ${column} AS value FROM entry_lines WHERE entity_id = ? AND ${column} IS NOT NULL GROUP BY ${column} ORDER BY COUNT(*) DESC LIMIT 1`)
    .get(entityId) as { value: string | number } | undefined;
  return row?.value ?? null;
}

function campaignCode(store: Store, id: number): string | undefined {
  return (store.sqlite.prepare('SELECT code FROM campaigns WHERE id = ?').get(id) as { code: string } | undefined)?.code;
}

// ---- 1. books and statements to their value ----------------------------------------------

type BookSubject = Omit<BookRequest, 'entity' | 'from' | 'to'>;
type Planned = { readonly name: string; readonly request: BookSubject } | Skipped;

const NONE = 'the synthetic journal has none';

function dimensionBooks(store: Store, entityId: number): Planned[] {
  const counterparty = busiest(store, entityId, 'counterparty_id');
  const campaign = busiest(store, entityId, 'campaign_id');
  const code = campaign === null ? undefined : campaignCode(store, Number(campaign));
  const designation = busiest(store, entityId, 'designation');
  return [
    counterparty === null ? { name: 'counterparty ledger', note: `skipped: no line has a counterparty (${NONE})` } : { name: `counterparty ledger (#${counterparty})`, request: { book: 'counterparty', counterparty: Number(counterparty) } },
    code === undefined ? { name: 'campaign ledger', note: `skipped: no line has a campaign (${NONE})` } : { name: `campaign ledger (${code})`, request: { book: 'campaign', campaign: code } },
    designation === null ? { name: 'designation ledger', note: `skipped: no line has a designation (${NONE})` } : { name: `designation ledger (${designation})`, request: { book: 'designation', designation: String(designation) } },
  ];
}

function plannedBooks(store: Store, entityId: number): Planned[] {
  const bank = listBankAccounts(store.db, entityId)[0];
  return [
    { name: 'cash book (VND)', request: { book: 'cash', currency: 'VND' } },
    bank
      ? { name: `bank book (${bank.number})`, request: { book: 'bank', bankAccount: bank.number } }
      : { name: 'bank book', note: `skipped: the fund has no bank account on record (its deposits are on the sub-accounts of 1121: see the general ledger of ${LEDGER_ACCOUNT})` },
    { name: 'general journal', request: { book: 'journal' } },
    { name: `general ledger of ${LEDGER_ACCOUNT}`, request: { book: 'ledger', account: LEDGER_ACCOUNT } },
    ...dimensionBooks(store, entityId),
    { name: 'goods book (003)', request: { book: 'goods' } },
    { name: 'foreign-currency book (007)', request: { book: 'currency' } },
  ];
}

function readBook(store: Store, request: BookRequest): number {
  const book = must(getBook(store, request));
  const lines = count(book.value.lines);
  if (lines !== book.value.count) throw new Error(`${request.book}: ${lines} lines read, ${book.value.count} counted`);
  return lines;
}

function bookTimings(store: Store, fund: string, entityId: number, range: Range): { timings: Timing[]; skipped: Skipped[] } {
  const timings: Timing[] = [];
  const skipped: Skipped[] = [];
  for (const planned of plannedBooks(store, entityId)) {
    if ('note' in planned) {
      skipped.push(planned);
      continue;
    }
    const timing = timed(planned.name, BOOK_RUNS, () => readBook(store, { entity: fund, ...range, ...planned.request }));
    timings.push(timing.lines === 0 ? { ...timing, note: `nothing to read: ${NONE}` } : timing);
    console.log(`  ${planned.name}: ${timing.lines.toLocaleString('en')} lines, ${timing.medianMs.toFixed(1)} ms`);
  }
  return { timings, skipped };
}

function statementTimings(store: Store, fund: string, range: Range, lines: number): Timing[] {
  const note = 'sums over every line of the range';
  const statementOf = (statement: StatementId) => (): number => {
    must(getStatement(store, { entity: fund, statement, ...range }));
    return lines;
  };
  const trialBalance = (): number => {
    must(getTrialBalance(store, { entity: fund, ...range }));
    return lines;
  };
  return [...STATEMENT_IDS.map((id) => timed(`statement: ${id}`, BOOK_RUNS, statementOf(id), note)), timed('trial balance', BOOK_RUNS, trialBalance, note)];
}

// ---- 2. exports streamed to files ----------------------------------------------------------

/** Resets the kernel's peak-RSS mark of this process; false where /proc does not allow it. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function vmHwmMb(): number | null {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** Writes the output to the file, destroying the stream (which stops the writer) after `seconds`. */
async function writeWithin(output: Output, file: string, seconds: number): Promise<void> {
  const out = createWriteStream(file);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      out.destroy(new Error(`stopped after ${seconds} s`));
      // A writer that does not notice its stream is gone is given up on a little later.
      setTimeout(() => reject(new Error(`stopped after ${seconds} s`)), 10_000).unref();
    }, seconds * 1000);
  });
  try {
    await Promise.race([output.write(out), limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function timeExport(store: Store, entity: EntityRow, range: Range, format: BookFormat, dir: string): Promise<ExportRun> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const hwm = resetPeakRss();
  const sampler = sampleRss();
  const start = process.hrtime.bigint();
  let file = '';
  let error: string | undefined;
  try {
    const output = must(bookOutput(store, entity, { entity: entity.code, book: 'journal', ...range, format }));
    file = join(dir, output.name);
    await writeWithin(output, file, EXPORT_LIMIT_S);
  } catch (caught) {
    error = messageOf(caught);
  }
  const seconds = elapsedMs(start) / 1000;
  const peakSampled = sampler.stop();
  const run: ExportRun = {
    what: `general journal as ${format}`,
    file,
    completed: error === undefined,
    ...(error !== undefined && { error }),
    seconds,
    bytes: file ? statSync(file, { throwIfNoEntry: false })?.size ?? 0 : 0,
    rssBeforeMb: mb(rssBefore),
    peakSampledMb: mb(peakSampled),
    peakHwmMb: hwm ? vmHwmMb() : null,
  };
  console.log(`  ${run.what}: ${run.completed ? `${seconds.toFixed(2)} s` : `failed (${error})`}, ${mb(run.bytes)} MB, RSS ${run.rssBeforeMb} → peak ${run.peakHwmMb ?? run.peakSampledMb} MB`);
  return run;
}

// ---- 3. ledger and hledger beside our trial balance ------------------------------------------

const TOOLS = ['ledger', 'hledger'] as const;

const toolAvailable = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;

/** An amount as the tools print it ("-1,234,567 VND", "VND 1.234.567,00"), in đồng; VND has no minor unit. */
function parseAmount(text: string): bigint | null {
  const number = text.replace(/[^\d.,-]/g, '');
  const fraction = /[.,](\d{1,2})$/.exec(number);
  if (fraction && /[1-9]/.test(fraction[1] ?? '')) return null;
  const whole = fraction ? number.slice(0, fraction.index) : number;
  const digits = whole.replace(/[.,]/g, '');
  return /^-?\d+$/.test(digits) ? BigInt(digits) : null;
}

/** The account code in a tool's account name: the last segment that begins with one of the chart's codes. */
function codeIn(account: string, codes: ReadonlySet<string>): string | null {
  for (const segment of account.split(':').reverse()) {
    const code = /^\s*(\d+)/.exec(segment)?.[1];
    if (code !== undefined && codes.has(code)) return code;
  }
  return null;
}

/** `balance --flat` output: each line an amount, two spaces or more, and the account. */
function parseBalances(stdout: string, codes: ReadonlySet<string>): { balances: Map<string, bigint>; unread: string[] } {
  const balances = new Map<string, bigint>();
  const unread: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '' || /^-+$/.test(line.trim())) continue;
    const match = /^\s*(\S.*?)\s{2,}(\S.*)$/.exec(line);
    const amount = match ? parseAmount(match[1] ?? '') : null;
    const code = match ? codeIn(match[2] ?? '', codes) : null;
    if (amount === null || code === null) unread.push(line);
    else balances.set(code, (balances.get(code) ?? 0n) + amount);
  }
  return { balances, unread };
}

function runTool(tool: string, file: string): { seconds: number; peakRssMb: number | null; stdout: string; error?: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', tool, '-f', file, 'balance', '--flat', '--no-total'], { encoding: 'utf8', maxBuffer: 64 * MB });
  const seconds = elapsedMs(start) / 1000;
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  const peakRssMb = Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null;
  return { seconds, peakRssMb, stdout: run.stdout, ...(run.status !== 0 && { error: run.stderr.trim().split('\n').slice(-5).join(' / ') }) };
}

/** Every leaf account's closing balance, debit positive. */
function leafBalances(tb: TrialBalance): Map<string, bigint> {
  return new Map(tb.rows.filter((r) => r.leaf).map((r) => [r.code, r.closing.debit - r.closing.credit]));
}

function compare(ours: ReadonlyMap<string, bigint>, theirs: ReadonlyMap<string, bigint>): string[] {
  const codes = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  return codes.filter((c) => (ours.get(c) ?? 0n) !== (theirs.get(c) ?? 0n)).map((c) => `${c}: ours ${ours.get(c) ?? 0n}, theirs ${theirs.get(c) ?? 0n}`);
}

function toolRun(tool: string, file: string, tb: TrialBalance, ourMs: number): ToolRun {
  const run = runTool(tool, file);
  const ours = leafBalances(tb);
  const { balances, unread } = parseBalances(run.stdout, new Set(tb.rows.map((r) => r.code)));
  // A parent the tool prints (its sub-accounts rolled in) is not compared; the leaves are.
  const parents = new Set(tb.rows.filter((r) => !r.leaf).map((r) => r.code));
  const leaves = new Map([...balances].filter(([code]) => !parents.has(code)));
  const mismatches = [...compare(ours, leaves), ...unread.map((line) => `unread line: ${line.trim()}`)];
  const result: ToolRun = {
    tool,
    seconds: run.seconds,
    peakRssMb: run.peakRssMb,
    ratio: Math.round((run.seconds * 1000) / ourMs),
    accounts: leaves.size,
    mismatches,
    ...(run.error !== undefined && { error: run.error }),
  };
  console.log(`  ${tool}: ${run.seconds.toFixed(2)} s, peak ${run.peakRssMb} MB, ${leaves.size} leaf accounts, ${mismatches.length} differing${run.error ? `, failed: ${run.error}` : ''}`);
  return result;
}

function trialBalanceRuns(store: Store, fund: string, range: Range, runs: number): { tb: TrialBalance; medianMs: number } {
  let tb = must(getTrialBalance(store, { entity: fund, ...range }));
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    tb = must(getTrialBalance(store, { entity: fund, ...range }));
    times.push(elapsedMs(start));
  }
  return { tb, medianMs: median(times) };
}

// ---- the whole part -------------------------------------------------------------------------

async function exportsOf(store: Store, entity: EntityRow, range: Range, dir: string): Promise<ExportRun[]> {
  const runs: ExportRun[] = [];
  for (const format of ['xlsx', 'csv', 'pdf', 'ledger'] as const) runs.push(await timeExport(store, entity, range, format, dir));
  return runs;
}

export async function benchReports(store: Store, options: ReportsOptions): Promise<ReportsResults> {
  const entity = findEntityByCode(store.db, options.fund);
  if (!entity) throw new Error(`no fund ${options.fund}`);
  mkdirSync(options.dir, { recursive: true });
  const range = journalRange(store, entity.id);
  const lines = linesWithin(store, entity.id, range);
  console.log(`reports on ${options.fund}, ${range.from} to ${range.to}, ${lines.toLocaleString('en')} lines`);
  const books = bookTimings(store, options.fund, entity.id, range);
  const timings = [...books.timings, ...statementTimings(store, options.fund, range, lines)];
  const exports = await exportsOf(store, entity, range, options.dir);
  const journal = exports.find((e) => e.what.endsWith('ledger'));
  const { tb, medianMs } = trialBalanceRuns(store, options.fund, range, options.runs);
  const available = TOOLS.filter(toolAvailable);
  const tools = journal?.completed ? available.map((tool) => toolRun(tool, journal.file, tb, medianMs)) : [];
  return {
    fund: options.fund,
    range,
    lines,
    timings,
    skipped: books.skipped,
    exports,
    trialBalance: { medianMs, runs: options.runs, balanced: tb.balanced },
    tools,
    toolsMissing: TOOLS.filter((t) => !available.includes(t)),
  };
}

// ---- the report ----------------------------------------------------------------------------

const verdict = (met: boolean): string => (met ? 'pass' : '**fail**');

function timingRows(results: ReportsResults): string[] {
  return [
    `| book or statement, ${results.range.from} to ${results.range.to} | lines | median ms | target | |`,
    `|---|---|---|---|---|`,
    ...results.timings.map((t) => `| ${t.name}${t.note ? ` (${t.note})` : ''} | ${t.lines.toLocaleString('en')} | ${t.medianMs.toFixed(1)} (of ${t.runs}) | ≤ ${TARGET_MS} ms | ${verdict(t.pass)} |`),
    ...results.skipped.map((s) => `| ${s.name} | — | ${s.note} | | |`),
  ];
}

function exportVerdict(run: ExportRun): string {
  if (!run.completed) return '**did not complete**';
  if (run.what.endsWith('xlsx')) return verdict(run.seconds <= XLSX_TARGET.seconds && Math.max(run.peakSampledMb, run.peakHwmMb ?? 0) <= XLSX_TARGET.rssMb);
  return '';
}

function exportRows(results: ReportsResults): string[] {
  return [
    `| export, ${results.lines.toLocaleString('en')} lines streamed to a file | time | size | RSS before | peak RSS (sampled every ${SAMPLE_MS} ms; VmHWM) | target | |`,
    `|---|---|---|---|---|---|---|`,
    ...results.exports.map((e) => {
      const target = e.what.endsWith('xlsx') ? `≤ ${XLSX_TARGET.seconds} s, ≤ ${XLSX_TARGET.rssMb} MB` : '';
      const time = e.completed ? `${e.seconds.toFixed(2)} s` : `${e.seconds.toFixed(2)} s, ${e.error}`;
      return `| ${e.what} | ${time} | ${(e.bytes / MB).toFixed(1)} MB | ${e.rssBeforeMb} MB | ${e.peakSampledMb} MB; ${e.peakHwmMb ?? '?'} MB | ${target} | ${exportVerdict(e)} |`;
    }),
  ];
}

function toolRows(results: ReportsResults): string[] {
  const ours = results.trialBalance;
  return [
    `| balances of every account from the exported journal | wall time | peak RSS | ratio to ours | leaf balances differing |`,
    `|---|---|---|---|---|`,
    `| our trial balance (median of ${ours.runs}) | ${ours.medianMs.toFixed(1)} ms | | 1× | balanced: ${ours.balanced ? 'yes' : '**no**'} |`,
    ...results.tools.map((t) => `| \`${t.tool} balance --flat --no-total\` | ${t.seconds.toFixed(2)} s${t.error ? ` (failed: ${t.error})` : ''} | ${t.peakRssMb ?? '?'} MB | ${t.ratio.toLocaleString('en')}× | ${t.mismatches.length} of ${t.accounts}${t.mismatches.length ? `: ${t.mismatches.slice(0, 5).join('; ')}` : ''} |`),
    ...results.toolsMissing.map((tool) => `| ${tool} | not installed | | | |`),
  ];
}

export function reportsMarkdown(results: ReportsResults): string {
  return [...timingRows(results), '', ...exportRows(results), '', ...toolRows(results)].join('\n');
}
