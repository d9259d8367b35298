/**
 * Hostile input against every route the OpenAPI document lists: nesting, size, prototype
 * keys, broken Unicode, control and bidirectional characters, impossible dates, extreme
 * numbers, wrong content types and bad URLs, in bodies, query strings, path parameters and
 * headers (see test/support/hostile-inputs.ts). Whatever comes, the server answers below
 * 500, every refusal is a problem document whose status matches the answer's, a 400 names
 * the field at fault, and a refused request leaves every table as it was. What the
 * framework meets before Fastify routes a request (bad URLs, over-long URLs and headers,
 * malformed HTTP) is sent to a listening server as raw bytes.
 */
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../src/api/server.js';
import { addBankAccount } from '../../src/app/add-bank-account.js';
import { apiWorld, receipt, type ApiWorld } from '../support/api-fixture.js';
import { baseRequest, HOSTILE_KINDS, hostileCases, namesExpectedField, type Expectation, type HostileCase, type HostileFixture } from '../support/hostile-inputs.js';
import { documentedRoutes, printedRoutes, routeName } from '../support/openapi-routes.js';
import { ACTOR, postOk } from '../support/store-fixture.js';
import { changedTables, tableDigest, type TableDigest } from '../support/table-digest.js';

/** The throttle on failed sign-ins is tested on its own; here hostile tokens must reach the token check. */
const open = () => apiWorld({ authThrottle: { failures: Number.MAX_SAFE_INTEGER } });

const voucher = { type: 'cash-receipt', date: '2024-03-15', reason: 'Thu ủng hộ', amount: '1000' };

/**
 * Bank accounts and money in the bank, a draft voucher and a transfer in transit to point
 * the id parameters at, and the values the routes' parameters take.
 */
