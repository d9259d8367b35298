/** Reading a fund's posted entries: one by its sequence number, or a filtered page of them. */
import { findEntry, findEntryIdBySeq, listEntryIds, type EntryFilter } from '../db/entries-repo.js';
import type { StoredEntry } from '../ledger/entry.js';
import type { Store } from '../db/store.js';
import { accept, reject, type Result } from '../ledger/rejections.js';

export function findEntryBySeq(store: Store, entityId: number, seq: number): Result<StoredEntry> {
  const id = findEntryIdBySeq(store.sqlite, entityId, seq);
  const entry = id === undefined ? undefined : findEntry(store.sqlite, entityId, id);
  return entry ? accept(entry) : reject('entry_not_found', 'seq', String(seq));
}

export interface EntryPage {
  readonly entries: readonly StoredEntry[];
  /** The `afterSeq` that reads the next page; null on the last one. */
  readonly nextAfterSeq: number | null;
}

export function listEntries(store: Store, entityId: number, filter: EntryFilter): EntryPage {
  const ids = listEntryIds(store.sqlite, entityId, { ...filter, limit: filter.limit + 1 });
  const entries = ids.slice(0, filter.limit).map((id) => findEntry(store.sqlite, entityId, id)).filter((e) => e !== undefined);
  return { entries, nextAfterSeq: ids.length > filter.limit ? (entries.at(-1)?.seq ?? null) : null };
}
