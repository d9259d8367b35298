/**
 * Everything the rules need to know about one fund, loaded at the start of a use case:
 * its row, regime, chart (with the stored id of every account), calendar and dimensions.
 */
import { listAccounts } from '../db/accounts-repo.js';
import { listFiscalYears, loadCalendar } from '../db/calendar-repo.js';
import { bankAccountIds, listCampaigns } from '../db/dimensions-repo.js';
import { findEntityByCode, type EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { Calendar } from '../ledger/calendar.js';
import { buildChart, type Chart } from '../ledger/chart.js';
import { DEFAULT_REGIME, findRegime, type Regime } from '../ledger/regimes.js';
import { accept, reject, type Result } from '../ledger/rejections.js';

export interface Fund {
  readonly entity: EntityRow;
  readonly regime: Regime;
  readonly chart: Chart;
  readonly accountIds: ReadonlyMap<string, number>;
  readonly calendar: Calendar;
  readonly campaignIds: ReadonlyMap<string, number>;
  readonly bankAccountIds: ReadonlyMap<string, number>;
}

/** The regime of the fund's latest fiscal year: the one new postings and sub-accounts follow. */
export function currentRegime(store: Store, entityId: number): Regime {
  const years = listFiscalYears(store.db, entityId);
  const code = years.at(-1)?.regime ?? DEFAULT_REGIME;
  const regime = findRegime(code);
  if (!regime) throw new Error(`fund ${entityId} uses unknown regime ${code}`);
  return regime;
}

export function loadFund(store: Store, code: string): Result<Fund> {
  const entity = findEntityByCode(store.db, code);
  if (!entity) return reject('entity_unknown', 'entity', code);
  const regime = currentRegime(store, entity.id);
  const rows = listAccounts(store.db, entity.id);
  const chart = buildChart(
    rows.map((r) => ({
      code: r.code, parent: r.parentCode, nameVi: r.nameVi, nameEn: r.nameEn, class: r.class,
      normalSide: r.normalSide, offBalance: r.offBalance, note: r.note, active: r.active,
    })),
    regime,
  );
  return accept({
    entity,
    regime,
    chart,
    accountIds: new Map(rows.map((r) => [r.code, r.id])),
    calendar: loadCalendar(store.db, entity.id),
    campaignIds: new Map(listCampaigns(store.db, entity.id).map((c) => [c.code, c.id])),
    bankAccountIds: bankAccountIds(store.db, entity.id),
  });
}

/** The account code of every stored account id of the fund. */
export function codeOf(fund: Fund): (accountId: number) => string {
  const codes = new Map([...fund.accountIds].map(([code, id]) => [id, code]));
  return (accountId) => codes.get(accountId) ?? String(accountId);
}