async function hostileFixture(world: ApiWorld): Promise<HostileFixture> {
  for (const [entity, number] of [['PROV', '0071000123456'], ['C1', '7308205123456']] as const) {
    const added = addBankAccount(world.store, { entity, bank: { kind: 'bank', institution: 'Ngân hàng', number, accountCode: '1121' }, actor: ACTOR });
    if (!added.ok) throw new Error(added.code);
  }
  postOk(world.store, `2024-01-02 Nộp tiền\n  1121 Dr 500000000 bank=0071000123456\n  421 Cr 500000000\n`, { entity: 'PROV', kind: 'opening' });
  for (const [url, payload] of [
    ['/api/entities/C1/vouchers', voucher],
    ['/api/transfers', { from: 'PROV', to: 'C1', date: '2024-03-15', amount: '1000', reason: 'Điều tiết', inTransit: true }],
  ] as const) {
    const made = await world.call('root', { method: 'POST', url, payload });
    if (made.statusCode !== 201) throw new Error(`fixture ${url} refused: ${made.body}`);
  }
  const grant = world.store.sqlite.prepare(`SELECT g.id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.name = 'c2Accountant'`).pluck().get() as number;
  return {
    known: {
      entity: 'C1', seq: '1', id: ['1', world.tokens.c2Accountant.split('_')[1] ?? ''], year: '2024', month: '3', account: '1111', code: '1111',
      user: 'c2Accountant', grantId: String(grant), from: 'PROV', to: 'C1', parent: ['PROV', '1111'], level: 'commune',
    },
    bodies: {
      'POST /api/entities/{entity}/entries': receipt('1000'),
      'POST /api/entities/{entity}/vouchers': voucher,
      'PUT /api/entities/{entity}/vouchers/{id}': voucher,
      'POST /api/transfers': { from: 'PROV', to: 'C1', date: '2024-03-15', amount: '1000', reason: 'Điều tiết' },
    },
    query: ['from', 'to'],
    bodyLimit: DEFAULT_BODY_LIMIT,
  };
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * What an answer may add to as a record of itself: a MISA export records that it was sent,
 * and a webhook delivery is stored raw even when it is refused (each drawing the record's id).
 */
const RECORDS = ['misa_exports', 'misa_exported_vouchers', 'feed_deliveries'];

/** The tables a request changed beyond the records it may keep. */
function unrecorded(change: readonly string[]): string[] {
  const recorded = change.some((c) => RECORDS.some((t) => c.startsWith(`${t} `)));
  return change.filter((c) => !RECORDS.some((t) => c.startsWith(`${t} `)) && !(recorded && c.startsWith('sqlite_sequence ')));
}

/** What is wrong with an answer to a hostile request, given the tables before and after it. */
function faults(expectation: Expectation, method: string, answer: Answer, change: readonly string[]): string[] {
  const { status, contentType, body } = answer;
  const found: string[] = [];
  if (status >= 500) found.push('answered with a server error');
  if (status < 300 && status >= 200) {
    if (expectation.refused) found.push('accepted what must be refused');
    if (method === 'GET' && unrecorded(change).length > 0) found.push(`a read changed ${unrecorded(change).join(', ')}`);
    return found;
  }
  if (unrecorded(change).length > 0) found.push(`refused but changed ${unrecorded(change).join(', ')}`);
  if (expectation.statuses && !expectation.statuses.includes(status)) found.push(`status ${status}, expected one of ${expectation.statuses.join(', ')}`);
  if (!expectation.statuses && (status < 400 || status >= 500)) found.push(`status ${status}, expected a 4xx`);
  if (!contentType.includes('application/problem+json')) found.push(`content type ${contentType || 'none'}`);
  let problem: { code?: unknown; status?: unknown; field?: unknown } = {};
  try {
    problem = JSON.parse(body) as typeof problem;
  } catch {
    found.push('a body that is not JSON');
  }
  if (typeof problem.code !== 'string') found.push('no code');
  if (problem.status !== status) found.push(`problem status ${String(problem.status)}`);
  if (status === 400 && !expectation.unnamed) {
    if (typeof problem.field !== 'string') found.push('a 400 naming no field');
    else if (!namesExpectedField(expectation, problem.field)) found.push(`names ${problem.field}, expected ${[...(expectation.fields ?? []), ...(expectation.within ? [`${expectation.within}…`] : [])].join(' or ')}`);
  }
  return found;
}

const world = await open();
const routes = documentedRoutes((await world.app.inject({ method: 'GET', url: '/docs/json' })).json());
const fixture = await hostileFixture(world);
const cases = routes.flatMap((route) => hostileCases(route, fixture));
let digest: TableDigest = tableDigest(world.store);

afterAll(() => world.close());

/** Sends the case as the installation's admin and reports what is wrong with the answer. */
async function send(hostile: HostileCase): Promise<string[]> {
  const { method, url, headers, payload } = hostile.request();
  const response = await world.call('root', { method: method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
  const before = digest;
  digest = tableDigest(world.store, before);
  const answer = { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body: response.body };
  return faults(hostile, method, answer, changedTables(before, digest)).map((fault) => `${hostile.label}: ${fault} — ${response.statusCode} ${response.body.slice(0, 160)}`);
}

describe('hostile input to every documented route', () => {
  it('finds every route the server answers in the OpenAPI document', () => {
    const documented = new Set(routes.map(routeName));
    const served = printedRoutes(world.app.printRoutes({ commonPrefix: false })).filter((route) => !route.startsWith('HEAD ') && !/^\S+ \/docs\b/.test(route));
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('reads the routes from the OpenAPI document and gives each route every kind of input', () => {
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.flatMap((route) => HOSTILE_KINDS.filter((kind) => !cases.some((c) => c.route === routeName(route) && c.kind === kind)).map((kind) => `${routeName(route)} ${kind}`));
    expect(missing).toEqual([]);
  });

  describe.each(HOSTILE_KINDS)('%s', (kind) => {
    it.each(routes.map(routeName))('%s answers below 500, refuses with a problem naming the field, changes nothing it refuses', async (name) => {
      const found: string[] = [];
      for (const hostile of cases.filter((c) => c.kind === kind && c.route === name)) found.push(...(await send(hostile)));
      expect(found, found.join('\n')).toEqual([]);
    });
  });
});

describe('the valid requests the hostile cases start from', () => {
  it('pass validation on every route, so a refusal speaks of the hostile place', async () => {
    const clean = await open();
    const refusedAsMalformed: string[] = [];
    const cleanFixture = await hostileFixture(clean);
    for (const route of documentedRoutes((await clean.app.inject({ method: 'GET', url: '/docs/json' })).json())) {
      const { method, url, headers, payload } = baseRequest(route, cleanFixture);
      const response = await clean.call('root', { method: method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
      if ([400, 413, 415].includes(response.statusCode) || response.statusCode >= 500) refusedAsMalformed.push(`${routeName(route)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    await clean.close();
    expect(refusedAsMalformed, refusedAsMalformed.join('\n')).toEqual([]);
  });
});

/** Writes raw bytes to the server and reads the answer until the server closes the connection. */
function exchange(port: number, request: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server may close while the request is still being written; what it answered is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => (['ECONNRESET', 'EPIPE'].includes(error.code ?? '') ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const contentType = /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? '';
      const chunked = /^transfer-encoding:\s*chunked/im.test(head);
      const body = rest.join('\r\n\r\n');
      resolve({ status, contentType, body: chunked ? dechunk(body) : body });
    });
    socket.end(request);
  });
}

function dechunk(body: string): string {
  let text = '';
  for (let rest = body; ; ) {
    const [size = '0', ...tail] = rest.split('\r\n');
    const length = Number.parseInt(size, 16);
    if (!length) return text;
    const data = tail.join('\r\n');
    text += data.slice(0, length);
    rest = data.slice(length + 2);
  }
}

describe('hostile HTTP against a listening server', () => {
  let port = 0;
  beforeAll(async () => {
    await world.app.listen({ host: '127.0.0.1', port: 0 });
    port = (world.app.server.address() as AddressInfo).port;
  });
  const authorization = `Authorization: Bearer ${world.tokens.root}\r\n`;
  const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${authorization}${headers}Connection: close\r\n\r\n`;
  const post = (target: string, headers: string, body: string) => `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${authorization}${headers}Connection: close\r\n\r\n${body}`;
  const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
  /** Refused before any field is read: a 400 here need name none. */
  const refused = (...statuses: number[]): Expectation => ({ refused: true, statuses, unnamed: true });

  const framework: [string, string | Buffer, Expectation][] = [
    ['an invalid percent-encoding in the path', get('/api/entities/%E0%A4%A'), { refused: true, statuses: [400], fields: ['url', 'params.entity'] }],
    ['a lone surrogate, WTF-8 encoded, in the path', get('/api/entities/a%ED%A0%80b/entries'), refused(400, 404)],
    ['raw bytes that are not UTF-8 in the path', Buffer.concat([Buffer.from('GET /api/entities/'), Buffer.from([0xff, 0xfe]), Buffer.from(get('').slice(4))]), refused(400, 404)],
    // Node's parser counts the request line within its 16 KB of headers: a URL this long is 431.
    ['a URL over 100 KB', get(`/api/entities/C1/entries?campaign=${'a'.repeat(110_000)}`), refused(431)],
    ['a header of 20 KB', get('/api/entities/C1', `X-Filler: ${'a'.repeat(20_000)}\r\n`), refused(431)],
    ['300 headers of 100 bytes', get('/api/entities/C1', Array.from({ length: 300 }, (_, i) => `X-Filler-${i}: ${'a'.repeat(85)}\r\n`).join('')), refused(431)],
    ['a control character in a header value', get('/api/entities/C1', 'X-Note: a\u0001b\r\n'), refused(400)],
    ['a request line with a space in the target', get('/api/entities C1'), refused(400)],
    ['Content-Length beside Transfer-Encoding: chunked', post('/api/entities/C1/periods', 'Content-Type: application/json\r\nContent-Length: 13\r\nTransfer-Encoding: chunked\r\n', `${chunk('{"year":2031}')}0\r\n\r\n`), refused(400)],
    ['a chunked GET with a body', get('/api/entities/C1', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n') + `${chunk('{"polluted":true}')}0\r\n\r\n`, { refused: false }],
    ['a chunked body past the size limit', post('/api/entities/C1/entries', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n', `${chunk(' '.repeat(DEFAULT_BODY_LIMIT))}${chunk(JSON.stringify(receipt('1')))}0\r\n\r\n`), refused(413)],
  ];

  it.each(framework)('%s', async (_label, request, expectation) => {
    const before = tableDigest(world.store, digest);
    const answer = await exchange(port, request);
    digest = tableDigest(world.store, before);
    const method = Buffer.from(request).subarray(0, 4).toString().trim();
    expect(faults(expectation, method, answer, changedTables(before, digest)), `${answer.status} ${answer.contentType} ${answer.body.slice(0, 200)}`).toEqual([]);
  });
});
