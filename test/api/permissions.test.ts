/**
 * The permission matrix: every route in the OpenAPI document × every role × the caller's
 * own fund and another fund. Each route must have a row here, so a new route cannot be
 * added without deciding who may call it.
 */
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { findUserByName, listGrants } from '../../src/db/access-repo.js';
import { apiWorld, payment, receipt, type ApiWorld, type Person } from '../support/api-fixture.js';
import { multipart } from '../support/multipart.js';
import { sealPng } from '../support/seal-png.js';

type Fund = 'C1' | 'C2';
type Role = 'admin' | 'approver' | 'accountant' | 'auditor';

/** The people who hold one role on C1 and nothing else. */
const HOLDERS: Record<Role, Person> = { admin: 'c1Admin', approver: 'c1Approver', accountant: 'c1Accountant', auditor: 'c1Auditor' };

/** What each role may do on its own fund: the specification the server must meet. */
const MAY: Record<string, readonly Role[]> = {
  'entity.read': ['admin', 'approver', 'accountant', 'auditor'],
  'entity.manage': ['admin'],
  'ledger.read': ['admin', 'approver', 'accountant', 'auditor'],
  'ledger.post': ['admin', 'approver', 'accountant'],
  'voucher.approve': ['admin', 'approver'],
  'chart.manage': ['admin', 'approver', 'accountant'],
  'periods.manage': ['admin', 'approver'],
};

/** The C1/C2 counterpart of a person, for routes about users. */
const accountantOf = (fund: Fund): Person => (fund === 'C1' ? 'c1Accountant' : 'c2Accountant');
const tokenId = (world: ApiWorld, who: Person) => world.tokens[who].split('_')[1] ?? '';
const grantId = (world: ApiWorld, who: Person) => listGrants(world.store.db, findUserByName(world.store.db, who)?.id ?? 0)[0]?.id ?? 0;

interface Row {
  readonly request: (fund: Fund, world: ApiWorld) => InjectOptions;
  /** For routes that are not simply "a permission on the fund": who may, on which fund. */
  readonly allowed?: (role: Role, fund: Fund) => boolean;
  /** The answer an allowed caller gets when it is not a success. */
  readonly status?: number;
}

const ownAdmin = (role: Role, fund: Fund) => role === 'admin' && fund === 'C1';
/** For the token routes, which ask about `accountantOf(fund)`: an admin of the fund, or the token's own holder. */
const adminOrHolder = (role: Role, fund: Fund) => fund === 'C1' && (role === 'admin' || role === 'accountant');
const e = (fund: Fund, rest = '') => `/api/entities/${fund}${rest}`;

/** In every fresh world: a draft and a posted receipt in C1, and a transfer in transit from PROV to each commune. */
const DRAFT = 1;
const POSTED = 2;
const TRANSFER: Record<Fund, number> = { C1: 1, C2: 2 };
const VOUCHER = { type: 'cash-receipt', date: '2024-06-15', reason: 'Ủng hộ', amount: '1000' };

