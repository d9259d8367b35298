/** Replacing a fund's whole chart with one read from a CSV file, before anything is posted. */
import { recordAudit, type Actor } from '../db/audit-repo.js';
import { deleteChart, entityHasPostings, insertAccounts } from '../db/accounts-repo.js';
import { listBankAccounts } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { ChartRow } from '../ledger/chart.js';
import { parseChartCsv } from '../ledger/chart-csv.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';

export function importChart(store: Store, request: { readonly entity: string; readonly csv: string; readonly actor: Actor }): Result<readonly ChartRow[]> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const entityId = fund.value.entity.id;
    if (entityHasPostings(store.db, entityId)) return reject('chart_in_use', 'entity', request.entity);
    const rows = parseChartCsv(request.csv);
    if (!rows.ok) return rows;
    const codes = new Set(rows.value.map((r) => r.code));
    const parents = new Set(rows.value.map((r) => r.parent));
    for (const bank of listBankAccounts(store.db, entityId)) {
      if (!codes.has(bank.accountCode) || parents.has(bank.accountCode)) {
        return reject('chart_malformed', 'csv', `bank account ${bank.number} needs leaf account ${bank.accountCode}`);
      }
    }
    deleteChart(store.db, entityId);
    insertAccounts(store.db, entityId, rows.value);
    recordAudit(store.db, request.actor, { entityId, kind: 'chart.imported', subject: request.entity, detail: { accounts: rows.value.length } });
    return accept(rows.value);
  });
}
