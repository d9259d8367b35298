/**
 * Webhook deliveries at a commune fund's peak: 1,000 Casso V2 deliveries, each signed, sent
 * by 16 concurrent clients to the real server (the `serve` command), then all of them again
 * as replays. Every answer must be 2xx, each transaction kept exactly once and posted as
 * exactly one bank receipt (the feed posts what it receives).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localCaller } from '../../src/app/caller.js';
import { createEntity } from '../../src/app/create-entity.js';
import { registerFeed } from '../../src/app/feeds/register-feed.js';
import { openStore } from '../../src/db/store.js';
import { sortedJson } from '../../src/import/feeds/verify-delivery.js';
import { startServer, stopServer } from './http-posting.js';

const ACTOR = localCaller({ name: 'bench', origin: 'bench' });
const ACCOUNT = '0071000765432';
const SECRET = 'khoa-bi-mat-cua-quy-0123456789';

export interface FeedsBench {
  readonly deliveries: number;
  readonly clients: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p99Ms: number;
  readonly acknowledged: number;
  readonly replaySeconds: number;
  readonly replaysAcknowledged: number;
  readonly eventsKept: number;
  /** Posted bank receipts, and the events booked by exactly one of them. */
  readonly receipts: number;
  readonly eventsPostedOnce: number;
}

function delivery(id: number): { body: string; signature: string } {
  const body = { error: 0, data: { id, reference: `FT24${id}`, description: `NGUYEN VAN ${id} ung ho Quy Vi nguoi ngheo`, amount: 50_000 + (id % 97) * 10_000, runningBalance: 0, transactionDateTime: '2025-01-06 09:15:00', accountNumber: ACCOUNT, bankName: 'Vietcombank', bankAbbreviation: 'VCB', virtualAccountNumber: '', virtualAccountName: '', counterAccountName: `NGUYEN VAN ${id}`, counterAccountNumber: '0071000111222', counterAccountBankId: '970436', counterAccountBankName: 'Vietcombank' } };
  const t = Date.now();
  return { body: JSON.stringify(body), signature: `t=${t},v1=${createHmac('sha512', SECRET).update(`${t}.${sortedJson(body)}`).digest('hex')}` };
}

async function send(url: string, count: number, clients: number): Promise<{ seconds: number; latencies: number[]; ok: number }> {
  let next = 0;
  let ok = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let id = next++; id < count; id = next++) {
      const { body, signature } = delivery(id + 1);
      const sent = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-casso-signature': signature }, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.ok) ok += 1;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, latencies, ok };
}

export async function benchFeeds(options: { deliveries: number; clients: number }): Promise<FeedsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'feeds-bench-'));
  const db = join(dir, 'feeds.sqlite');
  const store = openStore(db);
  const fund = createEntity(store, { code: 'XA-HT', name: 'Ban vận động Quỹ xã Hòa Thuận', kind: 'poor-fund', level: 'commune', seal: { name: 'QUỸ XÃ HÒA THUẬN' }, bankAccounts: [{ kind: 'bank', institution: 'Vietcombank', number: ACCOUNT, accountCode: '1121' }], firstYear: 2025 }, ACTOR);
  const feed = fund.ok ? registerFeed(store, { entity: 'XA-HT', provider: 'casso', auth: 'v2', bankAccount: ACCOUNT, secret: SECRET, posting: 'post', actor: ACTOR }) : fund;
  store.close();
  if (!feed.ok) throw new Error(feed.code);
  const server = await startServer(db, join(dir, 'server.log'));
  try {
    const url = `${server.url}${feed.value.url}`;
    const first = await send(url, options.deliveries, options.clients);
    const replay = await send(url, options.deliveries, options.clients);
    const check = openStore(db);
    const kept = check.sqlite.prepare('SELECT count(*) FROM bank_events').pluck().get() as number;
    const receipts = check.sqlite.prepare("SELECT count(*) FROM vouchers WHERE type = 'bank-receipt' AND status = 'posted'").pluck().get() as number;
    const postedOnce = check.sqlite
      .prepare("SELECT count(*) FROM bank_events e JOIN vouchers v ON v.id = e.voucher_id WHERE v.status = 'posted' AND (SELECT count(*) FROM bank_events o WHERE o.voucher_id = e.voucher_id) = 1")
      .pluck()
      .get() as number;
    check.close();
    const sorted = [...first.latencies].sort((a, b) => a - b);
    return {
      deliveries: options.deliveries, clients: options.clients, seconds: first.seconds, perSecond: Math.round(options.deliveries / first.seconds),
      p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? NaN), acknowledged: first.ok, replaySeconds: replay.seconds, replaysAcknowledged: replay.ok, eventsKept: kept,
      receipts, eventsPostedOnce: postedOnce,
    };
  } finally {
    await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function feedsMarkdown(r: FeedsBench): string {
  const verdict = (met: boolean): string => (met ? 'met' : '**missed**');
  return [
    `| work | result | target | |`,
    `|---|---|---|---|`,
    `| ${r.deliveries.toLocaleString('en')} signed Casso V2 deliveries from ${r.clients} clients to the real server | ${r.seconds.toFixed(2)} s (${r.perSecond.toLocaleString('en')}/s, p99 ${r.p99Ms} ms); ${r.acknowledged.toLocaleString('en')} acknowledged | all acknowledged | ${verdict(r.acknowledged === r.deliveries)} |`,
    `| the same ${r.deliveries.toLocaleString('en')} again, as replays | ${r.replaySeconds.toFixed(2)} s; ${r.replaysAcknowledged.toLocaleString('en')} acknowledged | | |`,
    `| transactions kept | ${r.eventsKept.toLocaleString('en')} | each once | ${verdict(r.eventsKept === r.deliveries)} |`,
    `| posted as bank receipts | ${r.receipts.toLocaleString('en')} receipts; ${r.eventsPostedOnce.toLocaleString('en')} transactions in exactly one | each posted once | ${verdict(r.receipts === r.deliveries && r.eventsPostedOnce === r.deliveries)} |`,
  ].join('\n');
}