const ROWS: Record<string, Row> = {
  'GET /health': { request: () => ({ method: 'GET', url: '/health' }), allowed: () => true },
  'GET /api/entities': { request: () => ({ method: 'GET', url: '/api/entities' }), allowed: () => true },
  'POST /api/entities': {
    request: (fund) => ({
      method: 'POST', url: '/api/entities',
      payload: { code: `${fund}-X`, name: 'Quỹ ấp', kind: 'poor-fund', level: 'commune', parent: fund, seal: { name: 'QUỸ ẤP' }, firstYear: 2024 },
    }),
    allowed: ownAdmin,
  },
  'GET /api/entities/{entity}': { request: (fund) => ({ method: 'GET', url: e(fund) }) },
  'PATCH /api/entities/{entity}': { request: (fund) => ({ method: 'PATCH', url: e(fund), payload: { address: 'Ấp Mới' } }) },
  'PUT /api/entities/{entity}/seal-image': { request: (fund) => ({ method: 'PUT', url: e(fund, '/seal-image'), headers: { 'content-type': 'image/png' }, payload: sealPng(64, 64) }) },
  'GET /api/entities/{entity}/seal-image': { request: (fund) => ({ method: 'GET', url: e(fund, '/seal-image') }), status: 404 },
  'DELETE /api/entities/{entity}/seal-image': { request: (fund) => ({ method: 'DELETE', url: e(fund, '/seal-image') }), status: 404 },
  'POST /api/entities/{entity}/bank-accounts': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/bank-accounts'), payload: { kind: 'bank', institution: 'Agribank', number: '999', accountCode: '1121' } }),
  },
  'GET /api/entities/{entity}/counterparties': { request: (fund) => ({ method: 'GET', url: e(fund, '/counterparties?kind=beneficiary') }) },
  'GET /api/entities/{entity}/campaigns': { request: (fund) => ({ method: 'GET', url: e(fund, '/campaigns') }) },
  'POST /api/entities/{entity}/campaigns': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/campaigns'), payload: { code: 'B3', name: 'Bão số 3', startsOn: '2024-09-08' } }),
  },
  'GET /api/entities/{entity}/campaigns/{campaign}': {
    request: (fund) => ({ method: 'GET', url: e(fund, '/campaigns/B3') }),
    status: 404, // campaign_unknown: no campaign B3 in a fresh world
  },
  'GET /api/entities/{entity}/campaigns/{campaign}/disclosure': {
    request: (fund) => ({ method: 'GET', url: e(fund, '/campaigns/B3/disclosure') }),
    status: 404,
  },
  'GET /api/entities/{entity}/campaigns/{campaign}/disclosures': { request: (fund) => ({ method: 'GET', url: e(fund, '/campaigns/B3/disclosures') }) },
  'POST /api/entities/{entity}/campaigns/{campaign}/disclosures': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/campaigns/B3/disclosures'), payload: {} }),
    status: 404,
  },
  'GET /api/entities/{entity}/disclosures/{id}/verify': { request: (fund) => ({ method: 'GET', url: e(fund, '/disclosures/1/verify') }), status: 404 },
  'GET /api/entities/{entity}/exports/misa/{template}': { request: (fund) => ({ method: 'GET', url: e(fund, '/exports/misa/phieu-thu?from=2024-01-01&to=2024-12-31') }) },
  'GET /api/entities/{entity}/exports/misa': { request: (fund) => ({ method: 'GET', url: e(fund, '/exports/misa?period=2024') }) },
  'GET /api/entities/{entity}/exports/misa/validation': { request: (fund) => ({ method: 'GET', url: e(fund, '/exports/misa/validation?period=2024') }) },
  'GET /api/entities/{entity}/exports/misa/records': { request: (fund) => ({ method: 'GET', url: e(fund, '/exports/misa/records') }) },
  'GET /api/entities/{entity}/exports/misa/mapping': { request: (fund) => ({ method: 'GET', url: e(fund, '/exports/misa/mapping') }) },
  'PUT /api/entities/{entity}/exports/misa/mapping': { request: (fund) => ({ method: 'PUT', url: e(fund, '/exports/misa/mapping'), payload: { identity: true, accounts: { '1121': '1121' } } }) },
  'POST /api/entities/{entity}/bank-imports': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/bank-imports?bankAccount=999'), ...multipart([{ name: 'a.csv', bytes: Buffer.from('date,money,content\n01/09/2024,5,x\n') }]) }),
    status: 422, // bank_account_unknown: the permission admits the caller, the account is then refused
  },
  'POST /api/entities/{entity}/bank-imports/{id}/receipts': { request: (fund) => ({ method: 'POST', url: e(fund, '/bank-imports/1/receipts') }), status: 404 },
  'GET /api/entities/{entity}/reconciliation': { request: (fund) => ({ method: 'GET', url: e(fund, '/reconciliation?bankAccount=999&period=2024') }), status: 422 },
  'GET /api/entities/{entity}/vouchers/out-of-order': { request: (fund) => ({ method: 'GET', url: e(fund, '/vouchers/out-of-order?period=2024') }) },
  'GET /api/entities/{entity}/bank-imports': { request: (fund) => ({ method: 'GET', url: e(fund, '/bank-imports') }) },
  'GET /api/entities/{entity}/bank-imports/{id}': { request: (fund) => ({ method: 'GET', url: e(fund, '/bank-imports/1') }), status: 404 },
  'POST /api/entities/{entity}/bank-imports/{id}/review/{ordinal}': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/bank-imports/1/review/1'), payload: { decision: 'new' } }), status: 404,
  },
  'GET /api/entities/{entity}/bank-imports/{id}/review': { request: (fund) => ({ method: 'GET', url: e(fund, '/bank-imports/1/review') }), status: 404 },
  'GET /api/entities/{entity}/bank-import-jobs/{job}': { request: (fund) => ({ method: 'GET', url: e(fund, '/bank-import-jobs/00000000-0000-4000-8000-000000000000') }), status: 404 },
  'POST /api/entities/{entity}/feeds': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/feeds'), payload: { provider: 'casso', auth: 'v2', bankAccount: '999', secret: 'khoa-bi-mat-0123456789' } }),
    status: 422, // bank_account_unknown: the permission admits the caller, the account is then refused
  },
  'GET /api/entities/{entity}/feeds': { request: (fund) => ({ method: 'GET', url: e(fund, '/feeds') }) },
  'POST /api/feeds/sepay/{feed}': { request: () => ({ method: 'POST', url: '/api/feeds/sepay/1', payload: { id: 1 } }), allowed: () => true, status: 404 },
  'POST /api/feeds/casso/{feed}': { request: () => ({ method: 'POST', url: '/api/feeds/casso/1', payload: { error: 0 } }), allowed: () => true, status: 404 },
  'POST /api/entities/{entity}/imports/misa': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/imports/misa'), ...multipart([{ name: 'a.xlsx', bytes: Buffer.from('not a workbook') }]) }),
    status: 422, // misa_file_unreadable: the permission admits the caller, the file is then refused
  },
  'GET /api/entities/{entity}/disclosure': { request: (fund) => ({ method: 'GET', url: e(fund, '/disclosure?from=2024-01-01&to=2024-12-31') }) },
  'GET /api/entities/{entity}/disclosures': { request: (fund) => ({ method: 'GET', url: e(fund, '/disclosures') }) },
  'POST /api/entities/{entity}/disclosures': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/disclosures'), payload: { from: '2024-01-01', to: '2024-12-31' } }),
  },
  'PATCH /api/entities/{entity}/campaigns/{campaign}': {
    request: (fund) => ({ method: 'PATCH', url: e(fund, '/campaigns/B3'), payload: { name: 'Bão số 3 năm 2024' } }),
    status: 404,
  },
  'GET /api/entities/{entity}/campaigns/{campaign}/allocations': { request: (fund) => ({ method: 'GET', url: e(fund, '/campaigns/B3/allocations') }), status: 404 },
  'POST /api/entities/{entity}/campaigns/{campaign}/allocations': {
    request: (fund) => ({
      method: 'POST', url: e(fund, '/campaigns/B3/allocations'),
      payload: { number: '1/QĐ', decidedOn: '2024-09-20', signer: 'Trưởng ban', lines: [{ recipientKind: 'household', recipient: 'Hộ ông A', locality: 'Xã An Bình', amount: '1000000' }] },
    }),
    status: 404,
  },
  'GET /public/disclosures': { request: () => ({ method: 'GET', url: '/public/disclosures' }), allowed: () => true },
  'GET /public/disclosures/{id}': { request: () => ({ method: 'GET', url: '/public/disclosures/1' }), allowed: () => true, status: 404 },
  'POST /api/entities/{entity}/campaigns/{campaign}/extensions': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/campaigns/B3/extensions'), payload: { decisionNumber: '1/QĐ', decidedOn: '2024-12-01', endsOn: '2024-12-31' } }),
    status: 404,
  },
  'GET /api/entities/{entity}/accounts': { request: (fund) => ({ method: 'GET', url: e(fund, '/accounts') }) },
  'POST /api/entities/{entity}/accounts': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/accounts'), payload: { code: '11211', parent: '1121', nameVi: 'Agribank' } }),
  },
  'PUT /api/entities/{entity}/accounts': {
    request: (fund) => ({ method: 'PUT', url: e(fund, '/accounts'), headers: { 'content-type': 'text/csv' }, payload: 'code,parent\n' }),
    status: 409, // chart_in_use: the permission admits the caller, the rules then refuse
  },
  'POST /api/entities/{entity}/accounts/{code}/deactivate': { request: (fund) => ({ method: 'POST', url: e(fund, '/accounts/6118/deactivate') }) },
  'GET /api/entities/{entity}/entries': { request: (fund) => ({ method: 'GET', url: e(fund, '/entries') }) },
  'POST /api/entities/{entity}/entries': { request: (fund) => ({ method: 'POST', url: e(fund, '/entries'), payload: receipt('1000') }) },
  'GET /api/entities/{entity}/entries/{seq}': { request: (fund) => ({ method: 'GET', url: e(fund, '/entries/1') }) },
  'POST /api/entities/{entity}/entries/{seq}/reverse': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/entries/2/reverse'), payload: { date: '2024-06-30' } }),
  },
  'GET /api/entities/{entity}/periods': { request: (fund) => ({ method: 'GET', url: e(fund, '/periods') }) },
  'POST /api/entities/{entity}/periods': { request: (fund) => ({ method: 'POST', url: e(fund, '/periods'), payload: { year: 2025 } }) },
  'POST /api/entities/{entity}/periods/{year}/{month}/lock': { request: (fund) => ({ method: 'POST', url: e(fund, '/periods/2024/1/lock') }) },
  'POST /api/entities/{entity}/periods/{year}/{month}/unlock': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/periods/2024/2/unlock'), payload: { reason: 'Bổ sung' } }),
  },
  'POST /api/entities/{entity}/periods/{year}/close': { request: (fund) => ({ method: 'POST', url: e(fund, '/periods/2024/close') }) },
  'POST /api/entities/{entity}/periods/{year}/reopen': {
    request: (fund) => ({ method: 'POST', url: e(fund, '/periods/2024/reopen'), payload: { reason: 'Kiểm toán' } }),
    status: 409, // year_not_closed
  },
  'GET /api/entities/{entity}/balances': { request: (fund) => ({ method: 'GET', url: e(fund, '/balances?asOf=2024-12-31') }) },
  'GET /api/entities/{entity}/balances/{account}': { request: (fund) => ({ method: 'GET', url: e(fund, '/balances/111?asOf=2024-12-31') }) },
  'GET /api/entities/{entity}/trial-balance': { request: (fund) => ({ method: 'GET', url: e(fund, '/trial-balance?from=2024-01-01&to=2024-12-31') }) },
  'GET /api/entities/{entity}/verify': { request: (fund) => ({ method: 'GET', url: e(fund, '/verify') }) },
  'GET /api/entities/{entity}/reports/{report}': { request: (fund) => ({ method: 'GET', url: e(fund, '/reports/receipts-and-uses?period=2024') }) },
  'GET /api/entities/{entity}/books/{book}': { request: (fund) => ({ method: 'GET', url: e(fund, '/books/cash?period=2024&format=csv') }) },
  'POST /api/entities/{entity}/vouchers': { request: (fund) => ({ method: 'POST', url: e(fund, '/vouchers'), payload: VOUCHER }) },
  'GET /api/entities/{entity}/vouchers': { request: (fund) => ({ method: 'GET', url: e(fund, '/vouchers') }) },
  'GET /api/entities/{entity}/vouchers.pdf': { request: (fund) => ({ method: 'GET', url: e(fund, '/vouchers.pdf?from=2024-01-01&to=2024-12-31') }) },
  'GET /api/entities/{entity}/vouchers/{id}': { request: (fund) => ({ method: 'GET', url: e(fund, `/vouchers/${DRAFT}`) }) },
  'GET /api/entities/{entity}/vouchers/{id}/pdf': { request: (fund) => ({ method: 'GET', url: e(fund, `/vouchers/${DRAFT}/pdf`) }) },
  'PUT /api/entities/{entity}/vouchers/{id}': { request: (fund) => ({ method: 'PUT', url: e(fund, `/vouchers/${DRAFT}`), payload: VOUCHER }) },
  'DELETE /api/entities/{entity}/vouchers/{id}': { request: (fund) => ({ method: 'DELETE', url: e(fund, `/vouchers/${DRAFT}`) }) },
  'POST /api/entities/{entity}/vouchers/{id}/approve': { request: (fund) => ({ method: 'POST', url: e(fund, `/vouchers/${DRAFT}/approve`) }) },
  'POST /api/entities/{entity}/vouchers/{id}/post': { request: (fund) => ({ method: 'POST', url: e(fund, `/vouchers/${DRAFT}/post`) }) },
  'POST /api/entities/{entity}/vouchers/{id}/cancel': { request: (fund) => ({ method: 'POST', url: e(fund, `/vouchers/${POSTED}/cancel`), payload: { date: '2024-06-30' } }) },
  'GET /api/entities/{entity}/voucher-settings': { request: (fund) => ({ method: 'GET', url: e(fund, '/voucher-settings') }) },
  'PATCH /api/entities/{entity}/voucher-settings': {
    request: (fund) => ({ method: 'PATCH', url: e(fund, '/voucher-settings'), payload: { types: { 'cash-payment': { approvalRequired: false } } } }),
  },
  'POST /api/transfers': {
    request: (fund) => ({ method: 'POST', url: '/api/transfers', payload: { from: fund, to: fund === 'C1' ? 'C2' : 'C1', date: '2024-06-30', amount: '1000', reason: 'Điều tiết' } }),
    allowed: () => false, // a role on one commune is never a right on both
  },
  'GET /api/transfers/{id}': { request: (fund) => ({ method: 'GET', url: `/api/transfers/${TRANSFER[fund]}` }), allowed: (_role, fund) => fund === 'C1' },
  'POST /api/transfers/{id}/confirm': {
    request: (fund) => ({ method: 'POST', url: `/api/transfers/${TRANSFER[fund]}/confirm`, payload: { date: '2024-06-30' } }),
    allowed: (role, fund) => fund === 'C1' && role !== 'auditor',
  },
  'GET /api/audit': {
    request: (fund) => ({ method: 'GET', url: `/api/audit?entity=${fund}` }),
    allowed: (role, fund) => fund === 'C1' && (role === 'admin' || role === 'auditor'),
  },
  'GET /api/users': { request: () => ({ method: 'GET', url: '/api/users' }), allowed: (role) => role === 'admin' },
  'POST /api/users': {
    request: (fund) => ({ method: 'POST', url: '/api/users', payload: { name: 'moi', grants: [{ entity: fund, role: 'auditor' }] } }),
    allowed: ownAdmin,
  },
  'POST /api/users/{user}/grants': {
    request: (fund) => ({ method: 'POST', url: `/api/users/${accountantOf(fund)}/grants`, payload: { entity: fund, role: 'auditor' } }),
    allowed: ownAdmin,
  },
  'DELETE /api/users/{user}/grants/{grantId}': {
    request: (fund, world) => ({ method: 'DELETE', url: `/api/users/${accountantOf(fund)}/grants/${grantId(world, accountantOf(fund))}` }),
    allowed: ownAdmin,
  },
  'GET /api/users/{user}/tokens': { request: (fund) => ({ method: 'GET', url: `/api/users/${accountantOf(fund)}/tokens` }), allowed: adminOrHolder },
  'POST /api/users/{user}/tokens': {
    request: (fund) => ({ method: 'POST', url: `/api/users/${accountantOf(fund)}/tokens`, payload: { label: 'máy mới' } }),
    allowed: adminOrHolder,
  },
  'POST /api/tokens/{id}/revoke': {
    request: (fund, world) => ({ method: 'POST', url: `/api/tokens/${tokenId(world, accountantOf(fund))}/revoke` }),
    allowed: adminOrHolder,
  },
};

