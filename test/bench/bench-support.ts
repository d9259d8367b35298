/** What the benchmark parts share: a result that must be accepted, and a command line run as its own measured process. */
import { spawnSync } from 'node:child_process';

export function must<T>(result: { ok: true; value: T } | { ok: false; code: string; path?: string; detail?: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
  return result.value;
}

/** Runs the built command line as its own process under /usr/bin/time (with Node's flags, if any); its wall seconds, peak resident megabytes and output. */
export function timedCli(args: readonly string[], nodeFlags: readonly string[] = []): { seconds: number; peakMb: number; stdout: string } {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, ...nodeFlags, 'dist/cli/main.js', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
  const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(run.stderr) ?? [];
  return { seconds: Number(seconds), peakMb: Math.round(Number(kb) / 1024), stdout: run.stdout.trim() };
}
