/**
 * Whether a webhook delivery is the provider's, checked exactly as each specifies
 * (LIVE-FEEDS.md): Casso V2's `X-Casso-Signature: t=<ms>,v1=<hex>`, HMAC-SHA512 over the time
 * and the whole body as JSON with keys sorted at every level; Casso V1's `secure-token`
 * header; SePay's `Authorization: Apikey <key>`, or its HMAC-SHA256 over the time and the raw
 * bytes in `X-SePay-Signature` and `X-SePay-Timestamp`. A signed delivery whose time is more
 * than five minutes from ours is stale: a replay. Secrets are compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed delivery's time may be from ours. */
export const FRESH_MS = 5 * 60 * 1000;

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const fine: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** JSON with the keys of every object sorted A→Z and no whitespace, as Casso signs it. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fresh(millis: number, now: number): Verdict {
  return Number.isFinite(millis) && Math.abs(now - millis) <= FRESH_MS ? fine : refuse(`stale: signed at ${Number.isFinite(millis) ? new Date(millis).toISOString() : 'an unreadable time'}`);
}

export function verifyCassoV2(secret: string, header: string | undefined, body: unknown, now: number): Verdict {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !v1 || !/^\d{1,15}$/.test(t)) return refuse('no X-Casso-Signature t=…,v1=…');
  const expected = createHmac('sha512', secret).update(`${t}.${sortedJson(body)}`).digest('hex');
  if (!sameText(expected, v1.toLowerCase())) return refuse('the signature does not match');
  return fresh(Number(t), now);
}

export function verifyCassoV1(secret: string, token: string | undefined): Verdict {
  return token !== undefined && sameText(secret, token) ? fine : refuse('the secure-token does not match');
}

export function verifySepayApiKey(secret: string, authorization: string | undefined): Verdict {
  const key = /^Apikey\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return key !== undefined && sameText(secret, key) ? fine : refuse('the Apikey does not match');
}

export function verifySepayHmac(secret: string, signature: string | undefined, timestamp: string | undefined, raw: Buffer, now: number): Verdict {
  if (!signature || !timestamp || !/^\d{1,15}$/.test(timestamp)) return refuse('no X-SePay-Signature and X-SePay-Timestamp');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex');
  if (!sameText(expected, signature.replace(/^sha256=/i, '').toLowerCase())) return refuse('the signature does not match');
  // The timestamp is in seconds, or milliseconds when it has thirteen digits.
  return fresh(timestamp.length >= 13 ? Number(timestamp) : Number(timestamp) * 1000, now);
}
