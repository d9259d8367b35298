import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TT103_2018 } from '../../src/regimes/tt103-2018/regime.js';
import { addSubAccount } from '../../src/app/add-sub-account.js';
import { createEntity } from '../../src/app/create-entity.js';
import { deactivateAccount } from '../../src/app/deactivate-account.js';
import { importChart } from '../../src/app/import-chart.js';
import { reverseEntry } from '../../src/app/reverse-entry.js';
import { getAccountBalance, getTrialBalance } from '../../src/app/trial-balance.js';
import { listAccounts } from '../../src/db/accounts-repo.js';
import { findEntityByCode, listBankAccounts, listSignatories } from '../../src/db/entities-repo.js';
import { ACTOR, createFund, FUND, freshStore, OPENING, post, postOk } from '../support/store-fixture.js';

describe('funds as separate accounting entities', () => {
  it('keeps profile, seal, signatories, bank accounts and policy', () => {
    const store = freshStore();
    createFund(store, {
      address: 'Xã Thử Nghiệm',
      budgetUnitCode: '1234567',
      seal: { name: 'BAN VẬN ĐỘNG', reference: 'GCN 12', date: '2019-05-01' },
      signatories: [{ role: 'head', name: 'Kim Văn Sơn', title: 'Trưởng ban' }, { role: 'cashier', name: 'Lâm Thị Hồng' }],
      policy: { managementCostsAllowed: true, managementCostCap: '5000000' },
    });
    const fund = findEntityByCode(store.db, FUND.code);
    expect(fund).toMatchObject({ sealName: 'BAN VẬN ĐỘNG', sealReference: 'GCN 12', sealDate: '2019-05-01', budgetUnitCode: '1234567', managementCostsAllowed: true, managementCostCap: 5000000 });
    expect(listSignatories(store.db, fund!.id).map((s) => s.role)).toEqual(['head', 'cashier']);
    expect(listBankAccounts(store.db, fund!.id)).toMatchObject([{ number: '111222333', accountCode: '1121' }]);
    expect(listAccounts(store.db, fund!.id)).toHaveLength(TT103_2018.chart.length);
  });

  it('shows nothing of one fund in another: accounts, numbering, balances, entries', () => {
    const store = freshStore();
    createFund(store);
    createFund(store, { code: 'F2', name: 'Quỹ thứ hai', bankAccounts: [] });
    const [entry] = postOk(store, OPENING, { kind: 'opening' });
    const [other] = postOk(store, '2024-01-01 Số dư\n  1111 Dr 7\n  421 Cr 7\n', { entity: 'F2' });
    expect([entry!.seq, other!.seq]).toEqual([1, 1]);
    const tb = getTrialBalance(store, { entity: 'F2', from: '2024-01-01', to: '2024-12-31' });
    expect(tb.ok && tb.value.totals.period).toEqual({ debit: 7n, credit: 7n });
    expect(reverseEntry(store, { entity: 'F2', entryId: entry!.id, actor: ACTOR, date: '2024-02-01' })).toMatchObject({ code: 'entry_not_found' });
    expect(post(store, '2024-02-01 Ủng hộ\n  1121 Dr 5 bank=111222333\n  5111 Cr 5\n', { entity: 'F2' })).toMatchObject({ code: 'bank_account_unknown' });
    addSubAccount(store, { actor: ACTOR,  entity: FUND.code, code: '61181', parent: '6118', nameVi: 'Chỉ quỹ 1' });
    expect(post(store, '2024-02-01 Chi\n  61181 Dr 5\n  1111 Cr 5\n', { entity: 'F2' })).toMatchObject({ code: 'account_unknown' });
  });

  it('links a commune fund to its province fund', () => {
    const store = freshStore();
    createFund(store, { code: 'TINH', level: 'province' });
    createFund(store, { code: 'XA', parent: 'TINH' });
    expect(findEntityByCode(store.db, 'XA')?.parentId).toBe(findEntityByCode(store.db, 'TINH')?.id);
  });

  it('refuses a bank account on an account that cannot take postings', () => {
    const store = freshStore();
    const refused = createEntity(store, { ...FUND, bankAccounts: [{ kind: 'bank', institution: 'X', number: '1', accountCode: '112' }] }, ACTOR);
    expect(refused).toMatchObject({ ok: false, code: 'account_not_postable', path: 'bankAccounts[0].accountCode' });
    expect(findEntityByCode(store.db, FUND.code)).toBeUndefined();
  });
});

