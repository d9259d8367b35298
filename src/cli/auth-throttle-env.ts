/**
 * The failed sign-in limits `serve` reads from its environment: FUND_LEDGER_AUTH_FAILURES
 * (failed tokens allowed per client address and window) and FUND_LEDGER_AUTH_WINDOW_SECONDS.
 * An unset variable keeps the server's default; a value that is not a positive whole number
 * stops the server from starting rather than leaving it unguarded.
 */
import type { AuthThrottleOptions } from '../api/auth-throttle.js';
import { UsageError } from './options.js';

export function authThrottleFromEnv(env: NodeJS.ProcessEnv): Partial<AuthThrottleOptions> {
  const failures = positive(env, 'FUND_LEDGER_AUTH_FAILURES');
  const windowSeconds = positive(env, 'FUND_LEDGER_AUTH_WINDOW_SECONDS');
  return { ...(failures !== undefined && { failures }), ...(windowSeconds !== undefined && { windowSeconds }) };
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new UsageError(`${name} must be a positive whole number, not ${text}`);
  return value;
}
