/**
 * Creating a fund: its profile and seal, signatories, bank and treasury accounts, policy,
 * its first fiscal year with twelve open months, and its chart (the regime's default, or
 * one imported from a file).
 */
import { recordAudit } from '../db/audit-repo.js';
import { insertAccounts } from '../db/accounts-repo.js';
import { insertFiscalYear, recordPeriodEvent } from '../db/calendar-repo.js';
import {
  countEntities,
  findEntityByCode,
  insertBankAccounts,
  insertEntity,
  insertSignatories,
  levelExists,
  type EntityRow,
} from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { buildChart, type ChartRow } from '../ledger/chart.js';
import { sealImageOn, type FundKind, type SealImageDocument, type SignatoryRole } from '../ledger/fund-profile.js';
import { MAX_FUNDS, parseAmount } from '../ledger/money.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { DEFAULT_REGIME, findRegime } from '../regimes/regimes.js';
import { refuseUnless, type Caller } from './caller.js';
import { inTransaction } from './in-transaction.js';

export interface EntityProfile {
  readonly code: string;
  readonly name: string;
  readonly kind: FundKind;
  readonly level: string;
  readonly parent?: string;
  readonly address?: string;
  readonly budgetUnitCode?: string;
  readonly seal: { readonly name: string; readonly reference?: string; readonly date?: string; readonly imageOn?: readonly SealImageDocument[] };
  readonly signatories?: readonly { readonly role: SignatoryRole; readonly name: string; readonly title?: string }[];
  readonly bankAccounts?: readonly {
    readonly kind: 'bank' | 'treasury';
    readonly institution: string;
    readonly number: string;
    readonly currency?: string;
    readonly accountCode: string;
  }[];
  readonly policy?: { readonly managementCostsAllowed: boolean; readonly managementCostCap?: string };
  readonly firstYear: number;
  readonly regime?: string;
  /** A chart to start from instead of the regime's default (already validated). */
  readonly chart?: readonly ChartRow[];
}

/** Needs entity.manage on the parent fund, or over the installation for a fund with no parent. */
export function createEntity(store: Store, profile: EntityProfile, actor: Caller): Result<EntityRow> {
  return inTransaction(store, () => {
    const parent = profile.parent === undefined ? null : findEntityByCode(store.db, profile.parent);
    if (parent === undefined) return reject('entity_unknown', 'parent', profile.parent);
    const refused = refuseUnless(store, actor, 'entity.manage', parent, 'parent');
    if (refused) return refused;
    const regime = findRegime(profile.regime ?? DEFAULT_REGIME);
    if (!regime) return reject('regime_unknown', 'regime', profile.regime);
    if (findEntityByCode(store.db, profile.code)) return reject('entity_code_taken', 'code', profile.code);
    if (countEntities(store.db) >= MAX_FUNDS) return reject('entity_limit_reached', 'code', `${MAX_FUNDS}`);
    if (!levelExists(store.db, profile.level)) return reject('level_unknown', 'level', profile.level);
    const cap = profile.policy?.managementCostCap;
    const parsedCap = cap === undefined ? null : parseAmount(cap, 0);
    if (parsedCap && (!parsedCap.ok || parsedCap.value < 0n)) return reject('amount_malformed', 'policy.managementCostCap', cap);
    const chartRows = profile.chart ?? regime.chart;
    const chart = buildChart(chartRows.map((r) => ({ ...r, active: true })), regime);
    for (const [index, bank] of (profile.bankAccounts ?? []).entries()) {
      const account = chart.accounts.get(bank.accountCode);
      if (!account) return reject('account_unknown', `bankAccounts[${index}].accountCode`, bank.accountCode);
      if (!account.leaf) return reject('account_not_postable', `bankAccounts[${index}].accountCode`, bank.accountCode);
    }
    const entity = insertEntity(store.db, {
      code: profile.code,
      name: profile.name,
      kind: profile.kind,
      level: profile.level,
      parentId: parent?.id ?? null,
      address: profile.address ?? null,
      budgetUnitCode: profile.budgetUnitCode ?? null,
      sealName: profile.seal.name,
      ...sealImageOn(profile.seal.imageOn),
      sealReference: profile.seal.reference ?? null,
      sealDate: profile.seal.date ?? null,
      managementCostsAllowed: profile.policy?.managementCostsAllowed ?? false,
      managementCostCap: parsedCap?.ok ? Number(parsedCap.value) : null,
    });
    insertSignatories(store.db, (profile.signatories ?? []).map((s) => ({ entityId: entity.id, role: s.role, name: s.name, title: s.title ?? null })));
    insertBankAccounts(
      store.db,
      (profile.bankAccounts ?? []).map((b) => ({
        entityId: entity.id, kind: b.kind, institution: b.institution, number: b.number, currency: b.currency ?? 'VND', accountCode: b.accountCode,
      })),
    );
    insertAccounts(store.db, entity.id, chartRows);
    insertFiscalYear(store.db, entity.id, profile.firstYear, regime.code);
    recordPeriodEvent(store.db, { entityId: entity.id, year: profile.firstYear, month: null, action: 'open-year', actor: actor.name, reason: null });
    recordAudit(store.db, actor, { entityId: entity.id, kind: 'entity.created', subject: entity.code, detail: { name: entity.name, level: entity.level, parent: profile.parent ?? null } });
    return accept(entity);
  });
}
