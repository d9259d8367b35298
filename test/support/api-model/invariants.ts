/**
 * What must hold after every step, read back through the API: each fund's trial balance
 * balances (to the far horizon and to the day the step posted on), cash, bank, money in
 * transit and goods are not below zero and are what the model expects, its chain
 * verifies, voucher numbers run without gaps per type and fiscal year, and its years,
 * months, last entry and vouchers are what the model expects. So are the transfers.
 */
import { expect } from 'vitest';
import { balanceAt, GUARDED_ACCOUNTS, type FundState, type Guarded, type Model } from './model.js';
import { FIRST_YEAR, FUND_CODES, type FundCode, type World } from './world.js';

/** A day after anything the test posts. */
const HORIZON = '2030-12-31';

async function read<T>(world: World, url: string): Promise<T> {
  const response = await world.send({ method: 'GET', url });
  expect(response.statusCode, `GET ${url}: ${response.body.slice(0, 400)}`).toBe(200);
  return response.json() as T;
}

export async function checkInvariants(model: Model, world: World, dates: readonly string[]): Promise<void> {
  for (const code of FUND_CODES) {
    const fund = model.funds[code];
    for (const date of new Set([HORIZON, ...dates])) await trialBalanceAgrees(world, fund, date);
    const verified = await read<{ ok: boolean }>(world, `/api/entities/${code}/verify`);
    expect(verified, `${code} verify`).toMatchObject({ ok: true });
    await periodsAgree(world, fund);
    await lastEntryAgrees(world, fund);
    await vouchersAgree(world, model, code);
  }
  for (const transfer of model.transfers) {
    const shown = await read<{ status: string; payment: { id: number }; receipt: { id: number }; settlement: { id: number } | null }>(world, `/api/transfers/${transfer.id}`);
    expect({ status: shown.status, payment: shown.payment.id, receipt: shown.receipt.id, settlement: shown.settlement?.id ?? null }, `transfer ${transfer.id}`).toEqual({
      status: transfer.status, payment: transfer.payment, receipt: transfer.receipt, settlement: transfer.settlement,
    });
  }
}

interface Sided {
  readonly debit: string;
  readonly credit: string;
}

interface TrialBalanceJson {
  readonly balanced: boolean;
  readonly rows: readonly { readonly account: string; readonly closing: Sided }[];
  readonly totals: Readonly<Record<'opening' | 'period' | 'closing', Sided>>;
  readonly offBalance: readonly { readonly account: string; readonly unit: string; readonly item?: string; readonly closing: string }[];
}

/**
 * The trial balance from the first day to `to` balances; every cash, bank, in-transit and
 * goods account (parents too) closes at zero or above, the guarded ones and the goods
 * held at what the model expects.
 */
async function trialBalanceAgrees(world: World, fund: FundState, to: string): Promise<void> {
  const what = `${fund.code} trial balance to ${to}`;
  const tb = await read<TrialBalanceJson>(world, `/api/entities/${fund.code}/trial-balance?from=${FIRST_YEAR}-01-01&to=${to}`);
  expect(tb.balanced, `${what} balanced`).toBe(true);
  for (const [column, sided] of Object.entries(tb.totals)) expect(sided.debit, `${what}: ${column} totals`).toBe(sided.credit);
  const closing = new Map(tb.rows.map((r) => [r.account, BigInt(r.closing.debit) - BigInt(r.closing.credit)]));
  for (const [account, balance] of closing) {
    if (['111', '112', '113', '152'].some((root) => account.startsWith(root))) expect(balance, `${what}: ${account}`).toBeGreaterThanOrEqual(0n);
  }
  for (const account of GUARDED_ACCOUNTS) expect(Number(closing.get(account) ?? 0n), `${what}: ${account}`).toBe(balanceAt(fund, account, to));
  const held = new Map(tb.offBalance.filter((h) => h.account === '003').map((h) => [`003|${h.unit}|${h.item ?? ''}`, Number(h.closing)]));
  const modelled = new Set(fund.entries.flatMap((e) => e.moves.map((m) => m.key)).filter((k) => k.startsWith('003|')));
  for (const key of new Set([...held.keys(), ...modelled])) {
    expect(held.get(key) ?? 0, `${what}: holding ${key}`).toBeGreaterThanOrEqual(0);
    expect(held.get(key) ?? 0, `${what}: holding ${key}`).toBe(balanceAt(fund, key as Guarded, to));
  }
}

async function periodsAgree(world: World, fund: FundState): Promise<void> {
  const years = await read<{ year: number; status: string; months: { month: number; locked: boolean }[] }[]>(world, `/api/entities/${fund.code}/periods`);
  const status = Object.fromEntries(years.map((y) => [y.year, y.status]));
  expect(status, `${fund.code} years`).toEqual(Object.fromEntries(fund.years));
  const locked = years.flatMap((y) => y.months.filter((m) => m.locked).map((m) => `${y.year}-${String(m.month).padStart(2, '0')}`)).sort();
  expect(locked, `${fund.code} locked months`).toEqual([...fund.locked].sort());
}

async function lastEntryAgrees(world: World, fund: FundState): Promise<void> {
  const last = fund.entries.at(-1);
  if (!last) return;
  const page = await read<{ entries: { seq: number; kind: string; date: string }[] }>(world, `/api/entities/${fund.code}/entries?afterSeq=${last.seq - 1}`);
  expect(page.entries.map((e) => ({ seq: e.seq, kind: e.kind, date: e.date })), `${fund.code} last entry`).toEqual([{ seq: last.seq, kind: last.kind, date: last.date }]);
}

interface VoucherJson {
  readonly id: number;
  readonly type: string;
  readonly status: string;
  readonly number: string | null;
  readonly fiscalYear: number | null;
  readonly entry: number | null;
  readonly transfer: number | null;
  readonly cancels: { readonly id: number } | null;
}

async function vouchersAgree(world: World, model: Model, code: FundCode): Promise<void> {
  const listed: VoucherJson[] = [];
  let afterId = 0;
  for (;;) {
    const page = await read<{ vouchers: VoucherJson[]; nextAfterId: number | null }>(world, `/api/entities/${code}/vouchers?limit=500&afterId=${afterId}`);
    listed.push(...page.vouchers);
    if (page.nextAfterId === null) break;
    afterId = page.nextAfterId;
  }
  const shown = listed
    .map((v) => ({ id: v.id, type: v.type, status: v.status, number: v.number, entry: v.entry, transfer: v.transfer, cancels: v.cancels?.id ?? null }))
    .sort((a, b) => a.id - b.id);
  const expected = model.vouchers
    .filter((v) => v.fund === code && v.status !== 'deleted')
    .map((v) => ({ id: v.id, type: v.type, status: v.status, number: v.number, entry: v.entrySeq, transfer: v.transfer, cancels: v.cancels }))
    .sort((a, b) => a.id - b.id);
  expect(shown, `${code} vouchers`).toEqual(expected);
  const series = new Map<string, number[]>();
  for (const v of listed) {
    if (v.number === null) continue;
    const key = `${v.type} ${v.fiscalYear}`;
    series.set(key, [...(series.get(key) ?? []), Number(/(\d+)\/\d{4}$/.exec(v.number)?.[1])]);
  }
  for (const [key, numbers] of series) {
    expect(numbers.sort((a, b) => a - b), `${code} numbers of ${key} without gaps`).toEqual(numbers.map((_, i) => i + 1));
  }
}
