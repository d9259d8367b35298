/**
 * Reading and setting a fund's account mapping for one MISA installation. Every account the
 * mapping names must be in the fund's chart; the MISA side is the installation's own code.
 */
import { recordAudit, type Actor } from '../../db/audit-repo.js';
import { findMisaMapping, saveMisaMapping } from '../../db/misa-repo.js';
import type { Store } from '../../db/store.js';
import type { MisaProduct } from '../../export/misa/layout.js';
import type { MisaMapping } from '../../export/misa/mapping.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

export function getMisaMapping(store: Store, request: { readonly entity: string; readonly product: MisaProduct }): Result<MisaMapping> {
  const fund = loadFund(store, request.entity);
  return fund.ok ? accept(findMisaMapping(store.db, fund.value.entity.id, request.product)) : fund;
}

export function setMisaMapping(store: Store, request: { readonly entity: string; readonly mapping: MisaMapping; readonly actor: Actor }): Result<MisaMapping> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const unknown = Object.keys(request.mapping.accounts).find((code) => !fund.value.chart.accounts.has(code));
    if (unknown !== undefined) return reject('account_unknown', `accounts.${unknown}`, unknown);
    saveMisaMapping(store.db, fund.value.entity.id, request.mapping, request.actor.name);
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'misa.mapping', subject: request.mapping.product, detail: { identity: request.mapping.identity, accounts: Object.keys(request.mapping.accounts).length } });
    return accept(findMisaMapping(store.db, fund.value.entity.id, request.mapping.product));
  });
}
