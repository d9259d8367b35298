/** Everything a fund's profile page shows, read in one place. */
import { listFiscalYears } from '../db/calendar-repo.js';
import { findEntityById, listBankAccounts, listSignatories, type EntityRow } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import type { EntityDetails } from '../export/entity-json.js';

export function entityDetails(store: Store, entity: EntityRow): EntityDetails {
  const parent = entity.parentId === null ? null : (findEntityById(store.db, entity.parentId)?.code ?? null);
  return {
    entity,
    parent,
    signatories: listSignatories(store.db, entity.id),
    bankAccounts: listBankAccounts(store.db, entity.id),
    years: listFiscalYears(store.db, entity.id),
  };
}