let world: ApiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function fresh(): Promise<ApiWorld> {
  world = await apiWorld();
  const ready = world;
  // Something to read, reverse and lock on both communes.
  for (const fund of ['C1', 'C2']) {
    const posted = await ready.call('root', { method: 'POST', url: `/api/entities/${fund}/entries`, payload: payment('1000') });
    expect(posted.statusCode).toBe(201);
    expect((await ready.call('root', { method: 'POST', url: `/api/entities/${fund}/periods/2024/2/lock` })).statusCode).toBe(200);
  }
  await vouchersAndTransfers(ready);
  return ready;
}

async function vouchersAndTransfers(w: ApiWorld): Promise<void> {
  const ok = async (options: InjectOptions) => {
    const response = await w.call('root', options);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as { id: number };
  };
  expect((await ok({ method: 'POST', url: e('C1', '/vouchers'), payload: VOUCHER })).id).toBe(DRAFT);
  expect((await ok({ method: 'POST', url: e('C1', '/vouchers'), payload: VOUCHER })).id).toBe(POSTED);
  await ok({ method: 'POST', url: e('C1', `/vouchers/${POSTED}/post`) });
  for (const [fund, number] of [['PROV', '100'], ['C1', '101'], ['C2', '102']]) {
    await ok({ method: 'POST', url: `/api/entities/${fund}/bank-accounts`, payload: { kind: 'bank', institution: 'Agribank', number, accountCode: '1121' } });
  }
  await ok({ method: 'POST', url: '/api/entities/PROV/entries', payload: { date: '2024-06-01', description: 'Nộp tiền vào ngân hàng', lines: [{ account: '1121', debit: '5000', bankAccount: '100' }, { account: '1111', credit: '5000' }] } });
  for (const to of ['C1', 'C2'] as const) {
    const sent = await ok({ method: 'POST', url: '/api/transfers', payload: { from: 'PROV', to, date: '2024-06-01', amount: '1000', reason: 'Điều tiết', inTransit: true } });
    expect(sent.id).toBe(TRANSFER[to]);
  }
}

