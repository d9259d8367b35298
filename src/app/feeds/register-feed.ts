/**
 * Registering a live bank feed for one of a fund's bank accounts: its provider, how its
 * deliveries are checked, its secret, and what its events become (posted receipts or drafts,
 * and where their campaign is read).
 */
import { recordAudit } from '../../db/audit-repo.js';
import { insertFeed } from '../../db/feeds-repo.js';
import type { Store } from '../../db/store.js';
import { patternProblem } from '../../import/bank/campaign-code.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';
import type { Caller } from '../caller.js';
import { loadFund } from '../fund.js';
import { inTransaction } from '../in-transaction.js';

/** The ways each provider's deliveries prove themselves. */
export const FEED_AUTH = { sepay: ['apikey', 'hmac'], casso: ['v1', 'v2'] } as const;
export type FeedProvider = keyof typeof FEED_AUTH;

export interface FeedRequest {
  readonly entity: string;
  readonly provider: FeedProvider;
  readonly auth: string;
  readonly bankAccount: string;
  readonly secret: string;
  /** What an accepted event becomes: a posted receipt, or a draft for an approver (the default). */
  readonly posting?: 'post' | 'draft';
  /** Where the campaign is read from the narrative: text with `{code}`. */
  readonly campaignPattern?: string;
  readonly actor: Caller;
}

export interface RegisteredFeed {
  readonly id: number;
  readonly provider: FeedProvider;
  readonly auth: string;
  readonly bankAccount: string;
  readonly posting: 'post' | 'draft';
  readonly campaignPattern: string | null;
  readonly url: string;
}

export function registerFeed(store: Store, request: FeedRequest): Result<RegisteredFeed> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const bankAccountId = fund.value.bankAccountIds.get(request.bankAccount);
    if (bankAccountId === undefined) return reject('bank_account_unknown', 'bankAccount', request.bankAccount);
    if (!(FEED_AUTH[request.provider] as readonly string[]).includes(request.auth)) return reject('feed_auth_unknown', 'auth', `${request.provider} takes ${FEED_AUTH[request.provider].join(' or ')}`);
    const pattern = request.campaignPattern === undefined ? null : patternProblem(request.campaignPattern);
    if (pattern !== null) return reject('campaign_pattern_invalid', 'campaignPattern', pattern);
    const posting = request.posting ?? 'draft';
    const campaignPattern = request.campaignPattern ?? null;
    const feed = insertFeed(store.db, { entityId: fund.value.entity.id, bankAccountId, provider: request.provider, auth: request.auth, secret: request.secret, posting, campaignPattern, createdBy: request.actor.name });
    recordAudit(store.db, request.actor, { entityId: fund.value.entity.id, kind: 'feed.registered', subject: String(feed.id), detail: { provider: request.provider, auth: request.auth, bankAccount: request.bankAccount, posting, campaignPattern } });
    return accept({ id: feed.id, provider: request.provider, auth: request.auth, bankAccount: request.bankAccount, posting, campaignPattern, url: `/api/feeds/${request.provider}/${feed.id}` });
  });
}
