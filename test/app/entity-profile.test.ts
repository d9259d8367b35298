import { describe, expect, it } from 'vitest';
import { parseEntityProfile } from '../../src/app/entity-profile-schema.js';

const profile = { code: 'F1', name: 'Quỹ', kind: 'relief', level: 'commune', seal: { name: 'QUỸ' }, firstYear: 2025 };

describe('fund profiles', () => {
  it('accepts a minimal profile and normalises its text to NFC', () => {
    const parsed = parseEntityProfile({ ...profile, name: 'Quy\u0303 cư\u0301u trơ\u0323' });
    expect(parsed).toMatchObject({ ok: true, value: { name: 'Quỹ cứu trợ' } });
  });

  it.each([
    ['an unknown field', { ...profile, colour: 'red' }, ''],
    ['an unknown kind', { ...profile, kind: 'charity' }, 'kind'],
    ['a bad seal date', { ...profile, seal: { name: 'Q', date: '1/1/2020' } }, 'seal.date'],
    ['a cap with separators', { ...profile, policy: { managementCostsAllowed: true, managementCostCap: '1.000.000' } }, 'policy.managementCostCap'],
    ['a bank account on a bad code', { ...profile, bankAccounts: [{ kind: 'bank', institution: 'X', number: '1', accountCode: 'abc' }] }, 'bankAccounts.0.accountCode'],
    ['a year as text', { ...profile, firstYear: '2025' }, 'firstYear'],
  ])('refuses %s, naming the field', (_, value, field) => {
    expect(parseEntityProfile(value)).toMatchObject({ ok: false, field });
  });
});
