/**
 * Posting single entries, or vouchers made and posted in one call, over HTTP: the path a
 * bookkeeping client takes, end to end. A real server (the `serve` command, as deployed) runs
 * in a child process on a fresh demo database; autocannon posts one two-line entry or one
 * cash receipt per request from many concurrent connections, each under its own
 * Idempotency-Key, as a careful client would; then `/health` is loaded the same way, as the
 * ceiling of the server's HTTP layer. This measures what the bulk
 * benchmark does not: authentication, validation, the idempotency record, one transaction
 * per entry, the answer and the request log.
 *
 * Afterwards the fund's chain is verified and its entry count checked against the answers.
 * Requests still in flight when autocannon stops (or lost to a connection error) have no
 * answer, yet the server may have posted them; they are sent again under the same key,
 * which either replays the stored answer or posts them now, so that every request sent is
 * then posted exactly once and the count can be checked exactly.
 */
import autocannon, { type Result as CannonResult } from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What each request posts: a two-line entry, or a cash receipt voucher made and posted in one call. */
export type PostingKind = 'entries' | 'vouchers';

export interface HttpPostingOptions {
  readonly kind: PostingKind;
  /** Length of the measured run. */
  readonly seconds: number;
  readonly connections: number;
  /** Length of the unmeasured run before it, which warms the JIT and SQLite's cache. */
  readonly warmUpSeconds?: number;
}

export interface HttpPostingResult {
  readonly kind: PostingKind;
  readonly connections: number;
  readonly seconds: number;
  /** 2xx answers per second of the measured run: each is one posted entry. */
  readonly entriesPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly answers2xx: number;
  readonly non2xx: number;
  readonly statusCodes: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
  /** Share of one core the server used during the measured run (100 = one full core). */
  readonly serverCpuPercent: number | null;
  /** Peak resident memory of the server process. */
  readonly serverPeakRssMb: number | null;
  /** GET /health answered per second by the same server right after: the ceiling of its HTTP layer. */
  readonly healthPerSecond: number;
  readonly check: {
    /** The fund's hash chain and day totals verify. */
    readonly chainOk: boolean;
    readonly entriesBefore: number;
    readonly entriesAfter: number;
    /** Requests without an answer, sent again under their key after the run. */
    readonly resent: number;
    /** Of those, how many the server had already posted (answered as a replay). */
    readonly resentReplayed: number;
    /** Entries added equal the 2xx answers of both runs plus the resent requests. */
    readonly countOk: boolean;
  };
}

const FUND = 'HTH-VNN';

const POSTS: Readonly<Record<PostingKind, { readonly path: string; readonly body: (n: number, date: string, amount: string) => unknown }>> = {
  entries: {
    path: `/api/entities/${FUND}/entries`,
    body: (_n, date, amount) => ({ date, description: 'Thu ủng hộ', lines: [{ account: '1111', debit: amount }, { account: '5111', credit: amount }] }),
  },
  vouchers: {
    path: `/api/entities/${FUND}/vouchers?post=true`,
    body: (n, date, amount) => ({ type: 'cash-receipt', date, reason: 'Thu ủng hộ', amount, counterparty: { name: `Nhà hảo tâm ${n % 500}` } }),
  },
};
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
const LISTENING = /Server listening at (http:\/\/[\w.:[\]-]+)/;

