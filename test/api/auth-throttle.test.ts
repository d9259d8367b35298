/**
 * Failed sign-ins throttled per client address: wrong tokens are answered 401 until the
 * limit, then the address gets 429 with Retry-After until its window ends, while other
 * addresses are served as usual. The clock is the test's own; nothing sleeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authThrottle, DEFAULT_AUTH_THROTTLE, type AuthThrottleOptions } from '../../src/api/auth-throttle.js';
import { authThrottleFromEnv } from '../../src/cli/auth-throttle-env.js';
import { UsageError } from '../../src/cli/options.js';
import { apiWorld, type ApiWorld, type Person } from '../support/api-fixture.js';

const GUESSER = '203.0.113.7';
const OTHER = '198.51.100.20';
const WRONG = 'flt_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';

let world: ApiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A clock that moves only when told. */
function manualClock(start = Date.UTC(2025, 0, 1)) {
  let at = start;
  return { now: () => at, advance: (seconds: number) => void (at += seconds * 1000) };
}

async function throttledWorld(options: Partial<AuthThrottleOptions>): Promise<ApiWorld> {
  world = await apiWorld({ authThrottle: options });
  return world;
}

const read = (w: ApiWorld, from: string, authorization?: string) =>
  w.app.inject({ method: 'GET', url: '/api/entities/C1', remoteAddress: from, headers: authorization === undefined ? {} : { authorization } });
const as = (w: ApiWorld, who: Person) => `Bearer ${w.tokens[who]}`;

async function failTimes(w: ApiWorld, times: number, from = GUESSER): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await read(w, from, `Bearer ${WRONG}`)).statusCode);
  return statuses;
}

describe('the failed sign-in throttle over HTTP', () => {
  it('answers wrong tokens 401 up to the limit, then 429 problem+json with Retry-After', async () => {
    const w = await throttledWorld({ failures: 3, windowSeconds: 60, now: manualClock().now });
    const wrong = await read(w, GUESSER, `Bearer ${WRONG}`);
    expect(wrong.json()).toMatchObject({ code: 'token_invalid', status: 401 });
    expect(await failTimes(w, 2)).toEqual([401, 401]);
    const refused = await read(w, GUESSER, `Bearer ${WRONG}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ code: 'authentication_throttled', status: 429 });
  });

  it('counts malformed and revoked tokens as failures, but not a missing one', async () => {
    const w = await throttledWorld({ failures: 3, windowSeconds: 60, now: manualClock().now });
    for (let i = 0; i < 10; i++) expect((await read(w, GUESSER)).json()).toMatchObject({ code: 'unauthenticated' });
    const id = w.tokens.c1Auditor.split('_')[1];
    expect((await w.call('c1Admin', { method: 'POST', url: `/api/tokens/${id}/revoke` })).statusCode).toBe(200);
    expect((await read(w, GUESSER, 'Bearer not-a-token')).statusCode).toBe(401);
    expect((await read(w, GUESSER, as(w, 'c1Auditor'))).json()).toMatchObject({ code: 'token_invalid' });
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(200);
    expect((await read(w, GUESSER, `Bearer ${WRONG}`)).statusCode).toBe(401);
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(429);
  });

  it('refuses even a valid token from the blocked address, without looking it up', async () => {
    const w = await throttledWorld({ failures: 2, windowSeconds: 60, now: manualClock().now });
    await failTimes(w, 2);
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(429);
    expect((await read(w, GUESSER)).statusCode).toBe(429);
    // With the database gone, any token lookup would fail with 500.
    w.store.close();
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(429);
  });

  it('serves valid tokens and counts failures apart for other addresses during the block', async () => {
    const w = await throttledWorld({ failures: 2, windowSeconds: 60, now: manualClock().now });
    await failTimes(w, 2);
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(429);
    expect((await read(w, OTHER, as(w, 'c1Accountant'))).statusCode).toBe(200);
    expect(await failTimes(w, 1, OTHER)).toEqual([401]);
    expect((await read(w, OTHER, as(w, 'c1Accountant'))).statusCode).toBe(200);
  });

  it('leaves public routes open to a blocked address', async () => {
    const w = await throttledWorld({ failures: 1, windowSeconds: 60, now: manualClock().now });
    await failTimes(w, 1);
    expect((await w.app.inject({ method: 'GET', url: '/health', remoteAddress: GUESSER })).statusCode).toBe(200);
  });

  it('admits the address again when its window ends, with Retry-After counting down until then', async () => {
    const clock = manualClock();
    const w = await throttledWorld({ failures: 2, windowSeconds: 60, now: clock.now });
    await failTimes(w, 1);
    clock.advance(10);
    await failTimes(w, 1);
    clock.advance(44.5);
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).headers['retry-after']).toBe('6');
    clock.advance(5.5);
    expect((await read(w, GUESSER, as(w, 'c1Accountant'))).statusCode).toBe(200);
    expect(await failTimes(w, 3)).toEqual([401, 401, 429]);
  });

  it.each([
    ['the default', {}, DEFAULT_AUTH_THROTTLE.failures],
    ['a configured', { failures: 5 }, 5],
  ] as const)('refuses after %s number of failures', async (_name, options, limit) => {
    const w = await throttledWorld(options);
    expect(await failTimes(w, limit + 1)).toEqual([...Array<number>(limit).fill(401), 429]);
  });
});

describe('the throttle’s memory', () => {
  it('tracks no more than maxAddresses, however many addresses fail', () => {
    const throttle = authThrottle({ failures: 2, windowSeconds: 60, maxAddresses: 100, now: manualClock().now });
    for (let i = 0; i < 5000; i++) throttle.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(throttle.size).toBe(100);
    expect(throttle.fail('10.0.19.135')).toBe(true);
    expect(throttle.retryAfter('10.0.19.135')).toBe(60);
    expect(throttle.retryAfter('10.0.0.0')).toBe(0);
  });

  it('drops expired windows as new ones open', () => {
    const clock = manualClock();
    const throttle = authThrottle({ failures: 2, windowSeconds: 60, now: clock.now });
    for (let i = 0; i < 50; i++) throttle.fail(`10.0.0.${i}`);
    clock.advance(30);
    for (let i = 0; i < 10; i++) throttle.fail(`10.0.1.${i}`);
    clock.advance(30);
    throttle.fail('10.0.2.1');
    expect(throttle.size).toBe(11);
  });

  it('reports the failure that reaches the limit once', () => {
    const throttle = authThrottle({ failures: 3, windowSeconds: 60, now: manualClock().now });
    expect([throttle.fail(GUESSER), throttle.fail(GUESSER), throttle.fail(GUESSER)]).toEqual([false, false, true]);
  });
});

describe('the throttle’s limits from the environment', () => {
  it('reads FUND_LEDGER_AUTH_FAILURES and FUND_LEDGER_AUTH_WINDOW_SECONDS, keeping defaults for unset ones', () => {
    expect(authThrottleFromEnv({})).toEqual({});
    expect(authThrottleFromEnv({ FUND_LEDGER_AUTH_FAILURES: '5' })).toEqual({ failures: 5 });
    expect(authThrottleFromEnv({ FUND_LEDGER_AUTH_FAILURES: '100', FUND_LEDGER_AUTH_WINDOW_SECONDS: '900' })).toEqual({ failures: 100, windowSeconds: 900 });
  });

  it.each(['0', '-3', '2.5', '1e3', 'many', ' 7'])('refuses %j as a limit', (value) => {
    expect(() => authThrottleFromEnv({ FUND_LEDGER_AUTH_WINDOW_SECONDS: value })).toThrow(UsageError);
  });
});
