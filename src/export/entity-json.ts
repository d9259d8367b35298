/** A fund's profile as JSON: seal, signatories, bank accounts, policy and fiscal years. */
import { sealImageDocuments, type FiscalYear, type FundBankAccount, type FundProfile, type Signatory } from '../ledger/fund-profile.js';

export interface EntityDetails {
  readonly entity: FundProfile;
  readonly parent: string | null;
  readonly signatories: readonly Signatory[];
  readonly bankAccounts: readonly FundBankAccount[];
  readonly years: readonly FiscalYear[];
}

export function entitySummaryJson(entity: Pick<FundProfile, 'code' | 'name' | 'kind' | 'level'>) {
  return { code: entity.code, name: entity.name, kind: entity.kind, level: entity.level };
}

export function entityJson(details: EntityDetails) {
  const { entity } = details;
  return {
    ...entitySummaryJson(entity),
    parent: details.parent,
    address: entity.address,
    budgetUnitCode: entity.budgetUnitCode,
    seal: { name: entity.sealName, reference: entity.sealReference, date: entity.sealDate, hasImage: entity.sealImage !== null, imageOn: sealImageDocuments(entity) },
    signatories: details.signatories.map((s) => ({ role: s.role, name: s.name, title: s.title })),
    bankAccounts: details.bankAccounts.map((b) => ({ kind: b.kind, institution: b.institution, number: b.number, currency: b.currency, accountCode: b.accountCode })),
    policy: {
      managementCostsAllowed: entity.managementCostsAllowed,
      managementCostCap: entity.managementCostCap === null ? null : String(entity.managementCostCap),
    },
    years: details.years.map((y) => ({ year: y.year, regime: y.regime, status: y.status })),
    entries: entity.chainSeq,
  };
}
