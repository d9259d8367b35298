/** Fresh in-memory stores with a fund in them, and journal text posted through the use cases. */
import { localCaller } from '../../src/app/caller.js';
import { createEntity, type EntityProfile } from '../../src/app/create-entity.js';
import { postEntries } from '../../src/app/post-entries.js';
import type { PostedRef } from '../../src/app/posting-session.js';
import { openStore, type Store } from '../../src/db/store.js';
import type { EntityRow } from '../../src/db/entities-repo.js';
import { parseJournal } from '../../src/ledger/journal-text.js';
import type { Result } from '../../src/ledger/rejections.js';

export const ACTOR = localCaller({ name: 'test', origin: 'test' });

export function freshStore(): Store {
  return openStore(':memory:');
}

export const FUND: EntityProfile = {
  code: 'F1',
  name: 'Ban vận động Quỹ "Vì người nghèo" xã Thử Nghiệm',
  kind: 'poor-fund',
  level: 'commune',
  seal: { name: 'BAN VẬN ĐỘNG QUỸ "VÌ NGƯỜI NGHÈO" XÃ THỬ NGHIỆM' },
  bankAccounts: [{ kind: 'bank', institution: 'Agribank', number: '111222333', accountCode: '1121' }],
  firstYear: 2024,
};

export function createFund(store: Store, overrides: Partial<EntityProfile> = {}): EntityRow {
  const created = createEntity(store, { ...FUND, ...overrides }, ACTOR);
  if (!created.ok) throw new Error(`fixture fund refused: ${created.code}`);
  return created.value;
}

export function post(store: Store, journal: string, options: { entity?: string; kind?: 'regular' | 'opening' } = {}): Result<PostedRef[]> {
  const entries = parseJournal(journal);
  if (!entries.ok) throw new Error(`fixture journal unreadable: ${entries.detail}`);
  return postEntries(store, { entity: options.entity ?? FUND.code, entries: entries.value, actor: ACTOR, ...(options.kind && { kind: options.kind }) });
}

/** Posts and fails the test on a refusal. */
export function postOk(store: Store, journal: string, options: { entity?: string; kind?: 'regular' | 'opening' } = {}): PostedRef[] {
  const result = post(store, journal, options);
  if (!result.ok) throw new Error(`fixture posting refused: ${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
  return result.value;
}

export const OPENING = `
2024-01-01 Số dư đầu năm
  1111  Dr 10000000
  1121  Dr 50000000
  421   Cr 60000000
`;
