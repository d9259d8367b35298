/**
 * Failed sign-ins counted per client address, so tokens cannot be guessed at full speed.
 * A failure is a bearer token that is wrong, revoked or malformed; a request with no token
 * at all guesses nothing and is not counted. Windows are fixed: the first failure from an
 * address opens one of `windowSeconds`, and once `failures` have been counted in it the
 * address is refused until it ends, whatever it sends, as fail2ban blocks an address
 * rather than a password. A valid token does not reset the count, or one known token would
 * let its holder keep guessing others.
 *
 * Memory is bounded: at most `maxAddresses` windows are kept. The map holds them in the
 * order they opened, so expired ones are dropped from its front as new ones come, and when
 * it is full of live ones the oldest gives way.
 */

export interface AuthThrottleOptions {
  /** Failed sign-ins an address may make in one window before it is refused. */
  readonly failures: number;
  readonly windowSeconds: number;
  /** Most addresses tracked at once. */
  readonly maxAddresses: number;
  /** The clock, in milliseconds. */
  readonly now: () => number;
}

export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = { failures: 20, windowSeconds: 60, maxAddresses: 10_000, now: Date.now };

export interface AuthThrottle {
  /** Whole seconds until the address may sign in again; 0 when it may now. */
  retryAfter(address: string): number;
  /** Counts a failed sign-in from the address; true when this one reaches the limit. */
  fail(address: string): boolean;
  /** How many addresses are tracked. */
  readonly size: number;
}

interface Window {
  readonly opened: number;
  failures: number;
}

export function authThrottle(options: Partial<AuthThrottleOptions> = {}): AuthThrottle {
  const { failures, windowSeconds, maxAddresses, now } = { ...DEFAULT_AUTH_THROTTLE, ...options };
  const windowMs = windowSeconds * 1000;
  const windows = new Map<string, Window>();
  const live = (window: Window | undefined, at: number): window is Window => window !== undefined && at < window.opened + windowMs;

  const dropExpired = (at: number): void => {
    for (const [address, window] of windows) {
      if (live(window, at)) return;
      windows.delete(address);
    }
  };

  return {
    retryAfter(address) {
      const at = now();
      const window = windows.get(address);
      if (!live(window, at) || window.failures < failures) return 0;
      return Math.ceil((window.opened + windowMs - at) / 1000);
    },
    fail(address) {
      const at = now();
      const window = windows.get(address);
      if (live(window, at)) return ++window.failures === failures;
      // A new window goes to the end of the map, keeping it in the order windows opened.
      windows.delete(address);
      dropExpired(at);
      const oldest = windows.keys().next();
      if (!oldest.done && windows.size >= maxAddresses) windows.delete(oldest.value);
      windows.set(address, { opened: at, failures: 1 });
      return failures === 1;
    },
    get size() {
      return windows.size;
    },
  };
}
