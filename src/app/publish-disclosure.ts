/**
 * Publishing a disclosure — a campaign's, or the fund's own periodic report — is a frozen
 * act: the report as it stands is stored as canonical JSON with its SHA-256 and the head of
 * the chain of each fund it covers, so later postings never change what was published. A
 * correction supersedes an earlier publication with a reason; both stay readable, the
 * public ones without signing in. A publication is verified by deriving its figures again
 * from each fund's entries up to its recorded head.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../db/audit-repo.js';
import { findPublished, insertDisclosure, type PublishedRow } from '../db/disclosures-repo.js';
import type { Store } from '../db/store.js';
import { canonicalJson } from '../export/canonical-json.js';
import { disclosureJson } from '../export/disclosure-json.js';
import { accept, reject, type Result } from '../ledger/rejections.js';
import type { Caller } from './caller.js';
import { loadFund } from './fund.js';
import { inTransaction } from './in-transaction.js';
import { getDisclosure, type CampaignDisclosure } from './reports/get-disclosure.js';
import { getFundDisclosure, type FundDisclosure } from './reports/get-fund-disclosure.js';

export interface PublishRequest {
  readonly entity: string;
  /** The campaign whose disclosure is published; absent: the fund's own periodic report of receipts and uses. */
  readonly campaign?: string;
  readonly from?: string;
  readonly to?: string;
  /** With the funds below it, pooled money counted once. */
  readonly consolidated?: boolean;
  /** The publication this one corrects, with the reason. */
  readonly supersedes?: number;
  readonly reason?: string;
  readonly actor: Caller;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The report a publication freezes, as it stands now or (with `upto`) as it stood at the chain heads recorded. */
function deriveReport(
  store: Store,
  request: { entity: string; campaign?: string | null; from?: string; to?: string; consolidated?: boolean; upto?: ReadonlyMap<string, number>; asOf?: string },
): Result<CampaignDisclosure | FundDisclosure> {
  const { campaign, asOf, ...rest } = request;
  return campaign === undefined || campaign === null ? getFundDisclosure(store, rest) : getDisclosure(store, { ...rest, campaign, ...(asOf !== undefined && { asOf }) });
}

export function publishDisclosure(store: Store, request: PublishRequest): Result<PublishedRow> {
  return inTransaction(store, () => {
    const fund = loadFund(store, request.entity);
    if (!fund.ok) return fund;
    const { entity } = fund.value;
    if (request.supersedes !== undefined) {
      const earlier = findPublished(store.db, request.supersedes);
      if (!earlier || earlier.entity !== entity.code || earlier.campaign !== (request.campaign ?? null)) return reject('disclosure_not_found', 'supersedes', String(request.supersedes));
      if (earlier.supersededBy !== null) return reject('disclosure_already_superseded', 'supersedes', `${request.supersedes} by ${earlier.supersededBy}`);
      if ((request.reason ?? '').trim() === '') return reject('reason_required', 'reason');
    }
    const report = deriveReport(store, request);
    if (!report.ok) return report;
    const text = canonicalJson(disclosureJson(report.value));
    const row = insertDisclosure(store.db, {
      entityId: entity.id, campaignId: request.campaign === undefined ? null : (fund.value.campaignIds.get(request.campaign) as number),
      consolidated: request.consolidated ?? false, from: report.value.from, to: report.value.to,
      chainSeq: entity.chainSeq, chainHash: entity.chainHash, report: text, sha256: sha256(text),
      supersedesId: request.supersedes ?? null, reason: request.reason ?? null, publishedBy: request.actor.name,
    });
    recordAudit(store.db, request.actor, {
      entityId: entity.id, kind: 'disclosure.published', subject: String(row.id),
      detail: { campaign: request.campaign ?? null, consolidated: row.consolidated, from: row.from, to: row.to, sha256: row.sha256, chainSeq: row.chainSeq, supersedes: row.supersedesId },
    });
    const published = findPublished(store.db, row.id);
    return published ? accept(published) : reject('disclosure_not_found', 'id', String(row.id));
  });
}

/** The figures of a publication that its ledger, up to its recorded head, no longer gives; an empty list when it holds. */
export interface DisclosureCheck {
  readonly id: number;
  readonly sealed: boolean;
  readonly differences: string[];
}

/** What a re-derivation compares: every figure, and the heads and funds it covers; not the campaign's descriptive details. */
const FIGURES = ['funds', 'received', 'used', 'goods', 'costs', 'leftover', 'opening', 'closing', 'allocations'] as const;

export function verifyDisclosure(store: Store, request: { entity: string; id: number }): Result<DisclosureCheck> {
  const published = findPublished(store.db, request.id);
  if (!published || published.entity !== request.entity) return reject('disclosure_not_found', 'id', String(request.id));
  const sealed = sha256(published.report) === published.sha256;
  const stored = parsedReport(published.report);
  if (!stored) return accept({ id: published.id, sealed, differences: ['report'] });
  const derived = deriveReport(store, {
    entity: published.entity, campaign: published.campaign, from: published.from, to: published.to, consolidated: published.consolidated,
    upto: headsOf(stored, published), asOf: published.publishedAt,
  });
  if (!derived.ok) return derived;
  const again = disclosureJson(derived.value) as unknown as Record<string, unknown>;
  const differences = FIGURES.flatMap((figure) => differing(figure, stored[figure], again[figure]));
  return accept({ id: published.id, sealed, differences });
}

/** The chain sequence of each fund the stored report covers; the publishing fund's as recorded on the row. */
function headsOf(stored: Record<string, unknown>, published: PublishedRow): Map<string, number> {
  const heads = new Map<string, number>();
  const funds = Array.isArray(stored.funds) ? (stored.funds as unknown[]) : [];
  for (const f of funds) {
    const fund = f as { code?: unknown; chain?: { seq?: unknown } } | null;
    if (typeof fund?.code === 'string' && typeof fund.chain?.seq === 'number') heads.set(fund.code, fund.chain.seq);
  }
  heads.set(published.entity, published.chainSeq);
  return heads;
}

/** The stored report, or null when what is stored is not a JSON object (a file changed behind the triggers' back). */
function parsedReport(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The paths under `path` where two JSON values differ. */
function differing(path: string, a: unknown, b: unknown): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differing(`${path}.${k}`, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return canonicalJson(a) === canonicalJson(b) ? [] : [path];
}
