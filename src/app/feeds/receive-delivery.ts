/**
 * A webhook delivery received: stored raw first (the headers with secrets left out, the body
 * as its bytes), whatever becomes of it; then the feed found, the delivery verified as its
 * provider specifies, its transactions read and checked against the feed's account. Events
 * are kept once per provider id, so a replay changes nothing but its own record; id 0 is a
 * provider's test and keeps none. New events are booked as they are kept (book-events.ts). The answer says what the provider should hear.
 */
import { findFeed, insertDelivery, insertEvents, knownEvents } from '../../db/feeds-repo.js';
import type { Store } from '../../db/store.js';
import { cassoEvents, sepayEvents, type Read } from '../../import/feeds/bank-event.js';
import { verifyCassoV1, verifyCassoV2, verifySepayApiKey, verifySepayHmac, type Verdict } from '../../import/feeds/verify-delivery.js';
import { jsonDepth, MAX_INPUT_DEPTH } from '../clean-input.js';
import { bookEvents } from './book-events.js';
import type { FeedProvider } from './register-feed.js';

/** Headers whose values are secrets: recorded as present, not as they were. */
const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'secure-token', 'cookie']);

export interface Delivery {
  readonly provider: FeedProvider;
  readonly feedId: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly raw: Buffer;
  readonly now: number;
}

export interface DeliveryAnswer {
  readonly status: 200 | 400 | 401 | 404 | 422;
  readonly outcome: 'accepted' | 'duplicate' | 'test' | 'rejected';
  readonly reason: string | null;
  readonly events: number;
}

const header = (d: Delivery, name: string): string | undefined => {
  const value = d.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function parsed(raw: Buffer): { ok: true; body: unknown } | { ok: false; reason: string } {
  const text = raw.toString('utf8');
  if (!raw.equals(Buffer.from(text, 'utf8'))) return { ok: false, reason: 'the body is not UTF-8' };
  if (jsonDepth(text) > MAX_INPUT_DEPTH) return { ok: false, reason: `the body is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
}

export function receiveDelivery(store: Store, delivery: Delivery): DeliveryAnswer {
  const headers = JSON.stringify(Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? '[secret]' : v])));
  const feed = Number.isSafeInteger(delivery.feedId) ? findFeed(store.db, delivery.feedId) : undefined;
  const record = (outcome: DeliveryAnswer['outcome'], reason: string | null) =>
    insertDelivery(store.db, { feedId: feed?.id ?? null, provider: delivery.provider, headers, body: delivery.raw, outcome, reason });
  const refuse = (status: DeliveryAnswer['status'], reason: string): DeliveryAnswer => {
    record('rejected', reason);
    return { status, outcome: 'rejected', reason, events: 0 };
  };
  return store.sqlite.transaction((): DeliveryAnswer => {
    if (!feed || feed.provider !== delivery.provider) return refuse(404, `no ${delivery.provider} feed ${delivery.feedId}`);
    const body = parsed(delivery.raw);
    const verdict: Verdict =
      feed.auth === 'apikey' ? verifySepayApiKey(feed.secret, header(delivery, 'authorization'))
        : feed.auth === 'hmac' ? verifySepayHmac(feed.secret, header(delivery, 'x-sepay-signature'), header(delivery, 'x-sepay-timestamp'), delivery.raw, delivery.now)
          : feed.auth === 'v1' ? verifyCassoV1(feed.secret, header(delivery, 'secure-token'))
            : body.ok ? verifyCassoV2(feed.secret, header(delivery, 'x-casso-signature'), body.body, delivery.now) : { ok: false, reason: body.reason };
    if (!verdict.ok) return refuse(401, verdict.reason);
    if (!body.ok) return refuse(400, body.reason);
    const read: Read = delivery.provider === 'sepay' ? sepayEvents(body.body) : cassoEvents(body.body);
    if (!read.ok) return refuse(400, read.reason);
    const foreign = read.events.find((e) => e.accountNumber !== feed.bankAccount);
    if (foreign) return refuse(422, `account ${foreign.accountNumber} is not the feed's ${feed.bankAccount}`);
    const real = read.events.filter((e) => e.providerId !== '0');
    if (real.length === 0) {
      record('test', null);
      return { status: 200, outcome: 'test', reason: null, events: 0 };
    }
    const known = knownEvents(store.sqlite, feed.id, real.map((e) => e.providerId));
    const fresh = real.filter((e) => !known.has(e.providerId));
    const deliveryId = record(fresh.length === 0 ? 'duplicate' : 'accepted', null);
    bookEvents(store, feed, insertEvents(store.sqlite, feed.id, deliveryId, fresh));
    return { status: 200, outcome: fresh.length === 0 ? 'duplicate' : 'accepted', reason: null, events: fresh.length };
  }).immediate();
}
