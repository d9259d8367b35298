/** Adding a sub-account to a fund's chart; its parent stops taking postings. */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { accountHasPostings, insertAccounts } from '../db/accounts-repo.js';
import type { Store } from '../db/store.js';
import { planSubAccount, type ChartRow, type SubAccountRequest } from '../ledger/chart.js';
import { type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export function addSubAccount(store: Store, request: SubAccountRequest & { readonly entity: string; readonly actor: Actor }): Result<ChartRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const parentId = fund.value.accountIds.get(request.parent);
    const parentHasPostings = parentId !== undefined && accountHasPostings(store.db, fund.value.entity.id, parentId);
    const planned = planSubAccount(fund.value.chart, request, parentHasPostings);
    if (!planned.ok) return planned;
    insertAccounts(store.db, fund.value.entity.id, [planned.value]);
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'account.added', subject: planned.value.code, detail: { parent: request.parent, nameVi: planned.value.nameVi } });
    return planned;
  });
}
