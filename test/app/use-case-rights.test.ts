/**
 * The use cases check the caller's rights inside their own transaction, so a command-line
 * caller and an API caller meet the same rules: the local principal holds every right, a
 * user only what their grants give, and a refusal leaves nothing written.
 */
import { describe, expect, it } from 'vitest';
import { localCaller, type Caller } from '../../src/app/caller.js';
import { createEntity } from '../../src/app/create-entity.js';
import type { Role } from '../../src/db/access-repo.js';
import { confirmTransfer } from '../../src/app/transfers/confirm-transfer.js';
import { createTransfer } from '../../src/app/transfers/create-transfer.js';
import { issueToken, revokeToken } from '../../src/app/tokens.js';
import { createUser, grantRole, revokeGrant } from '../../src/app/users.js';
import { setVoucherSettings } from '../../src/app/vouchers/voucher-settings.js';
import { listAudit } from '../../src/db/audit-repo.js';
import type { Store } from '../../src/db/store.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, postOk } from '../support/store-fixture.js';
import { changedTables, tableDigest } from '../support/table-digest.js';

/** A province fund F1 with a commune fund F2 below it, both holding money. */
function twoFunds(): Store {
  const store = freshStore();
  createFund(store);
  postOk(store, OPENING, { kind: 'opening' });
  createFund(store, { code: 'F2', parent: FUND.code, bankAccounts: [{ kind: 'bank', institution: 'Agribank', number: '999', accountCode: '1121' }] });
  return store;
}

const user = (name: string, ...grants: [entityId: number | null, role: Role][]): Caller => ({
  name, origin: '127.0.0.1', principal: { userId: 100, name, grants: grants.map(([entityId, role]) => ({ entityId, role, inherit: false })) },
});

const transfer = (store: Store, actor: Caller, extra: { inTransit?: boolean } = {}) =>
  createTransfer(store, { from: FUND.code, to: 'F2', date: '2024-03-05', amount: '1000000', reason: 'Điều tiết', actor, ...extra });

describe('transfers', () => {
  it.each([
    ['an approver of the giving fund alone', [[1, 'approver']] as [number, Role][], { inTransit: false }, 'to'],
    ['an accountant of both funds, where bank payments wait for approval', [[1, 'accountant'], [2, 'accountant']] as [number, Role][], { inTransit: false }, 'from'],
    ['an auditor of both funds', [[1, 'auditor'], [2, 'auditor']] as [number, Role][], { inTransit: false }, 'from'],
  ])('are refused to %s, naming the side, with nothing written', (_who, grants, extra, path) => {
    const store = twoFunds();
    const before = tableDigest(store);
    expect(transfer(store, user('u', ...grants), extra)).toMatchObject({ ok: false, code: 'forbidden', path });
    expect(changedTables(before, tableDigest(store))).toEqual([]);
  });

  it('are made by an approver of the giving fund alone when the money goes in transit, and confirmed only by the receiving side', () => {
    const store = twoFunds();
    const giver = user('giver', [1, 'approver']);
    const sent = transfer(store, giver, { inTransit: true });
    if (!sent.ok) throw new Error(sent.code);
    expect(confirmTransfer(store, { id: sent.value.transfer.id, actor: giver })).toMatchObject({ ok: false, code: 'forbidden', path: 'id' });
    expect(confirmTransfer(store, { id: sent.value.transfer.id, actor: user('stranger') })).toMatchObject({ ok: false, code: 'forbidden', detail: 'needs ledger.read on one of its funds' });
    expect(confirmTransfer(store, { id: sent.value.transfer.id, date: '2024-03-10', actor: user('receiver', [2, 'accountant']) })).toMatchObject({ ok: true, value: { transfer: { status: 'received' } } });
  });

  it('need the right to approve where the receiving fund asks approval of bank receipts', () => {
    const store = twoFunds();
    expect(setVoucherSettings(store, { entity: 'F2', change: { types: { 'bank-receipt': { approvalRequired: true } } }, actor: ACTOR }).ok).toBe(true);
    expect(transfer(store, user('a', [1, 'approver'], [2, 'accountant']))).toMatchObject({ ok: false, code: 'forbidden', detail: 'needs voucher.approve on F2' });
    expect(transfer(store, user('b', [1, 'approver'], [2, 'approver']))).toMatchObject({ ok: true });
  });
});

describe('funds', () => {
  it('are created below a fund only by who manages it, and at the top only from the installation level', () => {
    const store = twoFunds();
    const commune = { ...FUND, code: 'F3', parent: 'F2' };
    expect(createEntity(store, commune, user('acc', [2, 'accountant']))).toMatchObject({ ok: false, code: 'forbidden', path: 'parent', detail: 'needs entity.manage on F2' });
    expect(createEntity(store, { ...FUND, code: 'F4' }, user('adm', [1, 'admin']))).toMatchObject({ ok: false, code: 'forbidden', detail: 'needs entity.manage over the installation' });
    expect(createEntity(store, commune, user('adm', [2, 'admin']))).toMatchObject({ ok: true, value: { code: 'F3' } });
  });
});

describe('users and tokens', () => {
  it('are managed within the caller’s reach', () => {
    const store = twoFunds();
    const communeAdmin = user('adm2', [2, 'admin']);
    expect(createUser(store, { name: 'lan', grants: [{ entity: FUND.code, role: 'accountant' }], actor: communeAdmin })).toMatchObject({ ok: false, code: 'forbidden', path: 'grants[0].entity' });
    expect(createUser(store, { name: 'lan', grants: [], actor: communeAdmin })).toMatchObject({ ok: false, code: 'forbidden', path: 'grants' });
    expect(createUser(store, { name: 'lan', grants: [{ entity: 'F2', role: 'accountant' }], actor: communeAdmin })).toMatchObject({ ok: true });
    expect(grantRole(store, { user: 'lan', grant: { entity: FUND.code, role: 'auditor' }, actor: communeAdmin })).toMatchObject({ ok: false, code: 'forbidden', path: 'entity' });
    const provincial = grantRole(store, { user: 'lan', grant: { entity: FUND.code, role: 'auditor' }, actor: ACTOR });
    if (!provincial.ok) throw new Error(provincial.code);
    expect(revokeGrant(store, { user: 'lan', grantId: provincial.value.id, actor: communeAdmin })).toMatchObject({ ok: false, code: 'forbidden', path: 'grantId' });
    expect(issueToken(store, { user: 'lan', label: 'x', actor: communeAdmin })).toMatchObject({ ok: false, code: 'user_beyond_reach' });
    const token = issueToken(store, { user: 'lan', label: 'x', actor: ACTOR });
    if (!token.ok) throw new Error(token.code);
    expect(revokeToken(store, { id: token.value.id, actor: communeAdmin })).toMatchObject({ ok: false, code: 'user_beyond_reach' });
  });
});

describe('the command line', () => {
  it('acts as a named local principal with every right, recorded under its name and origin', () => {
    const store = twoFunds();
    const local = localCaller({ name: 'ketoan', origin: 'cli' });
    expect(transfer(store, local)).toMatchObject({ ok: true });
    const events = listAudit(store.db, { entityIds: 'all', kind: 'transfer.created', limit: 10 });
    expect(events.map((e) => [e.actor, e.origin])).toEqual([['ketoan', 'cli'], ['ketoan', 'cli']]);
  });
});
