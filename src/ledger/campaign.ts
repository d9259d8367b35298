/**
 * Campaigns (cuộc vận động) and the time limits their legal basis sets: a launch before which
 * nothing is received, a receiving window that only an extension decision moves, and a
 * distribution deadline after it. The limits are each legal basis's data (src/regimes/); a
 * campaign may set its own ends where a commitment to donors says otherwise.
 */
import { addDays } from './calendar.js';

export const CAMPAIGN_KINDS = ['disaster', 'epidemic', 'poor-fund-drive', 'patient', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** A law or guidance whose time limits a campaign follows. */
export interface LegalBasis {
  readonly code: string;
  readonly title: string;
  /** The kinds of campaign it governs, and the launch dates it covers (inclusive; null: open). */
  readonly kinds: readonly CampaignKind[];
  readonly launchedFrom: string | null;
  readonly launchedUntil: string | null;
  /** Days of receiving from the launch, per level of the mobilising fund; absent: no statutory limit. */
  readonly receivingDays: Readonly<Partial<Record<string, number>>>;
  /** Days of distribution after receiving ends; null: no statutory limit. */
  readonly distributionDays: number | null;
  /** The levels whose funds may extend receiving. */
  readonly extendingLevels: readonly string[];
  /** What money without conditions may be used for (ND 93 art. 11.1), numbered as the text numbers them; empty where none was read. */
  readonly uses: readonly CampaignUse[];
  /** Days a disclosure stays posted (niêm yết) unless the fund says otherwise: no text read, so configuration. */
  readonly postingDays: number;
}

export interface CampaignUse {
  readonly number: number;
  readonly title: string;
}

/** The dates that decide what a campaign may still receive and pay out. */
export interface CampaignTerms {
  readonly code: string;
  readonly legalBasis: string;
  readonly launchedOn: string;
  /** The last day of receiving, extensions counted; null: open-ended. */
  readonly receivingEndsOn: string | null;
  /** The last day of distribution; null: open-ended. */
  readonly distributionEndsOn: string | null;
  readonly acceptsDesignated: boolean;
  /** The fund's bank or treasury account numbers dedicated to this campaign. */
  readonly accounts: readonly string[];
}

/**
 * The legal basis a campaign launched on a date follows when none is named: the first
 * basis, in the order given, that governs its kind and covers its launch.
 */
export function legalBasisFor(kind: CampaignKind, launchedOn: string, bases: Iterable<LegalBasis>): LegalBasis | undefined {
  for (const basis of bases) {
    if (!basis.kinds.includes(kind)) continue;
    if (basis.launchedFrom !== null && launchedOn < basis.launchedFrom) continue;
    if (basis.launchedUntil !== null && launchedOn > basis.launchedUntil) continue;
    return basis;
  }
  return undefined;
}

export interface CampaignDates {
  readonly launchedOn: string;
  /** The end of receiving as launched, or null for the basis's limit. */
  readonly endsOn: string | null;
  readonly distributionEndsOn: string | null;
  /** The new ends of its extensions, in the order decided. */
  readonly extendedTo: readonly string[];
}

/** The campaign's effective ends under its legal basis, for a mobilising fund of `level`. */
export function campaignEnds(dates: CampaignDates, basis: LegalBasis, level: string): { receivingEndsOn: string | null; distributionEndsOn: string | null } {
  const limit = basis.receivingDays[level];
  const launched = dates.endsOn ?? (limit === undefined ? null : addDays(dates.launchedOn, limit));
  const receivingEndsOn = dates.extendedTo.at(-1) ?? launched;
  const statutory = receivingEndsOn === null || basis.distributionDays === null ? null : addDays(receivingEndsOn, basis.distributionDays);
  return { receivingEndsOn, distributionEndsOn: dates.distributionEndsOn ?? statutory };
}
