/** Deactivating an unused account: it stays in the chart and the books but takes no postings. */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { deactivateAccount as storeDeactivation } from '../db/accounts-repo.js';
import type { Store } from '../db/store.js';
import { checkDeactivation } from '../ledger/chart.js';
import { accept, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { balancesAt } from './trial-balance.js';

/** The far end of time: a balance "as of" it includes every posting. */
const END_OF_TIME = '9999-12-31';

export function deactivateAccount(store: Store, request: { readonly entity: string; readonly code: string; readonly actor: Actor }): Result<null> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const hasBalance = (balancesAt(store, fund.value, END_OF_TIME).get(request.code) ?? 0n) !== 0n;
    const refused = checkDeactivation(fund.value.chart, request.code, hasBalance);
    if (refused) return refused;
    storeDeactivation(store.db, fund.value.entity.id, request.code);
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'account.deactivated', subject: request.code });
    return accept(null);
  });
}
