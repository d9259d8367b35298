/**
 * The demo: the Fund for the Poor of Trà Vinh province and of Hòa Thuận commune below it,
 * through fiscal year 2024 — opening balances, the Peak Month donations, a transfer from
 * province to commune, housing support, Tết gifts, bank interest and fees, one reversal,
 * monthly locks and the year-end close. The scenario lives in fixtures/demo as data, and
 * the tests replay the same files.
 */
import type { Actor } from '../db/audit-repo.js';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntryIdBySeq } from '../db/entries-repo.js';
import { findEntityByCode, listEntities } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { parseJournal } from '../ledger/journal-text.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import { closeYear } from './close-year.js';
import { createCampaign, type CampaignRequest } from './create-campaign.js';
import { createEntity } from './create-entity.js';
import { parseEntityProfile } from './entity-profile-schema.js';
import { lockPeriod } from './period-locks.js';
import { postEntries } from './post-entries.js';
import { createUser } from './users.js';
import { reverseEntry } from './reverse-entry.js';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/demo');

type Step =
  | { post: { entity: string; journal: string; kind?: 'opening' } }
  | { reverse: { entity: string; seq: number; date: string; description: string } }
  | { lockMonths: { entity: string; year: number; months: number[] } }
  | { closeYear: { entity: string; year: number } };

interface Scenario {
  entities: unknown[];
  campaigns: Omit<CampaignRequest, 'actor'>[];
  steps: Step[];
}

const ACTOR: Actor = { name: 'demo', origin: 'seed-demo' };

/** The demo's administrator of every fund; a token for it comes from `issue-token`. */
export const DEMO_ADMIN = 'admin';

export function isEmpty(store: Store): boolean {
  return listEntities(store.db).length === 0;
}

/** Replays the scenario in `dir`; stops at the first refusal, which it returns. */
export function seedDemo(store: Store, options: { dir?: string; clock?: () => string } = {}): Result<null> {
  const dir = options.dir ?? DEMO_DIR;
  const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as Scenario;
  const session = { actor: ACTOR, ...(options.clock && { clock: options.clock }) };
  for (const raw of scenario.entities) {
    const profile = parseEntityProfile(raw);
    if (!profile.ok) throw new Error(`demo profile malformed at ${profile.field}: ${profile.message}`);
    const created = createEntity(store, profile.value, ACTOR);
    if (!created.ok) return created;
  }
  for (const campaign of scenario.campaigns) {
    const created = createCampaign(store, { ...campaign, actor: ACTOR });
    if (!created.ok) return created;
  }
  for (const step of scenario.steps) {
    const done = runStep(store, dir, step, session);
    if (!done.ok) return done;
  }
  const admin = createUser(store, { name: DEMO_ADMIN, grants: [{ role: 'admin' }], actor: ACTOR });
  return admin.ok ? accept(null) : admin;
}

function runStep(store: Store, dir: string, step: Step, session: { actor: Actor; clock?: () => string }): Result<unknown> {
  if ('post' in step) {
    const entries = parseJournal(readFileSync(join(dir, step.post.journal), 'utf8'));
    if (!entries.ok) return entries;
    return postEntries(store, { ...session, entity: step.post.entity, entries: entries.value, ...(step.post.kind && { kind: step.post.kind }) });
  }
  if ('reverse' in step) {
    const { entity, seq, date, description } = step.reverse;
    const fund = findEntityByCode(store.db, entity);
    const id = fund && findEntryIdBySeq(store.sqlite, fund.id, seq);
    if (id === undefined) return reject('entry_not_found', 'seq', String(seq));
    return reverseEntry(store, { ...session, entity, entryId: id, date, description });
  }
  if ('lockMonths' in step) {
    for (const month of step.lockMonths.months) {
      const locked = lockPeriod(store, { entity: step.lockMonths.entity, year: step.lockMonths.year, month, actor: session.actor });
      if (!locked.ok) return locked;
    }
    return accept(null);
  }
  return closeYear(store, { ...session, entity: step.closeYear.entity, year: step.closeYear.year });
}
