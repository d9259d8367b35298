/** ledger-cli as the anchor: the balance of every account from the same journal, timed. */
import { spawnSync } from 'node:child_process';

export interface AnchorRun {
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly balances: Map<string, bigint>;
}

export function ledgerAvailable(): boolean {
  return spawnSync('ledger', ['--version']).status === 0;
}

/** Runs `ledger -f journal balance --flat` under /usr/bin/time and reads every account's balance. */
export function runLedger(journal: string): AnchorRun {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', 'ledger', '-f', journal, 'balance', '--flat', '--no-total'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`ledger failed: ${run.stderr}`);
  const balances = new Map<string, bigint>();
  for (const line of run.stdout.split('\n')) {
    const match = /^\s*(-?[\d,]+) VND\s+(\S+)$/.exec(line);
    if (match) balances.set(match[2] ?? '', BigInt((match[1] ?? '0').replace(/,/g, '')));
  }
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  return { seconds, peakRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null, balances };
}