describe('the chart of a fund', () => {
  it('turns a parent that gains a sub-account into a non-postable account, and the child keeps its guard', () => {
    const store = freshStore();
    createFund(store, { bankAccounts: [] });
    expect(addSubAccount(store, { actor: ACTOR,  entity: FUND.code, code: '11211', parent: '1121', nameVi: 'Vietcombank' }).ok).toBe(true);
    expect(post(store, '2024-02-01 Ủng hộ\n  1121 Dr 5\n  5111 Cr 5\n')).toMatchObject({ code: 'account_not_postable' });
    postOk(store, '2024-02-01 Ủng hộ\n  11211 Dr 5\n  5111 Cr 5\n');
    expect(post(store, '2024-02-02 Chi\n  6111 Dr 6\n  11211 Cr 6\n')).toMatchObject({ code: 'balance_would_go_negative' });
    const rolled = getAccountBalance(store, { entity: FUND.code, account: '112', asOf: '2024-12-31' });
    expect(rolled).toMatchObject({ ok: true, value: { balance: 5n, name: 'Tiền gửi ngân hàng, kho bạc' } });
    expect(addSubAccount(store, { actor: ACTOR,  entity: FUND.code, code: '112111', parent: '11211', nameVi: 'Con' })).toMatchObject({ code: 'account_has_postings' });
  });

  it('deactivates an unused account, which then takes no postings', () => {
    const store = freshStore();
    createFund(store);
    expect(deactivateAccount(store, { actor: ACTOR,  entity: FUND.code, code: '6118' }).ok).toBe(true);
    expect(post(store, '2024-02-01 Chi\n  6118 Dr 5\n  1111 Cr 5\n')).toMatchObject({ code: 'account_inactive' });
    postOk(store, OPENING, { kind: 'opening' });
    expect(deactivateAccount(store, { actor: ACTOR,  entity: FUND.code, code: '1111' })).toMatchObject({ code: 'account_has_balance' });
  });

  it('replaces the whole chart from CSV before anything is posted', () => {
    const store = freshStore();
    createFund(store, { bankAccounts: [] });
    const csv = 'code,parent,name_vi,name_en,class,normal_side,off_balance,note\n111,,Tiền mặt,Cash,1,debit,0,\n1111,111,Tiền Việt Nam,VND,1,debit,0,\n421,,Nguồn Quỹ,Fund,4,credit,0,\n';
    expect(importChart(store, { actor: ACTOR,  entity: FUND.code, csv })).toMatchObject({ ok: true });
    expect(listAccounts(store.db, 1).map((a) => a.code)).toEqual(['111', '1111', '421']);
    postOk(store, '2024-01-01 Số dư\n  1111 Dr 5\n  421 Cr 5\n');
    expect(post(store, '2024-02-01 Chi\n  6111 Dr 5\n  1111 Cr 5\n')).toMatchObject({ code: 'account_unknown' });
    expect(post(store, '2024-02-01 Chi\n  421 Dr 6\n  1111 Cr 6\n')).toMatchObject({ code: 'balance_would_go_negative' });
  });

  it('refuses a chart that drops the account a bank account sits on', () => {
    const store = freshStore();
    createFund(store);
    const csv = 'code,parent,name_vi,name_en,class,normal_side,off_balance,note\n111,,Tiền mặt,Cash,1,debit,0,\n';
    expect(importChart(store, { actor: ACTOR,  entity: FUND.code, csv })).toMatchObject({ code: 'chart_malformed', detail: 'bank account 111222333 needs leaf account 1121' });
    expect(listAccounts(store.db, 1)).toHaveLength(TT103_2018.chart.length);
  });
});

describe('management costs', () => {
  it('are capped per year when the fund allows them', () => {
    const store = freshStore();
    createFund(store, { policy: { managementCostsAllowed: true, managementCostCap: '1000000' } });
    postOk(store, OPENING, { kind: 'opening' });
    const cost = '2024-03-01 Chi phí quản lý\n  614 Dr 600000\n  1111 Cr 600000\n';
    expect(post(store, cost).ok).toBe(true);
    expect(post(store, cost)).toMatchObject({ code: 'management_cost_cap_exceeded' });
    expect(post(store, cost.replace('2024-03-01', '2025-03-01'))).toMatchObject({ code: 'date_outside_open_year' });
  });
});

describe('the templates', () => {
  it('create a fund from the profile template once its blanks are filled', () => {
    const store = freshStore();
    createFund(store, { code: 'MA-QUY-CAP-TREN', level: 'province' });
    const profile = JSON.parse(readFileSync('templates/entity-profile.json', 'utf8'));
    const created = createEntity(store, { ...profile, bankAccounts: [{ ...profile.bankAccounts[0], number: '123' }] }, ACTOR);
    expect(created).toMatchObject({ ok: true, value: { code: 'MA-QUY', level: 'commune' } });
  });

  it('import the chart template into a fresh fund', () => {
    const store = freshStore();
    createFund(store);
    const result = importChart(store, { actor: ACTOR,  entity: FUND.code, csv: readFileSync('templates/chart-import.csv', 'utf8') });
    expect(result.ok && result.value.map((r) => r.code)).toContain('1121');
  });
});
