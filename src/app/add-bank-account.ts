/** Registering another bank or treasury account of a fund, on a leaf account of its chart. */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { insertBankAccounts, listBankAccounts } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { EntityProfile } from './create-entity.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export type BankAccountInput = NonNullable<EntityProfile['bankAccounts']>[number];

export function addBankAccount(store: Store, request: { entity: string; bank: BankAccountInput; actor: Actor }): Result<BankAccountInput> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const { bank } = request;
    const account = fund.value.chart.accounts.get(bank.accountCode);
    if (!account) return reject('account_unknown', 'accountCode', bank.accountCode);
    if (!account.leaf) return reject('account_not_postable', 'accountCode', bank.accountCode);
    const entityId = fund.value.entity.id;
    if (listBankAccounts(store.db, entityId).some((b) => b.number === bank.number)) return reject('bank_account_number_taken', 'number', bank.number);
    insertBankAccounts(store.db, [{ entityId, kind: bank.kind, institution: bank.institution, number: bank.number, currency: bank.currency ?? 'VND', accountCode: bank.accountCode }]);
    recordAudit(store.db, request.actor, { entityId, kind: 'bank-account.added', subject: bank.number, detail: { ...bank } });
    return accept(bank);
  });
}