let documented: Promise<{ key: string; access: string }[]> | undefined;

/** The operations of the OpenAPI document, read once. */
function operations(): Promise<{ key: string; access: string }[]> {
  documented ??= readOperations();
  return documented;
}

async function readOperations(): Promise<{ key: string; access: string }[]> {
  const w = await apiWorld();
  const doc = (await w.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, { description?: string }>>;
  };
  await w.close();
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, access: op.description ?? '' })),
  );
}

describe('roles inherited down the fund tree', () => {
  it('lets a province auditor read a commune fund below it, and write nothing there', async () => {
    const w = await fresh();
    expect((await w.call('provAuditor', { method: 'GET', url: '/api/entities/C1/trial-balance?from=2024-01-01&to=2024-12-31' })).statusCode).toBe(200);
    expect((await w.call('provAuditor', { method: 'GET', url: '/api/audit?entity=C2' })).statusCode).toBe(200);
    expect((await w.call('provAuditor', { method: 'POST', url: '/api/entities/C1/entries', payload: receipt('1000') })).statusCode).toBe(403);
  });

  it('lets a province admin with inheritance manage a commune, but a commune admin nothing above it', async () => {
    const w = await fresh();
    expect((await w.call('provAdmin', { method: 'POST', url: '/api/entities/C2/periods/2024/1/lock' })).statusCode).toBe(200);
    expect((await w.call('c1Admin', { method: 'POST', url: '/api/entities/PROV/periods/2024/1/lock' })).statusCode).toBe(403);
  });

  it('lists only the funds a user holds a role on', async () => {
    const w = await fresh();
    const codes = async (who: Person) => ((await w.call(who, { method: 'GET', url: '/api/entities' })).json() as { code: string }[]).map((f) => f.code);
    expect(await codes('c1Accountant')).toEqual(['C1']);
    expect(await codes('provAuditor')).toEqual(['PROV', 'C1', 'C2']);
  });
});

