/** The command line's options, and the helpers every command uses to read them and report. */
import { parseArgs } from 'node:util';
import type { Result } from '../ledger/rejections.js';

export const OPTIONS = {
  db: { type: 'string' }, entity: { type: 'string' }, file: { type: 'string' }, kind: { type: 'string' },
  entry: { type: 'string' }, date: { type: 'string' }, reason: { type: 'string' }, from: { type: 'string' },
  to: { type: 'string' }, json: { type: 'boolean' }, account: { type: 'string' }, 'as-of': { type: 'string' },
  month: { type: 'string' }, year: { type: 'string' }, code: { type: 'string' }, parent: { type: 'string' },
  name: { type: 'string' }, 'full-name': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, actor: { type: 'string' },
  user: { type: 'string' }, role: { type: 'string' }, inherit: { type: 'boolean' }, label: { type: 'string' }, id: { type: 'string' },
  type: { type: 'string' }, status: { type: 'string' }, out: { type: 'string' }, copies: { type: 'string' }, amount: { type: 'string' },
  'in-transit': { type: 'boolean' }, post: { type: 'boolean' }, period: { type: 'string' }, report: { type: 'string' },
  book: { type: 'string' }, consolidated: { type: 'boolean' }, currency: { type: 'string' }, 'bank-account': { type: 'string' },
  counterparty: { type: 'string' }, campaign: { type: 'string' }, designation: { type: 'string' },
  decision: { type: 'string' }, 'ends-on': { type: 'string' }, supersedes: { type: 'string' },
  posting: { type: 'boolean' }, place: { type: 'string' }, 'posted-on': { type: 'string' },
  template: { type: 'string' }, product: { type: 'string' }, check: { type: 'boolean' }, 'clean-only': { type: 'boolean' },
  'skip-sent': { type: 'boolean' }, 'opening-date': { type: 'string' }, layout: { type: 'string' }, mapping: { type: 'string' }, 'expect-credit-count': { type: 'string' },
  'expect-credits': { type: 'string' }, 'expect-debit-count': { type: 'string' }, 'expect-debits': { type: 'string' }, batch: { type: 'string' }, per: { type: 'string' }, 'campaign-pattern': { type: 'string' }, hold: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export class UsageError extends Error {}

export function need(options: Options, name: keyof Options): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function monthOption(options: Options): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(need(options, 'month'));
  if (!match) throw new UsageError('--month must be YYYY-MM');
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** A positive whole number option, such as an id. */
export function idOption(options: Options, name: keyof Options = 'id'): number {
  const value = Number(need(options, name));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive whole number`);
  return value;
}

/** Prints a refusal and returns the exit code. */
export function report<T>(result: Result<T>, onSuccess: (value: T) => void): number {
  if (!result.ok) {
    console.error(`refused: ${result.code}${result.path ? ` at ${result.path}` : ''}: ${result.message}${result.detail ? ` (${result.detail})` : ''}`);
    return 2;
  }
  onSuccess(result.value);
  return 0;
}
