/**
 * A fund's voucher settings: the number format, and per voucher type the number prefix and
 * whether an approver must approve before posting. Types the fund never set follow the
 * defaults of the fund's regime.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import { findEntityByCode, updateEntityRow, type EntityRow } from '../../db/entities-repo.js';
import type { Store } from '../../db/store.js';
import { listVoucherSettings, saveVoucherSetting, type VoucherSettingRow } from '../../db/vouchers-repo.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { checkNumberFormat } from '../../ledger/vouchers/voucher-number.js';
import { VOUCHER_TYPES, type VoucherType } from '../../ledger/vouchers/voucher-types.js';
import type { Regime } from '../../regimes/regimes.js';
import { currentRegime } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

export interface TypeSetting {
  readonly prefix: string;
  readonly approvalRequired: boolean;
}

export interface VoucherSettings {
  readonly numberFormat: string;
  readonly types: Readonly<Record<VoucherType, TypeSetting>>;
}

export function voucherSettingsOf(store: Store, entity: EntityRow): VoucherSettings {
  return settingsFrom(entity, listVoucherSettings(store.db, entity.id), currentRegime(store, entity.id));
}

/** The fund's settings from the types it has set, the others following its regime's voucher types. */
export function settingsFrom(entity: EntityRow, rows: readonly VoucherSettingRow[], regime: Pick<Regime, 'voucherTypes'>): VoucherSettings {
  const saved = new Map(rows.map((s) => [s.type, s]));
  const types = Object.fromEntries(
    VOUCHER_TYPES.map((type) => {
      const own = saved.get(type);
      const spec = regime.voucherTypes[type];
      return [type, { prefix: own?.prefix ?? spec.prefix, approvalRequired: own?.approvalRequired ?? spec.approvalByDefault }];
    }),
  ) as Record<VoucherType, TypeSetting>;
  return { numberFormat: entity.voucherNumberFormat, types };
}

export interface SettingsChange {
  readonly numberFormat?: string;
  readonly types?: Partial<Record<VoucherType, Partial<TypeSetting>>>;
}

export function setVoucherSettings(store: Store, request: { entity: string; change: SettingsChange; actor: Actor }): Result<VoucherSettings> {
  return inTransaction(store, () => {
    const entity = findEntityByCode(store.db, request.entity);
    if (!entity) return reject('entity_unknown', 'entity', request.entity);
    const current = voucherSettingsOf(store, entity);
    const numberFormat = request.change.numberFormat ?? current.numberFormat;
    for (const type of VOUCHER_TYPES) {
      const next = { ...current.types[type], ...request.change.types?.[type] };
      const problem = checkNumberFormat(numberFormat, next.prefix);
      if (problem) return { ...problem, path: request.change.types?.[type]?.prefix === undefined ? 'numberFormat' : `types.${type}.prefix` };
      if (request.change.types?.[type]) saveVoucherSetting(store.db, { entityId: entity.id, type, ...next });
    }
    const updated = numberFormat === entity.voucherNumberFormat ? entity : updateEntityRow(store.db, entity.id, { voucherNumberFormat: numberFormat });
    recordAudit(store.db, request.actor, { entityId: entity.id, kind: 'voucher-settings.updated', subject: entity.code, detail: { ...request.change } });
    return accept(voucherSettingsOf(store, updated));
  });
}