describe('the permission matrix', () => {
  it('has a row for every route the server documents, and no row for a route it lacks', async () => {
    const documented = (await operations()).map((o) => o.key).sort();
    expect(Object.keys(ROWS).sort()).toEqual(documented);
  });

  it('states the access rule of every route in its documentation', async () => {
    for (const op of await operations()) expect(op.access, op.key).toMatch(/Access: /);
  });

  it.each(Object.keys(ROWS).filter((key) => key !== 'GET /health' && !key.startsWith('GET /public/') && !key.startsWith('POST /api/feeds/')))('refuses %s without a token, with 401', async (key) => {
    const w = await fresh();
    const response = await w.call(null, ROWS[key]?.request('C1', w) ?? {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  const cases = Object.keys(ROWS).flatMap((key) =>
    (Object.keys(HOLDERS) as Role[]).flatMap((role) => (['C1', 'C2'] as Fund[]).map((fund) => [key, role, fund] as const)),
  );

  it.each(cases)('%s as %s on %s', async (key, role, fund) => {
    const ops = await operations();
    const op = ops.find((o) => o.key === key);
    const row = ROWS[key];
    if (!op || !row) throw new Error(`no route ${key}`);
    const permission = /Access: `([a-z.]+)` on the fund/.exec(op.access)?.[1];
    const expected = row.allowed ? row.allowed(role, fund) : fund === 'C1' && (MAY[permission ?? ''] ?? []).includes(role);
    const w = await fresh();
    const response = await w.call(HOLDERS[role], row.request(fund, w));
    if (expected) {
      expect(response.statusCode, response.body).toBe(row.status ?? (response.statusCode < 300 ? response.statusCode : 200));
    } else {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ status: 403 });
    }
  });
});
