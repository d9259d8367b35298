/**
 * The demo: the Fund for the Poor of Trà Vinh province and of Hòa Thuận commune below it,
 * through fiscal year 2024, made of vouchers as an accountant makes them — opening
 * balances, the Peak Month donations (one in US dollars), rice received and handed out to
 * households, a province → commune transfer sent in transit and confirmed, housing support
 * paid with its beneficiary list, Tết gifts, bank interest and fees, one cancelled
 * duplicate, monthly locks and the year-end close; its 2024 report published.
 *
 * Beside it, the relief boards (Ban vận động cứu trợ) of the province and the commune: a
 * 2021 Covid-19 campaign under ND 64/2008 and HD 22/2020, and a 2024 typhoon campaign under
 * ND 93/2021 — receipts at both levels, the commune pooling up, an allocation decision back
 * down with support levels, payments to households citing its lines, an extension, a late
 * receipt and a cost charged to donations refused — each with its disclosure published.
 *
 * The scenario lives in fixtures/demo as data, and the tests replay the same files.
 */
import { localCaller, type Caller } from './caller.js';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listEntities } from '../db/entities-repo.js';
import type { Store } from '../db/store.js';
import { parseJournal } from '../ledger/journal-text.js';
import { accept, type RejectionCode, type Result } from '../ledger/rejections.js';
import { allocate, type AllocationRequest } from './allocate.js';
import { closeYear } from './close-year.js';
import { extendCampaign, type ExtensionRequest } from './extend-campaign.js';
import { publishDisclosure, type PublishRequest } from './publish-disclosure.js';
import { createCampaign, type CampaignRequest } from './create-campaign.js';
import { createEntity } from './create-entity.js';
import { parseEntityProfile } from './entity-profile-schema.js';
import { setSealImage } from './seal-image.js';
import { lockPeriod } from './period-locks.js';
import { postEntries } from './post-entries.js';
import { createUser } from './users.js';
import { confirmTransfer } from './transfers/confirm-transfer.js';
import { createTransfer, type TransferRequest } from './transfers/create-transfer.js';
import { postDemoVouchers, type DemoVoucher } from './vouchers/demo-vouchers.js';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/demo');

type Step =
  | { post: { entity: string; journal: string; kind?: 'opening' } }
  | { vouchers: { entity: string; file: string } }
  | { transfer: Omit<TransferRequest, 'actor'> & { confirmOn?: string } }
  | { lockMonths: { entity: string; year: number; months: number[] } }
  | { closeYear: { entity: string; year: number } }
  | { allocate: Omit<AllocationRequest, 'actor'> }
  | { extend: Omit<ExtensionRequest, 'actor'> }
  /** Vouchers the rules must refuse with the code: the scenario shows what an accountant is stopped from doing. */
  | { refused: { code: RejectionCode; vouchers: { entity: string; file: string } } }
  | { publish: Omit<PublishRequest, 'actor'> }
  /** A fund's seal image, a PNG beside the scenario. */
  | { sealImage: { entity: string; file: string } };

interface Scenario {
  entities: unknown[];
  campaigns: Omit<CampaignRequest, 'actor'>[];
  steps: Step[];
}

const ACTOR = localCaller({ name: 'demo', origin: 'seed-demo' });

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

function runStep(store: Store, dir: string, step: Step, session: { actor: Caller; clock?: () => string }): Result<unknown> {
  if ('post' in step) {
    const entries = parseJournal(readFileSync(join(dir, step.post.journal), 'utf8'));
    if (!entries.ok) return entries;
    return postEntries(store, { ...session, entity: step.post.entity, entries: entries.value, ...(step.post.kind && { kind: step.post.kind }) });
  }
  if ('vouchers' in step) {
    const items = JSON.parse(readFileSync(join(dir, step.vouchers.file), 'utf8')) as DemoVoucher[];
    return postDemoVouchers(store, { entity: step.vouchers.entity, items, actor: session.actor });
  }
  if ('transfer' in step) {
    const { confirmOn, ...transfer } = step.transfer;
    const sent = createTransfer(store, { ...transfer, actor: session.actor });
    if (!sent.ok || confirmOn === undefined) return sent;
    return confirmTransfer(store, { id: sent.value.transfer.id, date: confirmOn, actor: session.actor });
  }
  if ('sealImage' in step) return setSealImage(store, { entity: step.sealImage.entity, bytes: readFileSync(join(dir, step.sealImage.file)), type: 'image/png', actor: ACTOR });
  if ('allocate' in step) return allocate(store, { ...step.allocate, actor: session.actor });
  if ('extend' in step) return extendCampaign(store, { ...step.extend, actor: session.actor });
  if ('publish' in step) return publishDisclosure(store, { ...step.publish, actor: session.actor });
  if ('refused' in step) {
    const tried = runStep(store, dir, { vouchers: step.refused.vouchers }, session);
    if (tried.ok || tried.code !== step.refused.code) throw new Error(`the demo expected ${step.refused.vouchers.file} to be refused with ${step.refused.code}, got ${tried.ok ? 'a posting' : tried.code}`);
    return accept(null);
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