export async function benchHttpPosting(options: HttpPostingOptions): Promise<HttpPostingResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fund-ledger-http-'));
  const db = join(dir, 'ledger.sqlite');
  let server: ChildProcess | undefined;
  try {
    cli('seed-demo', '--db', db);
    const token = cli('issue-token', '--db', db, '--user', 'admin').trim();
    const started = await startServer(db, join(dir, 'server.log'));
    server = started.process;
    const api = new Api(started.url, token);

    const before = await api.verify();
    const requests = new EntryRequests(options.kind);
    const load = { url: started.url, token, requests, connections: options.connections, path: POSTS[options.kind].path };
    const warmUp = await cannon({ ...load, seconds: options.warmUpSeconds ?? 2 });
    const cpuBefore = cpuSeconds(server.pid);
    const measured = await cannon({ ...load, seconds: options.seconds });
    const cpuAfter = cpuSeconds(server.pid);

    const health = await autocannon({ url: `${started.url}/health`, connections: options.connections, pipelining: 1, duration: Math.min(options.seconds, 5) });
    const unanswered = requests.unanswered();
    let resentReplayed = 0;
    for (const request of unanswered) {
      if (await api.resend(request, POSTS[options.kind].path)) resentReplayed++;
    }
    const after = await api.verify();
    const peakRss = peakRssMb(server.pid);

    const expectedAdded = warmUp['2xx'] + measured['2xx'] + unanswered.length;
    return {
      kind: options.kind,
      healthPerSecond: Math.round(health['2xx'] / health.duration),
      connections: options.connections,
      seconds: measured.duration,
      entriesPerSecond: Math.round(measured['2xx'] / measured.duration),
      latencyMs: { p50: measured.latency.p50, p90: measured.latency.p90, p99: measured.latency.p99, max: measured.latency.max },
      answers2xx: measured['2xx'],
      non2xx: measured.non2xx,
      statusCodes: Object.fromEntries(Object.entries(measured.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0])),
      errors: measured.errors,
      timeouts: measured.timeouts,
      serverCpuPercent: cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) / measured.duration) * 100),
      serverPeakRssMb: peakRss,
      check: {
        chainOk: after.ok,
        entriesBefore: before.entries,
        entriesAfter: after.entries,
        resent: unanswered.length,
        resentReplayed,
        countOk: after.entries - before.entries === expectedAdded,
      },
    };
  } finally {
    if (server) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI to completion and returns what it printed. */
function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`fund-ledger ${args[0]} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/**
 * Starts `serve` on a port the system picks. Its log goes to a file rather than a pipe, so
 * the load generator sharing this machine does not spend time reading it.
 */
export async function startServer(db: string, logPath: string): Promise<{ process: ChildProcess; url: string }> {
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [...CLI, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', log, log] });
  closeSync(log);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const url = LISTENING.exec(readFileSync(logPath, 'utf8'))?.[1];
    if (url) return { process: child, url };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${readFileSync(logPath, 'utf8')}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}

interface EntryRequest {
  readonly key: string;
  readonly body: string;
}

/**
 * The requests to send: one small receipt each, dated across the open year, under a key of
 * its own. Remembers every request until it is answered.
 */
class EntryRequests {
  private next = 0;
  private readonly pending = new Map<string, EntryRequest>();

  constructor(private readonly kind: PostingKind) {}

  create(): EntryRequest {
    const n = this.next++;
    const date = `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    const amount = String(50_000 + (n % 100) * 1_000);
    const body = JSON.stringify(POSTS[this.kind].body(n, date, amount));
    const request = { key: `bench-${process.pid}-${n}`, body };
    this.pending.set(request.key, request);
    return request;
  }

  answered(key: string): void {
    this.pending.delete(key);
  }

  unanswered(): EntryRequest[] {
    return [...this.pending.values()];
  }
}

/**
 * One autocannon run. With one request in flight per connection, the context autocannon
 * hands to setupRequest is the one it hands back with that request's answer, which ties
 * each answer to its key.
 */
function cannon(load: { url: string; token: string; requests: EntryRequests; connections: number; seconds: number; path: string }): Promise<CannonResult> {
  const { requests } = load;
  return autocannon({
    url: load.url,
    connections: load.connections,
    pipelining: 1,
    duration: load.seconds,
    requests: [{
      method: 'POST',
      path: load.path,
      setupRequest: (request, context) => {
        const entry = requests.create();
        (context as { key?: string }).key = entry.key;
        return {
          ...request,
          headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json', 'idempotency-key': entry.key },
          body: entry.body,
        };
      },
      onResponse: (_status, _body, context) => {
        const { key } = context as { key?: string };
        if (key !== undefined) requests.answered(key);
      },
    }],
  });
}

class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async verify(): Promise<{ ok: boolean; entries: number }> {
    const response = await fetch(`${this.url}/api/entities/${FUND}/verify`, { headers: { authorization: `Bearer ${this.token}` } });
    const report = (await response.json()) as { ok: boolean; chain: { entries: number } };
    return { ok: response.ok && report.ok, entries: report.chain.entries };
  }

  /** Sends a request again under its key; true when the server had already posted it. */
  async resend(request: EntryRequest, path: string): Promise<boolean> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'idempotency-key': request.key },
      body: request.body,
    });
    if (response.status !== 201) throw new Error(`resending ${request.key} got ${response.status}: ${await response.text()}`);
    return response.headers.get('idempotency-replayed') === 'true';
  }
}

/** User plus system CPU time of a process so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The process's peak resident set (VmHWM) from /proc (Linux); null elsewhere. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}
